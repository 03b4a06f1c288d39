package catalog

import (
	"errors"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/market"
)

// TestReviewNoticesSeeded checks that every kind of review notice has its title and body in the
// seeded frame of every supported locale, which validates, and that the body says the decision's
// reference.
func TestReviewNoticesSeeded(t *testing.T) {
	c := Default()
	if err := Validate(c); err != nil {
		t.Fatalf("the seeded catalog does not validate: %v", err)
	}
	for _, kind := range ReviewNoticeKinds {
		title, body, _, ok := reviewNoticeParts(kind)
		if !ok {
			t.Fatalf("%s has no parts", kind)
		}
		for _, l := range market.Locales {
			f, ok := c.Frames[l]
			if !ok || f.Part(title) == "" || f.Part(body) == "" {
				t.Errorf("%s in %s: missing", kind, l)
				continue
			}
			if !strings.Contains(f.Part(body), "{reference}") {
				t.Errorf("%s in %s does not say {reference}", kind, l)
			}
		}
	}
}

// TestRenderReviewNotice checks the filling of a notice, the seeded fallback of a catalog stored
// without frames, the catalog's own frame, and the refusal of an unsupported locale.
func TestRenderReviewNotice(t *testing.T) {
	in := ReviewNoticeInput{Locale: "de-DE", Reference: "ABC-DEF-GHJ", Due: time.Date(2027, 1, 4, 10, 0, 0, 0, time.UTC),
		Reason: "Das Einkommen ist belegt.", NewReference: "KLM-NPQ-RST"}
	n, err := (&Catalog{}).RenderReviewNotice(ReviewOverturned, in)
	if err != nil {
		t.Fatal(err)
	}
	if n.Kind != ReviewOverturned || n.Locale != "de-DE" || !strings.Contains(n.Body, "(Referenz ABC-DEF-GHJ)") ||
		!strings.Contains(n.Body, "Das Einkommen ist belegt.") || !strings.Contains(n.Body, "KLM-NPQ-RST") || strings.ContainsAny(n.Body, "{}") {
		t.Errorf("overturned notice %+v", n)
	}
	n, err = Default().RenderReviewNotice(ReviewReceived, in)
	if err != nil || !strings.Contains(n.Body, "spätestens am 4. Januar 2027") {
		t.Errorf("received notice %+v, %v", n, err)
	}
	own := Default()
	f := own.Frames["de-DE"]
	f.SetPart(PartReviewUpheldTitle, "T")
	f.SetPart(PartReviewUpheldBody, "{reason} / {reference}")
	own.Frames["de-DE"] = f
	if n, err := own.RenderReviewNotice(ReviewUpheld, in); err != nil || n.Title != "T" || n.Body != "Das Einkommen ist belegt. / ABC-DEF-GHJ" {
		t.Errorf("the catalog's own frame: %+v, %v", n, err)
	}
	if _, err := Default().RenderReviewNotice(ReviewUpheld, ReviewNoticeInput{Locale: "fr-FR"}); !errors.Is(err, apperr.ErrInvalid) {
		t.Errorf("unsupported locale: %v, want ErrInvalid", err)
	}
}
