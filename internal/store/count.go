package store

import (
	"sync/atomic"

	"gorm.io/gorm"
)

// CountStatements makes the store count every SQL statement it runs through gorm from now on
// and returns the counter. Tests use it to prove that a query costs a constant number of
// statements; it is cheap enough to leave on.
func (s *Store) CountStatements() *atomic.Int64 {
	var n atomic.Int64
	count := func(*gorm.DB) { n.Add(1) }
	for _, db := range []*Store{s, s.assess} { // both pools
		if db == nil {
			continue
		}
		cb := db.db.Callback()
		// One counter per kind of processor; the names only need to be unique.
		_ = cb.Create().After("gorm:create").Register("riskconsole:count_create", count)
		_ = cb.Query().After("gorm:query").Register("riskconsole:count_query", count)
		_ = cb.Update().After("gorm:update").Register("riskconsole:count_update", count)
		_ = cb.Delete().After("gorm:delete").Register("riskconsole:count_delete", count)
		_ = cb.Row().After("gorm:row").Register("riskconsole:count_row", count)
		_ = cb.Raw().After("gorm:raw").Register("riskconsole:count_raw", count)
	}
	return &n
}
