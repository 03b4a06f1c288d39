package retention

import (
	"cmp"
	"slices"
	"time"

	"riskconsole/internal/market"
)

// The plan: what may leave when. It is the one place that dates retention: the purge job, the
// erasure job and the API all ask it, and none computes a date of its own. It is pure: the
// policies, the holds, the months each hold touches and the time are its inputs (Situation),
// gathered by the Service from the store.
//
// The rules:
//   - Decisions leave by whole months of created_at, UTC. A month's retention duty ends DueAt =
//     the end of the month plus the policy's KeepMonths (Policy.DueAt): January 2024 under 25
//     months is due on 1 March 2026, 00:00 UTC, when its last decision is 25 months old.
//   - The policy in force in the market now dates every month, whenever it was made: a longer
//     policy keeps months longer, a shorter one (never below the floor) lets them leave sooner.
//   - A hold in force keeps every month it touches, due or not: a hold on a market or time range
//     touches the months it overlaps; a hold on a shopper or merchant the months that contain a
//     decision it selects (Situation.Touched), since months leave whole.
//   - A shopper's erasure may be carried out once none of their decisions is under a duty or a
//     hold: now, or when the last duty over their months ends, or, while a hold selects one of
//     their decisions (or names them), not until it is lifted.

// MonthState says where a month of a market's decisions stands.
type MonthState string

// Month states.
const (
	// Kept: the retention duty runs; the month may not leave before its DueAt.
	Kept MonthState = "KEPT"
	// Due: the duty has ended and no hold keeps the month: it may leave now.
	Due MonthState = "DUE"
	// Held: a hold keeps the month, whether its duty has ended or not.
	Held MonthState = "HELD"
)

// Situation is everything the plan depends on.
type Situation struct {
	now      time.Time
	policies map[string]Policy
	holds    []Hold
	// touched holds, per hold that needs decisions, the months it touches.
	touched map[int64]map[monthIndex]bool
}

// monthIndex is a MonthKey as a map key: time.Time values of one instant may differ in their
// location and so compare unequal.
type monthIndex struct {
	market string
	month  int64
}

func indexOf(k MonthKey) monthIndex { return monthIndex{k.Market, MonthOf(k.Month).Unix()} }

// NewSituation returns the situation at now under policies (the version in force per market; a
// market missing is under its Default), with holds (those not in force are ignored) and touched,
// for each hold whose filter NeedsDecisions, the months that contain a decision it selects.
func NewSituation(now time.Time, policies map[string]Policy, holds []Hold, touched map[int64][]MonthKey) *Situation {
	s := &Situation{now: now.UTC(), policies: policies, touched: map[int64]map[monthIndex]bool{}}
	for _, h := range holds {
		if h.Active() {
			s.holds = append(s.holds, h)
		}
	}
	for id, months := range touched {
		set := map[monthIndex]bool{}
		for _, k := range months {
			set[indexOf(k)] = true
		}
		s.touched[id] = set
	}
	return s
}

// Now returns the instant the situation is judged at.
func (s *Situation) Now() time.Time { return s.now }

// Policy returns the policy in force in mkt.
func (s *Situation) Policy(mkt string) Policy {
	if p, ok := s.policies[mkt]; ok {
		return p
	}
	return Default(mkt)
}

// HeldBy returns the ids of the holds that keep month k, ascending.
func (s *Situation) HeldBy(k MonthKey) []int64 {
	var out []int64
	for i := range s.holds {
		h := &s.holds[i]
		if !h.Touches(k) {
			continue
		}
		if h.NeedsDecisions() && !s.touched[h.ID][indexOf(k)] {
			continue
		}
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// MonthPlan is the plan of one month of a market's decisions.
type MonthPlan struct {
	MonthKey
	// DueAt is when the month's retention duty ends under the policy in force.
	DueAt time.Time
	// After is what happens to the month when it leaves.
	After  Action
	State  MonthState
	HeldBy []int64
}

// Month returns the plan of month k.
func (s *Situation) Month(k MonthKey) MonthPlan {
	k.Month = MonthOf(k.Month)
	p := s.Policy(k.Market)
	mp := MonthPlan{MonthKey: k, DueAt: p.DueAt(k.Month), After: p.After, HeldBy: s.HeldBy(k)}
	switch {
	case len(mp.HeldBy) > 0:
		mp.State = Held
	case s.now.Before(mp.DueAt):
		mp.State = Kept
	default:
		mp.State = Due
	}
	return mp
}

// DutyEnded reports whether mp's retention duty has ended at the situation's time, held or not:
// the retention job then removes the month's decisions that no hold selects.
func (s *Situation) DutyEnded(mp MonthPlan) bool { return !s.now.Before(mp.DueAt) }

// Months returns the plans of market mkt's months (any instant of each), oldest first, each
// month once.
func (s *Situation) Months(mkt string, months []time.Time) []MonthPlan {
	starts := make([]time.Time, len(months))
	for i, m := range months {
		starts[i] = MonthOf(m)
	}
	slices.SortFunc(starts, func(a, b time.Time) int { return a.Compare(b) })
	starts = slices.CompactFunc(starts, time.Time.Equal)
	out := make([]MonthPlan, len(starts))
	for i, m := range starts {
		out[i] = s.Month(MonthKey{Market: mkt, Month: m})
	}
	return out
}

// PartitionPlan is the plan of one month of every market's decisions together, for storage
// that keeps a month of all markets in one piece (a PostgreSQL partition).
type PartitionPlan struct {
	Month time.Time
	// DueAt is the latest of the markets' DueAt: the piece as a whole may not leave before.
	DueAt time.Time
	// State is Due only when every market's month is; Held when any is held; else Kept.
	State  MonthState
	HeldBy []int64
	// Markets are the plans of each market's month, in the order of market.All.
	Markets []MonthPlan
}

// Partition returns the plan of month (any instant of it) across every market; s must hold every
// market's policy and holds (Service.Situation with no market named).
func (s *Situation) Partition(month time.Time) PartitionPlan {
	pp := PartitionPlan{Month: MonthOf(month), State: Due}
	for _, m := range market.All {
		mp := s.Month(MonthKey{Market: m.Code, Month: month})
		pp.Markets = append(pp.Markets, mp)
		if mp.DueAt.After(pp.DueAt) {
			pp.DueAt = mp.DueAt
		}
		pp.HeldBy = append(pp.HeldBy, mp.HeldBy...)
		switch {
		case mp.State == Held:
			pp.State = Held
		case mp.State == Kept && pp.State == Due:
			pp.State = Kept
		}
	}
	slices.Sort(pp.HeldBy)
	pp.HeldBy = slices.Compact(pp.HeldBy)
	return pp
}

// ErasureState says when a shopper's erasure may be carried out.
type ErasureState string

// Erasure states.
const (
	// ErasureNow: none of the shopper's decisions is under a retention duty or a hold.
	ErasureNow ErasureState = "NOW"
	// ErasureScheduled: a retention duty runs over some of them; the erasure may be carried out
	// when the last one ends.
	ErasureScheduled ErasureState = "SCHEDULED"
	// ErasureHeld: a hold selects some of them (or names the shopper); not before it is lifted.
	ErasureHeld ErasureState = "HELD"
)

// ErasureMonth is one month holding decisions of the shopper, with the end of its duty.
type ErasureMonth struct {
	MonthKey
	DueAt time.Time
	// UnderDuty reports whether the month's retention duty still runs.
	UnderDuty bool
}

// ErasurePlan says when one shopper's erasure may be carried out.
type ErasurePlan struct {
	State ErasureState
	// At is when it may be carried out: now, or the end of the last duty; nil while held.
	At *time.Time
	// DutyEndsAt is when the last retention duty over the shopper's decisions ends, nil when none
	// runs now.
	DutyEndsAt *time.Time
	// HeldBy lists the holds that keep some of the shopper's decisions, ascending.
	HeldBy []int64
	// Months are the months that hold the shopper's decisions, oldest first.
	Months []ErasureMonth
}

// Erasure returns the plan of the erasure of a shopper whose decisions lie in months, with
// holding the ids of the holds in force that select at least one of them or name the shopper
// (found by the store: see Filter.Intersect).
func (s *Situation) Erasure(months []MonthKey, holding []int64) ErasurePlan {
	ep := ErasurePlan{HeldBy: slices.Compact(slices.Sorted(slices.Values(holding)))}
	for _, k := range months {
		p := s.Policy(k.Market)
		em := ErasureMonth{MonthKey: MonthKey{Market: k.Market, Month: MonthOf(k.Month)}, DueAt: p.DueAt(k.Month)}
		em.UnderDuty = s.now.Before(em.DueAt)
		if em.UnderDuty && (ep.DutyEndsAt == nil || em.DueAt.After(*ep.DutyEndsAt)) {
			due := em.DueAt
			ep.DutyEndsAt = &due
		}
		ep.Months = append(ep.Months, em)
	}
	slices.SortFunc(ep.Months, func(a, b ErasureMonth) int {
		if c := a.Month.Compare(b.Month); c != 0 {
			return c
		}
		return cmp.Compare(a.Market, b.Market)
	})
	ep.Months = slices.CompactFunc(ep.Months, func(a, b ErasureMonth) bool { return a.MonthKey == b.MonthKey })
	switch {
	case len(ep.HeldBy) > 0:
		ep.State = ErasureHeld
	case ep.DutyEndsAt != nil:
		ep.State, ep.At = ErasureScheduled, ep.DutyEndsAt
	default:
		now := s.now
		ep.State, ep.At = ErasureNow, &now
	}
	return ep
}
