package graph

import (
	"riskconsole/graph/model"
	"riskconsole/internal/decisions"
)

// mapExplanation maps a decision's explanation.
func mapExplanation(e *decisions.Explanation) *model.Explanation {
	factors := make([]model.ExplainedFactor, len(e.Factors))
	for i, f := range e.Factors {
		factors[i] = model.ExplainedFactor{Factor: factorOf(f.Factor), Name: f.Name, Met: f.Met,
			Margin: model.ExplanationMargin(f.Margin), Text: f.Text}
	}
	return &model.Explanation{Reference: decisions.FormatReference(e.Reference), Outcome: model.Outcome(e.Outcome.String()),
		Locale: e.Locale, Title: e.Title, Summary: e.Summary, Factors: factors, Changes: e.Changes}
}
