package whatif

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
	"time"

	"riskconsole/internal/engine"
)

// moveRules returns base with k random rules moved (cut-off, switch or comparator), valid.
func moveRules(t testing.TB, rng *rand.Rand, base *engine.ThresholdSet, k int) engine.ThresholdSet {
	for {
		s := *base
		for range k {
			m := rng.IntN(engine.NumMeasures)
			r := &s.Rules[m]
			switch rng.IntN(6) {
			case 0:
				r.Enabled = !r.Enabled
			case 1:
				r.Comparator = engine.GTE + engine.LTE - r.Comparator
			case 2:
				r.Scale = engine.Measures[m].Scale * (0.5 + rng.Float64())
			default:
				r.Cutoff = randomValue(rng, engine.Measure(m))
			}
		}
		if s.Validate() == nil {
			return s
		}
	}
}

// checkFast simulates baseline → proposed over random windows of s, which must take the fast
// path, and compares every figure with the engine decision by decision, and the swap-set cells
// with the full path's.
func checkFast(t *testing.T, rng *rand.Rand, s *Snapshot, label string, baseline, proposed *engine.ThresholdSet, o *OutcomeParams) {
	t.Helper()
	a, b := prepare(baseline), prepare(proposed)
	n := s.Len()
	lo := rng.IntN(n)
	for _, w := range [][2]int{{0, n}, {lo, lo + rng.IntN(n-lo+1)}} {
		ch, ok := s.fastPath(w[1], &a, &b)
		if !ok {
			t.Fatalf("%s: no fast path (changed %016b)", label, ch)
		}
		l := fmt.Sprintf("%s window %d..%d (%d rules changed)", label, w[0], w[1], bits.OnesCount16(ch))
		got := SimulateOutcomes(s, w[0], w[1], baseline, proposed, o)
		equalResults(t, l, got, expect(s, w[0], w[1], baseline, proposed))
		if o != nil {
			full := *s
			full.base = baseView{}
			if want := SimulateOutcomes(&full, w[0], w[1], baseline, proposed, o); got.Cells != want.Cells {
				t.Errorf("%s: cells %+v, full path %+v", l, got.Cells, want.Cells)
			}
		}
	}
}

// TestFastPathMatchesEngine is the property test of the base-set cache: random histories (most
// rows failing several rules, so that the ranking of reasons is exercised), random base sets and
// random moves of one rule (sometimes up to maxFastRules), over random windows; every figure of
// the fast path equals engine.Evaluate's row by row.
func TestFastPathMatchesEngine(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 1))
	for hk := range 4 {
		var rows []Row
		switch hk {
		case 0:
			rows = realisticRows(t, rng, 40_000, 0.93)
		case 1:
			// Dense in time (whole blocks of one day) and with few rules failed per row, the
			// blocks runFast tallies from their summaries and flips.
			rows = genRowsAt(t, rng, 60_000, 0.97, int64(1_760_000_000)*1_000_000, 3*DayMicros)
		default:
			rows = randomRows(t, rng, 5_000+rng.IntN(30_000))
		}
		h := historyOf(rows)
		for k := range 12 {
			base := usDefault(t)
			if k > 0 {
				base = randomSet(t, rng)
			}
			h.SetBase(&base)
			s := h.Snapshot()
			for j := range 6 {
				moved := 1
				if j == 5 {
					moved = 1 + rng.IntN(maxFastRules)
				}
				proposed := moveRules(t, rng, &base, moved)
				checkFast(t, rng, s, fmt.Sprintf("history %d set %d move %d", hk, k, j), &base, &proposed, nil)
			}
		}
	}
}

// TestFastPathOutcomes checks the swap-set cells of the fast path against the full path's (which
// TestSwapSetMatchesEngine checks against the engine).
func TestFastPathOutcomes(t *testing.T) {
	h, inf := outcomeHistory(t, 21, 30_000)
	s0 := h.Snapshot()
	o := NewOutcomeParams(s0, testDef.Definition, outcomeNow, inf)
	rng := rand.New(rand.NewPCG(19, 2))
	base := usDefault(t)
	h.SetBase(&base)
	s := h.Snapshot()
	for j := range 10 {
		proposed := moveRules(t, rng, &base, 1)
		checkFast(t, rng, s, fmt.Sprintf("move %d", j), &base, &proposed, o)
	}
}

// TestBaseCacheInvalidation checks that the cache follows appends (rows appended after SetBase
// are on the fast path and exact) and a change of base (a snapshot taken before keeps the old
// cache; the old baseline falls back to the full path, still exact).
func TestBaseCacheInvalidation(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 3))
	rows := randomRows(t, rng, 50_000)
	h := historyOf(rows[:10_000])
	old := usDefault(t)
	h.SetBase(&old)
	for i := 10_000; i < len(rows); i++ {
		h.Append(&rows[i])
	}
	s := h.Snapshot()
	if s.base.n != len(rows) {
		t.Fatalf("cache covers %d rows of %d", s.base.n, len(rows))
	}
	prop := moveRules(t, rng, &old, 1)
	checkFast(t, rng, s, "after appends", &old, &prop, nil)

	next := randomSet(t, rng)
	h.SetBase(&next)
	s2 := h.Snapshot()
	a, b := prepare(&old), prepare(&prop)
	if _, ok := s2.fastPath(s2.Len(), &a, &b); ok {
		t.Fatal("the old base still takes the fast path after the base changed")
	}
	equalResults(t, "old base, full path", Simulate(s2, 0, s2.Len(), &old, &prop), expect(s2, 0, s2.Len(), &old, &prop))
	prop2 := moveRules(t, rng, &next, 1)
	checkFast(t, rng, s2, "new base", &next, &prop2, nil)
	checkFast(t, rng, s, "snapshot before the change", &old, &prop, nil)
	// Setting the same base again keeps the cache.
	bc := h.base.Load()
	h.SetBase(&next)
	if h.base.Load() != bc {
		t.Error("setting the same base rebuilt the cache")
	}
}

// TestBaseCacheConcurrent appends, rebuilds the cache and simulates at once (for -race); every
// snapshot's fast-path result is exact.
func TestBaseCacheConcurrent(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	rng := rand.New(rand.NewPCG(19, 4))
	rows := randomRows(t, rng, 120_000)
	h := historyOf(rows[:40_000])
	sets := []engine.ThresholdSet{usDefault(t), randomSet(t, rng)}
	h.SetBase(&sets[0])
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 40_000; i < len(rows); i++ {
			h.Append(&rows[i])
		}
	}()
	go func() {
		defer wg.Done()
		for k := range 4 {
			h.SetBase(&sets[k%2])
		}
	}()
	checked := 0
	for range 6 {
		s := h.Snapshot()
		base := sets[0]
		if bc := s.base.c; bc != nil && bc.base == prepare(&sets[1]) {
			base = sets[1]
		}
		prop := moveRules(t, rng, &base, 1)
		a, b := prepare(&base), prepare(&prop)
		if _, ok := s.fastPath(s.Len(), &a, &b); ok {
			checked++
		}
		equalResults(t, "concurrent", Simulate(s, 0, s.Len(), &base, &prop), expect(s, 0, s.Len(), &base, &prop))
	}
	wg.Wait()
	if checked == 0 {
		t.Error("no snapshot took the fast path")
	}
	s := h.Snapshot()
	if s.base.n != len(rows) {
		t.Errorf("cache covers %d rows of %d", s.base.n, len(rows))
	}
}

// TestPrepareBase checks that PrepareBase builds the cache in the background once, and that the
// snapshots taken after it take the fast path.
func TestPrepareBase(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 5))
	h := historyOf(realisticRows(t, rng, 30_000, 0.93))
	base := usDefault(t)
	for range 3 {
		h.PrepareBase(&base)
	}
	p := prepare(&base)
	for i := 0; ; i++ {
		if bc := h.base.Load(); bc != nil && bc.base == p {
			break
		}
		if i == 5000 {
			t.Fatal("the base cache was not built")
		}
		time.Sleep(time.Millisecond)
	}
	prop := moveRules(t, rng, &base, 1)
	checkFast(t, rng, h.Snapshot(), "prepared", &base, &prop, nil)
}
