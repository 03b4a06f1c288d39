package catalog

import (
	"strings"
	"testing"
	"time"

	"riskconsole/internal/apperr"
)

// FuzzPlaceholders checks the two readers of a text's placeholders against each other, for any
// text and any values to fill in: checkField (what a catalog draft may contain) and the filler
// (what Render makes of it). Neither may panic; every problem checkField reports names the field;
// a text without '{' renders as it is; and a text checkField accepts renders exactly as replacing
// each known {placeholder} with its value, leaving no placeholder behind.
//
// The seed corpus is in testdata/fuzz/FuzzPlaceholders.
func FuzzPlaceholders(f *testing.F) {
	f.Fuzz(func(t *testing.T, text, locale, currency string, amountMinor int64, score float64) {
		const path = "texts[0].body"
		var v apperr.ValidationError
		checkField(&v, path, text)
		for _, fe := range v.Fields {
			if fe.Field != path || fe.Message == "" {
				t.Errorf("checkField(%q) reported %+v, want a message for %s", text, fe, path)
			}
		}

		in := RenderInput{Locale: locale, MarketLocale: locale, Currency: currency, AmountMinor: amountMinor,
			Merchant: "Nordic Outdoor AB", Score: score, ScoreDate: time.Date(2026, 3, 5, 12, 0, 0, 0, time.UTC)}
		fl := filler{in: &in}
		got := fl.fill(text, locale)
		if !strings.Contains(text, "{") && got != text {
			t.Errorf("fill(%q) = %q, want the text unchanged", text, got)
		}
		if v.Err() != nil {
			return
		}
		var pairs []string
		bracesInValues := false
		for _, name := range []string{PlaceholderMerchant, PlaceholderAmount, PlaceholderScore, PlaceholderBureau,
			PlaceholderScoreRange, PlaceholderScoreDate} {
			value, ok := fl.value(name, locale)
			if !ok {
				t.Fatalf("placeholder %s has no value", name)
			}
			pairs = append(pairs, "{"+name+"}", value)
			bracesInValues = bracesInValues || strings.ContainsAny(value, "{}")
		}
		if want := strings.NewReplacer(pairs...).Replace(text); got != want {
			t.Errorf("fill(%q) = %q, want %q", text, got, want)
		}
		if !bracesInValues && strings.ContainsAny(got, "{}") {
			t.Errorf("fill(%q) = %q still has braces", text, got)
		}
	})
}
