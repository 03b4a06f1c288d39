// Package approval is the maker-checker workflow shared by every change that needs a second
// person. An item is written as a DRAFT, edited at named revisions, SUBMITTED (frozen), and then
// APPROVED or REJECTED by a reviewer who is not the person who wrote it. Every step writes its
// change and one audit event in one transaction, and a refused self-review is recorded too.
//
// The package knows nothing of what is under review: a kind of item (threshold drafts, catalog
// drafts) embeds Fields in its own type, describes itself with a Kind, stores itself through a
// Tx, and adds its own content to each step with a Change.
package approval

import (
	"fmt"
	"strings"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/auth"
)

// Status is where an item stands in the workflow.
type Status string

// Statuses. An item is edited while DRAFT, frozen once SUBMITTED, and then APPROVED or REJECTED,
// which are final.
const (
	StatusDraft     Status = "DRAFT"
	StatusSubmitted Status = "SUBMITTED"
	StatusApproved  Status = "APPROVED"
	StatusRejected  Status = "REJECTED"
)

// Waiting is the items of one kind waiting for a second person: how many are SUBMITTED, and
// when the oldest of them was submitted (zero when none waits). Kind is the kind's noun with
// underscores, e.g. "threshold_draft".
type Waiting struct {
	Kind   string
	Count  int64
	Oldest time.Time
}

// MaxCommentLen bounds a review comment, in bytes.
const MaxCommentLen = 2000

// Fields is the workflow's part of an item, embedded in each kind's type. The workflow sets them;
// a kind's storage writes and reads them with the rest of the item.
type Fields struct {
	ID     int64
	Status Status
	// Revision counts the edits of the item's content, from 1; an edit or a submission names the
	// revision it read, so that it cannot overwrite a change it has not seen.
	Revision int
	// Author is the subject that wrote the item, as the API shows it (e.g. "user:3:anna");
	// AuthorPerson is the person it acted for, whom maker-checker compares.
	Author       string
	AuthorPerson auth.Person
	// Reviewer and ReviewerPerson name who approved or rejected the item; empty before.
	Reviewer       string
	ReviewerPerson auth.Person
	ReviewComment  string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// step is one move of the workflow.
type step int

const (
	edit step = iota
	submit
	approve
	reject
)

// transitions holds the status each step starts from and the one it leaves the item in. No step
// starts from APPROVED or REJECTED.
var transitions = [...]struct{ from, to Status }{
	edit:    {StatusDraft, StatusDraft},
	submit:  {StatusDraft, StatusSubmitted},
	approve: {StatusSubmitted, StatusApproved},
	reject:  {StatusSubmitted, StatusRejected},
}

// isReview reports whether s decides a submitted item, which only a second person may do.
func (s step) isReview() bool { return s == approve || s == reject }

// check says why step s may not be taken on an item (a noun such as "threshold draft") with
// fields f by person: an ErrConflict when the item is not in the status s starts from or, for an
// edit or a submission, not at revision, the one the caller read; an ErrForbidden (errSelfReview)
// when s is a review by the item's author. It returns nil when s may be taken.
func check(noun string, f *Fields, s step, revision int, person auth.Person) error {
	if want := transitions[s].from; f.Status != want {
		return fmt.Errorf("%s %d is %s, not %s: %w", noun, f.ID, f.Status, want, apperr.ErrConflict)
	}
	if !s.isReview() && f.Revision != revision {
		return fmt.Errorf("%s %d is at revision %d, not %d (changed since it was read): %w",
			noun, f.ID, f.Revision, revision, apperr.ErrConflict)
	}
	if s.isReview() && f.AuthorPerson == person {
		return fmt.Errorf("%s %d: %w", noun, f.ID, errSelfReview)
	}
	return nil
}

// errSelfReview refuses a review by the item's author (maker-checker).
var errSelfReview = fmt.Errorf("its author cannot review it (maker-checker): %w", apperr.ErrForbidden)

// advance sets the fields of step s, taken by p at now; check has allowed it. comment is a
// review's comment, as reviewComment returned it.
func advance(f *Fields, s step, p *auth.Principal, comment string, now time.Time) {
	f.Status, f.UpdatedAt = transitions[s].to, now
	switch {
	case s == edit:
		f.Revision++
	case s.isReview():
		f.Reviewer, f.ReviewerPerson, f.ReviewComment = p.Subject(), p.Person(), comment
	}
}

// reviewComment returns comment trimmed, or the field error that refuses it: a rejection must say
// why, and no comment is longer than MaxCommentLen.
func reviewComment(s step, comment string) (string, error) {
	comment = strings.TrimSpace(comment)
	var ve apperr.ValidationError
	switch {
	case s == reject && comment == "":
		ve.Add("comment", "is required: say why the change is rejected")
	case len(comment) > MaxCommentLen:
		ve.Add("comment", "must be at most %d bytes", MaxCommentLen)
	}
	return comment, ve.Err()
}
