package app

import (
	"encoding/json"
	"slices"
	"testing"

	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
)

// TestPopupClosingIsNotAStep checks, for a decline in every market's locale, that the pop-up's
// closing sentence comes apart from its steps through the API (issue 16: every pop-up showed it
// as the last numbered step), while the stored message_steps keeps the lines as the shopper saw
// them, so that the seals of decisions stored before still verify.
func TestPopupClosingIsNotAStep(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 0)
		db := ta.rawDB(t)
		q := `query($id: ID!) { decision(id: $id) { message { locale steps closing } } }`
		for _, market := range []string{"US", "GB", "SE", "DE"} {
			in := purchaseInput(market, 100, func(_, v map[string]any) { v["identityVerified"] = 0.0 })
			a := ta.assess(t, in, uniqueKey("closing-"+market))
			if a.Outcome != "DECLINED" {
				t.Fatalf("%s: %s", market, a.Outcome)
			}
			var out struct {
				Decision struct {
					Message struct {
						Locale  string
						Steps   []string
						Closing string
					}
				}
			}
			decodeData(t, ta.post(t, auth.Auditor, q, map[string]any{"id": a.DecisionID}), &out)
			m := out.Decision.Message
			want := catalog.SeededFrame(m.Locale).Closing
			if want == "" || m.Closing != want || slices.Contains(m.Steps, want) || len(m.Steps) == 0 {
				t.Fatalf("%s (%s): steps %q, closing %q; want the closing %q apart from the steps", market, m.Locale, m.Steps, m.Closing, want)
			}
			var raw string
			if err := db.QueryRow("SELECT message_steps FROM decisions WHERE id = $1", a.DecisionID).Scan(&raw); err != nil {
				t.Fatal(err)
			}
			var stored []string
			if err := json.Unmarshal([]byte(raw), &stored); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(stored, append(slices.Clone(m.Steps), want)) {
				t.Fatalf("%s: stored lines %q, want the steps then the closing", market, stored)
			}
		}
		var seals struct{ VerifyDecisions struct{ OK bool } }
		decodeData(t, ta.post(t, auth.Auditor, `{ verifyDecisions { ok } }`, nil), &seals)
		if !seals.VerifyDecisions.OK {
			t.Fatal("decision seals do not verify")
		}
	})
}
