package accounts

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/page"
	"riskconsole/internal/store"
)

// NewToken is the input of CreateToken.
type NewToken struct {
	Name      string
	Roles     []auth.Role
	ExpiresAt *time.Time // optional; must be in the future
}

// maxTokenNameLen bounds a token's name.
const maxTokenNameLen = 100

// CreateToken creates an API token and returns it with its secret. The secret is shown this once:
// only its SHA-256 is stored. The token belongs to its creator's person, and may carry only
// auth.TokenRoles. Field errors name "input.name", "input.roles" and "input.expiresAt".
func (s *Service) CreateToken(ctx context.Context, in NewToken) (auth.Token, string, error) {
	now := s.clock()
	var ve apperr.ValidationError
	if msg := textProblem(in.Name, maxTokenNameLen); msg != "" {
		ve.Add("input.name", "%s", msg)
	}
	roles := canonicalRoles(in.Roles)
	switch {
	case !validRoles(in.Roles):
		ve.Add("input.roles", "unknown role")
	case len(roles) == 0:
		ve.Add("input.roles", "must hold at least one role")
	case slices.ContainsFunc(roles, func(r auth.Role) bool { return !auth.TokenMayHold(r) }):
		ve.Add("input.roles", "a token may carry only %s: ANALYST, APPROVER and ADMIN belong to people signed in with a password",
			strings.Join(roleNames(auth.TokenRoles), ", "))
	}
	if in.ExpiresAt != nil && !in.ExpiresAt.After(now) {
		ve.Add("input.expiresAt", "must be in the future")
	}
	if err := ve.Err(); err != nil {
		return auth.Token{}, "", err
	}
	secret := auth.NewTokenSecret()
	p := auth.PrincipalFrom(ctx)
	t := auth.Token{Name: in.Name, Roles: roles, CreatedAt: now, CreatedBy: p.Subject(), Owner: p.Person()}
	if in.ExpiresAt != nil {
		exp := in.ExpiresAt.UTC().Truncate(time.Microsecond)
		t.ExpiresAt = &exp
	}
	err := s.store.InTx(ctx, func(tx *store.Store) error {
		var err error
		if t, err = tx.InsertToken(ctx, t, auth.HashToken(secret)); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionTokenCreate, entityToken, strconv.FormatInt(t.ID, 10), nil, recordToken(&t), audit.Done))
	})
	if err != nil {
		return auth.Token{}, "", err
	}
	return t, secret, nil
}

// RevokeToken revokes an API token. It stops working in this process at once and on other
// replicas within their authenticator's cache lifetime (10 s). Revoking a revoked token changes
// nothing (and is still recorded).
func (s *Service) RevokeToken(ctx context.Context, id int64) (auth.Token, error) {
	var t auth.Token
	err := s.store.InTx(ctx, func(tx *store.Store) error {
		var err error
		if t, err = tx.TokenByID(ctx, id); err != nil {
			return err
		}
		before := recordToken(&t)
		if t.RevokedAt == nil {
			now := s.clock()
			if err := tx.RevokeToken(ctx, id, now); err != nil {
				return err
			}
			t.RevokedAt = &now
		}
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionTokenRevoke, entityToken, strconv.FormatInt(id, 10), before, recordToken(&t), audit.Done))
	})
	if err != nil {
		return auth.Token{}, err
	}
	if s.authn != nil {
		s.authn.Forget(id)
	}
	return t, nil
}

// TokenPage is a page of API tokens.
type TokenPage struct {
	Tokens  []auth.Token
	HasNext bool
}

// Tokens returns up to first API tokens newest first, after the cursor after ("" for the first
// page).
func (s *Service) Tokens(ctx context.Context, first int, after string) (TokenPage, error) {
	tokens, hasNext, err := page.Fetch(first, after, tokenCursorPrefix, func(beforeID int64, limit int) ([]auth.Token, error) {
		return s.store.Tokens(ctx, beforeID, limit)
	})
	return TokenPage{Tokens: tokens, HasNext: hasNext}, err
}
