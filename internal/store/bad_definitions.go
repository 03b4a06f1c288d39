package store

import (
	"context"
	"fmt"

	"riskconsole/internal/apperr"
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
