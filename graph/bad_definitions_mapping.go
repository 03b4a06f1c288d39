package graph

import (
	"riskconsole/graph/model"
	"riskconsole/internal/approval"
	"riskconsole/internal/outcomes"
)

// badDefinitionModel maps a version of a market's bad definition to the API. The what-if and the
// vintages report the definition they classified with through it too.
func badDefinitionModel(v outcomes.Version) *model.BadDefinition {
	return &model.BadDefinition{ID: idString(v.ID), Market: v.Market, Version: v.Version,
		Level: model.OutcomeStatus(v.Definition.Level.Status().String()), WindowMonths: v.Definition.WindowMonths,
		Description: v.Definition.String(), Author: v.Author, Approver: v.Approver, Rationale: v.Rationale,
		CreatedAt: v.CreatedAt}
}

// badDefinitionDraftModel maps a draft of a bad definition to the API.
func badDefinitionDraftModel(d *outcomes.Draft) *model.BadDefinitionDraft {
	out := &model.BadDefinitionDraft{ID: idString(d.ID), Market: d.Market, Status: model.ThresholdDraftStatus(d.Status),
		Revision: d.Revision, Author: d.Author, Rationale: d.Rationale,
		Level: model.OutcomeStatus(d.Definition.Level.Status().String()), WindowMonths: d.Definition.WindowMonths,
		Description: d.Definition.String(), Reviewer: optString(d.Reviewer), ReviewComment: optString(d.ReviewComment),
		CreatedAt: d.CreatedAt, UpdatedAt: d.UpdatedAt}
	if d.BaseVersionID != 0 {
		id := idString(d.BaseVersionID)
		out.BaseVersionID = &id
	}
	if d.PublishedVersionID != 0 {
		id := idString(d.PublishedVersionID)
		out.PublishedVersionID = &id
	}
	return out
}

// mapBadDefinitionDraft maps the result of a draft's step.
func mapBadDefinitionDraft(d outcomes.Draft, err error) (*model.BadDefinitionDraft, error) {
	if err != nil {
		return nil, err
	}
	return badDefinitionDraftModel(&d), nil
}

// mapBadDefinitionPage maps a page of versions.
func mapBadDefinitionPage(vs []outcomes.Version, hasNext bool, after *string, err error) (*model.BadDefinitionConnection, error) {
	if err != nil {
		return nil, err
	}
	conn := &model.BadDefinitionConnection{Nodes: make([]model.BadDefinition, len(vs))}
	for i := range vs {
		conn.Nodes[i] = *badDefinitionModel(vs[i])
	}
	conn.Edges, conn.PageInfo = edgesOf(vs, conn.Nodes, hasNext, after,
		func(v *outcomes.Version) string { return outcomes.VersionCursor(v.ID) },
		func(c string, n *model.BadDefinition) model.BadDefinitionEdge {
			return model.BadDefinitionEdge{Cursor: c, Node: n}
		})
	return conn, nil
}

// mapBadDefinitionDraftPage maps a page of drafts.
func mapBadDefinitionDraftPage(ds []outcomes.Draft, hasNext bool, after *string, err error) (*model.BadDefinitionDraftConnection, error) {
	if err != nil {
		return nil, err
	}
	conn := &model.BadDefinitionDraftConnection{Nodes: make([]model.BadDefinitionDraft, len(ds))}
	for i := range ds {
		conn.Nodes[i] = *badDefinitionDraftModel(&ds[i])
	}
	conn.Edges, conn.PageInfo = edgesOf(ds, conn.Nodes, hasNext, after,
		func(d *outcomes.Draft) string { return outcomes.DraftCursor(d.ID) },
		func(c string, n *model.BadDefinitionDraft) model.BadDefinitionDraftEdge {
			return model.BadDefinitionDraftEdge{Cursor: c, Node: n}
		})
	return conn, nil
}

// draftStatusFilter maps an optional draft status argument; nil is any.
func draftStatusFilter(status *model.ThresholdDraftStatus) approval.Status {
	if status == nil {
		return ""
	}
	return approval.Status(*status)
}
