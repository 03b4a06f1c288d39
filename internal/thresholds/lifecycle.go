package thresholds

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/engine"
)

// Audit actions of the lifecycle, one event per step.
const (
	ActionDraftCreate = "threshold.draft_create"
	ActionDraftEdit   = "threshold.draft_edit"
	ActionSubmit      = "threshold.submit"
	ActionApprove     = "threshold.approve"
	ActionReject      = "threshold.reject"
	ActionActivate    = "threshold.activate"
	ActionRollback    = "threshold.rollback"
)

// Entity types of the lifecycle's audit events.
const (
	entityDraft      = "threshold_draft"
	entityActivation = "threshold_activation"
)

// Bounds of the free texts of a draft.
const (
	maxRationaleLen = 2000
	maxCommentLen   = 2000
)

// DraftStatus is where a draft stands in the maker-checker flow.
type DraftStatus string

// Draft statuses. A draft is edited while DRAFT, frozen once SUBMITTED, and then APPROVED
// (published as an immutable Version) or REJECTED.
const (
	StatusDraft     DraftStatus = "DRAFT"
	StatusSubmitted DraftStatus = "SUBMITTED"
	StatusApproved  DraftStatus = "APPROVED"
	StatusRejected  DraftStatus = "REJECTED"
)

// Draft is a proposed threshold set of a market, on its way to becoming a Version.
type Draft struct {
	ID            int64
	Market        string
	BaseVersionID int64 // the version it was copied from
	Set           engine.ThresholdSet
	Author        string
	Rationale     string
	Status        DraftStatus
	// Revision counts edits; an edit names the revision it read (optimistic concurrency).
	Revision           int
	Impact             *Impact // the what-if result stored at submission
	Reviewer           string
	ReviewComment      string
	PublishedVersionID int64 // the version an approval published, else 0
	CreatedAt          time.Time
	UpdatedAt          time.Time
	SubmittedAt        *time.Time
	ReviewedAt         *time.Time
}

// Impact is what a proposed set would have done to past decisions of its market, as the what-if
// engine reports it. When Available is false the engine could not answer and Note says why; the
// numbers are then zero and mean nothing.
type Impact struct {
	Available           bool      `json:"available"`
	Note                string    `json:"note,omitempty"`
	From                time.Time `json:"from"`
	To                  time.Time `json:"to"`
	Decisions           int       `json:"decisions"`
	DeclineRateNow      float64   `json:"declineRateNow"`
	DeclineRateProposed float64   `json:"declineRateProposed"`
	ApprovedToDeclined  int       `json:"approvedToDeclined"`
	DeclinedToApproved  int       `json:"declinedToApproved"`
}

// Simulator replays a proposed set over the market's recent history (the last 90 days). The
// what-if engine (internal/whatif) implements it.
type Simulator interface {
	Impact(ctx context.Context, market string, proposed *engine.ThresholdSet) (Impact, error)
}

// UnavailableSimulator is the Simulator used until the what-if engine is wired in: it reports
// that no impact is available instead of inventing numbers.
type UnavailableSimulator struct{}

// Impact returns an unavailable impact.
func (UnavailableSimulator) Impact(context.Context, string, *engine.ThresholdSet) (Impact, error) {
	return Impact{Available: false, Note: "the what-if engine is not available on this server yet"}, nil
}

// RuleInput is one rule as an editor sends it: the reason code and scale of a measure are not
// editable and come from the draft.
type RuleInput struct {
	Measure    engine.Measure
	Comparator engine.Comparator
	Cutoff     float64
	Enabled    bool
}

// DraftFilter selects drafts; zero fields match everything.
type DraftFilter struct {
	Market string
	Status DraftStatus
}

// Tx is what the lifecycle needs from storage inside one transaction.
type Tx interface {
	CreateThresholdDraft(ctx context.Context, d *Draft) error
	ThresholdDraft(ctx context.Context, id int64) (Draft, error)
	// EditThresholdDraft replaces the rules of draft id if it is a DRAFT at revision and bumps
	// its revision; it reports whether it did.
	EditThresholdDraft(ctx context.Context, id int64, revision int, set *engine.ThresholdSet, at time.Time) (bool, error)
	// SubmitThresholdDraft freezes draft id if it is a DRAFT at revision; it reports whether it did.
	SubmitThresholdDraft(ctx context.Context, id int64, revision int, rationale string, impact *Impact, at time.Time) (bool, error)
	// ClaimSubmittedDraft locks draft id for review if it is SUBMITTED; it reports whether it is.
	// Of concurrent reviews one claims the draft; the others wait and then see it reviewed.
	ClaimSubmittedDraft(ctx context.Context, id int64) (bool, error)
	// ReviewThresholdDraft records the review of a claimed draft.
	ReviewThresholdDraft(ctx context.Context, id int64, status DraftStatus, reviewer, comment string, publishedID int64, at time.Time) error
	// CreateThresholdVersion publishes v with the market's next version number; it fills ID and
	// Version.
	CreateThresholdVersion(ctx context.Context, v *Version) error
	// CreateThresholdActivation appends a; one at the same instant for the market is an
	// ErrConflict.
	CreateThresholdActivation(ctx context.Context, a *Activation) error
	AppendAudit(ctx context.Context, e *audit.Event) error
}

// Store is the lifecycle's storage: transactions and the reads outside them.
type Store interface {
	ThresholdTx(ctx context.Context, fn func(tx Tx) error) error
	// AppendAudit appends an event in a transaction of its own.
	AppendAudit(ctx context.Context, e *audit.Event) error
	ThresholdDraft(ctx context.Context, id int64) (Draft, error)
	// ThresholdDrafts returns up to limit drafts matching f, newest first, with ids below
	// beforeID (0: from the newest).
	ThresholdDrafts(ctx context.Context, f DraftFilter, beforeID int64, limit int) ([]Draft, error)
	// MarketVersions returns up to limit versions of market, newest first, with version numbers
	// below before (0: from the newest).
	MarketVersions(ctx context.Context, market string, before, limit int) ([]Version, error)
}

// Lifecycle runs the maker-checker flow of threshold sets: drafts, submission with the what-if
// impact, review by a second person, publication, activation and rollback. Every step writes
// its change and exactly one audit event in one transaction.
type Lifecycle struct {
	store Store
	svc   *Service
	sim   Simulator
	now   func() time.Time
}

// NewLifecycle returns the lifecycle over st. svc is refreshed after each local activation; sim
// computes the impact stored at submission; now is the clock (nil: time.Now).
func NewLifecycle(st Store, svc *Service, sim Simulator, now func() time.Time) *Lifecycle {
	if now == nil {
		now = time.Now
	}
	if sim == nil {
		sim = UnavailableSimulator{}
	}
	return &Lifecycle{store: st, svc: svc, sim: sim, now: now}
}

// clock returns the current time as the database keeps it: UTC, to the microsecond.
func (l *Lifecycle) clock() time.Time { return l.now().UTC().Truncate(time.Microsecond) }

// Service returns the schedule service the lifecycle keeps current.
func (l *Lifecycle) Service() *Service { return l.svc }

// CreateDraft starts a draft of market as a copy of version fromID, or of the market's active
// version when fromID is 0. Copying an earlier version is how an approved rollback starts.
func (l *Lifecycle) CreateDraft(ctx context.Context, market string, fromID int64) (Draft, error) {
	base, err := l.baseVersion(ctx, market, fromID)
	if err != nil {
		return Draft{}, err
	}
	return l.createDraft(ctx, base, ActionDraftCreate, "")
}

func (l *Lifecycle) baseVersion(ctx context.Context, market string, fromID int64) (*Version, error) {
	if fromID == 0 {
		v, err := l.svc.Active(market, l.clock())
		if err != nil {
			return nil, err
		}
		return v, nil
	}
	vs, err := l.svc.Versions(ctx, []int64{fromID})
	if err != nil {
		return nil, err
	}
	v := vs[fromID]
	if v.Market != market {
		return nil, invalid("fromVersionId", "is a version of market %s, not %s", v.Market, market)
	}
	return v, nil
}

func (l *Lifecycle) createDraft(ctx context.Context, base *Version, action, rationale string) (Draft, error) {
	now := l.clock()
	d := Draft{Market: base.Market, BaseVersionID: base.ID, Set: base.Set, Author: auth.PrincipalFrom(ctx).Subject(),
		Rationale: rationale, Status: StatusDraft, Revision: 1, CreatedAt: now, UpdatedAt: now}
	err := l.store.ThresholdTx(ctx, func(tx Tx) error {
		if err := tx.CreateThresholdDraft(ctx, &d); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, action, entityDraft, strconv.FormatInt(d.ID, 10), nil, recordDraft(&d), audit.Done))
	})
	return d, err
}

// EditDraft replaces the rules of a DRAFT. revision is the revision the editor read: when the
// draft changed since, or is no longer a DRAFT, the edit is an ErrConflict. Field errors name
// "rules[i].cutoff" and the like.
func (l *Lifecycle) EditDraft(ctx context.Context, id int64, revision int, rules []RuleInput) (Draft, error) {
	d, err := l.store.ThresholdDraft(ctx, id)
	if err != nil {
		return Draft{}, err
	}
	set, err := ProposedSet(&d.Set, rules)
	if err != nil {
		return Draft{}, err
	}
	return l.changeDraft(ctx, &d, revision, ActionDraftEdit, func(tx Tx) (bool, error) {
		return tx.EditThresholdDraft(ctx, id, revision, &set, l.clock())
	})
}

// ProposedSet builds a full set from rules, taking each measure's reason code and scale from
// current, and validates it with the engine's rules (which bound every cut-off to its measure's
// range and fix the shape of the compliance rules).
func ProposedSet(current *engine.ThresholdSet, rules []RuleInput) (engine.ThresholdSet, error) {
	full := make([]engine.Rule, len(rules))
	for i, r := range rules {
		full[i] = engine.Rule{Measure: r.Measure, Comparator: r.Comparator, Cutoff: r.Cutoff, Enabled: r.Enabled}
		if r.Measure < engine.NumMeasures {
			full[i].Reason = current.Rules[r.Measure].Reason
			full[i].Scale = current.Rules[r.Measure].Scale
		}
	}
	var ve apperr.ValidationError
	set := engine.ValidateRules(full, "rules", &ve)
	if err := ve.Err(); err != nil {
		return engine.ThresholdSet{}, err
	}
	return set, nil
}

// stale explains why a conditional change of draft id found nothing to change.
func (l *Lifecycle) stale(ctx context.Context, tx Tx, id int64, revision int, want DraftStatus) error {
	d, err := tx.ThresholdDraft(ctx, id)
	if err != nil {
		return err
	}
	return staleErr(&d, revision, want)
}

// staleErr is the ErrConflict of a change to d that expected it at revision (0: any) in status
// want.
func staleErr(d *Draft, revision int, want DraftStatus) error {
	if d.Status != want {
		return fmt.Errorf("threshold draft %d is %s, not %s: %w", d.ID, d.Status, want, apperr.ErrConflict)
	}
	return fmt.Errorf("threshold draft %d is at revision %d, not %d (changed since it was read): %w",
		d.ID, d.Revision, revision, apperr.ErrConflict)
}

// SubmitDraft freezes a DRAFT at revision for review, with its rationale and the what-if impact
// of its rules.
func (l *Lifecycle) SubmitDraft(ctx context.Context, id int64, revision int, rationale string) (Draft, error) {
	rationale = strings.TrimSpace(rationale)
	if msg := textProblem(rationale, maxRationaleLen); msg != "" {
		return Draft{}, invalid("rationale", "%s", msg)
	}
	d, err := l.store.ThresholdDraft(ctx, id)
	if err != nil {
		return Draft{}, err
	}
	if d.Status != StatusDraft || d.Revision != revision {
		return Draft{}, staleErr(&d, revision, StatusDraft)
	}
	// The impact is computed outside the transaction (the what-if engine is in memory); the
	// conditional submit below makes sure it is the impact of the rules that were frozen.
	impact, err := l.sim.Impact(ctx, d.Market, &d.Set)
	if err != nil {
		return Draft{}, fmt.Errorf("what-if impact of draft %d: %w", id, err)
	}
	return l.changeDraft(ctx, &d, revision, ActionSubmit, func(tx Tx) (bool, error) {
		return tx.SubmitThresholdDraft(ctx, id, revision, rationale, &impact, l.clock())
	})
}

// changeDraft applies update, a change of DRAFT d conditional on its revision, in one transaction
// with its audit event, and returns the draft as changed. update reports false when the draft
// moved on since it was read, which is a conflict.
func (l *Lifecycle) changeDraft(ctx context.Context, d *Draft, revision int, action string, update func(Tx) (bool, error)) (Draft, error) {
	id, before := d.ID, recordDraft(d)
	var out Draft
	err := l.store.ThresholdTx(ctx, func(tx Tx) error {
		ok, err := update(tx)
		if err != nil {
			return err
		}
		if !ok {
			return l.stale(ctx, tx, id, revision, StatusDraft)
		}
		if out, err = tx.ThresholdDraft(ctx, id); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, action, entityDraft, strconv.FormatInt(id, 10), before, recordDraft(&out), audit.Done))
	})
	return out, err
}

// ApproveDraft approves a SUBMITTED draft and publishes its rules as the market's next immutable
// version. The reviewer may not be the author (also refused by the database). Of concurrent
// reviews exactly one wins; the others are an ErrConflict.
func (l *Lifecycle) ApproveDraft(ctx context.Context, id int64, comment string) (Draft, Version, error) {
	var v Version
	d, err := l.review(ctx, id, StatusApproved, comment, func(tx Tx, d *Draft, reviewer string, now time.Time) error {
		v = Version{Market: d.Market, Set: d.Set, Author: d.Author, Approver: reviewer, Rationale: d.Rationale, CreatedAt: now}
		if err := tx.CreateThresholdVersion(ctx, &v); err != nil {
			return err
		}
		d.PublishedVersionID = v.ID
		return nil
	})
	return d, v, err
}

// RejectDraft rejects a SUBMITTED draft; the comment, saying why, is required.
func (l *Lifecycle) RejectDraft(ctx context.Context, id int64, comment string) (Draft, error) {
	if strings.TrimSpace(comment) == "" {
		return Draft{}, invalid("comment", "is required: say why the change is rejected")
	}
	return l.review(ctx, id, StatusRejected, comment, nil)
}

func (l *Lifecycle) review(ctx context.Context, id int64, status DraftStatus, comment string,
	publish func(tx Tx, d *Draft, reviewer string, now time.Time) error) (Draft, error) {
	comment = strings.TrimSpace(comment)
	if msg := textProblem(comment, maxCommentLen); msg != "" && comment != "" {
		return Draft{}, invalid("comment", "%s", msg)
	}
	reviewer := auth.PrincipalFrom(ctx).Subject()
	var d Draft
	err := l.store.ThresholdTx(ctx, func(tx Tx) error {
		ok, err := tx.ClaimSubmittedDraft(ctx, id)
		if err != nil {
			return err
		}
		if !ok {
			return l.stale(ctx, tx, id, 0, StatusSubmitted)
		}
		if d, err = tx.ThresholdDraft(ctx, id); err != nil {
			return err
		}
		if d.Author == reviewer {
			return errSelfReview
		}
		before := recordDraft(&d)
		now := l.clock()
		if publish != nil {
			if err := publish(tx, &d, reviewer, now); err != nil {
				return err
			}
		}
		if err := tx.ReviewThresholdDraft(ctx, id, status, reviewer, comment, d.PublishedVersionID, now); err != nil {
			return err
		}
		d.Status, d.Reviewer, d.ReviewComment, d.ReviewedAt = status, reviewer, comment, &now
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, reviewAction(status), entityDraft, strconv.FormatInt(id, 10), before, recordDraft(&d), audit.Done))
	})
	if errors.Is(err, errSelfReview) {
		// Refused, and recorded as a refusal: the attempt is the maker-checker rule at work.
		e := audit.NewEvent(ctx, reviewAction(status), entityDraft, strconv.FormatInt(id, 10), nil, nil, audit.Done)
		e.Outcome = audit.Denied
		if aerr := l.store.AppendAudit(context.WithoutCancel(ctx), e); aerr != nil {
			return Draft{}, errors.Join(err, aerr)
		}
		return Draft{}, fmt.Errorf("threshold draft %d: %w", id, err)
	}
	return d, err
}

// errSelfReview refuses a review by the draft's author (maker-checker).
var errSelfReview = fmt.Errorf("its author cannot review it (maker-checker): %w", apperr.ErrForbidden)

func reviewAction(status DraftStatus) string {
	if status == StatusApproved {
		return ActionApprove
	}
	return ActionReject
}

// Activate puts a published version in force for its market at at, or now when at is nil. A
// time in the past is refused: history already decided with the versions then in force.
func (l *Lifecycle) Activate(ctx context.Context, versionID int64, at *time.Time) (Activation, error) {
	vs, err := l.svc.Versions(ctx, []int64{versionID})
	if err != nil {
		return Activation{}, err
	}
	now := l.clock()
	when := now
	if at != nil {
		when = at.UTC().Truncate(time.Microsecond)
		if when.Before(now) {
			return Activation{}, invalid("at", "must not be in the past")
		}
	}
	return l.activate(ctx, vs[versionID], when, false, ActionActivate)
}

// Rollback returns market to an earlier published version. An emergency rollback activates it
// at once, flagged on the activation and audited; it may only restore a version that was in
// force before (SUPERSEDED). Otherwise it starts a draft copying that version, to be submitted
// and approved like any other change.
func (l *Lifecycle) Rollback(ctx context.Context, market string, versionID int64, emergency bool) (*Activation, *Draft, error) {
	v, err := l.baseVersion(ctx, market, versionID)
	if err != nil {
		return nil, nil, err
	}
	switch status := l.svc.Status(market, v.ID, l.clock()); {
	case status == VersionActive:
		return nil, nil, invalid("versionId", "is the version already active in %s", market)
	case emergency && status != VersionSuperseded:
		// An emergency skips approval, so it may only restore a set that was in force before.
		return nil, nil, invalid("versionId", "was never in force in %s: only an earlier active version can be restored in an emergency", market)
	}
	if !emergency {
		d, err := l.createDraft(ctx, v, ActionRollback, fmt.Sprintf("Rollback to version %d", v.Version))
		return nil, &d, err
	}
	a, err := l.activate(ctx, v, l.clock(), true, ActionRollback)
	return &a, nil, err
}

func (l *Lifecycle) activate(ctx context.Context, v *Version, at time.Time, emergency bool, action string) (Activation, error) {
	a := Activation{Market: v.Market, VersionID: v.ID, ActivatedAt: at, ActivatedBy: auth.PrincipalFrom(ctx).Subject(),
		Emergency: emergency}
	err := l.store.ThresholdTx(ctx, func(tx Tx) error {
		if err := tx.CreateThresholdActivation(ctx, &a); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, action, entityActivation, strconv.FormatInt(a.ID, 10), nil, recordActivation(&a, v), audit.Done))
	})
	if err != nil {
		return Activation{}, err
	}
	// Take the new schedule into use here at once; other servers pick it up on their next poll.
	if err := l.svc.Refresh(ctx); err != nil {
		return a, fmt.Errorf("refresh threshold schedule after activation %d: %w", a.ID, err)
	}
	return a, nil
}

// Draft returns a draft by id.
func (l *Lifecycle) Draft(ctx context.Context, id int64) (Draft, error) {
	return l.store.ThresholdDraft(ctx, id)
}

// Drafts returns up to limit drafts matching f, newest first, with ids below beforeID (0: from
// the newest).
func (l *Lifecycle) Drafts(ctx context.Context, f DraftFilter, beforeID int64, limit int) ([]Draft, error) {
	return l.store.ThresholdDrafts(ctx, f, beforeID, limit)
}

// MarketVersions returns up to limit published versions of market, newest first, with version
// numbers below before (0: from the newest).
func (l *Lifecycle) MarketVersions(ctx context.Context, market string, before, limit int) ([]Version, error) {
	return l.store.MarketVersions(ctx, market, before, limit)
}

// SetRef names a threshold set to compare: a published version or a draft (exactly one).
type SetRef struct {
	VersionID int64
	DraftID   int64
}

// RuleChange is one rule that differs between two sets.
type RuleChange struct {
	Measure                      engine.Measure
	OldComparator, NewComparator engine.Comparator
	OldCutoff, NewCutoff         float64
	OldEnabled, NewEnabled       bool
}

// Diff compares two sets rule by rule and returns the rules that differ, in measure order.
func (l *Lifecycle) Diff(ctx context.Context, from, to SetRef) ([]RuleChange, error) {
	a, err := l.setOf(ctx, "from", from)
	if err != nil {
		return nil, err
	}
	b, err := l.setOf(ctx, "to", to)
	if err != nil {
		return nil, err
	}
	return DiffSets(a, b), nil
}

func (l *Lifecycle) setOf(ctx context.Context, field string, r SetRef) (*engine.ThresholdSet, error) {
	switch {
	case (r.VersionID == 0) == (r.DraftID == 0):
		return nil, invalid(field, "name exactly one of versionId and draftId")
	case r.VersionID != 0:
		vs, err := l.svc.Versions(ctx, []int64{r.VersionID})
		if err != nil {
			return nil, err
		}
		return &vs[r.VersionID].Set, nil
	}
	d, err := l.store.ThresholdDraft(ctx, r.DraftID)
	if err != nil {
		return nil, err
	}
	return &d.Set, nil
}

// DiffSets returns the rules of b that differ from a in comparator, cut-off or enabled.
func DiffSets(a, b *engine.ThresholdSet) []RuleChange {
	var out []RuleChange
	for m := range a.Rules {
		x, y := &a.Rules[m], &b.Rules[m]
		if x.Comparator == y.Comparator && x.Cutoff == y.Cutoff && x.Enabled == y.Enabled {
			continue
		}
		out = append(out, RuleChange{Measure: engine.Measure(m), OldComparator: x.Comparator, NewComparator: y.Comparator,
			OldCutoff: x.Cutoff, NewCutoff: y.Cutoff, OldEnabled: x.Enabled, NewEnabled: y.Enabled})
	}
	return out
}

// VersionStatus is the state of a published version, derived from the activation schedule
// rather than stored, since versions and activations are immutable.
type VersionStatus string

// Version statuses.
const (
	// VersionApproved: published, never activated.
	VersionApproved VersionStatus = "APPROVED"
	// VersionScheduled: an activation of it lies in the future.
	VersionScheduled VersionStatus = "SCHEDULED"
	// VersionActive: in force now.
	VersionActive VersionStatus = "ACTIVE"
	// VersionSuperseded: was in force, no longer is.
	VersionSuperseded VersionStatus = "SUPERSEDED"
)

// Status derives the status of version v of market at time t from the cached schedule.
func (s *Service) Status(market string, versionID int64, t time.Time) VersionStatus {
	list := s.schedule.Load().byMarket[market]
	var active *Version
	var before, after bool
	for _, e := range list {
		if e.at.After(t) {
			after = after || e.version.ID == versionID
			continue
		}
		active = e.version
		before = before || e.version.ID == versionID
	}
	switch {
	case active != nil && active.ID == versionID:
		return VersionActive
	case after:
		return VersionScheduled
	case before:
		return VersionSuperseded
	}
	return VersionApproved
}

// Schedule returns the activations of market known to the service, oldest first.
func (s *Service) Schedule(market string) []Activation {
	list := s.schedule.Load().byMarket[market]
	out := make([]Activation, len(list))
	for i, e := range list {
		out[i] = e.activation
	}
	return out
}

// textProblem says what is wrong with a required free text, or "".
func textProblem(s string, maxLen int) string {
	switch {
	case s == "":
		return "is required"
	case len(s) > maxLen:
		return "must be at most " + strconv.Itoa(maxLen) + " bytes"
	}
	return ""
}

func invalid(field, format string, args ...any) error {
	var ve apperr.ValidationError
	ve.Add(field, format, args...)
	return ve.Err()
}

// draftRecord is a draft as the audit log records it.
type draftRecord struct {
	ID                 int64           `json:"id"`
	Market             string          `json:"market"`
	BaseVersionID      int64           `json:"baseVersionId"`
	Status             DraftStatus     `json:"status"`
	Revision           int             `json:"revision"`
	Author             string          `json:"author"`
	Rationale          string          `json:"rationale,omitempty"`
	Reviewer           string          `json:"reviewer,omitempty"`
	ReviewComment      string          `json:"reviewComment,omitempty"`
	PublishedVersionID int64           `json:"publishedVersionId,omitempty"`
	Impact             *Impact         `json:"impact,omitempty"`
	Rules              json.RawMessage `json:"rules"`
}

func recordDraft(d *Draft) *draftRecord {
	return &draftRecord{ID: d.ID, Market: d.Market, BaseVersionID: d.BaseVersionID, Status: d.Status, Revision: d.Revision,
		Author: d.Author, Rationale: d.Rationale, Reviewer: d.Reviewer, ReviewComment: d.ReviewComment,
		PublishedVersionID: d.PublishedVersionID, Impact: d.Impact, Rules: json.RawMessage(EncodeRules(&d.Set))}
}

// activationRecord is an activation as the audit log records it.
type activationRecord struct {
	ID          int64     `json:"id"`
	Market      string    `json:"market"`
	VersionID   int64     `json:"versionId"`
	Version     int       `json:"version"`
	ActivatedAt time.Time `json:"activatedAt"`
	Emergency   bool      `json:"emergency"`
}

func recordActivation(a *Activation, v *Version) *activationRecord {
	return &activationRecord{ID: a.ID, Market: a.Market, VersionID: a.VersionID, Version: v.Version,
		ActivatedAt: a.ActivatedAt, Emergency: a.Emergency}
}
