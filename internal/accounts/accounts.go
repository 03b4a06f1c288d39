// Package accounts manages who may use the console: staff accounts with argon2id passwords and
// roles, console sessions (login, logout, idle and absolute expiry), login throttling, and API
// tokens. Every change is written with its audit event in one transaction. It also serves the
// HTTP endpoints of sessions, /auth/login, /auth/logout and /auth/session.
package accounts

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"slices"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/store"
)

// Defaults of Options.
const (
	DefaultIdleTimeout = 30 * time.Minute
	DefaultMaxLifetime = 12 * time.Hour
)

// Options configure a Service.
type Options struct {
	// IdleTimeout ends a session not used for this long; 0 means DefaultIdleTimeout.
	IdleTimeout time.Duration
	// MaxLifetime ends a session this long after its login, however busy; 0 means
	// DefaultMaxLifetime.
	MaxLifetime time.Duration
	// Now is the clock; nil means time.Now. Tests travel in time with it.
	Now func() time.Time
	// Denials records refusals the service itself decides (the GraphQL directive records the
	// rest); nil records nothing.
	Denials DenialRecorder
	// LocalSignIn says who decides whether staff may sign in with a username and password; the
	// zero value is LocalSignInSetting.
	LocalSignIn LocalSignInMode
}

// DenialRecorder writes an authorization denial to the audit log.
type DenialRecorder interface {
	Denied(ctx context.Context, p *auth.Principal, field string) error
}

// Service is the account service.
type Service struct {
	store    *store.Store
	authn    *auth.Authenticator
	idle     time.Duration
	lifetime time.Duration
	now      func() time.Time
	throttle *Throttle
	denials  DenialRecorder
	// localSignIn says who decides whether staff may sign in with a password.
	localSignIn LocalSignInMode
	// hashSlots bounds the argon2id computations running at once: each takes 19 MiB, so a burst
	// of logins must queue rather than exhaust memory.
	hashSlots chan struct{}
}

// NewService returns the account service over st. authn, when not nil, is told about revoked
// tokens so that they stop working in this process at once.
func NewService(st *store.Store, authn *auth.Authenticator, opts Options) *Service {
	s := &Service{store: st, authn: authn, idle: opts.IdleTimeout, lifetime: opts.MaxLifetime, now: opts.Now,
		throttle: NewThrottle(), denials: opts.Denials, localSignIn: opts.LocalSignIn, hashSlots: make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))}
	if s.idle <= 0 {
		s.idle = DefaultIdleTimeout
	}
	if s.lifetime <= 0 {
		s.lifetime = DefaultMaxLifetime
	}
	if s.now == nil {
		s.now = time.Now
	}
	return s
}

// clock returns the current time as the database keeps it: UTC, to the microsecond.
func (s *Service) clock() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

// hashPassword computes an argon2id hash in one of the service's hash slots.
func (s *Service) hashPassword(ctx context.Context, password string) (string, error) {
	if err := s.acquireHashSlot(ctx); err != nil {
		return "", err
	}
	defer func() { <-s.hashSlots }()
	return auth.HashPassword(password), nil
}

// verifyPassword checks a password against a stored hash in one of the service's hash slots.
func (s *Service) verifyPassword(ctx context.Context, hash, password string) (bool, error) {
	if err := s.acquireHashSlot(ctx); err != nil {
		return false, err
	}
	defer func() { <-s.hashSlots }()
	return auth.VerifyPassword(hash, password)
}

func (s *Service) acquireHashSlot(ctx context.Context) error {
	select {
	case s.hashSlots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Audit actions written by the service.
const (
	ActionLogin          = "auth.login"
	ActionLogout         = "auth.logout"
	ActionUserCreate     = "user.create"
	ActionUserSetRoles   = "user.set_roles"
	ActionUserDisable    = "user.disable"
	ActionUserEnable     = "user.enable"
	ActionChangePassword = "user.change_password"
	ActionTokenCreate    = "api_token.create"
	ActionTokenRevoke    = "api_token.revoke"
)

// Entity types of the service's audit events. A user is named by its username (which never
// changes), so that sign-ins and account changes of one person share one entity; a token by its
// id, as token names need not be unique.
const (
	entityUser  = "user"
	entityToken = "api_token"
)

// userRecord is a user as the audit log records it.
type userRecord struct {
	ID          int64      `json:"id"`
	Username    string     `json:"username"`
	DisplayName string     `json:"displayName"`
	Roles       []string   `json:"roles"`
	CreatedAt   time.Time  `json:"createdAt"`
	CreatedBy   string     `json:"createdBy"`
	DisabledAt  *time.Time `json:"disabledAt"`
}

func recordUser(u *auth.User) *userRecord {
	return &userRecord{ID: u.ID, Username: u.Username, DisplayName: u.DisplayName, Roles: roleNames(u.Roles),
		CreatedAt: u.CreatedAt, CreatedBy: u.CreatedBy, DisabledAt: u.DisabledAt}
}

// tokenRecord is an API token as the audit log records it: never its secret or hash.
type tokenRecord struct {
	ID        int64      `json:"id"`
	Name      string     `json:"name"`
	Roles     []string   `json:"roles"`
	CreatedAt time.Time  `json:"createdAt"`
	CreatedBy string     `json:"createdBy"`
	Owner     string     `json:"owner"`
	ExpiresAt *time.Time `json:"expiresAt"`
	RevokedAt *time.Time `json:"revokedAt"`
}

func recordToken(t *auth.Token) *tokenRecord {
	return &tokenRecord{ID: t.ID, Name: t.Name, Roles: roleNames(t.Roles), CreatedAt: t.CreatedAt, CreatedBy: t.CreatedBy,
		Owner: string(t.Owner), ExpiresAt: t.ExpiresAt, RevokedAt: t.RevokedAt}
}

func roleNames(roles []auth.Role) []string {
	out := make([]string, len(roles))
	for i, r := range roles {
		out[i] = string(r)
	}
	return out
}

// canonicalRoles returns the known roles of roles without duplicates, in the order of
// auth.AllRoles.
func canonicalRoles(roles []auth.Role) []auth.Role {
	var out []auth.Role
	for _, r := range auth.AllRoles {
		if slices.Contains(roles, r) {
			out = append(out, r)
		}
	}
	return out
}

// validRoles reports whether every role is known.
func validRoles(roles []auth.Role) bool {
	for _, r := range roles {
		if !slices.Contains(auth.AllRoles, r) {
			return false
		}
	}
	return true
}

// deny refuses field to p with an ErrForbidden saying why, and records the refusal like the
// GraphQL directive's: the role check passed, but a rule of the service says no.
func (s *Service) deny(ctx context.Context, p *auth.Principal, field, why string) error {
	if s.denials != nil {
		if err := s.denials.Denied(ctx, p, field); err != nil {
			slog.ErrorContext(ctx, "record denial", "err", err, "request_id", audit.RequestFrom(ctx).ID)
		}
	}
	return fmt.Errorf("%s: %w", why, apperr.ErrForbidden)
}

// ThrottledError refuses an attempt made too soon after repeated failures.
type ThrottledError struct {
	RetryAfter time.Duration
}

func (e *ThrottledError) Error() string {
	return fmt.Sprintf("too many failed attempts; try again in %s", e.RetryAfter.Round(time.Second))
}
