package whatif

import (
	"math"
	"sync"

	"riskconsole/internal/engine"
)

// Curve is the decline rate over a window as one rule's cut-off sweeps its range, with every
// other rule as proposed. It is prepared once when a slider is grabbed (PrepareSensitivity) and
// then answers each slider position in well under a microsecond.
//
// The curve is exact at every cut-off, not only at bucket edges: its "histogram" has one bucket
// per distinct float32 value of the moving measure among the rows that pass every other rule, so
// DeclinedCount(c) equals, for any c, the number of rows engine.Evaluate declines with the moving
// rule enabled at cut-off c. (Measured values are few and repeated: whole months, counts,
// scores, money rounded to cents; a million decisions hold at most a million distinct values.)
//
// The sweep always treats the moving rule as enabled, with the proposal's comparator, so that
// the curve shows what switching it on at each cut-off would do; Enabled and ProposedRate say how
// the proposal itself stands, and DisabledRate is the flat rate with the rule off.
type Curve struct {
	// Measure is the moving rule's measure and Comparator the proposal's comparator for it.
	Measure    engine.Measure
	Comparator engine.Comparator
	// Enabled and Cutoff are the proposal's switch and cut-off for the moving rule.
	Enabled bool
	Cutoff  float64
	// Assessed is the number of rows in the window. Other counts those failing some other
	// enabled rule, declined whatever the moving cut-off.
	Assessed int
	Other    int

	nan  int       // rows passing the other rules whose moving value is NaN: they always fail it
	vals []float32 // distinct moving values of the rows passing the other rules, ascending
	cum  []int32   // cum[i]: how many of those rows have a value <= vals[i]

	// With outcomes (Outcomes not nil): cumOut[i] sums the outcome payloads of the rows counted
	// by cum[i], nanOut those of the NaN rows; Now sums the rows the baseline approves.
	Outcomes *OutcomeParams
	cumOut   []payload
	nanOut   payload
	Now      NowPoint
}

// payload is what one row adds to a point's outcome figures: the denominators of the bad rate
// (mature or inferred: 1) and of the loss rate (its amount), and its bad (observed 0 or 1, or the
// inferred probability) and loss (observed, or expected), both in major units.
type payload struct {
	den, bad, loss, vol float64
}

func (p *payload) add(o *payload) {
	p.den += o.den
	p.bad += o.bad
	p.loss += o.loss
	p.vol += o.vol
}

func (p *payload) sub(o *payload) {
	p.den -= o.den
	p.bad -= o.bad
	p.loss -= o.loss
	p.vol -= o.vol
}

// NowPoint is the baseline's point: its approvals and their outcome payload.
type NowPoint struct {
	Approved int
	out      payload
}

// Point is one point of a Curve. ApprovalRate is 1 - Rate; BadRate and LossRate are the
// outcome figures of the approved rows (nil without outcomes, or when undefined).
type Point struct {
	Cutoff       float64
	Declined     int
	Rate         float64
	ApprovalRate float64
	BadRate      *float64
	LossRate     *float64
}

// PrepareSensitivity builds the decline-rate curve of rows [lo, hi) of s as the cut-off of m's
// rule sweeps, with the other rules of proposed, in one pass over the rows and one sort of the
// moving values of the rows that pass every other rule.
func PrepareSensitivity(s *Snapshot, lo, hi int, m engine.Measure, proposed *engine.ThresholdSet) *Curve {
	return PrepareSensitivityOutcomes(s, lo, hi, m, proposed, nil, nil)
}

// PrepareSensitivityOutcomes is PrepareSensitivity that also prepares each point's bad and loss
// rates under o, and the baseline's point (baseline and o not nil). The rows are sorted with
// their index beside their key, so that each distinct value's outcome payload sums in the
// same pass as its count.
func PrepareSensitivityOutcomes(s *Snapshot, lo, hi int, m engine.Measure, proposed, baseline *engine.ThresholdSet, o *OutcomeParams) *Curve {
	if o == nil || baseline == nil {
		return prepareCounts(s, lo, hi, m, proposed)
	}
	return prepareOutcomes(s, lo, hi, m, proposed, baseline, o)
}

func prepareCounts(s *Snapshot, lo, hi int, m engine.Measure, proposed *engine.ThresholdSet) *Curve {
	lo, hi = max(lo, 0), min(hi, s.n)
	r := &proposed.Rules[m]
	cv := &Curve{Measure: m, Comparator: r.Comparator, Enabled: r.Enabled, Cutoff: r.Cutoff}
	if lo >= hi {
		return cv
	}
	cv.Assessed = hi - lo
	p := prepare(proposed)
	js := jobs(&p, nil, p.enabled&^(1<<m))
	keys := make([]uint32, hi-lo)
	w := workers(hi - lo)
	type part struct{ lo, n, other, nan int }
	parts := make([]part, w)
	parallel(lo, hi, w, func(q, plo, phi int) {
		// Each part writes the keys of its rows into its own stretch of keys.
		out := keys[plo-lo : phi-lo]
		fails := make([]uint64, len(js))
		var mask [blockSize]uint32
		var buf [4][blockSize]float32
		n, other, nan := 0, 0, 0
		for i := plo; i < phi; {
			c, off := s.chunks[i>>chunkBits], i&chunkMask
			k := min(phi-i, chunkSize-off, blockSize)
			blockMasks(c, off, k, js, mask[:], fails, &buf)
			col := c.floats(int(m), off, k, &buf[0])
			for j, f := range mask[:k] {
				if f != 0 {
					other++
					continue
				}
				v := col[j]
				if v != v {
					nan++
					continue
				}
				out[n] = orderKey(v)
				n++
			}
			i += k
		}
		parts[q] = part{plo - lo, n, other, nan}
	})
	n := 0
	for _, pt := range parts {
		copy(keys[n:], keys[pt.lo:pt.lo+pt.n])
		n += pt.n
		cv.Other += pt.other
		cv.nan += pt.nan
	}
	keys = radixSort(keys[:n])
	for i, k := range keys {
		if i == 0 || k != keys[i-1] {
			cv.vals = append(cv.vals, fromOrderKey(k))
			cv.cum = append(cv.cum, 0)
		}
		cv.cum[len(cv.cum)-1] = int32(i + 1)
	}
	return cv
}

// orderKey maps a float32 that is not NaN to a uint32 in the same order, -0 and +0 to the same
// key since they compare equal.
func orderKey(v float32) uint32 {
	if v == 0 {
		v = 0
	}
	b := math.Float32bits(v)
	if b>>31 != 0 {
		return ^b
	}
	return b | 1<<31
}

func fromOrderKey(k uint32) float32 {
	if k>>31 != 0 {
		return math.Float32frombits(k &^ (1 << 31))
	}
	return math.Float32frombits(^k)
}

// radixSort sorts keys in four passes of a byte each, skipping the bytes that every key shares
// (whole months and counts leave the high bytes alike). It may return the scratch buffer.
func radixSort(keys []uint32) []uint32 {
	if len(keys) < 2 {
		return keys
	}
	var hist [4][256]int
	for _, k := range keys {
		hist[0][k&0xff]++
		hist[1][k>>8&0xff]++
		hist[2][k>>16&0xff]++
		hist[3][k>>24]++
	}
	tmp := make([]uint32, len(keys))
	for d := 0; d < 4; d++ {
		h := &hist[d]
		if h[(keys[0]>>(8*d))&0xff] == len(keys) {
			continue
		}
		sum := 0
		for b := range h {
			sum, h[b] = sum+h[b], sum
		}
		shift := uint(8 * d)
		for _, k := range keys {
			b := k >> shift & 0xff
			tmp[h[b]] = k
			h[b]++
		}
		keys, tmp = tmp, keys
	}
	return keys
}

// countBelow returns how many of the prepared rows pass the other rules and have a moving value
// below c; countAbove those above c.
func (cv *Curve) countBelow(c float32) int {
	// The first index whose value is >= c.
	lo, hi := 0, len(cv.vals)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if cv.vals[mid] < c {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return 0
	}
	return int(cv.cum[lo-1])
}

func (cv *Curve) countAbove(c float32) int {
	// The first index whose value is > c.
	lo, hi := 0, len(cv.vals)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if cv.vals[mid] <= c {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	total := 0
	if len(cv.cum) > 0 {
		total = int(cv.cum[len(cv.cum)-1])
	}
	if lo == 0 {
		return total
	}
	return total - int(cv.cum[lo-1])
}

// DeclinedCount returns how many rows would be declined with the moving rule enabled at cutoff,
// compared at float32 precision as the engine does. A NaN cut-off fails every row, as in the
// engine.
func (cv *Curve) DeclinedCount(cutoff float64) int {
	c := float32(cutoff)
	if c != c {
		return cv.Assessed
	}
	n := cv.Other + cv.nan
	if cv.Comparator == engine.LTE {
		return n + cv.countAbove(c)
	}
	return n + cv.countBelow(c)
}

// DeclineRate returns the decline rate with the moving rule enabled at cutoff, 0 for an empty
// window.
func (cv *Curve) DeclineRate(cutoff float64) float64 {
	return rate(cv.DeclinedCount(cutoff), cv.Assessed)
}

// DisabledRate returns the decline rate with the moving rule switched off.
func (cv *Curve) DisabledRate() float64 { return rate(cv.Other, cv.Assessed) }

// ProposedRate returns the decline rate of the proposal as it stands: at its cut-off when the
// moving rule is enabled, else DisabledRate.
func (cv *Curve) ProposedRate() float64 {
	if !cv.Enabled {
		return cv.DisabledRate()
	}
	return cv.DeclineRate(cv.Cutoff)
}

// Range returns the cut-offs over which the curve changes: the smallest and largest moving value
// among the rows that pass the other rules, clamped to the measure's range; the measure's whole
// range when there is none. The curve is flat below lo and above hi (for GTE it takes its last
// step just above hi, where the rows at hi start to fail; for LTE its first just below lo).
func (cv *Curve) Range() (lo, hi float64) {
	info := &engine.Measures[cv.Measure]
	if len(cv.vals) == 0 {
		return info.Min, info.Max
	}
	lo = min(max(float64(cv.vals[0]), info.Min), info.Max)
	hi = max(min(float64(cv.vals[len(cv.vals)-1]), info.Max), lo)
	return lo, hi
}

// Points returns n points (n < 2 counts as 101) sweeping Range evenly, ends included, for drawing
// the curve under the slider. A skewed measure (money) puts most of its change in the first few
// points; PointsBetween zooms in.
func (cv *Curve) Points(n int) []Point {
	lo, hi := cv.Range()
	return cv.PointsBetween(lo, hi, n)
}

// PointsBetween returns n points (n < 2 counts as 101) sweeping [lo, hi] evenly, ends included.
func (cv *Curve) PointsBetween(lo, hi float64, n int) []Point {
	if n < 2 {
		n = 101
	}
	pts := make([]Point, n)
	for i := range pts {
		c := lo + (hi-lo)*float64(i)/float64(n-1)
		if i == n-1 {
			c = hi
		}
		pts[i] = cv.At(c)
	}
	return pts
}

// At returns the point at cutoff.
func (cv *Curve) At(cutoff float64) Point {
	d := cv.DeclinedCount(cutoff)
	p := Point{Cutoff: cutoff, Declined: d, Rate: rate(d, cv.Assessed), ApprovalRate: 1 - rate(d, cv.Assessed)}
	if cv.Assessed == 0 {
		p.ApprovalRate = 0
	}
	if cv.Outcomes != nil {
		out := cv.approvedOut(float32(cutoff))
		p.BadRate, p.LossRate = cv.rates(&out)
	}
	return p
}

// rates returns the bad and loss rates of an outcome payload, nil when undefined or when the
// inference is not available.
func (cv *Curve) rates(out *payload) (bad, loss *float64) {
	if !cv.Outcomes.Available {
		return nil, nil
	}
	if out.den > 0 {
		r := out.bad / out.den
		bad = &r
	}
	if out.vol > 0 {
		r := out.loss / out.vol
		loss = &r
	}
	return bad, loss
}

// approvedOut sums the outcome payloads of the rows approved with the moving rule at c.
func (cv *Curve) approvedOut(c float32) payload {
	var out payload
	if c != c || len(cv.cumOut) == 0 {
		return out
	}
	total := cv.cumOut[len(cv.cumOut)-1]
	if cv.Comparator == engine.LTE {
		// Approved: value <= c.
		i := cv.firstAbove(c)
		if i > 0 {
			out = cv.cumOut[i-1]
		}
		return out
	}
	// Approved: value >= c, all but those below c.
	out = total
	if i := cv.firstAtLeast(c); i > 0 {
		out.sub(&cv.cumOut[i-1])
	}
	return out
}

func (cv *Curve) firstAtLeast(c float32) int {
	lo, hi := 0, len(cv.vals)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if cv.vals[mid] < c {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

func (cv *Curve) firstAbove(c float32) int {
	lo, hi := 0, len(cv.vals)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if cv.vals[mid] <= c {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// ProposedPoint returns the proposal's point: at its cut-off when the moving rule is enabled,
// else every row passing the other rules approved.
func (cv *Curve) ProposedPoint() Point {
	if cv.Enabled {
		return cv.At(cv.Cutoff)
	}
	p := Point{Cutoff: cv.Cutoff, Declined: cv.Other, Rate: cv.DisabledRate(), ApprovalRate: 1 - cv.DisabledRate()}
	if cv.Outcomes != nil {
		var out payload
		if len(cv.cumOut) > 0 {
			out = cv.cumOut[len(cv.cumOut)-1]
		}
		out.add(&cv.nanOut)
		p.BadRate, p.LossRate = cv.rates(&out)
	}
	return p
}

// NowPointAt returns the baseline's point, at the baseline's cut-off of the moving rule.
func (cv *Curve) NowPointAt(cutoff float64) Point {
	p := Point{Cutoff: cutoff, Declined: cv.Assessed - cv.Now.Approved}
	p.Rate = rate(p.Declined, cv.Assessed)
	if cv.Assessed > 0 {
		p.ApprovalRate = 1 - p.Rate
	}
	if cv.Outcomes != nil {
		p.BadRate, p.LossRate = cv.rates(&cv.Now.out)
	}
	return p
}

// rowPayload returns the outcome payload of row off of c (numbered i in the snapshot), and false
// when it is zero (an immature approved row).
func rowPayload(c *chunk, off, i int, o *OutcomeParams) (rowPay, bool) {
	a := c.amount[off]
	if c.declined[off] != 0 {
		p := math.Float32frombits(c.pbad[off].Load())
		return rowPay{den: 1, bad: p, loss: float32(o.LossGivenBad) * p * a, vol: a}, true
	}
	if !o.mat.mature(i) {
		return rowPay{}, false
	}
	w := c.repay[off].Load()
	return rowPay{den: 1, bad: float32(o.badBit(w)), loss: float32(w>>lossShift) / 100, vol: a}, true
}

// rowPay is one row's payload as prepared, in float32 to halve the bytes the sort's gather reads;
// sums are in float64.
type rowPay struct{ den, bad, loss, vol float32 }

func (p *payload) addRow(r *rowPay) {
	p.den += float64(r.den)
	p.bad += float64(r.bad)
	p.loss += float64(r.loss)
	p.vol += float64(r.vol)
}

// prepareOutcomes is prepareCounts with the outcome payloads and the baseline's point.
func prepareOutcomes(s *Snapshot, lo, hi int, m engine.Measure, proposed, baseline *engine.ThresholdSet, o *OutcomeParams) *Curve {
	lo, hi = max(lo, 0), min(hi, s.n)
	r := &proposed.Rules[m]
	cv := &Curve{Measure: m, Comparator: r.Comparator, Enabled: r.Enabled, Cutoff: r.Cutoff, Outcomes: o}
	if lo >= hi {
		return cv
	}
	cv.Assessed = hi - lo
	p, b := prepare(proposed), prepare(baseline)
	p.enabled &^= 1 << m
	js := jobs(&p, &b, p.enabled|b.enabled)
	buf := getPrepBuf(hi - lo)
	defer prepBufs.Put(buf)
	keys := buf.keys[:hi-lo]
	// pay[0] is the zero payload every immature approved row points to, so that the gather
	// below finds it in the cache; row x of the window has its payload at x+1 (written before
	// it is read: the buffer is reused).
	pay := buf.pay[:hi-lo+1]
	pay[0] = rowPay{}
	w := workers(hi - lo)
	type part struct {
		lo, n, other, nan, now int
		nanOut, nowOut         payload
	}
	parts := make([]part, w)
	parallel(lo, hi, w, func(q, plo, phi int) {
		out := keys[plo-lo : phi-lo]
		fails := make([]uint64, len(js))
		var mask [blockSize]uint32
		var buf [4][blockSize]float32
		pt := part{lo: plo - lo}
		for i := plo; i < phi; {
			c, off := s.chunks[i>>chunkBits], i&chunkMask
			k := min(phi-i, chunkSize-off, blockSize)
			blockMasks(c, off, k, js, mask[:], fails, &buf)
			col := c.floats(int(m), off, k, &buf[0])
			for j, f := range mask[:k] {
				baseOK, otherOK := f>>16 == 0, uint16(f) == 0
				if !baseOK && !otherOK {
					pt.other++
					continue
				}
				pl, nonZero := rowPayload(c, off+j, i+j, o)
				if baseOK {
					pt.now++
					pt.nowOut.addRow(&pl)
				}
				if !otherOK {
					pt.other++
					continue
				}
				v := col[j]
				if v != v {
					pt.nan++
					pt.nanOut.addRow(&pl)
					continue
				}
				x := 0
				if nonZero {
					x = i + j - lo + 1
					pay[x] = pl
				}
				out[pt.n] = uint64(orderKey(v))<<32 | uint64(x)
				pt.n++
			}
			i += k
		}
		parts[q] = pt
	})
	n := 0
	for _, pt := range parts {
		copy(keys[n:], keys[pt.lo:pt.lo+pt.n])
		n += pt.n
		cv.Other += pt.other
		cv.nan += pt.nan
		cv.nanOut.add(&pt.nanOut)
		cv.Now.Approved += pt.now
		cv.Now.out.add(&pt.nowOut)
	}
	keys = radixSort64(keys[:n], buf.tmp[:n])
	// Count the distinct values, and split the sorted keys into w segments at value boundaries:
	// segment q is keys[bounds[q]:bounds[q+1]], its first value the first[q]-th distinct one.
	bounds, first := make([]int, w+1), make([]int, w+1)
	distinct, seg := 0, 1
	for i := range keys {
		if i == 0 || keys[i]>>32 != keys[i-1]>>32 {
			for ; seg < w && i >= len(keys)*seg/w; seg++ {
				bounds[seg], first[seg] = i, distinct
			}
			distinct++
		}
	}
	for ; seg <= w; seg++ {
		bounds[seg], first[seg] = len(keys), distinct
	}
	cv.vals, cv.cum, cv.cumOut = make([]float32, distinct), make([]int32, distinct), make([]payload, distinct)
	// The payloads are gathered in key order, a read from anywhere in pay per row: the segments
	// run in parallel, each summing from zero, then each segment's sums are offset by the
	// totals of the segments before it.
	totals := make([]payload, w)
	parallel(0, w, w, func(q, _, _ int) {
		var acc payload
		d, end := first[q], bounds[q+1]
		for i := bounds[q]; i < end; {
			hiKey := keys[i] >> 32
			j := i
			for ; j < end && keys[j]>>32 == hiKey; j++ {
				acc.addRow(&pay[uint32(keys[j])])
			}
			cv.vals[d], cv.cum[d], cv.cumOut[d] = fromOrderKey(uint32(hiKey)), int32(j), acc
			d++
			i = j
		}
		totals[q] = acc
	})
	var base payload
	for q := 1; q < w; q++ {
		base.add(&totals[q-1])
		for d := first[q]; d < first[q+1]; d++ {
			cv.cumOut[d].add(&base)
		}
	}
	return cv
}

// prepBuf holds the scratch buffers of a preparation with outcomes, reused across
// preparations (a slider is grabbed again and again) so that each does not allocate and clear
// tens of megabytes.
type prepBuf struct {
	keys, tmp []uint64
	pay       []rowPay
}

var prepBufs sync.Pool

func getPrepBuf(n int) *prepBuf {
	b, _ := prepBufs.Get().(*prepBuf)
	if b == nil || cap(b.keys) < n {
		b = &prepBuf{keys: make([]uint64, n), tmp: make([]uint64, n), pay: make([]rowPay, n+1)}
	}
	b.keys, b.tmp, b.pay = b.keys[:cap(b.keys)], b.tmp[:cap(b.tmp)], b.pay[:cap(b.pay)]
	return b
}

// radixSort64 sorts keys by their upper 32 bits (stable, so ties keep their order), a byte at a
// time, skipping the bytes every key shares, using tmp (as long as keys) as scratch. It may
// return tmp.
func radixSort64(keys, tmp []uint64) []uint64 {
	if len(keys) < 2 {
		return keys
	}
	var hist [4][256]int
	for _, k := range keys {
		h := uint32(k >> 32)
		hist[0][h&0xff]++
		hist[1][h>>8&0xff]++
		hist[2][h>>16&0xff]++
		hist[3][h>>24]++
	}
	for d := 0; d < 4; d++ {
		h := &hist[d]
		shift := uint(32 + 8*d)
		if h[(keys[0]>>shift)&0xff] == len(keys) {
			continue
		}
		sum := 0
		for b := range h {
			sum, h[b] = sum+h[b], sum
		}
		for _, k := range keys {
			b := k >> shift & 0xff
			tmp[h[b]] = k
			h[b]++
		}
		keys, tmp = tmp, keys
	}
	return keys
}
