package auditlog

import "time"

// Reasons a decision's seal check fails.
const (
	// ReasonSealMismatch: the decision's stored content is not what its seal covers: it was
	// changed after it was stored.
	ReasonSealMismatch = "seal mismatch: content changed"
	// ReasonSealOtherKey: the decision is sealed with a key the console does not hold.
	ReasonSealOtherKey = "sealed with another key"
	// ReasonSealRemoved: the decision has no seal but was stored after sealing began (after the
	// first sealed decision): its seal was removed.
	ReasonSealRemoved = "no seal, stored after sealing began: the seal was removed"
)

// SealVerification is the result of checking the decisions' seals.
type SealVerification struct {
	OK bool
	// Checked is the number of decisions checked: all of them when OK, else up to and including
	// the first broken one (in order of time, then id).
	Checked int64
	// Unsealed is the number of decisions checked that carry no seal: stored before the console
	// had a key. A count that grows between two checks means seals were removed.
	Unsealed int64
	// FirstBroken is the first decision whose seal does not match, nil when OK.
	FirstBroken *BrokenDecision
	// Reason says what did not match; empty when OK.
	Reason string
	// MonthsClosed and MonthsPurged are the months held to their closing and to their purge (see
	// months.go); BrokenMonth is the first that did not hold, "" when none.
	MonthsClosed, MonthsPurged int
	BrokenMonth                string
}

// BrokenDecision names a decision that failed its check.
type BrokenDecision struct {
	ID        string
	Reference string
	CreatedAt time.Time
}
