package retention

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/market"
)

// The retention job carries out the plan: on each server, at an interval, one server at a time
// (the turn), it asks the Situation which months are due and removes them through the retention
// path. A month whose every market is due, unheld and under DELETE, and that has no undecided
// review case, leaves whole (Remover.PurgeMonth: on PostgreSQL its partitions are dropped), with
// its review cases. Otherwise each market whose duty has ended has its
// decisions of the month removed by batches, deleted or anonymised as its policy says, except
// those a hold in force selects, which the retention path skips itself (the month stays while a
// hold touches it). Every batch is recorded in the audit log in its own transaction.

// ActionRun records a run of the job that removed something, with what it removed per market
// and month, after its batches (each recorded with its own event).
const ActionRun = "retention.run"

const entityJob = "retention_job"

// Removal is what a run removed of one month: of one market, or of every market when the month
// was purged whole (Purged, Market empty).
type Removal struct {
	Market        string    `json:"market,omitempty"`
	Month         time.Time `json:"month"`
	After         Action    `json:"after"`
	Purged        bool      `json:"purged,omitempty"`
	Decisions     int64     `json:"decisions"`
	OutcomeEvents int64     `json:"outcomeEvents"`
	// Batches is the number of transactions (and audit events) it took.
	Batches int `json:"batches"`
}

// Run is one run of the job.
type Run struct {
	StartedAt, FinishedAt time.Time
	Removed               []Removal
	// Unlinked is the number of decisions the run unlinked from shoppers whose erasure waited
	// (JobOptions.Erasures).
	Unlinked int64
	// Error is what failed, empty when the run succeeded.
	Error string
}

// JobState is the job's last run as recorded by whichever server ran it; times are nil before
// the first.
type JobState struct {
	StartedAt, FinishedAt, SucceededAt, NextRunAt *time.Time
	Error                                         string
	Removed                                       []Removal
}

// JobStore is what the job needs of the console's storage: its turn and record, and the months
// that hold decisions.
type JobStore interface {
	// ClaimRetentionTurn takes the turn for me at now until lease, when no other server holds it
	// and the next run is due; it reports whether it did.
	ClaimRetentionTurn(ctx context.Context, me string, now, lease time.Time) (bool, error)
	// FinishRetentionRun records me's run and gives the turn up; next is when the next may start.
	FinishRetentionRun(ctx context.Context, me string, run *Run, next time.Time) error
	RetentionJobState(ctx context.Context) (JobState, error)
	DecisionMonths(ctx context.Context, f Filter) ([]time.Time, error)
	// UndecidedCasesIn reports whether a decision of the month has an undecided review case: a
	// pending claim, which keeps its decision (the retention path skips it).
	UndecidedCasesIn(ctx context.Context, month time.Time) (bool, error)
	// DecisionPartitionMonths returns the months that have storage of their own (PostgreSQL's
	// monthly partitions), empty or not; nil where there is none (SQLite).
	DecisionPartitionMonths(ctx context.Context) ([]time.Time, error)
	AppendAudit(ctx context.Context, e *audit.Event) error
}

// Remover is the retention path (on PostgreSQL the retention role): the only one that may remove
// decisions. keepFrom is the first month kept; each call records its work in the audit log.
type Remover interface {
	// PurgeMonth removes the whole month of every market.
	PurgeMonth(ctx context.Context, month, keepFrom time.Time) (Removal, error)
	// RemoveMarketMonth removes market's decisions of month that no hold in force selects, by
	// batches, until none is left: deleted, or anonymised.
	RemoveMarketMonth(ctx context.Context, market string, month, keepFrom time.Time, anonymise bool) (Removal, error)
}

// JobOptions configure a Job.
type JobOptions struct {
	// ID names this server in the turn (a host name and process id, say).
	ID string
	// Every is how long after a run the next may start, on whichever server.
	Every time.Duration
	// Prepare runs before each run once the turn is taken: the app closes the ended months, so
	// that every month the job touches has the record VerifyDecisions holds it to.
	Prepare func(ctx context.Context) error
	// OnRemoved is told of each removal (the metrics).
	OnRemoved func(Removal)
	// Erasures carries out the erasure requests that became due at now (erasure.Service.CarryOutDue,
	// which asks this package's plan), after the removals of the run, and returns the decisions it
	// unlinked. Nil: the job carries out none.
	Erasures func(ctx context.Context, now time.Time) (unlinked int64, err error)
}

// Job is the retention job of one server.
type Job struct {
	svc     *Service
	store   JobStore
	remover Remover
	opts    JobOptions
}

// NewJob returns the job carrying out svc's plan through remover; st keeps its turn and record.
func NewJob(svc *Service, st JobStore, remover Remover, opts JobOptions) *Job {
	if opts.Every <= 0 {
		opts.Every = time.Hour
	}
	return &Job{svc: svc, store: st, remover: remover, opts: opts}
}

// Every returns the job's interval.
func (j *Job) Every() time.Duration { return j.opts.Every }

// State returns the job's last run.
func (j *Job) State(ctx context.Context) (JobState, error) { return j.store.RetentionJobState(ctx) }

// RunOnce runs the job if it is this server's turn and returns the run, or nil when it was not
// (another server's run is going on, or the last one was less than Every ago). A run's failure
// is recorded in its state and returned.
func (j *Job) RunOnce(ctx context.Context) (*Run, error) {
	if j.remover == nil {
		return nil, errors.New("retention job: no retention path (RETENTION_DATABASE_URL)")
	}
	start := j.svc.clock()
	// The turn lasts Every: a run that outlives it may be joined by another server's, which is
	// safe (each batch removes what is left and records what it removed) but wasted work.
	ok, err := j.store.ClaimRetentionTurn(ctx, j.opts.ID, start, start.Add(j.opts.Every))
	if err != nil || !ok {
		return nil, err
	}
	ctx = auth.WithPrincipal(ctx, auth.SystemPrincipal("retention"))
	run := &Run{StartedAt: start}
	err = j.act(ctx, run)
	run.FinishedAt = j.svc.clock()
	if err != nil {
		run.Error = err.Error()
	}
	if len(run.Removed) > 0 || run.Unlinked > 0 {
		e := audit.NewEvent(ctx, ActionRun, entityJob, start.Format(time.RFC3339Nano), nil, recordRun(run), outcomeOf(run))
		err = errors.Join(err, j.store.AppendAudit(context.WithoutCancel(ctx), e))
	}
	return run, errors.Join(err, j.store.FinishRetentionRun(context.WithoutCancel(ctx), j.opts.ID, run, start.Add(j.opts.Every)))
}

// act removes what the plan says is due, month by month, oldest first. A month that fails does
// not stop the others; the errors are joined.
func (j *Job) act(ctx context.Context, run *Run) error {
	if j.opts.Prepare != nil {
		if err := j.opts.Prepare(ctx); err != nil {
			return fmt.Errorf("prepare: %w", err)
		}
	}
	sit, _, err := j.svc.Situation(ctx, nil)
	if err != nil {
		return err
	}
	var months []time.Time
	for _, m := range market.All {
		ms, err := j.store.DecisionMonths(ctx, Filter{Market: m.Code})
		if err != nil {
			return err
		}
		months = append(months, ms...)
	}
	slices.SortFunc(months, time.Time.Compare)
	months = slices.CompactFunc(months, time.Time.Equal)
	var errs []error
	for _, month := range months {
		if err := j.actOn(ctx, sit, sit.Partition(month), run); err != nil {
			errs = append(errs, err)
		}
	}
	if err := j.dropEmpty(ctx, sit); err != nil {
		errs = append(errs, err)
	}
	if j.opts.Erasures != nil {
		n, err := j.opts.Erasures(ctx, sit.Now())
		run.Unlinked = n
		if err != nil {
			errs = append(errs, fmt.Errorf("erasures: %w", err))
		}
	}
	return errors.Join(errs...)
}

// actOn removes what is due of one month: whole when it may, else market by market.
func (j *Job) actOn(ctx context.Context, sit *Situation, pp PartitionPlan, run *Run) error {
	keepFrom := AddMonths(pp.Month, 1)
	whole := pp.State == Due && !slices.ContainsFunc(pp.Markets, func(mp MonthPlan) bool { return mp.After != Delete })
	if whole {
		open, err := j.store.UndecidedCasesIn(ctx, pp.Month)
		if err != nil {
			return err
		}
		whole = !open
	}
	if whole {
		r, err := j.remover.PurgeMonth(ctx, pp.Month, keepFrom)
		j.record(run, r)
		return err
	}
	var errs []error
	for _, mp := range pp.Markets {
		if !sit.DutyEnded(mp) {
			continue
		}
		r, err := j.remover.RemoveMarketMonth(ctx, mp.Market, pp.Month, keepFrom, mp.After == Anonymise)
		j.record(run, r)
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// dropEmpty drops the storage of past months that no longer hold a decision once every market's
// duty over them has ended and no hold touches them (Remover.PurgeMonth of an empty month): a month
// removed market by market (one market anonymises, whose rows move out of decisions; a hold or an
// undecided review case kept part of it) would otherwise leave its empty partitions for good, and
// each costs every statement over decisions some planning. The purge records the month as purged
// with nothing in it, which is what VerifyDecisions then holds it to.
func (j *Job) dropEmpty(ctx context.Context, sit *Situation) error {
	parts, err := j.store.DecisionPartitionMonths(ctx)
	if err != nil || len(parts) == 0 {
		return err
	}
	full := map[time.Time]bool{}
	for _, m := range market.All {
		ms, err := j.store.DecisionMonths(ctx, Filter{Market: m.Code})
		if err != nil {
			return err
		}
		for _, month := range ms {
			full[month] = true
		}
	}
	var errs []error
	for _, month := range parts {
		if full[month] || !month.Before(MonthOf(sit.Now())) || sit.Partition(month).State != Due {
			continue
		}
		if _, err := j.remover.PurgeMonth(ctx, month, AddMonths(month, 1)); err != nil {
			errs = append(errs, fmt.Errorf("drop the empty month %s: %w", month.Format("2006-01"), err))
		}
	}
	return errors.Join(errs...)
}

// record adds r to run when it removed anything.
func (j *Job) record(run *Run, r Removal) {
	if r.Decisions == 0 && r.OutcomeEvents == 0 {
		return
	}
	run.Removed = append(run.Removed, r)
	if j.opts.OnRemoved != nil {
		j.opts.OnRemoved(r)
	}
}

func outcomeOf(run *Run) audit.Outcome {
	if run.Error != "" {
		return audit.Failed
	}
	return audit.Done
}

// recordRun is what the audit log keeps of a run: the counts per market and month.
func recordRun(run *Run) any {
	months := make([]map[string]any, len(run.Removed))
	for i, r := range run.Removed {
		market := r.Market
		if r.Purged {
			market = "*"
		}
		months[i] = map[string]any{"market": market, "month": r.Month.Format("2006-01"), "after": r.After,
			"decisions": r.Decisions, "outcomeEvents": r.OutcomeEvents, "batches": r.Batches}
	}
	return map[string]any{"startedAt": run.StartedAt, "finishedAt": run.FinishedAt, "removed": months, "unlinked": run.Unlinked,
		"error": run.Error}
}
