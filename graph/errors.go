package graph

import (
	"context"
	"errors"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"riskconsole/internal/apperr"
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

// PresentError is the only place that turns domain errors into GraphQL errors. Known domain
// errors keep their message; anything else (SQL, bugs) is logged in full and reaches the client
// only as INTERNAL, so clients never see SQL text.
func PresentError(ctx context.Context, err error) *gqlerror.Error {
	var gqlErr *gqlerror.Error
	if errors.As(err, &gqlErr) && gqlErr.Err == nil {
		// Parser and validation errors from gqlgen itself: already safe and shaped.
		return gqlErr
	}
	out := graphql.DefaultErrorPresenter(ctx, err)
	if out.Extensions == nil {
		out.Extensions = map[string]any{}
	}
	var ve *apperr.ValidationError
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
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled):
		out.Message = "request timed out or was cancelled"
		out.Extensions["code"] = "TIMEOUT"
	default:
		slog.ErrorContext(ctx, "internal error", "err", err, "path", out.Path.String())
		out.Message = "internal error"
		out.Extensions["code"] = CodeInternal
	}
	return out
}

// Recover turns a panic in a resolver into an INTERNAL error and logs it with its stack.
func Recover(ctx context.Context, p any) error {
	slog.ErrorContext(ctx, "panic in resolver", "panic", p, "stack", string(debug.Stack()))
	return errors.New("internal error")
}
