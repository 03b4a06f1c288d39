package app

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"riskconsole/internal/auth"
	"riskconsole/internal/httpapi"
)

// TestSuggestionsOnlyForExplorers: gqlparser's "Did you mean …" suggestions (the names closest
// to a wrong field or argument) spell the schema out to whoever guesses. They
// reach only callers who may introspect: introspection on and a role that may explore. Anonymous
// callers, AGENT and SERVICE, and everyone when introspection is off, get the error without them.
func TestSuggestionsOnlyForExplorers(t *testing.T) {
	ta := newTestApp(t, "sqlite", 0) // introspection on, as on the embedded demo
	off := ta.handlerWith(func(o *httpapi.Options) { o.Introspection = false })
	queries := []struct{ query, message string }{
		{`{ decisoins(first: 1) { nodes { id } } }`, `Cannot query field "decisoins" on type "Query".`},
		{`{ decisions(first: 1) { nodes { id outcom } } }`, `Cannot query field "outcom" on type "Decision".`},
		{`{ decisions(frist: 1) { nodes { id } } }`, `Unknown argument "frist" on field "Query.decisions".`},
	}
	for _, c := range []struct {
		name    string
		handler http.Handler
		role    auth.Role
		suggest bool
	}{
		{"anonymous", ta.Handler(), "", false},
		{"AGENT", ta.Handler(), auth.Agent, false},
		{"SERVICE", ta.Handler(), auth.Service, false},
		{"AUDITOR", ta.Handler(), auth.Auditor, true},
		{"AUDITOR, introspection off", off, auth.Auditor, false},
		{"anonymous, introspection off", off, "", false},
	} {
		for _, q := range queries {
			body, _ := json.Marshal(map[string]any{"query": q.query})
			req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			if c.role != "" {
				req.Header.Set("Authorization", "Bearer "+ta.Tokens[c.role])
			}
			rec := httptest.NewRecorder()
			c.handler.ServeHTTP(rec, req)
			var r gqlResponse
			if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil || len(r.Errors) == 0 {
				t.Fatalf("%s: %s: status %d: %s", c.name, q.query, rec.Code, rec.Body)
			}
			msg := r.Errors[0].Message
			if !strings.Contains(msg, q.message) {
				t.Errorf("%s: %s: message %q lacks %q", c.name, q.query, msg, q.message)
			}
			if got := strings.Contains(rec.Body.String(), "Did you mean"); got != c.suggest {
				t.Errorf("%s: %s: suggestions %v, want %v: %s", c.name, q.query, got, c.suggest, msg)
			}
		}
	}
}
