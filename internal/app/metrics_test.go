package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/approval"
	"riskconsole/internal/auth"
	"riskconsole/internal/market"
)

// Tests of the metrics an operator's Prometheus reads (issue 20): the exposition checked by
// promtool in both formats, and the values of the gauges and counters the alerting rules in
// deploy/prometheus use.

// openMetricsAccept is what a scraper sends for the OpenMetrics format.
const openMetricsAccept = "application/openmetrics-text; version=1.0.0"

// promtool returns the path of Debian's promtool (package prometheus), which `make test`
// installs (scripts/ensure-deps.sh). Without it the test fails: the check must not silently go.
func promtool(tb testing.TB) string {
	tb.Helper()
	path, err := exec.LookPath("promtool")
	if err != nil {
		tb.Fatalf("promtool not found (%v): install Debian's prometheus package (make deps-test does)", err)
	}
	return path
}

// promtoolCheckMetrics pipes an exposition into `promtool check metrics` and returns its exit
// status (0: clean, 3: lint problems, 1: the text did not parse) and what it printed.
func promtoolCheckMetrics(tb testing.TB, exposition string) (int, string) {
	tb.Helper()
	cmd := exec.Command(promtool(tb), "check", "metrics")
	cmd.Stdin = strings.NewReader(exposition)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, out.String()
	case errors.As(err, &exit):
		return exit.ExitCode(), out.String()
	}
	tb.Fatalf("promtool check metrics: %v", err)
	return 0, ""
}

// openMetricsCounterLint matches the one thing promtool says of a valid OpenMetrics exposition:
// its check reads the Prometheus text format only (client_golang's promlint, in Debian's
// Prometheus 2.42), where an OpenMetrics counter family "x" (TYPE and HELP) with samples
// "x_total" reads as a second family "x_total" without HELP.
var openMetricsCounterLint = regexp.MustCompile(`^(\S+)_total no help text$`)

// TestMetricsExposition scrapes the metrics of a console that has served assessments (approved,
// declined, replayed, refused), GraphQL errors and an analytics pass, in the Prometheus text
// format and in OpenMetrics, and runs `promtool check metrics` on each: the text format must be
// clean; OpenMetrics must parse (two HELP lines of one family would not) with no problem but the
// counter families promtool's text-only reader splits, each of which the scrape must declare as
// a counter with its HELP.
func TestMetricsExposition(t *testing.T) {
	promtool(t)
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 200)
		if err := ta.WhatIf.Warm(context.Background()); err != nil {
			t.Fatal(err)
		}
		key := uniqueKey("exposition")
		ta.assess(t, purchaseInput("SE", 120, nil), key)
		ta.assess(t, purchaseInput("SE", 120, nil), key)
		ta.assess(t, purchaseInput("DE", 120, func(_, v map[string]any) { v["bureauScore"] = 300.0 }), uniqueKey("exposition"))
		ta.post(t, auth.Service, assessMutation, map[string]any{"input": purchaseInput("GB", -5, nil), "key": uniqueKey("exposition")})
		ta.post(t, auth.Agent, `{ decisions(first: 1) { nodes { id } } }`, nil)
		if err := ta.Analytics.Advance(context.Background()); err != nil {
			t.Fatal(err)
		}

		for _, format := range []struct {
			name, accept, contentType string
		}{
			{"text", "", "text/plain; version=0.0.4"},
			{"OpenMetrics", openMetricsAccept, "application/openmetrics-text; version=1.0.0"},
		} {
			rec := scrapeWith(ta.MetricsHandler(), func(req *http.Request) {
				if format.accept != "" {
					req.Header.Set("Accept", format.accept)
				}
			})
			body := rec.Body.String()
			if ct := rec.Header().Get("Content-Type"); rec.Code != http.StatusOK || !strings.HasPrefix(ct, format.contentType) {
				t.Fatalf("%s scrape: %d %q", format.name, rec.Code, ct)
			}
			code, out := promtoolCheckMetrics(t, body)
			if format.accept == "" {
				if code != 0 || out != "" {
					t.Errorf("promtool check metrics on the text format: exit %d\n%s", code, out)
				}
				continue
			}
			if code != 0 && code != 3 {
				t.Fatalf("promtool check metrics on OpenMetrics: exit %d\n%s", code, out)
			}
			for line := range strings.SplitSeq(strings.TrimSpace(out), "\n") {
				m := openMetricsCounterLint.FindStringSubmatch(line)
				if line == "" || m != nil && strings.Contains(body, "\n# TYPE "+m[1]+" counter\n") && strings.Contains(body, "\n# HELP "+m[1]+" ") {
					continue
				}
				t.Errorf("promtool check metrics on OpenMetrics: %s", line)
			}
		}
	})
}

// TestMetricsForOperators checks the metrics the alerting rules read, after real requests: the
// build's information, the readiness checks and the database, the threshold version in force per
// market, the activation poll's last success, requests in flight, assessment errors by market
// and kind (never a market the caller made up), the submissions waiting for approval and the
// review cases by deadline, all at zero (not absent) for the known labels of a quiet console.
func TestMetricsForOperators(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		clock := &acctClock{t: time.Now().UTC().Truncate(time.Second)}
		ta := newTestApp(t, dialect, 100, WithClock(clock.now))
		ta.Config.MetricsToken = testMetricsToken
		h := ta.Handler()
		read := func() string {
			t.Helper()
			// Through the main address, so that the scrape is itself a request in flight.
			code, body := scrape(t, h, testMetricsToken)
			if code != http.StatusOK {
				t.Fatalf("scrape: %d", code)
			}
			return body
		}
		want := func(body string, series map[string]float64) {
			t.Helper()
			for s, v := range series {
				if got := metricValue(t, body, s); got != v {
					t.Errorf("%s = %v, want %v", s, got, v)
				}
			}
		}

		body := read()
		if !regexp.MustCompile(`(?m)^riskconsole_build_info\{goversion="go[^"]+",revision="[^"]+",version="[^"]+"\} 1$`).MatchString(body) {
			t.Error("no riskconsole_build_info with goversion, revision and version")
		}
		quiet := map[string]float64{
			`riskconsole_database_up`:                                                                     1,
			`riskconsole_ready_check{check="database"}`:                                                   1,
			`riskconsole_ready_check{check="migrations"}`:                                                 1,
			`riskconsole_ready_check{check="thresholds"}`:                                                 1,
			`riskconsole_http_requests_in_flight{route="metrics"}`:                                        1,
			`riskconsole_http_requests_in_flight{route="graphql"}`:                                        0,
			`riskconsole_audit_write_failures_total`:                                                      0,
			`riskconsole_approvals_waiting{kind="threshold_draft"}`:                                       0,
			`riskconsole_approvals_waiting{kind="catalog_draft"}`:                                         0,
			`riskconsole_approvals_waiting{kind="split_request"}`:                                         0,
			`riskconsole_approvals_waiting{kind="bad_definition_draft"}`:                                  0,
			`riskconsole_review_cases_undecided{deadline="overdue"}`:                                      0,
			`riskconsole_review_cases_undecided{deadline="due_soon"}`:                                     0,
			`riskconsole_review_cases_undecided{deadline="on_time"}`:                                      0,
			`riskconsole_graphql_request_duration_seconds_count{operation="assessPurchase",outcome="ok"}`: 0,
		}
		for _, m := range market.All {
			v, err := ta.Thresholds.Active(m.Code, clock.now())
			if err != nil {
				t.Fatal(err)
			}
			quiet[`riskconsole_threshold_active_version{market="`+m.Code+`"}`] = float64(v.Version)
			quiet[`riskconsole_assessments_total{market="`+m.Code+`",outcome="DECLINED"}`] = 0
			quiet[`riskconsole_assessment_errors_total{kind="internal",market="`+m.Code+`"}`] = 0
			quiet[`riskconsole_decline_anomalies{direction="up",market="`+m.Code+`"}`] = 0
		}
		want(body, quiet)
		if v := metricValue(t, body, `riskconsole_activation_poll_last_success_timestamp_seconds`); v < float64(time.Now().Add(-time.Minute).Unix()) {
			t.Errorf("activation poll's last success %v, want the last minute (Load polled)", v)
		}

		// Refused assessments: an invalid amount in GB, a market nobody configured (counted as
		// unknown, not under the caller's string), an idempotency key reused for another purchase.
		ta.post(t, auth.Service, assessMutation, map[string]any{"input": purchaseInput("GB", -5, nil), "key": uniqueKey("ops")})
		made := purchaseInput("SE", 100, nil)
		made["market"] = "ZZ-attacker"
		ta.post(t, auth.Service, assessMutation, map[string]any{"input": made, "key": uniqueKey("ops")})
		key := uniqueKey("ops")
		ta.assess(t, purchaseInput("SE", 100, nil), key)
		if r := ta.post(t, auth.Service, assessMutation, map[string]any{"input": purchaseInput("SE", 101, nil), "key": key}); r.code() != "CONFLICT" {
			t.Fatalf("reused key: code %q", r.code())
		}
		// Waiting submissions: a threshold draft and a split request, an hour old at the scrape.
		env := newFieldEnv(t, ta)
		env.newDraft(t, approval.StatusSubmitted)
		env.newSplitRequest(t)
		clock.advance(time.Hour)

		body = read()
		want(body, map[string]float64{
			`riskconsole_assessment_errors_total{kind="invalid",market="GB"}`:      1,
			`riskconsole_assessment_errors_total{kind="invalid",market="unknown"}`: 1,
			`riskconsole_assessment_errors_total{kind="conflict",market="SE"}`:     1,
			`riskconsole_assessments_total{market="SE",outcome="APPROVED"}`:        1,
			`riskconsole_approvals_waiting{kind="threshold_draft"}`:                1,
			`riskconsole_approvals_waiting{kind="split_request"}`:                  1,
			`riskconsole_approval_oldest_waiting_seconds{kind="catalog_draft"}`:    0,
			`riskconsole_http_requests_in_flight{route="graphql"}`:                 0,
		})
		if strings.Contains(body, "ZZ-attacker") {
			t.Error("a market the caller made up became a label")
		}
		for _, kind := range []string{"threshold_draft", "split_request"} {
			if v := metricValue(t, body, fmt.Sprintf(`riskconsole_approval_oldest_waiting_seconds{kind=%q}`, kind)); v < 3600 || v > 3700 {
				t.Errorf("oldest waiting %s: %v s, want about an hour", kind, v)
			}
		}

		// The database goes away: database_up and its check read 0 once the cached read is
		// older than metricsQueryEvery, and /readyz's other database check with them.
		if err := ta.Store.Close(); err != nil {
			t.Fatal(err)
		}
		if v := metricValue(t, read(), `riskconsole_database_up`); v != 1 {
			t.Errorf("database_up %v within metricsQueryEvery of the last read, want the cached 1", v)
		}
		clock.advance(metricsQueryEvery)
		body = read()
		want(body, map[string]float64{
			`riskconsole_database_up`:                     0,
			`riskconsole_ready_check{check="database"}`:   0,
			`riskconsole_ready_check{check="migrations"}`: 0,
			`riskconsole_ready_check{check="thresholds"}`: 1,
		})
		if v := metricValue(t, body, `riskconsole_approvals_waiting{kind="threshold_draft"}`); v != -1 {
			t.Errorf("approvals_waiting %v without a database, want no series", v)
		}
	})
}
