package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"riskconsole/internal/audit"
	"riskconsole/internal/auditlog"
	"riskconsole/internal/retention"
	"riskconsole/models"
)

// The retention job's storage (issue 18): one market's due decisions of a month removed in
// batches (deleted, or anonymised), each batch one transaction with its audit record, and the
// job's turn and last run (retention_job_state, migration 15).

// amountBandExpr is the band of decision d's amount, from the amount_bands table (migration 15),
// the one declaration of the bands in each database.
const amountBandExpr = "(SELECT b.label FROM amount_bands b WHERE b.lower_minor <= d.amount_minor ORDER BY b.lower_minor DESC LIMIT 1)"

// notHeldSQLite selects decision d unless a legal hold in force selects it: the filter of
// retention.Filter, as retention_remove applies it on PostgreSQL.
const notHeldSQLite = `NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.status = 'SUBMITTED'
	AND (h.market = '' OR h.market = d.market)
	AND (h.from_at IS NULL OR d.created_at >= h.from_at)
	AND (h.to_at IS NULL OR d.created_at < h.to_at)
	AND (h.shopper_id = '' OR h.shopper_id = d.shopper_id)
	AND (h.merchant_id = '' OR h.merchant_id = d.merchant_id))`

// RemoveMarketMonth removes market's decisions of the UTC month starting at month that no legal
// hold in force selects, with their outcome events: deleted, or with anonymise first copied,
// stripped of the shopper and with the amount banded, into anonymised_decisions. keepFrom is the
// market's first month kept (from the plan): month must be before it and before the current
// month. It works in batches of purgeBatch decisions, each one transaction that writes its audit
// record (ActionMarketMonthRemoved, with the batch's count and digest) with it, until none is
// left: an interrupted call is finished by calling again. On PostgreSQL it runs retention_remove
// (the retention role), which reads the holds itself.
func (s *Store) RemoveMarketMonth(ctx context.Context, market string, month, keepFrom time.Time, anonymise bool) (retention.Removal, error) {
	month, keepFrom = month.UTC(), keepFrom.UTC()
	after := retention.Delete
	if anonymise {
		after = retention.Anonymise
	}
	out := retention.Removal{Market: market, Month: month, After: after}
	if err := validatePurge(month, keepFrom, now()); err != nil {
		return out, err
	}
	for {
		b, err := s.removeRecordedBatch(ctx, market, month, keepFrom, after)
		if err != nil {
			return out, fmt.Errorf("remove the decisions of %s %s: %w", market, month.Format(auditlog.MonthLayout), err)
		}
		if b.Decisions == 0 {
			return out, nil
		}
		out.Decisions += b.Decisions
		out.OutcomeEvents += b.OutcomeEvents
		out.Batches++
	}
}

// removeRecordedBatch removes one batch and records it, in one transaction; a batch that finds
// nothing to remove records nothing.
func (s *Store) removeRecordedBatch(ctx context.Context, market string, month, keepFrom time.Time, after retention.Action) (MonthPurge, error) {
	var b MonthPurge
	err := s.InTx(ctx, func(tx *Store) error {
		var err error
		if b, err = tx.removeBatch(ctx, market, month, keepFrom, after == retention.Anonymise); err != nil || b.Decisions == 0 {
			return err
		}
		rec := auditlog.MonthRecord{Month: month.Format(auditlog.MonthLayout), Decisions: b.Decisions, OutcomeEvents: b.OutcomeEvents,
			Digest: b.Digest, Market: market, After: string(after)}
		return tx.appendAudit(ctx, audit.NewEvent(ctx, auditlog.ActionMarketMonthRemoved, auditlog.EntityDecisionMonth, rec.Month, nil, rec, audit.Done))
	})
	return b, err
}

// removeBatch removes one batch in tx.
func (tx *Store) removeBatch(ctx context.Context, market string, month, keepFrom time.Time, anonymise bool) (MonthPurge, error) {
	out := MonthPurge{Month: month}
	if tx.dialect == Postgres {
		err := scanRow(tx.db.WithContext(ctx).Raw("SELECT decisions, outcome_events, digest FROM retention_remove(?, CAST(? AS date), CAST(? AS date), ?, ?)",
			market, month.Format(time.DateOnly), keepFrom.Format(time.DateOnly), anonymise, purgeBatch),
			&out.Decisions, &out.OutcomeEvents, &out.Digest)
		return out, err
	}
	b, err := tx.deleteBatchSQLite(ctx, month, "d.market = ? AND "+notHeldSQLite, []any{market}, anonymise)
	out.Decisions, out.OutcomeEvents, out.Digest = b.decisions, b.events, b.digest.String()
	return out, err
}

// ClaimRetentionTurn takes the retention job's turn for me at now, until lease, when no other
// server holds it and the next run is due (next_run_at, set by the last run, not after now);
// either set beyond lease (more than a turn ahead) does not count. The
// state row is read FOR UPDATE SKIP LOCKED on PostgreSQL, as the rollups read theirs (skipLocked):
// a server that finds another's claim in progress does not wait. It reports whether the turn is
// me's.
func (s *Store) ClaimRetentionTurn(ctx context.Context, me string, now, lease time.Time) (bool, error) {
	claimed := false
	err := s.InTx(ctx, func(tx *Store) error {
		var (
			holder              string
			leaseUntil, nextRun dbTime
		)
		err := scanRow(tx.db.WithContext(ctx).Raw("SELECT holder, lease_until, next_run_at FROM retention_job_state WHERE id = 1"+s.skipLocked()),
			&holder, &leaseUntil, &nextRun)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return nil // another server is claiming it
		case err != nil:
			return fmt.Errorf("read the retention job's state: %w", err)
		}
		// A lease or a next run further ahead than a whole turn was not written by a run (an
		// insider with the console's role, say, keeping the job off): it is ignored.
		if leaseUntil.t.After(now) && !leaseUntil.t.After(lease) && holder != me {
			return nil // another server's run is going on
		}
		if nextRun.t.After(now) && !nextRun.t.After(lease) {
			return nil // the last run was recent
		}
		claimed = true
		return tx.db.WithContext(ctx).Exec("UPDATE retention_job_state SET holder = ?, lease_until = ?, last_started_at = ? WHERE id = 1",
			me, lease.UTC(), now.UTC()).Error
	})
	return claimed, err
}

// skipLocked is the clause that makes a read of a state row skip it while another transaction
// holds it (PostgreSQL); SQLite's single writer needs none.
func (s *Store) skipLocked() string {
	if s.dialect == Postgres {
		return " FOR UPDATE SKIP LOCKED"
	}
	return ""
}

// FinishRetentionRun records the end of holder's run: when it finished, whether it succeeded
// (runErr nil), what it removed, and when the next may start; it gives the turn up.
func (s *Store) FinishRetentionRun(ctx context.Context, holder string, run *retention.Run, next time.Time) error {
	removed, err := json.Marshal(run.Removed)
	if err != nil {
		return err
	}
	upd := map[string]any{"holder": "", "lease_until": nil, "next_run_at": next.UTC(), "last_finished_at": run.FinishedAt.UTC(),
		"last_error": run.Error, "last_removed": string(removed)}
	if run.Error == "" {
		upd["last_success_at"] = run.FinishedAt.UTC()
	}
	res := s.db.WithContext(ctx).Model(&models.RetentionJobState{}).Where("id = 1 AND holder = ?", holder).Updates(upd)
	if res.Error != nil {
		return fmt.Errorf("record the retention run: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return errors.New("record the retention run: the turn was taken over (the lease ran out)")
	}
	return nil
}

// RetentionJobState returns the job's last run as recorded by whichever server ran it.
func (s *Store) RetentionJobState(ctx context.Context) (retention.JobState, error) {
	var row struct {
		LastStartedAt  dbTime
		LastFinishedAt dbTime
		LastSuccessAt  dbTime
		NextRunAt      dbTime
		LastError      string
		LastRemoved    string
	}
	err := scanRow(s.db.WithContext(ctx).Raw("SELECT last_started_at, last_finished_at, last_success_at, next_run_at, last_error, last_removed FROM retention_job_state WHERE id = 1"),
		&row.LastStartedAt, &row.LastFinishedAt, &row.LastSuccessAt, &row.NextRunAt, &row.LastError, &row.LastRemoved)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return retention.JobState{}, fmt.Errorf("read the retention job's state: %w", err)
	}
	out := retention.JobState{StartedAt: row.LastStartedAt.time(), FinishedAt: row.LastFinishedAt.time(),
		SucceededAt: row.LastSuccessAt.time(), NextRunAt: row.NextRunAt.time(), Error: row.LastError}
	if row.LastRemoved != "" {
		if err := json.Unmarshal([]byte(row.LastRemoved), &out.Removed); err != nil {
			return out, fmt.Errorf("read the retention job's last removals: %w", err)
		}
	}
	return out, nil
}

// time returns the instant d holds, nil for NULL.
func (d dbTime) time() *time.Time {
	if d.t.IsZero() {
		return nil
	}
	t := d.t.UTC()
	return &t
}
