package app

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/google/uuid"

	"riskconsole/internal/retention"
	"riskconsole/internal/store"
)

// retentionPath is the retention job's Remover over the retention store (the retention role's
// on PostgreSQL).
type retentionPath struct{ st *store.Store }

// PurgeMonth purges the whole month (store.PurgeMonth); a month purged before removes nothing.
func (p retentionPath) PurgeMonth(ctx context.Context, month, keepFrom time.Time) (retention.Removal, error) {
	mp, err := p.st.PurgeMonth(ctx, month, keepFrom)
	out := retention.Removal{Month: month, After: retention.Delete, Purged: true, Batches: 1}
	if !mp.Already {
		out.Decisions, out.OutcomeEvents = mp.Decisions, mp.OutcomeEvents
	}
	return out, err
}

// RemoveMarketMonth removes one market's due decisions of a month (store.RemoveMarketMonth).
func (p retentionPath) RemoveMarketMonth(ctx context.Context, market string, month, keepFrom time.Time, anonymise bool) (retention.Removal, error) {
	return p.st.RemoveMarketMonth(ctx, market, month, keepFrom, anonymise)
}

// newRetentionJob returns the retention job of this server. Without a retention store (PostgreSQL
// without RETENTION_DATABASE_URL) it has no path and each run fails, which /readyz reports.
func (a *App) newRetentionJob() *retention.Job {
	host, _ := os.Hostname()
	var remover retention.Remover
	if a.RetentionStore != nil {
		remover = retentionPath{a.RetentionStore}
	}
	return retention.NewJob(a.Retention, a.Store, remover, retention.JobOptions{
		ID:    fmt.Sprintf("%s/%d/%s", host, os.Getpid(), uuid.NewString()[:8]),
		Every: a.Config.RetentionEvery,
		// Every month the job touches has been closed, so that VerifyDecisions holds it to its
		// closing less the removals recorded since. Closings are dated by the real clock, as the
		// hourly closing does.
		Prepare: func(ctx context.Context) error {
			_, err := a.Audit.CloseMonths(ctx, time.Now())
			return err
		},
		OnRemoved: a.observeRemoval,
		Erasures: func(ctx context.Context, now time.Time) (int64, error) {
			res, err := a.Erasure.CarryOutDue(ctx, now)
			return res.Erased, err
		},
	})
}
