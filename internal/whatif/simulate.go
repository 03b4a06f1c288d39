package whatif

import (
	"math"
	"math/bits"
	"runtime"
	"sync"

	"riskconsole/internal/engine"
)

// MaxSamples is the number of flipped decisions Simulate names each way.
const MaxSamples = 20

// DayMicros is one UTC day in microseconds.
const DayMicros = 86_400_000_000

// blockSize is the number of rows whose failed-rule masks are built together: rule by rule over
// each column, so that every inner loop is a simple pass over contiguous float32 values while the
// masks (8 KB) stay in the L1 cache.
const blockSize = 2048

// minRowsPerWorker keeps small windows on one goroutine, where starting another would cost more
// than it saves.
const minRowsPerWorker = 1 << 15

// Counts are assessed and declined counts of a group of decisions.
type Counts struct {
	Assessed         int
	BaselineDeclined int
	ProposedDeclined int
}

// CategoryCounts are the counts of one merchant category.
type CategoryCounts struct {
	Category string
	Counts
}

// Result is what a threshold set would have done over a window of history, next to a baseline.
type Result struct {
	Assessed int
	// StoredDeclined is the number of decisions that were declined as decided (the stored
	// outcome), whatever set was active then.
	StoredDeclined     int
	BaselineDeclined   int
	ProposedDeclined   int
	ApprovedToDeclined int // approved under the baseline, declined under the proposal
	DeclinedToApproved int // declined under the baseline, approved under the proposal
	// BaselineReasons[r] and ProposedReasons[r] count the declines naming engine.Reason r among
	// their principal reasons (index 0, NoReason, stays 0).
	BaselineReasons [engine.NumReasons + 1]int
	ProposedReasons [engine.NumReasons + 1]int
	// FirstDay is the UTC day (days since 1970-01-01) of the window's first row; Days[d] counts
	// the rows of day FirstDay+d, through the window's last row.
	FirstDay int64
	Days     []Counts
	// Categories counts the rows of each merchant category that occurs in the window, in the
	// order of the history's category table.
	Categories []CategoryCounts
	// SampleApprovedToDeclined and SampleDeclinedToApproved are the row indexes of the first
	// MaxSamples flips each way, in time order; Snapshot.At and Snapshot.Category describe them.
	SampleApprovedToDeclined []int
	SampleDeclinedToApproved []int
}

// rules is a threshold set prepared for column-wise evaluation.
type rules struct {
	enabled uint16 // bit m set when the rule for measure m is enabled
	lte     uint16 // bit m set when the rule for measure m declines above its cut-off
	cut     [engine.NumMeasures]float32
	scale   [engine.NumMeasures]float64
	reason  [engine.NumMeasures]engine.Reason
}

func prepare(set *engine.ThresholdSet) rules {
	var p rules
	for m := range set.Rules {
		r := &set.Rules[m]
		if r.Enabled {
			p.enabled |= 1 << m
		}
		if r.Comparator == engine.LTE {
			p.lte |= 1 << m
		}
		// Rounding the cut-off to float32 once is exactly engine.Single: comparing two float32
		// numbers as float32 or widened to float64 gives the same answer.
		p.cut[m] = float32(r.Cutoff)
		p.scale[m] = r.Scale
		p.reason[m] = r.Reason
	}
	return p
}

// same reports whether rule m decides identically in a and b, so that one pass serves both.
func same(a, b *rules, m int) bool {
	bit := uint16(1) << m
	return a.enabled&bit == b.enabled&bit && a.lte&bit == b.lte&bit && a.cut[m] == b.cut[m]
}

// failMasks ORs bit into mask[i] for every value of col that fails rule m of p: below the cut-off
// for GTE, above it for LTE. The comparisons are written negated so that NaN fails, as in the
// engine.
func failMasks(col []float32, mask []uint32, p *rules, m int, bit uint32) {
	c := p.cut[m]
	mask = mask[:len(col)]
	if p.lte&(1<<m) != 0 {
		for i, v := range col {
			var f uint32
			if !(v <= c) {
				f = bit
			}
			mask[i] |= f
		}
		return
	}
	for i, v := range col {
		var f uint32
		if !(v >= c) {
			f = bit
		}
		mask[i] |= f
	}
}

// blockMasks fills mask[:k] with the failed-rule masks of rows [off, off+k) of c: bits 0-14 for
// set a, bits 16-30 for set b (b may be nil). Only rules in keep are evaluated.
func blockMasks(c *chunk, off, k int, a, b *rules, keep uint16, mask []uint32) {
	mask = mask[:k]
	clear(mask)
	for m := 0; m < engine.NumMeasures; m++ {
		if keep&(1<<m) == 0 {
			continue
		}
		col := c.values[m][off : off+k]
		ea := a.enabled&(1<<m) != 0
		eb := b != nil && b.enabled&(1<<m) != 0
		switch {
		case ea && eb && same(a, b, m):
			failMasks(col, mask, a, m, 1<<m|1<<(m+16))
		default:
			if ea {
				failMasks(col, mask, a, m, 1<<m)
			}
			if eb {
				failMasks(col, mask, b, m, 1<<(m+16))
			}
		}
	}
}

// principal writes the principal reasons of a row that fails the rules in failed (non-zero) into
// out, ranked exactly as engine.Evaluate ranks them, and returns how many it wrote. vals holds
// the row's values of (at least) the failed measures.
func principal(p *rules, failed uint16, vals *[engine.NumMeasures]float32, out *[engine.MaxReasons]engine.Reason) int {
	var order [engine.NumMeasures]uint8
	var sf [engine.NumMeasures]float64
	n := 0
	for f := failed; f != 0; f &= f - 1 {
		m := bits.TrailingZeros16(f)
		// The same arithmetic as the engine: both operands are float32 values widened to float64.
		s := math.Abs(float64(vals[m])-float64(p.cut[m])) / p.scale[m]
		if math.IsNaN(s) {
			s = math.Inf(1)
		}
		sf[m] = s
		// Insertion sort by rank; measures arrive in ascending order, so a tie keeps the earlier.
		j := n
		for j > 0 && outranks(p, m, int(order[j-1]), &sf) {
			order[j] = order[j-1]
			j--
		}
		order[j] = uint8(m)
		n++
	}
	k := 0
	for i := 0; i < n && k < engine.MaxReasons; i++ {
		r := p.reason[order[i]]
		dup := false
		for j := 0; j < k; j++ {
			dup = dup || out[j] == r
		}
		if !dup {
			out[k] = r
			k++
		}
	}
	return k
}

// outranks mirrors the engine's ordering of failed checks: identity and legal age first, then
// the larger shortfall, then the lower measure index.
func outranks(p *rules, a, b int, sf *[engine.NumMeasures]float64) bool {
	pa, pb := identityFirst(p.reason[a]), identityFirst(p.reason[b])
	if pa != pb {
		return pa
	}
	if sf[a] != sf[b] {
		return sf[a] > sf[b]
	}
	return a < b
}

func identityFirst(r engine.Reason) bool {
	return r == engine.IdentityUnverified || r == engine.UnderLegalAge
}

// tally is one worker's share of a Result.
type tally struct {
	stored, declA, declB, a2d, d2a int
	reasonsA, reasonsB             [engine.NumReasons + 1]int
	days                           []Counts
	cats                           [MaxCategories]Counts
	sampleA2D, sampleD2A           []int
}

// addReasons counts the principal reasons of a row declined by p. A row failing at most
// MaxReasons rules names every failed rule (valid sets give each rule its own reason), so only
// rows failing more need the ranking.
func addReasons(counts *[engine.NumReasons + 1]int, p *rules, failed uint16, c *chunk, off int) {
	if bits.OnesCount16(failed) <= engine.MaxReasons {
		for f := failed; f != 0; f &= f - 1 {
			counts[p.reason[bits.TrailingZeros16(f)]]++
		}
		return
	}
	var vals [engine.NumMeasures]float32
	for f := failed; f != 0; f &= f - 1 {
		m := bits.TrailingZeros16(f)
		vals[m] = c.values[m][off]
	}
	var out [engine.MaxReasons]engine.Reason
	n := principal(p, failed, &vals, &out)
	for _, r := range out[:n] {
		counts[r]++
	}
}

// run replays rows [lo, hi) under a (baseline) and b (proposed) into t. firstDay is the UTC day
// of the window's first row.
func (t *tally) run(s *Snapshot, lo, hi int, a, b *rules, firstDay int64) {
	keep := a.enabled | b.enabled
	var mask [blockSize]uint32
	day := floorDiv(s.At(lo), DayMicros) - firstDay
	nextDay := (firstDay + day + 1) * DayMicros
	for i := lo; i < hi; {
		c, off := s.chunks[i>>chunkBits], i&chunkMask
		k := min(hi-i, chunkSize-off, blockSize)
		blockMasks(c, off, k, a, b, keep, mask[:])
		at := c.at[off : off+k]
		cat := c.category[off : off+k]
		dec := c.declined[off : off+k]
		for j, mj := range mask[:k] {
			if at[j] >= nextDay {
				day = floorDiv(at[j], DayMicros) - firstDay
				nextDay = (firstDay + day + 1) * DayMicros
			}
			fa, fb := uint16(mj), uint16(mj>>16)
			var da, db int
			if fa != 0 {
				da = 1
			}
			if fb != 0 {
				db = 1
			}
			t.stored += int(dec[j])
			t.declA += da
			t.declB += db
			d := &t.days[day]
			d.Assessed++
			d.BaselineDeclined += da
			d.ProposedDeclined += db
			g := &t.cats[cat[j]]
			g.Assessed++
			g.BaselineDeclined += da
			g.ProposedDeclined += db
			if da == db {
				if da != 0 {
					addReasons(&t.reasonsA, a, fa, c, off+j)
					addReasons(&t.reasonsB, b, fb, c, off+j)
				}
				continue
			}
			if db != 0 {
				t.a2d++
				addReasons(&t.reasonsB, b, fb, c, off+j)
				if len(t.sampleA2D) < MaxSamples {
					t.sampleA2D = append(t.sampleA2D, i+j)
				}
			} else {
				t.d2a++
				addReasons(&t.reasonsA, a, fa, c, off+j)
				if len(t.sampleD2A) < MaxSamples {
					t.sampleD2A = append(t.sampleD2A, i+j)
				}
			}
		}
		i += k
	}
}

// workers returns how many goroutines share n rows, and so the number of parts of the range.
func workers(n int) int {
	w := min(runtime.GOMAXPROCS(0), n/minRowsPerWorker, 16)
	return max(w, 1)
}

// parallel calls f(part, lo, hi) for w consecutive parts of [lo, hi), the last one on the calling
// goroutine, and returns when all are done.
func parallel(lo, hi, w int, f func(part, lo, hi int)) {
	var wg sync.WaitGroup
	n := hi - lo
	for p := 0; p < w; p++ {
		plo, phi := lo+n*p/w, lo+n*(p+1)/w
		if p == w-1 {
			f(p, plo, phi)
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(p, plo, phi)
		}()
	}
	wg.Wait()
}

// Simulate replays rows [lo, hi) of s under baseline and under proposed, with the engine's exact
// semantics, and compares them. Both sets must be valid (engine.Validate): the per-reason counts
// rely on each rule naming its own reason. The work is split across the available cores; the
// result does not depend on the split.
func Simulate(s *Snapshot, lo, hi int, baseline, proposed *engine.ThresholdSet) *Result {
	lo, hi = max(lo, 0), min(hi, s.n)
	res := &Result{}
	if lo >= hi {
		return res
	}
	a, b := prepare(baseline), prepare(proposed)
	res.FirstDay = floorDiv(s.At(lo), DayMicros)
	ndays := int(floorDiv(s.At(hi-1), DayMicros)-res.FirstDay) + 1
	w := workers(hi - lo)
	parts := make([]tally, w)
	parallel(lo, hi, w, func(p, plo, phi int) {
		t := &parts[p]
		t.days = make([]Counts, ndays)
		t.run(s, plo, phi, &a, &b, res.FirstDay)
	})

	res.Assessed = hi - lo
	res.Days = make([]Counts, ndays)
	var cats [MaxCategories]Counts
	for p := range parts {
		t := &parts[p]
		res.StoredDeclined += t.stored
		res.BaselineDeclined += t.declA
		res.ProposedDeclined += t.declB
		res.ApprovedToDeclined += t.a2d
		res.DeclinedToApproved += t.d2a
		for r := range t.reasonsA {
			res.BaselineReasons[r] += t.reasonsA[r]
			res.ProposedReasons[r] += t.reasonsB[r]
		}
		for d := range t.days {
			res.Days[d].add(&t.days[d])
		}
		for g := range t.cats {
			cats[g].add(&t.cats[g])
		}
		// Parts are in time order, so the first samples overall are the first of the parts.
		res.SampleApprovedToDeclined = appendUpTo(res.SampleApprovedToDeclined, t.sampleA2D)
		res.SampleDeclinedToApproved = appendUpTo(res.SampleDeclinedToApproved, t.sampleD2A)
	}
	for g := range cats {
		if cats[g].Assessed > 0 {
			res.Categories = append(res.Categories, CategoryCounts{s.CategoryName(uint8(g)), cats[g]})
		}
	}
	return res
}

func (c *Counts) add(o *Counts) {
	c.Assessed += o.Assessed
	c.BaselineDeclined += o.BaselineDeclined
	c.ProposedDeclined += o.ProposedDeclined
}

func appendUpTo(dst, src []int) []int {
	return append(dst, src[:min(len(src), MaxSamples-len(dst))]...)
}

// floorDiv divides rounding towards minus infinity, so that times before 1970 fall on the right
// day.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// BaselineRate returns the baseline's decline rate over the window, 0 for an empty window.
func (r *Result) BaselineRate() float64 { return rate(r.BaselineDeclined, r.Assessed) }

// ProposedRate returns the proposed set's decline rate over the window, 0 for an empty window.
func (r *Result) ProposedRate() float64 { return rate(r.ProposedDeclined, r.Assessed) }

func rate(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}
