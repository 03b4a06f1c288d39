package catalog

import (
	"fmt"
	"slices"
	"strings"

	"riskconsole/internal/apperr"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
)

// The notices every decline pop-up carries besides its reasons live in the frame of each locale,
// as catalog texts that are versioned, edited through drafts and validated like the reasons:
//
//   - REFERENCE, in every market: the decision reference the shopper quotes to support.
//   - HUMAN_REVIEW, in SE, DE and GB: the decision was automated, and the shopper may ask for a
//     person to review it, give their point of view and contest it, and how (EU Consumer Credit
//     Directive 2023/2225 art. 18; GDPR and UK GDPR art. 22(3)).
//   - FCRA and ECOA, in the US: the consumer-report notice of FCRA 615(a) on every decline (the
//     bureau score is an input of every assessment) and the ECOA notice of Reg B 1002.9(b)(1).
//
// Validate refuses a frame without them, the way it refuses a credit-score text without its
// disclosures, so no published version can drop them.

// FramePart names one part of a frame, as drafts and the API name it.
type FramePart string

// Frame parts.
const (
	PartTitle        FramePart = "TITLE"
	PartIntro        FramePart = "INTRO"
	PartClosing      FramePart = "CLOSING"
	PartReference    FramePart = "REFERENCE"
	PartHumanReview  FramePart = "HUMAN_REVIEW"
	PartFCRA         FramePart = "FCRA"
	PartECOA         FramePart = "ECOA"
	PartNoKeyFactors FramePart = "NO_KEY_FACTORS"

	PartExplainTitle     FramePart = "EXPLAIN_TITLE"
	PartExplainApproved  FramePart = "EXPLAIN_APPROVED"
	PartExplainDeclined  FramePart = "EXPLAIN_DECLINED"
	PartExplainMet       FramePart = "EXPLAIN_MET"
	PartExplainNotMet    FramePart = "EXPLAIN_NOT_MET"
	PartExplainNarrowly  FramePart = "EXPLAIN_NARROWLY"
	PartExplainShort     FramePart = "EXPLAIN_SHORT"
	PartExplainWellShort FramePart = "EXPLAIN_WELL_SHORT"

	// The notices of a review case (review_notices.go).
	PartReviewReceivedTitle   FramePart = "REVIEW_RECEIVED_TITLE"
	PartReviewReceivedBody    FramePart = "REVIEW_RECEIVED_BODY"
	PartReviewUpheldTitle     FramePart = "REVIEW_UPHELD_TITLE"
	PartReviewUpheldBody      FramePart = "REVIEW_UPHELD_BODY"
	PartReviewOverturnedTitle FramePart = "REVIEW_OVERTURNED_TITLE"
	PartReviewOverturnedBody  FramePart = "REVIEW_OVERTURNED_BODY"
	// factorPartPrefix prefixes a factor's name part: FACTOR_CREDIT_SCORE.
	factorPartPrefix = "FACTOR_"
)

// NumFactors is the number of factors (engine.Factor values).
const NumFactors = int(engine.FactorOutstandingCredit) + 1

// FactorPart is the part holding factor f in plain words.
func FactorPart(f engine.Factor) FramePart { return FramePart(factorPartPrefix + f.String()) }

// FrameParts lists every part: the pop-up's in the order a pop-up uses them, then the
// explanation's, then one per factor, then the review notices'.
var FrameParts = func() []FramePart {
	parts := []FramePart{PartTitle, PartIntro, PartClosing, PartReference, PartHumanReview, PartFCRA, PartECOA, PartNoKeyFactors,
		PartExplainTitle, PartExplainApproved, PartExplainDeclined, PartExplainMet, PartExplainNotMet,
		PartExplainNarrowly, PartExplainShort, PartExplainWellShort}
	for f := range NumFactors {
		parts = append(parts, FactorPart(engine.Factor(f)))
	}
	return append(parts, PartReviewReceivedTitle, PartReviewReceivedBody, PartReviewUpheldTitle, PartReviewUpheldBody,
		PartReviewOverturnedTitle, PartReviewOverturnedBody)
}()

// marginParts are the parts that must use {factor}.
var marginParts = []FramePart{PartExplainMet, PartExplainNotMet, PartExplainNarrowly, PartExplainShort, PartExplainWellShort}

// field returns a pointer to the part p of f, nil for an unknown part.
func (f *Frame) field(p FramePart) *string {
	switch p {
	case PartTitle:
		return &f.Title
	case PartIntro:
		return &f.Intro
	case PartClosing:
		return &f.Closing
	case PartReference:
		return &f.Reference
	case PartHumanReview:
		return &f.HumanReview
	case PartFCRA:
		return &f.FCRA
	case PartECOA:
		return &f.ECOA
	case PartNoKeyFactors:
		return &f.NoKeyFactors
	case PartExplainTitle:
		return &f.ExplainTitle
	case PartExplainApproved:
		return &f.ExplainApproved
	case PartExplainDeclined:
		return &f.ExplainDeclined
	case PartExplainMet:
		return &f.ExplainMet
	case PartExplainNotMet:
		return &f.ExplainNotMet
	case PartExplainNarrowly:
		return &f.ExplainNarrowly
	case PartExplainShort:
		return &f.ExplainShort
	case PartExplainWellShort:
		return &f.ExplainWellShort
	case PartReviewReceivedTitle:
		return &f.ReviewReceivedTitle
	case PartReviewReceivedBody:
		return &f.ReviewReceivedBody
	case PartReviewUpheldTitle:
		return &f.ReviewUpheldTitle
	case PartReviewUpheldBody:
		return &f.ReviewUpheldBody
	case PartReviewOverturnedTitle:
		return &f.ReviewOverturnedTitle
	case PartReviewOverturnedBody:
		return &f.ReviewOverturnedBody
	}
	if name, ok := strings.CutPrefix(string(p), factorPartPrefix); ok {
		for i := range NumFactors {
			if engine.Factor(i).String() == name {
				return &f.FactorNames[i]
			}
		}
	}
	return nil
}

// Part returns the text of part p ("" for an unknown part).
func (f Frame) Part(p FramePart) string {
	if s := f.field(p); s != nil {
		return *s
	}
	return ""
}

// SetPart sets part p to text; it reports false for an unknown part.
func (f *Frame) SetPart(p FramePart, text string) bool {
	s := f.field(p)
	if s == nil {
		return false
	}
	*s = text
	return true
}

// Notices says which notices a market's declines carry.
type Notices struct {
	// HumanReview: the automated decision may be reviewed by a person on request.
	HumanReview bool
	// AdverseAction: the US adverse-action notices (FCRA 615(a) and ECOA).
	AdverseAction bool
}

// NoticesFor returns the notices of market's declines: the US adverse-action notices in the US,
// the human-review notice in the EU markets and GB. An unknown market gets none.
func NoticesFor(market string) Notices {
	switch market {
	case "US":
		return Notices{AdverseAction: true}
	case "GB", "SE", "DE":
		return Notices{HumanReview: true}
	}
	return Notices{}
}

// Regulator is the federal agency that administers the creditor's compliance with ECOA, as the
// ECOA notice names it: the lender is a non-bank creditor, supervised by the CFPB.
const Regulator = "Consumer Financial Protection Bureau, 1700 G Street NW, Washington, DC 20552"

// Redacted replaces bureau data in the pop-up an agent sees.
const Redacted = "[redacted]"

// fcraPlaceholders are the placeholders the FCRA part must use: the bureau with its address and
// toll-free number, the score with its range and date, and the key factors.
var fcraPlaceholders = []string{PlaceholderBureau, PlaceholderBureauAddress, PlaceholderBureauPhone,
	PlaceholderScore, PlaceholderScoreRange, PlaceholderScoreDate, PlaceholderKeyFactors}

// reviewPhrases are, per language, the ideas the HUMAN_REVIEW part must state, each as a list of
// acceptable wordings (lower case): that the decision was automated, that a person reviews it on
// request, that the shopper may give their point of view and contest it.
var reviewPhrases = map[string][][]string{
	"en": {{"automatic"}, {"person"}, {"point of view"}, {"contest", "challenge"}},
	"sv": {{"automatiskt"}, {"person", "handläggare"}, {"synpunkter"}, {"bestrida", "överklaga"}},
	"de": {{"automatisiert"}, {"mensch", "person", "mitarbeiter"}, {"standpunkt"}, {"anfechten"}},
}

// requiredFrameLocales are the locales every catalog must have a frame for: the default locale of
// every market (en-US being also the last fallback).
var requiredFrameLocales = []string{"en-US", "en-GB", "sv-SE", "de-DE"}

// validateFrames checks the frames: one for each market's default locale, every part set, and the
// notices complete.
func validateFrames(frames map[string]Frame, v *apperr.ValidationError) {
	for _, l := range requiredFrameLocales {
		if _, ok := frames[l]; !ok {
			v.Add("frames["+l+"]", "is required: every market's default locale needs the pop-up frame and its notices")
		}
	}
	for _, l := range sortedKeys(frames) {
		validateFrame(l, frames[l], v)
	}
}

func validateFrame(l string, f Frame, v *apperr.ValidationError) {
	p := "frames[" + l + "]"
	if !market.KnownLocale(l) {
		v.Add(p, "locale %q is not supported (supported: %s)", l, strings.Join(market.Locales, ", "))
	}
	review := make(map[FramePart][]string, 2*len(ReviewNoticeKinds)) // review part → placeholders it must use
	for _, kind := range ReviewNoticeKinds {
		title, body, needs, _ := reviewNoticeParts(kind)
		review[title], review[body] = nil, needs
	}
	for _, part := range FrameParts {
		needs, isReview := review[part]
		var extra []string
		if isReview {
			extra = reviewPlaceholders
		}
		checkField(v, framePath(l, part), f.Part(part), extra...)
		for _, ph := range needs {
			if !strings.Contains(f.Part(part), "{"+ph+"}") {
				v.Add(framePath(l, part), "must contain {%s}: the review notice tells the shopper it", ph)
			}
		}
	}
	for _, ph := range []string{PlaceholderMerchant, PlaceholderAmount} {
		if !strings.Contains(f.Intro, "{"+ph+"}") {
			v.Add(p+".intro", "must contain {%s}", ph)
		}
	}
	if !strings.Contains(f.Reference, "{"+PlaceholderReference+"}") {
		v.Add(framePath(l, PartReference), "must contain {%s}: the shopper quotes the decision reference to support", PlaceholderReference)
	}
	if !strings.Contains(f.HumanReview, "{"+PlaceholderReference+"}") {
		v.Add(framePath(l, PartHumanReview), "must contain {%s}: the shopper quotes it to ask for a review", PlaceholderReference)
	}
	lang, _, _ := strings.Cut(l, "-")
	lower := strings.ToLower(f.HumanReview)
	for _, idea := range reviewPhrases[lang] {
		if !containsAny(lower, idea) {
			v.Add(framePath(l, PartHumanReview), "must say that the decision was automated and that the shopper may ask a person to review it, give their point of view and contest it (missing %q)", idea[0])
		}
	}
	for _, ph := range fcraPlaceholders {
		if !strings.Contains(f.FCRA, "{"+ph+"}") {
			v.Add(framePath(l, PartFCRA), "must contain {%s}: the FCRA 615(a) notice names the bureau with its address and toll-free number, the score with its range and date, and the key factors", ph)
		}
	}
	for _, part := range marginParts {
		if !strings.Contains(f.Part(part), "{"+PlaceholderFactor+"}") {
			v.Add(framePath(l, part), "must contain {%s}", PlaceholderFactor)
		}
	}
	if !strings.Contains(f.ECOA, "{"+PlaceholderRegulator+"}") {
		v.Add(framePath(l, PartECOA), "must contain {%s}: the ECOA notice names the creditor's federal regulator and its address", PlaceholderRegulator)
	}
	if !strings.Contains(f.ECOA, "Equal Credit Opportunity Act") {
		v.Add(framePath(l, PartECOA), "must name the Equal Credit Opportunity Act (Reg B 1002.9(b)(1))")
	}
	if l == "en-US" {
		lower := strings.ToLower(f.FCRA)
		for _, idea := range [][]string{{"free"}, {"60 days"}, {"dispute"}, {"did not make", "didn't make"}} {
			if !containsAny(lower, idea) {
				v.Add(framePath(l, PartFCRA), "must tell the shopper that the bureau did not make the decision and of the right to a free report within 60 days and to dispute (missing %q)", idea[0])
			}
		}
		if !strings.Contains(strings.ToLower(f.ECOA), "discriminat") {
			v.Add(framePath(l, PartECOA), "must state that creditors may not discriminate (Reg B 1002.9(b)(1))")
		}
	}
}

// framePath is the field path of part of the frame of locale l, e.g. "frames[de-DE].humanReview".
func framePath(l string, part FramePart) string {
	return "frames[" + l + "]." + partField(part)
}

// partField is the camel-case field name of a part: HUMAN_REVIEW → humanReview.
func partField(part FramePart) string {
	words := strings.Split(strings.ToLower(string(part)), "_")
	for i := 1; i < len(words); i++ {
		words[i] = strings.ToUpper(words[i][:1]) + words[i][1:]
	}
	return strings.Join(words, "")
}

// ParseFramePart returns the part named s as the API names it.
func ParseFramePart(s string) (FramePart, error) {
	for _, p := range FrameParts {
		if string(p) == s {
			return p, nil
		}
	}
	return "", &apperr.ValidationError{Fields: []apperr.FieldError{{Field: "part", Message: fmt.Sprintf("unknown frame part %q", s)}}}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
