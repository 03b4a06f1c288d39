package decisions

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"

	"riskconsole/internal/apperr"
)

// EncodeCursor returns the opaque cursor of a decision's position. Cursors are keyed on
// (time, id), so pages stay stable while new decisions arrive.
func EncodeCursor(d *Decision) string {
	raw := strconv.FormatInt(d.CreatedAt.UnixMicro(), 10) + "|" + d.ID
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// DecodeCursor parses a cursor made by EncodeCursor.
func DecodeCursor(s string) (*Cursor, error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, errBadCursor
	}
	micros, id, ok := strings.Cut(string(raw), "|")
	us, err := strconv.ParseInt(micros, 10, 64)
	if !ok || err != nil || len(id) != 36 {
		return nil, errBadCursor
	}
	return &Cursor{CreatedAt: time.UnixMicro(us).UTC(), ID: id}, nil
}

var errBadCursor = fmt.Errorf("malformed cursor: %w", apperr.ErrInvalid)
