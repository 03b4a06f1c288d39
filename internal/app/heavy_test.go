package app

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"riskconsole/internal/auth"
	"riskconsole/internal/heavy"
	"riskconsole/internal/testdb"
)

// Issue 14, item 5: readers could starve checkout. Eight concurrent verifyAuditChain calls pushed
// assessPurchase to a p50 of 6.1 s, and twenty concurrent exports tripled the memory.

// heavyApp starts a console on dialect admitting limit heavy operations at once.
func heavyApp(tb testing.TB, dialect string, limit int, adjust func(*Config)) *testApp {
	tb.Helper()
	cfg := testConfig(tb)
	if dialect == "postgres" {
		setRoles(&cfg, testdb.NewPostgresRoles(tb))
	}
	cfg.HeavyLimit = limit
	if adjust != nil {
		adjust(&cfg)
	}
	return startTestApp(tb, cfg, 200)
}

// heavyCall is a call of a heavy operation through the API.
type heavyCall struct {
	name  string
	role  auth.Role
	query string
	vars  map[string]any
}

func heavyCalls() []heavyCall {
	rates := map[string]any{"f": map[string]any{"from": testEnd.Add(-30 * 24 * time.Hour), "to": testEnd, "minAmount": 0}}
	return []heavyCall{
		{"verifyAuditChain", auth.Auditor, `{ verifyAuditChain { ok checked } }`, nil},
		{"verifyDecisions", auth.Auditor, `{ verifyDecisions { ok checked } }`, nil},
		{"simulate", auth.Analyst, `query($p: [ThresholdRuleInput!]!) { simulate(market: "SE", proposal: $p) { assessed } }`,
			map[string]any{"p": proposalOf("SE")}},
		{"sensitivity", auth.Analyst, `query($p: [ThresholdRuleInput!]!) { sensitivity(market: "SE", measuredValue: BUREAU_SCORE, proposal: $p, points: 5) { assessed } }`,
			map[string]any{"p": proposalOf("SE")}},
		{"declineRates from the decisions", auth.Analyst, `query($f: AnalyticsFilter!) { declineRates(filter: $f, bucket: DAY) { source } }`, rates},
	}
}

// TestHeavyOperationsLimit holds every slot of the limit of heavy operations, as that many
// running ones would: each further heavy call, through GraphQL or the export, is refused at once
// with LIMIT_EXCEEDED and Retry-After, and nothing is recorded for it; light calls and refusals
// by role are unaffected; once a slot is free, heavy calls run again.
func TestHeavyOperationsLimit(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		const limit = 2
		ta := heavyApp(t, dialect, limit, nil)
		var releases []func()
		for range limit {
			release, err := ta.Heavy.Acquire(context.Background(), "test")
			if err != nil {
				t.Fatal(err)
			}
			releases = append(releases, release)
		}
		db := ta.rawDB(t)
		events := countRows(t, db, "audit_events")
		for _, c := range heavyCalls() {
			t.Run(c.name+" is refused", func(t *testing.T) {
				r, h := ta.postHeaders(t, c.role, c.query, c.vars, nil)
				ext := map[string]any{}
				if len(r.Errors) == 1 {
					ext = r.Errors[0].Extensions
				}
				if r.Status != http.StatusOK || r.code() != "LIMIT_EXCEEDED" || ext["limit"] != heavy.LimitName || ext["retryAfter"] != 1.0 ||
					h.Get("Retry-After") != "1" || string(r.Data) != "null" {
					t.Errorf("status %d, Retry-After %q, errors %s, data %s; want LIMIT_EXCEEDED of %s with retryAfter 1",
						r.Status, h.Get("Retry-After"), errorsJSON(r), truncate(string(r.Data), 100), heavy.LimitName)
				}
			})
		}
		t.Run("the export is refused with 429", func(t *testing.T) {
			r := ta.raw(t, http.MethodGet, "/export/decisions.csv", "Bearer "+ta.Tokens[auth.Auditor], nil)
			if r.Status != http.StatusTooManyRequests || r.code() != "LIMIT_EXCEEDED" {
				t.Errorf("status %d, errors %s; want 429 LIMIT_EXCEEDED", r.Status, errorsJSON(r))
			}
			resp, err := ta.Server.Client().Do(exportRequest(t, ta, auth.Auditor))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") != "1" {
				t.Errorf("status %d, Retry-After %q; want 429 and 1", resp.StatusCode, resp.Header.Get("Retry-After"))
			}
		})
		if n := countRows(t, db, "audit_events") - events; n != 0 {
			t.Errorf("refused heavy calls wrote %d audit events", n)
		}
		t.Run("light calls and refusals by role are unaffected", func(t *testing.T) {
			rollup := map[string]any{"f": map[string]any{"from": testEnd.Add(-30 * 24 * time.Hour), "to": testEnd}}
			if r := ta.gql(t, auth.Analyst, `query($f: AnalyticsFilter!) { declineRates(filter: $f, bucket: DAY) { source } }`, rollup); len(r.Errors) > 0 {
				t.Errorf("declineRates from the rollups: %s", errorsJSON(r))
			}
			if r := ta.gql(t, auth.Analyst, `{ decisions(first: 5) { nodes { id } } }`, nil); len(r.Errors) > 0 {
				t.Errorf("decisions: %s", errorsJSON(r))
			}
			// Who may not use a field learns that, not that the server is busy.
			if r := ta.gql(t, "", `{ verifyAuditChain { ok } }`, nil); r.code() != "UNAUTHENTICATED" {
				t.Errorf("anonymous verifyAuditChain: %s", errorsJSON(r))
			}
			if r := ta.gql(t, auth.Agent, `{ verifyAuditChain { ok } }`, nil); r.code() != "FORBIDDEN" {
				t.Errorf("AGENT verifyAuditChain: %s", errorsJSON(r))
			}
		})
		_, body := scrape(t, ta.MetricsHandler(), "")
		if v := metricValue(t, body, `riskconsole_heavy_operations_refused_total{operation="Query.verifyAuditChain"}`); v != 1 {
			t.Errorf("refusals of verifyAuditChain counted %v, want 1", v)
		}
		if v := metricValue(t, body, `riskconsole_heavy_operations_running`); v != limit {
			t.Errorf("heavy operations running: %v, want %d", v, limit)
		}

		releases[0]()
		for _, c := range heavyCalls() {
			if r := ta.gql(t, c.role, c.query, c.vars); len(r.Errors) > 0 {
				t.Errorf("%s with a slot free: %s", c.name, errorsJSON(r))
			}
		}
		resp, err := ta.Server.Client().Do(exportRequest(t, ta, auth.Auditor))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("export with a slot free: status %d", resp.StatusCode)
		}
		releases[1]()
		// The export's handler may still be returning when its client has the file.
		if !waitFor(5*time.Second, func() bool { return ta.Heavy.InUse() == 0 }) {
			t.Errorf("%d slots still taken after every call ended", ta.Heavy.InUse())
		}
	})
}

// exportRequest is a GET of the decision export with role's token.
func exportRequest(tb testing.TB, ta *testApp, role auth.Role) *http.Request {
	tb.Helper()
	req, err := http.NewRequest(http.MethodGet, ta.Server.URL+"/export/decisions.csv", nil)
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+ta.Tokens[role])
	return req
}

// TestAssessmentsKeepConnections makes readers wait on a locked audit log until they hold every
// connection they may: heavy ones (verifyAuditChain) up to the limit, where the next is refused,
// and light ones (auditEvents) up to the pool shared by everything but checkout. Assessments
// still get a connection of their own, at once; when the lock goes, every reader is answered.
func TestAssessmentsKeepConnections(t *testing.T) {
	const (
		maxConns, reserved, limit = 6, 3, 2
		light                     = 4
		timeout                   = 15 * time.Second
	)
	ta := heavyApp(t, "postgres", limit, func(c *Config) {
		c.DBMaxConns, c.DBAssessConns, c.RequestTimeout = maxConns, reserved, timeout
	})
	ta.Server.Client().Timeout = time.Minute
	// Once first, so that their statements are prepared: preparing waits for the lock too, and
	// gorm lets one caller prepare a statement while the others wait without a connection.
	for _, q := range []string{`{ verifyAuditChain { ok } }`, `{ auditEvents(first: 5) { nodes { id } } }`} {
		if r := ta.gql(t, auth.Auditor, q, nil); len(r.Errors) > 0 {
			t.Fatalf("%s: %s", q, errorsJSON(r))
		}
	}
	release := testdb.Hold(t, ta.ownerURL(), "LOCK TABLE audit_events IN ACCESS EXCLUSIVE MODE")
	waitsBefore := ta.Store.Stats().WaitCount

	type answer struct {
		name string
		r    *gqlResponse
		err  error
	}
	answers := make(chan answer, limit+light)
	var wg sync.WaitGroup
	read := func(name, query string) {
		body, _ := json.Marshal(map[string]any{"query": query})
		wg.Go(func() {
			r, err := ta.send(http.MethodPost, "/graphql", "Bearer "+ta.Tokens[auth.Auditor], body)
			answers <- answer{name, r, err}
		})
	}
	for i := range limit {
		read(fmt.Sprintf("verifyAuditChain %d", i), `{ verifyAuditChain { ok } }`)
	}
	// The heavy ones first: each holds its slot before the light ones take the connections.
	if !waitFor(timeout/2, func() bool { return ta.Heavy.InUse() == limit }) {
		t.Fatalf("%d heavy operations running, want %d", ta.Heavy.InUse(), limit)
	}
	for i := range light {
		read(fmt.Sprintf("auditEvents %d", i), `{ auditEvents(first: 5) { nodes { id } } }`)
	}
	shared := maxConns - reserved
	if !waitFor(timeout/2, func() bool {
		s := ta.Store.Stats()
		return s.InUse == shared && s.WaitCount-waitsBefore >= int64(limit+light-shared)
	}) {
		s := ta.Store.Stats()
		t.Fatalf("shared pool: %d in use, %d waits; want all %d in use and the other readers waiting", s.InUse, s.WaitCount-waitsBefore, shared)
	}
	if r := ta.gql(t, auth.Auditor, `{ verifyAuditChain { ok } }`, nil); r.code() != "LIMIT_EXCEEDED" {
		t.Errorf("a heavy operation beyond the limit: %s, want LIMIT_EXCEEDED", errorsJSON(r))
	}
	prefix := uniqueKey("reserved")
	for i, c := range ta.assessConcurrently([]string{prefix + "-a", prefix + "-b", prefix + "-c"}) {
		// Not a performance figure: far below the deadline means it did not wait for a reader's
		// connection, which the readers hold until the lock goes or their statements time out.
		if !c.ok() || c.took > timeout/2 {
			t.Errorf("assessment %d while readers hold the shared connections: %s", i, &c)
		}
	}
	release()
	wg.Wait()
	close(answers)
	for a := range answers {
		switch {
		case a.err != nil:
			t.Errorf("%s after the lock: %v", a.name, a.err)
		case len(a.r.Errors) > 0:
			t.Errorf("%s after the lock: %s", a.name, errorsJSON(a.r))
		}
	}
}
