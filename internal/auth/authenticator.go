package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
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
	// TouchToken records that the token was used at the given time.
	TouchToken(ctx context.Context, id int64, at time.Time) error
}

// SessionResolver turns the secret of a session cookie into the signed-in user's principal. It
// returns an ErrUnauthorized when the session is unknown, ended or expired, or its user disabled.
type SessionResolver interface {
	SessionPrincipal(ctx context.Context, secret string) (*Principal, error)
}

// TouchEvery is the least time between two writes of a token's last-used time, so that a busy
// client costs one UPDATE a minute rather than one per request.
const TouchEvery = time.Minute

// Authenticator turns bearer tokens and session cookies into principals.
//
// Valid tokens are remembered for CacheTTL so that a busy checkout client does not cost a query
// per request. Revoking a token through Forget takes effect at once in this process; other
// replicas notice within CacheTTL. Sessions are not cached: each request that asks who is calling
// reads its session, so logging out or disabling a user takes effect at once everywhere.
type Authenticator struct {
	repo     TokenRepository
	CacheTTL time.Duration
	// Sessions resolves session cookies; while nil, cookies are ignored.
	Sessions SessionResolver
	now      func() time.Time

	mu    sync.Mutex
	cache map[string]*cachedToken
	// gen counts calls of Forget, so that a look-up that raced with a revocation is not cached.
	gen uint64
}

type cachedToken struct {
	principal *Principal
	expires   time.Time // of the cache entry
	lastUsed  time.Time // as stored, or as last written by this process
}

// NewAuthenticator returns an authenticator over repo with a 10 s cache.
func NewAuthenticator(repo TokenRepository) *Authenticator {
	return &Authenticator{repo: repo, CacheTTL: 10 * time.Second, now: time.Now, cache: map[string]*cachedToken{}}
}

// SetClock replaces the authenticator's clock (tests travel in time with it). Call it before the
// authenticator is used.
func (a *Authenticator) SetClock(now func() time.Time) { a.now = now }

// Authenticate returns the principal of a token secret, or ErrUnauthorized. It records the
// token's last use, at most once per TouchEvery.
func (a *Authenticator) Authenticate(ctx context.Context, secret string) (*Principal, error) {
	hash := HashToken(secret)
	now := a.now()
	a.mu.Lock()
	gen := a.gen
	if c, ok := a.cache[hash]; ok && now.Before(c.expires) {
		touch := now.Sub(c.lastUsed) >= TouchEvery
		if touch {
			c.lastUsed = now // claimed under the lock: one writer per token and minute
		}
		p := c.principal
		a.mu.Unlock()
		if touch {
			a.touch(ctx, p.TokenID, now)
		}
		return p, nil
	}
	a.mu.Unlock()
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
	// A token created before tokens were limited to TokenRoles works no more: no token principal
	// carries a role that authors, approves or grants changes, whatever the table holds.
	for _, r := range tok.Roles {
		if !TokenMayHold(r) {
			return nil, fmt.Errorf("token %d holds %s, which no token may carry: %w", tok.ID, r, apperr.ErrUnauthorized)
		}
	}
	p := &Principal{Kind: TokenKind, TokenID: tok.ID, Owner: tok.Owner, Name: tok.Name, Roles: tok.Roles}
	c := &cachedToken{principal: p, expires: now.Add(a.CacheTTL)}
	if tok.ExpiresAt != nil && tok.ExpiresAt.Before(c.expires) {
		c.expires = *tok.ExpiresAt
	}
	if tok.LastUsedAt != nil {
		c.lastUsed = *tok.LastUsedAt
	}
	touch := now.Sub(c.lastUsed) >= TouchEvery
	if touch {
		c.lastUsed = now
	}
	a.mu.Lock()
	if a.gen == gen {
		if len(a.cache) > 10_000 {
			clear(a.cache) // a crude bound; tokens are few, so this only trips under abuse
		}
		a.cache[hash] = c
	}
	a.mu.Unlock()
	if touch {
		a.touch(ctx, p.TokenID, now)
	}
	return p, nil
}

// touch writes a token's last-used time. A failure is logged, not fatal: the request it serves
// is authenticated either way.
func (a *Authenticator) touch(ctx context.Context, id int64, at time.Time) {
	if err := a.repo.TouchToken(ctx, id, at); err != nil {
		slog.WarnContext(ctx, "record token use", "token_id", id, "err", err)
	}
}

// Forget drops a token from the cache, so that its revocation takes effect in this process at
// once.
func (a *Authenticator) Forget(tokenID int64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.gen++
	for hash, c := range a.cache {
		if c.principal.TokenID == tokenID {
			delete(a.cache, hash)
		}
	}
}

// Middleware attaches the request's principal to its context.
//
//   - A request with an Authorization header must carry a valid bearer token: a bad one is
//     refused with 401 at once. The token wins over a session cookie sent alongside it.
//   - A request with a session cookie must come from the console's own origin (see SameOrigin),
//     else it is refused with 403 before anything runs. The session itself is looked up lazily,
//     on the first PrincipalFrom, so a request refused before anything asks who is calling costs
//     no query. A bad, ended or expired session makes the request anonymous and clears the cookie.
//   - Any other request goes on anonymous (the API denies what anonymous may not do).
func (a *Authenticator) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h := r.Header.Get("Authorization"); h != "" {
			secret, ok := strings.CutPrefix(h, "Bearer ")
			if !ok {
				WriteUnauthorized(w, "sign in required: the Authorization header must be Bearer and a token")
				return
			}
			p, err := a.Authenticate(r.Context(), strings.TrimSpace(secret))
			if errors.Is(err, apperr.ErrUnauthorized) {
				// Unknown, revoked and expired tokens answer alike: the answer tells a caller
				// holding someone else's old token nothing about it.
				WriteUnauthorized(w, "sign in required: the bearer token is invalid, expired or revoked")
				return
			}
			if errors.Is(err, apperr.ErrUnavailable) {
				slog.WarnContext(r.Context(), "authenticate token: database unavailable", "err", err)
				w.Header().Set("Retry-After", "1")
				writeError(w, http.StatusServiceUnavailable, "UNAVAILABLE", "authentication unavailable: database unavailable; retry later")
				return
			}
			if err != nil {
				slog.ErrorContext(r.Context(), "authenticate token", "err", err)
				writeError(w, http.StatusServiceUnavailable, "INTERNAL", "authentication unavailable")
				return
			}
			next.ServeHTTP(w, r.WithContext(WithPrincipal(r.Context(), p)))
			return
		}
		c, err := r.Cookie(SessionCookieName)
		if err != nil || a.Sessions == nil {
			next.ServeHTTP(w, r)
			return
		}
		if !SameOrigin(r) {
			writeError(w, http.StatusForbidden, "FORBIDDEN", "cross-origin request refused: the session cookie is only accepted from the console's own pages")
			return
		}
		ctx := r.Context()
		secret := c.Value
		next.ServeHTTP(w, r.WithContext(withLazyPrincipal(ctx, func() (*Principal, error) {
			if !ValidSessionSecret(secret) {
				http.SetCookie(w, ClearedSessionCookie())
				return nil, nil
			}
			p, err := a.Sessions.SessionPrincipal(ctx, secret)
			switch {
			case errors.Is(err, apperr.ErrUnauthorized):
				http.SetCookie(w, ClearedSessionCookie())
				return nil, nil
			case err != nil:
				slog.ErrorContext(ctx, "look up session", "err", err)
				return nil, fmt.Errorf("look up session: %w", err)
			}
			return p, nil
		})))
	})
}

// WWWAuthenticate is the challenge sent with every 401 of the API, whether the bearer token was
// missing or bad, so that clients see one answer for both.
const WWWAuthenticate = `Bearer realm="riskconsole"`

// WriteUnauthorized answers 401 UNAUTHENTICATED with the Bearer challenge.
func WriteUnauthorized(w http.ResponseWriter, msg string) {
	w.Header().Set("WWW-Authenticate", WWWAuthenticate)
	writeError(w, http.StatusUnauthorized, "UNAUTHENTICATED", msg)
}

// requestIDHeader is the response header the outermost handler (httpapi's requestInfo) sets
// before anything else runs. It is read back from the response rather than from the context
// because the context's request facts live in package audit, which imports this package.
const requestIDHeader = "X-Request-ID"

// writeError writes an error in the shape of a GraphQL error response, with the request id in
// extensions.requestId as the error presenter writes it, so clients read one shape.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	type extensions struct {
		Code      string `json:"code"`
		RequestID string `json:"requestId,omitempty"`
	}
	type gqlError struct {
		Message    string     `json:"message"`
		Extensions extensions `json:"extensions"`
	}
	body := struct {
		Errors []gqlError `json:"errors"`
	}{[]gqlError{{msg, extensions{code, w.Header().Get(requestIDHeader)}}}}
	b, _ := json.Marshal(body) // strings always marshal
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
