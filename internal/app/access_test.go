package app

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"testing"
	"time"

	"riskconsole/internal/auth"
)

// TestAccess checks who may call what: the transport, authentication, and the @hasRole rule of
// every root field, for every role, on both databases.
func TestAccess(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 200)
		testAccess(t, ta)
	})
}

func testAccess(t *testing.T, ta *testApp) {
	// A real decision and threshold version to ask for, so that allowed calls succeed.
	var page struct {
		Decisions struct {
			Nodes []struct {
				ID               string `json:"id"`
				Reference        string `json:"reference"`
				ThresholdVersion struct {
					ID string `json:"id"`
				} `json:"thresholdVersion"`
			} `json:"nodes"`
		} `json:"decisions"`
	}
	decodeData(t, ta.gql(t, auth.Auditor, `{ decisions(first: 1) { nodes { id reference thresholdVersion { id } } } }`, nil), &page)
	if len(page.Decisions.Nodes) != 1 {
		t.Fatalf("seeded database has no decisions")
	}
	d := page.Decisions.Nodes[0]
	assessVars := map[string]any{"input": purchaseInput("US", 120, nil), "key": "access-1"}

	t.Run("GET is refused and executes nothing", func(t *testing.T) {
		before := ta.countDecisions(t)
		vars, _ := json.Marshal(assessVars)
		q := url.Values{"query": {assessMutation}, "variables": {string(vars)}}
		for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
			r := ta.raw(t, method, "/graphql?"+q.Encode(), "Bearer "+ta.Tokens[auth.Service], nil)
			if r.Status != http.StatusMethodNotAllowed {
				t.Errorf("%s: status %d, want 405", method, r.Status)
			}
			if len(r.Data) > 0 && string(r.Data) != "null" {
				t.Errorf("%s: data %s, want none", method, r.Data)
			}
		}
		if after := ta.countDecisions(t); after != before {
			t.Errorf("GET wrote %d decisions", after-before)
		}
	})

	t.Run("bad bearer tokens are refused with 401", func(t *testing.T) {
		expired := auth.NewTokenSecret()
		past := time.Now().Add(-time.Minute)
		if _, err := ta.Store.CreateToken(context.Background(), "expired-checkout", auth.HashToken(expired), []auth.Role{auth.Service}, &past); err != nil {
			t.Fatal(err)
		}
		before := ta.countDecisions(t)
		body, _ := json.Marshal(map[string]any{"query": assessMutation, "variables": assessVars})
		for _, h := range []string{
			"Bearer " + auth.NewTokenSecret(),         // well-formed, unknown
			"Bearer " + ta.Tokens[auth.Service] + "x", // a valid secret, altered
			"Bearer " + expired,
			"Bearer ",
			"Basic dXNlcjpwYXNz",
			ta.Tokens[auth.Service], // no scheme
		} {
			r := ta.raw(t, http.MethodPost, "/graphql", h, body)
			if r.Status != http.StatusUnauthorized || r.code() != "UNAUTHENTICATED" {
				t.Errorf("Authorization %.20q: status %d code %q, want 401 UNAUTHENTICATED", h, r.Status, r.code())
			}
			if len(r.Data) > 0 && string(r.Data) != "null" {
				t.Errorf("Authorization %.20q: data %s, want none", h, r.Data)
			}
		}
		if after := ta.countDecisions(t); after != before {
			t.Errorf("refused requests wrote %d decisions", after-before)
		}
	})

	readers := []auth.Role{auth.Analyst, auth.Approver, auth.Auditor}
	denied := []auth.Role{auth.Agent, auth.Service, auth.Admin}
	reads := []struct {
		name, field, query string
		vars               map[string]any
	}{
		{"decisions", "decisions", `{ decisions(first: 2) { nodes { id outcome breakdown } } }`, nil},
		{"decision", "decision", `query($id: ID!) { decision(id: $id) { id outcome breakdown } }`, map[string]any{"id": d.ID}},
		{"decisionByReference", "decisionByReference", `query($ref: String!) { decisionByReference(reference: $ref) { id outcome reasons { code } } }`, map[string]any{"ref": d.Reference}},
		{"thresholdVersion", "thresholdVersion", `query($id: ID!) { thresholdVersion(id: $id) { id rules { cutoff } } }`, map[string]any{"id": d.ThresholdVersion.ID}},
	}
	var scenarios []scenario
	for _, rd := range reads {
		scenarios = append(scenarios, scenario{
			name: "anonymous " + rd.name, query: rd.query, vars: rd.vars,
			wantCode: "UNAUTHENTICATED", wantNull: rd.field, notContent: []string{d.ID + `"`, `"outcome"`},
		})
		for _, role := range denied {
			scenarios = append(scenarios, scenario{
				name: string(role) + " " + rd.name, role: role, query: rd.query, vars: rd.vars,
				wantCode: "FORBIDDEN", wantNull: rd.field, notContent: []string{`"outcome"`, `"cutoff"`, `"breakdown"`},
			})
		}
		for _, role := range readers {
			scenarios = append(scenarios, scenario{
				name: string(role) + " " + rd.name, role: role, query: rd.query, vars: rd.vars,
				check: func(t *testing.T, r *gqlResponse) {
					if v := dataField(t, r, rd.field); v == "null" {
						t.Errorf("data.%s is null", rd.field)
					}
				},
			})
		}
	}
	// assessPurchase: SERVICE only. Each denied call must write nothing.
	for _, role := range []auth.Role{"", auth.Analyst, auth.Approver, auth.Auditor, auth.Agent, auth.Admin} {
		code := "FORBIDDEN"
		if role == "" {
			code = "UNAUTHENTICATED"
		}
		scenarios = append(scenarios, scenario{
			name: "assessPurchase as " + string(role), role: role, query: assessMutation,
			vars:     map[string]any{"input": purchaseInput("US", 120, nil), "key": "denied-" + string(role)},
			wantCode: code, wantNull: "assessPurchase", notContent: []string{"decisionId"},
		})
	}
	// viewer: every role, each seeing its own roles.
	for _, role := range auth.AllRoles {
		scenarios = append(scenarios, scenario{
			name: "viewer as " + string(role), role: role, query: `{ viewer { name roles } }`,
			check: func(t *testing.T, r *gqlResponse) {
				var v struct {
					Viewer struct {
						Name  string   `json:"name"`
						Roles []string `json:"roles"`
					} `json:"viewer"`
				}
				decodeData(t, r, &v)
				if !slices.Equal(v.Viewer.Roles, []string{string(role)}) || v.Viewer.Name == "" {
					t.Errorf("viewer %+v, want a name and roles [%s]", v.Viewer, role)
				}
			},
		})
	}
	scenarios = append(scenarios, scenario{
		name: "anonymous viewer", query: `{ viewer { name roles } }`, wantCode: "UNAUTHENTICATED", wantNull: "viewer",
	})
	// A query mixing an allowed and a forbidden root field: the allowed one answers, the
	// forbidden one is null with FORBIDDEN.
	scenarios = append(scenarios, scenario{
		name: "AGENT viewer and decisions in one query", role: auth.Agent,
		query:    `{ viewer { roles } decision(id: "` + d.ID + `") { id outcome } }`,
		wantCode: "FORBIDDEN", wantNull: "decision", wantContent: []string{`"AGENT"`}, notContent: []string{`"outcome"`},
	})

	before := ta.countDecisions(t)
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) { s.run(t, ta) })
	}
	if after := ta.countDecisions(t); after != before {
		t.Errorf("denied assessPurchase calls wrote %d decisions", after-before)
	}

	t.Run("assessPurchase as SERVICE", func(t *testing.T) {
		a := ta.assess(t, assessVars["input"].(map[string]any), "access-ok")
		if a.DecisionID == "" || a.Outcome != "APPROVED" {
			t.Errorf("assessment %+v, want an approval", a)
		}
		if after := ta.countDecisions(t); after != before+1 {
			t.Errorf("%d decisions written, want 1", after-before)
		}
	})
}
