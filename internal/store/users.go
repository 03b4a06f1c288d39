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

// accountsLockID is the PostgreSQL advisory lock that serialises changes to accounts, so that two
// administrators cannot each remove the other's ADMIN role at once and leave none.
const accountsLockID = 0x7263616363 // "rcacc"

// LockAccounts serialises account changes until the end of the transaction. Call it on a store
// from InTx. On SQLite, whose write transactions already run one at a time, it does nothing.
func (s *Store) LockAccounts(ctx context.Context) error {
	if s.dialect != Postgres {
		return nil
	}
	if err := s.db.WithContext(ctx).Exec("SELECT pg_advisory_xact_lock(?)", accountsLockID).Error; err != nil {
		return fmt.Errorf("lock accounts: %w", err)
	}
	return nil
}

// CreateUser stores u with the given password hash and returns it with its id. A taken username
// is an ErrConflict.
func (s *Store) CreateUser(ctx context.Context, u auth.User, passwordHash string) (auth.User, error) {
	row := models.User{Username: u.Username, DisplayName: u.DisplayName, PasswordHash: passwordHash,
		Roles: auth.JoinRoles(u.Roles), CreatedAt: u.CreatedAt.UTC(), CreatedBy: u.CreatedBy, DisabledAt: utcPtr(u.DisabledAt)}
	if u.Person != "" {
		person := string(u.Person)
		row.Person = &person
	}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		if isUniqueViolation(err, "username") {
			return auth.User{}, fmt.Errorf("username %q is taken: %w", u.Username, apperr.ErrConflict)
		}
		return auth.User{}, fmt.Errorf("create user: %w", err)
	}
	return userFromRow(&row)
}

// UserByID returns the user with the given id.
func (s *Store) UserByID(ctx context.Context, id int64) (auth.User, error) {
	u, _, err := s.takeUser(ctx, "id = ?", id)
	return u, err
}

// UserByUsername returns the user with the given username.
func (s *Store) UserByUsername(ctx context.Context, username string) (auth.User, error) {
	u, _, err := s.takeUser(ctx, "username = ?", username)
	return u, err
}

// UserByPerson returns the user signed in through an identity provider as person.
func (s *Store) UserByPerson(ctx context.Context, person auth.Person) (auth.User, error) {
	u, _, err := s.takeUser(ctx, "person = ?", string(person))
	return u, err
}

// SetUserDisplayName replaces a user's display name.
func (s *Store) SetUserDisplayName(ctx context.Context, id int64, name string) error {
	return s.updateUser(ctx, id, "display_name", name)
}

// UserCredentials returns the user with the given username and its password hash.
func (s *Store) UserCredentials(ctx context.Context, username string) (auth.User, string, error) {
	return s.takeUser(ctx, "username = ?", username)
}

// UserCredentialsByID returns the user with the given id and its password hash.
func (s *Store) UserCredentialsByID(ctx context.Context, id int64) (auth.User, string, error) {
	return s.takeUser(ctx, "id = ?", id)
}

func (s *Store) takeUser(ctx context.Context, cond string, arg any) (auth.User, string, error) {
	var row models.User
	err := s.db.WithContext(ctx).Where(cond, arg).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return auth.User{}, "", fmt.Errorf("user: %w", apperr.ErrNotFound)
	}
	if err != nil {
		return auth.User{}, "", fmt.Errorf("read user: %w", err)
	}
	u, err := userFromRow(&row)
	return u, row.PasswordHash, err
}

func userFromRow(row *models.User) (auth.User, error) {
	roles, err := auth.ParseRoles(row.Roles)
	if err != nil {
		return auth.User{}, fmt.Errorf("user %d: %w", row.ID, err)
	}
	u := auth.User{ID: row.ID, Username: row.Username, DisplayName: row.DisplayName, Roles: roles,
		CreatedAt: row.CreatedAt.UTC(), CreatedBy: row.CreatedBy, DisabledAt: utcPtr(row.DisabledAt)}
	if row.Person != nil {
		u.Person = auth.Person(*row.Person)
	}
	return u, nil
}

// SetUserRoles replaces a user's roles.
func (s *Store) SetUserRoles(ctx context.Context, id int64, roles []auth.Role) error {
	return s.updateUser(ctx, id, "roles", auth.JoinRoles(roles))
}

// SetUserDisabled disables a user at the given time, or enables it when at is nil.
func (s *Store) SetUserDisabled(ctx context.Context, id int64, at *time.Time) error {
	return s.updateUser(ctx, id, "disabled_at", utcPtr(at))
}

// SetPasswordHash replaces a user's password hash.
func (s *Store) SetPasswordHash(ctx context.Context, id int64, hash string) error {
	return s.updateUser(ctx, id, "password_hash", hash)
}

func (s *Store) updateUser(ctx context.Context, id int64, column string, value any) error {
	res := s.db.WithContext(ctx).Model(&models.User{}).Where("id = ?", id).Update(column, value)
	if res.Error != nil {
		return fmt.Errorf("update user %d %s: %w", id, column, res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("user %d: %w", id, apperr.ErrNotFound)
	}
	return nil
}

// HasUsers reports whether any user exists.
func (s *Store) HasUsers(ctx context.Context) (bool, error) {
	var ids []int64
	if err := s.db.WithContext(ctx).Model(&models.User{}).Limit(1).Pluck("id", &ids).Error; err != nil {
		return false, fmt.Errorf("look for users: %w", err)
	}
	return len(ids) > 0, nil
}

// EnabledUsersWithRole returns the ids of the enabled users holding role. Staff accounts are few,
// so the roles are matched here rather than in SQL.
func (s *Store) EnabledUsersWithRole(ctx context.Context, role auth.Role) ([]int64, error) {
	var rows []models.User
	if err := s.db.WithContext(ctx).Select("id", "roles").Where("disabled_at IS NULL").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list enabled users: %w", err)
	}
	var ids []int64
	for _, r := range rows {
		roles, err := auth.ParseRoles(r.Roles)
		if err != nil {
			return nil, fmt.Errorf("user %d: %w", r.ID, err)
		}
		for _, have := range roles {
			if have == role {
				ids = append(ids, r.ID)
				break
			}
		}
	}
	return ids, nil
}

// Users returns up to limit users oldest first, starting after the id afterID; 0 starts at the
// oldest.
func (s *Store) Users(ctx context.Context, afterID int64, limit int) ([]auth.User, error) {
	return findAll(s.db.WithContext(ctx).Where("id > ?", afterID).Order("id").Limit(limit), "users", userFromRow)
}
