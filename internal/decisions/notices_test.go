package decisions

import (
	"strings"
	"testing"
	"time"

	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
	"riskconsole/internal/thresholds"
)

// TestRedacted: the agents' pop-up is the stored one rendered again with the bureau data hidden;
// a stored pop-up the catalog no longer reproduces is withheld rather than shown half-redacted.
func TestRedacted(t *testing.T) {
	cat := catalog.Default()
	at := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	v := &thresholds.Version{ID: 1, Market: "US", Version: 1, Set: engine.DefaultSet(market.All[0])}
	p := Purchase{Market: "US", Currency: "USD", AmountMinor: 4200, MerchantName: "Acme", Locale: "en-US", Values: engine.PassingValues(),
		Bureau: &BureauReport{Bureau: "EXPERIAN_US", Score: 501, ScoreMin: 300, ScoreMax: 850,
			ScoreDate: at.AddDate(0, 0, -2).Truncate(24 * time.Hour), KeyFactors: []string{"Serious delinquency"}}}
	p.Values[engine.BureauScore] = 420
	rec, err := Decide(&p, at, NewReference(), v, cat)
	if err != nil || rec.Outcome != engine.Declined {
		t.Fatalf("%v %v", rec.Outcome, err)
	}
	m, ok, err := Redacted(&rec.Decision, cat)
	if err != nil || !ok {
		t.Fatalf("not reproduced: %v", err)
	}
	for _, secret := range []string{"501", "Experian", "1-888-397-3742", "Serious delinquency", "300–850"} {
		if strings.Contains(m.Body+strings.Join(m.Steps, ""), secret) {
			t.Errorf("redacted pop-up shows %q", secret)
		}
	}
	if m.Title != rec.Message.Title || !strings.Contains(m.Body, FormatReference(rec.Reference)) {
		t.Errorf("redacted pop-up %+v", m)
	}
	tampered := rec.Decision
	tampered.Message.Body += " "
	m, ok, err = Redacted(&tampered, cat)
	if err != nil || ok || m.Body != catalog.Redacted || len(m.Steps) != 0 {
		t.Errorf("a pop-up not reproduced: %+v %v %v", m, ok, err)
	}
}
