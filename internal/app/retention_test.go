package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"riskconsole/internal/auth"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
	"riskconsole/internal/retention"
)

// Tests of issue 18 through the real handler on both databases: retention policies changed by
// maker-checker, legal holds placed and lifted by two people, and the plan of what may leave
// when.

// The staff people who prepare samples behind the API's back: an auditor who proposes and places
// holds. They are none of the test app's callers, so every caller may review what they did.
var retentionAuditor = staffContext("retention.auditor", auth.Auditor)

// retentionSamples are the samples of the retention fields, for the access matrix and the audit
// of every mutation; added to fieldSamples at init. Mutations are called signed in: a token may
// not make them.
var retentionSamples = map[string]fieldSample{
	"Query.retentionPolicies":       {query: `{ retentionPolicies { market floor { months basis } maxKeepMonths policy { id version keepMonths afterRetention } } }`},
	"Query.retentionPolicyVersions": {query: `{ retentionPolicyVersions(market: "SE", first: 5) { nodes { id version keepMonths afterRetention author approver } pageInfo { hasNextPage endCursor } } }`},
	"Query.retentionPolicyRequest": {query: `query($id: ID!) { retentionPolicyRequest(id: $id) { id status keepMonths afterRetention baseVersion author } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newPolicyRequest(tb)}
		}},
	"Query.retentionPolicyRequests": {query: `{ retentionPolicyRequests(first: 5) { nodes { id status market } pageInfo { hasNextPage } } }`},
	"Query.legalHold": {query: `query($id: ID!) { legalHold(id: $id) { id market merchantId reason active placedBy placedAt } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newHold(tb)}
		}},
	"Query.legalHolds":    {query: `{ legalHolds(active: true, first: 5) { nodes { id reason active } pageInfo { hasNextPage } } }`},
	"Query.retentionPlan": {query: `{ retentionPlan(market: "SE") { market asOf policy { keepMonths } floor { months } countsAsOf months { month decisions dueAt state heldBy { id placedAt } } } }`},
	"Query.erasurePlan":   {query: `{ erasurePlan(shopperId: "s-matrix") { asOf state at dutyEndsAt heldBy { id } months { market month dueAt underDuty } } }`},
	"Mutation.proposeRetentionPolicy": {signedIn: true,
		query: `mutation($keep: Int!) { proposeRetentionPolicy(market: "SE", keepMonths: $keep, afterRetention: ANONYMISE, rationale: "sample") { id status } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"keep": e.otherKeepMonths(tb)}
		}},
	"Mutation.approveRetentionPolicyRequest": {signedIn: true,
		query: `mutation($id: ID!) { approveRetentionPolicyRequest(id: $id) { id status publishedVersionId } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newPolicyRequest(tb)}
		}},
	"Mutation.rejectRetentionPolicyRequest": {signedIn: true,
		query: `mutation($id: ID!) { rejectRetentionPolicyRequest(id: $id, comment: "not now") { id status } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newPolicyRequest(tb)}
		}},
	"Mutation.placeLegalHold": {signedIn: true,
		query: `mutation { placeLegalHold(input: {market: "SE", merchantId: "m-matrix", reason: "sample"}) { id active } }`},
	"Mutation.liftLegalHold": {signedIn: true,
		query: `mutation($id: ID!) { liftLegalHold(id: $id, comment: "matter closed") { id active liftedBy } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newHold(tb)}
		}},
}

func init() { maps.Copy(fieldSamples, retentionSamples) }

// otherKeepMonths returns a period for SE other than the one in force, so that a proposal
// changes something.
func (e *fieldEnv) otherKeepMonths(tb testing.TB) int {
	tb.Helper()
	p, err := e.ta.Store.RetentionPolicy(context.Background(), "SE")
	if err != nil {
		tb.Fatal(err)
	}
	if p.KeepMonths >= retention.MaxKeepMonths {
		return retention.DefaultKeepMonths
	}
	return p.KeepMonths + 1
}

// newPolicyRequest proposes, as the staff auditor, a change of SE's policy and returns its id.
func (e *fieldEnv) newPolicyRequest(tb testing.TB) string {
	tb.Helper()
	r, err := e.ta.Retention.Propose(retentionAuditor, "SE", e.otherKeepMonths(tb), retention.Anonymise, "sample change")
	if err != nil {
		tb.Fatal(err)
	}
	return idOf(r.ID)
}

// newHold places, as the staff auditor, a hold on a merchant of SE and returns its id.
func (e *fieldEnv) newHold(tb testing.TB) string {
	tb.Helper()
	h, err := e.ta.Retention.PlaceHold(retentionAuditor, retention.Filter{Market: "SE", MerchantID: "m-sample"}, "sample matter")
	if err != nil {
		tb.Fatal(err)
	}
	return idOf(h.ID)
}

// policyRequestJSON is a RetentionPolicyRequest as the tests read it.
type policyRequestJSON struct {
	ID                 string  `json:"id"`
	Market             string  `json:"market"`
	KeepMonths         int     `json:"keepMonths"`
	AfterRetention     string  `json:"afterRetention"`
	BaseVersion        int     `json:"baseVersion"`
	Status             string  `json:"status"`
	Author             string  `json:"author"`
	Reviewer           *string `json:"reviewer"`
	ReviewComment      *string `json:"reviewComment"`
	PublishedVersionID *string `json:"publishedVersionId"`
}

const policyRequestFields = `id market keepMonths afterRetention baseVersion status author reviewer reviewComment publishedVersionId`

const (
	proposeMutation = `mutation($m: String!, $k: Int!, $a: RetentionAction!, $why: String!) {
	  proposeRetentionPolicy(market: $m, keepMonths: $k, afterRetention: $a, rationale: $why) { ` + policyRequestFields + ` } }`
	approvePolicyMutation = `mutation($id: ID!) { approveRetentionPolicyRequest(id: $id, comment: "fine") { ` + policyRequestFields + ` } }`
	rejectPolicyMutation  = `mutation($id: ID!, $c: String!) { rejectRetentionPolicyRequest(id: $id, comment: $c) { ` + policyRequestFields + ` } }`
)

// callAs sends query as c and decodes data.<field> into out; it fails the test on errors.
func callAs(tb testing.TB, e *fieldEnv, c *apiCaller, query string, vars map[string]any, field string, out any) {
	tb.Helper()
	r, _ := e.send(tb, c, query, vars)
	if len(r.Errors) > 0 {
		tb.Fatalf("%s: %s", field, errorsJSON(r))
	}
	var data map[string]json.RawMessage
	decodeData(tb, r, &data)
	if err := json.Unmarshal(data[field], out); err != nil {
		tb.Fatalf("%s: %v in %s", field, err, data[field])
	}
}

// marketPolicyJSON is a MarketRetention as the tests read it.
type marketPolicyJSON struct {
	Market string
	Floor  struct {
		Months int
		Basis  string
	}
	MaxKeepMonths int
	Policy        struct {
		ID             *string
		Version        int
		KeepMonths     int
		AfterRetention string
		Author         *string
		Approver       *string
	}
}

func policiesOf(tb testing.TB, ta *testApp) map[string]marketPolicyJSON {
	tb.Helper()
	var out struct{ RetentionPolicies []marketPolicyJSON }
	decodeData(tb, ta.gql(tb, auth.Auditor, `{ retentionPolicies { market floor { months basis } maxKeepMonths
	  policy { id version keepMonths afterRetention author approver } } }`, nil), &out)
	m := map[string]marketPolicyJSON{}
	for _, p := range out.RetentionPolicies {
		m[p.Market] = p
	}
	return m
}

// TestRetentionPolicyAPI: a market's policy is the default until an AUDITOR's proposal is
// approved by a second person (an APPROVER or another AUDITOR, never the proposer), each
// approval a new immutable version; bad proposals are refused naming the field; every step is
// audited.
func TestRetentionPolicyAPI(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 20)
		e := newFieldEnv(t, ta)
		anna, bert := e.signIn(t, auth.Auditor), e.signIn(t, auth.Auditor)

		// Every market starts under the default: 25 months, then DELETE, at the floor.
		before := policiesOf(t, ta)
		for _, m := range market.All {
			p := before[m.Code]
			if p.Policy.Version != 0 || p.Policy.ID != nil || p.Policy.KeepMonths != 25 || p.Policy.AfterRetention != "DELETE" ||
				p.Floor.Months != 25 || p.Floor.Basis == "" || p.MaxKeepMonths != 120 {
				t.Fatalf("%s before any proposal: %+v", m.Code, p)
			}
		}
		if !strings.Contains(before["US"].Floor.Basis, "1002.12") {
			t.Errorf("US floor basis %q", before["US"].Floor.Basis)
		}

		// Bad proposals are refused, naming the field; nothing is written.
		vars := func(mkt string, keep int, after, why string) map[string]any {
			return map[string]any{"m": mkt, "k": keep, "a": after, "why": why}
		}
		for _, c := range []struct {
			name  string
			vars  map[string]any
			field string
		}{
			{"below the US floor", vars("US", 24, "DELETE", "shorter"), "keepMonths"},
			{"below the floor elsewhere", vars("SE", 12, "ANONYMISE", "shorter"), "keepMonths"},
			{"above the ceiling", vars("DE", 121, "DELETE", "longer"), "keepMonths"},
			{"an unknown market", vars("XX", 30, "DELETE", "where"), "market"},
			{"what is in force already", vars("GB", 25, "DELETE", "the same"), "afterRetention"},
			{"no rationale", vars("GB", 30, "DELETE", "  "), "rationale"},
		} {
			t.Run(c.name, func(t *testing.T) {
				r, _ := e.send(t, anna, proposeMutation, c.vars)
				wantError(t, r, "INVALID", c.field)
			})
		}
		// An action that is none: refused by the schema's validation, before anything runs.
		r, _ := e.send(t, anna, `mutation { proposeRetentionPolicy(market: "SE", keepMonths: 30, afterRetention: SHRED, rationale: "x") { id } }`, nil)
		if r.code() != "GRAPHQL_VALIDATION_FAILED" || !strings.Contains(errorsJSON(r), "RetentionAction") {
			t.Errorf("an unknown action: %s", errorsJSON(r))
		}
		// Only a person signed in as AUDITOR proposes: not an AUDITOR token (refused and audited),
		// not an ANALYST, an APPROVER or an ADMIN.
		denied := countAudit(t, ta, "access.denied", "DENIED")
		wantError(t, ta.post(t, auth.Auditor, proposeMutation, vars("SE", 36, "ANONYMISE", "by token")), "FORBIDDEN", "")
		if n := countAudit(t, ta, "access.denied", "DENIED"); n != denied+1 {
			t.Errorf("a token's proposal: %d access.denied events, want %d", n, denied+1)
		}
		for _, role := range []auth.Role{auth.Analyst, auth.Approver, auth.Admin} {
			wantError(t, ta.post(t, role, proposeMutation, vars("SE", 36, "ANONYMISE", "not mine")), "FORBIDDEN", "")
		}
		if n := countAudit(t, ta, retention.ActionPolicyPropose, "DONE"); n != 0 {
			t.Fatalf("%d proposals recorded after refusals only", n)
		}

		// Anna proposes; the policy in force does not change until a second person approves.
		var req policyRequestJSON
		callAs(t, e, anna, proposeMutation, vars("SE", 36, "ANONYMISE", "statistics need three years"), "proposeRetentionPolicy", &req)
		if req.Status != "SUBMITTED" || req.BaseVersion != 0 || req.KeepMonths != 36 || req.AfterRetention != "ANONYMISE" || req.Market != "SE" {
			t.Fatalf("proposed %+v", req)
		}
		if p := policiesOf(t, ta)["SE"].Policy; p.Version != 0 || p.KeepMonths != 25 {
			t.Fatalf("in force before approval: %+v", p)
		}
		// Not by Anna herself (refused, recorded as DENIED), not by an ADMIN or an ANALYST.
		r, _ = e.send(t, anna, approvePolicyMutation, map[string]any{"id": req.ID})
		wantError(t, r, "FORBIDDEN", "")
		if n := countAudit(t, ta, retention.ActionPolicyApprove, "DENIED"); n != 1 {
			t.Errorf("%d denied approvals recorded, want 1", n)
		}
		r, _ = e.send(t, anna, rejectPolicyMutation, map[string]any{"id": req.ID, "c": "mine"})
		wantError(t, r, "FORBIDDEN", "")
		wantError(t, ta.post(t, auth.Admin, approvePolicyMutation, map[string]any{"id": req.ID}), "FORBIDDEN", "")
		wantError(t, ta.post(t, auth.Analyst, approvePolicyMutation, map[string]any{"id": req.ID}), "FORBIDDEN", "")

		// Bert, a second auditor, approves: version 1 is in force at once.
		var approved policyRequestJSON
		callAs(t, e, bert, approvePolicyMutation, map[string]any{"id": req.ID}, "approveRetentionPolicyRequest", &approved)
		if approved.Status != "APPROVED" || approved.PublishedVersionID == nil || approved.Reviewer == nil || *approved.Reviewer == approved.Author {
			t.Fatalf("approved %+v", approved)
		}
		se := policiesOf(t, ta)["SE"].Policy
		if se.Version != 1 || se.KeepMonths != 36 || se.AfterRetention != "ANONYMISE" || se.ID == nil || *se.ID != *approved.PublishedVersionID ||
			se.Author == nil || *se.Author != approved.Author || se.Approver == nil || *se.Approver != *approved.Reviewer {
			t.Fatalf("SE in force after approval: %+v", se)
		}
		if p := policiesOf(t, ta)["US"].Policy; p.Version != 0 {
			t.Errorf("US changed with SE: %+v", p)
		}
		r, _ = e.send(t, bert, approvePolicyMutation, map[string]any{"id": req.ID})
		wantError(t, r, "CONFLICT", "") // decided already

		// Two requests on version 1: the first approved (by an APPROVER) publishes version 2, the
		// second is refused rather than overwrite it unseen, and is rejected instead.
		var first, second policyRequestJSON
		callAs(t, e, anna, proposeMutation, vars("SE", 48, "ANONYMISE", "four years"), "proposeRetentionPolicy", &first)
		callAs(t, e, bert, proposeMutation, vars("SE", 30, "DELETE", "shorter"), "proposeRetentionPolicy", &second)
		if first.BaseVersion != 1 || second.BaseVersion != 1 {
			t.Fatalf("bases %d and %d, want 1", first.BaseVersion, second.BaseVersion)
		}
		thresholdCall(t, ta, auth.Approver, approvePolicyMutation, map[string]any{"id": first.ID}, "approveRetentionPolicyRequest", "", nil)
		wantError(t, ta.post(t, auth.Approver, approvePolicyMutation, map[string]any{"id": second.ID}), "CONFLICT", "")
		wantError(t, ta.post(t, auth.Approver, rejectPolicyMutation, map[string]any{"id": second.ID, "c": " "}), "INVALID", "comment")
		var rejected policyRequestJSON
		thresholdCall(t, ta, auth.Approver, rejectPolicyMutation, map[string]any{"id": second.ID, "c": "made on version 1"}, "rejectRetentionPolicyRequest", "", &rejected)
		if rejected.Status != "REJECTED" || rejected.ReviewComment == nil || rejected.PublishedVersionID != nil {
			t.Fatalf("rejected %+v", rejected)
		}
		if p := policiesOf(t, ta)["SE"].Policy; p.Version != 2 || p.KeepMonths != 48 {
			t.Fatalf("SE in force: %+v", p)
		}

		// The history, newest first, paged; first is bounded.
		type versionsJSON struct {
			RetentionPolicyVersions struct {
				Nodes []struct {
					ID         string
					Version    int
					KeepMonths int
					RequestID  string
				}
				PageInfo struct {
					HasNextPage bool
					EndCursor   *string
				}
			}
		}
		const versionsQuery = `query($after: String) { retentionPolicyVersions(market: "SE", first: 1, after: $after) {
		  nodes { id version keepMonths requestId } pageInfo { hasNextPage endCursor } } }`
		var page1, page2 versionsJSON
		decodeData(t, ta.gql(t, auth.Admin, versionsQuery, nil), &page1)
		decodeData(t, ta.gql(t, auth.Approver, versionsQuery, map[string]any{"after": page1.RetentionPolicyVersions.PageInfo.EndCursor}), &page2)
		n1, n2 := page1.RetentionPolicyVersions.Nodes, page2.RetentionPolicyVersions.Nodes
		if len(n1) != 1 || n1[0].Version != 2 || n1[0].RequestID != first.ID || !page1.RetentionPolicyVersions.PageInfo.HasNextPage ||
			len(n2) != 1 || n2[0].Version != 1 || n2[0].RequestID != req.ID || page2.RetentionPolicyVersions.PageInfo.HasNextPage {
			t.Fatalf("history %+v then %+v", page1, page2)
		}
		for _, q := range []string{
			`{ retentionPolicyVersions(market: "SE", first: 101) { nodes { id } } }`,
			`{ retentionPolicyVersions(market: "SE", first: 0) { nodes { id } } }`,
			`{ retentionPolicyRequests(first: 101) { nodes { id } } }`,
		} {
			wantError(t, ta.gql(t, auth.Auditor, q, nil), "INVALID", "first")
		}
		wantError(t, ta.gql(t, auth.Auditor, `{ retentionPolicyVersions(market: "SE", after: "bogus") { nodes { id } } }`, nil), "INVALID", "after")
		wantError(t, ta.gql(t, auth.Auditor, `{ retentionPolicyVersions(market: "XX") { nodes { id } } }`, nil), "INVALID", "market")
		wantError(t, ta.gql(t, auth.Analyst, `{ retentionPolicies { market } }`, nil), "FORBIDDEN", "")
		var pending struct {
			RetentionPolicyRequests struct{ Nodes []policyRequestJSON }
		}
		decodeData(t, ta.gql(t, auth.Admin, `{ retentionPolicyRequests(market: "SE", status: SUBMITTED) { nodes { `+policyRequestFields+` } } }`, nil), &pending)
		if len(pending.RetentionPolicyRequests.Nodes) != 0 {
			t.Errorf("pending requests %+v, want none", pending.RetentionPolicyRequests.Nodes)
		}

		// Every step was recorded once.
		for action, want := range map[string]int{retention.ActionPolicyPropose: 3, retention.ActionPolicyApprove: 2, retention.ActionPolicyReject: 1} {
			if n := countAudit(t, ta, action, "DONE"); n != want {
				t.Errorf("%d %s events, want %d", n, action, want)
			}
		}

		// A request below its market's floor that reached the table behind the service's back (or
		// was made before a floor was raised) is refused at approval too, naming the field.
		db := ta.rawDB(t)
		stamp := time.Now().UTC().Format("2006-01-02 15:04:05")
		if _, err := db.Exec(`INSERT INTO retention_policy_requests (market, keep_months, after_retention, rationale, base_version, author,
		  author_person, status, revision, created_at, updated_at) VALUES ('GB', 12, 'DELETE', 'a year', 0, 'user:1:x', 'user:1', 'SUBMITTED', 1, '` +
			stamp + `', '` + stamp + `')`); err != nil {
			t.Fatal(err)
		}
		var smuggled string
		if err := db.QueryRow("SELECT MAX(id) FROM retention_policy_requests").Scan(&smuggled); err != nil {
			t.Fatal(err)
		}
		wantError(t, ta.post(t, auth.Approver, approvePolicyMutation, map[string]any{"id": smuggled}), "INVALID", "keepMonths")
		if p := policiesOf(t, ta)["GB"].Policy; p.Version != 0 {
			t.Fatalf("GB in force after a refused approval: %+v", p)
		}

		// The versions are append-only in the database too, and a US version below Reg B's floor
		// is refused there even behind the service's back.
		for _, stmt := range []string{"UPDATE retention_policies SET keep_months = 120", "DELETE FROM retention_policies"} {
			if _, err := db.Exec(stmt); err == nil || !strings.Contains(err.Error(), "append-only") {
				t.Errorf("%s: %v", stmt, err)
			}
		}
		_, err := db.Exec(`INSERT INTO retention_policies (market, version, keep_months, after_retention, request_id, author, approver, rationale, created_at)
		  VALUES ('US', 1, 12, 'DELETE', ` + req.ID + `, 'user:1:a', 'user:2:b', 'short', CURRENT_TIMESTAMP)`)
		if err == nil || !strings.Contains(err.Error(), "us_floor") && !strings.Contains(strings.ToLower(err.Error()), "check") {
			t.Errorf("a US version of 12 months: %v", err)
		}
	})
}

// holdJSON is a LegalHold as the tests read it.
type holdJSON struct {
	ID          string     `json:"id"`
	Market      *string    `json:"market"`
	From        *time.Time `json:"from"`
	To          *time.Time `json:"to"`
	ShopperID   *string    `json:"shopperId"`
	MerchantID  *string    `json:"merchantId"`
	Reason      string     `json:"reason"`
	Active      bool       `json:"active"`
	PlacedBy    string     `json:"placedBy"`
	PlacedAt    time.Time  `json:"placedAt"`
	LiftedBy    *string    `json:"liftedBy"`
	LiftedAt    *time.Time `json:"liftedAt"`
	LiftComment *string    `json:"liftComment"`
}

const holdFields = `id market from to shopperId merchantId reason active placedBy placedAt liftedBy liftedAt liftComment`

const (
	placeHoldMutation = `mutation($in: LegalHoldInput!) { placeLegalHold(input: $in) { ` + holdFields + ` } }`
	liftHoldMutation  = `mutation($id: ID!, $c: String!) { liftLegalHold(id: $id, comment: $c) { ` + holdFields + ` } }`
)

// TestLegalHoldsAPI: an AUDITOR places a hold with a reason on at least one criterion; a second
// person (another AUDITOR or an APPROVER, never the one who placed it) lifts it with a comment;
// only auditors and approvers read holds; every step is audited and the database keeps a hold
// from being removed or rewritten.
func TestLegalHoldsAPI(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 20)
		e := newFieldEnv(t, ta)
		anna, bert := e.signIn(t, auth.Auditor), e.signIn(t, auth.Auditor)
		from, to := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)

		for _, c := range []struct {
			name  string
			in    map[string]any
			field string
		}{
			{"no criterion", map[string]any{"reason": "a matter"}, "input"},
			{"blank criteria", map[string]any{"market": " ", "shopperId": "", "reason": "a matter"}, "input"},
			{"an unknown market", map[string]any{"market": "XX", "reason": "a matter"}, "input.market"},
			{"an empty range", map[string]any{"from": to, "to": from, "reason": "a matter"}, "input.to"},
			{"a shopper id too long", map[string]any{"shopperId": strings.Repeat("s", 65), "reason": "a matter"}, "input.shopperId"},
			{"no reason", map[string]any{"market": "US", "reason": " "}, "input.reason"},
			{"a reason too long", map[string]any{"market": "US", "reason": strings.Repeat("r", retention.MaxReasonLen+1)}, "input.reason"},
			{"a bad time", map[string]any{"market": "US", "from": "yesterday", "reason": "a matter"}, "from"},
		} {
			t.Run(c.name, func(t *testing.T) {
				r, _ := e.send(t, anna, placeHoldMutation, map[string]any{"in": c.in})
				wantError(t, r, "INVALID", c.field)
			})
		}
		valid := map[string]any{"in": map[string]any{"shopperId": "s-litigant", "from": from, "to": to, "reason": "Doe v. Lender, case 24-117"}}
		denied := countAudit(t, ta, "access.denied", "DENIED")
		wantError(t, ta.post(t, auth.Auditor, placeHoldMutation, valid), "FORBIDDEN", "") // a token
		for _, role := range []auth.Role{auth.Approver, auth.Analyst, auth.Admin, auth.Service} {
			wantError(t, ta.post(t, role, placeHoldMutation, valid), "FORBIDDEN", "")
		}
		if n := countAudit(t, ta, "access.denied", "DENIED"); n != denied+5 {
			t.Errorf("%d refusals recorded, want %d", n-denied, 5)
		}

		var h holdJSON
		callAs(t, e, anna, placeHoldMutation, valid, "placeLegalHold", &h)
		if !h.Active || h.ShopperID == nil || *h.ShopperID != "s-litigant" || h.Market != nil || h.MerchantID != nil ||
			!h.From.Equal(from) || !h.To.Equal(to) || h.LiftedAt != nil || !strings.HasPrefix(h.PlacedBy, "user:") {
			t.Fatalf("placed %+v", h)
		}
		var other holdJSON
		callAs(t, e, anna, placeHoldMutation, map[string]any{"in": map[string]any{"market": "DE", "merchantId": "m-9", "reason": "regulator inquiry"}},
			"placeLegalHold", &other)

		// Anna may not lift her own holds (refused, recorded as DENIED); nobody lifts without a
		// comment; an ANALYST or an ADMIN may not lift at all; an AUDITOR token may not either.
		r, _ := e.send(t, anna, liftHoldMutation, map[string]any{"id": h.ID, "c": "settled"})
		wantError(t, r, "FORBIDDEN", "")
		if n := countAudit(t, ta, retention.ActionHoldLift, "DENIED"); n != 1 {
			t.Errorf("%d denied lifts recorded, want 1", n)
		}
		r, _ = e.send(t, bert, liftHoldMutation, map[string]any{"id": h.ID, "c": "  "})
		wantError(t, r, "INVALID", "comment")
		wantError(t, ta.post(t, auth.Analyst, liftHoldMutation, map[string]any{"id": h.ID, "c": "x"}), "FORBIDDEN", "")
		wantError(t, ta.post(t, auth.Admin, liftHoldMutation, map[string]any{"id": h.ID, "c": "x"}), "FORBIDDEN", "")
		wantError(t, ta.post(t, auth.Auditor, liftHoldMutation, map[string]any{"id": h.ID, "c": "x"}), "FORBIDDEN", "")
		wantError(t, ta.post(t, auth.Approver, liftHoldMutation, map[string]any{"id": "987654", "c": "x"}), "NOT_FOUND", "")

		// Who reads holds: auditors (tokens too) and approvers; not analysts, admins or agents.
		type holdsJSON struct {
			LegalHolds struct {
				Nodes    []holdJSON
				PageInfo struct {
					HasNextPage bool
					EndCursor   *string
				}
			}
		}
		const holdsQuery = `query($active: Boolean, $first: Int!, $after: String) { legalHolds(active: $active, first: $first, after: $after) {
		  nodes { ` + holdFields + ` } pageInfo { hasNextPage endCursor } } }`
		var active holdsJSON
		decodeData(t, ta.gql(t, auth.Auditor, holdsQuery, map[string]any{"active": true, "first": 1}), &active)
		if n := active.LegalHolds.Nodes; len(n) != 1 || n[0].ID != other.ID || !active.LegalHolds.PageInfo.HasNextPage {
			t.Fatalf("first page of holds in force: %+v", active)
		}
		decodeData(t, ta.gql(t, auth.Approver, holdsQuery, map[string]any{"active": true, "first": 1, "after": active.LegalHolds.PageInfo.EndCursor}), &active)
		if n := active.LegalHolds.Nodes; len(n) != 1 || n[0].ID != h.ID || active.LegalHolds.PageInfo.HasNextPage {
			t.Fatalf("second page of holds in force: %+v", active)
		}
		for _, role := range []auth.Role{auth.Analyst, auth.Admin, auth.Agent, auth.Service} {
			wantError(t, ta.gql(t, role, holdsQuery, map[string]any{"first": 5}), "FORBIDDEN", "")
			wantError(t, ta.gql(t, role, `query($id: ID!) { legalHold(id: $id) { id reason } }`, map[string]any{"id": h.ID}), "FORBIDDEN", "")
		}
		wantError(t, ta.gql(t, auth.Auditor, holdsQuery, map[string]any{"first": 101}), "INVALID", "first")
		wantError(t, ta.gql(t, auth.Auditor, holdsQuery, map[string]any{"first": 5, "after": "bogus"}), "INVALID", "after")

		// An APPROVER lifts Anna's first hold, Bert (a second AUDITOR) the other; again is a conflict.
		var lifted holdJSON
		thresholdCall(t, ta, auth.Approver, liftHoldMutation, map[string]any{"id": h.ID, "c": "case settled"}, "liftLegalHold", "", &lifted)
		if lifted.Active || lifted.LiftedBy == nil || *lifted.LiftedBy == lifted.PlacedBy || lifted.LiftedAt == nil ||
			lifted.LiftComment == nil || *lifted.LiftComment != "case settled" || lifted.Reason != h.Reason {
			t.Fatalf("lifted %+v", lifted)
		}
		callAs(t, e, bert, liftHoldMutation, map[string]any{"id": other.ID, "c": "inquiry closed"}, "liftLegalHold", &lifted)
		if lifted.Active || lifted.LiftedBy == nil {
			t.Fatalf("lifted by a second auditor: %+v", lifted)
		}
		wantError(t, ta.post(t, auth.Approver, liftHoldMutation, map[string]any{"id": h.ID, "c": "again"}), "CONFLICT", "")
		var all, liftedOnly holdsJSON
		decodeData(t, ta.gql(t, auth.Auditor, holdsQuery, map[string]any{"first": 10}), &all)
		decodeData(t, ta.gql(t, auth.Auditor, holdsQuery, map[string]any{"active": false, "first": 10}), &liftedOnly)
		if len(all.LegalHolds.Nodes) != 2 || len(liftedOnly.LegalHolds.Nodes) != 2 {
			t.Fatalf("all %+v, lifted %+v", all, liftedOnly)
		}
		for action, want := range map[string]int{retention.ActionHoldPlace: 2, retention.ActionHoldLift: 2} {
			if n := countAudit(t, ta, action, "DONE"); n != want {
				t.Errorf("%d %s events, want %d", n, action, want)
			}
		}

		// The database keeps holds: none removed, none rewritten, a lift final.
		db := ta.rawDB(t)
		for _, stmt := range []string{
			"DELETE FROM legal_holds",
			"UPDATE legal_holds SET reason = 'nothing'",
			"UPDATE legal_holds SET status = 'SUBMITTED', reviewer = '', reviewer_person = '', review_comment = '' WHERE id = " + h.ID,
		} {
			if _, err := db.Exec(stmt); err == nil {
				t.Errorf("%s succeeded", stmt)
			}
		}
		var held holdJSON
		decodeData(t, ta.gql(t, auth.Auditor, `query($id: ID!) { legalHold(id: $id) { `+holdFields+` } }`, map[string]any{"id": h.ID}),
			&struct{ LegalHold *holdJSON }{&held})
		if held.Active || held.Reason != h.Reason {
			t.Errorf("after the refused statements: %+v", held)
		}
	})
}

// insertDecisions writes one decision of shopper at merchant in market at each time, decided by
// the market's version in force at the end of the demo window (the plan reads only times,
// markets, shoppers and merchants), and advances the rollups.
func insertDecisions(tb testing.TB, ta *testApp, mkt, shopper, merchant string, times ...time.Time) {
	tb.Helper()
	ctx := context.Background()
	m, _ := market.Lookup(mkt)
	v, err := ta.Thresholds.Active(mkt, testEnd)
	if err != nil {
		tb.Fatal(err)
	}
	var recs []decisions.Record
	for _, when := range times {
		p := decisions.Purchase{Market: mkt, Currency: m.Currency, AmountMinor: 12000, MerchantID: merchant, MerchantName: "Merchant " + merchant,
			MerchantCategory: "SPORTS", ShopperID: shopper, Locale: m.DefaultLocale, Channel: "WEB", Values: engine.PassingValues()}
		rec, err := decisions.Decide(&p, when, decisions.NewReference(), v, ta.Catalog.Current())
		if err != nil {
			tb.Fatal(err)
		}
		rec.ID = decisions.NewID(when)
		rec.IdempotencyKey = "retention:" + rec.ID
		recs = append(recs, rec)
	}
	if err := ta.Store.BulkInsertDecisions(ctx, recs); err != nil {
		tb.Fatal(err)
	}
	if err := ta.Analytics.Advance(ctx); err != nil {
		tb.Fatal(err)
	}
}

// planJSON is a RetentionPlan as the tests read it.
type planJSON struct {
	Market     string
	AsOf       time.Time
	CountsAsOf *time.Time
	Policy     struct {
		Version    int
		KeepMonths int
	}
	Months []struct {
		Month          time.Time
		Decisions      int
		DueAt          time.Time
		AfterRetention string
		State          string
		HeldBy         []struct {
			ID       string
			PlacedAt time.Time
		}
	}
}

func (p planJSON) months() []string {
	var out []string
	for _, m := range p.Months {
		var held []string
		for _, h := range m.HeldBy {
			held = append(held, h.ID)
		}
		out = append(out, fmt.Sprintf("%s %d due %s %s %s [%s]", m.Month.Format("2006-01"), m.Decisions, m.DueAt.Format("2006-01-02"),
			m.AfterRetention, m.State, strings.Join(held, ",")))
	}
	return out
}

const planQuery = `query($m: String!) { retentionPlan(market: $m) { market asOf countsAsOf policy { version keepMonths }
  months { month decisions dueAt afterRetention state heldBy { id placedAt } } } }`

func planOf(tb testing.TB, ta *testApp, role auth.Role, mkt string) planJSON {
	tb.Helper()
	var out struct{ RetentionPlan planJSON }
	decodeData(tb, ta.gql(tb, role, planQuery, map[string]any{"m": mkt}), &out)
	return out.RetentionPlan
}

// erasureJSON is an ErasurePlan as the tests read it.
type erasureJSON struct {
	AsOf       time.Time
	State      string
	At         *time.Time
	DutyEndsAt *time.Time
	HeldBy     []struct{ ID string }
	Months     []struct {
		Market    string
		Month     time.Time
		DueAt     time.Time
		UnderDuty bool
	}
}

func (p *erasureJSON) String() string {
	var held, months []string
	for _, h := range p.HeldBy {
		held = append(held, h.ID)
	}
	for _, m := range p.Months {
		months = append(months, fmt.Sprintf("%s %s %s %v", m.Market, m.Month.Format("2006-01"), m.DueAt.Format("2006-01-02"), m.UnderDuty))
	}
	day := func(t *time.Time) string {
		if t == nil {
			return "-"
		}
		return t.Format("2006-01-02")
	}
	return fmt.Sprintf("%s at %s duty %s held [%s] months [%s]", p.State, day(p.At), day(p.DutyEndsAt), strings.Join(held, ","), strings.Join(months, "; "))
}

func erasureOf(tb testing.TB, ta *testApp, role auth.Role, shopper string) erasureJSON {
	tb.Helper()
	var out struct{ ErasurePlan erasureJSON }
	decodeData(tb, ta.gql(tb, role, `query($s: String!) { erasurePlan(shopperId: $s) { asOf state at dutyEndsAt heldBy { id }
	  months { market month dueAt underDuty } } }`, map[string]any{"s": shopper}), &out)
	return out.ErasurePlan
}

// TestRetentionPlanAPI dates months and erasures on a fixed clock: month boundaries (the last
// microsecond of a month, a leap February), a month due exactly now, holds on a shopper (which
// keep exactly the months holding their decisions), on a market's time range and on a merchant,
// a hold lifted, a policy changed; and the erasure of a shopper held, scheduled or possible now.
func TestRetentionPlanAPI(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		var mu sync.Mutex
		clock := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC) // January 2024 is due exactly now
		now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
		ta := newTestApp(t, dialect, 0, WithClock(now))
		at := func(s string) time.Time {
			v, err := time.Parse(time.RFC3339Nano, s)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		insertDecisions(t, ta, "US", "s-plan", "m-1",
			at("2023-12-31T23:59:59.999999Z"), at("2024-01-31T23:59:59.999999Z"), at("2024-02-29T12:00:00Z"), at("2024-03-01T00:00:00Z"))
		insertDecisions(t, ta, "US", "s-other", "m-1", at("2023-11-10T08:00:00Z"), at("2024-05-15T08:00:00Z"), at("2024-05-16T08:00:00Z"))
		insertDecisions(t, ta, "US", "s-third", "m-held", at("2023-10-05T08:00:00Z"))
		insertDecisions(t, ta, "SE", "s-plan", "m-2", at("2024-06-10T08:00:00Z"))
		e := newFieldEnv(t, ta)
		auditor := e.signIn(t, auth.Auditor)

		usBefore := []string{
			"2023-10 1 due 2025-12-01 DELETE DUE []",
			"2023-11 1 due 2026-01-01 DELETE DUE []",
			"2023-12 1 due 2026-02-01 DELETE DUE []",
			"2024-01 1 due 2026-03-01 DELETE DUE []",  // due exactly now
			"2024-02 1 due 2026-04-01 DELETE KEPT []", // a leap February
			"2024-03 1 due 2026-05-01 DELETE KEPT []", // from its first microsecond
			"2024-05 2 due 2026-07-01 DELETE KEPT []",
		}
		p := planOf(t, ta, auth.Auditor, "US")
		got := p.months()
		if !slices.Equal(got, usBefore) || !p.AsOf.Equal(clock) || p.CountsAsOf == nil ||
			p.Policy.Version != 0 || p.Policy.KeepMonths != 25 {
			t.Fatalf("US plan before any hold:\n%s\nwant first\n%s", strings.Join(got, "\n"), strings.Join(usBefore, "\n"))
		}

		// Holds: on the shopper s-plan (every market), on US's October 2023, on a merchant in SE.
		place := func(in map[string]any) string {
			var h holdJSON
			callAs(t, e, auditor, placeHoldMutation, map[string]any{"in": in}, "placeLegalHold", &h)
			return h.ID
		}
		shopperHold := place(map[string]any{"shopperId": "s-plan", "reason": "Plan v. Lender"})
		rangeHold := place(map[string]any{"market": "US", "from": at("2023-10-01T00:00:00Z"), "to": at("2023-11-01T00:00:00Z"), "reason": "an audit of October"})
		merchantHold := place(map[string]any{"market": "SE", "merchantId": "m-held", "reason": "a merchant dispute"})
		usHeld := []string{
			"2023-10 1 due 2025-12-01 DELETE HELD [" + rangeHold + "]",
			"2023-11 1 due 2026-01-01 DELETE DUE []", // s-other's month: the shopper hold leaves it
			"2023-12 1 due 2026-02-01 DELETE HELD [" + shopperHold + "]",
			"2024-01 1 due 2026-03-01 DELETE HELD [" + shopperHold + "]",
			"2024-02 1 due 2026-04-01 DELETE HELD [" + shopperHold + "]",
			"2024-03 1 due 2026-05-01 DELETE HELD [" + shopperHold + "]",
			"2024-05 2 due 2026-07-01 DELETE KEPT []",
		}
		// ADMIN reads the plan with holds by id and date only.
		p = planOf(t, ta, auth.Admin, "US")
		if got := p.months(); !slices.Equal(got, usHeld) {
			t.Fatalf("US plan with holds:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(usHeld, "\n"))
		}
		if ref := p.Months[2].HeldBy[0]; ref.PlacedAt.IsZero() {
			t.Errorf("hold reference %+v has no date", ref)
		}
		se := planOf(t, ta, auth.Approver, "SE").months()
		if se[0] != "2024-06 1 due 2026-08-01 DELETE HELD ["+shopperHold+"]" {
			t.Fatalf("SE plan: %v", se)
		}
		_ = merchantHold // selects no decision: keeps no month

		// Erasures: s-plan is held (and under duty until August); s-other is not held by the hold
		// on s-plan although they share months, and may be erased when May 2024's duty ends;
		// s-third's only decision lies in the held October; a shopper unknown may go now.
		for _, c := range []struct {
			shopper, want string
		}{
			{"s-plan", "HELD at - duty 2026-08-01 held [" + shopperHold + "] months [US 2023-12 2026-02-01 false; US 2024-01 2026-03-01 false; " +
				"US 2024-02 2026-04-01 true; US 2024-03 2026-05-01 true; SE 2024-06 2026-08-01 true]"},
			{"s-other", "SCHEDULED at 2026-07-01 duty 2026-07-01 held [] months [US 2023-11 2026-01-01 false; US 2024-05 2026-07-01 true]"},
			{"s-third", "HELD at - duty - held [" + rangeHold + "] months [US 2023-10 2025-12-01 false]"},
			{"s-nobody", "NOW at 2026-03-01 duty - held [] months []"},
		} {
			if got := erasureOf(t, ta, auth.Service, c.shopper); got.String() != c.want || !got.AsOf.Equal(clock) {
				t.Errorf("erasure of %s:\n got %s\nwant %s", c.shopper, got.String(), c.want)
			}
		}
		if n := countAudit(t, ta, retention.ActionErasurePlan, "DONE"); n != 4 {
			t.Errorf("%d erasure plans recorded, want 4", n)
		}
		wantError(t, ta.gql(t, auth.Auditor, `{ erasurePlan(shopperId: "s-plan") { state } }`, nil), "FORBIDDEN", "")
		wantError(t, ta.gql(t, auth.Admin, `{ erasurePlan(shopperId: " ") { state } }`, nil), "INVALID", "shopperId")
		wantError(t, ta.gql(t, auth.Analyst, planQuery, map[string]any{"m": "US"}), "FORBIDDEN", "")
		wantError(t, ta.gql(t, auth.Auditor, planQuery, map[string]any{"m": "XX"}), "INVALID", "market")

		// The shopper hold lifted: its months are as before, and s-plan may be erased when the
		// last duty ends. A hold naming a shopper with no decision holds their erasure still.
		thresholdCall(t, ta, auth.Approver, liftHoldMutation, map[string]any{"id": shopperHold, "c": "settled"}, "liftLegalHold", "", nil)
		p = planOf(t, ta, auth.Auditor, "US")
		want := slices.Clone(usBefore)
		want[0] = usHeld[0]
		if got := p.months(); !slices.Equal(got, want) {
			t.Fatalf("US plan after the lift:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if got := erasureOf(t, ta, auth.Admin, "s-plan"); got.State != "SCHEDULED" || got.At == nil || !got.At.Equal(at("2026-08-01T00:00:00Z")) {
			t.Errorf("erasure of s-plan after the lift: %s", got.String())
		}
		ghostHold := place(map[string]any{"shopperId": "s-ghost", "reason": "expected claim"})
		if got := erasureOf(t, ta, auth.Service, "s-ghost"); got.String() != "HELD at - duty - held ["+ghostHold+"] months []" {
			t.Errorf("erasure of a held shopper without decisions: %s", got.String())
		}

		// A longer policy in US (approved by an APPROVER) dates every month later at once; the
		// clock moving on makes a kept month due.
		var req policyRequestJSON
		callAs(t, e, auditor, proposeMutation, map[string]any{"m": "US", "k": 27, "a": "ANONYMISE", "why": "litigation window"}, "proposeRetentionPolicy", &req)
		thresholdCall(t, ta, auth.Approver, approvePolicyMutation, map[string]any{"id": req.ID}, "approveRetentionPolicyRequest", "", nil)
		p = planOf(t, ta, auth.Auditor, "US")
		if got := p.months()[1:4]; p.Policy.KeepMonths != 27 || !slices.Equal(got, []string{
			"2023-11 1 due 2026-03-01 ANONYMISE DUE []",
			"2023-12 1 due 2026-04-01 ANONYMISE KEPT []",
			"2024-01 1 due 2026-05-01 ANONYMISE KEPT []",
		}) {
			t.Errorf("US plan under 27 months: %v", got)
		}
		mu.Lock()
		clock = time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
		mu.Unlock()
		if got := planOf(t, ta, auth.Auditor, "US").months()[2]; got != "2023-12 1 due 2026-04-01 ANONYMISE DUE []" {
			t.Errorf("December 2023 on 1 April 2026: %s", got)
		}
	})
}

// TestRetentionPlanPartitions checks the plan's view of a month of every market together, as a
// PostgreSQL partition holds it, through the service the purge job will ask.
func TestRetentionPlanPartitions(t *testing.T) {
	ta := newTestApp(t, "sqlite", 0, WithClock(func() time.Time { return time.Date(2026, 4, 15, 0, 0, 0, 0, time.UTC) }))
	insertDecisions(t, ta, "GB", "s-p", "m-p", time.Date(2024, 2, 10, 0, 0, 0, 0, time.UTC))
	sit, holds, err := ta.Retention.Situation(context.Background(), nil)
	if err != nil || len(holds) != 0 {
		t.Fatal(holds, err)
	}
	p := sit.Partition(time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC))
	if p.State != retention.Due || !p.DueAt.Equal(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)) || len(p.Markets) != len(market.All) {
		t.Errorf("February 2024: %+v", p)
	}
}

// TestRetentionTablesRole: on PostgreSQL the console's role may neither change nor remove a
// policy version (it holds SELECT and INSERT only, as on every append-only table), nor remove a
// hold or switch off the guard that keeps holds from being rewritten.
func TestRetentionTablesRole(t *testing.T) {
	ta := newTestApp(t, "postgres", 20)
	if _, err := ta.Retention.PlaceHold(retentionAuditor, retention.Filter{Market: "US"}, "a matter"); err != nil {
		t.Fatal(err)
	}
	app, err := sql.Open("pgx", ta.Config.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })
	for _, c := range []struct{ stmt, want string }{
		{"UPDATE retention_policies SET keep_months = 12", "permission denied"},
		{"DELETE FROM retention_policies", "permission denied"},
		{"TRUNCATE retention_policies", "permission denied"},
		{"ALTER TABLE retention_policies DISABLE TRIGGER USER", "must be owner"},
		{"ALTER TABLE legal_holds DISABLE TRIGGER legal_holds_guard", "must be owner"},
		{"DELETE FROM legal_holds", "not allowed"},
		{"TRUNCATE legal_holds", "permission denied"},
		{"UPDATE legal_holds SET market = 'SE'", "never change"},
		{"UPDATE legal_holds SET status = 'APPROVED', reviewer = 'x'", "lift_comment"},
	} {
		if _, err := app.Exec(c.stmt); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.stmt, err, c.want)
		}
	}
}
