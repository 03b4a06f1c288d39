package app

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"riskconsole/internal/accounts"
	"riskconsole/internal/auth"
)

// TestOnePersonCannotApproveAlone checks issue 14's separation of duties on both databases. An
// ADMIN used to create an API token with ANALYST and another with APPROVER and use them as maker
// and checker of one change, or grant itself APPROVER. Now no token carries a role that authors,
// approves or grants changes (refused as INVALID naming input.roles, and a token from before that
// rule is refused at authentication), a token belongs to the person who created it, and nobody
// changes their own roles.
func TestOnePersonCannotApproveAlone(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 10)
		e := newFieldEnv(t, ta)
		db := ta.rawDB(t)
		name, password := e.newName("admin"), accounts.NewPassword()
		admin, err := ta.Accounts.CreateUser(systemContext(), accounts.NewUser{Username: name, DisplayName: "Admin",
			Password: password, Roles: []auth.Role{auth.Admin}})
		if err != nil {
			t.Fatal(err)
		}
		adminSession := e.logIn(t, name, password, auth.Admin)

		t.Run("tokens carry no role that authors, approves or grants", func(t *testing.T) {
			const create = `mutation($in: CreateApiTokenInput!) { createApiToken(input: $in) { secret token { id roles } } }`
			tokens := func() int64 { return acctCount(t, db, `SELECT COUNT(*) FROM api_tokens`) }
			for _, roles := range [][]string{{"ANALYST"}, {"APPROVER"}, {"ADMIN"}, {"AUDITOR", "APPROVER"}} {
				before := tokens()
				r, _ := e.send(t, adminSession, create, map[string]any{"in": map[string]any{"name": "maker", "roles": roles}})
				if r.code() != "INVALID" || !slices.Equal(errorFields(r), []string{"input.roles"}) {
					t.Errorf("token with %v: %s, want INVALID naming input.roles", roles, errorsJSON(r))
				}
				if n := tokens() - before; n != 0 {
					t.Errorf("token with %v: %d written", roles, n)
				}
			}
			// A token of a role a token may carry belongs to the person who created it.
			r, _ := e.send(t, adminSession, create, map[string]any{"in": map[string]any{"name": "nightly", "roles": []string{"AUDITOR"}}})
			var out struct {
				CreateAPIToken struct{ Token struct{ ID string } } `json:"createApiToken"`
			}
			decodeData(t, r, &out)
			var owner string
			if err := db.QueryRow(`SELECT owner FROM api_tokens WHERE id = $1`, out.CreateAPIToken.Token.ID).Scan(&owner); err != nil ||
				owner != string(auth.UserPerson(admin.ID)) {
				t.Errorf("token owner %q (%v), want %s", owner, err, auth.UserPerson(admin.ID))
			}
		})

		t.Run("an ADMIN cannot change its own roles", func(t *testing.T) {
			const set = `mutation($id: ID!, $roles: [Role!]!) { setUserRoles(id: $id, roles: $roles) { roles } }`
			self := map[string]any{"id": fmt.Sprint(admin.ID), "roles": []string{"ADMIN", "APPROVER"}}
			r, requestID := e.send(t, adminSession, set, self)
			if r.code() != "FORBIDDEN" {
				t.Fatalf("granting itself APPROVER: %s, want FORBIDDEN", errorsJSON(r))
			}
			var roles string
			if err := db.QueryRow(`SELECT roles FROM users WHERE id = $1`, admin.ID).Scan(&roles); err != nil || roles != "ADMIN" {
				t.Errorf("roles %q (%v) after the refusal", roles, err)
			}
			if got := eventsOf(t, db, requestID); len(got) != 1 || got[0].action != "access.denied" || got[0].entityID != "Mutation.setUserRoles" {
				t.Errorf("audit events of the refusal: %+v, want one access.denied", got)
			}
			// Another ADMIN may.
			if r := ta.post(t, auth.Admin, set, self); len(r.Errors) > 0 {
				t.Errorf("another ADMIN: %s", errorsJSON(r))
			}
		})

		t.Run("a token from before the rule is refused", func(t *testing.T) {
			// What an ADMIN could create before: tokens holding ANALYST and APPROVER, both its own.
			legacy := map[auth.Role]string{}
			for _, role := range []auth.Role{auth.Analyst, auth.Approver} {
				secret := auth.NewTokenSecret()
				tok, err := ta.Store.CreateToken(context.Background(), "legacy-"+string(role), auth.HashToken(secret), []auth.Role{auth.Auditor}, nil)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := db.Exec(`UPDATE api_tokens SET roles = $1, created_by = $2, owner = $3 WHERE id = $4`, string(role),
					(&auth.Principal{Kind: auth.UserKind, UserID: admin.ID, Name: name}).Subject(), string(auth.UserPerson(admin.ID)), tok.ID); err != nil {
					t.Fatal(err)
				}
				legacy[role] = secret
			}
			for _, kind := range []struct {
				name, create, submit, approve string
			}{
				{"thresholds", `mutation { d: createThresholdDraft(market: "SE") { id } }`,
					`mutation($id: ID!) { submitThresholdDraft(id: $id, revision: 1, rationale: "tighter") { id } }`,
					`mutation($id: ID!) { d: approveThresholdDraft(id: $id) { status } }`},
				{"catalog", `mutation { d: createCatalogDraft { id } }`,
					`mutation($id: ID!) { submitCatalogDraft(id: $id, revision: 1) { id } }`,
					`mutation($id: ID!) { d: approveCatalogDraft(id: $id) { status } }`},
				{"bad definition", `mutation { d: createBadDefinitionDraft(market: "SE") { id } }`,
					`mutation($id: ID!) { submitBadDefinitionDraft(id: $id, revision: 1, rationale: "tighter") { id } }`,
					`mutation($id: ID!) { d: approveBadDefinitionDraft(id: $id) { status } }`},
			} {
				if r := ta.gqlWithToken(t, legacy[auth.Analyst], kind.create, nil); r.Status != http.StatusUnauthorized {
					t.Errorf("%s: a draft by an ANALYST token: status %d, want 401: %s", kind.name, r.Status, errorsJSON(r))
				}
				var d struct{ D struct{ ID, Status string } }
				decodeData(t, ta.post(t, auth.Analyst, kind.create, nil), &d)
				id := d.D.ID
				if r := ta.post(t, auth.Analyst, kind.submit, map[string]any{"id": id}); len(r.Errors) > 0 {
					t.Fatalf("%s: submit: %s", kind.name, errorsJSON(r))
				}
				r := ta.gqlWithToken(t, legacy[auth.Approver], kind.approve, map[string]any{"id": id})
				if r.Status != http.StatusUnauthorized || r.code() != "UNAUTHENTICATED" {
					t.Errorf("%s: approval by an APPROVER token: status %d, %s; want 401", kind.name, r.Status, errorsJSON(r))
				}
				// Still waiting for a second person, who may approve it.
				decodeData(t, ta.post(t, auth.Approver, kind.approve, map[string]any{"id": id}), &d)
				if d.D.Status != "APPROVED" {
					t.Errorf("%s: approved by another person: status %q", kind.name, d.D.Status)
				}
			}
			// An ADMIN still sees the refused tokens, to revoke them.
			r := ta.post(t, auth.Admin, `{ apiTokens(first: 100) { nodes { name roles revokedAt } } }`, nil)
			if !strings.Contains(string(r.Data), `"name":"legacy-APPROVER","roles":["APPROVER"]`) {
				t.Errorf("legacy token not listed: %s", truncate(string(r.Data), 500))
			}
		})
	})
}
