package store

import (
	"context"

	"gorm.io/gorm"
)

// InTx runs fn in one database transaction: fn receives a Store bound to the transaction, and
// every repository method called on it takes part. The transaction commits when fn returns nil
// and rolls back otherwise, so a change and its audit event are written together or not at all.
func (s *Store) InTx(ctx context.Context, fn func(tx *Store) error) error {
	// Beginning and committing do not pass through the statement callbacks: their errors (a
	// connection lost at COMMIT among them) are marked here.
	return markError(s.db.WithContext(ctx).Transaction(func(db *gorm.DB) error {
		return fn(s.within(db))
	}))
}

// within returns the store of the transaction db, begun on s.
func (s *Store) within(db *gorm.DB) *Store {
	return &Store{db: db, sqlDB: s.sqlDB, dialect: s.dialect, key: s.key, auditFailures: s.auditFailures, months: s.months, inTx: true}
}
