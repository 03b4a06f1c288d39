package store

import (
	"context"
	"fmt"

	"riskconsole/internal/apperr"
	"riskconsole/internal/approval"
	"riskconsole/internal/outcomes"
	"riskconsole/models"
)

// ActiveBadDefinition returns the newest version of market's bad definition: the one in force.
func (s *Store) ActiveBadDefinition(ctx context.Context, market string) (outcomes.Version, error) {
	var rows []models.BadDefinition
	if err := s.db.WithContext(ctx).Where("market = ?", market).Order("version DESC").Limit(1).Find(&rows).Error; err != nil {
		return outcomes.Version{}, fmt.Errorf("read the bad definition of %s: %w", market, err)
	}
	if len(rows) == 0 {
		return outcomes.Version{}, fmt.Errorf("bad definition of market %q: %w", market, apperr.ErrNotFound)
	}
	return badVersionFromRow(&rows[0])
}

func badVersionFromRow(r *models.BadDefinition) (outcomes.Version, error) {
	status, ok := outcomes.ParseStatus(r.Level)
	level, isLevel := outcomes.LevelOf(status)
	if !ok || !isLevel {
		return outcomes.Version{}, fmt.Errorf("bad definition %d: level %q is not a level", r.ID, r.Level)
	}
	return outcomes.Version{ID: r.ID, Market: r.Market, Version: r.Version,
		Definition: outcomes.BadDefinition{Level: level, WindowMonths: r.WindowMonths},
		Author:     r.Author, Approver: r.Approver, Rationale: r.Rationale, CreatedAt: r.CreatedAt.UTC()}, nil
}

// BadDefinitionVersions returns up to limit versions of market, newest first, with ids below
// beforeID (0: from the newest).
func (s *Store) BadDefinitionVersions(ctx context.Context, market string, beforeID int64, limit int) ([]outcomes.Version, error) {
	q := s.db.WithContext(ctx).Model(&models.BadDefinition{}).Where("market = ?", market)
	return findAll(newestBefore(q, beforeID, limit), "bad definitions", badVersionFromRow)
}

// CreateBadDefinitionVersion appends v as its market's next version (the newest plus one) and
// fills v.ID and v.Version. A version of the market published concurrently is an ErrConflict; an
// approver who is the author is an ErrForbidden (the database refuses it too).
func (s *Store) CreateBadDefinitionVersion(ctx context.Context, v *outcomes.Version) error {
	db := s.db.WithContext(ctx)
	var next int
	if err := db.Model(&models.BadDefinition{}).Where("market = ?", v.Market).
		Select("COALESCE(MAX(version), 0) + 1").Scan(&next).Error; err != nil {
		return fmt.Errorf("next bad definition version of %s: %w", v.Market, err)
	}
	row := models.BadDefinition{Market: v.Market, Version: next, Level: v.Definition.Level.Status().String(),
		WindowMonths: v.Definition.WindowMonths, Author: v.Author, Approver: v.Approver, Rationale: v.Rationale,
		CreatedAt: v.CreatedAt.UTC()}
	if err := db.Create(&row).Error; err != nil {
		switch {
		case isUniqueViolation(err, "version"):
			return fmt.Errorf("bad definition %s v%d was published concurrently: %w", v.Market, next, apperr.ErrConflict)
		case isCheckViolation(err, "approver_not_author"):
			return fmt.Errorf("a bad definition's approver cannot be its author: %w", apperr.ErrForbidden)
		}
		return fmt.Errorf("create bad definition version: %w", err)
	}
	v.ID, v.Version = row.ID, next
	return nil
}

// BadDefinitionTx runs fn in one transaction, as InTx does, for the bad definition's lifecycle.
func (s *Store) BadDefinitionTx(ctx context.Context, fn func(tx outcomes.DraftTx) error) error {
	return s.InTx(ctx, func(tx *Store) error {
		return fn(draftTx[outcomes.Draft, models.BadDefinitionDraft]{tx, badDefinitionDrafts})
	})
}

// badDefinitionDrafts is the table of bad definition drafts, for the approval workflow.
var badDefinitionDrafts = &draftTable[outcomes.Draft, models.BadDefinitionDraft]{
	noun: "bad definition draft", toRow: badDraftRowOf, fromRow: badDraftOf,
	approval: func(r *models.BadDefinitionDraft) *models.ApprovalColumns { return &r.Approval },
	changes: func(r *models.BadDefinitionDraft, columns map[string]any) {
		columns["level"], columns["window_months"], columns["rationale"] = r.Level, r.WindowMonths, r.Rationale
		columns["published_version_id"] = r.PublishedVersionID
	},
}

func badDraftRowOf(d *outcomes.Draft) (models.BadDefinitionDraft, error) {
	row := models.BadDefinitionDraft{Approval: approvalColumnsOf(&d.Fields), Market: d.Market,
		Level: d.Definition.Level.Status().String(), WindowMonths: d.Definition.WindowMonths, Rationale: d.Rationale}
	if d.BaseVersionID != 0 {
		id := d.BaseVersionID
		row.BaseVersionID = &id
	}
	if d.PublishedVersionID != 0 {
		id := d.PublishedVersionID
		row.PublishedVersionID = &id
	}
	return row, nil
}

func badDraftOf(r *models.BadDefinitionDraft) (outcomes.Draft, error) {
	status, ok := outcomes.ParseStatus(r.Level)
	level, isLevel := outcomes.LevelOf(status)
	if !ok || !isLevel {
		return outcomes.Draft{}, fmt.Errorf("bad definition draft %d: level %q is not a level", r.Approval.ID, r.Level)
	}
	d := outcomes.Draft{Fields: approvalFields(&r.Approval), Market: r.Market,
		Definition: outcomes.BadDefinition{Level: level, WindowMonths: r.WindowMonths}, Rationale: r.Rationale}
	if r.BaseVersionID != nil {
		d.BaseVersionID = *r.BaseVersionID
	}
	if r.PublishedVersionID != nil {
		d.PublishedVersionID = *r.PublishedVersionID
	}
	return d, nil
}

// BadDefinitionDraft returns the bad definition draft with the given id.
func (s *Store) BadDefinitionDraft(ctx context.Context, id int64) (outcomes.Draft, error) {
	return loadDraft(ctx, s, badDefinitionDrafts, id)
}

// BadDefinitionDrafts returns up to limit drafts, newest first, with ids below beforeID (0: from
// the newest), of market and status ("" for any).
func (s *Store) BadDefinitionDrafts(ctx context.Context, market string, status approval.Status, beforeID int64, limit int) ([]outcomes.Draft, error) {
	q := s.db.WithContext(ctx).Model(&models.BadDefinitionDraft{})
	if market != "" {
		q = q.Where("market = ?", market)
	}
	if status != "" {
		q = q.Where("status = ?", string(status))
	}
	return findAll(newestBefore(q, beforeID, limit), "bad definition drafts", badDraftOf)
}

// The store keeps the bad definition's drafts: the DefinitionService built over it runs them.
var _ outcomes.DraftStore = (*Store)(nil)
