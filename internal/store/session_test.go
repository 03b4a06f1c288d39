package store_test

import (
	"context"
	"errors"
	"net/url"
	"testing"
	"time"

	"riskconsole/internal/store"
	"riskconsole/internal/testdb"
)

// TestSessionTimeouts: on PostgreSQL every session of the store carries statement_timeout and
// idle_in_transaction_session_timeout, a statement running longer is cancelled by the server
// within the timeout, even without a deadline on its context, with an error that reads as a
// timeout, a setting in the connection string wins, and the ANALYZE after a bulk load is not
// bound by the session's timeout.
func TestSessionTimeouts(t *testing.T) {
	ctx := context.Background()
	dsn := testdb.NewPostgresDB(t)
	st := open(t, store.Options{DatabaseURL: dsn, StatementTimeout: 300 * time.Millisecond, IdleInTransactionTimeout: 2 * time.Second})
	for name, want := range map[string]string{"statement_timeout": "300ms", "idle_in_transaction_session_timeout": "2s"} {
		if got, err := st.ShowForTest(ctx, name); err != nil || got != want {
			t.Errorf("SHOW %s = %q (%v), want %q", name, got, err, want)
		}
	}

	start := time.Now()
	err := st.QueryForTest(ctx, "SELECT pg_sleep(5)")
	took := time.Since(start)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("pg_sleep(5) under a 300ms statement timeout: %v, want an error matching context.DeadlineExceeded", err)
	}
	if took > 2*time.Second {
		t.Errorf("the statement was cancelled after %v, want about 300ms", took)
	}

	// The connection string wins over Options.
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("statement_timeout", "4500")
	u.RawQuery = q.Encode()
	own := open(t, store.Options{DatabaseURL: u.String(), StatementTimeout: time.Second})
	if got, err := own.ShowForTest(ctx, "statement_timeout"); err != nil || got != "4500ms" {
		t.Errorf("statement_timeout set in the URL: SHOW = %q (%v), want 4500ms", got, err)
	}

	// Without options the server's defaults stay.
	plain := open(t, store.Options{DatabaseURL: dsn})
	if got, err := plain.ShowForTest(ctx, "statement_timeout"); err != nil || got != "0" {
		t.Errorf("no statement timeout asked: SHOW = %q (%v), want 0", got, err)
	}

	// ANALYZE after a bulk load samples every monthly partition and may take longer than a
	// request: it runs under the long timeout of an aggregator pass, not the session's.
	if err := plain.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	tight := open(t, store.Options{DatabaseURL: dsn, StatementTimeout: time.Millisecond})
	if err := tight.AnalyzeDecisions(ctx); err != nil {
		t.Errorf("AnalyzeDecisions under a 1ms session statement timeout: %v", err)
	}
}
