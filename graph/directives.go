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
// refused field, named "<Type>.<field>" such as "Query.decisions" (auditlog.Denials).
type DenialRecorder interface {
	Denied(ctx context.Context, p *auth.Principal, field string) error
}

// Admission decides whether a field the caller may use runs now: it returns a release to call
// once the field has resolved, or an error refusing it (the server's limit of heavy operations,
// for one). It sees only callers that passed @hasRole, so that nobody without the right to a
// field can take its turn.
type Admission func(ctx context.Context, object, field string) (release func(), err error)

// HasRole returns the @hasRole directive: it lets the field run only for a caller holding one of
// roles, once admit (nil: always) admits it; anonymous callers get UNAUTHENTICATED, others
// FORBIDDEN. Every refusal is reported to rec, which decides how it is recorded (one event per
// request, or counted for anonymous callers). A failed record is logged, and the caller is
// refused all the same: the audit log being unavailable must never open a field.
func HasRole(rec DenialRecorder, admit Admission) func(ctx context.Context, obj any, next graphql.Resolver, roles []model.Role) (any, error) {
	if rec == nil {
		panic("graph.HasRole: nil DenialRecorder") // a wiring bug: denials would go unrecorded
	}
	return func(ctx context.Context, _ any, next graphql.Resolver, roles []model.Role) (any, error) {
		p := auth.PrincipalFrom(ctx)
		fc := graphql.GetFieldContext(ctx)
		for _, r := range roles {
			if p.HasAny(auth.Role(r)) {
				if admit == nil {
					return next(ctx)
				}
				release, err := admit(ctx, fc.Object, fc.Field.Name)
				if err != nil {
					return nil, err
				}
				defer release()
				return next(ctx)
			}
		}
		field := fc.Object + "." + fc.Field.Name
		if err := rec.Denied(ctx, p, field); err != nil {
			slog.ErrorContext(ctx, "could not record an access denial", "request_id", audit.RequestFrom(ctx).ID,
				"err", err, "field", field, "actor", p.Subject())
		}
		if p == nil {
			return nil, fmt.Errorf("sign in required: %w", apperr.ErrUnauthorized)
		}
		// The roles, not the subject: a token's name is its owner's label and may say more than
		// the caller should read back (the audit log has the subject).
		return nil, fmt.Errorf("roles %s may not use %s: %w", auth.JoinRoles(p.Roles), fc.Field.Name, apperr.ErrForbidden)
	}
}
