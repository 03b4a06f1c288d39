package app

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"riskconsole/internal/audit"
	"riskconsole/internal/auditlog"
	"riskconsole/internal/auth"
)

// The refusals of issue 14, item 4: a request naming ten fields nobody without credentials may
// use wrote ten audit events, so anonymous callers could write 20,000 undeletable rows in 20 s.

// refusedFields are ten root fields that both an anonymous caller and an AGENT are refused;
// refusedQuery asks for all of them at once (the most root fields a request may have).
var refusedFields = []string{"Query.apiTokens", "Query.auditEvents", "Query.badDefinitionDrafts", "Query.catalogDrafts",
	"Query.catalogVersion", "Query.decisions", "Query.thresholdDrafts", "Query.users", "Query.verifyAuditChain", "Query.whatIfStatus"}

const refusedQuery = `{
  whatIfStatus { loaded } verifyAuditChain { ok } catalogVersion { version }
  catalogDrafts(first: 1) { pageInfo { hasNextPage } } thresholdDrafts(first: 1) { pageInfo { hasNextPage } }
  badDefinitionDrafts(first: 1) { pageInfo { hasNextPage } } users(first: 1) { pageInfo { hasNextPage } }
  apiTokens(first: 1) { pageInfo { hasNextPage } } auditEvents(first: 1) { pageInfo { hasNextPage } }
  decisions(first: 1) { pageInfo { hasNextPage } }
}`

// refusalSummary is the After of an event recording several refusals.
type refusalSummary struct {
	From        *time.Time       `json:"from"`
	To          *time.Time       `json:"to"`
	Refusals    int64            `json:"refusals"`
	Fields      map[string]int64 `json:"fields"`
	OtherFields int64            `json:"otherFields"`
}

func decodeSummary(tb testing.TB, e audit.Event) refusalSummary {
	tb.Helper()
	var s refusalSummary
	if err := json.Unmarshal(e.After, &s); err != nil {
		tb.Fatalf("event %d: after %s: %v", e.ID, e.After, err)
	}
	return s
}

// checkAllRefused checks that r refused every field of refusedQuery with code and answered no data.
func checkAllRefused(tb testing.TB, r *gqlResponse, code string) {
	tb.Helper()
	wantStatus := http.StatusOK
	if code == "UNAUTHENTICATED" {
		wantStatus = http.StatusUnauthorized
	}
	if r.Status != wantStatus || len(r.Errors) != len(refusedFields) || string(r.Data) != "null" {
		tb.Fatalf("status %d, %d errors, data %s; want %d, %d refusals, no data", r.Status, len(r.Errors), truncate(string(r.Data), 200), wantStatus, len(refusedFields))
	}
	for _, e := range r.Errors {
		if c, _ := e.Extensions["code"].(string); c != code {
			tb.Fatalf("error %q: code %q, want %s", e.Message, c, code)
		}
	}
}

// anonymousDenials reads the metric of anonymous refusals.
func (ta *testApp) anonymousDenials(tb testing.TB) float64 {
	tb.Helper()
	_, body := scrape(tb, ta.MetricsHandler(), "")
	return metricValue(tb, body, `riskconsole_access_denials_total{caller="anonymous"}`)
}

// TestAnonymousRefusalsAreCounted floods the real handler with anonymous requests of ten refused
// fields each, and anonymous exports: nothing is written while the minute lasts, the metric counts
// every refusal at once, and once the minute has ended one event records the client address's
// refusals with their count per field; a refusal in the next minute is the next minute's event.
func TestAnonymousRefusalsAreCounted(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		var clock atomic.Int64
		minute := time.Now().UTC().Truncate(time.Minute)
		clock.Store(minute.Add(10 * time.Second).UnixNano())
		ta := newTestApp(t, dialect, 20, WithClock(func() time.Time { return time.Unix(0, clock.Load()) }))
		db := ta.rawDB(t)
		before := countRows(t, db, "audit_events")
		metricBefore := max(ta.anonymousDenials(t), 0)

		const requests, exports = 100, 5
		body, _ := json.Marshal(map[string]any{"query": refusedQuery})
		for range requests {
			checkAllRefused(t, ta.raw(t, http.MethodPost, "/graphql", "", body), "UNAUTHENTICATED")
		}
		for range exports {
			if r := ta.raw(t, http.MethodGet, "/export/decisions.csv", "", nil); r.Status != http.StatusUnauthorized {
				t.Fatalf("anonymous export: status %d, want 401", r.Status)
			}
		}
		refusals := int64(requests*len(refusedFields) + exports)
		if n := countRows(t, db, "audit_events") - before; n != 0 {
			t.Fatalf("%d refusals wrote %d audit events at once, want none until the minute ends", refusals, n)
		}
		if got := ta.anonymousDenials(t) - metricBefore; got != float64(refusals) {
			t.Errorf("metric of anonymous refusals grew by %v, want %d", got, refusals)
		}
		// Within the minute nothing is due.
		if err := ta.Denials.Flush(ctx, false); err != nil {
			t.Fatal(err)
		}
		if n := countRows(t, db, "audit_events") - before; n != 0 {
			t.Fatalf("flushed within the minute: %d events", n)
		}

		// The next minute: a refusal starts its own window, and the first one is due.
		clock.Add(int64(time.Minute))
		one, _ := json.Marshal(map[string]any{"query": `{ viewer { name } }`})
		if r := ta.raw(t, http.MethodPost, "/graphql", "", one); r.code() != "UNAUTHENTICATED" {
			t.Fatalf("viewer: code %q", r.code())
		}
		if err := ta.Denials.Flush(ctx, false); err != nil {
			t.Fatal(err)
		}
		if n := countRows(t, db, "audit_events") - before; n != 1 {
			t.Fatalf("after the minute: %d events, want 1", n)
		}
		e := ta.lastEvents(t, 1)[0]
		if e.Actor != "anonymous" || len(e.ActorRoles) != 0 || e.Action != auditlog.ActionAccessDenied || e.Outcome != audit.Denied ||
			e.EntityType != auditlog.EntityClientAddress || e.EntityID != "127.0.0.1" || e.ClientAddr != "127.0.0.1" || !hex16.MatchString(e.RequestID) {
			t.Errorf("summary event %+v, want access.denied of client_address 127.0.0.1 by anonymous", e)
		}
		s := decodeSummary(t, e)
		want := map[string]int64{"GET /export/decisions.csv": exports}
		for _, f := range refusedFields {
			want[f] = requests
		}
		if s.Refusals != refusals || !maps.Equal(s.Fields, want) || s.OtherFields != 0 {
			t.Errorf("summary: %d refusals of %v, want %d of %v", s.Refusals, s.Fields, refusals, want)
		}
		if s.From == nil || s.To == nil || s.From.Before(minute) || s.To.After(minute.Add(time.Minute)) || s.To.Before(*s.From) {
			t.Errorf("summary from %v to %v, want within the minute from %v", s.From, s.To, minute)
		}

		// At shutdown (or when asked) the current minute is written too.
		if err := ta.Denials.Flush(ctx, true); err != nil {
			t.Fatal(err)
		}
		if n := countRows(t, db, "audit_events") - before; n != 2 {
			t.Fatalf("after flushing all: %d events, want 2", n)
		}
		if s := decodeSummary(t, ta.lastEvents(t, 1)[0]); s.Refusals != 1 || !maps.Equal(s.Fields, map[string]int64{"Query.viewer": 1}) {
			t.Errorf("second minute: %+v, want one refusal of Query.viewer", s)
		}
		ta.auditCount(t) // and the chain is whole
	})
}

// TestAuthenticatedRefusalsOneEventPerRequest: a token's refusals stay audited, but one request
// is one event listing its refused fields, however many there are.
func TestAuthenticatedRefusalsOneEventPerRequest(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 20)
		db := ta.rawDB(t)
		const requests = 20
		before := countRows(t, db, "audit_events")
		var ids []string
		for range requests {
			r, h := ta.postHeaders(t, auth.Agent, refusedQuery, nil, nil)
			checkAllRefused(t, r, "FORBIDDEN")
			ids = append(ids, h.Get("X-Request-ID"))
		}
		if n := countRows(t, db, "audit_events") - before; n != requests {
			t.Fatalf("%d requests of %d refused fields wrote %d events, want one per request", requests, len(refusedFields), n)
		}
		events := ta.lastEvents(t, requests)
		slices.Reverse(events)
		want := map[string]int64{}
		for _, f := range refusedFields {
			want[f] = 1
		}
		for i, e := range events {
			if e.Actor != ta.subject(t, auth.Agent) || e.Action != auditlog.ActionAccessDenied || e.EntityType != auditlog.EntityGraphQLField ||
				e.EntityID != strings.Join(refusedFields, ",") || e.RequestID != ids[i] || e.Outcome != audit.Denied {
				t.Errorf("event %+v, want the agent's access.denied of every field, request %s", e, ids[i])
				continue
			}
			if s := decodeSummary(t, e); s.Refusals != int64(len(refusedFields)) || !maps.Equal(s.Fields, want) {
				t.Errorf("event %d: %+v, want one refusal of each field", e.ID, s)
			}
		}
	})
}

// TestAnonymousRefusalsManyAddresses: refusals from many client addresses take at most
// DefaultMaxAddresses events (and as many tallies in memory) per minute, the rest one event; an
// IPv6 /64 counts as one address.
func TestAnonymousRefusalsManyAddresses(t *testing.T) {
	ta := newTestApp(t, "sqlite", 20) // no data read: one database is enough
	db := ta.rawDB(t)
	h := ta.Handler()
	body, _ := json.Marshal(map[string]any{"query": refusedQuery})
	send := func(remote string) {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		req.RemoteAddr = remote
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusUnauthorized || !strings.Contains(rec.Body.String(), "UNAUTHENTICATED") {
			t.Fatalf("%s: status %d: %s", remote, rec.Code, truncate(rec.Body.String(), 200))
		}
	}
	const v6, v4 = 50, 300
	before := countRows(t, db, "audit_events")
	for i := range v6 {
		send(fmt.Sprintf("[2001:db8:7:9::%x]:4000", i+1))
	}
	for i := range v4 {
		send(fmt.Sprintf("10.1.%d.%d:4000", i/200, i%200+1))
	}
	if err := ta.Denials.Flush(context.Background(), true); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, db, "audit_events") - before; n != auditlog.DefaultMaxAddresses+1 {
		t.Fatalf("%d addresses wrote %d events, want %d", v6+v4, n, auditlog.DefaultMaxAddresses+1)
	}
	summary := func(addr string) (audit.Event, refusalSummary) {
		t.Helper()
		page, err := ta.Audit.List(context.Background(), auditlog.Filter{EntityType: auditlog.EntityClientAddress, EntityID: addr}, 2, "")
		if err != nil || len(page.Items) != 1 {
			t.Fatalf("events of %s: %+v, %v; want one", addr, page.Items, err)
		}
		return page.Items[0], decodeSummary(t, page.Items[0])
	}
	perRequest := int64(len(refusedFields))
	if _, s := summary("2001:db8:7:9::/64"); s.Refusals != v6*perRequest {
		t.Errorf("the /64: %+v, want %d refusals", s, v6*perRequest)
	}
	// The first addresses to be refused have their own event, the last ones share one.
	overflow := int64(1 + v4 - auditlog.DefaultMaxAddresses) // the /64 is one address
	if e, s := summary(auditlog.OtherAddresses); e.ClientAddr != "" || s.Refusals != overflow*perRequest {
		t.Errorf("other addresses: %+v %+v, want %d refusals", e, s, overflow*perRequest)
	}
	if e, s := summary("10.1.0.1"); s.Refusals != perRequest || e.ClientAddr != "10.1.0.1" {
		t.Errorf("10.1.0.1: %+v %+v", e, s)
	}
}
