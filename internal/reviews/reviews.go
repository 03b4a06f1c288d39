// Package reviews runs human review of automated decisions (issue 15; EU CCD 2023/2225 art. 18,
// (UK) GDPR art. 22): a shopper's request with their statement, a credit officer's (REVIEWER's)
// claim and decision, a second reviewer for an overturn above the market's amount, the new
// MANUAL_REVIEW decision an overturn writes, and the notices the shopper is sent. Every step
// writes its change and one audit event in one transaction.
package reviews

import (
	"context"
	"time"

	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
	"riskconsole/internal/decisions"
)

// Audit vocabulary of review cases: one event per step.
const (
	ActionRequest         = "review.request"
	ActionClaim           = "review.claim"
	ActionDecide          = "review.decide"
	ActionApproveOverturn = "review.approve_overturn"
	ActionRejectOverturn  = "review.reject_overturn"
	EntityCase            = "review_case"
)

// Bounds of the texts of a case, in bytes.
const (
	MaxStatementLen      = 4000
	MaxReasonLen         = 2000
	MaxCommentLen        = 2000
	MaxIdempotencyKeyLen = 128
)

// Status is where a case stands.
type Status string

// Statuses: OPEN → IN_REVIEW (claimed) → UPHELD, OVERTURNED, or PENDING_SECOND_REVIEW (an overturn
// above the market's amount) → OVERTURNED, or back to IN_REVIEW when the second reviewer refuses.
const (
	StatusOpen                Status = "OPEN"
	StatusInReview            Status = "IN_REVIEW"
	StatusPendingSecondReview Status = "PENDING_SECOND_REVIEW"
	StatusUpheld              Status = "UPHELD"
	StatusOverturned          Status = "OVERTURNED"
)

// Statuses lists every status.
var Statuses = []Status{StatusOpen, StatusInReview, StatusPendingSecondReview, StatusUpheld, StatusOverturned}

// Decided reports whether a case in status s is closed.
func (s Status) Decided() bool { return s == StatusUpheld || s == StatusOverturned }

// Outcome is a reviewer's decision.
type Outcome string

// Outcomes.
const (
	Uphold   Outcome = "UPHOLD"
	Overturn Outcome = "OVERTURN"
)

// Policy is a market's rules for review.
type Policy struct {
	Market string
	// Offered says whether shoppers may ask; Required whether the law of the market says so.
	Offered, Required bool
	// WindowDays is how long after a decision a shopper may ask; AnswerDays how long after the
	// request they must have the answer.
	WindowDays, AnswerDays int
	// SecondReviewAboveMinor is the amount (minor units of the market's currency) above which an
	// overturn needs a second reviewer.
	SecondReviewAboveMinor int64
}

// Case is a shopper's request for review and its review.
type Case struct {
	ID int64
	// The reviewed decision and the facts of it the queue and the rates read.
	DecisionID, DecisionReference, Market string
	PrincipalReason                       string // the decision's first reason code
	AmountMinor                           int64
	Currency                              string
	// Locale is the shopper's: the notices are in it. Statement is their point of view.
	Locale, Statement, IdempotencyKey string
	// RequestedBy is the subject that filed the request (a SERVICE token), RequestedByPerson the
	// person it acts for, whom the conflict rules compare.
	RequestedBy          string
	RequestedByPerson    auth.Person
	RequestedAt, DueAt   time.Time
	SecondReviewRequired bool
	Status               Status
	Reviewer             string
	ReviewerPerson       auth.Person
	ClaimedAt            time.Time // zero while OPEN
	Outcome              Outcome   // "" until decided
	Reason               string
	DecidedAt            time.Time
	SecondReviewer       string
	SecondReviewerPerson auth.Person
	SecondComment        string
	SecondReviewedAt     time.Time
	NewDecisionID        string // the overturn's decision; "" otherwise
	UpdatedAt            time.Time
	// Notices are the notices sent to the shopper, oldest first.
	Notices []Notice
}

// Overdue reports whether c is undecided past its due date at now.
func (c *Case) Overdue(now time.Time) bool { return !c.Status.Decided() && now.After(c.DueAt) }

// DueSoon is how close to its due date an undecided case counts as due soon: two days, enough for
// a credit officer to take it up in working hours.
const DueSoon = 48 * time.Hour

// Deadlines counts the undecided cases by where they stand against their due dates.
type Deadlines struct {
	Overdue int64 // past the due date
	DueSoon int64 // due within DueSoon
	OnTime  int64 // due later
}

// Notice is a notice sent to the shopper, exactly as sent.
type Notice struct {
	catalog.ReviewNotice
	SentAt time.Time
}

// Filter narrows the queue. Zero fields do not filter; Overdue compares with Now.
type Filter struct {
	Status  Status
	Market  string
	Overdue *bool
	Now     time.Time
}

// Cursor is a position in the queue, which is ordered by due date, then id.
type Cursor struct {
	DueAt time.Time
	ID    int64
}

// RateQuery asks for the overturn rates of cases decided in [From, To), of Market when set.
type RateQuery struct {
	From, To time.Time
	Market   string
}

// Rate is the decided and overturned cases of one market and principal reason.
type Rate struct {
	Market, Reason      string
	Decided, Overturned int64
}

// Store is what the service reads outside a transaction. The store implements it.
type Store interface {
	ReviewPolicies(ctx context.Context) ([]Policy, error)
	// ReviewCase returns case id with its notices (apperr.ErrNotFound when there is none).
	ReviewCase(ctx context.Context, id int64) (Case, error)
	// ReviewCases returns up to limit cases matching f after the cursor (nil: from the start),
	// soonest due first, with their notices.
	ReviewCases(ctx context.Context, f Filter, after *Cursor, limit int) ([]Case, error)
	// ReviewCasesOfDecisions returns the cases of the decisions ids (reviewed or written by an
	// overturn), with their notices.
	ReviewCasesOfDecisions(ctx context.Context, ids []string) ([]Case, error)
	// DecisionsByID returns the decisions of ids that exist, in any order.
	DecisionsByID(ctx context.Context, ids []string) ([]decisions.Decision, error)
	OverturnRates(ctx context.Context, q RateQuery) ([]Rate, error)
	// ReviewDeadlines counts the undecided cases by deadline at now: past it, due before soon,
	// and due later.
	ReviewDeadlines(ctx context.Context, now, soon time.Time) (Deadlines, error)
	// ReviewTx runs fn in one transaction.
	ReviewTx(ctx context.Context, fn func(tx Tx) error) error
	// AppendAudit appends an event in a transaction of its own.
	AppendAudit(ctx context.Context, e *audit.Event) error
}

// Tx is what a step does inside its transaction.
type Tx interface {
	ReviewPolicy(ctx context.Context, market string) (Policy, error)
	Decision(ctx context.Context, id string) (decisions.Decision, error)
	DecisionByReference(ctx context.Context, ref string) (decisions.Decision, error)
	// CaseOfDecision returns the case of the reviewed decision id, if there is one.
	CaseOfDecision(ctx context.Context, decisionID string) (Case, bool, error)
	// InsertCase writes c and fills its ID; ErrCaseExists when the decision has a case already.
	InsertCase(ctx context.Context, c *Case) error
	// LockCase locks case id until the end of the transaction if it is in status, and reports
	// whether it is: of two concurrent steps on one case, the second waits, then finds it moved on.
	LockCase(ctx context.Context, id int64, status Status) (bool, error)
	ReviewCase(ctx context.Context, id int64) (Case, error)
	// SaveCase writes c's review fields over its row.
	SaveCase(ctx context.Context, c *Case) error
	InsertNotice(ctx context.Context, caseID int64, n *Notice) error
	// ShopperLinked reports whether the staff person p has declared shopperID as their own.
	ShopperLinked(ctx context.Context, p auth.Person, shopperID string) (bool, error)
	InsertDecision(ctx context.Context, rec *decisions.Record) (decisions.Decision, bool, string, error)
	AppendAudit(ctx context.Context, e *audit.Event) error
	// UserByID returns staff account id (apperr.ErrNotFound when there is none).
	UserByID(ctx context.Context, id int64) (auth.User, error)
	// StaffShopperIDs returns the shopper ids linked to user id, sorted.
	StaffShopperIDs(ctx context.Context, userID int64) ([]string, error)
	// LinkStaffShopper links shopperID to user id (nothing when linked already).
	LinkStaffShopper(ctx context.Context, userID int64, shopperID, by string, at time.Time) error
	// UnlinkStaffShopper removes the link, if any.
	UnlinkStaffShopper(ctx context.Context, userID int64, shopperID string) error
}
