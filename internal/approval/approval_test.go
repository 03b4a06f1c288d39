package approval

import (
	"errors"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/auth"
)

// TestCheck walks every step from every status, at the right and at a stale revision, by the
// author's person and by another: the table is the workflow's rule book.
func TestCheck(t *testing.T) {
	const author, other auth.Person = "user:3", "user:4"
	for _, tc := range []struct {
		name     string
		status   Status
		step     step
		revision int // the revision the caller read; the item is at 2
		person   auth.Person
		want     error // nil, apperr.ErrConflict or errSelfReview
		message  string
	}{
		{"edit a draft", StatusDraft, edit, 2, author, nil, ""},
		{"edit a draft by someone else", StatusDraft, edit, 2, other, nil, ""},
		{"edit at a stale revision", StatusDraft, edit, 1, author, apperr.ErrConflict, "is at revision 2, not 1"},
		{"edit a submitted draft", StatusSubmitted, edit, 2, author, apperr.ErrConflict, "is SUBMITTED, not DRAFT"},
		{"edit an approved draft", StatusApproved, edit, 2, author, apperr.ErrConflict, "is APPROVED, not DRAFT"},
		{"submit a draft", StatusDraft, submit, 2, author, nil, ""},
		{"submit at a stale revision", StatusDraft, submit, 3, author, apperr.ErrConflict, "is at revision 2, not 3"},
		{"submit twice", StatusSubmitted, submit, 2, author, apperr.ErrConflict, "is SUBMITTED, not DRAFT"},
		{"approve by another person", StatusSubmitted, approve, 0, other, nil, ""},
		{"reject by another person", StatusSubmitted, reject, 0, other, nil, ""},
		{"approve by the author", StatusSubmitted, approve, 0, author, errSelfReview, "its author cannot review it"},
		{"reject by the author", StatusSubmitted, reject, 0, author, errSelfReview, "its author cannot review it"},
		{"approve a draft not submitted", StatusDraft, approve, 0, other, apperr.ErrConflict, "is DRAFT, not SUBMITTED"},
		{"approve twice", StatusApproved, approve, 0, other, apperr.ErrConflict, "is APPROVED, not SUBMITTED"},
		{"reject a rejected draft", StatusRejected, reject, 0, other, apperr.ErrConflict, "is REJECTED, not SUBMITTED"},
		// A reviewed item is final even for its author: the conflict comes first.
		{"approve an approved draft by the author", StatusApproved, approve, 0, author, apperr.ErrConflict, "not SUBMITTED"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &Fields{ID: 7, Status: tc.status, Revision: 2, AuthorPerson: author}
			err := check("test item", f, tc.step, tc.revision, tc.person)
			if tc.want == nil {
				if err != nil {
					t.Fatalf("check: %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), "test item 7") || !strings.Contains(err.Error(), tc.message) {
				t.Fatalf("check: %v, want %v naming the item and saying %q", err, tc.want, tc.message)
			}
			if tc.want == errSelfReview && !errors.Is(err, apperr.ErrForbidden) {
				t.Fatalf("self-review %v is not an ErrForbidden", err)
			}
		})
	}
}

// TestCheckNobody checks that nobody (no person: anonymous) cannot review what nobody wrote: the
// comparison does not treat an unknown person as someone else.
func TestCheckNobody(t *testing.T) {
	f := &Fields{ID: 7, Status: StatusSubmitted, Revision: 1}
	if err := check("test item", f, approve, 0, ""); !errors.Is(err, errSelfReview) {
		t.Fatalf("review by nobody of an item by nobody: %v, want errSelfReview", err)
	}
}

// TestAdvance checks what each step leaves in the workflow's fields.
func TestAdvance(t *testing.T) {
	created := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	now := created.Add(time.Hour)
	lead := &auth.Principal{Kind: auth.UserKind, UserID: 4, Name: "lead"}
	for _, tc := range []struct {
		name    string
		from    Status
		step    step
		comment string
		want    Fields
	}{
		{"an edit bumps the revision", StatusDraft, edit, "", Fields{Status: StatusDraft, Revision: 3}},
		{"a submission freezes", StatusDraft, submit, "", Fields{Status: StatusSubmitted, Revision: 2}},
		{"an approval names its reviewer", StatusSubmitted, approve, "", Fields{Status: StatusApproved, Revision: 2,
			Reviewer: "user:4:lead", ReviewerPerson: "user:4"}},
		{"a rejection keeps its comment", StatusSubmitted, reject, "not yet", Fields{Status: StatusRejected, Revision: 2,
			Reviewer: "user:4:lead", ReviewerPerson: "user:4", ReviewComment: "not yet"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := Fields{ID: 7, Status: tc.from, Revision: 2, Author: "user:3:anna", AuthorPerson: "user:3", CreatedAt: created, UpdatedAt: created}
			advance(&f, tc.step, lead, tc.comment, now)
			want := tc.want
			want.ID, want.Author, want.AuthorPerson, want.CreatedAt, want.UpdatedAt = 7, "user:3:anna", "user:3", created, now
			if f != want {
				t.Fatalf("fields %+v, want %+v", f, want)
			}
		})
	}
}

// TestReviewComment checks the comment rules: a rejection says why, and no comment is too long.
func TestReviewComment(t *testing.T) {
	long := strings.Repeat("x", MaxCommentLen+1)
	for _, tc := range []struct {
		name, comment string
		step          step
		want          string // the trimmed comment, when accepted
		message       string // the field error's message, when refused
	}{
		{"an approval without a comment", "", approve, "", ""},
		{"an approval with a comment, trimmed", "  fine  ", approve, "fine", ""},
		{"a rejection with a comment", "too strict", reject, "too strict", ""},
		{"a rejection without a comment", "", reject, "", "is required"},
		{"a rejection with only blanks", " \t ", reject, "", "is required"},
		{"a comment at the bound", strings.Repeat("x", MaxCommentLen), approve, strings.Repeat("x", MaxCommentLen), ""},
		{"an approval with a comment too long", long, approve, "", "must be at most 2000 bytes"},
		{"a rejection with a comment too long", long, reject, "", "must be at most 2000 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := reviewComment(tc.step, tc.comment)
			if tc.message == "" {
				if err != nil || got != tc.want {
					t.Fatalf("reviewComment = %q, %v; want %q", got, err, tc.want)
				}
				return
			}
			var ve *apperr.ValidationError
			if !errors.As(err, &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != "comment" || !strings.Contains(ve.Fields[0].Message, tc.message) {
				t.Fatalf("reviewComment: %v, want a field error on comment saying %q", err, tc.message)
			}
		})
	}
}

// TestTransitions checks that only DRAFT and SUBMITTED items can move, and that every step's
// audit action comes from the kind.
func TestTransitions(t *testing.T) {
	k := Kind[struct{}]{Edit: "x.edit", Submit: "x.submit", Approve: "x.approve", Reject: "x.reject"}
	for s, want := range map[step]string{edit: "x.edit", submit: "x.submit", approve: "x.approve", reject: "x.reject"} {
		if got := k.action(s); got != want {
			t.Errorf("action of step %d = %q, want %q", s, got, want)
		}
		if from := transitions[s].from; from == StatusApproved || from == StatusRejected {
			t.Errorf("step %d starts from the final status %s", s, from)
		}
	}
}
