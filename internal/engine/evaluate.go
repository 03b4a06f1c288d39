package engine

import "math"

// Evaluate decides one assessment: it checks every rule of set against v and writes the
// outcome, the breakdown and the ranked principal reasons into out. It does not allocate.
//
// Precision: values and cut-offs are compared, and shortfalls computed, at float32 precision
// (7 significant digits, far finer than any cut-off): both are rounded to the nearest float32
// first. The what-if history keeps measured values as float32 columns, and this makes its replay
// of a stored decision exactly the engine's. The breakdown still shows the values as submitted.
//
// Ranking: failures of measures declared RanksFirst (identity and legal age) come first, then
// the other failed rules by relative shortfall (|value - cut-off| / scale), largest first; ties
// keep Measure order. A value that is NaN fails its rule with an infinite shortfall. At most
// MaxReasons distinct codes are named.
func Evaluate(set *ThresholdSet, v *Values, out *Result) {
	var failed [NumMeasures]uint8
	n := 0
	for i := range set.Rules {
		r := &set.Rules[i]
		c := &out.Checks[i]
		*c = Check{Measure: Measure(i), Value: v[i], Comparator: r.Comparator, Cutoff: r.Cutoff,
			Enabled: r.Enabled, Passed: true, Reason: r.Reason}
		if !r.Enabled {
			continue
		}
		val, cut := Single(v[i]), Single(r.Cutoff)
		var pass bool
		if r.Comparator == LTE {
			pass = val <= cut
		} else {
			pass = val >= cut
		}
		if pass {
			continue
		}
		c.Passed = false
		sf := math.Abs(val-cut) / r.Scale
		if math.IsNaN(sf) {
			sf = math.Inf(1)
		}
		c.Shortfall = sf
		// Insertion sort by rank; at most NumMeasures elements.
		j := n
		for j > 0 && outranks(c, &out.Checks[failed[j-1]]) {
			failed[j] = failed[j-1]
			j--
		}
		failed[j] = uint8(i)
		n++
	}
	// Clearing the unused slots too makes out a function of set and v alone, whatever it held
	// before, so results can be compared and stored whole.
	out.Reasons = [MaxReasons]Reason{}
	out.NumReasons = 0
	if n == 0 {
		out.Outcome = Approved
		return
	}
	out.Outcome = Declined
	for k := 0; k < n && out.NumReasons < MaxReasons; k++ {
		r := out.Checks[failed[k]].Reason
		dup := false
		for j := 0; j < out.NumReasons; j++ {
			dup = dup || out.Reasons[j] == r
		}
		if !dup {
			out.Reasons[out.NumReasons] = r
			out.NumReasons++
		}
	}
}

// outranks orders failed checks: those whose measure is declared RanksFirst (identity and legal
// age) first, then the larger shortfall, then the lower measure index.
func outranks(a, b *Check) bool {
	pa, pb := ranksFirst[a.Reason], ranksFirst[b.Reason]
	if pa != pb {
		return pa
	}
	if a.Shortfall != b.Shortfall {
		return a.Shortfall > b.Shortfall
	}
	return a.Measure < b.Measure
}

// Single rounds x to the nearest float32, the precision at which Evaluate compares values with
// cut-offs.
func Single(x float64) float64 { return float64(float32(x)) }
