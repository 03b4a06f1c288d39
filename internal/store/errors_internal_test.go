package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"riskconsole/internal/apperr"
)

// sqliteErr is an error with a SQLite result code, as the SQLite driver's errors have.
type sqliteErr int

func (e sqliteErr) Error() string { return "sqlite error " + fmt.Sprint(int(e)) }
func (e sqliteErr) Code() int     { return int(e) }

// TestMarkError checks the classification of database errors: statement timeouts as
// context.DeadlineExceeded (and SQLite's busy timeout alike), lost or refused connections and the server's shutdown codes as
// apperr.ErrUnavailable, and everything else (a constraint, the caller's own cancellation) as it
// was. The fault tests check the same against a real server.
func TestMarkError(t *testing.T) {
	pgErr := func(code string) error { return fmt.Errorf("insert decision: %w", &pgconn.PgError{Code: code}) }
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	cases := []struct {
		name                 string
		err                  error
		timeout, unavailable bool
	}{
		{name: "statement timeout", err: pgErr("57014"), timeout: true},
		{name: "deadline", err: fmt.Errorf("x: %w", context.DeadlineExceeded), timeout: true},
		{name: "admin shutdown", err: pgErr("57P01"), unavailable: true},
		{name: "crash shutdown", err: pgErr("57P02"), unavailable: true},
		{name: "starting up", err: pgErr("57P03"), unavailable: true},
		{name: "connection failure", err: pgErr("08006"), unavailable: true},
		{name: "too many connections", err: pgErr("53300"), unavailable: true},
		{name: "connection refused", err: refused, unavailable: true},
		{name: "connection lost", err: fmt.Errorf("receive message: %w", io.ErrUnexpectedEOF), unavailable: true},
		{name: "bad connection", err: driver.ErrBadConn, unavailable: true},
		{name: "unique violation", err: pgErr("23505")},
		{name: "syntax error", err: pgErr("42601")},
		{name: "cancelled by the caller", err: fmt.Errorf("x: %w", context.Canceled)},
		{name: "other", err: errors.New("boom")},
		{name: "SQLite busy past its busy_timeout", err: fmt.Errorf("insert decision: %w", sqliteErr(5)), timeout: true},
		{name: "SQLite busy, extended code", err: sqliteErr(5 | 2<<8), timeout: true},
		{name: "SQLite constraint", err: sqliteErr(19)},
	}
	for _, c := range cases {
		got := markError(c.err)
		if !errors.Is(got, c.err) {
			t.Errorf("%s: %v no longer wraps %v", c.name, got, c.err)
		}
		if errors.Is(got, context.DeadlineExceeded) != c.timeout || errors.Is(got, apperr.ErrUnavailable) != c.unavailable {
			t.Errorf("%s: %v: timeout %v, unavailable %v; want %v, %v", c.name, got,
				errors.Is(got, context.DeadlineExceeded), errors.Is(got, apperr.ErrUnavailable), c.timeout, c.unavailable)
		}
		if again := markError(got); again != got {
			t.Errorf("%s: marked twice: %v", c.name, again)
		}
	}
	if markError(nil) != nil {
		t.Errorf("markError(nil) is not nil")
	}
}
