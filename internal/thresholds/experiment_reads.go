package thresholds

import (
	"cmp"
	"context"
	"slices"
	"time"

	"riskconsole/internal/approval"
	"riskconsole/internal/page"
)

// splitRequestCursorPrefix names the list of split requests in its cursors (see page.go).
const splitRequestCursorPrefix = "tsplitreq"

// SplitRequestCursor returns the cursor after split request id.
func SplitRequestCursor(id int64) string { return page.KeyCursor(splitRequestCursorPrefix, id) }

// SplitRequestPage is one page of split requests, newest first.
type SplitRequestPage struct {
	Requests []SplitRequest
	HasNext  bool
}

// SplitRequestsPage returns a page of first split requests of market and status (zero values:
// any) after the cursor after ("" for the newest), as DraftsPage does for drafts.
func (l *ExperimentLifecycle) SplitRequestsPage(ctx context.Context, market string, status approval.Status, first int, after string) (SplitRequestPage, error) {
	items, hasNext, err := page.Fetch(first, after, splitRequestCursorPrefix, func(key int64, limit int) ([]SplitRequest, error) {
		return l.store.SplitRequests(ctx, market, status, key, limit)
	})
	return SplitRequestPage{Requests: items, HasNext: hasNext}, err
}

// Running returns the shadow runs and the split periods running now in market ("": every
// market), shadows oldest first, read from the database rather than from this server's memory, so that a change made
// on another server shows before this one's next poll. Only the open rows are read, a few per
// market, however long the history grows.
func (l *ExperimentLifecycle) Running(ctx context.Context, market string) ([]Shadow, []Split, error) {
	shadows, splits, err := l.svc.repo.OpenExperiments(ctx)
	if err != nil {
		return nil, nil, err
	}
	now := l.clock()
	var outShadows []Shadow
	for i := range shadows {
		if (market == "" || shadows[i].Market == market) && shadows[i].RunningAt(now) {
			outShadows = append(outShadows, shadows[i])
		}
	}
	var outSplits []Split
	for i := range splits {
		if (market == "" || splits[i].Market == market) && splits[i].RunningAt(now) {
			outSplits = append(outSplits, splits[i])
		}
	}
	slices.SortFunc(outShadows, func(a, b Shadow) int { return cmp.Compare(a.ID, b.ID) })
	return outShadows, outSplits, nil
}

// Now returns the lifecycle's current time, the instant "running" is judged at.
func (l *ExperimentLifecycle) Now() time.Time { return l.clock() }
