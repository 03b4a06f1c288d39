// Package decisions assesses purchases and keeps the decisions: it validates a purchase, runs
// the engine against the market's active threshold set, renders the shopper's pop-up, and stores
// one immutable decision per idempotency key. It also lists and looks decisions up.
package decisions

import (
	"errors"
	"time"

	"riskconsole/internal/engine"
	"riskconsole/internal/thresholds"
)

// Purchase is what checkout sends for one assessment.
type Purchase struct {
	Market           string
	Currency         string
	AmountMinor      int64 // in the currency's minor unit (all supported currencies have 2 decimals)
	MerchantID       string
	MerchantName     string
	MerchantCategory string
	ShopperID        string // pseudonymous
	Locale           string
	Channel          string
	Values           engine.Values
	// Bureau is the credit bureau's answer, for the notices; nil when checkout sent none.
	Bureau *BureauReport
}

// BureauReport is what the credit bureau answered, as checkout passes it with a purchase, for
// the score disclosure and the FCRA notice. The engine decides on Values (its measured
// bureau_score, on the engine's 300–850 scale); the notices show the bureau's own score on the
// bureau's own scale, as given here, never a rescaled one.
type BureauReport struct {
	Bureau             string  // the id of one of catalog.Bureaus, e.g. "SCHUFA"
	Score              float64 // on the bureau's scale
	ScoreMin, ScoreMax float64
	ScoreDate          time.Time // the date the bureau gave, at midnight UTC
	// KeyFactors are the bureau's key factors that lowered the score: at most 4, or 5 when one
	// is about inquiries.
	KeyFactors []string
}

// Message is the pop-up text shown to the shopper on a decline, exactly as shown.
type Message struct {
	Locale string
	Title  string
	Body   string
	// Steps are the numbered things the shopper can do; Closing is the sentence after them.
	Steps   []string
	Closing string
}

// Decision is one immutable assessment.
type Decision struct {
	ID        string // UUIDv7, time-ordered
	Reference string // 9 characters of Crockford base32, shown as XXX-XXX-XXX
	CreatedAt time.Time
	Purchase
	Outcome            engine.Outcome
	Reasons            []engine.Reason // ranked principal reasons; empty on approval
	ThresholdVersionID int64
	CatalogVersionID   int64
	Message            Message // zero on approval
	// Kind is KindAutomated for the engine's decisions; a KindManualReview decision is the
	// approval a reviewer wrote when overturning the decision Overturns (its id), with the
	// reviewer's subject and reason.
	Kind         Kind
	Overturns    string
	Reviewer     string
	ReviewReason string
	// OverturnedBy is the id of the MANUAL_REVIEW decision that overturned this one; only an
	// export fills it (OverturnLinks), the API reads the link through the review cases.
	OverturnedBy string
	// Arm is the arm of the market's challenger split that decided (ThresholdVersionID is its
	// version); ArmNone when no split ran.
	Arm thresholds.Arm
	// Shadows are the results of the versions that ran in shadow, in run order.
	Shadows []ShadowResult
}

// Kind says who made a decision.
type Kind string

// Kinds of decision.
const (
	KindAutomated    Kind = "AUTOMATED"
	KindManualReview Kind = "MANUAL_REVIEW"
)

// Record is a decision as written, with the idempotency key that produced it and the hash of the
// request payload, so that a retry can be told apart from a different request under the same key.
type Record struct {
	Decision
	IdempotencyKey string
	RequestHash    string
}

// Filter narrows a list of decisions. Zero fields do not filter.
type Filter struct {
	From, To           time.Time // From inclusive, To exclusive
	Market             string
	Outcome            engine.Outcome
	Reason             engine.Reason
	MerchantID         string
	MerchantCategory   string
	MinAmountMinor     *int64
	MaxAmountMinor     *int64
	ThresholdVersionID int64
	// Arm keeps the decisions one arm of a challenger split decided; ArmNone does not filter.
	Arm thresholds.Arm
}

// Order is the sort order of a list of decisions.
type Order uint8

// Orders. Both break ties by id, so paging is stable.
const (
	NewestFirst Order = iota
	OldestFirst
)

// Cursor marks a position in a list of decisions.
type Cursor struct {
	CreatedAt time.Time
	ID        string
}

// PageRequest asks for up to First decisions after the cursor.
type PageRequest struct {
	First int
	After *Cursor
	Order Order
	// Omit names the parts of each decision the caller does not need, which the page may then
	// leave zero: the explorer's page shows a dozen fields of a decision whose stored row has
	// about fifty, among them the pop-up's text and the bureau's report. Zero reads every part
	// (exports, look-ups).
	Omit Part
}

// Part is a set of parts of a Decision that a read may leave out (PageRequest.Omit). The rest
// is always read: the id, reference and time, the market, currency, amount and merchant, the
// outcome and reasons, and the threshold version.
type Part uint8

// The parts a page may omit.
const (
	// PartShopper is ShopperID, Locale and Channel.
	PartShopper Part = 1 << iota
	// PartValues is the measured values (Values), which a factor breakdown is computed from.
	PartValues
	// PartMessage is the pop-up (Message) and the catalog version it was rendered from.
	PartMessage
	// PartBureau is the bureau's report (Bureau).
	PartBureau
	// PartExperiment is the split's arm (Arm) and the shadows' results (Shadows).
	PartExperiment
	// PartReview is Kind, Overturns, Reviewer and ReviewReason.
	PartReview

	// AllParts is every part a page may omit.
	AllParts = PartReview<<1 - 1
)

// Page is one page of decisions.
type Page struct {
	Items   []Decision
	HasNext bool
}

// ErrReferenceTaken is returned by a Repository when the drawn reference is already in use.
var ErrReferenceTaken = errors.New("decision reference already taken")
