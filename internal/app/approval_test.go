package app

import (
	"errors"
	"strconv"
	"sync"
	"testing"

	"riskconsole/internal/accounts"
	"riskconsole/internal/apperr"
	"riskconsole/internal/approval"
	"riskconsole/internal/auth"
)

// TestApprovalComparesPersons checks maker-checker across sessions on both databases: a user who
// wrote a threshold or catalog draft in one session cannot approve or reject it from another
// session (the same person), the refusal is recorded as a DENIED audit event of the step's
// action, and the draft stays SUBMITTED for another approver. The database refuses a review by
// the author's person too, whatever the subjects say.
func TestApprovalComparesPersons(t *testing.T) {
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

		for _, kind := range []struct {
			name, table, entity, create, submit, review, action string
		}{
			{"catalog", "catalog_drafts", "catalog_draft",
				`mutation { createCatalogDraft { id } }`,
				`mutation($id: ID!) { submitCatalogDraft(id: $id, revision: 1) { id } }`,
				`mutation($id: ID!) { approveCatalogDraft(id: $id) { id status } }`, "catalog_draft.approve"},
			{"thresholds", "threshold_drafts", "threshold_draft",
				`mutation { createThresholdDraft(market: "SE") { id } }`,
				`mutation($id: ID!) { submitThresholdDraft(id: $id, revision: 1, rationale: "tighter") { id } }`,
				`mutation($id: ID!) { rejectThresholdDraft(id: $id, comment: "no") { id status } }`, "threshold.reject"},
		} {
			var created map[string]struct{ ID string }
			r, _ := e.send(t, laptop, kind.create, nil)
			decodeData(t, r, &created)
			var id string
			for _, d := range created {
				id = d.ID
			}
			if r, _ := e.send(t, laptop, kind.submit, map[string]any{"id": id}); len(r.Errors) > 0 {
				t.Fatalf("%s: submit: %s", kind.name, errorsJSON(r))
			}
			if r, _ := e.send(t, phone, kind.review, map[string]any{"id": id}); r.code() != "FORBIDDEN" {
				t.Fatalf("%s: review from the author's other session: %s, want FORBIDDEN", kind.name, errorsJSON(r))
			}
			var outcome, actor string
			err := db.QueryRow("SELECT outcome, actor FROM audit_events WHERE action = '"+kind.action+"' AND entity_type = '"+kind.entity+
				"' AND entity_id = '"+id+"'").Scan(&outcome, &actor)
			if err != nil || outcome != "DENIED" || actor == "" {
				t.Fatalf("%s: audit of the refused review: %q by %q, %v; want one DENIED event", kind.name, outcome, actor, err)
			}
			// The database refuses a reviewer of the author's person under another subject.
			if _, err := db.Exec("UPDATE " + kind.table + " SET status = 'REJECTED', reviewer = 'token:999:someone', reviewer_person = author_person, " +
				"review_comment = 'x' WHERE id = " + id); err == nil {
				t.Fatalf("%s: the database accepted a review by the author's person", kind.name)
			}
			if r, _ := e.send(t, other, kind.review, map[string]any{"id": id}); len(r.Errors) > 0 {
				t.Fatalf("%s: review by another approver: %s", kind.name, errorsJSON(r))
			}
			var done int
			if err := db.QueryRow("SELECT COUNT(*) FROM audit_events WHERE action = '" + kind.action + "' AND entity_id = '" + id +
				"' AND outcome = 'DONE'").Scan(&done); err != nil || done != 1 {
				t.Fatalf("%s: %d reviews audited (%v), want 1", kind.name, done, err)
			}
		}
	})
}

// TestConcurrentCatalogReviews races four approvers for one submitted catalog draft on both
// databases: exactly one approval wins and publishes one version, and every other is a
// CONFLICT (the guard the threshold tests race too).
func TestConcurrentCatalogReviews(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 10)
		e := newFieldEnv(t, ta)
		id, err := strconv.ParseInt(e.newCatalogDraft(t, approval.StatusSubmitted), 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		before := ta.Catalog.Current().Version
		const racers = 4
		errs := make([]error, racers)
		var wg sync.WaitGroup
		for i := range racers {
			wg.Go(func() {
				_, errs[i] = ta.CatalogLifecycle.Approve(staffContext("racing.lead."+strconv.Itoa(i), auth.Approver), id)
			})
		}
		wg.Wait()
		wins, conflicts := 0, 0
		for _, err := range errs {
			if err == nil {
				wins++
			} else if errors.Is(err, apperr.ErrConflict) {
				conflicts++
			}
		}
		if wins != 1 || conflicts != racers-1 || ta.Catalog.Current().Version != before+1 {
			t.Fatalf("approvals: %v, catalog v%d after v%d; want one win, the rest ErrConflict, and one new version", errs,
				ta.Catalog.Current().Version, before)
		}
	})
}
