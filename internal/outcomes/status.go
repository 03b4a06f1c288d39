// Package outcomes follows every approved purchase to what it cost: the repayment events the
// servicing system reports, the state of a decision derived from them, and the per-market "bad"
// definition that turns a history of states into good, bad or immature.
//
// This file and state.go, bad.go are pure: no clock, no database. The what-if engine, the
// ingestion, the import and the demo data all validate and derive through them, so one set of
// rules decides what a valid history is.
package outcomes

import "fmt"

// Status is a decision's repayment status as of an event.
type Status uint8

// The statuses, in order of severity up to CHARGED_OFF. RECOVERED follows a charge-off: money came
// back after the write-off.
const (
	Current Status = iota + 1
	Paid
	Late1to29
	Late30to59
	Late60to89
	Late90Plus
	ChargedOff
	Recovered
)

// NumStatuses is the number of statuses.
const NumStatuses = 8

var statusNames = [...]string{"", "CURRENT", "PAID", "LATE_1_29", "LATE_30_59", "LATE_60_89", "LATE_90_PLUS", "CHARGED_OFF", "RECOVERED"}

// String returns the API name, e.g. "LATE_30_59".
func (s Status) String() string {
	if s >= Current && s <= Recovered {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// ParseStatus returns the status named name (its API name), false when there is none.
func ParseStatus(name string) (Status, bool) {
	for i := Current; i <= Recovered; i++ {
		if statusNames[i] == name {
			return i, true
		}
	}
	return 0, false
}

// Statuses lists every status in order.
func Statuses() []Status {
	out := make([]Status, 0, NumStatuses)
	for s := Current; s <= Recovered; s++ {
		out = append(out, s)
	}
	return out
}

// Level is how far a decision has gone into delinquency: the levels a bad definition can name,
// and the ones the what-if history and the vintage rollups record the first month of.
type Level uint8

// The levels: ever 30+ days late, 60+, 90+, and charged off.
const (
	Level30 Level = iota
	Level60
	Level90
	LevelChargedOff
)

// NumLevels is the number of levels.
const NumLevels = 4

// levelStatus is the least severe status that reaches each level.
var levelStatus = [NumLevels]Status{Late30to59, Late60to89, Late90Plus, ChargedOff}

// Status returns the least severe status at the level, which names the level in the API
// (LATE_60_89 is "ever 60 or more days late").
func (l Level) Status() Status { return levelStatus[l] }

// LevelOf returns the level a status names, false for a status below LATE_30_59 or RECOVERED.
func LevelOf(s Status) (Level, bool) {
	for l, ls := range levelStatus {
		if ls == s {
			return Level(l), true
		}
	}
	return 0, false
}

// reaches reports whether a decision in status s has reached level l. RECOVERED comes only after a
// charge-off, so it is at every level.
func (s Status) reaches(l Level) bool {
	switch s {
	case ChargedOff, Recovered:
		return true
	case Late30to59, Late60to89, Late90Plus:
		return s >= levelStatus[l]
	}
	return false
}

// lateness orders the statuses a purchase can move between while it is being repaid: CURRENT 0,
// LATE_1_29 1, ... LATE_90_PLUS 4. Other statuses have none.
func (s Status) lateness() (int, bool) {
	switch s {
	case Current:
		return 0, true
	case Late1to29, Late30to59, Late60to89, Late90Plus:
		return int(s-Late1to29) + 1, true
	}
	return 0, false
}

// CanFollow reports whether status next may follow status prev (0: no event yet), and if not, why.
// The rules:
//   - a history starts CURRENT, LATE_1_29 or PAID;
//   - while repaying, lateness rises by at most one bucket per event (a purchase is 30 days late
//     before it is 60) and may fall to any lower bucket or CURRENT (a cure);
//   - PAID may follow any repaying status and ends the history;
//   - CHARGED_OFF follows LATE_60_89 or LATE_90_PLUS;
//   - RECOVERED follows CHARGED_OFF or RECOVERED, and nothing else follows either.
func CanFollow(prev, next Status) (bool, string) {
	if next < Current || next > Recovered {
		return false, "unknown status"
	}
	if prev == 0 {
		switch next {
		case Current, Late1to29, Paid:
			return true, ""
		}
		return false, fmt.Sprintf("a repayment history starts CURRENT, LATE_1_29 or PAID, not %s", next)
	}
	switch prev {
	case Paid:
		return false, fmt.Sprintf("nothing follows PAID (got %s)", next)
	case ChargedOff, Recovered:
		if next == Recovered {
			return true, ""
		}
		return false, fmt.Sprintf("only RECOVERED follows %s (got %s)", prev, next)
	}
	pl, _ := prev.lateness()
	switch next {
	case Paid:
		return true, ""
	case ChargedOff:
		if prev == Late60to89 || prev == Late90Plus {
			return true, ""
		}
		return false, fmt.Sprintf("CHARGED_OFF follows LATE_60_89 or LATE_90_PLUS, not %s", prev)
	case Recovered:
		return false, fmt.Sprintf("RECOVERED follows CHARGED_OFF, not %s", prev)
	}
	nl, _ := next.lateness()
	if nl > pl+1 {
		return false, fmt.Sprintf("%s cannot follow %s: lateness rises one bucket at a time", next, prev)
	}
	return true, ""
}
