// Package market holds the markets the lender operates in: currency, default locale and the
// factor by which money amounts in threshold defaults scale from US dollars.
package market

import (
	"slices"

	"riskconsole/internal/apperr"
)

// Market describes one market.
type Market struct {
	Code          string  // ISO 3166-1 alpha-2, e.g. "US"
	Name          string  // the country's English name, e.g. "United States"
	Currency      string  // ISO 4217, e.g. "USD"
	DefaultLocale string  // BCP 47, e.g. "en-US"
	MoneyScale    float64 // multiply a US-dollar amount by this to get a comparable local amount
}

// All lists the supported markets in a stable order.
var All = []Market{
	{Code: "US", Name: "United States", Currency: "USD", DefaultLocale: "en-US", MoneyScale: 1},
	{Code: "GB", Name: "United Kingdom", Currency: "GBP", DefaultLocale: "en-GB", MoneyScale: 0.8},
	{Code: "SE", Name: "Sweden", Currency: "SEK", DefaultLocale: "sv-SE", MoneyScale: 10},
	{Code: "DE", Name: "Germany", Currency: "EUR", DefaultLocale: "de-DE", MoneyScale: 0.9},
}

// Locales lists the shopper locales the product supports.
var Locales = []string{"en-US", "en-GB", "sv-SE", "de-DE"}

// Lookup returns the market with the given code.
func Lookup(code string) (Market, bool) {
	i := slices.IndexFunc(All, func(m Market) bool { return m.Code == code })
	if i < 0 {
		return Market{}, false
	}
	return All[i], true
}

// KnownLocale reports whether locale is supported.
func KnownLocale(locale string) bool { return slices.Contains(Locales, locale) }

// Check refuses a code that names no market, as a validation error under field.
func Check(field, code string) error {
	if _, ok := Lookup(code); !ok {
		var ve apperr.ValidationError
		ve.Add(field, "unknown market %q", code)
		return ve.Err()
	}
	return nil
}
