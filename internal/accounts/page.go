package accounts

import (
	"encoding/base64"
	"strconv"
	"strings"

	"riskconsole/internal/apperr"
)

// Cursors are opaque to clients: base64url of a prefix naming the list and the id of the last
// item seen. Ids only grow, so pages stay stable while accounts and tokens are added.
const (
	userCursorPrefix  = "user:"
	tokenCursorPrefix = "token:"
)

// UserCursor returns the cursor after user id.
func UserCursor(id int64) string { return encodeCursor(userCursorPrefix, id) }

// TokenCursor returns the cursor after token id.
func TokenCursor(id int64) string { return encodeCursor(tokenCursorPrefix, id) }

func encodeCursor(prefix string, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(prefix + strconv.FormatInt(id, 10)))
}

// pageArgs validates a page request and returns the id its cursor names (0 for none).
func pageArgs(first int, after, prefix string) (int64, error) {
	var ve apperr.ValidationError
	if first < 1 || first > maxPageSize {
		ve.Add("first", "must be between 1 and %d", maxPageSize)
	}
	var id int64
	if after != "" {
		raw, err := base64.RawURLEncoding.DecodeString(after)
		digits, ok := strings.CutPrefix(string(raw), prefix)
		if err == nil && ok {
			id, err = strconv.ParseInt(digits, 10, 64)
		}
		if err != nil || !ok || id <= 0 {
			ve.Add("after", "malformed cursor")
		}
	}
	return id, ve.Err()
}
