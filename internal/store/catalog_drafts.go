package store

import (
	"context"
	"encoding/json"
	"fmt"

	"riskconsole/internal/approval"
	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
	"riskconsole/models"
)

// draftText is one text of a draft's texts column: a reason's text, or, with Part set, one part
// of the frame of Locale (in Body; Code and Audience empty).
type draftText struct {
	Part     string   `json:"part,omitempty"`
	Code     string   `json:"code"`
	Locale   string   `json:"locale"`
	Audience string   `json:"audience"`
	Title    string   `json:"title"`
	Body     string   `json:"body"`
	Steps    []string `json:"steps"`
}

func catalogDraftRowOf(d *catalog.Draft) (models.CatalogDraft, error) {
	texts := make([]draftText, 0, len(d.Texts))
	for k, t := range d.Texts {
		texts = append(texts, draftText{Code: k.Reason.String(), Locale: k.Locale, Audience: string(k.Audience), Title: t.Title, Body: t.Body, Steps: t.Steps})
	}
	for l, f := range d.Frames {
		for _, p := range catalog.FrameParts {
			texts = append(texts, draftText{Part: string(p), Locale: l, Body: f.Part(p)})
		}
	}
	b, _ := json.Marshal(texts) // plain strings always marshal
	row := models.CatalogDraft{Approval: approvalColumnsOf(&d.Fields), BaseVersion: d.BaseVersion, Texts: string(b)}
	if d.PublishedVersion != 0 {
		v := d.PublishedVersion
		row.PublishedVersion = &v
	}
	return row, nil
}

func catalogDraftOf(r *models.CatalogDraft) (catalog.Draft, error) {
	var texts []draftText
	if err := json.Unmarshal([]byte(r.Texts), &texts); err != nil {
		return catalog.Draft{}, fmt.Errorf("catalog draft %d texts: %w", r.Approval.ID, err)
	}
	d := catalog.Draft{Fields: approvalFields(&r.Approval), BaseVersion: r.BaseVersion, Texts: make(map[catalog.Key]catalog.Text, len(texts))}
	if r.PublishedVersion != nil {
		d.PublishedVersion = *r.PublishedVersion
	}
	for _, t := range texts {
		if t.Part != "" {
			if d.Frames == nil {
				d.Frames = make(map[string]catalog.Frame, 4)
			}
			f, ok := d.Frames[t.Locale]
			if !ok {
				f = catalog.SeededFrame(t.Locale) // the parts stored before them keep their seeds
			}
			if !f.SetPart(catalog.FramePart(t.Part), t.Body) {
				return catalog.Draft{}, fmt.Errorf("catalog draft %d: unknown frame part %q", r.Approval.ID, t.Part)
			}
			d.Frames[t.Locale] = f
			continue
		}
		reason, ok := engine.ParseReason(t.Code)
		if !ok {
			return catalog.Draft{}, fmt.Errorf("catalog draft %d: unknown reason %q", r.Approval.ID, t.Code)
		}
		d.Texts[catalog.Key{Reason: reason, Locale: t.Locale, Audience: catalog.Audience(t.Audience)}] = catalog.Text{Title: t.Title, Body: t.Body, Steps: t.Steps}
	}
	return d, nil
}

// CatalogTx runs fn in one transaction, as InTx does, for the catalog lifecycle.
func (s *Store) CatalogTx(ctx context.Context, fn func(tx catalog.DraftTx) error) error {
	return s.InTx(ctx, func(tx *Store) error { return fn(draftTx[catalog.Draft, models.CatalogDraft]{tx, catalogDrafts}) })
}

// catalogDrafts is the table of catalog drafts, for the approval workflow.
var catalogDrafts = &draftTable[catalog.Draft, models.CatalogDraft]{
	noun: "catalog draft", toRow: catalogDraftRowOf, fromRow: catalogDraftOf,
	approval: func(r *models.CatalogDraft) *models.ApprovalColumns { return &r.Approval },
	changes: func(r *models.CatalogDraft, columns map[string]any) {
		columns["texts"], columns["published_version"] = r.Texts, r.PublishedVersion
	},
}

// CatalogDraft returns the catalog draft with the given id.
func (s *Store) CatalogDraft(ctx context.Context, id int64) (catalog.Draft, error) {
	return loadDraft(ctx, s, catalogDrafts, id)
}

// CatalogDrafts returns up to limit drafts, newest first, with ids below beforeID (0: from the
// newest), of the given status ("" for any).
func (s *Store) CatalogDrafts(ctx context.Context, status approval.Status, beforeID int64, limit int) ([]catalog.Draft, error) {
	q := s.db.WithContext(ctx).Model(&models.CatalogDraft{})
	if status != "" {
		q = q.Where("status = ?", string(status))
	}
	return findAll(newestBefore(q, beforeID, limit), "catalog drafts", catalogDraftOf)
}
