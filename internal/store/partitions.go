package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgconn"

	"riskconsole/internal/auditlog"
	"riskconsole/internal/decisions"
)

// On PostgreSQL decisions and outcome_events are partitioned by UTC month (migration 13), with no
// DEFAULT partition: a row of a month without its partition fails to insert. The store creates
// the partitions ahead (EnsurePartitions, at start and hourly) and the one an insert finds
// missing, through create_month_partitions, the owner's function the console's role may run.

// partitionsAhead is how many months after the current one EnsurePartitions prepares: a month of
// slack should the hourly job fail, and no more, as every partition, empty or not, costs each
// query of decisions without a time bound a little planning and start-up (about 10 µs).
const partitionsAhead = 2

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

// decisionsOfKeys joins the decisions (d) of the keys k (decision_keys rows, found by reference
// or idempotency key), one partition probe per key. Given a plain join of a few hundred keys,
// PostgreSQL hashed them and scanned every partition of the table instead (45 ms against 2 ms at
// 100,000 decisions), so there the join is a LATERAL subquery that OFFSET 0 keeps the planner
// from flattening back into a plain join: it can only run it as a probe per key. Reads by id do
// not need the keys (idMonths, below).
func (s *Store) decisionsOfKeys() string {
	const cond = "d.id = k.decision_id AND d.created_at = k.created_at"
	if s.dialect == Postgres {
		return " JOIN LATERAL (SELECT * FROM decisions d WHERE " + cond + " OFFSET 0) d ON true"
	}
	return " JOIN decisions d ON " + cond
}

// DecisionPartitionMonths returns the months of the decisions' monthly partitions, oldest first,
// empty or not, on PostgreSQL; nil on SQLite, which keeps no month apart.
func (s *Store) DecisionPartitionMonths(ctx context.Context) ([]time.Time, error) {
	if s.dialect != Postgres {
		return nil, nil
	}
	return s.partitionMonths(ctx, "decisions")
}

// partitionMonths returns the months of table's monthly partitions, oldest first (PostgreSQL).
func (s *Store) partitionMonths(ctx context.Context, table string) ([]time.Time, error) {
	var names []string
	err := s.db.WithContext(ctx).Raw(`SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
WHERE i.inhparent = CAST(? AS regclass) ORDER BY c.relname`, table).Scan(&names).Error
	if err != nil {
		return nil, fmt.Errorf("list the partitions of %s: %w", table, err)
	}
	out := make([]time.Time, 0, len(names))
	for _, n := range names {
		m, err := time.Parse("200601", strings.TrimPrefix(n, table+"_p"))
		if err != nil {
			return nil, fmt.Errorf("partition %s of %s: %w", n, table, err)
		}
		out = append(out, m)
	}
	return out, nil
}

// A decision's id is a UUIDv7 naming the millisecond of its created_at (decisions.NewID; the
// decisions_id_time constraint holds every row to it on PostgreSQL, and decisionRow checks it
// on both databases), so a set of decisions given by id is read month by month: each statement
// bounds created_at (and the events' decision_created_at) by its month, which PostgreSQL prunes
// to one partition once, when planning, and reads along the (id, created_at) key. Through
// decision_keys it cost a look-up there and a partition pruning per decision: recordOutcomes and
// the import ran at 0.4–0.9 of their speed before the partitions (BENCHMARKS.md, issue 18).

// idMonth is the ids of decisions of one UTC month, [lo, hi).
type idMonth struct {
	lo, hi time.Time
	ids    []string
}

// idMonths groups those of ids that can be decision ids (canonical UUIDv7s) by the month of the
// time they carry, oldest month first. The others name no decision.
func idMonths(ids []string) []idMonth {
	var out []idMonth
	for _, id := range ids {
		at, ok := decisions.IDTime(id)
		if !ok {
			continue
		}
		lo := auditlog.MonthStart(at)
		i, found := slices.BinarySearchFunc(out, lo, func(m idMonth, t time.Time) int { return m.lo.Compare(t) })
		if !found {
			out = slices.Insert(out, i, idMonth{lo: lo, hi: lo.AddDate(0, 1, 0)})
		}
		out[i].ids = append(out[i].ids, id)
	}
	return out
}

// inMonth is the condition holding col to m's month; its arguments are m.bounds().
func inMonth(col string) string { return col + " >= ? AND " + col + " < ?" }

func (m *idMonth) bounds() []any { return []any{m.lo, m.hi} }

// idRange is the range of ids of m's month as UUIDs, [lo, hi): UUIDs compare byte by byte, and
// the first six bytes of a decision's id are its time.
func (m *idMonth) idRange() (lo, hi uuid.UUID) {
	put := func(u *uuid.UUID, t time.Time) {
		ms := uint64(t.UnixMilli())
		for i := range 6 {
			u[i] = byte(ms >> (40 - 8*i))
		}
	}
	put(&lo, m.lo)
	put(&hi, m.hi)
	return lo, hi
}
