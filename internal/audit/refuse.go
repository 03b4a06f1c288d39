package audit

import (
	"context"
	"fmt"
	"log/slog"

	"riskconsole/internal/apperr"
	"riskconsole/internal/auth"
)

// DenialRecorder records that p (nil when anonymous) was refused a field, named
// "<Type>.<field>" such as "Mutation.liftLegalHold" (auditlog.Denials).
type DenialRecorder interface {
	Denied(ctx context.Context, p *auth.Principal, field string) error
}

// Refuse records with rec (nil records nothing) that p was refused field, and returns the
// apperr.ErrForbidden saying why: for the rules a service checks beyond the field's roles (a
// conflict of interest, a change only a person signed in may make). The record is written even
// when the caller has gone away; a failure to write it is logged, and the refusal stands.
func Refuse(ctx context.Context, rec DenialRecorder, p *auth.Principal, field, why string) error {
	if rec != nil {
		if err := rec.Denied(context.WithoutCancel(ctx), p, field); err != nil {
			slog.ErrorContext(ctx, "record denial", "err", err, "request_id", RequestFrom(ctx).ID)
		}
	}
	return fmt.Errorf("%s: %w", why, apperr.ErrForbidden)
}
