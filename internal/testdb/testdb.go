// Package testdb provides databases for tests: a PostgreSQL server private to the test
// process (or an external one named by RISKCONSOLE_TEST_PG_URL), a fresh empty PostgreSQL
// database per test, and a fresh SQLite file per test.
//
// Import it only from _test.go files (`make check-test-only-imports` enforces this). A
// package whose tests use PostgreSQL must route its TestMain through Main:
//
//	func TestMain(m *testing.M) { testdb.Main(m) }
//
// Fault tests that stop their database use NewServer instead, a server of the test's own, and
// Hold for a lock that makes other sessions' statements wait.
//
// A missing or broken PostgreSQL fails the test (tb.Fatalf); it is never skipped.
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver of DecisionsByKey's callers
)

// EnvPostgresURL names the environment variable that, when set, points the tests at an
// existing PostgreSQL server (a postgres:// URL of a role allowed to CREATE and DROP
// databases) instead of starting a private one.
const EnvPostgresURL = "RISKCONSOLE_TEST_PG_URL"

// Superuser is the superuser role of the private server started by PostgresURL. It is
// deliberately not "postgres", so code that silently assumes that role name fails in tests.
const Superuser = "riskconsole_test"

var (
	mu         sync.Mutex
	mainCalled bool
	shutDown   bool
	once       sync.Once
	baseURL    string
	setupErr   error
	srv        *server // the private server, nil if none was started
)

// Main runs the package's tests (m.Run) and afterwards stops the PostgreSQL server this
// process started, if any, and removes its temporary directory; then it exits the process
// with the tests' code (1 if the tests passed but the cleanup failed). Call it from
// TestMain:
//
//	func TestMain(m *testing.M) { testdb.Main(m) }
//
// Should the process die without reaching the end of Main (a panic, a -timeout, a kill), a
// watchdog process stops the server and removes the directory as soon as the test process
// is gone.
func Main(m *testing.M) {
	mu.Lock()
	mainCalled = true
	mu.Unlock()

	code := m.Run()

	mu.Lock()
	shutDown = true
	s := srv
	srv = nil
	mu.Unlock()
	if s != nil {
		if err := s.stop(); err != nil {
			fmt.Fprintf(os.Stderr, "testdb: stopping the test PostgreSQL server: %v\n", err)
			if code == 0 {
				code = 1
			}
		}
	}
	os.Exit(code)
}

// PostgresURL returns the URL of a running PostgreSQL server for this test process,
// connected to its "postgres" maintenance database as a superuser. Use NewPostgresDB for a
// database to work in; do not create objects through this URL.
//
// If RISKCONSOLE_TEST_PG_URL is set, that URL is checked and returned. Otherwise the first
// call starts a private server, once per process: initdb (superuser "riskconsole_test",
// --auth=trust, UTF8, C locale) in a fresh temporary directory, then pg_ctl start on
// 127.0.0.1 with a free TCP port, its unix socket inside that directory, fsync on,
// max_connections=200 and timezone UTC. The binaries are taken from PATH or else from the
// newest /usr/lib/postgresql/*/bin; when running as root they run as the OS user
// "postgres". The server lives until Main returns.
//
// Any failure, including PostgreSQL not being installed, fails the test with tb.Fatalf and
// the commands' output. The package's TestMain must call Main.
func PostgresURL(tb testing.TB) string {
	tb.Helper()
	mu.Lock()
	ok := mainCalled
	mu.Unlock()
	if !ok {
		tb.Fatalf("testdb: this package's TestMain must call testdb.Main(m), which stops the test PostgreSQL server: func TestMain(m *testing.M) { testdb.Main(m) }")
	}
	once.Do(func() { baseURL, setupErr = setup() })
	if setupErr != nil {
		tb.Fatalf("testdb: no PostgreSQL server for tests: %v", setupErr)
	}
	return baseURL
}

// NewPostgresDB creates a fresh, empty database with a unique name (t_<16 hex digits>,
// from template0, UTF8) on the server of PostgresURL and returns its DSN, e.g.
// postgres://riskconsole_test@127.0.0.1:PORT/t_0123456789abcdef?sslmode=disable. The
// database is dropped WITH (FORCE) in tb.Cleanup, so connections still open then are
// terminated; close them in cleanups registered after this call, which run first.
func NewPostgresDB(tb testing.TB) string {
	tb.Helper()
	base := PostgresURL(tb)
	name := "t_" + randomHex(8)
	dsn, err := withDatabase(base, name)
	if err != nil {
		tb.Fatalf("testdb: %v", err)
	}
	if err := adminExec(base, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" TEMPLATE template0 ENCODING 'UTF8'"); err != nil {
		tb.Fatalf("testdb: creating database %s: %v", name, err)
	}
	tb.Cleanup(func() {
		if err := adminExec(base, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
			tb.Errorf("testdb: dropping database %s: %v", name, err)
		}
	})
	return dsn
}

// NewSQLitePath returns the path of a SQLite database file that does not exist yet, in a
// fresh directory from tb.TempDir (removed after the test). Opening it creates the file.
func NewSQLitePath(tb testing.TB) string {
	tb.Helper()
	return filepath.Join(tb.TempDir(), "test.sqlite")
}

// setup provides the base URL: the external server's or a freshly started private one's.
func setup() (string, error) {
	if u := os.Getenv(EnvPostgresURL); u != "" {
		if _, err := withDatabase(u, "postgres"); err != nil {
			return "", fmt.Errorf("%s: %w", EnvPostgresURL, err)
		}
		if err := waitReady(u, 10*time.Second); err != nil {
			return "", fmt.Errorf("%s=%s: %w", EnvPostgresURL, redact(u), err)
		}
		return u, nil
	}
	mu.Lock()
	done := shutDown
	mu.Unlock()
	if done {
		return "", errors.New("testdb.Main has already returned from m.Run")
	}
	s, err := startServer()
	if err != nil {
		return "", err
	}
	mu.Lock()
	defer mu.Unlock()
	if shutDown { // Main finished while we were starting (a leaked goroutine)
		_ = s.stop()
		return "", errors.New("testdb.Main has already returned from m.Run")
	}
	srv = s
	return s.url, nil
}

// withDatabase returns the postgres:// URL base with its database replaced by name.
func withDatabase(base, name string) (string, error) {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Host == "" {
		return "", fmt.Errorf("%q is not a postgres://user@host:port/db URL", redact(base))
	}
	u.Path = "/" + name
	u.RawPath = ""
	return u.String(), nil
}

// redact hides a password in a URL for messages.
func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

// adminExec runs one statement on a new connection to dsn.
func adminExec(dsn, sql string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return fmt.Errorf("connecting to %s: %w", redact(dsn), err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, sql); err != nil {
		return fmt.Errorf("%s: %w", sql, err)
	}
	return nil
}

// waitReady polls dsn until a connection succeeds and answers a query, or timeout passes.
func waitReady(dsn string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		err := func() error {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			conn, err := pgx.Connect(ctx, dsn)
			if err != nil {
				return err
			}
			defer conn.Close(context.Background())
			var one int
			return conn.QueryRow(ctx, "SELECT 1").Scan(&one)
		}()
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not accepting connections after %v: %w", timeout, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on Linux
	}
	return hex.EncodeToString(b)
}

// DecisionsByKey returns, for every decision whose idempotency key (client-scoped, so stored as
// "<client>:<key>") contains prefix, the ids stored under each key as the client sent it: the
// fault tests' check that every acknowledged assessment is stored exactly once.
func DecisionsByKey(tb testing.TB, db *sql.DB, prefix string) map[string][]string {
	tb.Helper()
	rows, err := db.Query("SELECT idempotency_key, id FROM decisions WHERE idempotency_key LIKE $1", "%:"+prefix+"%")
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var key, id string
		if err := rows.Scan(&key, &id); err != nil {
			tb.Fatal(err)
		}
		key = key[strings.LastIndex(key, ":")+1:]
		out[key] = append(out[key], id)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}
