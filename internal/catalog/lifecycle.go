package catalog

import (
	"context"
	"log/slog"
	"maps"
	"slices"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/approval"
	"riskconsole/internal/audit"
	"riskconsole/internal/engine"
	"riskconsole/internal/page"
)

// Audit vocabulary of the catalog lifecycle.
const (
	ActionDraftCreate = "catalog_draft.create"
	ActionDraftEdit   = "catalog_draft.edit"
	ActionDraftSubmit = "catalog_draft.submit"
	ActionDraftReject = "catalog_draft.reject"
	// ActionDraftApprove records an approval, which publishes the draft as a new version.
	ActionDraftApprove = "catalog_draft.approve"
	entityDraft        = "catalog_draft"
)

// Draft is an editable copy of the catalog's texts, on its way to becoming a published version
// through the approval workflow.
type Draft struct {
	approval.Fields
	BaseVersion int // the published version the draft started from
	Texts       map[Key]Text
	// Frames are the pop-up frames with their notices, per locale.
	Frames           map[string]Frame
	PublishedVersion int // set once approved
}

// DraftTx is what the lifecycle does inside one transaction: the drafts, as the approval workflow
// stores them, and the publication of versions.
type DraftTx interface {
	approval.Tx[Draft]
	// CreateCatalogVersion publishes c as the next version; it fills c.VersionID and c.Version.
	CreateCatalogVersion(ctx context.Context, c *Catalog, author string) error
}

// DraftStore is the lifecycle's storage.
type DraftStore interface {
	CatalogTx(ctx context.Context, fn func(tx DraftTx) error) error
	// AppendAudit appends an event in a transaction of its own.
	AppendAudit(ctx context.Context, e *audit.Event) error
	CatalogDraft(ctx context.Context, id int64) (Draft, error)
	// CatalogDrafts returns up to limit drafts, newest first, with ids below beforeID (0: from
	// the newest), of the given status ("" for any).
	CatalogDrafts(ctx context.Context, status approval.Status, beforeID int64, limit int) ([]Draft, error)
}

// Lifecycle runs catalog drafts through the approval workflow: create, edit, submit, approve
// (publish) and reject. Every step writes its change and one audit event in one transaction.
type Lifecycle struct {
	store   DraftStore
	flow    *approval.Workflow[Draft, DraftTx]
	current *Current
}

// draftKind describes catalog drafts to the approval workflow.
var draftKind = approval.Kind[Draft]{
	Noun: "catalog draft", Entity: entityDraft,
	Edit: ActionDraftEdit, Submit: ActionDraftSubmit, Approve: ActionDraftApprove, Reject: ActionDraftReject,
	Fields: func(d *Draft) *approval.Fields { return &d.Fields },
	Record: record,
}

// NewLifecycle returns a lifecycle that publishes into current's repository and refreshes
// current after each publication.
func NewLifecycle(store DraftStore, current *Current, now func() time.Time) *Lifecycle {
	return &Lifecycle{store: store, flow: approval.New(draftKind, store.CatalogTx, store.AppendAudit, now), current: current}
}

// Draft returns the draft with the given id.
func (l *Lifecycle) Draft(ctx context.Context, id int64) (Draft, error) {
	return l.store.CatalogDraft(ctx, id)
}

// Changes lists the texts of d that differ from the version it started from.
func (l *Lifecycle) Changes(ctx context.Context, d *Draft) ([]Change, error) {
	base, err := l.current.Version(ctx, d.BaseVersion)
	if err != nil {
		return nil, err
	}
	return Diff(base, &Catalog{Texts: d.Texts}), nil
}

// FrameChanges returns the frame parts of d that differ from the version it started from, as they
// are in d (other parts empty), by locale.
func (l *Lifecycle) FrameChanges(ctx context.Context, d *Draft) (map[string]Frame, error) {
	base, err := l.current.Version(ctx, d.BaseVersion)
	if err != nil {
		return nil, err
	}
	return FrameDiff(base.FramesOrDefault(), (&Catalog{Frames: d.Frames}).FramesOrDefault()), nil
}

// draftCursorPrefix names the drafts list in its cursors, which carry the last draft id seen.
const draftCursorPrefix = "cdraft"

// DraftCursor returns the cursor after draft id.
func DraftCursor(id int64) string { return page.KeyCursor(draftCursorPrefix, id) }

// DraftsPage returns a page of first drafts of the given status ("" for any), newest first,
// after the cursor after ("" for the newest), and whether more follow.
func (l *Lifecycle) DraftsPage(ctx context.Context, status approval.Status, first int, after string) ([]Draft, bool, error) {
	return page.Fetch(first, after, draftCursorPrefix, func(key int64, limit int) ([]Draft, error) {
		return l.store.CatalogDrafts(ctx, status, key, limit)
	})
}

// record is what the audit log keeps of a draft.
func record(d *Draft) any {
	return map[string]any{"id": d.ID, "baseVersion": d.BaseVersion, "status": d.Status, "revision": d.Revision,
		"reviewer": d.Reviewer, "comment": d.ReviewComment, "publishedVersion": d.PublishedVersion}
}

// CreateDraft starts a draft from the current published catalog.
func (l *Lifecycle) CreateDraft(ctx context.Context) (Draft, error) {
	cur := l.current.Current()
	d := Draft{BaseVersion: cur.Version, Texts: cur.Clone().Texts, Frames: cur.FramesOrDefault()}
	err := l.flow.Create(ctx, ActionDraftCreate, &d)
	return d, err
}

// EditText sets one text of a DRAFT draft at revision. The whole draft is checked with Validate,
// so unknown placeholders, missing FCRA disclosures and generic phrases are refused with field
// paths such as texts[CODE][locale][SHOPPER].body. A stale revision or a draft no longer in
// DRAFT is an ErrConflict.
func (l *Lifecycle) EditText(ctx context.Context, id int64, revision int, k Key, t Text) (Draft, error) {
	return l.flow.Edit(ctx, id, revision, func(_ DraftTx, d *Draft, _ time.Time) error {
		d.Texts = maps.Clone(d.Texts)
		d.Texts[k] = Text{Title: t.Title, Body: t.Body, Steps: slices.Clone(t.Steps)}
		return Validate(l.draftCatalog(d))
	})
}

// draftCatalog is the catalog draft d would publish. A draft started before frames were stored
// has none and takes the seeded frames.
func (l *Lifecycle) draftCatalog(d *Draft) *Catalog {
	if len(d.Frames) == 0 {
		d.Frames = maps.Clone(defaultFrames)
	}
	return &Catalog{Codes: l.current.Current().Codes, Texts: d.Texts, Frames: d.Frames}
}

// EditFrame sets one part of the frame of locale in a DRAFT draft at revision, as EditText sets a
// text: the whole draft is checked with Validate, so a frame without its notices (the human
// review in SE, DE and GB, the FCRA and ECOA notices) is refused with paths such as
// frames[de-DE].humanReview.
func (l *Lifecycle) EditFrame(ctx context.Context, id int64, revision int, locale string, part FramePart, text string) (Draft, error) {
	return l.flow.Edit(ctx, id, revision, func(_ DraftTx, d *Draft, _ time.Time) error {
		d.Frames = (&Catalog{Frames: d.Frames}).FramesOrDefault()
		f := d.Frames[locale]
		if !f.SetPart(part, text) {
			return &apperr.ValidationError{Fields: []apperr.FieldError{{Field: "part", Message: "unknown frame part"}}}
		}
		d.Frames[locale] = f
		return Validate(l.draftCatalog(d))
	})
}

// Submit freezes a DRAFT draft at revision for review.
func (l *Lifecycle) Submit(ctx context.Context, id int64, revision int) (Draft, error) {
	return l.flow.Submit(ctx, id, revision, nil)
}

// Reject rejects a SUBMITTED draft with a comment, which is required; its author may not.
func (l *Lifecycle) Reject(ctx context.Context, id int64, comment string) (Draft, error) {
	return l.flow.Reject(ctx, id, comment, nil)
}

// Approve approves a SUBMITTED draft and publishes it as the next catalog version, which becomes
// the current catalog; its author may not approve it.
func (l *Lifecycle) Approve(ctx context.Context, id int64) (Draft, error) {
	d, err := l.flow.Approve(ctx, id, "", func(tx DraftTx, d *Draft, _ time.Time) error {
		c := l.draftCatalog(d)
		if err := tx.CreateCatalogVersion(ctx, c, d.Author); err != nil {
			return err
		}
		d.PublishedVersion = c.Version
		return nil
	})
	if err != nil {
		return d, err
	}
	// The version is committed; a failed refresh is caught up by the periodic one.
	if rerr := l.current.Refresh(context.WithoutCancel(ctx)); rerr != nil {
		slog.ErrorContext(ctx, "refresh reason catalog after publishing", "version", d.PublishedVersion, "err", rerr)
	}
	return d, nil
}

// ParseKey returns the key of a text from its code, locale and audience as the API names them.
func ParseKey(code, locale, audience string) (Key, error) {
	var ve apperr.ValidationError
	r, ok := engine.ParseReason(code)
	if !ok {
		ve.Add("code", "is not a reason code")
	}
	a := Audience(audience)
	if a != Shopper && a != Agent {
		ve.Add("audience", "must be %s or %s", Shopper, Agent)
	}
	return Key{Reason: r, Locale: locale, Audience: a}, ve.Err()
}
