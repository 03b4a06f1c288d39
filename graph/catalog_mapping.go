package graph

import (
	"context"
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
	out := &model.CatalogDraft{ID: strconv.FormatInt(d.ID, 10), BaseVersion: d.BaseVersion, Status: model.CatalogDraftStatus(d.Status),
		Revision: d.Revision, Author: d.Author, CreatedAt: d.CreatedAt, UpdatedAt: d.UpdatedAt, Changes: mapCatalogChanges(changes)}
	if d.Reviewer != "" {
		out.Reviewer = &d.Reviewer
	}
	if d.Comment != "" {
		out.Comment = &d.Comment
	}
	if d.PublishedVersion != 0 {
		out.PublishedVersion = &d.PublishedVersion
	}
	return out, nil
}
