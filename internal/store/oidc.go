package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm/clause"

	"riskconsole/internal/apperr"
	"riskconsole/models"
)

// OIDCFlow is a sign-in through an OpenID Connect provider under way, as package oidc keeps it.
type OIDCFlow = models.OIDCFlow

// SaveOIDCFlow stores a sign-in under way.
func (s *Store) SaveOIDCFlow(ctx context.Context, f OIDCFlow) error {
	f.ExpiresAt = f.ExpiresAt.UTC()
	if err := s.db.WithContext(ctx).Create(&f).Error; err != nil {
		return fmt.Errorf("save sign-in flow: %w", err)
	}
	return nil
}

// TakeOIDCFlow removes and returns the sign-in under way whose state hashes to stateHash, if it
// has not expired at now: a state works once, even when two callbacks race (only one DELETE
// removes the row). Unknown, taken or expired states are an ErrNotFound.
func (s *Store) TakeOIDCFlow(ctx context.Context, stateHash string, now time.Time) (OIDCFlow, error) {
	var f OIDCFlow
	err := s.InTx(ctx, func(tx *Store) error {
		if err := tx.db.WithContext(ctx).Where("state_hash = ?", stateHash).Limit(1).Find(&f).Error; err != nil {
			return fmt.Errorf("read sign-in flow: %w", err)
		}
		if f.StateHash == "" {
			return fmt.Errorf("sign-in flow: %w", apperr.ErrNotFound)
		}
		res := tx.db.WithContext(ctx).Where("state_hash = ?", stateHash).Delete(&OIDCFlow{})
		if res.Error != nil {
			return fmt.Errorf("take sign-in flow: %w", res.Error)
		}
		if res.RowsAffected != 1 {
			return fmt.Errorf("sign-in flow taken already: %w", apperr.ErrNotFound)
		}
		return nil
	})
	if err != nil {
		return OIDCFlow{}, err
	}
	if !now.Before(f.ExpiresAt) {
		return OIDCFlow{}, fmt.Errorf("sign-in flow expired: %w", apperr.ErrNotFound)
	}
	return f, nil
}

// DeleteOIDCFlowsExpiredBefore removes sign-ins abandoned before t.
func (s *Store) DeleteOIDCFlowsExpiredBefore(ctx context.Context, t time.Time) (int64, error) {
	res := s.db.WithContext(ctx).Where("expires_at < ?", t.UTC()).Delete(&OIDCFlow{})
	if res.Error != nil {
		return 0, fmt.Errorf("purge sign-in flows: %w", res.Error)
	}
	return res.RowsAffected, nil
}

// Setting returns the value of the setting name, or def when it was never set.
func (s *Store) Setting(ctx context.Context, name, def string) (string, error) {
	var rows []models.Setting
	if err := s.db.WithContext(ctx).Where("name = ?", name).Limit(1).Find(&rows).Error; err != nil {
		return "", fmt.Errorf("read setting %s: %w", name, err)
	}
	if len(rows) == 0 {
		return def, nil
	}
	return rows[0].Value, nil
}

// SetSetting stores the value of the setting name.
func (s *Store) SetSetting(ctx context.Context, name, value string, at time.Time, by string) error {
	row := models.Setting{Name: name, Value: value, UpdatedAt: at.UTC(), UpdatedBy: by}
	err := s.db.WithContext(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "name"}},
		DoUpdates: clause.AssignmentColumns([]string{"value", "updated_at", "updated_by"})}).Create(&row).Error
	if err != nil {
		return fmt.Errorf("set setting %s: %w", name, err)
	}
	return nil
}
