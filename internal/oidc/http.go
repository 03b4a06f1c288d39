package oidc

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"riskconsole/internal/accounts"
	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/store"
)

// The routes of sign-in through the provider.
const (
	// StartPath sends the browser to the provider's sign-in page.
	StartPath = "/auth/oidc/start"
	// CallbackPath is where the provider sends the browser back with a code (Config.RedirectURL).
	CallbackPath = "/auth/oidc/callback"
	// ProviderPath tells the sign-in page the provider's name and whether passwords still work.
	ProviderPath = "/auth/oidc/provider"
	// LocalSignInPath turns sign-in with a password on or off: POST {"enabled": bool}, ADMIN only.
	LocalSignInPath = "/auth/oidc/local-sign-in"
)

// FlowTTL bounds the time between the redirect to the provider and the callback.
const FlowTTL = 10 * time.Minute

// browserCookieName binds a sign-in to the browser that started it: the callback's state must
// belong to this browser, so that nobody can make a victim's browser finish a sign-in the
// attacker started (and work in the attacker's account). SameSite=Lax, not Strict: the provider,
// often another site, sends the browser back with a top-level GET, which Lax lets through.
const browserCookieName = "__Host-riskconsole_oidc"

// SignInPage is the UI's sign-in page (ui/src/lib/access.ts), where a refused sign-in lands.
const SignInPage = "/signin"

// NextParam names the console path a sign-in returns to, on StartPath and on SignInPage.
const NextParam = "next"

// maxNextLen bounds a NextParam path, in bytes: a console path with its filters is far shorter.
const maxNextLen = 2048

// SafeNext returns next when it is a path of this console to return to after signing in, and ""
// otherwise: a full URL or a scheme-relative //host (or /\host, which browsers read alike) would
// leave the console, the sign-in page would loop, and control characters or an overlong path have
// no business in a redirect. The UI applies the same rule (safeNext in ui/src/lib/access.ts).
func SafeNext(next string) string {
	if len(next) > maxNextLen || len(next) < 1 || next[0] != '/' || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") ||
		strings.HasPrefix(next, SignInPage) {
		return ""
	}
	for i := 0; i < len(next); i++ {
		if next[i] < 0x20 || next[i] == 0x7f {
			return ""
		}
	}
	return next
}

// ErrorParam is the query parameter of the console's page that names why a sign-in through the
// provider was refused (the sign-in page shows a message for each SignInError).
const ErrorParam = "signin_error"

// Reasons a sign-in through the provider is refused, as the sign-in page receives them.
const (
	ErrorNoRole   = "no_role"     // the person's groups map to no role
	ErrorDisabled = "disabled"    // the person's account is disabled in the console
	ErrorExpired  = "expired"     // the state is unknown, used, expired, or from another browser
	ErrorProvider = "provider"    // the provider refused (the person cancelled, for one)
	ErrorFailed   = "failed"      // the code could not be redeemed or the ID token failed verification
	ErrorInternal = "unavailable" // the provider or the database could not be reached
)

// Flows keeps the sign-ins under way (store.Store).
type Flows interface {
	SaveOIDCFlow(ctx context.Context, f store.OIDCFlow) error
	TakeOIDCFlow(ctx context.Context, stateHash string, now time.Time) (store.OIDCFlow, error)
}

// Accounts starts sessions (accounts.Service).
type Accounts interface {
	SignInExternal(ctx context.Context, in accounts.ExternalSignIn) (accounts.LoginResult, error)
	RecordFailedSignIn(ctx context.Context, username, reason string) error
	SetSessionCookie(w http.ResponseWriter, res accounts.LoginResult)
	LocalSignIn(ctx context.Context) (bool, error)
	SetLocalSignIn(ctx context.Context, on bool) error
}

// Handler serves StartPath, CallbackPath and ProviderPath.
type Handler struct {
	rp       *RelyingParty
	flows    Flows
	accounts Accounts
	now      func() time.Time
	mux      *http.ServeMux
}

// NewHandler returns the routes of sign-in through rp's provider.
func NewHandler(rp *RelyingParty, flows Flows, acc Accounts, authn *auth.Authenticator, now func() time.Time) *Handler {
	if now == nil {
		now = time.Now
	}
	h := &Handler{rp: rp, flows: flows, accounts: acc, now: now, mux: http.NewServeMux()}
	h.mux.HandleFunc("GET "+StartPath, h.serveStart)
	h.mux.HandleFunc("GET "+CallbackPath, h.serveCallback)
	h.mux.HandleFunc("GET "+ProviderPath, h.serveProvider)
	h.mux.Handle("POST "+LocalSignInPath, authn.Middleware(http.HandlerFunc(h.serveLocalSignIn)))
	return h
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	h.mux.ServeHTTP(w, r)
}

func (h *Handler) serveProvider(w http.ResponseWriter, r *http.Request) {
	local, err := h.accounts.LocalSignIn(r.Context())
	if err != nil {
		slog.ErrorContext(r.Context(), "read the local sign-in setting", "err", err)
		writeError(w, http.StatusInternalServerError, "INTERNAL", "internal error")
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Name        string `json:"name"`
		StartURL    string `json:"startUrl"`
		LocalSignIn bool   `json:"localSignIn"`
	}{h.rp.cfg.Name, StartPath, local})
}

// serveLocalSignIn turns sign-in with a password on or off (accounts.Service.SetLocalSignIn).
// The authenticator's middleware has refused a cookie from another origin already; the JSON
// content type keeps a cross-site form from posting here at all.
func (h *Handler) serveLocalSignIn(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Enabled *bool `json:"enabled"`
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" || !auth.SameOrigin(r) {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "send JSON from the console's own pages")
		return
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<10)).Decode(&body); err != nil || body.Enabled == nil {
		writeError(w, http.StatusBadRequest, "INVALID", `body must be {"enabled": true or false}`)
		return
	}
	var ve *apperr.ValidationError
	switch err := h.accounts.SetLocalSignIn(r.Context(), *body.Enabled); {
	case err == nil:
		writeJSON(w, http.StatusOK, map[string]bool{"localSignIn": *body.Enabled})
	case errors.As(err, &ve):
		writeError(w, http.StatusBadRequest, "INVALID", ve.Error())
	case errors.Is(err, apperr.ErrForbidden):
		writeError(w, http.StatusForbidden, "FORBIDDEN", "only an ADMIN may turn sign-in with a password on or off")
	default:
		slog.ErrorContext(r.Context(), "set local sign-in", "err", err)
		writeError(w, http.StatusInternalServerError, "INTERNAL", "internal error")
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError writes an error in the shape of a GraphQL error response, as the other /auth/
// endpoints do.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	type extensions struct {
		Code string `json:"code"`
	}
	type gqlError struct {
		Message    string     `json:"message"`
		Extensions extensions `json:"extensions"`
	}
	writeJSON(w, status, struct {
		Errors []gqlError `json:"errors"`
	}{[]gqlError{{msg, extensions{code}}}})
}

// serveStart records a new sign-in (state, nonce, PKCE verifier, the browser's binding) and
// sends the browser to the provider.
func (h *Handler) serveStart(w http.ResponseWriter, r *http.Request) {
	state, nonce, browser := randomString(), randomString(), randomString()
	verifier := oauth2.GenerateVerifier()
	target, err := h.rp.AuthCodeURL(r.Context(), state, nonce, verifier)
	if err == nil {
		err = h.flows.SaveOIDCFlow(r.Context(), store.OIDCFlow{StateHash: hash(state), BrowserHash: hash(browser),
			Nonce: nonce, Verifier: verifier, ExpiresAt: h.now().Add(FlowTTL), NextPath: SafeNext(r.URL.Query().Get(NextParam))})
	}
	if err != nil {
		slog.ErrorContext(r.Context(), "start sign-in through the identity provider", "err", err)
		h.refuse(w, r, ErrorInternal, SafeNext(r.URL.Query().Get(NextParam)))
		return
	}
	http.SetCookie(w, &http.Cookie{Name: browserCookieName, Value: browser, Path: "/", MaxAge: int(FlowTTL / time.Second),
		Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, target, http.StatusSeeOther)
}

// serveCallback finishes a sign-in: the state must be one this browser started and not yet
// used, the code is redeemed with the PKCE verifier, the ID token verified with the nonce, and
// the account service starts the session.
func (h *Handler) serveCallback(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	http.SetCookie(w, &http.Cookie{Name: browserCookieName, Value: "", Path: "/", MaxAge: -1, Secure: true, HttpOnly: true,
		SameSite: http.SameSiteLaxMode})
	flow, err := h.flows.TakeOIDCFlow(ctx, hash(q.Get("state")), h.now())
	switch {
	case errors.Is(err, apperr.ErrNotFound):
		h.fail(w, r, "", "oidc: unknown, used or expired state", ErrorExpired, "")
		return
	case err != nil:
		slog.ErrorContext(ctx, "oidc callback", "err", err)
		h.refuse(w, r, ErrorInternal, "")
		return
	}
	// Checked where it is used as well as where it was stored: it becomes a redirect.
	next := SafeNext(flow.NextPath)
	c, err := r.Cookie(browserCookieName)
	if err != nil || subtle.ConstantTimeCompare([]byte(hash(c.Value)), []byte(flow.BrowserHash)) != 1 {
		h.fail(w, r, "", "oidc: state from another browser", ErrorExpired, "")
		return
	}
	if q.Get("error") != "" {
		// The provider's own words are not recorded: they are the browser's to make up.
		h.fail(w, r, "", "oidc: the provider refused", ErrorProvider, next)
		return
	}
	id, err := h.rp.Redeem(ctx, q.Get("code"), flow.Verifier, flow.Nonce)
	if err != nil {
		slog.WarnContext(ctx, "oidc sign-in refused", "err", err)
		h.fail(w, r, "", "oidc: code or ID token refused", ErrorFailed, next)
		return
	}
	in := accounts.ExternalSignIn{Person: id.Person(), Username: id.Username, DisplayName: id.DisplayName, Roles: id.Roles,
		Via: id.Issuer, ClientAddr: clientAddr(r), UserAgent: r.UserAgent()}
	if sc, err := r.Cookie(auth.SessionCookieName); err == nil {
		in.PreviousSecret = sc.Value
	}
	res, err := h.accounts.SignInExternal(ctx, in)
	switch {
	case errors.Is(err, accounts.ErrNoRole):
		h.refuse(w, r, ErrorNoRole, next)
	case errors.Is(err, apperr.ErrUnauthorized):
		h.refuse(w, r, ErrorDisabled, next)
	case err != nil:
		slog.ErrorContext(ctx, "oidc sign-in", "err", err)
		h.refuse(w, r, ErrorInternal, next)
	default:
		h.accounts.SetSessionCookie(w, res)
		if next == "" {
			next = "/"
		}
		http.Redirect(w, r, next, http.StatusSeeOther)
	}
}

// fail records a refused sign-in and sends the browser to the sign-in page with why (see refuse).
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, username, reason, code, next string) {
	if err := h.accounts.RecordFailedSignIn(r.Context(), username, reason); err != nil {
		slog.ErrorContext(r.Context(), "record refused sign-in", "err", err)
	}
	h.refuse(w, r, code, next)
}

// refuse sends the browser to the console's sign-in page, saying why the sign-in was refused, and
// where the next sign-in returns to (next, a SafeNext path; "" when unknown or the start page).
func (h *Handler) refuse(w http.ResponseWriter, r *http.Request, code, next string) {
	q := url.Values{ErrorParam: {code}}
	if next != "" {
		q.Set(NextParam, next)
	}
	http.Redirect(w, r, SignInPage+"?"+q.Encode(), http.StatusSeeOther)
}

func clientAddr(r *http.Request) string {
	if a := audit.RequestFrom(r.Context()).ClientAddr; a != "" {
		return a
	}
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return r.RemoteAddr
}

// randomString returns 256 random bits in unpadded base64url.
func randomString() string {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b[:])
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
