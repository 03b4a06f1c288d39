package app

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql/handler/transport"

	"riskconsole/internal/auth"
	"riskconsole/internal/httpapi"
)

// handlerWith is the app's HTTP handler with its options changed by change.
func (a *App) handlerWith(change func(*httpapi.Options)) http.Handler {
	o := a.httpOptions()
	change(&o)
	return httpapi.New(a.Services, o)
}

// bodyEcho matches the echo of the request body that ends gqlgen's decode error message.
var bodyEcho = regexp.MustCompile(`(could not be decoded: [^"]*?) body:(?:[^"\\]|\\.)*"`)

// TestPostTransportMatchesGqlgen sends the same requests through the handler built on the
// console's POST transport and on gqlgen's transport.POST and wants the same status, content
// type and body.
func TestPostTransportMatchesGqlgen(t *testing.T) {
	ta := newTestApp(t, "sqlite", 200)
	ours, theirs := ta.Handler(), ta.handlerWith(func(o *httpapi.Options) { o.Transport = transport.POST{} })
	page := `{"query":"{ decisions(first: 20) { nodes { id reference createdAt amount merchant { name } outcome reasons { rank code factor } breakdown thresholdVersion { id version } message { locale title body steps } } pageInfo { hasNextPage endCursor } } }"}`
	cases := []struct {
		name, role, contentType, accept, body string
	}{
		{"page", "AUDITOR", "application/json", "", page},
		{"page accept graphql-response", "AUDITOR", "application/json", "application/graphql-response+json", page},
		{"page accept list", "AUDITOR", "application/json; charset=utf-8", "text/html, application/*;q=0.9", page},
		{"page accept unknown", "AUDITOR", "application/json", "text/html", page},
		{"viewer", "AUDITOR", "application/json", "", `{"query":"{ viewer { name roles } }"}`},
		{"not found with html", "AUDITOR", "application/json", "", `{"query":"query($r: String!) { decisionByReference(reference: $r) { id } }","variables":{"r":"<a&b>\u2028"}}`},
		{"forbidden", "AGENT", "application/json", "", page},
		{"anonymous", "", "application/json", "", page},
		{"invalid argument", "AUDITOR", "application/json", "", `{"query":"{ decisions(first: 500) { nodes { id } } }"}`},
		{"syntax error", "AUDITOR", "application/json", "", `{"query":"{ decisions(first: "}`},
		{"syntax error graphql-response", "AUDITOR", "application/json", "application/graphql-response+json", `{"query":"{ decisions(first: "}`},
		{"unknown field", "AUDITOR", "application/json", "", `{"query":"{ nope }"}`},
		{"bad variables", "SERVICE", "application/json", "", `{"query":"mutation($in: PurchaseInput!) { assessPurchase(input: $in, idempotencyKey: \"k\") { outcome } }","variables":{"in":{"market":1}}}`},
		{"bad json", "AUDITOR", "application/json", "", `{"query": <nope>`},
		{"empty body", "AUDITOR", "application/json", "", ``},
		{"no query", "AUDITOR", "application/json", "", `{}`},
		{"wrong content type", "ANALYST", "text/plain", "", page},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			do := func(h http.Handler) *httptest.ResponseRecorder {
				req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(c.body))
				req.Header.Set("Content-Type", c.contentType)
				// One request id for both, so that the ids in the error extensions match.
				req.Header.Set(httpapi.RequestIDHeader, "transport-test")
				if c.accept != "" {
					req.Header.Set("Accept", c.accept)
				}
				if c.role != "" {
					req.Header.Set("Authorization", "Bearer "+ta.Tokens[auth.Role(c.role)])
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				return rec
			}
			got, want := do(ours), do(theirs)
			// The one deliberate difference: gqlgen echoes an undecodable body in its error
			// message, which may carry a password; ours does not.
			wantBody := bodyEcho.ReplaceAllString(want.Body.String(), `$1"`)
			// The other: an anonymous caller refused a field is answered 401, as a bad token is.
			wantCode := want.Code
			if c.role == "" && want.Code == http.StatusOK && strings.Contains(want.Body.String(), `"UNAUTHENTICATED"`) {
				wantCode = http.StatusUnauthorized
			}
			if got.Code != wantCode || got.Header().Get("Content-Type") != want.Header().Get("Content-Type") || got.Body.String() != wantBody {
				t.Errorf("ours: %d %q %s\ngqlgen: %d %q %s", got.Code, got.Header().Get("Content-Type"), got.Body.Bytes(),
					want.Code, want.Header().Get("Content-Type"), want.Body.Bytes())
			}
		})
	}
}
