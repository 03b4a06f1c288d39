package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auditlog"
)

// The purge primitive: the one path that removes decisions (issue 18). The retention policy
// decides which months leave; PurgeMonth removes one. On PostgreSQL it runs through the retention
// role (RETENTION_DATABASE_URL), the only role besides the owner that may run purge_month; on
// SQLite, where there are no roles, through the console's own database.

// MonthPurge is what PurgeMonth removed of one month.
type MonthPurge struct {
	Month         time.Time
	Decisions     int64
	OutcomeEvents int64
	// Keys is the number of decision_keys rows removed by this call (PostgreSQL).
	Keys int64
	// Digest is the XOR of the last 8 bytes of the purged decisions' ids (monthDigest).
	Digest string
	// Already is set when the month had been purged before: the counts are those recorded then.
	Already bool
}

// purgeBatch is the number of rows one batch of the purge removes: decision keys on PostgreSQL,
// decisions (with their events) on SQLite, where each batch holds the database's one write lock.
var purgeBatch = 5000 // a variable for tests

// purgeAttempts bounds how often PurgeMonth tries again when purge_month could not get its locks
// within its lock_timeout (a long reader of decisions) or lost a deadlock.
const purgeAttempts = 5

// PurgeMonth removes every decision of the UTC month starting at month, with its outcome events,
// and records it: the audit event ActionMonthPurged (with the counts and the decisions' digest,
// the tombstone VerifyDecisions holds the month to) and the purged_months row. keepFrom is the
// first month the caller keeps: month must be before it and before the current month. A month
// purged before is not purged again (Already). Invalid months are an *apperr.ValidationError
// naming month or keepFrom.
//
// On PostgreSQL purge_month drops the month's partitions and the audit event is written in the
// same transaction; the month's decision keys are then removed in batches (row locks only). On
// SQLite the rows are deleted in batches of purgeBatch decisions, each batch its own transaction:
// the first records ActionMonthPurgeStarted, the last marks the month purged and records
// ActionMonthPurged; an interrupted purge is finished by calling PurgeMonth again.
func (s *Store) PurgeMonth(ctx context.Context, month, keepFrom time.Time) (MonthPurge, error) {
	if err := validatePurge(month, keepFrom, now()); err != nil {
		return MonthPurge{}, err
	}
	month = month.UTC()
	var (
		out MonthPurge
		err error
	)
	if s.dialect == Postgres {
		out, err = s.purgeMonthPostgres(ctx, month, keepFrom.UTC())
	} else {
		out, err = s.purgeMonthSQLite(ctx, month)
	}
	if err != nil {
		return out, fmt.Errorf("purge %s: %w", month.Format(auditlog.MonthLayout), err)
	}
	return out, nil
}

// UndecidedCasesIn reports whether a decision of the UTC month starting at month has a review
// case not yet decided: a pending claim, which keeps its decision, so that the month cannot leave
// whole (the retention job then removes the rest of it market by market). The month's decisions
// are the range of ids of its time (idMonth.idRange).
func (s *Store) UndecidedCasesIn(ctx context.Context, month time.Time) (bool, error) {
	m := idMonth{lo: month.UTC(), hi: month.UTC().AddDate(0, 1, 0)}
	lo, hi := m.idRange()
	// EXISTS stops at the first such case; the month may hold many.
	var open bool
	err := scanRow(s.db.WithContext(ctx).Raw("SELECT EXISTS (SELECT 1 FROM review_cases c WHERE c.decision_id >= ? AND c.decision_id < ? AND c."+undecided+")",
		lo.String(), hi.String()), &open)
	if err != nil {
		return false, fmt.Errorf("read the month's undecided review cases: %w", err)
	}
	return open, nil
}

// validatePurge checks PurgeMonth's arguments at time now.
func validatePurge(month, keepFrom, now time.Time) error {
	var ve apperr.ValidationError
	if !month.Equal(auditlog.MonthStart(month)) {
		ve.Add("month", "must be the start of a UTC month")
	}
	if !keepFrom.Equal(auditlog.MonthStart(keepFrom)) {
		ve.Add("keepFrom", "must be the start of a UTC month")
	}
	switch {
	case !month.Before(keepFrom):
		ve.Add("month", "must be before keepFrom (%s), the first month kept", keepFrom.UTC().Format(auditlog.MonthLayout))
	case !month.Before(auditlog.MonthStart(now)):
		ve.Add("month", "must be before the current month")
	}
	return ve.Err()
}

// purgeRecord is the audit event of a purge's step.
func purgeRecord(ctx context.Context, action string, p *MonthPurge) *audit.Event {
	name := p.Month.Format(auditlog.MonthLayout)
	rec := auditlog.MonthRecord{Month: name, Decisions: p.Decisions, OutcomeEvents: p.OutcomeEvents, Digest: p.Digest}
	return audit.NewEvent(ctx, action, auditlog.EntityDecisionMonth, name, nil, rec, audit.Done)
}

func (s *Store) purgeMonthPostgres(ctx context.Context, month, keepFrom time.Time) (MonthPurge, error) {
	out := MonthPurge{Month: month}
	day := month.Format(time.DateOnly)
	err := retryLocks(ctx, func() error {
		return s.InTx(ctx, func(tx *Store) error {
			err := scanRow(tx.db.WithContext(ctx).Raw("SELECT decisions, outcome_events, digest, already FROM purge_month(CAST(? AS date), CAST(? AS date))",
				day, keepFrom.Format(time.DateOnly)), &out.Decisions, &out.OutcomeEvents, &out.Digest, &out.Already)
			if err != nil || out.Already {
				return err
			}
			// The parent tables stay locked until this transaction ends: the audit event is
			// written at once, behind the audit chain's advisory lock (audit writers are short).
			return tx.appendAudit(ctx, purgeRecord(ctx, auditlog.ActionMonthPurged, &out))
		})
	})
	if err != nil {
		return out, err
	}
	s.months.forget(month)
	for {
		var n int64
		if err := scanRow(s.db.WithContext(ctx).Raw("SELECT purge_decision_keys(CAST(? AS date), ?)", day, purgeBatch), &n); err != nil {
			return out, fmt.Errorf("remove the month's decision keys: %w", markError(err))
		}
		out.Keys += n
		if n == 0 {
			return out, nil
		}
	}
}

// retryLocks runs fn until it does not fail for want of a lock (lock_not_available, from a
// lock_timeout) or in a deadlock, at most purgeAttempts times, waiting longer each time.
func retryLocks(ctx context.Context, fn func() error) error {
	wait := 200 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := fn()
		var pgErr *pgconn.PgError
		if err == nil || attempt == purgeAttempts || !errors.As(err, &pgErr) || (pgErr.Code != "55P03" && pgErr.Code != "40P01") {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait *= 2
	}
}

// Purge states of purged_months on SQLite.
const (
	purging = "PURGING"
	purged  = "PURGED"
)

func (s *Store) purgeMonthSQLite(ctx context.Context, month time.Time) (MonthPurge, error) {
	out := MonthPurge{Month: month}
	// A decision with an undecided review case stays (the batches skip it), so the month cannot
	// leave whole; purge_month refuses it on PostgreSQL.
	if open, err := s.UndecidedCasesIn(ctx, month); err != nil || open {
		if err == nil {
			err = fmt.Errorf("a review case of the month is undecided: %w", apperr.ErrConflict)
		}
		return out, err
	}
	var state string
	err := scanRow(s.db.WithContext(ctx).Raw("SELECT decisions, outcome_events, digest, state FROM purged_months WHERE month = ?", month),
		&out.Decisions, &out.OutcomeEvents, &out.Digest, &state)
	switch {
	case err == nil && state == purged:
		out.Already = true
		return out, nil
	case err == nil:
		// Resume the purge an earlier call began.
	case errors.Is(err, sql.ErrNoRows):
		out.Digest = monthDigest(0).String()
		err = s.InTx(ctx, func(tx *Store) error {
			if err := tx.db.Exec("INSERT INTO purged_months (month, decisions, outcome_events, digest, purged_at, state) VALUES (?, 0, 0, ?, ?, ?)",
				month, out.Digest, now(), purging).Error; err != nil {
				return err
			}
			return tx.appendAudit(ctx, purgeRecord(ctx, auditlog.ActionMonthPurgeStarted, &out))
		})
		if err != nil {
			return out, err
		}
	default:
		return out, err
	}
	digest, err := strconv.ParseUint(out.Digest, 16, 64)
	if err != nil {
		return out, fmt.Errorf("digest %q of the purge begun: %w", out.Digest, err)
	}
	d := monthDigest(digest)
	for done := false; !done; {
		err := s.InTx(ctx, func(tx *Store) error {
			db := tx.db.WithContext(ctx)
			b, err := tx.deleteBatchSQLite(ctx, month, "", nil, false)
			if err != nil {
				return err
			}
			d ^= b.digest
			out.Decisions += b.decisions
			out.OutcomeEvents += b.events
			out.Digest = d.String()
			upd := map[string]any{"decisions": out.Decisions, "outcome_events": out.OutcomeEvents, "digest": out.Digest}
			if done = b.decisions == 0; done {
				upd["state"], upd["purged_at"] = purged, now()
			}
			if err := db.Table("purged_months").Where("month = ?", month).Updates(upd).Error; err != nil {
				return err
			}
			if done {
				return tx.appendAudit(ctx, purgeRecord(ctx, auditlog.ActionMonthPurged, &out))
			}
			return nil
		})
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

// sqliteBatch is what one batch of deletions removed.
type sqliteBatch struct {
	decisions, events int64
	digest            monthDigest
}

// deleteBatchSQLite deletes, in tx, up to purgeBatch decisions of the UTC month starting at month
// that also meet the condition where (with its args; "" for all), with their outcome events, under
// a purge permit of the month: the permit lets the DELETEs through the append-only triggers and
// is removed before the commit. With anonymise it first copies them, stripped, into
// anonymised_decisions.
func (tx *Store) deleteBatchSQLite(ctx context.Context, month time.Time, where string, args []any, anonymise bool) (sqliteBatch, error) {
	var out sqliteBatch
	db := tx.db.WithContext(ctx)
	end := month.AddDate(0, 1, 0)
	if err := db.Exec("INSERT INTO purge_permits (month_start, month_end) VALUES (?, ?)", month, end).Error; err != nil {
		return out, err
	}
	var batch []struct {
		Rowid int64
		ID    string
	}
	// A decision whose review case is undecided is a pending claim: it stays.
	q := "SELECT rowid, id FROM decisions d WHERE created_at >= ? AND created_at < ? AND NOT EXISTS (SELECT 1 FROM review_cases c WHERE c.decision_id = d.id AND c." + undecided + ")"
	if where != "" {
		q += " AND " + where
	}
	if err := db.Raw(q+" LIMIT ?", append(append([]any{month, end}, args...), purgeBatch)...).Scan(&batch).Error; err != nil {
		return out, err
	}
	ids, rowids := make([]string, len(batch)), make([]int64, len(batch))
	for i, r := range batch {
		ids[i], rowids[i] = r.ID, r.Rowid
		out.digest.add(r.ID)
	}
	rowidSet, _ := json.Marshal(rowids) // integers always marshal
	if anonymise {
		if err := db.Exec(`INSERT INTO anonymised_decisions (market, decision_month, kind, channel, merchant_id, merchant_name,
	merchant_category, currency, amount_band, outcome, reasons, anonymised_at)
SELECT d.market, ?, d.kind, d.channel, d.merchant_id, d.merchant_name, d.merchant_category, d.currency, `+amountBandExpr+`,
	d.outcome, d.reasons, ? FROM decisions d WHERE d.rowid IN (SELECT value FROM json_each(?))`, month, now(), string(rowidSet)).Error; err != nil {
			return out, err
		}
	}
	set, arg := tx.idSet(ids)
	// The review cases of the batch's decisions, with their notices, leave with them.
	if err := db.Exec("DELETE FROM review_notices WHERE case_id IN (SELECT id FROM review_cases WHERE decision_id "+set+")", arg).Error; err != nil {
		return out, err
	}
	if err := db.Exec("DELETE FROM review_cases WHERE decision_id "+set, arg).Error; err != nil {
		return out, err
	}
	events := db.Exec("DELETE FROM outcome_events WHERE decision_id "+set, arg)
	if events.Error != nil {
		return out, events.Error
	}
	decs := db.Exec("DELETE FROM decisions WHERE rowid IN (SELECT value FROM json_each(?))", string(rowidSet))
	if decs.Error != nil {
		return out, decs.Error
	}
	if err := db.Exec("DELETE FROM purge_permits").Error; err != nil {
		return out, err
	}
	out.decisions, out.events = decs.RowsAffected, events.RowsAffected
	return out, nil
}
