package app

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/google/uuid"

	"riskconsole/internal/decisions"
	"riskconsole/internal/whatif"
)

// BenchmarkWhatIfWarmOutcomes is the warm-up from PostgreSQL with outcomes: a database seeded
// with RISKCONSOLE_BENCH_WARM_N demo decisions (default 400,000) and three repayment events per
// approved one is read twice in the same run, first the decisions alone (the warm-up before
// issue 13), then the whole warm-up (decisions, then every event joined to its decision and
// summarised). It reports both rates in decisions per second and their ratio. Target: ≥ 0.5M/s.
func BenchmarkWhatIfWarmOutcomes(b *testing.B) {
	TuneRuntime(os.Getenv)
	n := 400_000
	if v, err := strconv.Atoi(os.Getenv("RISKCONSOLE_BENCH_WARM_N")); err == nil && v > 0 {
		n = v
	}
	ta := newTestApp(b, "postgres", n)
	db := rawDB(b, ta)
	res := db.Exec(`INSERT INTO outcome_events (decision_id, event_id, observed_at, status, outstanding_minor, written_off_minor, currency, recorded_at, decision_created_at)
		SELECT id, 'e' || g, created_at + g * interval '30 days',
			CASE WHEN g = 3 AND bureau_score < 600 THEN 'LATE_30_59' ELSE 'CURRENT' END, amount_minor, 0, currency, now(), created_at
		FROM decisions, generate_series(1, 3) g WHERE outcome = 'APPROVED'`)
	if res.Error != nil {
		b.Fatal(res.Error)
	}
	if err := db.Exec("ANALYZE outcome_events").Error; err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var before, after time.Duration
	for b.Loop() {
		t0 := time.Now()
		cur, read := decisions.Cursor{}, 0
		for {
			next, k, err := ta.Store.WhatIfScan(ctx, cur, 50_000, func(string, uuid.UUID, *whatif.Row) error { return nil })
			if err != nil {
				b.Fatal(err)
			}
			if k == 0 {
				break
			}
			cur, read = next, read+k
		}
		before += time.Since(t0)
		if read != n {
			b.Fatalf("read %d decisions, want %d", read, n)
		}
		svc := whatif.NewService(ta.Store, ta.Thresholds, ta.BadDefinitions, nil)
		t0 = time.Now()
		if err := svc.Warm(ctx); err != nil {
			b.Fatal(err)
		}
		after += time.Since(t0)
		h, err := svc.History("US")
		if err != nil {
			b.Fatal(err)
		}
		if _, ok := h.Snapshot().Summary(0); !ok && !h.Snapshot().Declined(0) {
			b.Fatal("the first US decision, approved, has no summary after the warm-up")
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/before.Seconds(), "decisions-only-rows/s")
	b.ReportMetric(float64(n)*float64(b.N)/after.Seconds(), "with-outcomes-rows/s")
	b.ReportMetric(after.Seconds()/before.Seconds(), "x-decisions-only")
}
