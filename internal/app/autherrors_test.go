package app

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/auth"
	"riskconsole/internal/httpapi"
)

// TestAuthErrorsAnswerAlike sends /graphql requests without a usable bearer token through the
// real handler: a missing token and a malformed, unknown, revoked or expired one all answer 401
// with the Bearer challenge and one error of code UNAUTHENTICATED carrying the request id; a
// token without the field's role answers FORBIDDEN without its name. The checks read no data, so
// SQLite alone is enough.
func TestAuthErrorsAnswerAlike(t *testing.T) {
	ta := newTestApp(t, "sqlite", 0)
	ctx := context.Background()
	// A name that must not come back: token names are their owner's labels.
	const secretName = "checkout-eu-west-prod"
	token := func(name string, roles []auth.Role, expires *time.Time) (auth.Token, string) {
		secret := auth.NewTokenSecret()
		tok, err := ta.Store.CreateToken(ctx, name, auth.HashToken(secret), roles, expires)
		if err != nil {
			t.Fatal(err)
		}
		return tok, secret
	}
	past := time.Now().Add(-time.Minute)
	_, expired := token("expired-"+secretName, []auth.Role{auth.Auditor}, &past)
	revokedTok, revoked := token("revoked-"+secretName, []auth.Role{auth.Auditor}, nil)
	if err := ta.Store.RevokeToken(ctx, revokedTok.ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	_, service := token(secretName, []auth.Role{auth.Service}, nil)

	const query = `{ verifyAuditChain { ok } }`
	body, _ := json.Marshal(map[string]any{"query": query})
	cases := []struct {
		name          string
		mode          httpapi.TrustedDocumentsMode
		authorization string // the whole header; "" for none
		wantStatus    int
		wantCode      string
	}{
		{"missing token", httpapi.TrustedDocumentsOff, "", http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"missing token, trusted documents for cookies", httpapi.TrustedDocumentsCookie, "", http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"malformed: another scheme", httpapi.TrustedDocumentsOff, "Basic dXNlcjpwYXNz", http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"malformed: no scheme", httpapi.TrustedDocumentsOff, ta.Tokens[auth.Auditor], http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"malformed: empty bearer", httpapi.TrustedDocumentsOff, "Bearer ", http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"unknown token", httpapi.TrustedDocumentsOff, "Bearer " + auth.NewTokenSecret(), http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"revoked token", httpapi.TrustedDocumentsOff, "Bearer " + revoked, http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"expired token", httpapi.TrustedDocumentsOff, "Bearer " + expired, http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"token without the role", httpapi.TrustedDocumentsOff, "Bearer " + service, http.StatusOK, "FORBIDDEN"},
		{"token without the role, trusted documents for cookies", httpapi.TrustedDocumentsCookie, "Bearer " + service, http.StatusOK, "FORBIDDEN"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ta.Config.TrustedDocuments = c.mode
			ta.Server.Config.Handler = ta.Handler()
			r := acctRequest{method: http.MethodPost, path: "/graphql", body: body, header: map[string]string{}}
			if c.authorization != "" {
				r.header["Authorization"] = c.authorization
			}
			rec := ta.acctDo(t, r)
			var out gqlResponse
			if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
				t.Fatalf("status %d, body is not JSON: %s", rec.Code, rec.Body)
			}
			if rec.Code != c.wantStatus || out.code() != c.wantCode || len(out.Errors) != 1 {
				t.Fatalf("status %d code %q, want %d %q and one error: %s", rec.Code, out.code(), c.wantStatus, c.wantCode, rec.Body)
			}
			e := out.Errors[0]
			if id, _ := e.Extensions["requestId"].(string); id == "" || id != rec.Header().Get(httpapi.RequestIDHeader) {
				t.Errorf("requestId %q, header %q", id, rec.Header().Get(httpapi.RequestIDHeader))
			}
			if len(out.Data) > 0 && string(out.Data) != "null" {
				t.Errorf("data %s, want none", out.Data)
			}
			if strings.Contains(rec.Body.String(), secretName) {
				t.Errorf("the answer names the token: %s", rec.Body)
			}
			if c.wantStatus != http.StatusUnauthorized {
				return
			}
			// One shape for every 401: the challenge, a message that says to sign in, and no
			// extension but the code and the request id.
			if got := rec.Header().Get("WWW-Authenticate"); got != auth.WWWAuthenticate {
				t.Errorf("WWW-Authenticate %q, want %q", got, auth.WWWAuthenticate)
			}
			if !strings.HasPrefix(e.Message, "sign in required") {
				t.Errorf("message %q, want it to start with 'sign in required'", e.Message)
			}
			keys := make([]string, 0, len(e.Extensions))
			for k := range e.Extensions {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			if !slices.Equal(keys, []string{"code", "requestId"}) {
				t.Errorf("extensions %v, want code and requestId", e.Extensions)
			}
		})
	}
}
