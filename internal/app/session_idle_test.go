package app

import (
	"testing"
	"time"

	"riskconsole/internal/auth"
	"riskconsole/internal/testdb"
)

// TestSessionIdleShortTimeout: with SESSION_IDLE_TIMEOUT=1m, a session used every 15 s stays
// signed in, every use extending it, and ends a minute after its last use. (Its use used to be
// recorded at most once a minute, so it ended 60 s after the login however busy.)
func TestSessionIdleShortTimeout(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		clock := &acctClock{t: time.Now().UTC().Truncate(time.Second)}
		cfg := testConfig(t)
		if dialect == "postgres" {
			setRoles(&cfg, testdb.NewPostgresRoles(t))
		}
		cfg.SessionIdleTimeout = time.Minute
		ta := startTestApp(t, cfg, 0, WithClock(clock.now))
		_, password := ta.acctUser(t, "brief.bo", auth.Analyst)
		secret := ta.acctSignIn(t, "192.0.2.50", "brief.bo", password)
		for used := 15 * time.Second; used <= 5*time.Minute; used += 15 * time.Second {
			clock.advance(15 * time.Second)
			if ta.acctViewer(t, secret) != "brief.bo" {
				t.Fatalf("session ended %v after the login, although used every 15 s", used)
			}
		}
		clock.advance(time.Minute)
		if ta.acctViewer(t, secret) != "" {
			t.Errorf("session still works a minute after its last use")
		}
	})
}
