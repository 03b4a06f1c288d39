package app

import (
	"fmt"
	"slices"
	"testing"

	"riskconsole/internal/auth"
)

// edgePage is one page of any connection, read with both edges and nodes.
type edgePage struct {
	Edges []struct {
		Cursor string
		Node   struct{ ID string }
	}
	Nodes    []struct{ ID string }
	PageInfo struct {
		HasNextPage, HasPreviousPage bool
		StartCursor, EndCursor       *string
	}
}

// TestConnectionEdges pages connections through the real handler by their edges' cursors: each
// page's edges hold its nodes in order, the cursor of the last edge is endCursor, the pages
// joined are the whole list with no gap or overlap, and after the cursor of an edge inside a
// page the list goes on right after that edge's node.
func TestConnectionEdges(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 25)
		// Enough users and tokens for three pages of two.
		for i := range 3 {
			decodeData(t, ta.gql(t, auth.Admin, fmt.Sprintf(`mutation { createUser(input: {username: "edges%d",
				displayName: "Edges %d", password: "a long unguessable passphrase %d", roles: [ANALYST]}) { id } }`, i, i, i), nil), &struct{}{})
			decodeData(t, ta.gql(t, auth.Admin, fmt.Sprintf(`mutation { createApiToken(input: {name: "edges %d",
				roles: [AUDITOR]}) { secret } }`, i), nil), &struct{}{})
		}
		cases := []struct {
			name  string
			field string // the connection's field with its arguments, without first and after
			role  auth.Role
			first int
		}{
			{"decisions", "decisions(orderBy: NEWEST_FIRST", auth.Analyst, 7},
			{"users", "users(", auth.Admin, 2},
			{"apiTokens", "apiTokens(", auth.Auditor, 2},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				sep := ", "
				if tc.field[len(tc.field)-1] == '(' {
					sep = ""
				}
				query := fmt.Sprintf(`query($first: Int!, $after: String) { c: %s%sfirst: $first, after: $after) {
					edges { cursor node { id } } nodes { id }
					pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`, tc.field, sep)
				page := func(first int, after *string) edgePage {
					t.Helper()
					vars := map[string]any{"first": first}
					if after != nil {
						vars["after"] = *after
					}
					var data struct{ C edgePage }
					decodeData(t, ta.gql(t, tc.role, query, vars), &data)
					checkEdgePage(t, &data.C, first, after)
					return data.C
				}

				all := edgeIDs(page(100, nil))
				if len(all) <= 2*tc.first {
					t.Fatalf("only %d %s: too few to page in pages of %d", len(all), tc.name, tc.first)
				}
				var joined []string
				var after *string
				for range len(all) + 1 {
					p := page(tc.first, after)
					joined = append(joined, edgeIDs(p)...)
					if !p.PageInfo.HasNextPage {
						break
					}
					after = &p.Edges[len(p.Edges)-1].Cursor
				}
				if !slices.Equal(joined, all) {
					t.Fatalf("pages joined by the last edge's cursor:\n%v\nwant the whole list:\n%v", joined, all)
				}

				// After an edge inside the first page, the list goes on from the next node.
				first := page(tc.first, nil)
				inner := first.Edges[1].Cursor
				if got := edgeIDs(page(tc.first, &inner)); !slices.Equal(got, all[2:2+tc.first]) {
					t.Errorf("after the second edge's cursor: %v, want %v", got, all[2:2+tc.first])
				}
			})
		}
	})
}

// checkEdgePage checks one page's shape: edges and nodes agree, and pageInfo's cursors are those
// of its first and last edges.
func checkEdgePage(t *testing.T, c *edgePage, first int, after *string) {
	t.Helper()
	if len(c.Edges) != len(c.Nodes) || len(c.Nodes) > first {
		t.Fatalf("page of first %d has %d edges and %d nodes", first, len(c.Edges), len(c.Nodes))
	}
	for i := range c.Edges {
		if c.Edges[i].Node.ID != c.Nodes[i].ID || c.Edges[i].Cursor == "" {
			t.Fatalf("edge %d (node %s, cursor %q) is not node %s", i, c.Edges[i].Node.ID, c.Edges[i].Cursor, c.Nodes[i].ID)
		}
	}
	if c.PageInfo.HasPreviousPage != (after != nil) {
		t.Errorf("hasPreviousPage %v after %v", c.PageInfo.HasPreviousPage, after)
	}
	if n := len(c.Edges); n > 0 && (c.PageInfo.StartCursor == nil || *c.PageInfo.StartCursor != c.Edges[0].Cursor ||
		c.PageInfo.EndCursor == nil || *c.PageInfo.EndCursor != c.Edges[n-1].Cursor) {
		t.Errorf("startCursor %v and endCursor %v are not the first and last edges' cursors", c.PageInfo.StartCursor, c.PageInfo.EndCursor)
	}
}

// edgeIDs returns the ids of a page's edges' nodes, in order.
func edgeIDs(p edgePage) []string {
	out := make([]string, len(p.Edges))
	for i := range p.Edges {
		out[i] = p.Edges[i].Node.ID
	}
	return out
}
