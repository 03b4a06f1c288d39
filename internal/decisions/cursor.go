package decisions

import (
	"fmt"

	"riskconsole/internal/apperr"
	"riskconsole/internal/page"
)

// EncodeCursor returns the opaque cursor of a decision's position. Cursors are keyed on
// (time, id), so pages stay stable while new decisions arrive.
func EncodeCursor(d *Decision) string { return page.Cursor(page.TimeKey(d.CreatedAt), d.ID) }

// DecodeCursor parses a cursor made by EncodeCursor.
func DecodeCursor(s string) (*Cursor, error) {
	parts, ok := page.Parts(s, 2)
	if !ok || len(parts[1]) != 36 {
		return nil, errBadCursor
	}
	at, ok := page.ParseTimeKey(parts[0])
	if !ok {
		return nil, errBadCursor
	}
	return &Cursor{CreatedAt: at, ID: parts[1]}, nil
}

var errBadCursor = fmt.Errorf("malformed cursor: %w", apperr.ErrInvalid)
