package catalog

import (
	"math"
	"strings"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
)

// PreviewRequest asks what a shopper would see for a decline with one reason.
type PreviewRequest struct {
	Reason engine.Reason
	Locale string // the shopper's locale; must be supported
	// Sample purchase. Zero fields take defaults: merchant "Example Store", amount 129.95, the
	// currency of the market whose default locale is Locale, score 540, score date Now.
	Merchant  string
	Amount    float64 // major units, at most 2 decimals
	Currency  string
	Score     float64
	ScoreDate time.Time
	// Text, when set, replaces the reason's SHOPPER text in Locale, as an editor would save it;
	// it is checked with Validate first, so the preview refuses what a save would refuse.
	Text *Text
}

// PreviewReference is the decision reference a preview shows.
const PreviewReference = "D7K-2QF-9XM"

// Preview defaults.
const (
	previewMerchant = "Example Store"
	previewAmount   = 129.95
	previewScore    = 540
)

// Preview renders, with Render, the pop-up a shopper in req.Locale would see for a decline whose
// only principal reason is req.Reason, on a sample purchase in the market whose default locale is
// req.Locale, with that market's notices, bureau and PreviewReference. Bad arguments and an edited text
// that Validate refuses are a *apperr.ValidationError with field paths (the text's as
// "text.title", "text.body", "text.steps[i]").
func Preview(c *Catalog, req PreviewRequest, now time.Time) (Message, error) {
	var ve apperr.ValidationError
	if _, ok := c.Code(req.Reason); !ok {
		ve.Add("code", "is not a reason code of the catalog")
	}
	marketLocale, mkt := "", ""
	for _, m := range market.All {
		if m.DefaultLocale == req.Locale {
			marketLocale, mkt = m.DefaultLocale, m.Code
			if req.Currency == "" {
				req.Currency = m.Currency
			}
		}
	}
	if !market.KnownLocale(req.Locale) {
		ve.Add("locale", "%q is not supported (supported: %s)", req.Locale, strings.Join(market.Locales, ", "))
	}
	if req.Merchant == "" {
		req.Merchant = previewMerchant
	}
	if len(req.Merchant) > 200 {
		ve.Add("sample.merchant", "must be at most 200 bytes")
	}
	if req.Amount == 0 {
		req.Amount = previewAmount
	}
	minor := math.Round(req.Amount * 100)
	if math.IsNaN(req.Amount) || req.Amount < 0 || req.Amount > 1e9 || math.Abs(req.Amount*100-minor) > 1e-6 {
		ve.Add("sample.amount", "must be more than 0 and at most 1e9, with at most 2 decimals")
	}
	if req.Currency == "" {
		req.Currency = "USD"
	}
	if len(req.Currency) != 3 || strings.ToUpper(req.Currency) != req.Currency {
		ve.Add("sample.currency", "must be an ISO 4217 code such as USD")
	}
	if req.Score == 0 {
		req.Score = previewScore
	}
	if req.Score < 300 || req.Score > 850 {
		ve.Add("sample.score", "must be between 300 and 850")
	}
	if req.ScoreDate.IsZero() {
		req.ScoreDate = now
	}
	if err := ve.Err(); err != nil {
		return Message{}, err
	}
	if req.Text != nil {
		edited := c.Clone()
		k := Key{req.Reason, req.Locale, Shopper}
		edited.Texts[k] = *req.Text
		if err := Validate(edited); err != nil {
			return Message{}, textErrors(err, textPath(k))
		}
		c = edited
	}
	b, _ := MarketBureau(mkt)
	return c.Render([]engine.Reason{req.Reason}, RenderInput{
		Market: mkt, Reference: PreviewReference,
		Locale: req.Locale, MarketLocale: marketLocale, Currency: req.Currency, AmountMinor: int64(minor),
		Merchant: req.Merchant, Score: req.Score, ScoreDate: req.ScoreDate.UTC(),
		Bureau: b.Name, BureauAddress: b.Address, BureauPhone: b.Phone,
	})
}

// textErrors renames the field paths of Validate's errors about the edited text (prefix) to the
// preview's argument, "text...". The rest of the catalog is published and valid, so every error
// is about the text; any other is kept as it is.
func textErrors(err error, prefix string) error {
	ve, ok := err.(*apperr.ValidationError)
	if !ok {
		return err
	}
	out := &apperr.ValidationError{}
	for _, f := range ve.Fields {
		if rest, ok := strings.CutPrefix(f.Field, prefix); ok {
			f.Field = "text" + rest
		}
		out.Fields = append(out.Fields, f)
	}
	return out
}
