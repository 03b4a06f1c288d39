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
	return s.forAssessments().takeToken(ctx, "token_hash = ?", hash)
}

// TokenByID returns the API token with the given id.
func (s *Store) TokenByID(ctx context.Context, id int64) (auth.Token, error) {
	return s.takeToken(ctx, "id = ?", id)
}

func (s *Store) takeToken(ctx context.Context, cond string, arg any) (auth.Token, error) {
	var row models.APIToken
	err := s.db.WithContext(ctx).Where(cond, arg).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return auth.Token{}, fmt.Errorf("token: %w", apperr.ErrNotFound)
	}
	if err != nil {
		return auth.Token{}, fmt.Errorf("read token: %w", err)
	}
	return tokenFromRow(&row)
}

func tokenFromRow(row *models.APIToken) (auth.Token, error) {
	roles, err := auth.ParseRoles(row.Roles)
	if err != nil {
		return auth.Token{}, fmt.Errorf("token %d: %w", row.ID, err)
	}
	return auth.Token{ID: row.ID, Name: row.Name, Roles: roles, CreatedAt: row.CreatedAt.UTC(),
		ExpiresAt: utcPtr(row.ExpiresAt), RevokedAt: utcPtr(row.RevokedAt), LastUsedAt: utcPtr(row.LastUsedAt),
		CreatedBy: row.CreatedBy, Owner: auth.Person(row.Owner)}, nil
}

// tokenRow returns the row of token t with its secret's hash. It refuses a role no token may
// carry (auth.TokenRoles), so that no path writes one.
func tokenRow(t auth.Token, hash string) (models.APIToken, error) {
	for _, r := range t.Roles {
		if !auth.TokenMayHold(r) {
			return models.APIToken{}, fmt.Errorf("token %q: no token may carry %s: %w", t.Name, r, apperr.ErrInvalid)
		}
	}
	return models.APIToken{Name: t.Name, TokenHash: hash, Roles: auth.JoinRoles(t.Roles), CreatedAt: t.CreatedAt.UTC(),
		ExpiresAt: utcPtr(t.ExpiresAt), CreatedBy: t.CreatedBy, Owner: string(t.Owner)}, nil
}

// CreateToken stores a token given its secret's hash.
func (s *Store) CreateToken(ctx context.Context, name, hash string, roles []auth.Role, expiresAt *time.Time) (auth.Token, error) {
	return s.InsertToken(ctx, auth.Token{Name: name, Roles: roles, CreatedAt: now(), ExpiresAt: expiresAt}, hash)
}

// InsertToken stores t (its name, roles, creation time, creator and owner, and expiry) given its
// secret's hash, and returns it with its id.
func (s *Store) InsertToken(ctx context.Context, t auth.Token, hash string) (auth.Token, error) {
	row, err := tokenRow(t, hash)
	if err != nil {
		return auth.Token{}, err
	}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return auth.Token{}, fmt.Errorf("create token: %w", err)
	}
	return tokenFromRow(&row)
}

// RevokeToken marks a token revoked at the given time, unless it already is.
func (s *Store) RevokeToken(ctx context.Context, id int64, at time.Time) error {
	err := s.db.WithContext(ctx).Model(&models.APIToken{}).Where("id = ? AND revoked_at IS NULL", id).
		Update("revoked_at", at.UTC()).Error
	if err != nil {
		return fmt.Errorf("revoke token %d: %w", id, err)
	}
	return nil
}

// TouchToken records that a token was used at the given time. Like TokenByHash it runs on the
// connections reserved for checkout, which authenticates with a token.
func (s *Store) TouchToken(ctx context.Context, id int64, at time.Time) error {
	err := s.forAssessments().db.WithContext(ctx).Model(&models.APIToken{}).Where("id = ?", id).Update("last_used_at", at.UTC()).Error
	if err != nil {
		return fmt.Errorf("record use of token %d: %w", id, err)
	}
	return nil
}

// Tokens returns up to limit tokens newest first, starting after (below) the id beforeID; 0
// starts at the newest.
func (s *Store) Tokens(ctx context.Context, beforeID int64, limit int) ([]auth.Token, error) {
	return findAll(newestBefore(s.db.WithContext(ctx), beforeID, limit), "tokens", tokenFromRow)
}

// utcPtr returns t in UTC, nil for nil.
func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
