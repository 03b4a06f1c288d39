package store

import "context"

// ShowForTest returns a PostgreSQL setting as the store's sessions see it (SHOW name).
func (s *Store) ShowForTest(ctx context.Context, name string) (string, error) {
	var v string
	err := s.db.WithContext(ctx).Raw("SHOW " + name).Row().Scan(&v)
	return v, err
}

// QueryForTest runs a raw statement through gorm's query path, as the repositories do, so that
// its errors are the ones they would see.
func (s *Store) QueryForTest(ctx context.Context, sql string) error {
	var v any
	return s.db.WithContext(ctx).Raw(sql).Scan(&v).Error
}
