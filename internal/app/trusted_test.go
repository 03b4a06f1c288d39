package app

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"riskconsole/internal/auth"
	"riskconsole/internal/httpapi"
	"riskconsole/ui"
)

// uiDocument returns the hash and text of the embedded manifest's document that contains
// fragment, failing when there is none: the tests run the UI's real operations.
func uiDocument(tb testing.TB, fragment string) (hash, doc string) {
	tb.Helper()
	var docs map[string]string // graphql-codegen's manifest: "sha256:<hex>" to the document
	if err := json.Unmarshal(ui.TrustedDocuments(), &docs); err != nil {
		tb.Fatal(err)
	}
	for key, d := range docs {
		if strings.Contains(d, fragment) {
			return strings.TrimPrefix(key, "sha256:"), d
		}
	}
	tb.Fatalf("no UI document contains %q (is ui/src/gql/persisted-documents.json generated?)", fragment)
	return "", ""
}

// TestTrustedDocuments runs the UI's persisted documents and ad-hoc queries through the real
// handler, with GRAPHQL_TRUSTED_DOCUMENTS off and cookie, as a console session, an API token and
// an anonymous caller. The check reads no data, so SQLite alone is enough.
func TestTrustedDocuments(t *testing.T) {
	ta := newTestApp(t, "sqlite", 0)
	_, password := ta.acctUser(t, "auditor.trusted", auth.Auditor)
	cookie := ta.acctSignIn(t, "192.0.2.10", "auditor.trusted", password)
	hash, doc := uiDocument(t, "verifyAuditChain")
	persisted := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}
	const adHoc = `{ verifyAuditChain { ok } }`

	type body map[string]any
	session := acctRequest{cookie: cookie, origin: "self"}
	token := acctRequest{bearer: ta.Tokens[auth.Auditor]}
	anonymous := acctRequest{origin: "self"}
	cases := []struct {
		name     string
		mode     httpapi.TrustedDocumentsMode
		caller   acctRequest
		body     body
		wantCode string // "" for success
	}{
		{"off: a session runs a persisted document", httpapi.TrustedDocumentsOff, session, body{"extensions": persisted}, ""},
		{"off: a session runs an ad-hoc query", httpapi.TrustedDocumentsOff, session, body{"query": adHoc}, ""},
		{"off: an unknown hash is APQ's not found", httpapi.TrustedDocumentsOff, session,
			body{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": strings.Repeat("0", 64)}}},
			httpapi.CodePersistedQueryNotFound},
		{"cookie: a session's unknown hash is refused", httpapi.TrustedDocumentsCookie, session,
			body{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": strings.Repeat("0", 64)}}},
			httpapi.CodePersistedDocumentNotFound},
		{"cookie: an APQ version other than 1 is refused", httpapi.TrustedDocumentsCookie, session,
			body{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 2, "sha256Hash": hash}}}, "INVALID"},
		{"cookie: a session runs a persisted document", httpapi.TrustedDocumentsCookie, session, body{"extensions": persisted}, ""},
		{"cookie: a session may send the document's own text along", httpapi.TrustedDocumentsCookie, session,
			body{"query": doc, "extensions": persisted}, ""},
		{"cookie: a hash in capitals is the same hash", httpapi.TrustedDocumentsCookie, session,
			body{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": strings.ToUpper(hash)}}}, ""},
		{"cookie: a session's ad-hoc query is refused", httpapi.TrustedDocumentsCookie, session, body{"query": adHoc}, httpapi.CodeTrustedDocumentRequired},
		{"cookie: another query under a persisted hash is refused", httpapi.TrustedDocumentsCookie, session,
			body{"query": adHoc, "extensions": persisted}, "INVALID"},
		{"cookie: a malformed persistedQuery is refused", httpapi.TrustedDocumentsCookie, session,
			body{"query": adHoc, "extensions": map[string]any{"persistedQuery": "yes"}}, "INVALID"},
		{"cookie: a hash of the wrong length is refused", httpapi.TrustedDocumentsCookie, session,
			body{"extensions": map[string]any{"persistedQuery": map[string]any{"sha256Hash": "abc"}}}, "INVALID"},
		{"cookie: an anonymous ad-hoc query must sign in", httpapi.TrustedDocumentsCookie, anonymous, body{"query": adHoc}, "UNAUTHENTICATED"},
		{"cookie: an anonymous persisted document still needs a sign-in", httpapi.TrustedDocumentsCookie, anonymous,
			body{"extensions": persisted}, "UNAUTHENTICATED"},
		{"cookie: an API token runs ad-hoc queries", httpapi.TrustedDocumentsCookie, token, body{"query": adHoc}, ""},
		{"cookie: an API token runs persisted documents", httpapi.TrustedDocumentsCookie, token, body{"extensions": persisted}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ta.Config.TrustedDocuments = c.mode
			ta.Server.Config.Handler = ta.Handler()
			r := c.caller
			r.method, r.path = http.MethodPost, "/graphql"
			r.body, _ = json.Marshal(c.body)
			rec := ta.acctDo(t, r)
			var out gqlResponse
			if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
				t.Fatalf("status %d, body is not JSON: %s", rec.Code, rec.Body)
			}
			if got := out.code(); got != c.wantCode {
				t.Fatalf("code %q, want %q: %s", got, c.wantCode, rec.Body)
			}
			if c.wantCode == "" {
				var v struct {
					VerifyAuditChain struct{ OK bool } `json:"verifyAuditChain"`
				}
				if err := json.Unmarshal(out.Data, &v); err != nil || !v.VerifyAuditChain.OK {
					t.Fatalf("data %s", out.Data)
				}
				return
			}
			if id, _ := out.Errors[0].Extensions["requestId"].(string); id == "" || id != rec.Header().Get(httpapi.RequestIDHeader) {
				t.Errorf("requestId %q, header %q", id, rec.Header().Get(httpapi.RequestIDHeader))
			}
		})
	}
}

// TestTrustedDocumentsConfig: GRAPHQL_TRUSTED_DOCUMENTS defaults to off, takes cookie, and the
// flag wins over the variable.
func TestTrustedDocumentsConfig(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "GRAPHQL_TRUSTED_DOCUMENTS" {
				return v
			}
			return ""
		}
	}
	cases := []struct {
		name, value string
		args        []string
		want        httpapi.TrustedDocumentsMode
		wantErr     bool
	}{
		{name: "default", want: httpapi.TrustedDocumentsOff},
		{name: "cookie", value: "cookie", want: httpapi.TrustedDocumentsCookie},
		{name: "the flag wins", value: "cookie", args: []string{"-trusted-documents", "off"}, want: httpapi.TrustedDocumentsOff},
		{name: "unknown value", value: "strict", wantErr: true},
		{name: "unknown flag value", args: []string{"-trusted-documents=all"}, wantErr: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := ParseConfig("test", c.args, env(c.value))
			if c.wantErr != (err != nil) {
				t.Fatalf("err %v, want error %v", err, c.wantErr)
			}
			if err == nil && cfg.TrustedDocuments != c.want {
				t.Errorf("mode %q, want %q", cfg.TrustedDocuments, c.want)
			}
		})
	}
}
