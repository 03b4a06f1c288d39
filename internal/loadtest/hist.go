package loadtest

import (
	"math"
	"math/bits"
	"sync/atomic"
	"time"
)

// Latencies are kept in a log-linear histogram of microseconds: exact below 128 µs, then 64
// buckets per power of two, so a quantile is within 1/64 (1.6 %) of the true value whatever the
// run's length, in constant memory, and workers add to it without a lock.
const (
	subBits    = 6
	subBuckets = 1 << subBits // 64
	linearMax  = 2 * subBuckets
	numBuckets = linearMax + 58*subBuckets
)

// histogram counts latencies. The zero value is ready to use.
type histogram struct {
	counts [numBuckets]atomic.Uint64
	n      atomic.Uint64
	max    atomic.Int64 // microseconds
}

// bucketOf returns the bucket of v microseconds.
func bucketOf(v uint64) int {
	if v < linearMax {
		return int(v)
	}
	shift := bits.Len64(v) - subBits - 1 // v>>shift is in [64, 128)
	return linearMax + (shift-1)*subBuckets + int(v>>shift) - subBuckets
}

// bucketMid returns the middle of bucket i's range, in microseconds.
func bucketMid(i int) float64 {
	if i < linearMax {
		return float64(i)
	}
	shift := (i-linearMax)/subBuckets + 1
	lo := uint64((i-linearMax)%subBuckets+subBuckets) << shift
	return float64(lo) + float64(uint64(1)<<shift-1)/2
}

// add records one latency.
func (h *histogram) add(d time.Duration) {
	us := max(d.Microseconds(), 0)
	h.counts[bucketOf(uint64(us))].Add(1)
	h.n.Add(1)
	for {
		m := h.max.Load()
		if us <= m || h.max.CompareAndSwap(m, us) {
			return
		}
	}
}

// quantile returns the q-quantile (0 < q <= 1) in milliseconds: the middle of the bucket holding
// the ceil(q·n)-th smallest latency, never above the maximum; NaN when empty.
func (h *histogram) quantile(q float64) float64 {
	n := h.n.Load()
	if n == 0 {
		return math.NaN()
	}
	rank := max(uint64(math.Ceil(q*float64(n))), 1)
	var seen uint64
	for i := range h.counts {
		seen += h.counts[i].Load()
		if seen >= rank {
			return min(bucketMid(i), float64(h.max.Load())) / 1000
		}
	}
	return float64(h.max.Load()) / 1000
}

// maxMs returns the largest latency in milliseconds, NaN when empty.
func (h *histogram) maxMs() float64 {
	if h.n.Load() == 0 {
		return math.NaN()
	}
	return float64(h.max.Load()) / 1000
}
