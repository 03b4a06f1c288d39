package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"riskconsole/internal/apperr"
	"riskconsole/internal/thresholds"
	"riskconsole/models"
)

// Activations returns every threshold activation.
func (s *Store) Activations(ctx context.Context) ([]thresholds.Activation, error) {
	var rows []models.ThresholdActivation
	if err := s.db.WithContext(ctx).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list threshold activations: %w", err)
	}
	out := make([]thresholds.Activation, len(rows))
	for i, r := range rows {
		out[i] = thresholds.Activation{ID: r.ID, Market: r.Market, VersionID: r.ThresholdVersionID,
			ActivatedAt: r.ActivatedAt.UTC(), ActivatedBy: r.ActivatedBy, Emergency: r.Emergency}
	}
	return out, nil
}

// LatestActivationID returns the largest activation id, 0 when there is none.
func (s *Store) LatestActivationID(ctx context.Context) (int64, error) {
	var id int64
	err := s.db.WithContext(ctx).Model(&models.ThresholdActivation{}).Select("COALESCE(MAX(id), 0)").Scan(&id).Error
	if err != nil {
		return 0, fmt.Errorf("latest threshold activation: %w", err)
	}
	return id, nil
}

// ThresholdVersions returns the versions with the given ids.
func (s *Store) ThresholdVersions(ctx context.Context, ids []int64) ([]thresholds.Version, error) {
	var rows []models.ThresholdVersion
	if err := s.db.WithContext(ctx).Where("id IN ?", ids).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read threshold versions: %w", err)
	}
	return versionsFromRows(rows)
}

func versionsFromRows(rows []models.ThresholdVersion) ([]thresholds.Version, error) {
	out := make([]thresholds.Version, len(rows))
	for i, r := range rows {
		set, err := thresholds.DecodeRules(r.Rules)
		if err != nil {
			return nil, fmt.Errorf("threshold version %d: %w", r.ID, err)
		}
		out[i] = thresholds.Version{ID: r.ID, Market: r.Market, Version: r.Version, Set: set,
			Author: r.Author, Approver: r.Approver, Rationale: r.Rationale, CreatedAt: r.CreatedAt.UTC()}
	}
	return out, nil
}

// ThresholdTx runs fn in one transaction, as InTx does, for the threshold lifecycle.
func (s *Store) ThresholdTx(ctx context.Context, fn func(tx thresholds.Tx) error) error {
	return s.InTx(ctx, func(tx *Store) error {
		return fn(draftTx[thresholds.Draft, models.ThresholdDraft]{tx, thresholdDrafts})
	})
}

// thresholdDrafts is the table of threshold drafts, for the approval workflow.
var thresholdDrafts = &draftTable[thresholds.Draft, models.ThresholdDraft]{
	noun: "threshold draft", toRow: thresholdDraftRowOf, fromRow: draftFromRow,
	approval: func(r *models.ThresholdDraft) *models.ApprovalColumns { return &r.Approval },
	changes: func(r *models.ThresholdDraft, columns map[string]any) {
		columns["rules"], columns["rationale"], columns["impact"] = r.Rules, r.Rationale, r.Impact
		columns["published_version_id"], columns["submitted_at"], columns["reviewed_at"] = r.PublishedVersionID, r.SubmittedAt, r.ReviewedAt
	},
}

func thresholdDraftRowOf(d *thresholds.Draft) (models.ThresholdDraft, error) {
	row := models.ThresholdDraft{Approval: approvalColumnsOf(&d.Fields), Market: d.Market, BaseVersionID: d.BaseVersionID,
		Rules: thresholds.EncodeRules(&d.Set), Rationale: d.Rationale, SubmittedAt: utcPtr(d.SubmittedAt), ReviewedAt: utcPtr(d.ReviewedAt)}
	if d.Impact != nil {
		b, err := json.Marshal(d.Impact)
		if err != nil {
			return models.ThresholdDraft{}, fmt.Errorf("encode impact: %w", err)
		}
		impact := string(b)
		row.Impact = &impact
	}
	if d.PublishedVersionID != 0 {
		row.PublishedVersionID = &d.PublishedVersionID
	}
	return row, nil
}

// ThresholdDraft returns the draft with the given id.
func (s *Store) ThresholdDraft(ctx context.Context, id int64) (thresholds.Draft, error) {
	return loadDraft(ctx, s, thresholdDrafts, id)
}

// ThresholdDrafts returns up to limit drafts matching f, newest first, with ids below beforeID
// (0: from the newest).
func (s *Store) ThresholdDrafts(ctx context.Context, f thresholds.DraftFilter, beforeID int64, limit int) ([]thresholds.Draft, error) {
	q := s.db.WithContext(ctx).Model(&models.ThresholdDraft{})
	if f.Market != "" {
		q = q.Where("market = ?", f.Market)
	}
	if f.Status != "" {
		q = q.Where("status = ?", string(f.Status))
	}
	return findAll(newestBefore(q, beforeID, limit), "threshold drafts", draftFromRow)
}

func draftFromRow(r *models.ThresholdDraft) (thresholds.Draft, error) {
	set, err := thresholds.DecodeRules(r.Rules)
	if err != nil {
		return thresholds.Draft{}, fmt.Errorf("threshold draft %d: %w", r.Approval.ID, err)
	}
	d := thresholds.Draft{Fields: approvalFields(&r.Approval), Market: r.Market, BaseVersionID: r.BaseVersionID, Set: set,
		Rationale: r.Rationale, SubmittedAt: utcPtr(r.SubmittedAt), ReviewedAt: utcPtr(r.ReviewedAt)}
	if r.PublishedVersionID != nil {
		d.PublishedVersionID = *r.PublishedVersionID
	}
	if r.Impact != nil && *r.Impact != "" {
		var imp thresholds.Impact
		if err := json.Unmarshal([]byte(*r.Impact), &imp); err != nil {
			return thresholds.Draft{}, fmt.Errorf("threshold draft %d impact: %w", r.Approval.ID, err)
		}
		d.Impact = &imp
	}
	return d, nil
}

// CreateThresholdVersion publishes v as the next version of its market and fills ID and Version.
// Two publications racing for the same number are an ErrConflict for the loser.
func (s *Store) CreateThresholdVersion(ctx context.Context, v *thresholds.Version) error {
	db := s.db.WithContext(ctx)
	var next int
	if err := db.Model(&models.ThresholdVersion{}).Where("market = ?", v.Market).
		Select("COALESCE(MAX(version), 0) + 1").Scan(&next).Error; err != nil {
		return fmt.Errorf("next threshold version of %s: %w", v.Market, err)
	}
	row := models.ThresholdVersion{Market: v.Market, Version: next, Rules: thresholds.EncodeRules(&v.Set), Author: v.Author,
		Approver: v.Approver, Rationale: v.Rationale, CreatedAt: v.CreatedAt.UTC()}
	if err := db.Create(&row).Error; err != nil {
		switch {
		case isUniqueViolation(err, "version"):
			return fmt.Errorf("threshold version %s v%d was published concurrently: %w", v.Market, next, apperr.ErrConflict)
		case isCheckViolation(err, "approver_not_author"):
			return fmt.Errorf("a threshold version's approver cannot be its author: %w", apperr.ErrForbidden)
		}
		return fmt.Errorf("create threshold version: %w", err)
	}
	v.ID, v.Version = row.ID, next
	return nil
}

// CreateThresholdActivation appends a and fills its ID. An activation of the same market at the
// same instant is an ErrConflict.
func (s *Store) CreateThresholdActivation(ctx context.Context, a *thresholds.Activation) error {
	row := models.ThresholdActivation{Market: a.Market, ThresholdVersionID: a.VersionID, ActivatedAt: a.ActivatedAt.UTC(),
		ActivatedBy: a.ActivatedBy, Emergency: a.Emergency, CreatedAt: now()}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		if isUniqueViolation(err, "activated_at") {
			return fmt.Errorf("market %s already has an activation at %s: %w", a.Market, a.ActivatedAt, apperr.ErrConflict)
		}
		return fmt.Errorf("create threshold activation: %w", err)
	}
	a.ID = row.ID
	return nil
}

// MarketVersions returns up to limit versions of market, newest first, with version numbers
// below before (0: from the newest).
func (s *Store) MarketVersions(ctx context.Context, market string, before, limit int) ([]thresholds.Version, error) {
	q := s.db.WithContext(ctx).Where("market = ?", market)
	if before > 0 {
		q = q.Where("version < ?", before)
	}
	var rows []models.ThresholdVersion
	if err := q.Order("version DESC").Limit(limit).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list threshold versions of %s: %w", market, err)
	}
	return versionsFromRows(rows)
}

// isCheckViolation reports whether err is a refused CHECK constraint (or the SQLite trigger
// standing in for one) whose name contains name.
func isCheckViolation(err error, name string) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code == "23514" && strings.Contains(pgErr.ConstraintName, name)
	}
	msg := err.Error()
	return strings.Contains(msg, "CHECK constraint failed") && strings.Contains(msg, name)
}
