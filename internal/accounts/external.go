package accounts

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/store"
)

// ExternalSignIn is a sign-in that an identity provider vouched for (package oidc).
type ExternalSignIn struct {
	// Person names the user across sign-ins: the provider's issuer and subject, never an e-mail.
	Person auth.Person
	// Username is what the console shows and the audit log names the user by when it first signs
	// in (the provider's e-mail or preferred username); it is kept afterwards.
	Username    string
	DisplayName string
	// Roles are the roles the provider's groups map to at this sign-in: they replace the user's.
	Roles []auth.Role
	// Via names the provider in the audit event (its issuer).
	Via        string
	ClientAddr string
	UserAgent  string
	// PreviousSecret is the session cookie the browser still sent, if any; that session ends.
	PreviousSecret string
}

// ErrNoRole refuses a sign-in through the identity provider of a person none of whose groups
// maps to a role.
var ErrNoRole = fmt.Errorf("none of your groups at the identity provider gives a role in riskconsole: %w", apperr.ErrForbidden)

// reasonNoRole is recorded for a sign-in refused with ErrNoRole.
const reasonNoRole = "no role from the identity provider's groups"

// SignInExternal starts a session for a person an identity provider vouched for. The first
// sign-in creates the person's account (without a password); every sign-in replaces its roles
// with in.Roles, so that a person removed from a group loses the role at once, in every session.
// A sign-in that maps to no role is refused with ErrNoRole and ends the person's sessions; a
// disabled account is refused with ErrUnauthorized. Like Login, it writes one auth.login event,
// and a user.set_roles event when the roles changed.
func (s *Service) SignInExternal(ctx context.Context, in ExternalSignIn) (LoginResult, error) {
	roles := canonicalRoles(in.Roles)
	now := s.clock()
	var user auth.User
	var refused error
	err := s.store.InTx(ctx, func(tx *store.Store) error {
		if err := tx.LockAccounts(ctx); err != nil {
			return err
		}
		u, err := tx.UserByPerson(ctx, in.Person)
		switch {
		case errors.Is(err, apperr.ErrNotFound):
			if len(roles) == 0 {
				refused = ErrNoRole
				return nil
			}
			u, err = s.createExternal(ctx, tx, in, roles)
			if err != nil {
				return err
			}
		case err != nil:
			return err
		default:
			if u.DisabledAt != nil {
				refused = fmt.Errorf("account disabled: %w", apperr.ErrUnauthorized)
				return nil
			}
			if err := s.syncExternal(ctx, tx, &u, in, roles); err != nil {
				return err
			}
			if len(roles) == 0 {
				if _, err := tx.RevokeUserSessions(ctx, u.ID, now, ""); err != nil {
					return err
				}
				refused = ErrNoRole
				return nil
			}
		}
		user = u
		return nil
	})
	if err != nil {
		return LoginResult{}, err
	}
	if refused != nil {
		reason := reasonNoRole
		if !errors.Is(refused, ErrNoRole) {
			reason = reasonDisabled
		}
		if err := s.loginFailed(ctx, in.Username, reason); err != nil {
			return LoginResult{}, err
		}
		return LoginResult{}, refused
	}
	return s.startSession(ctx, user, LoginRequest{ClientAddr: in.ClientAddr, UserAgent: in.UserAgent,
		PreviousSecret: in.PreviousSecret}, map[string]any{"via": in.Via, "person": string(in.Person)})
}

// createExternal creates the account of a person signing in through the identity provider for
// the first time. Its username is the provider's, or, when a local account or another person
// holds it, that name with a short suffix of the person.
func (s *Service) createExternal(ctx context.Context, tx *store.Store, in ExternalSignIn, roles []auth.Role) (auth.User, error) {
	base := truncate(strings.ToLower(strings.TrimSpace(in.Username)), 56)
	if base == "" {
		base = "user"
	}
	sum := sha256.Sum256([]byte(in.Person))
	ctx = auth.WithPrincipal(ctx, auth.SystemPrincipal("oidc"))
	for _, name := range []string{base, base + "~" + hex.EncodeToString(sum[:3])} {
		u := auth.User{Username: name, DisplayName: truncate(in.DisplayName, maxDisplayNameLen), Roles: roles,
			CreatedAt: s.clock(), CreatedBy: "oidc:" + in.Via, Person: in.Person}
		if _, err := tx.UserByUsername(ctx, name); err == nil {
			continue
		} else if !errors.Is(err, apperr.ErrNotFound) {
			return auth.User{}, err
		}
		u, err := tx.CreateUser(ctx, u, "")
		if err != nil {
			return auth.User{}, err
		}
		return u, tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionUserCreate, entityUser, u.Username, nil, recordUser(&u), audit.Done))
	}
	return auth.User{}, fmt.Errorf("username %q is taken: %w", base, apperr.ErrConflict)
}

// syncExternal replaces u's roles (and display name) with the provider's, recording a change of
// roles as the identity provider's.
func (s *Service) syncExternal(ctx context.Context, tx *store.Store, u *auth.User, in ExternalSignIn, roles []auth.Role) error {
	if name := truncate(in.DisplayName, maxDisplayNameLen); name != "" && name != u.DisplayName {
		if err := tx.SetUserDisplayName(ctx, u.ID, name); err != nil {
			return err
		}
		u.DisplayName = name
	}
	if slices.Equal(u.Roles, roles) {
		return nil
	}
	before := recordUser(u)
	if err := tx.SetUserRoles(ctx, u.ID, roles); err != nil {
		return err
	}
	u.Roles = roles
	ctx = auth.WithPrincipal(ctx, auth.SystemPrincipal("oidc"))
	return tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionUserSetRoles, entityUser, u.Username, before, recordUser(u), audit.Done))
}

// RecordFailedSignIn records a sign-in through the identity provider refused before the provider
// named the person (a used state, a token that failed verification): username is what is known.
func (s *Service) RecordFailedSignIn(ctx context.Context, username, reason string) error {
	return s.loginFailed(ctx, username, reason)
}

// SetSessionCookie gives the browser the cookie of a session that res started: the one way every
// sign-in sets it.
func (s *Service) SetSessionCookie(w http.ResponseWriter, res LoginResult) {
	http.SetCookie(w, auth.SessionCookie(res.Secret, s.lifetime))
}
