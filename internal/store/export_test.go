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

// ShiftRetentionClockForTest shifts the clock of the retention path's own checks (PostgreSQL,
// as the owner): the tests that purge the demo's months, which are still under their duty in
// real time, move it years ahead. On SQLite it does nothing.
func (s *Store) ShiftRetentionClockForTest(ctx context.Context, shift string) error {
	if s.dialect != Postgres {
		return nil
	}
	return s.db.WithContext(ctx).Exec("INSERT INTO retention_clock (id, shift) VALUES (1, CAST(? AS interval)) ON CONFLICT (id) DO UPDATE SET shift = EXCLUDED.shift", shift).Error
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
