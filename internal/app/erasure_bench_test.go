package app

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"riskconsole/internal/auth"
)

// BenchmarkRequestErasurePostgres measures requestErasure end to end (HTTP, GraphQL, the plan,
// the shopper's decisions read, erase_shopper_decisions through the retention role, the request
// and its audit event) on PostgreSQL with RISKCONSOLE_BENCH_ERASURE_N decisions (default 20,000;
// the figure is 10,000,000) in US over 35 months (2024-01 to 2026-11), one shopper per 10
// decisions (1,000,000 shoppers at 10M), each shopper's decisions spread over the whole range.
// Cases of 200 shoppers each: "scheduled" at the real clock (the decisions of months past their
// 25 months are unlinked now, the rest scheduled), then "now" and "nowwarm" with the console's
// clock moved to 2030 (all ten unlinked; "now" is the first to touch the later months'
// partitions from the retention role's connections). It reports p50, p95 and the maximum, and
// the plan's and the read's p50 alone. Run it with -benchtime=1x.
//
// Target (issue 18): ≤ 50 ms at 10M decisions.
func BenchmarkRequestErasurePostgres(b *testing.B) {
	TuneRuntime(os.Getenv)
	n := 20_000
	if v, err := strconv.Atoi(os.Getenv("RISKCONSOLE_BENCH_ERASURE_N")); err == nil && v > 0 {
		n = v
	}
	shoppers := n / 10
	var mu sync.Mutex
	var clock time.Time // zero: the real clock
	now := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		if clock.IsZero() {
			return time.Now()
		}
		return clock
	}
	ta := newTestApp(b, "postgres", 100, WithClock(now))
	db := ta.rawDB(b) // the owner
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for m := start; m.Before(end); m = m.AddDate(0, 1, 0) {
		if _, err := db.Exec("SELECT add_month_partitions($1)", m); err != nil {
			b.Fatal(err)
		}
	}
	// Every column from one demo decision of US but the id, keys, time, shopper and seal.
	var cols []string
	rows, err := db.Query("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'decisions' ORDER BY ordinal_position")
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			b.Fatal(err)
		}
		cols = append(cols, c)
	}
	rows.Close()
	exprs := make([]string, len(cols))
	for i, c := range cols {
		switch c {
		case "id":
			exprs[i] = "gen_random_uuid()"
		case "reference":
			exprs[i] = "'BENCH' || g"
		case "idempotency_key":
			exprs[i] = "'bench:' || g"
		case "created_at":
			exprs[i] = "$1::timestamptz + (g::float8 / $3) * ($2::timestamptz - $1::timestamptz)"
		case "shopper_id":
			exprs[i] = "'s-bench-' || (g % $4)"
		case "seal":
			exprs[i] = "''"
		default:
			exprs[i] = "t." + c
		}
	}
	t0 := time.Now()
	if _, err := db.Exec("INSERT INTO decisions ("+strings.Join(cols, ", ")+") SELECT "+strings.Join(exprs, ", ")+
		" FROM generate_series(0, $3 - 1) g, (SELECT * FROM decisions WHERE market = 'US' LIMIT 1) t",
		start, end.Add(-time.Second), n, shoppers); err != nil {
		b.Fatal(err)
	}
	if _, err := db.Exec("VACUUM (ANALYZE) decisions"); err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d decisions of %d shoppers in %s", n, shoppers, time.Since(t0).Round(time.Second))

	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	// The steps of one erasure, for shoppers not erased: the plan and the read of the decisions.
	steps := func() {
		var plan, read []time.Duration
		for i := range 100 {
			s := fmt.Sprintf("s-bench-%d", (5+i*7919)%shoppers)
			t0 := time.Now()
			if _, err := ta.Retention.ShopperPlan(context.Background(), s, now()); err != nil {
				b.Fatal(err)
			}
			t1 := time.Now()
			if _, err := ta.Store.LinkedDecisions(context.Background(), s); err != nil {
				b.Fatal(err)
			}
			plan, read = append(plan, t1.Sub(t0)), append(read, time.Since(t1))
		}
		slices.Sort(plan)
		slices.Sort(read)
		b.ReportMetric(ms(plan[len(plan)/2]), "plan-p50-ms")
		b.ReportMetric(ms(read[len(read)/2]), "read-p50-ms")
	}
	measure := func(name string, first int) {
		lat := make([]time.Duration, 0, 200)
		var erased int
		for i := range 200 {
			vars := map[string]any{"s": fmt.Sprintf("s-bench-%d", (first+i*7919)%shoppers), "ref": "bench"}
			t0 := time.Now()
			r := ta.post(b, auth.Service, requestErasureMutation, vars)
			lat = append(lat, time.Since(t0))
			var out struct{ RequestErasure erasureAnswerJSON }
			decodeData(b, r, &out)
			erased += out.RequestErasure.ErasedNow
		}
		slices.Sort(lat)
		b.ReportMetric(ms(lat[len(lat)/2]), name+"-p50-ms")
		b.ReportMetric(ms(lat[len(lat)*95/100]), name+"-p95-ms")
		b.ReportMetric(ms(lat[len(lat)-1]), name+"-max-ms")
		b.ReportMetric(float64(erased)/float64(len(lat)), name+"-unlinked/op")
	}
	b.ResetTimer()
	for range b.N {
		steps()
		measure("scheduled", 1)
		mu.Lock()
		clock = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
		mu.Unlock()
		measure("now", 3)
		measure("nowwarm", 11)
	}
	b.StopTimer()
	if la, err := os.ReadFile("/proc/loadavg"); err == nil {
		b.Logf("load average: %s", la)
	}
}
