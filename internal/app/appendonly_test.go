package app

import (
	"strings"
	"testing"

	"riskconsole/internal/auth"
)

// TestDecisionsAppendOnly checks that the database itself refuses to change or remove a decision,
// whoever asks: a direct UPDATE or DELETE, bypassing the application, fails on the triggers of
// both PostgreSQL and SQLite, and the decisions read back unchanged.
func TestDecisionsAppendOnly(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 100)
		db := ta.rawDB(t)
		// A fresh decline through the API, so that an UPDATE to APPROVED would change it.
		a := ta.assess(t, purchaseInput("US", 42, func(_, v map[string]any) { v["bureauScore"] = 300.0 }), uniqueKey("append-only"))
		if a.Outcome != "DECLINED" {
			t.Fatalf("outcome %s, want DECLINED", a.Outcome)
		}
		before := ta.countDecisions(t)

		statements := []struct{ name, sql string }{
			{"update one", "UPDATE decisions SET outcome = 'APPROVED' WHERE id = '" + a.DecisionID + "'"},
			{"update all", "UPDATE decisions SET outcome = 'APPROVED'"},
			{"update message", "UPDATE decisions SET message_body = 'nothing to see' WHERE outcome = 'DECLINED'"},
			{"delete one", "DELETE FROM decisions WHERE id = '" + a.DecisionID + "'"},
			{"delete all", "DELETE FROM decisions"},
			{"update threshold versions", "UPDATE threshold_versions SET rationale = 'rewritten'"},
			{"delete threshold versions", "DELETE FROM threshold_versions"},
			{"delete catalog messages", "DELETE FROM catalog_messages"},
		}
		if dialect == "postgres" {
			statements = append(statements, struct{ name, sql string }{"truncate", "TRUNCATE decisions"})
		}
		for _, st := range statements {
			t.Run(st.name, func(t *testing.T) {
				res, err := db.Exec(st.sql)
				if err == nil {
					n, _ := res.RowsAffected()
					t.Fatalf("%s succeeded (%d rows)", st.sql, n)
				}
				if !strings.Contains(err.Error(), "append-only") {
					t.Errorf("%s failed for another reason than the append-only trigger: %v", st.sql, err)
				}
			})
		}

		if after := ta.countDecisions(t); after != before {
			t.Errorf("%d decisions before, %d after", before, after)
		}
		d := ta.readDecision(t, a.DecisionID)
		if d.Outcome != "DECLINED" || d.Message == nil || d.Message.Body != a.Message.Body {
			t.Errorf("decision changed: %+v", d)
		}
		// The application keeps working: the refused statements left no lock or broken state.
		if b := ta.assess(t, purchaseInput("SE", 10, nil), uniqueKey("after")); b.Outcome != "APPROVED" {
			t.Errorf("assessment after the refused statements: %+v", b)
		}
		r := ta.gql(t, auth.Auditor, `{ decisions(first: 1) { nodes { id } } }`, nil)
		if len(r.Errors) > 0 {
			t.Errorf("explorer after the refused statements: %s", errorsJSON(r))
		}
	})
}
