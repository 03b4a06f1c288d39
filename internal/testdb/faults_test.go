package testdb_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"riskconsole/internal/testdb"
)

// TestServerStopStart checks that a test's own server refuses connections while stopped and
// comes back on the same URL with its data.
func TestServerStopStart(t *testing.T) {
	pg := testdb.NewServer(t)
	ctx := context.Background()
	conn := connect(t, pg.URL())
	if _, err := conn.Exec(ctx, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)"); err != nil {
		t.Fatal(err)
	}
	pg.Stop(t)
	// The open session was terminated, and new ones are refused.
	if _, err := conn.Exec(ctx, "SELECT 1"); err == nil {
		t.Errorf("a session survived Stop")
	}
	cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if c, err := pgx.Connect(cctx, pg.URL()); err == nil {
		c.Close(ctx)
		t.Fatalf("connected to a stopped server")
	}
	pg.Start(t)
	var v int
	if err := connect(t, pg.URL()).QueryRow(ctx, "SELECT v FROM kept").Scan(&v); err != nil || v != 42 {
		t.Errorf("after restart: %d, %v; want the row written before", v, err)
	}
}

// TestHold checks that a lock taken with Hold makes another session's statement wait until
// release, and that release rolls back what the held transaction did.
func TestHold(t *testing.T) {
	dsn := testdb.NewPostgresDB(t)
	ctx := context.Background()
	conn := connect(t, dsn)
	if _, err := conn.Exec(ctx, "CREATE TABLE items (v int)"); err != nil {
		t.Fatal(err)
	}
	release := testdb.Hold(t, dsn, "INSERT INTO items VALUES (1)", "LOCK TABLE items IN SHARE MODE")
	wctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if _, err := conn.Exec(wctx, "INSERT INTO items VALUES (2)"); err == nil {
		t.Fatalf("an INSERT went through the held lock")
	}
	release()
	// A second call does nothing.
	release()
	// The first session's statement was cut off with its connection: a new one.
	conn = connect(t, dsn)
	if _, err := conn.Exec(ctx, "INSERT INTO items VALUES (3)"); err != nil {
		t.Fatalf("INSERT after release: %v", err)
	}
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM items WHERE v = 1").Scan(&n); err != nil || n != 0 {
		t.Errorf("the held transaction's row: %d, %v; want rolled back", n, err)
	}
}
