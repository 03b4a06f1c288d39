// Package audit defines the tamper-evident audit log: its events, their canonical form and the
// hash chain that links them, and the request facts (id, client address) every event carries.
package audit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// Outcome says how the recorded attempt ended.
type Outcome string

// Outcomes.
const (
	Done   Outcome = "DONE"   // the change was made
	Denied Outcome = "DENIED" // the caller was not allowed
	Failed Outcome = "FAILED" // the attempt failed (for example a wrong password)
)

// Event is one entry of the audit log.
type Event struct {
	ID         int64
	At         time.Time // UTC, microsecond precision
	Actor      string    // e.g. "user:3:anna", "token:2:checkout", "anonymous"
	ActorRoles []string
	Action     string // e.g. "user.create", "auth.login", "access.denied"
	EntityType string // e.g. "user", "api_token", "graphql_field"
	EntityID   string
	Before     json.RawMessage // nil when there was nothing before
	After      json.RawMessage // nil when there is nothing after
	RequestID  string
	ClientAddr string
	Outcome    Outcome
	PrevHash   string // hex; GenesisHash for the first event
	Hash       string // hex SHA-256(PrevHash ‖ Canonical(event))
}

// GenesisHash is the PrevHash of the first event.
var GenesisHash = strings.Repeat("0", 64)

// Canonical returns the bytes an event's hash covers: every field but ID and the hashes, in a
// fixed order, each length-prefixed so that no two different events encode alike. Times are
// written as microseconds since the epoch, so the encoding survives a database round trip.
func Canonical(e *Event) []byte {
	var b []byte
	field := func(s string) {
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(b, ':')
		b = append(b, s...)
	}
	field(strconv.FormatInt(e.At.UnixMicro(), 10))
	field(e.Actor)
	field(strings.Join(e.ActorRoles, ","))
	field(e.Action)
	field(e.EntityType)
	field(e.EntityID)
	field(string(compact(e.Before)))
	field(string(compact(e.After)))
	field(e.RequestID)
	field(e.ClientAddr)
	field(string(e.Outcome))
	return b
}

// compact re-encodes a JSON value with sorted keys and no insignificant white space, so that it
// hashes the same whether or not the database reformatted it (PostgreSQL's jsonb reorders keys
// and changes spacing).
func compact(raw json.RawMessage) []byte {
	if len(raw) == 0 {
		return nil
	}
	var v any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber() // keep numbers exactly as written
	if err := d.Decode(&v); err != nil {
		return raw
	}
	out, err := json.Marshal(v) // sorted keys: the same whatever order jsonb stored them in
	if err != nil {
		return raw
	}
	return out
}

// Chain returns the hash of e given the hash of the event before it.
func Chain(prevHash string, e *Event) string {
	h := sha256.New()
	h.Write([]byte(prevHash))
	h.Write(Canonical(e))
	return hex.EncodeToString(h.Sum(nil))
}

// Request holds the facts about the current HTTP request that audit events record.
type Request struct {
	ID         string
	ClientAddr string
}

type requestKey struct{}

// WithRequest returns ctx carrying r.
func WithRequest(ctx context.Context, r Request) context.Context {
	return context.WithValue(ctx, requestKey{}, r)
}

// RequestFrom returns the request facts of ctx, zero outside a request.
func RequestFrom(ctx context.Context) Request {
	r, _ := ctx.Value(requestKey{}).(Request)
	return r
}
