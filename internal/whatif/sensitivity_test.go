package whatif

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"riskconsole/internal/engine"
)

// declinedByEngine counts the rows [lo, hi) of s that engine.Evaluate declines under set.
func declinedByEngine(s *Snapshot, lo, hi int, set *engine.ThresholdSet) int {
	var out engine.Result
	n := 0
	for i := lo; i < hi; i++ {
		v := s.Values(i)
		engine.Evaluate(set, &v, &out)
		if out.Outcome == engine.Declined {
			n++
		}
	}
	return n
}

// TestSensitivityMatchesEngine checks the curve against the engine at many cut-offs of every
// measure: the stored values themselves (the curve's bucket edges), the float32 neighbours of
// some, the proposal's cut-off and the ends of the range.
func TestSensitivityMatchesEngine(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	s := historyOf(randomRows(t, rng, 4_000)).Snapshot()
	for k := 0; k < 6; k++ {
		proposed := randomSet(t, rng)
		lo := rng.IntN(s.Len() / 4)
		hi := s.Len() - rng.IntN(s.Len()/4)
		for m := engine.Measure(0); m < engine.NumMeasures; m++ {
			cv := PrepareSensitivity(s, lo, hi, m, &proposed)
			info := &engine.Measures[m]
			cutoffs := []float64{proposed.Rules[m].Cutoff, info.Min, info.Max}
			for q := 0; q < 5; q++ {
				v := float64(s.Value(lo+rng.IntN(hi-lo), m))
				cutoffs = append(cutoffs, v,
					float64(math.Nextafter32(float32(v), float32(math.Inf(1)))),
					float64(math.Nextafter32(float32(v), float32(math.Inf(-1)))))
			}
			for _, c := range cutoffs {
				set := proposed
				set.Rules[m].Cutoff = c
				set.Rules[m].Enabled = true
				if got, want := cv.DeclinedCount(c), declinedByEngine(s, lo, hi, &set); got != want {
					t.Errorf("set %d %s cut-off %v: curve %d, engine %d", k, m, c, got, want)
				}
			}
			off := proposed
			off.Rules[m].Enabled = false
			// The engine evaluates a set that Validate would refuse (identity off) all the same.
			if got, want := cv.DisabledRate(), float64(declinedByEngine(s, lo, hi, &off))/float64(hi-lo); got != want {
				t.Errorf("set %d %s disabled: curve %v, engine %v", k, m, got, want)
			}
			if got, want := cv.ProposedRate(), float64(declinedByEngine(s, lo, hi, &proposed))/float64(hi-lo); got != want {
				t.Errorf("set %d %s as proposed: curve %v, engine %v", k, m, got, want)
			}
			pts := cv.Points(101)
			if len(pts) != 101 {
				t.Fatalf("Points(101) gave %d points", len(pts))
			}
			// The curve is monotone: GTE declines more as the cut-off rises, LTE less.
			for i := 1; i < len(pts); i++ {
				up := pts[i].Declined >= pts[i-1].Declined
				if proposed.Rules[m].Comparator == engine.LTE {
					up = pts[i].Declined <= pts[i-1].Declined
				}
				if !up {
					t.Errorf("set %d %s: curve not monotone at %v", k, m, pts[i].Cutoff)
					break
				}
			}
		}
	}
}

func TestSensitivityEdges(t *testing.T) {
	def := usDefault(t)
	empty := PrepareSensitivity(NewHistory("US").Snapshot(), 0, 0, engine.BureauScore, &def)
	if empty.DeclineRate(600) != 0 || len(empty.Points(0)) != 101 {
		t.Error("empty window")
	}
	h := NewHistory("US")
	good := Row{At: 1}
	for m := range good.Values {
		good.Values[m] = float32(engine.Measures[m].Cutoff)
	}
	for _, v := range []float32{-0.0, 0, 5, float32(math.NaN())} {
		r := good
		r.Values[engine.LiquidSavings] = v
		h.Append(&r)
	}
	cv := PrepareSensitivity(h.Snapshot(), 0, 4, engine.LiquidSavings, &def)
	// -0 and +0 are equal: at cut-off 0 both pass; NaN always fails.
	for _, c := range []struct {
		cut  float64
		want int
	}{{-1, 1}, {0, 1}, {math.Copysign(0, -1), 1}, {0.5, 3}, {5, 3}, {6, 4}, {math.NaN(), 4}} {
		if got := cv.DeclinedCount(c.cut); got != c.want {
			t.Errorf("DeclinedCount(%v) = %d, want %d", c.cut, got, c.want)
		}
	}
}

func TestRadixSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, n := range []int{0, 1, 2, 1000, 70_000} {
		keys := make([]uint32, n)
		for i := range keys {
			switch i % 3 {
			case 0:
				keys[i] = rng.Uint32()
			case 1:
				keys[i] = orderKey(float32(rng.IntN(100)))
			default:
				keys[i] = orderKey(float32(rng.NormFloat64()))
			}
		}
		want := slices.Clone(keys)
		slices.Sort(want)
		if got := radixSort(keys); !slices.Equal(got, want) {
			t.Errorf("n=%d: not sorted", n)
		}
	}
	for _, v := range []float32{-3, -0.5, 0, 1e-30, 2, float32(math.Inf(1)), float32(math.Inf(-1))} {
		if fromOrderKey(orderKey(v)) != v {
			t.Errorf("order key of %v does not round-trip", v)
		}
	}
}
