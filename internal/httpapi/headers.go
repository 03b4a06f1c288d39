package httpapi

import (
	"net/http"
	"strings"
)

// consoleCSP is the Content-Security-Policy of every response: the UI's own scripts, styles,
// images and fonts only, no inline script, no plugins, no framing, and forms and fetches only to
// the console itself. The one page that needs more, GraphiQL, sets its own (playground.go).
const consoleCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
	"frame-ancestors 'none'"

// noStorePrefixes are the paths whose answers carry personal data, credentials or session
// state: no browser or proxy may keep them.
var noStorePrefixes = []string{"/graphql", "/auth/", "/export/"}

// securityHeaders sets the security headers of every response before the handler runs, so that
// refusals and errors written anywhere below carry them too.
//
// HSTS is left to the proxy that terminates TLS: this server itself speaks plain HTTP.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", consoleCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		for _, p := range noStorePrefixes {
			if r.URL.Path == strings.TrimSuffix(p, "/") || strings.HasPrefix(r.URL.Path, p) {
				h.Set("Cache-Control", "no-store")
				break
			}
		}
		next.ServeHTTP(w, r)
	})
}
