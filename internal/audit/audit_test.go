package audit

import (
	"encoding/json"
	"testing"
	"time"
)

func TestCanonicalNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0", "0"}, {"-0", "0"}, {"0.000", "0"}, {"-0e5", "0"},
		{"1", "1"}, {"-1", "-1"}, {"10", "1e1"}, {"1000", "1e3"}, {"1e3", "1e3"}, {"1E+3", "1e3"},
		{"1000.0", "1e3"}, {"1.000E+3", "1e3"}, {"0.1", "1e-1"}, {"0.10", "1e-1"}, {"1.5e-7", "15e-8"},
		{"0.00000015", "15e-8"}, {"-2.50", "-25e-1"}, {"123.456", "123456e-3"},
		{"1e21", "1e21"}, {"1000000000000000000000", "1e21"},
		{"100000000000000000000000000001", "100000000000000000000000000001"},
		{"1e999999999", "1e999999999"},                       // never expanded
		{"1e99999999999999999999", "1e99999999999999999999"}, // exponent out of range: as written
	}
	for _, tc := range tests {
		if got := canonicalNumber(json.Number(tc.in)); string(got) != tc.want {
			t.Errorf("canonicalNumber(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// TestCanonicalSurvivesReformatting: the rewrites PostgreSQL's jsonb makes do not change the
// hash; changing a value does.
func TestCanonicalSurvivesReformatting(t *testing.T) {
	e := Event{At: time.Date(2026, 1, 2, 3, 4, 5, 6000, time.UTC), Actor: "user:1:anna", ActorRoles: []string{"ADMIN"},
		Action: "user.create", EntityType: "user", EntityID: "7", Outcome: Done,
		After: json.RawMessage(`{"b": [1e3, -0, 0.50, "\u00e9"], "a": {"y": 1.5e-7, "x": null}}`)}
	h := Chain(GenesisHash, &e)
	for _, same := range []string{
		`{"a": {"x": null, "y": 0.00000015}, "b": [1000, 0, 0.50, "é"]}`, // as jsonb writes it
		`{"a":{"x":null,"y":15e-8},"b":[1E3,0,0.5,"é"]}`,
	} {
		e.After = json.RawMessage(same)
		if got := Chain(GenesisHash, &e); got != h {
			t.Errorf("after %s: hash changed", same)
		}
	}
	for _, other := range []string{
		`{"a": {"x": null, "y": 0.0000015}, "b": [1000, 0, 0.50, "é"]}`,
		`{"a": {"x": null, "y": 0.00000015}, "b": [1000, 0, 0.50, "e"]}`,
		`{"a": {"x": 0, "y": 0.00000015}, "b": [1000, 0, 0.50, "é"]}`,
	} {
		e.After = json.RawMessage(other)
		if got := Chain(GenesisHash, &e); got == h {
			t.Errorf("after %s: same hash as the original", other)
		}
	}
}
