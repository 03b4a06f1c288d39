package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"riskconsole/internal/analytics"
	"riskconsole/internal/outcomes"
	"riskconsole/models"
)

// monthExpr is the start of a decision's UTC month in Unix seconds (its vintage).
func (s *Store) monthExpr() string {
	if s.dialect == Postgres {
		return "CAST(extract(epoch FROM date_trunc('month', created_at, 'UTC')) AS BIGINT)"
	}
	return "unixepoch(created_at, 'start of month')"
}

// vintageInsert is the statement that adds the approvals among the decisions matching rangeCond
// to rollup_vintage.
func (s *Store) vintageInsert(rangeCond string) string {
	return "INSERT INTO rollup_vintage (month, market, merchant_category, threshold_version_id, approved, approved_minor) " +
		"SELECT " + s.monthExpr() + ", market, merchant_category, threshold_version_id, COUNT(*), CAST(SUM(amount_minor) AS BIGINT) " +
		"FROM decisions WHERE outcome = 'APPROVED' AND " + rangeCond + " GROUP BY 1, 2, 3, 4 " +
		"ON CONFLICT (market, month, merchant_category, threshold_version_id) DO UPDATE SET " +
		"approved = rollup_vintage.approved + excluded.approved, approved_minor = rollup_vintage.approved_minor + excluded.approved_minor"
}

// outcomeWatermark is where the outcome aggregator stands. On PostgreSQL every event of a
// transaction below xid is counted, and when decision is set, those of transaction xid whose
// decision id is below it. On SQLite xid is the last event id counted.
type outcomeWatermark struct {
	xid      int64
	decision string // "" for none
}

// AdvanceOutcomeRollups adds the next batch of outcome events (about batch of them: a decision's
// events of one transaction are never split) past the outcome watermark to rollup_vintage_outcome
// and moves the watermark, in one transaction. Events are read in (xid, decision_id) order on
// PostgreSQL, below the snapshot's xmin as the decision rollups are (so an event of a transaction
// that commits late is counted by a later pass, never missed), and in id order on SQLite.
//
// A decision's first month at each level depends on its earlier events, which may have been
// counted by earlier passes, and an event committed late may even come before them in time. So
// the pass reads every counted event of each decision it touches and adds the difference between
// what the decision contributes with the batch and what it contributed without it.
func (s *Store) AdvanceOutcomeRollups(ctx context.Context, batch int) (analytics.Pass, error) {
	var p analytics.Pass
	err := s.InTx(ctx, func(tx *Store) error {
		var lo, hi outcomeWatermark
		var w eventWindow
		if s.dialect == Postgres {
			if err := tx.db.Exec("SET LOCAL statement_timeout = '" + rollupStatementTimeout + "'").Error; err != nil {
				return err
			}
			var st []struct {
				X int64
				D sql.NullString
			}
			if err := tx.db.Raw("SELECT outcome_watermark AS x, CAST(outcome_watermark_decision AS TEXT) AS d FROM rollup_state WHERE id = 1 FOR UPDATE SKIP LOCKED").Scan(&st).Error; err != nil {
				return fmt.Errorf("read outcome watermark: %w", err)
			}
			if len(st) == 0 {
				p.Skipped = true
				return nil
			}
			lo = outcomeWatermark{xid: st[0].X, decision: st[0].D.String}
			var xmin string
			if err := tx.db.Raw("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").Scan(&xmin).Error; err != nil {
				return fmt.Errorf("read snapshot xmin: %w", err)
			}
			top, err := strconv.ParseInt(xmin, 10, 64)
			if err != nil {
				return fmt.Errorf("parse snapshot xmin %q: %w", xmin, err)
			}
			hi = outcomeWatermark{xid: top}
			// The batch's end: the (xid, decision) batch events on, if there are that many; past
			// lo's own key if one decision has more events than that in one transaction.
			from, fromArgs := lo.compare(">=")
			for _, q := range []struct {
				cond string
				args []any
				skip int
			}{{from, fromArgs, batch}, {"", nil, 0}} {
				if q.cond == "" {
					q.cond, q.args = lo.compare(">")
				}
				var bound []struct{ X, D string }
				if err := tx.db.Raw("SELECT CAST(xid AS TEXT) AS x, CAST(decision_id AS TEXT) AS d FROM outcome_events WHERE "+alias(q.cond, "")+
					" AND xid < CAST(CAST(? AS TEXT) AS xid8) ORDER BY xid, decision_id OFFSET ? LIMIT 1",
					append(append([]any{}, q.args...), strconv.FormatInt(top, 10), q.skip)...).Scan(&bound).Error; err != nil {
					return fmt.Errorf("find the batch's end: %w", err)
				}
				if len(bound) == 0 {
					break
				}
				x, err := strconv.ParseInt(bound[0].X, 10, 64)
				if err != nil {
					return fmt.Errorf("parse xid %q: %w", bound[0].X, err)
				}
				if b := (outcomeWatermark{xid: x, decision: bound[0].D}); b != lo {
					hi, p.More = b, true
					break
				}
			}
			below, belowArgs := hi.compare("<")
			w.batch, w.batchArgs = from+" AND "+below, append(append([]any{}, fromArgs...), belowArgs...)
			w.counted, w.countedArgs = lo.compare("<")
			w.upTo, w.upToArgs = below, belowArgs
		} else {
			if err := tx.db.Raw("SELECT outcome_watermark FROM rollup_state WHERE id = 1").Scan(&lo.xid).Error; err != nil {
				return fmt.Errorf("read outcome watermark: %w", err)
			}
			// The write lock is held: every event up to max(id) is committed.
			if err := tx.db.Raw("SELECT COALESCE(MAX(id), 0) FROM outcome_events").Scan(&hi.xid).Error; err != nil {
				return fmt.Errorf("read last outcome event: %w", err)
			}
			if hi.xid-lo.xid > int64(batch) {
				hi.xid, p.More = lo.xid+int64(batch), true
			}
			w.batch, w.batchArgs = "{e}id > ? AND {e}id <= ?", []any{lo.xid, hi.xid}
			w.counted, w.countedArgs = "{e}id <= ?", []any{lo.xid}
			w.upTo, w.upToArgs = "{e}id <= ?", []any{hi.xid}
		}
		if hi != lo {
			n, err := tx.addOutcomes(&w)
			if err != nil {
				return err
			}
			p.Added = n
		}
		upd := map[string]any{"outcome_watermark": hi.xid}
		if s.dialect == Postgres {
			upd["outcome_watermark_decision"] = sql.NullString{String: hi.decision, Valid: hi.decision != ""}
		}
		return tx.db.Table("rollup_state").Where("id = 1").Updates(upd).Error
	})
	if err != nil {
		return analytics.Pass{}, fmt.Errorf("advance outcome rollups: %w", err)
	}
	return p, nil
}

// compare is the condition that an event's (xid, decision_id) is op ("<", ">=" or ">") the
// watermark on PostgreSQL, with its arguments; {e} stands for the columns' table alias. Without a
// decision the watermark stands before every event of its transaction.
func (w outcomeWatermark) compare(op string) (string, []any) {
	x := strconv.FormatInt(w.xid, 10)
	if w.decision == "" {
		if op == ">" {
			op = ">="
		}
		return "{e}xid " + op + " CAST(CAST(? AS TEXT) AS xid8)", []any{x}
	}
	return "({e}xid, {e}decision_id) " + op + " (CAST(CAST(? AS TEXT) AS xid8), CAST(? AS UUID))", []any{x, w.decision}
}

// eventWindow is what one pass reads of outcome_events: conditions with their arguments, {e}
// standing for the columns' table alias.
type eventWindow struct {
	batch       string // the events this pass adds
	batchArgs   []any
	counted     string // the events earlier passes added
	countedArgs []any
	upTo        string // both
	upToArgs    []any
}

// vintageKey is a row of rollup_vintage_outcome.
type vintageKey struct {
	month     int64
	market    string
	category  string
	versionID int64
	mob       int
}

// vintageDelta is what a pass adds to a row of rollup_vintage_outcome.
type vintageDelta struct {
	reached    [outcomes.NumLevels]int64
	writtenOff int64
}

// outcomeRow is an event as the aggregator reads it, with its decision.
type outcomeRow struct {
	DecisionID string
	CreatedAt  time.Time
	Market     string
	Category   string
	VersionID  int64
	ObservedAt time.Time
	Status     string
	WrittenOff int64
	New        bool // in this pass's batch
}

// alias puts prefix (a table alias and a dot, or "") before the columns of a watermark condition.
func alias(cond, prefix string) string { return strings.ReplaceAll(cond, "{e}", prefix) }

// addOutcomes adds the events of the window's batch to rollup_vintage_outcome and returns how
// many there were. The batch's decisions are read first, then every event of theirs up to the
// batch's end by decision (an index lookup each, whatever the planner knows of a table a bulk
// load has just filled).
func (s *Store) addOutcomes(w *eventWindow) (int64, error) {
	var ids []string
	if err := s.db.Raw("SELECT DISTINCT CAST(decision_id AS TEXT) FROM outcome_events WHERE "+alias(w.batch, ""), w.batchArgs...).Scan(&ids).Error; err != nil {
		return 0, fmt.Errorf("read the batch's decisions: %w", err)
	}
	if len(ids) == 0 {
		return 0, nil
	}
	deltas := map[vintageKey]*vintageDelta{}
	var added int64
	var cur []outcomeRow
	flush := func() error {
		if len(cur) > 0 {
			if err := contribute(cur, deltas); err != nil {
				return err
			}
		}
		cur = cur[:0]
		return nil
	}
	// A statement per month of the decisions (idMonths); a decision's events are all in its own.
	for _, m := range idMonths(ids) {
		set, arg := s.idSet(m.ids)
		args := append(append(append(append([]any{}, w.countedArgs...), arg), append(m.bounds(), m.bounds()...)...), w.upToArgs...)
		stmt := "SELECT CAST(e.decision_id AS TEXT), d.created_at, d.market, d.merchant_category, d.threshold_version_id, " +
			"e.observed_at, e.status, e.written_off_minor, CASE WHEN " + alias(w.counted, "e.") + " THEN 0 ELSE 1 END " +
			"FROM outcome_events e JOIN decisions d ON " + eventDecision + " WHERE e.decision_id " + set +
			" AND " + inMonth("e.decision_created_at") + " AND " + inMonth("d.created_at") + " AND " + alias(w.upTo, "e.") +
			" ORDER BY e.decision_id, e.observed_at"
		rows, err := s.db.Raw(stmt, args...).Rows()
		if err != nil {
			return 0, fmt.Errorf("read outcome events: %w", err)
		}
		for rows.Next() {
			var r outcomeRow
			var isNew int64
			if err := rows.Scan(&r.DecisionID, &r.CreatedAt, &r.Market, &r.Category, &r.VersionID, &r.ObservedAt, &r.Status, &r.WrittenOff, &isNew); err != nil {
				rows.Close()
				return 0, fmt.Errorf("read outcome event: %w", err)
			}
			r.New = isNew == 1
			if r.New {
				added++
			}
			if len(cur) > 0 && cur[0].DecisionID != r.DecisionID {
				if err := flush(); err != nil {
					rows.Close()
					return 0, err
				}
			}
			cur = append(cur, r)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return 0, fmt.Errorf("read outcome events: %w", err)
		}
	}
	if err := flush(); err != nil {
		return 0, err
	}
	return added, s.upsertVintageOutcomes(deltas)
}

// contribute adds to deltas what one decision's events (in time order) add to the rollup: what
// all of them contribute less what those counted before this pass did.
func contribute(events []outcomeRow, deltas map[vintageKey]*vintageDelta) error {
	slices.SortStableFunc(events, func(a, b outcomeRow) int { return a.ObservedAt.Compare(b.ObservedAt) })
	d := &events[0]
	key := vintageKey{month: monthOf(d.CreatedAt), market: d.Market, category: d.Category, versionID: d.VersionID}
	add := func(mob int, sign int64, level int, wo int64) {
		k := key
		k.mob = mob
		v := deltas[k]
		if v == nil {
			v = &vintageDelta{}
			deltas[k] = v
		}
		if level >= 0 {
			v.reached[level] += sign
		}
		v.writtenOff += sign * wo
	}
	for pass, sign := range [2]int64{1, -1} { // with the batch, then without it
		var first [outcomes.NumLevels]bool
		var written int64
		for i := range events {
			e := &events[i]
			if pass == 1 && e.New {
				continue
			}
			st, ok := outcomes.ParseStatus(e.Status)
			if !ok {
				return fmt.Errorf("decision %s: unknown outcome status %q", e.DecisionID, e.Status)
			}
			mob := outcomes.MonthsBetween(d.CreatedAt, e.ObservedAt)
			for l := range outcomes.NumLevels {
				if !first[l] && reachesLevel(st, outcomes.Level(l)) {
					first[l] = true
					add(mob, sign, l, 0)
				}
			}
			if e.WrittenOff != written {
				add(mob, sign, -1, e.WrittenOff-written)
				written = e.WrittenOff
			}
		}
	}
	return nil
}

// reachesLevel reports whether a decision in status st has reached level l (RECOVERED comes only
// after a charge-off, so it is at every level).
func reachesLevel(st outcomes.Status, l outcomes.Level) bool {
	switch st {
	case outcomes.ChargedOff, outcomes.Recovered:
		return true
	case outcomes.Late30to59, outcomes.Late60to89, outcomes.Late90Plus:
		return st >= l.Status()
	}
	return false
}

// monthOf returns the start of t's UTC month in Unix seconds.
func monthOf(t time.Time) int64 {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).Unix()
}

// vintageUpsertRows bounds the rows of one upsert statement.
const vintageUpsertRows = 500

// upsertVintageOutcomes adds deltas to rollup_vintage_outcome, leaving out rows that add nothing.
func (s *Store) upsertVintageOutcomes(deltas map[vintageKey]*vintageDelta) error {
	const head = "INSERT INTO rollup_vintage_outcome (month, market, merchant_category, threshold_version_id, mob, " +
		"reached_30, reached_60, reached_90, charged_off, written_off_minor) VALUES "
	const tail = " ON CONFLICT (market, month, merchant_category, threshold_version_id, mob) DO UPDATE SET " +
		"reached_30 = rollup_vintage_outcome.reached_30 + excluded.reached_30, " +
		"reached_60 = rollup_vintage_outcome.reached_60 + excluded.reached_60, " +
		"reached_90 = rollup_vintage_outcome.reached_90 + excluded.reached_90, " +
		"charged_off = rollup_vintage_outcome.charged_off + excluded.charged_off, " +
		"written_off_minor = rollup_vintage_outcome.written_off_minor + excluded.written_off_minor"
	var values []string
	var args []any
	write := func() error {
		if len(values) == 0 {
			return nil
		}
		err := s.db.Exec(head+strings.Join(values, ", ")+tail, args...).Error
		values, args = values[:0], args[:0]
		if err != nil {
			return fmt.Errorf("add to rollup_vintage_outcome: %w", err)
		}
		return nil
	}
	for k, v := range deltas {
		if *v == (vintageDelta{}) {
			continue
		}
		values = append(values, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
		args = append(args, k.month, k.market, k.category, k.versionID, k.mob, v.reached[0], v.reached[1], v.reached[2], v.reached[3], v.writtenOff)
		if len(values) == vintageUpsertRows {
			if err := write(); err != nil {
				return err
			}
		}
	}
	return write()
}

// reachedColumns are rollup_vintage_outcome's columns per level.
var reachedColumns = [outcomes.NumLevels]string{"reached_30", "reached_60", "reached_90", "charged_off"}

// vintageWhere is the group expression and the conditions of q over the vintage rollups.
func vintageWhere(q analytics.VintageQuery) (group, where string, args []any) {
	group = "''"
	switch q.Group {
	case analytics.VintageByThresholdVersion:
		group = "CAST(threshold_version_id AS TEXT)"
	case analytics.VintageByMerchantCategory:
		group = "merchant_category"
	}
	where, args = "market = ? AND month >= ? AND month < ?", []any{q.Market, q.From, q.To}
	if q.MerchantCategory != "" {
		where, args = where+" AND merchant_category = ?", append(args, q.MerchantCategory)
	}
	if q.ThresholdVersionID != 0 {
		where, args = where+" AND threshold_version_id = ?", append(args, q.ThresholdVersionID)
	}
	return group, where, args
}

// VintageCells reads the approvals of q's vintages (and groups) that have any, oldest first, at
// most limit of them, and counts them all: the database counts, so that a question with too many
// series is refused before they are read. It reads the standby when it may (reader).
func (s *Store) VintageCells(ctx context.Context, q analytics.VintageQuery, limit int) ([]analytics.VintageCell, int, error) {
	group, where, args := vintageWhere(q)
	rows, err := s.reader(ctx).db.WithContext(ctx).Raw("SELECT m, g, a, v, COUNT(*) OVER () FROM (SELECT month AS m, "+group+" AS g, "+
		"CAST(SUM(approved) AS BIGINT) AS a, CAST(SUM(approved_minor) AS BIGINT) AS v FROM rollup_vintage WHERE "+where+
		" GROUP BY 1, 2 HAVING SUM(approved) > 0) c ORDER BY 1, 2 LIMIT ?", append(args, limit)...).Rows()
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var cells []analytics.VintageCell
	var n int
	for rows.Next() {
		var c analytics.VintageCell
		if err := rows.Scan(&c.Month, &c.Group, &c.Approved, &c.ApprovedMinor, &n); err != nil {
			return nil, 0, err
		}
		cells = append(cells, c)
	}
	return cells, n, rows.Err()
}

// VintageOutcomes reads the outcome rollups of q, summed over what q does not group by; from the
// standby when it may (reader).
func (s *Store) VintageOutcomes(ctx context.Context, q analytics.VintageQuery) ([]analytics.VintageOutcomeCell, error) {
	if q.Level >= outcomes.NumLevels {
		return nil, fmt.Errorf("unknown level %d", q.Level)
	}
	group, where, args := vintageWhere(q)
	rows, err := s.reader(ctx).db.WithContext(ctx).Raw("SELECT month, "+group+", mob, CAST(SUM("+reachedColumns[q.Level]+") AS BIGINT), CAST(SUM(written_off_minor) AS BIGINT) "+
		"FROM rollup_vintage_outcome WHERE "+where+" GROUP BY 1, 2, 3", args...).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var outs []analytics.VintageOutcomeCell
	for rows.Next() {
		var o analytics.VintageOutcomeCell
		if err := rows.Scan(&o.Month, &o.Group, &o.Mob, &o.Reached, &o.WrittenOffMinor); err != nil {
			return nil, err
		}
		outs = append(outs, o)
	}
	return outs, rows.Err()
}

// PredictedBadRate returns the bad rate (badRateProposed) the what-if impact stored with the draft
// that published the version predicted; nil when no draft did or its impact has none.
func (s *Store) PredictedBadRate(ctx context.Context, versionID int64) (*float64, error) {
	var row models.ThresholdDraft
	err := s.db.WithContext(ctx).Where("published_version_id = ?", versionID).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read draft of threshold version %d: %w", versionID, err)
	}
	if row.Impact == nil {
		return nil, nil
	}
	var imp struct {
		BadRateProposed *float64 `json:"badRateProposed"`
	}
	if err := json.Unmarshal([]byte(*row.Impact), &imp); err != nil {
		return nil, fmt.Errorf("decode the impact of threshold version %d: %w", versionID, err)
	}
	return imp.BadRateProposed, nil
}
