package whatif

import (
	"cmp"
	"encoding/binary"
	"slices"
	"sort"
	"time"

	"github.com/google/uuid"
)

// warmFlush is how many decisions of one market the warm-up gathers before it appends them
// together (History.AppendRows): enough that the lock and the look-ups are paid once per
// thousand rows, few enough that the progress it reports moves smoothly.
const warmFlush = 1024

// warmIndexPrealloc bounds the entries of warmIndex allocated before the warm-up reads (most
// decisions are approved): a count of a few billion decisions must not allocate tens of GB at
// once; past it, the index grows as it fills.
const warmIndexPrealloc = 1 << 24

// warmBuf is one market's decisions read by the warm-up and not yet appended to its history.
type warmBuf struct {
	h    *History
	ref  uint32 // h's index in warmHistories
	next int    // the row the next decision gathered will be in h
	rows []Row
}

// warmAppend is append for the warm-up, which reads each decision once, in time order: it keeps
// the ids of the newest decisions in warmTail, a slice trimmed after each batch (trimTail),
// instead of a map entry added and deleted for every decision, which took a fifth of the
// warm-up's CPU; it gathers each market's decisions and appends them a thousand at a time
// (flushWarm must follow the last one); it notes the row of every approved decision in
// warmIndex, for the outcome events read next.
func (s *Service) warmAppend(market string, id uuid.UUID, r *Row) error {
	s.warmTail = append(s.warmTail, tailID{id, r.At})
	s.warmLast = tailID{id, r.At}
	if r.At > s.latest.UnixMicro() {
		s.latest = time.UnixMicro(r.At)
	}
	b := s.warmBuf
	if b == nil || b.h.market != market {
		b = s.warmBufFor(market)
		s.warmBuf = b
	}
	if !r.Declined {
		// Only the warm-up appends while it runs (Warm and Follow never run together), so the
		// row the decision will take is known now, and warmIndex is filled in time order,
		// which is nearly the ids' order (a UUIDv7 begins with its millisecond).
		s.warmIndex = append(s.warmIndex, idRef{binary.BigEndian.Uint64(id[:8]), binary.BigEndian.Uint64(id[8:]), rowRef{b.ref, int32(b.next)}})
	}
	b.next++
	b.rows = append(b.rows, *r)
	if len(b.rows) == warmFlush {
		s.appendWarm(b)
	}
	return nil
}

// warmBufFor returns market's buffer, creating it (and the market's history) on its first
// decision.
func (s *Service) warmBufFor(market string) *warmBuf {
	for _, b := range s.warmBufs {
		if b.h.market == market {
			return b
		}
	}
	h := s.historyFor(market)
	b := &warmBuf{h: h, ref: uint32(len(s.warmHistories)), next: h.Len(), rows: make([]Row, 0, warmFlush)}
	s.warmHistories = append(s.warmHistories, h)
	s.warmBufs = append(s.warmBufs, b)
	return b
}

// appendWarm appends b's gathered decisions to its history.
func (s *Service) appendWarm(b *warmBuf) {
	if len(b.rows) == 0 {
		return
	}
	b.h.AppendRows(b.rows)
	if s.loaded.Add(int64(len(b.rows))) > s.total.Load() {
		s.total.Store(s.loaded.Load())
	}
	clear(b.rows) // the category names
	b.rows = b.rows[:0]
}

// flushWarm appends every decision the warm-up gathered: after each month or batch read, so
// that the histories hold every decision read (warmLast's included) when a read fails.
func (s *Service) flushWarm() {
	for _, b := range s.warmBufs {
		s.appendWarm(b)
	}
}

// idRef is an approved decision's id, as two big-endian halves, and its row.
type idRef struct {
	hi, lo uint64
	ref    rowRef
}

// rowIndex finds the rows of the decisions the warm-up read by id: a slice sorted by id in
// place of a map (a million entries inserted and looked up again were about a seventh of the
// server's CPU in a profile of the warm-up). The outcome events arrive in their decisions' id order, month after month, so a look-up
// most often lands just after the one before it (at).
type rowIndex struct {
	refs []idRef
	at   int
}

// newRowIndex sorts refs by id and indexes them. They arrive in time order, out of id order only
// among the decisions of one millisecond, so they are runs in order (SortRuns).
func newRowIndex(refs []idRef) *rowIndex {
	SortRuns(refs, func(a, b idRef) int {
		if a.hi != b.hi {
			return cmp.Compare(a.hi, b.hi)
		}
		return cmp.Compare(a.lo, b.lo)
	})
	return &rowIndex{refs: refs}
}

// find returns the row of the decision id, if the warm-up read it approved.
func (x *rowIndex) find(id uuid.UUID) (rowRef, bool) {
	hi, lo := binary.BigEndian.Uint64(id[:8]), binary.BigEndian.Uint64(id[8:])
	less := func(i int) bool { e := &x.refs[i]; return e.hi > hi || e.hi == hi && e.lo >= lo }
	n := len(x.refs)
	var i int
	if x.at < n && !less(x.at) {
		// Forward from the last look-up, by doubling steps, then a binary search in the last one.
		lo, step := x.at+1, 1
		for lo+step < n && !less(lo+step) {
			lo, step = lo+step+1, step*2
		}
		hi := min(lo+step, n)
		i = lo + sort.Search(hi-lo, func(k int) bool { return less(lo + k) })
	} else {
		i = sort.Search(n, less)
	}
	x.at = i
	if i < n && x.refs[i].hi == hi && x.refs[i].lo == lo {
		return x.refs[i].ref, true
	}
	return rowRef{}, false
}

// SortRuns sorts s by cmp. The warm-up sorts rows in the order they were written: by a few
// writers at once, so a month read is runs already in order, interleaved (in the seeded 1M
// database, 2,173 runs in the 116,386 decisions of a month, 21 in its 105,243 outcome events).
// Merging r runs pairwise takes log2(r) passes, against about log2(len(s)) levels for a sort
// that does not look at them; with runs shorter than 16 on average it is slices.SortFunc, without
// a buffer. It takes a buffer of len(s) elements otherwise.
func SortRuns[E any](s []E, cmp func(a, b E) int) {
	var bounds []int // the end of each run
	for i := 1; i < len(s); i++ {
		if cmp(s[i-1], s[i]) > 0 {
			bounds = append(bounds, i)
			if len(bounds) > len(s)/16 {
				slices.SortFunc(s, cmp)
				return
			}
		}
	}
	if len(bounds) == 0 {
		return
	}
	bounds = append(bounds, len(s))
	src, dst := s, make([]E, len(s))
	for len(bounds) > 1 {
		merged := bounds[:0]
		lo := 0
		for k := 0; k < len(bounds); k += 2 {
			if k+1 == len(bounds) { // an odd run out: copied as it is
				copy(dst[lo:], src[lo:bounds[k]])
				merged = append(merged, bounds[k])
				break
			}
			mid, hi := bounds[k], bounds[k+1]
			mergeRuns(dst[lo:hi], src[lo:mid], src[mid:hi], cmp)
			merged = append(merged, hi)
			lo = hi
		}
		bounds = merged
		src, dst = dst, src
	}
	if &src[0] != &s[0] {
		copy(s, src)
	}
}

// mergeRuns merges the sorted a and b into out (len(a)+len(b)), a's first among equals.
func mergeRuns[E any](out, a, b []E, cmp func(a, b E) int) {
	i, j, k := 0, 0, 0
	for i < len(a) && j < len(b) {
		if cmp(b[j], a[i]) < 0 {
			out[k] = b[j]
			j++
		} else {
			out[k] = a[i]
			i++
		}
		k++
	}
	k += copy(out[k:], a[i:])
	copy(out[k:], b[j:])
}
