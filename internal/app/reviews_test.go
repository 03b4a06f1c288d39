package app

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"riskconsole/internal/accounts"
	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
	"riskconsole/internal/demo"
	"riskconsole/internal/reviews"
)

// Review cases (issue 15) through the real handler, on both databases: a shopper's request, a
// reviewer's claim and decision, the second reviewer of an overturn above the market's amount,
// the new linked decision, the notices in every locale, the refusals, the late-case flag, the
// conflicts of interest and the agent's read-only view.

const requestReviewMutation = `mutation($ref: String!, $st: String!, $loc: String!, $key: String!) {
  requestReview(reference: $ref, statement: $st, locale: $loc, idempotencyKey: $key) {
    caseId reference status requestedAt dueAt newDecisionReference notices { kind locale title body sentAt }
  }
}`

// reviewCaseFields are the fields of ReviewCase the tests read.
const reviewCaseFields = `id status market statement locale requestedBy dueAt overdue reviewer outcome reason
  secondReviewRequired secondReviewer secondReviewComment
  decision { id reference outcome kind reasons { code } overturnedBy { id reference } reviewCases { id status } }
  newDecision { id reference outcome kind reviewer reviewReason reasons { code } message { title } overturns { id reference } }
  notices { kind locale title body }`

const (
	claimMutation   = `mutation($id: ID!) { claimReviewCase(id: $id) { ` + reviewCaseFields + ` } }`
	decideMutation  = `mutation($id: ID!, $o: ReviewOutcome!, $r: String!) { decideReviewCase(id: $id, outcome: $o, reason: $r) { ` + reviewCaseFields + ` } }`
	approveMutation = `mutation($id: ID!, $c: String) { approveOverturn(id: $id, comment: $c) { ` + reviewCaseFields + ` } }`
	rejectMutation  = `mutation($id: ID!, $c: String!) { rejectOverturn(id: $id, comment: $c) { ` + reviewCaseFields + ` } }`
	caseQuery       = `query($id: ID!) { reviewCase(id: $id) { ` + reviewCaseFields + ` } }`
)

type reviewReceipt struct {
	CaseID               string         `json:"caseId"`
	Reference            string         `json:"reference"`
	Status               string         `json:"status"`
	RequestedAt          time.Time      `json:"requestedAt"`
	DueAt                time.Time      `json:"dueAt"`
	NewDecisionReference *string        `json:"newDecisionReference"`
	Notices              []reviewNotice `json:"notices"`
}

type reviewNotice struct {
	Kind   string `json:"kind"`
	Locale string `json:"locale"`
	Title  string `json:"title"`
	Body   string `json:"body"`
}

type linkedDecision struct {
	ID           string  `json:"id"`
	Reference    string  `json:"reference"`
	Outcome      string  `json:"outcome"`
	Kind         string  `json:"kind"`
	Reviewer     *string `json:"reviewer"`
	ReviewReason *string `json:"reviewReason"`
	Reasons      []struct {
		Code string `json:"code"`
	} `json:"reasons"`
	Message      *struct{ Title string } `json:"message"`
	Overturns    *struct{ ID, Reference string }
	OverturnedBy *struct{ ID, Reference string }
	ReviewCases  []struct{ ID, Status string }
}

type reviewCaseView struct {
	ID                   string          `json:"id"`
	Status               string          `json:"status"`
	Market               string          `json:"market"`
	Statement            string          `json:"statement"`
	Locale               string          `json:"locale"`
	RequestedBy          string          `json:"requestedBy"`
	DueAt                time.Time       `json:"dueAt"`
	Overdue              bool            `json:"overdue"`
	Reviewer             *string         `json:"reviewer"`
	Outcome              *string         `json:"outcome"`
	Reason               *string         `json:"reason"`
	SecondReviewRequired bool            `json:"secondReviewRequired"`
	SecondReviewer       *string         `json:"secondReviewer"`
	SecondReviewComment  *string         `json:"secondReviewComment"`
	Decision             linkedDecision  `json:"decision"`
	NewDecision          *linkedDecision `json:"newDecision"`
	Notices              []reviewNotice  `json:"notices"`
}

// reviewEnv is a console with a clock the test moves, its field environment (for signed-in
// callers) and two reviewers: rita, the harness's REVIEWER, and ravi, a second person.
type reviewEnv struct {
	*fieldEnv
	clock      *acctClock
	rita, ravi *apiCaller
	ritaName   string
}

func newReviewEnv(t *testing.T, dialect string) *reviewEnv {
	clock := &acctClock{t: time.Now().UTC().Truncate(time.Second)}
	ta := newTestApp(t, dialect, 20, WithClock(clock.now))
	e := newFieldEnv(t, ta)
	return &reviewEnv{fieldEnv: e, clock: clock, rita: ta.caller(t, auth.Reviewer), ravi: e.signIn(t, auth.Reviewer),
		ritaName: fmt.Sprintf("user:%d:test.reviewer", ta.session(t, auth.Reviewer).user.ID)}
}

// decline assesses a fresh purchase of amount in market that the engine declines for its credit
// score, and returns it.
func (e *reviewEnv) decline(tb testing.TB, market string, amount float64) assessment {
	tb.Helper()
	a := e.ta.assess(tb, purchaseInput(market, amount, func(_, v map[string]any) { v["bureauScore"] = 420 }), uniqueKey("review"))
	if a.Outcome != "DECLINED" {
		tb.Fatalf("purchase %s: %s, want DECLINED", a.DecisionID, a.Outcome)
	}
	return a
}

// request asks for a review as the checkout's SERVICE token.
func (e *reviewEnv) request(tb testing.TB, ref, statement, locale, key string) *gqlResponse {
	tb.Helper()
	return e.ta.gql(tb, auth.Service, requestReviewMutation, map[string]any{"ref": ref, "st": statement, "loc": locale, "key": key})
}

func (e *reviewEnv) mustRequest(tb testing.TB, ref, statement, locale, key string) reviewReceipt {
	tb.Helper()
	var out struct {
		RequestReview reviewReceipt `json:"requestReview"`
	}
	decodeData(tb, e.request(tb, ref, statement, locale, key), &out)
	return out.RequestReview
}

// as sends query as c.
func (e *reviewEnv) as(tb testing.TB, c *apiCaller, query string, vars map[string]any) *gqlResponse {
	tb.Helper()
	r, _ := e.send(tb, c, query, vars)
	return r
}

// caseOf decodes the ReviewCase answered in data.<field>.
func caseOf(tb testing.TB, r *gqlResponse, field string) reviewCaseView {
	tb.Helper()
	var out map[string]reviewCaseView
	decodeData(tb, r, &out)
	return out[field]
}

// wantError checks that r failed with code, naming field when field is not "".
func wantError(tb testing.TB, r *gqlResponse, code, field string) {
	tb.Helper()
	if r.code() != code {
		tb.Fatalf("want %s, got %s", code, errorsJSON(r))
	}
	if field != "" && !strings.Contains(strings.Join(errorFields(r), ","), field) {
		tb.Fatalf("want the field %s named, got %v: %s", field, errorFields(r), errorsJSON(r))
	}
}

// auditCount counts the audit events of action on review case id with outcome.
func auditCount(tb testing.TB, db *sql.DB, action, entityType, id, outcome string) int {
	tb.Helper()
	var n int
	q := fmt.Sprintf("SELECT COUNT(*) FROM audit_events WHERE action = '%s' AND entity_type = '%s' AND entity_id = '%s' AND outcome = '%s'",
		action, entityType, id, outcome)
	if err := db.QueryRow(q).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

// wantNotice checks a notice's kind and locale and that its text says each of parts.
func wantNotice(tb testing.TB, n reviewNotice, kind, locale string, parts ...string) {
	tb.Helper()
	if n.Kind != kind || n.Locale != locale || n.Title == "" {
		tb.Fatalf("notice %+v, want %s in %s", n, kind, locale)
	}
	for _, p := range parts {
		if !strings.Contains(n.Body, p) {
			tb.Errorf("%s notice in %s does not say %q: %q", kind, locale, p, n.Body)
		}
	}
}

func TestReviewCases(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		e := newReviewEnv(t, dialect)
		db := e.ta.rawDB(t)
		t.Run("request, claim, uphold", func(t *testing.T) { testReviewUphold(t, e, db) })
		t.Run("overturn with a second reviewer", func(t *testing.T) { testReviewOverturn(t, e, db) })
		t.Run("overturn refused by the second reviewer, then upheld", func(t *testing.T) { testReviewSecondRefusal(t, e) })
		t.Run("refusals name the field", func(t *testing.T) { testReviewRefusals(t, e) })
		t.Run("notices in every locale", func(t *testing.T) { testReviewNotices(t, e) })
		t.Run("agent sees the status, no statement or score", func(t *testing.T) { testReviewAgentView(t, e) })
		t.Run("a reviewer cannot review what they requested", func(t *testing.T) { testReviewSelfConflict(t, e, db) })
		t.Run("a reviewer cannot review a purchase of their own", func(t *testing.T) { testReviewOwnPurchase(t, e, db) })
		t.Run("two reviewers claim at once", func(t *testing.T) { testReviewConcurrentClaims(t, e) })
		t.Run("the same request twice at once", func(t *testing.T) { testReviewConcurrentRequests(t, e) })
		t.Run("overturn rates", func(t *testing.T) { testOverturnRates(t, e) })
		// These move the clock forward: last.
		t.Run("late cases are flagged", func(t *testing.T) { testReviewOverdue(t, e) })
	})
}

func testReviewUphold(t *testing.T, e *reviewEnv, db *sql.DB) {
	d := e.decline(t, "SE", 1200)
	const statement = "Jag har fast anställning sedan tre år och min kreditupplysning är gammal."
	key := uniqueKey("uphold")
	rc := e.mustRequest(t, d.Reference, statement, "sv-SE", key)
	if rc.Status != "OPEN" || rc.Reference != d.Reference || len(rc.Notices) != 1 {
		t.Fatalf("receipt %+v", rc)
	}
	if want := e.clock.now().AddDate(0, 0, 30); !rc.DueAt.Equal(want) {
		t.Errorf("due %s, want %s (30 days)", rc.DueAt, want)
	}
	wantNotice(t, rc.Notices[0], "RECEIVED", "sv-SE", d.Reference, catalog.FormatDate("sv-SE", rc.DueAt))

	// The same request again is the same case; nothing more is written.
	if again := e.mustRequest(t, d.Reference, statement, "sv-SE", key); again.CaseID != rc.CaseID || len(again.Notices) != 1 {
		t.Fatalf("replay answered %+v, want case %s", again, rc.CaseID)
	}
	if n := auditCount(t, db, "review.request", "review_case", rc.CaseID, "DONE"); n != 1 {
		t.Errorf("%d review.request events, want 1", n)
	}
	wantError(t, e.request(t, d.Reference, statement, "sv-SE", uniqueKey("other")), "CONFLICT", "")
	wantError(t, e.request(t, d.Reference, "something else", "sv-SE", key), "CONFLICT", "")

	// The queue shows it to reviewers; claiming it makes rita its reviewer, and ravi cannot take it.
	c := caseOf(t, e.as(t, e.rita, caseQuery, map[string]any{"id": rc.CaseID}), "reviewCase")
	if c.Status != "OPEN" || c.Statement != statement || c.Decision.ID != d.DecisionID || c.Decision.Outcome != "DECLINED" ||
		len(c.Decision.Reasons) == 0 || c.Reviewer != nil {
		t.Fatalf("case %+v", c)
	}
	c = caseOf(t, e.as(t, e.rita, claimMutation, map[string]any{"id": rc.CaseID}), "claimReviewCase")
	if c.Status != "IN_REVIEW" || c.Reviewer == nil || *c.Reviewer != e.ritaName {
		t.Fatalf("claimed case %+v, want IN_REVIEW by %s", c, e.ritaName)
	}
	wantError(t, e.as(t, e.ravi, claimMutation, map[string]any{"id": rc.CaseID}), "CONFLICT", "")
	// Only the claimant decides; the refusal is recorded.
	wantError(t, e.as(t, e.ravi, decideMutation, map[string]any{"id": rc.CaseID, "o": "UPHOLD", "r": "no"}), "FORBIDDEN", "")
	wantError(t, e.as(t, e.rita, decideMutation, map[string]any{"id": rc.CaseID, "o": "UPHOLD", "r": "  "}), "INVALID", "reason")
	wantError(t, e.as(t, e.rita, decideMutation, map[string]any{"id": rc.CaseID, "o": "UPHOLD", "r": strings.Repeat("x", 2001)}), "INVALID", "reason")

	const reason = "Kreditupplysningen är från i dag och visar en betalningsanmärkning."
	c = caseOf(t, e.as(t, e.rita, decideMutation, map[string]any{"id": rc.CaseID, "o": "UPHOLD", "r": reason}), "decideReviewCase")
	if c.Status != "UPHELD" || c.Outcome == nil || *c.Outcome != "UPHOLD" || c.NewDecision != nil || len(c.Notices) != 2 {
		t.Fatalf("decided case %+v", c)
	}
	wantNotice(t, c.Notices[1], "UPHELD", "sv-SE", d.Reference, reason)
	wantError(t, e.as(t, e.rita, decideMutation, map[string]any{"id": rc.CaseID, "o": "OVERTURN", "r": "changed my mind"}), "CONFLICT", "")

	// The shopper's app reads the outcome by repeating its request.
	rc = e.mustRequest(t, d.Reference, statement, "sv-SE", key)
	if rc.Status != "UPHELD" || len(rc.Notices) != 2 || rc.NewDecisionReference != nil {
		t.Fatalf("receipt after the decision %+v", rc)
	}
	// What was sent is history: even the database's owner cannot rewrite or remove a notice.
	for _, stmt := range []string{"UPDATE review_notices SET body = 'rewritten' WHERE case_id = " + rc.CaseID,
		"DELETE FROM review_notices WHERE case_id = " + rc.CaseID} {
		if _, err := db.Exec(stmt); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v, want refused as append-only", stmt, err)
		}
	}
	for _, action := range []string{"review.request", "review.claim", "review.decide"} {
		if n := auditCount(t, db, action, "review_case", rc.CaseID, "DONE"); n != 1 {
			t.Errorf("%d %s events, want 1", n, action)
		}
	}
	var denied int
	if err := db.QueryRow("SELECT COUNT(*) FROM audit_events WHERE action = 'access.denied' AND entity_id LIKE '%decideReviewCase%'").Scan(&denied); err != nil {
		t.Fatal(err)
	}
	if denied == 0 {
		t.Error("the refused decision by another reviewer is not in the audit log")
	}
}

func testReviewOverturn(t *testing.T, e *reviewEnv, db *sql.DB) {
	// 6,000 SEK is above SE's 5,000: the overturn needs a second reviewer.
	d := e.decline(t, "SE", 6000)
	rc := e.mustRequest(t, d.Reference, "I paid the remark off last month; here is why the score is stale.", "en-GB", uniqueKey("overturn"))
	e.as(t, e.rita, claimMutation, map[string]any{"id": rc.CaseID})
	const reason = "The bureau's remark was settled before the purchase; the score does not reflect it."
	c := caseOf(t, e.as(t, e.rita, decideMutation, map[string]any{"id": rc.CaseID, "o": "OVERTURN", "r": reason}), "decideReviewCase")
	if c.Status != "PENDING_SECOND_REVIEW" || !c.SecondReviewRequired || c.NewDecision != nil || len(c.Notices) != 1 {
		t.Fatalf("overturned case above the amount %+v, want PENDING_SECOND_REVIEW", c)
	}
	// Decline rates count each purchase once, as the engine decided it: the overturn adds nothing.
	countsBefore := e.seCounts(t)
	// The reviewer who overturned it is refused as the second reviewer, and the refusal recorded.
	wantError(t, e.as(t, e.rita, approveMutation, map[string]any{"id": rc.CaseID}), "FORBIDDEN", "")
	var denied int
	if err := db.QueryRow("SELECT COUNT(*) FROM audit_events WHERE action = 'access.denied' AND outcome = 'DENIED' AND entity_id LIKE '%approveOverturn%'").Scan(&denied); err != nil {
		t.Fatal(err)
	}
	if denied == 0 {
		t.Error("the refused self-approval is not recorded as access.denied")
	}
	c = caseOf(t, e.as(t, e.ravi, approveMutation, map[string]any{"id": rc.CaseID, "c": "Agreed: the remark is settled."}), "approveOverturn")
	if c.Status != "OVERTURNED" || c.SecondReviewer == nil || *c.SecondReviewer == e.ritaName || c.NewDecision == nil {
		t.Fatalf("approved overturn %+v", c)
	}
	nd := c.NewDecision
	if nd.Kind != "MANUAL_REVIEW" || nd.Outcome != "APPROVED" || len(nd.Reasons) != 0 || nd.Message != nil ||
		nd.Reviewer == nil || *nd.Reviewer != e.ritaName || nd.ReviewReason == nil || *nd.ReviewReason != reason ||
		nd.Overturns == nil || nd.Overturns.ID != d.DecisionID || nd.Reference == d.Reference {
		t.Fatalf("new decision %+v", nd)
	}
	if c.Decision.OverturnedBy == nil || c.Decision.OverturnedBy.ID != nd.ID || c.Decision.Kind != "AUTOMATED" || c.Decision.Outcome != "DECLINED" {
		t.Fatalf("original decision %+v, want it DECLINED and overturned by %s", c.Decision, nd.ID)
	}
	wantNotice(t, c.Notices[1], "OVERTURNED", "en-GB", d.Reference, reason, nd.Reference)
	if after := e.seCounts(t); after != countsBefore {
		t.Errorf("SE's assessed and declined went from %v to %v with an overturn", countsBefore, after)
	}
	rc = e.mustRequest(t, d.Reference, "I paid the remark off last month; here is why the score is stale.", "en-GB", rcKey(t, db, rc.CaseID))
	if rc.Status != "OVERTURNED" || rc.NewDecisionReference == nil || *rc.NewDecisionReference != nd.Reference {
		t.Fatalf("receipt of the overturn %+v", rc)
	}
	// Both decisions are sealed, and the explorer sees the link from the original.
	var v struct {
		VerifyDecisions struct {
			OK bool `json:"ok"`
		} `json:"verifyDecisions"`
	}
	decodeData(t, e.ta.gql(t, auth.Auditor, `{ verifyDecisions { ok } }`, nil), &v)
	if !v.VerifyDecisions.OK {
		t.Error("verifyDecisions fails after an overturn")
	}
	var got struct {
		Decision linkedDecision `json:"decision"`
	}
	decodeData(t, e.ta.gql(t, auth.Analyst, `query($id: ID!) { decision(id: $id) { id kind overturnedBy { id reference } reviewCases { id status } } }`,
		map[string]any{"id": d.DecisionID}), &got)
	if got.Decision.OverturnedBy == nil || got.Decision.OverturnedBy.Reference != nd.Reference || len(got.Decision.ReviewCases) != 1 ||
		got.Decision.ReviewCases[0].Status != "OVERTURNED" {
		t.Fatalf("the explorer's view of the original %+v", got.Decision)
	}
	if n := auditCount(t, db, "review.approve_overturn", "review_case", rc.CaseID, "DONE"); n != 1 {
		t.Errorf("%d review.approve_overturn events, want 1", n)
	}
	// The export links both ways, in its last columns.
	resp, body := exportGet(t, e.ta, auth.Analyst, "market=SE")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("export: %d %s", resp.StatusCode, body)
	}
	rows := map[string]map[string]string{}
	for _, row := range parseExport(t, body) {
		rows[row["id"]] = row
	}
	if o := rows[d.DecisionID]; o["kind"] != "AUTOMATED" || o["overturned_by"] != nd.ID || o["outcome"] != "DECLINED" {
		t.Errorf("exported original %v", o)
	}
	if n := rows[nd.ID]; n["kind"] != "MANUAL_REVIEW" || n["overturns"] != d.DecisionID || n["reviewer"] != e.ritaName ||
		n["review_reason"] != reason || n["outcome"] != "APPROVED" || n["reasons"] != "" {
		t.Errorf("exported overturn %v", n)
	}

	// Below the amount an overturn takes effect at once.
	d2 := e.decline(t, "DE", 100)
	rc2 := e.mustRequest(t, d2.Reference, "Ich habe seit Jahren ein festes Einkommen.", "de-DE", uniqueKey("overturn-small"))
	e.as(t, e.ravi, claimMutation, map[string]any{"id": rc2.CaseID})
	c = caseOf(t, e.as(t, e.ravi, decideMutation, map[string]any{"id": rc2.CaseID, "o": "OVERTURN", "r": "Das Einkommen ist belegt."}), "decideReviewCase")
	if c.Status != "OVERTURNED" || c.SecondReviewRequired || c.NewDecision == nil || c.NewDecision.Kind != "MANUAL_REVIEW" {
		t.Fatalf("overturn below the amount %+v", c)
	}
	wantNotice(t, c.Notices[1], "OVERTURNED", "de-DE", d2.Reference, "Das Einkommen ist belegt.", c.NewDecision.Reference)
}

// seCounts returns SE's assessed and declined purchases of the last and next day, counted from
// the decisions (an amount range).
func (e *reviewEnv) seCounts(tb testing.TB) [2]int {
	tb.Helper()
	now := time.Now().UTC()
	var out struct {
		ReasonBreakdown struct {
			Assessed int `json:"assessed"`
			Declined int `json:"declined"`
		} `json:"reasonBreakdown"`
	}
	decodeData(tb, e.ta.gql(tb, auth.Analyst, `query($f: AnalyticsFilter!) { reasonBreakdown(filter: $f) { assessed declined } }`,
		map[string]any{"f": map[string]any{"from": now.Add(-24 * time.Hour), "to": now.Add(24 * time.Hour), "market": "SE", "minAmount": 0}}), &out)
	return [2]int{out.ReasonBreakdown.Assessed, out.ReasonBreakdown.Declined}
}

// rcKey reads the idempotency key case id was requested with.
func rcKey(tb testing.TB, db *sql.DB, id string) string {
	tb.Helper()
	var key string
	if err := db.QueryRow("SELECT idempotency_key FROM review_cases WHERE id = " + id).Scan(&key); err != nil {
		tb.Fatal(err)
	}
	return key
}

func testReviewSecondRefusal(t *testing.T, e *reviewEnv) {
	d := e.decline(t, "GB", 900) // above GB's 500
	rc := e.mustRequest(t, d.Reference, "My income was verified last week.", "en-GB", uniqueKey("second-refusal"))
	e.as(t, e.rita, claimMutation, map[string]any{"id": rc.CaseID})
	e.as(t, e.rita, decideMutation, map[string]any{"id": rc.CaseID, "o": "OVERTURN", "r": "Income verified."})
	wantError(t, e.as(t, e.ravi, rejectMutation, map[string]any{"id": rc.CaseID, "c": " "}), "INVALID", "comment")
	c := caseOf(t, e.as(t, e.ravi, rejectMutation, map[string]any{"id": rc.CaseID, "c": "The verification is after the decision."}), "rejectOverturn")
	if c.Status != "IN_REVIEW" || c.Outcome != nil || c.SecondReviewComment == nil || c.NewDecision != nil {
		t.Fatalf("refused overturn %+v, want back IN_REVIEW", c)
	}
	c = caseOf(t, e.as(t, e.rita, decideMutation, map[string]any{"id": rc.CaseID, "o": "UPHOLD", "r": "The decision used the data of its day."}), "decideReviewCase")
	if c.Status != "UPHELD" || len(c.Notices) != 2 {
		t.Fatalf("upheld after the refusal %+v", c)
	}
}

func testReviewRefusals(t *testing.T, e *reviewEnv) {
	declined := e.decline(t, "SE", 300)
	approved := e.ta.approvedPurchase(t)
	us := e.decline(t, "US", 300)
	for _, tc := range []struct {
		name, ref, statement, locale, key, field string
	}{
		{"an approval", approved.Reference, "please", "sv-SE", uniqueKey("r"), "reference"},
		{"a market without review", us.Reference, "please", "en-US", uniqueKey("r"), "reference"},
		{"a malformed reference", "not-a-ref", "please", "sv-SE", uniqueKey("r"), "reference"},
		{"no statement", declined.Reference, " \n ", "sv-SE", uniqueKey("r"), "statement"},
		{"an oversized statement", declined.Reference, strings.Repeat("å", 2001), "sv-SE", uniqueKey("r"), "statement"},
		{"a statement with control characters", declined.Reference, "hi\x00there", "sv-SE", uniqueKey("r"), "statement"},
		{"an unknown locale", declined.Reference, "please", "fr-FR", uniqueKey("r"), "locale"},
		{"no idempotency key", declined.Reference, "please", "sv-SE", "", "idempotencyKey"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantError(t, e.request(t, tc.ref, tc.statement, tc.locale, tc.key), "INVALID", tc.field)
		})
	}
	wantError(t, e.request(t, "ZZZ-ZZZ-ZZZ", "please", "sv-SE", uniqueKey("r")), "NOT_FOUND", "")
	// The refusals wrote no case: the decline can still be reviewed.
	e.mustRequest(t, declined.Reference, "please", "sv-SE", uniqueKey("r"))
	wantError(t, e.as(t, e.rita, claimMutation, map[string]any{"id": "999999"}), "NOT_FOUND", "")
	wantError(t, e.as(t, e.rita, claimMutation, map[string]any{"id": "x"}), "INVALID", "id")
}

func testReviewNotices(t *testing.T, e *reviewEnv) {
	for _, locale := range []string{"en-US", "en-GB", "sv-SE", "de-DE"} {
		t.Run(locale, func(t *testing.T) {
			d := e.decline(t, "DE", 80)
			rc := e.mustRequest(t, d.Reference, "statement", locale, uniqueKey("locale"))
			wantNotice(t, rc.Notices[0], "RECEIVED", locale, d.Reference, catalog.FormatDate(locale, rc.DueAt))
			e.as(t, e.rita, claimMutation, map[string]any{"id": rc.CaseID})
			outcome := map[bool]string{true: "UPHOLD", false: "OVERTURN"}[locale == "en-US" || locale == "sv-SE"]
			reason := "reason in " + locale
			c := caseOf(t, e.as(t, e.rita, decideMutation, map[string]any{"id": rc.CaseID, "o": outcome, "r": reason}), "decideReviewCase")
			if outcome == "UPHOLD" {
				wantNotice(t, c.Notices[1], "UPHELD", locale, d.Reference, reason)
			} else {
				wantNotice(t, c.Notices[1], "OVERTURNED", locale, d.Reference, reason, c.NewDecision.Reference)
			}
			for _, n := range c.Notices {
				if strings.ContainsAny(n.Title+n.Body, "{}") {
					t.Errorf("notice %s in %s has an unfilled placeholder: %q", n.Kind, locale, n.Body)
				}
			}
		})
	}
}

func testReviewAgentView(t *testing.T, e *reviewEnv) {
	d := e.decline(t, "SE", 6000)
	const statement = "A very private statement about my divorce."
	const agentQuery = `query($ref: String!) { agentDecision(reference: $ref) { reference outcome kind overturnsReference reviewRequestableUntil notes
	  review { status requestedAt dueAt overdue outcome decidedAt newDecisionReference } } }`
	type agentView struct {
		AgentDecision struct {
			Notes                  []string   `json:"notes"`
			Kind                   string     `json:"kind"`
			OverturnsReference     *string    `json:"overturnsReference"`
			ReviewRequestableUntil *time.Time `json:"reviewRequestableUntil"`
			Review                 *struct {
				Status               string    `json:"status"`
				DueAt                time.Time `json:"dueAt"`
				Overdue              bool      `json:"overdue"`
				Outcome              *string   `json:"outcome"`
				NewDecisionReference *string   `json:"newDecisionReference"`
			} `json:"review"`
		} `json:"agentDecision"`
	}
	read := func(ref string) (agentView, string) {
		r := e.ta.gql(t, auth.Agent, agentQuery, map[string]any{"ref": ref})
		var v agentView
		decodeData(t, r, &v)
		return v, string(r.Data)
	}
	// Before the request the agent can tell the shopper until when they may ask; not for an
	// approval, nor in a market without review.
	v, raw := read(d.Reference)
	if u := v.AgentDecision.ReviewRequestableUntil; u == nil || !u.Equal(d.CreatedAt.AddDate(0, 0, 90)) || v.AgentDecision.Review != nil {
		t.Fatalf("agent view of a decline not yet reviewed %s, want requestable until %s", raw, d.CreatedAt.AddDate(0, 0, 90))
	}
	// The notes tell the agent how the shopper asks, until the shopper has asked.
	const howToAsk = "may ask for a person to review"
	if !slices.ContainsFunc(v.AgentDecision.Notes, func(n string) bool { return strings.Contains(n, howToAsk) }) {
		t.Fatalf("agent notes of a decline not yet reviewed do not say how to ask for a review: %s", raw)
	}
	for _, ref := range []string{e.ta.approvedPurchase(t).Reference, e.decline(t, "US", 100).Reference} {
		if v, raw := read(ref); v.AgentDecision.ReviewRequestableUntil != nil {
			t.Errorf("agent view %s says a review may be asked", raw)
		}
	}
	rc := e.mustRequest(t, d.Reference, statement, "sv-SE", uniqueKey("agent"))
	v, raw = read(d.Reference)
	if v.AgentDecision.ReviewRequestableUntil != nil || v.AgentDecision.Kind != "AUTOMATED" || v.AgentDecision.Review == nil || v.AgentDecision.Review.Status != "OPEN" ||
		!v.AgentDecision.Review.DueAt.Equal(rc.DueAt) || v.AgentDecision.Review.Outcome != nil {
		t.Fatalf("agent view of an open review %s", raw)
	}
	if slices.ContainsFunc(v.AgentDecision.Notes, func(n string) bool { return strings.Contains(n, howToAsk) }) {
		t.Fatalf("agent notes still say how to ask for a review the shopper has asked for: %s", raw)
	}
	e.as(t, e.rita, claimMutation, map[string]any{"id": rc.CaseID})
	e.as(t, e.rita, decideMutation, map[string]any{"id": rc.CaseID, "o": "OVERTURN", "r": "ok"})
	c := caseOf(t, e.as(t, e.ravi, approveMutation, map[string]any{"id": rc.CaseID}), "approveOverturn")
	v, raw = read(d.Reference)
	if r := v.AgentDecision.Review; r == nil || r.Status != "OVERTURNED" || r.Outcome == nil || *r.Outcome != "OVERTURN" ||
		r.NewDecisionReference == nil || *r.NewDecisionReference != c.NewDecision.Reference {
		t.Fatalf("agent view of an overturned decision %s", raw)
	}
	if strings.Contains(raw, "divorce") {
		t.Errorf("the agent view shows the statement: %s", raw)
	}
	v, raw = read(c.NewDecision.Reference)
	if v.AgentDecision.Kind != "MANUAL_REVIEW" || v.AgentDecision.OverturnsReference == nil || *v.AgentDecision.OverturnsReference != d.Reference {
		t.Fatalf("agent view of the overturn's decision %s", raw)
	}
	// Agents read; they file and decide nothing, and see no case.
	for _, q := range []string{caseQuery, claimMutation} {
		wantError(t, e.ta.gql(t, auth.Agent, q, map[string]any{"id": rc.CaseID}), "FORBIDDEN", "")
	}
	wantError(t, e.ta.gql(t, auth.Agent, requestReviewMutation, map[string]any{"ref": d.Reference, "st": "x", "loc": "sv-SE", "key": "k"}), "FORBIDDEN", "")
}

func testReviewSelfConflict(t *testing.T, e *reviewEnv, db *sql.DB) {
	// An insider holding ADMIN and REVIEWER creates a SERVICE token, files a review with it, and
	// tries to review it themselves.
	name, password := e.newName("insider"), accounts.NewPassword()
	if _, err := e.ta.Accounts.CreateUser(systemContext(), accounts.NewUser{Username: name, DisplayName: "Insider",
		Password: password, Roles: []auth.Role{auth.Admin, auth.Reviewer}}); err != nil {
		t.Fatal(err)
	}
	insider := e.logIn(t, name, password, auth.Reviewer)
	var tok struct {
		CreateAPIToken struct {
			Secret string `json:"secret"`
		} `json:"createApiToken"`
	}
	decodeData(t, e.as(t, insider, `mutation($in: CreateApiTokenInput!) { createApiToken(input: $in) { secret } }`,
		map[string]any{"in": map[string]any{"name": e.newName("own-checkout"), "roles": []string{"SERVICE"}}}), &tok)
	// A token never carries REVIEWER: reviewers are people signed in.
	wantError(t, e.as(t, insider, `mutation($in: CreateApiTokenInput!) { createApiToken(input: $in) { secret } }`,
		map[string]any{"in": map[string]any{"name": e.newName("reviewer-token"), "roles": []string{"REVIEWER"}}}), "INVALID", "input.roles")
	d := e.decline(t, "SE", 500)
	var out struct {
		RequestReview reviewReceipt `json:"requestReview"`
	}
	decodeData(t, e.ta.gqlWithToken(t, tok.CreateAPIToken.Secret, requestReviewMutation,
		map[string]any{"ref": d.Reference, "st": "mine", "loc": "sv-SE", "key": uniqueKey("self")}), &out)
	id := out.RequestReview.CaseID
	wantError(t, e.as(t, insider, claimMutation, map[string]any{"id": id}), "FORBIDDEN", "")
	var denied int
	if err := db.QueryRow("SELECT COUNT(*) FROM audit_events WHERE action = 'access.denied' AND actor LIKE '%" + name + "' AND entity_id LIKE '%claimReviewCase%'").Scan(&denied); err != nil {
		t.Fatal(err)
	}
	if denied == 0 {
		t.Error("the refused self-review is not recorded as access.denied")
	}
	// Someone else may review it.
	if c := caseOf(t, e.as(t, e.rita, claimMutation, map[string]any{"id": id}), "claimReviewCase"); c.Status != "IN_REVIEW" {
		t.Fatalf("claim by another reviewer: %+v", c)
	}
}

func testReviewOwnPurchase(t *testing.T, e *reviewEnv, db *sql.DB) {
	rita := e.ta.session(t, auth.Reviewer).user
	const link = `mutation($id: ID!, $s: String!) { linkStaffShopper(userId: $id, shopperId: $s) }`
	var out struct {
		LinkStaffShopper []string `json:"linkStaffShopper"`
	}
	decodeData(t, e.ta.gql(t, auth.Admin, link, map[string]any{"id": fmt.Sprint(rita.ID), "s": "s-staff-rita"}), &out)
	if len(out.LinkStaffShopper) != 1 || out.LinkStaffShopper[0] != "s-staff-rita" {
		t.Fatalf("links %v", out.LinkStaffShopper)
	}
	wantError(t, e.ta.gql(t, auth.Admin, link, map[string]any{"id": fmt.Sprint(rita.ID), "s": " "}), "INVALID", "shopperId")
	wantError(t, e.ta.gql(t, auth.Admin, link, map[string]any{"id": "999999", "s": "x"}), "NOT_FOUND", "")
	if n := auditCount(t, db, "staff.link_shopper", "user", rita.Username, "DONE"); n != 1 {
		t.Errorf("%d staff.link_shopper events, want 1", n)
	}
	a := e.ta.assess(t, purchaseInput("SE", 300, func(in, v map[string]any) { v["bureauScore"] = 420; in["shopperId"] = "s-staff-rita" }), uniqueKey("own"))
	rc := e.mustRequest(t, a.Reference, "my own purchase", "sv-SE", uniqueKey("own"))
	wantError(t, e.as(t, e.rita, claimMutation, map[string]any{"id": rc.CaseID}), "FORBIDDEN", "")
	if c := caseOf(t, e.as(t, e.ravi, claimMutation, map[string]any{"id": rc.CaseID}), "claimReviewCase"); c.Status != "IN_REVIEW" {
		t.Fatalf("claim by another reviewer: %+v", c)
	}
	// An ADMIN cannot lift a link of their own.
	admin := e.ta.session(t, auth.Admin).user
	decodeData(t, e.ta.gql(t, auth.Admin, link, map[string]any{"id": fmt.Sprint(admin.ID), "s": "s-staff-admin"}), &out)
	wantError(t, e.ta.gql(t, auth.Admin, `mutation($id: ID!) { unlinkStaffShopper(userId: $id, shopperId: "s-staff-admin") }`,
		map[string]any{"id": fmt.Sprint(admin.ID)}), "FORBIDDEN", "")
	var unlinked struct {
		UnlinkStaffShopper []string `json:"unlinkStaffShopper"`
	}
	decodeData(t, e.ta.gql(t, auth.Admin, `mutation($id: ID!) { unlinkStaffShopper(userId: $id, shopperId: "s-staff-rita") }`,
		map[string]any{"id": fmt.Sprint(rita.ID)}), &unlinked)
	if len(unlinked.UnlinkStaffShopper) != 0 {
		t.Errorf("links after unlinking %v", unlinked.UnlinkStaffShopper)
	}
}

func testReviewConcurrentClaims(t *testing.T, e *reviewEnv) {
	for round := range 3 {
		d := e.decline(t, "SE", 700)
		rc := e.mustRequest(t, d.Reference, "race", "sv-SE", uniqueKey(fmt.Sprint("race", round)))
		var wg sync.WaitGroup
		codes := make([]string, 2)
		errs := make([]error, 2)
		for i, c := range []*apiCaller{e.rita, e.ravi} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := e.sendConcurrent(c, claimMutation, map[string]any{"id": rc.CaseID})
				if err != nil {
					errs[i] = err
					return
				}
				codes[i] = r.code()
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		if !(codes[0] == "" && codes[1] == "CONFLICT" || codes[0] == "CONFLICT" && codes[1] == "") {
			t.Fatalf("round %d: two concurrent claims answered %q and %q, want one success and one CONFLICT", round, codes[0], codes[1])
		}
	}
}

// testReviewConcurrentRequests: the app retrying a request while the first is in flight gets the
// same case, and only one is written.
func testReviewConcurrentRequests(t *testing.T, e *reviewEnv) {
	d := e.decline(t, "SE", 650)
	key := uniqueKey("twice")
	vars := map[string]any{"ref": d.Reference, "st": "twice", "loc": "sv-SE", "key": key}
	ids := make([]string, 2)
	errs := make([]error, 2)
	checkout := e.ta.caller(t, auth.Service)
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := e.sendConcurrent(checkout, requestReviewMutation, vars)
			if err == nil && len(r.Errors) > 0 {
				err = fmt.Errorf("request %d: %s", i, errorsJSON(r))
			}
			if err == nil {
				var out struct {
					RequestReview reviewReceipt `json:"requestReview"`
				}
				err = json.Unmarshal(r.Data, &out)
				ids[i] = out.RequestReview.CaseID
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if ids[0] == "" || ids[0] != ids[1] {
		t.Fatalf("two concurrent identical requests answered cases %q and %q", ids[0], ids[1])
	}
}

// sendConcurrent posts query as c from a goroutine other than the test's.
func (e *reviewEnv) sendConcurrent(c *apiCaller, query string, vars map[string]any) (*gqlResponse, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.ta.Server.URL+"/graphql", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	c.authorize(req, e.ta.Server.URL)
	resp, err := e.ta.Server.Client().Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out := &gqlResponse{Status: resp.StatusCode}
	return out, json.NewDecoder(resp.Body).Decode(out)
}

func testOverturnRates(t *testing.T, e *reviewEnv) {
	var out struct {
		OverturnRates []struct {
			Market     string  `json:"market"`
			Reason     string  `json:"reason"`
			Decided    int     `json:"decided"`
			Overturned int     `json:"overturned"`
			Rate       float64 `json:"rate"`
		} `json:"overturnRates"`
	}
	now := e.clock.now()
	decodeData(t, e.ta.gql(t, auth.Analyst, `query($f: OverturnRateFilter!) { overturnRates(filter: $f) { market reason decided overturned rate } }`,
		map[string]any{"f": map[string]any{"from": now.Add(-time.Hour), "to": now.Add(time.Hour)}}), &out)
	seen := map[string]bool{}
	for _, r := range out.OverturnRates {
		seen[r.Market] = true
		if r.Decided < r.Overturned || r.Decided == 0 || r.Rate != float64(r.Overturned)/float64(r.Decided) {
			t.Errorf("rate %+v", r)
		}
	}
	// The earlier subtests decided cases in SE (upheld and overturned), DE and GB.
	for _, m := range []string{"SE", "DE", "GB"} {
		if !seen[m] {
			t.Errorf("no overturn rate of %s: %+v", m, out.OverturnRates)
		}
	}
	wantError(t, e.ta.gql(t, auth.Analyst, `query($f: OverturnRateFilter!) { overturnRates(filter: $f) { rate } }`,
		map[string]any{"f": map[string]any{"from": now, "to": now.Add(-time.Hour)}}), "INVALID", "filter.to")
}

func testReviewOverdue(t *testing.T, e *reviewEnv) {
	d := e.decline(t, "GB", 200)
	rc := e.mustRequest(t, d.Reference, "late", "en-GB", uniqueKey("late"))
	before, err := e.ta.Reviews.Deadlines(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	e.clock.advance(29 * 24 * time.Hour)
	soon, err := e.ta.Reviews.Deadlines(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	e.clock.advance(2 * 24 * time.Hour)
	deadlines, err := e.ta.Reviews.Deadlines(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	after := deadlines.Overdue
	if after <= before.Overdue || soon.DueSoon < 1 {
		t.Errorf("overdue cases: %d before the deadline passed, %d after; due soon a day before it: %d", before.Overdue, after, soon.DueSoon)
	}
	// The metrics: cases opened and decided (by the earlier subtests), and the overdue gauge.
	_, body := scrape(t, e.ta.MetricsHandler(), "")
	for series, least := range map[string]float64{
		`riskconsole_review_cases_opened_total{market="SE"}`:                     3,
		`riskconsole_review_cases_decided_total{market="SE",outcome="UPHOLD"}`:   1,
		`riskconsole_review_cases_decided_total{market="SE",outcome="OVERTURN"}`: 1,
		`riskconsole_review_cases_decided_total{market="DE",outcome="OVERTURN"}`: 1,
		`riskconsole_review_cases_overdue`:                                       float64(after),
		`riskconsole_review_cases_undecided{deadline="overdue"}`:                 float64(after),
	} {
		if v := metricValue(t, body, series); v < least {
			t.Errorf("%s = %v, want at least %v", series, v, least)
		}
	}
	if v := metricValue(t, body, `riskconsole_review_cases_decided_total{market="US",outcome="UPHOLD"}`); v != 0 {
		t.Errorf("US decided cases %v, want 0 (US offers no review)", v)
	}
	var out struct {
		ReviewCases struct {
			Nodes []reviewCaseView `json:"nodes"`
		} `json:"reviewCases"`
	}
	decodeData(t, e.as(t, e.rita, `{ reviewCases(filter: {overdue: true}, first: 100) { nodes { id status overdue dueAt } } }`, nil), &out)
	found := false
	for i, c := range out.ReviewCases.Nodes {
		if !c.Overdue || c.Status == "UPHELD" || c.Status == "OVERTURNED" {
			t.Errorf("overdue filter answered %+v", c)
		}
		if i > 0 && c.DueAt.Before(out.ReviewCases.Nodes[i-1].DueAt) {
			t.Errorf("queue not ordered by due date at %d", i)
		}
		found = found || c.ID == rc.CaseID
	}
	if !found {
		t.Errorf("case %s is not in the overdue queue", rc.CaseID)
	}
	// A decision older than the window (90 days) can no longer be reviewed. Decisions are made at
	// the real time, 31 days before the review's clock: 60 days more put this one at 91.
	old := e.decline(t, "SE", 100)
	e.clock.advance(60 * 24 * time.Hour)
	wantError(t, e.request(t, old.Reference, "too late", "sv-SE", uniqueKey("window")), "INVALID", "reference")
}

// declined assesses a fresh purchase of 6,000 SEK (above SE's second-review amount) that the
// engine declines for its credit score.
func (e *fieldEnv) declined(tb testing.TB) assessment {
	tb.Helper()
	a := e.ta.assess(tb, purchaseInput("SE", 6000, func(_, v map[string]any) { v["bureauScore"] = 420 }), uniqueKey("review"))
	if a.Outcome != "DECLINED" {
		tb.Fatalf("purchase %s: %s, want DECLINED", a.DecisionID, a.Outcome)
	}
	return a
}

// reviewCaseIn returns the id of a fresh review case in status, for the role matrix: OPEN;
// IN_REVIEW, claimed by c when c is a reviewer (only the claimant decides); or
// PENDING_SECOND_REVIEW, overturned by another reviewer than c.
func (e *fieldEnv) reviewCaseIn(tb testing.TB, c *apiCaller, status string) string {
	tb.Helper()
	var out struct {
		RequestReview reviewReceipt `json:"requestReview"`
	}
	decodeData(tb, e.ta.gql(tb, auth.Service, requestReviewMutation,
		map[string]any{"ref": e.declined(tb).Reference, "st": "sample", "loc": "en-GB", "key": uniqueKey("matrix")}), &out)
	id := out.RequestReview.CaseID
	first := c
	switch {
	case status == "OPEN":
		return id
	case status == "PENDING_SECOND_REVIEW" || c.role != auth.Reviewer:
		e.otherReviewerOnce.Do(func() { e.otherReviewer = e.signIn(tb, auth.Reviewer) })
		first = e.otherReviewer
	}
	for _, step := range []struct {
		query string
		want  bool
	}{
		{`mutation($id: ID!) { claimReviewCase(id: $id) { id } }`, true},
		{`mutation($id: ID!) { decideReviewCase(id: $id, outcome: OVERTURN, reason: "sample") { id } }`, status == "PENDING_SECOND_REVIEW"},
	} {
		if !step.want {
			continue
		}
		if r, _ := e.send(tb, first, step.query, map[string]any{"id": id}); len(r.Errors) > 0 {
			tb.Fatalf("prepare review case %s: %s", id, errorsJSON(r))
		}
	}
	return id
}

// TestDemoReviews: the embedded demo opens its review cases once, through the service, and the
// demo reviewers' steps are theirs.
func TestDemoReviews(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 20)
		ctx := context.Background()
		// Recent declines in every market that offers review (the demo's are months old here).
		for _, m := range []string{"SE", "SE", "DE", "GB"} {
			ta.assess(t, purchaseInput(m, 300, func(_, v map[string]any) { v["bureauScore"] = 420 }), uniqueKey("demo"))
		}
		if err := demo.EnsureAccounts(ctx, ta.Store, filepath.Join(t.TempDir(), "accounts.json")); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := demo.EnsureReviews(ctx, ta.Store, ta.Reviews); err != nil {
				t.Fatal(err)
			}
		}
		cases, _, err := ta.Reviews.List(ctx, reviews.Filter{}, 100, "")
		if err != nil {
			t.Fatal(err)
		}
		statuses := map[reviews.Status]int{}
		for _, c := range cases {
			statuses[c.Status]++
			if len(c.Notices) == 0 || c.RequestedBy != "system:demo-reviews" {
				t.Errorf("demo case %+v", c)
			}
		}
		if len(cases) != 4 || statuses[reviews.StatusOpen] != 2 || statuses[reviews.StatusInReview] != 1 || statuses[reviews.StatusUpheld] != 1 {
			t.Fatalf("demo cases by status %v (%d cases), want 2 OPEN, 1 IN_REVIEW, 1 UPHELD", statuses, len(cases))
		}
	})
}

// TestCatalogReviewNoticeVersioned: a review notice is a catalog frame part, edited through a
// draft like the pop-up's: the edit refuses a body without its placeholders, naming the part, and
// a review of a decision pinned to the version before the edit still gets that version's text,
// while a decision of the new version gets the new one.
func TestCatalogReviewNoticeVersioned(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		e := newReviewEnv(t, dialect)
		author, approver := e.signIn(t, auth.Analyst), e.signIn(t, auth.Approver)
		old := e.decline(t, "DE", 80)
		seeded := e.ta.Catalog.Current().Frames["de-DE"].ReviewReceivedBody

		var draft struct {
			CreateCatalogDraft struct {
				ID string `json:"id"`
			} `json:"createCatalogDraft"`
		}
		decodeData(t, e.as(t, author, `mutation { createCatalogDraft { id revision } }`, nil), &draft)
		id := draft.CreateCatalogDraft.ID
		const edit = `mutation($id: ID!, $rev: Int!, $text: String!) {
			editCatalogFrame(id: $id, revision: $rev, locale: "de-DE", part: REVIEW_RECEIVED_BODY, text: $text) { revision } }`
		r := e.as(t, author, edit, map[string]any{"id": id, "rev": 1, "text": "Wir melden uns bis zum {dueDate}."})
		wantError(t, r, "INVALID", "frames[de-DE].reviewReceivedBody")
		if !strings.Contains(errorsJSON(r), "{reference}") {
			t.Errorf("the refusal does not say {reference} is missing: %s", errorsJSON(r))
		}
		const reworded = "Ihr Antrag zur Entscheidung {reference} liegt einem Menschen vor. Antwort bis zum {dueDate}."
		if r = e.as(t, author, edit, map[string]any{"id": id, "rev": 1, "text": reworded}); len(r.Errors) > 0 {
			t.Fatalf("edit: %s", errorsJSON(r))
		}
		if r = e.as(t, author, `mutation($id: ID!) { submitCatalogDraft(id: $id, revision: 2) { status } }`, map[string]any{"id": id}); len(r.Errors) > 0 {
			t.Fatalf("submit: %s", errorsJSON(r))
		}
		if r = e.as(t, approver, `mutation($id: ID!) { approveCatalogDraft(id: $id) { status publishedVersion } }`, map[string]any{"id": id}); len(r.Errors) > 0 {
			t.Fatalf("approve: %s", errorsJSON(r))
		}
		if got := e.ta.Catalog.Current().Frames["de-DE"].ReviewReceivedBody; got != reworded {
			t.Fatalf("published review notice %q", got)
		}

		filled := func(text, ref string, due time.Time) string {
			return strings.NewReplacer("{reference}", ref, "{dueDate}", catalog.FormatDate("de-DE", due)).Replace(text)
		}
		rc := e.mustRequest(t, old.Reference, "statement", "de-DE", uniqueKey("old-version"))
		if len(rc.Notices) != 1 || rc.Notices[0].Body != filled(seeded, old.Reference, rc.DueAt) {
			t.Errorf("a decision of the old version got %+v, want its version's text %q", rc.Notices, seeded)
		}
		fresh := e.decline(t, "DE", 80)
		rc = e.mustRequest(t, fresh.Reference, "statement", "de-DE", uniqueKey("new-version"))
		if len(rc.Notices) != 1 || rc.Notices[0].Body != filled(reworded, fresh.Reference, rc.DueAt) {
			t.Errorf("a decision of the new version got %+v, want the edited text", rc.Notices)
		}
	})
}
