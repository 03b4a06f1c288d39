package testdb_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"riskconsole/internal/testdb"
)

// TestStandby starts a standby of a server of the test's own and checks that it streams, that a
// paused replay hides what the primary wrote since, and that it survives a restart.
func TestStandby(t *testing.T) {
	primary := testdb.NewServer(t)
	sb := testdb.NewStandby(t, primary)
	execAll(t, primary.URL(), "CREATE TABLE marks (n int)", "INSERT INTO marks VALUES (1)")
	sb.WaitReplayed(t)
	if n := count(t, sb.URL()); n != 1 {
		t.Fatalf("standby has %d marks, want 1", n)
	}
	if err := exec1(sb.URL(), "INSERT INTO marks VALUES (9)"); err == nil {
		t.Fatal("the standby accepted a write")
	}

	sb.PauseReplay(t)
	execAll(t, primary.URL(), "INSERT INTO marks VALUES (2)")
	time.Sleep(300 * time.Millisecond)
	if n := count(t, sb.URL()); n != 1 {
		t.Fatalf("standby with replay paused has %d marks, want 1", n)
	}
	sb.ResumeReplay(t)
	sb.WaitReplayed(t)
	if n := count(t, sb.URL()); n != 2 {
		t.Fatalf("standby after resume has %d marks, want 2", n)
	}

	sb.Stop(t)
	execAll(t, primary.URL(), "INSERT INTO marks VALUES (3)")
	sb.Start(t)
	sb.WaitReplayed(t)
	if n := count(t, sb.URL()); n != 3 {
		t.Fatalf("standby after restart has %d marks, want 3", n)
	}
}

func exec1(dsn, sql string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

func execAll(t *testing.T, dsn string, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if err := exec1(dsn, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func count(t *testing.T, dsn string) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM marks").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
