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

// CreateSession stores a new console session.
func (s *Store) CreateSession(ctx context.Context, sess auth.Session) error {
	row := models.Session{ID: sess.ID, UserID: sess.UserID, CreatedAt: sess.CreatedAt.UTC(), LastSeenAt: sess.LastSeenAt.UTC(),
		ExpiresAt: sess.ExpiresAt.UTC(), ClientAddr: sess.ClientAddr, UserAgent: sess.UserAgent}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	return nil
}

// sessionUserRow is a session joined with its user, read in one statement.
type sessionUserRow struct {
	models.Session
	Username     string
	DisplayName  string
	Roles        string
	UserCreated  time.Time
	UserBy       string
	UserDisabled *time.Time
	UserPerson   *string
}

// SessionWithUser returns the session with the given id and its user, in one query.
func (s *Store) SessionWithUser(ctx context.Context, id string) (auth.Session, auth.User, error) {
	var row sessionUserRow
	err := s.db.WithContext(ctx).Table("sessions").
		Select("sessions.*, users.username, users.display_name, users.roles, users.created_at AS user_created, "+
			"users.created_by AS user_by, users.disabled_at AS user_disabled, users.person AS user_person").
		Joins("JOIN users ON users.id = sessions.user_id").
		Where("sessions.id = ?", id).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return auth.Session{}, auth.User{}, fmt.Errorf("session: %w", apperr.ErrNotFound)
	}
	if err != nil {
		return auth.Session{}, auth.User{}, fmt.Errorf("read session: %w", err)
	}
	u, err := userFromRow(&models.User{ID: row.UserID, Username: row.Username, DisplayName: row.DisplayName,
		Roles: row.Roles, CreatedAt: row.UserCreated, CreatedBy: row.UserBy, DisabledAt: row.UserDisabled, Person: row.UserPerson})
	if err != nil {
		return auth.Session{}, auth.User{}, err
	}
	return sessionFromRow(&row.Session), u, nil
}

func sessionFromRow(row *models.Session) auth.Session {
	return auth.Session{ID: row.ID, UserID: row.UserID, CreatedAt: row.CreatedAt.UTC(), LastSeenAt: row.LastSeenAt.UTC(),
		ExpiresAt: row.ExpiresAt.UTC(), RevokedAt: utcPtr(row.RevokedAt), ClientAddr: row.ClientAddr, UserAgent: row.UserAgent}
}

// TouchSession records that a session was used at the given time.
func (s *Store) TouchSession(ctx context.Context, id string, at time.Time) error {
	err := s.db.WithContext(ctx).Model(&models.Session{}).Where("id = ? AND revoked_at IS NULL", id).
		Update("last_seen_at", at.UTC()).Error
	if err != nil {
		return fmt.Errorf("record session use: %w", err)
	}
	return nil
}

// RevokeSession ends one session at the given time, unless it has ended already.
func (s *Store) RevokeSession(ctx context.Context, id string, at time.Time) error {
	err := s.db.WithContext(ctx).Model(&models.Session{}).Where("id = ? AND revoked_at IS NULL", id).
		Update("revoked_at", at.UTC()).Error
	if err != nil {
		return fmt.Errorf("end session: %w", err)
	}
	return nil
}

// RevokeUserSessions ends every open session of a user at the given time, except the session
// keepID (none when empty), and returns how many it ended.
func (s *Store) RevokeUserSessions(ctx context.Context, userID int64, at time.Time, keepID string) (int64, error) {
	q := s.db.WithContext(ctx).Model(&models.Session{}).Where("user_id = ? AND revoked_at IS NULL", userID)
	if keepID != "" {
		q = q.Where("id <> ?", keepID)
	}
	res := q.Update("revoked_at", at.UTC())
	if res.Error != nil {
		return 0, fmt.Errorf("end sessions of user %d: %w", userID, res.Error)
	}
	return res.RowsAffected, nil
}

// DeleteSessionsEndedBefore removes the sessions that expired, were revoked, or were last seen
// before the given time, and returns how many. Ended sessions are of no further use: the audit
// log keeps every sign-in and sign-out.
func (s *Store) DeleteSessionsEndedBefore(ctx context.Context, before time.Time) (int64, error) {
	b := before.UTC()
	res := s.db.WithContext(ctx).Where("expires_at < ? OR revoked_at < ? OR last_seen_at < ?", b, b, b).Delete(&models.Session{})
	if res.Error != nil {
		return 0, fmt.Errorf("delete ended sessions: %w", res.Error)
	}
	return res.RowsAffected, nil
}
