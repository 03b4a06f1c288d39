package accounts

import (
	"riskconsole/internal/apperr"
	"riskconsole/internal/page"
)

// Cursors are opaque to clients: a prefix naming the list and the id of the last item seen. Ids only grow, so pages stay stable while accounts and tokens are added.
const (
	userCursorPrefix  = "user"
	tokenCursorPrefix = "token"
)

// UserCursor returns the cursor after user id.
func UserCursor(id int64) string { return encodeCursor(userCursorPrefix, id) }

// TokenCursor returns the cursor after token id.
func TokenCursor(id int64) string { return encodeCursor(tokenCursorPrefix, id) }

func encodeCursor(prefix string, id int64) string { return page.Cursor(prefix, page.IDKey(id)) }

// pageArgs validates a page request and returns the id its cursor names (0 for none).
func pageArgs(first int, after, prefix string) (int64, error) {
	var ve apperr.ValidationError
	page.CheckFirst(first, &ve)
	var id int64
	if after != "" {
		parts, ok := page.Parts(after, 2)
		if ok && parts[0] == prefix {
			id, ok = page.ParseIDKey(parts[1])
		}
		if !ok || parts[0] != prefix {
			ve.Add("after", "malformed cursor")
		}
	}
	return id, ve.Err()
}

// fetchPage validates a page request, asks fetch for one item more than the page past the id its
// cursor names, and returns the page and whether more follow.
func fetchPage[T any](first int, after, prefix string, fetch func(id int64, limit int) ([]T, error)) ([]T, bool, error) {
	id, err := pageArgs(first, after, prefix)
	if err != nil {
		return nil, false, err
	}
	items, err := fetch(id, first+1)
	if err != nil {
		return nil, false, err
	}
	return items[:min(len(items), first)], len(items) > first, nil
}
