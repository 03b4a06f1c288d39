package graph

import (
	"riskconsole/graph/model"
	"riskconsole/internal/experiments"
	"riskconsole/internal/thresholds"
)

// agreementOf maps an API cell; the enum's names are the experiments package's.
func agreementOf(a model.Agreement) experiments.Agreement {
	for _, c := range experiments.Agreements {
		if c.String() == string(a) {
			return c
		}
	}
	return 0
}

// mapComparison maps a comparison; its cells remember the run and the arm for their samples.
func mapComparison(c *experiments.Comparison, arm *model.Arm) *model.ShadowComparison {
	out := &model.ShadowComparison{From: c.From, To: c.To, Decisions: int(c.Decisions),
		LiveDeclineRate: share(c.LiveDeclined, c.Decisions), ShadowDeclineRate: share(c.ShadowDeclined, c.Decisions),
		Series: make([]model.ShadowComparisonPoint, len(c.Series)), Cells: make([]model.AgreementCell, len(c.Cells)),
		Reasons: make([]model.ShadowReasonCount, len(c.Reasons))}
	if !c.FreshAsOf.IsZero() {
		out.FreshAsOf = &c.FreshAsOf
	}
	for i, p := range c.Series {
		out.Series[i] = model.ShadowComparisonPoint{Start: p.Start, Decisions: int(p.Decisions),
			LiveDeclined: int(p.LiveDeclined), ShadowDeclined: int(p.ShadowDeclined),
			LiveDeclineRate: rate(p.LiveDeclined, p.Decisions), ShadowDeclineRate: rate(p.ShadowDeclined, p.Decisions)}
	}
	for i, cell := range c.Cells {
		mc := model.AgreementCell{Agreement: model.Agreement(cell.Agreement.String()), Decisions: int(cell.Decisions),
			Share: cell.Share, ShadowID: c.Shadow.ID, Arm: arm}
		if o := cell.Outcomes; o != nil {
			mature, bad := int(o.Mature), int(o.Bad)
			mc.Mature, mc.Bad, mc.BadRate = &mature, &bad, rate(o.Bad, o.Mature)
		}
		out.Cells[i] = mc
	}
	for i, r := range c.Reasons {
		out.Reasons[i] = model.ShadowReasonCount{Reason: model.ReasonCode(r.Reason.String()), Live: int(r.Live), Shadow: int(r.Shadow)}
	}
	return out
}

// mapArmRates maps the arms of a split period.
func mapArmRates(rs []experiments.ArmRate, err error) ([]model.ArmRate, error) {
	if err != nil {
		return nil, err
	}
	out := make([]model.ArmRate, len(rs))
	for i, r := range rs {
		out[i] = model.ArmRate{Arm: model.Arm(r.Arm), Decisions: int(r.Assessed), Declined: int(r.Declined),
			DeclineRate: rate(r.Declined, r.Assessed)}
	}
	return out, nil
}

// splitOf is the part of a split period its arms' rates need, from its API form.
func splitOf(s *model.ThresholdSplit) thresholds.Split {
	return thresholds.Split{Market: s.Market, StartedAt: s.StartedAt, EndedAt: s.EndedAt}
}
