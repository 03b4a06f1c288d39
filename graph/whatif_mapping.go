package graph

import (
	"strconv"
	"time"

	"riskconsole/graph/model"
	"riskconsole/internal/apperr"
	"riskconsole/internal/engine"
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

func mapCurve(w *whatif.Window, c *whatif.Curve, points int, err error) (*model.SensitivityCurve, error) {
	if err != nil {
		return nil, err
	}
	m := engine.Measures[c.Measure]
	out := &model.SensitivityCurve{Market: w.Market, MeasuredValue: model.MeasuredValue(m.Enum),
		Comparator: model.Comparator(c.Comparator.String()), Assessed: c.Assessed,
		DeclineRateWithoutRule: c.DisabledRate(), ProposedCutoff: c.Cutoff, ProposedRate: c.ProposedRate()}
	for _, p := range c.Points(points) {
		out.Points = append(out.Points, model.SensitivityPoint{Cutoff: p.Cutoff, DeclineRate: p.Rate})
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
