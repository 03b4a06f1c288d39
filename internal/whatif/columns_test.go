package whatif

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"riskconsole/internal/engine"
)

// Measures of pooledRows: one with more distinct values than a chunk codes (its column turns
// into float32 values within every chunk), and one that changes from few values to many in
// the middle of its second chunk.
const (
	manyValues = engine.BureauScore
	lateValues = engine.MonthlyIncome
	lateFrom   = chunkSize + chunkSize/4
)

// specialValues are the float32 values a comparison may treat apart: NaN (two payloads), both
// zeros, the infinities, the extremes of the type.
var specialValues = []float32{
	0, float32(math.Copysign(0, -1)), float32(math.Inf(1)), float32(math.Inf(-1)), math.MaxFloat32,
	-math.MaxFloat32, math.SmallestNonzeroFloat32, -math.SmallestNonzeroFloat32,
}

// nanValues are two NaNs, in the pools of the odd measures only: a full chunk's coded column is
// ranked unless it holds a NaN.
var nanValues = []float32{float32(math.NaN()), math.Float32frombits(0x7fc00001)}

// pooledRows returns n rows over three days whose values of each measure are drawn from a pool:
// the special values (NaN for odd measures), the measure's default cut-off and its float32 neighbours, and random
// values of the measure, up to dictSize values in all except for manyValues (dictSize+40) and
// lateValues (fresh random values from row lateFrom on). It also returns the pools.
func pooledRows(t testing.TB, rng *rand.Rand, n int) ([]Row, [engine.NumMeasures][]float32) {
	var pools [engine.NumMeasures][]float32
	for m := range pools {
		cut := float32(engine.Measures[m].Cutoff)
		p := append([]float32{cut, math.Nextafter32(cut, float32(math.Inf(1))), math.Nextafter32(cut, float32(math.Inf(-1)))}, specialValues...)
		if m%2 == 1 {
			p = append(p, nanValues...)
		}
		size := 12 + rng.IntN(dictSize-12)
		if engine.Measure(m) == manyValues {
			size = dictSize + 40
		}
		seen := map[uint32]bool{}
		for _, v := range p {
			seen[math.Float32bits(v)] = true
		}
		for tries := 0; len(p) < size && tries < 100*dictSize; tries++ {
			v := float32(randomValue(rng, engine.Measure(m)))
			if !seen[math.Float32bits(v)] {
				seen[math.Float32bits(v)] = true
				p = append(p, v)
			}
		}
		pools[m] = p
	}
	set := usDefault(t)
	rows := make([]Row, n)
	var out engine.Result
	for i := range rows {
		r := &rows[i]
		r.At = int64(1_760_000_000)*1_000_000 + int64(i)*(3*DayMicros/int64(n))
		var v engine.Values
		for m := range r.Values {
			x := pools[m][rng.IntN(len(pools[m]))]
			if engine.Measure(m) == lateValues && i >= lateFrom {
				x = float32(randomValue(rng, lateValues)) + float32(rng.IntN(1000))/1000
			}
			r.Values[m] = x
			v[m] = float64(x)
		}
		r.Category = testCategories[rng.IntN(len(testCategories))]
		engine.Evaluate(&set, &v, &out)
		r.Declined = out.Outcome == engine.Declined
	}
	return rows, pools
}

// TestColumnsExact checks the coded columns: every value reads back bit for bit (NaN payloads and
// the sign of zero included) through every reader, columns are coded or float32 as their values
// require, and the full path, the fast path and the sensitivity curve give the engine's answers,
// decision by decision, with cut-offs at the stored values and next to them.
func TestColumnsExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 19))
	n := 2*chunkSize + 3000
	rows, pools := pooledRows(t, rng, n)
	h := historyOf(rows)
	s := h.Snapshot()

	var buf [blockSize]float32
	for i := range rows {
		v := s.Values(i)
		for m := range rows[i].Values {
			want := math.Float32bits(rows[i].Values[m])
			if got := math.Float32bits(s.Value(i, engine.Measure(m))); got != want {
				t.Fatalf("row %d measure %d: Value %08x, want %08x", i, m, got, want)
			}
			if got := math.Float32bits(float32(v[m])); got != want {
				t.Fatalf("row %d measure %d: Values %08x, want %08x", i, m, got, want)
			}
		}
	}
	for i := 0; i < n; i += blockSize {
		c, off, k := s.chunks[i>>chunkBits], i&chunkMask, min(blockSize, n-i)
		for m := range engine.NumMeasures {
			for j, x := range c.floats(m, off, k, &buf) {
				if math.Float32bits(x) != math.Float32bits(rows[i+j].Values[m]) {
					t.Fatalf("row %d measure %d: floats %v, want %v", i+j, m, x, rows[i+j].Values[m])
				}
			}
		}
	}
	for ci, c := range s.chunks {
		for m := range engine.NumMeasures {
			wide := engine.Measure(m) == manyValues || engine.Measure(m) == lateValues && ci > 0
			col := c.cols[m].Load()
			if got := col.f != nil; got != wide {
				t.Errorf("chunk %d measure %d: float32 column %v, want %v", ci, m, got, wide)
			}
			ranked := !wide && m%2 == 0 && (ci+1)*chunkSize <= n
			if col.ranked != ranked {
				t.Errorf("chunk %d measure %d: ranked %v, want %v", ci, m, col.ranked, ranked)
			}
		}
	}

	// Sets whose cut-offs are stored values (and their neighbours), where a comparison is decided
	// by equality.
	var sets []engine.ThresholdSet
	for len(sets) < 40 {
		set := randomSet(t, rng)
		for m := range set.Rules {
			p := pools[m]
			x := float64(p[rng.IntN(len(p))])
			switch rng.IntN(3) {
			case 0:
				x = float64(math.Nextafter32(float32(x), float32(math.Inf(1))))
			case 1:
				x = float64(math.Nextafter32(float32(x), float32(math.Inf(-1))))
			}
			old := set.Rules[m].Cutoff
			set.Rules[m].Cutoff = x
			if set.Validate() != nil {
				set.Rules[m].Cutoff = old
			}
		}
		sets = append(sets, set)
	}
	for k := range sets {
		a, b := &sets[k], &sets[(k+1)%len(sets)]
		lo := rng.IntN(n)
		for _, w := range [][2]int{{0, n}, {lo, lo + rng.IntN(n-lo+1)}} {
			equalResults(t, fmt.Sprintf("set %d window %d..%d", k, w[0], w[1]), Simulate(s, w[0], w[1], a, b), expect(s, w[0], w[1], a, b))
		}
	}
	for k := range 4 {
		base := sets[k]
		h.SetBase(&base)
		fs := h.Snapshot()
		for j := range 4 {
			proposed := base
			m := rng.IntN(engine.NumMeasures)
			proposed.Rules[m].Cutoff = sets[j+10].Rules[m].Cutoff
			if proposed.Validate() != nil || proposed == base {
				proposed = moveRules(t, rng, &base, 1)
			}
			checkFast(t, rng, fs, fmt.Sprintf("base %d move %d", k, j), &base, &proposed, nil)
		}
	}
	for _, m := range []engine.Measure{engine.AgeYears, engine.EmploymentMonths, manyValues, lateValues} {
		proposed := sets[int(m)%len(sets)]
		cv := PrepareSensitivity(s, 0, n, m, &proposed)
		for q := range 8 {
			x := float64(pools[m][rng.IntN(len(pools[m]))])
			if q == 0 {
				x = proposed.Rules[m].Cutoff
			}
			if math.IsNaN(x) || math.IsInf(x, 0) {
				continue
			}
			set := proposed
			set.Rules[m].Cutoff = x
			set.Rules[m].Enabled = true
			if got, want := cv.DeclinedCount(x), declinedByEngine(s, 0, n, &set); got != want {
				t.Errorf("%s cut-off %v: curve %d, engine %d", m, x, got, want)
			}
		}
	}
}

// TestColumnsWorstCase checks the memory of a history whose every measure has more distinct values
// than a chunk codes: all float32 columns, within the budget of TestMemoryPerDecision with and
// without the base-set cache (TestMemoryPerDecision's rows, all alike, are coded: its best case).
func TestColumnsWorstCase(t *testing.T) {
	const n = 4 * chunkSize
	h := NewHistory("US")
	var r Row
	for i := range n {
		r.At = int64(i)
		r.Category = testCategories[i%len(testCategories)]
		for m := range r.Values {
			r.Values[m] = float32(i) + float32(m)/16
		}
		h.Append(&r)
	}
	s := h.Snapshot()
	for i := range n {
		for m := range engine.NumMeasures {
			if got, want := s.Value(i, engine.Measure(m)), float32(i)+float32(m)/16; got != want {
				t.Fatalf("row %d measure %d: %v, want %v", i, m, got, want)
			}
		}
	}
	per := float64(h.CapacityBytes()) / n
	t.Logf("memory per decision, every column float32: %.2f bytes", per)
	if per > 90 {
		t.Errorf("memory per decision %.2f bytes, every column float32; budget 90", per)
	}
	def := usDefault(t)
	h.SetBase(&def)
	if with := float64(h.CapacityBytes()) / n; with > 90 {
		t.Errorf("memory per decision %.2f bytes with the base-set cache, every column float32; budget 90", with)
	}
	h.base.Store(nil)
	// Every column float32, and no writer's index left: each chunk holds its most.
	if got, want := h.CapacityBytes(), n/chunkSize*maxChunkBytes+8*int64(cap(*h.chunks.Load())); got != want {
		t.Errorf("CapacityBytes %d, want %d (every chunk at its most)", got, want)
	}
}

// TestFailRanks checks the eight-at-once comparison of ranked codes against one code at a time,
// for every bound, both directions and lengths around word boundaries.
func TestFailRanks(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 2))
	codes := make([]uint8, blockSize)
	for i := range codes {
		codes[i] = uint8(rng.IntN(dictSize))
		if i%5 == 0 {
			codes[i] = uint8(i % 7 * 40) // runs of equal codes and the extremes
		}
	}
	codes[1], codes[2] = 0, 255
	var out [blockWords]uint64
	for _, k := range []int{1, 63, 64, 65, 127, 1000, blockSize} {
		nw := (k + 63) / 64
		for bound := 0; bound <= dictSize; bound++ {
			for _, above := range []bool{false, true} {
				out[nw-1] = ^uint64(0) // the bits past k must come back clear
				got := failRanks(codes[:k], bound, above, out[:nw])
				var want uint64
				for i, c := range codes[:k] {
					fails := int(c) >= bound == above
					want += b2u(fails)
					if out[i/64]>>(i%64)&1 != b2u(fails) {
						t.Fatalf("k %d bound %d above %v: row %d (code %d) fails %v", k, bound, above, i, c, !fails)
					}
				}
				if k%64 != 0 && out[nw-1]>>(k%64) != 0 {
					t.Fatalf("k %d bound %d above %v: bits past k set", k, bound, above)
				}
				if got != want {
					t.Fatalf("k %d bound %d above %v: %d fail, want %d", k, bound, above, got, want)
				}
			}
		}
	}
}
