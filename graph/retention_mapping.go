package graph

import (
	"maps"
	"slices"

	"riskconsole/graph/model"
	"riskconsole/internal/retention"
)

// Mapping of retention policies, legal holds and the plan (issue 18).

// pageOf maps a page of items, each with mapOne, and makes its edges and PageInfo with edgesOf.
func pageOf[T, M, E any](items []T, hasNext bool, after *string, mapOne func(*T) M, cursor func(*T) string,
	edge func(string, *M) E) ([]M, []E, *model.PageInfo) {
	nodes := make([]M, len(items))
	for i := range items {
		nodes[i] = mapOne(&items[i])
	}
	edges, pi := edgesOf(items, nodes, hasNext, after, cursor, edge)
	return nodes, edges, pi
}

// optIDOf is id as an API id, nil for 0 (none).
func optIDOf(id int64) *string {
	if id == 0 {
		return nil
	}
	s := idString(id)
	return &s
}

func retentionFloor(f retention.Floor) *model.RetentionFloor {
	return &model.RetentionFloor{Months: f.Months, Basis: f.Basis}
}

func retentionPolicy(p *retention.Policy) *model.RetentionPolicy {
	return &model.RetentionPolicy{ID: optIDOf(p.ID), Market: p.Market, Version: p.Version, KeepMonths: p.KeepMonths,
		AfterRetention: model.RetentionAction(p.After), RequestID: optIDOf(p.RequestID), Author: optString(p.Author),
		Approver: optString(p.Approver), Rationale: p.Rationale, CreatedAt: optTime(p.CreatedAt)}
}

func mapMarketRetention(list []retention.MarketPolicy, err error) ([]model.MarketRetention, error) {
	if err != nil {
		return nil, err
	}
	out := make([]model.MarketRetention, len(list))
	for i := range list {
		out[i] = model.MarketRetention{Market: list[i].Market, Floor: retentionFloor(list[i].Floor),
			MaxKeepMonths: retention.MaxKeepMonths, Policy: retentionPolicy(&list[i].Policy)}
	}
	return out, nil
}

func mapRetentionPolicyPage(ps []retention.Policy, hasNext bool, after *string, err error) (*model.RetentionPolicyConnection, error) {
	if err != nil {
		return nil, err
	}
	nodes, edges, pi := pageOf(ps, hasNext, after, func(p *retention.Policy) model.RetentionPolicy { return *retentionPolicy(p) },
		func(p *retention.Policy) string { return retention.VersionCursor(p.ID) },
		func(c string, n *model.RetentionPolicy) model.RetentionPolicyEdge {
			return model.RetentionPolicyEdge{Cursor: c, Node: n}
		})
	return &model.RetentionPolicyConnection{Nodes: nodes, Edges: edges, PageInfo: pi}, nil
}

func policyRequestModel(r *retention.PolicyRequest) model.RetentionPolicyRequest {
	return model.RetentionPolicyRequest{ID: idString(r.ID), Market: r.Market, KeepMonths: r.KeepMonths,
		AfterRetention: model.RetentionAction(r.After), Rationale: r.Rationale, BaseVersion: r.BaseVersion,
		Status: model.ThresholdDraftStatus(r.Status), Author: r.Author, Reviewer: optString(r.Reviewer),
		ReviewComment: optString(r.ReviewComment), PublishedVersionID: optIDOf(r.PublishedID), CreatedAt: r.CreatedAt,
		UpdatedAt: r.UpdatedAt}
}

func mapPolicyRequest(r retention.PolicyRequest, err error) (*model.RetentionPolicyRequest, error) {
	if err != nil {
		return nil, err
	}
	m := policyRequestModel(&r)
	return &m, nil
}

func mapPolicyRequestPage(rs []retention.PolicyRequest, hasNext bool, after *string, err error) (*model.RetentionPolicyRequestConnection, error) {
	if err != nil {
		return nil, err
	}
	nodes, edges, pi := pageOf(rs, hasNext, after, policyRequestModel,
		func(r *retention.PolicyRequest) string { return retention.RequestCursor(r.ID) },
		func(c string, n *model.RetentionPolicyRequest) model.RetentionPolicyRequestEdge {
			return model.RetentionPolicyRequestEdge{Cursor: c, Node: n}
		})
	return &model.RetentionPolicyRequestConnection{Nodes: nodes, Edges: edges, PageInfo: pi}, nil
}

// holdFilter reads a hold's filter from the API's input.
func holdFilter(in *model.LegalHoldInput) retention.Filter {
	return retention.Filter{Market: deref(in.Market), From: in.From, To: in.To, ShopperID: deref(in.ShopperID), MerchantID: deref(in.MerchantID)}
}

func legalHoldModel(h *retention.Hold) model.LegalHold {
	return model.LegalHold{ID: idString(h.ID), Market: optString(h.Market), From: h.From, To: h.To,
		ShopperID: optString(h.ShopperID), MerchantID: optString(h.MerchantID), Reason: h.Reason, Active: h.Active(),
		PlacedBy: h.Author, PlacedAt: h.CreatedAt, LiftedBy: optString(h.Reviewer), LiftedAt: h.LiftedAt(),
		LiftComment: optString(h.ReviewComment)}
}

func mapLegalHold(h retention.Hold, err error) (*model.LegalHold, error) {
	if err != nil {
		return nil, err
	}
	m := legalHoldModel(&h)
	return &m, nil
}

func mapLegalHoldPage(hs []retention.Hold, hasNext bool, after *string, err error) (*model.LegalHoldConnection, error) {
	if err != nil {
		return nil, err
	}
	nodes, edges, pi := pageOf(hs, hasNext, after, legalHoldModel, func(h *retention.Hold) string { return retention.HoldCursor(h.ID) },
		func(c string, n *model.LegalHold) model.LegalHoldEdge { return model.LegalHoldEdge{Cursor: c, Node: n} })
	return &model.LegalHoldConnection{Nodes: nodes, Edges: edges, PageInfo: pi}, nil
}

// holdRefs names the holds ids (ascending) by id and date; holds has every one of them.
func holdRefs(ids []int64, holds map[int64]retention.Hold) []model.HoldRef {
	out := make([]model.HoldRef, len(ids))
	for i, id := range ids {
		out[i] = model.HoldRef{ID: idString(id), PlacedAt: holds[id].CreatedAt}
	}
	return out
}

func mapRetentionPlan(p retention.MarketPlan, err error) (*model.RetentionPlan, error) {
	if err != nil {
		return nil, err
	}
	out := &model.RetentionPlan{Market: p.Market, AsOf: p.AsOf, Policy: retentionPolicy(&p.Policy), Floor: retentionFloor(p.Floor),
		CountsAsOf: p.CountsAsOf, Months: make([]model.RetentionMonth, len(p.Months))}
	for i, m := range p.Months {
		out.Months[i] = model.RetentionMonth{Month: m.Month, Decisions: int(m.Decisions), DueAt: m.DueAt,
			AfterRetention: model.RetentionAction(m.After), State: model.RetentionMonthState(m.State), HeldBy: holdRefs(m.HeldBy, p.Holds)}
	}
	return out, nil
}

func mapErasurePlan(e retention.ShopperErasure, err error) (*model.ErasurePlan, error) {
	if err != nil {
		return nil, err
	}
	out := &model.ErasurePlan{AsOf: e.AsOf, State: model.ErasureState(e.State), At: e.At, DutyEndsAt: e.DutyEndsAt,
		HeldBy: holdRefs(slices.Sorted(maps.Keys(e.Holds)), e.Holds), Months: make([]model.ErasureMonth, len(e.Months))}
	for i, m := range e.Months {
		out.Months[i] = model.ErasureMonth{Market: m.Market, Month: m.Month, DueAt: m.DueAt, UnderDuty: m.UnderDuty}
	}
	return out, nil
}
