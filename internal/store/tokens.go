package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"riskconsole/internal/apperr"
	"riskconsole/internal/auth"
	"riskconsole/models"
)

// TokenByHash returns the API token with the given hash.
func (s *Store) TokenByHash(ctx context.Context, hash string) (auth.Token, error) {
	var row models.APIToken
	err := s.db.WithContext(ctx).Where("token_hash = ?", hash).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return auth.Token{}, fmt.Errorf("token: %w", apperr.ErrNotFound)
	}
	if err != nil {
		return auth.Token{}, fmt.Errorf("read token: %w", err)
	}
	roles, err := auth.ParseRoles(row.Roles)
	if err != nil {
		return auth.Token{}, fmt.Errorf("token %d: %w", row.ID, err)
	}
	return auth.Token{ID: row.ID, Name: row.Name, Roles: roles, CreatedAt: row.CreatedAt.UTC(),
		ExpiresAt: row.ExpiresAt, RevokedAt: row.RevokedAt}, nil
}

// CreateToken stores a token given its secret's hash.
func (s *Store) CreateToken(ctx context.Context, name, hash string, roles []auth.Role, expiresAt *time.Time) (auth.Token, error) {
	row := models.APIToken{Name: name, TokenHash: hash, Roles: auth.JoinRoles(roles), CreatedAt: now(), ExpiresAt: expiresAt}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return auth.Token{}, fmt.Errorf("create token: %w", err)
	}
	return auth.Token{ID: row.ID, Name: row.Name, Roles: roles, CreatedAt: row.CreatedAt, ExpiresAt: expiresAt}, nil
}
