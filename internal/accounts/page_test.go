package accounts

import (
	"errors"
	"testing"

	"riskconsole/internal/apperr"
)

func TestPageArgs(t *testing.T) {
	if id, err := pageArgs(10, "", userCursorPrefix); id != 0 || err != nil {
		t.Errorf("first page: %d, %v", id, err)
	}
	if id, err := pageArgs(100, UserCursor(42), userCursorPrefix); id != 42 || err != nil {
		t.Errorf("cursor round trip: %d, %v", id, err)
	}
	for _, tc := range []struct {
		first int
		after string
		field string
	}{
		{0, "", "first"},
		{101, "", "first"},
		{10, "nope", "after"},
		{10, TokenCursor(3), "after"}, // a token cursor is no user cursor
		{10, encodeCursor(userCursorPrefix, -1), "after"},
	} {
		_, err := pageArgs(tc.first, tc.after, userCursorPrefix)
		var ve *apperr.ValidationError
		if !errors.As(err, &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != tc.field {
			t.Errorf("pageArgs(%d, %q) = %v, want a field error on %s", tc.first, tc.after, err, tc.field)
		}
	}
}
