package auditlog

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
)

// EncodeCursor returns the opaque cursor of an event's position. Cursors are keyed on (time,
// id), the order of the list, so pages stay stable while new events arrive.
func EncodeCursor(e *audit.Event) string {
	raw := strconv.FormatInt(e.At.UnixMicro(), 10) + "|" + strconv.FormatInt(e.ID, 10)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// DecodeCursor parses a cursor made by EncodeCursor.
func DecodeCursor(s string) (*Cursor, error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, errBadCursor
	}
	micros, id, ok := strings.Cut(string(raw), "|")
	if !ok {
		return nil, errBadCursor
	}
	us, err1 := strconv.ParseInt(micros, 10, 64)
	n, err2 := strconv.ParseInt(id, 10, 64)
	if err1 != nil || err2 != nil || n <= 0 {
		return nil, errBadCursor
	}
	return &Cursor{At: time.UnixMicro(us).UTC(), ID: n}, nil
}

var errBadCursor = fmt.Errorf("malformed cursor: %w", apperr.ErrInvalid)
