package app

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/glebarez/sqlite"     // registers the "sqlite" database/sql driver (glebarez/go-sqlite)
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"riskconsole/internal/auth"
	"riskconsole/internal/engine"
)

// Helpers shared by the API tests: scenario tables, raw requests, purchase inputs and the check
// that no error message ever carries SQL.

// scenario is one API call and what must come back, in the style of pocketbase's API tests.
type scenario struct {
	name  string
	role  auth.Role // "" for anonymous
	query string
	vars  map[string]any

	wantStatus  int      // 0 means 200
	wantCode    string   // extensions.code of the first error; "" means no errors at all
	wantFields  []string // with INVALID: extensions.fields must name exactly these
	wantNull    string   // a root field that must be null in data (or data itself null)
	wantContent []string // substrings of the response (data and errors as JSON)
	notContent  []string // substrings that must not appear
	check       func(t *testing.T, r *gqlResponse)
}

// run performs s against ta and checks every expectation.
func (s *scenario) run(t *testing.T, ta *testApp) *gqlResponse {
	t.Helper()
	r := ta.gql(t, s.role, s.query, s.vars)
	s.verify(t, r)
	return r
}

func (s *scenario) verify(t *testing.T, r *gqlResponse) {
	t.Helper()
	want := s.wantStatus
	switch {
	case want != 0:
	case s.wantCode == "UNAUTHENTICATED":
		want = http.StatusUnauthorized // a missing token is answered as a bad one is
	default:
		want = http.StatusOK
	}
	if r.Status != want {
		t.Errorf("status %d, want %d (errors %s)", r.Status, want, errorsJSON(r))
	}
	switch {
	case s.wantCode == "" && len(r.Errors) > 0:
		t.Errorf("unexpected errors: %s", errorsJSON(r))
	case s.wantCode != "" && r.code() != s.wantCode:
		t.Errorf("code %q, want %q (errors %s)", r.code(), s.wantCode, errorsJSON(r))
	}
	if s.wantCode != "" && len(r.Errors) != 1 {
		t.Errorf("%d errors, want exactly 1: %s", len(r.Errors), errorsJSON(r))
	}
	if s.wantFields != nil {
		got := errorFields(r)
		if !slices.Equal(sorted(got), sorted(s.wantFields)) {
			t.Errorf("extensions.fields name %v, want %v", got, s.wantFields)
		}
	}
	if s.wantNull != "" {
		if v := dataField(t, r, s.wantNull); v != "null" {
			t.Errorf("data.%s = %s, want null", s.wantNull, v)
		}
	}
	all := responseText(r)
	for _, c := range s.wantContent {
		if !strings.Contains(all, c) {
			t.Errorf("response lacks %q: %s", c, truncate(all, 2000))
		}
	}
	for _, c := range s.notContent {
		if strings.Contains(all, c) {
			t.Errorf("response contains %q: %s", c, truncate(all, 2000))
		}
	}
	if s.check != nil && !t.Failed() {
		s.check(t, r)
	}
}

// gql posts a GraphQL request as role and checks that no error message leaks SQL.
func (ta *testApp) gql(tb testing.TB, role auth.Role, query string, vars map[string]any) *gqlResponse {
	tb.Helper()
	r := ta.post(tb, role, query, vars)
	checkNoSQL(tb, r)
	return r
}

// gqlWithToken posts a GraphQL request with the given bearer secret.
func (ta *testApp) gqlWithToken(tb testing.TB, secret, query string, vars map[string]any) *gqlResponse {
	tb.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return ta.raw(tb, http.MethodPost, "/graphql", "Bearer "+secret, body)
}

// raw sends an HTTP request with an optional Authorization header and decodes a GraphQL-shaped
// answer; a body that is not JSON fails the test, and so does SQL in an error message.
func (ta *testApp) raw(tb testing.TB, method, path, authorization string, body []byte) *gqlResponse {
	tb.Helper()
	r, err := ta.send(method, path, authorization, body)
	if err != nil {
		tb.Fatal(err)
	}
	checkNoSQL(tb, r)
	return r
}

// send is raw for goroutines other than the test's, which must not call tb.Fatal.
func (ta *testApp) send(method, path, authorization string, body []byte) (*gqlResponse, error) {
	req, err := http.NewRequest(method, ta.Server.URL+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	resp, err := ta.Server.Client().Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	out := &gqlResponse{Status: resp.StatusCode}
	if err := json.Unmarshal(b, out); err != nil {
		return nil, fmt.Errorf("%s %s: status %d, body is not JSON: %v: %s", method, path, resp.StatusCode, err, truncate(string(b), 500))
	}
	return out, nil
}

// sqlMarkers are fragments that only SQL or a database driver would put in a message.
var sqlMarkers = []string{"SELECT", "INSERT", "UPDATE ", "DELETE ", "sql", "pq:", "SQLSTATE", "pgx", "gorm", "constraint"}

// checkNoSQL fails when any error message of r carries SQL text or driver messages.
func checkNoSQL(tb testing.TB, r *gqlResponse) {
	tb.Helper()
	for _, e := range r.Errors {
		for _, m := range sqlMarkers {
			msg := e.Message
			if m == "sql" {
				msg = strings.ToLower(msg)
			}
			if strings.Contains(msg, m) {
				tb.Errorf("error message leaks %q: %q", m, e.Message)
			}
		}
	}
}

// errorsJSON renders r's errors for failure messages.
func errorsJSON(r *gqlResponse) string {
	b, _ := json.Marshal(r.Errors)
	return string(b)
}

// responseText is r's data and errors as JSON, for content checks.
func responseText(r *gqlResponse) string {
	return string(r.Data) + " " + errorsJSON(r)
}

// errorFields returns the field paths of the extensions.fields of r's first error.
func errorFields(r *gqlResponse) []string {
	if len(r.Errors) == 0 {
		return nil
	}
	list, _ := r.Errors[0].Extensions["fields"].([]any)
	out := []string{}
	for _, f := range list {
		if m, ok := f.(map[string]any); ok {
			name, _ := m["field"].(string)
			out = append(out, name)
		}
	}
	return out
}

// dataField returns the raw JSON of data.<name>; "null" when data itself is null.
func dataField(tb testing.TB, r *gqlResponse, name string) string {
	tb.Helper()
	if len(r.Data) == 0 || string(r.Data) == "null" {
		return "null"
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(r.Data, &m); err != nil {
		tb.Fatalf("data is not an object: %s", r.Data)
	}
	v, ok := m[name]
	if !ok {
		tb.Fatalf("data has no field %q: %s", name, r.Data)
	}
	return string(v)
}

// decodeData unmarshals r's data into v, failing on errors.
func decodeData(tb testing.TB, r *gqlResponse, v any) {
	tb.Helper()
	if len(r.Errors) > 0 || r.Status != http.StatusOK {
		tb.Fatalf("status %d, errors %s", r.Status, errorsJSON(r))
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		tb.Fatalf("decode data: %v: %s", err, truncate(string(r.Data), 500))
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// countDecisions returns the number of stored decisions.
func (ta *testApp) countDecisions(tb testing.TB) int64 {
	tb.Helper()
	n, err := ta.Store.CountDecisions(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// rawDB opens the app's database with database/sql, bypassing the store: the same PostgreSQL
// database through pgx, or the same SQLite file through glebarez/go-sqlite.
func (ta *testApp) rawDB(tb testing.TB) *sql.DB {
	tb.Helper()
	driver, dsn := "sqlite", "file:"+ta.Config.SQLitePath()+"?_pragma=busy_timeout(10000)"
	if ta.Config.DatabaseURL != "" {
		driver, dsn = "pgx", ta.ownerURL()
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	// Registered after the test database's cleanup, so it runs first and the drop finds no
	// connection of ours.
	tb.Cleanup(func() { db.Close() })
	if err := db.Ping(); err != nil {
		tb.Fatal(err)
	}
	return db
}

// Purchases.

const assessMutation = `mutation($input: PurchaseInput!, $key: String!) {
  assessPurchase(input: $input, idempotencyKey: $key) {
    decisionId reference createdAt outcome
    reasons { rank code }
    message { locale title body steps }
  }
}`

// assessment is the answer of assessPurchase.
type assessment struct {
	DecisionID string    `json:"decisionId"`
	Reference  string    `json:"reference"`
	CreatedAt  time.Time `json:"createdAt"`
	Outcome    string    `json:"outcome"`
	Reasons    []struct {
		Rank int    `json:"rank"`
		Code string `json:"code"`
	} `json:"reasons"`
	Message *message `json:"message"`
}

type message struct {
	Locale string   `json:"locale"`
	Title  string   `json:"title"`
	Body   string   `json:"body"`
	Steps  []string `json:"steps"`
}

func (a *assessment) reasonCodes() []string {
	out := make([]string, len(a.Reasons))
	for i, r := range a.Reasons {
		out[i] = r.Code
	}
	return out
}

// goodValues are measured values that pass every rule of any sensible threshold set: the
// declared passing values (engine.PassingValues) by input field.
func goodValues() map[string]any {
	v := engine.PassingValues()
	out := make(map[string]any, len(v))
	for i := range engine.Measures {
		out[engine.Measures[i].Field] = v[i]
	}
	return out
}

// marketOf gives each market's currency and a locale.
var marketOf = map[string]struct{ currency, locale string }{
	"US": {"USD", "en-US"}, "GB": {"GBP", "en-GB"}, "SE": {"SEK", "sv-SE"}, "DE": {"EUR", "de-DE"},
}

// purchaseInput returns a valid purchase in market; change may edit it (values included).
func purchaseInput(market string, amount float64, change func(in, values map[string]any)) map[string]any {
	m := marketOf[market]
	values := goodValues()
	in := map[string]any{
		"market": market, "currency": m.currency, "amount": amount,
		"merchant":  map[string]any{"id": "m-test-1", "name": "Nordic Outdoor AB", "category": "SPORTS"},
		"shopperId": "s-test-1", "locale": m.locale, "channel": "WEB", "values": values,
	}
	if change != nil {
		change(in, values)
	}
	return in
}

// assess calls assessPurchase as SERVICE and returns the assessment, failing on any error.
func (ta *testApp) assess(tb testing.TB, input map[string]any, key string) assessment {
	tb.Helper()
	r := ta.gql(tb, auth.Service, assessMutation, map[string]any{"input": input, "key": key})
	var out struct {
		AssessPurchase assessment `json:"assessPurchase"`
	}
	decodeData(tb, r, &out)
	return out.AssessPurchase
}

// uniqueKey returns an idempotency key no other call of the test run uses. It leaves the test's
// name out: that names the database, which checkNoSQL would take for a leak when a message
// quotes the key.
func uniqueKey(suffix string) string {
	return fmt.Sprintf("key-%s-%d-%d", suffix, keySeq.Add(1), time.Now().UnixNano())
}

var keySeq atomic.Int64

// cloneInput deep-copies a purchase input so that a changed copy leaves the original alone.
func cloneInput(in map[string]any) map[string]any {
	out := maps.Clone(in)
	out["merchant"] = maps.Clone(in["merchant"].(map[string]any))
	out["values"] = maps.Clone(in["values"].(map[string]any))
	return out
}
