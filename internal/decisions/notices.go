package decisions

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"riskconsole/internal/apperr"
	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
)

// Bounds of a bureau report.
const (
	// MaxKeyFactors is the number of key factors FCRA 615(a) asks for; one more is allowed when
	// one of them is the number of inquiries (15 U.S.C. 1681g(f)(1)(C)).
	MaxKeyFactors = 4
	// maxKeyFactorLen bounds one key factor: bureaus send a short code or a sentence.
	maxKeyFactorLen = 200
	// maxScoreAge is how old a score may be: a bureau answer older than a year is not the one a
	// fresh assessment used.
	maxScoreAge = 366 * 24 * time.Hour
	// scoreDateSkew is how far ahead of the assessment a score may be dated: the bureau may date
	// its answer in its own time zone, up to a day ahead of UTC.
	scoreDateSkew = 24 * time.Hour
)

// inquiryWords mark a key factor about the number of inquiries, in the bureaus' languages.
var inquiryWords = []string{"inquir", "enquir", "anfrage", "förfrågning", "forfragning", "förfrågan"}

// BureauReportRequest is the bureau report as checkout sends it; zero ScoreMin and ScoreMax
// (both) take the bureau's own scale from catalog.Bureaus.
type BureauReportRequest struct {
	Bureau             string
	Score              float64
	ScoreMin, ScoreMax *float64
	ScoreDate          time.Time
	KeyFactors         []string
}

// validateBureau checks a bureau report of a purchase in market assessed at at, adding field
// errors under "input.bureauReport", and returns the report to store.
func validateBureau(req *BureauReportRequest, mkt string, at time.Time, ve *apperr.ValidationError) *BureauReport {
	if req == nil {
		return nil
	}
	const p = "input.bureauReport"
	b, ok := catalog.LookupBureau(req.Bureau)
	switch {
	case !ok:
		ve.Add(p+".bureau", "unknown bureau %q", req.Bureau)
	case mkt != "" && b.Market != mkt:
		ve.Add(p+".bureau", "%s does not report in market %s", b.ID, mkt)
	}
	lo, hi := b.ScoreMin, b.ScoreMax
	switch {
	case (req.ScoreMin == nil) != (req.ScoreMax == nil):
		ve.Add(p+".scoreMin", "scoreMin and scoreMax go together: give both or neither")
	case req.ScoreMin != nil:
		lo, hi = *req.ScoreMin, *req.ScoreMax
		if !finite(lo) || !finite(hi) || lo >= hi {
			ve.Add(p+".scoreMax", "must be more than scoreMin")
		}
	}
	if !finite(req.Score) || (ok || req.ScoreMin != nil) && (req.Score < lo || req.Score > hi) {
		ve.Add(p+".score", "must be within the score's range %s", catalog.FormatRange(lo, hi))
	}
	date := req.ScoreDate.UTC()
	date = time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case req.ScoreDate.IsZero():
		ve.Add(p+".scoreDate", "is required")
	case req.ScoreDate.After(at.Add(scoreDateSkew)):
		ve.Add(p+".scoreDate", "must not be in the future")
	case req.ScoreDate.Before(at.Add(-maxScoreAge)):
		ve.Add(p+".scoreDate", "must be at most a year old")
	}
	limit := MaxKeyFactors
	for _, f := range req.KeyFactors {
		if isInquiry(f) {
			limit = MaxKeyFactors + 1
		}
	}
	if len(req.KeyFactors) > limit {
		ve.Add(p+".keyFactors", "at most %d key factors (%d when one is the number of inquiries)", MaxKeyFactors, MaxKeyFactors+1)
	}
	factors := make([]string, len(req.KeyFactors))
	for i, f := range req.KeyFactors {
		f = strings.TrimSpace(f)
		fp := fmt.Sprintf("%s.keyFactors[%d]", p, i)
		switch {
		case f == "":
			ve.Add(fp, "must not be empty")
		case len(f) > maxKeyFactorLen:
			ve.Add(fp, "must be at most %d bytes", maxKeyFactorLen)
		case !utf8.ValidString(f) || strings.ContainsFunc(f, unicode.IsControl):
			ve.Add(fp, "must be valid UTF-8 text without control characters")
		}
		factors[i] = f
	}
	return &BureauReport{Bureau: b.ID, Score: req.Score, ScoreMin: lo, ScoreMax: hi, ScoreDate: date, KeyFactors: factors}
}

func isInquiry(f string) bool {
	f = strings.ToLower(f)
	for _, w := range inquiryWords {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// renderInput is what the pop-up of rec discloses. With a bureau report, the score, its range and
// date and the key factors are the bureau's, as given. Without one (checkout sent none), the
// score is the engine's measured bureau_score in whole points on the engine's 300–850 scale, from
// the market's bureau, dated the day of the assessment: checkout measured it for this assessment.
func renderInput(d *Decision) catalog.RenderInput {
	m, _ := market.Lookup(d.Market)
	in := catalog.RenderInput{
		Market: d.Market, Reference: FormatReference(d.Reference),
		Locale: d.Locale, MarketLocale: m.DefaultLocale, Currency: d.Currency,
		AmountMinor: d.AmountMinor, Merchant: d.MerchantName,
		Score: math.Round(d.Values[engine.BureauScore]), ScoreRange: scoreRange, ScoreDate: d.CreatedAt,
	}
	b, _ := catalog.MarketBureau(d.Market)
	if r := d.Bureau; r != nil {
		b, _ = catalog.LookupBureau(r.Bureau)
		in.Score, in.ScoreRange, in.ScoreDate, in.KeyFactors = r.Score, catalog.FormatRange(r.ScoreMin, r.ScoreMax), r.ScoreDate, r.KeyFactors
	}
	in.Bureau, in.BureauAddress, in.BureauPhone = b.Name, b.Address, b.Phone
	return in
}

// Render fills rec's pop-up from cat on a decline, and clears it on an approval. It uses rec's
// reasons, purchase and reference, so a caller that draws a new reference calls it again.
func Render(rec *Record, cat *catalog.Catalog) error {
	d := &rec.Decision
	d.Message = Message{}
	if d.Outcome != engine.Declined {
		return nil
	}
	msg, err := cat.Render(d.Reasons, renderInput(d))
	if err != nil {
		return fmt.Errorf("render decline message: %w", err)
	}
	d.Message = messageOf(&msg)
	return nil
}

func messageOf(m *catalog.Message) Message {
	return Message{Locale: m.Locale, Title: m.Title, Body: m.Body, Steps: m.Steps, Closing: m.Closing}
}

// Redacted returns d's stored pop-up with the score, its range and date, the bureau with its
// address and phone and the key factors replaced by catalog.Redacted, from cat, the catalog
// version d pinned. Rendering is deterministic, so it renders d's pop-up again and, when that is
// exactly the stored one, renders it once more redacted: first as pop-ups are made now, then as
// they were before the notices (no market notices, no reference). When neither reproduces the
// stored pop-up (it was made by code that rendered differently), nothing of its body is shown:
// ok is false and the message keeps only the title.
func Redacted(d *Decision, cat *catalog.Catalog) (m Message, ok bool, err error) {
	for _, legacy := range []bool{false, true} {
		in := renderInput(d)
		if legacy {
			in.Market, in.Reference = "", ""
		}
		again, err := cat.Render(d.Reasons, in)
		if err != nil {
			return Message{}, false, err
		}
		if !sameMessage(messageOf(&again), d.Message) {
			continue
		}
		in.Redact = true
		red, err := cat.Render(d.Reasons, in)
		if err != nil {
			return Message{}, false, err
		}
		return messageOf(&red), true, nil
	}
	return Message{Locale: d.Message.Locale, Title: d.Message.Title, Body: catalog.Redacted, Steps: []string{}}, false, nil
}

func sameMessage(a, b Message) bool {
	return a.Locale == b.Locale && a.Title == b.Title && a.Body == b.Body && slices.Equal(a.Steps, b.Steps) && a.Closing == b.Closing
}
