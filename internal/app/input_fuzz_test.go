package app

import (
	"net/http"
	"testing"

	"riskconsole/graph"
)

// FuzzInputProbes sends any string to any of inputProbes (a GraphQL String, ID or Float input,
// the sign-in body, an export parameter) through the real HTTP handler on PostgreSQL, which
// refuses more than SQLite does (NUL in text, for one). Every answer must be a result or a
// refusal of the input: INVALID naming fields, a GraphQL validation error (a value of the wrong
// type for its variable), NOT_FOUND or CONFLICT, 401 or 429 from sign-in; never INTERNAL,
// TIMEOUT or UNAVAILABLE, never a status of 500 or more, and never SQL in a message.
//
// The seed corpus is every probe with each bad value of its kind (badValues) and a few plain
// ones (times at the ends of the range among them), so that a plain go test runs them all.
func FuzzInputProbes(f *testing.F) {
	for i, p := range inputProbes {
		for _, s := range append([]string{"12", "SE", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"}, badValues(p.kind)...) {
			f.Add(uint8(i), s)
		}
	}
	ta := newTestApp(f, "postgres", 20)
	f.Fuzz(func(t *testing.T, probe uint8, s string) {
		p := inputProbes[int(probe)%len(inputProbes)]
		status, r := p.send(t, ta, s)
		if status >= 500 {
			t.Fatalf("%s = %q: status %d: %s", p.name, s, status, probeAnswer(r))
		}
		if r == nil {
			return // a CSV download
		}
		for _, e := range r.Errors {
			code, _ := e.Extensions["code"].(string)
			switch code {
			case graph.CodeInvalid:
				if fields, _ := e.Extensions["fields"].([]any); len(fields) == 0 && status != http.StatusBadRequest {
					t.Errorf("%s = %q: INVALID without fields: %s", p.name, s, errorsJSON(r))
				}
			case "GRAPHQL_VALIDATION_FAILED", graph.CodeNotFound, graph.CodeConflict, "UNAUTHENTICATED", "RATE_LIMITED":
			default:
				t.Errorf("%s = %q: status %d, code %q: %s", p.name, s, status, code, errorsJSON(r))
			}
		}
	})
}
