package graph_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"riskconsole/graph"
	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
)

// captureLog sends the default logger's output to a buffer for the rest of the test.
func captureLog(t *testing.T) *bytes.Buffer {
	t.Helper()
	var buf bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, nil)))
	t.Cleanup(func() { slog.SetDefault(prev) })
	return &buf
}

func TestPresentError(t *testing.T) {
	ctx := audit.WithRequest(context.Background(), audit.Request{ID: "req-42", ClientAddr: "192.0.2.1"})
	shared := &gqlerror.Error{Message: "Cannot query field \"x\"", Extensions: map[string]any{"code": "GRAPHQL_VALIDATION_FAILED"}}
	cases := []struct {
		name     string
		err      error
		wantCode string
		wantMsg  string // "" to keep the error's own
		logged   string // a substring the log must carry with the request id, "" for no log
	}{
		{"validation error", &apperr.ValidationError{Fields: []apperr.FieldError{{Field: "first", Message: "too large"}}}, graph.CodeInvalid, "", ""},
		{"not found", fmt.Errorf("decision 7: %w", apperr.ErrNotFound), graph.CodeNotFound, "not found", ""},
		{"forbidden", fmt.Errorf("x: %w", apperr.ErrForbidden), graph.CodeForbidden, "", ""},
		{"unauthenticated", fmt.Errorf("x: %w", apperr.ErrUnauthorized), graph.CodeUnauthenticated, "", ""},
		{"conflict", fmt.Errorf("x: %w", apperr.ErrConflict), graph.CodeConflict, "", ""},
		{"deadline", fmt.Errorf("query: %w", context.DeadlineExceeded), graph.CodeTimeout, "request timed out or was cancelled", "context deadline exceeded"},
		{"statement timeout", fmt.Errorf("%w: ERROR: canceling statement due to statement timeout (SQLSTATE 57014)", context.DeadlineExceeded),
			graph.CodeTimeout, "request timed out or was cancelled", "57014"},
		{"anything else is internal", errors.New(`pq: relation "decisions" does not exist`), graph.CodeInternal, "internal error", `relation \"decisions\" does not exist`},
		{"gqlgen's own errors keep their code", shared, "GRAPHQL_VALIDATION_FAILED", "", ""},
		{"the parser's token limit", &gqlerror.Error{Message: "exceeded token limit of 10000", Extensions: map[string]any{"code": "GRAPHQL_PARSE_FAILED"}},
			graph.CodeLimitExceeded, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			log := captureLog(t)
			got := graph.PresentError(ctx, c.err)
			if code := got.Extensions["code"]; code != c.wantCode {
				t.Errorf("code %v, want %s", code, c.wantCode)
			}
			if id := got.Extensions["requestId"]; id != "req-42" {
				t.Errorf("requestId %v, want req-42", id)
			}
			if c.wantMsg != "" && got.Message != c.wantMsg {
				t.Errorf("message %q, want %q", got.Message, c.wantMsg)
			}
			if strings.Contains(got.Message, "pq:") {
				t.Errorf("message leaks the database error: %q", got.Message)
			}
			switch {
			case c.logged == "" && log.Len() > 0:
				t.Errorf("logged: %s", log)
			case c.logged != "" && (!strings.Contains(log.String(), c.logged) || !strings.Contains(log.String(), "request_id=req-42")):
				t.Errorf("log %q lacks %q or the request id", log, c.logged)
			}
		})
	}
	t.Run("any failure past the deadline", func(t *testing.T) {
		log := captureLog(t)
		expired, cancel := context.WithCancel(ctx)
		cancel()
		got := graph.PresentError(expired, errors.New("database is locked (5) (SQLITE_BUSY)"))
		if got.Extensions["code"] != graph.CodeTimeout || !strings.Contains(log.String(), "SQLITE_BUSY") {
			t.Errorf("presented %+v, log %s; want TIMEOUT with the cause logged", got, log)
		}
	})
	if _, ok := shared.Extensions["requestId"]; ok {
		t.Error("PresentError changed the error it was given")
	}
}

func TestRecover(t *testing.T) {
	log := captureLog(t)
	ctx := audit.WithRequest(context.Background(), audit.Request{ID: "req-panic"})
	got := graph.PresentError(ctx, graph.Recover(ctx, "boom"))
	if got.Extensions["code"] != graph.CodeInternal || got.Message != "internal error" || got.Extensions["requestId"] != "req-panic" {
		t.Errorf("presented %+v", got)
	}
	out := log.String()
	if !strings.Contains(out, "request_id=req-panic") || !strings.Contains(out, "panic=boom") || !strings.Contains(out, "stack=") {
		t.Errorf("log %q lacks the request id, the panic or the stack", out)
	}
	if strings.Count(out, "request_id=req-panic") != 1 {
		t.Errorf("the panic is logged more than once: %s", out)
	}
}
