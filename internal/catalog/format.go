package catalog

import (
	"math"
	"strconv"
	"strings"
	"time"

	"riskconsole/internal/engine"
)

// Placeholders a text may use. Render replaces them as follows:
//
//	{merchant}    RenderInput.Merchant, as given
//	{amount}      FormatAmount(locale, Currency, AmountMinor)
//	{score}       RenderInput.Score to at most two decimals, e.g. "562", "87,5" (formatScore)
//	{bureau}      RenderInput.Bureau, or BureauFor the market of MarketLocale when empty
//	{scoreRange}  RenderInput.ScoreRange, or "300–850" (the engine's bounds) when empty
//	{scoreDate}   RenderInput.ScoreDate as a long date for the locale: en-US "March 5, 2026",
//	              en-GB "5 March 2026", sv-SE "5 mars 2026", de-DE "5. März 2026",
//	              other locales ISO 8601 "2026-03-05"
//	{bureauAddress} RenderInput.BureauAddress
//	{bureauPhone} RenderInput.BureauPhone
//	{keyFactors}  RenderInput.KeyFactors joined with "; ", or the frame's NoKeyFactors when none
//	{reference}   RenderInput.Reference
//	{regulator}   Regulator, the creditor's federal regulator with its address
//	{factor}      the factor in plain words, in an explanation's sentences ("" elsewhere)
//
// where locale is the locale of the text being filled. With RenderInput.Redact, {score},
// {scoreRange}, {scoreDate}, {bureau}, {bureauAddress}, {bureauPhone} and {keyFactors} are all
// Redacted.
const (
	PlaceholderMerchant   = "merchant"
	PlaceholderAmount     = "amount"
	PlaceholderScore      = "score"
	PlaceholderBureau     = "bureau"
	PlaceholderScoreRange = "scoreRange"
	PlaceholderScoreDate  = "scoreDate"
	// Placeholders of the notices (see notices.go).
	PlaceholderBureauAddress = "bureauAddress"
	PlaceholderBureauPhone   = "bureauPhone"
	PlaceholderKeyFactors    = "keyFactors"
	PlaceholderReference     = "reference"
	PlaceholderRegulator     = "regulator"
	// PlaceholderFactor is the factor in plain words, in an explanation's sentences.
	PlaceholderFactor = "factor"
	// Placeholders of the review notices only (RenderReviewNotice).
	PlaceholderDueDate      = "dueDate"
	PlaceholderReason       = "reason"
	PlaceholderNewReference = "newReference"
)

// reviewPlaceholders are the placeholders the review notice parts may use besides the others.
var reviewPlaceholders = []string{PlaceholderDueDate, PlaceholderReason, PlaceholderNewReference}

// knownPlaceholder reports whether name is one of the placeholders.
func knownPlaceholder(name string) bool {
	switch name {
	case PlaceholderMerchant, PlaceholderAmount, PlaceholderScore, PlaceholderBureau,
		PlaceholderScoreRange, PlaceholderScoreDate, PlaceholderBureauAddress, PlaceholderBureauPhone,
		PlaceholderKeyFactors, PlaceholderReference, PlaceholderRegulator, PlaceholderFactor:
		return true
	}
	return false
}

// filler replaces placeholders for one Render call. Formatted values are computed on first use
// and cached per locale, so a pop-up formats each value about once.
type filler struct {
	in                  *RenderInput
	amount, amountLoc   string
	date, dateLoc       string
	score               string
	bureau, scoreRange  string
	hasAmount, hasDate  bool
	hasScore, hasBureau bool
	scoreLoc            string
	hasRange            bool
	// noKeyFactors is the frame's text for {keyFactors} when there are none.
	noKeyFactors string
	// factor is the value of {factor}, set by Explain per sentence.
	factor string
}

// bureauData are the placeholders Redact hides.
func bureauData(name string) bool {
	switch name {
	case PlaceholderScore, PlaceholderScoreRange, PlaceholderScoreDate, PlaceholderBureau,
		PlaceholderBureauAddress, PlaceholderBureauPhone, PlaceholderKeyFactors:
		return true
	}
	return false
}

// value returns the replacement of placeholder name for a text in locale loc.
func (f *filler) value(name, loc string) (string, bool) {
	if f.in.Redact && bureauData(name) {
		return Redacted, true
	}
	switch name {
	case PlaceholderBureauAddress:
		return f.in.BureauAddress, true
	case PlaceholderBureauPhone:
		return f.in.BureauPhone, true
	case PlaceholderKeyFactors:
		if len(f.in.KeyFactors) == 0 {
			return f.noKeyFactors, true
		}
		return strings.Join(f.in.KeyFactors, "; "), true
	case PlaceholderReference:
		return f.in.Reference, true
	case PlaceholderRegulator:
		return Regulator, true
	case PlaceholderFactor:
		return f.factor, true
	case PlaceholderMerchant:
		return f.in.Merchant, true
	case PlaceholderAmount:
		if !f.hasAmount || f.amountLoc != loc {
			f.amount, f.amountLoc, f.hasAmount = FormatAmount(loc, f.in.Currency, f.in.AmountMinor), loc, true
		}
		return f.amount, true
	case PlaceholderScore:
		if !f.hasScore || f.scoreLoc != loc {
			f.score, f.scoreLoc, f.hasScore = formatScore(f.in.Score, loc), loc, true
		}
		return f.score, true
	case PlaceholderBureau:
		if !f.hasBureau {
			f.bureau = f.in.Bureau
			if f.bureau == "" {
				f.bureau = bureauForLocale(f.in.MarketLocale)
			}
			f.hasBureau = true
		}
		return f.bureau, true
	case PlaceholderScoreRange:
		if !f.hasRange {
			f.scoreRange = f.in.ScoreRange
			if f.scoreRange == "" {
				f.scoreRange = defaultScoreRange
			}
			f.hasRange = true
		}
		return f.scoreRange, true
	case PlaceholderScoreDate:
		if !f.hasDate || f.dateLoc != loc {
			f.date, f.dateLoc, f.hasDate = string(appendDate(make([]byte, 0, 24), loc, f.in.ScoreDate)), loc, true
		}
		return f.date, true
	}
	return "", false
}

// defaultScoreRange is the engine's range of the bureau score, e.g. "300–850".
var defaultScoreRange = FormatRange(engine.Measures[engine.BureauScore].Min, engine.Measures[engine.BureauScore].Max)

// fill returns s with its placeholders replaced; s itself, without allocating, when it has none.
func (f *filler) fill(s, loc string) string {
	if strings.IndexByte(s, '{') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 32)
	f.appendTo(&b, s, loc)
	return b.String()
}

// appendTo writes s to b with its placeholders replaced. Unknown placeholders and unmatched
// braces are written as they are.
func (f *filler) appendTo(b *strings.Builder, s, loc string) {
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i+1:], '}')
		if j < 0 {
			break
		}
		end := i + 1 + j // index of '}'
		v, ok := f.value(s[i+1:end], loc)
		if !ok {
			b.WriteString(s[:end+1])
		} else {
			b.WriteString(s[:i])
			b.WriteString(v)
		}
		s = s[end+1:]
	}
	b.WriteString(s)
}

// formatScore writes a bureau score as the bureau gave it, to at most two decimals, with locale's
// decimal separator: "580", "87.5" in English, "87,5" in German and Swedish. (Some scales are
// percentages with decimals: a score is not rounded to a whole number it was not.)
func formatScore(score float64, locale string) string {
	s := strconv.FormatFloat(math.Round(score*100)/100, 'f', -1, 64)
	if nf := numberFormatFor(locale); nf.decimal != "." {
		s = strings.Replace(s, ".", nf.decimal, 1)
	}
	return s
}

// Number and currency conventions per locale (CLDR). Spaces inside amounts are no-break spaces
// (U+00A0) so that an amount never wraps across lines: Swedish groups thousands with one and puts
// one before the currency; German puts one before the currency; English puts one after an
// alphabetic currency code ("SEK 1,234.50").
const nbsp = "\u00a0"

type numberFormat struct {
	group, decimal, minus string
	// suffix places the currency after the number, separated by a no-break space; otherwise the
	// currency comes first, directly before the number unless it ends in a letter.
	suffix  bool
	symbols map[string]string // currency code → symbol; a missing currency shows its code
}

var (
	fmtEnUS = &numberFormat{group: ",", decimal: ".", minus: "-",
		symbols: map[string]string{"USD": "$", "EUR": "€", "GBP": "£"}}
	fmtEnGB = &numberFormat{group: ",", decimal: ".", minus: "-",
		symbols: map[string]string{"USD": "US$", "EUR": "€", "GBP": "£"}}
	// Swedish uses U+2212 MINUS SIGN and a no-break space as the group separator.
	fmtSvSE = &numberFormat{group: nbsp, decimal: ",", minus: "\u2212", suffix: true,
		symbols: map[string]string{"SEK": "kr", "EUR": "€", "USD": "US$"}}
	fmtDeDE = &numberFormat{group: ".", decimal: ",", minus: "-", suffix: true,
		symbols: map[string]string{"EUR": "€", "USD": "$", "GBP": "£"}}
)

// numberFormatFor returns the conventions of locale: an exact match, else one for the language
// (en → en-US, sv → sv-SE, de → de-DE), else en-US.
func numberFormatFor(locale string) *numberFormat {
	switch locale {
	case "en-US":
		return fmtEnUS
	case "en-GB":
		return fmtEnGB
	case "sv-SE":
		return fmtSvSE
	case "de-DE":
		return fmtDeDE
	}
	lang, _, _ := strings.Cut(locale, "-")
	switch lang {
	case "sv":
		return fmtSvSE
	case "de":
		return fmtDeDE
	}
	return fmtEnUS
}

// minorDigits returns the number of minor-unit digits of currency (ISO 4217); 2 unless listed.
func minorDigits(currency string) int {
	switch currency {
	case "JPY", "KRW", "ISK", "CLP", "VND", "PYG", "UGX", "XAF", "XOF":
		return 0
	case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND":
		return 3
	}
	return 2
}

// FormatAmount formats an amount in minor units of currency as the locale writes it, e.g. en-US
// "$1,234.50", en-GB "£1,234.50", sv-SE "1 234,50 kr", de-DE "1.234,50 €". The spaces in the
// Swedish and German forms are no-break spaces (U+00A0), as CLDR has them; a negative Swedish
// amount uses U+2212 MINUS SIGN. A currency the locale has no symbol for is written by its code
// ("SEK 1,234.50" in en-US, "1.234,50 SEK" in de-DE). An unknown locale is formatted by its
// language's conventions, else en-US's. The number of decimals follows the currency (2 unless
// ISO 4217 says 0 or 3).
func FormatAmount(locale, currency string, minor int64) string {
	return string(appendAmount(make([]byte, 0, 24), locale, currency, minor))
}

func appendAmount(b []byte, locale, currency string, minor int64) []byte {
	nf := numberFormatFor(locale)
	sym, ok := nf.symbols[currency]
	if !ok {
		sym = currency
	}
	neg := minor < 0
	mag := uint64(minor)
	if neg {
		mag = -mag // two's complement: correct for math.MinInt64 too
	}
	digits := minorDigits(currency)
	div := uint64(1)
	for range digits {
		div *= 10
	}
	if neg {
		b = append(b, nf.minus...)
	}
	if !nf.suffix {
		b = append(b, sym...)
		if n := len(sym); n > 0 && isASCIILetter(sym[n-1]) {
			b = append(b, nbsp...)
		}
	}
	b = appendGrouped(b, mag/div, nf.group)
	if digits > 0 {
		b = append(b, nf.decimal...)
		frac := mag % div
		for d := div / 10; d > 0; d /= 10 {
			b = append(b, byte('0'+frac/d%10))
		}
	}
	if nf.suffix && sym != "" {
		b = append(b, nbsp...)
		b = append(b, sym...)
	}
	return b
}

func isASCIILetter(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

// appendGrouped writes n with sep between groups of three digits.
func appendGrouped(b []byte, n uint64, sep string) []byte {
	var digits [20]byte
	s := strconv.AppendUint(digits[:0], n, 10)
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, sep...)
		}
		b = append(b, c)
	}
	return b
}

var (
	monthsEn = [12]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	monthsSv = [12]string{"januari", "februari", "mars", "april", "maj", "juni", "juli",
		"augusti", "september", "oktober", "november", "december"}
	monthsDe = [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
		"August", "September", "Oktober", "November", "Dezember"}
)

// FormatDate formats the date of t (in t's own time zone) as a long date for locale: en-US
// "March 5, 2026", en-GB "5 March 2026", sv-SE "5 mars 2026", de-DE "5. März 2026"; other
// languages get ISO 8601 "2026-03-05". Like FormatAmount, an unknown region falls back to its
// language (en → en-US).
func FormatDate(locale string, t time.Time) string {
	return string(appendDate(make([]byte, 0, 24), locale, t))
}

func appendDate(b []byte, locale string, t time.Time) []byte {
	y, m, d := t.Date()
	lang, _, _ := strings.Cut(locale, "-")
	switch {
	case locale == "en-GB":
		b = strconv.AppendInt(b, int64(d), 10)
		b = append(b, ' ')
		b = append(b, monthsEn[m-1]...)
	case lang == "en":
		b = append(b, monthsEn[m-1]...)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(d), 10)
		b = append(b, ',')
	case lang == "sv":
		b = strconv.AppendInt(b, int64(d), 10)
		b = append(b, ' ')
		b = append(b, monthsSv[m-1]...)
	case lang == "de":
		b = strconv.AppendInt(b, int64(d), 10)
		b = append(b, ". "...)
		b = append(b, monthsDe[m-1]...)
	default:
		return t.AppendFormat(b, time.DateOnly)
	}
	b = append(b, ' ')
	return strconv.AppendInt(b, int64(y), 10)
}
