package graph

import "riskconsole/graph/model"

// edgesOf makes a page's edges and PageInfo from its items and their mapped nodes (nodes[i] is
// items[i]). cursor is the connection's one cursor function, the one its after argument reads:
// each edge's cursor and pageInfo's start and end cursors are its answers, so a client may page
// on from any edge as from endCursor. edge builds the connection's own edge type.
func edgesOf[T, N, E any](items []T, nodes []N, hasNext bool, after *string, cursor func(*T) string,
	edge func(cursor string, node *N) E) ([]E, *model.PageInfo) {
	edges := make([]E, len(items))
	for i := range items {
		edges[i] = edge(cursor(&items[i]), &nodes[i])
	}
	return edges, pageInfoOf(items, hasNext, after, cursor)
}

// pageInfoOf makes a page's PageInfo from its items, cursor being the connection's one cursor
// function: for a page whose edges were not asked for, it makes two cursors, not one per item.
func pageInfoOf[T any](items []T, hasNext bool, after *string, cursor func(*T) string) *model.PageInfo {
	pi := &model.PageInfo{HasNextPage: hasNext, HasPreviousPage: after != nil}
	if n := len(items); n > 0 {
		start, end := cursor(&items[0]), cursor(&items[n-1])
		pi.StartCursor, pi.EndCursor = &start, &end
	}
	return pi
}
