package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"riskconsole/internal/audit"
	"riskconsole/internal/auditlog"
	"riskconsole/internal/decisions"
	"riskconsole/models"
)

// A decision's seal, "<key id>:<MAC>", is the key's MAC of the decision's stored content: whoever
// changes a stored decision without the key (the database's owner, who can disable the
// append-only trigger) cannot make a matching seal. The seal costs one HMAC over about a
// kilobyte per assessment (microseconds), and no lock: decisions are not chained.

// sealValues fills the seal, the last of vals (decisionValues of a row built by decisionRow, with
// its id as text), with the key's seal of the others. Without a key it leaves the seal as it is
// (empty).
func (s *Store) sealValues(vals []any) {
	if s.key == nil {
		return
	}
	// decisionRow writes the steps with json.Marshal of a []string, already in canonical form.
	vals[len(vals)-1] = s.key.ID() + ":" + s.key.Seal(decisionContent(sealedValues(vals), false))
}

// sealedValues returns the values of vals (decisionValues) that a seal covers: all but the seal,
// except that an AUTOMATED decision's kind and empty review link (the columns issue 15 added, at
// their defaults) are left out, so that the seals of decisions written before them still match
// and an automated decision's seal is what it was.
func sealedValues(vals []any) []any {
	vals = vals[:len(vals)-1]
	review := vals[len(vals)-reviewColumns:]
	if review[0] == string(decisions.KindAutomated) && review[1] == "" && review[2] == "" && review[3] == "" {
		return vals[:len(vals)-reviewColumns]
	}
	return vals
}

// decisionContent returns the bytes a seal covers: the values of decisionColumns before the seal
// (those of optionalColumns only when they are set),
// each length-prefixed, in forms that survive a round trip through either database: times as
// microseconds since the epoch, floats in their shortest exact form, and the message steps as
// canonical JSON (PostgreSQL's jsonb reformats them), which canonicalSteps asks to compute; the
// steps decisionRow writes are in that form already. It runs once per assessment, so it encodes
// in place rather than through strings.
func decisionContent(vals []any, canonicalSteps bool) []byte {
	b := make([]byte, 0, 1536)
	var scratch [64]byte
	// Decisions sealed before the optional columns existed have them empty: leave them out then.
	for i, v := range vals {
		if v == "" && slices.Contains(optionalColumns[:], i) {
			continue
		}
		var field []byte
		switch v := v.(type) {
		case string:
			if canonicalSteps && decisionColumns[i] == "message_steps" {
				field = audit.CanonicalJSON([]byte(v))
			} else {
				b = appendField(b, v)
				continue
			}
		case int64:
			field = strconv.AppendInt(scratch[:0], v, 10)
		case int:
			field = strconv.AppendInt(scratch[:0], int64(v), 10)
		case float64:
			field = strconv.AppendFloat(scratch[:0], v, 'g', -1, 64)
		case time.Time:
			field = strconv.AppendInt(scratch[:0], v.UnixMicro(), 10)
		default:
			panic(fmt.Sprintf("decision column %s: no canonical form for %T", decisionColumns[i], v))
		}
		b = appendField(b, field)
	}
	return b
}

// appendField appends one length-prefixed field to b.
func appendField[T string | []byte](b []byte, field T) []byte {
	b = strconv.AppendInt(b, int64(len(field)), 10)
	b = append(b, ':')
	return append(b, field...)
}

// sealCheck checks one decision row's seal under the store's key.
type sealCheck struct {
	row    models.Decision
	mark   int64  // its write mark (markExpr)
	result string // "" when it matches or has no seal, else a reason
}

// CheckDecisionSeals reads every decision in order of time (then id) and recomputes its seal with
// the store's key: it stops at the first whose seal does not match its content, is another key's,
// or is missing although a sealed decision came before it (decisions stored before the console
// had a key have none). The check streams, in parallel, as the audit chain's does. It tallies
// each month's decisions as it goes (see auditlog.MonthTally), those written below the month's
// mark in marks as closed.
func (s *Store) CheckDecisionSeals(ctx context.Context, marks map[string]int64) (auditlog.SealVerification, map[string]auditlog.MonthTally, error) {
	res := auditlog.SealVerification{OK: true}
	months := newMonthTallies(marks)
	sealing := false // a sealed decision came before
	read := func(ctx context.Context, fn func([]sealCheck) bool) error {
		return s.readDecisions(ctx, verifyBatchSize, fn)
	}
	mac := func(c *sealCheck) bool {
		c.result = s.sealProblem(&c.row)
		return c.result == ""
	}
	link := func(c *sealCheck, ok bool) bool {
		res.Checked++
		months.add(c.row.ID, c.row.CreatedAt, c.mark)
		switch {
		case !ok:
			res.Reason = c.result
		case c.row.Seal == "" && sealing:
			res.Reason = auditlog.ReasonSealRemoved
		case c.row.Seal == "":
			res.Unsealed++
			return true
		default:
			sealing = true
			return true
		}
		res.OK = false
		res.FirstBroken = &auditlog.BrokenDecision{ID: c.row.ID, Reference: c.row.Reference, CreatedAt: c.row.CreatedAt.UTC()}
		return false
	}
	if _, err := checkInOrder(ctx, read, mac, link); err != nil {
		return auditlog.SealVerification{}, nil, fmt.Errorf("verify decision seals: %w", err)
	}
	return res, months.result(), nil
}

// sealProblem returns why r's seal does not check out under the store's key, "" when it does or
// r has none.
func (s *Store) sealProblem(r *models.Decision) string {
	if r.Seal == "" {
		return ""
	}
	keyID, mac, _ := strings.Cut(r.Seal, ":")
	if s.key == nil || keyID != s.key.ID() {
		return auditlog.ReasonSealOtherKey
	}
	vals, err := decisionValues(r, false)
	if err != nil || !audit.Verify(s.key.Seal(decisionContent(sealedValues(vals), true)), mac) {
		return auditlog.ReasonSealMismatch
	}
	return ""
}

// readDecisions reads every decision in order of time, then id, and hands them to fn in batches
// of up to n, in fresh slices; it stops early when fn returns false. One statement streams the
// table along its (created_at, id) index.
func (s *Store) readDecisions(ctx context.Context, n int, fn func([]sealCheck) bool) error {
	rows, err := s.db.WithContext(ctx).Raw("SELECT " + decisionColumnList + ", " + s.markExpr() + " FROM decisions ORDER BY created_at, id").Rows()
	if err != nil {
		return fmt.Errorf("read decisions: %w", err)
	}
	defer rows.Close()
	batch := make([]sealCheck, 0, n)
	targets := make([]any, 0, len(decisionColumns)+1)
	for rows.Next() {
		batch = append(batch, sealCheck{})
		c := &batch[len(batch)-1]
		targets = append(decisionTargets(targets[:0], &c.row), &c.mark)
		if err := rows.Scan(targets...); err != nil {
			return fmt.Errorf("read decision: %w", err)
		}
		if len(batch) == n {
			if !fn(batch) {
				return nil
			}
			batch = make([]sealCheck, 0, n)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read decisions: %w", err)
	}
	if len(batch) > 0 {
		fn(batch)
	}
	return nil
}
