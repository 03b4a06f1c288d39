package httpapi

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"log/slog"
	"maps"
	"net/http"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/decisions"
)

// exportWriteWindow is how long the client has to take each page of an export: the server's
// write deadline, meant for API answers, is pushed back by this much before every page.
const exportWriteWindow = 2 * time.Minute

// exportRoles may download decisions: those who may read them in the explorer.
var exportRoles = []auth.Role{auth.Analyst, auth.Auditor, auth.Approver}

// decisionExportHandler serves GET /export/decisions.csv?<explorer filter>: every matching
// decision as CSV, oldest first, streamed page by page.
func (a *api) decisionExportHandler() http.Handler {
	return a.Auth.Middleware(noteActor(http.HandlerFunc(a.serveDecisionExport)))
}

func (a *api) serveDecisionExport(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", http.MethodGet)
		writeExportError(w, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", "use GET", nil)
		return
	}
	// The authenticator refuses a cross-site request that carries a session cookie already;
	// checked again here because a download link is the classic target of such requests.
	if _, err := r.Cookie(auth.SessionCookieName); err == nil && r.Header.Get("Authorization") == "" && !auth.SameOrigin(r) {
		writeExportError(w, http.StatusForbidden, "FORBIDDEN", "cross-origin request refused", nil)
		return
	}
	ctx := r.Context()
	p, err := auth.PrincipalErr(ctx)
	switch {
	case err != nil:
		writeExportError(w, http.StatusServiceUnavailable, "INTERNAL", "session look-up unavailable", nil)
		return
	case p == nil || (!p.IsUser() && !p.IsToken()):
		a.recordExportDenial(r, nil)
		w.Header().Set("WWW-Authenticate", `Bearer realm="riskconsole"`)
		writeExportError(w, http.StatusUnauthorized, "UNAUTHENTICATED", "sign in required", nil)
		return
	case !p.HasAny(exportRoles...):
		a.recordExportDenial(r, p)
		writeExportError(w, http.StatusForbidden, "FORBIDDEN", p.Subject()+" may not export decisions", nil)
		return
	}
	q := r.URL.Query()
	f, err := decisions.ParseExportQuery(q)
	var ve *apperr.ValidationError
	switch {
	case errors.As(err, &ve):
		writeExportError(w, http.StatusBadRequest, "INVALID", ve.Error(), map[string]any{"fields": ve.Fields})
		return
	case err != nil:
		slog.ErrorContext(ctx, "parse decision export", "err", err)
		writeExportError(w, http.StatusInternalServerError, "INTERNAL", "internal error", nil)
		return
	}
	// A heavy operation: refused before anything is written when the server runs its limit.
	release, err := a.Heavy.Acquire(ctx, "export")
	if err != nil {
		writeBusy(w, err)
		return
	}
	defer release()
	start := time.Now().UTC()
	until := start // the end of the export: to, or the moment it starts
	if !f.To.IsZero() {
		until = f.To.UTC()
	}
	// The event is written before the first byte: an export that cannot be recorded does not
	// happen. The row count is therefore not known to it.
	after := map[string]any{"filter": decisions.ExportFilterJSON(q), "until": until.Format(time.RFC3339Nano)}
	ev := audit.NewEvent(ctx, decisions.ActionExport, decisions.EntityExport, audit.RequestFrom(ctx).ID, nil, after, audit.Done)
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	err = a.Store.AppendAudit(actx, ev)
	cancel()
	if err != nil {
		slog.ErrorContext(ctx, "record decision export", "err", err)
		writeExportError(w, http.StatusInternalServerError, "INTERNAL", "internal error", nil)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="decisions-`+start.Format("20060102T150405Z")+`.csv"`)
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	extend := func() {
		// Not every ResponseWriter supports deadlines (test recorders do not); that is no error.
		_ = rc.SetWriteDeadline(time.Now().Add(exportWriteWindow))
	}
	extend()
	cw := csv.NewWriter(w)
	_ = cw.Write(decisions.ExportHeader)
	rec := make([]string, 0, len(decisions.ExportHeader))
	timeout := a.RequestTimeout
	pageCtx := func(ctx context.Context) (context.Context, context.CancelFunc) {
		// Each page's statement is bounded like an API request; the download as a whole is not.
		cw.Flush()
		_ = rc.Flush()
		extend()
		if timeout <= 0 {
			return context.WithCancel(ctx)
		}
		return context.WithTimeout(ctx, timeout)
	}
	pageSize := a.ExportPageSize
	if pageSize <= 0 {
		pageSize = decisions.ExportPageSize
	}
	n, err := decisions.Export(ctx, a.Store, f, start, pageSize, pageCtx, func(d *decisions.Decision) error {
		return cw.Write(decisions.ExportRecord(d, rec))
	})
	cw.Flush()
	if err == nil {
		err = cw.Error()
	}
	if err != nil {
		// The status is sent. The error is logged with the request id the audit event carries.
		slog.ErrorContext(ctx, "decision export interrupted", "err", err, "rows", n, "request_id", audit.RequestFrom(ctx).ID)
		panic(http.ErrAbortHandler) // aborts the response, so the client sees a broken download, not a short file
	}
	_ = rc.Flush()
}

// recordExportDenial records a refused export as the API does a refused field: an access.denied
// event (entity http_endpoint), counted instead for anonymous callers. A failure to record it is
// logged; the refusal stands either way.
func (a *api) recordExportDenial(r *http.Request, p *auth.Principal) {
	ctx := r.Context()
	if err := a.Denials.DeniedEndpoint(ctx, p, "GET /export/decisions.csv"); err != nil {
		slog.ErrorContext(ctx, "could not record an access denial", "err", err, "actor", p.Subject())
	}
}

// writeExportError writes an error in the shape of a GraphQL error response, with code and ext
// (such as the bad parameters in fields, like the API's INVALID errors) in extensions.
func writeExportError(w http.ResponseWriter, status int, code, msg string, ext map[string]any) {
	ext = maps.Clone(ext)
	if ext == nil {
		ext = map[string]any{}
	}
	ext["code"] = code
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]any{{"message": msg, "extensions": ext}}})
}
