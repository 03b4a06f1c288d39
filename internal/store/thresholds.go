package store

import (
	"context"
	"fmt"

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
			ActivatedAt: r.ActivatedAt.UTC(), ActivatedBy: r.ActivatedBy}
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
