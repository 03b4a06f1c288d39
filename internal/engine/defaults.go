package engine

import "riskconsole/internal/market"

// DefaultSet returns the default threshold set of DOMAIN.md for m: the US cut-offs, with money
// cut-offs and scales converted by the market's money scale.
func DefaultSet(m market.Market) ThresholdSet {
	var s ThresholdSet
	for i, info := range Measures {
		r := Rule{Measure: info.Measure, Comparator: info.Comparator, Cutoff: info.Cutoff,
			Enabled: info.Enabled, Reason: info.Reason, Scale: info.Scale}
		if info.Unit == UnitMoney {
			r.Cutoff *= m.MoneyScale
			r.Scale *= m.MoneyScale
		}
		s.Rules[i] = r
	}
	return s
}
