package accounts

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/store"
)

// LoginRequest is one sign-in attempt.
type LoginRequest struct {
	Username   string
	Password   string
	ClientAddr string // for the throttle and the session record
	UserAgent  string
	// PreviousSecret is the session cookie the browser still sent, if any; that session ends, so
	// that signing in as someone else leaves nothing of the former session behind.
	PreviousSecret string
}

// LoginResult is a successful sign-in.
type LoginResult struct {
	User      auth.User
	Secret    string // the new session's cookie value; only its SHA-256 is stored
	ExpiresAt time.Time
}

// Reasons a login failed, as recorded in the audit event (the client only learns that the
// username or password was wrong, or that it must wait).
const (
	reasonThrottled     = "throttled"
	reasonUnknownUser   = "unknown user"
	reasonWrongPassword = "wrong password"
	reasonDisabled      = "account disabled"
	reasonExternalUser  = "signs in through the identity provider"
	reasonLocalOff      = "sign-in with a password is turned off"
)

// ErrLocalSignInOff refuses a sign-in with a password while local sign-in is turned off
// (LocalSignIn).
var ErrLocalSignInOff = fmt.Errorf("sign-in with a password is turned off: sign in through the identity provider: %w", apperr.ErrForbidden)

// dummyHash is verified against when the username is unknown, so that an unknown user costs the
// same time as a wrong password and response times do not reveal which usernames exist.
var dummyHash = sync.OnceValue(func() string { return auth.HashPassword(NewPassword()) })

// Login checks a username and password and starts a session. Every attempt writes exactly one
// audit event (auth.login, DONE or FAILED). A wrong username or password, or a disabled account,
// is an ErrUnauthorized; an attempt made during a back-off (see Throttle.WaitAttempt) is a
// *ThrottledError and does not even check the password.
func (s *Service) Login(ctx context.Context, req LoginRequest) (LoginResult, error) {
	switch on, err := s.LocalSignIn(ctx); {
	case err != nil:
		return LoginResult{}, err
	case !on:
		if err := s.loginFailed(ctx, truncate(strings.ToLower(strings.TrimSpace(req.Username)), 64), reasonLocalOff); err != nil {
			return LoginResult{}, err
		}
		return LoginResult{}, ErrLocalSignInOff
	}
	now := s.clock()
	username := strings.ToLower(strings.TrimSpace(req.Username))
	if utf8.RuneCountInString(username) > 64 {
		username = string([]rune(username)[:64]) // no username is longer; keep the record bounded
	}
	keys := attemptKeys(username, req.ClientAddr)
	if wait := s.throttle.WaitAttempt(now, keys); wait > 0 {
		if err := s.loginFailed(ctx, username, reasonThrottled); err != nil {
			return LoginResult{}, err
		}
		return LoginResult{}, &ThrottledError{RetryAfter: wait}
	}
	user, hash, err := s.store.UserCredentials(ctx, username)
	reason := ""
	switch {
	case errors.Is(err, apperr.ErrNotFound):
		_, _ = s.verifyPassword(ctx, dummyHash(), req.Password)
		reason = reasonUnknownUser
	case err != nil:
		return LoginResult{}, err
	case user.External():
		// A user of the identity provider has no password here: as for an unknown user.
		_, _ = s.verifyPassword(ctx, dummyHash(), req.Password)
		reason = reasonExternalUser
	default:
		ok, err := s.verifyPassword(ctx, hash, req.Password)
		switch {
		case err != nil:
			return LoginResult{}, fmt.Errorf("verify password of %s: %w", username, err)
		case !ok:
			reason = reasonWrongPassword
		case user.DisabledAt != nil:
			reason = reasonDisabled
		}
	}
	if reason != "" {
		s.throttle.FailAttempt(now, keys)
		if err := s.loginFailed(ctx, username, reason); err != nil {
			return LoginResult{}, err
		}
		return LoginResult{}, fmt.Errorf("invalid username or password: %w", apperr.ErrUnauthorized)
	}
	s.throttle.SucceedAttempt(keys)
	return s.startSession(ctx, user, req, map[string]any{})
}

// startSession starts a session of user and records the sign-in, in one transaction; a session
// the browser still held (req.PreviousSecret) ends. after adds facts to the audit event. Every
// way of signing in ends here, so that a session is the same whichever way it began.
func (s *Service) startSession(ctx context.Context, user auth.User, req LoginRequest, after map[string]any) (LoginResult, error) {
	now := s.clock()
	secret := auth.NewSessionSecret()
	sess := auth.Session{ID: auth.HashSessionSecret(secret), UserID: user.ID, CreatedAt: now, LastSeenAt: now,
		ExpiresAt: now.Add(s.lifetime), ClientAddr: req.ClientAddr, UserAgent: truncate(req.UserAgent, 512)}
	// The event is by the user who just signed in.
	ctx = auth.WithPrincipal(ctx, user.Principal(sess.ID))
	err := s.store.InTx(ctx, func(tx *store.Store) error {
		if req.PreviousSecret != "" && auth.ValidSessionSecret(req.PreviousSecret) {
			if err := tx.RevokeSession(ctx, auth.HashSessionSecret(req.PreviousSecret), now); err != nil {
				return err
			}
		}
		if err := tx.CreateSession(ctx, sess); err != nil {
			return err
		}
		after["sessionExpiresAt"] = sess.ExpiresAt
		after["userAgent"] = sess.UserAgent
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionLogin, entityUser, user.Username, nil, after, audit.Done))
	})
	if err != nil {
		return LoginResult{}, err
	}
	return LoginResult{User: user, Secret: secret, ExpiresAt: sess.ExpiresAt}, nil
}

// loginFailed records a failed login by an anonymous caller.
func (s *Service) loginFailed(ctx context.Context, username, reason string) error {
	ctx = auth.WithPrincipal(ctx, nil)
	return s.store.AppendAudit(ctx, audit.NewEvent(ctx, ActionLogin, entityUser, username, nil, map[string]string{"reason": reason}, audit.Failed))
}

// Logout ends every session of the signed-in user at once (all browsers, all devices) and
// records it. It returns how many sessions it ended.
func (s *Service) Logout(ctx context.Context) (int64, error) {
	p := auth.PrincipalFrom(ctx)
	if !p.IsUser() {
		return 0, fmt.Errorf("no console session: %w", apperr.ErrUnauthorized)
	}
	now := s.clock()
	var ended int64
	err := s.store.InTx(ctx, func(tx *store.Store) error {
		var err error
		if ended, err = tx.RevokeUserSessions(ctx, p.UserID, now, ""); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionLogout, entityUser, p.Name, nil, map[string]any{"sessionsEnded": ended}, audit.Done))
	})
	return ended, err
}

// SessionPrincipal returns the principal of the session whose cookie holds secret, or an
// ErrUnauthorized when the session is unknown, revoked, idle for longer than the idle timeout,
// past its absolute lifetime, or its user is disabled. It records the session's use at most once
// per sessionTouchEvery, so a busy console costs about one UPDATE a minute per session rather
// than one per request; a session therefore ends at most that much before the idle timeout has
// passed since its last use, never after.
func (s *Service) SessionPrincipal(ctx context.Context, secret string) (*auth.Principal, error) {
	if !auth.ValidSessionSecret(secret) {
		return nil, fmt.Errorf("malformed session cookie: %w", apperr.ErrUnauthorized)
	}
	id := auth.HashSessionSecret(secret)
	sess, user, err := s.store.SessionWithUser(ctx, id)
	if errors.Is(err, apperr.ErrNotFound) {
		return nil, fmt.Errorf("unknown session: %w", apperr.ErrUnauthorized)
	}
	if err != nil {
		return nil, err
	}
	now := s.clock()
	switch {
	case sess.RevokedAt != nil:
		return nil, fmt.Errorf("session ended: %w", apperr.ErrUnauthorized)
	case !now.Before(sess.ExpiresAt):
		return nil, fmt.Errorf("session past its lifetime: %w", apperr.ErrUnauthorized)
	case !now.Before(sess.LastSeenAt.Add(s.idle)):
		return nil, fmt.Errorf("session idle for too long: %w", apperr.ErrUnauthorized)
	case user.DisabledAt != nil:
		return nil, fmt.Errorf("account disabled: %w", apperr.ErrUnauthorized)
	}
	if now.Sub(sess.LastSeenAt) >= s.sessionTouchEvery() {
		if err := s.store.TouchSession(ctx, id, now); err != nil {
			slog.WarnContext(ctx, "record session use", "user_id", user.ID, "err", err)
		}
	}
	return user.Principal(id), nil
}

// sessionTouchEvery is the least time between two records of a session's use: a minute, or a
// tenth of the idle timeout when that is shorter. A use that is not recorded does not extend the
// session, so the interval must be well below the idle timeout: at a minute, a one-minute
// timeout ended a session used every 15 s after 60 s.
func (s *Service) sessionTouchEvery() time.Duration { return min(time.Minute, s.idle/10) }

// PurgeSessions deletes sessions that ended (revoked, expired or idle) more than an hour ago.
func (s *Service) PurgeSessions(ctx context.Context) (int64, error) {
	return s.store.DeleteSessionsEndedBefore(ctx, s.clock().Add(-s.idle-time.Hour))
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}
