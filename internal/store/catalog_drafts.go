package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"riskconsole/internal/apperr"
	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
)

// draftText is one text of a draft's texts column.
type draftText struct {
	Code     string   `json:"code"`
	Locale   string   `json:"locale"`
	Audience string   `json:"audience"`
	Title    string   `json:"title"`
	Body     string   `json:"body"`
	Steps    []string `json:"steps"`
}

func catalogDraftRowOf(d *catalog.Draft) catalogDraftRow {
	texts := make([]draftText, 0, len(d.Texts))
	for k, t := range d.Texts {
		texts = append(texts, draftText{Code: k.Reason.String(), Locale: k.Locale, Audience: string(k.Audience), Title: t.Title, Body: t.Body, Steps: t.Steps})
	}
	b, _ := json.Marshal(texts) // plain strings always marshal
	row := catalogDraftRow{ID: d.ID, BaseVersion: d.BaseVersion, Texts: string(b), Author: d.Author, Status: string(d.Status),
		Revision: d.Revision, Reviewer: d.Reviewer, ReviewComment: d.Comment, CreatedAt: d.CreatedAt.UTC(), UpdatedAt: d.UpdatedAt.UTC()}
	if d.PublishedVersion != 0 {
		v := d.PublishedVersion
		row.PublishedVersion = &v
	}
	return row
}

func catalogDraftOf(r *catalogDraftRow) (catalog.Draft, error) {
	var texts []draftText
	if err := json.Unmarshal([]byte(r.Texts), &texts); err != nil {
		return catalog.Draft{}, fmt.Errorf("catalog draft %d texts: %w", r.ID, err)
	}
	d := catalog.Draft{ID: r.ID, BaseVersion: r.BaseVersion, Texts: make(map[catalog.Key]catalog.Text, len(texts)), Author: r.Author,
		Status: catalog.DraftStatus(r.Status), Revision: r.Revision, Reviewer: r.Reviewer, Comment: r.ReviewComment,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
	if r.PublishedVersion != nil {
		d.PublishedVersion = *r.PublishedVersion
	}
	for _, t := range texts {
		reason, ok := engine.ParseReason(t.Code)
		if !ok {
			return catalog.Draft{}, fmt.Errorf("catalog draft %d: unknown reason %q", r.ID, t.Code)
		}
		d.Texts[catalog.Key{Reason: reason, Locale: t.Locale, Audience: catalog.Audience(t.Audience)}] = catalog.Text{Title: t.Title, Body: t.Body, Steps: t.Steps}
	}
	return d, nil
}

// CatalogTx runs fn in one transaction.
func (s *Store) CatalogTx(ctx context.Context, fn func(tx catalog.DraftTx) error) error {
	return s.InTx(ctx, func(tx *Store) error { return fn(tx) })
}

// CatalogDraft returns the catalog draft with the given id.
func (s *Store) CatalogDraft(ctx context.Context, id int64) (catalog.Draft, error) {
	var row catalogDraftRow
	err := s.db.WithContext(ctx).Where("id = ?", id).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return catalog.Draft{}, fmt.Errorf("catalog draft %d: %w", id, apperr.ErrNotFound)
	}
	if err != nil {
		return catalog.Draft{}, fmt.Errorf("read catalog draft: %w", err)
	}
	return catalogDraftOf(&row)
}

// CreateCatalogDraft writes d and fills its ID.
func (s *Store) CreateCatalogDraft(ctx context.Context, d *catalog.Draft) error {
	row := catalogDraftRowOf(d)
	row.ID = 0
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("create catalog draft: %w", err)
	}
	d.ID = row.ID
	return nil
}

// UpdateCatalogDraft writes d over its row when the row is still in status at revision.
func (s *Store) UpdateCatalogDraft(ctx context.Context, d *catalog.Draft, status catalog.DraftStatus, revision int) (bool, error) {
	row := catalogDraftRowOf(d)
	res := s.db.WithContext(ctx).Model(&catalogDraftRow{}).Where("id = ? AND status = ? AND revision = ?", d.ID, string(status), revision).
		Updates(map[string]any{"texts": row.Texts, "status": row.Status, "revision": row.Revision, "reviewer": row.Reviewer,
			"review_comment": row.ReviewComment, "published_version": row.PublishedVersion, "updated_at": row.UpdatedAt})
	if res.Error != nil {
		if isCheckViolation(res.Error, "reviewer_not_author") {
			return false, fmt.Errorf("a catalog draft's reviewer cannot be its author: %w", apperr.ErrForbidden)
		}
		return false, fmt.Errorf("update catalog draft: %w", res.Error)
	}
	return res.RowsAffected == 1, nil
}

// CatalogDrafts returns up to limit drafts, newest first, with ids below beforeID (0: from the
// newest), of the given status ("" for any).
func (s *Store) CatalogDrafts(ctx context.Context, status catalog.DraftStatus, beforeID int64, limit int) ([]catalog.Draft, error) {
	q := s.db.WithContext(ctx).Model(&catalogDraftRow{})
	if status != "" {
		q = q.Where("status = ?", string(status))
	}
	return findAll(newestBefore(q, beforeID, limit), "catalog drafts", catalogDraftOf)
}
