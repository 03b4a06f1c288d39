package testdb

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Server is a PostgreSQL server that belongs to one test, which may stop it and start it again
// to see what the code under test does while the database is gone. See NewServer.
type Server struct {
	mu      sync.Mutex
	srv     *server
	running bool
}

// NewServer starts a PostgreSQL server for tb alone, set up as PostgresURL's (its own initdb in
// a fresh temporary directory, superuser "riskconsole_test", 127.0.0.1 on a free port, fsync on,
// max_connections=200), and stops and removes it in tb.Cleanup; a watchdog does that if the test
// process dies first. It does not need Main, and it ignores RISKCONSOLE_TEST_PG_URL: a test that
// stops its database needs one nobody else uses. Starting one takes a second or two.
func NewServer(tb testing.TB) *Server {
	tb.Helper()
	s, err := startServer()
	if err != nil {
		tb.Fatalf("testdb: starting a PostgreSQL server for %s: %v", tb.Name(), err)
	}
	tb.Cleanup(func() {
		if err := s.stop(); err != nil {
			tb.Errorf("testdb: stopping the PostgreSQL server of %s: %v", tb.Name(), err)
		}
	})
	return &Server{srv: s, running: true}
}

// URL is the server's postgres:// URL, connected to its "postgres" database as the superuser.
// It stays the same across Stop and Start.
func (s *Server) URL() string { return s.srv.url }

// Stop stops the server with pg_ctl stop -m fast: it refuses new connections, terminates open
// sessions (their transactions roll back) and is gone when Stop returns. The data stay.
func (s *Server) Stop(tb testing.TB) {
	tb.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.running {
		tb.Fatalf("testdb: Stop: the server is not running")
	}
	if err := s.srv.halt(); err != nil {
		tb.Fatalf("testdb: %v\nserver log:\n%s", err, readTail(s.srv.logFile, 4000))
	}
	s.running = false
}

// Start starts a stopped server again on the same port and data directory, and returns once it
// answers queries.
func (s *Server) Start(tb testing.TB) {
	tb.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running {
		tb.Fatalf("testdb: Start: the server is already running")
	}
	if err := s.srv.start(); err != nil {
		tb.Fatalf("testdb: %v", err)
	}
	if err := waitReady(s.srv.url, 30*time.Second); err != nil {
		tb.Fatalf("testdb: server at %s after restart: %v\nserver log:\n%s", s.srv.url, err, readTail(s.srv.logFile, 4000))
	}
	s.running = true
}

// Hold opens a connection to dsn, begins a transaction and runs stmts in it, typically a LOCK
// TABLE that makes other sessions' statements on the table wait: a real slow database, not a
// mock. It returns release, which rolls the transaction back and closes the connection; release
// may be called more than once and runs in tb.Cleanup at the latest.
func Hold(tb testing.TB, dsn string, stmts ...string) (release func()) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		tb.Fatalf("testdb: Hold: connecting to %s: %v", redact(dsn), err)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		conn.Close(context.Background())
		tb.Fatalf("testdb: Hold: begin: %v", err)
	}
	for _, stmt := range stmts {
		if _, err := tx.Exec(ctx, stmt); err != nil {
			conn.Close(context.Background())
			tb.Fatalf("testdb: Hold: %s: %v", stmt, err)
		}
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			err := tx.Rollback(ctx)
			conn.Close(ctx)
			if err != nil {
				// The session may have been ended meanwhile (a stopped server): nothing is held.
				tb.Logf("testdb: Hold: rollback: %v", err)
			}
		})
	}
	tb.Cleanup(release)
	return release
}
