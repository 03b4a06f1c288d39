package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql/introspection"

	"riskconsole/graph"
	"riskconsole/internal/auth"
	"riskconsole/internal/httpapi"
	"riskconsole/internal/page"
	"riskconsole/internal/store"
)

// Tests of the GraphQL endpoint's hardening, through the real HTTP handler on both databases:
// limits refused before any SQL, page sizes, introspection and the playground, request ids in
// errors, security headers, deadlines, and internal errors.

func TestHardening(t *testing.T) {
	for _, dialect := range dialects {
		t.Run(dialect, func(t *testing.T) {
			ta := newTestApp(t, dialect, 200)
			h := &hardening{ta: ta, e: newFieldEnv(t, ta), statements: ta.Store.CountStatements()}
			t.Run("over the limits, refused before any SQL", h.testOverLimits)
			t.Run("within the limits", h.testWithinLimits)
			t.Run("the operation run is counted", h.testOperationCounted)
			t.Run("page size", h.testPageSize)
			t.Run("introspection", h.testIntrospection)
			t.Run("playground", h.testPlayground)
			t.Run("request ids", h.testRequestIDs)
			t.Run("security headers", h.testSecurityHeaders)
			t.Run("deadlines", h.testDeadlines)
			// Last: it closes the database.
			t.Run("internal errors", h.testInternalErrors)
		})
	}
}

type hardening struct {
	ta         *testApp
	e          *fieldEnv
	statements *atomic.Int64
}

// httpRequest is one raw request to the console.
type httpRequest struct {
	method, path string
	body         []byte
	chunked      bool // send the body without a Content-Length
	caller       *apiCaller
	header       map[string]string
}

type httpResponse struct {
	status int
	header http.Header
	body   []byte
}

// gql decodes a GraphQL-shaped answer.
func (r *httpResponse) gql(tb testing.TB) *gqlResponse {
	tb.Helper()
	out := &gqlResponse{Status: r.status}
	if err := json.Unmarshal(r.body, out); err != nil {
		tb.Fatalf("status %d, body is not JSON: %v: %s", r.status, err, truncate(string(r.body), 300))
	}
	checkNoSQL(tb, out)
	return out
}

// onlyReader hides bytes.Reader's length, so that the client sends the body chunked.
type onlyReader struct{ io.Reader }

func (h *hardening) do(tb testing.TB, srv *httptest.Server, r httpRequest) *httpResponse {
	tb.Helper()
	if srv == nil {
		srv = h.ta.Server
	}
	var body io.Reader = bytes.NewReader(r.body)
	if r.chunked {
		body = onlyReader{body}
	}
	if r.method == "" {
		r.method = http.MethodPost
	}
	if r.path == "" {
		r.path = "/graphql"
	}
	req, err := http.NewRequest(r.method, srv.URL+r.path, body)
	if err != nil {
		tb.Fatal(err)
	}
	if r.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c := r.caller; c != nil {
		c.authorize(req, srv.URL)
	}
	for k, v := range r.header {
		req.Header.Set(k, v)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return &httpResponse{status: resp.StatusCode, header: resp.Header, body: b}
}

// operation is the JSON body of a GraphQL request.
func operation(query string, vars map[string]any) []byte {
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return b
}

// repeat joins n copies of format (with %d for the copy's number) with spaces.
func repeat(n int, format string) string {
	parts := make([]string, n)
	for i := range parts {
		if strings.Contains(format, "%d") {
			parts[i] = fmt.Sprintf(format, i)
		} else {
			parts[i] = format
		}
	}
	return strings.Join(parts, " ")
}

// fanOut is an operation of one root field whose fragments each spread the next twice: a
// document of about 1 KiB that selects 2^levels fields once expanded.
func fanOut(levels int) string {
	var b strings.Builder
	b.WriteString("{ viewer { ...F0 } }")
	for i := range levels {
		fmt.Fprintf(&b, " fragment F%d on Viewer { name ...F%d ...F%d }", i, i+1, i+1)
	}
	fmt.Fprintf(&b, " fragment F%d on Viewer { name }", levels)
	return b.String()
}

// testOverLimits sends requests over each limit, with a valid API token and with a valid
// session: each is refused with LIMIT_EXCEEDED naming its limit, before any SQL statement runs.
func (h *hardening) testOverLimits(t *testing.T) {
	pages := func(first int, lists ...string) string {
		var b strings.Builder
		b.WriteString("{")
		for i, l := range lists {
			fmt.Fprintf(&b, " l%d: %s(first: %d) { nodes { id } }", i, l, first)
		}
		b.WriteString(" }")
		return b.String()
	}
	pad := strings.Repeat("x", httpapi.MaxBodyBytes)
	cases := []struct {
		name       string
		role       auth.Role // of the harness's caller (see testApp.caller); the session holds every reading role and ADMIN
		body       []byte
		chunked    bool
		wantStatus int
		wantLimit  string
	}{
		{name: "complexity: three pages of 100 decisions", role: auth.Auditor,
			body: operation(pages(100, "decisions", "decisions", "decisions"), nil), wantStatus: 422, wantLimit: graph.LimitComplexity},
		{name: "complexity: users, apiTokens and auditEvents count by first", role: auth.Auditor,
			body: operation(pages(100, "users", "apiTokens", "auditEvents"), nil), wantStatus: 422, wantLimit: graph.LimitComplexity},
		{name: "complexity: first from a variable", role: auth.Auditor,
			body: operation(`query($n: Int!) { a: decisions(first: $n) { nodes { id } } b: decisions(first: $n) { nodes { id } } c: decisions(first: $n) { nodes { id } } }`,
				map[string]any{"n": 100}), wantStatus: 422, wantLimit: graph.LimitComplexity},
		{name: "11 aliases", role: auth.Auditor,
			body: operation(`{ decisions(first: 1) { `+repeat(11, "a%d: nodes { id }")+` } }`, nil), wantStatus: 422, wantLimit: graph.LimitAliases},
		{name: "11 aliases once a fragment is spread twice", role: auth.Auditor,
			body: operation(`{ d1: decisions(first: 1) { ...A } d2: decisions(first: 1) { ...A } } fragment A on DecisionConnection { `+
				repeat(5, "a%d: nodes { id }")+` }`, nil), wantStatus: 422, wantLimit: graph.LimitAliases},
		{name: "11 root fields, some in a fragment", role: auth.Auditor,
			body: operation(`query { viewer { name } verifyAuditChain { ok } v2: viewer { roles } ...R }
				fragment R on Query { decisions(first: 1) { nodes { id } } users(first: 1) { nodes { id } }
				apiTokens(first: 1) { nodes { id } } auditEvents(first: 1) { nodes { id } } decision(id: "1") { id }
				decisionByReference(reference: "X") { id } thresholdVersion(id: "1") { id } __typename }`, nil),
			wantStatus: 422, wantLimit: graph.LimitRootFields},
		{name: "over the parser's token limit", role: auth.Admin,
			body:       operation(`mutation { setUserRoles(id: "1", roles: [`+repeat(httpapi.ParserTokenLimit, "ANALYST")+`]) { id } }`, nil),
			wantStatus: 422, wantLimit: graph.LimitTokens},
		{name: "over 500 field selections", role: auth.Auditor,
			body: operation(`{ decisions(first: 1) { nodes { `+repeat(httpapi.MaxFields, "id")+` } } }`, nil), wantStatus: 422, wantLimit: graph.LimitFields},
		{name: "fragments that double at every level", role: auth.Auditor,
			body: operation(fanOut(30), nil), wantStatus: 422, wantLimit: graph.LimitFields},
		{name: "body over 256 KiB", role: auth.Auditor,
			body: operation(`{ viewer { name } }`, map[string]any{"pad": pad}), wantStatus: 413, wantLimit: graph.LimitBody},
		{name: "body over 256 KiB without a length", role: auth.Auditor, chunked: true,
			body: operation(`{ viewer { name } }`, map[string]any{"pad": pad}), wantStatus: 413, wantLimit: graph.LimitBody},
		{name: "a batch", role: auth.Auditor,
			body: []byte(` [{"query":"{ viewer { name } }"},{"query":"{ viewer { roles } }"}]`), wantStatus: 400, wantLimit: graph.LimitBatch},
	}
	session := h.e.signIn(t, auth.Analyst, auth.Auditor, auth.Admin)
	for _, c := range cases {
		for _, via := range []string{"token", "session"} {
			t.Run(c.name+" via "+via, func(t *testing.T) {
				caller := session
				if via == "token" {
					caller = h.ta.caller(t, c.role)
					// A token is looked up once and then remembered for a while: the request
					// counted is served from that memory, as a busy client's are.
					h.warm(t, caller)
				}
				before := h.statements.Load()
				start := time.Now()
				resp := h.do(t, nil, httpRequest{body: c.body, chunked: c.chunked, caller: caller})
				took := time.Since(start)
				if n := h.statements.Load() - before; n != 0 {
					t.Errorf("%d SQL statements ran for a refused request, want 0", n)
				}
				r := resp.gql(t)
				if r.Status != c.wantStatus || r.code() != graph.CodeLimitExceeded || len(r.Errors) != 1 {
					t.Fatalf("status %d, errors %s; want %d and one %s error", r.Status, errorsJSON(r), c.wantStatus, graph.CodeLimitExceeded)
				}
				if got := r.Errors[0].Extensions["limit"]; got != c.wantLimit {
					t.Errorf("extensions.limit %v, want %s: %s", got, c.wantLimit, r.Errors[0].Message)
				}
				if len(r.Data) != 0 && string(r.Data) != "null" {
					t.Errorf("data %s, want none", truncate(string(r.Data), 200))
				}
				if took > 2*time.Second {
					t.Errorf("refusing took %v", took)
				}
			})
		}
	}
}

// testOperationCounted: in a document of several operations, the root fields of the operation
// run are counted, whichever ran before.
func (h *hardening) testOperationCounted(t *testing.T) {
	doc := `query Small { viewer { name } } query Wide { ` + repeat(11, "viewer { name }") + ` }`
	analyst := h.ta.caller(t, auth.Analyst)
	for _, c := range []struct {
		op   string
		want string
	}{{"Small", ""}, {"Wide", graph.CodeLimitExceeded}, {"Small", ""}, {"Wide", graph.CodeLimitExceeded}} {
		body, _ := json.Marshal(map[string]any{"query": doc, "operationName": c.op})
		r := h.do(t, nil, httpRequest{body: body, caller: analyst}).gql(t)
		if r.code() != c.want {
			t.Errorf("%s: code %q, want %q: %s", c.op, r.code(), c.want, errorsJSON(r))
		}
	}
}

// warm sends one cheap request as c, so that its token is remembered.
func (h *hardening) warm(tb testing.TB, c *apiCaller) {
	tb.Helper()
	r := h.do(tb, nil, httpRequest{body: operation(`{ viewer { name } }`, nil), caller: c}).gql(tb)
	if len(r.Errors) > 0 {
		tb.Fatalf("warm-up: %s", errorsJSON(r))
	}
}

// testWithinLimits: the console's real queries and requests right at each limit are served.
func (h *hardening) testWithinLimits(t *testing.T) {
	e := h.e
	explorer := func(first int) string {
		return fmt.Sprintf(`{ decisions(first: %d) { nodes { %s } pageInfo { hasNextPage endCursor } } }`, first,
			`id reference createdAt market currency amount shopperId locale channel outcome merchant { id name category }
			reasons { rank code measuredValue factor } breakdown thresholdVersion { id market version } catalogVersionId
			message { locale title body steps }`)
	}
	bodyAtLimit := operation(`{ viewer { name } }`, nil)
	bodyAtLimit = append(bodyAtLimit, bytes.Repeat([]byte(" "), httpapi.MaxBodyBytes-len(bodyAtLimit))...)
	cases := []struct {
		name string
		role auth.Role
		body []byte
	}{
		{"the explorer's page of 50", auth.Analyst, operation(explorer(50), nil)},
		{"the explorer's page of 100", auth.Analyst, operation(explorer(100), nil)},
		{"complexity of exactly 300", auth.Auditor, operation(`{ decisions(first: 99) { nodes { id } } users(first: 99) { nodes { id } }
			auditEvents(first: 99) { nodes { id } } }`, nil)},
		{"10 aliases", auth.Analyst, operation(`{ decisions(first: 1) { `+repeat(10, "a%d: nodes { id }")+` } }`, nil)},
		{"10 root fields", auth.Auditor, operation(`query($id: ID!, $ref: String!, $tv: ID!) { viewer { name } verifyAuditChain { ok }
			decisions(first: 1) { nodes { id } } users(first: 1) { nodes { id } } apiTokens(first: 1) { nodes { id } }
			auditEvents(first: 1) { nodes { id } } decision(id: $id) { id } decisionByReference(reference: $ref) { id }
			thresholdVersion(id: $tv) { id } __typename }`, map[string]any{"id": e.decisionID, "ref": e.reference, "tv": e.thresholdVersionID})},
		{"GraphiQL's introspection query", auth.Analyst, operation(introspection.Query, nil)},
		{"a body of exactly 256 KiB", auth.Analyst, bodyAtLimit},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := h.do(t, nil, httpRequest{body: c.body, caller: h.ta.caller(t, c.role)}).gql(t)
			if r.Status != http.StatusOK || len(r.Errors) > 0 {
				t.Errorf("status %d, errors %s", r.Status, truncate(errorsJSON(r), 500))
			}
		})
	}
}

// testPageSize: every connection refuses a page larger than 100 or smaller than 1, naming first.
func (h *hardening) testPageSize(t *testing.T) {
	for _, list := range []string{"decisions", "users", "apiTokens", "auditEvents"} {
		for _, first := range []int{page.MaxSize + 1, 0, -1} {
			s := scenario{name: fmt.Sprintf("%s first %d", list, first), role: auth.Auditor,
				query: fmt.Sprintf(`{ %s(first: %d) { nodes { id } } }`, list, first), wantCode: graph.CodeInvalid,
				wantFields: []string{"first"}, wantNull: list}
			t.Run(s.name, func(t *testing.T) { s.run(t, h.ta) })
		}
		s := scenario{name: list + " first 100", role: auth.Auditor, query: fmt.Sprintf(`{ %s(first: 100) { nodes { id } } }`, list)}
		t.Run(s.name, func(t *testing.T) { s.run(t, h.ta) })
	}
}

// withConfig serves the same App (database and services) with a changed configuration.
func (h *hardening) withConfig(t *testing.T, change func(*Config)) *httptest.Server {
	t.Helper()
	a := *h.ta.App
	change(&a.Config)
	srv := httptest.NewServer(a.Handler())
	t.Cleanup(srv.Close)
	return srv
}

// explorerRoles may introspect the schema and open the playground: staff who read the API, not
// AGENT or SERVICE, whose fields are few and fixed.
var explorerRoles = []auth.Role{auth.Analyst, auth.Approver, auth.Auditor, auth.Admin}

// testIntrospection: __schema and __type are served where enabled to the roles that may
// explore, and refused, with one access.denied event, to AGENT and SERVICE (to anonymous
// callers too, counted: see TestAnonymousRefusalsAreCounted), through fragments too; where
// disabled they are refused to everyone.
func (h *hardening) testIntrospection(t *testing.T) {
	db := h.ta.rawDB(t)
	queries := map[string]string{
		"__schema":        `{ __schema { queryType { name } } }`,
		"__type":          `{ __type(name: "Decision") { name fields { name } } }`,
		"in a fragment":   `query { viewer { name } ...I } fragment I on Query { __schema { types { name } } }`,
		"inline fragment": `query { ... on Query { __type(name: "Query") { name } } }`,
	}
	for name, q := range queries {
		for _, role := range append(auth.AllRoles, "") {
			explore := slices.Contains(explorerRoles, role)
			t.Run(fmt.Sprintf("%s as %q", name, role), func(t *testing.T) {
				c := h.e.caller(t, role, false)
				events := countRows(t, db, "audit_events")
				r, id := h.e.send(t, c, q, nil)
				switch {
				case explore:
					if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"name"`) {
						t.Errorf("errors %s, data %s", errorsJSON(r), truncate(string(r.Data), 200))
					}
					if n := countRows(t, db, "audit_events") - events; n != 0 {
						t.Errorf("%d audit events for an allowed introspection", n)
					}
				default:
					want := graph.CodeForbidden
					if role == "" {
						want = graph.CodeUnauthenticated
					}
					if r.code() != want || (len(r.Data) != 0 && string(r.Data) != "null") {
						t.Errorf("code %q, data %s; want %s and no data", r.code(), r.Data, want)
					}
					got := eventsOf(t, db, id)
					if role == "" {
						if len(got) != 0 {
							t.Errorf("audit events of an anonymous request: %+v, want none (counted per minute)", got)
						}
						return
					}
					if len(got) != 1 || got[0].action != "access.denied" || !strings.HasPrefix(got[0].entityID, "Query.__") {
						t.Errorf("audit events of the request: %+v, want one access.denied for introspection", got)
					}
				}
			})
		}
	}
	t.Run("__typename is allowed to everyone", func(t *testing.T) {
		for _, role := range []auth.Role{auth.Agent, auth.Service} {
			r, _ := h.e.send(t, h.e.caller(t, role, false), `{ __typename viewer { __typename name } }`, nil)
			if len(r.Errors) > 0 {
				t.Errorf("%s: %s", role, errorsJSON(r))
			}
		}
	})
	t.Run("disabled", func(t *testing.T) {
		srv := h.withConfig(t, func(c *Config) { c.Introspection = false })
		for _, role := range []auth.Role{auth.Analyst, auth.Admin, auth.Agent} {
			before := h.statements.Load()
			r := h.do(t, srv, httpRequest{body: operation(queries["__schema"], nil), caller: h.ta.caller(t, role)}).gql(t)
			if r.code() != graph.CodeForbidden || !strings.Contains(r.Errors[0].Message, "disabled") {
				t.Errorf("%s: code %q, errors %s; want FORBIDDEN (disabled)", role, r.code(), errorsJSON(r))
			}
			if n := h.statements.Load() - before; n != 0 {
				t.Errorf("%s: %d SQL statements", role, n)
			}
		}
	})
}

// testPlayground: GraphiQL is served at /graphiql only where enabled, only to roles that may
// explore, with a policy that allows exactly its own inline script and style and its pinned files.
func (h *hardening) testPlayground(t *testing.T) {
	t.Run("disabled", func(t *testing.T) {
		resp := h.do(t, nil, httpRequest{method: http.MethodGet, path: "/graphiql", caller: h.ta.caller(t, auth.Analyst)})
		if resp.status != http.StatusNotFound {
			t.Errorf("status %d, want 404", resp.status)
		}
	})
	srv := h.withConfig(t, func(c *Config) { c.Playground = true })
	analystSession := h.e.signIn(t, auth.Analyst)
	agentSession := h.e.signIn(t, auth.Agent)
	cases := []struct {
		name   string
		caller *apiCaller
		want   int
	}{
		{"anonymous", nil, http.StatusUnauthorized},
		{"AGENT session", agentSession, http.StatusForbidden},
		{"SERVICE token", &apiCaller{token: h.ta.Tokens[auth.Service]}, http.StatusForbidden},
		{"AGENT token", &apiCaller{token: h.ta.Tokens[auth.Agent]}, http.StatusForbidden},
		{"ANALYST session", analystSession, http.StatusOK},
		{"AUDITOR token", &apiCaller{token: h.ta.Tokens[auth.Auditor]}, http.StatusOK},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp := h.do(t, srv, httpRequest{method: http.MethodGet, path: "/graphiql", caller: c.caller})
			if resp.status != c.want {
				t.Fatalf("status %d, want %d: %s", resp.status, c.want, truncate(string(resp.body), 200))
			}
			if got := resp.header.Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control %q", got)
			}
			if c.want != http.StatusOK {
				if strings.Contains(string(resp.body), "<script") {
					t.Error("a refusal carries the page")
				}
				return
			}
			checkPlaygroundCSP(t, resp)
		})
	}
}

// checkPlaygroundCSP checks that the playground comes with its own strict policy. (That the
// policy allows exactly the page's inline blocks and files is TestPlaygroundCSP's, in httpapi.)
func checkPlaygroundCSP(t *testing.T, resp *httpResponse) {
	t.Helper()
	csp := resp.header.Get("Content-Security-Policy")
	for _, bad := range []string{"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https: "} {
		if strings.Contains(csp, bad) {
			t.Errorf("policy allows %s: %s", bad, csp)
		}
	}
	for _, want := range []string{"default-src 'none'", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "'sha256-"} {
		if !strings.Contains(csp, want) {
			t.Errorf("policy lacks %s: %s", want, csp)
		}
	}
	if !strings.Contains(string(resp.body), "GraphiQL") {
		t.Error("the page is not GraphiQL")
	}
	if resp.header.Get("X-Frame-Options") != "DENY" {
		t.Error("no X-Frame-Options")
	}
}

// testRequestIDs: every answer carries X-Request-ID, and every error its request id and code,
// from gqlgen, from the resolvers and from the HTTP layer alike.
func (h *hardening) testRequestIDs(t *testing.T) {
	agent := &apiCaller{token: h.ta.Tokens[auth.Agent]}
	analyst := h.ta.caller(t, auth.Analyst)
	cases := []struct {
		name     string
		req      httpRequest
		wantCode string
	}{
		{"a refused field", httpRequest{body: operation(`{ decisions(first: 1) { nodes { id } } }`, nil), caller: agent}, graph.CodeForbidden},
		{"invalid arguments", httpRequest{body: operation(`{ decisions(first: 500) { nodes { id } } }`, nil), caller: analyst}, graph.CodeInvalid},
		{"not found", httpRequest{body: operation(`{ decisionByReference(reference: "D00-000-000") { id } }`, nil), caller: analyst}, ""},
		{"an unknown field", httpRequest{body: operation(`{ nope }`, nil), caller: analyst}, "GRAPHQL_VALIDATION_FAILED"},
		{"a syntax error", httpRequest{body: operation(`{ decisions(first: `, nil), caller: analyst}, "GRAPHQL_PARSE_FAILED"},
		{"over a limit", httpRequest{body: operation(`{ decisions(first: 1) { `+repeat(11, "a%d: nodes { id }")+` } }`, nil), caller: analyst}, graph.CodeLimitExceeded},
		{"a batch", httpRequest{body: []byte(`[]`), caller: analyst}, graph.CodeLimitExceeded},
		{"too large", httpRequest{body: bytes.Repeat([]byte(" "), httpapi.MaxBodyBytes+1), caller: analyst}, graph.CodeLimitExceeded},
		{"GET", httpRequest{method: http.MethodGet, caller: analyst}, "METHOD_NOT_ALLOWED"},
		{"not JSON", httpRequest{body: []byte(`query=x`), caller: analyst, header: map[string]string{"Content-Type": "text/plain"}}, "UNSUPPORTED_MEDIA_TYPE"},
	}
	for _, c := range cases {
		for _, sent := range []string{"", "client-chosen-id-42"} {
			t.Run(fmt.Sprintf("%s, id %q", c.name, sent), func(t *testing.T) {
				req := c.req
				req.header = map[string]string{}
				for k, v := range c.req.header {
					req.header[k] = v
				}
				if sent != "" {
					req.header[httpapi.RequestIDHeader] = sent
				}
				resp := h.do(t, nil, req)
				id := resp.header.Get(httpapi.RequestIDHeader)
				if id == "" || (sent != "" && id != sent) {
					t.Fatalf("X-Request-ID %q (sent %q)", id, sent)
				}
				r := resp.gql(t)
				if len(r.Errors) == 0 {
					t.Fatalf("no error: status %d", r.Status)
				}
				for _, e := range r.Errors {
					if e.Extensions["requestId"] != id {
						t.Errorf("error %q has requestId %v, want %s", e.Message, e.Extensions["requestId"], id)
					}
					if code, _ := e.Extensions["code"].(string); code == "" {
						t.Errorf("error %q has no code", e.Message)
					}
				}
				if c.wantCode != "" && r.code() != c.wantCode {
					t.Errorf("code %q, want %s", r.code(), c.wantCode)
				}
			})
		}
	}
}

// testSecurityHeaders: every answer, pages, API and refusals alike, carries the security headers;
// the API and the session endpoints are never stored.
func (h *hardening) testSecurityHeaders(t *testing.T) {
	want := map[string]string{
		"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
			"font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
		"X-Content-Type-Options":     "nosniff",
		"Referrer-Policy":            "no-referrer",
		"X-Frame-Options":            "DENY",
		"Cross-Origin-Opener-Policy": "same-origin",
	}
	analyst := h.ta.caller(t, auth.Analyst)
	cases := []struct {
		name    string
		req     httpRequest
		noStore bool
	}{
		{"the UI", httpRequest{method: http.MethodGet, path: "/"}, false},
		{"a UI file", httpRequest{method: http.MethodGet, path: "/favicon.svg"}, false},
		{"health", httpRequest{method: http.MethodGet, path: "/healthz"}, false},
		{"readiness", httpRequest{method: http.MethodGet, path: "/readyz"}, false},
		{"not found", httpRequest{method: http.MethodGet, path: "/nope"}, false},
		{"the API", httpRequest{body: operation(`{ viewer { name } }`, nil), caller: analyst}, true},
		{"the API refusing a GET", httpRequest{method: http.MethodGet}, true},
		{"the API refusing a token", httpRequest{body: operation(`{ viewer { name } }`, nil), caller: &apiCaller{token: "rc_wrong"}}, true},
		{"the API refusing a large body", httpRequest{body: bytes.Repeat([]byte(" "), httpapi.MaxBodyBytes+1)}, true},
		{"the session endpoint", httpRequest{method: http.MethodGet, path: "/auth/session"}, true},
		{"a login", httpRequest{path: "/auth/login", body: []byte(`{"username":"nobody","password":"wrong"}`), header: map[string]string{"Origin": h.ta.Server.URL}}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp := h.do(t, nil, c.req)
			for k, v := range want {
				if got := resp.header.Get(k); got != v {
					t.Errorf("%s: %q, want %q", k, got, v)
				}
			}
			if got := resp.header.Get("Cache-Control"); c.noStore && got != "no-store" {
				t.Errorf("Cache-Control %q, want no-store", got)
			}
			if resp.header.Get(httpapi.RequestIDHeader) == "" {
				t.Error("no X-Request-ID")
			}
		})
	}
}

// testDeadlines: a request past its deadline fails with TIMEOUT, with its request id, soon after
// the deadline; on PostgreSQL the app's sessions also carry statement_timeout and
// idle_in_transaction_session_timeout, so the server itself cancels a statement or ends a
// transaction that outlives a request.
func (h *hardening) testDeadlines(t *testing.T) {
	const timeout = time.Second
	ctx := context.Background()
	// A second console on the same database, opened as the server opens it, with a short
	// request timeout.
	cfg := h.ta.Config
	cfg.RequestTimeout = timeout
	short, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { short.Close() })
	if err := short.Load(ctx); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(short.Handler())
	t.Cleanup(srv.Close)
	db := h.ta.rawDB(t)
	// Hold a lock that the request's statement must wait for.
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	var req httpRequest
	if h.ta.Store.Dialect() == store.Postgres {
		if _, err := tx.Exec(`LOCK TABLE decisions IN ACCESS EXCLUSIVE MODE`); err != nil {
			t.Fatal(err)
		}
		req = httpRequest{body: operation(`{ decisions(first: 5) { nodes { id } } }`, nil), caller: h.ta.caller(t, auth.Analyst)}
	} else {
		// SQLite: readers never wait for a writer, so the request is a write that waits for
		// the write lock this transaction takes.
		if _, err := tx.Exec(`UPDATE api_tokens SET name = name WHERE 0 = 1`); err != nil {
			t.Fatal(err)
		}
		req = httpRequest{body: operation(assessMutation, map[string]any{"input": purchaseInput("SE", 100, nil), "key": uniqueKey("deadline")}),
			caller: &apiCaller{token: h.ta.Tokens[auth.Service]}}
	}
	start := time.Now()
	resp := h.do(t, srv, req)
	took := time.Since(start)
	r := resp.gql(t)
	if r.code() != graph.CodeTimeout {
		t.Errorf("code %q, errors %s; want %s", r.code(), errorsJSON(r), graph.CodeTimeout)
	} else if r.Errors[0].Extensions["requestId"] != resp.header.Get(httpapi.RequestIDHeader) {
		t.Errorf("requestId %v, header %q", r.Errors[0].Extensions["requestId"], resp.header.Get(httpapi.RequestIDHeader))
	}
	if took < timeout || took > timeout+2*time.Second {
		t.Errorf("answered after %v, want just after the %v deadline", took, timeout)
	}
	if h.ta.Store.Dialect() != store.Postgres {
		return
	}

	// The app's own store settings: a store opened as the app opens it, with a short request
	// timeout, has its statements cancelled by the server even when the caller set no deadline.
	cfg.RequestTimeout = 400 * time.Millisecond
	st, err := OpenStore(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start = time.Now()
	_, err = st.CountDecisions(ctx) // waits for the lock held above
	if took := time.Since(start); !errors.Is(err, context.DeadlineExceeded) || took > 2*time.Second {
		t.Errorf("a statement waiting for a lock, no deadline on its context: %v after %v; want a timeout after about 400ms", err, took)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	// A transaction left idle for longer than twice the request timeout is ended by the server.
	err = st.InTx(ctx, func(tx *store.Store) error {
		if _, err := tx.CountDecisions(ctx); err != nil {
			return err
		}
		time.Sleep(3 * cfg.RequestTimeout)
		_, err := tx.CountDecisions(ctx)
		return err
	})
	if err == nil {
		t.Error("a transaction idle for 3 × the request timeout was not ended")
	}
}

// testInternalErrors: an unexpected failure reaches the client as INTERNAL with the request id
// and nothing of the cause, and the log has the cause under the same id. It closes the database.
func (h *hardening) testInternalErrors(t *testing.T) {
	reader := h.ta.caller(t, auth.Auditor) // a token, remembered: the failure comes after authentication
	h.warm(t, reader)
	logs := &lockedBuffer{}
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(logs, nil)))
	t.Cleanup(func() { slog.SetDefault(prev) })
	h.ta.Store.Close()
	resp := h.do(t, nil, httpRequest{body: operation(`{ decisions(first: 5) { nodes { id } } }`, nil), caller: reader})
	r := resp.gql(t)
	id := resp.header.Get(httpapi.RequestIDHeader)
	if r.code() != graph.CodeInternal || r.Errors[0].Message != "internal error" || r.Errors[0].Extensions["requestId"] != id {
		t.Fatalf("errors %s; want INTERNAL with request id %s", errorsJSON(r), id)
	}
	var line string
	for l := range strings.SplitSeq(logs.String(), "\n") {
		if strings.Contains(l, "request_id="+id) {
			line = l
		}
	}
	if !strings.Contains(line, "database is closed") {
		t.Errorf("no log line with request_id=%s and the cause: %s", id, logs)
	}
}

// lockedBuffer is a bytes.Buffer safe for concurrent writers.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestHardeningConfig: the playground and introspection default to on for the embedded database
// and off with DATABASE_URL, and the complexity limit defaults to 300.
func TestHardeningConfig(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		name                      string
		vars                      map[string]string
		args                      []string
		introspection, playground bool
		limit                     int
		wantErr                   bool
	}{
		{name: "embedded", introspection: true, playground: true, limit: graph.DefaultComplexityLimit},
		{name: "PostgreSQL", vars: map[string]string{"DATABASE_URL": "postgres://x@db/x"}, limit: graph.DefaultComplexityLimit},
		{name: "PostgreSQL with both on", vars: map[string]string{"DATABASE_URL": "postgres://x@db/x", "GRAPHQL_INTROSPECTION": "true",
			"GRAPHQL_PLAYGROUND": "true", "GRAPHQL_COMPLEXITY_LIMIT": "500"}, introspection: true, playground: true, limit: 500},
		{name: "embedded with the playground off by flag", args: []string{"-playground=false", "-complexity-limit", "120"},
			introspection: true, limit: 120},
		{name: "a limit below 1", vars: map[string]string{"GRAPHQL_COMPLEXITY_LIMIT": "0"}, wantErr: true},
		{name: "a limit that is no number", vars: map[string]string{"GRAPHQL_COMPLEXITY_LIMIT": "lots"}, wantErr: true},
		{name: "a playground that is no boolean", vars: map[string]string{"GRAPHQL_PLAYGROUND": "maybe"}, wantErr: true},
		{name: "no request timeout", vars: map[string]string{"REQUEST_TIMEOUT": "0s"}, wantErr: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := ParseConfig("test", c.args, env(c.vars))
			if c.wantErr {
				if err == nil {
					t.Error("accepted")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Introspection != c.introspection || cfg.Playground != c.playground || cfg.ComplexityLimit != c.limit {
				t.Errorf("introspection %v, playground %v, limit %d; want %v, %v, %d", cfg.Introspection, cfg.Playground,
					cfg.ComplexityLimit, c.introspection, c.playground, c.limit)
			}
		})
	}
}
