package httpapi

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/99designs/gqlgen/graphql"

	"riskconsole/internal/audit"
)

// collectDenials gives each GraphQL request a collector of its refusals (auditlog.Denials), so
// that they are recorded together: one event for a signed-in caller, a count for an anonymous
// one. denialRecording records them before the answer is written; this records whatever a
// request refused on a path that did not reach it.
func (a *api) collectDenials(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := a.Denials.Begin(r.Context())
		next.ServeHTTP(w, r.WithContext(ctx))
		a.recordDenials(ctx)
	})
}

// recordDenials records the refusals collected for the request of ctx; a failure is logged and
// the refusals stand.
func (a *api) recordDenials(ctx context.Context) {
	if err := a.Denials.End(ctx); err != nil {
		slog.ErrorContext(ctx, "could not record an access denial", "request_id", audit.RequestFrom(ctx).ID, "err", err)
	}
}

// denialRecording is the gqlgen extension that records a request's refusals once its answer is
// complete and before it is written, refusals before execution (introspection) included.
type denialRecording struct{ a *api }

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = denialRecording{}

// ExtensionName implements graphql.HandlerExtension.
func (denialRecording) ExtensionName() string { return "DenialRecording" }

// Validate implements graphql.HandlerExtension.
func (denialRecording) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse records the refusals of the response's request.
func (d denialRecording) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	d.a.recordDenials(ctx)
	return resp
}
