package decisions

import (
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

func TestNormalizeReference(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{name: "canonical", in: "D7K2QF9XM", want: "D7K2QF9XM", ok: true},
		{name: "formatted", in: "D7K-2QF-9XM", want: "D7K2QF9XM", ok: true},
		{name: "lower case with spaces", in: " d7k 2qf 9xm ", want: "D7K2QF9XM", ok: true},
		{name: "dots", in: "d7k.2qf.9xm", want: "D7K2QF9XM", ok: true},
		{name: "look-alike letters", in: "O1L-IQF-9XM", want: "0111QF9XM", ok: true},
		{name: "too short", in: "D7K-2QF", ok: false},
		{name: "too long", in: "D7K-2QF-9XMA", ok: false},
		{name: "letter U is not in the alphabet", in: "D7K-2QF-9XU", ok: false},
		{name: "non-ASCII", in: "D7K-2QF-9XÄ", ok: false},
		{name: "empty", in: "", ok: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := NormalizeReference(tt.in)
			if ok != tt.ok || got != tt.want {
				t.Fatalf("NormalizeReference(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestNewReferenceRoundTrips(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		ref := NewReference()
		if len(ref) != referenceLen || strings.Trim(ref, crockford) != "" {
			t.Fatalf("NewReference() = %q, want %d characters of %q", ref, referenceLen, crockford)
		}
		got, ok := NormalizeReference(FormatReference(ref))
		if !ok || got != ref {
			t.Fatalf("NormalizeReference(FormatReference(%q)) = %q, %v", ref, got, ok)
		}
		seen[ref] = true
	}
	if len(seen) < 1000 {
		t.Fatalf("1000 draws gave %d distinct references", len(seen))
	}
}

func TestNewIDIsTimeOrderedV7(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	prev := ""
	for i := range 100 {
		id := NewID(t0.Add(time.Duration(i) * time.Millisecond))
		u, err := uuid.Parse(id)
		if err != nil || u.Version() != 7 || u.Variant() != uuid.RFC4122 {
			t.Fatalf("NewID = %q: parse err %v, version %d, variant %v", id, err, u.Version(), u.Variant())
		}
		if sec, nsec := u.Time().UnixTime(); time.Unix(sec, nsec).UnixMilli() != t0.Add(time.Duration(i)*time.Millisecond).UnixMilli() {
			t.Fatalf("NewID time = %v", time.Unix(sec, nsec))
		}
		if id <= prev {
			t.Fatalf("ids not ordered by time: %q after %q", id, prev)
		}
		prev = id
	}
}

func TestIDTime(t *testing.T) {
	at := time.Date(2026, 11, 30, 23, 59, 59, 999_999_000, time.UTC)
	if got, ok := IDTime(NewID(at)); !ok || !got.Equal(at.Truncate(time.Millisecond)) {
		t.Fatalf("IDTime(NewID(%v)) = %v, %v", at, got, ok)
	}
	v7 := NewID(at)
	for _, bad := range []string{"", "not-a-uuid", uuid.NewString(), strings.ToUpper(v7), "{" + v7 + "}"} {
		if got, ok := IDTime(bad); ok {
			t.Errorf("IDTime(%q) = %v, true; want false", bad, got)
		}
	}
}

func TestCursor(t *testing.T) {
	d := &Decision{ID: NewID(time.Now()), CreatedAt: time.Date(2026, 11, 25, 10, 0, 0, 123456000, time.UTC)}
	c, err := DecodeCursor(EncodeCursor(d))
	if err != nil || !c.CreatedAt.Equal(d.CreatedAt) || c.ID != d.ID {
		t.Fatalf("round trip: %+v, %v; want %v %s", c, err, d.CreatedAt, d.ID)
	}
	for _, bad := range []string{"", "!!!", "bm90LWEtY3Vyc29y", EncodeCursor(&Decision{ID: "short"})} {
		if _, err := DecodeCursor(bad); err == nil {
			t.Errorf("DecodeCursor(%q) accepted a malformed cursor", bad)
		}
	}
}
