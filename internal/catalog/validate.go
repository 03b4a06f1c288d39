package catalog

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"riskconsole/internal/apperr"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
)

// genericPhrases are phrases that explain nothing specific; no text may contain one
// (case-insensitive). A principal reason must say which factor failed (US Regulation B; the
// lender's own rule in DOMAIN.md).
var genericPhrases = []string{
	"internal standards",
	"internal policy",
	"internal policies",
	"internal criteria",
	"insufficient score",
	"score too low",
	"other reasons",
	"various reasons",
	"interne richtlinien",
	"internen richtlinien",
	"interne standards",
	"internen standards",
	"interne kriterien",
	"internen kriterien",
	"interne vorgaben",
	"internen vorgaben",
	"interna riktlinjer",
	"interna regler",
	"interna kriterier",
}

// scoreDisclosure lists the placeholders a CREDIT_SCORE_INSUFFICIENT SHOPPER body must contain in
// every locale: the score, its range, its date and the bureau (US FCRA 615(a), applied to every
// market).
var scoreDisclosure = []string{PlaceholderScore, PlaceholderScoreRange, PlaceholderScoreDate, PlaceholderBureau}

// Validate checks a catalog before it is saved or published and returns nil or an
// *apperr.ValidationError naming every problem, with field paths such as
// "codes[3].severity", "texts[CREDIT_SCORE_INSUFFICIENT][sv-SE][SHOPPER].body",
// "texts[INCOME_INSUFFICIENT][en-GB][AGENT].steps[1]" or "frames[de-DE].intro".
//
// Rules:
//   - Codes lists every engine reason code once, with the factor of the engine rule that yields
//     it, a severity of HARD or STANDARD, and a distinct positive rank.
//   - Every text belongs to a listed code, a supported locale (market.Locales) and an audience.
//   - Every code has an en-US text for both audiences, the last step of the fallback chain, so
//     that no lookup ends empty. Other locales may be missing (they fall back).
//   - Titles and bodies are not blank; a text has at least one step and no blank step.
//   - A field uses only known placeholders ({merchant}, {amount}, {score}, {bureau},
//     {scoreRange}, {scoreDate}) and has no unmatched brace.
//   - No field contains a generic phrase such as "internal standards" or "insufficient score".
//   - The CREDIT_SCORE_INSUFFICIENT SHOPPER body contains {score}, {scoreRange}, {scoreDate} and
//     {bureau} in every locale; in en-US its body and steps also mention the right to a free
//     credit report and to dispute inaccurate information (FCRA 615(a)); both are reported on
//     the body.
//   - Frames exist for every market's default locale; each has every part (FrameParts) under the
//     same placeholder and phrase rules, an intro that uses {merchant} and {amount}, and complete
//     notices: the reference and the human-review notice use {reference}, the human review says
//     the decision was automated and that a person reviews it on request, with the shopper's
//     point of view and a right to contest; the FCRA notice uses every placeholder of the bureau,
//     the score and the key factors (and in en-US states the free report within 60 days, the
//     dispute and that the bureau did not decide); the ECOA notice names the Act and {regulator};
//     the review notices may also use {dueDate}, {reason} and {newReference}, and their bodies
//     must use {reference} and {dueDate} (received), {reason} (upheld), {reason} and
//     {newReference} (overturned).
func Validate(c *Catalog) error {
	var v apperr.ValidationError
	if c == nil {
		v.Add("catalog", "is required")
		return v.Err()
	}
	listed := validateCodes(c.Codes, &v)

	keys := slices.SortedFunc(func(yield func(Key) bool) {
		for k := range c.Texts {
			if !yield(k) {
				return
			}
		}
	}, func(a, b Key) int {
		return cmp.Or(cmp.Compare(a.Reason, b.Reason), cmp.Compare(a.Locale, b.Locale),
			cmp.Compare(a.Audience, b.Audience))
	})
	for _, k := range keys {
		validateText(k, c.Texts[k], listed, &v)
	}
	for _, ci := range c.Codes {
		if !listed[ci.Reason] {
			continue
		}
		for _, a := range Audiences {
			if _, ok := c.Texts[Key{ci.Reason, FallbackLocale, a}]; !ok {
				v.Add(textPath(Key{ci.Reason, FallbackLocale, a}), "is required: %s is the last fallback locale", FallbackLocale)
			}
		}
	}

	validateFrames(c.Frames, &v)
	return v.Err()
}

// validateCodes checks the code list and returns the set of validly listed reasons.
func validateCodes(codes []CodeInfo, v *apperr.ValidationError) map[engine.Reason]bool {
	listed := make(map[engine.Reason]bool, len(codes))
	ranks := make(map[int]int, len(codes))
	for i, ci := range codes {
		p := fmt.Sprintf("codes[%d]", i)
		if ci.Reason == engine.NoReason || ci.Reason.String() == "" {
			v.Add(p+".reason", "unknown reason code %s", codeName(ci.Reason))
			continue
		}
		if listed[ci.Reason] {
			v.Add(p+".reason", "%s is listed twice", ci.Reason)
			continue
		}
		listed[ci.Reason] = true
		if want := factorOf(ci.Reason); ci.Factor != want {
			v.Add(p+".factor", "%s belongs to factor %s, not %s", ci.Reason, want, factorName(ci.Factor))
		}
		if ci.Severity != SeverityHard && ci.Severity != SeverityStandard {
			v.Add(p+".severity", "must be %s or %s, not %q", SeverityHard, SeverityStandard, ci.Severity)
		}
		if ci.Rank < 1 {
			v.Add(p+".rank", "must be at least 1")
		} else if j, dup := ranks[ci.Rank]; dup {
			v.Add(p+".rank", "rank %d is also used by codes[%d]", ci.Rank, j)
		} else {
			ranks[ci.Rank] = i
		}
	}
	for r := engine.Reason(1); r <= engine.NumReasons; r++ {
		if !listed[r] {
			v.Add("codes", "%s is missing", r)
		}
	}
	return listed
}

// factorName returns the factor's name, or "#n" for a value that is not a factor.
func factorName(f engine.Factor) string {
	if int(f) > int(engine.FactorOutstandingCredit) {
		return fmt.Sprintf("#%d", uint8(f))
	}
	return f.String()
}

func textPath(k Key) string {
	return "texts[" + codeName(k.Reason) + "][" + k.Locale + "][" + string(k.Audience) + "]"
}

// validateText checks one text.
func validateText(k Key, t Text, listed map[engine.Reason]bool, v *apperr.ValidationError) {
	p := textPath(k)
	if !listed[k.Reason] {
		v.Add(p, "reason %s is not in codes", codeName(k.Reason))
	}
	if !market.KnownLocale(k.Locale) {
		v.Add(p, "locale %q is not supported (supported: %s)", k.Locale, strings.Join(market.Locales, ", "))
	}
	if k.Audience != Shopper && k.Audience != Agent {
		v.Add(p, "audience must be %s or %s, not %q", Shopper, Agent, k.Audience)
	}
	checkField(v, p+".title", t.Title)
	checkField(v, p+".body", t.Body)
	if len(t.Steps) == 0 {
		v.Add(p+".steps", "at least one step is required")
	}
	for i, s := range t.Steps {
		checkField(v, fmt.Sprintf("%s.steps[%d]", p, i), s)
	}
	if k.Reason != engine.CreditScoreInsufficient || k.Audience != Shopper {
		return
	}
	for _, ph := range scoreDisclosure {
		if !strings.Contains(t.Body, "{"+ph+"}") {
			v.Add(p+".body", "must contain {%s}: a credit-score reason discloses the score, its range, its date and the bureau", ph)
		}
	}
	if k.Locale == "en-US" {
		all := strings.ToLower(t.Body + "\n" + strings.Join(t.Steps, "\n"))
		if !strings.Contains(all, "free") || !strings.Contains(all, "report") {
			v.Add(p+".body", "must tell the shopper of the right to a free credit report (FCRA 615)")
		}
		if !strings.Contains(all, "dispute") {
			v.Add(p+".body", "must tell the shopper of the right to dispute inaccurate information (FCRA 615)")
		}
	}
}

// checkField applies the rules every field shares: not blank, known placeholders (and those of
// extra) only, balanced braces, no generic phrase.
func checkField(v *apperr.ValidationError, path, s string, extra ...string) {
	if strings.TrimSpace(s) == "" {
		v.Add(path, "must not be empty")
		return
	}
	for rest := s; ; {
		i := strings.IndexAny(rest, "{}")
		if i < 0 {
			break
		}
		if rest[i] == '}' {
			v.Add(path, "has a '}' without a matching '{'")
			rest = rest[i+1:]
			continue
		}
		j := strings.IndexAny(rest[i+1:], "{}")
		if j < 0 || rest[i+1+j] == '{' {
			v.Add(path, "has a '{' without a matching '}'")
			rest = rest[i+1:]
			continue
		}
		name := rest[i+1 : i+1+j]
		if !knownPlaceholder(name) && !slices.Contains(extra, name) {
			v.Add(path, "unknown placeholder {%s}", name)
		}
		rest = rest[i+2+j:]
	}
	lower := strings.ToLower(s)
	for _, g := range genericPhrases {
		if strings.Contains(lower, g) {
			v.Add(path, "generic phrase %q is not allowed: name the specific reason", g)
		}
	}
}
