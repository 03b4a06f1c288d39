package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"riskconsole/internal/apperr"
	"riskconsole/internal/approval"
	"riskconsole/internal/auth"
	"riskconsole/models"
)

func approvalColumnsOf(f *approval.Fields) models.ApprovalColumns {
	return models.ApprovalColumns{ID: f.ID, Status: string(f.Status), Revision: f.Revision, Author: f.Author,
		AuthorPerson: string(f.AuthorPerson), Reviewer: f.Reviewer, ReviewerPerson: string(f.ReviewerPerson),
		ReviewComment: f.ReviewComment, CreatedAt: f.CreatedAt.UTC(), UpdatedAt: f.UpdatedAt.UTC()}
}

// approvalFields returns the workflow's fields of a row's columns.
func approvalFields(c *models.ApprovalColumns) approval.Fields {
	return approval.Fields{ID: c.ID, Status: approval.Status(c.Status), Revision: c.Revision, Author: c.Author,
		AuthorPerson: auth.Person(c.AuthorPerson), Reviewer: c.Reviewer, ReviewerPerson: auth.Person(c.ReviewerPerson),
		ReviewComment: c.ReviewComment, CreatedAt: c.CreatedAt.UTC(), UpdatedAt: c.UpdatedAt.UTC()}
}

// approvalChanges returns the columns a step of the workflow may change (the author and the creation
// are written once).
func approvalChanges(c *models.ApprovalColumns) map[string]any {
	return map[string]any{"status": c.Status, "revision": c.Revision, "reviewer": c.Reviewer,
		"reviewer_person": c.ReviewerPerson, "review_comment": c.ReviewComment, "updated_at": c.UpdatedAt}
}

// draftTable is one table of items under the approval workflow: the conversions between the
// items (D) and the rows (R, whose model names the table) that embed models.ApprovalColumns.
type draftTable[D, R any] struct {
	noun    string // e.g. "threshold draft", in errors
	toRow   func(d *D) (R, error)
	fromRow func(r *R) (D, error)
	// approval returns the workflow's columns of a row.
	approval func(r *R) *models.ApprovalColumns
	// changes adds to columns the kind's own columns that a step may change.
	changes func(r *R, columns map[string]any)
}

// kind names the table's items in the metrics: the noun with underscores, e.g. "threshold_draft".
func (t *draftTable[D, R]) kind() string { return strings.ReplaceAll(t.noun, " ", "_") }

// waiting selects, as one row, the kind, how many items of the table are SUBMITTED and the
// oldest one's updated_at, which is its submission: a submitted item is frozen until reviewed.
func (t *draftTable[D, R]) waiting(db *gorm.DB) *gorm.DB {
	return db.Model(new(R)).Select("CAST(? AS TEXT) AS kind, COUNT(*) AS count, MIN(updated_at) AS oldest", t.kind()).
		Where("status = ?", string(approval.StatusSubmitted))
}

// WaitingApprovals returns, for each kind of item under the approval workflow (threshold, catalog
// and bad definition drafts, split requests), those waiting for review, in one statement.
func (s *Store) WaitingApprovals(ctx context.Context) ([]approval.Waiting, error) {
	db := s.db.WithContext(ctx)
	kinds := []interface{ waiting(*gorm.DB) *gorm.DB }{thresholdDrafts, catalogDrafts, splitRequests, badDefinitionDrafts}
	parts, args := make([]string, len(kinds)), make([]any, len(kinds))
	for i, k := range kinds {
		// Each in FROM: SQLite does not take a parenthesised SELECT as a term of a UNION.
		parts[i], args[i] = "SELECT * FROM (?) AS k"+strconv.Itoa(i), k.waiting(db.Session(&gorm.Session{NewDB: true}))
	}
	rows, err := db.Raw(strings.Join(parts, " UNION ALL "), args...).Rows()
	if err != nil {
		return nil, fmt.Errorf("count waiting approvals: %w", err)
	}
	defer rows.Close()
	var out []approval.Waiting
	for rows.Next() {
		var (
			w      approval.Waiting
			oldest dbTime
		)
		if err := rows.Scan(&w.Kind, &w.Count, &oldest); err != nil {
			return nil, fmt.Errorf("read waiting approvals: %w", err)
		}
		w.Oldest = oldest.t
		out = append(out, w)
	}
	return out, rows.Err()
}

// loadDraft reads item id of table t; one that does not exist is an ErrNotFound.
func loadDraft[D, R any](ctx context.Context, s *Store, t *draftTable[D, R], id int64) (D, error) {
	var row R
	err := s.db.WithContext(ctx).Where("id = ?", id).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		err = fmt.Errorf("%s %d: %w", t.noun, id, apperr.ErrNotFound)
	} else if err != nil {
		err = fmt.Errorf("read %s %d: %w", t.noun, id, err)
	}
	if err != nil {
		var zero D
		return zero, err
	}
	return t.fromRow(&row)
}

// draftTx is a transaction of the store holding the items of one table for the approval workflow:
// it is the workflow's approval.Tx, and the rest of the store's methods come with it.
type draftTx[D, R any] struct {
	*Store
	table *draftTable[D, R]
}

// Claim locks item id until the end of the transaction if it is in status at revision (any
// revision when 0), and reports whether it is. It is a conditional UPDATE that changes nothing,
// so on PostgreSQL a concurrent claim of the same item waits for this transaction and then
// re-reads the row; SQLite runs write transactions one at a time.
func (tx draftTx[D, R]) Claim(ctx context.Context, id int64, status approval.Status, revision int) (bool, error) {
	q := tx.db.WithContext(ctx).Model(new(R)).Where("id = ? AND status = ?", id, string(status))
	if revision != 0 {
		q = q.Where("revision = ?", revision)
	}
	res := q.UpdateColumn("revision", gorm.Expr("revision"))
	if res.Error != nil {
		return false, fmt.Errorf("claim %s %d: %w", tx.table.noun, id, res.Error)
	}
	return res.RowsAffected == 1, nil
}

// Load reads item id.
func (tx draftTx[D, R]) Load(ctx context.Context, id int64) (D, error) {
	return loadDraft(ctx, tx.Store, tx.table, id)
}

// Insert writes d as a new item and fills its ID (d becomes the item as stored).
func (tx draftTx[D, R]) Insert(ctx context.Context, d *D) error {
	row, err := tx.table.toRow(d)
	if err != nil {
		return err
	}
	if err := tx.db.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("create %s: %w", tx.table.noun, err)
	}
	*d, err = tx.table.fromRow(&row)
	return err
}

// Save writes d over its item, which the transaction has claimed. A reviewer who is the author
// (by subject or by person) is refused by the database too, as an ErrForbidden.
func (tx draftTx[D, R]) Save(ctx context.Context, d *D) error {
	row, err := tx.table.toRow(d)
	if err != nil {
		return err
	}
	cols := tx.table.approval(&row)
	columns := approvalChanges(cols)
	tx.table.changes(&row, columns)
	res := tx.db.WithContext(ctx).Model(new(R)).Where("id = ?", cols.ID).UpdateColumns(columns)
	switch {
	case res.Error != nil && isCheckViolation(res.Error, "reviewer_not_author"):
		return fmt.Errorf("%s %d: its author cannot review it: %w", tx.table.noun, cols.ID, apperr.ErrForbidden)
	case res.Error != nil:
		return fmt.Errorf("save %s %d: %w", tx.table.noun, cols.ID, res.Error)
	case res.RowsAffected != 1:
		return fmt.Errorf("%s %d: %w", tx.table.noun, cols.ID, apperr.ErrNotFound)
	}
	return nil
}
