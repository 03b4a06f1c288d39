package engine

import (
	"math"
	"math/rand/v2"
	"testing"

	"riskconsole/internal/apperr"
)

// benchN is the number of pre-generated assessments the benchmark cycles through: enough that
// the branch predictor cannot learn the sequence, small enough to stay in cache like a hot
// checkout path would.
const benchN = 1024

// benchDeclineRate is the share of generated assessments that fail at least one rule.
const benchDeclineRate = 0.15

// benchValues returns n assessments shaped like checkout traffic against set: about 85% pass
// every rule, the rest fail one to three enabled rules. A fixed seed keeps runs comparable.
func benchValues(set *ThresholdSet, n int) []Values {
	rng := rand.New(rand.NewPCG(2026, 11))
	var enabled []Measure
	for i, r := range set.Rules {
		if r.Enabled {
			enabled = append(enabled, Measure(i))
		}
	}
	out := make([]Values, n)
	for k := range out {
		for i := range set.Rules {
			out[k][i] = sampleValue(rng, &set.Rules[i], true)
		}
		if rng.Float64() >= benchDeclineRate {
			continue
		}
		failures := 1 + rng.IntN(3)
		for _, j := range rng.Perm(len(enabled))[:failures] {
			m := enabled[j]
			out[k][m] = sampleValue(rng, &set.Rules[m], false)
		}
	}
	return out
}

// sampleValue returns a value on the passing or failing side of r, between a twentieth and three
// scale units away from the cut-off, kept in the measure's range and whole where its unit is.
func sampleValue(rng *rand.Rand, r *Rule, pass bool) float64 {
	info := &Measures[r.Measure]
	d := (0.05 + 3*rng.Float64()) * r.Scale
	up := (r.Comparator == GTE) == pass
	x := r.Cutoff - d
	if up {
		x = r.Cutoff + d
	}
	// Rounding away from the cut-off keeps the value on the side it was drawn for.
	if info.Unit == UnitFlag || wholeUnit(info.Unit) {
		if up {
			x = math.Ceil(x)
		} else {
			x = math.Floor(x)
		}
	}
	return min(max(x, info.Min), info.Max)
}

// TestBenchValues checks that the benchmark measures the traffic it claims to: valid values,
// about 85% approvals, and declines failing one to three rules.
func TestBenchValues(t *testing.T) {
	set := usSet(t)
	values := benchValues(&set, benchN)
	approved := 0
	for i := range values {
		var ve apperr.ValidationError
		ValidateValues(&values[i], "values", &ve)
		if err := ve.Err(); err != nil {
			t.Fatalf("values[%d]: %v", i, err)
		}
		res := evaluate(&set, values[i])
		failed := 0
		for _, c := range res.Checks {
			if !c.Passed {
				failed++
			}
		}
		if res.Outcome == Approved {
			approved++
		} else if failed < 1 || failed > 3 {
			t.Errorf("values[%d] fails %d rules, want 1 to 3", i, failed)
		}
	}
	if rate := float64(approved) / benchN; rate < 0.80 || rate > 0.90 {
		t.Errorf("approval rate = %.3f, want about 0.85", rate)
	}
}

// BenchmarkEvaluate measures one assessment against the default US set on realistic traffic.
func BenchmarkEvaluate(b *testing.B) {
	set := usSet(b)
	values := benchValues(&set, benchN)
	var out Result
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		Evaluate(&set, &values[n%benchN], &out)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "evals/s")
}
