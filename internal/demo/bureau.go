package demo

import (
	"math"
	"time"

	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
)

// BureauReport is the demo's credit-bureau answer for a purchase, as checkout sends it: the
// market's bureau, the score on that bureau's own scale, the date of the answer and the key
// factors that lowered the score. It is a pure function of the purchase, so the generator's
// random streams are unchanged.
type BureauReport struct {
	Bureau             string
	Score              float64
	ScoreMin, ScoreMax float64
	ScoreDate          time.Time
	KeyFactors         []string
}

// keyFactorTexts are, per market, the key factors a bureau names, in the order of keyFactorKinds.
var keyFactorTexts = map[string][4]string{
	"US": {"Serious delinquency", "Proportion of balances to credit limits is too high",
		"Length of time accounts have been established", "Too many inquiries in the last 12 months"},
	"GB": {"Missed payments in the last two years", "High balances compared with credit limits",
		"Short credit history", "Several recent credit applications (searches)"},
	"SE": {"Betalningsanmärkning eller sena betalningar", "Hög skuldsättning i förhållande till kreditgränser",
		"Kort kredithistorik", "Många kreditförfrågningar senaste året"},
	"DE": {"Verspätete Zahlungen in den letzten zwei Jahren", "Hohe Auslastung der Kreditrahmen",
		"Kurze Kredithistorie", "Viele Kreditanfragen in den letzten zwölf Monaten"},
}

// Bureau returns the bureau's answer for p assessed at at: its score is the engine's measured
// bureau_score (300–850) mapped onto the bureau's scale, dated the day before at.
func (p *Purchase) Bureau(at time.Time) BureauReport {
	b, _ := catalog.MarketBureau(p.Market)
	m := engine.Measures[engine.BureauScore]
	frac := (p.Values[engine.BureauScore] - m.Min) / (m.Max - m.Min)
	score := math.Round(b.ScoreMin + frac*(b.ScoreMax-b.ScoreMin))
	texts := keyFactorTexts[p.Market]
	var factors []string
	for i, adverse := range [4]bool{
		p.Values[engine.Delinquencies24m] > 0,
		p.Values[engine.DebtToIncome] > 0.35,
		p.Values[engine.CreditHistoryMonths] < 24,
		p.Values[engine.RecentPlans30d] > 2,
	} {
		if adverse {
			factors = append(factors, texts[i])
		}
	}
	day := at.UTC().AddDate(0, 0, -1)
	return BureauReport{Bureau: b.ID, Score: score, ScoreMin: b.ScoreMin, ScoreMax: b.ScoreMax,
		ScoreDate: time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC), KeyFactors: factors}
}
