package whatif

import (
	"math"

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
}

// Point is one point of a Curve.
type Point struct {
	Cutoff   float64
	Declined int
	Rate     float64
}

// PrepareSensitivity builds the decline-rate curve of rows [lo, hi) of s as the cut-off of m's
// rule sweeps, with the other rules of proposed, in one pass over the rows and one sort of the
// moving values of the rows that pass every other rule.
func PrepareSensitivity(s *Snapshot, lo, hi int, m engine.Measure, proposed *engine.ThresholdSet) *Curve {
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
		n, other, nan := 0, 0, 0
		for i := plo; i < phi; {
			c, off := s.chunks[i>>chunkBits], i&chunkMask
			k := min(phi-i, chunkSize-off, blockSize)
			blockMasks(c, off, k, js, mask[:], fails)
			col := c.values[m][off : off+k]
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
		d := cv.DeclinedCount(c)
		pts[i] = Point{Cutoff: c, Declined: d, Rate: rate(d, cv.Assessed)}
	}
	return pts
}
