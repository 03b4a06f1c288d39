package engine

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"riskconsole/internal/apperr"
)

// defaultRules returns the default US set as the list of rules the API would send.
func defaultRules(t testing.TB) []Rule {
	s := usSet(t)
	return slices.Clone(s.Rules[:])
}

// edit returns a change that applies f to the rule of measure m in a list in measure order.
func edit(m Measure, f func(*Rule)) func([]Rule) []Rule {
	return func(rules []Rule) []Rule {
		f(&rules[m])
		return rules
	}
}

// edits applies several changes in turn.
func edits(changes ...func([]Rule) []Rule) func([]Rule) []Rule {
	return func(rules []Rule) []Rule {
		for _, c := range changes {
			rules = c(rules)
		}
		return rules
	}
}

// fieldsOf returns the sorted field paths of a validation error, and fails the test when err is
// not a *apperr.ValidationError matching apperr.ErrInvalid.
func fieldsOf(t *testing.T, err error) (paths, messages []string) {
	t.Helper()
	if err == nil {
		return nil, nil
	}
	var ve *apperr.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, apperr.ErrInvalid) {
		t.Fatalf("error %v (%T) is not a validation error", err, err)
	}
	for _, f := range ve.Fields {
		paths = append(paths, f.Field)
		messages = append(messages, f.Message)
	}
	slices.Sort(paths)
	return paths, messages
}

// TestNewThresholdSet checks that each violation is reported at its field path, and that all
// violations of one input are reported together. Unless listOnly is set, a case is also run
// through Validate on the indexed set, which must report the same paths.
func TestNewThresholdSet(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	cases := []struct {
		name     string
		change   func([]Rule) []Rule
		want     []string // field paths, any order
		message  string   // if set, some message must contain it
		listOnly bool
	}{
		{name: "default set is valid"},
		{
			name:     "rules may come in any order",
			change:   func(r []Rule) []Rule { slices.Reverse(r); return r },
			listOnly: true,
		},
		{
			name:     "empty list names every measure",
			change:   func([]Rule) []Rule { return nil },
			want:     slices.Repeat([]string{"rules"}, NumMeasures),
			message:  "no rule for BUREAU_SCORE",
			listOnly: true,
		},
		{
			name:     "missing rule names the measure",
			change:   func(r []Rule) []Rule { return slices.Delete(r, int(AgeYears), int(AgeYears)+1) },
			want:     []string{"rules"},
			message:  "no rule for AGE_YEARS",
			listOnly: true,
		},
		{
			name:     "unknown measure",
			change:   edit(EmploymentMonths, func(r *Rule) { r.Measure = 200 }),
			want:     []string{"rules", "rules[3].measure"},
			message:  "no rule for EMPLOYMENT_MONTHS",
			listOnly: true,
		},
		{
			name: "unknown measure still has its other fields checked",
			change: edit(EmploymentMonths, func(r *Rule) {
				*r = Rule{Measure: NumMeasures, Cutoff: inf, Scale: -1}
			}),
			want: []string{"rules", "rules[3].comparator", "rules[3].cutoff", "rules[3].measure",
				"rules[3].reason", "rules[3].scale"},
			listOnly: true,
		},
		{
			name:     "duplicate measure",
			change:   func(r []Rule) []Rule { return append(r, r[BureauScore]) },
			want:     []string{fmt.Sprintf("rules[%d].measure", NumMeasures)},
			message:  "duplicate rule for BUREAU_SCORE, already given at rules[0]",
			listOnly: true,
		},
		{
			name:   "comparator missing",
			change: edit(BureauScore, func(r *Rule) { r.Comparator = 0 }),
			want:   []string{"rules[0].comparator"},
		},
		{
			name:   "comparator unknown",
			change: edit(DebtToIncome, func(r *Rule) { r.Comparator = 9 }),
			want:   []string{"rules[5].comparator"},
		},
		{
			name:   "cut-off NaN",
			change: edit(MonthlyIncome, func(r *Rule) { r.Cutoff = nan }),
			want:   []string{"rules[1].cutoff"},
		},
		{
			name:   "cut-off infinite",
			change: edit(OutstandingCredit, func(r *Rule) { r.Cutoff = -inf }),
			want:   []string{"rules[14].cutoff"},
		},
		{
			name:   "cut-off below the measure's range",
			change: edit(BureauScore, func(r *Rule) { r.Cutoff = 299 }),
			want:   []string{"rules[0].cutoff"},
		},
		{
			name:   "cut-off above the measure's range",
			change: edit(DebtToIncome, func(r *Rule) { r.Cutoff = 100.01 }),
			want:   []string{"rules[5].cutoff"},
		},
		{
			name: "cut-offs at the ends of the range are accepted",
			change: edits(
				edit(BureauScore, func(r *Rule) { r.Cutoff = 300 }),
				edit(DebtToIncome, func(r *Rule) { r.Cutoff = 100 }),
				edit(LiquidSavings, func(r *Rule) { r.Cutoff = -10_000_000 }),
			),
		},
		{
			name:   "scale zero",
			change: edit(RecentPlans30d, func(r *Rule) { r.Scale = 0 }),
			want:   []string{"rules[4].scale"},
		},
		{
			name:   "scale negative",
			change: edit(RecentPlans30d, func(r *Rule) { r.Scale = -3 }),
			want:   []string{"rules[4].scale"},
		},
		{
			name:   "scale NaN",
			change: edit(MonthsAtAddress, func(r *Rule) { r.Scale = nan }),
			want:   []string{"rules[6].scale"},
		},
		{
			name:   "scale infinite",
			change: edit(MonthsAtAddress, func(r *Rule) { r.Scale = inf }),
			want:   []string{"rules[6].scale"},
		},
		{
			name:   "reason missing",
			change: edit(CreditHistoryMonths, func(r *Rule) { r.Reason = NoReason }),
			want:   []string{"rules[10].reason"},
		},
		{
			name:   "reason unknown",
			change: edit(CreditHistoryMonths, func(r *Rule) { r.Reason = NumReasons + 1 }),
			want:   []string{"rules[10].reason"},
		},
		{
			name:    "reason of another factor",
			change:  edit(BureauScore, func(r *Rule) { r.Reason = IncomeInsufficient }),
			want:    []string{"rules[0].reason"},
			message: "must be CREDIT_SCORE_INSUFFICIENT",
		},
		{
			name:   "flag cut-off between 0 and 1",
			change: edit(IncomeVerified, func(r *Rule) { r.Cutoff = 0.5 }),
			want:   []string{"rules[2].cutoff"},
		},
		{
			name:   "flag cut-off above 1",
			change: edit(AddressVerified, func(r *Rule) { r.Cutoff = 2 }),
			want:   []string{"rules[7].cutoff"},
		},
		{
			name:   "flag cut-off 0 is accepted",
			change: edit(IncomeVerified, func(r *Rule) { r.Cutoff = 0 }),
		},
		{
			name:    "age rule cannot set a maximum age",
			change:  edit(AgeYears, func(r *Rule) { r.Comparator = LTE; r.Cutoff = 21 }),
			want:    []string{"rules[9].comparator"},
			message: "minimum age",
		},
		{
			name:   "age cut-off below 18",
			change: edit(AgeYears, func(r *Rule) { r.Cutoff = 17 }),
			want:   []string{"rules[9].cutoff"},
		},
		{
			name:   "age cut-off above 21",
			change: edit(AgeYears, func(r *Rule) { r.Cutoff = 22 }),
			want:   []string{"rules[9].cutoff"},
		},
		{
			name:   "age cut-off 21 is accepted",
			change: edit(AgeYears, func(r *Rule) { r.Cutoff = 21 }),
		},
		{
			name:   "age rule disabled",
			change: edit(AgeYears, func(r *Rule) { r.Enabled = false }),
			want:   []string{"rules[9].enabled"},
		},
		{
			name:   "identity rule disabled",
			change: edit(IdentityVerified, func(r *Rule) { r.Enabled = false }),
			want:   []string{"rules[8].enabled"},
		},
		{
			name:   "identity rule LTE",
			change: edit(IdentityVerified, func(r *Rule) { r.Comparator = LTE }),
			want:   []string{"rules[8].comparator"},
		},
		{
			name:   "identity cut-off 0",
			change: edit(IdentityVerified, func(r *Rule) { r.Cutoff = 0 }),
			want:   []string{"rules[8].cutoff"},
		},
		{
			name:   "disabled rules are still checked",
			change: edit(LiquidSavings, func(r *Rule) { r.Cutoff = nan; r.Scale = 0 }),
			want:   []string{"rules[13].cutoff", "rules[13].scale"},
		},
		{
			name: "many violations are all reported at once",
			change: edits(
				edit(BureauScore, func(r *Rule) { r.Cutoff = 900; r.Scale = 0 }),
				edit(IncomeVerified, func(r *Rule) { r.Cutoff = 0.5 }),
				edit(RecentPlans30d, func(r *Rule) { r.Comparator = 0; r.Reason = NoReason }),
				edit(IdentityVerified, func(r *Rule) { r.Enabled = false }),
				edit(AgeYears, func(r *Rule) { *r = Rule{Measure: AgeYears, Comparator: LTE, Cutoff: 65, Scale: 3} }),
				edit(OutstandingCredit, func(r *Rule) { r.Reason = CreditScoreInsufficient }),
			),
			want: []string{
				"rules[0].cutoff", "rules[0].scale", "rules[2].cutoff", "rules[4].comparator",
				"rules[4].reason", "rules[8].enabled", "rules[9].comparator", "rules[9].cutoff",
				"rules[9].enabled", "rules[9].reason", "rules[14].reason",
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rules := defaultRules(t)
			if tc.change != nil {
				rules = tc.change(rules)
			}
			want := slices.Sorted(slices.Values(tc.want))
			set, err := NewThresholdSet(rules)

			got, messages := fieldsOf(t, err)
			if !slices.Equal(got, want) {
				t.Errorf("NewThresholdSet fields = %q, want %q\nerror: %v", got, want, err)
			}
			if tc.message != "" && !slices.ContainsFunc(messages, func(m string) bool {
				return strings.Contains(m, tc.message)
			}) {
				t.Errorf("no message contains %q: %q", tc.message, messages)
			}
			if err == nil {
				if vErr := set.Validate(); vErr != nil {
					t.Errorf("accepted set fails Validate: %v", vErr)
				}
				for m, r := range set.Rules {
					if r.Measure != Measure(m) {
						t.Errorf("set.Rules[%d] is the rule for %v", m, r.Measure)
					}
				}
			} else if set != (ThresholdSet{}) {
				t.Errorf("rejected input returned a non-zero set")
			}

			if tc.listOnly {
				return
			}
			var indexed ThresholdSet
			copy(indexed.Rules[:], rules)
			got, _ = fieldsOf(t, indexed.Validate())
			if !slices.Equal(got, want) {
				t.Errorf("Validate fields = %q, want %q", got, want)
			}
		})
	}
}

// TestThresholdSetValidate covers what only an indexed set can get wrong: a rule at the position
// of another measure, and the zero value.
func TestThresholdSetValidate(t *testing.T) {
	cases := []struct {
		name   string
		set    func(ThresholdSet) ThresholdSet
		want   []string
		isZero bool
	}{
		{
			name: "rules at each other's positions are judged by position",
			set: func(s ThresholdSet) ThresholdSet {
				s.Rules[0], s.Rules[1] = s.Rules[1], s.Rules[0]
				return s
			},
			// The income rule at the credit score's position has a cut-off (1000) outside the
			// score range; both rules carry the other measure's reason.
			want: []string{"rules[0].cutoff", "rules[0].measure", "rules[0].reason",
				"rules[1].measure", "rules[1].reason"},
		},
		{
			name: "the zero set is invalid, so an empty set can never approve everyone",
			set:  func(ThresholdSet) ThresholdSet { return ThresholdSet{} },
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.set(usSet(t))
			err := s.Validate()
			got, _ := fieldsOf(t, err)
			if tc.want == nil {
				if !slices.Contains(got, "rules[8].enabled") || !slices.Contains(got, "rules[9].enabled") {
					t.Errorf("fields = %q, want identity and age reported as disabled", got)
				}
				return
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("fields = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestValidateRulesPath checks that ValidateRules reports under the caller's path and adds to
// errors the caller already collected.
func TestValidateRulesPath(t *testing.T) {
	var ve apperr.ValidationError
	ve.Add("input.market", "unknown market")
	// Without the credit score rule, the income rule comes first in the list.
	rules := defaultRules(t)[1:]
	rules[0].Scale = 0
	ValidateRules(rules, "input.rules", &ve)
	got, _ := fieldsOf(t, ve.Err())
	want := []string{"input.market", "input.rules", "input.rules[0].scale"}
	if !slices.Equal(got, want) {
		t.Errorf("fields = %q, want %q", got, want)
	}
}

// TestValidateValues checks each kind of bad measured value and its field path.
func TestValidateValues(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	cases := []struct {
		name   string
		values map[Measure]float64 // changes to goodValues
		want   []string            // field names under input.values
	}{
		{name: "good values are accepted"},
		{name: "NaN", values: map[Measure]float64{BureauScore: nan}, want: []string{"bureauScore"}},
		{name: "infinite", values: map[Measure]float64{MonthlyIncome: inf}, want: []string{"monthlyIncome"}},
		{name: "negative infinite", values: map[Measure]float64{LiquidSavings: -inf}, want: []string{"liquidSavings"}},
		{name: "below the range", values: map[Measure]float64{BureauScore: 299}, want: []string{"bureauScore"}},
		{name: "above the range", values: map[Measure]float64{AgeYears: 131}, want: []string{"ageYears"}},
		{name: "negative money", values: map[Measure]float64{OutstandingCredit: -1}, want: []string{"outstandingCredit"}},
		{name: "negative savings are accepted", values: map[Measure]float64{LiquidSavings: -500}},
		{name: "flag between 0 and 1", values: map[Measure]float64{IncomeVerified: 0.5}, want: []string{"incomeVerified"}},
		{name: "flag above 1", values: map[Measure]float64{AddressVerified: 2}, want: []string{"addressVerified"}},
		{name: "fraction of a month", values: map[Measure]float64{EmploymentMonths: 6.5}, want: []string{"employmentMonths"}},
		{name: "fraction of a year", values: map[Measure]float64{AgeYears: 30.5}, want: []string{"ageYears"}},
		{name: "fraction of a count", values: map[Measure]float64{RecentPlans30d: 1.5}, want: []string{"recentPlans30d"}},
		{name: "fraction of a delinquency", values: map[Measure]float64{Delinquencies24m: 0.25}, want: []string{"delinquencies24m"}},
		{
			name:   "fractions of scores, money and ratios are accepted",
			values: map[Measure]float64{BureauScore: 700.5, MonthlyIncome: 1234.56, DebtToIncome: 0.37},
		},
		{
			name:   "range ends are accepted",
			values: map[Measure]float64{BureauScore: 850, CreditHistoryMonths: 0, MonthsAtAddress: 1440},
		},
		{
			name: "every bad value is reported at once",
			values: map[Measure]float64{
				BureauScore: nan, IncomeVerified: 0.5, RecentPlans30d: 2.5, DebtToIncome: -0.1,
				IdentityVerified: inf, Delinquencies24m: 1001,
			},
			want: []string{"bureauScore", "debtToIncome", "delinquencies24m", "identityVerified",
				"incomeVerified", "recentPlans30d"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := with(goodValues(), tc.values)
			var ve apperr.ValidationError
			ValidateValues(&v, "input.values", &ve)
			got, _ := fieldsOf(t, ve.Err())
			var want []string
			for _, f := range tc.want {
				want = append(want, "input.values."+f)
			}
			if !slices.Equal(got, want) {
				t.Errorf("fields = %q, want %q", got, want)
			}
		})
	}
}
