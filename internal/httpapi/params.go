package httpapi

import (
	"bytes"
	"encoding/json"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"riskconsole/graph"
)

// decodeParams decodes a GraphQL request body into params in one pass, with the result
// json.Decoder gives with UseNumber (what gqlgen's transport.POST decodes with): variables and
// extensions as map[string]any of map[string]any, []any, string, json.Number, bool and nil.
// encoding/json scans a value once to find its end and again to decode it, by reflection into
// RawParams, and buffered through its Decoder: about a seventh of the console's CPU per
// assessment went there (BENCHMARKS.md, "Issue 19 — checkout: the console's CPU per
// assessment").
//
// It covers the bodies clients send: one object of the keys query, operationName (strings or
// null), variables and extensions (objects or null), each at most once and spelled exactly so,
// and nothing after it but whitespace. Anything else, including every body that is not valid
// JSON, it declines (false), leaving params as it was, and the caller decodes the body with
// encoding/json: the cases that decoder handles in its own way (keys matched regardless of case,
// a key given twice, an unknown key, a value of the wrong type, data after the object) and every
// error message stay exactly its own. FuzzDecodeParams holds the two decoders to the same result.
func decodeParams(body []byte, params *graphql.RawParams) bool {
	d := paramsDecoder{b: body, keys: paramsKeys()}
	var out graphql.RawParams
	if !d.params(&out) {
		return false
	}
	*params = out
	return true
}

// maxParamsDepth bounds the nesting decodeParams follows, and so its recursion; encoding/json
// refuses past 10,000 levels, and a deeper body is declined and left to it. Real variables nest
// a few levels.
const maxParamsDepth = 200

// paramsDecoder is decodeParams' position in its body. Its methods return false where they
// decline: the body is not valid JSON, or is outside decodeParams' cases.
type paramsDecoder struct {
	b     []byte
	i     int
	depth int
	buf   []byte // a string's text while its escapes are undone
	keys  map[string]string
}

func (d *paramsDecoder) params(p *graphql.RawParams) bool {
	d.space()
	if !d.consume('{') {
		return false
	}
	var seen [4]bool
	d.space()
	if d.consume('}') {
		return d.end()
	}
	for {
		d.space()
		key, ok := d.rawKey()
		if !ok {
			return false
		}
		d.space()
		if !d.consume(':') {
			return false
		}
		d.space()
		var field int
		switch { // string(key) == "…" compares without allocating
		case string(key) == "query":
			field, ok = 0, d.optionalString(&p.Query)
		case string(key) == "operationName":
			field, ok = 1, d.optionalString(&p.OperationName)
		case string(key) == "variables":
			field, ok = 2, d.optionalObject(&p.Variables)
		case string(key) == "extensions":
			field, ok = 3, d.optionalObject(&p.Extensions)
		default:
			return false
		}
		if !ok || seen[field] {
			return false
		}
		seen[field] = true
		d.space()
		if d.consume('}') {
			return d.end()
		}
		if !d.consume(',') {
			return false
		}
	}
}

// end reports whether nothing but whitespace follows.
func (d *paramsDecoder) end() bool {
	d.space()
	return d.i == len(d.b)
}

// rawKey returns a top-level key's bytes, which must be plain ASCII without escapes (the keys
// decodeParams knows are).
func (d *paramsDecoder) rawKey() ([]byte, bool) {
	if !d.consume('"') {
		return nil, false
	}
	start := d.i
	for d.i < len(d.b) {
		switch c := d.b[d.i]; {
		case c == '"':
			d.i++
			return d.b[start : d.i-1], true
		case c < ' ' || c == '\\' || c >= utf8.RuneSelf:
			return nil, false
		}
		d.i++
	}
	return nil, false
}

// optionalString decodes a string, or null (which leaves *s as it is, as encoding/json does).
func (d *paramsDecoder) optionalString(s *string) bool {
	if d.literal("null") {
		return true
	}
	v, ok := d.string()
	*s = v
	return ok
}

// optionalObject decodes an object, or null (which leaves *m nil).
func (d *paramsDecoder) optionalObject(m *map[string]any) bool {
	if d.literal("null") {
		return true
	}
	if d.i >= len(d.b) || d.b[d.i] != '{' {
		return false
	}
	v, ok := d.object()
	*m = v
	return ok
}

// value decodes any JSON value as encoding/json decodes it into an any with UseNumber.
func (d *paramsDecoder) value() (any, bool) {
	if d.i >= len(d.b) {
		return nil, false
	}
	switch c := d.b[d.i]; {
	case c == '{':
		m, ok := d.object()
		return m, ok
	case c == '[':
		return d.array()
	case c == '"':
		return d.string()
	case c == 't':
		return true, d.literal("true")
	case c == 'f':
		return false, d.literal("false")
	case c == 'n':
		return nil, d.literal("null")
	case c == '-' || c >= '0' && c <= '9':
		return d.number()
	}
	return nil, false
}

func (d *paramsDecoder) object() (map[string]any, bool) {
	if d.depth++; d.depth > maxParamsDepth {
		return nil, false
	}
	defer func() { d.depth-- }()
	d.i++ // '{'
	m := make(map[string]any)
	d.space()
	if d.consume('}') {
		return m, true
	}
	for {
		d.space()
		if d.i >= len(d.b) || d.b[d.i] != '"' {
			return nil, false
		}
		k, ok := d.key()
		if !ok {
			return nil, false
		}
		d.space()
		if !d.consume(':') {
			return nil, false
		}
		d.space()
		v, ok := d.value()
		if !ok {
			return nil, false
		}
		m[k] = v // a key given twice keeps its last value, as with encoding/json
		d.space()
		if d.consume('}') {
			return m, true
		}
		if !d.consume(',') {
			return nil, false
		}
	}
}

func (d *paramsDecoder) array() ([]any, bool) {
	if d.depth++; d.depth > maxParamsDepth {
		return nil, false
	}
	defer func() { d.depth-- }()
	d.i++               // '['
	a := make([]any, 0) // empty, not nil, as encoding/json's
	d.space()
	if d.consume(']') {
		return a, true
	}
	for {
		d.space()
		v, ok := d.value()
		if !ok {
			return nil, false
		}
		a = append(a, v)
		d.space()
		if d.consume(']') {
			return a, true
		}
		if !d.consume(',') {
			return nil, false
		}
	}
}

// key decodes an object's key: one of paramsKeys without allocating, else as any string.
func (d *paramsDecoder) key() (string, bool) {
	start := d.i + 1
	if end := start + bytes.IndexByte(d.b[start:], '"'); end >= start {
		if k, ok := d.keys[string(d.b[start:end])]; ok { // a lookup, not a copy
			d.i = end + 1
			return k, true
		}
	}
	return d.string()
}

// paramsKeys are the keys decodeParams need not copy: the names of the schema's input fields
// (those of the objects a client passes as variables) and of the extensions the console reads.
// A key is written without escapes in practice, and one that is not this finds (its text up to
// the first quote is not a name) is decoded by string. The set is the schema's, so it does not
// grow with what clients send.
var paramsKeys = sync.OnceValue(func() map[string]string {
	keys := map[string]string{}
	for _, name := range []string{"persistedQuery", "version", "sha256Hash"} {
		keys[name] = name
	}
	for _, def := range graph.NewExecutableSchema(graph.Config{}).Schema().Types {
		if def.Kind == ast.InputObject {
			for _, f := range def.Fields {
				keys[f.Name] = f.Name
			}
		}
	}
	return keys
})

// string decodes a string as encoding/json does: escapes undone (an unpaired surrogate becomes
// U+FFFD), invalid UTF-8 replaced by U+FFFD byte by byte; a control character, an unknown escape
// or a missing closing quote is declined.
func (d *paramsDecoder) string() (string, bool) {
	if !d.consume('"') {
		return "", false
	}
	start := d.i
	// The common case: printable ASCII without escapes, copied once.
	for d.i < len(d.b) {
		c := d.b[d.i]
		if c == '"' {
			s := string(d.b[start:d.i])
			d.i++
			return s, true
		}
		if c < ' ' || c == '\\' || c >= utf8.RuneSelf {
			break
		}
		d.i++
	}
	buf := append(d.buf[:0], d.b[start:d.i]...)
	defer func() { d.buf = buf[:0] }()
	for d.i < len(d.b) {
		switch c := d.b[d.i]; {
		case c == '"':
			d.i++
			return string(buf), true
		case c < ' ':
			return "", false
		case c == '\\':
			if d.i+1 >= len(d.b) {
				return "", false
			}
			switch e := d.b[d.i+1]; e {
			case '"', '\\', '/':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r := hex4(d.b[d.i+2:])
				if r < 0 {
					return "", false
				}
				d.i += 6
				if utf16.IsSurrogate(r) {
					// A valid pair is one rune; anything else leaves U+FFFD for the first half
					// and what follows is read on its own.
					if d.i+1 < len(d.b) && d.b[d.i] == '\\' && d.b[d.i+1] == 'u' {
						if r2 := hex4(d.b[d.i+2:]); r2 >= 0 {
							if dec := utf16.DecodeRune(r, r2); dec != unicode.ReplacementChar {
								buf = utf8.AppendRune(buf, dec)
								d.i += 6
								continue
							}
						}
					}
					r = unicode.ReplacementChar
				}
				buf = utf8.AppendRune(buf, r)
				continue
			default:
				return "", false
			}
			d.i += 2
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			d.i++
		default:
			r, size := utf8.DecodeRune(d.b[d.i:])
			buf = utf8.AppendRune(buf, r) // RuneError for an invalid byte
			d.i += size
		}
	}
	return "", false
}

// hex4 returns the rune of the four hex digits b starts with, or -1.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}

// number decodes a number as its text (json.Number), which must follow JSON's grammar:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (d *paramsDecoder) number() (any, bool) {
	start := d.i
	d.consume('-')
	switch {
	case d.consume('0'):
	case d.digits() == 0:
		return nil, false
	}
	if d.consume('.') && d.digits() == 0 {
		return nil, false
	}
	if d.consume('e') || d.consume('E') {
		if !d.consume('+') {
			d.consume('-')
		}
		if d.digits() == 0 {
			return nil, false
		}
	}
	return json.Number(d.b[start:d.i]), true
}

// digits skips decimal digits and returns how many.
func (d *paramsDecoder) digits() int {
	start := d.i
	for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
		d.i++
	}
	return d.i - start
}

// literal consumes word (true, false, null) when the body has it next.
func (d *paramsDecoder) literal(word string) bool {
	if len(d.b)-d.i < len(word) || string(d.b[d.i:d.i+len(word)]) != word {
		return false
	}
	d.i += len(word)
	return true
}

// consume skips c when it is next.
func (d *paramsDecoder) consume(c byte) bool {
	if d.i < len(d.b) && d.b[d.i] == c {
		d.i++
		return true
	}
	return false
}

// space skips JSON's whitespace.
func (d *paramsDecoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}
