package engine

import (
	"testing"

	"riskconsole/internal/market"
)

// goodValues returns the values of a shopper who passes every default rule of every market with
// room to spare, so that a test can change one value and see only that rule react.
func goodValues() Values {
	var v Values
	v[BureauScore] = 720
	v[MonthlyIncome] = 40_000 // above the highest scaled cut-off (SE)
	v[IncomeVerified] = 1
	v[EmploymentMonths] = 48
	v[RecentPlans30d] = 1
	v[DebtToIncome] = 0.2
	v[MonthsAtAddress] = 36
	v[AddressVerified] = 1
	v[IdentityVerified] = 1
	v[AgeYears] = 35
	v[CreditHistoryMonths] = 96
	v[Delinquencies24m] = 0
	v[AffordabilityRatio] = 4
	v[LiquidSavings] = 5_000
	v[OutstandingCredit] = 300
	return v
}

// with returns a copy of v with the given values replaced.
func with(v Values, change map[Measure]float64) Values {
	for m, x := range change {
		v[m] = x
	}
	return v
}

// usSet returns the default set of market US.
func usSet(t testing.TB) ThresholdSet {
	t.Helper()
	m, ok := market.Lookup("US")
	if !ok {
		t.Fatal("market US is missing")
	}
	return DefaultSet(m)
}

// allEnabled returns s with every rule switched on, so that rules that are off by default can
// be tested like the others.
func allEnabled(s ThresholdSet) ThresholdSet {
	for i := range s.Rules {
		s.Rules[i].Enabled = true
	}
	return s
}

// evaluate runs Evaluate into a fresh Result.
func evaluate(s *ThresholdSet, v Values) Result {
	var out Result
	Evaluate(s, &v, &out)
	return out
}
