// Package retention decides how long decisions are kept and when they may leave (issue 18): the
// retention policy of each market, versioned and changed through the shared approval workflow;
// legal holds that keep what they cover until a second person lifts them; and the plan, a pure
// function of the policies, the holds and the time, that says when each month of a market's
// decisions may be purged or anonymised and when a shopper's erasure may be carried out.
//
// A decision's outcome events and review case leave with it: the plan dates months of decisions
// (their created_at, in UTC), and everything attached to a decision follows its month.
package retention

import (
	"fmt"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/market"
)

// Action is what happens to a month of decisions once its retention ends.
type Action string

// Actions after retention.
const (
	// Delete removes the month's decisions, their outcome events and review cases.
	Delete Action = "DELETE"
	// Anonymise keeps them for statistics without the link to the shopper: the shopper id is
	// removed, amounts are banded, the merchant is kept.
	Anonymise Action = "ANONYMISE"
)

// Valid reports whether a is one of the actions.
func (a Action) Valid() bool { return a == Delete || a == Anonymise }

// Retention periods, in whole months after the end of a decision's month.
const (
	// DefaultKeepMonths is every market's period until an approved policy says otherwise: Reg B's
	// 25 months (12 CFR 1002.12(b)(1)), applied everywhere.
	DefaultKeepMonths = 25
	// MaxKeepMonths is the longest period a policy may set: ten years. Storage limitation (GDPR
	// art. 5(1)(e)) wants a period the lender can justify, and no record kept here needs longer;
	// a longer need for particular records is what legal holds are for.
	MaxKeepMonths = 120
)

// DefaultAction is what happens after the default period: the month leaves. Deleting is the
// conservative reading of storage limitation, and on PostgreSQL it is a partition dropped, not
// rows rewritten; anonymising is a choice a market's policy makes.
const DefaultAction = Delete

// Floor is the shortest retention a market's law (or the lender's own rule, where the law sets
// none) allows, and why.
type Floor struct {
	Months int
	Basis  string
}

// floors are the markets' floors, the one declaration of them. A policy below its market's floor
// is refused at proposal and again at approval. Changing a floor is a change of this code,
// reviewed like any other, never a setting of the console.
var floors = map[string]Floor{
	"US": {25, "Regulation B, 12 CFR 1002.12(b)(1): keep the records of an application for 25 months after notice of the action taken."},
	"GB": {25, "Lender's rule: no statute sets a floor for these records; kept as long as in the US so that complaints and claims about a decision can be answered."},
	"SE": {25, "Lender's rule: no statute sets a floor for these records; kept as long as in the US so that complaints and claims about a decision can be answered."},
	"DE": {25, "Lender's rule: no statute sets a floor for these records; kept as long as in the US so that complaints and claims about a decision can be answered."},
}

// FloorOf returns market's floor; a market without one declared gets the default period as its
// floor, so that a market added later is never kept shorter by omission.
func FloorOf(mkt string) Floor {
	if f, ok := floors[mkt]; ok {
		return f
	}
	return Floor{DefaultKeepMonths, "The default: no floor declared for this market."}
}

// Policy is one version of a market's retention policy: decisions are kept in full for KeepMonths
// whole months after the end of their month, then After happens to them. Versions are immutable;
// the market's newest is in force. Version 0 is the default, in force until a first version is
// approved.
type Policy struct {
	ID         int64 // 0 for the default
	Market     string
	Version    int
	KeepMonths int
	After      Action
	// RequestID is the approved request that published the version; 0 for the default.
	RequestID int64
	Author    string // who proposed it
	Approver  string // who approved it
	Rationale string
	CreatedAt time.Time // when it was approved; zero for the default
}

// Default returns the policy in force in market before any version is approved.
func Default(mkt string) Policy {
	return Policy{Market: mkt, KeepMonths: DefaultKeepMonths, After: DefaultAction,
		Rationale: "The default: 25 months in every market (Regulation B, 12 CFR 1002.12(b)(1)), then deleted."}
}

// IsDefault reports whether p is the default rather than an approved version.
func (p *Policy) IsDefault() bool { return p.Version == 0 }

// DueAt returns when the decisions of the month starting at month (any instant of it) may leave
// under p: the end of the month plus KeepMonths whole months, 00:00 UTC on the first of a month.
func (p *Policy) DueAt(month time.Time) time.Time { return AddMonths(MonthOf(month), 1+p.KeepMonths) }

// CheckPolicy adds to ve the field errors of a proposed policy for mkt: an unknown market, a
// period below the market's floor or above MaxKeepMonths, an unknown action. Fields are named as
// the API names its arguments.
func CheckPolicy(ve *apperr.ValidationError, mkt string, keepMonths int, after Action) {
	if _, ok := market.Lookup(mkt); !ok {
		ve.Add("market", "unknown market %q", mkt)
	} else if f := FloorOf(mkt); keepMonths < f.Months {
		ve.Add("keepMonths", "must be at least %d months in %s (%s)", f.Months, mkt, f.Basis)
	}
	if keepMonths > MaxKeepMonths {
		ve.Add("keepMonths", "must be at most %d months; a longer need for particular records is a legal hold", MaxKeepMonths)
	}
	if !after.Valid() {
		ve.Add("afterRetention", "must be %s or %s", Delete, Anonymise)
	}
}

// MonthOf returns the first instant of t's UTC month.
func MonthOf(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// AddMonths returns the first instant of the month n months after month's (n may be negative).
// Day 1 is never normalised, so no month is skipped or repeated whatever its length.
func AddMonths(month time.Time, n int) time.Time {
	m := MonthOf(month)
	return time.Date(m.Year(), m.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
}

// MonthKey names one month of one market's decisions: Month is the month's first instant, UTC.
type MonthKey struct {
	Market string
	Month  time.Time
}

func (k MonthKey) String() string { return fmt.Sprintf("%s %s", k.Market, k.Month.Format("2006-01")) }
