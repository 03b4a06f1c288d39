package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"riskconsole/internal/decisions"
)

// decisionFieldParts is the one place a field of the API's Decision is tied to the parts of a
// decisions.Decision it is mapped or resolved from (decisions.Part; 0 for those always read: the
// id, reference and time, market, currency, amount and merchant, outcome and reasons, and the
// threshold version). The explorer's page reads only the parts its selection's fields need
// (selectionOf). A field's resolver counts: repayment needs the outcome, time, market and
// currency, overturns the kind. A field missing here is read with every part, and
// TestDecisionFieldParts fails until it is added.
var decisionFieldParts = map[string]decisions.Part{
	"__typename": 0, "id": 0, "reference": 0, "createdAt": 0,
	"market": 0, "currency": 0, "amount": 0, "merchant": 0,
	"shopperId": decisions.PartShopper, "shopperErased": decisions.PartShopper,
	"locale": decisions.PartShopper, "channel": decisions.PartShopper,
	"outcome": 0, "reasons": 0,
	// The breakdown is the engine's checks of the measured values against the pinned version.
	"breakdown":        decisions.PartValues,
	"thresholdVersion": 0,
	"catalogVersionId": decisions.PartMessage,
	"message":          decisions.PartMessage,
	"bureauReport":     decisions.PartBureau,
	"arm":              decisions.PartExperiment, "shadows": decisions.PartExperiment,
	"repayment": 0,
	"kind":      decisions.PartReview, "overturns": decisions.PartReview,
	"reviewer": decisions.PartReview, "reviewReason": decisions.PartReview,
	// The review cases are read by the decision's id.
	"overturnedBy": 0, "reviewCases": 0,
}

// pageSelection is what the selection of a decisions field asks of its page.
type pageSelection struct {
	parts decisions.Part // the parts of a decision its fields need
	edges bool           // whether it asks for edges
}

// selectionOf returns what the selection of the decisions field in ctx asks for: the parts of
// the fields under nodes and edges.node, fragments and @skip/@include applied as the executor
// applies them (with the generated code's lists of the types each object satisfies, so that a
// fragment on an interface Decision comes to implement counts as the executor counts it).
func selectionOf(ctx context.Context) pageSelection {
	opCtx := graphql.GetOperationContext(ctx)
	var sel pageSelection
	for _, f := range graphql.CollectFieldsCtx(ctx, decisionConnectionImplementors) {
		switch f.Name {
		case "nodes":
			sel.parts |= decisionParts(opCtx, f.Selections)
		case "edges":
			sel.edges = true
			for _, e := range graphql.CollectFields(opCtx, f.Selections, decisionEdgeImplementors) {
				if e.Name == "node" {
					sel.parts |= decisionParts(opCtx, e.Selections)
				}
			}
		}
	}
	return sel
}

// decisionParts returns the parts the fields of a Decision's selection set need; every part
// when one of them is not in decisionFieldParts.
func decisionParts(opCtx *graphql.OperationContext, set ast.SelectionSet) decisions.Part {
	var want decisions.Part
	for _, f := range graphql.CollectFields(opCtx, set, decisionImplementors) {
		p, ok := decisionFieldParts[f.Name]
		if !ok {
			return decisions.AllParts
		}
		want |= p
	}
	return want
}
