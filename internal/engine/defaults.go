package engine

import (
	"math"

	"riskconsole/internal/market"
)

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

// PassingValues returns measured values that pass every market's default rule with room to
// spare (MeasureInfo.Passing): the sample values of tests and examples, derived from the
// declarations so that a new measured value needs none written by hand.
func PassingValues() Values {
	var v Values
	for i := range Measures {
		v[i] = Measures[i].Passing()
	}
	return v
}

// Passing returns a value of the measure that passes every market's default rule with room to
// spare: ten scales past the cut-off on the passing side, within the measure's bounds, whole
// unless the unit is a ratio (then to 2 decimals).
func (info *MeasureInfo) Passing() float64 {
	x := info.Cutoff + 10*info.Scale
	if info.Comparator == LTE {
		x = info.Cutoff - 10*info.Scale
	}
	if info.Unit == UnitMoney {
		// One value for every market: scaled for the market whose cut-off is hardest to pass,
		// the largest scale for a minimum, the smallest for a maximum.
		s := market.All[0].MoneyScale
		for _, m := range market.All {
			if (info.Comparator == LTE) == (m.MoneyScale < s) {
				s = m.MoneyScale
			}
		}
		x *= s
	}
	x = math.Min(info.Max, math.Max(info.Min, x))
	if info.Unit == UnitRatio {
		return math.Round(x*100) / 100
	}
	return math.Round(x)
}
