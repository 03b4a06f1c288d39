package app

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"riskconsole/internal/auth"
	"riskconsole/internal/httpapi"
)

// Tests of the request log, /metrics and /readyz through the real handler on both databases.

// lines decodes the JSON log lines whose message is msg.
func logLines(tb testing.TB, b *lockedBuffer, msg string) []map[string]any {
	tb.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(b.String()))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var line map[string]any
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			tb.Fatalf("log line is not JSON: %v: %s", err, sc.Text())
		}
		if line["msg"] == msg {
			out = append(out, line)
		}
	}
	return out
}

// newLoggedApp is newTestApp whose request log, and the process's default logger (which the
// services write errors to), go to the returned buffer at debug level.
func newLoggedApp(t *testing.T, dialect string, n int) (*testApp, *lockedBuffer) {
	t.Helper()
	logs := &lockedBuffer{}
	logger := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	prev := slog.Default()
	slog.SetDefault(logger)
	t.Cleanup(func() { slog.SetDefault(prev) })
	return newTestApp(t, dialect, n, WithLogger(logger)), logs
}

// TestRequestLog runs a login with a password, a password change, requests with a session
// cookie and with API tokens, and an assessment with a distinctive shopper id and amount, then
// checks that each request left one line with its id, route, operation, actor and roles, and
// that no password, token, session secret or id, shopper id or amount appears anywhere in the log.
func TestRequestLog(t *testing.T) {
	for _, dialect := range dialects {
		t.Run(dialect, func(t *testing.T) {
			ta, logs := newLoggedApp(t, dialect, 0)
			_, password := ta.acctUser(t, "log.analyst", auth.Analyst)

			rec := ta.acctLogin(t, "", "log.analyst", password)
			if rec.Code != http.StatusOK {
				t.Fatalf("login: %d %s", rec.Code, rec.Body)
			}
			cookie := acctSessionCookie(rec)
			loginID := rec.Header().Get(httpapi.RequestIDHeader)
			if name := ta.acctViewer(t, cookie); name != "log.analyst" {
				t.Fatalf("viewer with the session = %q", name)
			}
			newPassword := "Fresh-password-" + strings.Repeat("q", 12) + "-71"
			body, _ := json.Marshal(map[string]string{"currentPassword": password, "newPassword": newPassword})
			if rec := ta.acctDo(t, acctRequest{method: http.MethodPost, path: "/auth/password", body: body, origin: "self", cookie: cookie}); rec.Code != http.StatusNoContent {
				t.Fatalf("change password: %d %s", rec.Code, rec.Body)
			}
			// A wrong password and an unknown token: refusals are logged without the secret too.
			wrong := "Wrong-password-" + strings.Repeat("z", 12)
			ta.acctLogin(t, "", "log.analyst", wrong)
			bogus := "rc_bogus_" + strings.Repeat("x", 40)
			if rec := ta.acctDo(t, acctRequest{method: http.MethodPost, path: "/graphql", body: []byte(`{"query":"{ viewer { name } }"}`), bearer: bogus}); rec.Code != http.StatusUnauthorized {
				t.Fatalf("bogus token: %d", rec.Code)
			}

			const shopper = "s_logcheck_4f1d9a7e"
			const amount = 4711.37
			in := purchaseInput("SE", amount, func(in, _ map[string]any) { in["shopperId"] = shopper })
			r, hdr := ta.postHeaders(t, auth.Service, assessMutation, map[string]any{"input": in, "key": uniqueKey("log")}, nil)
			if len(r.Errors) > 0 {
				t.Fatalf("assess: %+v", r.Errors)
			}
			assessID := hdr.Get(httpapi.RequestIDHeader)
			ta.post(t, auth.Auditor, `{ decisions(first: 5) { nodes { id } } }`, nil)

			out := logs.String()
			sum := sha256.Sum256([]byte(cookie))
			for what, secret := range map[string]string{
				"password": password, "new password": newPassword, "wrong password": wrong,
				"session secret": cookie, "session id": hex.EncodeToString(sum[:]),
				"SERVICE token": ta.Tokens[auth.Service], "AUDITOR token": ta.Tokens[auth.Auditor], "unknown token": bogus,
				"shopper id": shopper, "amount": "4711.37", "amount in minor units": "471137",
			} {
				if strings.Contains(out, secret) {
					t.Errorf("the log contains the %s", what)
				}
			}

			lines := logLines(t, logs, "request")
			byID := map[string]map[string]any{}
			for _, l := range lines {
				byID[l["request_id"].(string)] = l
			}
			login := byID[loginID]
			if login == nil || login["route"] != "auth/login" || login["status"] != float64(200) {
				t.Errorf("login line = %v", login)
			}
			assess := byID[assessID]
			if assess == nil {
				t.Fatalf("no line for the assessment %s in\n%s", assessID, out)
			}
			for k, want := range map[string]any{"route": "graphql", "operation": "assessPurchase", "outcome": "ok", "status": float64(200), "method": "POST"} {
				if assess[k] != want {
					t.Errorf("assessment line %s = %v, want %v", k, assess[k], want)
				}
			}
			if roles, _ := assess["roles"].([]any); len(roles) != 1 || roles[0] != "SERVICE" {
				t.Errorf("assessment line roles = %v", assess["roles"])
			}
			if actor, _ := assess["actor"].(string); !regexp.MustCompile(`^token:\d+$`).MatchString(actor) {
				t.Errorf("assessment line actor = %q, want token:<id>", actor)
			}
			if d, ok := assess["duration_ms"].(float64); !ok || d <= 0 {
				t.Errorf("assessment line duration_ms = %v", assess["duration_ms"])
			}
			var sessionLines, refused int
			for _, l := range lines {
				if l["operation"] == "viewer" && regexp.MustCompile(`^user:\d+$`).MatchString(l["actor"].(string)) {
					sessionLines++
				}
				if l["status"] == float64(401) && l["route"] == "graphql" && l["actor"] == "anonymous" && l["outcome"] == "http_401" {
					refused++
				}
			}
			if sessionLines != 1 || refused != 1 {
				t.Errorf("viewer lines with a user actor = %d, refused anonymous lines = %d; want 1 and 1", sessionLines, refused)
			}
		})
	}
}

// scrape GETs /metrics from h with the bearer token ("" for none).
func scrape(tb testing.TB, h http.Handler, token string) (int, string) {
	tb.Helper()
	rec := scrapeWith(h, func(req *http.Request) {
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
	})
	b, _ := io.ReadAll(rec.Body)
	return rec.Code, string(b)
}

// scrapeWith GETs /metrics from h with the request's headers set by header.
func scrapeWith(h http.Handler, header func(req *http.Request)) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, "/metrics", nil)
	header(req)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// metricValue returns the value of the sample written exactly as series (name and labels in
// Prometheus text format), or -1 when it is absent.
func metricValue(tb testing.TB, body, series string) float64 {
	tb.Helper()
	for line := range strings.SplitSeq(body, "\n") {
		if rest, ok := strings.CutPrefix(line, series+" "); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
			if err != nil {
				tb.Fatalf("%s: %v", line, err)
			}
			return v
		}
	}
	return -1
}

const testMetricsToken = "metrics-token-for-tests-0123456789abcdef"

// TestMetrics checks the metrics after real requests: protection on the main address, the
// assessment counters and the last-hour decline window, the per-operation histograms with
// bounded labels, the database pool and the what-if gauges.
func TestMetrics(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 300)
		if err := ta.WhatIf.Warm(context.Background()); err != nil {
			t.Fatal(err)
		}

		// Neither METRICS_ADDR nor METRICS_TOKEN: not served. (The UI answers the path.)
		if _, body := scrape(t, ta.Handler(), ""); strings.Contains(body, "go_goroutines") {
			t.Fatal("metrics served on the main address without METRICS_TOKEN")
		}
		ta.Config.MetricsAddr = "127.0.0.1:9464"
		ta.Config.MetricsToken = testMetricsToken
		if _, body := scrape(t, ta.Handler(), testMetricsToken); strings.Contains(body, "go_goroutines") {
			t.Fatal("metrics served on the main address although METRICS_ADDR is set")
		}
		ta.Config.MetricsAddr = ""
		h := ta.Handler()
		for _, token := range []string{"", "wrong", ta.Tokens[auth.Auditor], testMetricsToken + "x"} {
			if code, _ := scrape(t, h, token); code != http.StatusUnauthorized {
				t.Errorf("metrics with token %q: %d, want 401", token, code)
			}
		}

		// Two new decisions in SE (one approved, one declined), and a replay of the first.
		approve := purchaseInput("SE", 120, nil)
		decline := purchaseInput("SE", 120, func(_, v map[string]any) { v["bureauScore"] = 300.0 })
		key := uniqueKey("metrics")
		first := ta.assess(t, approve, key)
		if again := ta.assess(t, approve, key); again.DecisionID != first.DecisionID {
			t.Fatal("replay gave another decision")
		}
		if d := ta.assess(t, decline, uniqueKey("metrics")); d.Outcome != "DECLINED" || first.Outcome != "APPROVED" {
			t.Fatalf("outcomes %s and %s, want APPROVED and DECLINED", first.Outcome, d.Outcome)
		}
		ta.post(t, auth.Analyst, `{ viewer { name } whatIfStatus { ready } }`, nil)
		ta.post(t, auth.Analyst, `query { ...F } fragment F on Query { whatIfStatus { ready } }`, nil)
		if r := ta.post(t, auth.Analyst, `{ attackerChosenName }`, nil); r.code() != "GRAPHQL_VALIDATION_FAILED" {
			t.Fatalf("unknown field: code %q", r.code())
		}
		if r := ta.post(t, auth.Agent, `{ decisions(first: 1) { nodes { id } } }`, nil); r.code() != "FORBIDDEN" {
			t.Fatalf("agent reading decisions: code %q", r.code())
		}

		if _, body := scrape(t, h, testMetricsToken); metricValue(t, body, `riskconsole_analytics_last_pass_timestamp_seconds`) != 0 {
			t.Error("an analytics pass reported before any ran")
		}
		if err := ta.Analytics.Advance(context.Background()); err != nil {
			t.Fatal(err)
		}
		code, body := scrape(t, h, testMetricsToken)
		if v, want := metricValue(t, body, `riskconsole_analytics_last_pass_timestamp_seconds`), float64(ta.Analytics.LastPass().UnixNano())/1e9; v != want || v == 0 {
			t.Errorf("last analytics pass %v, want %v", v, want)
		}
		if code != http.StatusOK {
			t.Fatalf("metrics with METRICS_TOKEN: %d", code)
		}
		for series, want := range map[string]float64{
			`riskconsole_assessments_total{market="SE",outcome="APPROVED"}`:                                               1,
			`riskconsole_assessments_total{market="SE",outcome="DECLINED"}`:                                               1,
			`riskconsole_assessment_replays_total{market="SE"}`:                                                           1,
			`riskconsole_assessments_last_hour{market="SE"}`:                                                              2,
			`riskconsole_declines_last_hour{market="SE"}`:                                                                 1,
			`riskconsole_decline_last_hour_ratio{market="SE"}`:                                                            0.5,
			`riskconsole_assessments_last_hour{market="US"}`:                                                              0,
			`riskconsole_graphql_request_duration_seconds_count{operation="assessPurchase",outcome="ok"}`:                 3,
			`riskconsole_graphql_request_duration_seconds_count{operation="multiple",outcome="ok"}`:                       1,
			`riskconsole_graphql_request_duration_seconds_count{operation="whatIfStatus",outcome="ok"}`:                   1,
			`riskconsole_graphql_request_duration_seconds_count{operation="decisions",outcome="FORBIDDEN"}`:               1,
			`riskconsole_http_request_duration_seconds_count{code="200",route="graphql"}`:                                 6,
			`riskconsole_whatif_ready`:                                                                                    1,
			`riskconsole_whatif_warmup_loaded`:                                                                            300,
			`go_sql_max_open_connections{db_name="` + string(ta.Store.Dialect()) + `"}`:                                   float64(ta.Store.Pool().Stats().MaxOpenConnections),
			`riskconsole_graphql_request_duration_seconds_count{operation="unknown",outcome="GRAPHQL_VALIDATION_FAILED"}`: 1,
		} {
			if got := metricValue(t, body, series); got != want {
				t.Errorf("%s = %v, want %v", series, got, want)
			}
		}
		// Group commit wrote the two new decisions on PostgreSQL (one statement each: one client);
		// SQLite writes row by row without it.
		batches, rows := metricValue(t, body, `riskconsole_assess_batches_total`), metricValue(t, body, `riskconsole_assess_batched_rows_total`)
		if dialect == "postgres" && (batches < 2 || rows < batches) || dialect != "postgres" && (batches != 0 || rows != 0) {
			t.Errorf("%s: assess_batches_total %v, assess_batched_rows_total %v", dialect, batches, rows)
		}
		if metricValue(t, body, `riskconsole_decline_last_hour_ratio{market="US"}`) != -1 {
			t.Error("decline rate reported for a market without assessments")
		}
		if strings.Contains(body, "attackerChosenName") {
			t.Error("a field name chosen by the client became a label")
		}
		if v := metricValue(t, body, `riskconsole_whatif_memory_bytes`); v <= 0 {
			t.Errorf("whatif_memory_bytes = %v", v)
		}
		for _, name := range []string{"go_goroutines", "process_cpu_seconds_total", "riskconsole_whatif_decisions{market=\"SE\"}"} {
			if !strings.Contains(body, name) {
				t.Errorf("metrics lack %s", name)
			}
		}
	})
}

// readyBody is /readyz's answer.
type readyBody struct {
	Status string `json:"status"`
	Checks map[string]struct {
		OK     bool   `json:"ok"`
		Detail string `json:"detail"`
	} `json:"checks"`
	WhatIf struct {
		State    string  `json:"state"`
		Loaded   int64   `json:"loaded"`
		Total    int64   `json:"total"`
		Progress float64 `json:"progress"`
	} `json:"whatIf"`
	Retention struct {
		State     string  `json:"state"`
		LastRunAt *string `json:"lastRunAt"`
		Removed   []any   `json:"removed"`
	} `json:"retention"`
}

func getReady(tb testing.TB, h http.Handler) (int, readyBody) {
	tb.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	var out readyBody
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		tb.Fatalf("readyz: %v: %s", err, rec.Body)
	}
	return rec.Code, out
}

// TestReadiness checks each readiness condition: ready with everything in place (what-if warming
// or not), and 503 naming the failed check without thresholds in memory, with a migration
// pending, and with the database gone.
func TestReadiness(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 200)
		code, rd := getReady(t, ta.Handler())
		if code != http.StatusOK || rd.Status != "ready" || len(rd.Checks) != 3 {
			t.Fatalf("fresh app: %d %+v", code, rd)
		}
		if rd.WhatIf.State != "warming" || rd.WhatIf.Loaded != 0 {
			t.Errorf("before the warm-up: what-if %+v", rd.WhatIf)
		}
		if err := ta.WhatIf.Warm(context.Background()); err != nil {
			t.Fatal(err)
		}
		if _, rd := getReady(t, ta.Handler()); rd.WhatIf.State != "ready" || rd.WhatIf.Loaded != 200 || rd.WhatIf.Total != 200 || rd.WhatIf.Progress != 1 {
			t.Errorf("after the warm-up: what-if %+v", rd.WhatIf)
		}

		// A second app on the same database that has not loaded its thresholds.
		other, err := Open(context.Background(), ta.Config)
		if err != nil {
			t.Fatal(err)
		}
		code, rd = getReady(t, other.Handler())
		if th := rd.Checks["thresholds"]; code != http.StatusServiceUnavailable || rd.Status != "not ready" || th.OK ||
			th.Detail != "no threshold set in force in DE, GB, SE, US" || !rd.Checks["database"].OK || !rd.Checks["migrations"].OK {
			t.Errorf("without thresholds: %d %+v", code, rd)
		}

		// The newest migration rolled back (by the schema's owner): pending.
		owner := ta.ownerStore(t)
		st, err := owner.MigrationStatus(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if err := owner.MigrateDownTo(context.Background(), st.Known-1); err != nil {
			t.Fatal(err)
		}
		code, rd = getReady(t, ta.Handler())
		if m := rd.Checks["migrations"]; code != http.StatusServiceUnavailable || m.OK || !strings.Contains(m.Detail, "1 migrations pending") {
			t.Errorf("with a pending migration: %d %+v", code, rd)
		}
		if err := owner.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}

		// The database gone.
		other.Close()
		code, rd = getReady(t, other.Handler())
		if db := rd.Checks["database"]; code != http.StatusServiceUnavailable || db.OK || db.Detail != "database unavailable" {
			t.Errorf("with the database closed: %d %+v", code, rd)
		}
	})
}

// TestMetricsConfig: METRICS_TOKEN must be long, METRICS_ADDR must not be the main address.
func TestMetricsConfig(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cfg, err := ParseConfig("test", []string{"-metrics-addr", "127.0.0.1:9464"}, env(map[string]string{"METRICS_TOKEN": testMetricsToken}))
	if err != nil || cfg.MetricsAddr != "127.0.0.1:9464" || cfg.MetricsToken != testMetricsToken {
		t.Fatalf("%+v %v", cfg, err)
	}
	for name, vars := range map[string]map[string]string{
		"short token":  {"METRICS_TOKEN": "short"},
		"same address": {"METRICS_ADDR": "127.0.0.1:8080", "LISTEN_ADDR": "127.0.0.1:8080"},
	} {
		if _, err := ParseConfig("test", nil, env(vars)); err == nil {
			t.Errorf("%s accepted", name)
		}
	}
}
