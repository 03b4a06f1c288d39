package catalog

import (
	"math"
	"testing"
	"time"
)

func TestFormatAmount(t *testing.T) {
	const nb = "\u00a0" // no-break space
	tests := []struct {
		name, locale, currency string
		minor                  int64
		want                   string
	}{
		{"en-US dollars", "en-US", "USD", 123450, "$1,234.50"},
		{"en-GB pounds", "en-GB", "GBP", 123450, "£1,234.50"},
		{"sv-SE kronor", "sv-SE", "SEK", 123450, "1" + nb + "234,50" + nb + "kr"},
		{"de-DE euros", "de-DE", "EUR", 123450, "1.234,50" + nb + "€"},
		{"zero", "en-US", "USD", 0, "$0.00"},
		{"cents only", "en-GB", "GBP", 5, "£0.05"},
		{"below a thousand", "sv-SE", "SEK", 99900, "999,00" + nb + "kr"},
		{"millions", "en-US", "USD", 123456789012, "$1,234,567,890.12"},
		{"millions in Swedish", "sv-SE", "SEK", 1000000000, "10" + nb + "000" + nb + "000,00" + nb + "kr"},
		{"millions in German", "de-DE", "EUR", 123456700, "1.234.567,00" + nb + "€"},
		{"negative en-US", "en-US", "USD", -123450, "-$1,234.50"},
		{"negative sv-SE uses the minus sign", "sv-SE", "SEK", -123450, "\u22121" + nb + "234,50" + nb + "kr"},
		{"negative de-DE", "de-DE", "EUR", -5, "-0,05" + nb + "€"},
		{"en-US with a code", "en-US", "SEK", 123450, "SEK" + nb + "1,234.50"},
		{"en-US euros", "en-US", "EUR", 123450, "€1,234.50"},
		{"en-GB dollars", "en-GB", "USD", 123450, "US$1,234.50"},
		{"sv-SE euros", "sv-SE", "EUR", 123450, "1" + nb + "234,50" + nb + "€"},
		{"sv-SE pounds by code", "sv-SE", "GBP", 123450, "1" + nb + "234,50" + nb + "GBP"},
		{"de-DE kronor by code", "de-DE", "SEK", 123450, "1.234,50" + nb + "SEK"},
		{"de-DE dollars", "de-DE", "USD", 123450, "1.234,50" + nb + "$"},
		{"no minor unit", "en-US", "JPY", 123450, "JPY" + nb + "123,450"},
		{"three minor digits", "de-DE", "KWD", 123450, "123,450" + nb + "KWD"},
		{"language fallback", "sv-FI", "EUR", 123450, "1" + nb + "234,50" + nb + "€"},
		{"unknown locale uses en-US", "fr-FR", "EUR", 123450, "€1,234.50"},
		{"empty currency", "de-DE", "", 100, "1,00"},
		{"most negative", "en-US", "USD", math.MinInt64, "-$92,233,720,368,547,758.08"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatAmount(tt.locale, tt.currency, tt.minor); got != tt.want {
				t.Errorf("FormatAmount(%q, %q, %d) = %q, want %q", tt.locale, tt.currency, tt.minor, got, tt.want)
			}
		})
	}
}

func TestFormatDate(t *testing.T) {
	d := time.Date(2026, time.March, 5, 23, 30, 0, 0, time.UTC)
	tests := []struct {
		name, locale string
		t            time.Time
		want         string
	}{
		{"en-US", "en-US", d, "March 5, 2026"},
		{"en-GB", "en-GB", d, "5 March 2026"},
		{"sv-SE", "sv-SE", d, "5 mars 2026"},
		{"de-DE", "de-DE", d, "5. März 2026"},
		{"de-DE December", "de-DE", time.Date(2025, time.December, 31, 0, 0, 0, 0, time.UTC), "31. Dezember 2025"},
		{"other English", "en-IE", d, "March 5, 2026"},
		{"unknown language", "fi-FI", d, "2026-03-05"},
		{"own time zone", "en-GB", d.In(time.FixedZone("UTC+2", 2*3600)), "6 March 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatDate(tt.locale, tt.t); got != tt.want {
				t.Errorf("FormatDate(%q) = %q, want %q", tt.locale, got, tt.want)
			}
		})
	}
}

func TestFormatScore(t *testing.T) {
	tests := []struct {
		name   string
		score  float64
		want   string
		locale string
	}{
		{"whole", 580, "580", "en-US"},
		{"a percentage as given", 87.5, "87.5", "en-GB"},
		{"a German decimal comma", 87.5, "87,5", "de-DE"},
		{"a Swedish decimal comma", 97.53, "97,53", "sv-SE"},
		{"at most two decimals", 579.456, "579.46", "en-US"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := formatScore(tt.score, tt.locale); got != tt.want {
				t.Errorf("formatScore(%v) = %q, want %q", tt.score, got, tt.want)
			}
		})
	}
}
