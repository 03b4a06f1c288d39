package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"riskconsole/internal/analytics"
	"riskconsole/internal/thresholds"
	"riskconsole/models"
)

// sqliteRollupChunk bounds the decisions one aggregator transaction adds on SQLite, where the
// transaction holds the database's only write lock and assessments wait for it.
const sqliteRollupChunk = 50_000

// rollupStatementTimeout is PostgreSQL's statement_timeout inside an aggregator pass: the first
// pass after a bulk load counts millions of decisions written by one transaction, which cannot be
// split, and takes longer than a request may.
const rollupStatementTimeout = "30min"

// automatedOnly is the condition on decisions that keeps the engine's own: decline rates, their
// rollups and the what-if count each purchase once, as the engine decided it at checkout, and a
// reviewer's overturn (a MANUAL_REVIEW decision for the same purchase) would count it twice.
// Repayment vintages count every approved decision: an overturn's approval is a loan.
const automatedOnly = "kind = 'AUTOMATED'"

// hourExpr is the start of a decision's UTC hour in Unix seconds.
func (s *Store) hourExpr() string {
	if s.dialect == Postgres {
		return "(floor(extract(epoch FROM created_at) / 3600)::bigint * 3600)"
	}
	return "(unixepoch(created_at) / 3600 * 3600)"
}

// dimensionExpr is the expression of a dimension over the decisions table.
func (s *Store) dimensionExpr(d analytics.Dimension) string {
	if d != analytics.Reason {
		return d.Column()
	}
	// The first of the comma-separated ranked reasons.
	if s.dialect == Postgres {
		return "split_part(reasons, ',', 1)"
	}
	return "CASE WHEN instr(reasons, ',') > 0 THEN substr(reasons, 1, instr(reasons, ',') - 1) ELSE reasons END"
}

// declinedExpr counts declines in an aggregate over decisions.
const declinedExpr = "CAST(SUM(CASE WHEN outcome = 'DECLINED' THEN 1 ELSE 0 END) AS BIGINT)"

// AdvanceRollups adds the decisions past the watermark to every table and moves the watermark,
// in one transaction; see the rollup_state table of migration 00005 for why no decision is
// missed or counted twice. On PostgreSQL a pass that finds another replica's pass running does
// nothing. On SQLite one pass adds at most sqliteRollupChunk decisions; more reports whether
// decisions are left for another pass. state.AdvancedAt becomes at when the pass catches up.
func (s *Store) AdvanceRollups(ctx context.Context, tables []analytics.Table, at time.Time) (analytics.Pass, error) {
	var p analytics.Pass
	err := s.InTx(ctx, func(tx *Store) error {
		if s.dialect == Postgres {
			if err := tx.db.Exec("SET LOCAL statement_timeout = '" + rollupStatementTimeout + "'").Error; err != nil {
				return err
			}
		}
		var wm []int64
		if err := tx.db.Raw("SELECT watermark FROM rollup_state WHERE id = 1" + s.skipLocked()).Scan(&wm).Error; err != nil {
			return fmt.Errorf("read rollup watermark: %w", err)
		}
		if len(wm) == 0 {
			p.Skipped = true // another replica's pass holds the row
			return nil
		}
		lo := wm[0]
		var hi int64
		var rangeCond string
		if s.dialect == Postgres {
			// Transactions below the snapshot's xmin have all ended: their decisions are final.
			var xmin string
			if err := tx.db.Raw("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").Scan(&xmin).Error; err != nil {
				return fmt.Errorf("read snapshot xmin: %w", err)
			}
			var err error
			if hi, err = strconv.ParseInt(xmin, 10, 64); err != nil {
				return fmt.Errorf("parse snapshot xmin %q: %w", xmin, err)
			}
			rangeCond = "xid >= CAST(CAST(? AS TEXT) AS xid8) AND xid < CAST(CAST(? AS TEXT) AS xid8)"
		} else {
			// The write lock is held: every row up to max(rowid) is committed.
			if err := tx.db.Raw("SELECT COALESCE(MAX(rowid), 0) FROM decisions").Scan(&hi).Error; err != nil {
				return fmt.Errorf("read last decision: %w", err)
			}
			if hi-lo > sqliteRollupChunk {
				hi, p.More = lo+sqliteRollupChunk, true
			}
			rangeCond = "rowid > ? AND rowid <= ?"
		}
		if hi > lo {
			bounds := []any{lo, hi}
			if s.dialect == Postgres {
				bounds = []any{strconv.FormatInt(lo, 10), strconv.FormatInt(hi, 10)}
			}
			if err := tx.db.Raw("SELECT COUNT(*) FROM decisions WHERE "+rangeCond, bounds...).Scan(&p.Added).Error; err != nil {
				return fmt.Errorf("count new decisions: %w", err)
			}
			if p.Added > 0 {
				for _, t := range tables {
					if err := tx.db.Exec(tx.rollupInsert(t, rangeCond), bounds...).Error; err != nil {
						return fmt.Errorf("add to %s: %w", t.Name, err)
					}
				}
				if err := tx.db.Exec(tx.vintageInsert(rangeCond), bounds...).Error; err != nil {
					return fmt.Errorf("add to rollup_vintage: %w", err)
				}
				if err := tx.addShadowRollups(rangeCond, bounds); err != nil {
					return err
				}
			}
		}
		upd := map[string]any{"watermark": max(hi, lo)}
		if !p.More {
			upd["advanced_at"] = at.UTC()
		}
		return tx.db.Table("rollup_state").Where("id = 1").Updates(upd).Error
	})
	if err != nil {
		return analytics.Pass{}, fmt.Errorf("advance rollups: %w", err)
	}
	if s.dialect == Postgres && p.Added >= rollupMaintainAfter {
		if err := s.maintainRollups(ctx, tables); err != nil {
			return p, err
		}
	}
	return p, nil
}

// rollupMaintainAfter is the size of a pass (a bulk load, the first pass over existing
// decisions) after which the rollup tables are vacuumed and analyzed at once rather than when
// autovacuum comes round: until then the planner has no statistics of them and their indexes
// cannot answer alone (index-only scans need the visibility map).
var rollupMaintainAfter int64 = 50_000 // a variable for tests

// maintainRollups runs VACUUM (ANALYZE) on each table, on a connection of its own with the long
// statement timeout of a pass (VACUUM cannot run in a transaction).
func (s *Store) maintainRollups(ctx context.Context, tables []analytics.Table) error {
	conn, err := s.sqlDB.Conn(ctx)
	if err != nil {
		return markError(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SET statement_timeout = '"+rollupStatementTimeout+"'"); err != nil {
		return markError(err)
	}
	// The pool's connections keep their configured timeout: RESET returns to it, and a connection
	// that cannot be reset is discarded rather than returned to the pool with the long one.
	defer func() {
		if _, err := conn.ExecContext(context.WithoutCancel(ctx), "RESET statement_timeout"); err != nil {
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	names := []string{"rollup_vintage", "rollup_shadow_hour"} // kept by the same pass
	for _, t := range tables {
		names = append(names, t.Name)
	}
	for _, name := range names {
		if _, err := conn.ExecContext(ctx, "VACUUM (ANALYZE) "+name); err != nil {
			return fmt.Errorf("vacuum %s: %w", name, markError(err))
		}
	}
	return nil
}

// rollupInsert is the statement that adds the decisions matching rangeCond to t.
func (s *Store) rollupInsert(t analytics.Table, rangeCond string) string {
	dims := t.Dims.List()
	cols := make([]string, 0, len(dims)+1)
	exprs := make([]string, 0, len(dims)+1)
	groups := make([]string, 0, len(dims)+1)
	cols, exprs = append(cols, "hour"), append(exprs, s.hourExpr())
	for i, d := range dims {
		cols = append(cols, d.Column())
		exprs = append(exprs, s.dimensionExpr(d))
		groups = append(groups, strconv.Itoa(i+2))
	}
	return "INSERT INTO " + t.Name + " (" + strings.Join(cols, ", ") + ", assessed, declined) " +
		"SELECT " + strings.Join(exprs, ", ") + ", COUNT(*), " + declinedExpr + " FROM decisions WHERE " + automatedOnly + " AND " + rangeCond +
		" GROUP BY 1, " + strings.Join(groups, ", ") +
		" ON CONFLICT (" + strings.Join(cols, ", ") + ") DO UPDATE SET assessed = " + t.Name + ".assessed + excluded.assessed, " +
		"declined = " + t.Name + ".declined + excluded.declined"
}

// RollupState returns where the aggregator stands.
func (s *Store) RollupState(ctx context.Context) (analytics.State, error) {
	var at []sql.NullTime
	if err := s.db.WithContext(ctx).Raw("SELECT advanced_at FROM rollup_state WHERE id = 1").Scan(&at).Error; err != nil {
		return analytics.State{}, fmt.Errorf("read rollup state: %w", err)
	}
	var st analytics.State
	if len(at) == 1 && at[0].Valid {
		st.AdvancedAt = at[0].Time.UTC()
	}
	return st, nil
}

// AggregateRollup answers q from the rollup table t, calling each for every row as it is read;
// from the standby when it may (reader).
func (s *Store) AggregateRollup(ctx context.Context, t analytics.Table, q analytics.Query, each func(analytics.Row) error) error {
	return s.reader(ctx).aggregateRollup(ctx, t, q, each)
}

func (s *Store) aggregateRollup(ctx context.Context, t analytics.Table, q analytics.Query, each func(analytics.Row) error) error {
	if need := q.Group | q.Filtered; t.Dims&need != need {
		return fmt.Errorf("%s does not have every dimension of the query", t.Name)
	}
	column := func(d analytics.Dimension) string { return d.Column() }
	where, args := s.aggregateWhere(q, "hour >= ? AND hour < ?", []any{q.From, q.To}, column)
	return s.aggregate(ctx, q, "hour", column, "CAST(SUM(assessed) AS BIGINT) AS a, CAST(SUM(declined) AS BIGINT) AS d", t.Name, where, args, each)
}

// AggregateDecisions answers q from the decisions table: the same counts as a rollup holds;
// from the standby when it may (reader).
func (s *Store) AggregateDecisions(ctx context.Context, q analytics.Query, each func(analytics.Row) error) error {
	return s.reader(ctx).aggregateDecisions(ctx, q, each)
}

func (s *Store) aggregateDecisions(ctx context.Context, q analytics.Query, each func(analytics.Row) error) error {
	where, args := s.aggregateWhere(q, automatedOnly+" AND created_at >= ? AND created_at < ?",
		[]any{time.Unix(q.From, 0).UTC(), time.Unix(q.To, 0).UTC()}, s.dimensionExpr)
	if q.MinAmountMinor != nil {
		where, args = where+" AND amount_minor >= ?", append(args, *q.MinAmountMinor)
	}
	if q.MaxAmountMinor != nil {
		where, args = where+" AND amount_minor <= ?", append(args, *q.MaxAmountMinor)
	}
	return s.aggregate(ctx, q, s.hourExpr(), s.dimensionExpr, "COUNT(*) AS a, "+declinedExpr+" AS d", "decisions", where, args, each)
}

// aggregate runs SELECT <hour or bucket>, <q's group dimensions>, <counts, named a and d> FROM table WHERE
// <where, with its args> GROUP BY the hour or bucket and the dimensions. On PostgreSQL, with
// q.Buckets, the hours are summed into their buckets by the database (width_bucket over the
// starts), so a series of days reads one row per day and group rather than 24; with one bucket
// (or q.Top) both databases answer one row per group. With q.Top the database also ranks the
// groups and keeps the first, so that no more than q.Top rows ever leave it.
func (s *Store) aggregate(ctx context.Context, q analytics.Query, hour string, expr func(analytics.Dimension) string,
	counts, table, where string, args []any, each func(analytics.Row) error) error {
	var selArgs []any
	switch {
	case q.Top > 0:
		hour, selArgs = "CAST(? AS BIGINT)", []any{q.From}
	case len(q.Buckets) == 1:
		hour, selArgs = "CAST(? AS BIGINT)", []any{q.Buckets[0]}
	case s.dialect == Postgres && len(q.Buckets) > 0:
		starts := make([]string, len(q.Buckets))
		for i, b := range q.Buckets {
			starts[i] = strconv.FormatInt(b, 10)
		}
		arr := "{" + strings.Join(starts, ",") + "}"
		hour = "(CAST(? AS BIGINT[]))[width_bucket(" + hour + ", CAST(? AS BIGINT[]))]"
		selArgs = []any{arr, arr}
	}
	dims := q.Group.List()
	sel, group := []string{hour + " AS h"}, []string{"1"}
	for i, d := range dims {
		sel, group = append(sel, expr(d)+" AS k"+strconv.Itoa(i)), append(group, strconv.Itoa(i+2))
	}
	if len(q.Keys) > 0 && len(dims) > 0 {
		var keys []string
		for _, k := range q.Keys {
			conds := make([]string, len(dims))
			for i, d := range dims {
				conds[i] = expr(d) + " = ?"
				args = append(args, dimensionValue(d, k[d]))
			}
			keys = append(keys, "("+strings.Join(conds, " AND ")+")")
		}
		where += " AND (" + strings.Join(keys, " OR ") + ")"
	}
	if q.Top > 0 && q.Group.Has(analytics.Reason) {
		where += " AND " + expr(analytics.Reason) + " <> ''" // approvals are in no reason's series
	}
	stmt := "SELECT " + strings.Join(sel, ", ") + ", " + counts + " FROM " + table + " WHERE " + where + " GROUP BY " + strings.Join(group, ", ")
	args = append(selArgs, args...)
	if q.Top > 0 {
		// Ranked in the database: most declines first, ties in the byte order of the values.
		cols, order := []string{"h"}, []string{"d DESC"}
		for i := range dims {
			k := "k" + strconv.Itoa(i)
			cols, order = append(cols, k), append(order, s.byteOrder("CAST("+k+" AS TEXT)"))
		}
		stmt = "SELECT " + strings.Join(cols, ", ") + ", a, d, COUNT(*) OVER () FROM (" + stmt + ") g ORDER BY " +
			strings.Join(order, ", ") + " LIMIT ?"
		args = append(args, q.Top)
	}
	return s.scanAggregate(ctx, q, stmt, args, each)
}

// byteOrder orders a text expression by its bytes, as Go compares strings.
func (s *Store) byteOrder(text string) string {
	if s.dialect == Postgres {
		return text + ` COLLATE "C"`
	}
	return text // SQLite's default collation, BINARY
}

// dimensionValue is a dimension's value as its column holds it.
func dimensionValue(d analytics.Dimension, v string) any {
	if d == analytics.ThresholdVersion {
		id, _ := strconv.ParseInt(v, 10, 64) // formatted from an int64 by the analytics package or read from the column
		return id
	}
	return v
}

// aggregateWhere adds q's equality conditions, over the expressions expr gives, to a time range.
func (s *Store) aggregateWhere(q analytics.Query, timeRange string, args []any, expr func(analytics.Dimension) string) (string, []any) {
	where := timeRange
	for _, d := range q.Filtered.List() {
		where, args = where+" AND "+expr(d)+" = ?", append(args, dimensionValue(d, q.Equal[d]))
	}
	return where, args
}

// scanAggregate runs an aggregate whose columns are the hour, the group's dimensions in order,
// then the counts of decisions and declines (and with q.Top the number of groups), calling each
// for every row.
func (s *Store) scanAggregate(ctx context.Context, q analytics.Query, stmt string, args []any, each func(analytics.Row) error) error {
	rows, err := s.db.WithContext(ctx).Raw(stmt, args...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	dims := q.Group.List()
	dest := make([]any, 0, len(dims)+4)
	for rows.Next() {
		var r analytics.Row
		dest = append(dest[:0], &r.Hour)
		for _, d := range dims {
			dest = append(dest, &r.Key[d])
		}
		dest = append(dest, &r.Assessed, &r.Declined)
		if q.Top > 0 {
			dest = append(dest, &r.Groups)
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		if err := each(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// PublishedImpact returns the what-if impact stored with the draft that published the version.
func (s *Store) PublishedImpact(ctx context.Context, versionID int64) (thresholds.Impact, bool, error) {
	var row models.ThresholdDraft
	err := s.db.WithContext(ctx).Where("published_version_id = ?", versionID).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return thresholds.Impact{}, false, nil
	}
	if err != nil {
		return thresholds.Impact{}, false, fmt.Errorf("read draft of threshold version %d: %w", versionID, err)
	}
	d, err := draftFromRow(&row)
	if err != nil || d.Impact == nil {
		return thresholds.Impact{}, false, err
	}
	return *d.Impact, true, nil
}
