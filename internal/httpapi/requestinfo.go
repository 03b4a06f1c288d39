package httpapi

import (
	"crypto/rand"
	"encoding/hex"
	"net"
	"net/http"

	"riskconsole/internal/audit"
)

// RequestIDHeader carries the request id: taken from the request when it is sane, always set on
// the response, so that a client, the log and the audit log can name the same request.
const RequestIDHeader = "X-Request-ID"

// maxRequestIDLen bounds an incoming request id.
const maxRequestIDLen = 64

// requestInfo gives every request an id and puts the facts the audit log records (the id and
// the client's address) in its context. It is the outermost handler, so everything below,
// including refusals, sees them.
//
// The client address is the TCP peer's. X-Forwarded-For is not trusted: any client can send
// it, and an audit record must not name an address the caller chose.
func requestInfo(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get(RequestIDHeader)
		if !validRequestID(id) {
			id = newRequestID()
		}
		w.Header().Set(RequestIDHeader, id)
		ctx := audit.WithRequest(r.Context(), audit.Request{ID: id, ClientAddr: clientAddr(r.RemoteAddr)})
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// validRequestID accepts 1 to 64 characters of [A-Za-z0-9_-]: enough for UUIDs and the ids of
// common proxies, and nothing that could break a log line or a header.
func validRequestID(s string) bool {
	if s == "" || len(s) > maxRequestIDLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// newRequestID returns 16 random hex digits.
func newRequestID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand never fails on supported platforms
	return hex.EncodeToString(b[:])
}

// clientAddr returns the host part of a RemoteAddr ("203.0.113.7:51234" → "203.0.113.7"), or
// the value as it is when it has no port.
func clientAddr(remoteAddr string) string {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		return remoteAddr
	}
	return host
}
