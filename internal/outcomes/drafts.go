package outcomes

import (
	"context"
	"errors"
	"strings"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/approval"
	"riskconsole/internal/audit"
	"riskconsole/internal/market"
	"riskconsole/internal/page"
)

// Audit vocabulary of the bad definition's lifecycle: one event per step.
const (
	ActionDraftCreate = "bad_definition.draft_create"
	ActionDraftEdit   = "bad_definition.draft_edit"
	ActionDraftSubmit = "bad_definition.submit"
	// ActionDraftApprove records an approval, which publishes the draft as the market's next
	// version, in force at once.
	ActionDraftApprove = "bad_definition.approve"
	ActionDraftReject  = "bad_definition.reject"
	entityDraft        = "bad_definition_draft"
)

// MaxRationaleLen bounds the rationale of a submission, in bytes.
const MaxRationaleLen = 2000

// Draft is a proposed bad definition of a market on its way through maker-checker: edited while
// DRAFT, frozen once SUBMITTED, then APPROVED (published as the market's next Version, which is in
// force from then on) or REJECTED.
type Draft struct {
	approval.Fields
	Market             string
	BaseVersionID      int64 // the version in force when the draft was started
	Definition         BadDefinition
	Rationale          string
	PublishedVersionID int64 // the version an approval published, else 0
}

// DraftTx is what the lifecycle does inside one transaction: the drafts, as the approval workflow
// stores them, and the publication of versions.
type DraftTx interface {
	approval.Tx[Draft]
	// CreateBadDefinitionVersion appends v as its market's next version (the newest plus one) and
	// fills v.ID and v.Version. A version published concurrently is an ErrConflict.
	CreateBadDefinitionVersion(ctx context.Context, v *Version) error
}

// DraftStore is the storage of the versions and the drafts. The store implements it.
type DraftStore interface {
	DefinitionStore
	// BadDefinitionTx runs fn in one transaction.
	BadDefinitionTx(ctx context.Context, fn func(tx DraftTx) error) error
	// AppendAudit appends an event in a transaction of its own.
	AppendAudit(ctx context.Context, e *audit.Event) error
	// BadDefinitionVersions returns up to limit versions of market, newest first, with ids below
	// beforeID (0: from the newest).
	BadDefinitionVersions(ctx context.Context, market string, beforeID int64, limit int) ([]Version, error)
	// BadDefinitionDraft returns draft id (apperr.ErrNotFound when there is none).
	BadDefinitionDraft(ctx context.Context, id int64) (Draft, error)
	// BadDefinitionDrafts returns up to limit drafts, newest first, with ids below beforeID (0:
	// from the newest), of market and status ("" for any).
	BadDefinitionDrafts(ctx context.Context, market string, status approval.Status, beforeID int64, limit int) ([]Draft, error)
}

// draftKind describes bad definition drafts to the approval workflow.
var draftKind = approval.Kind[Draft]{
	Noun: "bad definition draft", Entity: entityDraft,
	Edit: ActionDraftEdit, Submit: ActionDraftSubmit, Approve: ActionDraftApprove, Reject: ActionDraftReject,
	Fields: func(d *Draft) *approval.Fields { return &d.Fields },
	Record: recordDraft,
}

// recordDraft is what the audit log keeps of a draft.
func recordDraft(d *Draft) any {
	return map[string]any{"id": d.ID, "market": d.Market, "baseVersionId": d.BaseVersionID, "status": d.Status,
		"revision": d.Revision, "level": d.Definition.Level.Status().String(), "windowMonths": d.Definition.WindowMonths,
		"rationale": d.Rationale, "reviewer": d.Reviewer, "comment": d.ReviewComment, "publishedVersionId": d.PublishedVersionID}
}

// errNoDrafts is returned by the lifecycle of a service whose store keeps no drafts.
var errNoDrafts = errors.New("bad definition drafts are not available: the service's store does not keep them")

// lifecycle returns the drafts' storage and workflow, or errNoDrafts.
func (s *DefinitionService) lifecycle() (DraftStore, *approval.Workflow[Draft, DraftTx], error) {
	if s.drafts == nil {
		return nil, nil, errNoDrafts
	}
	return s.drafts, s.flow, nil
}

// versionCursorPrefix and draftCursorPrefix name the two lists in their cursors, which carry the
// last id seen.
const (
	versionCursorPrefix = "bdver"
	draftCursorPrefix   = "bddraft"
)

// VersionCursor returns the cursor after version id.
func VersionCursor(id int64) string { return page.KeyCursor(versionCursorPrefix, id) }

// DraftCursor returns the cursor after draft id.
func DraftCursor(id int64) string { return page.KeyCursor(draftCursorPrefix, id) }

// VersionsPage returns a page of first versions of market, newest first, after the cursor after
// ("" for the newest), and whether more follow.
func (s *DefinitionService) VersionsPage(ctx context.Context, market string, first int, after string) ([]Version, bool, error) {
	st, _, err := s.lifecycle()
	if err != nil {
		return nil, false, err
	}
	return page.Fetch(first, after, versionCursorPrefix, func(key int64, limit int) ([]Version, error) {
		return st.BadDefinitionVersions(ctx, market, key, limit)
	})
}

// Draft returns draft id.
func (s *DefinitionService) Draft(ctx context.Context, id int64) (Draft, error) {
	st, _, err := s.lifecycle()
	if err != nil {
		return Draft{}, err
	}
	return st.BadDefinitionDraft(ctx, id)
}

// DraftsPage returns a page of first drafts of market and status ("" for any), newest first,
// after the cursor after ("" for the newest), and whether more follow.
func (s *DefinitionService) DraftsPage(ctx context.Context, market string, status approval.Status, first int, after string) ([]Draft, bool, error) {
	st, _, err := s.lifecycle()
	if err != nil {
		return nil, false, err
	}
	return page.Fetch(first, after, draftCursorPrefix, func(key int64, limit int) ([]Draft, error) {
		return st.BadDefinitionDrafts(ctx, market, status, key, limit)
	})
}

// CreateDraft starts a draft of market's bad definition as a copy of the version in force.
func (s *DefinitionService) CreateDraft(ctx context.Context, mkt string) (Draft, error) {
	st, flow, err := s.lifecycle()
	if err != nil {
		return Draft{}, err
	}
	if _, ok := market.Lookup(mkt); !ok {
		return Draft{}, invalid("market", "is not a market")
	}
	// The draft starts from what the database holds, not from a cached version that another
	// instance may have superseded within the last activeTTL.
	base, err := st.ActiveBadDefinition(ctx, mkt)
	if err != nil {
		return Draft{}, err
	}
	d := Draft{Market: mkt, BaseVersionID: base.ID, Definition: base.Definition}
	err = flow.Create(ctx, ActionDraftCreate, &d)
	return d, err
}

// EditDraft sets the definition of a DRAFT read at revision to "reached level within
// windowMonths". A stale revision, or a draft no longer DRAFT, is an ErrConflict; a status that
// is not a level, or a window out of 1..MaxWindowMonths, is a field error on level or
// windowMonths.
func (s *DefinitionService) EditDraft(ctx context.Context, id int64, revision int, level Status, windowMonths int) (Draft, error) {
	_, flow, err := s.lifecycle()
	if err != nil {
		return Draft{}, err
	}
	def, err := ParseBadDefinition(level, windowMonths)
	if err != nil {
		return Draft{}, err
	}
	return flow.Edit(ctx, id, revision, func(_ DraftTx, d *Draft, _ time.Time) error {
		d.Definition = def
		return nil
	})
}

// SubmitDraft freezes a DRAFT read at revision for review, with its rationale (required).
func (s *DefinitionService) SubmitDraft(ctx context.Context, id int64, revision int, rationale string) (Draft, error) {
	_, flow, err := s.lifecycle()
	if err != nil {
		return Draft{}, err
	}
	rationale = strings.TrimSpace(rationale)
	switch {
	case rationale == "":
		return Draft{}, invalid("rationale", "is required: say why the definition should change")
	case len(rationale) > MaxRationaleLen:
		return Draft{}, invalid("rationale", "must be at most %d bytes", MaxRationaleLen)
	}
	return flow.Submit(ctx, id, revision, func(_ DraftTx, d *Draft, _ time.Time) error {
		d.Rationale = rationale
		return nil
	})
}

// ApproveDraft approves a SUBMITTED draft, not one's own (compared by person), and publishes its
// definition as its market's next version in the same transaction. The version is in force on
// this instance at once (Remember), and on others within activeTTL.
func (s *DefinitionService) ApproveDraft(ctx context.Context, id int64, comment string) (Draft, Version, error) {
	_, flow, err := s.lifecycle()
	if err != nil {
		return Draft{}, Version{}, err
	}
	var v Version
	d, err := flow.Approve(ctx, id, comment, func(tx DraftTx, d *Draft, now time.Time) error {
		v = Version{Market: d.Market, Definition: d.Definition, Author: d.Author, Approver: d.Reviewer,
			Rationale: d.Rationale, CreatedAt: now}
		if err := tx.CreateBadDefinitionVersion(ctx, &v); err != nil {
			return err
		}
		d.PublishedVersionID = v.ID
		return nil
	})
	if err != nil {
		return Draft{}, Version{}, err
	}
	s.Remember(v)
	return d, v, nil
}

// RejectDraft rejects a SUBMITTED draft, not one's own; the comment, saying why, is required.
func (s *DefinitionService) RejectDraft(ctx context.Context, id int64, comment string) (Draft, error) {
	_, flow, err := s.lifecycle()
	if err != nil {
		return Draft{}, err
	}
	return flow.Reject(ctx, id, comment, nil)
}

// invalid returns a validation error on one field.
func invalid(field, format string, args ...any) error {
	var ve apperr.ValidationError
	ve.Add(field, format, args...)
	return ve.Err()
}

// ParseBadDefinition returns the definition "reached level within windowMonths", or the field
// errors on level (a status that is not LATE_30_59..CHARGED_OFF) and windowMonths (out of
// 1..MaxWindowMonths), as the API names them.
func ParseBadDefinition(level Status, windowMonths int) (BadDefinition, error) {
	l, ok := LevelOf(level)
	if !ok {
		l = NumLevels // refused by Validate, which names the field
	}
	d := BadDefinition{Level: l, WindowMonths: windowMonths}
	var ve apperr.ValidationError
	d.Validate(&ve, "")
	for i := range ve.Fields {
		ve.Fields[i].Field = strings.TrimPrefix(ve.Fields[i].Field, ".")
	}
	if err := ve.Err(); err != nil {
		return BadDefinition{}, err
	}
	return d, nil
}
