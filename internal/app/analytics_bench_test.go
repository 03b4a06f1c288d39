package app

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"riskconsole/internal/analytics"
	"riskconsole/internal/auth"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
)

// BenchmarkAnalyticsPostgres measures the analytics answers on PostgreSQL with
// RISKCONSOLE_BENCH_ANALYTICS_N demo decisions (default 1,000,000; the BENCHMARKS.md figures use
// 10,000,000) over the demo's 90 days, after the aggregator's first pass. For a 90-day daily
// series of one market (DE, about a quarter of the decisions), alone and grouped by reason, it
// reports the median answer from the rollups and, measured in the same run, from the decisions
// (the same GROUP BY the rollups replace, forced by an amount range that holds every amount),
// and their ratio. It also reports the first pass's rate, the GraphQL round trip of the daily
// series and the explorer's first page of 50 at this size. Run it with -benchtime=1x: each
// figure is a median over its own repetitions.
//
// Targets (issue 6): daily series ≤ 20 ms median, grouped by reason ≤ 50 ms, each ≥ 100× faster
// than the raw GROUP BY.
func BenchmarkAnalyticsPostgres(b *testing.B) {
	TuneRuntime(os.Getenv)
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("RISKCONSOLE_BENCH_ANALYTICS_N")); err == nil && v > 0 {
		n = v
	}
	ctx := context.Background()
	start := time.Now()
	ta := newTestApp(b, "postgres", n)
	seed := time.Since(start)
	start = time.Now()
	if err := ta.Analytics.Advance(ctx); err != nil {
		b.Fatal(err)
	}
	firstPass := time.Since(start)

	median := func(reps int, op func() error) float64 {
		lat := make([]time.Duration, 0, reps)
		for range reps {
			t0 := time.Now()
			if err := op(); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(t0))
		}
		slices.Sort(lat)
		return float64(lat[len(lat)/2].Microseconds()) / 1000
	}
	zero := int64(0)
	to := testEnd.Truncate(24 * time.Hour)
	series := func(group []analytics.Dimension, raw bool) func() error {
		req := analytics.RateRequest{Filter: analytics.Filter{From: to.Add(-90 * 24 * time.Hour), To: to, Market: "DE"},
			Bucket: analytics.Daily, GroupBy: group}
		if raw {
			req.Filter.MinAmountMinor = &zero
		}
		want := analytics.FromRollup
		if raw {
			want = analytics.FromDecisions
		}
		return func() error {
			rep, err := ta.Analytics.DeclineRates(ctx, req)
			if err == nil && (rep.Counts.Source != want || len(rep.Series) == 0 || len(rep.Series[0].Points) != 90) {
				b.Fatalf("answer from %v with %d series", rep.Counts.Source, len(rep.Series))
			}
			return err
		}
	}
	rawReps := 5
	if v, err := strconv.Atoi(os.Getenv("RISKCONSOLE_BENCH_RAW_REPS")); err == nil && v > 0 {
		rawReps = v
	}
	b.ResetTimer() // (which also drops metrics reported before it)
	b.ReportMetric(seed.Seconds(), "seed-s")
	b.ReportMetric(float64(n)/firstPass.Seconds(), "first-pass-rows/s")
	daily := median(200, series(nil, false))
	dailyRaw := median(rawReps, series(nil, true))
	byReason := median(200, series([]analytics.Dimension{analytics.Reason}, false))
	byReasonRaw := median(rawReps, series([]analytics.Dimension{analytics.Reason}, true))
	b.ReportMetric(daily, "daily-p50-ms")
	b.ReportMetric(dailyRaw, "daily-raw-p50-ms")
	b.ReportMetric(dailyRaw/daily, "daily-speedup")
	b.ReportMetric(byReason, "reason-p50-ms")
	b.ReportMetric(byReasonRaw, "reason-raw-p50-ms")
	b.ReportMetric(byReasonRaw/byReason, "reason-speedup")

	// The same daily series through the real handler, as the console's chart asks for it.
	body, _ := json.Marshal(map[string]any{"query": `query($f: AnalyticsFilter!) { declineRates(filter: $f, bucket: DAY) {
	  source series { points { bucketStart assessed declined rate } } } }`,
		"variables": map[string]any{"f": map[string]any{"from": to.Add(-90 * 24 * time.Hour), "to": to, "market": "DE"}}})
	h := ta.Handler()
	token := ta.Tokens[auth.Auditor]
	b.ReportMetric(median(200, func() error {
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
			b.Fatalf("status %d: %.300s", rec.Code, rec.Body.String())
		}
		return nil
	}), "daily-graphql-p50-ms")

	// The explorer's first page of 50 at this size, newest first, and filtered by market.
	b.ReportMetric(median(200, func() error {
		_, err := ta.Decisions.List(ctx, decisions.Filter{}, decisions.PageRequest{First: 50})
		return err
	}), "page50-p50-ms")
	b.ReportMetric(median(200, func() error {
		_, err := ta.Decisions.List(ctx, decisions.Filter{Market: "DE", Outcome: engine.Declined}, decisions.PageRequest{First: 50})
		return err
	}), "page50-declined-de-p50-ms")
}
