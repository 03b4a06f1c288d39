package graph

import (
	"riskconsole/graph/model"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
)

// mapAgentDecision maps the agent view. It copies only the fields of decisions.AgentView, which
// carries nothing an agent may not see.
func mapAgentDecision(v *decisions.AgentView) *model.AgentDecision {
	out := &model.AgentDecision{
		Reference: decisions.FormatReference(v.Reference), CreatedAt: v.CreatedAt,
		Outcome: model.Outcome(v.Outcome.String()), Market: v.Market, MerchantName: v.MerchantName,
		Amount: minorToMajor(v.AmountMinor), Currency: v.Currency, FormattedAmount: v.FormattedAmount,
		GuidanceLocale: v.GuidanceLocale, Guidance: make([]model.AgentGuidance, len(v.Guidance)), Notes: v.Notes,
	}
	if v.Outcome == engine.Declined {
		m := v.Message
		out.ShopperMessage = &model.ShopperMessage{Locale: m.Locale, Title: m.Title, Body: m.Body, Steps: m.Steps, Closing: m.Closing}
	}
	for i, g := range v.Guidance {
		out.Guidance[i] = model.AgentGuidance{Rank: g.Rank, Code: model.ReasonCode(g.Reason.String()), Locale: g.Locale,
			Title: g.Title, Body: g.Body, Steps: g.Steps}
	}
	mapAgentReview(v, out)
	if h := v.CardHold; h != nil {
		out.CardHold = &model.CardHold{MayBePending: h.MayBePending, ReleaseBusinessDays: h.ReleaseBusinessDays,
			UsuallyReleasedBy: h.UsuallyReleasedBy, Note: h.Note}
	}
	return out
}
