package catalog

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/market"
)

// TestReviewNoticesSeeded checks that every kind of review notice has a text in every supported
// locale, using only the known placeholders, and the ones its kind needs.
func TestReviewNoticesSeeded(t *testing.T) {
	known := regexp.MustCompile(`\{[a-zA-Z]+\}`)
	allowed := map[string]bool{"{reference}": true, "{dueDate}": true, "{reason}": true, "{newReference}": true}
	needs := map[ReviewNoticeKind][]string{
		ReviewReceived:   {"{reference}", "{dueDate}"},
		ReviewUpheld:     {"{reference}", "{reason}"},
		ReviewOverturned: {"{reference}", "{reason}", "{newReference}"},
	}
	texts := Default().ReviewNotices
	if len(texts) != len(ReviewNoticeKinds)*len(market.Locales) {
		t.Errorf("%d review notice texts, want %d", len(texts), len(ReviewNoticeKinds)*len(market.Locales))
	}
	for _, kind := range ReviewNoticeKinds {
		for _, l := range market.Locales {
			text, ok := texts[ReviewNoticeKey{kind, l}]
			if !ok || text.Title == "" || text.Body == "" {
				t.Errorf("%s in %s: missing", kind, l)
				continue
			}
			for _, p := range known.FindAllString(text.Title+text.Body, -1) {
				if !allowed[p] {
					t.Errorf("%s in %s: unknown placeholder %s", kind, l, p)
				}
			}
			for _, p := range needs[kind] {
				if !strings.Contains(text.Body, p) {
					t.Errorf("%s in %s does not say %s", kind, l, p)
				}
			}
		}
	}
}

// TestRenderReviewNotice checks the filling of a notice, the seeded fallback of a catalog stored
// without notices, a catalog's own text, and the refusal of an unsupported locale.
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
	own := &Catalog{ReviewNotices: map[ReviewNoticeKey]ReviewNoticeText{{ReviewUpheld, "de-DE"}: {Title: "T", Body: "{reason} / {reference}"}}}
	if n, err := own.RenderReviewNotice(ReviewUpheld, in); err != nil || n.Body != "Das Einkommen ist belegt. / ABC-DEF-GHJ" {
		t.Errorf("the catalog's own text: %+v, %v", n, err)
	}
	if _, err := Default().RenderReviewNotice(ReviewUpheld, ReviewNoticeInput{Locale: "fr-FR"}); !errors.Is(err, apperr.ErrInvalid) {
		t.Errorf("unsupported locale: %v, want ErrInvalid", err)
	}
}
