package catalog

import (
	"errors"
	"strings"
	"testing"

	"riskconsole/internal/apperr"
	"riskconsole/internal/engine"
)

// editText returns an edit that applies f to one text of the catalog.
func editText(r engine.Reason, locale string, a Audience, f func(*Text)) func(*Catalog) {
	return func(c *Catalog) {
		k := Key{r, locale, a}
		t := c.Texts[k]
		f(&t)
		c.Texts[k] = t
	}
}

func TestValidate(t *testing.T) {
	cs := engine.CreditScoreInsufficient
	const csSvBody = "texts[CREDIT_SCORE_INSUFFICIENT][sv-SE][SHOPPER].body"
	const csUSBody = "texts[CREDIT_SCORE_INSUFFICIENT][en-US][SHOPPER].body"
	dropPlaceholder := func(locale, ph string) func(*Catalog) {
		return editText(cs, locale, Shopper, func(t *Text) { t.Body = strings.ReplaceAll(t.Body, "{"+ph+"}", "X") })
	}
	type want struct{ field, msg string }
	tests := []struct {
		name string
		edit func(*Catalog)
		want []want // every field error expected, in order; nil means valid
	}{
		{"default is valid", func(*Catalog) {}, nil},
		{"a missing non-fallback locale is allowed", func(c *Catalog) {
			delete(c.Texts, Key{engine.IncomeInsufficient, "sv-SE", Shopper})
		}, nil},
		// Frames carry the notices: a catalog without them could not be checked for them.
		{"no frames is refused", func(c *Catalog) { c.Frames = nil },
			[]want{{"frames[en-US]", "is required"}, {"frames[en-GB]", "is required"}, {"frames[sv-SE]", "is required"}, {"frames[de-DE]", "is required"}}},
		{"a market's frame is required", func(c *Catalog) { delete(c.Frames, "de-DE") },
			[]want{{"frames[de-DE]", "is required"}}},
		{"a German review notice that does not say a person reviews",
			editFrame("de-DE", func(f *Frame) {
				f.HumanReview = "Diese Entscheidung wurde automatisiert getroffen. Sie können Ihren Standpunkt darlegen und sie anfechten; nennen Sie {reference}."
			}),
			[]want{{"frames[de-DE].humanReview", `missing "mensch"`}}},
		{"a Swedish review notice without the reference",
			editFrame("sv-SE", func(f *Frame) { f.HumanReview = strings.ReplaceAll(f.HumanReview, "{reference}", "") }),
			[]want{{"frames[sv-SE].humanReview", "must contain {reference}"}}},
		{"a British review notice that does not say the decision was automated",
			editFrame("en-GB", func(f *Frame) { f.HumanReview = strings.ReplaceAll(f.HumanReview, "automatically", "today") }),
			[]want{{"frames[en-GB].humanReview", `missing "automatic"`}}},
		{"a reference part without the reference",
			editFrame("en-US", func(f *Frame) { f.Reference = "Quote your reference." }),
			[]want{{"frames[en-US].reference", "must contain {reference}"}}},
		{"an FCRA notice without the key factors and the bureau's phone",
			editFrame("en-US", func(f *Frame) {
				f.FCRA = strings.ReplaceAll(strings.ReplaceAll(f.FCRA, "{keyFactors}", "none"), "{bureauPhone}", "")
			}),
			[]want{{"frames[en-US].fcra", "must contain {bureauPhone}"}, {"frames[en-US].fcra", "must contain {keyFactors}"}}},
		{"an en-US FCRA notice without the 60 days",
			editFrame("en-US", func(f *Frame) { f.FCRA = strings.ReplaceAll(f.FCRA, "within 60 days", "soon") }),
			[]want{{"frames[en-US].fcra", `missing "60 days"`}}},
		{"an ECOA notice without the regulator",
			editFrame("sv-SE", func(f *Frame) { f.ECOA = strings.ReplaceAll(f.ECOA, "{regulator}", "myndigheten") }),
			[]want{{"frames[sv-SE].ecoa", "must contain {regulator}"}}},
		{"an en-US ECOA notice without the anti-discrimination statement",
			editFrame("en-US", func(f *Frame) {
				f.ECOA = "The Equal Credit Opportunity Act applies. The agency is the {regulator}."
			}),
			[]want{{"frames[en-US].ecoa", "discriminate"}}},
		{"unknown placeholder in a body",
			editText(engine.IncomeInsufficient, "sv-SE", Shopper, func(t *Text) { t.Body += " Se {income}." }),
			[]want{{"texts[INCOME_INSUFFICIENT][sv-SE][SHOPPER].body", "unknown placeholder {income}"}}},
		{"unknown placeholder in a step",
			editText(engine.IncomeInsufficient, "en-GB", Agent, func(t *Text) { t.Steps[1] = "Quote {Amount}." }),
			[]want{{"texts[INCOME_INSUFFICIENT][en-GB][AGENT].steps[1]", "unknown placeholder {Amount}"}}},
		{"a review received notice without the reference and the due date",
			editFrame("sv-SE", func(f *Frame) {
				f.ReviewReceivedBody = strings.NewReplacer("{reference}", "", "{dueDate}", "snart").Replace(f.ReviewReceivedBody)
			}),
			[]want{{"frames[sv-SE].reviewReceivedBody", "must contain {reference}"}, {"frames[sv-SE].reviewReceivedBody", "must contain {dueDate}"}}},
		{"a review upheld notice without the reason",
			editFrame("en-GB", func(f *Frame) { f.ReviewUpheldBody = strings.ReplaceAll(f.ReviewUpheldBody, "{reason}", "") }),
			[]want{{"frames[en-GB].reviewUpheldBody", "must contain {reason}"}}},
		{"a review overturned notice without the reason and the new reference",
			editFrame("de-DE", func(f *Frame) { f.ReviewOverturnedBody = "Ihr Einkauf ist genehmigt (Referenz {reference})." }),
			[]want{{"frames[de-DE].reviewOverturnedBody", "must contain {reason}"}, {"frames[de-DE].reviewOverturnedBody", "must contain {newReference}"}}},
		{"an empty review notice title",
			editFrame("en-US", func(f *Frame) { f.ReviewUpheldTitle = " " }),
			[]want{{"frames[en-US].reviewUpheldTitle", "must not be empty"}}},
		{"a review placeholder outside the review notices",
			editFrame("en-US", func(f *Frame) { f.Closing += " {reason}" }),
			[]want{{"frames[en-US].closing", "unknown placeholder {reason}"}}},
		{"unknown placeholder in a frame",
			func(c *Catalog) { f := c.Frames["de-DE"]; f.Title += " {name}"; c.Frames["de-DE"] = f },
			[]want{{"frames[de-DE].title", "unknown placeholder {name}"}}},
		{"unmatched opening brace",
			editText(engine.EmploymentLength, "de-DE", Shopper, func(t *Text) { t.Title = "Seit {merchant" }),
			[]want{{"texts[EMPLOYMENT_LENGTH][de-DE][SHOPPER].title", "'{' without a matching '}'"}}},
		{"unmatched closing brace",
			editText(engine.EmploymentLength, "de-DE", Shopper, func(t *Text) { t.Title = "Seit merchant}" }),
			[]want{{"texts[EMPLOYMENT_LENGTH][de-DE][SHOPPER].title", "'}' without a matching '{'"}}},
		{"credit score text lacks {score}", dropPlaceholder("sv-SE", "score"), []want{{csSvBody, "{score}"}}},
		{"credit score text lacks {scoreRange}", dropPlaceholder("sv-SE", "scoreRange"), []want{{csSvBody, "{scoreRange}"}}},
		{"credit score text lacks {scoreDate}", dropPlaceholder("sv-SE", "scoreDate"), []want{{csSvBody, "{scoreDate}"}}},
		{"credit score text lacks {bureau}",
			editText(cs, "de-DE", Shopper, func(t *Text) {
				t.Body = strings.ReplaceAll(t.Body, "{bureau}", "SCHUFA")
			}),
			[]want{{"texts[CREDIT_SCORE_INSUFFICIENT][de-DE][SHOPPER].body", "{bureau}"}}},
		{"credit score placeholders only in steps are not enough",
			editText(cs, "en-GB", Shopper, func(t *Text) {
				t.Steps = append(t.Steps, "Your score was {score}.")
				t.Body = strings.ReplaceAll(t.Body, "{score}", "low")
			}),
			[]want{{"texts[CREDIT_SCORE_INSUFFICIENT][en-GB][SHOPPER].body", "{score}"}}},
		{"credit score agent text needs no placeholders",
			editText(cs, "en-US", Agent, func(t *Text) { t.Body = "The score was below the minimum." }), nil},
		{"en-US credit score text without the right to dispute",
			editText(cs, "en-US", Shopper, func(t *Text) {
				t.Body = strings.ReplaceAll(t.Body, "and the right to dispute", "and to ask about")
				t.Steps = t.Steps[:1]
			}),
			[]want{{csUSBody, "right to dispute"}}},
		{"en-US credit score text without the free report",
			editText(cs, "en-US", Shopper, func(t *Text) {
				t.Body = strings.ReplaceAll(t.Body, "a free copy", "a copy")
				t.Steps = t.Steps[1:]
			}),
			[]want{{csUSBody, "free credit report"}}},
		{"generic phrase, any case",
			editText(engine.DelinquentObligations, "en-GB", Agent, func(t *Text) { t.Title = "Declined under Internal Standards" }),
			[]want{{"texts[DELINQUENT_OBLIGATIONS][en-GB][AGENT].title", `generic phrase "internal standards"`}}},
		{"generic phrase in a step",
			editText(engine.IncomeInsufficient, "en-US", Shopper, func(t *Text) { t.Steps[0] = "Your insufficient score is the issue." }),
			[]want{{"texts[INCOME_INSUFFICIENT][en-US][SHOPPER].steps[0]", `generic phrase "insufficient score"`}}},
		{"generic phrase in German",
			editText(engine.IncomeInsufficient, "de-DE", Shopper, func(t *Text) { t.Body = "Gemäß unseren internen Richtlinien." }),
			[]want{{"texts[INCOME_INSUFFICIENT][de-DE][SHOPPER].body", `generic phrase "internen richtlinien"`}}},
		{"empty title",
			editText(engine.ResidenceLength, "en-GB", Shopper, func(t *Text) { t.Title = "" }),
			[]want{{"texts[RESIDENCE_LENGTH][en-GB][SHOPPER].title", "must not be empty"}}},
		{"blank body",
			editText(engine.ResidenceLength, "sv-SE", Agent, func(t *Text) { t.Body = " \n\t" }),
			[]want{{"texts[RESIDENCE_LENGTH][sv-SE][AGENT].body", "must not be empty"}}},
		{"no steps",
			editText(engine.ResidenceLength, "de-DE", Shopper, func(t *Text) { t.Steps = nil }),
			[]want{{"texts[RESIDENCE_LENGTH][de-DE][SHOPPER].steps", "at least one step"}}},
		{"blank step",
			editText(engine.ResidenceLength, "de-DE", Shopper, func(t *Text) { t.Steps[1] = "" }),
			[]want{{"texts[RESIDENCE_LENGTH][de-DE][SHOPPER].steps[1]", "must not be empty"}}},
		{"missing en-US text",
			func(c *Catalog) { delete(c.Texts, Key{engine.ReservesInsufficient, "en-US", Agent}) },
			[]want{{"texts[RESERVES_INSUFFICIENT][en-US][AGENT]", "last fallback locale"}}},
		{"unsupported locale",
			func(c *Catalog) {
				c.Texts[Key{engine.ReservesInsufficient, "fi-FI", Agent}] = c.Texts[Key{engine.ReservesInsufficient, "en-US", Agent}]
			},
			[]want{{"texts[RESERVES_INSUFFICIENT][fi-FI][AGENT]", `locale "fi-FI" is not supported`}}},
		{"unknown audience",
			func(c *Catalog) {
				c.Texts[Key{engine.ReservesInsufficient, "en-US", "MERCHANT"}] = c.Texts[Key{engine.ReservesInsufficient, "en-US", Agent}]
			},
			[]want{{"texts[RESERVES_INSUFFICIENT][en-US][MERCHANT]", "audience must be"}}},
		{"text for NoReason",
			func(c *Catalog) {
				c.Texts[Key{engine.NoReason, "en-US", Agent}] = c.Texts[Key{engine.ReservesInsufficient, "en-US", Agent}]
			},
			[]want{{"texts[#0][en-US][AGENT]", "not in codes"}}},
		{"missing code",
			func(c *Catalog) { c.Codes = c.Codes[1:] },
			[]want{{"codes", "IDENTITY_UNVERIFIED is missing"}, {"texts[IDENTITY_UNVERIFIED][de-DE][AGENT]", "not in codes"}, {"texts[IDENTITY_UNVERIFIED][de-DE][SHOPPER]", "not in codes"},
				{"texts[IDENTITY_UNVERIFIED][en-GB][AGENT]", "not in codes"}, {"texts[IDENTITY_UNVERIFIED][en-GB][SHOPPER]", "not in codes"},
				{"texts[IDENTITY_UNVERIFIED][en-US][AGENT]", "not in codes"}, {"texts[IDENTITY_UNVERIFIED][en-US][SHOPPER]", "not in codes"},
				{"texts[IDENTITY_UNVERIFIED][sv-SE][AGENT]", "not in codes"}, {"texts[IDENTITY_UNVERIFIED][sv-SE][SHOPPER]", "not in codes"},
			}},
		{"bad severity", func(c *Catalog) { c.Codes[3].Severity = "SOFT" }, []want{{"codes[3].severity", `not "SOFT"`}}},
		{"wrong factor", func(c *Catalog) { c.Codes[2].Factor = engine.FactorSavings }, []want{{"codes[2].factor", "belongs to factor CREDIT_SCORE"}}},
		{"duplicate rank", func(c *Catalog) { c.Codes[4].Rank = 1 }, []want{{"codes[4].rank", "also used by codes[0]"}}},
		{"frame intro without amount",
			func(c *Catalog) {
				f := c.Frames["sv-SE"]
				f.Intro = strings.ReplaceAll(f.Intro, "{amount}", "")
				c.Frames["sv-SE"] = f
			},
			[]want{{"frames[sv-SE].intro", "must contain {amount}"}}},
		{"frames without en-US",
			func(c *Catalog) { delete(c.Frames, "en-US") },
			[]want{{"frames[en-US]", "is required"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			tt.edit(c)
			err := Validate(c)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Validate = %v, want nil", err)
				}
				return
			}
			var ve *apperr.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, apperr.ErrInvalid) {
				t.Fatalf("Validate = %v, want an *apperr.ValidationError", err)
			}
			if len(ve.Fields) != len(tt.want) {
				t.Fatalf("got %d field errors, want %d: %v", len(ve.Fields), len(tt.want), err)
			}
			for i, w := range tt.want {
				if f := ve.Fields[i]; f.Field != w.field || !strings.Contains(f.Message, w.msg) {
					t.Errorf("field error %d = %s: %s; want %s: …%s…", i, f.Field, f.Message, w.field, w.msg)
				}
			}
		})
	}
	t.Run("nil catalog", func(t *testing.T) {
		if err := Validate(nil); !errors.Is(err, apperr.ErrInvalid) {
			t.Errorf("Validate(nil) = %v", err)
		}
	})
}

// editFrame returns an edit of the frame of locale l.
func editFrame(l string, edit func(f *Frame)) func(c *Catalog) {
	return func(c *Catalog) {
		f := c.Frames[l]
		edit(&f)
		c.Frames[l] = f
	}
}
