package auth

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"riskconsole/internal/apperr"
)

// memTokens is an in-memory TokenRepository that counts its calls.
type memTokens struct {
	mu      sync.Mutex
	tokens  map[string]Token // by hash
	lookups int
	touches []time.Time
}

func (m *memTokens) TokenByHash(_ context.Context, hash string) (Token, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lookups++
	t, ok := m.tokens[hash]
	if !ok {
		return Token{}, apperr.ErrNotFound
	}
	return t, nil
}

func (m *memTokens) TouchToken(_ context.Context, id int64, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.touches = append(m.touches, at)
	for h, t := range m.tokens {
		if t.ID == id {
			t.LastUsedAt = &at
			m.tokens[h] = t
		}
	}
	return nil
}

func (m *memTokens) revoke(secret string, at time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t := m.tokens[HashToken(secret)]
	t.RevokedAt = &at
	m.tokens[HashToken(secret)] = t
}

type testClock struct{ t time.Time }

func (c *testClock) now() time.Time { return c.t }

func newTestAuthenticator(t *testing.T) (*Authenticator, *memTokens, *testClock, string) {
	t.Helper()
	secret := NewTokenSecret()
	repo := &memTokens{tokens: map[string]Token{HashToken(secret): {ID: 1, Name: "checkout", Roles: []Role{Service}}}}
	clock := &testClock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	a := NewAuthenticator(repo)
	a.SetClock(clock.now)
	return a, repo, clock, secret
}

func TestAuthenticateCachesAndTouches(t *testing.T) {
	a, repo, clock, secret := newTestAuthenticator(t)
	ctx := context.Background()
	p, err := a.Authenticate(ctx, secret)
	if err != nil || !p.IsToken() || p.Subject() != "token:1:checkout" {
		t.Fatalf("Authenticate = %+v, %v", p, err)
	}
	for range 5 {
		clock.t = clock.t.Add(time.Second)
		if _, err := a.Authenticate(ctx, secret); err != nil {
			t.Fatal(err)
		}
	}
	if repo.lookups != 1 {
		t.Errorf("%d look-ups within the cache lifetime, want 1", repo.lookups)
	}
	if len(repo.touches) != 1 {
		t.Errorf("%d last-use writes within a minute, want 1", len(repo.touches))
	}
	// Past the cache lifetime the token is read again; its last use is a minute old only later.
	clock.t = clock.t.Add(30 * time.Second)
	_, _ = a.Authenticate(ctx, secret)
	if repo.lookups != 2 || len(repo.touches) != 1 {
		t.Errorf("after 35 s: %d look-ups, %d writes; want 2 and 1", repo.lookups, len(repo.touches))
	}
	clock.t = clock.t.Add(25 * time.Second)
	_, _ = a.Authenticate(ctx, secret)
	if len(repo.touches) != 2 || !repo.touches[1].Equal(clock.t) {
		t.Errorf("after a minute: writes %v", repo.touches)
	}
}

func TestAuthenticateRefuses(t *testing.T) {
	a, repo, clock, secret := newTestAuthenticator(t)
	ctx := context.Background()
	if _, err := a.Authenticate(ctx, NewTokenSecret()); !errors.Is(err, apperr.ErrUnauthorized) {
		t.Errorf("unknown token: %v", err)
	}
	if _, err := a.Authenticate(ctx, secret); err != nil {
		t.Fatal(err)
	}
	// Revoked in storage: the cache still answers until it is told, then refuses at once.
	repo.revoke(secret, clock.t)
	if _, err := a.Authenticate(ctx, secret); err != nil {
		t.Errorf("cached token refused before Forget: %v", err)
	}
	a.Forget(1)
	if _, err := a.Authenticate(ctx, secret); !errors.Is(err, apperr.ErrUnauthorized) {
		t.Errorf("revoked token after Forget: %v", err)
	}

	// An expiring token leaves the cache at its expiry, even within the cache lifetime.
	exp := clock.t.Add(3 * time.Second)
	other := NewTokenSecret()
	repo.tokens[HashToken(other)] = Token{ID: 2, Name: "script", Roles: []Role{Auditor}, ExpiresAt: &exp}
	if _, err := a.Authenticate(ctx, other); err != nil {
		t.Fatal(err)
	}
	clock.t = exp
	if _, err := a.Authenticate(ctx, other); !errors.Is(err, apperr.ErrUnauthorized) {
		t.Errorf("token at its expiry: %v", err)
	}

	// A token stored with a role no token may carry (created before the rule) is refused; one of
	// TokenRoles is its owner's.
	for i, role := range []Role{Analyst, Approver, Admin} {
		s := NewTokenSecret()
		repo.tokens[HashToken(s)] = Token{ID: int64(10 + i), Name: "legacy", Roles: []Role{Auditor, role}, Owner: "user:3"}
		if _, err := a.Authenticate(ctx, s); !errors.Is(err, apperr.ErrUnauthorized) {
			t.Errorf("token holding %s: %v", role, err)
		}
	}
	owned := NewTokenSecret()
	repo.tokens[HashToken(owned)] = Token{ID: 20, Name: "nightly", Roles: []Role{Auditor}, Owner: "user:3"}
	if p, err := a.Authenticate(ctx, owned); err != nil || p.Person() != "user:3" {
		t.Errorf("owned token: %+v, %v; want user:3's", p, err)
	}
}

// stubSessions is a SessionResolver that knows one secret and counts its look-ups.
type stubSessions struct {
	mu      sync.Mutex
	secret  string
	lookups int
}

func (s *stubSessions) SessionPrincipal(_ context.Context, secret string) (*Principal, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lookups++
	if secret != s.secret {
		return nil, apperr.ErrUnauthorized
	}
	return &Principal{Kind: UserKind, UserID: 4, SessionID: HashSessionSecret(secret), Name: "anna", Roles: []Role{Analyst}}, nil
}

func TestMiddleware(t *testing.T) {
	a, _, _, token := newTestAuthenticator(t)
	sessions := &stubSessions{secret: NewSessionSecret()}
	a.Sessions = sessions
	var seen string
	ask := true
	h := a.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = "not asked"
		if ask {
			seen = PrincipalFrom(r.Context()).Subject()
		}
		w.WriteHeader(http.StatusOK)
	}))
	serve := func(header map[string]string, cookie string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodPost, "http://console.example/graphql", nil)
		for k, v := range header {
			r.Header.Set(k, v)
		}
		if cookie != "" {
			r.AddCookie(&http.Cookie{Name: SessionCookieName, Value: cookie})
		}
		w := httptest.NewRecorder()
		seen = ""
		h.ServeHTTP(w, r)
		return w
	}
	own := map[string]string{"Origin": "http://console.example"}
	cleared := func(w *httptest.ResponseRecorder) bool {
		for _, c := range w.Result().Cookies() {
			if c.Name == SessionCookieName && c.MaxAge < 0 {
				return true
			}
		}
		return false
	}

	for _, tc := range []struct {
		name    string
		header  map[string]string
		cookie  string
		status  int
		subject string
		cleared bool
	}{
		{"anonymous", nil, "", http.StatusOK, "anonymous", false},
		{"token", map[string]string{"Authorization": "Bearer " + token}, "", http.StatusOK, "token:1:checkout", false},
		{"bad token", map[string]string{"Authorization": "Bearer " + NewTokenSecret()}, "", http.StatusUnauthorized, "", false},
		{"not bearer", map[string]string{"Authorization": "Basic dTpw"}, "", http.StatusUnauthorized, "", false},
		{"token wins over a cookie", map[string]string{"Authorization": "Bearer " + token}, sessions.secret, http.StatusOK, "token:1:checkout", false},
		{"session", own, sessions.secret, http.StatusOK, "user:4:anna", false},
		{"session without origin", nil, sessions.secret, http.StatusForbidden, "", false},
		{"session from elsewhere", map[string]string{"Origin": "http://evil.example"}, sessions.secret, http.StatusForbidden, "", false},
		{"unknown session", own, NewSessionSecret(), http.StatusOK, "anonymous", true},
		{"malformed session", own, "garbage", http.StatusOK, "anonymous", true},
	} {
		w := serve(tc.header, tc.cookie)
		if w.Code != tc.status || seen != tc.subject || cleared(w) != tc.cleared {
			t.Errorf("%s: status %d, principal %q, cookie cleared %v; want %d, %q, %v", tc.name, w.Code, seen, cleared(w), tc.status, tc.subject, tc.cleared)
		}
	}

	// A handler that never asks who is calling costs no session look-up.
	ask = false
	before := sessions.lookups
	if w := serve(own, sessions.secret); w.Code != http.StatusOK || seen != "not asked" {
		t.Fatalf("status %d", w.Code)
	}
	if sessions.lookups != before {
		t.Errorf("the session was looked up although nothing asked")
	}
}
