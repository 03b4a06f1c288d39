package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"riskconsole/internal/apperr"
)

// TokenRepository is what the authenticator needs from storage.
type TokenRepository interface {
	// TokenByHash returns the token with the given hash, or an ErrNotFound.
	TokenByHash(ctx context.Context, hash string) (Token, error)
}

// Authenticator turns bearer tokens into principals. Valid tokens are remembered for CacheTTL so
// that a busy checkout client does not cost a query per request; revoking a token therefore
// takes up to CacheTTL to bite.
type Authenticator struct {
	repo     TokenRepository
	CacheTTL time.Duration
	now      func() time.Time

	mu    sync.Mutex
	cache map[string]cachedToken
}

type cachedToken struct {
	principal *Principal
	expires   time.Time // of the cache entry
}

// NewAuthenticator returns an authenticator over repo with a 10 s cache.
func NewAuthenticator(repo TokenRepository) *Authenticator {
	return &Authenticator{repo: repo, CacheTTL: 10 * time.Second, now: time.Now, cache: map[string]cachedToken{}}
}

// Authenticate returns the principal of a token secret, or ErrUnauthorized.
func (a *Authenticator) Authenticate(ctx context.Context, secret string) (*Principal, error) {
	hash := HashToken(secret)
	now := a.now()
	a.mu.Lock()
	c, ok := a.cache[hash]
	a.mu.Unlock()
	if ok && now.Before(c.expires) {
		return c.principal, nil
	}
	tok, err := a.repo.TokenByHash(ctx, hash)
	if errors.Is(err, apperr.ErrNotFound) {
		return nil, fmt.Errorf("unknown token: %w", apperr.ErrUnauthorized)
	}
	if err != nil {
		return nil, err
	}
	if tok.RevokedAt != nil || (tok.ExpiresAt != nil && !now.Before(*tok.ExpiresAt)) {
		return nil, fmt.Errorf("token revoked or expired: %w", apperr.ErrUnauthorized)
	}
	p := &Principal{TokenID: tok.ID, Name: tok.Name, Roles: tok.Roles}
	expires := now.Add(a.CacheTTL)
	if tok.ExpiresAt != nil && tok.ExpiresAt.Before(expires) {
		expires = *tok.ExpiresAt
	}
	a.mu.Lock()
	if len(a.cache) > 10_000 {
		clear(a.cache) // a crude bound; tokens are few, so this only trips under abuse
	}
	a.cache[hash] = cachedToken{principal: p, expires: expires}
	a.mu.Unlock()
	return p, nil
}

// Middleware attaches the principal of the request's bearer token to its context. A request
// without a token goes on anonymous (the API denies what anonymous may not do); a request with a
// bad token is refused with 401 at once.
func (a *Authenticator) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		if h == "" {
			next.ServeHTTP(w, r)
			return
		}
		secret, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			writeUnauthorized(w, "Authorization must be a Bearer token")
			return
		}
		p, err := a.Authenticate(r.Context(), strings.TrimSpace(secret))
		if errors.Is(err, apperr.ErrUnauthorized) {
			writeUnauthorized(w, "invalid, expired or revoked token")
			return
		}
		if err != nil {
			http.Error(w, `{"errors":[{"message":"authentication unavailable","extensions":{"code":"INTERNAL"}}]}`, http.StatusServiceUnavailable)
			return
		}
		next.ServeHTTP(w, r.WithContext(WithPrincipal(r.Context(), p)))
	})
}

func writeUnauthorized(w http.ResponseWriter, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("WWW-Authenticate", `Bearer realm="riskconsole"`)
	w.WriteHeader(http.StatusUnauthorized)
	fmt.Fprintf(w, `{"errors":[{"message":%q,"extensions":{"code":"UNAUTHENTICATED"}}]}`, msg)
}
