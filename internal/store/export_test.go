package store

import "context"

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
