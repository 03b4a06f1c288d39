package app

import (
	"testing"

	"riskconsole/internal/auth"
)

// TestSmoke checks the harness end to end on both databases: an analyst lists decisions.
func TestSmoke(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 300)
		r := ta.post(t, auth.Analyst, `{ decisions(first: 5) { nodes { id breakdown } } }`, nil)
		if len(r.Errors) > 0 || r.Status != 200 {
			t.Fatalf("status %d, errors %+v", r.Status, r.Errors)
		}
	})
}
