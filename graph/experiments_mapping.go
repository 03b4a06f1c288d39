package graph

import (
	"context"
	"slices"
	"time"

	"riskconsole/graph/model"
	"riskconsole/internal/apperr"
	"riskconsole/internal/decisions"
	"riskconsole/internal/market"
	"riskconsole/internal/page"
	"riskconsole/internal/thresholds"
)

// Mapping of shadows, challenger splits and split requests (issue 17). Each names its threshold
// version with the version's status now, read from the schedule as the version lists do
// (mapVersionState); the versions of a list are loaded in one batch.

// armOf maps a decision's arm; nil when no split ran.
func armOf(a thresholds.Arm) *model.Arm {
	if a == thresholds.ArmNone {
		return nil
	}
	m := model.Arm(a)
	return &m
}

// armFilter maps an optional arm argument; nil is any arm. The enum is closed, and its names are
// the arms' own.
func armFilter(a *model.Arm) thresholds.Arm {
	if a == nil {
		return thresholds.ArmNone
	}
	return thresholds.Arm(*a)
}

// mapShadowResults maps a decision's shadow results; versions are the versions they name, in the
// same order, for their numbers. Never nil: the field is a non-null list.
func mapShadowResults(rs []decisions.ShadowResult, versions []*thresholds.Version) []model.ShadowResult {
	out := make([]model.ShadowResult, len(rs))
	for i := range rs {
		r := &rs[i]
		reasons := make([]model.ReasonCode, len(r.Reasons))
		for j, c := range r.Reasons {
			reasons[j] = model.ReasonCode(c.String())
		}
		out[i] = model.ShadowResult{VersionID: idString(r.VersionID), Outcome: model.Outcome(r.Outcome.String()), Reasons: reasons}
		if i < len(versions) && versions[i] != nil && versions[i].ID == r.VersionID {
			out[i].Version = versions[i].Version
		}
	}
	return out
}

// checkListSize refuses a first outside 1 to page.MaxSize: the shadow and split lists are read
// with a LIMIT of first, and the store reads everything for a limit of 0.
func checkListSize(first int) error {
	var ve apperr.ValidationError
	page.CheckFirst(first, &ve)
	return ve.Err()
}

// versionStates loads the threshold versions ids name, in one batch, and maps each with its
// status now.
func (r *Resolver) versionStates(ctx context.Context, ids []int64) (map[int64]*model.ThresholdVersionState, error) {
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	vs, err := loadersFor(ctx).ThresholdVersions.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*model.ThresholdVersionState, len(ids))
	for i, id := range ids {
		out[id] = mapVersionState(r.ThresholdLifecycle, vs[i])
	}
	return out, nil
}

// mapList maps items, each with the state of the threshold version versionOf names, loading
// the versions in one batch.
func mapList[T, M any](ctx context.Context, r *Resolver, items []T, versionOf func(*T) int64,
	mapOne func(*T, *model.ThresholdVersionState, time.Time) M) ([]M, error) {
	ids := make([]int64, len(items))
	for i := range items {
		ids[i] = versionOf(&items[i])
	}
	states, err := r.versionStates(ctx, ids)
	if err != nil {
		return nil, err
	}
	now := r.Experiments.Now()
	out := make([]M, len(items))
	for i := range items {
		out[i] = mapOne(&items[i], states[ids[i]], now)
	}
	return out, nil
}

// mapOne maps the result of a call that returns one item, as mapList does.
func mapOne[T, M any](ctx context.Context, r *Resolver, item T, err error, versionOf func(*T) int64,
	mapItem func(*T, *model.ThresholdVersionState, time.Time) M) (*M, error) {
	if err != nil {
		return nil, err
	}
	out, err := mapList(ctx, r, []T{item}, versionOf, mapItem)
	if err != nil {
		return nil, err
	}
	return &out[0], nil
}

func shadowVersion(s *thresholds.Shadow) int64             { return s.VersionID }
func splitVersion(s *thresholds.Split) int64               { return s.VersionID }
func splitRequestVersion(s *thresholds.SplitRequest) int64 { return s.VersionID }

func mapShadow(s *thresholds.Shadow, v *model.ThresholdVersionState, now time.Time) model.ThresholdShadow {
	return model.ThresholdShadow{ID: idString(s.ID), Market: s.Market, Version: v, StartedAt: s.StartedAt, StartedBy: s.StartedBy,
		EndsAt: s.EndsAt, StoppedAt: s.StoppedAt, StoppedBy: optString(s.StoppedBy), Running: s.RunningAt(now)}
}

func mapSplit(s *thresholds.Split, v *model.ThresholdVersionState, now time.Time) model.ThresholdSplit {
	out := model.ThresholdSplit{ID: idString(s.ID), Market: s.Market, Version: v, Percent: s.Percent, StartedAt: s.StartedAt,
		StartedBy: s.StartedBy, EndedAt: s.EndedAt, EndedBy: optString(s.EndedBy), Running: s.RunningAt(now)}
	if s.RequestID != 0 {
		id := idString(s.RequestID)
		out.RequestID = &id
	}
	return out
}

func mapSplitRequest(s *thresholds.SplitRequest, v *model.ThresholdVersionState, _ time.Time) model.ThresholdSplitRequest {
	return model.ThresholdSplitRequest{ID: idString(s.ID), Market: s.Market, Version: v, Percent: s.Percent, Rationale: s.Rationale,
		Status: model.ThresholdDraftStatus(s.Status), Author: s.Author, Reviewer: optString(s.Reviewer),
		ReviewComment: optString(s.ReviewComment), CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt}
}

func (r *Resolver) mapShadowResult(ctx context.Context, s thresholds.Shadow, err error) (*model.ThresholdShadow, error) {
	return mapOne(ctx, r, s, err, shadowVersion, mapShadow)
}

func (r *Resolver) mapSplitResult(ctx context.Context, s thresholds.Split, err error) (*model.ThresholdSplit, error) {
	return mapOne(ctx, r, s, err, splitVersion, mapSplit)
}

func (r *Resolver) mapSplitRequestResult(ctx context.Context, s thresholds.SplitRequest, err error) (*model.ThresholdSplitRequest, error) {
	return mapOne(ctx, r, s, err, splitRequestVersion, mapSplitRequest)
}

// mapSplitRequestPage maps a page of split requests with its cursors, as mapDraftPage does.
func (r *Resolver) mapSplitRequestPage(ctx context.Context, p thresholds.SplitRequestPage, after *string, err error) (*model.ThresholdSplitRequestConnection, error) {
	if err != nil {
		return nil, err
	}
	nodes, err := mapList(ctx, r, p.Requests, splitRequestVersion, mapSplitRequest)
	if err != nil {
		return nil, err
	}
	conn := &model.ThresholdSplitRequestConnection{Nodes: nodes}
	conn.Edges, conn.PageInfo = edgesOf(p.Requests, nodes, p.HasNext, after,
		func(s *thresholds.SplitRequest) string { return thresholds.SplitRequestCursor(s.ID) },
		func(c string, n *model.ThresholdSplitRequest) model.ThresholdSplitRequestEdge {
			return model.ThresholdSplitRequestEdge{Cursor: c, Node: n}
		})
	return conn, nil
}

// marketExperiments answers marketExperiments: for market, or every market in the order of
// market.All, what runs there now, as the database says.
func (r *Resolver) marketExperiments(ctx context.Context, code string) ([]model.MarketExperiments, error) {
	codes := []string{code}
	if code == "" {
		codes = codes[:0]
		for _, m := range market.All {
			codes = append(codes, m.Code)
		}
	} else if err := market.Check("market", code); err != nil {
		return nil, err
	}
	shadows, splits, err := r.Experiments.Running(ctx, code)
	if err != nil {
		return nil, err
	}
	mappedShadows, err := mapList(ctx, r, shadows, shadowVersion, mapShadow)
	if err != nil {
		return nil, err
	}
	mappedSplits, err := mapList(ctx, r, splits, splitVersion, mapSplit)
	if err != nil {
		return nil, err
	}
	out := make([]model.MarketExperiments, len(codes))
	for i, c := range codes {
		out[i] = model.MarketExperiments{Market: c, Shadows: []model.ThresholdShadow{}}
		for j := range shadows {
			if shadows[j].Market == c {
				out[i].Shadows = append(out[i].Shadows, mappedShadows[j])
			}
		}
		for j := range splits {
			if splits[j].Market == c {
				out[i].Split = &mappedSplits[j]
			}
		}
	}
	return out, nil
}

// checkMarket is market.Check, under a name the resolvers' market arguments do not shadow.
var checkMarket = market.Check
