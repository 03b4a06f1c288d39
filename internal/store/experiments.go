package store

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"riskconsole/internal/apperr"
	"riskconsole/internal/approval"
	"riskconsole/internal/thresholds"
	"riskconsole/models"
)

// experimentsLockID is the PostgreSQL advisory lock space of changes to a market's shadows and
// split: the lock is (experimentsLockID, hash of the market).
const experimentsLockID = 0x72637368 // "rcsh"

// OpenExperiments returns the shadow runs not stopped and the split periods not ended.
func (s *Store) OpenExperiments(ctx context.Context) ([]thresholds.Shadow, []thresholds.Split, error) {
	db := s.db.WithContext(ctx)
	shadows, err := findAll(db.Model(&models.ThresholdShadow{}).Where("stopped_at IS NULL"), "open shadow runs", shadowOf)
	if err != nil {
		return nil, nil, err
	}
	splits, err := findAll(db.Model(&models.ThresholdSplit{}).Where("ended_at IS NULL"), "running splits", splitOf)
	if err != nil {
		return nil, nil, err
	}
	return shadows, splits, nil
}

// ThresholdShadows returns up to limit shadow runs (0: all), newest first, of market and of
// version (zero values: any).
func (s *Store) ThresholdShadows(ctx context.Context, market string, versionID int64, limit int) ([]thresholds.Shadow, error) {
	q := s.db.WithContext(ctx).Model(&models.ThresholdShadow{})
	if market != "" {
		q = q.Where("market = ?", market)
	}
	if versionID != 0 {
		q = q.Where("version_id = ?", versionID)
	}
	q = q.Order("id DESC")
	if limit > 0 {
		q = q.Limit(limit)
	}
	return findAll(q, "shadow runs", shadowOf)
}

// ThresholdShadow returns shadow run id.
func (s *Store) ThresholdShadow(ctx context.Context, id int64) (thresholds.Shadow, error) {
	return takeOne(s.db.WithContext(ctx).Where("id = ?", id), fmt.Sprintf("shadow run %d", id), shadowOf)
}

// ThresholdSplits returns up to limit split periods of market ("": any), newest first.
func (s *Store) ThresholdSplits(ctx context.Context, market string, limit int) ([]thresholds.Split, error) {
	q := s.db.WithContext(ctx).Model(&models.ThresholdSplit{})
	if market != "" {
		q = q.Where("market = ?", market)
	}
	return findAll(q.Order("id DESC").Limit(limit), "split periods", splitOf)
}

// takeOne reads the one row of q as R and converts it; none is an ErrNotFound naming what.
func takeOne[R, T any](q *gorm.DB, what string, conv func(*R) (T, error)) (T, error) {
	var row R
	err := q.Take(&row).Error
	if err != nil {
		var zero T
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return zero, fmt.Errorf("%s: %w", what, apperr.ErrNotFound)
		}
		return zero, fmt.Errorf("read %s: %w", what, err)
	}
	return conv(&row)
}

func shadowOf(r *models.ThresholdShadow) (thresholds.Shadow, error) {
	return thresholds.Shadow{ID: r.ID, Market: r.Market, VersionID: r.VersionID, StartedAt: r.StartedAt.UTC(),
		StartedBy: r.StartedBy, EndsAt: utcPtr(r.EndsAt), StoppedAt: utcPtr(r.StoppedAt), StoppedBy: r.StoppedBy}, nil
}

func splitOf(r *models.ThresholdSplit) (thresholds.Split, error) {
	sp := thresholds.Split{ID: r.ID, Market: r.Market, VersionID: r.VersionID, Percent: r.Percent,
		StartedAt: r.StartedAt.UTC(), StartedBy: r.StartedBy, EndedAt: utcPtr(r.EndedAt), EndedBy: r.EndedBy}
	if r.RequestID != nil {
		sp.RequestID = *r.RequestID
	}
	return sp, nil
}

// ExperimentTx runs fn in one transaction, as InTx does, for shadows and splits.
func (s *Store) ExperimentTx(ctx context.Context, fn func(tx thresholds.ExperimentTx) error) error {
	return s.InTx(ctx, func(tx *Store) error {
		return fn(experimentTx{draftTx[thresholds.SplitRequest, models.ThresholdSplitRequest]{tx, splitRequests}})
	})
}

// experimentTx is a transaction over shadows, splits and split requests.
type experimentTx struct {
	draftTx[thresholds.SplitRequest, models.ThresholdSplitRequest]
}

// LockExperiments takes market's advisory lock on PostgreSQL; SQLite runs write transactions one
// at a time.
func (tx experimentTx) LockExperiments(ctx context.Context, market string) error {
	if tx.dialect != Postgres {
		return nil
	}
	if err := tx.db.WithContext(ctx).Exec("SELECT pg_advisory_xact_lock(?, hashtext(?))", experimentsLockID, market).Error; err != nil {
		return fmt.Errorf("lock the experiments of %s: %w", market, err)
	}
	return nil
}

// MarketShadows returns market's shadow runs not stopped.
func (tx experimentTx) MarketShadows(ctx context.Context, market string) ([]thresholds.Shadow, error) {
	q := tx.db.WithContext(ctx).Model(&models.ThresholdShadow{}).Where("market = ? AND stopped_at IS NULL", market)
	return findAll(q.Order("id"), "open shadow runs of "+market, shadowOf)
}

// Shadow reads shadow run id.
func (tx experimentTx) Shadow(ctx context.Context, id int64) (thresholds.Shadow, error) {
	return tx.ThresholdShadow(ctx, id)
}

// CreateShadow writes run sh and fills its ID.
func (tx experimentTx) CreateShadow(ctx context.Context, sh *thresholds.Shadow) error {
	row := models.ThresholdShadow{Market: sh.Market, VersionID: sh.VersionID, StartedAt: sh.StartedAt.UTC(),
		StartedBy: sh.StartedBy, EndsAt: utcPtr(sh.EndsAt)}
	if err := tx.db.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("create shadow run: %w", err)
	}
	sh.ID = row.ID
	return nil
}

// StopShadow writes sh's stop if the run is not stopped, and reports whether it was not.
func (tx experimentTx) StopShadow(ctx context.Context, sh *thresholds.Shadow) (bool, error) {
	res := tx.db.WithContext(ctx).Model(&models.ThresholdShadow{}).Where("id = ? AND stopped_at IS NULL", sh.ID).
		UpdateColumns(map[string]any{"stopped_at": sh.StoppedAt.UTC(), "stopped_by": sh.StoppedBy})
	if res.Error != nil {
		return false, fmt.Errorf("stop shadow run %d: %w", sh.ID, res.Error)
	}
	return res.RowsAffected == 1, nil
}

// RunningSplit returns market's split period not ended, nil when there is none.
func (tx experimentTx) RunningSplit(ctx context.Context, market string) (*thresholds.Split, error) {
	q := tx.db.WithContext(ctx).Model(&models.ThresholdSplit{}).Where("market = ? AND ended_at IS NULL", market)
	list, err := findAll(q, "running split of "+market, splitOf)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return &list[0], nil
}

// CreateSplit starts period sp and fills its ID. A period already running in the market is an
// ErrConflict (the unique index on running periods).
func (tx experimentTx) CreateSplit(ctx context.Context, sp *thresholds.Split) error {
	row := models.ThresholdSplit{Market: sp.Market, VersionID: sp.VersionID, Percent: sp.Percent,
		StartedAt: sp.StartedAt.UTC(), StartedBy: sp.StartedBy}
	if sp.RequestID != 0 {
		id := sp.RequestID
		row.RequestID = &id
	}
	if err := tx.db.WithContext(ctx).Create(&row).Error; err != nil {
		if isUniqueViolation(err, "market") || isUniqueViolation(err, "running") {
			return fmt.Errorf("%s already runs a split: %w", sp.Market, apperr.ErrConflict)
		}
		return fmt.Errorf("create split period: %w", err)
	}
	sp.ID = row.ID
	return nil
}

// EndSplit writes the end of period sp.
func (tx experimentTx) EndSplit(ctx context.Context, sp *thresholds.Split) error {
	res := tx.db.WithContext(ctx).Model(&models.ThresholdSplit{}).Where("id = ? AND ended_at IS NULL", sp.ID).
		UpdateColumns(map[string]any{"ended_at": sp.EndedAt.UTC(), "ended_by": sp.EndedBy})
	if res.Error != nil {
		return fmt.Errorf("end split period %d: %w", sp.ID, res.Error)
	}
	if res.RowsAffected != 1 {
		return fmt.Errorf("split period %d ended concurrently: %w", sp.ID, apperr.ErrConflict)
	}
	return nil
}

// splitRequests is the table of split requests, for the approval workflow.
var splitRequests = &draftTable[thresholds.SplitRequest, models.ThresholdSplitRequest]{
	noun: "split request", toRow: splitRequestRowOf, fromRow: splitRequestOf,
	approval: func(r *models.ThresholdSplitRequest) *models.ApprovalColumns { return &r.Approval },
	changes:  func(*models.ThresholdSplitRequest, map[string]any) {}, // a request's content is written once
}

func splitRequestRowOf(r *thresholds.SplitRequest) (models.ThresholdSplitRequest, error) {
	return models.ThresholdSplitRequest{Approval: approvalColumnsOf(&r.Fields), Market: r.Market, VersionID: r.VersionID,
		Percent: r.Percent, Rationale: r.Rationale}, nil
}

func splitRequestOf(r *models.ThresholdSplitRequest) (thresholds.SplitRequest, error) {
	return thresholds.SplitRequest{Fields: approvalFields(&r.Approval), Market: r.Market, VersionID: r.VersionID,
		Percent: r.Percent, Rationale: r.Rationale}, nil
}

// SplitRequest returns split request id.
func (s *Store) SplitRequest(ctx context.Context, id int64) (thresholds.SplitRequest, error) {
	return loadDraft(ctx, s, splitRequests, id)
}

// SplitRequests returns up to limit requests, newest first, with ids below beforeID (0: from the
// newest), of market and status (zero values: any).
func (s *Store) SplitRequests(ctx context.Context, market string, status approval.Status, beforeID int64, limit int) ([]thresholds.SplitRequest, error) {
	q := s.db.WithContext(ctx).Model(&models.ThresholdSplitRequest{})
	if market != "" {
		q = q.Where("market = ?", market)
	}
	if status != "" {
		q = q.Where("status = ?", string(status))
	}
	return findAll(newestBefore(q, beforeID, limit), "split requests", splitRequestOf)
}

// The store keeps shadows and splits.
var _ thresholds.ExperimentStore = (*Store)(nil)
