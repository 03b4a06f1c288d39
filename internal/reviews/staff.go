package reviews

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
)

// Audit vocabulary of staff shopper links.
const (
	ActionLinkShopper   = "staff.link_shopper"
	ActionUnlinkShopper = "staff.unlink_shopper"
	entityUser          = "user"
)

// MaxShopperIDLen bounds a shopper id, as checkout's purchase input does.
const MaxShopperIDLen = 64

// LinkShopper declares shopperID as the own of staff account userID (an ADMIN's step): its holder
// may then not review that shopper's decisions. It returns the account's shopper ids, sorted.
func (s *Service) LinkShopper(ctx context.Context, userID, shopperID string) ([]string, error) {
	return s.staffStep(ctx, userID, shopperID, ActionLinkShopper, func(tx Tx, id int64, shopper string) error {
		return tx.LinkStaffShopper(ctx, id, shopper, auth.PrincipalFrom(ctx).Subject(), s.clock())
	})
}

// UnlinkShopper removes shopperID from staff account userID. It is refused on one's own account:
// nobody lifts a conflict of interest of their own.
func (s *Service) UnlinkShopper(ctx context.Context, userID, shopperID string) ([]string, error) {
	return s.staffStep(ctx, userID, shopperID, ActionUnlinkShopper, func(tx Tx, id int64, shopper string) error {
		if p := auth.PrincipalFrom(ctx); p.IsUserID(id) {
			return s.deny(ctx, p, "unlinkStaffShopper", "an account's own shopper ids are unlinked by another ADMIN")
		}
		return tx.UnlinkStaffShopper(ctx, id, shopper)
	})
}

// staffStep validates the arguments, runs change on the user's links in one transaction with
// its audit event, and returns the user's shopper ids after it.
func (s *Service) staffStep(ctx context.Context, userID, shopperID, action string, change func(tx Tx, id int64, shopper string) error) ([]string, error) {
	var ve apperr.ValidationError
	id, err := strconv.ParseInt(userID, 10, 64)
	if err != nil || id < 1 {
		ve.Add("userId", "must be a user id")
	}
	shopperID = strings.TrimSpace(shopperID)
	text(&ve, "shopperId", shopperID, MaxShopperIDLen, "is required")
	if err := ve.Err(); err != nil {
		return nil, err
	}
	var ids []string
	err = s.store.ReviewTx(ctx, func(tx Tx) error {
		u, err := tx.UserByID(ctx, id)
		if err != nil {
			return err
		}
		before, err := tx.StaffShopperIDs(ctx, id)
		if err != nil {
			return err
		}
		if err := change(tx, id, shopperID); err != nil {
			return err
		}
		if ids, err = tx.StaffShopperIDs(ctx, id); err != nil {
			return err
		}
		// Recorded as the user's change, by username: an auditor reads who declared what.
		e := audit.NewEvent(ctx, action, entityUser, u.Username, map[string]any{"shopperIds": before},
			map[string]any{"shopperIds": ids, "shopperId": shopperID}, audit.Done)
		return tx.AppendAudit(ctx, e)
	})
	if err != nil {
		return nil, fmt.Errorf("staff shopper link: %w", err)
	}
	return ids, nil
}
