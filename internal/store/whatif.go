package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/whatif"
	"riskconsole/models"
)

// whatIfQuery reads decisions in (created_at, id) order after a cursor, with the columns the
// what-if history keeps (the measured values in engine order). It walks the decisions_time index.
var whatIfQuery = func() string {
	cols := []string{"created_at", "id", "market", "merchant_category", "amount_minor", "outcome", "reason_mask"}
	for i := range engine.Measures {
		cols = append(cols, engine.Measures[i].Key)
	}
	return "SELECT " + strings.Join(cols, ", ") +
		" FROM decisions WHERE (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?"
}()

// WhatIfScan streams up to limit decisions after the cursor, oldest first, calling fn with each
// one's market, id and what-if row (the row is reused: fn must copy what it keeps). It returns the
// cursor of the last row read and how many were read. It bypasses gorm's struct mapping: the
// what-if warm-up reads the whole history at start, and on PostgreSQL it uses pgx directly.
func (s *Store) WhatIfScan(ctx context.Context, after decisions.Cursor, limit int, fn func(market string, id uuid.UUID, r *whatif.Row) error) (decisions.Cursor, int, error) {
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
	rows, err := s.sqlDB.QueryContext(ctx, whatIfQuery, after.CreatedAt.UTC(), after.ID, limit)
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
		pc := dc.(*stdlib.Conn).Conn()
		afterID, err := uuid.Parse(after.ID)
		if err != nil {
			afterID = uuid.UUID{} // the zero cursor: before every decision
		}
		rows, err := pc.Query(ctx, postgresPlaceholders(whatIfQuery), after.CreatedAt.UTC(), afterID, limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		w := newWhatIfScanner(nil)
		w.targets[1] = &w.uid
		last, n, err = w.loop(pgxRows{rows}, after, fn)
		return err
	})
	if err != nil {
		return after, n, fmt.Errorf("scan decisions for what-if: %w", err)
	}
	return last, n, nil
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
