package thresholds

import (
	"context"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/page"
)

// Cursors are opaque to clients: a prefix naming the list and the key of the last item seen (a
// draft id, a version number). Both only grow, so pages stay stable while drafts and versions
// are added; the lists run newest first, so a page continues below the key.
const (
	draftCursorPrefix   = "tdraft"
	versionCursorPrefix = "tversion"
)

// DraftCursor returns the cursor after draft id.
func DraftCursor(id int64) string { return page.Cursor(draftCursorPrefix, page.IDKey(id)) }

// VersionCursor returns the cursor after version number n of a market.
func VersionCursor(n int) string { return page.Cursor(versionCursorPrefix, page.IDKey(int64(n))) }

// DraftPage is one page of drafts, newest first.
type DraftPage struct {
	Drafts  []Draft
	HasNext bool
}

// VersionPage is one page of a market's versions, newest first.
type VersionPage struct {
	Versions []Version
	HasNext  bool
}

// DraftsPage returns a page of first drafts matching f after the cursor after ("" for the
// newest).
func (l *Lifecycle) DraftsPage(ctx context.Context, f DraftFilter, first int, after string) (DraftPage, error) {
	key, err := pageArgs(first, after, draftCursorPrefix)
	if err != nil {
		return DraftPage{}, err
	}
	items, err := l.store.ThresholdDrafts(ctx, f, key, first+1)
	if err != nil {
		return DraftPage{}, err
	}
	return DraftPage{Drafts: items[:min(len(items), first)], HasNext: len(items) > first}, nil
}

// VersionsPage returns a page of first published versions of market after the cursor after ("" for
// the newest).
func (l *Lifecycle) VersionsPage(ctx context.Context, market string, first int, after string) (VersionPage, error) {
	key, err := pageArgs(first, after, versionCursorPrefix)
	if err != nil {
		return VersionPage{}, err
	}
	items, err := l.store.MarketVersions(ctx, market, int(key), first+1)
	if err != nil {
		return VersionPage{}, err
	}
	return VersionPage{Versions: items[:min(len(items), first)], HasNext: len(items) > first}, nil
}

// ActiveVersion returns the version in force in market now.
func (l *Lifecycle) ActiveVersion(market string) (*Version, error) {
	return l.svc.Active(market, l.clock())
}

// VersionStatus returns the status of version id of market now, derived from the schedule.
func (l *Lifecycle) VersionStatus(market string, id int64) VersionStatus {
	return l.svc.Status(market, id, l.clock())
}

// Now returns the lifecycle's current time.
func (l *Lifecycle) Now() time.Time { return l.clock() }

// pageArgs validates a page request and returns the key its cursor names (0 for none).
func pageArgs(first int, after, prefix string) (int64, error) {
	var ve apperr.ValidationError
	page.CheckFirst(first, &ve)
	var key int64
	if after != "" {
		parts, ok := page.Parts(after, 2)
		if ok && parts[0] == prefix {
			key, ok = page.ParseIDKey(parts[1])
		}
		if !ok || parts[0] != prefix {
			ve.Add("after", "malformed cursor")
		}
	}
	return key, ve.Err()
}
