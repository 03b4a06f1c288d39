package engine

import (
	"cmp"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"riskconsole/internal/apperr"
	"riskconsole/internal/market"
)

// fuzzBytes hands out the fuzzer's bytes one at a time; once they run out it returns 0, which
// always selects the default choice, so short inputs are meaningful too.
type fuzzBytes []byte

func (b *fuzzBytes) next() byte {
	if len(*b) == 0 {
		return 0
	}
	c := (*b)[0]
	*b = (*b)[1:]
	return c
}

// inRange returns a point of [lo, hi] chosen by the next byte.
func (b *fuzzBytes) inRange(lo, hi float64) float64 {
	return lo + float64(b.next())/255*(hi-lo)
}

// fuzzAssessment builds a threshold set and values from fuzz input. The first byte picks the
// market; then each measure takes a rule byte and a value byte, and sometimes one more byte for a
// point in its range.
//
// Rule byte: bit 0 flips Enabled, bit 1 flips the comparator, bits 2-3 pick the cut-off (default,
// x, y, a point in range), bits 4-5 pick the scale (default, |x|, smallest, largest).
//
// Value byte modulo 8: the cut-off, a point in range, x, y, NaN, +Inf, -Inf, or the cut-off moved
// one step to the declining side.
func fuzzAssessment(data []byte, x, y float64) (ThresholdSet, Values) {
	b := fuzzBytes(data)
	set := DefaultSet(market.All[int(b.next())%len(market.All)])
	var v Values
	for i := range set.Rules {
		info, r := &Measures[i], &set.Rules[i]

		rc := b.next()
		if rc&1 != 0 {
			r.Enabled = !r.Enabled
		}
		if rc&2 != 0 {
			if r.Comparator == GTE {
				r.Comparator = LTE
			} else {
				r.Comparator = GTE
			}
		}
		switch rc >> 2 & 3 {
		case 1:
			r.Cutoff = x
		case 2:
			r.Cutoff = y
		case 3:
			r.Cutoff = b.inRange(info.Min, info.Max)
		}
		switch rc >> 4 & 3 {
		case 1:
			r.Scale = math.Abs(x)
		case 2:
			r.Scale = math.SmallestNonzeroFloat64
		case 3:
			r.Scale = math.MaxFloat64
		}

		switch b.next() % 8 {
		case 0:
			v[i] = r.Cutoff
		case 1:
			v[i] = b.inRange(info.Min, info.Max)
		case 2:
			v[i] = x
		case 3:
			v[i] = y
		case 4:
			v[i] = math.NaN()
		case 5:
			v[i] = math.Inf(1)
		case 6:
			v[i] = math.Inf(-1)
		case 7:
			away := math.Inf(-1)
			if r.Comparator == LTE {
				away = math.Inf(1)
			}
			// The nearest value on the declining side at the engine's precision.
			v[i] = float64(math.Nextafter32(float32(r.Cutoff), float32(away)))
		}
	}
	return set, v
}

// declines is the reference statement of a rule: an enabled rule declines a value below a GTE
// cut-off or above an LTE one, both taken at float32 precision, and any comparison involving
// NaN declines.
func declines(r *Rule, v float64) bool {
	if !r.Enabled {
		return false
	}
	if math.IsNaN(v) || math.IsNaN(r.Cutoff) {
		return true
	}
	if r.Comparator == LTE {
		return Single(v) > Single(r.Cutoff)
	}
	return Single(v) < Single(r.Cutoff)
}

// checkDecision asserts everything the engine promises about one decision, against a reference
// ranking built with a stable sort rather than Evaluate's insertion sort.
func checkDecision(t *testing.T, set *ThresholdSet, v *Values) {
	t.Helper()
	var res Result
	Evaluate(set, v, &res)

	var failed []Measure
	for i := range set.Rules {
		r := &set.Rules[i]
		c := res.Checks[i]
		fails := declines(r, v[i])
		if fails {
			failed = append(failed, Measure(i))
		}
		if c.Passed == fails || c.Measure != Measure(i) || c.Reason != r.Reason ||
			math.Float64bits(c.Value) != math.Float64bits(v[i]) {
			t.Fatalf("check %d = %+v for rule %+v and value %v; want failed=%v", i, c, *r, v[i], fails)
		}
		if !(c.Shortfall >= 0) || (c.Passed && c.Shortfall != 0) {
			t.Fatalf("check %d has shortfall %v", i, c.Shortfall)
		}
	}

	reasons := res.PrincipalReasons()
	if len(failed) == 0 {
		if res.Outcome != Approved || len(reasons) != 0 {
			t.Fatalf("no rule failed but got %v %v", res.Outcome, reasons)
		}
		return
	}
	if res.Outcome != Declined || len(reasons) < 1 || len(reasons) > MaxReasons {
		t.Fatalf("rules %v failed but got %v %v", failed, res.Outcome, reasons)
	}
	for k, r := range reasons {
		if slices.Index(reasons, r) != k {
			t.Fatalf("reason %v is named twice: %v", r, reasons)
		}
		if !slices.ContainsFunc(failed, func(m Measure) bool { return set.Rules[m].Reason == r }) {
			t.Fatalf("reason %v is not the code of a failed rule %v", r, failed)
		}
	}

	// Reference ranking. Every rule of a fuzzed set has its measure's own code, so the codes
	// of failed rules are distinct and the top MaxReasons failures are named in order.
	shortfall := func(m Measure) float64 {
		s := math.Abs(Single(v[m])-Single(set.Rules[m].Cutoff)) / set.Rules[m].Scale
		if math.IsNaN(s) {
			return math.Inf(1)
		}
		return s
	}
	first := func(m Measure) int {
		if m == IdentityVerified || m == AgeYears {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(failed, func(a, b Measure) int {
		return cmp.Or(cmp.Compare(first(a), first(b)), cmp.Compare(shortfall(b), shortfall(a)))
	})
	want := make([]Reason, 0, MaxReasons)
	for _, m := range failed[:min(len(failed), MaxReasons)] {
		want = append(want, set.Rules[m].Reason)
	}
	if !slices.Equal(reasons, want) {
		t.Fatalf("reasons = %v, want %v (failed in rank order: %v)", reasons, want, failed)
	}
}

// FuzzEvaluate checks Evaluate's promises on arbitrary values against sets with rules switched
// on and off, comparators flipped and arbitrary cut-offs and scales.
func FuzzEvaluate(f *testing.F) {
	nan, inf := math.NaN(), math.Inf(1)
	f.Add([]byte{}, 0.0, 0.0)
	f.Add([]byte{2, 0, 7, 0, 7, 1, 7, 0, 7}, 1.0, -1.0)
	f.Add([]byte{1, 4, 2, 8, 3, 12, 4, 16, 5, 32, 6, 48, 7}, nan, inf)
	f.Add([]byte{3, 0xff, 1, 128, 0x0c, 1, 7, 0x3c, 1, 200}, -inf, 5e-324)
	f.Fuzz(func(t *testing.T, data []byte, x, y float64) {
		set, v := fuzzAssessment(data, x, y)
		checkDecision(t, &set, &v)
	})
}

// fuzzRules builds a list of rules from fuzz input by applying edits to the default US rules, so
// that both accepted and rejected lists are common.
func fuzzRules(data []byte, x float64) []Rule {
	b := fuzzBytes(data)
	s := DefaultSet(market.All[0])
	rules := slices.Clone(s.Rules[:])
	if k := int(b.next()) % len(rules); k != 0 {
		rules = append(rules[k:], rules[:k]...)
	}
	for edits := b.next() % 8; edits > 0; edits-- {
		op, at := b.next()%10, int(b.next())
		if len(rules) == 0 {
			return rules
		}
		r := &rules[at%len(rules)]
		switch op {
		case 0:
			rules = slices.Delete(rules, at%len(rules), at%len(rules)+1)
		case 1:
			rules = append(rules, *r)
		case 2:
			r.Measure = Measure(b.next() % (NumMeasures + 2))
		case 3:
			r.Comparator = Comparator(b.next() % 4)
		case 4:
			r.Cutoff = x
		case 5:
			if r.Measure < NumMeasures {
				r.Cutoff = b.inRange(Measures[r.Measure].Min, Measures[r.Measure].Max)
			}
		case 6:
			r.Enabled = !r.Enabled
		case 7:
			r.Reason = Reason(b.next() % (NumReasons + 2))
		case 8:
			r.Scale = x
		case 9:
			r.Cutoff = float64(b.next() % 25)
		}
	}
	return rules
}

// FuzzNewThresholdSet checks that validation never panics, that it rejects with field errors
// only, that it agrees with Validate, and that whatever it accepts evaluates as promised.
func FuzzNewThresholdSet(f *testing.F) {
	f.Add([]byte{}, 0.0)
	f.Add([]byte{3, 1, 9, 9, 19}, 0.0)
	f.Add([]byte{0, 3, 6, 9, 0, 8, 5, 0, 3}, math.NaN())
	f.Add([]byte{7, 7, 0, 0, 1, 1, 2, 2, 200, 3, 4, 1, 4, 5}, 19.5)
	f.Fuzz(func(t *testing.T, data []byte, x float64) {
		rules := fuzzRules(data, x)
		set, err := NewThresholdSet(rules)

		// When every measure has exactly one rule, the list and its indexed form must be
		// judged alike.
		var indexed ThresholdSet
		var seen [NumMeasures]bool
		complete := len(rules) == NumMeasures
		for _, r := range rules {
			complete = complete && r.Measure < NumMeasures && !seen[r.Measure]
			if complete {
				seen[r.Measure] = true
				indexed.Rules[r.Measure] = r
			}
		}
		if complete && (err == nil) != (indexed.Validate() == nil) {
			t.Fatalf("NewThresholdSet says %v but Validate says %v", err, indexed.Validate())
		}

		if err != nil {
			var ve *apperr.ValidationError
			if !errors.As(err, &ve) || len(ve.Fields) == 0 {
				t.Fatalf("error %v (%T) is not a validation error with fields", err, err)
			}
			for _, fe := range ve.Fields {
				if !strings.HasPrefix(fe.Field, "rules") || fe.Message == "" {
					t.Fatalf("bad field error %+v", fe)
				}
			}
			return
		}
		if err := set.Validate(); err != nil {
			t.Fatalf("accepted set fails Validate: %v", err)
		}
		good := goodValues()
		checkDecision(t, &set, &good)
		_, v := fuzzAssessment(data, x, -x)
		checkDecision(t, &set, &v)
	})
}
