// Package oidc signs staff in through the company's OpenID Connect identity provider: the
// authorization code flow with PKCE (S256), state and nonce, the ID token verified against the
// provider's keys (signature, issuer, audience, expiry, nonce), and the provider's groups mapped
// to the console's roles at every sign-in. The session it starts is the account service's, the
// same as a sign-in with a password.
package oidc

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	gooidc "github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"riskconsole/internal/apperr"
	"riskconsole/internal/auth"
)

// DefaultRolesClaim is the ID token claim that lists the person's groups.
const DefaultRolesClaim = "groups"

// Config configures sign-in through a provider.
type Config struct {
	// Issuer is the provider's issuer URL; its discovery document is at
	// Issuer/.well-known/openid-configuration.
	Issuer       string
	ClientID     string
	ClientSecret string
	// RedirectURL is the console's callback, https://<console>/auth/oidc/callback, registered at
	// the provider. The provider may send the browser back to it only.
	RedirectURL string
	// RolesClaim names the claim that lists the person's groups (DefaultRolesClaim when empty).
	RolesClaim string
	// GroupRoles maps a group to the roles it gives.
	GroupRoles map[string][]auth.Role
	// Name is the provider's name on the sign-in button.
	Name string
}

// Enabled reports whether sign-in through a provider is configured.
func (c *Config) Enabled() bool { return c.Issuer != "" }

// Validate checks a configuration that is Enabled.
func (c *Config) Validate() error {
	if c.ClientID == "" || c.ClientSecret == "" || c.RedirectURL == "" {
		return fmt.Errorf("OIDC_ISSUER needs OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URL: %w", apperr.ErrInvalid)
	}
	u, err := url.Parse(c.RedirectURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.Path != CallbackPath {
		return fmt.Errorf("OIDC_REDIRECT_URL must be the console's %s (http or https): %w", CallbackPath, apperr.ErrInvalid)
	}
	if len(c.GroupRoles) == 0 {
		return fmt.Errorf("OIDC_GROUP_ROLES maps no group to a role: nobody could sign in: %w", apperr.ErrInvalid)
	}
	return nil
}

// ParseGroupRoles parses "group=ROLE,group=ROLE+ROLE": each group and the roles it gives. A group
// may appear more than once; its roles add up.
func ParseGroupRoles(s string) (map[string][]auth.Role, error) {
	out := map[string][]auth.Role{}
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		group, roles, ok := strings.Cut(part, "=")
		group = strings.TrimSpace(group)
		if !ok || group == "" {
			return nil, fmt.Errorf("OIDC_GROUP_ROLES: %q is not group=ROLE: %w", part, apperr.ErrInvalid)
		}
		rs, err := auth.ParseRoles(strings.ReplaceAll(roles, "+", ","))
		if err != nil {
			return nil, fmt.Errorf("OIDC_GROUP_ROLES: group %q: %w", group, err)
		}
		if len(rs) == 0 {
			return nil, fmt.Errorf("OIDC_GROUP_ROLES: group %q gives no role: %w", group, apperr.ErrInvalid)
		}
		for _, r := range rs {
			if r == auth.Service {
				return nil, fmt.Errorf("OIDC_GROUP_ROLES: group %q: SERVICE belongs to checkout's API tokens, not to people: %w", group, apperr.ErrInvalid)
			}
		}
		out[group] = append(out[group], rs...)
	}
	return out, nil
}

// Roles returns the roles groups give, in the order of auth.AllRoles.
func (c *Config) Roles(groups []string) []auth.Role {
	var got []auth.Role
	for _, g := range groups {
		got = append(got, c.GroupRoles[g]...)
	}
	var out []auth.Role
	for _, r := range auth.AllRoles {
		if slices.Contains(got, r) {
			out = append(out, r)
		}
	}
	return out
}

// PersonOf returns the person the provider issuer names sub: "oidc:<12 hex digits of the
// issuer's SHA-256>:<sub>". The subject is unique and never reassigned within one issuer (OpenID
// Connect Core 1.0, 2), unlike an e-mail address, so maker-checker and the audit log count every
// sign-in of one person as that person.
func PersonOf(issuer, sub string) auth.Person {
	sum := sha256.Sum256([]byte(issuer))
	return auth.Person("oidc:" + hex.EncodeToString(sum[:6]) + ":" + sub)
}

// Identity is what a verified ID token says about the person who signed in.
type Identity struct {
	Issuer  string
	Subject string
	// Username is the provider's e-mail, else its preferred username, else the subject.
	Username    string
	DisplayName string
	Groups      []string
	Roles       []auth.Role
}

// Person returns the identity's person (PersonOf).
func (id *Identity) Person() auth.Person { return PersonOf(id.Issuer, id.Subject) }

// RelyingParty talks to the provider: it discovers its endpoints and keys on first use (and
// again after a failure, so that a provider down at start-up does not keep the console from
// starting), builds the authorization URL and redeems codes for verified identities.
type RelyingParty struct {
	cfg Config
	now func() time.Time

	mu       sync.Mutex
	provider *gooidc.Provider
}

// NewRelyingParty returns a relying party of cfg; now is the clock the ID token's expiry is
// checked against (time.Now when nil).
func NewRelyingParty(cfg Config, now func() time.Time) *RelyingParty {
	if cfg.RolesClaim == "" {
		cfg.RolesClaim = DefaultRolesClaim
	}
	if now == nil {
		now = time.Now
	}
	return &RelyingParty{cfg: cfg, now: now}
}

// Config returns the relying party's configuration.
func (rp *RelyingParty) Config() Config { return rp.cfg }

func (rp *RelyingParty) discover(ctx context.Context) (*gooidc.Provider, error) {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	if rp.provider != nil {
		return rp.provider, nil
	}
	p, err := gooidc.NewProvider(ctx, rp.cfg.Issuer)
	if err != nil {
		return nil, fmt.Errorf("discover the identity provider %s: %w", rp.cfg.Issuer, err)
	}
	rp.provider = p
	return p, nil
}

func (rp *RelyingParty) oauth(p *gooidc.Provider) *oauth2.Config {
	return &oauth2.Config{ClientID: rp.cfg.ClientID, ClientSecret: rp.cfg.ClientSecret, RedirectURL: rp.cfg.RedirectURL,
		Endpoint: p.Endpoint(), Scopes: []string{gooidc.ScopeOpenID, "profile", "email"}}
}

// AuthCodeURL returns the provider's authorization URL for a sign-in with state, nonce and the
// PKCE verifier's S256 challenge.
func (rp *RelyingParty) AuthCodeURL(ctx context.Context, state, nonce, verifier string) (string, error) {
	p, err := rp.discover(ctx)
	if err != nil {
		return "", err
	}
	return rp.oauth(p).AuthCodeURL(state, gooidc.Nonce(nonce), oauth2.S256ChallengeOption(verifier)), nil
}

// Redeem exchanges code (with the PKCE verifier) for tokens and returns the identity of the
// verified ID token, whose nonce must be nonce.
func (rp *RelyingParty) Redeem(ctx context.Context, code, verifier, nonce string) (Identity, error) {
	p, err := rp.discover(ctx)
	if err != nil {
		return Identity{}, err
	}
	tok, err := rp.oauth(p).Exchange(ctx, code, oauth2.VerifierOption(verifier))
	if err != nil {
		return Identity{}, fmt.Errorf("redeem the authorization code: %w", err)
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return Identity{}, fmt.Errorf("the provider sent no ID token: %w", apperr.ErrUnauthorized)
	}
	return rp.Verify(ctx, raw, nonce)
}

// Verify checks an ID token, signature (by the provider's published keys), issuer, audience (the
// client id), expiry and nonce, and returns its identity.
func (rp *RelyingParty) Verify(ctx context.Context, rawIDToken, nonce string) (Identity, error) {
	p, err := rp.discover(ctx)
	if err != nil {
		return Identity{}, err
	}
	v := p.Verifier(&gooidc.Config{ClientID: rp.cfg.ClientID, Now: rp.now})
	tok, err := v.Verify(ctx, rawIDToken)
	if err != nil {
		return Identity{}, fmt.Errorf("verify the ID token: %v: %w", err, apperr.ErrUnauthorized)
	}
	// The nonce is a random value of ours, compared as stored; a token minted for another
	// sign-in (or replayed) carries another.
	if nonce == "" || tok.Nonce != nonce {
		return Identity{}, fmt.Errorf("verify the ID token: nonce does not match the sign-in's: %w", apperr.ErrUnauthorized)
	}
	var claims map[string]any
	if err := tok.Claims(&claims); err != nil {
		return Identity{}, fmt.Errorf("read the ID token's claims: %v: %w", err, apperr.ErrUnauthorized)
	}
	str := func(name string) string { s, _ := claims[name].(string); return strings.TrimSpace(s) }
	id := Identity{Issuer: tok.Issuer, Subject: tok.Subject, Username: str("email"), DisplayName: str("name"),
		Groups: stringList(claims[rp.cfg.RolesClaim])}
	if id.Username == "" {
		id.Username = str("preferred_username")
	}
	if id.Username == "" {
		id.Username = id.Subject
	}
	if id.DisplayName == "" {
		id.DisplayName = id.Username
	}
	id.Roles = rp.cfg.Roles(id.Groups)
	return id, nil
}

// stringList reads a claim that lists groups: an array of strings, or one string.
func stringList(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
