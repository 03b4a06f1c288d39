package whatif

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"testing"

	"riskconsole/internal/engine"
)

// expect computes a Result the slow way: engine.Evaluate on every row, one by one, with the
// stored float32 values widened back to float64.
func expect(s *Snapshot, lo, hi int, baseline, proposed *engine.ThresholdSet) *Result {
	res := &Result{}
	if lo >= hi {
		return res
	}
	res.Assessed = hi - lo
	res.FirstDay = floorDiv(s.At(lo), DayMicros)
	res.Days = make([]Counts, floorDiv(s.At(hi-1), DayMicros)-res.FirstDay+1)
	cats := map[string]*Counts{}
	var ra, rb engine.Result
	for i := lo; i < hi; i++ {
		v := s.Values(i)
		engine.Evaluate(baseline, &v, &ra)
		engine.Evaluate(proposed, &v, &rb)
		da, db := ra.Outcome == engine.Declined, rb.Outcome == engine.Declined
		c := Counts{Assessed: 1}
		if s.Declined(i) {
			res.StoredDeclined++
		}
		if da {
			res.BaselineDeclined++
			c.BaselineDeclined = 1
			for _, r := range ra.PrincipalReasons() {
				res.BaselineReasons[r]++
			}
		}
		if db {
			res.ProposedDeclined++
			c.ProposedDeclined = 1
			for _, r := range rb.PrincipalReasons() {
				res.ProposedReasons[r]++
			}
		}
		switch {
		case !da && db:
			res.ApprovedToDeclined++
			if len(res.SampleApprovedToDeclined) < MaxSamples {
				res.SampleApprovedToDeclined = append(res.SampleApprovedToDeclined, i)
			}
		case da && !db:
			res.DeclinedToApproved++
			if len(res.SampleDeclinedToApproved) < MaxSamples {
				res.SampleDeclinedToApproved = append(res.SampleDeclinedToApproved, i)
			}
		}
		res.Days[floorDiv(s.At(i), DayMicros)-res.FirstDay].add(&c)
		name := s.Category(i)
		if cats[name] == nil {
			cats[name] = &Counts{}
		}
		cats[name].add(&c)
	}
	for g := 0; g < MaxCategories; g++ {
		name := s.CategoryName(uint8(g))
		if c := cats[name]; c != nil {
			res.Categories = append(res.Categories, CategoryCounts{name, *c})
		}
	}
	return res
}

func equalResults(t *testing.T, label string, got, want *Result) {
	t.Helper()
	type scalar struct {
		name      string
		got, want int
	}
	for _, c := range []scalar{
		{"Assessed", got.Assessed, want.Assessed},
		{"StoredDeclined", got.StoredDeclined, want.StoredDeclined},
		{"BaselineDeclined", got.BaselineDeclined, want.BaselineDeclined},
		{"ProposedDeclined", got.ProposedDeclined, want.ProposedDeclined},
		{"ApprovedToDeclined", got.ApprovedToDeclined, want.ApprovedToDeclined},
		{"DeclinedToApproved", got.DeclinedToApproved, want.DeclinedToApproved},
		{"FirstDay", int(got.FirstDay), int(want.FirstDay)},
	} {
		if c.got != c.want {
			t.Errorf("%s: %s = %d, want %d", label, c.name, c.got, c.want)
		}
	}
	if got.BaselineReasons != want.BaselineReasons {
		t.Errorf("%s: BaselineReasons = %v, want %v", label, got.BaselineReasons, want.BaselineReasons)
	}
	if got.ProposedReasons != want.ProposedReasons {
		t.Errorf("%s: ProposedReasons = %v, want %v", label, got.ProposedReasons, want.ProposedReasons)
	}
	if !slices.Equal(got.Days, want.Days) {
		t.Errorf("%s: Days = %v, want %v", label, got.Days, want.Days)
	}
	if !slices.Equal(got.Categories, want.Categories) {
		t.Errorf("%s: Categories = %v, want %v", label, got.Categories, want.Categories)
	}
	if !slices.Equal(got.SampleApprovedToDeclined, want.SampleApprovedToDeclined) {
		t.Errorf("%s: SampleApprovedToDeclined = %v, want %v", label, got.SampleApprovedToDeclined, want.SampleApprovedToDeclined)
	}
	if !slices.Equal(got.SampleDeclinedToApproved, want.SampleDeclinedToApproved) {
		t.Errorf("%s: SampleDeclinedToApproved = %v, want %v", label, got.SampleDeclinedToApproved, want.SampleDeclinedToApproved)
	}
}

// TestSimulateMatchesEngine is the property test of issue 4: over random rows and random valid
// threshold sets, every number Simulate returns equals what engine.Evaluate gives row by row.
func TestSimulateMatchesEngine(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	rows := randomRows(t, rng, 20_000)
	s := historyOf(rows).Snapshot()
	def := usDefault(t)
	sets := []engine.ThresholdSet{def}
	for len(sets) < 50 {
		sets = append(sets, randomSet(t, rng))
	}
	n := s.Len()
	for k := range sets {
		baseline, proposed := &sets[(k+len(sets)-1)%len(sets)], &sets[k]
		// The whole history, and a random window that may start and end mid-day and mid-chunk.
		windows := [][2]int{{0, n}}
		lo := rng.IntN(n)
		windows = append(windows, [2]int{lo, lo + rng.IntN(n-lo+1)})
		for _, w := range windows {
			got := Simulate(s, w[0], w[1], baseline, proposed)
			want := expect(s, w[0], w[1], baseline, proposed)
			equalResults(t, "set "+strconv.Itoa(k)+" window "+strconv.Itoa(w[0])+".."+strconv.Itoa(w[1]), got, want)
		}
	}
}

// TestSimulateSplit checks that the result does not depend on how the range is shared between
// goroutines, nor on when packed counters are flushed: a window large enough for six workers,
// with frequent flushes, equals the one-by-one replay.
func TestSimulateSplit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 200,000 rows")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(8))
	defer func(f int) { packFlush = f }(packFlush)
	packFlush = 5000
	rng := rand.New(rand.NewPCG(5, 5))
	s := historyOf(randomRows(t, rng, 200_000)).Snapshot()
	if w := workers(s.Len()); w != 6 {
		t.Fatalf("%d workers, want 6", w)
	}
	for k := 0; k < 3; k++ {
		a, b := randomSet(t, rng), randomSet(t, rng)
		equalResults(t, "split "+strconv.Itoa(k), Simulate(s, 0, s.Len(), &a, &b), expect(s, 0, s.Len(), &a, &b))
	}
}

// TestPrincipalOrder checks the ranking itself, not only the reason counts: for every declined
// row with many failed rules, principal returns the engine's reasons in the engine's order.
func TestPrincipalOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 6))
	rows := randomRows(t, rng, 5_000)
	var checked int
	for k := 0; k < 20; k++ {
		set := randomSet(t, rng)
		// Everything on, so that many rows fail five rules or more and the ranking decides.
		for m := range set.Rules {
			set.Rules[m].Enabled = true
		}
		p := prepare(&set)
		var want engine.Result
		for i := range rows {
			vals := rows[i].Values
			var v engine.Values
			var failed uint16
			for m := range vals {
				v[m] = float64(vals[m])
				var mask [1]uint32
				failMasks(vals[m:m+1], mask[:], &p, m, 1)
				if mask[0] != 0 {
					failed |= 1 << m
				}
			}
			engine.Evaluate(&set, &v, &want)
			if (failed != 0) != (want.Outcome == engine.Declined) {
				t.Fatalf("set %d row %d: failed mask %b, engine outcome %v", k, i, failed, want.Outcome)
			}
			if failed == 0 {
				continue
			}
			var got [engine.MaxReasons]engine.Reason
			n := principal(&p, failed, &vals, &got)
			if !slices.Equal(got[:n], want.PrincipalReasons()) {
				t.Fatalf("set %d row %d: reasons %v, engine %v", k, i, got[:n], want.PrincipalReasons())
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no declined rows were checked")
	}
}

// TestSimulateEdges covers inputs the random test rarely produces.
func TestSimulateEdges(t *testing.T) {
	def := usDefault(t)
	h := NewHistory("US")
	if r := Simulate(h.Snapshot(), 0, 0, &def, &def); r.Assessed != 0 || r.Days != nil {
		t.Errorf("empty history: %+v", r)
	}
	// A value exactly at a GTE cut-off passes; one float32 step below fails. NaN fails.
	good := Row{At: 5, Category: "x"}
	for m := range good.Values {
		good.Values[m] = float32(engine.Measures[m].Cutoff)
	}
	h.Append(&good)
	below := good
	below.Values[engine.BureauScore] = 579.99994
	h.Append(&below)
	nan := good
	nan.Values[engine.DebtToIncome] = float32(nanF())
	h.Append(&nan)
	r := Simulate(h.Snapshot(), 0, 3, &def, &def)
	if r.BaselineDeclined != 2 || r.BaselineReasons[engine.CreditScoreInsufficient] != 1 ||
		r.BaselineReasons[engine.ObligationsExcessive] != 1 {
		t.Errorf("edges: %+v", r)
	}
	equalResults(t, "edges", r, expect(h.Snapshot(), 0, 3, &def, &def))
}
