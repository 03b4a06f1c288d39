package testdb_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"riskconsole/internal/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }

func external() bool { return os.Getenv(testdb.EnvPostgresURL) != "" }

func connect(t *testing.T, dsn string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect %s: %v", dsn, err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func TestPostgresURLStartsOneServer(t *testing.T) {
	start := time.Now()
	u1 := testdb.PostgresURL(t)
	t.Logf("PostgresURL (first call in this process, includes starting the server if needed): %v", time.Since(start))
	if u2 := testdb.PostgresURL(t); u2 != u1 {
		t.Fatalf("second call returned %q, first %q", u2, u1)
	}
	if external() {
		return
	}
	if !regexp.MustCompile(`^postgres://riskconsole_test@127\.0\.0\.1:[0-9]+/postgres\?sslmode=disable$`).MatchString(u1) {
		t.Fatalf("unexpected URL %q", u1)
	}
	conn := connect(t, u1)
	ctx := context.Background()
	for setting, want := range map[string]string{
		"fsync":                 "on",
		"max_connections":       "200",
		"listen_addresses":      "127.0.0.1",
		"server_encoding":       "UTF8",
		"TimeZone":              "UTC",
		"is_superuser":          "on",
		"session_authorization": testdb.Superuser,
	} {
		var got string
		if err := conn.QueryRow(ctx, "SELECT current_setting($1)", setting).Scan(&got); err != nil {
			t.Fatalf("current_setting(%s): %v", setting, err)
		}
		if got != want {
			t.Errorf("%s = %q, want %q", setting, got, want)
		}
	}
	var collate string
	if err := conn.QueryRow(ctx, "SELECT datcollate FROM pg_database WHERE datname = current_database()").Scan(&collate); err != nil {
		t.Fatal(err)
	}
	if collate != "C" {
		t.Errorf("collation %q, want C", collate)
	}
	var sockDir, dataDir string
	if err := conn.QueryRow(ctx, "SELECT current_setting('unix_socket_directories'), current_setting('data_directory')").Scan(&sockDir, &dataDir); err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(sockDir) != filepath.Dir(dataDir) {
		t.Errorf("unix socket directory %s is not in the server's temporary directory %s", sockDir, filepath.Dir(dataDir))
	}
}

func TestNewPostgresDB(t *testing.T) {
	var names []string
	var leaked *pgx.Conn
	t.Run("create", func(t *testing.T) {
		dsn1, dsn2 := testdb.NewPostgresDB(t), testdb.NewPostgresDB(t)
		if dsn1 == dsn2 {
			t.Fatalf("two calls returned the same DSN %q", dsn1)
		}
		ctx := context.Background()
		for i, dsn := range []string{dsn1, dsn2} {
			u, err := url.Parse(dsn)
			if err != nil {
				t.Fatal(err)
			}
			name := strings.TrimPrefix(u.Path, "/")
			if !regexp.MustCompile(`^t_[0-9a-f]{16}$`).MatchString(name) {
				t.Errorf("database name %q, want t_<16 hex digits>", name)
			}
			if !external() && !strings.HasPrefix(dsn, "postgres://riskconsole_test@127.0.0.1:") {
				t.Errorf("DSN %q", dsn)
			}
			names = append(names, name)

			conn := connect(t, dsn)
			var current string
			if err := conn.QueryRow(ctx, "SELECT current_database()").Scan(&current); err != nil {
				t.Fatal(err)
			}
			if current != name {
				t.Errorf("connected to %q, want %q", current, name)
			}
			var tables int
			if err := conn.QueryRow(ctx, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'").Scan(&tables); err != nil {
				t.Fatal(err)
			}
			if tables != 0 {
				t.Errorf("fresh database %s has %d tables", name, tables)
			}
			if _, err := conn.Exec(ctx, "CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL)"); err != nil {
				t.Fatal(err)
			}
			label := fmt.Sprintf("db%d", i+1)
			if _, err := conn.Exec(ctx, "INSERT INTO items VALUES (1, $1)", label); err != nil {
				t.Fatal(err)
			}
		}
		// Each database sees only its own row: they are distinct.
		for i, dsn := range []string{dsn1, dsn2} {
			conn := connect(t, dsn)
			rows, err := conn.Query(ctx, "SELECT label FROM items ORDER BY id")
			if err != nil {
				t.Fatal(err)
			}
			labels, err := pgx.CollectRows(rows, pgx.RowTo[string])
			if err != nil {
				t.Fatal(err)
			}
			if want := fmt.Sprintf("db%d", i+1); len(labels) != 1 || labels[0] != want {
				t.Errorf("database %d has labels %q, want [%s]", i+1, labels, want)
			}
		}
		// A connection still open when the subtest's cleanup drops the databases must not
		// prevent the drop: WITH (FORCE).
		var err error
		if leaked, err = pgx.Connect(ctx, dsn1); err != nil {
			t.Fatal(err)
		}
	})
	if leaked != nil {
		defer leaked.Close(context.Background())
	}
	if len(names) != 2 {
		t.Fatalf("subtest failed before creating the databases")
	}
	conn := connect(t, testdb.PostgresURL(t))
	var left int
	if err := conn.QueryRow(context.Background(), "SELECT count(*) FROM pg_database WHERE datname = ANY($1)", names).Scan(&left); err != nil {
		t.Fatal(err)
	}
	if left != 0 {
		t.Errorf("%d of the databases %v still exist after the test's cleanup", left, names)
	}
}

func TestNewSQLitePath(t *testing.T) {
	p1, p2 := testdb.NewSQLitePath(t), testdb.NewSQLitePath(t)
	if p1 == p2 {
		t.Fatalf("two calls returned the same path %q", p1)
	}
	for _, p := range []string{p1, p2} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s should not exist yet: %v", p, err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Errorf("directory of %s is not writable: %v", p, err)
		}
	}
}

const crashHelperEnv = "RISKCONSOLE_TESTDB_CRASH_HELPER"

// TestHelperProcessCrash is run as a subprocess by TestServerCleanedUpWhenProcessDies; on
// its own it does nothing.
func TestHelperProcessCrash(t *testing.T) {
	if os.Getenv(crashHelperEnv) != "1" {
		return
	}
	conn := connect(t, testdb.PostgresURL(t))
	var dataDir string
	if err := conn.QueryRow(context.Background(), "SELECT current_setting('data_directory')").Scan(&dataDir); err != nil {
		t.Fatal(err)
	}
	pidFile, err := os.ReadFile(filepath.Join(dataDir, "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, _, _ := strings.Cut(string(pidFile), "\n")
	fmt.Printf("DATADIR=%s\nPID=%s\n", dataDir, pid)
	os.Exit(3) // die without reaching the end of testdb.Main
}

// A test process that dies without Main's cleanup (panic, -timeout, kill) must not leave
// a server running nor its directory behind.
func TestServerCleanedUpWhenProcessDies(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcessCrash$", "-test.count=1")
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, testdb.EnvPostgresURL+"=") {
			env = append(env, kv)
		}
	}
	cmd.Env = append(env, crashHelperEnv+"=1")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 3 {
		t.Fatalf("helper process: %v, want exit status 3\n%s", err, out)
	}
	var dataDir string
	var pid int
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "DATADIR="); ok {
			dataDir = v
		}
		if v, ok := strings.CutPrefix(sc.Text(), "PID="); ok {
			pid, _ = strconv.Atoi(v)
		}
	}
	if dataDir == "" || pid <= 0 {
		t.Fatalf("helper output lacks DATADIR/PID:\n%s", out)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, statErr := os.Stat(filepath.Dir(dataDir))
		gone := errors.Is(statErr, os.ErrNotExist)
		dead := !processAlive(pid)
		if gone && dead {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("30s after the helper died: postmaster %d alive=%v, directory %s exists=%v", pid, !dead, filepath.Dir(dataDir), !gone)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// processAlive reports whether pid exists and is not a zombie (the orphaned postmaster is
// reaped by whatever is PID 1, which in a container may never do it).
func processAlive(pid int) bool {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	// pid (comm) state ...
	if i := bytes.LastIndexByte(stat, ')'); i >= 0 && i+2 < len(stat) {
		return stat[i+2] != 'Z'
	}
	return true
}
