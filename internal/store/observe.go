package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Pool returns the connection pool, for its statistics (the metrics' collector reads
// sql.DBStats from it). Queries go through the Store's methods.
func (s *Store) Pool() *sql.DB { return s.sqlDB }

// AssessmentPool returns the pool reserved for assessments, nil when there is none.
func (s *Store) AssessmentPool() *sql.DB {
	if s.assess == nil {
		return nil
	}
	return s.assess.sqlDB
}

// StoredKey is a stored decision as the load tool's verification sees it: its reference, the
// idempotency key it was stored under (scoped by the calling token) and how many decisions carry
// that key.
type StoredKey struct {
	ID             string
	Reference      string
	IdempotencyKey string
	KeyCount       int64
}

// StoredKeys returns the decisions with the given ids that exist, in any order.
func (s *Store) StoredKeys(ctx context.Context, ids []string) ([]StoredKey, error) {
	var out []StoredKey
	// Through decision_keys, which finds each decision's partition and counts the key's decisions
	// on both databases (on SQLite it is a view of decisions).
	err := s.db.WithContext(ctx).Raw(`SELECT d.id, d.reference, d.idempotency_key,
		(SELECT count(*) FROM decision_keys c WHERE c.idempotency_key = d.idempotency_key) AS key_count
		FROM decision_keys k`+s.decisionsOfKeys()+` WHERE k.decision_id IN ?`, ids).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("read stored idempotency keys: %w", err)
	}
	return out, nil
}
