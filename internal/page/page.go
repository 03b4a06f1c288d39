// Package page holds what every list of the API shares: the largest page a client may ask for,
// and the opaque cursors that mark a position in a list.
package page

import (
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"riskconsole/internal/apperr"
)

// MaxSize is the largest page (first) of every connection.
const MaxSize = 100

// CheckFirst adds a field error to ve when first is not between 1 and MaxSize.
func CheckFirst(first int, ve *apperr.ValidationError) {
	if first < 1 || first > MaxSize {
		ve.Add("first", "must be between 1 and %d", MaxSize)
	}
}

// sep separates the parts of a cursor; no part may contain it.
const sep = "|"

// Cursor returns the opaque cursor of a list position given its key parts, most significant
// first (for example a time and an id). Lists keyed this way stay stable while rows are added.
func Cursor(parts ...string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strings.Join(parts, sep)))
}

// Parts decodes a cursor made by Cursor with exactly n parts, none of them empty.
func Parts(cursor string, n int) ([]string, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return nil, false
	}
	parts := strings.Split(string(raw), sep)
	if len(parts) != n {
		return nil, false
	}
	for _, p := range parts {
		if p == "" {
			return nil, false
		}
	}
	return parts, true
}

// TimeKey returns t as a cursor part: microseconds since the epoch, the precision both
// databases keep.
func TimeKey(t time.Time) string { return strconv.FormatInt(t.UnixMicro(), 10) }

// ParseTimeKey is the inverse of TimeKey.
func ParseTimeKey(s string) (time.Time, bool) {
	us, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.UnixMicro(us).UTC(), true
}

// IDKey returns a positive integer id as a cursor part.
func IDKey(id int64) string { return strconv.FormatInt(id, 10) }

// ParseIDKey is the inverse of IDKey; it refuses ids below 1.
func ParseIDKey(s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0
}

// KeyCursor returns the cursor after the item with integer key of the list named prefix.
func KeyCursor(prefix string, key int64) string { return Cursor(prefix, IDKey(key)) }

// Fetch serves a page of a list keyed by integers: it validates first and after (a KeyCursor of
// the list named prefix, or "" for the first page), asks fetch for one item more than the page
// past the key the cursor names (0 for none), and returns the page and whether more follow.
func Fetch[T any](first int, after, prefix string, fetch func(key int64, limit int) ([]T, error)) ([]T, bool, error) {
	var ve apperr.ValidationError
	CheckFirst(first, &ve)
	var key int64
	if after != "" {
		parts, ok := Parts(after, 2)
		if ok && parts[0] == prefix {
			key, ok = ParseIDKey(parts[1])
		}
		if !ok || parts[0] != prefix {
			ve.Add("after", "malformed cursor")
		}
	}
	if err := ve.Err(); err != nil {
		return nil, false, err
	}
	items, err := fetch(key, first+1)
	if err != nil {
		return nil, false, err
	}
	return items[:min(len(items), first)], len(items) > first, nil
}
