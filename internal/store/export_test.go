package store

import (
	"context"
	"time"

	"riskconsole/internal/retention"
)

// ExecForTest runs a raw statement; tests use it to set up states the product never writes.
func (s *Store) ExecForTest(ctx context.Context, sql string) error {
	return s.db.WithContext(ctx).Exec(sql).Error
}

// SetRollupMaintainAfter sets the pass size after which the rollups are vacuumed and analyzed,
// until the test ends.
func SetRollupMaintainAfter(tb interface{ Cleanup(func()) }, n int64) {
	old := rollupMaintainAfter
	rollupMaintainAfter = n
	tb.Cleanup(func() { rollupMaintainAfter = old })
}

// SetPurgeBatch sets the rows one batch of a purge removes, until the test ends.
func SetPurgeBatch(tb interface{ Cleanup(func()) }, n int) {
	old := purgeBatch
	purgeBatch = n
	tb.Cleanup(func() { purgeBatch = old })
}

// CountForTest runs a query returning one number.
func (s *Store) CountForTest(ctx context.Context, query string, args ...any) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Raw(query, args...).Row().Scan(&n)
	return n, err
}

// RemoveOneBatchForTest removes and records one batch of RemoveMarketMonth, as a run interrupted
// after its first batch would have, and returns how many decisions it removed.
func (s *Store) RemoveOneBatchForTest(ctx context.Context, market string, month, keepFrom time.Time, after retention.Action) (int64, error) {
	b, err := s.removeRecordedBatch(ctx, market, month, keepFrom, after)
	return b.Decisions, err
}
