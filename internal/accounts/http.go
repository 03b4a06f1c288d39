package accounts

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"math"
	"mime"
	"net"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
)

// maxLoginBody bounds the body of a login request.
const maxLoginBody = 8 << 10

// Handler returns the session endpoints, to be mounted at /auth/:
//
//	POST /auth/login    {"username","password"} → 200 {"user":{...}} and the session cookie
//	POST /auth/logout   ends every session of the signed-in user → 204, cookie cleared
//	GET  /auth/session  → 200 {"user":{...}} for a signed-in user, else 401
//	POST /auth/password {"currentPassword":"…","newPassword":"…"} → 204; the signed-in user's
//	                    own password, for every user, AGENT included: support agents have no
//	                    GraphQL mutation at all, so this is where they change theirs
//
// POSTs must come from the console's own origin (see auth.SameOrigin): a cross-site page can
// neither sign a user in to an account of its choosing nor sign them out.
func (s *Service) Handler(authn *auth.Authenticator) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /auth/login", s.serveLogin)
	mux.Handle("POST /auth/logout", authn.Middleware(http.HandlerFunc(s.serveLogout)))
	mux.Handle("GET /auth/session", authn.Middleware(http.HandlerFunc(s.serveSession)))
	mux.Handle("POST /auth/password", authn.Middleware(http.HandlerFunc(s.servePassword)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		mux.ServeHTTP(w, r)
	})
}

// sessionUser is the signed-in user as the UI sees it.
type sessionUser struct {
	Username    string   `json:"username"`
	DisplayName string   `json:"displayName"`
	Roles       []string `json:"roles"`
}

type sessionResponse struct {
	User sessionUser `json:"user"`
}

// readJSONPost reads the small JSON body of a POST from the console's own origin into v, or
// answers the refusal and reports false. fields names what the body must hold.
func readJSONPost(w http.ResponseWriter, r *http.Request, v any, fields string) bool {
	if !auth.SameOrigin(r) {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "cross-origin request refused")
		return false
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		writeError(w, http.StatusUnsupportedMediaType, "INVALID", "send a JSON body with Content-Type: application/json")
		return false
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxLoginBody)).Decode(v); err != nil {
		writeError(w, http.StatusBadRequest, "INVALID", "body must be a JSON object with "+fields)
		return false
	}
	// Every string of the body is text: a NUL would otherwise reach the user look-up and the
	// audit event, which PostgreSQL refuses.
	if err := checkText(v); err != nil {
		writeInvalid(w, err)
		return false
	}
	return true
}

// checkText checks every string field of the struct *v with apperr.TextProblem, naming each bad
// one by its JSON name.
func checkText(v any) *apperr.ValidationError {
	var ve apperr.ValidationError
	rv := reflect.ValueOf(v).Elem()
	for i := range rv.NumField() {
		f := rv.Type().Field(i)
		if f.Type.Kind() != reflect.String {
			continue
		}
		if p := apperr.TextProblem(rv.Field(i).String()); p != "" {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			ve.Add(name, "%s", p)
		}
	}
	if len(ve.Fields) == 0 {
		return nil
	}
	return &ve
}

func (s *Service) serveLogin(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Username string `json:"username"`
		Password string `json:"password"`
	}
	if !readJSONPost(w, r, &body, "username and password") {
		return
	}
	ctx, addr := withRequestFacts(r)
	req := LoginRequest{Username: body.Username, Password: body.Password, ClientAddr: addr, UserAgent: r.UserAgent()}
	if c, err := r.Cookie(auth.SessionCookieName); err == nil {
		req.PreviousSecret = c.Value
	}
	res, err := s.Login(ctx, req)
	var throttled *ThrottledError
	switch {
	case errors.As(err, &throttled):
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(throttled.RetryAfter.Seconds()))))
		writeError(w, http.StatusTooManyRequests, "RATE_LIMITED", throttled.Error())
		return
	case errors.Is(err, apperr.ErrUnauthorized):
		writeError(w, http.StatusUnauthorized, "UNAUTHENTICATED", "invalid username or password")
		return
	case errors.Is(err, ErrLocalSignInOff):
		writeError(w, http.StatusForbidden, "FORBIDDEN", "sign-in with a password is turned off: sign in through the identity provider")
		return
	case err != nil:
		slog.ErrorContext(ctx, "login", "err", err)
		writeError(w, http.StatusInternalServerError, "INTERNAL", "internal error")
		return
	}
	s.SetSessionCookie(w, res)
	writeJSON(w, http.StatusOK, sessionResponse{User: sessionUser{Username: res.User.Username,
		DisplayName: res.User.DisplayName, Roles: roleNames(res.User.Roles)}})
}

func (s *Service) serveLogout(w http.ResponseWriter, r *http.Request) {
	if !auth.SameOrigin(r) {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "cross-origin request refused")
		return
	}
	ctx, _ := withRequestFacts(r)
	p, err := auth.PrincipalErr(ctx)
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, "INTERNAL", "session look-up unavailable")
		return
	}
	http.SetCookie(w, auth.ClearedSessionCookie())
	if !p.IsUser() {
		// Nothing to end: the session has ended already, or there never was one.
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if _, err := s.Logout(ctx); err != nil {
		slog.ErrorContext(ctx, "logout", "err", err)
		writeError(w, http.StatusInternalServerError, "INTERNAL", "internal error")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Service) serveSession(w http.ResponseWriter, r *http.Request) {
	p, err := auth.PrincipalErr(r.Context())
	switch {
	case err != nil:
		writeError(w, http.StatusServiceUnavailable, "INTERNAL", "session look-up unavailable")
	case !p.IsUser():
		writeError(w, http.StatusUnauthorized, "UNAUTHENTICATED", "not signed in")
	default:
		writeJSON(w, http.StatusOK, sessionResponse{User: sessionUser{Username: p.Name, DisplayName: p.DisplayName,
			Roles: p.RoleNames()}})
	}
}

// withRequestFacts returns the request's context carrying its audit facts, and the client
// address. The request middleware normally sets them; when it has not, the address is the
// connection's.
func withRequestFacts(r *http.Request) (context.Context, string) {
	ctx := r.Context()
	req := audit.RequestFrom(ctx)
	if req.ClientAddr == "" {
		req.ClientAddr = r.RemoteAddr
		if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
			req.ClientAddr = host
		}
		ctx = audit.WithRequest(ctx, req)
	}
	return ctx, req.ClientAddr
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError writes an error in the shape of a GraphQL error response, so clients read one shape.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeErrorFields(w, status, code, msg, nil)
}

// writeInvalid writes 400 INVALID naming the bad fields, as the API does.
func writeInvalid(w http.ResponseWriter, ve *apperr.ValidationError) {
	writeErrorFields(w, http.StatusBadRequest, "INVALID", ve.Error(), ve.Fields)
}

func writeErrorFields(w http.ResponseWriter, status int, code, msg string, fields []apperr.FieldError) {
	type extensions struct {
		Code   string              `json:"code"`
		Fields []apperr.FieldError `json:"fields,omitempty"`
	}
	type gqlError struct {
		Message    string     `json:"message"`
		Extensions extensions `json:"extensions"`
	}
	writeJSON(w, status, struct {
		Errors []gqlError `json:"errors"`
	}{[]gqlError{{msg, extensions{code, fields}}}})
}

func (s *Service) servePassword(w http.ResponseWriter, r *http.Request) {
	var body struct {
		CurrentPassword string `json:"currentPassword"`
		NewPassword     string `json:"newPassword"`
	}
	if !readJSONPost(w, r, &body, "currentPassword and newPassword") {
		return
	}
	ctx, _ := withRequestFacts(r)
	p, err := auth.PrincipalErr(ctx)
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, "INTERNAL", "session look-up unavailable")
		return
	}
	if !p.IsUser() {
		writeError(w, http.StatusUnauthorized, "UNAUTHENTICATED", "sign in first")
		return
	}
	var ve *apperr.ValidationError
	switch err := s.ChangePassword(ctx, body.CurrentPassword, body.NewPassword); {
	case err == nil:
		w.WriteHeader(http.StatusNoContent)
	case errors.As(err, &ve):
		writeInvalid(w, ve)
	case errors.Is(err, apperr.ErrForbidden):
		writeError(w, http.StatusForbidden, "FORBIDDEN", "not allowed")
	default:
		slog.ErrorContext(ctx, "change password", "err", err)
		writeError(w, http.StatusInternalServerError, "INTERNAL", "internal error")
	}
}
