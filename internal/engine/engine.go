// Package engine decides a purchase: it evaluates an assessment's measured values against a
// market's threshold set and ranks the principal reasons of a decline. It is pure and
// deterministic: no clock, no I/O, no allocation on the evaluation path.
package engine

// MaxReasons is the largest number of principal reasons a decline names.
const MaxReasons = 4

// Rule is the threshold set's rule for one measured value.
type Rule struct {
	Measure    Measure
	Comparator Comparator
	Cutoff     float64
	Enabled    bool
	Reason     Reason
	Scale      float64 // > 0; shortfall = |value - cutoff| / Scale
}

// ThresholdSet holds one rule per measured value, indexed by Measure. Build it with
// NewThresholdSet (validated) or DefaultSet.
type ThresholdSet struct {
	Rules [NumMeasures]Rule
}

// Outcome is the result of an assessment.
type Outcome uint8

// Outcomes.
const (
	Approved Outcome = iota + 1
	Declined
)

// String returns "APPROVED" or "DECLINED".
func (o Outcome) String() string {
	switch o {
	case Approved:
		return "APPROVED"
	case Declined:
		return "DECLINED"
	}
	return ""
}

// Check is one row of a decision's factor breakdown.
type Check struct {
	Measure    Measure
	Value      float64
	Comparator Comparator
	Cutoff     float64
	Enabled    bool
	Passed     bool    // true for a disabled rule
	Reason     Reason  // the rule's reason code, whether or not it failed
	Shortfall  float64 // relative shortfall when failed, else 0
}

// Result is the engine's answer for one assessment.
type Result struct {
	Outcome    Outcome
	Checks     [NumMeasures]Check
	Reasons    [MaxReasons]Reason // ranked; the first NumReasons are set
	NumReasons int
}

// PrincipalReasons returns the ranked reasons as a slice of Result's array.
func (r *Result) PrincipalReasons() []Reason { return r.Reasons[:r.NumReasons] }
