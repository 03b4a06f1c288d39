// Package audit defines the tamper-evident audit log: its events, their canonical form and the
// keyed hash chain that links them, the key itself (which also seals decisions), and the request
// facts (id, client address) every event carries.
package audit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"riskconsole/internal/auth"
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
	// Hash is hex HMAC-SHA-256 under the key KeyID names of PrevHash ‖ Canonical(event), or, for
	// an event written before the console had a key (KeyID empty), hex SHA-256 of the same.
	Hash  string
	KeyID string // Key.ID of the key of Hash; empty for a plain SHA-256 hash
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

// compact re-encodes a JSON value with sorted keys, no insignificant white space and numbers in
// one form per value, so that it hashes the same whether or not the database reformatted it
// (PostgreSQL's jsonb reorders keys, changes spacing, and writes 1e3 as 1000 and -0 as 0).
func compact(raw json.RawMessage) []byte {
	if len(raw) == 0 {
		return nil
	}
	var v any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber() // keep numbers exact; canonicalNumbers rewrites them
	if err := d.Decode(&v); err != nil {
		return raw
	}
	out, err := json.Marshal(canonicalNumbers(v)) // sorted keys: the same whatever order jsonb stored them in
	if err != nil {
		return raw
	}
	return out
}

// CanonicalJSON is the form of a JSON value that keyed records cover: keys sorted, no white space,
// numbers in one form, so that a value reformatted by the database keeps its MAC.
func CanonicalJSON(raw json.RawMessage) []byte { return compact(raw) }

// canonicalNumbers replaces every number in v by its canonical form (see canonicalNumber).
func canonicalNumbers(v any) any {
	switch v := v.(type) {
	case json.Number:
		return canonicalNumber(v)
	case map[string]any:
		for k, x := range v {
			v[k] = canonicalNumbers(x)
		}
	case []any:
		for i, x := range v {
			v[i] = canonicalNumbers(x)
		}
	}
	return v
}

// canonicalNumber writes a JSON number as sign, significant digits and exponent, so that numbers
// of equal value are written alike however they were spelled: 1000, 1e3, 1.000E+3 and 1000.0
// all become 1e3; 0.10 becomes 1e-1; -0 becomes 0. It never expands an exponent, so a number
// like 1e999999 costs nothing. A number it cannot parse is left as it is.
func canonicalNumber(n json.Number) json.Number {
	s := string(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	mant, expPart, hasExp := strings.Cut(strings.ToLower(s), "e")
	var exp int64
	if hasExp {
		var err error
		if exp, err = strconv.ParseInt(strings.TrimPrefix(expPart, "+"), 10, 64); err != nil || exp > 1<<40 || exp < -1<<40 {
			return n
		}
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	digits := strings.TrimLeft(intPart+frac, "0")
	if digits == "" {
		return "0"
	}
	exp -= int64(len(frac))
	trimmed := strings.TrimRight(digits, "0")
	exp += int64(len(digits) - len(trimmed))
	out := trimmed
	if neg {
		out = "-" + out
	}
	if exp != 0 {
		out += "e" + strconv.FormatInt(exp, 10)
	}
	return json.Number(out)
}

// Chain returns the plain SHA-256 hash of e given the hash of the event before it: the chain of
// events written without a key (Key.Chain is the keyed one).
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

// NewEvent returns the event of an action the request's principal took on an entity, with the
// request's facts. before and after are marshalled to JSON; nil stays absent.
func NewEvent(ctx context.Context, action, entityType, entityID string, before, after any, outcome Outcome) *Event {
	p := auth.PrincipalFrom(ctx)
	req := RequestFrom(ctx)
	return &Event{Actor: p.Subject(), ActorRoles: p.RoleNames(), Action: action, EntityType: entityType,
		EntityID: entityID, Before: toJSON(before), After: toJSON(after), RequestID: req.ID, ClientAddr: req.ClientAddr,
		Outcome: outcome}
}

func toJSON(v any) json.RawMessage {
	if v == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("audit record does not marshal: %v", err)) // records are plain structs and maps
	}
	return b
}
