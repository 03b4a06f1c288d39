package app

import (
	"strings"
	"testing"
	"time"

	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
)

// usKeyFactors are four key factors as the bureau sends them.
var usKeyFactors = []string{"Serious delinquency", "Proportion of balances to credit limits is too high",
	"Length of time accounts have been established", "Too many inquiries in the last 12 months"}

// scoreDay is the date of the bureau's answer in the notice tests: a past day, never the
// decision's.
var scoreDay = time.Now().UTC().AddDate(0, 0, -3).Truncate(24 * time.Hour)

// withBureau adds a bureau report to a purchase input and declines it on income.
func withBureau(report map[string]any) func(in, values map[string]any) {
	return func(in, values map[string]any) {
		values["monthlyIncome"] = 10.0
		if report != nil {
			in["bureauReport"] = report
		}
	}
}

// usReport is a US bureau report with four key factors.
func usReport() map[string]any {
	return map[string]any{"bureau": "EXPERIAN_US", "score": 612.0, "scoreMin": 300.0, "scoreMax": 850.0,
		"scoreDate": scoreDay.Format(time.RFC3339), "keyFactors": usKeyFactors}
}

// TestNoticesUSDecline: a US decline that did not turn on the score still carries the complete
// FCRA 615(a) notice, filled from the bureau report (bureau, address, toll-free number, score with
// its range and date, key factors), the ECOA notice with the regulator, and the reference, in
// every locale; the stored decision has the same text. On both databases through the handler.
func TestNoticesUSDecline(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 5)
		for _, l := range market.Locales {
			in := purchaseInput("US", 129.95, withBureau(usReport()))
			in["locale"] = l
			a := ta.assess(t, in, uniqueKey("us-notice"))
			if a.Outcome != "DECLINED" || a.Message == nil || strings.Join(a.reasonCodes(), ",") != "INCOME_INSUFFICIENT" {
				t.Fatalf("%s: %+v", l, a)
			}
			body := a.Message.Body
			wants := []string{"Experian", "P.O. Box 2002, Allen, TX 75013", "1-888-397-3742", "612", "300–850",
				catalog.FormatDate(l, scoreDay), strings.Join(usKeyFactors, "; "), "Equal Credit Opportunity Act",
				catalog.Regulator, "Fair Credit Reporting Act", "60", a.Reference}
			if l == "en-US" {
				wants = append(wants, "did not make this decision", "free copy of your report", "within 60 days", "right to dispute",
					"prohibits creditors from discriminating")
			}
			for _, want := range wants {
				if !strings.Contains(body, want) {
					t.Errorf("%s: the pop-up lacks %q:\n%s", l, want, body)
				}
			}
			// No EU review notice in the US.
			if review := ta.Catalog.Current().Frames[l].HumanReview; strings.Contains(body, strings.SplitN(review, ".", 2)[0]) {
				t.Errorf("%s: a US pop-up offers the EU review:\n%s", l, body)
			}
			stored, err := ta.Decisions.ByReference(t.Context(), a.Reference)
			if err != nil || stored.Message.Body != body || stored.Bureau == nil || stored.Bureau.Score != 612 ||
				!stored.Bureau.ScoreDate.Equal(scoreDay) || len(stored.Bureau.KeyFactors) != 4 {
				t.Errorf("%s: stored %+v %+v (%v)", l, stored.Message, stored.Bureau, err)
			}
		}
		// Analysts read the report kept with the decision.
		first := ta.assess(t, purchaseInput("US", 12, withBureau(usReport())), uniqueKey("us-report"))
		r := ta.gql(t, auth.Analyst, `query($ref: String!) { decisionByReference(reference: $ref) {
			bureauReport { bureau bureauName score scoreMin scoreMax scoreDate keyFactors } } }`, map[string]any{"ref": first.Reference})
		var got struct {
			DecisionByReference struct {
				BureauReport struct {
					Bureau, BureauName        string
					Score, ScoreMin, ScoreMax float64
					ScoreDate                 time.Time
					KeyFactors                []string
				} `json:"bureauReport"`
			} `json:"decisionByReference"`
		}
		decodeData(t, r, &got)
		if b := got.DecisionByReference.BureauReport; b.Bureau != "EXPERIAN_US" || b.BureauName != "Experian" || b.Score != 612 ||
			b.ScoreMin != 300 || b.ScoreMax != 850 || !b.ScoreDate.Equal(scoreDay) || strings.Join(b.KeyFactors, ";") != strings.Join(usKeyFactors, ";") {
			t.Errorf("bureau report %+v", b)
		}
		// Without key factors the notice says the bureau named none; without a report it
		// discloses the engine's score on its own scale.
		noFactors := usReport()
		delete(noFactors, "keyFactors")
		a := ta.assess(t, purchaseInput("US", 50, withBureau(noFactors)), uniqueKey("us-no-factors"))
		if !strings.Contains(a.Message.Body, "Key factors that adversely affected your score: none reported by the credit bureau.") {
			t.Errorf("no key factors:\n%s", a.Message.Body)
		}
		a = ta.assess(t, purchaseInput("US", 50, withBureau(nil)), uniqueKey("us-no-report"))
		if !strings.Contains(a.Message.Body, "300–850") || !strings.Contains(a.Message.Body, "P.O. Box 2002") {
			t.Errorf("no report:\n%s", a.Message.Body)
		}
		// The decision seals still check out with the new columns.
		r = ta.gql(t, auth.Auditor, `{ verifyDecisions { ok checked } }`, nil)
		if !strings.Contains(string(r.Data), `"ok":true`) {
			t.Errorf("verifyDecisions: %s %s", r.Data, errorsJSON(r))
		}
	})
}

// TestNoticesOtherScale: a GB score on Experian UK's 0–999 scale is disclosed as the bureau gave
// it, while the engine decides on its measured 300–850 value.
func TestNoticesOtherScale(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 5)
		in := purchaseInput("GB", 80, func(in, v map[string]any) {
			v["bureauScore"] = 540.0
			in["bureauReport"] = map[string]any{"bureau": "EXPERIAN_UK", "score": 412.0, "scoreDate": scoreDay.Format(time.RFC3339)}
		})
		a := ta.assess(t, in, uniqueKey("gb-scale"))
		if a.Outcome != "DECLINED" || a.Reasons[0].Code != "CREDIT_SCORE_INSUFFICIENT" {
			t.Fatalf("%+v", a)
		}
		want := "Experian: 412, on a scale of 0–999, as of " + catalog.FormatDate("en-GB", scoreDay)
		if !strings.Contains(a.Message.Body, want) || strings.Contains(a.Message.Body, "540") {
			t.Errorf("want %q, not the engine's 540:\n%s", want, a.Message.Body)
		}
	})
}

// TestNoticesHumanReview: in SE, DE and GB every decline tells the shopper, in each of the four
// locales, that the decision was automated, that a person may review it and how, quoting the
// reference; and the reference closes every pop-up.
func TestNoticesHumanReview(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 5)
		cur := ta.Catalog.Current()
		words := map[string][]string{
			"en-US": {"made automatically", "ask for a person to review it", "point of view", "contest", "Help in our app"},
			"en-GB": {"made automatically", "ask for a person to review it", "point of view", "challenge", "Help in our app"},
			"sv-SE": {"fattades automatiskt", "en person hos oss granskar", "synpunkter", "bestrida", "Hjälp i vår app"},
			"de-DE": {"automatisiert getroffen", "von einem Menschen überprüfen", "Standpunkt", "anfechten", "„Hilfe“"},
		}
		for _, mkt := range []string{"SE", "DE", "GB"} {
			for _, l := range market.Locales {
				in := purchaseInput(mkt, 99, withBureau(nil))
				in["locale"] = l
				a := ta.assess(t, in, uniqueKey("review-"+mkt))
				if a.Outcome != "DECLINED" || a.Message == nil {
					t.Fatalf("%s/%s: %+v", mkt, l, a)
				}
				fr := cur.Frames[l]
				for _, want := range []string{
					strings.ReplaceAll(fr.HumanReview, "{reference}", a.Reference),
					strings.ReplaceAll(fr.Reference, "{reference}", a.Reference),
				} {
					if !strings.Contains(a.Message.Body, want) {
						t.Errorf("%s/%s: the pop-up lacks %q:\n%s", mkt, l, want, a.Message.Body)
					}
				}
				for _, w := range words[l] {
					if !strings.Contains(a.Message.Body, w) {
						t.Errorf("%s/%s: the pop-up lacks %q", mkt, l, w)
					}
				}
				if strings.Contains(a.Message.Body, "Equal Credit Opportunity Act") {
					t.Errorf("%s/%s: the US notices outside the US:\n%s", mkt, l, a.Message.Body)
				}
			}
		}
	})
}

// TestNoticesAgentView: an agent sees a US decline's pop-up with every bureau datum redacted,
// the market's note on human review, and an approval's notes speak of an approval.
func TestNoticesAgentView(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 5)
		us := ta.assess(t, purchaseInput("US", 129.95, withBureau(usReport())), uniqueKey("agent-us"))
		se := ta.assess(t, purchaseInput("SE", 990, withBureau(nil)), uniqueKey("agent-se"))
		ok := ta.assess(t, purchaseInput("DE", 45, nil), uniqueKey("agent-ok"))
		if us.Outcome != "DECLINED" || se.Outcome != "DECLINED" || ok.Outcome != "APPROVED" {
			t.Fatalf("outcomes %s %s %s", us.Outcome, se.Outcome, ok.Outcome)
		}
		view := func(ref, locale string) agentDecisionJSON {
			t.Helper()
			r := ta.gql(t, auth.Agent, agentQuery, map[string]any{"ref": ref, "locale": locale})
			var out struct {
				AgentDecision agentDecisionJSON `json:"agentDecision"`
			}
			decodeData(t, r, &out)
			return out.AgentDecision
		}
		a := view(us.Reference, "en-US")
		if a.ShopperMessage == nil {
			t.Fatal("no pop-up")
		}
		all := a.ShopperMessage.Title + a.ShopperMessage.Body + strings.Join(a.ShopperMessage.Steps, "")
		for _, secret := range append([]string{"Experian", "P.O. Box 2002", "1-888-397-3742", "612", "300–850",
			catalog.FormatDate("en-US", scoreDay)}, usKeyFactors...) {
			if strings.Contains(all, secret) {
				t.Errorf("the agent sees %q:\n%s", secret, all)
			}
		}
		for _, kept := range []string{catalog.Redacted, us.Reference, "Equal Credit Opportunity Act", "Nordic Outdoor AB"} {
			if !strings.Contains(all, kept) {
				t.Errorf("the agent's pop-up lacks %q", kept)
			}
		}
		if last := a.Notes[len(a.Notes)-1]; !strings.Contains(last, "no manual approval") {
			t.Errorf("US decline: last note %q", last)
		}
		for _, l := range []string{"en-GB", "sv-SE", "de-DE"} {
			s := view(se.Reference, l)
			want := map[string]string{"en-GB": "ask for a person to review", "sv-SE": "en person granskar", "de-DE": "ein Mensch"}[l]
			if last := s.Notes[len(s.Notes)-1]; !strings.Contains(last, want) {
				t.Errorf("SE decline in %s: last note %q, want %q", l, last, want)
			}
		}
		approved := view(ok.Reference, "en-GB")
		notes := strings.Join(approved.Notes, "\n")
		if approved.ShopperMessage != nil || !strings.Contains(notes, "approved") || strings.Contains(notes, "decline") {
			t.Errorf("approval notes %q", approved.Notes)
		}
	})
}

// TestBureauReportValidation: a bad bureau report is INVALID naming each bad field, and nothing
// is stored; five key factors pass when one is about inquiries.
func TestBureauReportValidation(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 0)
		five := append(append([]string{}, usKeyFactors...), "Too few accounts currently paid as agreed")
		noInquiry := []string{"a", "b", "c", "d", "e"}
		tests := []struct {
			name   string
			edit   func(r map[string]any)
			fields []string
		}{
			{"a bureau of another market", func(r map[string]any) { r["bureau"] = "SCHUFA" }, []string{"input.bureauReport.bureau"}},
			{"min above max", func(r map[string]any) { r["scoreMin"], r["scoreMax"] = 900.0, 300.0 }, []string{"input.bureauReport.scoreMax", "input.bureauReport.score"}},
			{"only a minimum", func(r map[string]any) { delete(r, "scoreMax") }, []string{"input.bureauReport.scoreMin"}},
			{"score outside the range", func(r map[string]any) { r["score"] = 851.0 }, []string{"input.bureauReport.score"}},
			{"score outside the bureau's scale", func(r map[string]any) { delete(r, "scoreMin"); delete(r, "scoreMax"); r["score"] = 999.0 }, []string{"input.bureauReport.score"}},
			{"a date in the future", func(r map[string]any) { r["scoreDate"] = time.Now().AddDate(0, 0, 3).Format(time.RFC3339) }, []string{"input.bureauReport.scoreDate"}},
			{"a date years ago", func(r map[string]any) { r["scoreDate"] = "2019-01-01T00:00:00Z" }, []string{"input.bureauReport.scoreDate"}},
			{"five key factors without inquiries", func(r map[string]any) { r["keyFactors"] = noInquiry }, []string{"input.bureauReport.keyFactors"}},
			{"six key factors", func(r map[string]any) { r["keyFactors"] = append(five, "f") }, []string{"input.bureauReport.keyFactors"}},
			{"an empty key factor", func(r map[string]any) { r["keyFactors"] = []string{"ok", " "} }, []string{"input.bureauReport.keyFactors[1]"}},
			{"a long key factor", func(r map[string]any) { r["keyFactors"] = []string{strings.Repeat("x", 201)} }, []string{"input.bureauReport.keyFactors[0]"}},
			{"a control character", func(r map[string]any) { r["keyFactors"] = []string{"late\u0000payment"} }, []string{"input.bureauReport.keyFactors[0]"}},
		}
		before := ta.countDecisions(t)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				report := usReport()
				tt.edit(report)
				r := ta.gql(t, auth.Service, assessMutation, map[string]any{"input": purchaseInput("US", 10, withBureau(report)), "key": uniqueKey("bad-bureau")})
				if r.code() != "INVALID" || strings.Join(sorted(errorFields(r)), ",") != strings.Join(sorted(tt.fields), ",") {
					t.Errorf("%s: fields %v, want %v: %s", r.code(), errorFields(r), tt.fields, errorsJSON(r))
				}
			})
		}
		if n := ta.countDecisions(t); n != before {
			t.Errorf("%d decisions stored by refused requests", n-before)
		}
		report := usReport()
		report["keyFactors"] = five
		a := ta.assess(t, purchaseInput("US", 10, withBureau(report)), uniqueKey("five"))
		if !strings.Contains(a.Message.Body, strings.Join(five, "; ")) {
			t.Errorf("five key factors with inquiries:\n%s", a.Message.Body)
		}
		// A retry under the same key with another report is another request.
		key := uniqueKey("retry")
		ta.assess(t, purchaseInput("US", 10, withBureau(usReport())), key)
		other := usReport()
		other["score"] = 613.0
		if r := ta.gql(t, auth.Service, assessMutation, map[string]any{"input": purchaseInput("US", 10, withBureau(other)), "key": key}); r.code() != "CONFLICT" {
			t.Errorf("same key, other report: %s", errorsJSON(r))
		}
	})
}

// TestCatalogRefusesIncompleteNotices: through the catalog draft API, a frame edit that drops the
// EU review sentence or a part of the FCRA or ECOA notice is refused with its path; a complete
// rewording is accepted, shown as a frame change, approved by another person and used by the next
// decline, while an earlier decision keeps its text.
func TestCatalogRefusesIncompleteNotices(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 5)
		e := newFieldEnv(t, ta)
		author := e.signIn(t, auth.Analyst)
		approver := e.signIn(t, auth.Approver)
		old := ta.assess(t, purchaseInput("DE", 99, withBureau(nil)), uniqueKey("before-edit"))

		r, _ := e.send(t, author, `mutation { createCatalogDraft { id revision } }`, nil)
		id := dataField(t, r, "createCatalogDraft")
		var draft struct {
			CreateCatalogDraft struct {
				ID string `json:"id"`
			} `json:"createCatalogDraft"`
		}
		decodeData(t, r, &draft)
		id = draft.CreateCatalogDraft.ID
		const edit = `mutation($id: ID!, $rev: Int!, $locale: String!, $part: CatalogFramePart!, $text: String!) {
			editCatalogFrame(id: $id, revision: $rev, locale: $locale, part: $part, text: $text) { revision frameChanges { locale part text } } }`
		cur := ta.Catalog.Current().Frames
		refused := []struct {
			name, locale, part, text, field string
		}{
			{"a German decline without the review sentence", "de-DE", "HUMAN_REVIEW",
				"Fragen zu dieser Entscheidung beantworten wir gern; nennen Sie Ihre Entscheidungsnummer {reference}.", "frames[de-DE].humanReview"},
			{"a Swedish review notice without the reference", "sv-SE", "HUMAN_REVIEW",
				strings.ReplaceAll(cur["sv-SE"].HumanReview, "{reference}", "beslutsnumret"), "frames[sv-SE].humanReview"},
			{"a British notice that does not say it was automated", "en-GB", "HUMAN_REVIEW",
				strings.ReplaceAll(cur["en-GB"].HumanReview, "made automatically", "made today"), "frames[en-GB].humanReview"},
			{"an FCRA notice without the key factors", "en-US", "FCRA",
				strings.ReplaceAll(cur["en-US"].FCRA, "{keyFactors}", "see your report"), "frames[en-US].fcra"},
			{"an FCRA notice without the free report", "en-US", "FCRA",
				strings.ReplaceAll(cur["en-US"].FCRA, "within 60 days", "soon"), "frames[en-US].fcra"},
			{"an ECOA notice without the regulator", "en-US", "ECOA",
				strings.ReplaceAll(cur["en-US"].ECOA, "{regulator}", "government"), "frames[en-US].ecoa"},
			{"a reference line without the reference", "de-DE", "REFERENCE", "Bitte halten Sie Ihre Nummer bereit.", "frames[de-DE].reference"},
		}
		for _, tt := range refused {
			r, _ := e.send(t, author, edit, map[string]any{"id": id, "rev": 1, "locale": tt.locale, "part": tt.part, "text": tt.text})
			if r.code() != "INVALID" || !strings.Contains(strings.Join(errorFields(r), ","), tt.field) {
				t.Errorf("%s: %s", tt.name, errorsJSON(r))
			}
		}
		reworded := "Diese Entscheidung wurde automatisiert getroffen. Sie können verlangen, dass ein Mensch sie überprüft, Ihren Standpunkt darlegen und die Entscheidung anfechten. " +
			"Schreiben Sie uns in der App unter „Hilfe“ und nennen Sie die Entscheidungsnummer {reference}."
		r, _ = e.send(t, author, edit, map[string]any{"id": id, "rev": 1, "locale": "de-DE", "part": "HUMAN_REVIEW", "text": reworded})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"revision":2`) || !strings.Contains(string(r.Data), `"part":"HUMAN_REVIEW"`) {
			t.Fatalf("complete rewording: %s %s", r.Data, errorsJSON(r))
		}
		if r, _ = e.send(t, author, `mutation($id: ID!) { submitCatalogDraft(id: $id, revision: 2) { status } }`, map[string]any{"id": id}); len(r.Errors) > 0 {
			t.Fatalf("submit: %s", errorsJSON(r))
		}
		if r, _ = e.send(t, approver, `mutation($id: ID!) { approveCatalogDraft(id: $id) { status publishedVersion } }`, map[string]any{"id": id}); len(r.Errors) > 0 {
			t.Fatalf("approve: %s", errorsJSON(r))
		}
		if got := ta.Catalog.Current().Frames["de-DE"].HumanReview; got != reworded {
			t.Fatalf("published review notice %q", got)
		}
		a := ta.assess(t, purchaseInput("DE", 99, withBureau(nil)), uniqueKey("after-edit"))
		if !strings.Contains(a.Message.Body, strings.ReplaceAll(reworded, "{reference}", a.Reference)) {
			t.Errorf("the new version's notice is not used:\n%s", a.Message.Body)
		}
		was, err := ta.Decisions.ByReference(t.Context(), old.Reference)
		if err != nil || was.Message.Body != old.Message.Body {
			t.Errorf("the earlier decision changed: %v", err)
		}
	})
}

// TestExplanation: the lender's app (SERVICE) and staff readers get a decision's explanation in
// each locale: factors in plain words with bands and no figures, the failed ones first, what to
// change; an approval gets a short one; agents may not ask; every call is audited.
func TestExplanation(t *testing.T) {
	const query = `query($ref: String!, $locale: String!) { explanation(reference: $ref, locale: $locale) {
		reference outcome locale title summary factors { factor name met margin text } changes } }`
	type explanationJSON struct {
		Reference string `json:"reference"`
		Outcome   string `json:"outcome"`
		Locale    string `json:"locale"`
		Title     string `json:"title"`
		Summary   string `json:"summary"`
		Factors   []struct {
			Factor, Name, Margin, Text string
			Met                        bool
		} `json:"factors"`
		Changes []string `json:"changes"`
	}
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 5)
		declined := ta.assess(t, purchaseInput("SE", 990, func(_, v map[string]any) {
			v["monthlyIncome"] = 10.0
			v["identityVerified"] = 0.0
		}), uniqueKey("explain"))
		approved := ta.assess(t, purchaseInput("GB", 40, nil), uniqueKey("explain-ok"))
		explain := func(role auth.Role, ref, locale string) explanationJSON {
			t.Helper()
			var out struct {
				Explanation explanationJSON `json:"explanation"`
			}
			decodeData(t, ta.gql(t, role, query, map[string]any{"ref": ref, "locale": locale}), &out)
			return out.Explanation
		}
		cat := ta.Catalog.Current()
		for _, l := range market.Locales {
			x := explain(auth.Service, declined.Reference, l)
			fr := cat.Frames[l]
			if x.Reference != declined.Reference || x.Outcome != "DECLINED" || x.Locale != l || x.Title != fr.ExplainTitle {
				t.Errorf("%s: %+v", l, x)
			}
			if len(x.Factors) < 3 || x.Factors[0].Factor != "IDENTITY_AND_AGE" || x.Factors[0].Margin != "NOT_MET" ||
				x.Factors[1].Factor != "INCOME" || x.Factors[1].Met || !x.Factors[len(x.Factors)-1].Met {
				t.Errorf("%s: factors %+v", l, x.Factors)
			}
			for _, f := range x.Factors {
				if !strings.HasPrefix(f.Text, f.Name) || strings.ContainsAny(f.Text, "0123456789") {
					t.Errorf("%s: %q", l, f.Text)
				}
			}
			if len(x.Changes) == 0 || !strings.Contains(x.Summary, "990") {
				t.Errorf("%s: summary %q, changes %q", l, x.Summary, x.Changes)
			}
		}
		ok := explain(auth.Analyst, approved.Reference, "en-GB")
		if ok.Outcome != "APPROVED" || len(ok.Changes) != 0 || ok.Summary == "" {
			t.Errorf("approval: %+v", ok)
		}
		for _, f := range ok.Factors {
			if !f.Met || f.Margin != "MET" {
				t.Errorf("approval: %+v", f)
			}
		}
		if r := ta.gql(t, auth.Agent, query, map[string]any{"ref": declined.Reference, "locale": "en-US"}); r.code() != "FORBIDDEN" {
			t.Errorf("agent: %s", errorsJSON(r))
		}
		if r := ta.gql(t, auth.Service, query, map[string]any{"ref": "ZZZ-ZZZ-ZZZ", "locale": "en-US"}); r.code() != "NOT_FOUND" {
			t.Errorf("unknown: %s", errorsJSON(r))
		}
		canonical, _ := decisions.NormalizeReference(declined.Reference)
		r := ta.gql(t, auth.Auditor, `query($id: String!) { auditEvents(first: 100, filter: {action: "decision.explain", entityType: "decision", entityId: $id}) { nodes { outcome } } }`,
			map[string]any{"id": canonical})
		if n := strings.Count(string(r.Data), `"DONE"`); n != len(market.Locales) {
			t.Errorf("%d explain events, want %d: %s", n, len(market.Locales), r.Data)
		}
	})
}

// TestNoticesAgentViewLegacy: a decline stored before the agent's redacted copy was kept (its
// pop-up disclosed the score only for a credit-score reason, without notices) is shown to agents
// rendered again from its pinned catalog version, redacted, and otherwise as the shopper saw it.
func TestNoticesAgentViewLegacy(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 0)
		ctx := t.Context()
		at := time.Now().UTC().Truncate(time.Microsecond)
		v, err := ta.Thresholds.Active("US", at)
		if err != nil {
			t.Fatal(err)
		}
		p := decisions.Purchase{Market: "US", Currency: "USD", AmountMinor: 4200, MerchantID: "m-1", MerchantName: "Acme",
			MerchantCategory: "SPORTS", ShopperID: "s-legacy", Locale: "en-US", Channel: "WEB", Values: engine.PassingValues()}
		p.Values[engine.BureauScore] = 420
		rec, err := decisions.Decide(&p, at, decisions.NewReference(), v, ta.Catalog.Current())
		if err != nil || rec.Outcome != engine.Declined {
			t.Fatalf("%v %v", rec.Outcome, err)
		}
		// The pop-up as the console rendered it before issue 15: no notices, no reference.
		cat := ta.Catalog.Current()
		old, err := cat.Render(rec.Reasons, catalog.RenderInput{Locale: "en-US", MarketLocale: "en-US", Currency: "USD",
			AmountMinor: 4200, Merchant: "Acme", Score: 420, Bureau: "Experian", ScoreRange: "300–850", ScoreDate: at})
		if err != nil {
			t.Fatal(err)
		}
		rec.Message = decisions.Message{Locale: old.Locale, Title: old.Title, Body: old.Body, Steps: old.Steps, Closing: old.Closing}
		rec.ID, rec.IdempotencyKey, rec.RequestHash = decisions.NewID(at), "legacy:1", "legacy"
		if _, _, _, err := ta.Store.InsertDecision(ctx, &rec); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(old.Body, "420") {
			t.Fatalf("the legacy pop-up does not disclose the score: %s", old.Body)
		}
		r := ta.gql(t, auth.Agent, agentQuery, map[string]any{"ref": rec.Reference, "locale": "en-US"})
		var out struct {
			AgentDecision agentDecisionJSON `json:"agentDecision"`
		}
		decodeData(t, r, &out)
		m := out.AgentDecision.ShopperMessage
		if m == nil || strings.Contains(m.Body, "420") || strings.Contains(m.Body, "Experian") || !strings.Contains(m.Body, catalog.Redacted) {
			t.Fatalf("legacy pop-up for agents: %+v", m)
		}
		if strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(old.Body, "420", catalog.Redacted),
			"Experian", catalog.Redacted), "300–850", catalog.Redacted), catalog.FormatDate("en-US", at), catalog.Redacted) != m.Body {
			t.Errorf("legacy pop-up for agents\n%s\nwant the shopper's, redacted:\n%s", m.Body, old.Body)
		}
	})
}
