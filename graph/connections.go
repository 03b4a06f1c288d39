package graph

import "riskconsole/graph/model"

// edgesOf makes a page's edges and PageInfo from its items and their mapped nodes (nodes[i] is
// items[i]). cursor is the connection's one cursor function, the one its after argument reads:
// each edge's cursor and pageInfo's start and end cursors are its answers, so a client may page
// on from any edge as from endCursor. edge builds the connection's own edge type.
func edgesOf[T, N, E any](items []T, nodes []N, hasNext bool, after *string, cursor func(*T) string,
	edge func(cursor string, node *N) E) ([]E, *model.PageInfo) {
	edges := make([]E, len(items))
	pi := &model.PageInfo{HasNextPage: hasNext, HasPreviousPage: after != nil}
	for i := range items {
		c := cursor(&items[i])
		edges[i] = edge(c, &nodes[i])
		if i == 0 {
			pi.StartCursor = &c
		}
		if i == len(items)-1 {
			pi.EndCursor = &c
		}
	}
	return edges, pi
}
