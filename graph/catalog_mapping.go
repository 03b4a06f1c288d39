package graph

import (
	"context"
	"maps"
	"slices"
	"strconv"

	"riskconsole/graph/model"
	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
)

// previewRequest maps previewMessage's arguments; catalog.Preview checks them.
func previewRequest(code model.ReasonCode, locale string, sample *model.PreviewSample, text *model.MessageTextInput) catalog.PreviewRequest {
	r, _ := engine.ParseReason(string(code)) // the enum admits only reason codes
	req := catalog.PreviewRequest{Reason: r, Locale: locale}
	if sample != nil {
		req.Merchant = deref(sample.Merchant)
		req.Currency = deref(sample.Currency)
		if sample.Amount != nil {
			req.Amount = *sample.Amount
		}
		if sample.Score != nil {
			req.Score = *sample.Score
		}
		if sample.ScoreDate != nil {
			req.ScoreDate = *sample.ScoreDate
		}
	}
	if text != nil {
		req.Text = &catalog.Text{Title: text.Title, Body: text.Body, Steps: slices.Clone(text.Steps)}
	}
	return req
}

// mapCatalogChanges maps a diff between catalog versions.
func mapCatalogChanges(changes []catalog.Change) []model.CatalogChange {
	out := make([]model.CatalogChange, len(changes))
	for i, c := range changes {
		out[i] = model.CatalogChange{Code: model.ReasonCode(c.Key.Reason.String()), Locale: c.Key.Locale,
			Audience: model.CatalogAudience(c.Key.Audience), Kind: model.CatalogChangeKind(c.Kind),
			Before: mapCatalogText(c.Before), After: mapCatalogText(c.After)}
	}
	return out
}

func mapCatalogText(t *catalog.Text) *model.CatalogText {
	if t == nil {
		return nil
	}
	return &model.CatalogText{Title: t.Title, Body: t.Body, Steps: t.Steps}
}

// mapCatalogDraft maps a draft with its changes against the version it started from.
func (r *Resolver) mapCatalogDraft(ctx context.Context, d catalog.Draft, err error) (*model.CatalogDraft, error) {
	if err != nil {
		return nil, err
	}
	changes, err := r.CatalogLifecycle.Changes(ctx, &d)
	if err != nil {
		return nil, err
	}
	frameChanges, err := r.CatalogLifecycle.FrameChanges(ctx, &d)
	if err != nil {
		return nil, err
	}
	out := &model.CatalogDraft{ID: strconv.FormatInt(d.ID, 10), BaseVersion: d.BaseVersion, Status: model.CatalogDraftStatus(d.Status),
		Revision: d.Revision, Author: d.Author, CreatedAt: d.CreatedAt, UpdatedAt: d.UpdatedAt, Changes: mapCatalogChanges(changes),
		Texts: mapCatalogEntries(d.Texts), Frames: mapFrames(d.Frames), FrameChanges: mapFrames(frameChanges)}
	if d.Reviewer != "" {
		out.Reviewer = &d.Reviewer
	}
	if d.ReviewComment != "" {
		out.Comment = &d.ReviewComment
	}
	if d.PublishedVersion != 0 {
		out.PublishedVersion = &d.PublishedVersion
	}
	return out, nil
}

// mapCatalogEntries maps every text of a catalog or draft, in catalog.Entries order.
func mapCatalogEntries(texts map[catalog.Key]catalog.Text) []model.CatalogEntry {
	es := catalog.Entries(texts)
	out := make([]model.CatalogEntry, len(es))
	for i := range es {
		k := es[i].Key
		out[i] = model.CatalogEntry{Code: model.ReasonCode(k.Reason.String()), Locale: k.Locale,
			Audience: model.CatalogAudience(k.Audience), Text: mapCatalogText(&es[i].Text)}
	}
	return out
}

// mapCatalogVersion maps a published catalog; current is the version assessments use.
func mapCatalogVersion(c *catalog.Catalog, current int, err error) (*model.CatalogVersion, error) {
	if err != nil {
		return nil, err
	}
	return &model.CatalogVersion{Version: c.Version, Current: c.Version == current, Texts: mapCatalogEntries(c.Texts),
		Frames: mapFrames(c.FramesOrDefault())}, nil
}

// mapFrames maps frames, by locale and then in catalog.FrameParts order.
func mapFrames(frames map[string]catalog.Frame) []model.CatalogFrameEntry {
	out := make([]model.CatalogFrameEntry, 0, len(frames)*len(catalog.FrameParts))
	for _, l := range slices.Sorted(maps.Keys(frames)) {
		f := frames[l]
		for _, p := range catalog.FrameParts {
			if t := f.Part(p); t != "" {
				out = append(out, model.CatalogFrameEntry{Locale: l, Part: model.CatalogFramePart(p), Text: t})
			}
		}
	}
	return out
}

// mapCatalogDraftPage maps a page of drafts, each with its changes.
func (r *Resolver) mapCatalogDraftPage(ctx context.Context, ds []catalog.Draft, hasNext bool, after *string, err error) (*model.CatalogDraftConnection, error) {
	if err != nil {
		return nil, err
	}
	conn := &model.CatalogDraftConnection{Nodes: make([]model.CatalogDraft, len(ds))}
	for i := range ds {
		d, err := r.mapCatalogDraft(ctx, ds[i], nil)
		if err != nil {
			return nil, err
		}
		conn.Nodes[i] = *d
	}
	conn.Edges, conn.PageInfo = edgesOf(ds, conn.Nodes, hasNext, after,
		func(d *catalog.Draft) string { return catalog.DraftCursor(d.ID) },
		func(c string, n *model.CatalogDraft) model.CatalogDraftEdge {
			return model.CatalogDraftEdge{Cursor: c, Node: n}
		})
	return conn, nil
}
