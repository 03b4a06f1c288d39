package analytics

import (
	"context"
	"fmt"
	"slices"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/market"
	"riskconsole/internal/thresholds"
)

// Marker is a threshold activation to draw on a chart, with the version it put in force.
type Marker struct {
	Activation thresholds.Activation
	Version    thresholds.Version
}

// Activations returns the activations of market ("" for all) in [from, to), oldest first.
func (s *Service) Activations(ctx context.Context, mkt string, from, to time.Time) ([]Marker, error) {
	var ve apperr.ValidationError
	if mkt != "" {
		if _, ok := market.Lookup(mkt); !ok {
			ve.Add("market", "unknown market %q", mkt)
		}
	}
	if !from.Before(to) {
		ve.Add("to", "must be after from")
	}
	if err := ve.Err(); err != nil {
		return nil, err
	}
	all, err := s.store.Activations(ctx)
	if err != nil {
		return nil, err
	}
	var acts []thresholds.Activation
	for _, a := range all {
		if (mkt == "" || a.Market == mkt) && !a.ActivatedAt.Before(from) && a.ActivatedAt.Before(to) {
			acts = append(acts, a)
		}
	}
	return s.markers(ctx, acts)
}

// markers pairs each activation with its version.
func (s *Service) markers(ctx context.Context, acts []thresholds.Activation) ([]Marker, error) {
	slices.SortFunc(acts, func(a, b thresholds.Activation) int { return a.ActivatedAt.Compare(b.ActivatedAt) })
	ids := make([]int64, len(acts))
	for i, a := range acts {
		ids[i] = a.VersionID
	}
	versions, err := s.store.ThresholdVersions(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]thresholds.Version, len(versions))
	for _, v := range versions {
		byID[v.ID] = v
	}
	out := make([]Marker, len(acts))
	for i, a := range acts {
		v, ok := byID[a.VersionID]
		if !ok {
			return nil, fmt.Errorf("activation %d names missing threshold version %d", a.ID, a.VersionID)
		}
		out[i] = Marker{Activation: a, Version: v}
	}
	return out, nil
}

// Rate is a count of decisions and declines over a window.
type Rate struct {
	From, To time.Time
	Assessed int64
	Declined int64
}

// ActivationImpact sets what the what-if predicted for a version beside what happened once it
// was in force.
type ActivationImpact struct {
	Marker
	// Predicted is the impact stored when the version's draft was submitted; ok false (and the
	// zero Impact) for a version no draft published, such as a seeded default.
	Predicted    thresholds.Impact
	HasPredicted bool
	// Realized counts the decisions made under the version in its market from the activation
	// for as long as the prediction's window (90 days), up to the next activation of the market
	// or now, whichever is first.
	Realized Rate
	// Complete is true when Realized spans the prediction's whole window.
	Complete bool
	// Before counts the market's decisions, as they were decided, in the window of Realized's
	// length that ended at the activation, so that the two rates compare like with like however
	// far Realized has run.
	Before Rate
	// Outcomes sets the predicted bad rate against the realized one of the version's approvals
	// from the activation up to the market's next activation or now.
	Outcomes RealizedOutcomes
}

// defaultImpactWindow is the window of a version with no stored prediction: the what-if's.
const defaultImpactWindow = 90 * 24 * time.Hour

// ActivationImpact returns, for each activation of the version, the predicted and realized
// decline rates. Windows are whole UTC hours, as the rollups are hourly.
func (s *Service) ActivationImpact(ctx context.Context, versionID int64) ([]ActivationImpact, error) {
	versions, err := s.store.ThresholdVersions(ctx, []int64{versionID})
	if err != nil {
		return nil, err
	}
	if len(versions) == 0 {
		return nil, fmt.Errorf("threshold version %d: %w", versionID, apperr.ErrNotFound)
	}
	v := versions[0]
	predicted, hasPredicted, err := s.store.PublishedImpact(ctx, versionID)
	if err != nil {
		return nil, err
	}
	window := defaultImpactWindow
	if hasPredicted && predicted.To.After(predicted.From) {
		window = predicted.To.Sub(predicted.From)
	}
	all, err := s.store.Activations(ctx)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(all, func(a, b thresholds.Activation) int { return a.ActivatedAt.Compare(b.ActivatedAt) })
	predictedBad, err := s.store.PredictedBadRate(ctx, versionID)
	if err != nil {
		return nil, err
	}
	now := s.now().UTC()
	var out []ActivationImpact
	for i, a := range all {
		if a.VersionID != versionID || !a.ActivatedAt.Before(now) {
			continue // another version, or a scheduled activation still to come
		}
		end := a.ActivatedAt.Add(window)
		complete := true
		inForceUntil := now
		for _, next := range all[i+1:] {
			if next.Market == a.Market {
				if next.ActivatedAt.Before(end) {
					end, complete = next.ActivatedAt, false
				}
				if next.ActivatedAt.Before(inForceUntil) {
					inForceUntil = next.ActivatedAt
				}
				break
			}
		}
		if now.Before(end) {
			end, complete = now, false
		}
		imp := ActivationImpact{Marker: Marker{Activation: a, Version: v}, Predicted: predicted, HasPredicted: hasPredicted, Complete: complete}
		realized := Filter{From: a.ActivatedAt, To: end, Market: a.Market, ThresholdVersionID: versionID}
		if imp.Realized, err = s.rate(ctx, &realized); err != nil {
			return nil, err
		}
		// Realized's whole hours, moved back by their length: a 12-day realized window is set
		// beside the 12 days before the activation, not the prediction's whole window.
		before := Filter{From: imp.Realized.From.Add(-imp.Realized.To.Sub(imp.Realized.From)), To: imp.Realized.From, Market: a.Market}
		if imp.Before, err = s.rate(ctx, &before); err != nil {
			return nil, err
		}
		if imp.Outcomes, err = s.realizedOutcomes(ctx, a.Market, versionID, a.ActivatedAt, inForceUntil, predictedBad); err != nil {
			return nil, err
		}
		out = append(out, imp)
	}
	return out, nil
}

// rate counts the filter's decisions and declines over its hours.
func (s *Service) rate(ctx context.Context, f *Filter) (Rate, error) {
	lo, hi := hourSpan(f.From, f.To)
	r := Rate{From: time.Unix(lo, 0).UTC(), To: time.Unix(hi, 0).UTC()}
	_, err := s.total(ctx, f, 0, func(row Row) error {
		r.Assessed += row.Assessed
		r.Declined += row.Declined
		return nil
	})
	return r, err
}
