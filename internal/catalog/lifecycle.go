package catalog

import (
	"context"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/engine"
	"riskconsole/internal/page"
)

// DraftStatus is the state of a catalog draft.
type DraftStatus string

// Draft states: DRAFT (editable) → SUBMITTED (frozen) → APPROVED (published) or REJECTED.
const (
	StatusDraft     DraftStatus = "DRAFT"
	StatusSubmitted DraftStatus = "SUBMITTED"
	StatusApproved  DraftStatus = "APPROVED"
	StatusRejected  DraftStatus = "REJECTED"
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

// maxComment bounds a rejection comment.
const maxComment = 2000

// Draft is an editable copy of the catalog's texts.
type Draft struct {
	ID          int64
	BaseVersion int // the published version the draft started from
	Texts       map[Key]Text
	Author      string
	Status      DraftStatus
	// Revision grows by one with every change; edits and submissions name the revision they saw.
	Revision         int
	Reviewer         string
	Comment          string
	PublishedVersion int // set once approved
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// DraftTx is what the lifecycle does inside one transaction.
type DraftTx interface {
	CatalogDraft(ctx context.Context, id int64) (Draft, error)
	// CreateCatalogDraft writes d and fills its ID.
	CreateCatalogDraft(ctx context.Context, d *Draft) error
	// UpdateCatalogDraft writes d over the draft when it is still in status and at revision, and
	// reports whether it was.
	UpdateCatalogDraft(ctx context.Context, d *Draft, status DraftStatus, revision int) (bool, error)
	// CreateCatalogVersion publishes c as the next version; it fills c.VersionID and c.Version.
	CreateCatalogVersion(ctx context.Context, c *Catalog, author string) error
	AppendAudit(ctx context.Context, e *audit.Event) error
}

// DraftStore is the lifecycle's storage.
type DraftStore interface {
	CatalogTx(ctx context.Context, fn func(tx DraftTx) error) error
	CatalogDraft(ctx context.Context, id int64) (Draft, error)
	// CatalogDrafts returns up to limit drafts, newest first, with ids below beforeID (0: from
	// the newest), of the given status ("" for any).
	CatalogDrafts(ctx context.Context, status DraftStatus, beforeID int64, limit int) ([]Draft, error)
}

// Lifecycle runs catalog drafts: create, edit, submit, approve (publish) and reject. Every step
// writes its change and one audit event in one transaction.
type Lifecycle struct {
	store   DraftStore
	current *Current
	now     func() time.Time
}

// NewLifecycle returns a lifecycle that publishes into current's repository and refreshes
// current after each publication.
func NewLifecycle(store DraftStore, current *Current, now func() time.Time) *Lifecycle {
	if now == nil {
		now = time.Now
	}
	return &Lifecycle{store: store, current: current, now: now}
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

// draftCursorPrefix names the drafts list in its cursors, which carry the last draft id seen.
const draftCursorPrefix = "cdraft"

// DraftCursor returns the cursor after draft id.
func DraftCursor(id int64) string { return page.KeyCursor(draftCursorPrefix, id) }

// DraftsPage returns a page of first drafts of the given status ("" for any), newest first,
// after the cursor after ("" for the newest), and whether more follow.
func (l *Lifecycle) DraftsPage(ctx context.Context, status DraftStatus, first int, after string) ([]Draft, bool, error) {
	return page.Fetch(first, after, draftCursorPrefix, func(key int64, limit int) ([]Draft, error) {
		return l.store.CatalogDrafts(ctx, status, key, limit)
	})
}

// record is what the audit log keeps of a draft.
func record(d *Draft) map[string]any {
	return map[string]any{"id": d.ID, "baseVersion": d.BaseVersion, "status": d.Status, "revision": d.Revision,
		"reviewer": d.Reviewer, "comment": d.Comment, "publishedVersion": d.PublishedVersion}
}

func (l *Lifecycle) at() time.Time { return l.now().UTC().Truncate(time.Microsecond) }

// CreateDraft starts a draft from the current published catalog.
func (l *Lifecycle) CreateDraft(ctx context.Context) (Draft, error) {
	cur := l.current.Current()
	now := l.at()
	d := Draft{BaseVersion: cur.Version, Texts: cur.Clone().Texts, Author: auth.PrincipalFrom(ctx).Subject(),
		Status: StatusDraft, Revision: 1, CreatedAt: now, UpdatedAt: now}
	err := l.store.CatalogTx(ctx, func(tx DraftTx) error {
		if err := tx.CreateCatalogDraft(ctx, &d); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionDraftCreate, entityDraft, strconv.FormatInt(d.ID, 10), nil, record(&d), audit.Done))
	})
	return d, err
}

// EditText sets one text of a DRAFT draft at revision. The whole draft is checked with Validate,
// so unknown placeholders, missing FCRA disclosures and generic phrases are refused with field
// paths such as texts[CODE][locale][SHOPPER].body. A stale revision or a draft no longer in
// DRAFT is an ErrConflict.
func (l *Lifecycle) EditText(ctx context.Context, id int64, revision int, k Key, t Text) (Draft, error) {
	return l.change(ctx, id, revision, StatusDraft, ActionDraftEdit, func(d *Draft) error {
		d.Texts = maps.Clone(d.Texts)
		d.Texts[k] = Text{Title: t.Title, Body: t.Body, Steps: slices.Clone(t.Steps)}
		c := l.current.Current()
		return Validate(&Catalog{Codes: c.Codes, Texts: d.Texts})
	})
}

// Submit freezes a DRAFT draft at revision for review.
func (l *Lifecycle) Submit(ctx context.Context, id int64, revision int) (Draft, error) {
	return l.change(ctx, id, revision, StatusDraft, ActionDraftSubmit, func(d *Draft) error {
		d.Status = StatusSubmitted
		return nil
	})
}

// Reject rejects a SUBMITTED draft with a comment; its author may not.
func (l *Lifecycle) Reject(ctx context.Context, id int64, comment string) (Draft, error) {
	comment = strings.TrimSpace(comment)
	if comment == "" || len(comment) > maxComment {
		return Draft{}, &apperr.ValidationError{Fields: []apperr.FieldError{{Field: "comment", Message: fmt.Sprintf("is required, at most %d bytes", maxComment)}}}
	}
	return l.review(ctx, id, ActionDraftReject, func(_ DraftTx, d *Draft) error {
		d.Status, d.Comment = StatusRejected, comment
		return nil
	})
}

// Approve approves a SUBMITTED draft and publishes it as the next catalog version, which becomes
// the current catalog; its author may not approve it.
func (l *Lifecycle) Approve(ctx context.Context, id int64) (Draft, error) {
	d, err := l.review(ctx, id, ActionDraftApprove, func(tx DraftTx, d *Draft) error {
		c := &Catalog{Codes: l.current.Current().Codes, Texts: d.Texts}
		if err := tx.CreateCatalogVersion(ctx, c, d.Author); err != nil {
			return err
		}
		d.Status, d.PublishedVersion = StatusApproved, c.Version
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

// change applies fn to a draft in status at revision, bumps its revision and audits it.
func (l *Lifecycle) change(ctx context.Context, id int64, revision int, status DraftStatus, action string, fn func(*Draft) error) (Draft, error) {
	var d Draft
	err := l.store.CatalogTx(ctx, func(tx DraftTx) error {
		var err error
		if d, err = tx.CatalogDraft(ctx, id); err != nil {
			return err
		}
		if d.Status != status || d.Revision != revision {
			return fmt.Errorf("catalog draft %d is %s at revision %d, not %s at %d: %w", id, d.Status, d.Revision, status, revision, apperr.ErrConflict)
		}
		before := record(&d)
		if err := fn(&d); err != nil {
			return err
		}
		return l.save(ctx, tx, &d, status, revision, action, before)
	})
	return d, err
}

// review applies fn to a SUBMITTED draft reviewed by the caller, who must not be its author.
func (l *Lifecycle) review(ctx context.Context, id int64, action string, fn func(DraftTx, *Draft) error) (Draft, error) {
	reviewer := auth.PrincipalFrom(ctx).Subject()
	var d Draft
	err := l.store.CatalogTx(ctx, func(tx DraftTx) error {
		var err error
		if d, err = tx.CatalogDraft(ctx, id); err != nil {
			return err
		}
		if d.Author == reviewer {
			return fmt.Errorf("the author of catalog draft %d cannot review it: %w", id, apperr.ErrForbidden)
		}
		if d.Status != StatusSubmitted {
			return fmt.Errorf("catalog draft %d is %s, not SUBMITTED: %w", id, d.Status, apperr.ErrConflict)
		}
		before, revision := record(&d), d.Revision
		d.Reviewer = reviewer
		if err := fn(tx, &d); err != nil {
			return err
		}
		return l.save(ctx, tx, &d, StatusSubmitted, revision, action, before)
	})
	return d, err
}

// save writes d, changed from status at revision, as its next revision, with the audit event of
// action (before is the draft as it was); a concurrent change in between is a conflict.
func (l *Lifecycle) save(ctx context.Context, tx DraftTx, d *Draft, status DraftStatus, revision int, action string, before any) error {
	d.Revision++
	d.UpdatedAt = l.at()
	ok, err := tx.UpdateCatalogDraft(ctx, d, status, revision)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("catalog draft %d changed concurrently: %w", d.ID, apperr.ErrConflict)
	}
	return tx.AppendAudit(ctx, audit.NewEvent(ctx, action, entityDraft, strconv.FormatInt(d.ID, 10), before, record(d), audit.Done))
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
