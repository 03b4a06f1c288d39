package demo

import (
	"cmp"
	"slices"
	"time"

	"riskconsole/internal/engine"
	"riskconsole/internal/market"
)

// ThresholdVersion is one activated threshold set of a market's history: who wrote it, who
// approved it, why, and from when it applied. A version applies until the next version of the
// same market is activated.
type ThresholdVersion struct {
	Market      string
	Version     int // 1, 2, 3, … per market
	ActivatedAt time.Time
	Set         engine.ThresholdSet
	Author      string // the analyst who submitted it, e.g. "analyst.anna"
	Approver    string // a different person with the approver role
	Rationale   string // the submission's rationale, one sentence
}

// cut is one cut-off change of a version, in the market's own currency for money measures.
type cut struct {
	m      engine.Measure
	cutoff float64
}

// versionPlan describes a version after the first: when in the window it was activated (as a
// fraction of the window), what it changed relative to the previous version, and by whom.
type versionPlan struct {
	frac             float64
	cuts             []cut
	author, approver string
	rationale        string
}

// marketPlan is the story of one market's thresholds over the demo window.
type marketPlan struct {
	code string
	// hourUTC is the hour of day, in UTC, at which the market's risk team activates changes:
	// the start of its business day.
	hourUTC int
	// firstBefore is how many days before the window start version 1 was activated.
	firstBefore      int
	author, approver string // of version 1
	later            []versionPlan
}

// historyPlans is the scripted threshold history. The changes are small, plausible moves of one
// to three cut-offs each, so that every activation shows as a step in the decline rate. Over the
// default 480-day window the earlier changes have mature repayment outcomes, and every market's
// latest change lies in the last three months (between 82 and 67 days before the end), clear of
// the DE identity outage 31 days before the end.
var historyPlans = []marketPlan{
	{code: "US", hourUTC: 15, firstBefore: 41, author: "analyst.anna", approver: "lead.lars",
		later: []versionPlan{
			{0.22, []cut{{engine.DebtToIncome, 0.42}, {engine.OutstandingCredit, 2250}},
				"analyst.omar", "lead.sofia",
				"Tighten debt-to-income to 0.42 and outstanding credit to $2,250 after the Q3 loss review showed early delinquencies concentrated among highly leveraged shoppers."},
			{0.55, []cut{{engine.BureauScore, 600}},
				"analyst.anna", "lead.sofia",
				"Raise the minimum bureau score to 600 because first-payment defaults in the 580-599 band ran at twice the portfolio average."},
			{0.83, []cut{{engine.AffordabilityRatio, 1.4}, {engine.EmploymentMonths, 4}},
				"analyst.priya", "lead.lars",
				"Relax affordability to 1.4 and employment length to four months: six weeks of repayments show the tighter policy declined too many good shoppers in new jobs."},
		}},
	{code: "GB", hourUTC: 9, firstBefore: 53, author: "analyst.mei", approver: "lead.sofia",
		later: []versionPlan{
			{0.38, []cut{{engine.AffordabilityRatio, 2}},
				"analyst.mei", "lead.martin",
				"Raise the affordability buffer to 2.0 ahead of the new deferred-payment credit rules, which expect a stronger creditworthiness assessment."},
			{0.84, []cut{{engine.RecentPlans30d, 4}, {engine.OutstandingCredit, 1800}},
				"lead.sofia", "lead.martin",
				"Curb plan stacking by lowering the limit to four plans opened in 30 days and outstanding credit to £1,800, following the arrears review of heavy users."},
		}},
	{code: "SE", hourUTC: 8, firstBefore: 65, author: "analyst.jonas", approver: "lead.lars",
		later: []versionPlan{
			{0.30, []cut{{engine.BureauScore, 560}, {engine.OutstandingCredit, 30000}},
				"analyst.jonas", "lead.sofia",
				"Recalibrate for Sweden: lower the minimum bureau score to 560 and raise the outstanding-credit limit to 30,000 kr, as six months of repayments show both US-derived cut-offs were too strict for Swedish files."},
			{0.86, []cut{{engine.RecentPlans30d, 3}},
				"analyst.priya", "lead.lars",
				"Lower the limit to three pay-later plans opened in 30 days, since collections traced most new arrears to shoppers stacking four or more plans a month."},
		}},
	{code: "DE", hourUTC: 8, firstBefore: 77, author: "analyst.jonas", approver: "lead.martin",
		later: []versionPlan{
			{0.18, []cut{{engine.EmploymentMonths, 3}},
				"analyst.priya", "lead.martin",
				"Accept employment from three months, since the usual six-month probation period made the old rule decline new hires with stable incomes."},
			{0.86, []cut{{engine.DebtToIncome, 0.42}, {engine.OutstandingCredit, 2100}},
				"analyst.anna", "lead.sofia",
				"Tighten debt-to-income to 0.42 and outstanding credit to €2,100 after the quarterly portfolio review showed arrears rising above those levels."},
		}},
}

// History returns the threshold history of every market for the window of days days ending at
// end (days <= 0 means DefaultDays). Each market has at least three versions: version 1, the
// market's DefaultSet, activated before the window starts, and later versions activated inside
// the window, each changing a few cut-offs of the previous one. The result is sorted by market
// code and version.
func History(end time.Time, days int) []ThresholdVersion {
	if days <= 0 {
		days = DefaultDays
	}
	end = end.UTC()
	start := end.Add(-time.Duration(days) * 24 * time.Hour)
	var out []ThresholdVersion
	for _, plan := range historyPlans {
		mk, _ := market.Lookup(plan.code)
		set := engine.DefaultSet(mk)
		first := start.Truncate(24 * time.Hour).
			Add(time.Duration(plan.hourUTC)*time.Hour - time.Duration(plan.firstBefore)*24*time.Hour)
		out = append(out, ThresholdVersion{
			Market: plan.code, Version: 1, ActivatedAt: first, Set: set,
			Author: plan.author, Approver: plan.approver,
			Rationale: "Launch the " + plan.code + " market on the lender-wide default policy, with money cut-offs in " +
				mk.Currency + ".",
		})
		for i, v := range plan.later {
			for _, c := range v.cuts {
				set.Rules[c.m].Cutoff = c.cutoff
			}
			out = append(out, ThresholdVersion{
				Market: plan.code, Version: i + 2,
				ActivatedAt: activation(start, end, v.frac, plan.hourUTC),
				Set:         set, Author: v.author, Approver: v.approver, Rationale: v.rationale,
			})
		}
	}
	slices.SortFunc(out, func(a, b ThresholdVersion) int {
		return cmp.Or(cmp.Compare(a.Market, b.Market), cmp.Compare(a.Version, b.Version))
	})
	return out
}

// activation returns the time at which a change planned at fraction frac of the window
// [start, end) went live: the start of that day's business hours, or, when the window is too
// short for that to fall inside it, the planned instant itself.
func activation(start, end time.Time, frac float64, hourUTC int) time.Time {
	t := start.Add(time.Duration(frac * float64(end.Sub(start))))
	day := t.Truncate(24 * time.Hour).Add(time.Duration(hourUTC) * time.Hour)
	if day.After(start) && day.Before(end) {
		return day
	}
	return t
}

// ActiveAt returns the version of market that was active at t: the one with the highest
// ActivatedAt not after t. It returns nil when no version of market was active yet. h must be
// sorted as History returns it; the result points into h.
func ActiveAt(h []ThresholdVersion, market string, t time.Time) *ThresholdVersion {
	var active *ThresholdVersion
	for i := range h {
		v := &h[i]
		if v.Market != market || v.ActivatedAt.After(t) {
			continue
		}
		if active == nil || !v.ActivatedAt.Before(active.ActivatedAt) {
			active = v
		}
	}
	return active
}
