package app

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"riskconsole/internal/analytics"
	"riskconsole/internal/auth"
)

// BenchmarkVintagesPostgres measures the vintage curves of one market over 25 months on
// PostgreSQL, from rollups as 10,000,000 decisions over 25 months in four markets produce them
// (the rollup tables are filled directly: their size depends on the months, categories, threshold
// versions and months on book, not on the decisions): per market and month 12 merchant categories
// × 2 threshold versions of about 85,000 approvals in all, and a row per month on book lived. It
// reports the median answer of the service, not grouped and grouped by threshold version, and
// the GraphQL round trip. Run it with -benchtime=1x: each figure is a median over its own
// repetitions.
//
// Target (issue 13): ≤ 20 ms.
func BenchmarkVintagesPostgres(b *testing.B) {
	TuneRuntime(os.Getenv)
	ctx := context.Background()
	ta := newTestApp(b, "postgres", 100)
	db := ta.rawDB(b)
	const months, categories, versions = 25, 12, 2
	perCell := int64(10_000_000 * 85 / 100 / 4 / months / categories / versions)
	end := time.Date(testEnd.Year(), testEnd.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
	start := end.AddDate(0, -months, 0)
	now := time.Now().UTC()
	if _, err := db.Exec(`DELETE FROM rollup_vintage`); err != nil {
		b.Fatal(err)
	}
	// One statement per table: every market, month, category and version (two per month, ids
	// 1000 + month and 1001 + month), and for outcomes every month on book the vintage has lived.
	if _, err := db.Exec(`INSERT INTO rollup_vintage (month, market, merchant_category, threshold_version_id, approved, approved_minor)
		SELECT extract(epoch FROM $1::timestamptz + m * interval '1 month')::bigint, mk, 'cat_' || c, 1000 + m + v, $2::bigint, $2::bigint * 15000
		FROM unnest(ARRAY['US','GB','SE','DE']) mk, generate_series(0, $3::int - 1) m, generate_series(1, $4::int) c, generate_series(0, $5::int - 1) v`,
		start, perCell, months, categories, versions); err != nil {
		b.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO rollup_vintage_outcome (month, market, merchant_category, threshold_version_id, mob,
			reached_30, reached_60, reached_90, charged_off, written_off_minor)
		SELECT rv.month, rv.market, rv.merchant_category, rv.threshold_version_id, mob,
		       rv.approved / (40 + mob * 5), rv.approved / (80 + mob * 7), rv.approved / (150 + mob * 9),
		       CASE WHEN mob >= 3 THEN rv.approved / (300 + mob * 11) ELSE 0 END,
		       CASE WHEN mob >= 3 THEN rv.approved_minor / (500 + mob * 13) ELSE 0 END
		FROM rollup_vintage rv,
		     generate_series(0, (extract(year FROM age($1::timestamptz, to_timestamp(rv.month))) * 12 +
		                         extract(month FROM age($1::timestamptz, to_timestamp(rv.month))))::int) mob`, now); err != nil {
		b.Fatal(err)
	}
	for _, t := range []string{"rollup_vintage", "rollup_vintage_outcome"} {
		if _, err := db.Exec("VACUUM (ANALYZE) " + t); err != nil {
			b.Fatal(err)
		}
	}
	var rows int64
	if err := db.QueryRow(`SELECT COUNT(*) FROM rollup_vintage_outcome`).Scan(&rows); err != nil {
		b.Fatal(err)
	}
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
	ask := func(g analytics.VintageGroup, want int) func() error {
		req := analytics.VintageRequest{Market: "DE", From: start, To: end, Group: g}
		return func() error {
			rep, err := ta.Analytics.Vintages(ctx, req)
			if err == nil && len(rep.Series) != want {
				return fmt.Errorf("%d series, want %d", len(rep.Series), want)
			}
			return err
		}
	}
	b.ResetTimer()
	for range b.N {
		b.ReportMetric(median(100, ask(analytics.VintageNoGroup, months)), "vintages-p50-ms")
		b.ReportMetric(median(100, ask(analytics.VintageByThresholdVersion, months*versions)), "by-version-p50-ms")
		vars := map[string]any{"m": "DE", "from": start, "to": end}
		b.ReportMetric(median(100, func() error {
			if r := ta.post(b, auth.Analyst, vintagesQuery, vars); len(r.Errors) > 0 {
				return fmt.Errorf("%s", errorsJSON(r))
			}
			return nil
		}), "graphql-p50-ms")
	}
	b.StopTimer()
	b.ReportMetric(float64(rows), "outcome-rows")
	if la, err := os.ReadFile("/proc/loadavg"); err == nil {
		b.Logf("load average: %s", la)
	}
}

// BenchmarkOutcomeRollupCatchUpPostgres measures the aggregator catching up with outcome events a
// bulk load wrote in one transaction: RISKCONSOLE_BENCH_OUTCOME_DECISIONS demo decisions (default
// 200,000) and six events for each approval (about 1,000,000), in passes of 20,000 events. It
// reports the events per second of the catch-up.
func BenchmarkOutcomeRollupCatchUpPostgres(b *testing.B) {
	TuneRuntime(os.Getenv)
	n := 200_000
	if v, err := strconv.Atoi(os.Getenv("RISKCONSOLE_BENCH_OUTCOME_DECISIONS")); err == nil && v > 0 {
		n = v
	}
	ctx := context.Background()
	ta := newTestApp(b, "postgres", n)
	if err := ta.Analytics.Advance(ctx); err != nil {
		b.Fatal(err)
	}
	db := ta.rawDB(b)
	// Paths by a hash of the decision: 1 in 10 goes to charge-off and a recovery, 1 in 10 is 30+
	// days late and cures, the rest pay; events every 15 days.
	if _, err := db.Exec(`INSERT INTO outcome_events (decision_id, event_id, observed_at, status, outstanding_minor, written_off_minor, currency, recorded_at, decision_created_at)
		SELECT d.id, 'bulk-' || k, d.created_at + k * interval '15 days', st, CASE WHEN st = 'PAID' THEN 0 ELSE d.amount_minor END,
		       CASE st WHEN 'CHARGED_OFF' THEN d.amount_minor / 2 WHEN 'RECOVERED' THEN d.amount_minor / 4 ELSE 0 END, d.currency, now(), d.created_at
		FROM decisions d CROSS JOIN generate_series(1, 6) k,
		     LATERAL (SELECT (CASE abs(hashtext(d.id::text)) % 10
		         WHEN 0 THEN ARRAY['LATE_1_29','LATE_30_59','LATE_60_89','LATE_90_PLUS','CHARGED_OFF','RECOVERED']
		         WHEN 1 THEN ARRAY['CURRENT','LATE_1_29','LATE_30_59','CURRENT','CURRENT','PAID']
		         ELSE ARRAY['CURRENT','CURRENT','CURRENT','CURRENT','CURRENT','PAID'] END)[k] AS st) s
		WHERE d.outcome = 'APPROVED'`); err != nil {
		b.Fatal(err)
	}
	var events int64
	if err := db.QueryRow(`SELECT COUNT(*) FROM outcome_events`).Scan(&events); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var took time.Duration
	for range b.N {
		t0 := time.Now()
		if err := ta.Analytics.Advance(ctx); err != nil {
			b.Fatal(err)
		}
		took = time.Since(t0)
	}
	b.StopTimer()
	var charged int64
	if err := db.QueryRow(`SELECT COALESCE(SUM(charged_off), 0) FROM rollup_vintage_outcome`).Scan(&charged); err != nil {
		b.Fatal(err)
	}
	if charged == 0 {
		b.Fatal("no charge-off counted")
	}
	b.ReportMetric(float64(events), "events")
	b.ReportMetric(took.Seconds(), "catch-up-s")
	b.ReportMetric(float64(events)/took.Seconds(), "events/s")
	if la, err := os.ReadFile("/proc/loadavg"); err == nil {
		b.Logf("load average: %s", la)
	}
}
