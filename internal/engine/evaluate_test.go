package engine

import (
	"math"
	"slices"
	"testing"
)

// TestEvaluateEachRule checks every rule of the default US set on its own: a value exactly at the
// cut-off passes, a value just beyond it declines with the rule's reason code, and the same
// value passes once the rule is disabled. The expected codes and cut-offs are those of DOMAIN.md.
func TestEvaluateEachRule(t *testing.T) {
	cases := []struct {
		name       string
		measure    Measure
		at, beyond float64
		reason     Reason
	}{
		{name: "credit score", measure: BureauScore, at: 580, beyond: 579, reason: CreditScoreInsufficient},
		{name: "monthly income", measure: MonthlyIncome, at: 1000, beyond: 999.99, reason: IncomeInsufficient},
		{name: "income verified", measure: IncomeVerified, at: 1, beyond: 0, reason: IncomeUnverified},
		{name: "employment months", measure: EmploymentMonths, at: 6, beyond: 5, reason: EmploymentLength},
		{name: "recent plans", measure: RecentPlans30d, at: 5, beyond: 6, reason: RecentPlansExcessive},
		{name: "debt to income", measure: DebtToIncome, at: 0.45, beyond: 0.4501, reason: ObligationsExcessive},
		{name: "months at address", measure: MonthsAtAddress, at: 3, beyond: 2, reason: ResidenceLength},
		{name: "address verified", measure: AddressVerified, at: 1, beyond: 0, reason: ResidenceUnverified},
		{name: "identity verified", measure: IdentityVerified, at: 1, beyond: 0, reason: IdentityUnverified},
		{name: "age", measure: AgeYears, at: 18, beyond: 17, reason: UnderLegalAge},
		{name: "credit history months", measure: CreditHistoryMonths, at: 6, beyond: 5, reason: CreditHistoryLimited},
		{name: "delinquencies", measure: Delinquencies24m, at: 1, beyond: 2, reason: DelinquentObligations},
		{name: "affordability ratio", measure: AffordabilityRatio, at: 1.5, beyond: 1.49, reason: AffordabilityInsufficient},
		{name: "liquid savings", measure: LiquidSavings, at: 0, beyond: -0.01, reason: ReservesInsufficient},
		{name: "outstanding credit", measure: OutstandingCredit, at: 2500, beyond: 2500.01, reason: OutstandingCreditHigh},
	}

	// A measure without a case here gets one from its declaration: at the cut-off, and one step
	// beyond it.
	covered := map[Measure]bool{}
	for _, tc := range cases {
		covered[tc.measure] = true
	}
	for i := range Measures {
		info := &Measures[i]
		if covered[info.Measure] {
			continue
		}
		beyond := info.Cutoff - info.Step
		if info.Comparator == LTE {
			beyond = info.Cutoff + info.Step
		}
		cases = append(cases, struct {
			name       string
			measure    Measure
			at, beyond float64
			reason     Reason
		}{name: info.Key, measure: info.Measure, at: info.Cutoff, beyond: beyond, reason: info.Reason})
	}

	set := allEnabled(usSet(t))
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rule := set.Rules[tc.measure]

			t.Run("passes at the cut-off", func(t *testing.T) {
				res := evaluate(&set, with(goodValues(), map[Measure]float64{tc.measure: tc.at}))
				if res.Outcome != Approved || res.NumReasons != 0 || !res.Checks[tc.measure].Passed {
					t.Errorf("got %v with reasons %v, want APPROVED", res.Outcome, res.PrincipalReasons())
				}
			})

			t.Run("fails just beyond the cut-off", func(t *testing.T) {
				res := evaluate(&set, with(goodValues(), map[Measure]float64{tc.measure: tc.beyond}))
				if res.Outcome != Declined || !slices.Equal(res.PrincipalReasons(), []Reason{tc.reason}) {
					t.Fatalf("got %v with reasons %v, want DECLINED with [%v]",
						res.Outcome, res.PrincipalReasons(), tc.reason)
				}
				c := res.Checks[tc.measure]
				wantShortfall := math.Abs(Single(tc.beyond)-Single(tc.at)) / rule.Scale
				if c.Passed || c.Value != tc.beyond || math.Abs(c.Shortfall-wantShortfall) > 1e-9 {
					t.Errorf("check = %+v, want failed with value %v and shortfall %v",
						c, tc.beyond, wantShortfall)
				}
			})

			t.Run("disabled rule never fails", func(t *testing.T) {
				off := set
				off.Rules[tc.measure].Enabled = false
				info := Measures[tc.measure]
				for _, x := range []float64{tc.beyond, info.Min, info.Max, math.NaN(), math.Inf(-1), math.Inf(1)} {
					res := evaluate(&off, with(goodValues(), map[Measure]float64{tc.measure: x}))
					c := res.Checks[tc.measure]
					if res.Outcome != Approved || !c.Passed || c.Enabled || c.Shortfall != 0 {
						t.Errorf("value %v: got %v, check %+v, want APPROVED and a passed check", x, res.Outcome, c)
					}
				}
			})
		})
	}
}

// TestEvaluateRanking checks the order and number of principal reasons.
func TestEvaluateRanking(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name   string
		values map[Measure]float64 // changes to goodValues
		adjust func(*ThresholdSet) // changes to the default US set, if any
		want   []Reason            // empty means approved
	}{
		{
			name: "every rule passes: approved without reasons",
		},
		{
			name:   "identity first even with the smallest shortfall",
			values: map[Measure]float64{BureauScore: 300, OutstandingCredit: 90_000, IdentityVerified: 0},
			want:   []Reason{IdentityUnverified, OutstandingCreditHigh, CreditScoreInsufficient},
		},
		{
			name:   "legal age first even with a tiny shortfall",
			values: map[Measure]float64{DebtToIncome: 5, AgeYears: 17.99},
			want:   []Reason{UnderLegalAge, ObligationsExcessive},
		},
		{
			name:   "identity and age both ahead of larger shortfalls, ranked between them by shortfall",
			values: map[Measure]float64{IdentityVerified: 0, AgeYears: 10, BureauScore: 300},
			want:   []Reason{UnderLegalAge, IdentityUnverified, CreditScoreInsufficient},
		},
		{
			name:   "others by relative shortfall, largest first",
			values: map[Measure]float64{BureauScore: 500, DebtToIncome: 0.95, OutstandingCredit: 3000},
			want:   []Reason{ObligationsExcessive, CreditScoreInsufficient, OutstandingCreditHigh},
		},
		{
			name: "shortfall is relative to the rule's scale, not absolute",
			// 20 score points below (0.2 units) against $900 of income below (0.9 units).
			values: map[Measure]float64{BureauScore: 560, MonthlyIncome: 100},
			want:   []Reason{IncomeInsufficient, CreditScoreInsufficient},
		},
		{
			name:   "equal shortfalls keep measure order",
			values: map[Measure]float64{RecentPlans30d: 8, BureauScore: 480, MonthlyIncome: 0},
			want:   []Reason{CreditScoreInsufficient, IncomeInsufficient, RecentPlansExcessive},
		},
		{
			name: "at most four reasons, the four largest",
			values: map[Measure]float64{
				BureauScore: 570, MonthlyIncome: 500, EmploymentMonths: 0, RecentPlans30d: 20,
				DebtToIncome: 1.65, MonthsAtAddress: 2, CreditHistoryMonths: 0,
			},
			// Income, employment and credit history tie at 0.5 for the last place; measure order
			// picks income and employment.
			want: []Reason{ObligationsExcessive, RecentPlansExcessive, IncomeInsufficient, EmploymentLength},
		},
		{
			name: "a code shared by two failed rules is named once",
			values: map[Measure]float64{
				MonthsAtAddress: 0, AddressVerified: 0, BureauScore: 570, OutstandingCredit: 2600,
				EmploymentMonths: 5,
			},
			// A valid set cannot share codes (see TestNewThresholdSet), but Evaluate promises
			// distinct codes for any set.
			adjust: func(s *ThresholdSet) { s.Rules[MonthsAtAddress].Reason = ResidenceUnverified },
			want: []Reason{ResidenceUnverified, CreditScoreInsufficient, OutstandingCreditHigh,
				EmploymentLength},
		},
		{
			name:   "a NaN value fails and outranks every finite shortfall",
			values: map[Measure]float64{BureauScore: 300, CreditHistoryMonths: nan},
			want:   []Reason{CreditHistoryLimited, CreditScoreInsufficient},
		},
		{
			name:   "a NaN value fails an LTE rule too",
			values: map[Measure]float64{Delinquencies24m: nan},
			want:   []Reason{DelinquentObligations},
		},
		{
			name:   "a NaN value still ranks behind identity and age",
			values: map[Measure]float64{BureauScore: nan, AgeYears: 17.5},
			want:   []Reason{UnderLegalAge, CreditScoreInsufficient},
		},
		{
			name:   "NaN values tie and keep measure order",
			values: map[Measure]float64{OutstandingCredit: nan, MonthlyIncome: nan, DebtToIncome: nan},
			want:   []Reason{IncomeInsufficient, ObligationsExcessive, OutstandingCreditHigh},
		},
		{
			name:   "a NaN value under a disabled rule passes",
			values: map[Measure]float64{IncomeVerified: nan, LiquidSavings: nan},
		},
		{
			name:   "a NaN cut-off fails every value",
			values: map[Measure]float64{},
			adjust: func(s *ThresholdSet) { s.Rules[AffordabilityRatio].Cutoff = nan },
			want:   []Reason{AffordabilityInsufficient},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			set := usSet(t)
			if tc.adjust != nil {
				tc.adjust(&set)
			}
			res := evaluate(&set, with(goodValues(), tc.values))
			wantOutcome := Declined
			if len(tc.want) == 0 {
				wantOutcome = Approved
			}
			if res.Outcome != wantOutcome || !slices.Equal(res.PrincipalReasons(), tc.want) {
				t.Errorf("got %v %v, want %v %v", res.Outcome, res.PrincipalReasons(), wantOutcome, tc.want)
			}
		})
	}
}

// TestEvaluateNaNShortfall checks that a NaN value is recorded as failed with an infinite
// shortfall, so that the breakdown explains why it ranks first.
func TestEvaluateNaNShortfall(t *testing.T) {
	set := usSet(t)
	res := evaluate(&set, with(goodValues(), map[Measure]float64{BureauScore: math.NaN()}))
	c := res.Checks[BureauScore]
	if c.Passed || !math.IsInf(c.Shortfall, 1) || !math.IsNaN(c.Value) {
		t.Errorf("check = %+v, want failed with value NaN and shortfall +Inf", c)
	}
}

// TestEvaluateOverwritesResult checks that a reused Result carries nothing over from the
// previous assessment: each purchase is judged afresh.
func TestEvaluateOverwritesResult(t *testing.T) {
	set := usSet(t)
	declined := with(goodValues(), map[Measure]float64{
		BureauScore: 300, IdentityVerified: 0, DebtToIncome: 3, OutstandingCredit: 9000,
	})
	approved := goodValues()

	var reused Result
	Evaluate(&set, &declined, &reused)
	Evaluate(&set, &approved, &reused)
	if fresh := evaluate(&set, approved); reused != fresh {
		t.Errorf("reused result = %+v, want %+v", reused, fresh)
	}
}

// TestEvaluateDoesNotAllocate guards the promise of the package comment: checkout calls
// Evaluate on every purchase, so it must not create garbage.
func TestEvaluateDoesNotAllocate(t *testing.T) {
	set := usSet(t)
	values := []Values{goodValues(), with(goodValues(), map[Measure]float64{
		BureauScore: 300, IdentityVerified: 0, DebtToIncome: 3, OutstandingCredit: 9000, AgeYears: 12,
	})}
	var out Result
	i := 0
	allocs := testing.AllocsPerRun(1000, func() {
		Evaluate(&set, &values[i&1], &out)
		i++
	})
	if allocs != 0 {
		t.Errorf("Evaluate allocates %v times per call, want 0", allocs)
	}
}

// TestEvaluateFloat32Precision pins the precision of comparisons: a value that differs from its
// cut-off only beyond float32 precision counts as equal to it, and one float32 step beyond
// fails, with the shortfall computed from the rounded numbers.
func TestEvaluateFloat32Precision(t *testing.T) {
	set := allEnabled(usSet(t))
	below := float64(math.Nextafter32(580, 0))
	tests := []struct {
		name   string
		value  float64
		passed bool
	}{
		{name: "equal at float32 precision", value: 579.99999999, passed: true},
		{name: "one float32 step below", value: below, passed: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := evaluate(&set, with(goodValues(), map[Measure]float64{BureauScore: tt.value}))
			c := res.Checks[BureauScore]
			if c.Passed != tt.passed || c.Value != tt.value {
				t.Fatalf("check = %+v, want passed=%v with the value as submitted", c, tt.passed)
			}
			if !tt.passed && c.Shortfall != (580-below)/set.Rules[BureauScore].Scale {
				t.Fatalf("shortfall = %v, want %v", c.Shortfall, (580-below)/set.Rules[BureauScore].Scale)
			}
		})
	}
}
