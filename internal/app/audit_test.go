package app

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"riskconsole/internal/audit"
	"riskconsole/internal/auditlog"
	"riskconsole/internal/auth"
)

// The audit log through the real HTTP handler: who may read it, the access.denied event every
// refusal writes, the request facts events carry, listing and paging, and chain verification
// after tampering, on both databases.

const auditEventsQuery = `query($filter: AuditFilter, $first: Int!, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    nodes { id at actor actorRoles action entityType entityId before after requestId clientAddr outcome prevHash hash }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`

const verifyQuery = `{ verifyAuditChain { ok checked firstBrokenEventId reason } }`

type apiAuditEvent struct {
	ID         string          `json:"id"`
	At         time.Time       `json:"at"`
	Actor      string          `json:"actor"`
	ActorRoles []string        `json:"actorRoles"`
	Action     string          `json:"action"`
	EntityType string          `json:"entityType"`
	EntityID   string          `json:"entityId"`
	Before     json.RawMessage `json:"before"`
	After      json.RawMessage `json:"after"`
	RequestID  string          `json:"requestId"`
	ClientAddr string          `json:"clientAddr"`
	Outcome    string          `json:"outcome"`
	PrevHash   string          `json:"prevHash"`
	Hash       string          `json:"hash"`
}

type apiAuditPage struct {
	AuditEvents struct {
		Nodes    []apiAuditEvent `json:"nodes"`
		PageInfo struct {
			HasNextPage     bool    `json:"hasNextPage"`
			HasPreviousPage bool    `json:"hasPreviousPage"`
			StartCursor     *string `json:"startCursor"`
			EndCursor       *string `json:"endCursor"`
		} `json:"pageInfo"`
	} `json:"auditEvents"`
}

type apiVerification struct {
	VerifyAuditChain struct {
		OK                 bool    `json:"ok"`
		Checked            int     `json:"checked"`
		FirstBrokenEventID *string `json:"firstBrokenEventId"`
		Reason             *string `json:"reason"`
	} `json:"verifyAuditChain"`
}

// auditCount returns the number of audit events, checking on the way that the chain is whole.
func (ta *testApp) auditCount(tb testing.TB) int64 {
	tb.Helper()
	v, err := ta.Audit.Verify(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	if !v.OK {
		tb.Fatalf("audit chain broken: %+v", v)
	}
	return v.Checked
}

// lastEvents returns the n newest audit events, newest first.
func (ta *testApp) lastEvents(tb testing.TB, n int) []audit.Event {
	tb.Helper()
	page, err := ta.Audit.List(context.Background(), auditlog.Filter{}, n, "")
	if err != nil {
		tb.Fatal(err)
	}
	return page.Items
}

// subject returns the audit actor of the harness's caller of role (see testApp.caller).
func (ta *testApp) subject(tb testing.TB, role auth.Role) string {
	tb.Helper()
	switch {
	case role == "":
		return "anonymous"
	case !auth.TokenMayHold(role):
		u := ta.session(tb, role).user
		return u.Principal("").Subject()
	}
	tok, err := ta.Store.TokenByHash(context.Background(), auth.HashToken(ta.Tokens[role]))
	if err != nil {
		tb.Fatal(err)
	}
	return (&auth.Principal{TokenID: tok.ID, Name: tok.Name, Roles: tok.Roles}).Subject()
}

func TestAuditAPI(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 20)
		t.Run("access and denial events", func(t *testing.T) { testAuditAccess(t, ta) })
		t.Run("request facts", func(t *testing.T) { testAuditRequestFacts(t, ta) })
		t.Run("listing", func(t *testing.T) { testAuditListing(t, ta) })
		t.Run("concurrent denials", func(t *testing.T) { testAuditConcurrentDenials(t, ta) })
		t.Run("token changing a password", func(t *testing.T) { testAuditTokenChangePassword(t, ta) })
		// Last: these break the chain or the audit table.
		t.Run("tampering", func(t *testing.T) { testAuditTampering(t, ta) })
		t.Run("denial write fails", func(t *testing.T) { testAuditDenialWriteFails(t, ta) })
	})
}

// testAuditAccess: AUDITOR reads the log; everyone else is refused, and each refused field
// writes exactly one access.denied event naming the caller and the field.
func testAuditAccess(t *testing.T, ta *testApp) {
	fields := []struct{ name, query string }{
		{"auditEvents", `{ auditEvents(first: 5) { nodes { id actor } } }`},
		{"verifyAuditChain", verifyQuery},
	}
	type accessCase struct {
		scenario
		field string // "Query.<field>"
	}
	var cases []accessCase
	for _, f := range fields {
		cases = append(cases, accessCase{field: "Query." + f.name, scenario: scenario{name: "AUDITOR " + f.name, role: auth.Auditor, query: f.query,
			check: func(t *testing.T, r *gqlResponse) {
				if dataField(t, r, f.name) == "null" {
					t.Errorf("data.%s is null", f.name)
				}
			}}})
		for _, role := range []auth.Role{"", auth.Analyst, auth.Approver, auth.Agent, auth.Service, auth.Admin} {
			code := "FORBIDDEN"
			if role == "" {
				code = "UNAUTHENTICATED"
			}
			cases = append(cases, accessCase{field: "Query." + f.name, scenario: scenario{name: fmt.Sprintf("%q %s", role, f.name), role: role, query: f.query,
				wantCode: code, wantNull: f.name, notContent: []string{`"actor"`, `"checked"`}}})
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := ta.auditCount(t)
			c.run(t, ta)
			after := ta.auditCount(t)
			if c.wantCode == "" {
				if after != before {
					t.Errorf("an allowed read wrote %d audit events", after-before)
				}
				return
			}
			if c.role == "" {
				// Counted, and recorded per client address and minute (refusals_test.go).
				if after != before {
					t.Fatalf("an anonymous refusal wrote %d audit events at once, want 0", after-before)
				}
				return
			}
			if after != before+1 {
				t.Fatalf("the refusal wrote %d audit events, want 1", after-before)
			}
			e := ta.lastEvents(t, 1)[0]
			actor, roles := ta.subject(t, c.role), string(c.role)
			if e.Action != auditlog.ActionAccessDenied || e.EntityType != auditlog.EntityGraphQLField || e.EntityID != c.field ||
				e.Actor != actor || strings.Join(e.ActorRoles, ",") != roles || e.Outcome != audit.Denied ||
				e.ClientAddr != "127.0.0.1" || !hex16.MatchString(e.RequestID) || e.Before != nil || e.After != nil {
				t.Errorf("denial event %+v, want access.denied of %s by %s [%s] from 127.0.0.1", e, c.field, actor, roles)
			}
		})
	}

	t.Run("one event per request", func(t *testing.T) {
		before := ta.auditCount(t)
		// All four are non-null fields, so data as a whole is null.
		r, h := ta.postHeaders(t, auth.Agent, `{ a: auditEvents(first: 1) { nodes { id } } b: verifyAuditChain { ok }
			d: decisions(first: 1) { nodes { id } } e: decisions(first: 2) { nodes { id } } }`, nil, nil)
		if len(r.Errors) != 4 || r.code() != "FORBIDDEN" {
			t.Fatalf("errors %s: want 4 refusals", errorsJSON(r))
		}
		if after := ta.auditCount(t); after != before+1 {
			t.Fatalf("%d events, want 1", after-before)
		}
		e := ta.lastEvents(t, 1)[0]
		if e.EntityID != "Query.auditEvents,Query.decisions,Query.verifyAuditChain" || e.RequestID != h.Get("X-Request-ID") ||
			e.Actor != ta.subject(t, auth.Agent) || e.EntityType != auditlog.EntityGraphQLField {
			t.Errorf("event %+v, want the agent's refusal of the three fields in the request", e)
		}
		want := map[string]int64{"Query.auditEvents": 1, "Query.decisions": 2, "Query.verifyAuditChain": 1}
		if s := decodeSummary(t, e); s.Refusals != 4 || !maps.Equal(s.Fields, want) {
			t.Errorf("after %+v, want 4 refusals: %v", s, want)
		}
	})

	t.Run("denied mutation", func(t *testing.T) {
		before := ta.auditCount(t)
		r := ta.gql(t, auth.Auditor, assessMutation, map[string]any{"input": purchaseInput("US", 120, nil), "key": "audit-denied"})
		if r.code() != "FORBIDDEN" {
			t.Fatalf("code %q, want FORBIDDEN", r.code())
		}
		if after := ta.auditCount(t); after != before+1 {
			t.Fatalf("%d events, want 1", after-before)
		}
		if e := ta.lastEvents(t, 1)[0]; e.EntityID != "Mutation.assessPurchase" || e.Actor != ta.subject(t, auth.Auditor) {
			t.Errorf("event %+v, want Mutation.assessPurchase by the auditor", e)
		}
	})
}

var hex16 = regexp.MustCompile(`^[0-9a-f]{16}$`)

// testAuditRequestFacts: every response carries a request id, sane incoming ids are kept, and
// events record the id and the TCP peer's address, not a forwarded-for claim.
func testAuditRequestFacts(t *testing.T, ta *testApp) {
	tests := []struct {
		name    string
		headers map[string]string
		wantID  string // "" means a fresh 16-hex id
	}{
		{"no id", nil, ""},
		{"a sane id is kept", map[string]string{"X-Request-ID": "trace-ABC_123"}, "trace-ABC_123"},
		{"a UUID is kept", map[string]string{"X-Request-ID": "0b9a7f5e-2f4c-4f7e-9a51-3c1d2e4f5a6b"}, "0b9a7f5e-2f4c-4f7e-9a51-3c1d2e4f5a6b"},
		{"64 characters are kept", map[string]string{"X-Request-ID": strings.Repeat("a", 64)}, strings.Repeat("a", 64)},
		{"65 characters are replaced", map[string]string{"X-Request-ID": strings.Repeat("a", 65)}, ""},
		{"spaces are replaced", map[string]string{"X-Request-ID": "a b"}, ""},
		{"log injection is replaced", map[string]string{"X-Request-ID": "x\" level=ERROR"}, ""},
		{"X-Forwarded-For is not trusted", map[string]string{"X-Forwarded-For": "203.0.113.9", "X-Real-IP": "203.0.113.9"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, h := ta.postHeaders(t, auth.Agent, `{ auditEvents(first: 1) { nodes { id } } }`, nil, tc.headers)
			if r.code() != "FORBIDDEN" {
				t.Fatalf("code %q, want FORBIDDEN", r.code())
			}
			id := h.Get("X-Request-ID")
			if (tc.wantID == "" && !hex16.MatchString(id)) || (tc.wantID != "" && id != tc.wantID) {
				t.Fatalf("response X-Request-ID %q, want %q (or 16 hex digits)", id, tc.wantID)
			}
			e := ta.lastEvents(t, 1)[0]
			if e.RequestID != id || e.ClientAddr != "127.0.0.1" {
				t.Errorf("event request id %q from %q, want %q from 127.0.0.1", e.RequestID, e.ClientAddr, id)
			}
		})
	}
	t.Run("every response has an id, and ids differ", func(t *testing.T) {
		seen := map[string]bool{}
		for _, path := range []string{"/healthz", "/readyz", "/", "/graphql", "/graphql"} {
			resp, err := ta.Server.Client().Get(ta.Server.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			id := resp.Header.Get("X-Request-ID")
			if !hex16.MatchString(id) || seen[id] {
				t.Errorf("%s: X-Request-ID %q, want a fresh 16-hex id", path, id)
			}
			seen[id] = true
		}
	})
}

// testAuditListing: filters, paging, JSON values and validation of auditEvents.
func testAuditListing(t *testing.T, ta *testApp) {
	ctx := context.Background()
	// A few events with JSON values, as the mutations will write them, in a known time window.
	base := time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC) // after anything the other subtests write
	for i := range 12 {
		e := audit.Event{At: base.Add(time.Duration(i) * time.Second), Actor: fmt.Sprintf("user:%d:u%d", i%3, i%3),
			ActorRoles: []string{"ADMIN"}, Action: []string{"user.create", "user.disable"}[i%2], EntityType: "user",
			EntityID: strconv.Itoa(i % 4), Before: json.RawMessage(`{"disabled": false}`),
			After:     json.RawMessage(fmt.Sprintf(`{"disabled": true, "n": %d, "tiny": 1e-7}`, i)),
			RequestID: "req-" + strconv.Itoa(i), ClientAddr: "192.0.2.1", Outcome: audit.Done}
		if err := ta.Store.AppendAudit(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	list := func(t *testing.T, filter map[string]any, first int, after *string) apiAuditPage {
		t.Helper()
		vars := map[string]any{"filter": filter, "first": first}
		if after != nil {
			vars["after"] = *after
		}
		var p apiAuditPage
		decodeData(t, ta.gql(t, auth.Auditor, auditEventsQuery, vars), &p)
		return p
	}
	listAll := func(t *testing.T, filter map[string]any, first int) []apiAuditEvent {
		t.Helper()
		var (
			all   []apiAuditEvent
			after *string
			seen  = map[string]bool{}
		)
		for range 100 {
			p := list(t, filter, first, after)
			if p.AuditEvents.PageInfo.HasPreviousPage != (after != nil) {
				t.Errorf("hasPreviousPage %v after %v", p.AuditEvents.PageInfo.HasPreviousPage, after)
			}
			for _, e := range p.AuditEvents.Nodes {
				if seen[e.ID] {
					t.Fatalf("event %s listed twice", e.ID)
				}
				seen[e.ID] = true
				if n := len(all); n > 0 && (e.At.After(all[n-1].At) || (e.At.Equal(all[n-1].At) && atoi(e.ID) > atoi(all[n-1].ID))) {
					t.Fatalf("event %s (%v) after %s (%v): not newest first", e.ID, e.At, all[n-1].ID, all[n-1].At)
				}
				all = append(all, e)
			}
			if !p.AuditEvents.PageInfo.HasNextPage {
				return all
			}
			after = p.AuditEvents.PageInfo.EndCursor
		}
		t.Fatal("paging does not end")
		return nil
	}

	window := map[string]any{"from": base.Format(time.RFC3339Nano), "to": base.Add(time.Minute).Format(time.RFC3339Nano)}
	all := listAll(t, window, 5)
	if len(all) != 12 {
		t.Fatalf("window: %d events, want 12", len(all))
	}
	newest := all[0]
	if newest.Actor != "user:2:u2" || newest.Action != "user.disable" || newest.EntityID != "3" || newest.RequestID != "req-11" ||
		string(newest.Before) != `{"disabled":false}` && string(newest.Before) != `{"disabled": false}` {
		t.Errorf("newest event %+v", newest)
	}
	var after struct {
		Disabled bool    `json:"disabled"`
		N        int     `json:"n"`
		Tiny     float64 `json:"tiny"`
	}
	if err := json.Unmarshal(newest.After, &after); err != nil || !after.Disabled || after.N != 11 || after.Tiny != 1e-7 {
		t.Errorf("after %s (%v): want the JSON object written", newest.After, err)
	}
	if len(newest.Hash) != 64 || newest.PrevHash != all[1].Hash || newest.Outcome != "DONE" || !newest.At.Equal(base.Add(11*time.Second)) {
		t.Errorf("newest event %+v: want chained to the one before, DONE, at +11s", newest)
	}

	for _, tc := range []struct {
		name   string
		filter map[string]any
		want   int
	}{
		{"actor", map[string]any{"actor": "user:1:u1"}, 4},
		{"action", map[string]any{"action": "user.create"}, 6},
		{"entity", map[string]any{"entityType": "user", "entityId": "2"}, 3},
		{"entity id alone", map[string]any{"entityId": "2"}, 3},
		{"from inclusive", map[string]any{"from": base.Add(10 * time.Second).Format(time.RFC3339)}, 2},
		{"to exclusive", map[string]any{"from": base.Format(time.RFC3339), "to": base.Add(3 * time.Second).Format(time.RFC3339)}, 3},
		{"combined", map[string]any{"actor": "user:0:u0", "action": "user.create", "from": base.Format(time.RFC3339)}, 2},
		{"nothing", map[string]any{"actor": "user:9:nobody"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := listAll(t, tc.filter, 2)
			if len(got) != tc.want {
				t.Fatalf("%d events, want %d", len(got), tc.want)
			}
			for _, e := range got {
				if (tc.filter["actor"] != nil && e.Actor != tc.filter["actor"]) || (tc.filter["action"] != nil && e.Action != tc.filter["action"]) ||
					(tc.filter["entityId"] != nil && e.EntityID != tc.filter["entityId"]) {
					t.Errorf("event %+v does not match %v", e, tc.filter)
				}
			}
		})
	}

	t.Run("a full page with every field is within the complexity limit", func(t *testing.T) {
		p := list(t, nil, 100, nil)
		if n := len(p.AuditEvents.Nodes); n == 0 || n > 100 {
			t.Errorf("%d events", n)
		}
	})
	t.Run("the cost of a page grows with first", func(t *testing.T) {
		// Five full pages in one request exceed the limit (its code and status belong to the
		// endpoint's limits, tested with them); the same five pages of one event do not.
		page := func(alias string, first int) string {
			return fmt.Sprintf(`%s: auditEvents(first: %d) { nodes { id at actor actorRoles action entityType entityId before after requestId clientAddr outcome prevHash hash } } `, alias, first)
		}
		big, small := "{ ", "{ "
		for _, a := range []string{"a", "b", "c", "d", "e"} {
			big += page(a, 100)
			small += page(a, 1)
		}
		r := ta.gql(t, auth.Auditor, big+"}", nil)
		if len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Message, "complexity") || (len(r.Data) > 0 && string(r.Data) != "null") {
			t.Errorf("five pages of 100: errors %s, data %.100s; want refused for complexity", errorsJSON(r), r.Data)
		}
		if r := ta.gql(t, auth.Auditor, small+"}", nil); len(r.Errors) > 0 {
			t.Errorf("five pages of 1: %s", errorsJSON(r))
		}
	})

	scenarios := []scenario{
		{name: "first 0", role: auth.Auditor, query: auditEventsQuery, vars: map[string]any{"first": 0}, wantCode: "INVALID", wantFields: []string{"first"}, wantNull: "auditEvents"},
		{name: "first 101", role: auth.Auditor, query: auditEventsQuery, vars: map[string]any{"first": 101}, wantCode: "INVALID", wantFields: []string{"first"}, wantNull: "auditEvents"},
		{name: "malformed after", role: auth.Auditor, query: auditEventsQuery, vars: map[string]any{"first": 5, "after": "nope"}, wantCode: "INVALID", wantFields: []string{"after"}, wantNull: "auditEvents"},
		{name: "from not before to", role: auth.Auditor, query: auditEventsQuery,
			vars:     map[string]any{"first": 5, "filter": map[string]any{"from": base.Format(time.RFC3339), "to": base.Format(time.RFC3339)}},
			wantCode: "INVALID", wantFields: []string{"filter.to"}, wantNull: "auditEvents"},
		{name: "all at once", role: auth.Auditor, query: auditEventsQuery,
			vars:     map[string]any{"first": -1, "after": "x", "filter": map[string]any{"actor": strings.Repeat("a", 300), "from": base.Add(time.Hour).Format(time.RFC3339), "to": base.Format(time.RFC3339)}},
			wantCode: "INVALID", wantFields: []string{"first", "after", "filter.actor", "filter.to"}, wantNull: "auditEvents"},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			before := ta.auditCount(t)
			s.run(t, ta)
			if after := ta.auditCount(t); after != before {
				t.Errorf("a refused read wrote %d audit events", after-before)
			}
		})
	}
}

func atoi(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// testAuditConcurrentDenials: 20 callers refused 10 times each at once leave 200 events in one
// whole chain.
func testAuditConcurrentDenials(t *testing.T, ta *testApp) {
	const callers, each = 20, 10
	before := ta.auditCount(t)
	body, _ := json.Marshal(map[string]any{"query": `{ verifyAuditChain { ok } }`})
	var wg sync.WaitGroup
	errs := make(chan error, callers*each)
	for range callers {
		wg.Go(func() {
			for range each {
				r, err := ta.send(http.MethodPost, "/graphql", "Bearer "+ta.Tokens[auth.Agent], body)
				if err == nil && r.code() != "FORBIDDEN" {
					err = fmt.Errorf("code %q, want FORBIDDEN", r.code())
				}
				if err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if after := ta.auditCount(t); after != before+callers*each {
		t.Fatalf("%d events, want %d", after-before, callers*each)
	}
	prev := map[string]bool{}
	for _, e := range ta.lastEvents(t, 100) {
		if prev[e.PrevHash] {
			t.Fatalf("two events follow %s", e.PrevHash)
		}
		prev[e.PrevHash] = true
	}
	var v apiVerification
	decodeData(t, ta.gql(t, auth.Auditor, verifyQuery, nil), &v)
	if !v.VerifyAuditChain.OK || int64(v.VerifyAuditChain.Checked) != before+callers*each {
		t.Errorf("verifyAuditChain %+v", v.VerifyAuditChain)
	}
}

// testAuditTampering: a superuser editing or deleting events behind the console's back is
// reported by verifyAuditChain at the right event.
func testAuditTampering(t *testing.T, ta *testApp) {
	db := ta.rawDB(t)
	verify := func(t *testing.T) apiVerification {
		t.Helper()
		var v apiVerification
		decodeData(t, ta.gql(t, auth.Auditor, verifyQuery, nil), &v)
		return v
	}
	if v := verify(t); !v.VerifyAuditChain.OK || v.VerifyAuditChain.Checked == 0 || v.VerifyAuditChain.FirstBrokenEventID != nil || v.VerifyAuditChain.Reason != nil {
		t.Fatalf("intact chain: %+v", v.VerifyAuditChain)
	}
	// Refused while the triggers stand.
	events := ta.lastEvents(t, 10) // newest first
	for _, stmt := range []string{"UPDATE audit_events SET actor = 'someone' WHERE id = $1", "DELETE FROM audit_events WHERE id = $1"} {
		if ta.Config.DatabaseURL == "" {
			stmt = strings.ReplaceAll(stmt, "$1", "?")
		}
		if _, err := db.Exec(stmt, events[5].ID); err == nil {
			t.Fatalf("%s: allowed with the triggers in place", stmt)
		}
	}
	if ta.Config.DatabaseURL != "" {
		if _, err := db.Exec("TRUNCATE audit_events"); err == nil {
			t.Fatal("TRUNCATE allowed with the triggers in place")
		}
	}
	disable := []string{"ALTER TABLE audit_events DISABLE TRIGGER USER"}
	if ta.Config.DatabaseURL == "" {
		disable = []string{"DROP TRIGGER audit_events_no_update", "DROP TRIGGER audit_events_no_delete"}
	}
	for _, stmt := range disable {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	// A middle event deleted: the link of the next one breaks. Then an earlier event's actor
	// changed: that one is now the first broken.
	deleted, next, changed := events[3], events[2], events[7]
	if _, err := db.Exec(fmt.Sprintf("DELETE FROM audit_events WHERE id = %d", deleted.ID)); err != nil {
		t.Fatal(err)
	}
	v := verify(t).VerifyAuditChain
	if v.OK || v.FirstBrokenEventID == nil || *v.FirstBrokenEventID != strconv.FormatInt(next.ID, 10) || v.Reason == nil || *v.Reason != auditlog.ReasonLinkBroken {
		t.Fatalf("after deleting event %d: %+v, want link broken at %d", deleted.ID, v, next.ID)
	}
	if _, err := db.Exec(fmt.Sprintf("UPDATE audit_events SET actor = 'someone' WHERE id = %d", changed.ID)); err != nil {
		t.Fatal(err)
	}
	v = verify(t).VerifyAuditChain
	if v.OK || v.FirstBrokenEventID == nil || *v.FirstBrokenEventID != strconv.FormatInt(changed.ID, 10) || v.Reason == nil || *v.Reason != auditlog.ReasonHashMismatch {
		t.Fatalf("after changing event %d: %+v, want a hash mismatch at %d", changed.ID, v, changed.ID)
	}
	if want := ta.auditCountUpTo(t, changed.ID); int64(v.Checked) != want {
		t.Errorf("checked %d, want %d", v.Checked, want)
	}
}

// auditCountUpTo counts the events with an id up to and including id.
func (ta *testApp) auditCountUpTo(tb testing.TB, id int64) int64 {
	tb.Helper()
	var n int64
	if err := ta.rawDB(tb).QueryRow(fmt.Sprintf("SELECT count(*) FROM audit_events WHERE id <= %d", id)).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

// testAuditDenialWriteFails: when the denial cannot be written, the caller is still refused.
func testAuditDenialWriteFails(t *testing.T, ta *testApp) {
	db := ta.rawDB(t)
	stmts := []string{`CREATE TRIGGER audit_events_down BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END`}
	if ta.Config.DatabaseURL != "" {
		stmts = []string{
			`CREATE FUNCTION audit_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit log unavailable'; END $$`,
			`CREATE TRIGGER audit_events_down BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_down()`,
		}
	}
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	var before int64
	if err := db.QueryRow("SELECT count(*) FROM audit_events").Scan(&before); err != nil {
		t.Fatal(err)
	}
	for _, s := range []scenario{
		{name: "anonymous", query: verifyQuery, wantCode: "UNAUTHENTICATED", wantNull: "verifyAuditChain", notContent: []string{`"checked"`}},
		{name: "AGENT", role: auth.Agent, query: `{ auditEvents(first: 5) { nodes { id actor } } }`, wantCode: "FORBIDDEN", wantNull: "auditEvents", notContent: []string{`"actor"`}},
		{name: "SERVICE decisions", role: auth.Service, query: `{ decisions(first: 1) { nodes { id outcome } } }`, wantCode: "FORBIDDEN", wantNull: "decisions", notContent: []string{`"outcome"`}},
	} {
		t.Run(s.name, func(t *testing.T) { s.run(t, ta) })
	}
	var after int64
	if err := db.QueryRow("SELECT count(*) FROM audit_events").Scan(&after); err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Errorf("%d events written with inserts failing", after-before)
	}
}

// testAuditTokenChangePassword: an API token holding a role changePassword allows is still
// refused, since a token has no password, and that refusal is recorded like the directive's.
func testAuditTokenChangePassword(t *testing.T, ta *testApp) {
	before := ta.auditCount(t)
	r := ta.post(t, auth.Auditor, `mutation { changePassword(currentPassword: "x", newPassword: "y") }`, nil)
	if r.code() != "FORBIDDEN" {
		t.Fatalf("token calling changePassword: code %q, want FORBIDDEN (errors %+v)", r.code(), r.Errors)
	}
	if got := ta.auditCount(t) - before; got != 1 {
		t.Fatalf("token calling changePassword added %d audit events, want 1", got)
	}
	page, err := ta.Audit.List(context.Background(), auditlog.Filter{Action: "access.denied", EntityID: "Mutation.changePassword"}, 10, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 1 || page.Items[0].Actor != ta.subject(t, auth.Auditor) || page.Items[0].Outcome != audit.Denied {
		t.Fatalf("denial events for Mutation.changePassword = %+v, want one by the AUDITOR token", page.Items)
	}
}
