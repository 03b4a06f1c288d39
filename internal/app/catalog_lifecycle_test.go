package app

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"riskconsole/internal/approval"
	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
)

// sampleCatalogText is a valid shopper text for INCOME_INSUFFICIENT in en-GB.
var sampleCatalogText = map[string]any{
	"title": "Your income is too low for this purchase",
	"body":  "The monthly income in your account is below what this purchase of {amount} at {merchant} needs.",
	"steps": []string{"Update your income in your account so that it includes all your regular monthly income."},
}

// newCatalogDraft prepares a catalog draft written by a staff analyst, in status DRAFT or
// SUBMITTED, and returns its id.
func (e *fieldEnv) newCatalogDraft(tb testing.TB, status approval.Status) string {
	tb.Helper()
	lc := e.ta.CatalogLifecycle
	author := staffContext("sample.catalog.analyst", auth.Analyst)
	d, err := lc.CreateDraft(author)
	if err == nil && status == approval.StatusSubmitted {
		d, err = lc.Submit(author, d.ID, d.Revision)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return strconv.FormatInt(d.ID, 10)
}

// TestCatalogLifecycle walks a catalog draft from creation to publication through the API on
// both databases: edits with optimistic concurrency and field errors, submission, refusal of
// the author's own approval, approval by another approver, and the new version in force.
func TestCatalogLifecycle(t *testing.T) {
	const draftFields = `id baseVersion status revision author reviewer publishedVersion changes { code locale audience kind before { title } after { title } }`
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 10)
		e := newFieldEnv(t, ta)
		lead := e.signIn(t, auth.Approver)
		other := e.signIn(t, auth.Approver)
		before := ta.Catalog.Current().Version

		type draft struct {
			ID               string `json:"id"`
			Status           string `json:"status"`
			Revision         int    `json:"revision"`
			PublishedVersion *int   `json:"publishedVersion"`
			Changes          []struct {
				Code, Locale, Audience, Kind string
			} `json:"changes"`
		}
		call := func(c *apiCaller, query string, vars map[string]any, field string) (*gqlResponse, draft) {
			t.Helper()
			r, _ := e.send(t, c, query, vars)
			var out map[string]draft
			if len(r.Errors) == 0 {
				decodeData(t, r, &out)
			}
			return r, out[field]
		}
		r, d := call(lead, `mutation { createCatalogDraft { `+draftFields+` } }`, nil, "createCatalogDraft")
		if len(r.Errors) > 0 || d.Status != "DRAFT" || d.Revision != 1 || len(d.Changes) != 0 {
			t.Fatalf("create: %+v %s", d, errorsJSON(r))
		}
		edit := `mutation($id: ID!, $rev: Int!, $code: ReasonCode!, $locale: String!, $text: MessageTextInput!) {
			editCatalogText(id: $id, revision: $rev, code: $code, locale: $locale, audience: SHOPPER, text: $text) { ` + draftFields + ` } }`
		r, d = call(lead, edit, map[string]any{"id": d.ID, "rev": 1, "code": "INCOME_INSUFFICIENT", "locale": "en-GB", "text": sampleCatalogText}, "editCatalogText")
		if len(r.Errors) > 0 || d.Revision != 2 || len(d.Changes) != 1 || d.Changes[0].Kind != "CHANGED" || d.Changes[0].Locale != "en-GB" {
			t.Fatalf("edit: %+v %s", d, errorsJSON(r))
		}
		id := d.ID
		// A stale revision is a conflict.
		if r, _ := call(lead, edit, map[string]any{"id": id, "rev": 1, "code": "INCOME_INSUFFICIENT", "locale": "en-GB", "text": sampleCatalogText}, "editCatalogText"); r.code() != "CONFLICT" {
			t.Errorf("stale edit: %s", errorsJSON(r))
		}
		// Refused texts come back with their paths; the draft does not change.
		bad := map[string]any{"title": "Credit score", "body": "Your score {score} from {bureau} is {whatever}.", "steps": []string{"Check it."}}
		r, _ = call(lead, edit, map[string]any{"id": id, "rev": 2, "code": "CREDIT_SCORE_INSUFFICIENT", "locale": "en-US", "text": bad}, "editCatalogText")
		if r.code() != "INVALID" || !strings.Contains(errorsJSON(r), "texts[CREDIT_SCORE_INSUFFICIENT][en-US][SHOPPER].body") {
			t.Errorf("bad text: %s", errorsJSON(r))
		}
		r, d = call(lead, `mutation($id: ID!) { submitCatalogDraft(id: $id, revision: 2) { `+draftFields+` } }`, map[string]any{"id": id}, "submitCatalogDraft")
		if len(r.Errors) > 0 || d.Status != "SUBMITTED" {
			t.Fatalf("submit: %+v %s", d, errorsJSON(r))
		}
		approve := `mutation($id: ID!) { approveCatalogDraft(id: $id) { ` + draftFields + ` } }`
		if r, _ := call(lead, approve, map[string]any{"id": id}, "approveCatalogDraft"); r.code() != "FORBIDDEN" {
			t.Errorf("self-approval: %s", errorsJSON(r))
		}
		r, d = call(other, approve, map[string]any{"id": id}, "approveCatalogDraft")
		if len(r.Errors) > 0 || d.Status != "APPROVED" || d.PublishedVersion == nil || *d.PublishedVersion != before+1 {
			t.Fatalf("approve: %+v %s", d, errorsJSON(r))
		}
		cur := ta.Catalog.Current()
		if cur.Version != before+1 {
			t.Fatalf("current catalog v%d after publishing v%d", cur.Version, before+1)
		}
		if got := cur.Texts[catalog.Key{Reason: engine.IncomeInsufficient, Locale: "en-GB", Audience: catalog.Shopper}]; got.Title != sampleCatalogText["title"] {
			t.Errorf("published text %+v", got)
		}
		// A reviewed draft is reviewed once.
		if r, _ := call(other, approve, map[string]any{"id": id}, "approveCatalogDraft"); r.code() != "CONFLICT" {
			t.Errorf("second approval: %s", errorsJSON(r))
		}
		// The audit log holds one event per step, and one DENIED event of the refused
		// self-approval.
		for _, action := range []string{"catalog_draft.create", "catalog_draft.edit", "catalog_draft.submit", "catalog_draft.approve"} {
			if n := countEvents(t, ta, action, id, "DONE"); n != 1 {
				t.Errorf("%d %s events for draft %s, want 1", n, action, id)
			}
		}
		if n := countEvents(t, ta, "catalog_draft.approve", id, "DENIED"); n != 1 {
			t.Errorf("%d DENIED approve events for draft %s, want 1 (the refused self-approval)", n, id)
		}

		// A second draft is rejected: not without a comment, not by its author, and then it
		// stays as it was, unpublished.
		r, d = call(lead, `mutation { createCatalogDraft { `+draftFields+` } }`, nil, "createCatalogDraft")
		if len(r.Errors) > 0 {
			t.Fatalf("second draft: %s", errorsJSON(r))
		}
		second := d.ID
		if r, _ = call(lead, `mutation($id: ID!) { submitCatalogDraft(id: $id, revision: 1) { `+draftFields+` } }`, map[string]any{"id": second}, "submitCatalogDraft"); len(r.Errors) > 0 {
			t.Fatalf("submit second draft: %s", errorsJSON(r))
		}
		reject := `mutation($id: ID!, $c: String!) { rejectCatalogDraft(id: $id, comment: $c) { ` + draftFields + ` } }`
		if r, _ := call(other, reject, map[string]any{"id": second, "c": "  "}, "rejectCatalogDraft"); r.code() != "INVALID" || !strings.Contains(errorsJSON(r), "comment") {
			t.Errorf("rejection without a comment: %s", errorsJSON(r))
		}
		if r, _ := call(lead, reject, map[string]any{"id": second, "c": "my own"}, "rejectCatalogDraft"); r.code() != "FORBIDDEN" {
			t.Errorf("self-rejection: %s", errorsJSON(r))
		}
		r, d = call(other, reject, map[string]any{"id": second, "c": "Keep the current wording until legal has read it."}, "rejectCatalogDraft")
		if len(r.Errors) > 0 || d.Status != "REJECTED" || d.PublishedVersion != nil || ta.Catalog.Current().Version != before+1 {
			t.Fatalf("reject: %+v %s", d, errorsJSON(r))
		}
		if n := countEvents(t, ta, "catalog_draft.reject", second, "DONE"); n != 1 {
			t.Errorf("%d reject events for draft %s, want 1", n, second)
		}
		if n := countEvents(t, ta, "catalog_draft.reject", second, "DENIED"); n != 1 {
			t.Errorf("%d DENIED reject events for draft %s, want 1 (the refused self-rejection)", n, second)
		}
	})
}

// countEvents counts the audit events of action on catalog draft id with the given outcome
// (DONE, DENIED).
func countEvents(t *testing.T, ta *testApp, action, id, outcome string) int {
	t.Helper()
	var out struct {
		AuditEvents struct {
			Nodes []struct{ Outcome string } `json:"nodes"`
		} `json:"auditEvents"`
	}
	decodeData(t, ta.gql(t, auth.Auditor, `query($a: String!, $id: String!) { auditEvents(first: 100, filter: {action: $a, entityType: "catalog_draft", entityId: $id}) { nodes { outcome } } }`,
		map[string]any{"a": action, "id": id}), &out)
	n := 0
	for _, e := range out.AuditEvents.Nodes {
		if e.Outcome == outcome {
			n++
		}
	}
	return n
}

// TestCatalogVersionAndDrafts reads a published version's texts as written and lists drafts,
// newest first, by status and page, with each draft's texts, on both databases.
func TestCatalogVersionAndDrafts(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 20)
		type entry struct {
			Code, Locale, Audience string
			Text                   struct{ Title, Body string }
		}
		var v struct {
			CatalogVersion struct {
				Version int
				Current bool
				Texts   []entry
			}
		}
		decodeData(t, ta.post(t, auth.Auditor, `{ catalogVersion { version current texts { code locale audience text { title body } } } }`, nil), &v)
		cv := v.CatalogVersion
		if cv.Version != 1 || !cv.Current || len(cv.Texts) != engine.NumReasons*4*2 {
			t.Fatalf("current catalog: version %d, current %v, %d texts", cv.Version, cv.Current, len(cv.Texts))
		}
		if e := cv.Texts[0]; e.Code != "CREDIT_SCORE_INSUFFICIENT" || e.Locale != "de-DE" || e.Audience != "AGENT" {
			t.Fatalf("first text %+v, want the first reason, locale and audience", e)
		}
		placeholders := 0
		for _, e := range cv.Texts {
			if strings.Contains(e.Text.Body, "{") {
				placeholders++
			}
		}
		if placeholders == 0 {
			t.Fatal("no text has a placeholder as written")
		}
		if r := ta.post(t, auth.Auditor, `{ catalogVersion(version: 99) { version } }`, nil); r.code() != "NOT_FOUND" {
			t.Fatalf("version 99: %s", errorsJSON(r))
		}

		// Three drafts: the oldest submitted; then list by status and page by page.
		lc := ta.CatalogLifecycle
		author := staffContext("catalog.lister", auth.Analyst)
		var ids []string
		for i := range 3 {
			d, err := lc.CreateDraft(author)
			if err == nil && i == 0 {
				d, err = lc.Submit(author, d.ID, d.Revision)
			}
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, strconv.FormatInt(d.ID, 10))
		}
		q := `query($s: CatalogDraftStatus, $after: String) { catalogDrafts(status: $s, first: 2, after: $after) {
		  nodes { id status texts { code } } pageInfo { hasNextPage endCursor } } }`
		type page struct {
			CatalogDrafts struct {
				Nodes []struct {
					ID, Status string
					Texts      []struct{ Code string }
				}
				PageInfo struct {
					HasNextPage bool
					EndCursor   string
				}
			}
		}
		var p1, p2, sub page
		decodeData(t, ta.post(t, auth.Analyst, q, nil), &p1)
		decodeData(t, ta.post(t, auth.Analyst, q, map[string]any{"after": p1.CatalogDrafts.PageInfo.EndCursor}), &p2)
		decodeData(t, ta.post(t, auth.Analyst, q, map[string]any{"s": "SUBMITTED"}), &sub)
		got := []string{}
		for _, n := range append(p1.CatalogDrafts.Nodes, p2.CatalogDrafts.Nodes...) {
			got = append(got, n.ID)
			if len(n.Texts) != engine.NumReasons*4*2 {
				t.Fatalf("draft %s lists %d texts", n.ID, len(n.Texts))
			}
		}
		if want := []string{ids[2], ids[1], ids[0]}; !slices.Equal(got, want) || !p1.CatalogDrafts.PageInfo.HasNextPage || p2.CatalogDrafts.PageInfo.HasNextPage {
			t.Fatalf("drafts %v (more after the first page: %v, after the second: %v), want %v", got,
				p1.CatalogDrafts.PageInfo.HasNextPage, p2.CatalogDrafts.PageInfo.HasNextPage, want)
		}
		if n := sub.CatalogDrafts.Nodes; len(n) != 1 || n[0].ID != ids[0] || n[0].Status != "SUBMITTED" {
			t.Fatalf("submitted drafts %+v, want only %s", n, ids[0])
		}
		if r := ta.post(t, auth.Analyst, q, map[string]any{"after": "bogus"}); r.code() != "INVALID" || !slices.Contains(errorFields(r), "after") {
			t.Fatalf("a bad cursor: %s", errorsJSON(r))
		}
	})
}
