package app

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"

	"riskconsole/internal/auditlog"
	"riskconsole/internal/auth"
)

// TestEveryMutationIsAudited runs every Mutation field of the schema once as a role allowed to
// use it, and once as a role and as an anonymous caller refused it, and counts the audit events
// each call adds: exactly one, written for that request, DONE on success and an access.denied
// event on refusal; an anonymous refusal is counted, and recorded in its client address's event
// of the minute (auditlog.Denials).
//
// The exception is assessPurchase, decided by the lead engineer: checkout's assessments are
// recorded by their own immutable decision row (which names the calling token in its
// idempotency scope), not by an audit event, because every audit event extends one serialised
// hash chain and an event per assessment would cap checkout throughput at the chain's write
// rate. So a successful assessPurchase must add zero audit events and exactly one decision. Its
// refusals are audited like any other.
func TestEveryMutationIsAudited(t *testing.T) {
	fields := schemaRootFields(t)
	eachDialect(t, func(t *testing.T, dialect string) {
		e := newFieldEnv(t, newTestApp(t, dialect, 20))
		db := e.ta.rawDB(t)
		for _, f := range fields {
			if !isMutation(f.name) {
				continue
			}
			s, ok := fieldSamples[f.name]
			if !ok {
				t.Errorf("%s has no sample in fieldSamples: add one so that its audit is tested", f.name)
				continue
			}
			t.Run(f.name, func(t *testing.T) {
				if len(f.roles) == 0 {
					t.Fatalf("%s has no @hasRole", f.name)
				}
				allowed := auth.Role(f.roles[0])
				t.Run("allowed "+string(allowed), func(t *testing.T) {
					c := e.caller(t, allowed, s.signedIn)
					vars := s.variables(t, e, c)
					events, decisions := countRows(t, db, "audit_events"), e.ta.countDecisions(t)
					r, id := e.send(t, c, s.query, vars)
					if len(r.Errors) > 0 {
						t.Fatalf("the sample failed: %s", errorsJSON(r))
					}
					added := countRows(t, db, "audit_events") - events
					if f.field == "assessPurchase" {
						// Recorded by its decision, not by an audit event (see above).
						if added != 0 {
							t.Errorf("assessPurchase added %d audit events, want 0", added)
						}
						if n := e.ta.countDecisions(t) - decisions; n != 1 {
							t.Errorf("assessPurchase added %d decisions, want 1", n)
						}
						return
					}
					if added != 1 {
						t.Errorf("added %d audit events, want exactly 1", added)
					}
					got := eventsOf(t, db, id)
					if len(got) != 1 || got[0].outcome != "DONE" || got[0].action == auditlog.ActionAccessDenied {
						t.Errorf("events of the request: %+v, want one DONE event of the mutation", got)
					}
				})
				denied := []auth.Role{""}
				for _, r := range auth.AllRoles {
					if !slices.Contains(f.roles, string(r)) {
						denied = append(denied, r)
						break
					}
				}
				for _, role := range denied {
					name := "denied " + string(role)
					if role == "" {
						name = "denied anonymous"
					}
					t.Run(name, func(t *testing.T) {
						c := e.caller(t, role, s.signedIn)
						vars := s.variables(t, e, c)
						if err := e.ta.Denials.Flush(context.Background(), true); err != nil { // anonymous refusals so far
							t.Fatal(err)
						}
						events, decisions := countRows(t, db, "audit_events"), e.ta.countDecisions(t)
						r, id := e.send(t, c, s.query, vars)
						if r.code() == "" {
							t.Fatalf("not refused: %s", truncate(string(r.Data), 300))
						}
						if n := e.ta.countDecisions(t) - decisions; n != 0 {
							t.Errorf("a refused call added %d decisions", n)
						}
						if role == "" {
							checkAnonymousRefusal(t, e.ta, db, events, id, f.name)
							return
						}
						if added := countRows(t, db, "audit_events") - events; added != 1 {
							t.Errorf("added %d audit events, want exactly 1", added)
						}
						got := eventsOf(t, db, id)
						if len(got) != 1 || got[0].action != auditlog.ActionAccessDenied || got[0].outcome != "DENIED" ||
							got[0].entityID != f.name {
							t.Errorf("events of the request: %+v, want one access.denied event for %s", got, f.name)
						}
					})
				}
			})
		}
	})
}

func isMutation(name string) bool { return strings.HasPrefix(name, "Mutation.") }

// checkAnonymousRefusal checks that the anonymous request id, refused field, added no audit
// event at once (there were events before it), and that the summary of its client address then
// records it.
func checkAnonymousRefusal(t *testing.T, ta *testApp, db *sql.DB, events int64, id, field string) {
	t.Helper()
	if added := countRows(t, db, "audit_events") - events; added != 0 {
		t.Errorf("an anonymous refusal added %d audit events at once, want 0", added)
	}
	if err := ta.Denials.Flush(context.Background(), true); err != nil {
		t.Fatal(err)
	}
	e := ta.lastEvents(t, 1)[0]
	s := decodeSummary(t, e)
	if countRows(t, db, "audit_events")-events != 1 || e.Action != auditlog.ActionAccessDenied || e.RequestID != id ||
		e.EntityType != auditlog.EntityClientAddress || s.Refusals != 1 || s.Fields[field] != 1 {
		t.Errorf("summary %+v %+v, want one refusal of %s by request %s", e, s, field, id)
	}
}

// countRows counts the rows of table.
func countRows(tb testing.TB, db *sql.DB, table string) int64 {
	tb.Helper()
	var n int64
	if err := db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

type auditRow struct{ action, outcome, entityID string }

// eventsOf returns the audit events written for the request with the given id.
func eventsOf(tb testing.TB, db *sql.DB, requestID string) []auditRow {
	tb.Helper()
	q := "SELECT action, outcome, entity_id FROM audit_events WHERE request_id = $1 ORDER BY id"
	rows, err := db.Query(q, requestID)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []auditRow
	for rows.Next() {
		var r auditRow
		if err := rows.Scan(&r.action, &r.outcome, &r.entityID); err != nil {
			tb.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}
