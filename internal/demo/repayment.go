package demo

import (
	"math"
	"time"

	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
	"riskconsole/internal/outcomes"
)

// The latent default model of the demo: the log-odds that an approved purchase goes 60 or more
// days late (and so is bad under the default definition) are
//
//	logit = −2.2 − 1.7·(score−650)/100 + 2.0·dti + 0.5·delinquencies − 0.25·min(affordability, 4)
//	        − 0.08·min(historyMonths, 120)/12 + 0.15·recentPlans
//
// with the assessment's measured values (bureau_score, debt_to_income, delinquencies_24m,
// affordability_ratio, credit_history_months, recent_plans_30d). The README's "Demo outcomes"
// states the same figures.
const (
	coefIntercept     = -2.2
	coefScore         = -1.7 // per 100 points above 650
	coefDTI           = 2.0
	coefDelinquencies = 0.5
	coefAfford        = -0.25 // affordability capped at 4
	coefHistory       = -0.08 // per year of history, capped at 10 years
	coefRecentPlans   = 0.15
)

// DefaultProbability is the latent probability that a purchase assessed with values v goes 60 or
// more days late within six months, had it been approved.
func DefaultProbability(v *engine.Values) float64 {
	x := coefIntercept +
		coefScore*(v[engine.BureauScore]-650)/100 +
		coefDTI*v[engine.DebtToIncome] +
		coefDelinquencies*v[engine.Delinquencies24m] +
		coefAfford*math.Min(v[engine.AffordabilityRatio], 4) +
		coefHistory*math.Min(v[engine.CreditHistoryMonths], 120)/12 +
		coefRecentPlans*v[engine.RecentPlans30d]
	return 1 / (1 + math.Exp(-x))
}

// MaxRepaymentEvents is the most events Repayment gives one decision: six for a charge-off with a
// recovery, at most five otherwise.
const MaxRepaymentEvents = 6

// eventIDs are the demo's event ids, by position in a decision's history: (decision, event id) is
// the key, so they need only be unique within a decision.
var eventIDs = [MaxRepaymentEvents]string{"demo-1", "demo-2", "demo-3", "demo-4", "demo-5", "demo-6"}

// splitmix is a SplitMix64 stream: a few uniform draws per decision without allocating.
type splitmix uint64

func (s *splitmix) next() uint64 {
	*s += 0x9e3779b97f4a7c15
	return mix64(uint64(*s))
}

// float returns a uniform draw in [0, 1).
func (s *splitmix) float() float64 { return float64(s.next()>>11) / (1 << 53) }

// between returns a uniform draw in [lo, hi).
func (s *splitmix) between(lo, hi float64) float64 { return lo + (hi-lo)*s.float() }

const day = 24 * time.Hour

// days returns d days (fractional) as a duration.
func days(d float64) time.Duration { return time.Duration(d * float64(day)) }

// plan is a purchase's repayment schedule: the instalments after checkout, due every period;
// paidAtCheckout is the share of the amount paid at checkout (pay-in-4 takes the first quarter).
type plan struct {
	instalments    int
	period         time.Duration
	paidAtCheckout float64
}

// planFor returns the schedule of a purchase of usd US dollars (see affordability): pay-in-4 up to
// $800 (a quarter at checkout, then three fortnightly), six monthly instalments up to $3,000,
// twelve above.
func planFor(usd float64) plan {
	switch {
	case usd <= 800:
		return plan{instalments: 3, period: 14 * day, paidAtCheckout: 0.25}
	case usd <= 3000:
		return plan{instalments: 6, period: 30 * day}
	}
	return plan{instalments: 12, period: 30 * day}
}

// outstandingAfter returns the balance left of amount once k of the plan's instalments are paid.
func (p plan) outstandingAfter(amount int64, k int) int64 {
	left := (1 - p.paidAtCheckout) * float64(p.instalments-k) / float64(p.instalments)
	return int64(math.Round(float64(amount) * left))
}

// Repayment appends to dst the repayment events of decision d (index is its position in the
// demo's generation order), as the servicing system would have reported them up to now, and
// returns the extended slice. A declined decision has none. The history is drawn from the latent
// default probability (DefaultProbability) with a stream of its own derived from seed and index,
// so the same seed gives the same events whatever else changes: a defaulter misses an instalment
// and goes LATE_1_29, LATE_30_59 and LATE_60_89 a month apart, then is charged off (some of it is
// recovered later) or pays it all late; the others mostly stay CURRENT until PAID, some after a
// short spell of arrears. Every history passes outcomes.Check in order; amounts never exceed the
// purchase amount; every history starts CURRENT a few hours after the decision.
func Repayment(dst []outcomes.Event, seed int64, index uint64, d *decisions.Decision, now time.Time) []outcomes.Event {
	if d.Outcome != engine.Approved || d.AmountMinor <= 0 {
		return dst
	}
	rng := splitmix(mix64(uint64(seed)^0x726570617921) ^ mix64(index+0x6f7574636f6d65))
	amount := d.AmountMinor
	scale := 1.0
	if mk, ok := market.Lookup(d.Market); ok {
		scale = mk.MoneyScale
	}
	pl := planFor(float64(amount) / 100 / scale)
	at := d.CreatedAt.UTC()
	term := time.Duration(pl.instalments) * pl.period
	due := func(k int) time.Time { return at.Add(time.Duration(k) * pl.period) }

	start := len(dst)
	add := func(t time.Time, s outcomes.Status, outstanding, writtenOff int64) bool {
		t = t.Truncate(time.Second)
		if t.After(now) {
			return false
		}
		n := len(dst) - start
		dst = append(dst, outcomes.Event{DecisionID: d.ID, EventID: eventIDs[n], ObservedAt: t, Status: s,
			OutstandingMinor: outstanding, WrittenOffMinor: writtenOff, Currency: d.Currency})
		return true
	}
	opened := at.Add(days(rng.between(0.02, 0.5)))
	p := DefaultProbability(&d.Values)

	if rng.float() < p {
		// A defaulter: misses instalment k (mostly the first ones), then rolls a bucket a month.
		k := 1 + int(math.Min(2, math.Floor(rng.float()*rng.float()*3)))
		k = min(k, pl.instalments)
		owed := pl.outstandingAfter(amount, k-1)
		missed := due(k).Add(days(rng.between(1, 4)))
		recovery := rng.float() < 0.3
		if !add(opened, outcomes.Current, pl.outstandingAfter(amount, 0), 0) {
			return dst
		}
		if !add(missed, outcomes.Late1to29, owed, 0) ||
			!add(missed.Add(days(rng.between(29, 32))), outcomes.Late30to59, owed, 0) {
			return dst
		}
		sixty := missed.Add(days(rng.between(59, 62)))
		if !add(sixty, outcomes.Late60to89, owed, 0) {
			return dst
		}
		if !recovery && rng.float() < 0.3 {
			// Pays everything late, after collections called.
			add(sixty.Add(days(rng.between(5, 25))), outcomes.Paid, 0, 0)
			return dst
		}
		chargedOff := sixty.Add(days(rng.between(30, 60)))
		if !add(chargedOff, outcomes.ChargedOff, owed, owed) || !recovery {
			return dst
		}
		left := int64(math.Round(float64(owed) * rng.between(0.4, 0.8)))
		add(chargedOff.Add(days(rng.between(30, 150))), outcomes.Recovered, left, left)
		return dst
	}

	if !add(opened, outcomes.Current, pl.outstandingAfter(amount, 0), 0) {
		return dst
	}
	// A spell of arrears that is cured, likelier for riskier shoppers: a few days late, sometimes
	// a month.
	if rng.float() < math.Min(0.5, 0.04+3*p) {
		k := 1 + int(rng.float()*float64(pl.instalments))
		owed := pl.outstandingAfter(amount, k-1)
		late := due(k).Add(days(rng.between(1, 5)))
		if !add(late, outcomes.Late1to29, owed, 0) {
			return dst
		}
		cured := late.Add(days(rng.between(3, 20)))
		if rng.float() < math.Min(0.4, 0.1+4*p) {
			late = late.Add(days(rng.between(29, 32)))
			if !add(late, outcomes.Late30to59, owed, 0) {
				return dst
			}
			cured = late.Add(days(rng.between(3, 25)))
		}
		if k == pl.instalments || !cured.Before(at.Add(term)) {
			add(cured, outcomes.Paid, 0, 0)
			return dst
		}
		if !add(cured, outcomes.Current, pl.outstandingAfter(amount, k), 0) {
			return dst
		}
	}
	paid := at.Add(term).Add(days(rng.between(0, 2)))
	if rng.float() < 0.12 {
		// Settles early.
		paid = at.Add(time.Duration(rng.between(0.3, 0.9) * float64(term)))
	}
	if last := dst[len(dst)-1].ObservedAt; !paid.After(last) {
		paid = last.Add(days(rng.between(1, 5)))
	}
	add(paid, outcomes.Paid, 0, 0)
	return dst
}
