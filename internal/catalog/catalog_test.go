package catalog

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
)

var scoreDate = time.Date(2026, time.March, 5, 14, 30, 0, 0, time.UTC)

// inputFor returns a render input for a shopper of the market whose default locale is locale.
func inputFor(locale string) RenderInput {
	in := RenderInput{Locale: locale, MarketLocale: locale, AmountMinor: 123450, Merchant: "Nordic Outdoor",
		Score: 562, ScoreRange: "300–850", ScoreDate: scoreDate}
	for _, m := range market.All {
		if m.DefaultLocale == locale {
			in.Currency, in.Bureau = m.Currency, BureauFor(m.Code)
		}
	}
	return in
}

func allReasons() []engine.Reason {
	rs := make([]engine.Reason, 0, engine.NumReasons)
	for r := engine.Reason(1); r <= engine.NumReasons; r++ {
		rs = append(rs, r)
	}
	return rs
}

func TestDefault(t *testing.T) {
	c := Default()
	if err := Validate(c); err != nil {
		t.Fatalf("Validate(Default()) = %v", err)
	}
	if c.VersionID != 0 || c.Version != 0 {
		t.Errorf("VersionID, Version = %d, %d; want 0, 0", c.VersionID, c.Version)
	}
	if got, want := len(c.Texts), engine.NumReasons*len(market.Locales)*len(Audiences); got != want {
		t.Errorf("len(Texts) = %d, want %d", got, want)
	}
	for _, r := range allReasons() {
		for _, l := range market.Locales {
			for _, a := range Audiences {
				if _, ok := c.Texts[Key{r, l, a}]; !ok {
					t.Errorf("missing text %s", textPath(Key{r, l, a}))
				}
			}
		}
	}
	for i, ci := range c.Codes {
		if ci.Rank != i+1 {
			t.Errorf("codes[%d].Rank = %d, want %d", i, ci.Rank, i+1)
		}
		wantHard := ci.Reason == engine.IdentityUnverified || ci.Reason == engine.UnderLegalAge
		if got := ci.Severity == SeverityHard; got != wantHard {
			t.Errorf("%s severity = %s", ci.Reason, ci.Severity)
		}
		if wantHard && ci.Rank > 2 {
			t.Errorf("hard code %s ranked %d, want 1 or 2", ci.Reason, ci.Rank)
		}
	}
	if ci, ok := c.Code(engine.ObligationsExcessive); !ok || ci.Factor != engine.FactorDebtToIncome {
		t.Errorf("Code(OBLIGATIONS_EXCESSIVE) = %+v, %v", ci, ok)
	}

	// Each call is independent: changing one catalog leaves the next Default untouched.
	k := Key{engine.IncomeInsufficient, "en-US", Shopper}
	c.Texts[k].Steps[0] = "changed"
	if Default().Texts[k].Steps[0] == "changed" {
		t.Error("Default shares step slices between calls")
	}
	c.Frames["en-US"] = Frame{}
	if Default().Frames["en-US"].Title == "" {
		t.Error("Default shares its frames map between calls")
	}
}

// TestDefaultAgentGuidance checks that every agent text carries the rules agents must know (in
// every market: an agent approves nothing; whether a person may review the decision depends on
// the market and is in the agent view's notes), and that shopper texts point to another try.
func TestDefaultAgentGuidance(t *testing.T) {
	must := map[string][]string{
		"en-US": {"What it means:", "can't approve a purchase yourself", "can't change or influence", "new automated assessment", "credit score", "authorization hold", "card issuer"},
		"en-GB": {"What it means:", "can't approve a purchase yourself", "can't change or influence", "new automated assessment", "credit score", "authorisation", "card issuer"},
		"sv-SE": {"Vad det betyder:", "inte själv godkänna ett köp", "inte ändra eller påverka", "bedöms automatiskt på nytt", "kreditpoäng", "reserverat belopp", "kortutgivaren"},
		"de-DE": {"Bedeutung:", "keinen Kauf selbst freigeben", "weder ändern noch beeinflussen", "neu automatisch geprüft", "Bonitätsscore", "Autorisierung", "kartenausgebenden Bank"},
	}
	c := Default()
	for _, l := range market.Locales {
		for _, r := range allReasons() {
			body := c.Texts[Key{r, l, Agent}].Body
			for _, s := range must[l] {
				if !strings.Contains(body, s) {
					t.Errorf("%s body lacks %q", textPath(Key{r, l, Agent}), s)
				}
			}
		}
	}
}

func TestRender(t *testing.T) {
	four := []engine.Reason{engine.IdentityUnverified, engine.UnderLegalAge, engine.OutstandingCreditHigh, engine.AffordabilityInsufficient}
	tests := []struct {
		name    string
		locale  string
		reasons []engine.Reason
		amount  string
		title   string
	}{
		{"en-US one reason", "en-US", []engine.Reason{engine.IncomeInsufficient}, "$1,234.50", "We couldn't approve this purchase"},
		{"en-US four reasons", "en-US", four, "$1,234.50", "We couldn't approve this purchase"},
		{"en-GB one reason", "en-GB", []engine.Reason{engine.ResidenceUnverified}, "£1,234.50", "We couldn't approve this purchase"},
		{"en-GB four reasons", "en-GB", four, "£1,234.50", "We couldn't approve this purchase"},
		{"sv-SE one reason", "sv-SE", []engine.Reason{engine.RecentPlansExcessive}, "1\u00a0234,50\u00a0kr", "Vi kunde inte godkänna köpet"},
		{"sv-SE four reasons", "sv-SE", four, "1\u00a0234,50\u00a0kr", "Vi kunde inte godkänna köpet"},
		{"de-DE one reason", "de-DE", []engine.Reason{engine.DelinquentObligations}, "1.234,50\u00a0€", "Wir konnten diesen Kauf nicht genehmigen"},
		{"de-DE four reasons", "de-DE", four, "1.234,50\u00a0€", "Wir konnten diesen Kauf nicht genehmigen"},
	}
	c := Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := inputFor(tt.locale)
			m, err := c.Render(tt.reasons, in)
			if err != nil {
				t.Fatal(err)
			}
			if m.Locale != tt.locale || m.Title != tt.title {
				t.Errorf("Locale, Title = %q, %q; want %q, %q", m.Locale, m.Title, tt.locale, tt.title)
			}
			paras := strings.Split(m.Body, "\n\n")
			if len(paras) != 1+len(tt.reasons) {
				t.Fatalf("body has %d paragraphs, want %d:\n%s", len(paras), 1+len(tt.reasons), m.Body)
			}
			if !strings.Contains(paras[0], in.Merchant) || !strings.Contains(paras[0], tt.amount) {
				t.Errorf("intro %q lacks merchant %q or amount %q", paras[0], in.Merchant, tt.amount)
			}
			if strings.Contains(m.Body, "{") {
				t.Errorf("body has an unreplaced placeholder:\n%s", m.Body)
			}
			var raw []string
			for i, r := range tt.reasons {
				st := c.Texts[Key{r, tt.locale, Shopper}]
				if want := st.Title + "\n" + st.Body; paras[i+1] != want {
					t.Errorf("paragraph %d = %q, want %q", i+1, paras[i+1], want)
				}
				for _, s := range st.Steps {
					raw = append(raw, strings.ReplaceAll(s, "{bureau}", in.Bureau))
				}
			}
			var dedup []string
			for _, s := range raw {
				if !slices.Contains(dedup, s) {
					dedup = append(dedup, s)
				}
			}
			if !slices.Equal(m.Steps, dedup) {
				t.Errorf("steps =\n%q\nwant\n%q", m.Steps, dedup)
			}
			// The closing sentence follows the steps and is not one of them (issue 16: every
			// pop-up showed it as the last numbered step).
			if closing := c.Frames[tt.locale].Closing; m.Closing != closing || slices.Contains(m.Steps, closing) {
				t.Errorf("closing %q (steps %q), want %q apart from the steps", m.Closing, m.Steps, closing)
			}
			if len(tt.reasons) == 4 && len(m.Steps) >= len(raw) {
				t.Errorf("four reasons sharing steps gave %d steps from %d; nothing was de-duplicated", len(m.Steps), len(raw))
			}
		})
	}
}

func TestRenderCreditScore(t *testing.T) {
	tests := []struct {
		name, locale, date, bureau string
		extra                      []string
	}{
		{"en-US", "en-US", "March 5, 2026", "Experian", []string{"free copy of your credit report", "dispute"}},
		{"en-GB", "en-GB", "5 March 2026", "Experian", []string{"free copy of your credit report"}},
		{"sv-SE", "sv-SE", "5 mars 2026", "UC", []string{"kostnadsfritt", "rättas"}},
		{"de-DE", "de-DE", "5. März 2026", "SCHUFA", []string{"kostenlos", "Berichtigung"}},
	}
	c := Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := c.Render([]engine.Reason{engine.CreditScoreInsufficient, engine.IncomeInsufficient}, inputFor(tt.locale))
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range append([]string{"562", "300–850", tt.date, tt.bureau}, tt.extra...) {
				if !strings.Contains(m.Body, s) {
					t.Errorf("body lacks %q:\n%s", s, m.Body)
				}
			}
			if !slices.ContainsFunc(m.Steps, func(s string) bool { return strings.Contains(s, tt.bureau) }) {
				t.Errorf("no step names the bureau %q: %q", tt.bureau, m.Steps)
			}
		})
	}

	t.Run("defaults for bureau and range", func(t *testing.T) {
		in := inputFor("sv-SE")
		in.Bureau, in.ScoreRange = "", ""
		m, err := c.Render([]engine.Reason{engine.CreditScoreInsufficient}, in)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(m.Body, "från UC: 562 på en skala 300–850") {
			t.Errorf("body = %s", m.Body)
		}
	})
}

func TestFallback(t *testing.T) {
	r := engine.EmploymentLength
	del := func(locales ...string) func(*Catalog) {
		return func(c *Catalog) {
			for _, l := range locales {
				delete(c.Texts, Key{r, l, Shopper})
				delete(c.Texts, Key{r, l, Agent})
			}
		}
	}
	delFrames := func(locales ...string) func(*Catalog) {
		return func(c *Catalog) {
			for _, l := range locales {
				delete(c.Frames, l)
			}
		}
	}
	tests := []struct {
		name           string
		locale, market string
		edit           []func(*Catalog)
		wantText       string // locale the reason's text comes from
		wantTitle      string // Message.Locale
	}{
		{"shopper locale present", "en-GB", "sv-SE", nil, "en-GB", "en-GB"},
		{"shopper locale missing: market locale", "en-GB", "sv-SE", []func(*Catalog){del("en-GB")}, "sv-SE", "en-GB"},
		{"shopper and market locale missing: en-US", "en-GB", "sv-SE", []func(*Catalog){del("en-GB", "sv-SE")}, "en-US", "en-GB"},
		{"unsupported shopper locale: market locale", "fi-FI", "sv-SE", nil, "sv-SE", "sv-SE"},
		{"frame missing: market locale title", "de-DE", "sv-SE", []func(*Catalog){delFrames("de-DE")}, "de-DE", "sv-SE"},
		{"frames missing: en-US title", "de-DE", "sv-SE", []func(*Catalog){delFrames("de-DE", "sv-SE")}, "de-DE", "en-US"},
		{"no frames at all: seeded frames", "de-DE", "sv-SE", []func(*Catalog){func(c *Catalog) { c.Frames = nil }}, "de-DE", "de-DE"},
		{"empty market locale", "fi-FI", "", []func(*Catalog){del("en-GB")}, "en-US", "en-US"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			for _, e := range tt.edit {
				e(c)
			}
			for _, a := range Audiences {
				text, loc, ok := c.Lookup(r, tt.locale, tt.market, a)
				if !ok || loc != tt.wantText || text.Title == "" {
					t.Errorf("Lookup(%s) = %q, %q, %v; want a text from %q", a, text.Title, loc, ok, tt.wantText)
				}
			}
			in := RenderInput{Locale: tt.locale, MarketLocale: tt.market, Currency: "SEK", AmountMinor: 99900, Merchant: "M", ScoreDate: scoreDate}
			m, err := c.Render([]engine.Reason{r}, in)
			if err != nil {
				t.Fatal(err)
			}
			if m.Locale != tt.wantTitle {
				t.Errorf("Message.Locale = %q, want %q", m.Locale, tt.wantTitle)
			}
			if want := defaultFrames[tt.wantTitle].Title; m.Title != want {
				t.Errorf("Title = %q, want %q", m.Title, want)
			}
			if want := Default().Texts[Key{r, tt.wantText, Shopper}].Body; !strings.Contains(m.Body, want) {
				t.Errorf("body lacks the %s text %q:\n%s", tt.wantText, want, m.Body)
			}
			// The intro's amount follows the title's locale.
			if want := FormatAmount(tt.wantTitle, "SEK", 99900); !strings.Contains(m.Body, want) {
				t.Errorf("body lacks amount %q:\n%s", want, m.Body)
			}
		})
	}
}

func TestRenderErrors(t *testing.T) {
	noText := Default()
	for _, l := range market.Locales {
		delete(noText.Texts, Key{engine.ReservesInsufficient, l, Shopper})
	}
	tests := []struct {
		name     string
		c        *Catalog
		reasons  []engine.Reason
		want     error
		wantWrap error
	}{
		{"no reasons", Default(), nil, ErrNoReasons, apperr.ErrInvalid},
		{"NoReason", Default(), []engine.Reason{engine.NoReason}, ErrUnknownReason, apperr.ErrNotFound},
		{"out of range", Default(), []engine.Reason{engine.IncomeInsufficient, engine.Reason(99)}, ErrUnknownReason, apperr.ErrNotFound},
		{"no text in any locale", noText, []engine.Reason{engine.IncomeInsufficient, engine.ReservesInsufficient}, ErrUnknownReason, apperr.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.c.Render(tt.reasons, inputFor("en-US"))
			if !errors.Is(err, tt.want) || !errors.Is(err, tt.wantWrap) {
				t.Errorf("err = %v, want %v wrapping %v", err, tt.want, tt.wantWrap)
			}
		})
	}
}

func TestRenderDuplicateReasons(t *testing.T) {
	c := Default()
	in := inputFor("en-US")
	once, err := c.Render([]engine.Reason{engine.IncomeInsufficient}, in)
	if err != nil {
		t.Fatal(err)
	}
	twice, err := c.Render([]engine.Reason{engine.IncomeInsufficient, engine.IncomeInsufficient}, in)
	if err != nil {
		t.Fatal(err)
	}
	if once.Body != twice.Body || !slices.Equal(once.Steps, twice.Steps) {
		t.Errorf("a repeated reason changed the pop-up:\n%+v\n%+v", once, twice)
	}
}

func TestGuidance(t *testing.T) {
	c := Default()
	for _, l := range market.Locales {
		t.Run(l, func(t *testing.T) {
			m, err := c.Guidance(engine.UnderLegalAge, RenderInput{Locale: l})
			if err != nil {
				t.Fatal(err)
			}
			want := c.Texts[Key{engine.UnderLegalAge, l, Agent}]
			if m.Locale != l || m.Title != want.Title || m.Body != want.Body || !slices.Equal(m.Steps, want.Steps) {
				t.Errorf("Guidance = %+v, want %+v", m, want)
			}
		})
	}
	if _, err := c.Guidance(engine.NoReason, RenderInput{Locale: "en-US"}); !errors.Is(err, ErrUnknownReason) {
		t.Errorf("Guidance(NoReason) err = %v", err)
	}
}

func TestLookupDoesNotAllocate(t *testing.T) {
	c := Default()
	if n := testing.AllocsPerRun(100, func() {
		c.Lookup(engine.IncomeInsufficient, "fi-FI", "sv-SE", Shopper)
	}); n != 0 {
		t.Errorf("Lookup allocates %v times", n)
	}
}

func TestRenderConcurrent(t *testing.T) {
	c := Default()
	want, err := c.Render(allReasons()[:4], inputFor("de-DE"))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				m, err := c.Render(allReasons()[:4], inputFor("de-DE"))
				if err != nil || m.Body != want.Body {
					t.Errorf("concurrent Render differs: %v", err)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestBureauFor(t *testing.T) {
	tests := []struct{ name, market, want string }{
		{"US", "US", "Experian"},
		{"GB", "GB", "Experian"},
		{"SE", "SE", "UC"},
		{"DE", "DE", "SCHUFA"},
		{"unknown", "FR", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BureauFor(tt.market); got != tt.want {
				t.Errorf("BureauFor(%q) = %q, want %q", tt.market, got, tt.want)
			}
		})
	}
	for _, m := range market.All {
		if BureauFor(m.Code) == "" {
			t.Errorf("market %s has no bureau", m.Code)
		}
	}
}

// BenchmarkRender renders a four-reason pop-up, credit score included, as a decline does.
func BenchmarkRender(b *testing.B) {
	c := Default()
	reasons := []engine.Reason{engine.IdentityUnverified, engine.CreditScoreInsufficient,
		engine.OutstandingCreditHigh, engine.AffordabilityInsufficient}
	in := inputFor("sv-SE")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Render(reasons, in); err != nil {
			b.Fatal(err)
		}
	}
}
