package accounts

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/page"
	"riskconsole/internal/store"
)

// NewUser is the input of CreateUser.
type NewUser struct {
	Username    string
	DisplayName string
	Password    string
	Roles       []auth.Role
}

// CreateUser creates a staff account. Field errors name "input.username", "input.displayName",
// "input.password" and "input.roles"; a taken username is an ErrConflict.
func (s *Service) CreateUser(ctx context.Context, in NewUser) (auth.User, error) {
	var ve apperr.ValidationError
	if !ValidUsername(in.Username) {
		ve.Add("input.username", "must be 3 to 64 lower-case letters, digits, dots, dashes or underscores")
	}
	if msg := textProblem(in.DisplayName, maxDisplayNameLen); msg != "" {
		ve.Add("input.displayName", "%s", msg)
	}
	if msg := PasswordProblem(in.Password, in.Username); msg != "" {
		ve.Add("input.password", "%s", msg)
	}
	roles := canonicalRoles(in.Roles)
	switch {
	case !validRoles(in.Roles):
		ve.Add("input.roles", "unknown role")
	case len(roles) == 0:
		ve.Add("input.roles", "must hold at least one role")
	}
	if err := ve.Err(); err != nil {
		return auth.User{}, err
	}
	hash, err := s.hashPassword(ctx, in.Password)
	if err != nil {
		return auth.User{}, err
	}
	u := auth.User{Username: in.Username, DisplayName: in.DisplayName, Roles: roles, CreatedAt: s.clock(),
		CreatedBy: auth.PrincipalFrom(ctx).Subject()}
	err = s.store.InTx(ctx, func(tx *store.Store) error {
		var err error
		if u, err = tx.CreateUser(ctx, u, hash); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionUserCreate, entityUser, u.Username, nil, recordUser(&u), audit.Done))
	})
	return u, err
}

// SetUserRoles replaces a user's roles. Nobody may change their own roles (an ADMIN granting
// itself APPROVER would be maker and checker of that grant): the refusal is an ErrForbidden,
// recorded. The last enabled ADMIN cannot lose the role, so that someone is always left to
// manage accounts.
func (s *Service) SetUserRoles(ctx context.Context, id int64, roles []auth.Role) (auth.User, error) {
	if p := auth.PrincipalFrom(ctx); p.IsUserID(id) {
		return auth.User{}, s.deny(ctx, p, "Mutation.setUserRoles", "nobody may change their own roles; ask another ADMIN")
	}
	canonical := canonicalRoles(roles)
	var ve apperr.ValidationError
	switch {
	case !validRoles(roles):
		ve.Add("roles", "unknown role")
	case len(canonical) == 0:
		ve.Add("roles", "must hold at least one role")
	}
	if err := ve.Err(); err != nil {
		return auth.User{}, err
	}
	return s.changeUser(ctx, id, ActionUserSetRoles, func(tx *store.Store, u *auth.User) (any, error) {
		if u.External() {
			return nil, fieldError("roles", "this person signs in through the identity provider, whose groups give the roles at each sign-in: change the groups there")
		}
		if slices.Contains(u.Roles, auth.Admin) && !slices.Contains(canonical, auth.Admin) {
			if err := s.keepAnAdmin(ctx, tx, u); err != nil {
				return nil, err
			}
		}
		if err := tx.SetUserRoles(ctx, u.ID, canonical); err != nil {
			return nil, err
		}
		u.Roles = canonical
		return recordUser(u), nil
	})
}

// DisableUser disables an account and ends all its sessions at once. Nobody may disable their own
// account, and the last enabled ADMIN cannot be disabled. Disabling a disabled account changes
// nothing (and is still recorded).
func (s *Service) DisableUser(ctx context.Context, id int64) (auth.User, error) {
	if p := auth.PrincipalFrom(ctx); p.IsUser() && p.UserID == id {
		return auth.User{}, &apperr.ValidationError{Fields: []apperr.FieldError{{Field: "id", Message: "you cannot disable your own account"}}}
	}
	return s.changeUser(ctx, id, ActionUserDisable, func(tx *store.Store, u *auth.User) (any, error) {
		if u.DisabledAt != nil {
			return recordUser(u), nil
		}
		if slices.Contains(u.Roles, auth.Admin) {
			if err := s.keepAnAdmin(ctx, tx, u); err != nil {
				return nil, err
			}
		}
		now := s.clock()
		if err := tx.SetUserDisabled(ctx, u.ID, &now); err != nil {
			return nil, err
		}
		ended, err := tx.RevokeUserSessions(ctx, u.ID, now, "")
		if err != nil {
			return nil, err
		}
		u.DisabledAt = &now
		return struct {
			*userRecord
			SessionsEnded int64 `json:"sessionsEnded"`
		}{recordUser(u), ended}, nil
	})
}

// EnableUser enables a disabled account. Enabling an enabled account changes nothing (and is
// still recorded).
func (s *Service) EnableUser(ctx context.Context, id int64) (auth.User, error) {
	return s.changeUser(ctx, id, ActionUserEnable, func(tx *store.Store, u *auth.User) (any, error) {
		if u.DisabledAt == nil {
			return recordUser(u), nil
		}
		if err := tx.SetUserDisabled(ctx, u.ID, nil); err != nil {
			return nil, err
		}
		u.DisabledAt = nil
		return recordUser(u), nil
	})
}

// changeUser runs change on user id in one transaction, under the accounts lock, and records
// action with the user before and the record change returns as after.
func (s *Service) changeUser(ctx context.Context, id int64, action string,
	change func(tx *store.Store, u *auth.User) (after any, err error)) (auth.User, error) {
	var u auth.User
	err := s.store.InTx(ctx, func(tx *store.Store) error {
		if err := tx.LockAccounts(ctx); err != nil {
			return err
		}
		var err error
		if u, err = tx.UserByID(ctx, id); err != nil {
			return err
		}
		before := recordUser(&u)
		after, err := change(tx, &u)
		if err != nil {
			return err
		}
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, action, entityUser, u.Username, before, after, audit.Done))
	})
	if err != nil {
		return auth.User{}, err
	}
	return u, nil
}

// keepAnAdmin refuses to take the ADMIN role away from u (by disabling it or changing its roles)
// when u is the last enabled ADMIN.
func (s *Service) keepAnAdmin(ctx context.Context, tx *store.Store, u *auth.User) error {
	if u.DisabledAt != nil {
		return nil
	}
	admins, err := tx.EnabledUsersWithRole(ctx, auth.Admin)
	if err != nil {
		return err
	}
	if len(admins) == 1 && admins[0] == u.ID {
		return fmt.Errorf("%s is the last enabled ADMIN; make someone else ADMIN first: %w", u.Username, apperr.ErrConflict)
	}
	return nil
}

// ChangePassword changes the signed-in user's own password after checking the current one, and
// ends all their other sessions. A wrong current password counts as a failed sign-in from the
// request's address for the throttle and is recorded.
func (s *Service) ChangePassword(ctx context.Context, current, newPassword string) error {
	p := auth.PrincipalFrom(ctx)
	if !p.IsUser() {
		// The role check passed (an API token may hold AUDITOR), but a token has no password.
		return s.deny(ctx, p, "Mutation.changePassword", "only a signed-in user can change their own password")
	}
	now := s.clock()
	keys := attemptKeys(p.Name, audit.RequestFrom(ctx).ClientAddr)
	if wait := s.throttle.WaitAttempt(now, keys); wait > 0 {
		return fieldError("currentPassword", (&ThrottledError{RetryAfter: wait}).Error())
	}
	var ve apperr.ValidationError
	if msg := PasswordProblem(newPassword, p.Name); msg != "" {
		ve.Add("newPassword", "%s", msg)
	} else if newPassword == current {
		ve.Add("newPassword", "must differ from the current password")
	}
	if err := ve.Err(); err != nil {
		return err
	}
	user, hash, err := s.store.UserCredentialsByID(ctx, p.UserID)
	if err != nil {
		return err
	}
	if user.External() {
		return fieldError("currentPassword", "you sign in through the identity provider: change your password there")
	}
	ok, err := s.verifyPassword(ctx, hash, current)
	if err != nil {
		return err
	}
	if !ok {
		s.throttle.FailAttempt(now, keys)
		e := audit.NewEvent(ctx, ActionChangePassword, entityUser, p.Name, nil, map[string]string{"reason": "wrong current password"}, audit.Failed)
		if err := s.store.AppendAudit(ctx, e); err != nil {
			return err
		}
		return fieldError("currentPassword", "is not your current password")
	}
	s.throttle.SucceedAttempt(keys)
	newHash, err := s.hashPassword(ctx, newPassword)
	if err != nil {
		return err
	}
	return s.store.InTx(ctx, func(tx *store.Store) error {
		if err := tx.SetPasswordHash(ctx, p.UserID, newHash); err != nil {
			return err
		}
		ended, err := tx.RevokeUserSessions(ctx, p.UserID, now, p.SessionID)
		if err != nil {
			return err
		}
		after := map[string]any{"passwordChangedAt": now, "otherSessionsEnded": ended}
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionChangePassword, entityUser, p.Name, nil, after, audit.Done))
	})
}

func fieldError(field, msg string) error {
	return &apperr.ValidationError{Fields: []apperr.FieldError{{Field: field, Message: msg}}}
}

// EnsureAdmin creates the first account when there is none: an ADMIN named "admin" with a random
// password, returned so that the caller can show it once. It returns "" when accounts exist
// already, including when another replica created the first one a moment ago.
func (s *Service) EnsureAdmin(ctx context.Context) (string, error) {
	has, err := s.store.HasUsers(ctx)
	if err != nil || has {
		return "", err
	}
	password := NewPassword()
	ctx = auth.WithPrincipal(ctx, auth.SystemPrincipal("first-start"))
	_, err = s.CreateUser(ctx, NewUser{Username: "admin", DisplayName: "Administrator", Password: password, Roles: []auth.Role{auth.Admin}})
	if errors.Is(err, apperr.ErrConflict) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("create the first administrator: %w", err)
	}
	return password, nil
}

// NewPassword returns a random password for a new account: four groups of five lower-case
// letters and digits 2-7 (100 bits), easy to type from a terminal.
func NewPassword() string {
	secret := strings.TrimPrefix(auth.NewTokenSecret(), "rc_") // 52 base32 characters
	var b strings.Builder
	for i := range 4 {
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(secret[i*5 : i*5+5])
	}
	return b.String()
}

// UserPage is a page of users.
type UserPage struct {
	Users   []auth.User
	HasNext bool
}

// Users returns up to first users oldest first, after the cursor after ("" for the first page).
func (s *Service) Users(ctx context.Context, first int, after string) (UserPage, error) {
	users, hasNext, err := page.Fetch(first, after, userCursorPrefix, func(afterID int64, limit int) ([]auth.User, error) {
		return s.store.Users(ctx, afterID, limit)
	})
	return UserPage{Users: users, HasNext: hasNext}, err
}
