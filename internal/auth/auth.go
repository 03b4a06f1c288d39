// Package auth knows who is calling: API tokens (stored as SHA-256 hashes), the roles they carry,
// and the principal attached to each request's context.
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
)

// AllRoles lists every role in a stable order.
var AllRoles = []Role{Analyst, Approver, Auditor, Agent, Service, Admin}

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

// Principal is the authenticated caller of a request.
type Principal struct {
	TokenID int64
	Name    string
	Roles   []Role
}

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

// Subject identifies p in logs and records, e.g. "token:3:checkout".
func (p *Principal) Subject() string {
	if p == nil {
		return "anonymous"
	}
	return fmt.Sprintf("token:%d:%s", p.TokenID, p.Name)
}

type principalKey struct{}

// WithPrincipal returns ctx carrying p.
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns the request's principal, or nil for an anonymous request.
func PrincipalFrom(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}

// Token is a stored API token (without its secret).
type Token struct {
	ID        int64
	Name      string
	Roles     []Role
	CreatedAt time.Time
	ExpiresAt *time.Time
	RevokedAt *time.Time
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
