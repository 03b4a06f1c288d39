package app

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"riskconsole/graph"
	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
)

const previewQuery = `query($code: ReasonCode!, $locale: String!, $sample: PreviewSample, $text: MessageTextInput) {
	previewMessage(code: $code, locale: $locale, sample: $sample, text: $text) { locale title body steps } }`

// TestPreviewMessage: a preview is exactly what Render gives for the sample purchase, and an
// edited text is refused with field paths for what a save would refuse.
func TestPreviewMessage(t *testing.T) {
	scoreDate := time.Date(2026, 11, 2, 15, 0, 0, 0, time.UTC)
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 0)
		sample := map[string]any{"merchant": "Nordic Outdoor", "amount": 1234.5, "currency": "SEK", "score": 512, "scoreDate": scoreDate.Format(time.RFC3339)}
		r := ta.post(t, auth.Analyst, previewQuery, map[string]any{"code": "CREDIT_SCORE_INSUFFICIENT", "locale": "sv-SE", "sample": sample})
		if len(r.Errors) > 0 {
			t.Fatalf("previewMessage: %s", errorsJSON(r))
		}
		var got struct {
			PreviewMessage catalog.Message `json:"previewMessage"`
		}
		if err := json.Unmarshal(r.Data, &got); err != nil {
			t.Fatal(err)
		}
		want, err := ta.Catalog.Current().Render([]engine.Reason{engine.CreditScoreInsufficient}, catalog.RenderInput{
			Locale: "sv-SE", MarketLocale: "sv-SE", Currency: "SEK", AmountMinor: 123450, Merchant: "Nordic Outdoor",
			Score: 512, ScoreDate: scoreDate, Market: "SE", Reference: catalog.PreviewReference,
			Bureau: "UC", BureauAddress: "UC AB, 117 88 Stockholm", BureauPhone: "08-670 90 00",
		})
		if err != nil {
			t.Fatal(err)
		}
		if g := got.PreviewMessage; g.Locale != want.Locale || g.Title != want.Title || g.Body != want.Body ||
			strings.Join(g.Steps, "\n") != strings.Join(want.Steps, "\n") {
			t.Errorf("preview\n%+v\nwant\n%+v", g, want)
		}
		// With the market's notices: a Swedish decline offers the human review.
		if !strings.Contains(got.PreviewMessage.Body, "512") || !strings.Contains(got.PreviewMessage.Body, "Nordic Outdoor") ||
			!strings.Contains(got.PreviewMessage.Body, "Beslutet fattades automatiskt") {
			t.Errorf("preview does not show the sample: %q", got.PreviewMessage.Body)
		}

		// An edited text is previewed as saved.
		text := map[string]any{"title": "Din inkomst räcker inte för {amount}", "body": "Köpet hos {merchant} kräver en högre inkomst.", "steps": []string{"Uppdatera din inkomst."}}
		r = ta.post(t, auth.Approver, previewQuery, map[string]any{"code": "INCOME_INSUFFICIENT", "locale": "sv-SE", "text": text})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), "Din inkomst räcker inte för") {
			t.Errorf("edited preview: %s %s", r.Data, errorsJSON(r))
		}

		cases := []struct {
			name, code, locale string
			text               map[string]any
			sample             map[string]any
			fields             []string
		}{
			{"unknown placeholder", "INCOME_INSUFFICIENT", "en-US",
				map[string]any{"title": "Income", "body": "Hi {shopperName}", "steps": []string{"Update your income."}}, nil, []string{"text.body"}},
			{"credit score without disclosures", "CREDIT_SCORE_INSUFFICIENT", "en-US",
				map[string]any{"title": "Credit score", "body": "Your credit score from {bureau} was not enough.", "steps": []string{"Check your report."}}, nil, []string{"text.body"}},
			{"generic phrase", "OBLIGATIONS_EXCESSIVE", "de-DE",
				map[string]any{"title": "Ablehnung", "body": "Abgelehnt aufgrund unserer internen Richtlinien.", "steps": []string{"Später erneut versuchen."}}, nil, []string{"text.body"}},
			{"unsupported locale", "INCOME_INSUFFICIENT", "fr-FR", nil, nil, []string{"locale"}},
			{"bad sample", "INCOME_INSUFFICIENT", "en-US", nil, map[string]any{"amount": -5, "currency": "usd"}, []string{"sample.amount", "sample.currency"}},
		}
		for _, c := range cases {
			r := ta.post(t, auth.Analyst, previewQuery, map[string]any{"code": c.code, "locale": c.locale, "text": c.text, "sample": c.sample})
			if r.code() != graph.CodeInvalid {
				t.Errorf("%s: %s", c.name, errorsJSON(r))
				continue
			}
			fields, _ := r.Errors[0].Extensions["fields"].([]any)
			var paths []string
			for _, f := range fields {
				paths = append(paths, f.(map[string]any)["field"].(string))
			}
			for _, want := range c.fields {
				if !strings.Contains(strings.Join(paths, ","), want) {
					t.Errorf("%s: field errors %v, want %s", c.name, paths, want)
				}
			}
		}
	})
}
