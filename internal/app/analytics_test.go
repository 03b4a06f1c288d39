package app

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"riskconsole/graph"
	"riskconsole/internal/analytics"
	"riskconsole/internal/auth"
	"riskconsole/internal/demo"
	"riskconsole/internal/thresholds"
)

// sortRows orders aggregate rows so that two answers compare element by element.
func sortRows(rows []analytics.Row) []analytics.Row {
	slices.SortFunc(rows, func(a, b analytics.Row) int {
		if c := cmp.Compare(a.Hour, b.Hour); c != 0 {
			return c
		}
		return slices.Compare(a.Key[:], b.Key[:])
	})
	return rows
}

// collectRows returns the rows an aggregate calls each with.
func collectRows(aggregate func(each func(analytics.Row) error) error) ([]analytics.Row, error) {
	var rows []analytics.Row
	err := aggregate(func(r analytics.Row) error { rows = append(rows, r); return nil })
	return rows, err
}

// checkRollupsMatch compares every rollup table, grouped by all of its dimensions and by a few
// subsets under filters, with the same aggregate computed over the decisions.
func checkRollupsMatch(t *testing.T, ta *testApp, total int64) {
	t.Helper()
	ctx := context.Background()
	from, to := int64(0), time.Now().Add(48*time.Hour).Unix()/3600*3600
	for _, tb := range analytics.Tables {
		queries := []analytics.Query{{From: from, To: to, Group: tb.Dims}}
		for _, d := range tb.Dims.List() {
			queries = append(queries, analytics.Query{From: from, To: to, Group: analytics.Of(d)})
		}
		// Under an equality filter on each dimension, using a value the decisions have.
		all, err := collectRows(func(each func(analytics.Row) error) error { return ta.Store.AggregateRollup(ctx, tb, queries[0], each) })
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range tb.Dims.List() {
			var eq analytics.Key
			eq[d] = all[len(all)/2].Key[d]
			queries = append(queries, analytics.Query{From: from, To: to, Group: tb.Dims, Equal: eq, Filtered: analytics.Of(d)})
		}
		for _, q := range queries {
			got, err := collectRows(func(each func(analytics.Row) error) error { return ta.Store.AggregateRollup(ctx, tb, q, each) })
			if err != nil {
				t.Fatal(err)
			}
			want, err := collectRows(func(each func(analytics.Row) error) error { return ta.Store.AggregateDecisions(ctx, q, each) })
			if err != nil {
				t.Fatal(err)
			}
			if len(want) == 0 {
				t.Fatalf("%s %+v: the decisions have no rows", tb.Name, q)
			}
			if !slices.Equal(sortRows(got), sortRows(want)) {
				t.Fatalf("%s grouped by %v filtered by %v: %d rollup rows differ from %d rows over the decisions",
					tb.Name, q.Group.List(), q.Filtered.List(), len(got), len(want))
			}
			var n int64
			for _, r := range got {
				n += r.Assessed
			}
			if q.Filtered == 0 && n != total {
				t.Fatalf("%s counts %d decisions, the table holds %d", tb.Name, n, total)
			}
		}
	}
}

// TestRollupsMatchDecisions checks that the rollups equal the aggregate over the decisions after
// the seed, after passes that run while assessments are written concurrently, and that another
// pass changes nothing.
func TestRollupsMatchDecisions(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		ta := newTestApp(t, dialect, 3000)
		if err := ta.Analytics.Advance(ctx); err != nil {
			t.Fatal(err)
		}
		checkRollupsMatch(t, ta, ta.countDecisions(t))

		// Assessments from several clients while the aggregator passes run.
		var wg sync.WaitGroup
		stop := make(chan struct{})
		passes := 0
		var passErr error
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				if err := ta.Analytics.Advance(ctx); err != nil {
					passErr = err
					return
				}
				passes++
			}
		})
		var clients sync.WaitGroup
		markets := []string{"US", "GB", "SE", "DE"}
		for c := range 4 {
			clients.Go(func() {
				for i := range 15 {
					in := purchaseInput(markets[c], 50+float64(i), nil)
					if i%3 == 0 {
						in = purchaseInput(markets[c], 50+float64(i), func(_, v map[string]any) { v["identityVerified"] = 0.0 })
					}
					ta.assess(t, in, uniqueKey(fmt.Sprintf("rollup-%d-%d", c, i)))
				}
			})
		}
		clients.Wait()
		close(stop)
		wg.Wait()
		if passErr != nil {
			t.Fatal(passErr)
		}
		if passes < 2 {
			t.Fatalf("only %d aggregator passes ran during the assessments", passes)
		}
		if err := ta.Analytics.Advance(ctx); err != nil {
			t.Fatal(err)
		}
		total := ta.countDecisions(t)
		checkRollupsMatch(t, ta, total)
		if err := ta.Analytics.Advance(ctx); err != nil {
			t.Fatal(err)
		}
		checkRollupsMatch(t, ta, total) // idempotent: nothing counted twice
	})
}

// rateReport is the JSON of a declineRates answer.
type rateReport struct {
	From, To  time.Time
	TimeZone  string
	Source    string
	FreshAsOf *time.Time
	Omitted   int `json:"omittedSeries"`
	Series    []struct {
		Market, Reason *string
		Assessed       int64
		Declined       int64
		Rate           *float64
		Points         []struct {
			BucketStart time.Time
			Assessed    int64
			Declined    int64
			Rate        *float64
		}
	}
}

const declineRatesQuery = `query($f: AnalyticsFilter!, $b: AnalyticsBucket!, $g: [AnalyticsDimension!]!, $tz: String!, $limit: Int! = 50) {
  declineRates(filter: $f, bucket: $b, groupBy: $g, timeZone: $tz, seriesLimit: $limit) {
    from to timeZone source freshAsOf omittedSeries
    series { market reason assessed declined rate points { bucketStart assessed declined rate } }
  }
}`

func (ta *testApp) declineRates(t *testing.T, vars map[string]any) rateReport {
	t.Helper()
	var out struct{ DeclineRates rateReport }
	decodeData(t, ta.post(t, auth.Analyst, declineRatesQuery, vars), &out)
	return out.DeclineRates
}

// TestDeclineRatesAPI checks the series through the handler: the rollups and the decisions
// agree, buckets follow the time zone, reason series add up to the market's rate, and bad
// arguments are refused naming the argument.
func TestDeclineRatesAPI(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		ta := newTestApp(t, dialect, 2000)
		if err := ta.Analytics.Advance(ctx); err != nil {
			t.Fatal(err)
		}
		to := testEnd.Truncate(24 * time.Hour)
		from := to.Add(-30 * 24 * time.Hour)
		filter := map[string]any{"from": from, "to": to, "market": "DE"}
		vars := map[string]any{"f": filter, "b": "DAY", "g": []string{}, "tz": "UTC"}
		rollup := ta.declineRates(t, vars)
		if rollup.Source != "ROLLUP" || rollup.FreshAsOf == nil || len(rollup.Series) != 1 || len(rollup.Series[0].Points) != 30 {
			t.Fatalf("DE daily series: source %s, fresh %v, %d series", rollup.Source, rollup.FreshAsOf, len(rollup.Series))
		}
		// An amount range is answered from the decisions: with one that holds every amount,
		// the numbers must be the same.
		filter["minAmount"] = 0.0
		raw := ta.declineRates(t, vars)
		delete(filter, "minAmount")
		if raw.Source != "DECISIONS" {
			t.Fatalf("amount-filtered series from %s", raw.Source)
		}
		s := rollup.Series[0]
		if s.Assessed == 0 || s.Declined == 0 || s.Assessed != raw.Series[0].Assessed || s.Declined != raw.Series[0].Declined {
			t.Fatalf("rollup %d/%d vs decisions %d/%d", s.Declined, s.Assessed, raw.Series[0].Declined, raw.Series[0].Assessed)
		}
		for i, p := range s.Points {
			q := raw.Series[0].Points[i]
			if p.Assessed != q.Assessed || p.Declined != q.Declined || !p.BucketStart.Equal(q.BucketStart) || !p.BucketStart.Equal(from.Add(time.Duration(i)*24*time.Hour)) {
				t.Fatalf("point %d: rollup %+v, decisions %+v", i, p, q)
			}
		}
		if got := countWhere(t, ta, "market = 'DE' AND created_at >= ? AND created_at < ?", from, to); got != s.Assessed {
			t.Fatalf("series counts %d DE decisions, the table has %d", s.Assessed, got)
		}

		// By reason: the reasons' declines add up to the market's, over the same denominators.
		vars["g"] = []string{"REASON"}
		byReason := ta.declineRates(t, vars)
		var declined int64
		for _, rs := range byReason.Series {
			if rs.Reason == nil || rs.Assessed != s.Assessed {
				t.Fatalf("reason series %v assessed %d, market %d", rs.Reason, rs.Assessed, s.Assessed)
			}
			declined += rs.Declined
		}
		if declined != s.Declined {
			t.Fatalf("reasons decline %d, the market %d", declined, s.Declined)
		}
		for i := 1; i < len(byReason.Series); i++ {
			if byReason.Series[i].Declined > byReason.Series[i-1].Declined {
				t.Fatalf("series not ordered by declines")
			}
		}

		// Berlin days: midnight local, 23:00 or 22:00 UTC; the range widens to whole hours.
		vars["g"], vars["tz"] = []string{}, "Europe/Berlin"
		filter["from"], filter["to"] = from.Add(90*time.Second), to.Add(-time.Minute)
		berlin := ta.declineRates(t, vars)
		if !berlin.From.Equal(from) || !berlin.To.Equal(to) || berlin.TimeZone != "Europe/Berlin" {
			t.Fatalf("widened range %v..%v in %s", berlin.From, berlin.To, berlin.TimeZone)
		}
		for _, p := range berlin.Series[0].Points {
			if h := p.BucketStart.UTC().Hour(); h != 23 && h != 22 {
				t.Fatalf("Berlin day starts at %v", p.BucketStart.UTC())
			}
		}
		if berlin.Series[0].Assessed != s.Assessed {
			t.Fatalf("Berlin days count %d, UTC days %d over the same hours", berlin.Series[0].Assessed, s.Assessed)
		}
		filter["from"], filter["to"] = from, to

		for _, bad := range []struct {
			change func()
			field  string
		}{
			{func() { vars["tz"] = "Mars/Olympus" }, "timeZone"},
			{func() { vars["tz"] = "Asia/Kolkata" }, "timeZone"},
			{func() { filter["market"] = "XX" }, "filter.market"},
			{func() { filter["to"] = from }, "filter.to"},
			{func() { filter["channel"] = "FAX" }, "filter.channel"},
			{func() { vars["limit"] = 0 }, "seriesLimit"},
			{func() { vars["b"], filter["from"] = "HOUR", to.Add(-3*366*24*time.Hour) }, "filter.to"},
			{func() {
				vars["b"], vars["g"], filter["from"] = "HOUR", []string{"CHANNEL"}, to.Add(-2*365*24*time.Hour)
			}, "seriesLimit"},
			{func() { vars["g"] = []string{"MARKET", "MARKET"} }, "groupBy"},
		} {
			vars = map[string]any{"f": filter, "b": "DAY", "g": []string{}, "tz": "UTC"}
			filter = map[string]any{"from": from, "to": to, "market": "DE"}
			vars["f"] = filter
			bad.change()
			r := ta.post(t, auth.Analyst, declineRatesQuery, vars)
			if r.code() != graph.CodeInvalid || !slices.Contains(errorFields(r), bad.field) {
				t.Fatalf("want INVALID naming %s, got %s", bad.field, errorsJSON(r))
			}
		}
	})
}

// countWhere counts the decisions matching a condition (with ? placeholders), straight from the
// table over a connection of its own.
func countWhere(t *testing.T, ta *testApp, cond string, args ...any) int64 {
	t.Helper()
	if ta.Config.DatabaseURL != "" {
		for i := range args {
			cond = strings.Replace(cond, "?", fmt.Sprintf("$%d", i+1), 1)
		}
	}
	var n int64
	if err := ta.rawDB(t).QueryRow("SELECT COUNT(*) FROM decisions WHERE "+cond, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestReasonBreakdownAPI checks the shares of the declines by reason and by factor.
func TestReasonBreakdownAPI(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 1500)
		if err := ta.Analytics.Advance(context.Background()); err != nil {
			t.Fatal(err)
		}
		q := `query($f: AnalyticsFilter!) { reasonBreakdown(filter: $f) { assessed declined source
		  reasons { reason factor declined share rate } factors { factor declined share rate } } }`
		for _, f := range []map[string]any{
			{"from": testEnd.Add(-90 * 24 * time.Hour), "to": testEnd},
			{"from": testEnd.Add(-90 * 24 * time.Hour), "to": testEnd, "market": "US", "channel": "WEB"},
			{"from": testEnd.Add(-90 * 24 * time.Hour), "to": testEnd, "maxAmount": 250.0},
		} {
			var out struct {
				ReasonBreakdown struct {
					Assessed, Declined int64
					Source             string
					Reasons            []struct {
						Reason, Factor string
						Declined       int64
						Share, Rate    float64
					}
					Factors []struct {
						Factor      string
						Declined    int64
						Share, Rate float64
					}
				}
			}
			decodeData(t, ta.post(t, auth.Auditor, q, map[string]any{"f": f}), &out)
			b := out.ReasonBreakdown
			if b.Declined == 0 || b.Assessed < b.Declined {
				t.Fatalf("breakdown %+v", b)
			}
			var rn, fn int64
			var rs, fs float64
			for _, r := range b.Reasons {
				rn, rs = rn+r.Declined, rs+r.Share
			}
			byFactor := map[string]int64{}
			for _, r := range b.Reasons {
				byFactor[r.Factor] += r.Declined
			}
			for _, f := range b.Factors {
				fn, fs = fn+f.Declined, fs+f.Share
				if byFactor[f.Factor] != f.Declined {
					t.Fatalf("factor %s: %d declines, its reasons %d", f.Factor, f.Declined, byFactor[f.Factor])
				}
			}
			if rn != b.Declined || fn != b.Declined || math.Abs(rs-1) > 1e-9 || math.Abs(fs-1) > 1e-9 {
				t.Fatalf("reasons %d (%.6f), factors %d (%.6f), declines %d", rn, rs, fn, fs, b.Declined)
			}
			if _, amount := f["maxAmount"]; amount != (b.Source == "DECISIONS") {
				t.Fatalf("filter %v answered from %s", f, b.Source)
			}
		}
	})
}

// TestAnomaliesFindDemoIncident scores the demo's days: the identity outage in DE is flagged,
// for the market and for IDENTITY_UNVERIFIED, and nothing else in the 60 days before the end is.
// ANOMALY_N=200000 ANOMALY_BUCKET=HOUR runs it on the server's demo size with hourly buckets
// (about 15 s on SQLite), which must pass too.
func TestAnomaliesFindDemoIncident(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		n, bucket := 40000, "DAY"
		if os.Getenv("ANOMALY_N") != "" {
			n, _ = strconv.Atoi(os.Getenv("ANOMALY_N"))
			bucket = os.Getenv("ANOMALY_BUCKET")
		}
		ta := newTestApp(t, dialect, n)
		if err := ta.Analytics.Advance(context.Background()); err != nil {
			t.Fatal(err)
		}
		inc := demo.IncidentFor(testEnd)
		q := `query($from: Time!, $to: Time!, $b: AnalyticsBucket!) { anomalies(from: $from, to: $to, bucket: $b) {
		  from to source anomalies { bucketStart market reason assessed declined rate baselineRate zScore excessDeclines mainReason
		    recentActivation { market activatedAt } } } }`
		var out struct {
			Anomalies struct {
				Source    string
				Anomalies []struct {
					BucketStart        time.Time
					Market             string
					Reason, MainReason *string
					Assessed, Declined int64
					ZScore             float64
					ExcessDeclines     float64
					RecentActivation   *struct {
						Market      string
						ActivatedAt time.Time
					}
				}
			}
		}
		decodeData(t, ta.post(t, auth.Analyst, q, map[string]any{"from": testEnd.Add(-60 * 24 * time.Hour), "to": testEnd, "b": bucket}), &out)
		var market, identity int
		for _, a := range out.Anomalies.Anomalies {
			in := a.Market == inc.Market && !a.BucketStart.Before(inc.From) && a.BucketStart.Before(inc.To)
			if !in {
				t.Errorf("anomaly outside the incident: %s %s %v: %d of %d declined, z %.1f, excess %.1f",
					a.BucketStart.Format(time.DateOnly), a.Market, deref(a.Reason), a.Declined, a.Assessed, a.ZScore, a.ExcessDeclines)
				continue
			}
			if a.ZScore < 4 || a.ExcessDeclines < 5 || a.MainReason == nil || *a.MainReason != "IDENTITY_UNVERIFIED" {
				t.Errorf("incident anomaly %+v", a)
			}
			if ra := a.RecentActivation; ra != nil {
				t.Errorf("incident anomaly names activation %+v; the demo has none in DE in the 4 weeks before", ra)
			}
			switch {
			case a.Reason == nil:
				market++
			case *a.Reason == "IDENTITY_UNVERIFIED":
				identity++
			}
		}
		if market == 0 || identity == 0 {
			t.Fatalf("incident %v..%v: %d market-level and %d IDENTITY_UNVERIFIED anomalies, want ≥ 1 of each",
				inc.From, inc.To, market, identity)
		}

		// A DE activation (of the version in force) a week before the incident: every incident
		// anomaly now names it as a change that may explain it.
		active, err := ta.Thresholds.Active("DE", inc.From)
		if err != nil {
			t.Fatal(err)
		}
		act := thresholds.Activation{Market: "DE", VersionID: active.ID, ActivatedAt: inc.From.Add(-7 * 24 * time.Hour), ActivatedBy: "test"}
		if err := ta.Store.CreateThresholdActivation(context.Background(), &act); err != nil {
			t.Fatal(err)
		}
		decodeData(t, ta.post(t, auth.Analyst, q, map[string]any{"from": testEnd.Add(-60 * 24 * time.Hour), "to": testEnd, "b": bucket}), &out)
		for _, a := range out.Anomalies.Anomalies {
			if ra := a.RecentActivation; ra == nil || !ra.ActivatedAt.Equal(act.ActivatedAt) || ra.Market != "DE" {
				t.Fatalf("anomaly %s %s names activation %+v, want the one at %v", a.BucketStart, a.Market, ra, act.ActivatedAt)
			}
		}
	})
}

// TestActivationImpactAPI publishes and activates a version with a what-if prediction, assesses
// under it, and reads the prediction beside the realized rate and the activation markers.
func TestActivationImpactAPI(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		ta := newTestApp(t, dialect, 2000)
		if err := ta.WhatIf.Warm(ctx); err != nil {
			t.Fatal(err)
		}
		lc := ta.ThresholdLifecycle
		author, lead := staffContext("impact.analyst", auth.Analyst), staffContext("impact.lead", auth.Approver)
		d, err := lc.CreateDraft(author, "SE", 0)
		if err == nil {
			d, err = lc.SubmitDraft(author, d.ID, d.Revision, "same rules, to measure")
		}
		var v thresholds.Version
		if err == nil {
			d, v, err = lc.ApproveDraft(lead, d.ID, "")
		}
		var act thresholds.Activation
		if err == nil {
			act, err = lc.Activate(lead, v.ID, nil)
		}
		if err == nil {
			err = ta.Thresholds.Refresh(ctx)
		}
		if err != nil {
			t.Fatal(err)
		}
		declines := 0
		for i := range 6 {
			in := purchaseInput("SE", 100, nil)
			if i%2 == 0 {
				in = purchaseInput("SE", 100, func(_, v map[string]any) { v["identityVerified"] = 0.0 })
				declines++
			}
			if a := ta.assess(t, in, uniqueKey(fmt.Sprintf("impact-%d", i))); a.Outcome == "DECLINED" != (i%2 == 0) {
				t.Fatalf("assessment %d: %s", i, a.Outcome)
			}
		}
		if err := ta.Analytics.Advance(ctx); err != nil {
			t.Fatal(err)
		}
		q := `query($v: ID!) { activationImpact(versionId: $v) {
		  activation { id activatedBy } version { id version } complete predictionError
		  predicted { available declineRateNow declineRateProposed }
		  realized { from to assessed declined rate } before { assessed declined rate } } }`
		var out struct {
			ActivationImpact []struct {
				Activation struct{ ID, ActivatedBy string }
				Version    struct{ ID string }
				Complete   bool
				Error      *float64 `json:"predictionError"`
				Predicted  *struct {
					Available           bool
					DeclineRateProposed float64
				}
				Realized struct {
					From               time.Time
					Assessed, Declined int64
					Rate               *float64
				}
				Before struct{ Assessed int64 }
			}
		}
		decodeData(t, ta.post(t, auth.Approver, q, map[string]any{"v": idOf(v.ID)}), &out)
		if len(out.ActivationImpact) != 1 {
			t.Fatalf("%d impacts, want 1", len(out.ActivationImpact))
		}
		im := out.ActivationImpact[0]
		if im.Activation.ID != idOf(act.ID) || !strings.HasSuffix(im.Activation.ActivatedBy, ":impact.lead") || im.Complete ||
			im.Predicted == nil || !im.Predicted.Available || im.Realized.Assessed != 6 || im.Realized.Declined != int64(declines) ||
			im.Error == nil || math.Abs(*im.Error-(0.5-im.Predicted.DeclineRateProposed)) > 1e-9 {
			t.Fatalf("impact %+v (predicted %+v)", im, im.Predicted)
		}
		// The seeded default version has no prediction; its window ended at this activation.
		decodeData(t, ta.post(t, auth.Approver, q, map[string]any{"v": idOf(d.BaseVersionID)}), &out)
		if len(out.ActivationImpact) != 1 || out.ActivationImpact[0].Predicted != nil || out.ActivationImpact[0].Error != nil ||
			out.ActivationImpact[0].Complete || out.ActivationImpact[0].Realized.Assessed == 0 {
			t.Fatalf("default version impact %+v", out.ActivationImpact)
		}
		r := ta.post(t, auth.Approver, q, map[string]any{"v": "999999"})
		if r.code() != graph.CodeNotFound {
			t.Fatalf("unknown version: %s", errorsJSON(r))
		}

		markers := `query($m: String, $from: Time!, $to: Time!) { thresholdActivations(market: $m, from: $from, to: $to) {
		  activation { market activatedAt activatedBy } version { id version author approver } } }`
		var ms struct {
			ThresholdActivations []struct {
				Activation struct{ Market, ActivatedBy string }
				Version    struct {
					ID               string
					Version          int
					Author, Approver string
				}
			}
		}
		decodeData(t, ta.post(t, auth.Auditor, markers, map[string]any{"m": "SE", "from": act.ActivatedAt.Add(-time.Second), "to": act.ActivatedAt.Add(time.Second)}), &ms)
		if len(ms.ThresholdActivations) != 1 || ms.ThresholdActivations[0].Version.ID != idOf(v.ID) ||
			!strings.HasSuffix(ms.ThresholdActivations[0].Version.Author, ":impact.analyst") ||
			!strings.HasSuffix(ms.ThresholdActivations[0].Version.Approver, ":impact.lead") {
			t.Fatalf("markers %+v", ms.ThresholdActivations)
		}
		decodeData(t, ta.post(t, auth.Auditor, markers, map[string]any{"from": time.Unix(0, 0), "to": time.Now().Add(time.Hour)}), &ms)
		if n := countRows(t, ta.rawDB(t), "threshold_activations"); int64(len(ms.ThresholdActivations)) != n {
			t.Fatalf("%d markers in all markets, the table has %d", len(ms.ThresholdActivations), n)
		}
	})
}

// TestExportDecisionsURL checks that the GraphQL export answers a download URL for the filter,
// which the CSV endpoint accepts, and refuses a bad filter naming the field.
func TestExportDecisionsURL(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 200)
		q := `query($f: DecisionFilter) { exportDecisions(filter: $f) { url format } }`
		var out struct{ ExportDecisions struct{ URL, Format string } }
		decodeData(t, ta.post(t, auth.Auditor, q, map[string]any{"f": map[string]any{"market": "GB", "outcome": "DECLINED", "minAmount": 10.5}}), &out)
		if !strings.HasPrefix(out.ExportDecisions.URL, "/export/decisions.csv?") || out.ExportDecisions.Format != "text/csv" {
			t.Fatalf("export %+v", out.ExportDecisions)
		}
		req, _ := http.NewRequest(http.MethodGet, ta.Server.URL+out.ExportDecisions.URL, nil)
		req.Header.Set("Authorization", "Bearer "+ta.Tokens[auth.Auditor])
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil || res.StatusCode != http.StatusOK || !strings.HasPrefix(string(body), "id,reference") {
			t.Fatalf("download of %s: %d %s %v", out.ExportDecisions.URL, res.StatusCode, truncate(string(body), 200), err)
		}
		lines := strings.Split(strings.TrimSpace(string(body)), "\n")
		if len(lines) < 2 {
			t.Fatalf("export of %s has no rows", out.ExportDecisions.URL)
		}
		for _, line := range lines[1:] {
			if f := strings.Split(line, ","); f[3] != "GB" || f[10] != "DECLINED" {
				t.Fatalf("exported row outside the filter: %s", line)
			}
		}
		r := ta.post(t, auth.Auditor, q, map[string]any{"f": map[string]any{"minAmount": 20, "maxAmount": 10}})
		if r.code() != graph.CodeInvalid || !slices.Contains(errorFields(r), "filter.maxAmount") {
			t.Fatalf("bad filter: %s", errorsJSON(r))
		}
	})
}

func deref(s *string) string {
	if s == nil {
		return "(market)"
	}
	return *s
}

// TestRollupsFreshWithinSeconds runs the server's background loop (default interval, 1 s) while
// four clients assess for two seconds, then checks that the series counts every decision
// within 5 s of the last acknowledgement.
func TestRollupsFreshWithinSeconds(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 300)
		ta.Config.RefreshEvery = time.Second
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		ta.RunBackground(ctx)
		from := time.Now().UTC().Truncate(time.Hour)
		vars := map[string]any{"f": map[string]any{"from": from, "to": from.Add(2 * time.Hour)}, "b": "HOUR", "g": []string{}, "tz": "UTC"}
		var clients sync.WaitGroup
		stop := time.Now().Add(2 * time.Second)
		for c := range 4 {
			clients.Go(func() {
				for i := 0; time.Now().Before(stop); i++ {
					ta.assess(t, purchaseInput("GB", 20+float64(i), nil), uniqueKey(fmt.Sprintf("fresh-%d-%d", c, i)))
				}
			})
		}
		clients.Wait()
		last := time.Now()
		want := countWhere(t, ta, "created_at >= ?", from)
		for {
			rep := ta.declineRates(t, vars)
			if got := rep.Series[0].Assessed; got == want {
				t.Logf("%d decisions counted %v after the last acknowledgement", want, time.Since(last).Round(time.Millisecond))
				break
			} else if got > want {
				t.Fatalf("the series counts %d decisions, the table has %d", got, want)
			}
			if time.Since(last) > 5*time.Second {
				t.Fatalf("after 5 s the series counts %d of %d decisions", rep.Series[0].Assessed, want)
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}
