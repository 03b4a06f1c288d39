package engine

import (
	"math"
	"testing"

	"riskconsole/internal/market"
)

// TestDefaultSet checks each market's default set: it is valid, money cut-offs and scales are in
// the market's currency, and every other rule is the US rule.
func TestDefaultSet(t *testing.T) {
	cases := []struct {
		name                    string // market code
		income, outstanding     float64
		incomeScale, savingsCut float64
	}{
		{name: "US", income: 1000, outstanding: 2500, incomeScale: 1000},
		{name: "GB", income: 800, outstanding: 2000, incomeScale: 800},
		{name: "SE", income: 10_000, outstanding: 25_000, incomeScale: 10_000},
		{name: "DE", income: 900, outstanding: 2250, incomeScale: 900},
	}
	if len(cases) != len(market.All) {
		t.Fatalf("the table covers %d markets, want all %d", len(cases), len(market.All))
	}
	us := usSet(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := market.Lookup(tc.name)
			if !ok {
				t.Fatalf("market %s is missing", tc.name)
			}
			set := DefaultSet(m)
			if err := set.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}

			near := func(got, want float64) bool { return math.Abs(got-want) <= 1e-9*math.Max(1, want) }
			money := map[Measure]float64{
				MonthlyIncome: tc.income, OutstandingCredit: tc.outstanding, LiquidSavings: tc.savingsCut,
			}
			for i, r := range set.Rules {
				if want, isMoney := money[Measure(i)]; isMoney {
					if !near(r.Cutoff, want) {
						t.Errorf("%v cut-off = %v, want %v", r.Measure, r.Cutoff, want)
					}
					continue
				}
				if r != us.Rules[i] {
					t.Errorf("%v rule = %+v, want the US rule %+v", r.Measure, r, us.Rules[i])
				}
			}
			if got := set.Rules[MonthlyIncome].Scale; !near(got, tc.incomeScale) {
				t.Errorf("income scale = %v, want %v", got, tc.incomeScale)
			}

			// The scaled cut-off decides in the local currency.
			at := with(goodValues(), map[Measure]float64{MonthlyIncome: set.Rules[MonthlyIncome].Cutoff})
			below := with(goodValues(), map[Measure]float64{MonthlyIncome: set.Rules[MonthlyIncome].Cutoff - 1})
			if res := evaluate(&set, at); res.Outcome != Approved {
				t.Errorf("income at the cut-off: got %v, want APPROVED", res.Outcome)
			}
			if res := evaluate(&set, below); res.Outcome != Declined {
				t.Errorf("income below the cut-off: got %v, want DECLINED", res.Outcome)
			}
		})
	}
}

// TestDefaultSetOffByDefault checks the two rules DOMAIN.md lists as off by default.
func TestDefaultSetOffByDefault(t *testing.T) {
	set := usSet(t)
	for i, r := range set.Rules {
		wantOn := Measure(i) != IncomeVerified && Measure(i) != LiquidSavings
		if r.Enabled != wantOn {
			t.Errorf("%v enabled = %v, want %v", r.Measure, r.Enabled, wantOn)
		}
	}
}

// TestMeasureFields checks the camelCase names the GraphQL API uses for the first 15 measured
// values: deriving them from the keys must keep the names clients send. Later values are
// checked by TestMeasuresGenerated.
func TestMeasureFields(t *testing.T) {
	want := []string{
		"bureauScore", "monthlyIncome", "incomeVerified", "employmentMonths", "recentPlans30d",
		"debtToIncome", "monthsAtAddress", "addressVerified", "identityVerified", "ageYears",
		"creditHistoryMonths", "delinquencies24m", "affordabilityRatio", "liquidSavings",
		"outstandingCredit",
	}
	for i, info := range Measures[:len(want)] {
		if info.Field != want[i] || info.Measure != Measure(i) {
			t.Errorf("Measures[%d] = %v with Field %q, want %q", i, info.Measure, info.Field, want[i])
		}
	}
}

// TestReasonMeasure checks that every reason maps back to the measure that yields it.
func TestReasonMeasure(t *testing.T) {
	for _, info := range Measures {
		if got := info.Reason.Measure(); got != info.Measure {
			t.Errorf("%v.Measure() = %v, want %v", info.Reason, got, info.Measure)
		}
	}
}
