package accounts

import "riskconsole/internal/page"

// Cursors are opaque to clients: a prefix naming the list and the id of the last item seen. Ids
// only grow, so pages stay stable while accounts and tokens are added.
const (
	userCursorPrefix  = "user"
	tokenCursorPrefix = "token"
)

// UserCursor returns the cursor after user id.
func UserCursor(id int64) string { return page.KeyCursor(userCursorPrefix, id) }

// TokenCursor returns the cursor after token id.
func TokenCursor(id int64) string { return page.KeyCursor(tokenCursorPrefix, id) }
