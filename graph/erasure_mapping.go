package graph

import (
	"riskconsole/graph/model"
	"riskconsole/internal/erasure"
)

// erasureState reads the API's optional state filter ("": any).
func erasureState(s *model.ErasureRequestState) erasure.State {
	if s == nil {
		return ""
	}
	return erasure.State(*s)
}

// erasureRequestModel maps a request; it has no shopper field, so the plain id can never leave.
func erasureRequestModel(r *erasure.Request) model.ErasureRequest {
	return model.ErasureRequest{ID: idString(r.ID), Reference: optString(r.Reference), RequestedBy: r.RequestedBy,
		RequestedAt: r.RequestedAt, State: model.ErasureRequestState(r.State), DueAt: r.DueAt,
		ErasedAtRequest: int(r.ErasedNow), ErasedLater: int(r.ErasedLater), DoneAt: r.DoneAt}
}

func mapErasureRequest(r erasure.Request, err error) (*model.ErasureRequest, error) {
	if err != nil {
		return nil, err
	}
	m := erasureRequestModel(&r)
	return &m, nil
}

func mapErasureAnswer(a erasure.Answer, err error) (*model.ErasureAnswer, error) {
	if err != nil {
		return nil, err
	}
	req := erasureRequestModel(&a.Request)
	return &model.ErasureAnswer{Request: &req, ErasedNow: int(a.Erased), Waiting: int(a.Waiting), Repeated: a.Repeated}, nil
}

func mapErasureRequestPage(rs []erasure.Request, hasNext bool, after *string, err error) (*model.ErasureRequestConnection, error) {
	if err != nil {
		return nil, err
	}
	nodes, edges, pi := pageOf(rs, hasNext, after, erasureRequestModel, func(r *erasure.Request) string { return erasure.RequestCursor(r.ID) },
		func(c string, n *model.ErasureRequest) model.ErasureRequestEdge {
			return model.ErasureRequestEdge{Cursor: c, Node: n}
		})
	return &model.ErasureRequestConnection{Nodes: nodes, Edges: edges, PageInfo: pi}, nil
}
