package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"riskconsole/internal/testdb"
)

// TestBulkReadLeavesNoTransaction: a month read that fails part-way gives its connection back
// inside the read-only transaction it opened, which the pool must not hand out again: the next
// statement (on a pool of one connection) may write, with the pool's statement timeout, not the
// bulk read's.
func TestBulkReadLeavesNoTransaction(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, Options{DatabaseURL: testdb.NewPostgresDB(t), MaxOpenConns: 1, StatementTimeout: 7 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	failed := errors.New("a bad row")
	calls := 0
	err = st.bulkRead(ctx, "SELECT g::text, $1::timestamptz, $2::timestamptz FROM generate_series(1, 10) g", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		func([][]byte) error { calls++; return failed })
	if !errors.Is(err, failed) || calls != 1 {
		t.Fatalf("bulkRead = %v after %d rows, want the row's error after one", err, calls)
	}
	var readOnly, timeout string
	if err := st.sqlDB.QueryRowContext(ctx, "SELECT current_setting('transaction_read_only'), current_setting('statement_timeout')").Scan(&readOnly, &timeout); err != nil {
		t.Fatal(err)
	}
	if readOnly != "off" || timeout != "7s" {
		t.Fatalf("the next statement on the connection: transaction_read_only %s, statement_timeout %s; want off, 7s", readOnly, timeout)
	}
}
