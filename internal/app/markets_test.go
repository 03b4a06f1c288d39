package app

import (
	"testing"

	"riskconsole/internal/auth"
)

// TestMarkets checks Query.markets through the real handler on both databases: every market the
// lender operates in, in a stable order with its name and currency, and hasDecisions following
// the decisions made (none on an empty database, then the market of the first assessment).
func TestMarkets(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 0)
		type marketRow struct {
			Code         string  `json:"code"`
			Name         *string `json:"name"`
			Currency     string  `json:"currency"`
			HasDecisions bool    `json:"hasDecisions"`
		}
		read := func(role auth.Role) []marketRow {
			t.Helper()
			var out struct{ Markets []marketRow }
			decodeData(t, ta.post(t, role, `{ markets { code name currency hasDecisions } }`, nil), &out)
			return out.Markets
		}
		want := []struct{ code, name, currency string }{
			{"US", "United States", "USD"}, {"GB", "United Kingdom", "GBP"}, {"SE", "Sweden", "SEK"}, {"DE", "Germany", "EUR"},
		}
		check := func(got []marketRow, withDecisions string) {
			t.Helper()
			if len(got) != len(want) {
				t.Fatalf("markets = %+v, want %d markets", got, len(want))
			}
			for i, w := range want {
				g := got[i]
				if g.Code != w.code || g.Name == nil || *g.Name != w.name || g.Currency != w.currency {
					t.Errorf("market %d = %+v, want %s %s %s", i, g, w.code, w.name, w.currency)
				}
				if g.HasDecisions != (g.Code == withDecisions) {
					t.Errorf("market %s: hasDecisions = %v with decisions only in %q", g.Code, g.HasDecisions, withDecisions)
				}
			}
		}
		check(read(auth.Analyst), "")

		var a struct{ AssessPurchase assessment }
		decodeData(t, ta.post(t, auth.Service, assessMutation, map[string]any{"input": purchaseInput("SE", 1200, nil), "key": "markets-1"}), &a)
		// Every role that reads decisions, the agents' look-up or review cases gets the same list.
		for _, role := range []auth.Role{auth.Analyst, auth.Approver, auth.Auditor, auth.Agent, auth.Reviewer} {
			check(read(role), "SE")
		}
		for _, role := range []auth.Role{auth.Service, auth.Admin, ""} {
			if r := ta.post(t, role, `{ markets { code } }`, nil); r.code() == "" {
				t.Errorf("%q read the markets", role)
			}
		}
	})
}
