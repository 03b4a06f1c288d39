package catalog

import (
	"fmt"
	"maps"
	"strings"
	"time"

	"riskconsole/internal/apperr"
)

// ReviewNoticeKind is what a notice of a review case tells the shopper (issue 15).
type ReviewNoticeKind string

// Kinds of review notice.
const (
	// ReviewReceived: the request was received, and by when the shopper will hear.
	ReviewReceived ReviewNoticeKind = "RECEIVED"
	// ReviewUpheld: the decision stands, with the reviewer's reason.
	ReviewUpheld ReviewNoticeKind = "UPHELD"
	// ReviewOverturned: the decision was overturned, with the reviewer's reason and the new
	// decision's reference.
	ReviewOverturned ReviewNoticeKind = "OVERTURNED"
)

// ReviewNoticeKinds lists every kind of review notice.
var ReviewNoticeKinds = []ReviewNoticeKind{ReviewReceived, ReviewUpheld, ReviewOverturned}

// ReviewNoticeKey names one notice text: its kind and locale.
type ReviewNoticeKey struct {
	Kind   ReviewNoticeKind
	Locale string
}

// ReviewNoticeText is a notice's title and body, with placeholders: {reference} (the reviewed
// decision's), {dueDate} (the long date of the deadline, in the notice's locale), {reason} (the
// reviewer's written reason) and {newReference} (the decision of an overturn).
type ReviewNoticeText struct {
	Title string
	Body  string
}

// ReviewNoticeInput is what a notice is filled with.
type ReviewNoticeInput struct {
	Locale       string    // the shopper's locale; must be one the product supports
	Reference    string    // the reviewed decision's reference, formatted (D7K-2QF-9XM)
	Due          time.Time // the deadline to answer, formatted as a date in its own time zone
	Reason       string    // the reviewer's reason (UPHELD, OVERTURNED)
	NewReference string    // the overturn's decision reference, formatted (OVERTURNED)
}

// ReviewNotice is a rendered notice, exactly as sent.
type ReviewNotice struct {
	Kind   ReviewNoticeKind
	Locale string
	Title  string
	Body   string
}

// RenderReviewNotice renders the notice of kind in in.Locale from the catalog's review notice
// texts, or, when the catalog has none (a catalog version stored without them), from the seeded
// ones, as Render does with the pop-up frames. A locale without a text is an ErrInvalid: the
// caller has checked the shopper's locale, and a notice in another language is not what the
// shopper is owed.
func (c *Catalog) RenderReviewNotice(kind ReviewNoticeKind, in ReviewNoticeInput) (ReviewNotice, error) {
	texts := c.ReviewNotices
	if len(texts) == 0 {
		texts = defaultReviewNotices
	}
	t, ok := texts[ReviewNoticeKey{kind, in.Locale}]
	if !ok {
		return ReviewNotice{}, fmt.Errorf("no %s review notice in locale %q: %w", kind, in.Locale, apperr.ErrInvalid)
	}
	r := strings.NewReplacer("{reference}", in.Reference, "{dueDate}", FormatDate(in.Locale, in.Due),
		"{reason}", in.Reason, "{newReference}", in.NewReference)
	return ReviewNotice{Kind: kind, Locale: in.Locale, Title: r.Replace(t.Title), Body: r.Replace(t.Body)}, nil
}

// DefaultReviewNotices returns the seeded review notice texts, a copy the caller may modify.
func DefaultReviewNotices() map[ReviewNoticeKey]ReviewNoticeText {
	return maps.Clone(defaultReviewNotices)
}

// defaultReviewNotices are the seeded review notice texts of every kind and supported locale;
// read-only. Each language says it in its own way rather than word for word: the Swedish uses
// the plain "du" and "omprövning" of Swedish consumer credit, the German the formal "Sie".
var defaultReviewNotices = map[ReviewNoticeKey]ReviewNoticeText{
	{ReviewReceived, "en-US"}: {
		Title: "We've received your request for a review",
		Body: "Thank you. A member of our credit team (a person, not an automated system) will review the decision " +
			"on your purchase, reference {reference}, together with what you told us. You'll hear from us by {dueDate}.",
	},
	{ReviewReceived, "en-GB"}: {
		Title: "We've received your request for a review",
		Body: "Thank you. One of our credit officers (a person, not an automated system) will look again at the " +
			"decision on your purchase, reference {reference}, taking account of what you've told us. We'll reply " +
			"by {dueDate} at the latest.",
	},
	{ReviewReceived, "sv-SE"}: {
		Title: "Vi har tagit emot din begäran om omprövning",
		Body: "Tack! En av våra kredithandläggare – en person, inte ett automatiskt system – går igenom beslutet om " +
			"ditt köp (referens {reference}) och tar hänsyn till det du har berättat för oss. Du får besked senast " +
			"den {dueDate}.",
	},
	{ReviewReceived, "de-DE"}: {
		Title: "Ihr Antrag auf Überprüfung ist bei uns eingegangen",
		Body: "Vielen Dank. Ein Mitglied unseres Kreditteams – ein Mensch, kein automatisiertes System – prüft die " +
			"Entscheidung zu Ihrem Einkauf (Referenz {reference}) noch einmal und berücksichtigt dabei Ihre Angaben. " +
			"Sie erhalten unsere Antwort spätestens am {dueDate}.",
	},
	{ReviewUpheld, "en-US"}: {
		Title: "Your review is complete: the decision stands",
		Body: "A member of our credit team has reviewed the decision on your purchase, reference {reference}, and " +
			"what you told us. The decision stays as it was, for this reason:\n\n{reason}\n\nThis doesn't affect " +
			"your credit score, and each future purchase is assessed on its own.",
	},
	{ReviewUpheld, "en-GB"}: {
		Title: "Your review is complete: the decision stands",
		Body: "One of our credit officers has looked again at the decision on your purchase, reference {reference}, " +
			"and at what you told us. The decision stays as it was, for this reason:\n\n{reason}\n\nThis doesn't " +
			"affect your credit score, and each future purchase is assessed on its own.",
	},
	{ReviewUpheld, "sv-SE"}: {
		Title: "Omprövningen är klar – beslutet står fast",
		Body: "En av våra kredithandläggare har gått igenom beslutet om ditt köp (referens {reference}) och det du " +
			"skrev till oss. Beslutet står fast, och motiveringen är:\n\n{reason}\n\nDet här påverkar inte din " +
			"kreditvärdighet, och varje nytt köp bedöms för sig.",
	},
	{ReviewUpheld, "de-DE"}: {
		Title: "Ihre Überprüfung ist abgeschlossen: Die Entscheidung bleibt bestehen",
		Body: "Unser Kreditteam hat die Entscheidung zu Ihrem Einkauf (Referenz {reference}) und Ihre Angaben " +
			"sorgfältig geprüft. Die Entscheidung bleibt bestehen. Die Begründung:\n\n{reason}\n\nIhre Bonität ist " +
			"davon nicht betroffen, und jeder weitere Einkauf wird neu geprüft.",
	},
	{ReviewOverturned, "en-US"}: {
		Title: "Good news: your purchase is approved",
		Body: "A member of our credit team has reviewed the decision on your purchase, reference {reference}, and " +
			"changed it: your purchase is approved. The reason:\n\n{reason}\n\nThe new decision's reference is " +
			"{newReference}.",
	},
	{ReviewOverturned, "en-GB"}: {
		Title: "Good news: your purchase is approved",
		Body: "One of our credit officers has looked again at the decision on your purchase, reference {reference}, " +
			"and changed it: your purchase is approved. The reason:\n\n{reason}\n\nThe new decision's reference is " +
			"{newReference}.",
	},
	{ReviewOverturned, "sv-SE"}: {
		Title: "Goda nyheter – ditt köp är godkänt",
		Body: "En av våra kredithandläggare har gått igenom beslutet om ditt köp (referens {reference}) och ändrat " +
			"det: köpet är godkänt. Motiveringen är:\n\n{reason}\n\nDet nya beslutet har referens {newReference}.",
	},
	{ReviewOverturned, "de-DE"}: {
		Title: "Gute Nachricht: Ihr Einkauf ist genehmigt",
		Body: "Unser Kreditteam hat die Entscheidung zu Ihrem Einkauf (Referenz {reference}) überprüft und geändert: " +
			"Ihr Einkauf ist genehmigt. Die Begründung:\n\n{reason}\n\nDie neue Entscheidung hat die Referenz " +
			"{newReference}.",
	},
}
