package graph

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"

	"riskconsole/graph/model"
	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
)

// DenialRecorder records an authorization denial in the audit log: p (nil when anonymous) was
// refused field, named "<Type>.<field>" such as "Query.decisions".
type DenialRecorder interface {
	Denied(ctx context.Context, p *auth.Principal, field string) error
}

// HasRole returns the @hasRole directive: it lets the field run only for a caller holding one of
// roles; anonymous callers get UNAUTHENTICATED, others FORBIDDEN. Every refusal is recorded
// through rec as exactly one event. A failed record is logged, and the caller is refused all the
// same: the audit log being unavailable must never open a field.
func HasRole(rec DenialRecorder) func(ctx context.Context, obj any, next graphql.Resolver, roles []model.Role) (any, error) {
	if rec == nil {
		panic("graph.HasRole: nil DenialRecorder") // a wiring bug: denials would go unrecorded
	}
	return func(ctx context.Context, _ any, next graphql.Resolver, roles []model.Role) (any, error) {
		p := auth.PrincipalFrom(ctx)
		for _, r := range roles {
			if p.HasAny(auth.Role(r)) {
				return next(ctx)
			}
		}
		fc := graphql.GetFieldContext(ctx)
		field := fc.Object + "." + fc.Field.Name
		if err := rec.Denied(ctx, p, field); err != nil {
			slog.ErrorContext(ctx, "could not record an access denial", "request_id", audit.RequestFrom(ctx).ID,
				"err", err, "field", field, "actor", p.Subject())
		}
		if p == nil {
			return nil, fmt.Errorf("sign in required: %w", apperr.ErrUnauthorized)
		}
		return nil, fmt.Errorf("%s may not use %s: %w", p.Subject(), fc.Field.Name, apperr.ErrForbidden)
	}
}
