package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"riskconsole/internal/apperr"
	"riskconsole/internal/approval"
	"riskconsole/internal/auth"
)

// approvalColumns are the columns of approval.Fields, which every table of items under the
// approval workflow (threshold_drafts, catalog_drafts) holds; a row embeds them (gorm:"embedded").
type approvalColumns struct {
	ID             int64 `gorm:"primaryKey"`
	Status         string
	Revision       int
	Author         string
	AuthorPerson   string
	Reviewer       string
	ReviewerPerson string
	ReviewComment  string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

func approvalColumnsOf(f *approval.Fields) approvalColumns {
	return approvalColumns{ID: f.ID, Status: string(f.Status), Revision: f.Revision, Author: f.Author,
		AuthorPerson: string(f.AuthorPerson), Reviewer: f.Reviewer, ReviewerPerson: string(f.ReviewerPerson),
		ReviewComment: f.ReviewComment, CreatedAt: f.CreatedAt.UTC(), UpdatedAt: f.UpdatedAt.UTC()}
}

func (c *approvalColumns) fields() approval.Fields {
	return approval.Fields{ID: c.ID, Status: approval.Status(c.Status), Revision: c.Revision, Author: c.Author,
		AuthorPerson: auth.Person(c.AuthorPerson), Reviewer: c.Reviewer, ReviewerPerson: auth.Person(c.ReviewerPerson),
		ReviewComment: c.ReviewComment, CreatedAt: c.CreatedAt.UTC(), UpdatedAt: c.UpdatedAt.UTC()}
}

// changes returns the columns a step of the workflow may change (the author and the creation
// are written once), for saveDraft.
func (c *approvalColumns) changes() map[string]any {
	return map[string]any{"status": c.Status, "revision": c.Revision, "reviewer": c.Reviewer,
		"reviewer_person": c.ReviewerPerson, "review_comment": c.ReviewComment, "updated_at": c.UpdatedAt}
}

// claimDraft is approval.Tx's Claim for the items of table: it locks item id until the end of the
// transaction if it is in status at revision (any revision when 0), and reports whether it is.
// It is a conditional UPDATE that changes nothing, so on PostgreSQL a concurrent claim of the same
// item waits for this transaction and then re-reads the row; SQLite runs write transactions one at
// a time.
func (s *Store) claimDraft(ctx context.Context, table string, id int64, status approval.Status, revision int) (bool, error) {
	q := s.db.WithContext(ctx).Table(table).Where("id = ? AND status = ?", id, string(status))
	if revision != 0 {
		q = q.Where("revision = ?", revision)
	}
	res := q.UpdateColumn("revision", gorm.Expr("revision"))
	if res.Error != nil {
		return false, fmt.Errorf("claim %s %d: %w", table, id, res.Error)
	}
	return res.RowsAffected == 1, nil
}

// saveDraft is approval.Tx's Save for the items of table: it writes columns over item id, which
// the transaction has claimed. A reviewer who is the author (by subject or by person) is refused
// by the database too, as an ErrForbidden.
func (s *Store) saveDraft(ctx context.Context, table string, id int64, columns map[string]any) error {
	res := s.db.WithContext(ctx).Table(table).Where("id = ?", id).UpdateColumns(columns)
	switch {
	case res.Error != nil && isCheckViolation(res.Error, "reviewer_not_author"):
		return fmt.Errorf("%s %d: its author cannot review it: %w", table, id, apperr.ErrForbidden)
	case res.Error != nil:
		return fmt.Errorf("save %s %d: %w", table, id, res.Error)
	case res.RowsAffected != 1:
		return fmt.Errorf("%s %d: %w", table, id, apperr.ErrNotFound)
	}
	return nil
}
