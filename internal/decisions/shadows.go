package decisions

import (
	"fmt"
	"strconv"
	"strings"

	"riskconsole/internal/engine"
	"riskconsole/internal/thresholds"
)

// ShadowResult is what a version running in shadow would have decided: stored beside the
// decision, never shown to the shopper.
type ShadowResult struct {
	VersionID int64
	Outcome   engine.Outcome
	Reasons   []engine.Reason // ranked principal reasons; empty on approval
}

// PrincipalReason returns the first-ranked reason, NoReason for an approval.
func (r *ShadowResult) PrincipalReason() engine.Reason {
	if len(r.Reasons) == 0 {
		return engine.NoReason
	}
	return r.Reasons[0]
}

// EvaluateShadows decides v under each of versions, in order.
func EvaluateShadows(v *engine.Values, versions []*thresholds.Version) []ShadowResult {
	if len(versions) == 0 {
		return nil
	}
	out := make([]ShadowResult, len(versions))
	var res engine.Result
	for i, sv := range versions {
		engine.Evaluate(&sv.Set, v, &res)
		out[i] = ShadowResult{VersionID: sv.ID, Outcome: res.Outcome}
		if res.NumReasons > 0 {
			out[i].Reasons = append([]engine.Reason(nil), res.PrincipalReasons()...)
		}
	}
	return out
}

// The stored form of a decision's shadow results (the shadow_results column) is compact and can
// be matched with LIKE: ";<version id>:<reasons>;" per shadow, run together, where reasons are
// the ranked principal reason codes as one lowercase hex digit each (codes are 1 to 15), or "0"
// for an approval; "" when no shadow ran. ";41:0;42:914;" reads: version 41 approves, version 42
// declines naming reasons 9, 1 and 4.

// EncodeShadowResults returns the stored form of rs.
func EncodeShadowResults(rs []ShadowResult) string {
	if len(rs) == 0 {
		return ""
	}
	b := make([]byte, 0, 16*len(rs))
	b = append(b, ';')
	for _, r := range rs {
		b = strconv.AppendInt(b, r.VersionID, 10)
		b = append(b, ':')
		b = appendShadowReasons(b, r.Reasons)
		b = append(b, ';')
	}
	return string(b)
}

func appendShadowReasons(b []byte, reasons []engine.Reason) []byte {
	if len(reasons) == 0 {
		return append(b, '0')
	}
	for _, r := range reasons {
		b = strconv.AppendUint(b, uint64(r), 16)
	}
	return b
}

// DecodeShadowResults parses the stored form.
func DecodeShadowResults(s string) ([]ShadowResult, error) {
	if s == "" {
		return nil, nil
	}
	body, ok := strings.CutPrefix(s, ";")
	body, ok2 := strings.CutSuffix(body, ";")
	if !ok || !ok2 || body == "" {
		return nil, fmt.Errorf("shadow results %q: not ;-delimited", s)
	}
	// Only the form EncodeShadowResults writes is read: the seal covers the stored text, so two
	// spellings of one result (a leading zero, a '+', a repeated reason) must not both verify.
	var out []ShadowResult
	for entry := range strings.SplitSeq(body, ";") {
		if len(out) == thresholds.MaxShadows {
			return nil, fmt.Errorf("shadow results %q: more than %d shadows", s, thresholds.MaxShadows)
		}
		id, codes, ok := strings.Cut(entry, ":")
		vid, err := strconv.ParseInt(id, 10, 64)
		if !ok || err != nil || vid <= 0 || id[0] < '1' || id[0] > '9' || codes == "" || len(codes) > engine.MaxReasons {
			return nil, fmt.Errorf("shadow results %q: bad entry %q", s, entry)
		}
		for _, prev := range out {
			if prev.VersionID == vid {
				return nil, fmt.Errorf("shadow results %q: version %d twice", s, vid)
			}
		}
		r := ShadowResult{VersionID: vid, Outcome: engine.Approved}
		if codes != "0" {
			r.Outcome = engine.Declined
			var seen uint32
			for _, c := range codes {
				var n rune
				switch {
				case c >= '1' && c <= '9':
					n = c - '0'
				case c >= 'a' && c <= 'f':
					n = c - 'a' + 10
				}
				if n == 0 || n > engine.NumReasons || seen&(1<<n) != 0 {
					return nil, fmt.Errorf("shadow results %q: bad reason %q", s, c)
				}
				seen |= 1 << n
				r.Reasons = append(r.Reasons, engine.Reason(n))
			}
		}
		out = append(out, r)
	}
	return out, nil
}
