package whatif

import (
	"math/rand/v2"
	"slices"
	"testing"

	"riskconsole/internal/engine"
)

// TestQuantiles checks the axis of every measure: distinct, ascending, from the smallest value to
// the largest, each value at its quantile (nearest rank), and the same on every call.
func TestQuantiles(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	s := historyOf(randomRows(t, rng, 3_000)).Snapshot()
	lo, hi := 100, s.Len()-50
	for m := engine.Measure(0); m < engine.NumMeasures; m++ {
		q := Quantiles(s, lo, hi, m, 41)
		var vals []float64
		for i := lo; i < hi; i++ {
			if v := s.Value(i, m); v == v {
				vals = append(vals, float64(v))
			}
		}
		slices.Sort(vals)
		if len(q) < 1 || len(q) > 41 || float32(q[0]) != float32(vals[0]) || float32(q[len(q)-1]) != float32(vals[len(vals)-1]) {
			t.Fatalf("%s: axis %v does not run from %v to %v", m, q, vals[0], vals[len(vals)-1])
		}
		for i := 1; i < len(q); i++ {
			if q[i] <= q[i-1] {
				t.Fatalf("%s: axis not strictly ascending at %d: %v", m, i, q)
			}
		}
		for i := 0; i <= 40; i++ {
			want := float32(vals[(len(vals)-1)*i/40])
			if !slices.ContainsFunc(q, func(v float64) bool { return float32(v) == want }) {
				t.Errorf("%s: quantile %d/40 = %v missing from %v", m, i, want, q)
			}
		}
		if again := Quantiles(s, lo, hi, m, 41); !slices.Equal(q, again) {
			t.Errorf("%s: two calls differ", m)
		}
	}
	if q := Quantiles(s, 10, 10, 0, 41); q != nil {
		t.Errorf("empty window: %v", q)
	}
}

// TestQuantilesReadShortest checks that an axis value reads as written: a ratio stored as the
// float32 nearest 0.45 comes back as 0.45.
func TestQuantilesReadShortest(t *testing.T) {
	if got := shortest(float32(0.45)); got != 0.45 {
		t.Errorf("shortest(float32(0.45)) = %v", got)
	}
	if got := shortest(float32(1234567)); got != 1234567 {
		t.Errorf("shortest(1234567) = %v", got)
	}
}
