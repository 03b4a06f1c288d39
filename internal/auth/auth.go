// Package auth knows who is calling: console sessions and API tokens (both stored as SHA-256
// hashes of their secrets), password hashing (argon2id), the roles callers carry, and the
// principal attached to each request's context.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"riskconsole/internal/apperr"
)

// Role is a permission group of DESIGN.md.
type Role string

// Roles.
const (
	Analyst  Role = "ANALYST"
	Approver Role = "APPROVER"
	Auditor  Role = "AUDITOR"
	Agent    Role = "AGENT"
	Service  Role = "SERVICE"
	Admin    Role = "ADMIN"
	// Reviewer is a credit officer: works review cases (issue 15). A person signed in, never a
	// token (TokenRoles): a reviewer must not review a case their own credentials requested.
	Reviewer Role = "REVIEWER"
)

// AllRoles lists every role in a stable order.
var AllRoles = []Role{Analyst, Approver, Auditor, Agent, Service, Admin, Reviewer}

// TokenRoles are the roles an API token may carry: checkout (SERVICE), read-only scripts such as
// a nightly export (AUDITOR) and support tooling (AGENT). ANALYST and APPROVER author and approve
// changes, and ADMIN grants those roles and creates tokens: they belong to people signed in with
// a password, so that maker-checker, which compares people, cannot be fed a second credential of
// the same person.
var TokenRoles = []Role{Service, Auditor, Agent}

// TokenMayHold reports whether an API token may carry role r.
func TokenMayHold(r Role) bool { return slices.Contains(TokenRoles, r) }

// ParseRoles parses a comma-separated role list, refusing unknown roles.
func ParseRoles(s string) ([]Role, error) {
	var out []Role
	for part := range strings.SplitSeq(s, ",") {
		r := Role(strings.TrimSpace(part))
		if r == "" {
			continue
		}
		if !slices.Contains(AllRoles, r) {
			return nil, fmt.Errorf("unknown role %q: %w", r, apperr.ErrInvalid)
		}
		out = append(out, r)
	}
	return out, nil
}

// JoinRoles is the inverse of ParseRoles.
func JoinRoles(roles []Role) string {
	parts := make([]string, len(roles))
	for i, r := range roles {
		parts[i] = string(r)
	}
	return strings.Join(parts, ",")
}

// Kind says what a principal is.
type Kind uint8

// Kinds of principal.
const (
	// UserKind is a staff member signed in with a console session.
	UserKind Kind = iota + 1
	// TokenKind is a service or script calling with an API token.
	TokenKind
	// SystemKind is the server acting on its own (first start, demo seeding); it never
	// authenticates a request.
	SystemKind
)

// Principal is the authenticated caller of a request.
type Principal struct {
	Kind Kind
	// UserID and SessionID are set for a user; SessionID is the stored session id (the SHA-256 of
	// the cookie's secret, never the secret itself).
	UserID    int64
	SessionID string
	// TokenID is set for a token, and Owner to the person the token belongs to ("" for a token
	// from before tokens recorded one). For a user signed in through an identity provider, Owner
	// is the provider's person (see User.Person).
	TokenID int64
	Owner   Person
	// Name is the username, the token's name, or the system task's name.
	Name string
	// DisplayName is a user's full name; empty for others.
	DisplayName string
	Roles       []Role
}

// SystemPrincipal returns the principal of a task the server runs on its own behalf, e.g.
// SystemPrincipal("first-start"). It holds ADMIN so that it may create the first accounts.
func SystemPrincipal(task string) *Principal {
	return &Principal{Kind: SystemKind, Name: task, Roles: []Role{Admin}}
}

// IsUser reports whether p is a signed-in user.
func (p *Principal) IsUser() bool { return p != nil && p.Kind == UserKind }

// IsToken reports whether p is an API token.
func (p *Principal) IsToken() bool { return p != nil && p.Kind == TokenKind }

// HasAny reports whether p holds at least one of roles.
func (p *Principal) HasAny(roles ...Role) bool {
	if p == nil {
		return false
	}
	for _, r := range roles {
		if slices.Contains(p.Roles, r) {
			return true
		}
	}
	return false
}

// RoleNames returns p's roles as strings (none for anonymous), as audit events record them.
func (p *Principal) RoleNames() []string {
	if p == nil {
		return nil
	}
	out := make([]string, len(p.Roles))
	for i, r := range p.Roles {
		out[i] = string(r)
	}
	return out
}

// Subject identifies p in logs and records: "user:3:anna", "token:2:checkout", "system:first-start"
// or "anonymous".
func (p *Principal) Subject() string {
	switch {
	case p == nil:
		return "anonymous"
	case p.Kind == UserKind:
		return fmt.Sprintf("user:%d:%s", p.UserID, p.Name)
	case p.Kind == SystemKind:
		return "system:" + p.Name
	default:
		return fmt.Sprintf("token:%d:%s", p.TokenID, p.Name)
	}
}

// Person identifies who is accountable for what a principal does, for the rules that are about
// people rather than logins, such as maker-checker: "user:3" for every session of user 3 and for
// every API token user 3 created, "system:demo" for a server task and the tokens it created. The
// zero Person is nobody (anonymous). A token from before tokens recorded their owner is a person
// of its own, "token:2". What a person authored is stored with the person's id, so that the
// mapping can change without rewriting who did what.
type Person string

// Person returns the person p acts for; nobody when p is nil (anonymous).
func (p *Principal) Person() Person {
	switch {
	case p == nil:
		return ""
	case p.Kind == UserKind && p.Owner != "":
		return p.Owner
	case p.Kind == UserKind:
		return UserPerson(p.UserID)
	case p.Kind == SystemKind:
		return Person("system:" + p.Name)
	case p.Owner != "":
		return p.Owner
	default:
		return Person(fmt.Sprintf("token:%d", p.TokenID))
	}
}

// IsUserID reports whether p is user id signed in, whatever person the user is.
func (p *Principal) IsUserID(id int64) bool { return p.IsUser() && p.UserID == id }

// UserPerson returns the person of a local user id.
func UserPerson(id int64) Person { return Person(fmt.Sprintf("user:%d", id)) }

type principalKey struct{}

// WithPrincipal returns ctx carrying p.
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// lazyPrincipal is a principal found on first use: a session cookie costs a query, and a request
// that is refused before anything asks who is calling (a malformed or over-limit GraphQL
// operation) should not pay for it.
type lazyPrincipal struct {
	once     sync.Once
	resolve  func() (*Principal, error)
	p        *Principal
	err      error
	resolved atomic.Bool // set once p and err hold the answer
}

// withLazyPrincipal returns ctx carrying a principal that resolve finds on first use, once.
func withLazyPrincipal(ctx context.Context, resolve func() (*Principal, error)) context.Context {
	return context.WithValue(ctx, principalKey{}, &lazyPrincipal{resolve: resolve})
}

// PrincipalFrom returns the request's principal, or nil for an anonymous request. A principal
// that cannot be looked up (the database is unavailable) is nil too: PrincipalErr tells the two
// apart.
func PrincipalFrom(ctx context.Context) *Principal {
	p, _ := PrincipalErr(ctx)
	return p
}

// PrincipalErr returns the request's principal (nil for anonymous), or the error that kept it
// from being looked up. The first call of a request resolves a session cookie; later calls return
// the same answer.
func PrincipalErr(ctx context.Context) (*Principal, error) {
	switch v := ctx.Value(principalKey{}).(type) {
	case *Principal:
		return v, nil
	case *lazyPrincipal:
		v.once.Do(func() {
			v.p, v.err = v.resolve()
			v.resolved.Store(true)
		})
		return v.p, v.err
	}
	return nil, nil
}

// ResolvedPrincipal returns the request's principal (nil for anonymous) when it is known without
// a look-up, for the request log: ok is false while a session cookie has not been resolved (or
// could not be).
func ResolvedPrincipal(ctx context.Context) (p *Principal, ok bool) {
	switch v := ctx.Value(principalKey{}).(type) {
	case *Principal:
		return v, true
	case *lazyPrincipal:
		if v.resolved.Load() && v.err == nil {
			return v.p, true
		}
		return nil, false
	}
	return nil, true
}

// Token is a stored API token (without its secret).
type Token struct {
	ID         int64
	Name       string
	Roles      []Role
	CreatedAt  time.Time
	ExpiresAt  *time.Time
	RevokedAt  *time.Time
	LastUsedAt *time.Time
	CreatedBy  string
	// Owner is the person the token belongs to: its creator's (see Principal.Person).
	Owner Person
}

// User is a staff account (without its password hash, which only the account service reads).
type User struct {
	ID          int64
	Username    string
	DisplayName string
	Roles       []Role
	CreatedAt   time.Time
	CreatedBy   string
	DisabledAt  *time.Time
	// Person is the person of a user who signs in through an OpenID Connect provider, named by the
	// provider's issuer and subject ("oidc:…", package oidc); empty for a local account, whose
	// person is UserPerson(ID).
	Person Person
}

// External reports whether u signs in through an identity provider (and has no password).
func (u *User) External() bool { return u.Person != "" }

// Principal returns the principal of u signed in with the session whose stored id is sessionID.
func (u *User) Principal(sessionID string) *Principal {
	return &Principal{Kind: UserKind, UserID: u.ID, SessionID: sessionID, Owner: u.Person, Name: u.Username,
		DisplayName: u.DisplayName, Roles: slices.Clone(u.Roles)}
}

// Session is a console session. ID is the SHA-256 of the cookie's secret.
type Session struct {
	ID         string
	UserID     int64
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time // the absolute lifetime's end
	RevokedAt  *time.Time
	ClientAddr string
	UserAgent  string
}

// tokenPrefix marks riskconsole secrets so that secret scanners can recognise a leaked one.
const tokenPrefix = "rc_"

// NewTokenSecret returns a fresh random token secret with 256 bits of entropy.
func NewTokenSecret() string {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return tokenPrefix + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:]))
}

// HashToken returns the stored form of a token secret. A fast hash is right here: the secret is
// 256 random bits, so there is nothing for a slow password hash to protect against.
func HashToken(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}
