package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"riskconsole/internal/auditlog"
)

// On PostgreSQL decisions and outcome_events are partitioned by UTC month (migration 13), with no
// DEFAULT partition: a row of a month without its partition fails to insert. The store creates
// the partitions ahead (EnsurePartitions, at start and hourly) and the one an insert finds
// missing, through create_month_partitions, the owner's function the console's role may run.

// partitionsAhead is how many months after the current one EnsurePartitions prepares.
const partitionsAhead = 3

// monthSet remembers the months whose partitions this process created or found, so that a bulk
// load asks the database once per month. It is shared by a store's pools and transactions.
type monthSet struct {
	mu   sync.Mutex
	seen map[time.Time]bool
}

func (m *monthSet) has(month time.Time) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.seen[month]
}

func (m *monthSet) add(month time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.seen == nil {
		m.seen = map[time.Time]bool{}
	}
	m.seen[month] = true
}

func (m *monthSet) forget(month time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.seen, month)
}

// EnsurePartitions makes sure the partitions of now's month and the partitionsAhead months after
// it exist. On SQLite it does nothing.
func (s *Store) EnsurePartitions(ctx context.Context, now time.Time) error {
	m := auditlog.MonthStart(now)
	for i := 0; i <= partitionsAhead; i++ {
		if err := s.ensureMonth(ctx, m.AddDate(0, i, 0)); err != nil {
			return err
		}
	}
	return nil
}

// ensureMonth creates the partitions of month (a MonthStart) unless this process saw them.
func (s *Store) ensureMonth(ctx context.Context, month time.Time) error {
	if s.dialect != Postgres || s.months.has(month) {
		return nil
	}
	if err := s.db.WithContext(ctx).Exec("SELECT create_month_partitions(?)", month).Error; err != nil {
		return fmt.Errorf("create the partitions of %s: %w", month.Format("2006-01"), err)
	}
	s.months.add(month)
	return nil
}

// isNoPartition reports whether err is PostgreSQL's refusal of a row for which the partitioned
// table has no partition.
func isNoPartition(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "23514" && strings.HasPrefix(pgErr.Message, "no partition of relation")
}

// retryMissingPartition runs write; when it fails because the partition of at's month is missing
// (never created, or dropped while this process remembered it) it creates the partition and runs
// write once more. In a transaction the failure has aborted the transaction, so it is returned.
func (s *Store) retryMissingPartition(ctx context.Context, at time.Time, write func() error) error {
	err := write()
	if err == nil || !isNoPartition(err) || s.inTx {
		return err
	}
	month := auditlog.MonthStart(at)
	s.months.forget(month)
	if err := s.ensureMonth(ctx, month); err != nil {
		return err
	}
	return write()
}
