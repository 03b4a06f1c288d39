package httpapi

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"riskconsole/internal/apperr"
)

// heavyFields are the GraphQL fields that count against the server's limit of heavy operations
// (package heavy). The export counts too (export.go), and so do analytics answered from the
// decisions table (internal/app).
var heavyFields = map[[2]string]bool{
	{"Query", "verifyAuditChain"}:        true, // reads and hashes the whole audit log
	{"Query", "verifyDecisions"}:         true, // reads and checks the seal of every decision
	{"Query", "simulate"}:                true, // replays a market's history
	{"Query", "sensitivity"}:             true, // replays it once per point of the curve
	{"Mutation", "submitThresholdDraft"}: true, // stores the draft's simulated impact over 365 days
}

// noRelease is the release of a field that is not heavy.
func noRelease() {}

// admitHeavy is the graph.Admission of the API: a heavy field runs once the limiter admits it.
func (a *api) admitHeavy(ctx context.Context, object, field string) (func(), error) {
	if !heavyFields[[2]string{object, field}] {
		return noRelease, nil
	}
	return a.Heavy.Acquire(ctx, object+"."+field)
}

// writeBusy answers an HTTP request that the limit of heavy operations refused with err: 429
// with Retry-After, and the API's LIMIT_EXCEEDED error.
func writeBusy(w http.ResponseWriter, err error) {
	var busy *apperr.BusyError
	if !errors.As(err, &busy) {
		writeExportError(w, http.StatusInternalServerError, "INTERNAL", "internal error", nil)
		return
	}
	w.Header().Set("Retry-After", strconv.Itoa(busy.RetryAfterSeconds()))
	writeExportError(w, http.StatusTooManyRequests, "LIMIT_EXCEEDED", busy.Error(),
		map[string]any{"limit": busy.Limit, "retryAfter": busy.RetryAfterSeconds()})
}
