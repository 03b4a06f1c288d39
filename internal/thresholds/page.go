package thresholds

import (
	"context"
	"time"

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
func DraftCursor(id int64) string { return page.KeyCursor(draftCursorPrefix, id) }

// VersionCursor returns the cursor after version number n of a market.
func VersionCursor(n int) string { return page.KeyCursor(versionCursorPrefix, int64(n)) }

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
	items, hasNext, err := page.Fetch(first, after, draftCursorPrefix, func(key int64, limit int) ([]Draft, error) {
		return l.store.ThresholdDrafts(ctx, f, key, limit)
	})
	return DraftPage{Drafts: items, HasNext: hasNext}, err
}

// VersionsPage returns a page of first published versions of market after the cursor after ("" for
// the newest).
func (l *Lifecycle) VersionsPage(ctx context.Context, market string, first int, after string) (VersionPage, error) {
	items, hasNext, err := page.Fetch(first, after, versionCursorPrefix, func(key int64, limit int) ([]Version, error) {
		return l.store.MarketVersions(ctx, market, int(key), limit)
	})
	return VersionPage{Versions: items, HasNext: hasNext}, err
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
