package app

import (
	"errors"
	"slices"
	"strconv"
	"sync"
	"testing"

	"riskconsole/internal/accounts"
	"riskconsole/internal/apperr"
	"riskconsole/internal/approval"
	"riskconsole/internal/auth"
	"riskconsole/internal/outcomes"
)

// The samples of the bad definition's fields, for the access matrix and the audit of every
// mutation; kept here and added to fieldSamples at init so that the shared table needs no edit.
var badDefinitionSamples = map[string]fieldSample{
	"Query.badDefinition":  {query: `{ badDefinition(market: "SE") { id version level windowMonths description author approver } }`},
	"Query.badDefinitions": {query: `{ badDefinitions(market: "SE", first: 3) { nodes { id version level windowMonths } pageInfo { hasNextPage endCursor } } }`},
	"Query.badDefinitionDraft": {query: `query($id: ID!) { badDefinitionDraft(id: $id) { id status revision level windowMonths description } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newBadDefinitionDraft(tb, approval.StatusDraft)}
		}},
	"Query.badDefinitionDrafts":         {query: `{ badDefinitionDrafts(first: 3) { nodes { id status market } pageInfo { hasNextPage } } }`},
	"Mutation.createBadDefinitionDraft": {query: `mutation { createBadDefinitionDraft(market: "SE") { id status revision baseVersionId } }`},
	"Mutation.editBadDefinitionDraft": {query: `mutation($id: ID!) { editBadDefinitionDraft(id: $id, revision: 1, level: LATE_90_PLUS, windowMonths: 12) { id revision level windowMonths } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newBadDefinitionDraft(tb, approval.StatusDraft)}
		}},
	"Mutation.submitBadDefinitionDraft": {query: `mutation($id: ID!) { submitBadDefinitionDraft(id: $id, revision: 1, rationale: "sample") { id status rationale } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newBadDefinitionDraft(tb, approval.StatusDraft)}
		}},
	"Mutation.approveBadDefinitionDraft": {query: `mutation($id: ID!) { approveBadDefinitionDraft(id: $id) { id status publishedVersionId } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newBadDefinitionDraft(tb, approval.StatusSubmitted)}
		}},
	"Mutation.rejectBadDefinitionDraft": {query: `mutation($id: ID!) { rejectBadDefinitionDraft(id: $id, comment: "not now") { id status reviewComment } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newBadDefinitionDraft(tb, approval.StatusSubmitted)}
		}},
}

func init() {
	for name, s := range badDefinitionSamples {
		fieldSamples[name] = s
	}
}

// newBadDefinitionDraft prepares an SE bad definition draft, written by a staff analyst, in
// status DRAFT or SUBMITTED, and returns its id.
func (e *fieldEnv) newBadDefinitionDraft(tb testing.TB, status approval.Status) string {
	tb.Helper()
	svc := e.ta.BadDefinitions
	author := staffContext("sample.bad.analyst", auth.Analyst)
	d, err := svc.CreateDraft(author, "SE")
	if err == nil && status == approval.StatusSubmitted {
		d, err = svc.SubmitDraft(author, d.ID, d.Revision, "sample change")
	}
	if err != nil {
		tb.Fatal(err)
	}
	return strconv.FormatInt(d.ID, 10)
}

// badDefinitionJSON is a BadDefinition as the tests read it.
type badDefinitionJSON struct {
	ID           string `json:"id"`
	Version      int    `json:"version"`
	Level        string `json:"level"`
	WindowMonths int    `json:"windowMonths"`
	Description  string `json:"description"`
	Author       string `json:"author"`
	Approver     string `json:"approver"`
	Rationale    string `json:"rationale"`
}

// badDraftJSON is a BadDefinitionDraft as the tests read it.
type badDraftJSON struct {
	ID                 string  `json:"id"`
	Market             string  `json:"market"`
	BaseVersionID      *string `json:"baseVersionId"`
	Status             string  `json:"status"`
	Revision           int     `json:"revision"`
	Author             string  `json:"author"`
	Rationale          string  `json:"rationale"`
	Level              string  `json:"level"`
	WindowMonths       int     `json:"windowMonths"`
	Description        string  `json:"description"`
	Reviewer           *string `json:"reviewer"`
	ReviewComment      *string `json:"reviewComment"`
	PublishedVersionID *string `json:"publishedVersionId"`
}

const badDraftFields = `id market baseVersionId status revision author rationale level windowMonths description reviewer reviewComment publishedVersionId`

// TestBadDefinitionLifecycle walks a market's bad definition through maker-checker on both
// databases through the real handler: create, edit (a stale revision is a CONFLICT, a bad level
// or window a field error), submit (rationale required), refusal of the author's own review from
// either of their sessions, approval by another approver with the new version in force at once,
// rejection (comment required), paging of versions and drafts, AGENT and SERVICE refused, and
// exactly one audit event per mutation.
func TestBadDefinitionLifecycle(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 10)
		e := newFieldEnv(t, ta)
		db := ta.rawDB(t)
		name, password := e.newName("lead"), accounts.NewPassword()
		if _, err := ta.Accounts.CreateUser(systemContext(), accounts.NewUser{Username: name, DisplayName: "Lead",
			Password: password, Roles: []auth.Role{auth.Analyst, auth.Approver}}); err != nil {
			t.Fatal(err)
		}
		laptop, phone := e.logIn(t, name, password, auth.Approver), e.logIn(t, name, password, auth.Approver)
		other := e.signIn(t, auth.Approver)

		// mutate runs a mutation that must succeed with exactly one DONE audit event of action.
		mutate := func(c *apiCaller, query string, vars map[string]any, field, action string) badDraftJSON {
			t.Helper()
			before := countRows(t, db, "audit_events")
			r, id := e.send(t, c, query, vars)
			var out map[string]badDraftJSON
			decodeData(t, r, &out)
			if added := countRows(t, db, "audit_events") - before; added != 1 {
				t.Errorf("%s added %d audit events, want 1", field, added)
			}
			if ev := eventsOf(t, db, id); len(ev) != 1 || ev[0].action != action || ev[0].outcome != "DONE" || ev[0].entityID != out[field].ID {
				t.Errorf("%s: audit events %+v, want one DONE %s of draft %s", field, ev, action, out[field].ID)
			}
			return out[field]
		}
		// refused runs a call that must fail with code, adding no DONE audit event, and returns
		// the answer.
		refused := func(c *apiCaller, query string, vars map[string]any, code string) *gqlResponse {
			t.Helper()
			r, id := e.send(t, c, query, vars)
			if r.code() != code {
				t.Fatalf("%s: %s, want %s", query, errorsJSON(r), code)
			}
			for _, ev := range eventsOf(t, db, id) {
				if ev.outcome == "DONE" {
					t.Errorf("refused call %s wrote %+v", query, ev)
				}
			}
			return r
		}
		active := func() badDefinitionJSON {
			t.Helper()
			var out struct{ BadDefinition badDefinitionJSON }
			decodeData(t, ta.gql(t, auth.Analyst, `{ badDefinition(market: "GB") { id version level windowMonths description author approver rationale } }`, nil), &out)
			return out.BadDefinition
		}
		const (
			create  = `mutation($m: String!) { createBadDefinitionDraft(market: $m) { ` + badDraftFields + ` } }`
			edit    = `mutation($id: ID!, $rev: Int!, $level: OutcomeStatus!, $w: Int!) { editBadDefinitionDraft(id: $id, revision: $rev, level: $level, windowMonths: $w) { ` + badDraftFields + ` } }`
			submit  = `mutation($id: ID!, $rev: Int!, $why: String!) { submitBadDefinitionDraft(id: $id, revision: $rev, rationale: $why) { ` + badDraftFields + ` } }`
			approve = `mutation($id: ID!) { approveBadDefinitionDraft(id: $id, comment: "agreed") { ` + badDraftFields + ` } }`
			reject  = `mutation($id: ID!, $c: String!) { rejectBadDefinitionDraft(id: $id, comment: $c) { ` + badDraftFields + ` } }`
		)

		// Version 1 is the default, and it is read (and cached) before the change.
		v1 := active()
		if v1.Version != 1 || v1.Level != "LATE_60_89" || v1.WindowMonths != 6 ||
			v1.Description != "ever LATE_60_89 or worse within 6 months" {
			t.Fatalf("GB starts with %+v, want v1 LATE_60_89 within 6 months", v1)
		}

		d := mutate(laptop, create, map[string]any{"m": "GB"}, "createBadDefinitionDraft", outcomes.ActionDraftCreate)
		if d.Status != "DRAFT" || d.Revision != 1 || d.Market != "GB" || d.BaseVersionID == nil || *d.BaseVersionID != v1.ID ||
			d.Level != "LATE_60_89" || d.WindowMonths != 6 {
			t.Fatalf("created %+v, want a DRAFT at revision 1 copying v1 (%s)", d, v1.ID)
		}
		if r := refused(laptop, create, map[string]any{"m": "XX"}, "INVALID"); !slices.Equal(errorFields(r), []string{"market"}) {
			t.Errorf("an unknown market: fields %v, want [market]", errorFields(r))
		}

		d = mutate(laptop, edit, map[string]any{"id": d.ID, "rev": 1, "level": "LATE_90_PLUS", "w": 12}, "editBadDefinitionDraft", outcomes.ActionDraftEdit)
		if d.Revision != 2 || d.Level != "LATE_90_PLUS" || d.WindowMonths != 12 || d.Description != "ever LATE_90_PLUS or worse within 12 months" {
			t.Fatalf("edited %+v, want revision 2, LATE_90_PLUS within 12 months", d)
		}
		refused(phone, edit, map[string]any{"id": d.ID, "rev": 1, "level": "CHARGED_OFF", "w": 3}, "CONFLICT")
		for _, bad := range []struct {
			level  string
			window int
			fields []string
		}{
			{"LATE_1_29", 6, []string{"level"}},
			{"CURRENT", 6, []string{"level"}},
			{"RECOVERED", 6, []string{"level"}},
			{"LATE_60_89", 0, []string{"windowMonths"}},
			{"LATE_60_89", 25, []string{"windowMonths"}},
			{"PAID", -1, []string{"level", "windowMonths"}},
		} {
			r := refused(laptop, edit, map[string]any{"id": d.ID, "rev": 2, "level": bad.level, "w": bad.window}, "INVALID")
			if !slices.Equal(errorFields(r), bad.fields) {
				t.Errorf("edit to %s within %d: fields %v, want %v", bad.level, bad.window, errorFields(r), bad.fields)
			}
		}
		for _, ok := range []struct {
			level  string
			window int
		}{{"LATE_30_59", 1}, {"CHARGED_OFF", 24}} {
			d = mutate(laptop, edit, map[string]any{"id": d.ID, "rev": d.Revision, "level": ok.level, "w": ok.window}, "editBadDefinitionDraft", outcomes.ActionDraftEdit)
			if d.Level != ok.level || d.WindowMonths != ok.window {
				t.Fatalf("edit to %s within %d: %+v", ok.level, ok.window, d)
			}
		}
		d = mutate(laptop, edit, map[string]any{"id": d.ID, "rev": d.Revision, "level": "LATE_90_PLUS", "w": 12}, "editBadDefinitionDraft", outcomes.ActionDraftEdit)

		if r := refused(laptop, submit, map[string]any{"id": d.ID, "rev": d.Revision, "why": "  "}, "INVALID"); !slices.Equal(errorFields(r), []string{"rationale"}) {
			t.Errorf("a blank rationale: fields %v, want [rationale]", errorFields(r))
		}
		refused(laptop, submit, map[string]any{"id": d.ID, "rev": d.Revision - 1, "why": "stale"}, "CONFLICT")
		d = mutate(laptop, submit, map[string]any{"id": d.ID, "rev": d.Revision, "why": "Losses come late: watch 90+ over a year."}, "submitBadDefinitionDraft", outcomes.ActionDraftSubmit)
		if d.Status != "SUBMITTED" || d.Rationale != "Losses come late: watch 90+ over a year." {
			t.Fatalf("submitted %+v", d)
		}
		refused(laptop, edit, map[string]any{"id": d.ID, "rev": d.Revision, "level": "LATE_30_59", "w": 3}, "CONFLICT")

		// Maker-checker: the author may not approve or reject, from either session (the same
		// person); each refusal is a DENIED audit event of the step.
		for _, c := range []*apiCaller{laptop, phone} {
			refused(c, approve, map[string]any{"id": d.ID}, "FORBIDDEN")
			refused(c, reject, map[string]any{"id": d.ID, "c": "mine"}, "FORBIDDEN")
		}
		var denied int
		if err := db.QueryRow("SELECT COUNT(*) FROM audit_events WHERE entity_type = 'bad_definition_draft' AND entity_id = '" + d.ID +
			"' AND outcome = 'DENIED' AND action IN ('" + outcomes.ActionDraftApprove + "', '" + outcomes.ActionDraftReject + "')").Scan(&denied); err != nil || denied != 4 {
			t.Fatalf("%d DENIED reviews audited (%v), want 4", denied, err)
		}
		// The database refuses a reviewer of the author's person under another subject too.
		if _, err := db.Exec("UPDATE bad_definition_drafts SET status = 'REJECTED', reviewer = 'token:999:someone', " +
			"reviewer_person = author_person, review_comment = 'x' WHERE id = " + d.ID); err == nil {
			t.Fatal("the database accepted a review by the author's person")
		}
		if got := active(); got.Version != 1 {
			t.Fatalf("a refused approval changed the definition in force: %+v", got)
		}
		if r := refused(other, reject, map[string]any{"id": d.ID, "c": " "}, "INVALID"); !slices.Equal(errorFields(r), []string{"comment"}) {
			t.Errorf("a rejection without a comment: fields %v, want [comment]", errorFields(r))
		}

		// Approval by another approver publishes v2, in force at once on this instance.
		d = mutate(other, approve, map[string]any{"id": d.ID}, "approveBadDefinitionDraft", outcomes.ActionDraftApprove)
		if d.Status != "APPROVED" || d.PublishedVersionID == nil || d.Reviewer == nil || d.ReviewComment == nil || *d.ReviewComment != "agreed" {
			t.Fatalf("approved %+v", d)
		}
		v2 := active()
		if v2.Version != 2 || v2.ID != *d.PublishedVersionID || v2.Level != "LATE_90_PLUS" || v2.WindowMonths != 12 ||
			v2.Author != d.Author || v2.Approver != *d.Reviewer || v2.Rationale != d.Rationale {
			t.Fatalf("in force after the approval: %+v, want v2 %s LATE_90_PLUS within 12 months by %s, approved by %s", v2, *d.PublishedVersionID, d.Author, *d.Reviewer)
		}
		if v, err := ta.BadDefinitions.Active(systemContext(), "GB"); err != nil || v.Version != 2 || v.Definition != (outcomes.BadDefinition{Level: outcomes.Level90, WindowMonths: 12}) {
			t.Fatalf("the service's definition in force: %+v, %v; want v2", v, err)
		}
		refused(other, approve, map[string]any{"id": d.ID}, "CONFLICT")
		var rows int
		if err := db.QueryRow("SELECT COUNT(*) FROM bad_definitions WHERE market = 'GB'").Scan(&rows); err != nil || rows != 2 {
			t.Fatalf("%d GB versions (%v), want 2", rows, err)
		}

		// A second draft starts from v2 and is rejected, saying why.
		d2 := mutate(laptop, create, map[string]any{"m": "GB"}, "createBadDefinitionDraft", outcomes.ActionDraftCreate)
		if *d2.BaseVersionID != v2.ID || d2.Level != "LATE_90_PLUS" || d2.WindowMonths != 12 {
			t.Fatalf("second draft %+v, want a copy of v2", d2)
		}
		d2 = mutate(laptop, submit, map[string]any{"id": d2.ID, "rev": 1, "why": "unchanged, for the record"}, "submitBadDefinitionDraft", outcomes.ActionDraftSubmit)
		d2 = mutate(other, reject, map[string]any{"id": d2.ID, "c": "nothing changes"}, "rejectBadDefinitionDraft", outcomes.ActionDraftReject)
		if d2.Status != "REJECTED" || d2.ReviewComment == nil || *d2.ReviewComment != "nothing changes" || d2.PublishedVersionID != nil {
			t.Fatalf("rejected %+v", d2)
		}
		if got := active(); got.Version != 2 {
			t.Fatalf("a rejection changed the definition in force: %+v", got)
		}

		// Versions page newest first.
		var vp struct {
			BadDefinitions struct {
				Nodes    []badDefinitionJSON
				PageInfo struct {
					HasNextPage bool
					EndCursor   string
				}
			}
		}
		const versions = `query($after: String) { badDefinitions(market: "GB", first: 1, after: $after) { nodes { id version level } pageInfo { hasNextPage endCursor } } }`
		decodeData(t, ta.gql(t, auth.Auditor, versions, nil), &vp)
		if len(vp.BadDefinitions.Nodes) != 1 || vp.BadDefinitions.Nodes[0].Version != 2 || !vp.BadDefinitions.PageInfo.HasNextPage {
			t.Fatalf("first page of versions: %+v", vp.BadDefinitions)
		}
		decodeData(t, ta.gql(t, auth.Auditor, versions, map[string]any{"after": vp.BadDefinitions.PageInfo.EndCursor}), &vp)
		if len(vp.BadDefinitions.Nodes) != 1 || vp.BadDefinitions.Nodes[0].Version != 1 || vp.BadDefinitions.PageInfo.HasNextPage {
			t.Fatalf("second page of versions: %+v", vp.BadDefinitions)
		}
		if r := ta.gql(t, auth.Auditor, `{ badDefinitions(market: "GB", first: 101) { nodes { id } } }`, nil); !slices.Equal(errorFields(r), []string{"first"}) {
			t.Errorf("first: 101: %s, want a field error on first", errorsJSON(r))
		}
		if r := ta.gql(t, auth.Auditor, `{ badDefinitions(market: "GB", first: 1, after: "nonsense") { nodes { id } } }`, nil); !slices.Equal(errorFields(r), []string{"after"}) {
			t.Errorf("a malformed cursor: %s, want a field error on after", errorsJSON(r))
		}

		// Drafts filter by market and status.
		var dp struct {
			BadDefinitionDrafts struct{ Nodes []badDraftJSON }
		}
		decodeData(t, ta.gql(t, auth.Auditor, `{ badDefinitionDrafts(market: "GB", status: APPROVED) { nodes { id status market } } }`, nil), &dp)
		if len(dp.BadDefinitionDrafts.Nodes) != 1 || dp.BadDefinitionDrafts.Nodes[0].ID != d.ID {
			t.Fatalf("approved GB drafts: %+v, want only %s", dp.BadDefinitionDrafts.Nodes, d.ID)
		}
		decodeData(t, ta.gql(t, auth.Auditor, `{ badDefinitionDrafts(market: "GB") { nodes { id status market } } }`, nil), &dp)
		if ids := []string{dp.BadDefinitionDrafts.Nodes[0].ID, dp.BadDefinitionDrafts.Nodes[1].ID}; len(dp.BadDefinitionDrafts.Nodes) != 2 || ids[0] != d2.ID || ids[1] != d.ID {
			t.Fatalf("GB drafts: %+v, want %s then %s", dp.BadDefinitionDrafts.Nodes, d2.ID, d.ID)
		}
		var one struct{ BadDefinitionDraft badDraftJSON }
		decodeData(t, ta.gql(t, auth.Analyst, `query($id: ID!) { badDefinitionDraft(id: $id) { `+badDraftFields+` } }`, map[string]any{"id": d.ID}), &one)
		if one.BadDefinitionDraft.Status != "APPROVED" || *one.BadDefinitionDraft.PublishedVersionID != v2.ID {
			t.Fatalf("draft %s reads %+v", d.ID, one.BadDefinitionDraft)
		}

		// AGENT and SERVICE reach neither the definition nor its drafts.
		for _, role := range []auth.Role{auth.Agent, auth.Service} {
			c := e.caller(t, role, false)
			refused(c, `{ badDefinition(market: "GB") { id level } }`, nil, "FORBIDDEN")
			refused(c, `{ badDefinitionDrafts { nodes { id } } }`, nil, "FORBIDDEN")
			refused(c, create, map[string]any{"m": "GB"}, "FORBIDDEN")
			refused(c, approve, map[string]any{"id": d2.ID}, "FORBIDDEN")
		}
	})
}

// TestConcurrentBadDefinitionReviews races four approvers for one submitted draft, and two
// approvers for two drafts of one market, on both databases: of the first, exactly one approval
// wins and the rest are CONFLICT; of the second, each approval wins or is a CONFLICT that wins on
// retry. Either way the market's versions run 1, 2, ... without gap or duplicate, and the one in
// force is the newest.
func TestConcurrentBadDefinitionReviews(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 10)
		e := newFieldEnv(t, ta)
		svc := ta.BadDefinitions
		parse := func(id string) int64 {
			n, err := strconv.ParseInt(id, 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		id := parse(e.newBadDefinitionDraft(t, approval.StatusSubmitted))
		const racers = 4
		errs := make([]error, racers)
		var wg sync.WaitGroup
		for i := range racers {
			wg.Go(func() {
				_, _, errs[i] = svc.ApproveDraft(staffContext("racing.bad.lead."+strconv.Itoa(i), auth.Approver), id, "")
			})
		}
		wg.Wait()
		wins, conflicts := 0, 0
		for _, err := range errs {
			switch {
			case err == nil:
				wins++
			case errors.Is(err, apperr.ErrConflict):
				conflicts++
			}
		}
		if wins != 1 || conflicts != racers-1 {
			t.Fatalf("approvals of one draft: %v; want one win and the rest ErrConflict", errs)
		}

		ids := []int64{parse(e.newBadDefinitionDraft(t, approval.StatusSubmitted)), parse(e.newBadDefinitionDraft(t, approval.StatusSubmitted))}
		errs = make([]error, len(ids))
		for i, id := range ids {
			wg.Go(func() {
				_, _, errs[i] = svc.ApproveDraft(staffContext("racing.bad.lead."+strconv.Itoa(i), auth.Approver), id, "")
			})
		}
		wg.Wait()
		for i, err := range errs {
			if errors.Is(err, apperr.ErrConflict) {
				_, _, err = svc.ApproveDraft(staffContext("retrying.bad.lead", auth.Approver), ids[i], "")
			}
			if err != nil {
				t.Fatalf("approval of draft %d: %v", ids[i], err)
			}
		}
		vs, more, err := svc.VersionsPage(systemContext(), "SE", 10, "")
		if err != nil || more || len(vs) != 4 {
			t.Fatalf("SE versions: %d (more %v), %v; want 4", len(vs), more, err)
		}
		for i, v := range vs {
			if v.Version != 4-i {
				t.Fatalf("SE versions newest first: %d at %d, want %d", v.Version, i, 4-i)
			}
		}
		if v, err := svc.Active(systemContext(), "SE"); err != nil || v.Version != 4 {
			t.Fatalf("in force: v%d, %v; want v4", v.Version, err)
		}
	})
}
