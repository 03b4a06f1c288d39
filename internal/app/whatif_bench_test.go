package app

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/auth"
	"riskconsole/internal/engine"
)

// BenchmarkSimulateGraphQL is issue 4's slider figure: one simulate call through the real handler
// (in-process, no network), over the last 90 days of market US, on a PostgreSQL database seeded
// with RISKCONSOLE_BENCH_WHATIF_N demo decisions (default 2,200,000, of which US has about
// 1,000,000), after the what-if warm-up. It reports the median and p99 of the call, the
// warm-up rate, and the US decisions simulated. Target: median ≤ 20 ms.
func BenchmarkSimulateGraphQL(b *testing.B) {
	TuneRuntime(os.Getenv)
	n := 2_200_000
	if v, err := strconv.Atoi(os.Getenv("RISKCONSOLE_BENCH_WHATIF_N")); err == nil && v > 0 {
		n = v
	}
	ta := newTestApp(b, "postgres", n)
	ctx := context.Background()
	start := time.Now()
	if err := ta.WhatIf.Warm(ctx); err != nil {
		b.Fatal(err)
	}
	warmRate := float64(n) / time.Since(start).Seconds()
	us, err := ta.WhatIf.History("US")
	if err != nil {
		b.Fatal(err)
	}
	active, err := ta.Thresholds.Active("US", time.Now())
	if err != nil {
		b.Fatal(err)
	}
	// The proposal moves the score cut-off, as a slider would; each call a different position.
	var rules []string
	for _, r := range active.Set.Rules {
		cut := strconv.FormatFloat(r.Cutoff, 'g', -1, 64)
		if r.Measure == engine.BureauScore {
			cut = "%CUT%"
		}
		rules = append(rules, `{"measuredValue":"`+r.Measure.String()+`","comparator":"`+r.Comparator.String()+
			`","cutoff":`+cut+`,"enabled":`+strconv.FormatBool(r.Enabled)+`}`)
	}
	from := testEnd.Add(-90 * 24 * time.Hour).Format(time.RFC3339)
	body := `{"query":"query($p: [ThresholdRuleInput!]!) { simulate(market: \"US\", proposal: $p, from: \"` + from +
		`\") { assessed declineRateNow declineRateProposed approvedToDeclined declinedToApproved reasons { code now proposed } days { day assessed declinedNow declinedProposed } categories { category assessed declinedNow declinedProposed } sampleApprovedToDeclined { decisionId } } }","variables":{"p":[` +
		strings.Join(rules, ",") + `]}}`
	h := ta.Handler()
	token := ta.Tokens[auth.Auditor]
	var lat []time.Duration
	b.ResetTimer()
	for i := range b.N {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(strings.Replace(body, "%CUT%", strconv.Itoa(560+i%80), 1)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		t0 := time.Now()
		h.ServeHTTP(rec, req)
		lat = append(lat, time.Since(t0))
		if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), `"errors"`) {
			b.Fatalf("status %d: %.300s", rec.Code, rec.Body.String())
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(us.Len()), "us-rows")
	b.ReportMetric(warmRate, "warm-rows/s") // after the loop: ResetTimer drops metrics reported before it
}
