package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// SessionCookieName is the console session's cookie. The __Host- prefix makes browsers accept it
// only when it is Secure, has Path=/ and no Domain, so a sibling sub-domain cannot plant or
// overwrite it.
const SessionCookieName = "__Host-riskconsole_session"

// sessionSecretLen is the length of a session secret: 32 random bytes in unpadded base64url.
var sessionSecretLen = base64.RawURLEncoding.EncodedLen(32)

// NewSessionSecret returns a fresh session secret with 256 bits of entropy.
func NewSessionSecret() string {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// ValidSessionSecret reports whether s has the shape of a session secret, so that a malformed
// cookie is refused without a query.
func ValidSessionSecret(s string) bool {
	if len(s) != sessionSecretLen {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(s)
	return err == nil
}

// HashSessionSecret returns the stored id of the session whose cookie holds secret. As for API
// tokens, a fast hash is right: the secret is 256 random bits.
func HashSessionSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// SessionCookie returns the cookie that carries a session's secret for maxAge.
func SessionCookie(secret string, maxAge time.Duration) *http.Cookie {
	return &http.Cookie{
		Name: SessionCookieName, Value: secret, Path: "/", MaxAge: int(maxAge / time.Second),
		Secure: true, HttpOnly: true, SameSite: http.SameSiteStrictMode,
	}
}

// ClearedSessionCookie returns a cookie that makes the browser forget the session cookie.
func ClearedSessionCookie() *http.Cookie {
	return &http.Cookie{
		Name: SessionCookieName, Value: "", Path: "/", MaxAge: -1,
		Secure: true, HttpOnly: true, SameSite: http.SameSiteStrictMode,
	}
}

// SameOrigin reports whether a request that a browser may have sent on behalf of a signed-in
// user comes from the console's own pages. For a POST (or any unsafe method) the Origin header
// must be present and equal the console's origin: the scheme of the request (https when it came
// over TLS or through a proxy that says X-Forwarded-Proto: https) and its Host header. Browsers
// send Origin on every POST, and a cross-site page can set neither Origin nor X-Forwarded-Proto.
//
// Browsers leave Origin out of same-origin GET requests, so a GET passes without one unless
// Sec-Fetch-Site says it came from another site; a GET changes nothing, and a cross-site page
// cannot read the answer.
func SameOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			return false
		}
		switch r.Header.Get("Sec-Fetch-Site") {
		case "", "same-origin", "none":
			return true
		}
		return false
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" || u.Path != "" || u.User != nil {
		return false // includes "null", sent by sandboxed frames and some redirects
	}
	scheme := requestScheme(r)
	return strings.EqualFold(u.Scheme, scheme) && strings.EqualFold(stripDefaultPort(u.Host, scheme), stripDefaultPort(r.Host, scheme))
}

func requestScheme(r *http.Request) string {
	if r.TLS != nil {
		return "https"
	}
	proto, _, _ := strings.Cut(r.Header.Get("X-Forwarded-Proto"), ",")
	if strings.EqualFold(strings.TrimSpace(proto), "https") {
		return "https"
	}
	return "http"
}

func stripDefaultPort(host, scheme string) string {
	switch {
	case scheme == "http" && strings.HasSuffix(host, ":80"):
		return strings.TrimSuffix(host, ":80")
	case scheme == "https" && strings.HasSuffix(host, ":443"):
		return strings.TrimSuffix(host, ":443")
	}
	return host
}
