package graph

import (
	"math"
	"strconv"
	"time"

	"riskconsole/graph/model"
	"riskconsole/internal/apperr"
	"riskconsole/internal/engine"
	"riskconsole/internal/outcomes"
	"riskconsole/internal/whatif"
)

func mapWhatIfStatus(s whatif.Status) *model.WhatIfStatus {
	return &model.WhatIfStatus{Loaded: int(s.Loaded), Total: int(s.Total), Ready: s.Ready}
}

func mapSimulation(s *whatif.Simulation, err error) (*model.Simulation, error) {
	if err != nil {
		return nil, err
	}
	out := &model.Simulation{
		Market: s.Market, From: s.From, To: s.To,
		BaselineVersion: &model.ThresholdVersionRef{ID: strconv.FormatInt(s.Baseline.ID, 10), Market: s.Baseline.Market, Version: s.Baseline.Version},
		Assessed:        s.Assessed, DeclinedAsDecided: s.StoredDeclined,
		DeclinedNow: s.BaselineDeclined, DeclinedProposed: s.ProposedDeclined,
		DeclineRateNow: s.BaselineRate(), DeclineRateProposed: s.ProposedRate(),
		ApprovedToDeclined: s.Result.ApprovedToDeclined, DeclinedToApproved: s.Result.DeclinedToApproved,
		Reasons:                  make([]model.ReasonImpact, 0, engine.NumReasons),
		Days:                     make([]model.DayImpact, len(s.Days)),
		Categories:               make([]model.CategoryImpact, len(s.Categories)),
		SampleApprovedToDeclined: mapFlips(s.ToDeclined),
		SampleDeclinedToApproved: mapFlips(s.ToApproved),
	}
	mapSimulationOutcomes(out, s)
	for r := engine.Reason(1); r <= engine.NumReasons; r++ {
		out.Reasons = append(out.Reasons, model.ReasonImpact{Code: model.ReasonCode(r.String()), Now: s.BaselineReasons[r], Proposed: s.ProposedReasons[r]})
	}
	for i, d := range s.Days {
		out.Days[i] = model.DayImpact{Day: time.Unix((s.FirstDay+int64(i))*86400, 0).UTC(), Assessed: d.Assessed,
			DeclinedNow: d.BaselineDeclined, DeclinedProposed: d.ProposedDeclined}
	}
	for i, c := range s.Categories {
		out.Categories[i] = model.CategoryImpact{Category: c.Category, Assessed: c.Assessed,
			DeclinedNow: c.BaselineDeclined, DeclinedProposed: c.ProposedDeclined}
	}
	return out, nil
}

func mapFlips(fs []whatif.Flip) []model.FlippedDecision {
	out := make([]model.FlippedDecision, len(fs))
	for i, f := range fs {
		out[i] = model.FlippedDecision{DecisionID: f.DecisionID, CreatedAt: f.At, MerchantCategory: f.Category, Amount: float64(f.Amount)}
	}
	return out
}

// maxCurvePoints bounds the points of a sensitivity curve.
const maxCurvePoints = 1000

func mapCurve(w *whatif.Window, c *whatif.Curve, points int, spacing model.CurveSpacing, err error) (*model.SensitivityCurve, error) {
	if err != nil {
		return nil, err
	}
	m := engine.Measures[c.Measure]
	out := &model.SensitivityCurve{Market: w.Market, MeasuredValue: model.MeasuredValue(m.Enum),
		Comparator: model.Comparator(c.Comparator.String()), Assessed: c.Assessed,
		DeclineRateWithoutRule: c.DisabledRate(), ProposedCutoff: c.Cutoff, ProposedRate: c.ProposedRate()}
	for _, p := range w.CurvePoints(c, points, spacing == model.CurveSpacingQuantiles) {
		out.Points = append(out.Points, *mapPoint(p))
	}
	out.NowPoint = mapPoint(c.NowPointAt(w.Baseline.Set.Rules[c.Measure].Cutoff))
	out.ProposedPoint = mapPoint(c.ProposedPoint())
	if c.Outcomes != nil {
		out.BadDefinition = whatIfBadDefinition(c.Outcomes.Version)
	}
	return out, nil
}

// sensitivityArgs checks the arguments the service does not: the measured value and the number
// of points.
func sensitivityArgs(measured model.MeasuredValue, points int) (engine.Measure, error) {
	var ve apperr.ValidationError
	m, ok := engine.ParseMeasure(string(measured))
	if !ok {
		ve.Add("measuredValue", "unknown measured value %q", measured)
	}
	if points < 2 || points > maxCurvePoints {
		ve.Add("points", "must be between 2 and %d", maxCurvePoints)
	}
	return m, ve.Err()
}

// optionalTime is t or the zero time.
func optionalTime(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}

// whatIfBadDefinition maps a bad definition version for the what-if's figures. (The bad
// definitions' own mapping, badDefinitionModel, may replace it once both are on main.)
func whatIfBadDefinition(v outcomes.Version) *model.BadDefinition {
	return &model.BadDefinition{ID: strconv.FormatInt(v.ID, 10), Market: v.Market, Version: v.Version,
		Level: model.OutcomeStatus(v.Definition.Level.Status().String()), WindowMonths: v.Definition.WindowMonths,
		Description: v.Definition.String(), Author: v.Author, Approver: v.Approver, Rationale: v.Rationale,
		CreatedAt: v.CreatedAt}
}

func mapFigures(f whatif.Figures) *model.OutcomeFigures {
	return &model.OutcomeFigures{Decisions: f.Decisions, Volume: f.Volume, Mature: f.Mature, Immature: f.Immature,
		Bad: f.Bad, Inferred: f.Inferred, InferredBad: f.InferredBad, BadRate: f.BadRate, BadRateLow: f.BadRateLow,
		BadRateHigh: f.BadRateHigh, Loss: f.Loss, LossLow: f.LossLow, LossHigh: f.LossHigh, LossRate: f.LossRate}
}

// finite is x, or nil when it is not a number (an AUC without bad or good decisions).
func finite(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

func mapInference(inf *whatif.Inference) *model.RejectInference {
	out := &model.RejectInference{Market: inf.Market, Method: whatif.InferenceMethod, Assumption: whatif.InferenceAssumption,
		Available: inf.Available, BadDefinition: inf.Definition.Definition.String(), Samples: inf.Samples, Bads: inf.Bads,
		Coefficients: []model.InferenceCoefficient{}}
	if !inf.Available {
		out.Note = &inf.Note
		return out
	}
	at := inf.FittedAt
	out.FittedAt = &at
	out.Auc, out.LogLoss, out.Brier, out.LossGivenBad = finite(inf.AUC), finite(inf.LogLoss), finite(inf.Brier), finite(inf.LossGivenBad)
	out.Coefficients = append(out.Coefficients, model.InferenceCoefficient{Weight: inf.Model.Intercept})
	for m := range engine.NumMeasures {
		mv := model.MeasuredValue(engine.Measures[m].Enum)
		out.Coefficients = append(out.Coefficients, model.InferenceCoefficient{MeasuredValue: &mv,
			Weight: inf.Model.Weight[m], Mean: inf.Model.Mean[m], Sd: inf.Model.SD[m]})
	}
	return out
}

// mapSimulationOutcomes fills the outcome figures of a simulation.
func mapSimulationOutcomes(out *model.Simulation, s *whatif.Simulation) {
	o, c := s.Outcomes, &s.Cells
	out.BadDefinition = whatIfBadDefinition(s.Inference.Definition)
	if s.Assessed > 0 {
		out.ApprovalRateNow, out.ApprovalRateProposed = 1-s.BaselineRate(), 1-s.ProposedRate()
	}
	out.OutcomesNow = mapFigures(o.Figures(ptr(c[whatif.KeptApproved].Plus(c[whatif.SwapOut]))))
	out.OutcomesProposed = mapFigures(o.Figures(ptr(c[whatif.KeptApproved].Plus(c[whatif.SwapIn]))))
	out.SwapSet = &model.SwapSet{KeptApproved: mapFigures(o.Figures(&c[whatif.KeptApproved])),
		SwapOut: mapFigures(o.Figures(&c[whatif.SwapOut])), SwapIn: mapFigures(o.Figures(&c[whatif.SwapIn])),
		KeptDeclined: mapFigures(o.Figures(&c[whatif.KeptDeclined]))}
	var approved, immature int
	for q := range c {
		approved += c[q].Mature + c[q].Immature
		immature += c[q].Immature
	}
	if approved > 0 {
		share := float64(immature) / float64(approved)
		out.ImmatureShare = &share
	}
	out.Inference = mapInference(s.Inference)
}

func ptr[T any](v T) *T { return &v }

func mapPoint(p whatif.Point) *model.SensitivityPoint {
	return &model.SensitivityPoint{Cutoff: p.Cutoff, DeclineRate: p.Rate, ApprovalRate: p.ApprovalRate, BadRate: p.BadRate, LossRate: p.LossRate}
}
