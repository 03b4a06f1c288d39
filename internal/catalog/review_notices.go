package catalog

import (
	"fmt"
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

// reviewNoticeParts returns the frame parts of the title and the body of a notice of kind, and
// the placeholders the body must use; ok is false for an unknown kind.
func reviewNoticeParts(kind ReviewNoticeKind) (title, body FramePart, needs []string, ok bool) {
	switch kind {
	case ReviewReceived:
		return PartReviewReceivedTitle, PartReviewReceivedBody, []string{PlaceholderReference, PlaceholderDueDate}, true
	case ReviewUpheld:
		return PartReviewUpheldTitle, PartReviewUpheldBody, []string{PlaceholderReason}, true
	case ReviewOverturned:
		return PartReviewOverturnedTitle, PartReviewOverturnedBody, []string{PlaceholderReason, PlaceholderNewReference}, true
	}
	return "", "", nil, false
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

// RenderReviewNotice renders the notice of kind in in.Locale from the review notice parts of the
// catalog's frame for that locale (its seeded frames when the catalog has none: a version
// published before frames were stored), with the placeholders {reference} (the reviewed
// decision's), {dueDate} (the long date of the deadline, in the notice's locale), {reason} (the
// reviewer's written reason) and {newReference} (the decision of an overturn). A locale without a
// frame is an ErrInvalid: the caller has checked the shopper's locale, and a notice in another
// language is not what the shopper is owed.
func (c *Catalog) RenderReviewNotice(kind ReviewNoticeKind, in ReviewNoticeInput) (ReviewNotice, error) {
	titlePart, bodyPart, _, ok := reviewNoticeParts(kind)
	if !ok {
		return ReviewNotice{}, fmt.Errorf("unknown review notice kind %q: %w", kind, apperr.ErrInvalid)
	}
	frames := c.Frames
	if len(frames) == 0 {
		frames = defaultFrames
	}
	f, ok := frames[in.Locale]
	if !ok {
		return ReviewNotice{}, fmt.Errorf("no %s review notice in locale %q: %w", kind, in.Locale, apperr.ErrInvalid)
	}
	r := strings.NewReplacer("{"+PlaceholderReference+"}", in.Reference, "{"+PlaceholderDueDate+"}", FormatDate(in.Locale, in.Due),
		"{"+PlaceholderReason+"}", in.Reason, "{"+PlaceholderNewReference+"}", in.NewReference)
	return ReviewNotice{Kind: kind, Locale: in.Locale, Title: r.Replace(f.Part(titlePart)), Body: r.Replace(f.Part(bodyPart))}, nil
}
