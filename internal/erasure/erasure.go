// Package erasure carries out the erasure of a shopper (GDPR art. 17, issue 18): it unlinks the
// shopper from their decisions (the decisions, their outcomes and reasons stay) as soon as the
// retention plan allows, and records a request that waits for what it does not allow yet.
//
// The plan (retention.Service.ShopperPlan) is the one place that dates an erasure: months whose
// retention duty has ended are unlinked now, the others when their duty ends, nothing while a
// legal hold applies. CarryOutDue, called by the retention job, carries out what has become due.
package erasure

import (
	"context"
	"time"

	"riskconsole/internal/audit"
	"riskconsole/internal/retention"
)

// State says where an erasure request stands.
type State string

// Request states.
const (
	// NowDone: carried out when it was made, in full.
	NowDone State = "NOW_DONE"
	// Scheduled: a retention duty runs over some decisions; carried out when it ends (DueAt).
	Scheduled State = "SCHEDULED"
	// Held: a legal hold applies; carried out once it is lifted and the duties have ended.
	Held State = "HELD"
	// Done: carried out in full after waiting.
	Done State = "DONE"
)

// Waiting reports whether a request in state st is still to be carried out.
func (st State) Waiting() bool { return st == Scheduled || st == Held }

// Audit vocabulary.
const (
	// ActionRequest records a request: what was unlinked at once and what waits.
	ActionRequest = "erasure.request"
	// ActionCarriedOut records a waiting request's progress: decisions unlinked later, done.
	ActionCarriedOut = "erasure.carried_out"

	entityRequest = "erasure_request"
)

// MaxReferenceLen bounds the privacy process's own reference of a request, in bytes.
const MaxReferenceLen = 200

// Request is a recorded erasure request. The shopper is named by ShopperRef, the console's keyed
// hash of their id; ShopperID is the plain id, kept only while the request waits, and never
// answered.
type Request struct {
	ID          int64
	ShopperRef  string
	ShopperID   string
	Reference   string
	RequestedBy string
	RequestedAt time.Time
	State       State
	// DueAt is when the rest may be carried out: the end of the last retention duty (nil while
	// held with no duty running, and once done).
	DueAt *time.Time
	// ErasedNow counts the decisions unlinked when the request was made; ErasedLater those
	// unlinked since, by CarryOutDue.
	ErasedNow, ErasedLater int64
	DoneAt                 *time.Time
}

// Linked is one decision still linked to a shopper, as the erasure needs it: where it lies in the
// plan, and the seal the row will carry once unlinked (computed by the store, which holds the
// seal key, over the row with shopper id and request hash emptied).
type Linked struct {
	ID         string
	Market     string
	CreatedAt  time.Time
	ErasedSeal string
}

// Reader reads what an erasure needs; the console's store implements it.
type Reader interface {
	// LinkedDecisions returns the decisions of shopperID, oldest first.
	LinkedDecisions(ctx context.Context, shopperID string) ([]Linked, error)
	// ErasureRequest returns request id.
	ErasureRequest(ctx context.Context, id int64) (Request, error)
	// ErasureRequests returns up to limit requests, newest first, with ids below beforeID (0:
	// from the newest), of state (""; any).
	ErasureRequests(ctx context.Context, state State, beforeID int64, limit int) ([]Request, error)
	// WaitingErasures returns up to limit waiting requests with ids above afterID, by id: every
	// HELD one, and the SCHEDULED ones due by now.
	WaitingErasures(ctx context.Context, now time.Time, afterID int64, limit int) ([]Request, error)
}

// Tx is what an erasure writes in one transaction, through the retention path.
type Tx interface {
	// WaitingErasure returns the waiting request of shopperRef, ErrNotFound when none waits.
	WaitingErasure(ctx context.Context, shopperRef string) (Request, error)
	// UnlinkDecisions unlinks the decisions ds of shopperID (every one must be theirs), each
	// given its ErasedSeal, and returns how many it changed.
	UnlinkDecisions(ctx context.Context, shopperID string, ds []Linked) (int64, error)
	// CreateErasureRequest records r and fills r.ID.
	CreateErasureRequest(ctx context.Context, r *Request) error
	// UpdateErasureRequest records a waiting request's progress: state, due date, later count,
	// completion, and the plain id (dropped once done).
	UpdateErasureRequest(ctx context.Context, r *Request) error
	AppendAudit(ctx context.Context, e *audit.Event) error
}

// Writer runs erasure transactions: the retention store (on PostgreSQL the retention role, the
// only one that may run erase_shopper_decisions).
type Writer interface {
	ErasureTx(ctx context.Context, fn func(tx Tx) error) error
}

// Planner plans a shopper's erasure: retention.Service.
type Planner interface {
	ShopperPlan(ctx context.Context, shopperID string, now time.Time) (retention.ShopperErasure, error)
}
