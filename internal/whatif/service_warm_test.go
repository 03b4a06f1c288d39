package whatif

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/google/uuid"

	"riskconsole/internal/engine"
)

// TestAppendRowsMatchesAppend: a history filled by AppendRows in batches of every size is the
// history filled one row at a time by Append, column by column: times (rows out of order moved
// alike), categories past the batch's cache and past the table's overflow, the model's
// predictions and the base-set cache kept current by appends.
func TestAppendRowsMatchesAppend(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 2))
	rows := realisticRows(t, rng, 3*chunkSize+123, 0.93)
	for i := range rows {
		switch {
		case i%97 == 5:
			rows[i].At -= 1_000_000 // out of order: stored at the row before's time
		case i%7 == 3:
			rows[i].Category = fmt.Sprintf("cat-%d", rng.IntN(2*MaxCategories)) // past the table's 256
		}
	}
	set := usDefault(t)
	model := &Model{Intercept: -1}
	for m := range model.Weight {
		model.Weight[m], model.Mean[m], model.SD[m] = 0.1*float64(m), 10, 3
	}
	one, bulk := NewHistory("US"), NewHistory("US")
	for _, h := range []*History{one, bulk} {
		h.SetModel(model)
		h.SetBase(&set)
	}
	for i := range rows {
		one.Append(&rows[i])
	}
	for lo := 0; lo < len(rows); {
		hi := min(lo+rng.IntN(3000), len(rows))
		if first := bulk.AppendRows(rows[lo:hi]); first != lo {
			t.Fatalf("AppendRows returned first row %d, want %d", first, lo)
		}
		lo = hi
	}
	a, b := one.Snapshot(), bulk.Snapshot()
	if a.Len() != len(rows) || b.Len() != len(rows) || one.Moved() != bulk.Moved() || one.Moved() == 0 {
		t.Fatalf("rows %d and %d, moved %d and %d", a.Len(), b.Len(), one.Moved(), bulk.Moved())
	}
	if !slices.Equal(a.cats, b.cats) || len(a.cats) != MaxCategories {
		t.Fatalf("category tables differ (%d and %d names)", len(a.cats), len(b.cats))
	}
	predicted := 0
	for i := range rows {
		if a.PBad(i) != 0 {
			predicted++
		}
		for m := range engine.NumMeasures {
			if math.Float32bits(a.Value(i, engine.Measure(m))) != math.Float32bits(b.Value(i, engine.Measure(m))) { // NaN too
				t.Fatalf("row %d: value %d differs", i, m)
			}
		}
		if a.At(i) != b.At(i) || a.Category(i) != b.Category(i) || a.Amount(i) != b.Amount(i) ||
			a.Declined(i) != b.Declined(i) || a.Reasons(i) != b.Reasons(i) || a.PBad(i) != b.PBad(i) {
			t.Fatalf("row %d differs: %d %d %q %q %v %v %v %v %d %d %v %v", i, a.At(i), b.At(i), a.Category(i), b.Category(i), a.Amount(i), b.Amount(i), a.Declined(i), b.Declined(i), a.Reasons(i), b.Reasons(i), a.PBad(i), b.PBad(i))
		}
	}
	if predicted == 0 {
		t.Error("the model predicted no row")
	}
	// The base-set caches kept by the appends answer as one built over the whole history.
	late := historyOf(rows)
	late.SetBase(&set)
	proposed := moveRules(t, rng, &set, 2)
	want := Simulate(late.Snapshot(), 0, len(rows), &set, &proposed)
	for name, h := range map[string]*History{"Append": one, "AppendRows": bulk} {
		if got := Simulate(h.Snapshot(), 0, len(rows), &set, &proposed); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the simulation over the cache kept by appends differs from one over a cache built after", name)
		}
	}
}

// TestSortRuns: SortRuns sorts as slices.SortFunc does, whatever the runs of its input:
// none, one, a few long ones interleaved (a month written by a few writers), many short ones
// (where it sorts without looking at them).
func TestSortRuns(t *testing.T) {
	type elem struct{ key, seq int }
	byKey := func(a, b elem) int { return cmp.Compare(a.key, b.key) }
	rng := rand.New(rand.NewPCG(7, 19))
	for _, c := range []struct {
		name string
		n    int
		gen  func(i int) int
	}{
		{"empty", 0, nil},
		{"one", 1, func(int) int { return 5 }},
		{"sorted", 5000, func(i int) int { return i / 3 }},
		{"reversed", 5000, func(i int) int { return -i }},
		{"random", 5000, func(int) int { return rng.IntN(1000) }},
		{"3 writers", 9001, func(i int) int { return (i%3)*7 + i/3 }},
		{"21 writers", 105_243, func(i int) int { return i/21 + rng.IntN(40) }},
		{"runs of 54", 116_386, func(i int) int { return (i/54)%9*1000 + i%54 + rng.IntN(3) }},
	} {
		s := make([]elem, c.n)
		for i := range s {
			s[i] = elem{c.gen(i), i}
		}
		want := slices.Clone(s)
		slices.SortStableFunc(want, byKey)
		SortRuns(s, byKey)
		// Equal keys may come in any order, as slices.SortFunc's (the warm-up's keys are unique).
		if !slices.EqualFunc(s, want, func(a, b elem) bool { return a.key == b.key }) {
			t.Errorf("%s: not sorted", c.name)
		}
		seen := make([]bool, c.n)
		for _, e := range s {
			seen[e.seq] = true
		}
		if slices.Contains(seen, false) {
			t.Errorf("%s: an element was lost or doubled", c.name)
		}
	}
}

// TestRowIndexFind: the rows of the approved decisions are found by id, whatever the order of
// the look-ups (the events' id order, which is the usual one, backwards, at random); ids not
// read, before, between and after them, are not found.
func TestRowIndexFind(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const n = 20_000
	ids := make([]uuid.UUID, n)
	refs := make([]idRef, n)
	ms := uint64(1_760_000_000_000)
	for i := range ids {
		ms += uint64(rng.IntN(2)) // several decisions in one millisecond, as a UUIDv7 orders them
		id := uuid.Must(uuid.NewV7())
		binary.BigEndian.PutUint64(id[:8], ms<<16|uint64(id[6])<<8|uint64(id[7]))
		ids[i] = id
		refs[i] = idRef{binary.BigEndian.Uint64(id[:8]), binary.BigEndian.Uint64(id[8:]), rowRef{uint32(i % 3), int32(i)}}
	}
	// In the order the warm-up notes them, by time: runs in id order.
	x := newRowIndex(refs)
	if !slices.IsSortedFunc(x.refs, func(a, b idRef) int {
		return cmp.Or(cmp.Compare(a.hi, b.hi), cmp.Compare(a.lo, b.lo))
	}) {
		t.Fatal("the index is not sorted by id")
	}
	want := make(map[uuid.UUID]rowRef, n)
	for _, r := range refs {
		var id uuid.UUID
		binary.BigEndian.PutUint64(id[:8], r.hi)
		binary.BigEndian.PutUint64(id[8:], r.lo)
		want[id] = r.ref
	}
	check := func(order string, look []uuid.UUID) {
		for _, id := range look {
			got, ok := x.find(id)
			if w, known := want[id]; ok != known || got != w {
				t.Fatalf("%s: find(%s) = %v, %v; want %v, %v", order, id, got, ok, w, known)
			}
		}
	}
	sorted := slices.SortedFunc(maps.Keys(want), func(a, b uuid.UUID) int { return slices.Compare(a[:], b[:]) })
	check("ascending", sorted)
	descending := slices.Clone(sorted)
	slices.Reverse(descending)
	check("descending", descending)
	random := slices.Clone(sorted)
	rng.Shuffle(len(random), func(i, j int) { random[i], random[j] = random[j], random[i] })
	check("random", random)
	var missing []uuid.UUID
	for _, id := range sorted[:200] {
		m := id
		m[15]++ // next to a known id: most often unknown
		missing = append(missing, m)
	}
	missing = append(missing, uuid.UUID{}, uuid.Max)
	check("unknown", missing)
}

// BenchmarkAppendRows appends decisions to a growing history warmFlush at a time, as the warm-up
// does (ns/row against BenchmarkAppend's ns/op, one row each), a new history every million rows.
func BenchmarkAppendRows(b *testing.B) {
	rows := randomRows(b, rand.New(rand.NewPCG(3, 3)), 4096)
	h := NewHistory("US")
	i := 0
	for b.Loop() {
		if i%1024 == 0 {
			h = NewHistory("US")
		}
		h.AppendRows(rows[i&3*warmFlush : (i&3+1)*warmFlush])
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*warmFlush), "ns/row")
}
