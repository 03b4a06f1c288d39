package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/google/uuid"

	"riskconsole/internal/decisions"
	"riskconsole/internal/outcomes"
	"riskconsole/internal/whatif"
)

// TestWhatIfScanMonth reads every month of a PostgreSQL history with WhatIfScanMonth and checks
// that together they are exactly WhatIfScan's reading, row for row and in the same order; on
// SQLite there are no months to read.
func TestWhatIfScanMonth(t *testing.T) {
	ctx := context.Background()
	if months, err := seeded(t, "sqlite", 10).WhatIfMonths(ctx); err != nil || months != nil {
		t.Fatalf("SQLite months = %v, %v; want none", months, err)
	}
	st := seeded(t, "postgres", 3000)
	type scanned struct {
		market string
		id     uuid.UUID
		row    whatif.Row
	}
	var want []scanned
	keep := func(out *[]scanned) func(string, uuid.UUID, *whatif.Row) error {
		return func(market string, id uuid.UUID, r *whatif.Row) error {
			*out = append(*out, scanned{market, id, *r})
			return nil
		}
	}
	for cur := (decisions.Cursor{}); ; {
		next, n, err := st.WhatIfScan(ctx, cur, 700, keep(&want))
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
		cur = next
	}
	months, err := st.WhatIfMonths(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(months) < 3 {
		t.Fatalf("%d months of partitions, want several: %v", len(months), months)
	}
	var got []scanned
	for _, m := range months {
		before := len(got)
		n, err := st.WhatIfScanMonth(ctx, m, keep(&got))
		if err != nil {
			t.Fatal(err)
		}
		if n != len(got)-before {
			t.Fatalf("month %s: %d returned, %d passed to fn", m.Format("2006-01"), n, len(got)-before)
		}
	}
	if len(got) != len(want) || len(want) == 0 {
		t.Fatalf("the months read %d decisions, the batches %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("decision %d: the months read %+v, the batches %+v", i, got[i], want[i])
		}
	}
}

// TestWhatIfOutcomeEventsMonth reads every month of a PostgreSQL history's outcome events with
// WhatIfOutcomeEventsMonth and checks that together they are exactly WhatIfOutcomeEvents'
// reading: the same decisions, each once, with the same events in the same order.
func TestWhatIfOutcomeEventsMonth(t *testing.T) {
	ctx := context.Background()
	if months, err := seeded(t, "sqlite", 10).WhatIfOutcomeMonths(ctx); err != nil || months != nil {
		t.Fatalf("SQLite months = %v, %v; want none", months, err)
	}
	st := seeded(t, "postgres", 3000)
	keep := func(out map[uuid.UUID][]outcomes.Event) func(uuid.UUID, []outcomes.Event) error {
		return func(id uuid.UUID, events []outcomes.Event) error {
			if _, dup := out[id]; dup {
				t.Fatalf("decision %s passed twice", id)
			}
			out[id] = slices.Clone(events)
			return nil
		}
	}
	want := map[uuid.UUID][]outcomes.Event{}
	if err := st.WhatIfOutcomeEvents(ctx, keep(want)); err != nil {
		t.Fatal(err)
	}
	months, err := st.WhatIfOutcomeMonths(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[uuid.UUID][]outcomes.Event{}
	for _, m := range months {
		if err := st.WhatIfOutcomeEventsMonth(ctx, m, keep(got)); err != nil {
			t.Fatal(err)
		}
	}
	if len(got) != len(want) || len(want) < 100 {
		t.Fatalf("the months read the events of %d decisions, WhatIfOutcomeEvents of %d", len(got), len(want))
	}
	for id, w := range want {
		g := got[id]
		if len(g) != len(w) {
			t.Fatalf("decision %s: %d events by month, %d in one pass", id, len(g), len(w))
		}
		for i := range w {
			if !g[i].ObservedAt.Equal(w[i].ObservedAt) || g[i].Status != w[i].Status || g[i].WrittenOffMinor != w[i].WrittenOffMinor {
				t.Fatalf("decision %s event %d: %+v by month, %+v in one pass", id, i, g[i], w[i])
			}
		}
	}
}
