package app

import (
	"encoding/json"
	"net/http"
	"testing"

	"riskconsole/internal/auth"
)

// TestAgentPasswordEndpoint: a support agent, who has no GraphQL mutation, changes their own
// password over POST /auth/password; it needs the session and the console's own origin, checks
// the current password and the policy, and the new password then signs in.
func TestAgentPasswordEndpoint(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta, _ := newAccountsApp(t, dialect)
		_, old := ta.acctUser(t, "agent.paula", auth.Agent)
		cookie := ta.acctSignIn(t, "", "agent.paula", old)
		change := func(origin, cookie, bearer, current, next string) int {
			body, _ := json.Marshal(map[string]string{"currentPassword": current, "newPassword": next})
			return ta.acctDo(t, acctRequest{method: http.MethodPost, path: "/auth/password", body: body, origin: origin, cookie: cookie, bearer: bearer}).Code
		}
		const next = "violet-harbour-lantern-42"
		tests := []struct {
			name                   string
			origin, cookie, bearer string
			current, next          string
			want                   int
		}{
			{name: "another origin", origin: "https://evil.example", cookie: cookie, current: old, next: next, want: http.StatusForbidden},
			{name: "no session", origin: "self", current: old, next: next, want: http.StatusUnauthorized},
			{name: "an API token has no password", origin: "self", bearer: ta.Tokens[auth.Auditor], current: old, next: next, want: http.StatusUnauthorized},
			{name: "wrong current password", origin: "self", cookie: cookie, current: "not-the-password-at-all", next: next, want: http.StatusBadRequest},
			{name: "too short", origin: "self", cookie: cookie, current: old, next: "short", want: http.StatusBadRequest},
			{name: "changed", origin: "self", cookie: cookie, current: old, next: next, want: http.StatusNoContent},
		}
		for _, tt := range tests {
			if got := change(tt.origin, tt.cookie, tt.bearer, tt.current, tt.next); got != tt.want {
				t.Errorf("%s: status %d, want %d", tt.name, got, tt.want)
			}
		}
		if rec := ta.acctLogin(t, "198.51.100.7", "agent.paula", next); rec.Code != http.StatusOK {
			t.Fatalf("sign-in with the new password: status %d", rec.Code)
		}
		if rec := ta.acctLogin(t, "198.51.100.7", "agent.paula", old); rec.Code != http.StatusUnauthorized {
			t.Fatalf("sign-in with the old password: status %d", rec.Code)
		}
	})
}
