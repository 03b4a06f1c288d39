package catalog

import (
	"strings"
	"testing"

	"riskconsole/internal/engine"
	"riskconsole/internal/market"
)

// noticeInput is a decline in mkt for a shopper in locale, with a bureau answer.
func noticeInput(mkt, locale string) RenderInput {
	m, _ := market.Lookup(mkt)
	b, _ := MarketBureau(mkt)
	return RenderInput{Market: mkt, Reference: "D7K-2QF-9XM", Locale: locale, MarketLocale: m.DefaultLocale,
		Currency: m.Currency, AmountMinor: 123450, Merchant: "Nordic Outdoor", Score: 512,
		Bureau: b.Name, BureauAddress: b.Address, BureauPhone: b.Phone, ScoreRange: FormatRange(b.ScoreMin, b.ScoreMax),
		ScoreDate: scoreDate, KeyFactors: []string{"Serious delinquency", "Too many inquiries in the last 12 months"}}
}

// TestRenderNotices: every decline carries its market's notices and the reference, in every
// locale, filled from the input; no market gets another's.
func TestRenderNotices(t *testing.T) {
	c := Default()
	for _, mkt := range []string{"US", "GB", "SE", "DE"} {
		for _, l := range market.Locales {
			t.Run(mkt+"/"+l, func(t *testing.T) {
				in := noticeInput(mkt, l)
				m, err := c.Render([]engine.Reason{engine.IncomeInsufficient}, in)
				if err != nil {
					t.Fatal(err)
				}
				fr := c.Frames[l]
				f := filler{in: &in, noKeyFactors: fr.NoKeyFactors}
				has := func(p FramePart) bool { return strings.Contains(m.Body, f.fill(fr.Part(p), l)) }
				if !has(PartReference) || !strings.Contains(m.Body, "D7K-2QF-9XM") {
					t.Errorf("no reference paragraph:\n%s", m.Body)
				}
				us := mkt == "US"
				if has(PartFCRA) != us || has(PartECOA) != us {
					t.Errorf("FCRA %v, ECOA %v; want %v:\n%s", has(PartFCRA), has(PartECOA), us, m.Body)
				}
				if has(PartHumanReview) == us {
					t.Errorf("human review %v; want %v:\n%s", has(PartHumanReview), !us, m.Body)
				}
				if us {
					for _, want := range []string{"Experian", "P.O. Box 2002, Allen, TX 75013", "1-888-397-3742", "512", "300–850",
						FormatDate(l, scoreDate), "Serious delinquency; Too many inquiries in the last 12 months", Regulator} {
						if !strings.Contains(m.Body, want) {
							t.Errorf("body lacks %q:\n%s", want, m.Body)
						}
					}
				}
			})
		}
	}
}

// TestRenderNoKeyFactors: without key factors the FCRA notice says the bureau named none.
func TestRenderNoKeyFactors(t *testing.T) {
	c := Default()
	in := noticeInput("US", "en-US")
	in.KeyFactors = nil
	m, err := c.Render([]engine.Reason{engine.IncomeInsufficient}, in)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Key factors that adversely affected your score: none reported by the credit bureau."; !strings.Contains(m.Body, want) {
		t.Errorf("body lacks %q:\n%s", want, m.Body)
	}
}

// TestRenderRedact: the agent's copy keeps the text and hides every bureau datum.
func TestRenderRedact(t *testing.T) {
	c := Default()
	for _, l := range market.Locales {
		in := noticeInput("US", l)
		in.Redact = true
		m, err := c.Render([]engine.Reason{engine.CreditScoreInsufficient, engine.IncomeInsufficient}, in)
		if err != nil {
			t.Fatal(err)
		}
		all := m.Title + "\n" + m.Body + "\n" + strings.Join(m.Steps, "\n")
		for _, secret := range []string{"Experian", "P.O. Box 2002", "1-888-397-3742", "512", "300–850", FormatDate(l, scoreDate),
			"Serious delinquency", "inquiries in the last"} {
			if strings.Contains(all, secret) {
				t.Errorf("%s: redacted pop-up shows %q:\n%s", l, secret, all)
			}
		}
		for _, kept := range []string{Redacted, "D7K-2QF-9XM", "Nordic Outdoor", Regulator} {
			if !strings.Contains(all, kept) {
				t.Errorf("%s: redacted pop-up lacks %q", l, kept)
			}
		}
	}
}

// TestExplain: factors in plain words, the failed ones first with a band and no figure, the
// passed ones too, and what to change from the reasons' steps.
func TestExplain(t *testing.T) {
	c := Default()
	set := engine.DefaultSet(market.All[0])
	// Pass everything, then fail three rules by different margins.
	v := engine.PassingValues()
	v[engine.BureauScore] = set.Rules[engine.BureauScore].Cutoff - 10                                       // narrowly
	v[engine.DebtToIncome] = set.Rules[engine.DebtToIncome].Cutoff + 3*set.Rules[engine.DebtToIncome].Scale // well short
	v[engine.IdentityVerified] = 0                                                                          // not met
	var res engine.Result
	engine.Evaluate(&set, &v, &res)
	if res.Outcome != engine.Declined {
		t.Fatal("not declined")
	}
	for _, l := range market.Locales {
		in := noticeInput("US", l)
		e, err := c.Explain(&res, res.PrincipalReasons(), in)
		if err != nil {
			t.Fatal(err)
		}
		fr := c.Frames[l]
		if e.Locale != l || e.Title != fr.ExplainTitle || !strings.Contains(e.Summary, "Nordic Outdoor") {
			t.Errorf("%s: locale %s, title %q, summary %q", l, e.Locale, e.Title, e.Summary)
		}
		want := map[engine.Factor]Margin{engine.FactorIdentity: MarginNotMet, engine.FactorDebtToIncome: MarginWellShort,
			engine.FactorCreditScore: MarginNarrowly, engine.FactorIncome: MarginMet}
		for i, f := range e.Factors {
			if m, ok := want[f.Factor]; ok && f.Margin != m {
				t.Errorf("%s: %s margin %s, want %s", l, f.Factor, f.Margin, m)
			}
			if f.Name != fr.FactorNames[f.Factor] || !strings.Contains(f.Text, f.Name) {
				t.Errorf("%s: %s named %q in %q", l, f.Factor, f.Name, f.Text)
			}
			if i < 3 && f.Met || i >= 3 && !f.Met {
				t.Errorf("%s: factor %d (%s) met %v: the three that fell short come first", l, i, f.Factor, f.Met)
			}
			for _, digit := range "0123456789" {
				if strings.ContainsRune(f.Text, digit) {
					t.Errorf("%s: %q states a figure", l, f.Text)
				}
			}
		}
		if e.Factors[0].Factor != engine.FactorIdentity {
			t.Errorf("%s: first factor %s, want the first principal reason's", l, e.Factors[0].Factor)
		}
		if len(e.Changes) == 0 {
			t.Errorf("%s: nothing to change", l)
		}
		id, _, _ := c.Lookup(engine.IdentityUnverified, l, l, Shopper)
		if !strings.Contains(strings.Join(e.Changes, "\n"), id.Steps[0]) {
			t.Errorf("%s: changes lack the identity step %q", l, id.Steps[0])
		}
	}
	// An approval: every factor met, nothing to change.
	engine.Evaluate(&set, new(engine.Values), &res)
	for i := range set.Rules {
		res.Checks[i].Passed, res.Checks[i].Shortfall = true, 0
	}
	res.Outcome, res.NumReasons = engine.Approved, 0
	e, err := c.Explain(&res, nil, noticeInput("SE", "sv-SE"))
	if err != nil {
		t.Fatal(err)
	}
	if e.Summary != strings.NewReplacer("{amount}", FormatAmount("sv-SE", "SEK", 123450), "{merchant}", "Nordic Outdoor").Replace(c.Frames["sv-SE"].ExplainApproved) || len(e.Changes) != 0 {
		t.Errorf("approval: summary %q, changes %q", e.Summary, e.Changes)
	}
	for _, f := range e.Factors {
		if !f.Met {
			t.Errorf("approval: %s not met", f.Factor)
		}
	}
}
