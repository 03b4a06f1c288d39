package app

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/store"
)

// TestCatalogEditKeepsOldDecisions publishes a new catalog version that rewrites every shopper
// text, and checks that the catalog in force changes while an old decision still shows, to
// analysts and agents alike, exactly the pop-up it stored and the version it pinned.
func TestCatalogEditKeepsOldDecisions(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 50)
		ctx := context.Background()
		page, err := ta.Decisions.List(ctx, decisions.Filter{Outcome: engine.Declined}, decisions.PageRequest{First: 1})
		if err != nil || len(page.Items) == 0 {
			t.Fatalf("no seeded decline: %v", err)
		}
		d := page.Items[0]
		old := ta.Catalog.Current()

		edited := old.Clone()
		for k, txt := range edited.Texts {
			if k.Audience == catalog.Shopper {
				txt.Title = "Edited: " + txt.Title
				edited.Texts[k] = txt
			}
		}
		err = ta.Store.InTx(ctx, func(tx *store.Store) error {
			if err := tx.CreateCatalogVersion(ctx, edited, "anna"); err != nil {
				return err
			}
			return tx.AppendAudit(ctx, audit.NewEvent(ctx, "catalog.publish", "catalog_version",
				strconv.FormatInt(edited.VersionID, 10), nil, map[string]any{"version": edited.Version}, audit.Done))
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := ta.Catalog.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		cur := ta.Catalog.Current()
		if cur.Version != old.Version+1 || cur.VersionID != edited.VersionID {
			t.Fatalf("current catalog v%d (id %d), want the new v%d", cur.Version, cur.VersionID, old.Version+1)
		}
		in := catalog.RenderInput{Locale: d.Locale, Currency: d.Currency, AmountMinor: d.AmountMinor, Merchant: d.MerchantName,
			Score: 500, ScoreDate: d.CreatedAt}
		now, err := cur.Render(d.Reasons, in)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(now.Body, "Edited: ") {
			t.Fatalf("the new version does not render its texts: %q", now.Body)
		}

		// The old decision, read as an analyst and as an agent, is what it was.
		r := ta.post(t, auth.Analyst, `query($ref: String!) { decisionByReference(reference: $ref) {
			catalogVersionId message { locale title body steps } } }`, map[string]any{"ref": d.Reference})
		if len(r.Errors) > 0 {
			t.Fatal(errorsJSON(r))
		}
		var got struct {
			DecisionByReference struct {
				CatalogVersionID string          `json:"catalogVersionId"`
				Message          catalog.Message `json:"message"`
			} `json:"decisionByReference"`
		}
		if err := json.Unmarshal(r.Data, &got); err != nil {
			t.Fatal(err)
		}
		g := got.DecisionByReference
		if g.CatalogVersionID != strconv.FormatInt(d.CatalogVersionID, 10) || g.Message.Body != d.Message.Body ||
			g.Message.Title != d.Message.Title || strings.Contains(g.Message.Body, "Edited: ") {
			t.Errorf("the old decision changed: %+v, stored %+v (version %d)", g, d.Message, d.CatalogVersionID)
		}
		r = ta.post(t, auth.Agent, agentQuery, map[string]any{"ref": d.Reference, "locale": "en-US"})
		if len(r.Errors) > 0 || strings.Contains(string(r.Data), "Edited: ") {
			t.Errorf("the agent sees a changed pop-up: %s %s", r.Data, errorsJSON(r))
		}

		// The diff lists exactly the rewritten shopper texts.
		r = ta.post(t, auth.Auditor, `query($from: Int!, $to: Int!) { catalogDiff(from: $from, to: $to) {
			code locale audience kind before { title } after { title } } }`, map[string]any{"from": old.Version, "to": cur.Version})
		if len(r.Errors) > 0 {
			t.Fatal(errorsJSON(r))
		}
		var diff struct {
			CatalogDiff []struct {
				Audience, Kind string
				Before, After  *struct{ Title string }
			} `json:"catalogDiff"`
		}
		if err := json.Unmarshal(r.Data, &diff); err != nil {
			t.Fatal(err)
		}
		shopperTexts := 0
		for k := range old.Texts {
			if k.Audience == catalog.Shopper {
				shopperTexts++
			}
		}
		if len(diff.CatalogDiff) != shopperTexts {
			t.Errorf("diff has %d entries, want %d", len(diff.CatalogDiff), shopperTexts)
		}
		for _, c := range diff.CatalogDiff {
			if c.Audience != "SHOPPER" || c.Kind != "CHANGED" || c.Before == nil || c.After == nil || c.After.Title != "Edited: "+c.Before.Title {
				t.Errorf("diff entry %+v", c)
				break
			}
		}
		if r := ta.post(t, auth.Analyst, `{ catalogDiff(from: 1, to: 99) { kind } }`, nil); r.code() != "NOT_FOUND" {
			t.Errorf("unknown version: %s", errorsJSON(r))
		}

		// A new decline is rendered from the new version (the immutability of published rows
		// is tested in appendonly_test.go).
		a := ta.assess(t, purchaseInput("US", 42, func(_, v map[string]any) { v["bureauScore"] = 300.0 }), uniqueKey("new-catalog"))
		if a.Outcome != "DECLINED" || a.Message == nil || !strings.Contains(a.Message.Body, "Edited: ") {
			t.Errorf("a new decline does not use the new version: %+v", a)
		}
	})
}
