package engine

import (
	"fmt"
	"math"

	"riskconsole/internal/apperr"
)

// MinAgeCutoff and MaxAgeCutoff bound the minimum age a threshold set may require. The age rule
// exists for legal capacity, so it may only require an adult; a minimum above 21 would no longer
// be about capacity but decline shoppers for being older.
const (
	MinAgeCutoff = 18
	MaxAgeCutoff = 21
)

// NewThresholdSet validates a threshold set given as a list of rules, in any order, as it
// arrives from the API, and returns it indexed by Measure. On any problem it returns a
// *apperr.ValidationError naming every problem, with field paths such as "rules[3].cutoff".
func NewThresholdSet(rules []Rule) (ThresholdSet, error) {
	var ve apperr.ValidationError
	s := ValidateRules(rules, "rules", &ve)
	if err := ve.Err(); err != nil {
		return ThresholdSet{}, err
	}
	return s, nil
}

// ValidateRules is NewThresholdSet for callers that collect the errors of a larger input: it
// adds a field error under path (e.g. "input.rules") to ve for every problem of rules and
// returns the rules indexed by Measure. The returned set is only meaningful when nothing was
// added to ve.
func ValidateRules(rules []Rule, path string, ve *apperr.ValidationError) ThresholdSet {
	var s ThresholdSet
	// at[m] is 1 + the list position of the first rule for measure m, 0 when none was seen.
	var at [NumMeasures]int
	for i := range rules {
		r := &rules[i]
		p := fmt.Sprintf("%s[%d]", path, i)
		if r.Measure >= NumMeasures {
			ve.Add(p+".measure", "unknown measure %d", r.Measure)
			checkRule(nil, r, p, ve)
			continue
		}
		if first := at[r.Measure]; first != 0 {
			ve.Add(p+".measure", "duplicate rule for %s, already given at %s[%d]",
				r.Measure, path, first-1)
		} else {
			at[r.Measure] = i + 1
			s.Rules[r.Measure] = *r
		}
		checkRule(&Measures[r.Measure], r, p, ve)
	}
	for m, first := range at {
		if first == 0 {
			ve.Add(path, "no rule for %s", Measures[m].Enum)
		}
	}
	return s
}

// Validate checks an already indexed set with the rules of NewThresholdSet: each position holds
// the rule for its own measure, and every rule is acceptable. Field paths use the position,
// e.g. "rules[9].cutoff" for the age rule.
func (s *ThresholdSet) Validate() error {
	var ve apperr.ValidationError
	for i := range s.Rules {
		r := &s.Rules[i]
		p := fmt.Sprintf("rules[%d]", i)
		if r.Measure != Measure(i) {
			ve.Add(p+".measure", "must be %s, the measure of position %d", Measure(i), i)
		}
		// Evaluate applies the rule at position i to value i whatever its Measure says, so the
		// rule is judged against the measure of its position.
		checkRule(&Measures[i], r, p, &ve)
	}
	return ve.Err()
}

// rulePolicy is what a rule for one measure may say.
type rulePolicy struct {
	minCutoff, maxCutoff float64
	// gteOnly, when set, says why the rule may only set a minimum.
	gteOnly string
	// mustEnable, when set, says why the rule may not be switched off.
	mustEnable string
}

// policyOf returns the policy of a measure, as declared: most measures only bound the cut-off
// to the range their values can take; identity and legal age are compliance rules whose shape
// is fixed.
func policyOf(info *MeasureInfo) rulePolicy {
	p := info.Policy
	if p.CutoffMin == 0 && p.CutoffMax == 0 {
		p.CutoffMin, p.CutoffMax = info.Min, info.Max
	}
	return rulePolicy{p.CutoffMin, p.CutoffMax, p.GTEOnly, p.MustEnable}
}

// checkRule adds an error to ve for each bad field of r, one error per field. info is the
// measure the rule applies to, or nil when it is unknown; then only the checks that do not
// depend on the measure are made.
func checkRule(info *MeasureInfo, r *Rule, path string, ve *apperr.ValidationError) {
	var pol rulePolicy
	if info != nil {
		pol = policyOf(info)
	}

	switch {
	case r.Comparator != GTE && r.Comparator != LTE:
		ve.Add(path+".comparator", "must be GTE or LTE")
	case pol.gteOnly != "" && r.Comparator != GTE:
		ve.Add(path+".comparator", "must be GTE: %s", pol.gteOnly)
	}

	if pol.mustEnable != "" && !r.Enabled {
		ve.Add(path+".enabled", "must be enabled: %s", pol.mustEnable)
	}

	switch {
	case !isFinite(r.Cutoff):
		ve.Add(path+".cutoff", "must be a finite number")
	case info == nil:
		// The allowed range depends on the measure, which is unknown.
	case pol.minCutoff == pol.maxCutoff && r.Cutoff != pol.minCutoff:
		ve.Add(path+".cutoff", "must be %g for %s", pol.minCutoff, info.Enum)
	case r.Cutoff < pol.minCutoff || r.Cutoff > pol.maxCutoff:
		ve.Add(path+".cutoff", "must be between %g and %g for %s",
			pol.minCutoff, pol.maxCutoff, info.Enum)
	case info.Unit == UnitFlag && r.Cutoff != 0 && r.Cutoff != 1:
		ve.Add(path+".cutoff", "must be 0 or 1 for %s", info.Enum)
	}

	if !isFinite(r.Scale) || r.Scale <= 0 {
		ve.Add(path+".scale", "must be a finite number greater than 0")
	}

	// A rule names its measure's own code, so a decline can never cite a factor that was not
	// the one that failed.
	switch {
	case r.Reason == NoReason || r.Reason > NumReasons:
		ve.Add(path+".reason", "must be a reason code")
	case info != nil && r.Reason != info.Reason:
		ve.Add(path+".reason", "must be %s, the reason code of %s", info.Reason, info.Enum)
	}
}

// ValidateValues adds a field error to ve for each measured value of v that an assessment may
// not carry: not a finite number, outside the measure's range, a flag other than 0 or 1, or a
// fraction where the unit counts whole months, years or events. The field path is path + "." +
// the measure's Field, e.g. "input.values.bureauScore"; each value gets at most one error.
func ValidateValues(v *Values, path string, ve *apperr.ValidationError) {
	for i := range v {
		info := &Measures[i]
		x := v[i]
		// The field's path is built only for a value refused: this runs on every assessment.
		field := func() string { return path + "." + info.Field }
		switch {
		case !isFinite(x):
			ve.Add(field(), "must be a finite number")
		case x < info.Min || x > info.Max:
			ve.Add(field(), "must be between %g and %g", info.Min, info.Max)
		case info.Unit == UnitFlag && x != 0 && x != 1:
			ve.Add(field(), "must be 0 or 1")
		case wholeUnit(info.Unit) && x != math.Trunc(x):
			ve.Add(field(), "must be a whole number")
		}
	}
}

// wholeUnit reports whether values in u are counted in whole units.
func wholeUnit(u Unit) bool { return u.Whole() }

func isFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
