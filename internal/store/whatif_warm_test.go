package store_test

import (
	"context"
	"testing"

	"github.com/google/uuid"

	"riskconsole/internal/decisions"
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
