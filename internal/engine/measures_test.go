package engine

import (
	"testing"

	"riskconsole/internal/apperr"
	"riskconsole/internal/market"
)

// TestMeasuresGenerated fails when measures_gen.go is stale: run go generate ./internal/engine.
func TestMeasuresGenerated(t *testing.T) {
	if len(Measures) != NumMeasures || NumReasons != NumMeasures {
		t.Fatalf("%d measures declared, NumMeasures %d, NumReasons %d: run go generate ./internal/engine",
			len(Measures), NumMeasures, NumReasons)
	}
	for i := range Measures {
		m := &Measures[i]
		if m.Measure != Measure(i) || m.Reason != Reason(i+1) || m.Reason.Measure() != m.Measure {
			t.Errorf("%s: derived positions %d/%d", m.Key, m.Measure, m.Reason)
		}
		if r, ok := ParseReason(m.ReasonCode); !ok || r != m.Reason || r.String() != m.ReasonCode {
			t.Errorf("%s: reason %q does not parse back", m.Key, m.ReasonCode)
		}
		if got, ok := ParseMeasure(m.Enum); !ok || got != m.Measure {
			t.Errorf("%s: enum %q does not parse back", m.Key, m.Enum)
		}
	}
}

func TestCamelCase(t *testing.T) {
	for in, want := range map[string][2]string{
		"bureau_score":              {"bureauScore", "BureauScore"},
		"recent_plans_30d":          {"recentPlans30d", "RecentPlans30d"},
		"CREDIT_SCORE_INSUFFICIENT": {"creditScoreInsufficient", "CreditScoreInsufficient"},
	} {
		if got := CamelCase(in, false); got != want[0] {
			t.Errorf("CamelCase(%q, false) = %q, want %q", in, got, want[0])
		}
		if got := CamelCase(in, true); got != want[1] {
			t.Errorf("CamelCase(%q, true) = %q, want %q", in, got, want[1])
		}
	}
}

// TestPassingValues: the declared sample values pass every market's default rules, all enabled,
// and are acceptable assessment values.
func TestPassingValues(t *testing.T) {
	v := PassingValues()
	for _, mk := range market.All {
		set := allEnabled(DefaultSet(mk))
		if res := evaluate(&set, v); res.Outcome != Approved {
			t.Errorf("%s: PassingValues declined: %v", mk.Code, res.PrincipalReasons())
		}
	}
	var ve apperr.ValidationError
	ValidateValues(&v, "values", &ve)
	if err := ve.Err(); err != nil {
		t.Error(err)
	}
}
