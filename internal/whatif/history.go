// Package whatif replays a market's decision history under a proposed threshold set: how many
// decisions it would have declined, which ones flip, which reasons it would name, per day and per
// merchant category, and how the decline rate moves as one rule's cut-off sweeps its range.
//
// It is pure and deterministic: no database, no clock, no I/O. The history is filled by its
// caller (warmed from the database, then appended as decisions are made) and read through
// immutable snapshots, so a simulation never blocks an append and an append never blocks a
// simulation.
//
// The engine is the single source of truth. The history keeps measured values as float32 (a
// measure with few distinct values as byte codes into a dictionary of its exact float32 values,
// see column), and engine.Evaluate compares values with cut-offs at float32 precision, so the
// replay here agrees with the engine exactly, decision by decision; the property tests check
// that.
package whatif

import (
	"math"
	"sort"
	"sync"
	"sync/atomic"
	"unsafe"

	"riskconsole/internal/engine"
	"riskconsole/internal/outcomes"
)

// chunkBits sets the number of rows per chunk (1<<chunkBits). Chunks are allocated whole and never
// moved, which is what lets readers use rows below the published length without a lock; 16,384
// rows (about 1.2 MB) keep the unused tail of the last chunk small next to a large history.
const (
	chunkBits = 14
	chunkSize = 1 << chunkBits
	chunkMask = chunkSize - 1
)

// MaxCategories is the size of a history's merchant-category table. Categories are stored as
// one byte per decision.
const MaxCategories = 256

// OtherCategory names the last slot of the category table, shared by every category that
// arrives after the first MaxCategories-1 distinct ones, so that a byte is always enough.
const OtherCategory = "(other)"

// chunk holds chunkSize rows column by column: 8 (time) + 4 (amount) + 2 (reasons) + 1 (category)
// + 1 (outcome) + 8 (repayment summary) + 4 (inferred probability of bad) = 28 bytes per row,
// the measured values, 1 byte (coded) to 4 bytes (float32) per measure and row, see column (43 to
// 88 bytes per row with 15 measures), and 1 KB of counts per category.
type chunk struct {
	at   [chunkSize]int64
	cols [engine.NumMeasures]atomic.Pointer[column] // written by set only
	// perCat counts the rows of each category once the chunk is full (written with its last
	// row), so that a simulation over the whole chunk need not count them row by row.
	perCat   [MaxCategories]uint32
	amount   [chunkSize]float32
	reasons  [chunkSize]uint16
	category [chunkSize]uint8
	declined [chunkSize]uint8 // 1 when the stored decision declined; a byte so it can be summed
	// repay is the decision's repayment summary packed by PackSummary (0: no event yet), kept
	// current as outcome events arrive; pbad the float32 bits of the reject inference's
	// probability of bad for the row's values (0: no model). Both change after the row is
	// published, so they are read and written atomically.
	repay [chunkSize]atomic.Uint64
	pbad  [chunkSize]atomic.Uint32
}

// chunkBytes is the size of a chunk apart from its measure columns; the array below does not
// compile when it is not the size of a chunk.
const chunkBytes = int64(chunkSize)*(8+4+2+1+1+8+4) + 8*engine.NumMeasures + 4*MaxCategories

// maxChunkBytes is the most a chunk holds: every measure in float32 values.
const maxChunkBytes = chunkBytes + engine.NumMeasures*(columnBytes+4*chunkSize)

var _ = [1]struct{}{}[unsafe.Sizeof(chunk{})-uintptr(chunkBytes)]

// Row is one stored decision as appended to a History.
type Row struct {
	// At is the decision time in unix microseconds (UTC). Rows are appended in ascending order.
	At int64
	// Values are the measured values, float32(v) of the stored float64 values, indexed by
	// engine.Measure.
	Values [engine.NumMeasures]float32
	// Category is the merchant category.
	Category string
	// Amount is the purchase amount in major units of the market's currency.
	Amount float32
	// Declined is the stored outcome.
	Declined bool
	// Reasons is the stored principal reasons as a bitmask: bit r-1 is set for engine.Reason r
	// (each reason at its measure's bit), so that 16 reasons fit.
	Reasons uint16
}

// History is the in-memory columnar decision history of one market. Appends are serialised by an
// internal lock; readers take a Snapshot, which needs no lock and stays valid while appends go on.
type History struct {
	market string

	mu       sync.Mutex       // serialises Append and CategoryIndex
	catIndex map[string]uint8 // guarded by mu

	// The chunk directory and the category table are replaced, never modified in place, when
	// they grow, and are published before the length that makes their new entries reachable.
	chunks atomic.Pointer[[]*chunk]
	cats   atomic.Pointer[[]string]
	n      atomic.Int64

	moved atomic.Int64 // rows stored at a later time than their own, see Append

	// model predicts the probability of bad of rows appended from now on (nil: none yet).
	model    atomic.Pointer[Model]
	outcomes atomic.Int64 // summaries set, see OutcomeVersion

	// base is the fast path's cache for one base set (nil: none), see SetBase; baseMu
	// serialises its rebuilds.
	base   atomic.Pointer[baseCache]
	baseMu sync.Mutex
	// pending is the base PrepareBase is building (nil: none), guarded by pendingMu.
	pendingMu sync.Mutex
	pending   *rules
}

// NewHistory returns an empty history for market.
func NewHistory(market string) *History {
	h := &History{market: market, catIndex: make(map[string]uint8)}
	h.chunks.Store(new([]*chunk))
	h.cats.Store(new([]string))
	return h
}

// Market returns the market the history belongs to.
func (h *History) Market() string { return h.market }

// Len returns the number of rows appended so far.
func (h *History) Len() int { return int(h.n.Load()) }

// CategoryIndex returns the index of the merchant category name in the history's category table,
// adding it when it is new. Once MaxCategories-1 names are taken, further new names share the
// last index, named OtherCategory.
func (h *History) CategoryIndex(name string) uint8 {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.categoryIndexLocked(name)
}

func (h *History) categoryIndexLocked(name string) uint8 {
	if i, ok := h.catIndex[name]; ok {
		return i
	}
	old := *h.cats.Load()
	if len(old) == MaxCategories {
		return MaxCategories - 1
	}
	if len(old) == MaxCategories-1 {
		name = OtherCategory
	}
	// A fresh slice, so that snapshots holding the old table never see it change.
	cats := append(old[:len(old):len(old)], name)
	i := uint8(len(old))
	if name != OtherCategory {
		h.catIndex[name] = i
	}
	h.cats.Store(&cats)
	return i
}

// Append adds one decision at the end of the history. Rows must arrive in ascending time order:
// a row older than the last one is stored at the last row's time, so that windows stay a binary
// search (the row still counts, on a slightly later day); the warm-up reads in time order and
// live decisions arrive in order, so this only absorbs clock skew between replicas.
// Append is safe to call concurrently with itself and with readers.
func (h *History) Append(r *Row) { h.AppendRows(unsafe.Slice(r, 1)) }

// batchCats is how many category names AppendRows remembers within one call.
const batchCats = 16

// AppendRows is Append for rows in order, under one lock and publishing the length once, for the
// warm-up, which appends every stored decision at start and paid the lock, the category table's
// map look-up and the atomic loads and stores for each. It returns the index of the first row
// appended. The category names are looked up once per distinct name and call (names are few,
// and the warm-up's are interned, so comparing them is most often comparing two pointers).
// AppendRows is safe to call concurrently with Append, itself and readers.
func (h *History) AppendRows(rows []Row) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	first := int(h.n.Load())
	n := first
	dir := *h.chunks.Load()
	m, bc := h.model.Load(), h.base.Load()
	var (
		names [batchCats]string
		idx   [batchCats]uint8
		known int
	)
	last := int64(math.MinInt64)
	if n > 0 {
		last = dir[(n-1)>>chunkBits].at[(n-1)&chunkMask]
	}
	for i := range rows {
		r := &rows[i]
		cat, found := uint8(0), false
		for k := range known {
			if names[k] == r.Category {
				cat, found = idx[k], true
				break
			}
		}
		if !found {
			cat = h.categoryIndexLocked(r.Category)
			if known < batchCats {
				names[known], idx[known] = r.Category, cat
				known++
			}
		}
		ci, off := n>>chunkBits, n&chunkMask
		if ci == len(dir) {
			grown := append(dir[:len(dir):len(dir)], new(chunk))
			h.chunks.Store(&grown)
			dir = grown
		}
		c := dir[ci]
		at := r.At
		if at < last {
			at = last
			h.moved.Add(1)
		}
		last = at
		c.set(off, at, r, cat)
		if m != nil {
			c.pbad[off].Store(math.Float32bits(m.Predict(&r.Values)))
		}
		if bc != nil {
			bc.addRow(dir, n)
		}
		n++
	}
	// Publishing the length last makes the rows visible to snapshots only once they are complete.
	h.n.Store(int64(n))
	return first
}

// set stores r at offset off with the stored time at and category index cat, its repayment summary
// and probability of bad cleared: the one place where a row's columns are written.
func (c *chunk) set(off int, at int64, r *Row, cat uint8) {
	c.at[off] = at
	for m, v := range r.Values {
		c.setValue(m, off, v)
	}
	c.amount[off] = r.Amount
	c.reasons[off] = r.Reasons
	c.category[off] = cat
	c.declined[off] = 0
	if r.Declined {
		c.declined[off] = 1
	}
	c.repay[off].Store(0)
	c.pbad[off].Store(0)
	if off == chunkSize-1 {
		clear(c.perCat[:])
		for _, g := range c.category {
			c.perCat[g]++
		}
	}
}

// Moved returns how many rows Append stored at the previous row's time because they arrived out
// of order. Snapshot.At returns the stored time, so a caller that finds decisions by time should
// widen its search when this is not zero.
func (h *History) Moved() int { return int(h.moved.Load()) }

// Snapshot returns an immutable view of the rows appended so far.
func (h *History) Snapshot() *Snapshot {
	// The length is loaded first: the chunks and categories it covers were published before it.
	n := int(h.n.Load())
	return &Snapshot{market: h.market, n: n, chunks: *h.chunks.Load(), cats: *h.cats.Load(), base: h.base.Load().view()}
}

// Window returns the rows [lo, hi) of the current snapshot whose time is in [from, to).
func (h *History) Window(from, to int64) (lo, hi int) { return h.Snapshot().Window(from, to) }

// CapacityBytes returns the bytes held by the history's columns and its base-set cache, the
// unused tail of the last chunk included, so that memory per decision can be measured.
func (h *History) CapacityBytes() int64 {
	// The length first: the chunks it covers were published before it.
	n := int(h.n.Load())
	dir := *h.chunks.Load()
	b := int64(len(dir))*chunkBytes + int64(cap(dir))*8
	for ci, c := range dir {
		b += c.measureBytes(ci == len(dir)-1 && n < len(dir)*chunkSize)
	}
	if bc := h.base.Load(); bc != nil {
		segs := *bc.segs.Load()
		for _, sg := range segs {
			b += sg.bytes()
		}
		b += int64(cap(segs)) * 8
	}
	return b
}

// Snapshot is an immutable view of the first Len rows of a History.
type Snapshot struct {
	market string
	n      int
	chunks []*chunk
	cats   []string
	base   baseView // the base-set cache as of the snapshot, see SetBase
}

// Market returns the market of the history the snapshot was taken from.
func (s *Snapshot) Market() string { return s.market }

// Len returns the number of rows in the snapshot.
func (s *Snapshot) Len() int { return s.n }

// At returns the time of row i in unix microseconds.
func (s *Snapshot) At(i int) int64 { return s.chunks[i>>chunkBits].at[i&chunkMask] }

// Value returns measured value m of row i.
func (s *Snapshot) Value(i int, m engine.Measure) float32 {
	return s.chunks[i>>chunkBits].value(int(m), i&chunkMask)
}

// Values returns the measured values of row i, widened back to float64 as the engine takes them.
func (s *Snapshot) Values(i int) engine.Values {
	var v engine.Values
	c, off := s.chunks[i>>chunkBits], i&chunkMask
	for m := range v {
		v[m] = float64(c.value(m, off))
	}
	return v
}

// Category returns the merchant category name of row i.
func (s *Snapshot) Category(i int) string {
	return s.cats[s.chunks[i>>chunkBits].category[i&chunkMask]]
}

// CategoryName returns the name of category index ci, "" when the snapshot does not know it.
func (s *Snapshot) CategoryName(ci uint8) string {
	if int(ci) < len(s.cats) {
		return s.cats[ci]
	}
	return ""
}

// Amount returns the purchase amount of row i.
func (s *Snapshot) Amount(i int) float32 { return s.chunks[i>>chunkBits].amount[i&chunkMask] }

// Declined returns the stored outcome of row i.
func (s *Snapshot) Declined(i int) bool { return s.chunks[i>>chunkBits].declined[i&chunkMask] != 0 }

// Reasons returns the stored principal reasons of row i as a bitmask (bit r-1 for
// engine.Reason r).
func (s *Snapshot) Reasons(i int) uint16 { return s.chunks[i>>chunkBits].reasons[i&chunkMask] }

// Window returns the rows [lo, hi) whose time is in [from, to), by binary search.
func (s *Snapshot) Window(from, to int64) (lo, hi int) {
	lo = sort.Search(s.n, func(i int) bool { return s.At(i) >= from })
	hi = sort.Search(s.n, func(i int) bool { return s.At(i) >= to })
	if hi < lo {
		hi = lo
	}
	return lo, hi
}

// Packed repayment summaries: 5 bits per level for the first month it was reached (31: never;
// months past 30 are stored as 30, which no window of at most outcomes.MaxWindowMonths tells
// apart), bit 20 set once the decision has any event, and the loss in minor units above
// (43 bits, up to 8.7e12 minor units).
const (
	monthBits  = 5
	monthNever = 1<<monthBits - 1
	hasEvents  = 1 << (outcomes.NumLevels * monthBits)
	lossShift  = outcomes.NumLevels*monthBits + 1
)

// The month field must tell every window apart from never.
var _ = [1]struct{}{}[monthNever-1-30+0*outcomes.MaxWindowMonths]

// PackSummary packs a repayment summary into the word the history keeps.
func PackSummary(s *outcomes.Summary) uint64 {
	w := uint64(hasEvents)
	for l, m := range s.FirstMonth {
		f := uint64(monthNever)
		if m != outcomes.Never {
			f = uint64(min(m, 30))
		}
		w |= f << (l * monthBits)
	}
	return w | uint64(max(s.LossMinor, 0))<<lossShift
}

// UnpackSummary is the inverse of PackSummary (months past 30 read as 30); ok is false for a
// decision without events.
func UnpackSummary(w uint64) (s outcomes.Summary, ok bool) {
	if w&hasEvents == 0 {
		return outcomes.NoOutcome, false
	}
	for l := range s.FirstMonth {
		f := uint8(w >> (l * monthBits) & monthNever)
		if f == monthNever {
			f = outcomes.Never
		}
		s.FirstMonth[l] = f
	}
	s.LossMinor = int64(w >> lossShift)
	return s, true
}

// SetSummary records the repayment summary of row i (a row already appended).
func (h *History) SetSummary(i int, s *outcomes.Summary) {
	dir := *h.chunks.Load()
	dir[i>>chunkBits].repay[i&chunkMask].Store(PackSummary(s))
	h.outcomes.Add(1)
}

// OutcomeVersion counts the summaries set so far: a fit of the reject inference is stale when it
// changed.
func (h *History) OutcomeVersion() int64 { return h.outcomes.Load() }

// Find returns the row of the decision made at micros (unix microseconds) whose amount is amount,
// or the first row at that time when none matches; ok is false when no row has that time.
// Rows stored at a later time than their own (Moved) are not found.
func (s *Snapshot) Find(micros int64, amount float32) (int, bool) {
	i := sort.Search(s.n, func(i int) bool { return s.At(i) >= micros })
	if i == s.n || s.At(i) != micros {
		return 0, false
	}
	for j := i; j < s.n && s.At(j) == micros; j++ {
		if s.Amount(j) == amount {
			return j, true
		}
	}
	return i, true
}

// Summary returns the repayment summary of row i; ok is false when it has no event yet.
func (s *Snapshot) Summary(i int) (outcomes.Summary, bool) {
	return UnpackSummary(s.chunks[i>>chunkBits].repay[i&chunkMask].Load())
}

// PBad returns the reject inference's probability of bad for row i, 0 when no model predicted it.
func (s *Snapshot) PBad(i int) float32 {
	return math.Float32frombits(s.chunks[i>>chunkBits].pbad[i&chunkMask].Load())
}

// SetModel makes m predict the probability of bad of every row, those appended later included
// (nil: forget the predictions).
func (h *History) SetModel(m *Model) {
	// Under the append lock, so that every row is predicted by m, here or by Append.
	h.mu.Lock()
	h.model.Store(m)
	n := int(h.n.Load())
	h.mu.Unlock()
	dir := *h.chunks.Load()
	var v [engine.NumMeasures]float32
	for i := 0; i < n; i++ {
		c, off := dir[i>>chunkBits], i&chunkMask
		var p float32
		if m != nil {
			for k := range v {
				v[k] = c.value(k, off)
			}
			p = m.Predict(&v)
		}
		c.pbad[off].Store(math.Float32bits(p))
	}
}

// at returns the stored time of row i (a row already appended) without taking a snapshot.
func (h *History) at(i int) int64 {
	dir := *h.chunks.Load()
	return dir[i>>chunkBits].at[i&chunkMask]
}
