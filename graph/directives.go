package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"

	"riskconsole/graph/model"
	"riskconsole/internal/apperr"
	"riskconsole/internal/auth"
)

// HasRole is the @hasRole directive: it lets the field run only for a caller holding one of roles: anonymous callers get
// UNAUTHENTICATED, others FORBIDDEN.
func HasRole(ctx context.Context, _ any, next graphql.Resolver, roles []model.Role) (any, error) {
	p := auth.PrincipalFrom(ctx)
	if p == nil {
		return nil, fmt.Errorf("sign in required: %w", apperr.ErrUnauthorized)
	}
	for _, r := range roles {
		if p.HasAny(auth.Role(r)) {
			return next(ctx)
		}
	}
	return nil, fmt.Errorf("%s may not use %s: %w", p.Subject(), graphql.GetFieldContext(ctx).Field.Name, apperr.ErrForbidden)
}
