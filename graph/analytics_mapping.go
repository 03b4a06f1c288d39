package graph

import (
	"time"

	"riskconsole/graph/model"
	"riskconsole/internal/analytics"
	"riskconsole/internal/apperr"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/thresholds"
)

func analyticsFilter(f *model.AnalyticsFilter, ve *apperr.ValidationError) analytics.Filter {
	return analytics.Filter{From: f.From, To: f.To, Market: deref(f.Market), MerchantCategory: deref(f.MerchantCategory),
		MerchantID: deref(f.MerchantID), Channel: deref(f.Channel), ThresholdVersionID: versionFilter(f.ThresholdVersionID, ve),
		MinAmountMinor: amountFilter("filter.minAmount", f.MinAmount, ve), MaxAmountMinor: amountFilter("filter.maxAmount", f.MaxAmount, ve),
		Arm: armFilter(f.Arm)}
}

var analyticsBuckets = map[model.AnalyticsBucket]analytics.Bucket{
	model.AnalyticsBucketHour: analytics.Hourly, model.AnalyticsBucketDay: analytics.Daily, model.AnalyticsBucketWeek: analytics.Weekly,
}

// bucketName is the API's name of a bucket length, the inverse of analyticsBuckets.
func bucketName(b analytics.Bucket) model.AnalyticsBucket {
	for name, v := range analyticsBuckets {
		if v == b {
			return name
		}
	}
	return ""
}

func rateRequest(f *model.AnalyticsFilter, bucket model.AnalyticsBucket, groupBy []model.AnalyticsDimension, tz string, limit int) (analytics.RateRequest, error) {
	var ve apperr.ValidationError
	req := analytics.RateRequest{Filter: analyticsFilter(f, &ve), Bucket: analyticsBuckets[bucket], TimeZone: tz, SeriesLimit: limit}
	if limit == 0 {
		req.SeriesLimit = -1 // explicit 0 is refused, not the default
	}
	for _, g := range groupBy {
		req.GroupBy = append(req.GroupBy, dimensionOf(g))
	}
	return req, ve.Err()
}

// dimensionOf maps an API dimension; the enum names are the analytics package's names.
func dimensionOf(g model.AnalyticsDimension) analytics.Dimension {
	for d := range analytics.NumDimensions {
		if d.String() == string(g) {
			return d
		}
	}
	return analytics.NumDimensions // refused by the service as unknown
}

func sourceOf(c *analytics.Counts) (model.AnalyticsSource, *time.Time) {
	src := model.AnalyticsSourceDecisions
	if c.Source == analytics.FromRollup {
		src = model.AnalyticsSourceRollup
	}
	if c.AsOf.IsZero() {
		return src, nil // the aggregator has not finished a pass yet
	}
	at := c.AsOf
	return src, &at
}

// rate is declined / assessed, nil when nothing was assessed.
func rate(declined, assessed int64) *float64 {
	if assessed == 0 {
		return nil
	}
	r := float64(declined) / float64(assessed)
	return &r
}

// share is part / whole, 0 when whole is 0.
func share(part, whole int64) float64 {
	if whole == 0 {
		return 0
	}
	return float64(part) / float64(whole)
}

func mapRateReport(rep analytics.RateReport, err error) (*model.DeclineRateReport, error) {
	if err != nil {
		return nil, err
	}
	out := &model.DeclineRateReport{From: rep.From, To: rep.To, TimeZone: rep.Location.String(), OmittedSeries: rep.Omitted, Bucket: bucketName(rep.Bucket),
		Series: make([]model.DeclineRateSeries, len(rep.Series)), GroupBy: make([]model.AnalyticsDimension, len(rep.GroupBy))}
	for i, d := range rep.GroupBy {
		out.GroupBy[i] = model.AnalyticsDimension(d.String())
	}
	out.Source, out.FreshAsOf = sourceOf(&rep.Counts)
	grouped := func(d analytics.Dimension, k *analytics.Key) *string {
		for _, g := range rep.GroupBy {
			if g == d {
				v := k[d]
				return &v
			}
		}
		return nil
	}
	for i := range rep.Series {
		s := &rep.Series[i]
		ms := &out.Series[i]
		*ms = model.DeclineRateSeries{Market: grouped(analytics.Market, &s.Key), MerchantCategory: grouped(analytics.MerchantCategory, &s.Key),
			MerchantID: grouped(analytics.Merchant, &s.Key), Channel: grouped(analytics.Channel, &s.Key),
			ThresholdVersionID: grouped(analytics.ThresholdVersion, &s.Key),
			Assessed:           int(s.Assessed), Declined: int(s.Declined), Rate: rate(s.Declined, s.Assessed),
			Points: make([]model.DeclineRatePoint, len(s.Points))}
		if r := grouped(analytics.Reason, &s.Key); r != nil {
			ms.Reason = reasonCode(*r)
		}
		if a := grouped(analytics.Arm, &s.Key); a != nil {
			ms.Arm = armOf(thresholds.Arm(*a))
		}
		for j, p := range s.Points {
			ms.Points[j] = model.DeclineRatePoint{BucketStart: p.Start, Assessed: int(p.Assessed), Declined: int(p.Declined),
				Rate: rate(p.Declined, p.Assessed)}
		}
	}
	return out, nil
}

// reasonCode maps a stored reason code, nil for "".
func reasonCode(code string) *model.ReasonCode {
	if code == "" {
		return nil
	}
	c := model.ReasonCode(code)
	return &c
}

func mapBreakdown(b analytics.Breakdown, err error) (*model.ReasonBreakdown, error) {
	if err != nil {
		return nil, err
	}
	out := &model.ReasonBreakdown{Assessed: int(b.Assessed), Declined: int(b.Declined),
		Reasons: make([]model.ReasonShare, len(b.Reasons)), Factors: make([]model.FactorShare, len(b.Factors))}
	out.Source, out.FreshAsOf = sourceOf(&b.Counts)
	for i, r := range b.Reasons {
		out.Reasons[i] = model.ReasonShare{Reason: model.ReasonCode(r.Reason), Factor: factorOf(r.Factor), Declined: int(r.Declined),
			Share: share(r.Declined, b.Declined), Rate: share(r.Declined, b.Assessed)}
	}
	for i, f := range b.Factors {
		out.Factors[i] = model.FactorShare{Factor: factorOf(f.Factor), Declined: int(f.Declined),
			Share: share(f.Declined, b.Declined), Rate: share(f.Declined, b.Assessed)}
	}
	return out, nil
}

func mapMarkers(ms []analytics.Marker, err error) ([]model.ActivationMarker, error) {
	if err != nil {
		return nil, err
	}
	out := make([]model.ActivationMarker, len(ms))
	for i := range ms {
		a, _ := mapActivation(ms[i].Activation, nil)
		out[i] = model.ActivationMarker{Activation: a, Version: mapThresholdVersion(&ms[i].Version)}
	}
	return out, nil
}

func mapActivationImpacts(is []analytics.ActivationImpact, err error) ([]model.ActivationImpact, error) {
	if err != nil {
		return nil, err
	}
	out := make([]model.ActivationImpact, len(is))
	for i := range is {
		im := &is[i]
		a, _ := mapActivation(im.Activation, nil)
		out[i] = model.ActivationImpact{Activation: a, Version: mapThresholdVersion(&im.Version), Complete: im.Complete,
			Realized: mapRateWindow(im.Realized), Before: mapRateWindow(im.Before), Outcomes: mapRealizedOutcomes(&im.Outcomes)}
		if im.HasPredicted {
			out[i].Predicted = mapImpact(&im.Predicted)
			if r := out[i].Realized.Rate; r != nil && im.Predicted.Available {
				e := *r - im.Predicted.DeclineRateProposed
				out[i].PredictionError = &e
			}
		}
	}
	return out, nil
}

func mapRateWindow(r analytics.Rate) *model.RateWindow {
	return &model.RateWindow{From: r.From, To: r.To, Assessed: int(r.Assessed), Declined: int(r.Declined), Rate: rate(r.Declined, r.Assessed)}
}

func anomalyRequest(from, to time.Time, market *string, bucket model.AnalyticsBucket, threshold float64, minVolume int, minExcess float64, weeks int) analytics.AnomalyRequest {
	return analytics.AnomalyRequest{From: from, To: to, Market: deref(market), Bucket: analyticsBuckets[bucket],
		Detector: analytics.Detector{Threshold: threshold, MinVolume: int64(minVolume), MinExcess: minExcess, BaselineWeeks: weeks}}
}

func mapAnomalies(rep analytics.AnomalyReport, err error) (*model.AnomalyReport, error) {
	if err != nil {
		return nil, err
	}
	out := &model.AnomalyReport{From: rep.From, To: rep.To, Bucket: bucketName(rep.Bucket), Omitted: rep.Omitted,
		Anomalies: make([]model.Anomaly, len(rep.Anomalies))}
	out.Source, out.FreshAsOf = sourceOf(&rep.Counts)
	for i, a := range rep.Anomalies {
		out.Anomalies[i] = model.Anomaly{BucketStart: a.Start, Market: a.Market, Reason: reasonCode(a.Reason),
			Assessed: int(a.Assessed), Declined: int(a.Declined), Rate: a.Rate, BaselineRate: a.Baseline,
			BaselineStdDev: a.Spread, ZScore: a.Z, ExcessDeclines: a.Excess, MainReason: reasonCode(a.MainReason)}
		if a.Activation != nil {
			out.Anomalies[i].RecentActivation, _ = mapActivation(*a.Activation, nil)
		}
	}
	return out, nil
}

// exportURL checks the explorer's filter and returns the download of the decisions it matches.
func exportURL(filter *model.DecisionFilter) (*model.DecisionExport, error) {
	var ve apperr.ValidationError
	f := decisionFilter(filter, &ve)
	decisions.ValidateList(&f, &decisions.PageRequest{First: 1}, &ve)
	if err := ve.Err(); err != nil {
		return nil, err
	}
	u := "/export/decisions.csv"
	if q := decisions.ExportQuery(&f); len(q) > 0 {
		u += "?" + q.Encode()
	}
	return &model.DecisionExport{URL: u, Format: "text/csv"}, nil
}

func factorOf(f engine.Factor) model.Factor { return model.Factor(f.String()) }
