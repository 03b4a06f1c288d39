package outcomes

import (
	"context"
	"fmt"
	"time"

	"riskconsole/internal/apperr"
)

// BadDefinition says which approved decisions count as bad in a market: those that reached Level
// within WindowMonths of the decision (the performance window). A decision younger than its window
// is immature: it is neither good nor bad, and rates leave it out, so that a purchase that has not
// had the time to go wrong never counts as good.
type BadDefinition struct {
	Level        Level
	WindowMonths int
}

// DefaultBad is the definition every market starts with: ever 60 or more days late (or charged
// off) within 6 months.
var DefaultBad = BadDefinition{Level: Level60, WindowMonths: 6}

// MaxWindowMonths bounds a performance window.
const MaxWindowMonths = 24

// Validate names what is wrong with d under prefix.
func (d BadDefinition) Validate(ve *apperr.ValidationError, prefix string) {
	if d.Level >= NumLevels {
		ve.Add(prefix+".level", "must be LATE_30_59, LATE_60_89, LATE_90_PLUS or CHARGED_OFF")
	}
	if d.WindowMonths < 1 || d.WindowMonths > MaxWindowMonths {
		ve.Add(prefix+".windowMonths", "must be between 1 and %d", MaxWindowMonths)
	}
}

// String reads the definition, e.g. "ever LATE_60_89 or worse within 6 months".
func (d BadDefinition) String() string {
	return fmt.Sprintf("ever %s or worse within %d months", d.Level.Status(), d.WindowMonths)
}

// Class is what a bad definition makes of one approved decision.
type Class uint8

// The classes.
const (
	Immature Class = iota
	Good
	Bad
)

// Mature reports whether a decision made at decidedAt has lived through its window at now.
func (d BadDefinition) Mature(decidedAt, now time.Time) bool {
	return !decidedAt.AddDate(0, d.WindowMonths, 0).After(now)
}

// Classify classifies a decision made at decidedAt with outcome summary s at now.
func (d BadDefinition) Classify(decidedAt time.Time, s *Summary, now time.Time) Class {
	switch {
	case !d.Mature(decidedAt, now):
		return Immature
	case d.BadIn(s):
		return Bad
	}
	return Good
}

// BadIn reports whether summary s reached the level within the window, whatever the decision's age.
func (d BadDefinition) BadIn(s *Summary) bool {
	return int(s.FirstMonth[d.Level]) < d.WindowMonths
}

// Version is an immutable, approved version of a market's bad definition. The market's newest
// version is in force.
type Version struct {
	ID         int64
	Market     string
	Version    int
	Definition BadDefinition
	Author     string
	Approver   string
	Rationale  string
	CreatedAt  time.Time
}

// Definitions answers which bad definition is in force in a market: its newest version. Every
// market has one (migration 00007 seeds version 1, DefaultBad).
type Definitions interface {
	Active(ctx context.Context, market string) (Version, error)
}
