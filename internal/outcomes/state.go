package outcomes

import (
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"

	"riskconsole/internal/apperr"
)

// Event is one repayment event of an approved decision as the servicing system reports it. Events
// are append-only: a decision's state is derived from its events, never updated in place.
type Event struct {
	DecisionID string
	// EventID is the servicing system's id of the event; (DecisionID, EventID) is unique, so a
	// resent event is recognised and changes nothing.
	EventID    string
	ObservedAt time.Time
	Status     Status
	// OutstandingMinor is the balance still owed after the event, WrittenOffMinor the amount
	// written off as lost so far (net of recoveries), both in minor units of Currency.
	OutstandingMinor int64
	WrittenOffMinor  int64
	Currency         string
}

// Same reports whether e and o say the same thing (a resent event).
func (e *Event) Same(o *Event) bool {
	return e.DecisionID == o.DecisionID && e.EventID == o.EventID && e.ObservedAt.Equal(o.ObservedAt) &&
		e.Status == o.Status && e.OutstandingMinor == o.OutstandingMinor &&
		e.WrittenOffMinor == o.WrittenOffMinor && e.Currency == o.Currency
}

// Purchase is what validation needs to know of the decision an event belongs to.
type Purchase struct {
	At          time.Time
	Approved    bool
	AmountMinor int64
	Currency    string
}

// Last is the latest event of a decision so far (zero: none), which the next event must follow.
type Last struct {
	Status          Status
	ObservedAt      time.Time
	WrittenOffMinor int64
}

// MaxEventIDLength bounds an event id.
const MaxEventIDLength = 100

// FutureSkew is how far past the receiving server's clock an event's time may lie.
const FutureSkew = 5 * time.Minute

// Check validates event e of purchase p (nil: no such decision) after last, as received at now,
// adding every problem to ve under prefix (e.g. "events[3]"). It returns the decision's last event
// once e is added, so that a caller checking several events of one decision in time order chains
// them.
func Check(p *Purchase, last Last, e *Event, now time.Time, ve *apperr.ValidationError, prefix string) Last {
	before := len(ve.Fields)
	field := func(name string) string { return prefix + "." + name }
	switch {
	case e.EventID == "":
		ve.Add(field("eventId"), "is required")
	case len(e.EventID) > MaxEventIDLength:
		ve.Add(field("eventId"), "may be at most %d bytes", MaxEventIDLength)
	case !printable(e.EventID):
		ve.Add(field("eventId"), "must be printable UTF-8 text")
	}
	if p == nil {
		ve.Add(field("decisionId"), "no such decision")
		return last
	}
	if !p.Approved {
		ve.Add(field("decisionId"), "the decision declined the purchase: only approved purchases are repaid")
		return last
	}
	if e.Currency != p.Currency {
		ve.Add(field("currency"), "must be the purchase's currency %s, not %q", p.Currency, e.Currency)
	}
	switch {
	case e.ObservedAt.Before(p.At):
		ve.Add(field("observedAt"), "is before the decision (%s)", p.At.UTC().Format(time.RFC3339))
	case e.ObservedAt.After(now.Add(FutureSkew)):
		ve.Add(field("observedAt"), "is in the future")
	case !last.ObservedAt.IsZero() && !e.ObservedAt.After(last.ObservedAt):
		ve.Add(field("observedAt"), "must be after the decision's previous event (%s)", last.ObservedAt.UTC().Format(time.RFC3339Nano))
	}
	if ok, why := CanFollow(last.Status, e.Status); !ok {
		ve.Add(field("status"), "%s", why)
	}
	checkAmount := func(name string, v int64) {
		switch {
		case v < 0:
			ve.Add(field(name), "must not be negative")
		case v > p.AmountMinor:
			ve.Add(field(name), "is above the purchase amount (%d)", p.AmountMinor)
		}
	}
	checkAmount("outstandingMinor", e.OutstandingMinor)
	checkAmount("writtenOffMinor", e.WrittenOffMinor)
	switch e.Status {
	case Paid:
		if e.OutstandingMinor != 0 {
			ve.Add(field("outstandingMinor"), "must be 0 when PAID")
		}
		if e.WrittenOffMinor != 0 {
			ve.Add(field("writtenOffMinor"), "must be 0 unless CHARGED_OFF or RECOVERED")
		}
	case ChargedOff:
		if e.WrittenOffMinor == 0 {
			ve.Add(field("writtenOffMinor"), "a charge-off writes off more than 0")
		}
	case Recovered:
		if e.WrittenOffMinor > last.WrittenOffMinor {
			ve.Add(field("writtenOffMinor"), "a recovery lowers the amount written off (%d so far)", last.WrittenOffMinor)
		}
	default:
		if e.WrittenOffMinor != 0 {
			ve.Add(field("writtenOffMinor"), "must be 0 unless CHARGED_OFF or RECOVERED")
		}
	}
	if len(ve.Fields) > before {
		return last
	}
	return Last{Status: e.Status, ObservedAt: e.ObservedAt, WrittenOffMinor: e.WrittenOffMinor}
}

// printable reports whether s is valid UTF-8 without control characters.
func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// State is a decision's repayment state at some time, derived from its events up to then.
type State struct {
	// Status is the latest event's status; 0 when there is no event yet.
	Status           Status
	ObservedAt       time.Time
	OutstandingMinor int64
	WrittenOffMinor  int64
	// Reached[l] is when the decision first reached level l, zero when it has not.
	Reached [NumLevels]time.Time
}

// StateAt derives the state at asOf from events in time order (as validated, strictly ascending).
func StateAt(events []Event, asOf time.Time) State {
	var s State
	for i := range events {
		e := &events[i]
		if e.ObservedAt.After(asOf) {
			break
		}
		s.Status, s.ObservedAt = e.Status, e.ObservedAt
		s.OutstandingMinor, s.WrittenOffMinor = e.OutstandingMinor, e.WrittenOffMinor
		for l := range NumLevels {
			if s.Reached[l].IsZero() && e.Status.reaches(Level(l)) {
				s.Reached[l] = e.ObservedAt
			}
		}
	}
	return s
}

// Never is the month a Summary records for a level not reached.
const Never = 255

// Summary is what the what-if history keeps of a decision's outcome: the month since the decision
// in which it first reached each level (Never when it has not), and the amount written off so far,
// net of recoveries.
type Summary struct {
	FirstMonth [NumLevels]uint8
	LossMinor  int64
}

// NoOutcome is the summary of a decision without events.
var NoOutcome = Summary{FirstMonth: [NumLevels]uint8{Never, Never, Never, Never}}

// Summarize returns the summary of a decision made at decidedAt from the state derived from its
// events.
func Summarize(decidedAt time.Time, s *State) Summary {
	out := Summary{LossMinor: s.WrittenOffMinor}
	for l := range NumLevels {
		out.FirstMonth[l] = Never
		if !s.Reached[l].IsZero() {
			out.FirstMonth[l] = uint8(min(MonthsBetween(decidedAt, s.Reached[l]), Never-1))
		}
	}
	return out
}

// MonthsBetween returns the whole calendar months from a to b (b not before a): the largest k with
// a plus k months (time.AddDate) not after b. A decision made on 31 January is one month old on
// 3 March (AddDate normalises 31 February), which is as good a convention as any and the same
// everywhere.
func MonthsBetween(a, b time.Time) int {
	a, b = a.UTC(), b.UTC()
	k := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	for k > 0 && a.AddDate(0, k, 0).After(b) {
		k--
	}
	for !a.AddDate(0, k+1, 0).After(b) {
		k++
	}
	return max(k, 0)
}

// String describes the summary for test failures.
func (s Summary) String() string {
	return fmt.Sprintf("first month 30+ %d, 60+ %d, 90+ %d, CO %d; loss %d", s.FirstMonth[0], s.FirstMonth[1], s.FirstMonth[2], s.FirstMonth[3], s.LossMinor)
}
