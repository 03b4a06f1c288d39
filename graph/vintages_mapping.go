package graph

import (
	"riskconsole/graph/model"
	"riskconsole/internal/analytics"
	"riskconsole/internal/outcomes"
)

var vintageGroups = map[model.VintageGroup]analytics.VintageGroup{
	model.VintageGroupNone:             analytics.VintageNoGroup,
	model.VintageGroupThresholdVersion: analytics.VintageByThresholdVersion,
	model.VintageGroupMerchantCategory: analytics.VintageByMerchantCategory,
}

// vintageBadDefinition maps the definition a vintage report classified with.
func vintageBadDefinition(v outcomes.Version) *model.BadDefinition {
	return &model.BadDefinition{ID: idString(v.ID), Market: v.Market, Version: v.Version,
		Level: model.OutcomeStatus(v.Definition.Level.Status().String()), WindowMonths: v.Definition.WindowMonths,
		Description: v.Definition.String(), Author: v.Author, Approver: v.Approver, Rationale: v.Rationale,
		CreatedAt: v.CreatedAt}
}

// vintageMajor converts minor units to major (every market's currency has 2 decimals).
func vintageMajor(minor int64) float64 { return float64(minor) / 100 }

func mapVintages(rep analytics.VintageReport, err error) (*model.VintageReport, error) {
	if err != nil {
		return nil, err
	}
	out := &model.VintageReport{Market: rep.Market, From: rep.From, To: rep.To, BadDefinition: vintageBadDefinition(rep.Definition),
		Activations: make([]model.ThresholdActivation, 0, len(rep.Activations)), Series: make([]model.VintageSeries, len(rep.Series))}
	for _, m := range rep.Activations {
		a, _ := mapActivation(m.Activation, nil)
		out.Activations = append(out.Activations, *a)
	}
	for i := range rep.Series {
		s := &rep.Series[i]
		ms := model.VintageSeries{Vintage: s.Vintage, Approved: int(s.Approved), Volume: vintageMajor(s.ApprovedMinor),
			Points: make([]model.VintagePoint, len(s.Points))}
		if s.Group != "" {
			g := s.Group
			ms.Group = &g
		}
		for j, p := range s.Points {
			ms.Points[j] = model.VintagePoint{MonthsSinceDecision: p.Mob, Bad: int(p.Bad), BadRate: p.BadRate,
				Loss: vintageMajor(p.LossMinor), LossRate: p.LossRate}
		}
		out.Series[i] = ms
	}
	return out, nil
}

func mapRealizedOutcomes(o *analytics.RealizedOutcomes) *model.RealizedOutcomes {
	out := &model.RealizedOutcomes{PredictedBadRate: o.PredictedBadRate, Approved: int(o.Approved), Mature: int(o.Mature),
		Bad: int(o.Bad), RealizedBadRate: o.RealizedBadRate}
	if !o.AllMatureAt.IsZero() {
		t := o.AllMatureAt
		out.AllMatureAt = &t
	}
	if o.Note != "" {
		n := o.Note
		out.Note = &n
	}
	return out
}
