package app

import (
	"encoding/json"
	"strings"
	"testing"

	"riskconsole/graph"
	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
)

const agentQuery = `query($ref: String!, $locale: String!) { agentDecision(reference: $ref, locale: $locale) {
	reference createdAt outcome market merchantName amount currency formattedAmount
	shopperMessage { locale title body steps } guidanceLocale
	guidance { rank code locale title body steps }
	cardHold { mayBePending releaseBusinessDays usuallyReleasedBy note } notes } }`

type agentDecisionJSON struct {
	Reference       string  `json:"reference"`
	Outcome         string  `json:"outcome"`
	Market          string  `json:"market"`
	MerchantName    string  `json:"merchantName"`
	Amount          float64 `json:"amount"`
	Currency        string  `json:"currency"`
	FormattedAmount string  `json:"formattedAmount"`
	ShopperMessage  *struct {
		Locale string   `json:"locale"`
		Title  string   `json:"title"`
		Body   string   `json:"body"`
		Steps  []string `json:"steps"`
	} `json:"shopperMessage"`
	GuidanceLocale string `json:"guidanceLocale"`
	Guidance       []struct {
		Rank   int    `json:"rank"`
		Code   string `json:"code"`
		Locale string `json:"locale"`
		Title  string `json:"title"`
	} `json:"guidance"`
	CardHold *struct {
		MayBePending        bool   `json:"mayBePending"`
		ReleaseBusinessDays int    `json:"releaseBusinessDays"`
		Note                string `json:"note"`
	} `json:"cardHold"`
	Notes []string `json:"notes"`
}

// agentViews counts the decision.view_agent events of entity id, read as AUDITOR.
func agentViews(t *testing.T, ta *testApp, id string) []map[string]any {
	t.Helper()
	r := ta.post(t, auth.Auditor, `query($id: String!) { auditEvents(first: 100, filter: {action: "decision.view_agent", entityType: "decision", entityId: $id}) {
		nodes { actor actorRoles outcome after } } }`, map[string]any{"id": id})
	if len(r.Errors) > 0 {
		t.Fatalf("auditEvents: %s", errorsJSON(r))
	}
	var out struct {
		AuditEvents struct {
			Nodes []map[string]any `json:"nodes"`
		} `json:"auditEvents"`
	}
	if err := json.Unmarshal(r.Data, &out); err != nil {
		t.Fatal(err)
	}
	return out.AuditEvents.Nodes
}

// TestAgentDecision: an agent looks a seeded decline up by its reference typed loosely, sees the
// pop-up exactly as stored in the shopper's locale, guidance in its own locale, the card-hold
// note and the standard notes, and nothing restricted; each look-up, found or not, is audited.
func TestAgentDecision(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 200)
		ctx := t.Context()
		page, err := ta.Decisions.List(ctx, decisions.Filter{Outcome: engine.Declined}, decisions.PageRequest{First: 100})
		if err != nil {
			t.Fatal(err)
		}
		// A decline whose shopper locale is not the agent's, so the two languages differ.
		const agentLocale = "de-DE"
		var d *decisions.Decision
		for i := range page.Items {
			if page.Items[i].Message.Locale != agentLocale && page.Items[i].Message.Locale != "" {
				d = &page.Items[i]
				break
			}
		}
		if d == nil {
			t.Fatal("no seeded decline outside de-DE")
		}
		loose := strings.ToLower(d.Reference[:4]) + " " + d.Reference[4:] // any case, any separators
		r := ta.post(t, auth.Agent, agentQuery, map[string]any{"ref": loose, "locale": agentLocale})
		if len(r.Errors) > 0 {
			t.Fatalf("agentDecision: %s", errorsJSON(r))
		}
		for _, leak := range []string{d.ShopperID, "breakdown", "cutoff", "threshold", "shopperId"} {
			if strings.Contains(string(r.Data), leak) {
				t.Errorf("the agent's answer contains %q: %s", leak, r.Data)
			}
		}
		var got struct {
			AgentDecision agentDecisionJSON `json:"agentDecision"`
		}
		if err := json.Unmarshal(r.Data, &got); err != nil {
			t.Fatal(err)
		}
		a := got.AgentDecision
		if a.Reference != decisions.FormatReference(d.Reference) || a.Outcome != "DECLINED" || a.Market != d.Market ||
			a.MerchantName != d.MerchantName || a.Currency != d.Currency || a.Amount != float64(d.AmountMinor)/100 {
			t.Errorf("agent view %+v does not match decision %+v", a, d)
		}
		if want := catalog.FormatAmount(agentLocale, d.Currency, d.AmountMinor); a.FormattedAmount != want {
			t.Errorf("formattedAmount %q, want %q", a.FormattedAmount, want)
		}
		// The pop-up is the stored one with the bureau data redacted, in the shopper's locale.
		cat, err := ta.Catalog.ByID(ctx, d.CatalogVersionID)
		if err != nil {
			t.Fatal(err)
		}
		red, ok, err := decisions.Redacted(d, cat)
		if err != nil || !ok {
			t.Fatalf("the stored pop-up is not reproduced: %v", err)
		}
		m := a.ShopperMessage
		if m == nil || m.Locale != d.Message.Locale || m.Title != d.Message.Title || m.Body != red.Body ||
			strings.Join(m.Steps, "\n") != strings.Join(red.Steps, "\n") {
			t.Errorf("shopper message %+v, want the stored one redacted %+v", m, red)
		}
		if d.Market == "US" && (!strings.Contains(m.Body, catalog.Redacted) || m.Body == d.Message.Body) {
			t.Errorf("a US decline's pop-up without redaction: %q", m.Body)
		}
		if a.GuidanceLocale != agentLocale || len(a.Guidance) != len(d.Reasons) {
			t.Fatalf("guidance in %s with %d entries, want %s and %d", a.GuidanceLocale, len(a.Guidance), agentLocale, len(d.Reasons))
		}
		for i, g := range a.Guidance {
			want, err := ta.Catalog.Current().Guidance(d.Reasons[i], catalog.RenderInput{Locale: agentLocale})
			if err != nil {
				t.Fatal(err)
			}
			if g.Rank != i+1 || g.Code != d.Reasons[i].String() || g.Locale != agentLocale || g.Title != want.Title {
				t.Errorf("guidance %d = %+v, want %s %q in %s", i, g, d.Reasons[i], want.Title, agentLocale)
			}
		}
		if h := a.CardHold; h == nil || h.ReleaseBusinessDays != decisions.HoldReleaseBusinessDays[d.Market] ||
			!strings.Contains(h.Note, "Bankarbeitstagen") {
			t.Errorf("card hold %+v", a.CardHold)
		}
		if len(a.Notes) != 4 || !strings.Contains(a.Notes[0], "Bonität") {
			t.Errorf("notes %q", a.Notes)
		}
		// The last note is the market's rule on human review.
		if review := strings.Contains(a.Notes[3], "Mensch"); review != (d.Market != "US") {
			t.Errorf("%s decline: last note %q", d.Market, a.Notes[3])
		}

		// An unsupported locale falls back to en-US, visibly.
		r = ta.post(t, auth.Agent, agentQuery, map[string]any{"ref": d.Reference, "locale": "fr-FR"})
		if err := json.Unmarshal(r.Data, &got); err != nil || len(r.Errors) > 0 {
			t.Fatalf("%v %s", err, errorsJSON(r))
		}
		if got.AgentDecision.GuidanceLocale != "en-US" || got.AgentDecision.Guidance[0].Locale != "en-US" {
			t.Errorf("fr-FR: guidance locale %q", got.AgentDecision.GuidanceLocale)
		}

		// Two look-ups, two events, by the agent's token.
		events := agentViews(t, ta, d.Reference)
		if len(events) != 2 {
			t.Fatalf("%d view events for %s, want 2: %v", len(events), d.Reference, events)
		}
		for _, e := range events {
			if e["outcome"] != "DONE" || !strings.HasPrefix(e["actor"].(string), "token:") ||
				!strings.Contains(strings.Join(anyStrings(e["actorRoles"]), ","), "AGENT") {
				t.Errorf("view event %v", e)
			}
		}

		// Unknown and malformed references: NOT_FOUND without a hint, and audited too.
		unknown := "ZZZ-ZZZ-ZZZ"
		if unknown == decisions.FormatReference(d.Reference) {
			t.Fatal("the seeded reference is the unknown one")
		}
		for _, ref := range []string{unknown, "not a reference"} {
			r = ta.post(t, auth.Agent, agentQuery, map[string]any{"ref": ref, "locale": "en-US"})
			if r.code() != graph.CodeNotFound || len(r.Errors) != 1 || dataField(t, r, "agentDecision") != "null" {
				t.Errorf("%q: %s", ref, errorsJSON(r))
			}
			if msg := r.Errors[0].Message; strings.Contains(strings.ToLower(msg), "similar") || strings.Contains(msg, d.Reference) {
				t.Errorf("%q: message hints: %q", ref, msg)
			}
		}
		if ev := agentViews(t, ta, "ZZZZZZZZZ"); len(ev) != 1 || ev[0]["outcome"] != "FAILED" {
			t.Errorf("unknown reference: events %v", ev)
		}
		if ev := agentViews(t, ta, "NOT A REFERENCE"); len(ev) != 1 || ev[0]["outcome"] != "FAILED" {
			t.Errorf("malformed reference: events %v", ev)
		}
	})
}

func anyStrings(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}
