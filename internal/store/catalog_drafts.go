package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"riskconsole/internal/apperr"
	"riskconsole/internal/approval"
	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
)

// catalogDraftRow is a row of catalog_drafts.
type catalogDraftRow struct {
	Approval         approvalColumns `gorm:"embedded"`
	BaseVersion      int
	Texts            string
	PublishedVersion *int
}

func (catalogDraftRow) TableName() string { return "catalog_drafts" }

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
	row := catalogDraftRow{Approval: approvalColumnsOf(&d.Fields), BaseVersion: d.BaseVersion, Texts: string(b)}
	if d.PublishedVersion != 0 {
		v := d.PublishedVersion
		row.PublishedVersion = &v
	}
	return row
}

func catalogDraftOf(r *catalogDraftRow) (catalog.Draft, error) {
	var texts []draftText
	if err := json.Unmarshal([]byte(r.Texts), &texts); err != nil {
		return catalog.Draft{}, fmt.Errorf("catalog draft %d texts: %w", r.Approval.ID, err)
	}
	d := catalog.Draft{Fields: r.Approval.fields(), BaseVersion: r.BaseVersion, Texts: make(map[catalog.Key]catalog.Text, len(texts))}
	if r.PublishedVersion != nil {
		d.PublishedVersion = *r.PublishedVersion
	}
	for _, t := range texts {
		reason, ok := engine.ParseReason(t.Code)
		if !ok {
			return catalog.Draft{}, fmt.Errorf("catalog draft %d: unknown reason %q", r.Approval.ID, t.Code)
		}
		d.Texts[catalog.Key{Reason: reason, Locale: t.Locale, Audience: catalog.Audience(t.Audience)}] = catalog.Text{Title: t.Title, Body: t.Body, Steps: t.Steps}
	}
	return d, nil
}

// CatalogTx runs fn in one transaction, as InTx does, for the catalog lifecycle.
func (s *Store) CatalogTx(ctx context.Context, fn func(tx catalog.DraftTx) error) error {
	return s.InTx(ctx, func(tx *Store) error { return fn(catalogTx{tx}) })
}

// catalogTx is a transaction of the catalog lifecycle: the store, holding catalog drafts for the
// approval workflow.
type catalogTx struct{ *Store }

// Claim locks draft id for a step of the approval workflow; see claimDraft.
func (tx catalogTx) Claim(ctx context.Context, id int64, status approval.Status, revision int) (bool, error) {
	return tx.claimDraft(ctx, "catalog_drafts", id, status, revision)
}

// Load reads draft id.
func (tx catalogTx) Load(ctx context.Context, id int64) (catalog.Draft, error) {
	return tx.CatalogDraft(ctx, id)
}

// Insert writes d and fills its ID.
func (tx catalogTx) Insert(ctx context.Context, d *catalog.Draft) error {
	row := catalogDraftRowOf(d)
	if err := tx.db.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("create catalog draft: %w", err)
	}
	d.ID = row.Approval.ID
	return nil
}

// Save writes d over its draft; see saveDraft.
func (tx catalogTx) Save(ctx context.Context, d *catalog.Draft) error {
	row := catalogDraftRowOf(d)
	columns := row.Approval.changes()
	columns["texts"], columns["published_version"] = row.Texts, row.PublishedVersion
	return tx.saveDraft(ctx, "catalog_drafts", d.ID, columns)
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

// CatalogDrafts returns up to limit drafts, newest first, with ids below beforeID (0: from the
// newest), of the given status ("" for any).
func (s *Store) CatalogDrafts(ctx context.Context, status approval.Status, beforeID int64, limit int) ([]catalog.Draft, error) {
	q := s.db.WithContext(ctx).Model(&catalogDraftRow{})
	if status != "" {
		q = q.Where("status = ?", string(status))
	}
	return findAll(newestBefore(q, beforeID, limit), "catalog drafts", catalogDraftOf)
}
