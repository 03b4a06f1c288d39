package accounts_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"riskconsole/internal/accounts"
	"riskconsole/internal/apperr"
	"riskconsole/internal/auth"
	"riskconsole/internal/store"
	"riskconsole/internal/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }

// newService returns a service over a fresh, migrated database of dialect, with a clock the test
// moves.
func newService(t *testing.T, dialect string) (*accounts.Service, *store.Store, *time.Time) {
	t.Helper()
	opts := store.Options{SQLitePath: testdb.NewSQLitePath(t)}
	if dialect == "postgres" {
		opts = store.Options{DatabaseURL: testdb.NewPostgresDB(t)}
	}
	ctx := context.Background()
	st, err := store.Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC().Truncate(time.Second)
	svc := accounts.NewService(st, nil, accounts.Options{Now: func() time.Time { return now }})
	return svc, st, &now
}

var system = auth.WithPrincipal(context.Background(), auth.SystemPrincipal("test"))

func create(t *testing.T, svc *accounts.Service, username string, roles ...auth.Role) (auth.User, string) {
	t.Helper()
	pw := accounts.NewPassword()
	u, err := svc.CreateUser(system, accounts.NewUser{Username: username, DisplayName: username, Password: pw, Roles: roles})
	if err != nil {
		t.Fatal(err)
	}
	return u, pw
}

func TestSessions(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			svc, st, now := newService(t, dialect)
			ctx := context.Background()
			u, pw := create(t, svc, "anna", auth.Analyst)
			res, err := svc.Login(ctx, accounts.LoginRequest{Username: " Anna ", Password: pw, ClientAddr: "192.0.2.1", UserAgent: "test"})
			if err != nil {
				t.Fatalf("login with a padded, capitalised username: %v", err)
			}
			p, err := svc.SessionPrincipal(ctx, res.Secret)
			if err != nil || p.Subject() != "user:1:anna" || p.SessionID != auth.HashSessionSecret(res.Secret) || p.DisplayName != "anna" {
				t.Fatalf("SessionPrincipal = %+v, %v", p, err)
			}
			if !res.ExpiresAt.Equal(now.Add(12 * time.Hour)) {
				t.Errorf("session expires %v, want 12 h after login", res.ExpiresAt)
			}
			sess, _, err := st.SessionWithUser(ctx, p.SessionID)
			if err != nil || sess.ClientAddr != "192.0.2.1" || sess.UserAgent != "test" || sess.UserID != u.ID {
				t.Errorf("stored session %+v, %v", sess, err)
			}

			// A second session, then a logout from the first: both end.
			res2, err := svc.Login(ctx, accounts.LoginRequest{Username: "anna", Password: pw})
			if err != nil {
				t.Fatal(err)
			}
			ended, err := svc.Logout(auth.WithPrincipal(ctx, p))
			if err != nil || ended != 2 {
				t.Fatalf("Logout = %d, %v; want 2 sessions ended", ended, err)
			}
			for _, s := range []string{res.Secret, res2.Secret} {
				if _, err := svc.SessionPrincipal(ctx, s); !errors.Is(err, apperr.ErrUnauthorized) {
					t.Errorf("session after logout: %v", err)
				}
			}
			if _, err := svc.Logout(ctx); !errors.Is(err, apperr.ErrUnauthorized) {
				t.Errorf("anonymous logout: %v", err)
			}

			// Ended sessions are purged an hour after they can no longer be used.
			*now = now.Add(30*time.Minute + time.Hour + time.Second)
			n, err := svc.PurgeSessions(ctx)
			if err != nil || n != 2 {
				t.Errorf("PurgeSessions = %d, %v; want 2", n, err)
			}
		})
	}
}

// TestLastAdmin has two administrators disable each other at the same moment: one must win and
// the other be refused, so that an ADMIN is always left. On PostgreSQL this needs the accounts
// lock; on SQLite write transactions run one at a time anyway.
func TestLastAdmin(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			svc, _, _ := newService(t, dialect)
			a, _ := create(t, svc, "admin.a", auth.Admin)
			b, _ := create(t, svc, "admin.b", auth.Admin)
			for round := range 5 {
				var wg sync.WaitGroup
				errs := make([]error, 2)
				for i, pair := range [][2]auth.User{{a, b}, {b, a}} {
					wg.Go(func() {
						ctx := auth.WithPrincipal(context.Background(), pair[0].Principal("s"))
						_, errs[i] = svc.DisableUser(ctx, pair[1].ID)
					})
				}
				wg.Wait()
				failed := 0
				for _, err := range errs {
					if err != nil {
						failed++
						if !errors.Is(err, apperr.ErrConflict) {
							t.Fatalf("round %d: %v", round, err)
						}
					}
				}
				if failed != 1 {
					t.Fatalf("round %d: %d of two crossed disables failed, want exactly one: %v", round, failed, errs)
				}
				// Enable both again for the next round.
				for _, u := range []auth.User{a, b} {
					if _, err := svc.EnableUser(system, u.ID); err != nil {
						t.Fatal(err)
					}
				}
			}
		})
	}
}

func TestCreateTokenAndRevoke(t *testing.T) {
	svc, st, now := newService(t, "sqlite")
	ctx := auth.WithPrincipal(context.Background(), &auth.Principal{Kind: auth.UserKind, UserID: 9, Name: "root.admin", Roles: []auth.Role{auth.Admin}})
	exp := now.Add(time.Hour)
	tok, secret, err := svc.CreateToken(ctx, accounts.NewToken{Name: "nightly export", Roles: []auth.Role{auth.Auditor, auth.Auditor}, ExpiresAt: &exp})
	if err != nil {
		t.Fatal(err)
	}
	if tok.CreatedBy != "user:9:root.admin" || tok.Owner != "user:9" || len(tok.Roles) != 1 || !tok.ExpiresAt.Equal(exp) || !tok.CreatedAt.Equal(*now) {
		t.Errorf("token %+v", tok)
	}
	stored, err := st.TokenByHash(context.Background(), auth.HashToken(secret))
	if err != nil || stored.ID != tok.ID || stored.Owner != "user:9" {
		t.Fatalf("stored by hash: %+v, %v", stored, err)
	}
	revoked, err := svc.RevokeToken(ctx, tok.ID)
	if err != nil || revoked.RevokedAt == nil || !revoked.RevokedAt.Equal(*now) {
		t.Fatalf("RevokeToken = %+v, %v", revoked, err)
	}
	// Revoking again keeps the first revocation time.
	*now = now.Add(time.Minute)
	again, err := svc.RevokeToken(ctx, tok.ID)
	if err != nil || !again.RevokedAt.Equal(*revoked.RevokedAt) {
		t.Errorf("second RevokeToken = %+v, %v", again, err)
	}
	if _, err := svc.RevokeToken(ctx, 999); !errors.Is(err, apperr.ErrNotFound) {
		t.Errorf("unknown token: %v", err)
	}
	var ve *apperr.ValidationError
	_, _, err = svc.CreateToken(ctx, accounts.NewToken{Name: " ", Roles: nil, ExpiresAt: now})
	if !errors.As(err, &ve) || len(ve.Fields) != 3 {
		t.Errorf("bad token input: %v", err)
	}
	// No token carries a role that authors, approves or grants changes; nor can the store write one.
	for _, role := range []auth.Role{auth.Analyst, auth.Approver, auth.Admin} {
		_, _, err = svc.CreateToken(ctx, accounts.NewToken{Name: "maker", Roles: []auth.Role{auth.Service, role}})
		if !errors.As(err, &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != "input.roles" {
			t.Errorf("token with %s: %v", role, err)
		}
		if _, err := st.CreateToken(context.Background(), "maker", auth.HashToken(auth.NewTokenSecret()), []auth.Role{role}, nil); !errors.Is(err, apperr.ErrInvalid) {
			t.Errorf("store writing a token with %s: %v", role, err)
		}
	}
}
