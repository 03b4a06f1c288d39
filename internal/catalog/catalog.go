// Package catalog holds the reason catalog: for every principal-reason code, its factor, its
// severity and its messages per locale and audience, and the one function that turns a decline's
// ranked reasons into the pop-up the shopper sees at checkout.
//
// A Catalog is plain data. It is built by Default (the seeded content) or loaded from a published
// catalog version, checked with Validate, and then only read: Render, Guidance and Lookup never
// modify it and are safe for concurrent use.
package catalog

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
)

// Audience says who a text is written for.
type Audience string

// Audiences.
const (
	// Shopper texts are shown to the shopper in the checkout pop-up.
	Shopper Audience = "SHOPPER"
	// Agent texts are read-only guidance for support agents.
	Agent Audience = "AGENT"
)

// Audiences lists both audiences in a stable order.
var Audiences = []Audience{Shopper, Agent}

// Severities of a reason code.
const (
	// SeverityHard marks identity and legal-capacity reasons (IDENTITY_UNVERIFIED,
	// UNDER_LEGAL_AGE): they are ranked before every other reason, whatever the shortfall, and no
	// change in the shopper's finances can lift them.
	SeverityHard = "HARD"
	// SeverityStandard marks every other reason: a financial or history factor that the shopper
	// can act on or that changes with time.
	SeverityStandard = "STANDARD"
)

// FallbackLocale is the last locale tried when a text is missing: every code has an en-US text
// for both audiences (Validate enforces it).
const FallbackLocale = "en-US"

// Text is one message: a reason's pop-up section (SHOPPER) or its guidance (AGENT).
//
// For SHOPPER texts, Title is the reason's heading inside the pop-up, Body explains the reason and
// Steps say what the shopper can do before trying again. For AGENT texts, Title names the reason,
// Body says what it means and what the agent must not promise, and Steps say what the shopper can
// do. Any field may use the placeholders of Placeholders.
type Text struct {
	Title string
	Body  string
	Steps []string
}

// Key identifies one text of a catalog.
type Key struct {
	Reason   engine.Reason
	Locale   string
	Audience Audience
}

// CodeInfo describes a reason code.
type CodeInfo struct {
	Reason engine.Reason
	// Factor is the factor of the lender's help page the reason belongs to; it must be the factor
	// of the engine's rule that yields the reason.
	Factor engine.Factor
	// Severity is SeverityHard for identity and legal-age reasons and SeverityStandard otherwise.
	Severity string
	// Rank is the code's 1-based position in catalog listings: hard reasons first, then the
	// others in engine order. It does not reorder a decision's reasons: the engine ranks those
	// per decision by shortfall, and Render keeps the engine's order.
	Rank int
}

// Frame is the part of the pop-up that does not depend on the reasons, in one locale.
type Frame struct {
	// Title is the pop-up's overall title, e.g. "We couldn't approve this purchase".
	Title string
	// Intro opens the body; it must use {merchant} and {amount}.
	Intro string
	// Closing follows the steps (it is not one of them): declines don't affect the credit score
	// and every purchase is assessed anew.
	Closing string
	// Reference closes the body in every market; it must use {reference}.
	Reference string
	// HumanReview tells the shopper in SE, DE and GB that the decision was automated and how to
	// ask for a person to review it; it must use {reference} (see notices.go).
	HumanReview string
	// FCRA is the US consumer-report notice (FCRA 615(a)) on every US decline; it must use
	// {bureau}, {bureauAddress}, {bureauPhone}, {score}, {scoreRange}, {scoreDate} and
	// {keyFactors}.
	FCRA string
	// ECOA is the US anti-discrimination notice (Reg B 1002.9(b)(1)); it must use {regulator}.
	ECOA string
	// NoKeyFactors is the value of {keyFactors} when the bureau named none.
	NoKeyFactors string

	// The texts of an explanation (Explain): its title, its summary on an approval and on a
	// decline, and one sentence per factor and margin, each using {factor}.
	ExplainTitle, ExplainApproved, ExplainDeclined                             string
	ExplainMet, ExplainNotMet, ExplainNarrowly, ExplainShort, ExplainWellShort string
	// FactorNames are the factors in plain words ("Your credit score"), by engine.Factor.
	FactorNames [NumFactors]string

	// The notices of a review case (RenderReviewNotice): the request received (the body uses
	// {reference} and {dueDate}), the decision upheld ({reason}) and overturned ({reason} and
	// {newReference}). Each language says it in its own way rather than word for word: the
	// Swedish uses the plain "du" and "omprövning" of Swedish consumer credit, the German the
	// formal "Sie".
	ReviewReceivedTitle, ReviewReceivedBody     string
	ReviewUpheldTitle, ReviewUpheldBody         string
	ReviewOverturnedTitle, ReviewOverturnedBody string
}

// Catalog is one version of the reason catalog.
type Catalog struct {
	// VersionID is the database id of the published version; 0 for unpublished content.
	VersionID int64
	// Version is the published version number; 0 for unpublished content.
	Version int
	// Codes describes every reason code, ordered by Rank.
	Codes []CodeInfo
	// Texts holds the messages per reason, locale and audience.
	Texts map[Key]Text
	// Frames holds the pop-up frame, with its notices, per locale. When it is empty (a version
	// published before frames were stored), Render uses the seeded frames of Default.
	Frames map[string]Frame
}

// Errors of Render and Guidance.
var (
	// ErrNoReasons is returned when there is no reason to render. It matches apperr.ErrInvalid.
	ErrNoReasons = fmt.Errorf("catalog: no reasons to render: %w", apperr.ErrInvalid)
	// ErrUnknownReason is returned, wrapped with the reason's code and apperr.ErrNotFound, for a
	// reason that has no text in the catalog in any locale of the fallback chain.
	ErrUnknownReason = errors.New("unknown reason")
)

// defaultFrames are the seeded frames; read-only.
var defaultFrames = func() map[string]Frame {
	m := make(map[string]Frame, len(seeds))
	for _, s := range seeds {
		m[s.locale] = s.frame
	}
	return m
}()

// Default returns the seeded catalog content: every reason code, with texts in en-US, en-GB,
// sv-SE and de-DE for both audiences, and the pop-up frames of those locales. VersionID and
// Version are left 0 for the caller to fill. Each call returns a new catalog that the caller may
// modify.
func Default() *Catalog {
	c := &Catalog{
		Codes:  defaultCodes(),
		Texts:  make(map[Key]Text, engine.NumReasons*len(seeds)*2),
		Frames: maps.Clone(defaultFrames),
	}
	for _, ls := range seeds {
		for _, s := range ls.reasons {
			c.Texts[Key{s.reason, ls.locale, Shopper}] = Text{
				Title: s.title,
				Body:  s.body,
				Steps: slices.Clone(s.steps),
			}
			c.Texts[Key{s.reason, ls.locale, Agent}] = Text{
				Title: s.agentTitle,
				Body: ls.agentMeaningLabel + " " + s.agentMeaning + "\n\n" +
					ls.agentDontLabel + " " + s.agentDont + " " + ls.agentCommon,
				Steps: slices.Clone(s.agentSteps),
			}
		}
	}
	return c
}

// defaultCodes lists every reason code with its factor (from the engine's rules), its severity,
// and its rank: hard reasons (declared RanksFirst: identity and legal age) first, then the others,
// each in engine order.
func defaultCodes() []CodeInfo {
	codes := make([]CodeInfo, 0, engine.NumReasons)
	for _, hard := range []bool{true, false} {
		for r := engine.Reason(1); r <= engine.NumReasons; r++ {
			if r.RanksFirst() != hard {
				continue
			}
			sev := SeverityStandard
			if hard {
				sev = SeverityHard
			}
			codes = append(codes, CodeInfo{Reason: r, Factor: factorOf(r), Severity: sev, Rank: len(codes) + 1})
		}
	}
	return codes
}

// factorOf returns the factor of the engine rule that yields r.
func factorOf(r engine.Reason) engine.Factor {
	for _, m := range engine.Measures {
		if m.Reason == r {
			return m.Factor
		}
	}
	return 0
}

// Clone returns a deep copy of c.
func (c *Catalog) Clone() *Catalog {
	d := &Catalog{
		VersionID: c.VersionID,
		Version:   c.Version,
		Codes:     slices.Clone(c.Codes),
		Texts:     make(map[Key]Text, len(c.Texts)),
		Frames:    maps.Clone(c.Frames),
	}
	for k, t := range c.Texts {
		t.Steps = slices.Clone(t.Steps)
		d.Texts[k] = t
	}
	return d
}

// SeededFrame returns the seeded frame of locale (the zero Frame when there is none): stored
// frames start from it, so that a version or draft stored before a part existed (the review
// notices were added after the frames) has the part's seeded text.
func SeededFrame(locale string) Frame { return defaultFrames[locale] }

// FramesOrDefault returns a copy of c's frames, or of the seeded frames when c has none (a
// version published before frames were stored renders those).
func (c *Catalog) FramesOrDefault() map[string]Frame {
	if len(c.Frames) == 0 {
		return maps.Clone(defaultFrames)
	}
	return maps.Clone(c.Frames)
}

// Code returns the description of reason r.
func (c *Catalog) Code(r engine.Reason) (CodeInfo, bool) {
	for _, ci := range c.Codes {
		if ci.Reason == r {
			return ci, true
		}
	}
	return CodeInfo{}, false
}

// fallbackChain returns the locales to try in order: locale, marketLocale, then en-US, without
// empty entries or repeats. It does not allocate.
func fallbackChain(locale, marketLocale string) ([3]string, int) {
	var chain [3]string
	n := 0
	for _, l := range [3]string{locale, marketLocale, FallbackLocale} {
		if l == "" || slices.Contains(chain[:n], l) {
			continue
		}
		chain[n] = l
		n++
	}
	return chain, n
}

// Lookup returns the text of reason r for audience a, trying locale, then marketLocale, then
// en-US, and the locale it was found in. The text is returned as stored, placeholders included.
// ok is false only when no locale of that chain has a text.
func (c *Catalog) Lookup(r engine.Reason, locale, marketLocale string, a Audience) (Text, string, bool) {
	chain, n := fallbackChain(locale, marketLocale)
	for _, l := range chain[:n] {
		if t, ok := c.Texts[Key{r, l, a}]; ok {
			return t, l, true
		}
	}
	return Text{}, "", false
}

// frame returns the pop-up frame for the fallback chain and the locale it was found in.
func (c *Catalog) frame(locale, marketLocale string) (Frame, string) {
	frames := c.Frames
	if len(frames) == 0 {
		frames = defaultFrames
	}
	chain, n := fallbackChain(locale, marketLocale)
	for _, l := range chain[:n] {
		if f, ok := frames[l]; ok {
			return f, l
		}
	}
	// A validated catalog always has an en-US frame; an unvalidated one falls back to the seed.
	return defaultFrames[FallbackLocale], FallbackLocale
}

// Message is a rendered pop-up (or, from Guidance, rendered agent guidance).
type Message struct {
	// Locale is the locale actually used for the title: the shopper's locale when the catalog
	// has it, else the market's default locale, else en-US.
	Locale string
	Title  string
	Body   string
	// Steps are what the shopper can do, numbered; Closing is the sentence after them, which
	// is not a step (empty for agent guidance).
	Steps   []string
	Closing string
}

// RenderInput is what Render needs besides the reasons: the purchase, the decision reference and
// the score disclosure.
type RenderInput struct {
	// Market selects the notices (NoticesFor); "" renders none.
	Market string
	// Reference is the decision reference as the shopper reads it, e.g. "D7K-2QF-9XM".
	Reference    string
	Locale       string  // shopper locale, e.g. "sv-SE"
	MarketLocale string  // the market's default locale (fallback)
	Currency     string  // ISO 4217
	AmountMinor  int64   // purchase amount in minor units
	Merchant     string  // merchant name
	Score        float64 // bureau score used (for CREDIT_SCORE_INSUFFICIENT)
	// Bureau is the credit bureau's name. When empty, BureauFor of the market whose default
	// locale is MarketLocale is used.
	Bureau string
	// BureauAddress and BureauPhone are the bureau's, for the FCRA notice.
	BureauAddress, BureauPhone string
	// ScoreRange is the score's scale, e.g. "300–850". When empty, the engine's bounds for the
	// bureau score are used.
	ScoreRange string
	// ScoreDate is the date of the score as the bureau gave it. It is formatted as a date in its
	// own time zone, so pass it in the zone the shopper should see (the decision service passes
	// UTC). It must be set whenever the pop-up discloses the score.
	ScoreDate time.Time
	// KeyFactors are the bureau's key factors that lowered the score, as the bureau gave them.
	KeyFactors []string
	// Redact replaces the score, its range and date, the bureau and its contact details and the
	// key factors by Redacted: the pop-up as an agent may see it.
	Redact bool
}

// Render builds the pop-up shown to the shopper for a decline with the given ranked principal
// reasons (most important first), in the shopper's locale.
//
// Structure:
//   - Title: the frame title of the first locale of the chain (Locale, MarketLocale, en-US) that
//     has a frame; Message.Locale is that locale.
//   - Body: paragraphs separated by a blank line ("\n\n"): first the frame intro, which names the
//     merchant and the amount (formatted with FormatAmount for the frame's locale), then one
//     paragraph per reason in the order given, each the reason's SHOPPER title on one line and its
//     body on the next.
//     Then the notices of the market (NoticesFor): the FCRA and ECOA notices in the US, the
//     human-review notice in SE, DE and GB, and, whenever a reference is given, the reference.
//   - Steps: each reason's SHOPPER steps in the order given, with exact repeats dropped (reasons
//     share steps such as "check your details match your ID").
//   - Closing: the frame's closing sentence, after the steps and not one of them: the decline
//     doesn't affect the credit score and every purchase is assessed anew.
//
// Each reason's text is looked up with the same fallback chain independently, so a reason
// missing in the shopper's locale is shown in the market locale or en-US; placeholders in it are
// formatted for the locale its text was found in. A reason listed twice is rendered once.
// Placeholders with no value (unknown names in an unvalidated catalog) are left as written.
//
// Render returns ErrNoReasons for an empty list and an error wrapping ErrUnknownReason for a
// reason with no SHOPPER text in any locale of the chain; nothing else fails.
func (c *Catalog) Render(reasons []engine.Reason, in RenderInput) (Message, error) {
	if len(reasons) == 0 {
		return Message{}, ErrNoReasons
	}
	// Look every text up first so that the sizes are known.
	type part struct {
		text   Text
		locale string
	}
	var buf [engine.MaxReasons]part
	parts := buf[:0]
	nSteps, size := 0, 0
	for i, r := range reasons {
		if slices.Contains(reasons[:i], r) {
			continue
		}
		t, l, ok := c.Lookup(r, in.Locale, in.MarketLocale, Shopper)
		if !ok {
			return Message{}, unknownReason(r)
		}
		parts = append(parts, part{t, l})
		nSteps += len(t.Steps)
		size += len(t.Title) + len(t.Body) + 3
	}
	fr, frLocale := c.frame(in.Locale, in.MarketLocale)
	f := filler{in: &in, noKeyFactors: fr.NoKeyFactors}

	var b strings.Builder
	b.Grow(len(fr.Intro) + size + 64)
	f.appendTo(&b, fr.Intro, frLocale)
	for _, p := range parts {
		b.WriteString("\n\n")
		f.appendTo(&b, p.text.Title, p.locale)
		b.WriteByte('\n')
		f.appendTo(&b, p.text.Body, p.locale)
	}
	for _, n := range noticeParts(in.Market, in.Reference) {
		b.WriteString("\n\n")
		f.appendTo(&b, fr.Part(n), frLocale)
	}

	steps := make([]string, 0, nSteps)
	for _, p := range parts {
		for _, s := range p.text.Steps {
			s = f.fill(s, p.locale)
			if !slices.Contains(steps, s) {
				steps = append(steps, s)
			}
		}
	}
	return Message{
		Locale:  frLocale,
		Title:   f.fill(fr.Title, frLocale),
		Body:    b.String(),
		Steps:   steps,
		Closing: f.fill(fr.Closing, frLocale),
	}, nil
}

// Guidance renders the AGENT text of reason r in the agent's locale (in.Locale, falling back to
// in.MarketLocale, then en-US), filling placeholders like Render. The seeded agent texts have
// none, so only the purchase fields an edited text uses matter. It returns an error wrapping
// ErrUnknownReason when r has no AGENT text.
func (c *Catalog) Guidance(r engine.Reason, in RenderInput) (Message, error) {
	t, l, ok := c.Lookup(r, in.Locale, in.MarketLocale, Agent)
	if !ok {
		return Message{}, unknownReason(r)
	}
	f := filler{in: &in}
	steps := make([]string, len(t.Steps))
	for i, s := range t.Steps {
		steps[i] = f.fill(s, l)
	}
	return Message{Locale: l, Title: f.fill(t.Title, l), Body: f.fill(t.Body, l), Steps: steps}, nil
}

// noticeParts lists the frame parts that follow the reasons in a pop-up of market.
func noticeParts(market, reference string) []FramePart {
	var parts []FramePart
	n := NoticesFor(market)
	if n.AdverseAction {
		parts = append(parts, PartFCRA, PartECOA)
	}
	if n.HumanReview {
		parts = append(parts, PartHumanReview)
	}
	if reference != "" {
		parts = append(parts, PartReference)
	}
	return parts
}

// BureauFor returns the name of the credit bureau whose score the lender uses in market (an ISO
// 3166-1 code): Experian in the US and GB, UC in SE, SCHUFA in DE. It returns "" for a market it
// does not know.
func BureauFor(market string) string {
	b, _ := MarketBureau(market)
	return b.Name
}

// bureauForLocale returns the bureau of the market whose default locale is locale.
func bureauForLocale(locale string) string {
	for _, m := range market.All {
		if m.DefaultLocale == locale {
			return BureauFor(m.Code)
		}
	}
	return ""
}

func unknownReason(r engine.Reason) error {
	return fmt.Errorf("catalog: %w %s: %w", ErrUnknownReason, codeName(r), apperr.ErrNotFound)
}

// codeName returns r's code, or "#n" for a value that is not a reason code.
func codeName(r engine.Reason) string {
	if s := r.String(); s != "" {
		return s
	}
	return fmt.Sprintf("#%d", uint8(r))
}
