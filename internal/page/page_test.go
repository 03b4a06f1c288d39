package page

import (
	"errors"
	"testing"
	"time"

	"riskconsole/internal/apperr"
)

func TestCursorRoundTrip(t *testing.T) {
	at := time.Date(2026, 11, 25, 10, 0, 0, 123456000, time.UTC)
	c := Cursor(TimeKey(at), IDKey(42))
	parts, ok := Parts(c, 2)
	if !ok {
		t.Fatalf("Parts(%q) failed", c)
	}
	gotAt, ok1 := ParseTimeKey(parts[0])
	gotID, ok2 := ParseIDKey(parts[1])
	if !ok1 || !ok2 || !gotAt.Equal(at) || gotID != 42 {
		t.Fatalf("round trip = %v %d (%v %v)", gotAt, gotID, ok1, ok2)
	}
}

func TestParts(t *testing.T) {
	tests := []struct {
		name   string
		cursor string
		n      int
		ok     bool
	}{
		{name: "two parts", cursor: Cursor("a", "b"), n: 2, ok: true},
		{name: "one part", cursor: Cursor("user", "7"), n: 2, ok: true},
		{name: "wrong count", cursor: Cursor("a", "b", "c"), n: 2},
		{name: "empty part", cursor: Cursor("a", ""), n: 2},
		{name: "not base64", cursor: "!!!", n: 2},
		{name: "empty", cursor: "", n: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, ok := Parts(tt.cursor, tt.n); ok != tt.ok {
				t.Fatalf("Parts(%q, %d) ok = %v, want %v", tt.cursor, tt.n, ok, tt.ok)
			}
		})
	}
}

func TestKeys(t *testing.T) {
	for _, s := range []string{"", "x", "0", "-3"} {
		if _, ok := ParseIDKey(s); ok {
			t.Errorf("ParseIDKey(%q) accepted", s)
		}
	}
	if _, ok := ParseTimeKey("soon"); ok {
		t.Error("ParseTimeKey accepted a word")
	}
}

func TestCheckFirst(t *testing.T) {
	for first, ok := range map[int]bool{-1: false, 0: false, 1: true, 100: true, 101: false} {
		var ve apperr.ValidationError
		CheckFirst(first, &ve)
		if (ve.Err() == nil) != ok {
			t.Errorf("CheckFirst(%d): err %v, want ok=%v", first, ve.Err(), ok)
		}
	}
}

// TestFetch checks a keyed page request: the key the cursor names reaches fetch, one more item
// than the page is asked for, and bad arguments are named.
func TestFetch(t *testing.T) {
	items := []int64{9, 8, 7, 6, 5}
	fetch := func(key int64, limit int) ([]int64, error) {
		var out []int64
		for _, v := range items {
			if (key == 0 || v < key) && len(out) < limit {
				out = append(out, v)
			}
		}
		return out, nil
	}
	got, more, err := Fetch(2, "", "user", fetch)
	if err != nil || !more || len(got) != 2 || got[1] != 8 {
		t.Fatalf("first page = %v, %v, %v", got, more, err)
	}
	got, more, err = Fetch(10, KeyCursor("user", 7), "user", fetch)
	if err != nil || more || len(got) != 2 || got[0] != 6 {
		t.Fatalf("after 7 = %v, %v, %v", got, more, err)
	}
	for _, tc := range []struct {
		first int
		after string
		field string
	}{
		{0, "", "first"},
		{101, "", "first"},
		{10, "nope", "after"},
		{10, KeyCursor("token", 3), "after"}, // another list's cursor
		{10, KeyCursor("user", -1), "after"},
	} {
		_, _, err := Fetch(tc.first, tc.after, "user", fetch)
		var ve *apperr.ValidationError
		if !errors.As(err, &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != tc.field {
			t.Errorf("Fetch(%d, %q) = %v, want a field error on %s", tc.first, tc.after, err, tc.field)
		}
	}
}
