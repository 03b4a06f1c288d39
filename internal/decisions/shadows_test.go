package decisions

import (
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"riskconsole/internal/engine"
	"riskconsole/internal/market"
	"riskconsole/internal/thresholds"
)

// TestShadowResultsRoundTrip encodes results to the documented stored form and decodes them back
// unchanged: approvals, declines naming one to MaxReasons reasons, reason codes written as hex
// letters, the largest version id.
func TestShadowResultsRoundTrip(t *testing.T) {
	declined := func(id int64, rs ...engine.Reason) ShadowResult {
		return ShadowResult{VersionID: id, Outcome: engine.Declined, Reasons: rs}
	}
	approved := func(id int64) ShadowResult { return ShadowResult{VersionID: id, Outcome: engine.Approved} }
	for _, tc := range []struct {
		name    string
		results []ShadowResult
		stored  string
	}{
		{"no shadow", nil, ""},
		{"the documented example", []ShadowResult{approved(41), declined(42, 9, 1, 4)}, ";41:0;42:914;"},
		{"one approval", []ShadowResult{approved(1)}, ";1:0;"},
		{"three shadows", []ShadowResult{declined(7, 3), approved(8), declined(9, 2, 5)}, ";7:3;8:0;9:25;"},
		{"reasons 10 to 15 as hex letters", []ShadowResult{declined(3, 10, 15, 12, 11), declined(4, 14)}, ";3:afcb;4:e;"},
		{"the largest version id", []ShadowResult{approved(math.MaxInt64)}, ";" + strconv.FormatInt(math.MaxInt64, 10) + ":0;"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := EncodeShadowResults(tc.results)
			if got != tc.stored {
				t.Fatalf("EncodeShadowResults = %q, want %q", got, tc.stored)
			}
			back, err := DecodeShadowResults(got)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, tc.results) {
				t.Fatalf("DecodeShadowResults(%q) = %+v, want %+v", got, back, tc.results)
			}
		})
	}
}

// TestEvaluateShadowsRoundTrip decides values under three sets with EvaluateShadows and checks
// each result against engine.Evaluate of its set, and that the stored form decodes to the same
// results: for values every set approves, values some sets decline, and values that fail every
// rule (so declines name MaxReasons reasons).
func TestEvaluateShadowsRoundTrip(t *testing.T) {
	versions := shadowVersions(t)
	passing, borderline, failing := shadowValues(versions)
	for _, tc := range []struct {
		name     string
		values   engine.Values
		declines int
	}{
		{"all approve", passing, 0},
		{"some decline", borderline, 2},
		{"all decline", failing, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs := EvaluateShadows(&tc.values, versions)
			if len(rs) != len(versions) {
				t.Fatalf("%d results for %d shadows", len(rs), len(versions))
			}
			declines := 0
			for i, r := range rs {
				var want engine.Result
				engine.Evaluate(&versions[i].Set, &tc.values, &want)
				if r.VersionID != versions[i].ID || r.Outcome != want.Outcome || !slices.Equal(r.Reasons, want.PrincipalReasons()) {
					t.Fatalf("shadow %d: %+v, want version %d %s %v", i, r, versions[i].ID, want.Outcome, want.PrincipalReasons())
				}
				if r.Outcome == engine.Declined {
					declines++
				}
			}
			if declines != tc.declines {
				t.Fatalf("%d shadows decline, want %d", declines, tc.declines)
			}
			if tc.declines == 3 && len(rs[0].Reasons) != engine.MaxReasons {
				t.Fatalf("failing every rule names %d reasons, want %d", len(rs[0].Reasons), engine.MaxReasons)
			}
			back, err := DecodeShadowResults(EncodeShadowResults(rs))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, rs) {
				t.Fatalf("decoded %+v, want %+v", back, rs)
			}
		})
	}
	if EvaluateShadows(&passing, nil) != nil || EncodeShadowResults(nil) != "" {
		t.Fatal("no shadow must store nothing")
	}
}

// shadowVersions returns three versions of market US that raise its bureau-score cut-off by 20,
// 40 and 60 points.
func shadowVersions(tb testing.TB) []*thresholds.Version {
	m, ok := market.Lookup("US")
	if !ok {
		tb.Fatal("market US is missing")
	}
	versions := make([]*thresholds.Version, thresholds.MaxShadows)
	for i := range versions {
		v := &thresholds.Version{ID: int64(40 + i), Market: m.Code, Version: 2 + i, Set: engine.DefaultSet(m)}
		v.Set.Rules[engine.BureauScore].Cutoff += float64(20 * (i + 1))
		versions[i] = v
	}
	return versions
}

// shadowValues returns values that the shadowVersions all approve, that the two stricter of them
// decline, and that fail every rule (each decline names MaxReasons reasons).
func shadowValues(versions []*thresholds.Version) (passing, borderline, failing engine.Values) {
	passing = engine.PassingValues()
	borderline = passing
	borderline[engine.BureauScore] = versions[0].Set.Rules[engine.BureauScore].Cutoff
	failing = passing
	for i := range engine.Measures {
		info := &engine.Measures[i]
		failing[i] = info.Min // fails every minimum
		if info.Comparator == engine.LTE {
			failing[i] = info.Max // and every maximum
		}
	}
	return passing, borderline, failing
}

// TestDecodeShadowResultsRefusesMalformed refuses what EncodeShadowResults cannot have written:
// missing delimiters, empty entries, bad or non-positive version ids, a missing, unknown or
// upper-case reason code, and more reasons than a decline names.
func TestDecodeShadowResultsRefusesMalformed(t *testing.T) {
	tooMany := ";41:" + strings.Repeat("1", engine.MaxReasons+1) + ";"
	for _, s := range []string{
		";", ";;", "41:0;", ";41:0", "41:0", ";41;", ";41:;", ";:0;", ";0:0;", ";-1:0;", ";x:0;", "; 41:0;",
		";99999999999999999999:0;", ";41:0;;42:0;", ";41:0:1;", ";41:00;", ";41:10;", ";41:g;", ";41:A;",
		";41:-;", tooMany, ";41:0;42", "\x00", ";41:0;\n",
		// Canonical form only: no leading zero or sign, no repeated reason or version, at most
		// MaxShadows entries.
		";041:0;", ";+41:0;", ";41:11;", ";41:919;", ";41:0;41:1;", ";41:0;42:0;43:0;44:0;",
	} {
		if rs, err := DecodeShadowResults(s); err == nil {
			t.Errorf("DecodeShadowResults(%q) = %+v, want an error", s, rs)
		} else if !strings.Contains(err.Error(), "shadow results") {
			t.Errorf("DecodeShadowResults(%q): error %q does not say what it read", s, err)
		}
	}
}
