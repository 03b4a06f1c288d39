package auditlog

import (
	"fmt"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/page"
)

// EncodeCursor returns the opaque cursor of an event's position. Cursors are keyed on (time,
// id), the order of the list, so pages stay stable while new events arrive.
func EncodeCursor(e *audit.Event) string { return page.Cursor(page.TimeKey(e.At), page.IDKey(e.ID)) }

// DecodeCursor parses a cursor made by EncodeCursor.
func DecodeCursor(s string) (*Cursor, error) {
	parts, ok := page.Parts(s, 2)
	if !ok {
		return nil, errBadCursor
	}
	at, ok1 := page.ParseTimeKey(parts[0])
	id, ok2 := page.ParseIDKey(parts[1])
	if !ok1 || !ok2 {
		return nil, errBadCursor
	}
	return &Cursor{At: at, ID: id}, nil
}

var errBadCursor = fmt.Errorf("malformed cursor: %w", apperr.ErrInvalid)
