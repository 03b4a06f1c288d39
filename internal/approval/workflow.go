package approval

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
)

// Kind describes one kind of item of type D to the workflow.
type Kind[D any] struct {
	// Noun names an item in error messages, e.g. "threshold draft".
	Noun string
	// Entity is the entity type of the item's audit events, e.g. "threshold_draft".
	Entity string
	// Edit, Submit, Approve and Reject are the audit actions of the steps, e.g. "threshold.approve".
	// Creation names its own action (see Workflow.Create).
	Edit, Submit, Approve, Reject string
	// Fields returns the workflow's part of d, which D embeds.
	Fields func(d *D) *Fields
	// Record returns d as the audit log records it.
	Record func(d *D) any
}

// action returns the audit action of step s.
func (k *Kind[D]) action(s step) string {
	return [...]string{edit: k.Edit, submit: k.Submit, approve: k.Approve, reject: k.Reject}[s]
}

// Tx is what the workflow needs from the storage of items of type D inside one transaction.
type Tx[D any] interface {
	// Claim locks item id until the end of the transaction if it is in status at revision (at
	// any revision when revision is 0), and reports whether it is. See Workflow for why.
	Claim(ctx context.Context, id int64, status Status, revision int) (bool, error)
	// Load reads item id; one that does not exist is an apperr.ErrNotFound.
	Load(ctx context.Context, id int64) (D, error)
	// Insert writes d as a new item and fills its ID.
	Insert(ctx context.Context, d *D) error
	// Save writes d over its item.
	Save(ctx context.Context, d *D) error
	AppendAudit(ctx context.Context, e *audit.Event) error
}

// Change is a kind's own part of a step on d, taken at now: it changes d's content, and may write
// more in tx (an approval publishes a version). An error rolls the whole step back.
type Change[D any, T Tx[D]] func(tx T, d *D, now time.Time) error

// Workflow runs the steps of one kind of item, each in one transaction with its audit event.
//
// Concurrency: every step first claims its item with a conditional UPDATE of its row in the
// status (and, for an edit or a submission, at the revision) the step starts from. On PostgreSQL
// that UPDATE holds the row's lock until the step commits, so a concurrent step on the same item
// waits, then finds it moved on: an ErrConflict (SQLite runs write transactions one at a time).
// Of two concurrent reviews exactly one wins, and nothing a step checks after its claim can
// change under it. Checking first and writing conditionally at the end, as catalog drafts once
// did, lets the losing review publish a version before it finds out, and fail on that instead.
type Workflow[D any, T Tx[D]] struct {
	kind Kind[D]
	inTx func(ctx context.Context, fn func(tx T) error) error
	// appendAudit appends an event in a transaction of its own.
	appendAudit func(ctx context.Context, e *audit.Event) error
	now         func() time.Time
}

// New returns the workflow of kind. inTx runs a function in one transaction of the kind's storage,
// appendAudit appends an audit event in a transaction of its own (for refusals, whose step is
// rolled back), and now is the clock (nil: time.Now).
func New[D any, T Tx[D]](kind Kind[D], inTx func(ctx context.Context, fn func(tx T) error) error,
	appendAudit func(ctx context.Context, e *audit.Event) error, now func() time.Time) *Workflow[D, T] {
	if now == nil {
		now = time.Now
	}
	return &Workflow[D, T]{kind: kind, inTx: inTx, appendAudit: appendAudit, now: now}
}

// clock returns the current time as the database keeps it: UTC, to the microsecond.
func (w *Workflow[D, T]) clock() time.Time { return w.now().UTC().Truncate(time.Microsecond) }

// Create writes d, whose content the caller has filled, as a new DRAFT at revision 1 written by
// the caller, with its audit event of action: the kind's creation, or what else starts a draft
// (a threshold rollback).
func (w *Workflow[D, T]) Create(ctx context.Context, action string, d *D) error {
	return w.insert(ctx, action, StatusDraft, d)
}

// Propose writes d, whose content the caller has filled, as a new item already SUBMITTED at
// revision 1, written by the caller, with the kind's submission event: for a kind whose items are
// requests made whole in one step (a challenger split), with nothing to edit before review.
func (w *Workflow[D, T]) Propose(ctx context.Context, d *D) error {
	return w.insert(ctx, w.kind.Submit, StatusSubmitted, d)
}

// insert writes d as a new item in status at revision 1, written by the caller, with its audit
// event of action, in one transaction.
func (w *Workflow[D, T]) insert(ctx context.Context, action string, status Status, d *D) error {
	p, now := auth.PrincipalFrom(ctx), w.clock()
	f := w.kind.Fields(d)
	f.Status, f.Revision, f.Author, f.AuthorPerson, f.CreatedAt, f.UpdatedAt = status, 1, p.Subject(), p.Person(), now, now
	return w.inTx(ctx, func(tx T) error {
		if err := tx.Insert(ctx, d); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, w.event(ctx, action, f.ID, nil, w.kind.Record(d), audit.Done))
	})
}

// CheckEditable says why d, read at revision, can no longer be edited or submitted at it (an
// ErrConflict), or returns nil. Edit and Submit check it themselves; it lets a kind refuse early,
// before costly work a submission needs (a what-if replay).
func (w *Workflow[D, T]) CheckEditable(d *D, revision int) error {
	return check(w.kind.Noun, w.kind.Fields(d), edit, revision, "")
}

// Edit changes the content of DRAFT item id, read at revision, with change, and bumps its
// revision. A stale revision, or an item no longer DRAFT, is an ErrConflict.
func (w *Workflow[D, T]) Edit(ctx context.Context, id int64, revision int, change Change[D, T]) (D, error) {
	return w.step(ctx, id, edit, revision, "", change)
}

// Submit freezes DRAFT item id, read at revision, for review; change (may be nil) adds the kind's
// part, such as a rationale. A stale revision, or an item no longer DRAFT, is an ErrConflict.
func (w *Workflow[D, T]) Submit(ctx context.Context, id int64, revision int, change Change[D, T]) (D, error) {
	return w.step(ctx, id, submit, revision, "", change)
}

// Approve approves SUBMITTED item id with an optional comment; change (may be nil) does what an
// approval does for the kind, such as publishing a version, and sees the reviewer in d's Fields.
func (w *Workflow[D, T]) Approve(ctx context.Context, id int64, comment string, change Change[D, T]) (D, error) {
	return w.review(ctx, id, approve, comment, change)
}

// Reject rejects SUBMITTED item id; the comment, saying why, is required. change may be nil.
func (w *Workflow[D, T]) Reject(ctx context.Context, id int64, comment string, change Change[D, T]) (D, error) {
	return w.review(ctx, id, reject, comment, change)
}

// review takes review step s. An item not SUBMITTED is an ErrConflict. A review by the item's
// author is an ErrForbidden and is recorded as a DENIED audit event: the attempt is the
// maker-checker rule at work, and an auditor should see it.
func (w *Workflow[D, T]) review(ctx context.Context, id int64, s step, comment string, change Change[D, T]) (D, error) {
	comment, err := reviewComment(s, comment)
	if err != nil {
		var zero D
		return zero, err
	}
	d, err := w.step(ctx, id, s, 0, comment, change)
	if errors.Is(err, errSelfReview) {
		// The step was rolled back; the refusal is written in a transaction of its own, and even
		// when the caller has gone away meanwhile.
		e := w.event(ctx, w.kind.action(s), id, nil, nil, audit.Denied)
		if aerr := w.appendAudit(context.WithoutCancel(ctx), e); aerr != nil {
			err = errors.Join(err, aerr)
		}
	}
	return d, err
}

// step takes step s on item id in one transaction: it claims the item (see Workflow), checks the
// workflow's rules, sets the workflow's fields, lets change do the kind's part, saves the item and
// appends the step's audit event. revision is the revision an edit or a submission read (0 for
// a review); comment is a review's comment.
func (w *Workflow[D, T]) step(ctx context.Context, id int64, s step, revision int, comment string, change Change[D, T]) (D, error) {
	p := auth.PrincipalFrom(ctx)
	var d D
	err := w.inTx(ctx, func(tx T) error {
		claimed, err := tx.Claim(ctx, id, transitions[s].from, revision)
		if err != nil {
			return err
		}
		// The item as it is: claimed, or, when not, the reason the claim failed.
		if d, err = tx.Load(ctx, id); err != nil {
			return err
		}
		f := w.kind.Fields(&d)
		if err := check(w.kind.Noun, f, s, revision, p.Person()); err != nil {
			return err
		}
		if !claimed {
			return fmt.Errorf("%s %d changed concurrently: %w", w.kind.Noun, id, apperr.ErrConflict)
		}
		before, now := w.kind.Record(&d), w.clock()
		advance(f, s, p, comment, now)
		if change != nil {
			if err := change(tx, &d, now); err != nil {
				return err
			}
		}
		if err := tx.Save(ctx, &d); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, w.event(ctx, w.kind.action(s), id, before, w.kind.Record(&d), audit.Done))
	})
	if err != nil {
		var zero D
		return zero, err
	}
	return d, nil
}

// event returns the audit event of action on item id.
func (w *Workflow[D, T]) event(ctx context.Context, action string, id int64, before, after any, outcome audit.Outcome) *audit.Event {
	return audit.NewEvent(ctx, action, w.kind.Entity, strconv.FormatInt(id, 10), before, after, outcome)
}
