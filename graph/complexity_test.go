package graph_test

import (
	"context"
	"slices"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"riskconsole/graph"
)

func costSchema() graph.Config {
	cfg := graph.Config{Resolvers: &graph.Resolver{}}
	graph.SetComplexity(&cfg.Complexity)
	return cfg
}

// cost returns the cost of query under the cost model.
func cost(t *testing.T, query string, vars map[string]any) int {
	t.Helper()
	es := graph.NewExecutableSchema(costSchema())
	doc, errs := gqlparser.LoadQuery(es.Schema(), query)
	if len(errs) > 0 {
		t.Fatalf("%s: %v", query, errs)
	}
	return graph.Cost(context.Background(), es, doc.Operations[0], vars, graph.ComplexityOptions(es))
}

const explorerNode = `id reference createdAt market currency amount shopperId locale channel outcome
	merchant { id name category } reasons { rank code measuredValue factor } breakdown
	thresholdVersion { id market version } catalogVersionId message { locale title body steps }`

// TestCostModel pins the cost of the console's real queries and of the lists of every
// connection.
func TestCostModel(t *testing.T) {
	cases := []struct {
		name  string
		query string
		vars  map[string]any
		want  int
	}{
		{"viewer", `{ viewer { name roles } }`, nil, 1},
		{"one decision with everything", `query($id: ID!) { decision(id: $id) { ` + explorerNode + ` } }`, map[string]any{"id": "1"}, 1},
		{"explorer page of 50", `{ decisions(first: 50) { nodes { ` + explorerNode + ` } pageInfo { hasNextPage endCursor } } }`, nil, 51},
		{"explorer page of 100", `{ decisions(first: 100) { nodes { ` + explorerNode + ` } pageInfo { hasNextPage endCursor } } }`, nil, 101},
		{"page of 100 with edges and nodes", `{ decisions(first: 100) { edges { cursor node { id } } nodes { ` + explorerNode + ` } pageInfo { endCursor } } }`, nil, 201},
		{"edges with their cursor only", `{ decisions(first: 10) { edges { cursor } } }`, nil, 11},
		{"first from a variable", `query($n: Int!) { decisions(first: $n) { nodes { id } } }`, map[string]any{"n": int64(40)}, 41},
		{"the default page of 50", `{ decisions { nodes { id } } }`, nil, 51},
		{"first above the maximum costs the maximum (the resolver refuses it)", `{ decisions(first: 5000) { nodes { id } } }`, nil, 101},
		{"first below one costs one", `{ decisions(first: 0) { nodes { id } } }`, nil, 2},
		{"users", `{ users(first: 100) { nodes { id username roles } pageInfo { hasNextPage } } }`, nil, 101},
		{"apiTokens", `{ apiTokens(first: 100) { nodes { id name } } }`, nil, 101},
		{"auditEvents", `{ auditEvents(first: 100) { nodes { id action before after } } }`, nil, 101},
		{"three lists", `{ decisions(first: 99) { nodes { id } } users(first: 99) { nodes { id } } auditEvents(first: 98) { nodes { id } } }`, nil, 299},
		{"threshold version with its rules", `{ thresholdVersion(id: "1") { id rules { cutoff factor } } }`, nil, 1},
		{"aliases add up", `{ a: decisions(first: 100) { nodes { id } } b: decisions(first: 100) { nodes { id } } c: decisions(first: 100) { nodes { id } } }`, nil, 303},
		{"fragments count", `{ decisions(first: 100) { ...N } } fragment N on DecisionConnection { nodes { id } edges { node { id } } }`, nil, 201},
		{"assessment", `mutation($in: PurchaseInput!) { assessPurchase(input: $in, idempotencyKey: "k") { decisionId reasons { code } message { title } } }`,
			map[string]any{"in": map[string]any{}}, 1},
		{"created token", `mutation { createApiToken(input: {name: "x", roles: [AUDITOR]}) { token { id } secret } }`, nil, 1},
		{"__typename is free", `{ __typename }`, nil, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := cost(t, c.query, c.vars); got != c.want {
				t.Errorf("cost %d, want %d", got, c.want)
			}
		})
	}
}

// TestEveryListHasACost: every field taking a first argument has a cost function that scales
// with first, so a new connection cannot be left at gqlgen's flat default.
func TestEveryListHasACost(t *testing.T) {
	es := graph.NewExecutableSchema(costSchema())
	for _, def := range es.Schema().Types {
		if def.Kind != ast.Object || def.BuiltIn {
			continue
		}
		for _, f := range def.Fields {
			if f.Arguments.ForName("first") == nil {
				continue
			}
			args := map[string]any{}
			for _, a := range f.Arguments {
				if a.DefaultValue != nil {
					v, err := a.DefaultValue.Value(nil)
					if err != nil {
						t.Fatal(err)
					}
					args[a.Name] = v
				}
			}
			args["first"] = int64(100)
			got, ok := es.Complexity(context.Background(), def.Name, f.Name, 2, args)
			if !ok || got < 200 {
				t.Errorf("%s.%s: cost of first 100 elements of cost 2 is %d (set %v): give it a cost in SetComplexity", def.Name, f.Name, got, ok)
			}
		}
	}
}

// TestValueFields pins the fields whose objects cost nothing: values carried by their parent's
// row. A new entry here should be such a value; an entity (something fetched) must not be.
func TestValueFields(t *testing.T) {
	es := graph.NewExecutableSchema(costSchema())
	want := []string{
		// An activation impact's parts and a marker's activation come with the answer's few
		// statements; analytics answers are costed per root field (analyticsCost).
		"ActivationImpact.activation",
		"ActivationImpact.before",
		"ActivationImpact.outcomes",
		"ActivationImpact.predicted",
		"ActivationImpact.realized",
		"ActivationMarker.activation",
		// The agent view is built from one decision row and the in-memory catalog.
		"AgentDecision.cardHold",
		"AgentDecision.guidance",
		// A decision's review for agents is one more row read with the view.
		"AgentDecision.review",
		"AgentDecision.shopperMessage",
		// Read with the anomalies' one list of activations.
		"Anomaly.recentActivation",
		"ApiTokenConnection.pageInfo",
		"Assessment.message",
		"Assessment.reasons",
		"AuditEventConnection.pageInfo",
		"BadDefinitionConnection.pageInfo",
		"BadDefinitionDraftConnection.pageInfo",
		// The texts of a catalog diff are read with their versions in one go.
		"CatalogChange.after",
		"CatalogChange.before",
		// A draft's frames are part of its texts column; a version's are read with its texts.
		"CatalogDraft.frameChanges",
		"CatalogDraft.frames",
		"CatalogDraftConnection.pageInfo",
		// A catalog entry's text is part of its version's or draft's texts, read with them.
		"CatalogEntry.text",
		"CatalogVersion.frames",
		"CreatedApiToken.token",
		// A decision's bureau report is a column of its row.
		"Decision.bureauReport",
		"Decision.merchant",
		"Decision.message",
		"Decision.reasons",
		// A decision's shadow results are a column of its row.
		"Decision.shadows",
		"Decision.thresholdVersion",
		"DecisionConnection.pageInfo",
		// A series' points come from the same aggregate, bounded by analytics.MaxPoints.
		"DeclineRateSeries.points",
		// An erasure plan's holds and months, and a retention plan's, come with the plan's few
		// indexed reads (analyticsCost); a market's floor is code and its policy one row.
		// An erasure's answer carries its request, written in the same call.
		"ErasureAnswer.request",
		"ErasurePlan.heldBy",
		"ErasurePlan.months",
		"ErasureRequestConnection.pageInfo",
		// An explanation is computed in memory from one decision row.
		"Explanation.factors",
		"LegalHoldConnection.pageInfo",
		"MarketRetention.floor",
		"MarketRetention.policy",
		// One aggregate by reason.
		"ReasonBreakdown.factors",
		"ReasonBreakdown.reasons",
		// The reject inference is fitted in memory; its coefficients come with it.
		"RejectInference.coefficients",
		// A repayment's events are read with it (one query per page of decisions, through the
		// request's loader), at most outcomes.MaxEventsPerDecision.
		"Repayment.events",
		"RetentionMonth.heldBy",
		"RetentionPlan.floor",
		"RetentionPlan.policy",
		"RetentionPolicyConnection.pageInfo",
		"RetentionPolicyRequestConnection.pageInfo",
		// A case's notices are read with its page of cases in one statement; a receipt's with
		// its case.
		"ReviewCase.notices",
		"ReviewCaseConnection.pageInfo",
		"ReviewReceipt.notices",
		// The parts of a sensitivity curve and of a simulation are computed in memory in one pass
		// (the bad definition is the cached version in force).
		"SensitivityCurve.badDefinition",
		"SensitivityCurve.nowPoint",
		"SensitivityCurve.points",
		"SensitivityCurve.proposedPoint",
		// A comparison's series and reasons come with its aggregate (ThresholdShadow.comparison).
		"ShadowComparison.reasons",
		"ShadowComparison.series",
		"Simulation.badDefinition",
		"Simulation.baselineVersion",
		"Simulation.categories",
		"Simulation.days",
		"Simulation.outcomesNow",
		"Simulation.outcomesProposed",
		"Simulation.reasons",
		"Simulation.sampleApprovedToDeclined",
		"Simulation.sampleDeclinedToApproved",
		"SwapSet.keptApproved",
		"SwapSet.keptDeclined",
		"SwapSet.swapIn",
		"SwapSet.swapOut",
		// A draft's impact and rules are JSON columns of its row.
		"ThresholdDraft.impact",
		"ThresholdDraft.rules",
		"ThresholdDraftConnection.pageInfo",
		// A rollback's activation is the row the mutation just wrote.
		"ThresholdRollback.activation",
		// A shadow's prediction is the JSON impact of the draft that published its version; a
		// split's arm rates one aggregate over its hours of the rollups.
		"ThresholdShadow.predicted",
		"ThresholdSplit.arms",
		"ThresholdSplitRequestConnection.pageInfo",
		"ThresholdVersion.rules",
		"ThresholdVersionConnection.pageInfo",
		// A version's activations come from the in-memory schedule, not the database.
		"ThresholdVersionState.activations",
		"UserConnection.pageInfo",
		// A vintage report is read with its few aggregate statements (analyticsCost).
		"VintageReport.activations",
		"VintageReport.badDefinition",
		"VintageSeries.points",
	}
	if got := graph.ValueFields(es.Schema()); !slices.Equal(got, want) {
		t.Errorf("value fields\n got %q\nwant %q", got, want)
	}
}
