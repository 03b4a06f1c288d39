package testdb

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// ReplicationRole is the role a standby streams WAL as: LOGIN REPLICATION and nothing else, with
// a trust line of its own in the test servers' pg_hba.conf.
const ReplicationRole = "rc_test_replicator"

// Standby is a PostgreSQL streaming standby of a test's own Server (NewStandby): a Server that
// may be stopped and started, whose WAL replay may be paused.
type Standby struct {
	*Server
	primary *Server
}

// NewStandby takes a base backup of primary with pg_basebackup -R (as ReplicationRole, WAL
// streamed) into a fresh temporary directory and starts it as a hot standby on another free port
// of 127.0.0.1, as the OS user postgres when running as root; it returns once the standby
// answers queries. It is stopped and removed in tb.Cleanup (before primary, which was made
// first). Anything missing fails the test.
func NewStandby(tb testing.TB, primary *Server) *Standby {
	tb.Helper()
	if err := ensureReplicationRole(primary.URL()); err != nil {
		tb.Fatalf("testdb: creating the replication role %s: %v", ReplicationRole, err)
	}
	s, err := startStandby(primary.srv)
	if err != nil {
		tb.Fatalf("testdb: starting a standby of %s for %s: %v", redact(primary.URL()), tb.Name(), err)
	}
	tb.Cleanup(func() {
		if err := s.stop(); err != nil {
			tb.Errorf("testdb: stopping the standby of %s: %v", tb.Name(), err)
		}
	})
	return &Standby{Server: &Server{srv: s, running: true}, primary: primary}
}

// Rehost returns dsn, a connection string of the primary, pointed at the standby instead: the
// same role, password and database.
func (s *Standby) Rehost(tb testing.TB, dsn string) string {
	tb.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatalf("testdb: Rehost: %v", err)
	}
	u.Host = net.JoinHostPort("127.0.0.1", strconv.Itoa(s.srv.port))
	return u.String()
}

// PauseReplay pauses the standby's WAL replay (pg_wal_replay_pause): it goes on receiving WAL but
// shows nothing newer until ResumeReplay. It returns once replay is paused.
func (s *Standby) PauseReplay(tb testing.TB) {
	tb.Helper()
	if err := adminExec(s.URL(), "SELECT pg_wal_replay_pause()"); err != nil {
		tb.Fatalf("testdb: %v", err)
	}
	s.waitFor(tb, "replay paused", "SELECT pg_get_wal_replay_pause_state() = 'paused'")
}

// ResumeReplay resumes the standby's WAL replay (pg_wal_replay_resume).
func (s *Standby) ResumeReplay(tb testing.TB) {
	tb.Helper()
	if err := adminExec(s.URL(), "SELECT pg_wal_replay_resume()"); err != nil {
		tb.Fatalf("testdb: %v", err)
	}
}

// WaitReplayed waits until the standby has replayed everything the primary had written when it
// was called.
func (s *Standby) WaitReplayed(tb testing.TB) {
	tb.Helper()
	var lsn string
	if err := queryOne(s.primary.URL(), "SELECT pg_current_wal_lsn()::text", &lsn); err != nil {
		tb.Fatalf("testdb: WaitReplayed: %v", err)
	}
	s.waitFor(tb, "replay of "+lsn, "SELECT pg_last_wal_replay_lsn() >= '"+lsn+"'::pg_lsn")
}

// waitFor polls the standby with query, which answers a boolean, until it is true (60 s at most).
func (s *Standby) waitFor(tb testing.TB, what, query string) {
	tb.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		var ok bool
		err := queryOne(s.URL(), query, &ok)
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("testdb: standby: no %s after 60 s (last error: %v)\nstandby log:\n%s", what, err, readTail(s.srv.logFile, 4000))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// queryOne runs query on a new connection to dsn and scans its one value into dst.
func queryOne(dsn, query string, dst any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return fmt.Errorf("connecting to %s: %w", redact(dsn), err)
	}
	defer conn.Close(context.Background())
	if err := conn.QueryRow(ctx, query).Scan(dst); err != nil {
		return fmt.Errorf("%s: %w", query, err)
	}
	return nil
}

// ensureReplicationRole creates ReplicationRole on the server of superuserURL unless it exists.
func ensureReplicationRole(superuserURL string) error {
	err := adminExec(superuserURL, "CREATE ROLE "+ReplicationRole+" LOGIN REPLICATION NOSUPERUSER NOCREATEDB NOCREATEROLE")
	var pgErr *pgconn.PgError
	if err != nil && !(errors.As(err, &pgErr) && (pgErr.Code == "42710" || pgErr.Code == "23505")) {
		return err
	}
	return nil
}

// startStandby copies primary with pg_basebackup -R and starts the copy on a free port; on
// failure it cleans up what it created.
func startStandby(primary *server) (_ *server, err error) {
	s, err := newServer(primary.binDir, "riskconsole-pg-standby-")
	if err != nil {
		return nil, err
	}
	defer s.stopOnError(&err)
	if out, err := s.run("pg_basebackup", "-D", s.dataDir, "-R", "-X", "stream", "-c", "fast", "--no-sync",
		"-h", "127.0.0.1", "-p", strconv.Itoa(primary.port), "-U", ReplicationRole); err != nil {
		return nil, fmt.Errorf("%s failed: %v\n%s", filepath.Join(s.binDir, "pg_basebackup"), err, out)
	}
	// The copy of postgresql.conf names the primary's socket directory: later lines win.
	conf := fmt.Sprintf("\n# riskconsole internal/testdb standby\nunix_socket_directories = '%s'\nhot_standby = on\n",
		strings.ReplaceAll(s.sockDir, "'", "''"))
	if err := appendFile(filepath.Join(s.dataDir, "postgresql.conf"), conf); err != nil {
		return nil, err
	}
	if err := s.start(); err != nil {
		return nil, err
	}
	s.url = fmt.Sprintf("postgres://%s@127.0.0.1:%d/postgres?sslmode=disable", Superuser, s.port)
	if err := waitReady(s.url, 60*time.Second); err != nil {
		return nil, fmt.Errorf("standby at %s: %v\nstandby log:\n%s", s.url, err, readTail(s.logFile, 4000))
	}
	return s, nil
}
