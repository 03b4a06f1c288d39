package graph

import (
	"context"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"riskconsole/internal/decisions"
)

// TestDecisionFieldParts: every field of the schema's Decision is in decisionFieldParts, and
// nothing else is, so that a field added to the schema cannot be answered from a column the
// explorer's page left unread.
func TestDecisionFieldParts(t *testing.T) {
	def := NewExecutableSchema(Config{}).Schema().Types["Decision"]
	if def == nil || len(def.Fields) < 20 {
		t.Fatalf("the schema's Decision: %v", def)
	}
	for _, f := range def.Fields {
		if _, ok := decisionFieldParts[f.Name]; !ok {
			t.Errorf("Decision.%s is not in decisionFieldParts: say which parts of a decision it needs", f.Name)
		}
	}
	for name, p := range decisionFieldParts {
		if def.Fields.ForName(name) == nil && name != "__typename" {
			t.Errorf("decisionFieldParts names %s, which Decision does not have", name)
		}
		if p&^decisions.AllParts != 0 {
			t.Errorf("Decision.%s needs parts %b, not all of them decisions.Part", name, p)
		}
	}
}

// TestPageSelection: the parts a page reads are those of the fields asked for under nodes and
// edges.node, through fragments, aliases and @skip/@include, and every part for a field the
// table does not know.
func TestPageSelection(t *testing.T) {
	schema := NewExecutableSchema(Config{}).Schema()
	const all = decisions.AllParts
	cases := []struct {
		name  string
		query string
		vars  map[string]any
		want  decisions.Part
	}{
		{"the load tool's page", `{ decisions(first: 50) { nodes { id reference createdAt market outcome amount currency
			merchant { name category } reasons { rank code } thresholdVersion { id version } } pageInfo { endCursor } } }`, nil, 0},
		{"the UI's explorer asks the kind", `{ decisions { nodes { id kind } } }`, nil, decisions.PartReview},
		{"only the page's cursors", `{ decisions { pageInfo { hasNextPage endCursor } edges { cursor } } }`, nil, 0},
		{"a breakdown", `{ decisions { nodes { breakdown } } }`, nil, decisions.PartValues},
		{"edges and nodes together", `{ decisions { nodes { message { title } } edges { node { bureauReport { score } } } } }`, nil,
			decisions.PartMessage | decisions.PartBureau},
		{"a fragment and an alias", `{ decisions { edges { node { ...F } } } } fragment F on Decision { s: shopperErased a: arm }`, nil,
			decisions.PartShopper | decisions.PartExperiment},
		{"an inline fragment", `{ decisions { nodes { ... on Decision { reviewer catalogVersionId } } } }`, nil,
			decisions.PartReview | decisions.PartMessage},
		{"a connection fragment", `{ decisions { ...C } } fragment C on DecisionConnection { nodes { locale } }`, nil, decisions.PartShopper},
		{"skipped", `query($y: Boolean!) { decisions { nodes { id breakdown @skip(if: $y) message @include(if: $y) { body } } } }`,
			map[string]any{"y": true}, decisions.PartMessage},
		{"not skipped", `query($y: Boolean!) { decisions { nodes { id breakdown @skip(if: $y) message @include(if: $y) { body } } } }`,
			map[string]any{"y": false}, decisions.PartValues},
		{"a nested decision reads by id", `{ decisions { nodes { overturnedBy { breakdown } reviewCases { id } repayment { status } } } }`, nil, 0},
		{"every field", `{ decisions { nodes { shopperId breakdown message { body } bureauReport { score } shadows { outcome } kind } } }`, nil, all},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := selectionOfPage(t, schema, c.query, c.vars); got.parts != c.want || got.edges != strings.Contains(c.query, "edges") {
				t.Errorf("parts %06b, edges %v; want %06b", got.parts, got.edges, c.want)
			}
		})
	}
	// A field the table does not know reads every part.
	saved := decisionFieldParts["market"]
	delete(decisionFieldParts, "market")
	defer func() { decisionFieldParts["market"] = saved }()
	if got := selectionOfPage(t, schema, `{ decisions { nodes { id market } } }`, nil); got.parts != all {
		t.Errorf("a page with a field unknown to the table reads parts %06b, want all", got.parts)
	}
}

// selectionOfPage returns selectionOf the decisions field of query, as its resolver sees it.
func selectionOfPage(tb testing.TB, schema *ast.Schema, query string, vars map[string]any) pageSelection {
	tb.Helper()
	doc, err := gqlparser.LoadQuery(schema, query)
	if err != nil {
		tb.Fatal(err)
	}
	op := doc.Operations[0]
	opCtx := &graphql.OperationContext{RawQuery: query, Doc: doc, Operation: op, Variables: vars}
	ctx := graphql.WithOperationContext(context.Background(), opCtx)
	for _, f := range graphql.CollectFields(opCtx, op.SelectionSet, []string{"Query"}) {
		if f.Name == "decisions" {
			return selectionOf(graphql.WithFieldContext(ctx, &graphql.FieldContext{Field: f}))
		}
	}
	tb.Fatal("no decisions field")
	return pageSelection{}
}
