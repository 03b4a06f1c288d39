package store

import "context"

// ExecForTest runs a raw statement; tests use it to set up states the product never writes.
func (s *Store) ExecForTest(ctx context.Context, sql string) error {
	return s.db.WithContext(ctx).Exec(sql).Error
}
