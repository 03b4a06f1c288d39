package app

import (
	"context"

	"riskconsole/internal/analytics"
	"riskconsole/internal/heavy"
	"riskconsole/internal/store"
)

// heavyAnalytics is the store of the analytics, whose answers from the decisions table (an amount
// range, or a grouping no rollup has) count as heavy operations: such a query reads every decision
// of its range, where a rollup reads one row per hour and group.
type heavyAnalytics struct {
	*store.Store
	limit *heavy.Limiter
}

// AggregateDecisions runs the query once the limiter admits it.
func (h heavyAnalytics) AggregateDecisions(ctx context.Context, q analytics.Query, each func(analytics.Row) error) error {
	release, err := h.limit.Acquire(ctx, "analytics")
	if err != nil {
		return err
	}
	defer release()
	return h.Store.AggregateDecisions(ctx, q, each)
}
