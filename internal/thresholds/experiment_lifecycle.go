package thresholds

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/approval"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
)

// Audit actions of shadows and splits, one event per step.
const (
	ActionShadowStart  = "threshold.shadow_start"
	ActionShadowStop   = "threshold.shadow_stop"
	ActionSplitRequest = "threshold.split_request"
	ActionSplitApprove = "threshold.split_approve"
	ActionSplitReject  = "threshold.split_reject"
	ActionSplitStop    = "threshold.split_stop"
)

// Entity types of their audit events.
const (
	entityShadow       = "threshold_shadow"
	entitySplitRequest = "threshold_split_request"
	entitySplit        = "threshold_split"
)

// ExperimentTx is what shadows and splits need from storage inside one transaction.
type ExperimentTx interface {
	approval.Tx[SplitRequest]
	// LockExperiments serialises changes to market's shadows and split until the transaction
	// ends.
	LockExperiments(ctx context.Context, market string) error
	// MarketShadows returns market's shadow runs not stopped.
	MarketShadows(ctx context.Context, market string) ([]Shadow, error)
	// Shadow reads shadow run id; one that does not exist is an ErrNotFound.
	Shadow(ctx context.Context, id int64) (Shadow, error)
	CreateShadow(ctx context.Context, s *Shadow) error
	// StopShadow sets the stop of run s.ID from s, if it is not stopped, and reports whether it
	// was not.
	StopShadow(ctx context.Context, s *Shadow) (bool, error)
	// RunningSplit returns market's split period not ended, nil when there is none.
	RunningSplit(ctx context.Context, market string) (*Split, error)
	// CreateSplit starts period s; EndSplit ends period s.ID as s says.
	CreateSplit(ctx context.Context, s *Split) error
	EndSplit(ctx context.Context, s *Split) error
}

// ExperimentStore is the storage of shadows and splits: transactions and the reads outside them.
type ExperimentStore interface {
	ExperimentTx(ctx context.Context, fn func(tx ExperimentTx) error) error
	AppendAudit(ctx context.Context, e *audit.Event) error
	// ThresholdShadows returns up to limit shadow runs, newest first, of market and of version
	// (zero values: any).
	ThresholdShadows(ctx context.Context, market string, versionID int64, limit int) ([]Shadow, error)
	ThresholdShadow(ctx context.Context, id int64) (Shadow, error)
	// ThresholdSplits returns up to limit split periods of market ("": any), newest first.
	ThresholdSplits(ctx context.Context, market string, limit int) ([]Split, error)
	SplitRequest(ctx context.Context, id int64) (SplitRequest, error)
	// SplitRequests returns up to limit requests, newest first, with ids below beforeID (0: from
	// the newest), of market and status (zero values: any).
	SplitRequests(ctx context.Context, market string, status approval.Status, beforeID int64, limit int) ([]SplitRequest, error)
}

// SplitRequest asks to run version VersionID as the challenger for Percent % of its market's
// shoppers (0 ends the market's split). It is proposed SUBMITTED and approved or rejected by a
// second person, through the shared approval workflow; an approval applies it at once.
type SplitRequest struct {
	approval.Fields
	Market    string
	VersionID int64
	Percent   int
	Rationale string
}

var splitRequestKind = approval.Kind[SplitRequest]{
	Noun: "split request", Entity: entitySplitRequest,
	Submit: ActionSplitRequest, Approve: ActionSplitApprove, Reject: ActionSplitReject,
	Fields: func(r *SplitRequest) *approval.Fields { return &r.Fields },
	Record: func(r *SplitRequest) any { return recordSplitRequest(r) },
}

// Experiments starts and stops shadows and runs the split requests. Every step writes its change
// and one audit event in one transaction, and takes the change into use on this server at once
// (others see it at their next poll of the schedule).
type ExperimentLifecycle struct {
	store ExperimentStore
	flow  *approval.Workflow[SplitRequest, ExperimentTx]
	svc   *Service
	now   func() time.Time
}

// NewExperimentLifecycle returns the lifecycle of shadows and splits over st; svc is refreshed
// after each change; now is the clock (nil: time.Now).
func NewExperimentLifecycle(st ExperimentStore, svc *Service, now func() time.Time) *ExperimentLifecycle {
	if now == nil {
		now = time.Now
	}
	return &ExperimentLifecycle{store: st, flow: approval.New(splitRequestKind, st.ExperimentTx, st.AppendAudit, now), svc: svc, now: now}
}

func (l *ExperimentLifecycle) clock() time.Time { return l.now().UTC().Truncate(time.Microsecond) }

// refresh takes a committed change into use here.
func (l *ExperimentLifecycle) refresh(ctx context.Context, what string) error {
	if err := l.svc.Refresh(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("refresh threshold schedule after %s: %w", what, err)
	}
	return nil
}

// experimentVersion returns version id for a shadow or a split: a published version that is not
// in force in its market now (field names the argument in errors).
func (l *ExperimentLifecycle) experimentVersion(ctx context.Context, field string, id int64, now time.Time) (*Version, error) {
	vs, err := l.svc.Versions(ctx, []int64{id})
	if err != nil {
		return nil, err
	}
	v := vs[id]
	if l.svc.Status(v.Market, v.ID, now) == VersionActive {
		return nil, invalid(field, "version %d of %s is in force; only a version that is not can run beside it", v.Version, v.Market)
	}
	return v, nil
}

// StartShadow starts version versionID in shadow in its market, until endsAt when set (which
// must lie ahead) or until stopped. A market runs at most MaxShadows at once, and a version at
// most once at a time: more is an ErrConflict.
func (l *ExperimentLifecycle) StartShadow(ctx context.Context, versionID int64, endsAt *time.Time) (Shadow, error) {
	now := l.clock()
	v, err := l.experimentVersion(ctx, "versionId", versionID, now)
	if err != nil {
		return Shadow{}, err
	}
	if endsAt != nil {
		end := endsAt.UTC().Truncate(time.Microsecond)
		if !end.After(now) {
			return Shadow{}, invalid("endsAt", "must lie in the future")
		}
		endsAt = &end
	}
	sh := Shadow{Market: v.Market, VersionID: v.ID, StartedAt: now, StartedBy: auth.PrincipalFrom(ctx).Subject(), EndsAt: endsAt}
	err = l.store.ExperimentTx(ctx, func(tx ExperimentTx) error {
		if err := tx.LockExperiments(ctx, v.Market); err != nil {
			return err
		}
		open, err := tx.MarketShadows(ctx, v.Market)
		if err != nil {
			return err
		}
		running := 0
		for i := range open {
			if !open[i].RunningAt(now) {
				continue
			}
			if open[i].VersionID == v.ID {
				return fmt.Errorf("version %d of %s already runs in shadow (run %d): %w", v.Version, v.Market, open[i].ID, apperr.ErrConflict)
			}
			running++
		}
		if running >= MaxShadows {
			return fmt.Errorf("%s already runs %d shadows, the most at once; stop one first: %w", v.Market, running, apperr.ErrConflict)
		}
		if err := tx.CreateShadow(ctx, &sh); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionShadowStart, entityShadow, strconv.FormatInt(sh.ID, 10), nil, recordShadow(&sh, v), audit.Done))
	})
	if err != nil {
		return Shadow{}, err
	}
	return sh, l.refresh(ctx, "starting a shadow")
}

// StopShadow stops shadow run id now. A run already ended is an ErrConflict.
func (l *ExperimentLifecycle) StopShadow(ctx context.Context, id int64) (Shadow, error) {
	now := l.clock()
	sh, err := l.stopShadow(ctx, id, now, auth.PrincipalFrom(ctx).Subject())
	if err != nil {
		return Shadow{}, err
	}
	return sh, l.refresh(ctx, "stopping a shadow")
}

func (l *ExperimentLifecycle) stopShadow(ctx context.Context, id int64, at time.Time, by string) (Shadow, error) {
	var sh Shadow
	err := l.store.ExperimentTx(ctx, func(tx ExperimentTx) error {
		var err error
		if sh, err = tx.Shadow(ctx, id); err != nil {
			return err
		}
		switch {
		case sh.StoppedAt != nil:
			return fmt.Errorf("shadow run %d was stopped at %s: %w", id, sh.StoppedAt.Format(time.RFC3339), apperr.ErrConflict)
		case sh.EndsAt != nil && sh.EndsAt.Before(at):
			return fmt.Errorf("shadow run %d ended at its planned end, %s: %w", id, sh.EndsAt.Format(time.RFC3339), apperr.ErrConflict)
		}
		before := recordShadow(&sh, nil)
		sh.StoppedAt, sh.StoppedBy = &at, by
		stopped, err := tx.StopShadow(ctx, &sh)
		if err != nil {
			return err
		}
		if !stopped {
			return fmt.Errorf("shadow run %d was stopped concurrently: %w", id, apperr.ErrConflict)
		}
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionShadowStop, entityShadow, strconv.FormatInt(id, 10), before, recordShadow(&sh, nil), audit.Done))
	})
	return sh, err
}

// EndDueShadows stops, at their planned end, the runs whose end has passed, each with its audit
// event, as the system. Servers poll it; it reads the runs from the schedule service's memory and
// touches the database only when one is due, and a run another server stopped first is left alone.
func (l *ExperimentLifecycle) EndDueShadows(ctx context.Context) error {
	due := l.svc.dueShadows(l.clock())
	if len(due) == 0 {
		return nil
	}
	system := auth.SystemPrincipal("shadow-end")
	sys := auth.WithPrincipal(ctx, system)
	for _, sh := range due {
		_, err := l.stopShadow(sys, sh.ID, *sh.EndsAt, system.Subject())
		if err != nil && !errors.Is(err, apperr.ErrConflict) {
			return err
		}
	}
	return l.refresh(ctx, "ending shadows")
}

// Shadows returns up to limit shadow runs, newest first, of market and of version (zero: any).
func (l *ExperimentLifecycle) Shadows(ctx context.Context, market string, versionID int64, limit int) ([]Shadow, error) {
	return l.store.ThresholdShadows(ctx, market, versionID, limit)
}

// Shadow returns shadow run id.
func (l *ExperimentLifecycle) Shadow(ctx context.Context, id int64) (Shadow, error) {
	return l.store.ThresholdShadow(ctx, id)
}

// RequestSplit proposes running version versionID as its market's challenger for percent % of
// the shoppers (0 ends the market's split), with a rationale. It takes effect when a second
// person approves it.
func (l *ExperimentLifecycle) RequestSplit(ctx context.Context, versionID int64, percent int, rationale string) (SplitRequest, error) {
	var ve apperr.ValidationError
	if percent < 0 || percent > MaxSplitPercent {
		ve.Add("percent", "must be a whole percent from 0 to %d", MaxSplitPercent)
	}
	rationale = strings.TrimSpace(rationale)
	switch {
	case rationale == "":
		ve.Add("rationale", "is required: say why the split should run")
	case len(rationale) > maxRationaleLen:
		ve.Add("rationale", "must be at most %d bytes", maxRationaleLen)
	}
	if err := ve.Err(); err != nil {
		return SplitRequest{}, err
	}
	v, err := l.experimentVersion(ctx, "versionId", versionID, l.clock())
	if err != nil {
		return SplitRequest{}, err
	}
	r := SplitRequest{Market: v.Market, VersionID: v.ID, Percent: percent, Rationale: rationale}
	if err := l.flow.Propose(ctx, &r); err != nil {
		return SplitRequest{}, err
	}
	return r, nil
}

// ApproveSplitRequest approves a submitted request (not one's own) and applies it: the market's
// running split period ends and, unless the request is for 0 %, the requested one starts, in the
// same transaction. A version in force by then is refused.
func (l *ExperimentLifecycle) ApproveSplitRequest(ctx context.Context, id int64, comment string) (SplitRequest, error) {
	r, err := l.flow.Approve(ctx, id, comment, func(tx ExperimentTx, r *SplitRequest, now time.Time) error {
		if r.Percent > 0 && l.svc.Status(r.Market, r.VersionID, now) == VersionActive {
			return fmt.Errorf("the requested challenger is the version in force in %s now: %w", r.Market, apperr.ErrConflict)
		}
		if err := tx.LockExperiments(ctx, r.Market); err != nil {
			return err
		}
		running, err := tx.RunningSplit(ctx, r.Market)
		if err != nil {
			return err
		}
		if running == nil && r.Percent == 0 {
			return fmt.Errorf("%s runs no split to end: %w", r.Market, apperr.ErrConflict)
		}
		if running != nil {
			before := recordSplit(running)
			running.EndedAt, running.EndedBy = &now, r.Reviewer
			if err := tx.EndSplit(ctx, running); err != nil {
				return err
			}
			if err := tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionSplitStop, entitySplit, strconv.FormatInt(running.ID, 10), before, recordSplit(running), audit.Done)); err != nil {
				return err
			}
		}
		if r.Percent == 0 {
			return nil
		}
		sp := Split{Market: r.Market, VersionID: r.VersionID, Percent: r.Percent, RequestID: r.ID,
			StartedAt: now, StartedBy: r.Author, ApprovedBy: r.Reviewer}
		return tx.CreateSplit(ctx, &sp)
	})
	if err != nil {
		return SplitRequest{}, err
	}
	return r, l.refresh(ctx, "applying a split request")
}

// RejectSplitRequest rejects a submitted request (not one's own), saying why.
func (l *ExperimentLifecycle) RejectSplitRequest(ctx context.Context, id int64, comment string) (SplitRequest, error) {
	return l.flow.Reject(ctx, id, comment, nil)
}

// StopSplit ends market's running split now: every shopper meets the version in force again.
// Stopping needs no second person, since it only returns shoppers to the approved set in force.
// A market without a running split is an ErrConflict.
func (l *ExperimentLifecycle) StopSplit(ctx context.Context, market string) (Split, error) {
	now, by := l.clock(), auth.PrincipalFrom(ctx).Subject()
	var sp Split
	err := l.store.ExperimentTx(ctx, func(tx ExperimentTx) error {
		if err := tx.LockExperiments(ctx, market); err != nil {
			return err
		}
		running, err := tx.RunningSplit(ctx, market)
		if err != nil {
			return err
		}
		if running == nil {
			return fmt.Errorf("%s runs no split: %w", market, apperr.ErrConflict)
		}
		before := recordSplit(running)
		running.EndedAt, running.EndedBy = &now, by
		if err := tx.EndSplit(ctx, running); err != nil {
			return err
		}
		sp = *running
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionSplitStop, entitySplit, strconv.FormatInt(sp.ID, 10), before, recordSplit(&sp), audit.Done))
	})
	if err != nil {
		return Split{}, err
	}
	return sp, l.refresh(ctx, "stopping a split")
}

// Splits returns up to limit split periods of market ("": any), newest first.
func (l *ExperimentLifecycle) Splits(ctx context.Context, market string, limit int) ([]Split, error) {
	return l.store.ThresholdSplits(ctx, market, limit)
}

// SplitRequest returns split request id.
func (l *ExperimentLifecycle) SplitRequest(ctx context.Context, id int64) (SplitRequest, error) {
	return l.store.SplitRequest(ctx, id)
}

// SplitRequests returns up to limit requests, newest first, with ids below beforeID (0: from the
// newest), of market and status (zero values: any).
func (l *ExperimentLifecycle) SplitRequests(ctx context.Context, market string, status approval.Status, beforeID int64, limit int) ([]SplitRequest, error) {
	return l.store.SplitRequests(ctx, market, status, beforeID, limit)
}

// Service returns the schedule service the lifecycle keeps current.
func (l *ExperimentLifecycle) Service() *Service { return l.svc }

// shadowRecord is a shadow run as the audit log records it.
type shadowRecord struct {
	ID        int64      `json:"id"`
	Market    string     `json:"market"`
	VersionID int64      `json:"versionId"`
	Version   int        `json:"version,omitempty"`
	StartedAt time.Time  `json:"startedAt"`
	EndsAt    *time.Time `json:"endsAt,omitempty"`
	StoppedAt *time.Time `json:"stoppedAt,omitempty"`
	StoppedBy string     `json:"stoppedBy,omitempty"`
}

func recordShadow(s *Shadow, v *Version) *shadowRecord {
	r := &shadowRecord{ID: s.ID, Market: s.Market, VersionID: s.VersionID, StartedAt: s.StartedAt, EndsAt: s.EndsAt,
		StoppedAt: s.StoppedAt, StoppedBy: s.StoppedBy}
	if v != nil {
		r.Version = v.Version
	}
	return r
}

// splitRecord is a split period as the audit log records it.
type splitRecord struct {
	ID        int64      `json:"id"`
	Market    string     `json:"market"`
	VersionID int64      `json:"versionId"`
	Percent   int        `json:"percent"`
	RequestID int64      `json:"requestId,omitempty"`
	StartedAt time.Time  `json:"startedAt"`
	EndedAt   *time.Time `json:"endedAt,omitempty"`
	EndedBy   string     `json:"endedBy,omitempty"`
}

func recordSplit(s *Split) *splitRecord {
	return &splitRecord{ID: s.ID, Market: s.Market, VersionID: s.VersionID, Percent: s.Percent, RequestID: s.RequestID,
		StartedAt: s.StartedAt, EndedAt: s.EndedAt, EndedBy: s.EndedBy}
}

// splitRequestRecord is a split request as the audit log records it.
type splitRequestRecord struct {
	ID            int64           `json:"id"`
	Market        string          `json:"market"`
	VersionID     int64           `json:"versionId"`
	Percent       int             `json:"percent"`
	Status        approval.Status `json:"status"`
	Author        string          `json:"author"`
	Rationale     string          `json:"rationale"`
	Reviewer      string          `json:"reviewer,omitempty"`
	ReviewComment string          `json:"reviewComment,omitempty"`
}

func recordSplitRequest(r *SplitRequest) *splitRequestRecord {
	return &splitRequestRecord{ID: r.ID, Market: r.Market, VersionID: r.VersionID, Percent: r.Percent, Status: r.Status,
		Author: r.Author, Rationale: r.Rationale, Reviewer: r.Reviewer, ReviewComment: r.ReviewComment}
}
