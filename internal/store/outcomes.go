package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"

	"riskconsole/internal/decisions"
	"riskconsole/internal/outcomes"
	"riskconsole/models"
)

// outcomeColumns are outcome_events' columns every writer fills (xid on PostgreSQL and id on
// SQLite fill themselves). decision_created_at is the decision's time, the partition key on
// PostgreSQL: writers take it from the decision they checked the event against.
var outcomeColumns = []string{"decision_id", "event_id", "observed_at", "status", "outstanding_minor",
	"written_off_minor", "currency", "recorded_at", "decision_created_at"}

func outcomeValues(r *models.OutcomeEvent, binaryID bool) ([]any, error) {
	var id any = r.DecisionID
	if binaryID {
		u, err := uuid.Parse(r.DecisionID)
		if err != nil {
			return nil, fmt.Errorf("outcome event %s/%s: %w", r.DecisionID, r.EventID, err)
		}
		id = [16]byte(u)
	}
	return []any{id, r.EventID, r.ObservedAt, r.Status, r.OutstandingMinor, r.WrittenOffMinor, r.Currency, r.RecordedAt,
		r.DecisionCreatedAt}, nil
}

// BulkInsertOutcomeEvents writes many outcome events at once without validating them, for seeding
// (the demo data): COPY on PostgreSQL, one prepared INSERT per row on SQLite, in one transaction.
// Either all rows are written or none; a (decision, event id) already present fails the call.
func (s *Store) BulkInsertOutcomeEvents(ctx context.Context, rows []models.OutcomeEvent) error {
	if len(rows) == 0 {
		return nil
	}
	if s.dialect != Postgres {
		tx, err := s.sqlDB.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		if err := insertOutcomesSQLite(ctx, tx, rows); err != nil {
			return err
		}
		return tx.Commit()
	}
	conn, err := s.sqlDB.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		_, err := copyOutcomes(ctx, dc.(*stdlib.Conn).Conn(), "outcome_events", rows)
		return err
	})
}

// copyOutcomes copies rows into table (outcome_events or a table of the same columns).
func copyOutcomes(ctx context.Context, pc *pgx.Conn, table string, rows []models.OutcomeEvent) (int64, error) {
	i := 0
	return pc.CopyFrom(ctx, pgx.Identifier{table}, outcomeColumns, pgx.CopyFromFunc(func() ([]any, error) {
		if i == len(rows) {
			return nil, nil
		}
		i++
		return outcomeValues(&rows[i-1], true)
	}))
}

// insertOutcomesSQLite runs one prepared single-row INSERT per event (the pure-Go driver binds
// multi-row INSERTs slowly; see bulkInsertSQLite).
func insertOutcomesSQLite(ctx context.Context, tx *sql.Tx, rows []models.OutcomeEvent) error {
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO outcome_events ("+strings.Join(outcomeColumns, ", ")+
		") VALUES (?"+strings.Repeat(", ?", len(outcomeColumns)-1)+")")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i := range rows {
		vals, err := outcomeValues(&rows[i], false)
		if err != nil {
			return err
		}
		if _, err := stmt.ExecContext(ctx, vals...); err != nil {
			return fmt.Errorf("insert outcome event %s/%s: %w", rows[i].DecisionID, rows[i].EventID, err)
		}
	}
	return nil
}

// idSet returns the SQL that stands for a set of decision ids passed as one parameter, and that
// parameter: a PostgreSQL uuid array from comma-separated text, a JSON array on SQLite. One
// parameter keeps the statement text fixed (prepared once) whatever the number of ids. Ids that
// are not UUIDs name no decision and are left out.
func (s *Store) idSet(ids []string) (string, any) {
	valid := make([]string, 0, len(ids))
	for _, id := range ids {
		if u, err := uuid.Parse(id); err == nil && u.String() == id {
			valid = append(valid, id)
		}
	}
	if s.dialect == Postgres {
		return "= ANY(string_to_array(CAST(? AS text), ',')::uuid[])", strings.Join(valid, ",")
	}
	b, _ := json.Marshal(valid)
	return "IN (SELECT value FROM json_each(?))", string(b)
}

// outcomeWriteLockID is the PostgreSQL advisory lock that keeps an import of outcome events
// (which takes it exclusively) and recordOutcomes (shared) apart. It stands for a table lock the
// console's role may not take: LOCK TABLE in SHARE ROW EXCLUSIVE mode needs UPDATE, DELETE or
// TRUNCATE on the table, which the role does not hold on the append-only outcome_events.
const outcomeWriteLockID = 0x72636f7574636f6d // "rcoutcom"

// OutcomeTx runs fn in one transaction. On PostgreSQL the transaction first takes the outcome
// write lock shared, so that it waits for a running import (exclusive) and an import waits for it.
func (s *Store) OutcomeTx(ctx context.Context, fn func(tx outcomes.IngestTx) error) error {
	return s.InTx(ctx, func(tx *Store) error {
		if tx.dialect == Postgres {
			if err := tx.db.WithContext(ctx).Exec("SELECT pg_advisory_xact_lock_shared(?)", outcomeWriteLockID).Error; err != nil {
				return fmt.Errorf("lock outcome events: %w", err)
			}
		}
		return fn(tx)
	})
}

// outcomeLockClass is the first key of the per-decision advisory locks (the two-key form is a
// key space apart from the single bigint keys of the audit chain and the accounts).
const outcomeLockClass = 13

// LockOutcomeDecisions takes a transaction-level advisory lock per decision on PostgreSQL, in
// ascending key order so that two batches sharing decisions cannot deadlock. SQLite has a single
// writer and needs none. Keys are 32-bit hashes of the ids: two decisions sharing a key only
// serialise a little more.
func (s *Store) LockOutcomeDecisions(ctx context.Context, ids []string) error {
	if s.dialect != Postgres || len(ids) == 0 {
		return nil
	}
	keys := make([]int32, 0, len(ids))
	for _, id := range ids {
		h := fnv.New32a()
		h.Write([]byte(id))
		keys = append(keys, int32(h.Sum32()))
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(int64(k), 10))
	}
	// unnest yields the keys in array order: the locks are taken in ascending order.
	err := s.db.WithContext(ctx).Exec("SELECT pg_advisory_xact_lock(?, k) FROM unnest(string_to_array(CAST(? AS text), ',')::int4[]) AS t(k)",
		outcomeLockClass, b.String()).Error
	if err != nil {
		return fmt.Errorf("lock decisions' outcomes: %w", err)
	}
	return nil
}

// historiesQuery reads the decisions of one month chosen by a condition on d, which the caller
// appends, with each of their outcome events (one row with no event for a decision without any),
// from which scanHistories keeps the latest and the count. from names the decisions as d (and
// whatever chooses them); the month's bounds (idMonth.bounds) are the first four arguments.
func (s *Store) historiesQuery(from string) string {
	q := "SELECT " + historyColumns + " FROM " + from + " LEFT JOIN outcome_events e ON e.decision_id = d.id AND e.decision_created_at = d.created_at AND " +
		inMonth("e.decision_created_at") + " WHERE " + inMonth("d.created_at") + " AND "
	if s.dialect == Postgres {
		q = strings.Replace(q, "SELECT d.id,", "SELECT d.id::text,", 1)
	}
	return q
}

// historyColumns are the columns scanHistories reads.
const historyColumns = "d.id, d.created_at, d.outcome, d.amount_minor, d.currency, e.status, e.observed_at, e.written_off_minor"

// OutcomeHistories returns the purchase, last event and event count of each of ids that is a
// decision: one query per month of theirs.
func (s *Store) OutcomeHistories(ctx context.Context, ids []string) (map[string]outcomes.History, error) {
	out := make(map[string]outcomes.History, len(ids))
	for _, m := range idMonths(ids) {
		set, arg := s.idSet(m.ids)
		rows, err := s.db.WithContext(ctx).Raw(s.historiesQuery("decisions d")+"d.id "+set, append(m.bounds(), append(m.bounds(), arg)...)...).Rows()
		if err != nil {
			return nil, fmt.Errorf("read decisions' outcome histories: %w", err)
		}
		err = scanHistories(rows, out)
		rows.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// scanHistories reads rows of historyColumns into out: a decision once per event, or once with
// no event. The last event is the latest observed (the first read of those observed at the same
// time).
func scanHistories(rows rowsIter, out map[string]outcomes.History) error {
	for rows.Next() {
		var (
			id, outcome, currency string
			at                    dbTime
			amount                int64
			status                sql.NullString
			observed              dbTime
			writtenOff            sql.NullInt64
		)
		if err := rows.Scan(&id, &at, &outcome, &amount, &currency, &status, &observed, &writtenOff); err != nil {
			return fmt.Errorf("read decisions' outcome histories: %w", err)
		}
		h, seen := out[id]
		if !seen {
			h.Purchase = outcomes.Purchase{At: at.t, Approved: outcome == "APPROVED", AmountMinor: amount, Currency: currency}
		}
		if status.Valid {
			st, ok := outcomes.ParseStatus(status.String)
			if !ok {
				return fmt.Errorf("decision %s: stored outcome status %q", id, status.String)
			}
			if h.Count == 0 || observed.t.After(h.Last.ObservedAt) {
				h.Last = outcomes.Last{Status: st, ObservedAt: observed.t, WrittenOffMinor: writtenOff.Int64}
			}
			h.Count++
		}
		out[id] = h
	}
	return rows.Err()
}

// OutcomeEventsByKey returns the recorded events among keys: one query per month of their decisions.
func (s *Store) OutcomeEventsByKey(ctx context.Context, keys []outcomes.Key) (map[outcomes.Key]outcomes.Event, error) {
	ids := make([]string, len(keys))
	want := make(map[outcomes.Key]bool, len(keys))
	for i, k := range keys {
		ids[i] = k.DecisionID
		want[k] = true
	}
	slices.Sort(ids)
	events := make([]string, 0, len(want))
	for k := range want {
		events = append(events, k.EventID)
	}
	slices.Sort(events)
	// The decisions' events whose ids are among the batch's.
	out := map[outcomes.Key]outcomes.Event{}
	err := s.eventsByID(ctx, slices.Compact(ids), slices.Compact(events), func(r *models.OutcomeEvent) error {
		e, err := eventFromRow(r)
		if err != nil {
			return err
		}
		if k := (outcomes.Key{DecisionID: e.DecisionID, EventID: e.EventID}); want[k] {
			out[k] = e
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read recorded outcome events: %w", err)
	}
	return out, nil
}

// textSet and textArg pass a set of strings as one parameter (a JSON array on both databases).
func (s *Store) textSet() string {
	if s.dialect == Postgres {
		return "IN (SELECT jsonb_array_elements_text(CAST(? AS jsonb)))"
	}
	return "IN (SELECT value FROM json_each(?))"
}

func (s *Store) textArg(v []string) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func eventFromRow(r *models.OutcomeEvent) (outcomes.Event, error) {
	st, ok := outcomes.ParseStatus(r.Status)
	if !ok {
		return outcomes.Event{}, fmt.Errorf("outcome event %s/%s: stored status %q", r.DecisionID, r.EventID, r.Status)
	}
	return outcomes.Event{DecisionID: r.DecisionID, EventID: r.EventID, ObservedAt: r.ObservedAt.UTC(), Status: st,
		OutstandingMinor: r.OutstandingMinor, WrittenOffMinor: r.WrittenOffMinor, Currency: r.Currency}, nil
}

// rowFromEvent is the row of e, an event of the decision made at decidedAt, recorded at
// recordedAt.
func rowFromEvent(e *outcomes.Event, decidedAt, recordedAt time.Time) models.OutcomeEvent {
	return models.OutcomeEvent{DecisionID: e.DecisionID, EventID: e.EventID, ObservedAt: e.ObservedAt.UTC(), Status: e.Status.String(),
		OutstandingMinor: e.OutstandingMinor, WrittenOffMinor: e.WrittenOffMinor, Currency: e.Currency, RecordedAt: recordedAt.UTC(),
		DecisionCreatedAt: decidedAt.UTC()}
}

// InsertOutcomeEvents appends events, recorded at recordedAt (multi-row INSERTs); hist holds the
// decision of each.
func (s *Store) InsertOutcomeEvents(ctx context.Context, events []outcomes.Event, hist map[string]outcomes.History, recordedAt time.Time) error {
	rows := make([]models.OutcomeEvent, len(events))
	for i := range events {
		rows[i] = rowFromEvent(&events[i], hist[events[i].DecisionID].Purchase.At, recordedAt)
	}
	batch := 500
	if s.dialect != Postgres {
		batch = 100 // the pure-Go driver binds many parameters slowly
	}
	if err := s.db.WithContext(ctx).CreateInBatches(rows, batch).Error; err != nil {
		return fmt.Errorf("append outcome events: %w", err)
	}
	return nil
}

// eventsByID reads the outcome events of the decisions of ids (one statement per month of
// theirs), those whose event id is among eventIDs when it is not nil, and calls each with each
// row.
func (s *Store) eventsByID(ctx context.Context, ids, eventIDs []string, each func(r *models.OutcomeEvent) error) error {
	for _, m := range idMonths(ids) {
		set, arg := s.idSet(m.ids)
		q, args := "SELECT e.* FROM outcome_events e WHERE e.decision_id "+set+" AND "+inMonth("e.decision_created_at"), append([]any{arg}, m.bounds()...)
		if eventIDs != nil {
			// The key index (decision_id, event_id, …) serves both.
			q, args = q+" AND e.event_id "+s.textSet(), append(args, s.textArg(eventIDs))
		}
		var rows []models.OutcomeEvent
		if err := s.db.WithContext(ctx).Raw(q, args...).Scan(&rows).Error; err != nil {
			return fmt.Errorf("read outcome events: %w", err)
		}
		for i := range rows {
			if err := each(&rows[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// OutcomeEvents returns the events of each of ids, oldest first.
func (s *Store) OutcomeEvents(ctx context.Context, ids []string) (map[string][]outcomes.RecordedEvent, error) {
	out := make(map[string][]outcomes.RecordedEvent, len(ids))
	err := s.eventsByID(ctx, ids, nil, func(r *models.OutcomeEvent) error {
		e, err := eventFromRow(r)
		if err != nil {
			return err
		}
		out[e.DecisionID] = append(out[e.DecisionID], outcomes.RecordedEvent{Event: e, RecordedAt: r.RecordedAt.UTC()})
		return nil
	})
	if err != nil {
		return nil, err
	}
	outcomes.SortEvents(out)
	return out, nil
}

// dbTime scans a time that SQLite may hand over as text (a column of a subquery loses its
// declared type) as well as a time.Time.
type dbTime struct{ t time.Time }

var sqliteTimeLayouts = []string{"2006-01-02 15:04:05.999999999-07:00", "2006-01-02T15:04:05.999999999-07:00",
	"2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999Z07:00"}

func (d *dbTime) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		d.t = time.Time{}
		return nil
	case time.Time:
		d.t = v.UTC()
		return nil
	case []byte:
		return d.Scan(string(v))
	case string:
		for _, l := range sqliteTimeLayouts {
			if t, err := time.Parse(l, strings.TrimSuffix(v, "Z")); err == nil {
				d.t = t.UTC()
				return nil
			}
		}
		return fmt.Errorf("not a time: %q", v)
	}
	return fmt.Errorf("cannot scan %T as a time", src)
}

var _ outcomes.IngestTx = (*Store)(nil)

// OutcomeImportTx runs a bulk import in one transaction. On PostgreSQL the transaction takes the
// outcome write lock exclusively first: no other writer of outcome events runs beside it
// (recordOutcomes takes it shared), so the histories it validates against stay true until it
// commits. Its rows go by COPY into a temporary staging table, dropped at commit.
func (s *Store) OutcomeImportTx(ctx context.Context, fn func(tx outcomes.ImportTx) error) error {
	if s.dialect != Postgres {
		return s.InTx(ctx, func(tx *Store) error { return fn(&sqliteImport{Store: tx}) })
	}
	return markError(s.db.WithContext(ctx).Connection(func(cdb *gorm.DB) error {
		conn, ok := cdb.Statement.ConnPool.(*sql.Conn)
		if !ok {
			return fmt.Errorf("import: connection pool is %T, not a connection", cdb.Statement.ConnPool)
		}
		return cdb.Transaction(func(db *gorm.DB) error {
			tx := s.within(db)
			if err := db.Exec("SELECT pg_advisory_xact_lock(?)", outcomeWriteLockID).Error; err != nil {
				return fmt.Errorf("lock outcome events: %w", err)
			}
			// The set-wise look-ups sort and hash a few hundred thousand rows: in memory, and
			// without JIT compilation, which cost half a second of a 200,000-row import.
			if err := db.Exec("SET LOCAL work_mem = '128MB'").Error; err != nil {
				return err
			}
			if err := db.Exec("SET LOCAL jit = off").Error; err != nil {
				return err
			}
			return fn(&pgImport{Store: tx, conn: conn})
		})
	}))
}

// pgImport stages an import on PostgreSQL. Its statements run on the transaction's connection
// through pgx directly (COPY, and scans of many rows).
type pgImport struct {
	*Store
	conn *sql.Conn
	rows []outcomes.Row
	hist map[string]outcomes.History // the staged rows' decisions
}

func (p *pgImport) pgx(fn func(pc *pgx.Conn) error) error {
	return p.conn.Raw(func(dc any) error { return fn(dc.(*stdlib.Conn).Conn()) })
}

const stagingTable = "outcome_staging"

// StageOutcomes copies the rows' keys (those whose decision id is a UUIDv7: others name no
// decision) into the staging table and reads, set-wise, the histories of their decisions and the
// events already recorded under their keys. The rows themselves stay in memory: validation runs
// them, sorted, through outcomes.Check, and InsertStagedOutcomes copies them into outcome_events.
func (p *pgImport) StageOutcomes(ctx context.Context, rows []outcomes.Row) (map[string]outcomes.History, map[outcomes.Key]outcomes.Event, error) {
	p.rows = rows
	var (
		hist     map[string]outcomes.History
		existing = map[outcomes.Key]outcomes.Event{}
	)
	err := p.pgx(func(pc *pgx.Conn) error {
		if _, err := pc.Exec(ctx, `CREATE TEMP TABLE `+stagingTable+` (
			decision_id UUID NOT NULL, event_id TEXT NOT NULL) ON COMMIT DROP`); err != nil {
			return fmt.Errorf("create staging table: %w", err)
		}
		// Only the rows that can name a decision (a UUIDv7) are staged, and their decisions are
		// read a month at a time (idMonths): the month's ids are a range of UUIDs.
		ids := make([]string, 0, len(rows))
		i := 0
		_, err := pc.CopyFrom(ctx, pgx.Identifier{stagingTable},
			[]string{"decision_id", "event_id"},
			pgx.CopyFromFunc(func() ([]any, error) {
				for ; i < len(rows); i++ {
					e := &rows[i].Event
					if _, ok := decisions.IDTime(e.DecisionID); !ok {
						continue
					}
					ids = append(ids, e.DecisionID)
					i++
					return []any{[16]byte(uuid.MustParse(e.DecisionID)), e.EventID}, nil
				}
				return nil, nil
			}))
		if err != nil {
			return fmt.Errorf("copy into the staging table: %w", err)
		}
		if _, err := pc.Exec(ctx, "ANALYZE "+stagingTable); err != nil {
			return err
		}
		hist = make(map[string]outcomes.History, len(rows)/2)
		p.hist = hist
		for _, m := range idMonths(ids) {
			lo, hi := m.idRange()
			hr, err := pc.Query(ctx, postgresPlaceholders(p.historiesQuery("decisions d")+
				"d.id IN (SELECT decision_id FROM "+stagingTable+" WHERE decision_id >= ? AND decision_id < ?)"),
				append(m.bounds(), append(m.bounds(), lo, hi)...)...)
			if err != nil {
				return fmt.Errorf("read decisions' outcome histories: %w", err)
			}
			err = scanHistories(pgxRows{hr}, hist)
			hr.Close()
			if err != nil {
				return err
			}
			if err := p.recordedStaged(ctx, pc, &m, existing); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return hist, existing, nil
}

// recordedStaged adds to existing the events already recorded under the staged keys of m's
// decisions.
func (p *pgImport) recordedStaged(ctx context.Context, pc *pgx.Conn, m *idMonth, existing map[outcomes.Key]outcomes.Event) error {
	lo, hi := m.idRange()
	er, err := pc.Query(ctx, postgresPlaceholders(`SELECT e.decision_id::text, e.event_id, e.observed_at, e.status, e.outstanding_minor, e.written_off_minor, e.currency
		FROM `+stagingTable+` s JOIN outcome_events e ON e.decision_id = s.decision_id AND e.event_id = s.event_id
		WHERE s.decision_id >= ? AND s.decision_id < ? AND `+inMonth("e.decision_created_at")), lo, hi, m.lo, m.hi)
	if err != nil {
		return fmt.Errorf("read recorded outcome events: %w", err)
	}
	defer er.Close()
	for er.Next() {
		var r models.OutcomeEvent
		if err := er.Scan(&r.DecisionID, &r.EventID, &r.ObservedAt, &r.Status, &r.OutstandingMinor, &r.WrittenOffMinor, &r.Currency); err != nil {
			return err
		}
		e, err := eventFromRow(&r)
		if err != nil {
			return err
		}
		existing[outcomes.Key{DecisionID: e.DecisionID, EventID: e.EventID}] = e
	}
	return er.Err()
}

// InsertStagedOutcomes appends the staged rows but those at skip by COPY straight into
// outcome_events, in key order (the primary key's index is then written front to back). COPY
// writes the heap in batches, which INSERT ... SELECT from the staging table does not: that cost
// twice as much.
func (p *pgImport) InsertStagedOutcomes(ctx context.Context, skip []int, recordedAt time.Time) (int64, error) {
	keep := make([]int, 0, len(p.rows)-len(skip))
	j := 0
	for i := range p.rows {
		if j < len(skip) && skip[j] == i {
			j++
			continue
		}
		keep = append(keep, i)
	}
	slices.SortFunc(keep, func(a, b int) int {
		ea, eb := &p.rows[a].Event, &p.rows[b].Event
		if c := strings.Compare(ea.DecisionID, eb.DecisionID); c != 0 {
			return c
		}
		return strings.Compare(ea.EventID, eb.EventID)
	})
	at := recordedAt.UTC()
	var n int64
	err := p.pgx(func(pc *pgx.Conn) error {
		k := 0
		var err error
		n, err = pc.CopyFrom(ctx, pgx.Identifier{"outcome_events"}, outcomeColumns, pgx.CopyFromFunc(func() ([]any, error) {
			if k == len(keep) {
				return nil, nil
			}
			e := &p.rows[keep[k]].Event
			k++
			u, err := uuid.Parse(e.DecisionID)
			if err != nil {
				return nil, err
			}
			return []any{[16]byte(u), e.EventID, e.ObservedAt, e.Status.String(), e.OutstandingMinor, e.WrittenOffMinor, e.Currency, at,
				p.hist[e.DecisionID].Purchase.At}, nil
		}))
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("insert outcome events: %w", err)
	}
	return n, nil
}

// sqliteImport stages an import on SQLite: the rows stay in memory, the look-ups are two
// queries, and the rows are written by one prepared INSERT each, all in the one transaction
// (SQLite's single writer keeps other writers off).
type sqliteImport struct {
	*Store
	rows []outcomes.Row
	hist map[string]outcomes.History // the staged rows' decisions
}

func (q *sqliteImport) StageOutcomes(ctx context.Context, rows []outcomes.Row) (map[string]outcomes.History, map[outcomes.Key]outcomes.Event, error) {
	q.rows = rows
	ids := make([]string, len(rows))
	want := make(map[outcomes.Key]bool, len(rows))
	for i := range rows {
		ids[i] = rows[i].Event.DecisionID
		want[outcomes.Key{DecisionID: rows[i].Event.DecisionID, EventID: rows[i].Event.EventID}] = true
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	hist, err := q.OutcomeHistories(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	q.hist = hist
	events, err := q.OutcomeEvents(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	existing := map[outcomes.Key]outcomes.Event{}
	for _, evs := range events {
		for _, e := range evs {
			if k := (outcomes.Key{DecisionID: e.DecisionID, EventID: e.EventID}); want[k] {
				existing[k] = e.Event
			}
		}
	}
	return hist, existing, nil
}

func (q *sqliteImport) InsertStagedOutcomes(ctx context.Context, skip []int, recordedAt time.Time) (int64, error) {
	stmt := "INSERT INTO outcome_events (" + strings.Join(outcomeColumns, ", ") + ") VALUES (?" + strings.Repeat(", ?", len(outcomeColumns)-1) + ")"
	db := q.db.WithContext(ctx)
	var n int64
	j := 0
	for i := range q.rows {
		if j < len(skip) && skip[j] == i {
			j++
			continue
		}
		r := rowFromEvent(&q.rows[i].Event, q.hist[q.rows[i].Event.DecisionID].Purchase.At, recordedAt)
		vals, err := outcomeValues(&r, false)
		if err != nil {
			return 0, err
		}
		if err := db.Exec(stmt, vals...).Error; err != nil {
			return 0, fmt.Errorf("insert outcome event of line %d: %w", q.rows[i].Line, err)
		}
		n++
	}
	return n, nil
}
