package catalog

import (
	"slices"

	"riskconsole/internal/engine"
)

// Margin says how a factor compared with the lender's requirements, without the requirement.
type Margin string

// Margins. A factor's margin is its worst failed rule's: NOT_MET for a yes-or-no check, else by
// the rule's relative shortfall (|value − cut-off| / the rule's scale, as the engine ranks
// reasons): at most narrowShortfall is NARROWLY, at most shortShortfall SHORT, beyond WELL_SHORT.
const (
	MarginMet       Margin = "MET"
	MarginNarrowly  Margin = "NARROWLY"
	MarginShort     Margin = "SHORT"
	MarginWellShort Margin = "WELL_SHORT"
	MarginNotMet    Margin = "NOT_MET"
)

// The shortfall bands, in units of the rule's scale (e.g. 100 points of credit score, 1,000 of
// monthly income): a quarter of a unit is "just short", more than one unit "well short". Bands
// rather than figures, because the exact cut-offs are the lender's risk rules: stating them, or
// the distance to them, would let a shopper tune the figures they declare to pass.
const (
	narrowShortfall = 0.25
	shortShortfall  = 1
)

// marginRank orders margins from best to worst.
var marginRank = map[Margin]int{MarginMet: 0, MarginNarrowly: 1, MarginShort: 2, MarginWellShort: 3, MarginNotMet: 4}

// ExplainedFactor is one factor of an explanation.
type ExplainedFactor struct {
	Factor engine.Factor
	Name   string // in plain words
	Met    bool
	Margin Margin
	Text   string // one sentence
}

// Explanation is the explanation of an automated assessment for the shopper (EU Consumer Credit
// Directive 2023/2225 art. 18; GDPR art. 22(3)).
type Explanation struct {
	Locale  string
	Title   string
	Summary string
	// Factors are the factors that weighed (at least one enabled rule): those that fell short
	// first, in the order of the decision's principal reasons and then by margin, then those
	// that met the requirements in factor order.
	Factors []ExplainedFactor
	// Changes are what the shopper could change: the SHOPPER steps of every failed rule's
	// reason, principal reasons first, without repeats; empty on an approval.
	Changes []string
}

// Explain builds the explanation of an assessment from its engine result (the decision's values
// against its pinned threshold set) with the texts of the frame of in.Locale (falling back like
// Render) and the reasons' SHOPPER steps. principal are the decision's ranked principal reasons.
func (c *Catalog) Explain(res *engine.Result, principal []engine.Reason, in RenderInput) (Explanation, error) {
	fr, loc := c.frame(in.Locale, in.MarketLocale)
	f := filler{in: &in}
	e := Explanation{Locale: loc, Title: f.fill(fr.ExplainTitle, loc), Summary: f.fill(fr.ExplainApproved, loc), Changes: []string{}}
	if res.Outcome == engine.Declined {
		e.Summary = f.fill(fr.ExplainDeclined, loc)
	}
	var margins [NumFactors]Margin
	var weighed [NumFactors]bool
	for i := range res.Checks {
		ch := &res.Checks[i]
		if !ch.Enabled {
			continue
		}
		fac := engine.Measures[ch.Measure].Factor
		weighed[fac] = true
		if m := checkMargin(ch); marginRank[m] > marginRank[margins[fac]] {
			margins[fac] = m
		}
	}
	// The order: factors of the principal reasons first, then the other failed ones by margin,
	// then those that met the requirements.
	order := make([]engine.Factor, 0, NumFactors)
	for _, r := range principal {
		if fac := factorOf(r); !slices.Contains(order, fac) {
			order = append(order, fac)
		}
	}
	rest := make([]engine.Factor, 0, NumFactors)
	for i := range NumFactors {
		if fac := engine.Factor(i); weighed[fac] && !slices.Contains(order, fac) {
			rest = append(rest, fac)
		}
	}
	slices.SortStableFunc(rest, func(a, b engine.Factor) int {
		return marginRank[marginOr(margins[b])] - marginRank[marginOr(margins[a])]
	})
	order = append(order, rest...)
	for _, fac := range order {
		m := marginOr(margins[fac])
		f.factor = fr.FactorNames[fac]
		e.Factors = append(e.Factors, ExplainedFactor{Factor: fac, Name: f.factor, Met: m == MarginMet, Margin: m,
			Text: f.fill(fr.Part(marginPart(m)), loc)})
	}
	f.factor = ""
	if res.Outcome != engine.Declined {
		return e, nil
	}
	reasons := slices.Clone(principal)
	for i := range res.Checks {
		if ch := &res.Checks[i]; ch.Enabled && !ch.Passed && !slices.Contains(reasons, ch.Reason) {
			reasons = append(reasons, ch.Reason)
		}
	}
	for _, r := range reasons {
		t, l, ok := c.Lookup(r, in.Locale, in.MarketLocale, Shopper)
		if !ok {
			return Explanation{}, unknownReason(r)
		}
		for _, s := range t.Steps {
			if s = f.fill(s, l); !slices.Contains(e.Changes, s) {
				e.Changes = append(e.Changes, s)
			}
		}
	}
	return e, nil
}

// checkMargin is the margin of one enabled rule.
func checkMargin(ch *engine.Check) Margin {
	switch {
	case ch.Passed:
		return MarginMet
	case engine.Measures[ch.Measure].Unit == engine.UnitFlag:
		return MarginNotMet
	case ch.Shortfall <= narrowShortfall:
		return MarginNarrowly
	case ch.Shortfall <= shortShortfall:
		return MarginShort
	}
	return MarginWellShort
}

// marginOr is m, or MET for a factor no failed rule set.
func marginOr(m Margin) Margin {
	if m == "" {
		return MarginMet
	}
	return m
}

// marginPart is the frame part of margin m's sentence.
func marginPart(m Margin) FramePart {
	switch m {
	case MarginNarrowly:
		return PartExplainNarrowly
	case MarginShort:
		return PartExplainShort
	case MarginWellShort:
		return PartExplainWellShort
	case MarginNotMet:
		return PartExplainNotMet
	}
	return PartExplainMet
}
