package store

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/outcomes"
	"riskconsole/internal/whatif"
	"riskconsole/models"
)

// whatIfQuery reads decisions in (created_at, id) order after a cursor, with the columns the
// what-if history keeps (the measured values in engine order). It walks the decisions_time index;
// the plain bound on created_at, which the row comparison implies, lets PostgreSQL skip the
// monthly partitions before the cursor (a row comparison does not prune them).
// It reads the engine's decisions only: a reviewer's overturn (MANUAL_REVIEW) repeats the
// purchase of the decision it overturned, which a replay would count twice.
var whatIfQuery = func() string {
	cols := []string{"created_at", "id", "market", "merchant_category", "amount_minor", "outcome", "reason_mask"}
	for i := range engine.Measures {
		cols = append(cols, engine.Measures[i].Key)
	}
	return "SELECT " + strings.Join(cols, ", ") +
		" FROM decisions WHERE created_at >= ? AND (created_at, id) > (?, ?) AND " + automatedOnly + " ORDER BY created_at, id LIMIT ?"
}()

// WhatIfScan streams up to limit decisions after the cursor, oldest first, calling fn with each
// one's market, id and what-if row (the row is reused: fn must copy what it keeps). It returns the
// cursor of the last row read and how many were read. It bypasses gorm's struct mapping: the
// what-if warm-up reads the whole history at start, and on PostgreSQL it uses pgx directly. With
// a ctx marked by WithStandbyReads (the warm-up's) it reads the standby when it may.
func (s *Store) WhatIfScan(ctx context.Context, after decisions.Cursor, limit int, fn func(market string, id uuid.UUID, r *whatif.Row) error) (decisions.Cursor, int, error) {
	s = s.readerFor(ctx)
	if s.dialect == Postgres {
		return s.whatIfScanPostgres(ctx, after, limit, fn)
	}
	return s.whatIfScanSQLite(ctx, after, limit, fn)
}

// whatIfScanner decodes one result row into the what-if row and the cursor.
type whatIfScanner struct {
	row     whatif.Row
	at      time.Time
	id      string    // SQLite
	uid     uuid.UUID // PostgreSQL, and SQLite's id parsed
	market  string
	amount  int64
	outcome string
	mask    int64
	values  [engine.NumMeasures]float64
	targets []any
	parseID bool // the id arrives as text
}

func newWhatIfScanner(id any) *whatIfScanner {
	w := &whatIfScanner{}
	w.targets = []any{&w.at, id, &w.market, &w.row.Category, &w.amount, &w.outcome, &w.mask}
	for i := range w.values {
		w.targets = append(w.targets, &w.values[i])
	}
	return w
}

// finish fills the what-if row from the scanned columns.
func (w *whatIfScanner) finish() {
	w.row.At = w.at.UnixMicro()
	w.row.Amount = float32(float64(w.amount) / 100)
	w.row.Declined = w.outcome == "DECLINED"
	w.row.Reasons = uint16(w.mask >> 1) // the column has bit r set for reason r; the row bit r-1
	for i, v := range w.values {
		w.row.Values[i] = float32(v)
	}
}

func (s *Store) whatIfScanSQLite(ctx context.Context, after decisions.Cursor, limit int, fn func(string, uuid.UUID, *whatif.Row) error) (decisions.Cursor, int, error) {
	rows, err := s.sqlDB.QueryContext(ctx, whatIfQuery, after.CreatedAt.UTC(), after.CreatedAt.UTC(), after.ID, limit)
	if err != nil {
		return after, 0, fmt.Errorf("scan decisions for what-if: %w", err)
	}
	defer rows.Close()
	w := newWhatIfScanner(nil)
	w.targets[1] = &w.id
	w.parseID = true
	return w.loop(rows, after, fn)
}

func (s *Store) whatIfScanPostgres(ctx context.Context, after decisions.Cursor, limit int, fn func(string, uuid.UUID, *whatif.Row) error) (decisions.Cursor, int, error) {
	conn, err := s.sqlDB.Conn(ctx)
	if err != nil {
		return after, 0, err
	}
	defer conn.Close()
	last, n := after, 0
	err = conn.Raw(func(dc any) error {
		afterID, err := uuid.Parse(after.ID)
		if err != nil {
			afterID = uuid.UUID{} // the zero cursor: before every decision
		}
		at := after.CreatedAt.UTC().Format(time.RFC3339Nano)
		params := [][]byte{[]byte(at), []byte(at), []byte(afterID.String()), strconv.AppendInt(nil, int64(limit), 10)}
		rr := dc.(*stdlib.Conn).Conn().PgConn().ExecParams(ctx, whatIfQueryPostgres, params, nil, nil, allBinary)
		var d whatIfDecoder
		for rr.NextRow() {
			if err := d.decode(rr.Values()); err != nil {
				rr.Close()
				return err
			}
			if err := fn(d.market, d.id, &d.row); err != nil {
				rr.Close()
				return err
			}
			n++
		}
		if _, err := rr.Close(); err != nil {
			return err
		}
		if n > 0 {
			last = decisions.Cursor{CreatedAt: time.UnixMicro(d.row.At).UTC(), ID: d.id.String()}
		}
		return nil
	})
	if err != nil {
		return after, n, fmt.Errorf("scan decisions for what-if: %w", err)
	}
	return last, n, nil
}

// whatIfQueryPostgres is whatIfQuery with PostgreSQL's placeholders; its parameters go as text
// (the server infers their types), its results come back in binary (allBinary).
var whatIfQueryPostgres = postgresPlaceholders(whatIfQuery)

// allBinary asks for every result column in PostgreSQL's binary format.
var allBinary = []int16{1}

// pgEpochMicros is PostgreSQL's timestamp epoch (2000-01-01 UTC) in unix microseconds.
const pgEpochMicros = 946_684_800_000_000

// whatIfDecoder decodes the binary columns of whatIfQuery into a what-if row, without pgx's
// type map and without an allocation per row: the warm-up reads every decision at start, and
// decoding was most of its CPU. The market and category names are interned.
type whatIfDecoder struct {
	row    whatif.Row
	id     uuid.UUID
	market string
	names  map[string]string
}

// decode reads one result row (whatIfQuery's columns, binary).
func (d *whatIfDecoder) decode(v [][]byte) error {
	if len(v) != 7+engine.NumMeasures || len(v[0]) != 8 || len(v[1]) != 16 || len(v[4]) != 8 || len(v[6]) != 4 {
		return fmt.Errorf("unexpected what-if row: %d columns", len(v))
	}
	d.row.At = int64(binary.BigEndian.Uint64(v[0])) + pgEpochMicros
	d.id = uuid.UUID(v[1])
	d.market = d.intern(v[2])
	d.row.Category = d.intern(v[3])
	d.row.Amount = float32(float64(int64(binary.BigEndian.Uint64(v[4]))) / 100)
	d.row.Declined = string(v[5]) == "DECLINED"
	d.row.Reasons = uint16(int32(binary.BigEndian.Uint32(v[6])) >> 1) // the column has bit r set for reason r; the row bit r-1
	for i := range d.row.Values {
		b := v[7+i]
		if len(b) != 8 {
			return fmt.Errorf("unexpected what-if row: measured value %d of %d bytes", i, len(b))
		}
		d.row.Values[i] = float32(math.Float64frombits(binary.BigEndian.Uint64(b)))
	}
	return nil
}

// intern returns b as a string, the same string for the same bytes (a market's or category's
// name: a handful of distinct values).
func (d *whatIfDecoder) intern(b []byte) string {
	if s, ok := d.names[string(b)]; ok {
		return s
	}
	if d.names == nil {
		d.names = map[string]string{}
	}
	s := string(b)
	d.names[s] = s
	return s
}

// rowsIter is what loop needs of database/sql's and pgx's rows.
type rowsIter interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// pgxRows adapts pgx rows to rowsIter.
type pgxRows struct{ pgx.Rows }

func (r pgxRows) Scan(dest ...any) error { return r.Rows.Scan(dest...) }

func (w *whatIfScanner) loop(rows rowsIter, after decisions.Cursor, fn func(string, uuid.UUID, *whatif.Row) error) (decisions.Cursor, int, error) {
	n := 0
	for rows.Next() {
		if err := rows.Scan(w.targets...); err != nil {
			return after, n, err
		}
		w.finish()
		if w.parseID {
			u, err := uuid.Parse(w.id)
			if err != nil {
				return after, n, fmt.Errorf("decision id %q: %w", w.id, err)
			}
			w.uid = u
		}
		if err := fn(w.market, w.uid, &w.row); err != nil {
			return after, n, err
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return after, n, err
	}
	if n == 0 {
		return after, 0, nil
	}
	return decisions.Cursor{CreatedAt: w.at.UTC(), ID: w.uid.String()}, n, nil
}

// postgresPlaceholders numbers the ? placeholders of q as $1, $2, … for pgx.
func postgresPlaceholders(q string) string {
	out := make([]byte, 0, len(q)+8)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			out = fmt.Appendf(out, "$%d", n)
			continue
		}
		out = append(out, q[i])
	}
	return string(out)
}

// DecisionIDsAt returns the ids of market's decisions made at the given times (unix
// microseconds), keyed by time: the what-if history keeps times, not ids, and names a few
// decisions by them. Two decisions of one market in the same microsecond are possible but rare;
// either id is then returned.
func (s *Store) DecisionIDsAt(ctx context.Context, market string, micros []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(micros))
	if len(micros) == 0 {
		return out, nil
	}
	times := make([]time.Time, len(micros))
	for i, us := range micros {
		times[i] = time.UnixMicro(us).UTC()
	}
	var rows []models.Decision
	err := s.db.WithContext(ctx).Select("id", "created_at").Where("market = ? AND created_at IN ?", market, times).Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("decisions by time: %w", err)
	}
	for _, r := range rows {
		out[r.CreatedAt.UnixMicro()] = r.ID
	}
	return out, nil
}

// whatIfOutcomeColumns are the columns the what-if reads of each outcome event (e), with its
// decision's (d) market, time and amount, in (decision, event time, event id) order, as
// outcomes.SortEvents orders them.
const whatIfOutcomeColumns = "SELECT e.decision_id, d.market, d.created_at, d.amount_minor, e.observed_at, e.status, e.written_off_minor"

// eventDecision joins an outcome event (e) to its decision (d) within the decision's partition.
const eventDecision = "d.id = e.decision_id AND d.created_at = e.decision_created_at"

// OutcomeMark returns the outcome events' watermark now: on PostgreSQL the snapshot's xmin (every
// transaction below it has ended), on SQLite the largest event id. WhatIfOutcomesSince(mark)
// later returns the decisions of every event not yet visible now.
func (s *Store) OutcomeMark(ctx context.Context) (int64, error) {
	var out int64
	if s.dialect == Postgres {
		var xmin string
		if err := s.db.WithContext(ctx).Raw("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").Scan(&xmin).Error; err != nil {
			return 0, fmt.Errorf("read snapshot xmin: %w", err)
		}
		v, err := strconv.ParseInt(xmin, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("parse snapshot xmin %q: %w", xmin, err)
		}
		return v, nil
	}
	if err := s.db.WithContext(ctx).Raw("SELECT COALESCE(MAX(id), 0) FROM outcome_events").Scan(&out).Error; err != nil {
		return 0, fmt.Errorf("read last outcome event: %w", err)
	}
	return out, nil
}

// WhatIfOutcomesSince returns the decisions with an outcome event written at or after the
// watermark lo (see OutcomeMark), at most limit of them, and the watermark to continue from.
func (s *Store) WhatIfOutcomesSince(ctx context.Context, lo int64, limit int) ([]uuid.UUID, int64, error) {
	hi, err := s.OutcomeMark(ctx)
	if err != nil {
		return nil, lo, err
	}
	if hi <= lo {
		return nil, lo, nil
	}
	var ids []string
	q := s.db.WithContext(ctx)
	if s.dialect == Postgres {
		// Transactions in [lo, hi) have all ended; a smaller range when there are more than limit.
		err = q.Raw("SELECT DISTINCT decision_id::text FROM outcome_events WHERE xid >= CAST(CAST(? AS TEXT) AS xid8) AND xid < CAST(CAST(? AS TEXT) AS xid8)",
			strconv.FormatInt(lo, 10), strconv.FormatInt(hi, 10)).Scan(&ids).Error
	} else {
		hi = min(hi, lo+int64(limit))
		err = q.Raw("SELECT DISTINCT decision_id FROM outcome_events WHERE id > ? AND id <= ?", lo, hi).Scan(&ids).Error
	}
	if err != nil {
		return nil, lo, fmt.Errorf("outcome events since %d: %w", lo, err)
	}
	out := make([]uuid.UUID, 0, len(ids))
	for _, id := range ids {
		u, err := uuid.Parse(id)
		if err != nil {
			return nil, lo, fmt.Errorf("decision id %q: %w", id, err)
		}
		out = append(out, u)
	}
	return out, hi, nil
}

// WhatIfOutcomes streams the outcome events of the given decisions (nil: of every decision), one
// decision at a time with its events in time order, calling fn with the decision's id, market, time
// and amount in minor units. The events slice is reused: fn must copy what it keeps.
func (s *Store) WhatIfOutcomes(ctx context.Context, ids []uuid.UUID, fn func(id uuid.UUID, market string, decidedAt time.Time, amountMinor int64, events []outcomes.Event) error) error {
	var parts []eventPart
	if ids != nil {
		if len(ids) == 0 {
			return nil
		}
		strs := make([]string, len(ids))
		for i, id := range ids {
			strs[i] = id.String()
		}
		// A part per month of the decisions (idMonths).
		for _, m := range idMonths(strs) {
			set, arg := s.idSet(m.ids)
			p := monthPart(m.lo, "d.created_at")
			p.cond, p.args = "e.decision_id "+set+" AND "+p.cond, append([]any{arg}, p.args...)
			parts = append(parts, p)
		}
	} else {
		var err error
		if parts, err = s.eventParts(ctx, "d.created_at"); err != nil {
			return err
		}
	}
	var (
		cur, id, market, status string
		at, observed            time.Time
		amount, wo              int64
		events                  []outcomes.Event
		curMarket               string
		curAt                   time.Time
		curAmount               int64
	)
	flush := func() error {
		if len(events) == 0 {
			return nil
		}
		u, err := uuid.Parse(cur)
		if err != nil {
			return fmt.Errorf("decision id %q: %w", cur, err)
		}
		err = fn(u, curMarket, curAt, curAmount, events)
		events = events[:0]
		return err
	}
	each := func(scan func(...any) error) error {
		if err := scan(&id, &market, &at, &amount, &observed, &status, &wo); err != nil {
			return err
		}
		if id != cur {
			if err := flush(); err != nil {
				return err
			}
			cur, curMarket, curAt, curAmount = id, market, at, amount
		}
		st, _ := outcomes.ParseStatus(status)
		events = append(events, outcomes.Event{ObservedAt: observed, Status: st, WrittenOffMinor: wo})
		return nil
	}
	err := s.eachEventRow(ctx, parts, func(p eventPart) string {
		from := p.from
		if from == "" {
			from = "outcome_events e JOIN decisions d ON " + eventDecision
		}
		return whatIfOutcomeColumns + " FROM " + from + p.where() + " ORDER BY e.decision_id, e.observed_at, e.event_id"
	}, each)
	if err != nil {
		return fmt.Errorf("read outcome events for what-if: %w", err)
	}
	return flush()
}

// eventPart is a part of a read of outcome events (e) holding whole decisions: the tables to read
// them from ("" for the statement's own) and a condition with its arguments.
type eventPart struct {
	from, cond string
	args       []any
}

func (p eventPart) where() string {
	if p.cond == "" {
		return ""
	}
	return " WHERE " + p.cond
}

// eventParts splits a read of every outcome event into parts: on PostgreSQL one per monthly
// partition, each read along its own primary key (sorting every event at once spilled to disk at
// a million events, and hashing their decisions too), bounding decisionTime (a column of the
// decisions joined, or "" for none) the same way so that the join reads one partition of
// decisions as well; on SQLite one part, the whole table.
func (s *Store) eventParts(ctx context.Context, decisionTime string) ([]eventPart, error) {
	if s.dialect != Postgres {
		return []eventPart{{}}, nil
	}
	months, err := s.partitionMonths(ctx, "outcome_events")
	if err != nil {
		return nil, err
	}
	parts := make([]eventPart, len(months))
	for i, m := range months {
		parts[i] = monthPart(m, decisionTime)
	}
	return parts, nil
}

// monthPart is the part of a read of outcome events of the decisions of month (a MonthStart),
// bounding decisionTime ("" for none) the same way.
func monthPart(month time.Time, decisionTime string) eventPart {
	m := idMonth{lo: month, hi: month.AddDate(0, 1, 0)}
	p := eventPart{cond: inMonth("e.decision_created_at"), args: m.bounds()}
	if decisionTime != "" {
		p.cond += " AND " + inMonth(decisionTime)
		p.args = append(p.args, m.bounds()...)
	}
	return p
}

// eachEventRow runs the statement of each part (query, with ? placeholders) in turn and calls each
// with the scan of every row; on PostgreSQL through pgx on one connection, with the decision id as
// text.
func (s *Store) eachEventRow(ctx context.Context, parts []eventPart, query func(eventPart) string, each func(scan func(...any) error) error) error {
	if s.dialect != Postgres {
		for _, p := range parts {
			rows, err := s.sqlDB.QueryContext(ctx, query(p), p.args...)
			if err != nil {
				return err
			}
			err = scanEach(rows, each)
			rows.Close()
			if err != nil {
				return err
			}
		}
		return nil
	}
	conn, err := s.sqlDB.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn()
		for _, p := range parts {
			q := postgresPlaceholders(strings.Replace(query(p), "e.decision_id,", "e.decision_id::text,", 1))
			rows, err := pc.Query(ctx, q, p.args...)
			if err != nil {
				return err
			}
			err = scanEach(pgxRows{rows}, each)
			rows.Close()
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// scanEach calls each with the scan of every row of rows.
func scanEach(rows rowsIter, each func(scan func(...any) error) error) error {
	for rows.Next() {
		if err := each(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// WhatIfOutcomeEvents streams every outcome event, one decision at a time with its events in
// time order, calling fn with the decision's id (the events slice is reused). It reads the events
// table alone, without its decisions: the what-if warm-up knows the decisions it has just read.
func (s *Store) WhatIfOutcomeEvents(ctx context.Context, fn func(id uuid.UUID, events []outcomes.Event) error) error {
	parts, err := s.eventParts(ctx, "")
	if err != nil {
		return err
	}
	var (
		cur, id  string
		observed time.Time
		status   string
		wo       int64
		events   []outcomes.Event
	)
	flush := func() error {
		if len(events) == 0 {
			return nil
		}
		u, err := uuid.Parse(cur)
		if err != nil {
			return fmt.Errorf("decision id %q: %w", cur, err)
		}
		err = fn(u, events)
		events = events[:0]
		return err
	}
	each := func(scan func(...any) error) error {
		if err := scan(&id, &observed, &status, &wo); err != nil {
			return err
		}
		if id != cur {
			if err := flush(); err != nil {
				return err
			}
			cur = id
		}
		st, _ := outcomes.ParseStatus(status)
		events = append(events, outcomes.Event{ObservedAt: observed, Status: st, WrittenOffMinor: wo})
		return nil
	}
	err = s.eachEventRow(ctx, parts, func(p eventPart) string {
		return "SELECT e.decision_id, e.observed_at, e.status, e.written_off_minor FROM outcome_events e" + p.where() +
			" ORDER BY e.decision_id, e.observed_at, e.event_id"
	}, each)
	if err != nil {
		return fmt.Errorf("read outcome events for what-if: %w", err)
	}
	return flush()
}
