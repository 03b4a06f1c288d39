package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
)

// Error codes in extensions.code.
const (
	CodeInvalid         = "INVALID"
	CodeNotFound        = "NOT_FOUND"
	CodeForbidden       = "FORBIDDEN"
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeConflict        = "CONFLICT"
	CodeInternal        = "INTERNAL"
)

// Codes of refusals and failures that are not domain errors.
const (
	// CodeLimitExceeded refuses an operation over one of the endpoint's limits (complexity,
	// aliases, root fields, parser tokens, body size, batches) before anything runs, or a field
	// over one of the server's concurrency limits (extensions.retryAfter in seconds, also sent
	// as the Retry-After header).
	CodeLimitExceeded = "LIMIT_EXCEEDED"
	// CodeTimeout reports that the request's deadline passed (or the client went away).
	CodeTimeout = "TIMEOUT"
	// CodeUnavailable reports that the database could not be reached or the connection was
	// lost: retry later (an assessment with the same idempotency key, which never decides twice).
	// The endpoint answers it with HTTP 503 and Retry-After.
	CodeUnavailable = "UNAVAILABLE"
)

// Names of the limits in extensions.limit of a CodeLimitExceeded error.
const (
	LimitBody       = "bodySize"
	LimitBatch      = "batch"
	LimitTokens     = "tokens"
	LimitAliases    = "aliases"
	LimitRootFields = "rootFields"
	LimitFields     = "fields"
	LimitComplexity = "complexity"
)

// LimitError is a CodeLimitExceeded error naming limit in extensions.limit.
func LimitError(limit, format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	err.Extensions = map[string]any{"code": CodeLimitExceeded, "limit": limit}
	return err
}

// tokenLimitPrefix starts the message of gqlparser's parser token limit error, which carries
// gqlgen's generic GRAPHQL_PARSE_FAILED code; the presenter gives it CodeLimitExceeded.
const tokenLimitPrefix = "exceeded token limit of "

// PresentError is the only place that turns domain errors into GraphQL errors. Known domain
// errors keep their message; anything else (SQL, bugs) is logged in full and reaches the client
// only as INTERNAL, so clients never see SQL text. Every error carries the request's id in
// extensions.requestId, the id the log and the audit log use for the same request.
func PresentError(ctx context.Context, err error) *gqlerror.Error {
	out := presentError(ctx, err)
	if id := audit.RequestFrom(ctx).ID; id != "" {
		out.Extensions["requestId"] = id
	}
	return out
}

func presentError(ctx context.Context, err error) *gqlerror.Error {
	var gqlErr *gqlerror.Error
	if errors.As(err, &gqlErr) && gqlErr.Err == nil {
		// Parser, validation and limit errors from gqlgen and the endpoint: already safe and
		// shaped. A copy, so that adding the request id never touches an error held elsewhere.
		out := *gqlErr
		out.Extensions = maps.Clone(gqlErr.Extensions)
		if out.Extensions == nil {
			out.Extensions = map[string]any{}
		}
		if strings.HasPrefix(out.Message, tokenLimitPrefix) {
			out.Extensions["code"] = CodeLimitExceeded
			out.Extensions["limit"] = LimitTokens
		}
		return &out
	}
	out := graphql.DefaultErrorPresenter(ctx, err)
	if out.Extensions == nil {
		out.Extensions = map[string]any{}
	}
	if field, msg, ok := argumentError(ctx, err); ok {
		// A value the field's arguments could not be read from (a scalar refused it: text with
		// NUL, a Float that is NaN, a Time that does not parse): the client's input, named as
		// the services name fields.
		ve := &apperr.ValidationError{Fields: []apperr.FieldError{{Field: field, Message: msg}}}
		out.Message = ve.Error()
		out.Extensions["code"] = CodeInvalid
		out.Extensions["fields"] = ve.Fields
		return out
	}
	var (
		ve   *apperr.ValidationError
		busy *apperr.BusyError
	)
	switch {
	case errors.As(err, &ve):
		out.Message = ve.Error()
		out.Extensions["code"] = CodeInvalid
		out.Extensions["fields"] = ve.Fields
	case errors.Is(err, apperr.ErrInvalid):
		out.Extensions["code"] = CodeInvalid
	case errors.Is(err, apperr.ErrNotFound):
		out.Message = "not found"
		out.Extensions["code"] = CodeNotFound
	case errors.Is(err, apperr.ErrUnauthorized):
		out.Extensions["code"] = CodeUnauthenticated
	case errors.Is(err, apperr.ErrForbidden):
		out.Extensions["code"] = CodeForbidden
	case errors.Is(err, apperr.ErrConflict):
		out.Extensions["code"] = CodeConflict
	case errors.As(err, &busy):
		// The server's limit, not the request's: the client may retry as it is, after retryAfter.
		out.Message = busy.Error()
		out.Extensions["code"] = CodeLimitExceeded
		out.Extensions["limit"] = busy.Limit
		out.Extensions["retryAfter"] = busy.RetryAfterSeconds()
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) || ctx.Err() != nil:
		// Past the request's deadline any failure is reported as the timeout it most likely
		// is: drivers report a cancelled statement or an expired lock wait in their own words.
		slog.WarnContext(ctx, "request timed out or was cancelled", "request_id", audit.RequestFrom(ctx).ID,
			"err", err, "path", out.Path.String())
		out.Message = "request timed out or was cancelled"
		out.Extensions["code"] = CodeTimeout
	case errors.Is(err, apperr.ErrUnavailable):
		slog.WarnContext(ctx, "database unavailable", "request_id", audit.RequestFrom(ctx).ID, "err", err,
			"path", out.Path.String())
		out.Message = "database unavailable; retry later"
		out.Extensions["code"] = CodeUnavailable
	case errors.Is(err, errRecovered):
		// Logged with its stack by Recover.
		out.Message = "internal error"
		out.Extensions["code"] = CodeInternal
	default:
		slog.ErrorContext(ctx, "internal error", "request_id", audit.RequestFrom(ctx).ID, "err", err,
			"path", out.Path.String())
		out.Message = "internal error"
		out.Extensions["code"] = CodeInternal
	}
	return out
}

// argumentError reports whether err arose reading the arguments of the field resolved in ctx,
// and then names the argument by its path within them ("filter.market", "events[2].eventId")
// and gives the error's message. gqlgen reads arguments under the field's path extended by the
// argument's, so an error whose path goes past the field's came from an argument; errors of
// the field itself carry the field's own path.
func argumentError(ctx context.Context, err error) (field, msg string, ok bool) {
	var gqlErr *gqlerror.Error
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !errors.As(err, &gqlErr) || gqlErr.Err == nil {
		return "", "", false
	}
	at := fc.Path()
	if len(gqlErr.Path) <= len(at) || !slices.Equal(gqlErr.Path[:len(at)], at) {
		return "", "", false
	}
	var b strings.Builder
	for _, e := range gqlErr.Path[len(at):] {
		switch e := e.(type) {
		case ast.PathIndex:
			fmt.Fprintf(&b, "[%d]", int(e))
		case ast.PathName:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(string(e))
		}
	}
	return b.String(), gqlErr.Err.Error(), true
}

// errRecovered is the error of a recovered panic.
var errRecovered = errors.New("internal error (recovered panic)")

// Recover turns a panic in a resolver into an INTERNAL error and logs it, with its stack and the
// request id the client is told.
func Recover(ctx context.Context, p any) error {
	slog.ErrorContext(ctx, "panic in resolver", "request_id", audit.RequestFrom(ctx).ID, "panic", p,
		"stack", string(debug.Stack()))
	return errRecovered
}
