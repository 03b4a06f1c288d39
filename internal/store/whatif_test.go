package store_test

import (
	"context"

	"github.com/google/uuid"
	"testing"
	"time"

	"riskconsole/internal/analytics"
	"riskconsole/internal/decisions"
	"riskconsole/internal/demo"
	"riskconsole/internal/engine"
	"riskconsole/internal/store"
	"riskconsole/internal/testdb"
	"riskconsole/internal/whatif"
)

// seeded opens a migrated store on dialect with n demo decisions.
func seeded(tb testing.TB, dialect string, n int) *store.Store {
	tb.Helper()
	opts := store.Options{SQLitePath: testdb.NewSQLitePath(tb)}
	if dialect == "postgres" {
		opts = store.Options{DatabaseURL: testdb.NewPostgresDB(tb)}
	}
	ctx := context.Background()
	st, err := store.Open(ctx, opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	if err := st.Migrate(ctx); err != nil {
		tb.Fatal(err)
	}
	end := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	if err := demo.Seed(ctx, st, demo.SeedOptions{N: n, Seed: 3, End: end}); err != nil {
		tb.Fatal(err)
	}
	return st
}

// TestWhatIfScan reads every decision in batches and checks each row against the explorer's
// reading of the same decision, on both databases.
func TestWhatIfScan(t *testing.T) {
	ctx := context.Background()
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			st := seeded(t, dialect, 1500)
			page, err := st.Decisions(ctx, decisions.Filter{}, decisions.PageRequest{First: 2000, Order: decisions.OldestFirst})
			if err != nil {
				t.Fatal(err)
			}
			type scanned struct {
				market string
				id     uuid.UUID
				row    whatif.Row
			}
			var got []scanned
			cur := decisions.Cursor{}
			for {
				next, n, err := st.WhatIfScan(ctx, cur, 400, func(market string, id uuid.UUID, r *whatif.Row) error {
					got = append(got, scanned{market, id, *r})
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if n == 0 {
					if next != cur {
						t.Fatalf("an empty batch moved the cursor from %+v to %+v", cur, next)
					}
					break
				}
				cur = next
			}
			if len(got) != len(page.Items) {
				t.Fatalf("scanned %d decisions, the explorer lists %d", len(got), len(page.Items))
			}
			for i, d := range page.Items {
				g := got[i]
				declined := d.Outcome == engine.Declined
				var mask uint16
				for _, r := range d.Reasons {
					mask |= 1 << (r - 1)
				}
				if g.market != d.Market || g.id.String() != d.ID || g.row.At != d.CreatedAt.UnixMicro() || g.row.Category != d.MerchantCategory ||
					g.row.Amount != float32(float64(d.AmountMinor)/100) || g.row.Declined != declined || g.row.Reasons != mask {
					t.Fatalf("row %d = %s %+v, decision %+v", i, g.market, g.row, d)
				}
				for m, v := range d.Values {
					if g.row.Values[m] != float32(v) {
						t.Fatalf("row %d value %v = %v, want float32(%v)", i, engine.Measure(m), g.row.Values[m], v)
					}
				}
			}
		})
	}
}

// BenchmarkWhatIfScanPostgres measures the warm-up read rate of the what-if history from
// PostgreSQL (issue 4's goal: at least 0.5M decisions/s).
func BenchmarkWhatIfScanPostgres(b *testing.B) {
	const n = 200_000
	st := seeded(b, "postgres", n)
	ctx := context.Background()
	b.ResetTimer()
	start := time.Now()
	for range b.N {
		cur, total := decisions.Cursor{}, 0
		for {
			next, got, err := st.WhatIfScan(ctx, cur, 50_000, func(string, uuid.UUID, *whatif.Row) error { return nil })
			if err != nil {
				b.Fatal(err)
			}
			if got == 0 {
				break
			}
			cur, total = next, total+got
		}
		if total != n {
			b.Fatalf("read %d, want %d", total, n)
		}
	}
	b.ReportMetric(float64(n*b.N)/time.Since(start).Seconds(), "rows/s")
}

// TestRollupPassMaintainsTables checks that a large aggregator pass on PostgreSQL leaves the
// rollup tables vacuumed and analyzed, and the pool's connections with their own statement
// timeout.
func TestRollupPassMaintainsTables(t *testing.T) {
	ctx := context.Background()
	st := seeded(t, "postgres", 500)
	store.SetRollupMaintainAfter(t, 100)
	st.Pool().SetMaxOpenConns(1) // the pass and the maintenance share the connection checked below
	p, err := st.AdvanceRollups(ctx, analytics.Tables, time.Now())
	if err != nil || p.Added != 500 {
		t.Fatalf("pass %+v, %v", p, err)
	}
	for _, tb := range analytics.Tables {
		var vacuumed, analyzed bool
		row := st.Pool().QueryRowContext(ctx, `SELECT last_vacuum IS NOT NULL, last_analyze IS NOT NULL
			FROM pg_stat_user_tables WHERE relname = $1`, tb.Name)
		if err := row.Scan(&vacuumed, &analyzed); err != nil {
			t.Fatal(err)
		}
		if !vacuumed || !analyzed {
			t.Errorf("%s: vacuumed %v, analyzed %v", tb.Name, vacuumed, analyzed)
		}
	}
	// The pool's one connection has its configured statement timeout back.
	var timeout string
	if err := st.Pool().QueryRowContext(ctx, "SHOW statement_timeout").Scan(&timeout); err != nil || timeout == "30min" {
		t.Fatalf("statement_timeout after the pass: %q, %v", timeout, err)
	}
}
