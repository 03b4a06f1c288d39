package graph

import "riskconsole/graph/model"

// SetComplexity makes lists cost what they can return: a connection costs its page size times
// the cost of one element, so the complexity limit bounds the work of a query before it runs.
func SetComplexity(c *ComplexityRoot) {
	c.Query.Decisions = func(child int, _ *model.DecisionFilter, first int, _ *string, _ model.DecisionOrder) int {
		return 1 + max(first, 1)*child
	}
	c.Query.AuditEvents = func(child int, _ *model.AuditFilter, first int, _ *string) int {
		return 1 + max(first, 1)*child
	}
}
