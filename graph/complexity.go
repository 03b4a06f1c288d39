package graph

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"riskconsole/graph/model"
	"riskconsole/internal/page"
)

// The cost model of the complexity limit.
//
// The cost of an operation approximates the number of entities (rows) the server may fetch and
// return for it, before anything runs:
//
//   - A scalar or enum leaf costs 0.
//   - A root field (a query or a mutation) costs 1 plus the cost of its selection.
//   - A connection (a field with a first argument) costs 1 + first × (the cost of one element),
//     where first is counted as at most page.MaxSize: a larger first is refused with INVALID
//     before any SQL, so no page is ever larger. An element costs 1 (its nodes entry) plus what
//     its fields cost; an edge costs what its node costs, as it only adds a cursor.
//   - A value object costs 0: an object whose fields are all scalars or enums, reached through
//     a field without arguments from a non-root type, and not the element list of a connection.
//     Such objects are parts of their parent's row (a decision's merchant, its reasons, the
//     message shown, the threshold version it pinned, a connection's pageInfo), so they add no
//     fetch; ValueFields lists them, and a test keeps that list in view.
//   - Every other object costs 1 plus the cost of its selection (gqlgen's default).
//
// So the explorer's page of 50 decisions with every scalar, merchant, reasons, breakdown,
// message and threshold version costs 1 + 50 × 1 = 51, a page of 100 with edges and nodes 201,
// and the default limit of 300 admits about three full pages in one request. The schema has no
// cycles, so depth is bounded by the schema itself; width is bounded by the parser's token
// limit and the alias and root field limits (internal/httpapi/limits.go).

// DefaultComplexityLimit is the default of GRAPHQL_COMPLEXITY_LIMIT, the largest cost of one
// operation under the cost model above.
const DefaultComplexityLimit = 300

// ComplexityLimit is the gqlgen extension that refuses an operation costing more than its limit,
// with a LimitComplexity error, once the operation is validated and before anything runs.
type ComplexityLimit struct {
	limit   int
	es      graphql.ExecutableSchema
	options []complexity.Option
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = (*ComplexityLimit)(nil)

// NewComplexityLimit returns the extension for limit; a limit below 1 is DefaultComplexityLimit.
func NewComplexityLimit(limit int) *ComplexityLimit {
	if limit <= 0 {
		limit = DefaultComplexityLimit
	}
	return &ComplexityLimit{limit: limit}
}

// ExtensionName implements graphql.HandlerExtension.
func (*ComplexityLimit) ExtensionName() string { return "ComplexityLimit" }

// Validate implements graphql.HandlerExtension: it keeps the schema the cost is computed on.
func (l *ComplexityLimit) Validate(es graphql.ExecutableSchema) error {
	l.es = es
	l.options = ComplexityOptions(es)
	return nil
}

// MutateOperationContext implements graphql.OperationContextMutator: it checks the cost of the
// validated operation.
func (l *ComplexityLimit) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	cost := Cost(ctx, l.es, opCtx.Operation, opCtx.Variables, l.options)
	if cost > l.limit {
		return LimitError(LimitComplexity, "operation has complexity %d; the limit is %d (a page of first n costs about n)",
			cost, l.limit)
	}
	return nil
}

// SetComplexity sets the cost of every list the schema pages: each connection costs its page
// size times the cost of one element, so the complexity limit bounds the work of a query before
// it runs. A test fails when a field with a first argument has no cost function here.
func SetComplexity(c *ComplexityRoot) {
	c.Query.Decisions = func(child int, _ *model.DecisionFilter, first int, _ *string, _ model.DecisionOrder) int {
		return connectionCost(first, child)
	}
	c.Query.AuditEvents = func(child int, _ *model.AuditFilter, first int, _ *string) int {
		return connectionCost(first, child)
	}
	c.Query.Users = func(child int, first int, _ *string) int { return connectionCost(first, child) }
	c.Query.APITokens = func(child int, first int, _ *string) int { return connectionCost(first, child) }
	c.Query.ThresholdVersions = func(child int, _ string, first int, _ *string) int { return connectionCost(first, child) }
	c.Query.CatalogDrafts = func(child int, _ *model.CatalogDraftStatus, first int, _ *string) int {
		return connectionCost(first, child)
	}
	c.Query.ThresholdDrafts = func(child int, _ *string, _ *model.ThresholdDraftStatus, first int, _ *string) int {
		return connectionCost(first, child)
	}
	c.Query.BadDefinitions = func(child int, _ string, first int, _ *string) int { return connectionCost(first, child) }
	c.Query.ReviewCases = func(child int, _ *model.ReviewCaseFilter, first int, _ *string) int {
		return connectionCost(first, child)
	}
	c.Query.BadDefinitionDrafts = func(child int, _ *string, _ *model.ThresholdDraftStatus, first int, _ *string) int {
		return connectionCost(first, child)
	}
	// An analytics answer is one or a few aggregate statements over the rollups, bounded in
	// size by the analytics package; it costs analyticsCost, however large its selection.
	c.Query.DeclineRates = func(child int, _ model.AnalyticsFilter, _ model.AnalyticsBucket, _ []model.AnalyticsDimension, _ string, _ int) int {
		return analyticsCost + child
	}
	c.Query.ReasonBreakdown = func(child int, _ model.AnalyticsFilter) int { return analyticsCost + child }
	c.Query.Anomalies = func(child int, _ time.Time, _ time.Time, _ *string, _ model.AnalyticsBucket, _ float64, _ int, _ float64, _ int) int {
		return analyticsCost + child
	}
	c.Query.ActivationImpact = func(child int, _ string) int { return analyticsCost + child }
	c.Query.Vintages = func(child int, _ string, _ *time.Time, _ *time.Time, _ model.VintageGroup, _ *string, _ *string) int {
		return analyticsCost + child
	}
	c.Query.ThresholdShadows = func(child int, _ *string, _ *string, first int) int { return connectionCost(first, child) }
	c.Query.ThresholdSplits = func(child int, _ *string, first int) int { return connectionCost(first, child) }
	c.Query.ThresholdSplitRequests = func(child int, _ *string, _ *model.ThresholdDraftStatus, first int, _ *string) int {
		return connectionCost(first, child)
	}
	c.Query.RetentionPolicyVersions = func(child int, _ string, first int, _ *string) int { return connectionCost(first, child) }
	c.Query.RetentionPolicyRequests = func(child int, _ *string, _ *model.ThresholdDraftStatus, first int, _ *string) int {
		return connectionCost(first, child)
	}
	c.Query.LegalHolds = func(child int, _ *bool, first int, _ *string) int { return connectionCost(first, child) }
	c.Query.ErasureRequests = func(child int, _ *model.ErasureRequestState, first int, _ *string) int {
		return connectionCost(first, child)
	}
	// A retention plan walks an index one month at a time for the market and for each hold in
	// force on a shopper or merchant, and an erasure plan for the shopper in every market: a few
	// dozen indexed reads, costed as an analytics answer.
	c.Query.RetentionPlan = func(child int, _ string) int { return analyticsCost + child }
	c.Query.ErasurePlan = func(child int, _ string) int { return analyticsCost + child }
	// An erasure plans as erasurePlan does, then writes.
	c.Mutation.RequestErasure = func(child int, _ string, _ *string) int { return analyticsCost + child }
	// A shadow's comparison is a few aggregate statements over its rollups, and each cell's
	// samples a page of decisions.
	c.ThresholdShadow.Comparison = func(child int, _ *model.Arm, _ model.AnalyticsBucket, _ string) int {
		return analyticsCost + child
	}
	c.AgreementCell.Samples = func(child int, first int) int { return connectionCost(first, child) }
	// An edge is a cursor beside its node: it costs what the node costs. (A child of 0, edges
	// with only their cursor, falls back to gqlgen's default of 1.)
	edge := func(child int) int { return child }
	c.ApiTokenConnection.Edges = edge
	c.AuditEventConnection.Edges = edge
	c.BadDefinitionConnection.Edges = edge
	c.BadDefinitionDraftConnection.Edges = edge
	c.CatalogDraftConnection.Edges = edge
	c.DecisionConnection.Edges = edge
	c.ErasureRequestConnection.Edges = edge
	c.LegalHoldConnection.Edges = edge
	c.RetentionPolicyConnection.Edges = edge
	c.RetentionPolicyRequestConnection.Edges = edge
	c.ReviewCaseConnection.Edges = edge
	c.ThresholdDraftConnection.Edges = edge
	c.ThresholdSplitRequestConnection.Edges = edge
	c.ThresholdVersionConnection.Edges = edge
	c.UserConnection.Edges = edge
}

// analyticsCost is the cost of an analytics root field: about what reading a page of 20
// decisions costs the database, so the default limit admits a dashboard's worth (the root
// field limit, 10) in one request.
const analyticsCost = 20

// connectionCost is the cost of a page of first elements that each cost child.
func connectionCost(first, child int) int {
	return 1 + min(max(first, 1), page.MaxSize)*max(child, 1)
}

// ComplexityOptions are the options of complexity.Calculate that complete the cost model:
// scalar leaves cost 0 and the value objects of es cost 0.
func ComplexityOptions(es graphql.ExecutableSchema) []complexity.Option {
	ignore := map[string]struct{}{}
	for _, f := range ValueFields(es.Schema()) {
		ignore[f] = struct{}{}
	}
	return []complexity.Option{complexity.WithFixedScalarValue(0), complexity.WithIgnoreFields(ignore)}
}

// Cost computes the cost of op under the cost model above.
func Cost(ctx context.Context, es graphql.ExecutableSchema, op *ast.OperationDefinition, vars map[string]any, opts []complexity.Option) int {
	return complexity.Calculate(ctx, es, op, vars, opts...)
}

// ValueFields returns the fields ("Type.field") of schema that lead to value objects, sorted.
// Ignoring a field in complexity.Calculate skips its selection too, which is exact here: a value
// object's own fields are all scalars or enums, which cost 0.
func ValueFields(schema *ast.Schema) []string {
	var out []string
	for name, def := range schema.Types {
		if def.Kind != ast.Object || strings.HasPrefix(name, "__") || isRootType(schema, def) {
			continue
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") || len(f.Arguments) > 0 {
				continue
			}
			if (f.Name == "nodes" && strings.HasSuffix(name, "Connection")) || (f.Name == "node" && strings.HasSuffix(name, "Edge")) {
				continue // a page's elements are the entities a connection counts
			}
			if isValueObject(schema, schema.Types[f.Type.Name()]) {
				out = append(out, name+"."+f.Name)
			}
		}
	}
	slices.Sort(out)
	return out
}

func isRootType(schema *ast.Schema, def *ast.Definition) bool {
	return def == schema.Query || def == schema.Mutation || def == schema.Subscription
}

// isValueObject reports whether def is an object whose fields are all scalars or enums.
func isValueObject(schema *ast.Schema, def *ast.Definition) bool {
	if def == nil || def.Kind != ast.Object {
		return false
	}
	for _, f := range def.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		t := schema.Types[f.Type.Name()]
		if t == nil || (t.Kind != ast.Scalar && t.Kind != ast.Enum) {
			return false
		}
	}
	return true
}
