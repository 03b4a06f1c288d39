package whatif

import (
	"encoding/binary"
	"math"
	"math/bits"
	"runtime"
	"sort"
	"sync"

	"riskconsole/internal/engine"
)

// MaxSamples is the number of flipped decisions Simulate names each way.
const MaxSamples = 20

// DayMicros is one UTC day in microseconds.
const DayMicros = 86_400_000_000

// blockSize is the number of rows whose bitmaps (Simulate, see blockBits) or failed-rule masks
// (the base-set cache, the sensitivity curves) are built together: rule by rule over each column,
// so that every inner loop is a simple pass over contiguous float32 values while the bitmaps
// (256 bytes each) or the masks (8 KB) stay in the L1 cache.
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
	// Cells sums the outcomes of the swap-set cells (KeptApproved, SwapOut, SwapIn,
	// KeptDeclined) when the simulation was asked for outcomes (Outcomes not nil).
	Cells    [4]Cell
	Outcomes *OutcomeParams
}

// The failed-rule masks hold one bit per measure in a uint16 for each of two sets (a uint32 per
// row): at most 16 measured values. This constant does not compile past that.
const _ = uint16(1 << (engine.NumMeasures - 1))

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

// job is one column comparison of a block: the rows failing it get bit in their mask. LTE rules
// are compared as -v >= -cut (negation is exact, and NaN still fails), so that one kernel serves
// both comparators.
type job struct {
	m    int
	sign float32
	cut  float32 // sign * the float32 cut-off
	bit  uint32
}

// jobs lists the comparisons that build the failed-rule masks of sets a (bits 0-15) and b (bits
// 16-31; b may be nil) restricted to the rules in keep. A rule that decides identically in both
// sets is compared once for both.
func jobs(a, b *rules, keep uint16) []job {
	var out []job
	add := func(p *rules, m int, bit uint32) {
		sign := float32(1)
		if p.lte&(1<<m) != 0 {
			sign = -1
		}
		out = append(out, job{m: m, sign: sign, cut: sign * p.cut[m], bit: bit})
	}
	for m := 0; m < engine.NumMeasures; m++ {
		if keep&(1<<m) == 0 {
			continue
		}
		ea := a.enabled&(1<<m) != 0
		eb := b != nil && b.enabled&(1<<m) != 0
		switch {
		case ea && eb && same(a, b, m):
			add(a, m, 1<<m|1<<(m+16))
		default:
			if ea {
				add(a, m, 1<<m)
			}
			if eb {
				add(b, m, 1<<(m+16))
			}
		}
	}
	return out
}

// blockMasks fills mask[:k] with the failed-rule masks of rows [off, off+k) of c for the given
// jobs. Columns are compared four at a time, so that each mask is read and written once per four
// columns; each comparison compiles to a conditional move, not a branch, since which rows fail is
// unpredictable.
// fails[q] accumulates the number of rows failing job q.
// buf holds the decoded values of coded columns (see column); k is at most blockSize.
func blockMasks(c *chunk, off, k int, js []job, mask []uint32, fails []uint64, buf *[4][blockSize]float32) {
	mask = mask[:k]
	clear(mask)
	q := 0
	for ; q+4 <= len(js); q += 4 {
		fail4(c.floats(js[q].m, off, k, &buf[0]), c.floats(js[q+1].m, off, k, &buf[1]),
			c.floats(js[q+2].m, off, k, &buf[2]), c.floats(js[q+3].m, off, k, &buf[3]), js[q:q+4], mask,
			fails[q:q+4])
	}
	for ; q < len(js); q++ {
		fails[q] += fail1(c.floats(js[q].m, off, k, &buf[0]), &js[q], mask)
	}
}

// fail4Scalar is the portable kernel of blockMasks for four jobs: it ORs each row's failed bits
// into mask and adds the number of rows failing each job to fails.
func fail4Scalar(c0, c1, c2, c3 []float32, js []job, mask []uint32, fails []uint64) {
	var n0, n1, n2, n3 uint64
	s0, s1, s2, s3 := js[0].sign, js[1].sign, js[2].sign, js[3].sign
	k0, k1, k2, k3 := js[0].cut, js[1].cut, js[2].cut, js[3].cut
	b0, b1, b2, b3 := js[0].bit, js[1].bit, js[2].bit, js[3].bit
	c0, c1, c2, c3 = c0[:len(mask)], c1[:len(mask)], c2[:len(mask)], c3[:len(mask)]
	for i := range mask {
		var f0, f1, f2, f3 uint32
		if !(c0[i]*s0 >= k0) {
			f0 = b0
		}
		if !(c1[i]*s1 >= k1) {
			f1 = b1
		}
		if !(c2[i]*s2 >= k2) {
			f2 = b2
		}
		if !(c3[i]*s3 >= k3) {
			f3 = b3
		}
		mask[i] |= f0 | f1 | f2 | f3
		n0 += uint64(f0)
		n1 += uint64(f1)
		n2 += uint64(f2)
		n3 += uint64(f3)
	}
	// Each sum is a multiple of the job's bit: adding the bit, not 1, keeps the loop free of
	// conversions from bool.
	fails[0] += n0 / uint64(b0)
	fails[1] += n1 / uint64(b1)
	fails[2] += n2 / uint64(b2)
	fails[3] += n3 / uint64(b3)
}

// fail1Scalar is the portable kernel of blockMasks for one job; it returns the number of rows
// failing it.
func fail1Scalar(col []float32, j *job, mask []uint32) uint64 {
	var n uint64
	s, k, b := j.sign, j.cut, j.bit
	col = col[:len(mask)]
	for i := range mask {
		var f uint32
		if !(col[i]*s >= k) {
			f = b
		}
		mask[i] |= f
		n += uint64(f)
	}
	return n / uint64(b)
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

// outranks mirrors the engine's ordering of failed checks: reasons declared RanksFirst (identity
// and legal age) first, then the larger shortfall, then the lower measure index.
func outranks(p *rules, a, b int, sf *[engine.NumMeasures]float64) bool {
	pa, pb := p.reason[a].RanksFirst(), p.reason[b].RanksFirst()
	if pa != pb {
		return pa
	}
	if sf[a] != sf[b] {
		return sf[a] > sf[b]
	}
	return a < b
}

// Packed counters: one uint64 holds three counts of 21 bits (assessed, declined under the
// baseline, declined under the proposal), so that a row updates its category's counts with one
// add. They are flushed into wide counters before any field can reach 1<<21.
const (
	packBits = 21
	packMask = 1<<packBits - 1
)

// packFlush is the number of rows after which packed counters are flushed; below 1<<packBits so
// no field overflows. It is a variable so that tests can make flushes frequent.
var packFlush = 1 << 20

func unpack(p uint64) Counts {
	return Counts{int(p & packMask), int(p >> packBits & packMask), int(p >> (2 * packBits))}
}

// tally is one worker's share of a Result.
type tally struct {
	stored int
	a2d    int      // approved under the baseline, declined under the proposal
	fails  []uint64 // per job: the number of rows failing it
	// dropA and dropB count, per reason, the failed rules of rows failing more than MaxReasons
	// rules that the ranking left out: per-reason counts are the rules' failure counts less these.
	dropA, dropB [engine.NumReasons + 1]int
	days         []Counts
	cats         [MaxCategories]Counts
	catAcc       [MaxCategories]uint64 // packed counts not yet added to cats
	pending      int                   // rows in catAcc
	// catsDone is set while run tallies a whole chunk, whose rows per category it took from
	// the chunk's perCat: rows then counts only the declines per category.
	catsDone             bool
	sampleA2D, sampleD2A []int
	out                  *OutcomeParams
	cells                [4]Cell
	// ufails are the fast path's (runFast) per-job failures of the rules the proposal leaves
	// unchanged.
	ufails []uint64
	// firstDay is the UTC day of the window's first row, day the index in days of the day rows
	// are tallied in and nextDay the time it ends at.
	firstDay, day, nextDay int64
}

// dropUnranked counts in drop the failed rules of a row, declined by p with more than MaxReasons
// failed rules, that are not among its principal reasons.
func dropUnranked(drop *[engine.NumReasons + 1]int, p *rules, failed uint16, c *chunk, off int) {
	var vals [engine.NumMeasures]float32
	for f := failed; f != 0; f &= f - 1 {
		m := bits.TrailingZeros16(f)
		vals[m] = c.value(m, off)
	}
	var top [engine.MaxReasons]engine.Reason
	n := principal(p, failed, &vals, &top)
	for f := failed; f != 0; f &= f - 1 {
		r := p.reason[bits.TrailingZeros16(f)]
		kept := false
		for _, t := range top[:n] {
			kept = kept || t == r
		}
		if !kept {
			drop[r]++
		}
	}
}

// run replays rows [lo, hi) under a (baseline) and b (proposed) into t.
func (t *tally) run(s *Snapshot, lo, hi int, a, b *rules, js []job) {
	t.fails = make([]uint64, len(js))
	t.setDay(s.At(lo))
	var bb blockBits
	for i := lo; i < hi; {
		c, off := s.chunks[i>>chunkBits], i&chunkMask
		k := min(hi-i, chunkSize-off, blockSize)
		if off == 0 {
			t.catsDone = hi-i >= chunkSize
			if t.catsDone {
				for g, n := range c.perCat {
					t.cats[g].Assessed += int(n)
				}
			}
		}
		bb.fill(c, off, k, js, t.fails)
		t.block(&bb, c, off, k, i, a, b)
		i += k
	}
	t.catsDone = false
	t.flush()
}

// eachDay cuts rows whose times are at into runs of one day, in order, and calls f with each run
// [j0, j1) and the counts of its day; most blocks are a single run.
func (t *tally) eachDay(at []int64, f func(j0, j1 int, d *Counts)) {
	k := len(at)
	for j0 := 0; j0 < k; {
		if at[j0] >= t.nextDay {
			t.setDay(at[j0])
		}
		j1 := k
		if at[k-1] >= t.nextDay {
			j1 = j0 + sort.Search(k-j0, func(x int) bool { return at[j0+x] >= t.nextDay })
		}
		f(j0, j1, &t.days[t.day])
		j0 = j1
	}
}

// countOnes returns the number of ones in b, whose bytes are 0 or 1, eight bytes at a time.
func countOnes(b []uint8) int {
	n := 0
	for len(b) >= 8 {
		// Each byte of acc counts at most 255 ones.
		var acc uint64
		k := min(len(b)/8, 255)
		for i := range k {
			acc += binary.LittleEndian.Uint64(b[8*i:])
		}
		acc = acc&0x00ff00ff00ff00ff + acc>>8&0x00ff00ff00ff00ff
		n += int(acc * 0x0001000100010001 >> 48)
		b = b[8*k:]
	}
	for _, d := range b {
		n += int(d)
	}
	return n
}

// setDay makes the UTC day of time at (unix microseconds) the one rows are tallied in.
func (t *tally) setDay(at int64) {
	d := floorDiv(at, DayMicros)
	t.day = d - t.firstDay
	t.nextDay = (d + 1) * DayMicros
}

// block tallies rows [off, off+k) of c, numbered from first in the snapshot, from their bitmaps.
func (t *tally) block(bb *blockBits, c *chunk, off, k, first int, a, b *rules) {
	if t.out != nil {
		outcomeRows(bb, k, c, off, first, t.out, &t.cells)
	}
	t.stored += countOnes(c.declined[off : off+k])
	t.eachDay(c.at[off:off+k], func(j0, j1 int, d *Counts) {
		t.rows(bb, j0, j1, c, off, first, d, a, b)
	})
	t.pending += k
	if t.pending >= packFlush {
		t.flush()
	}
}

func ptr(c Counts) *Counts { return &c }

// flush adds the packed category counters to the wide ones.
func (t *tally) flush() {
	for g, p := range t.catAcc {
		if p != 0 {
			t.cats[g].add(ptr(unpack(p)))
			t.catAcc[g] = 0
		}
	}
	t.pending = 0
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
	return SimulateOutcomes(s, lo, hi, baseline, proposed, nil)
}

// SimulateOutcomes is Simulate that also sums the outcomes of the swap-set cells under o (nil:
// it does not).
func SimulateOutcomes(s *Snapshot, lo, hi int, baseline, proposed *engine.ThresholdSet, o *OutcomeParams) *Result {
	lo, hi = max(lo, 0), min(hi, s.n)
	res := &Result{Outcomes: o}
	if lo >= hi {
		return res
	}
	a, b := prepare(baseline), prepare(proposed)
	res.FirstDay = floorDiv(s.At(lo), DayMicros)
	if ch, ok := s.fastPath(hi, &a, &b); ok {
		simulateFast(s, lo, hi, &a, &b, ch, o, res)
		return res
	}
	js := jobs(&a, &b, a.enabled|b.enabled)
	parts, ndays := tallies(s, lo, hi, o, res, func(t *tally, plo, phi int) {
		t.run(s, plo, phi, &a, &b, js)
	})
	merge(s, lo, hi, &a, &b, js, parts, ndays, res)
	return res
}

// tallies shares rows [lo, hi) of s between the workers: run is called with each worker's tally
// (its days, outcome parameters and first day set) and its part of the range. It returns the
// tallies, in the order of the parts, and the number of days of the window.
func tallies(s *Snapshot, lo, hi int, o *OutcomeParams, res *Result, run func(t *tally, lo, hi int)) ([]tally, int) {
	ndays := int(floorDiv(s.At(hi-1), DayMicros)-res.FirstDay) + 1
	w := workers(hi - lo)
	parts := make([]tally, w)
	parallel(lo, hi, w, func(p, plo, phi int) {
		t := &parts[p]
		t.days = make([]Counts, ndays)
		t.out = o
		t.firstDay = res.FirstDay
		run(t, plo, phi)
	})
	return parts, ndays
}

// merge adds the workers' tallies of rows [lo, hi) into res; t.fails are per job of js.
func merge(s *Snapshot, lo, hi int, a, b *rules, js []job, parts []tally, ndays int, res *Result) {
	res.Assessed = hi - lo
	res.Days = make([]Counts, ndays)
	var cats [MaxCategories]Counts
	for p := range parts {
		t := &parts[p]
		res.StoredDeclined += t.stored
		for q := range t.cells {
			res.Cells[q].add(&t.cells[q])
		}
		res.ApprovedToDeclined += t.a2d
		// Every declined row names each rule it failed, except those the ranking drops.
		for q, j := range js {
			n := int(t.fails[q])
			if j.bit&0xffff != 0 {
				res.BaselineReasons[a.reason[j.m]] += n
			}
			if j.bit>>16 != 0 {
				res.ProposedReasons[b.reason[j.m]] += n
			}
		}
		for r := range t.dropA {
			res.BaselineReasons[r] -= t.dropA[r]
			res.ProposedReasons[r] -= t.dropB[r]
		}
		for d := range t.days {
			res.Days[d].add(&t.days[d])
			res.BaselineDeclined += t.days[d].BaselineDeclined
			res.ProposedDeclined += t.days[d].ProposedDeclined
		}
		for g := range t.cats {
			cats[g].add(&t.cats[g])
		}
		// Parts are in time order, so the first samples overall are the first of the parts.
		res.SampleApprovedToDeclined = appendUpTo(res.SampleApprovedToDeclined, t.sampleA2D)
		res.SampleDeclinedToApproved = appendUpTo(res.SampleDeclinedToApproved, t.sampleD2A)
	}
	res.DeclinedToApproved = res.ApprovedToDeclined - (res.ProposedDeclined - res.BaselineDeclined)
	for g := range cats {
		if cats[g].Assessed > 0 {
			res.Categories = append(res.Categories, CategoryCounts{s.CategoryName(uint8(g)), cats[g]})
		}
	}
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
