// Package experiments compares a shadow run with the live decisions of its time (issue 17): the
// decline rates of both sides per time bucket, the 2×2 agreement table with the repayment
// outcomes of the cells whose purchases were approved, the principal reasons each side named and
// the newest decisions of each cell; and the decline rates of a challenger split's arms.
//
// The counts come from the rollup_shadow_hour rollup, which the analytics aggregator keeps in the
// same pass as the decline-rate ones (per shadow version, UTC hour, arm and the principal reasons
// of both sides), so a comparison reads one row per hour and reason pair however many decisions
// the run saw. The bad rates and the samples read the decisions themselves, bounded: the samples
// by their number, the bad rates by the heavy-operation limiter.
package experiments

import (
	"context"
	"time"

	"riskconsole/internal/analytics"
	"riskconsole/internal/decisions"
	"riskconsole/internal/outcomes"
	"riskconsole/internal/thresholds"
)

// Agreement is a cell of the agreement table: how the live decision and the shadow's compare.
type Agreement uint8

// The cells, in the order the table lists them.
const (
	BothApprove    Agreement = iota + 1
	BothDecline              // both declined, whatever their reasons
	ShadowDeclines           // live approved, the shadow would have declined
	ShadowApproves           // live declined, the shadow would have approved
)

// Agreements lists the cells in order.
var Agreements = []Agreement{BothApprove, BothDecline, ShadowDeclines, ShadowApproves}

// agreementOf returns the cell of a decision the live side and the shadow declined or not.
func agreementOf(liveDeclined, shadowDeclined bool) Agreement {
	switch {
	case !liveDeclined && !shadowDeclined:
		return BothApprove
	case liveDeclined && shadowDeclined:
		return BothDecline
	case shadowDeclined:
		return ShadowDeclines
	}
	return ShadowApproves
}

// LiveApproved reports whether the cell's purchases were approved at checkout: only they are
// loans with repayment outcomes.
func (a Agreement) LiveApproved() bool { return a == BothApprove || a == ShadowDeclines }

// ShadowApproved reports whether the shadow would have approved the cell's purchases.
func (a Agreement) ShadowApproved() bool { return a == BothApprove || a == ShadowApproves }

// String returns the API name of the cell.
func (a Agreement) String() string {
	switch a {
	case BothApprove:
		return "BOTH_APPROVE"
	case BothDecline:
		return "BOTH_DECLINE"
	case ShadowDeclines:
		return "SHADOW_DECLINES"
	case ShadowApproves:
		return "SHADOW_APPROVES"
	}
	return "UNKNOWN"
}

// ShadowRow is one row of rollup_shadow_hour: the decisions of one UTC hour and arm that a shadow
// version evaluated, by the principal reason the live decision and the shadow named ("" for an
// approval).
type ShadowRow struct {
	Hour         int64 // Unix seconds of the hour's start
	Arm          thresholds.Arm
	LiveReason   string
	ShadowReason string
	Assessed     int64
}

// RunQuery names the decisions of a shadow run: those of Market in [From, To) that VersionID
// evaluated in shadow, of one arm when Arm is set (ArmNone: every decision).
type RunQuery struct {
	Market    string
	VersionID int64
	From, To  time.Time
	Arm       thresholds.Arm
}

// Store reads what a comparison needs.
type Store interface {
	// ShadowRollup calls each for every row of rollup_shadow_hour of q's version in the UTC hours
	// [from, to) (Unix seconds, whole hours), of q's arm when set.
	ShadowRollup(ctx context.Context, q RunQuery, from, to int64, each func(ShadowRow) error) error
	RollupState(ctx context.Context) (analytics.State, error)
	// ShadowCellDecisions returns the newest automated decisions of q in the cell, at most limit,
	// newest first.
	ShadowCellDecisions(ctx context.Context, q RunQuery, cell Agreement, limit int) ([]decisions.Decision, error)
	// ShadowApprovalOutcomes calls fn for every automated approval of q made before decidedBefore,
	// with whether the shadow approved it too and its outcome events in time order (the slice is
	// reused: fn must copy what it keeps).
	ShadowApprovalOutcomes(ctx context.Context, q RunQuery, decidedBefore time.Time,
		fn func(decidedAt time.Time, shadowApproved bool, events []outcomes.Event) error) error
	// PublishedImpact returns the what-if impact stored with the draft that published the
	// version; ok is false for a version no draft published (a seeded default).
	PublishedImpact(ctx context.Context, versionID int64) (impact thresholds.Impact, ok bool, err error)
}
