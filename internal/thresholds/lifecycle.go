package thresholds

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/approval"
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

// maxRationaleLen bounds the rationale of a submission, in bytes.
const maxRationaleLen = 2000

// Draft is a proposed threshold set of a market, on its way to becoming a Version through the
// approval workflow: edited while DRAFT, frozen once SUBMITTED, then APPROVED (published as an
// immutable Version) or REJECTED.
type Draft struct {
	approval.Fields
	Market             string
	BaseVersionID      int64 // the version it was copied from
	Set                engine.ThresholdSet
	Rationale          string
	Impact             *Impact // the what-if result stored at submission
	PublishedVersionID int64   // the version an approval published, else 0
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

	// The outcome figures (issue 13), nil when the what-if had no outcomes to report (an impact
	// stored before outcomes existed has none either). Rates are shares, losses in major units.
	BadDefinition        *string  `json:"badDefinition,omitempty"` // the bad definition in words
	ApprovalRateNow      *float64 `json:"approvalRateNow,omitempty"`
	ApprovalRateProposed *float64 `json:"approvalRateProposed,omitempty"`
	BadRateNow           *float64 `json:"badRateNow,omitempty"`
	BadRateProposed      *float64 `json:"badRateProposed,omitempty"`
	BadRateProposedLow   *float64 `json:"badRateProposedLow,omitempty"`
	BadRateProposedHigh  *float64 `json:"badRateProposedHigh,omitempty"`
	LossNow              *float64 `json:"lossNow,omitempty"`
	LossProposed         *float64 `json:"lossProposed,omitempty"`
	LossRateNow          *float64 `json:"lossRateNow,omitempty"`
	LossRateProposed     *float64 `json:"lossRateProposed,omitempty"`
	MatureDecisions      *int     `json:"matureDecisions,omitempty"`
}

// Simulator replays a proposed set over the market's recent history (the last 365 days). The
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
	Status approval.Status
}

// Tx is what the lifecycle needs from storage inside one transaction: the drafts, as the approval
// workflow stores them, and the versions and activations.
type Tx interface {
	approval.Tx[Draft]
	// CreateThresholdVersion publishes v with the market's next version number; it fills ID and
	// Version.
	CreateThresholdVersion(ctx context.Context, v *Version) error
	// CreateThresholdActivation appends a; one at the same instant for the market is an
	// ErrConflict.
	CreateThresholdActivation(ctx context.Context, a *Activation) error
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
// impact, review by a second person (the approval workflow), publication, activation and
// rollback. Every step writes its change and exactly one audit event in one transaction.
type Lifecycle struct {
	store Store
	flow  *approval.Workflow[Draft, Tx]
	svc   *Service
	sim   Simulator
	now   func() time.Time
}

// draftKind describes threshold drafts to the approval workflow.
var draftKind = approval.Kind[Draft]{
	Noun: "threshold draft", Entity: entityDraft,
	Edit: ActionDraftEdit, Submit: ActionSubmit, Approve: ActionApprove, Reject: ActionReject,
	Fields: func(d *Draft) *approval.Fields { return &d.Fields },
	Record: func(d *Draft) any { return recordDraft(d) },
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
	return &Lifecycle{store: st, flow: approval.New(draftKind, st.ThresholdTx, st.AppendAudit, now), svc: svc, sim: sim, now: now}
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
	d := Draft{Market: base.Market, BaseVersionID: base.ID, Set: base.Set, Rationale: rationale}
	err := l.flow.Create(ctx, action, &d)
	return d, err
}

// EditDraft replaces the rules of a DRAFT. revision is the revision the editor read: when the
// draft changed since, or is no longer a DRAFT, the edit is an ErrConflict. Field errors name
// "rules[i].cutoff" and the like.
func (l *Lifecycle) EditDraft(ctx context.Context, id int64, revision int, rules []RuleInput) (Draft, error) {
	return l.flow.Edit(ctx, id, revision, func(_ Tx, d *Draft, _ time.Time) error {
		set, err := ProposedSet(&d.Set, rules)
		d.Set = set
		return err
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

// SubmitDraft freezes a DRAFT at revision for review, with its rationale and the what-if impact
// of its rules.
func (l *Lifecycle) SubmitDraft(ctx context.Context, id int64, revision int, rationale string) (Draft, error) {
	rationale = strings.TrimSpace(rationale)
	switch {
	case rationale == "":
		return Draft{}, invalid("rationale", "is required")
	case len(rationale) > maxRationaleLen:
		return Draft{}, invalid("rationale", "must be at most %d bytes", maxRationaleLen)
	}
	d, err := l.store.ThresholdDraft(ctx, id)
	if err != nil {
		return Draft{}, err
	}
	if err := l.flow.CheckEditable(&d, revision); err != nil {
		return Draft{}, err
	}
	// The impact is computed outside the transaction (the what-if engine is in memory); the
	// submission at revision makes sure it is the impact of the rules that were frozen.
	impact, err := l.sim.Impact(ctx, d.Market, &d.Set)
	if err != nil {
		return Draft{}, fmt.Errorf("what-if impact of draft %d: %w", id, err)
	}
	return l.flow.Submit(ctx, id, revision, func(_ Tx, d *Draft, now time.Time) error {
		d.Rationale, d.Impact, d.SubmittedAt = rationale, &impact, &now
		return nil
	})
}

// ApproveDraft approves a SUBMITTED draft and publishes its rules as the market's next immutable
// version. The reviewer may not be the author (also refused by the database). Of concurrent
// reviews exactly one wins; the others are an ErrConflict.
func (l *Lifecycle) ApproveDraft(ctx context.Context, id int64, comment string) (Draft, Version, error) {
	var v Version
	d, err := l.flow.Approve(ctx, id, comment, func(tx Tx, d *Draft, now time.Time) error {
		v = Version{Market: d.Market, Set: d.Set, Author: d.Author, Approver: d.Reviewer, Rationale: d.Rationale, CreatedAt: now}
		if err := tx.CreateThresholdVersion(ctx, &v); err != nil {
			return err
		}
		d.PublishedVersionID, d.ReviewedAt = v.ID, &now
		return nil
	})
	return d, v, err
}

// RejectDraft rejects a SUBMITTED draft; the comment, saying why, is required.
func (l *Lifecycle) RejectDraft(ctx context.Context, id int64, comment string) (Draft, error) {
	return l.flow.Reject(ctx, id, comment, func(_ Tx, d *Draft, now time.Time) error {
		d.ReviewedAt = &now
		return nil
	})
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
	Status             approval.Status `json:"status"`
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
