package analytics

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/market"
	"riskconsole/internal/outcomes"
)

// Vintage curves.
//
// The aggregator keeps two more rollups beside the decline-rate ones: rollup_vintage counts the
// approvals and their volume per market, decision UTC month (the vintage), merchant category and
// threshold version; rollup_vintage_outcome counts, per the same keys and month on book (mob =
// outcomes.MonthsBetween(decision time, event time)), the decisions that first reached each level
// in that mob and the change of the amount written off in it. A curve is the running sum over mob
// divided by the vintage's approvals (or volume).
//
// A point m of a curve counts the approvals that reached the definition's level by the end of mob
// m, whatever the definition's window: the curve shows how the vintage goes bad as it ages, and
// its value at mob window-1 is the vintage's bad rate under the definition.

// VintageGroup splits each vintage.
type VintageGroup uint8

// The groupings.
const (
	VintageNoGroup VintageGroup = iota
	VintageByThresholdVersion
	VintageByMerchantCategory
)

// String returns the API name.
func (g VintageGroup) String() string {
	switch g {
	case VintageByThresholdVersion:
		return "THRESHOLD_VERSION"
	case VintageByMerchantCategory:
		return "MERCHANT_CATEGORY"
	}
	return "NONE"
}

// MaxVintageSeries bounds the series of one answer.
const MaxVintageSeries = 400

// defaultVintageMonths is the default window: the last 24 months, the current one included.
const defaultVintageMonths = 24

// VintageQuery asks the store for the vintage rollups of one market.
type VintageQuery struct {
	Market             string
	From, To           int64 // Unix seconds of UTC month starts; From inclusive, To exclusive
	Group              VintageGroup
	MerchantCategory   string // "" for every category
	ThresholdVersionID int64  // 0 for every version
	Level              outcomes.Level
}

// VintageCell is a vintage's (and group's) approvals.
type VintageCell struct {
	Month         int64
	Group         string
	Approved      int64
	ApprovedMinor int64
}

// VintageOutcomeCell is what happened to a vintage's (and group's) approvals in one month on
// book: how many first reached the query's level in it, and the change of the amount written off.
type VintageOutcomeCell struct {
	Month           int64
	Group           string
	Mob             int
	Reached         int64
	WrittenOffMinor int64
}

// VintageStore reads and maintains the vintage rollups.
type VintageStore interface {
	// AdvanceOutcomeRollups adds at most batch outcome events past the outcome watermark to
	// rollup_vintage_outcome and moves the watermark, in one transaction.
	AdvanceOutcomeRollups(ctx context.Context, batch int) (Pass, error)
	// VintageCells reads the approvals of q's vintages (and groups) that have any, summed over
	// what q does not group by, oldest first: at most limit of them, and how many there are.
	VintageCells(ctx context.Context, q VintageQuery, limit int) ([]VintageCell, int, error)
	// VintageOutcomes reads the outcome rollups of q, summed over what q does not group by.
	VintageOutcomes(ctx context.Context, q VintageQuery) ([]VintageOutcomeCell, error)
	// PredictedBadRate returns the bad rate the what-if predicted for the version, stored with
	// the draft that published it; nil when no draft did or its impact had none.
	PredictedBadRate(ctx context.Context, versionID int64) (*float64, error)
}

// VintageRequest is a vintages question.
type VintageRequest struct {
	Market             string
	From, To           time.Time // zero: the last 24 months
	Group              VintageGroup
	MerchantCategory   string
	ThresholdVersionID int64
}

// VintagePoint is a curve's value at the end of a month on book.
type VintagePoint struct {
	Mob       int
	Bad       int64 // approvals that reached the level by the end of mob
	LossMinor int64 // written off by the end of mob, net of recoveries
	BadRate   float64
	LossRate  float64
}

// VintageSeries is the curve of one vintage (and group).
type VintageSeries struct {
	Vintage       time.Time
	Group         string // "" for no grouping
	Approved      int64
	ApprovedMinor int64
	Points        []VintagePoint // mob 0 .. the months the vintage has lived
}

// VintageReport answers a vintages question.
type VintageReport struct {
	Market      string
	From, To    time.Time // whole UTC months
	Definition  outcomes.Version
	Activations []Marker
	Series      []VintageSeries
}

// monthStart returns the start of t's UTC month.
func monthStart(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// Vintages returns the vintage curves of a market: one series per vintage month in [From, To)
// (From rounded down, To rounded up to whole UTC months) and group with approvals, each with a
// point per whole month it has lived. More than MaxVintageSeries series is refused.
func (s *Service) Vintages(ctx context.Context, req VintageRequest) (VintageReport, error) {
	now := s.now().UTC()
	var ve apperr.ValidationError
	if _, ok := market.Lookup(req.Market); !ok {
		ve.Add("market", "unknown market %q", req.Market)
	}
	to := req.To
	if to.IsZero() {
		to = monthStart(now).AddDate(0, 1, 0)
	} else if m := monthStart(to); m.Before(to) {
		to = m.AddDate(0, 1, 0)
	}
	from := req.From
	if from.IsZero() {
		from = to.AddDate(0, -defaultVintageMonths, 0)
	}
	from = monthStart(from)
	months := outcomes.MonthsBetween(from, to)
	switch {
	case !from.Before(to):
		ve.Add("to", "must be after from")
	case months > MaxVintageSeries:
		ve.Add("from", "the range spans %d months; at most %d vintages fit in one answer", months, MaxVintageSeries)
	}
	if err := ve.Err(); err != nil {
		return VintageReport{}, err
	}
	def, err := s.defs.Active(ctx, req.Market)
	if err != nil {
		return VintageReport{}, fmt.Errorf("bad definition of %s: %w", req.Market, err)
	}
	q := VintageQuery{Market: req.Market, From: from.Unix(), To: to.Unix(), Group: req.Group,
		MerchantCategory: req.MerchantCategory, ThresholdVersionID: req.ThresholdVersionID, Level: def.Definition.Level}
	// The series are counted before any is read: an answer holds at most MaxVintageSeries.
	cells, series, err := s.store.VintageCells(ctx, q, MaxVintageSeries)
	if err != nil {
		return VintageReport{}, fmt.Errorf("read vintage rollups: %w", err)
	}
	if series > MaxVintageSeries {
		ve.Add("from", "groupBy %s from %s gives %d series, more than %d: start later, group by NONE or filter by merchant category or threshold version",
			req.Group, from.Format("2006-01"), series, MaxVintageSeries)
		return VintageReport{}, ve.Err()
	}
	outs, err := s.store.VintageOutcomes(ctx, q)
	if err != nil {
		return VintageReport{}, fmt.Errorf("read vintage rollups: %w", err)
	}
	rep := VintageReport{Market: req.Market, From: from, To: to, Definition: def, Series: curves(cells, outs, now)}
	if rep.Activations, err = s.Activations(ctx, req.Market, from, to); err != nil {
		return VintageReport{}, err
	}
	return rep, nil
}

// curves builds the series from the rollups read, oldest vintage first, groups in order.
func curves(cells []VintageCell, outs []VintageOutcomeCell, now time.Time) []VintageSeries {
	type key struct {
		month int64
		group string
	}
	idx := make(map[key]int, len(cells))
	var out []VintageSeries
	for _, c := range cells {
		if c.Approved <= 0 {
			continue
		}
		v := time.Unix(c.Month, 0).UTC()
		age := 0
		if now.After(v) {
			age = outcomes.MonthsBetween(v, now)
		}
		idx[key{c.Month, c.Group}] = len(out)
		out = append(out, VintageSeries{Vintage: v, Group: c.Group, Approved: c.Approved, ApprovedMinor: c.ApprovedMinor,
			Points: make([]VintagePoint, age+1)})
	}
	for _, o := range outs {
		i, ok := idx[key{o.Month, o.Group}]
		if !ok {
			continue // outcomes of approvals not counted yet (the decision rollups lag): shown next pass
		}
		p := out[i].Points
		m := min(max(o.Mob, 0), len(p)-1) // an event a few minutes ahead of this clock counts in the last month
		p[m].Bad += o.Reached
		p[m].LossMinor += o.WrittenOffMinor
	}
	for i := range out {
		s := &out[i]
		var bad, loss int64
		for m := range s.Points {
			bad += s.Points[m].Bad
			loss += s.Points[m].LossMinor
			s.Points[m] = VintagePoint{Mob: m, Bad: bad, LossMinor: loss, BadRate: float64(bad) / float64(s.Approved)}
			if s.ApprovedMinor > 0 {
				s.Points[m].LossRate = float64(loss) / float64(s.ApprovedMinor)
			}
		}
	}
	slices.SortFunc(out, func(a, b VintageSeries) int {
		if a.Vintage.Equal(b.Vintage) {
			return groupCompare(a.Group, b.Group)
		}
		return a.Vintage.Compare(b.Vintage)
	})
	return out
}

// groupCompare orders groups: threshold version ids numerically, categories by name.
func groupCompare(a, b string) int {
	ai, aerr := strconv.ParseInt(a, 10, 64)
	bi, berr := strconv.ParseInt(b, 10, 64)
	if aerr == nil && berr == nil {
		switch {
		case ai < bi:
			return -1
		case ai > bi:
			return 1
		}
		return 0
	}
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// RealizedOutcomes sets the bad rate predicted for a version against what its approvals did.
type RealizedOutcomes struct {
	// PredictedBadRate is the bad rate stored with the draft at submission; nil without one.
	PredictedBadRate *float64
	Approved         int64
	// Mature counts the approvals of vintage months whose every decision has lived through the
	// definition's window (whole months: an approval counts as mature once its whole decision
	// month has); Bad those of them that reached the level within the window.
	Mature, Bad int64
	// RealizedBadRate is Bad / Mature; nil while none is mature.
	RealizedBadRate *float64
	// AllMatureAt is when the last month with approvals so far is wholly mature; zero without approvals.
	AllMatureAt time.Time
	Note        string
}

// realizedOutcomes counts the approvals of version versionID in market in the UTC months from
// from's to to's (month granularity: the rollups are monthly, and the version's decisions are
// all made while it is in force) and classifies them under the definition in force.
func (s *Service) realizedOutcomes(ctx context.Context, mkt string, versionID int64, from, to time.Time, predicted *float64) (RealizedOutcomes, error) {
	out := RealizedOutcomes{PredictedBadRate: predicted}
	def, err := s.defs.Active(ctx, mkt)
	if err != nil {
		return out, fmt.Errorf("bad definition of %s: %w", mkt, err)
	}
	w := def.Definition.WindowMonths
	q := VintageQuery{Market: mkt, From: monthStart(from).Unix(), To: monthStart(to).AddDate(0, 1, 0).Unix(),
		ThresholdVersionID: versionID, Level: def.Definition.Level}
	// Ungrouped, a month is one cell: every cell of the range fits.
	cells, _, err := s.store.VintageCells(ctx, q, outcomes.MonthsBetween(time.Unix(q.From, 0).UTC(), time.Unix(q.To, 0).UTC()))
	if err != nil {
		return out, fmt.Errorf("read vintage rollups: %w", err)
	}
	outs, err := s.store.VintageOutcomes(ctx, q)
	if err != nil {
		return out, fmt.Errorf("read vintage rollups: %w", err)
	}
	now := s.now().UTC()
	matureMonth := map[int64]bool{}
	var last time.Time
	for _, c := range cells {
		if c.Approved <= 0 {
			continue
		}
		out.Approved += c.Approved
		v := time.Unix(c.Month, 0).UTC()
		done := v.AddDate(0, 1+w, 0) // the month's last decision is w months old then
		if done.After(last) {
			last = done
		}
		if !done.After(now) {
			matureMonth[c.Month] = true
			out.Mature += c.Approved
		}
	}
	for _, o := range outs {
		if matureMonth[o.Month] && o.Mob < w {
			out.Bad += o.Reached
		}
	}
	out.AllMatureAt = last
	switch {
	case out.Approved == 0:
		out.Note = "no approvals under this activation yet"
	case out.Mature == 0:
		out.Note = fmt.Sprintf("none of the %d approvals is mature yet under %s; the first month is mature at %s",
			out.Approved, def.Definition, firstMature(cells, w).Format(time.DateOnly))
	default:
		r := float64(out.Bad) / float64(out.Mature)
		out.RealizedBadRate = &r
		if out.Mature < out.Approved {
			out.Note = fmt.Sprintf("%d of %d approvals are mature under %s (counted by whole decision month); the rate is of those",
				out.Mature, out.Approved, def.Definition)
		}
	}
	if predicted == nil && out.Note == "" {
		out.Note = "no bad rate was predicted for this version (no draft published it, or its what-if had no outcomes)"
	}
	return out, nil
}

// firstMature returns when the earliest month with approvals is wholly mature.
func firstMature(cells []VintageCell, w int) time.Time {
	var first time.Time
	for _, c := range cells {
		if c.Approved <= 0 {
			continue
		}
		if v := time.Unix(c.Month, 0).UTC(); first.IsZero() || v.Before(first) {
			first = v
		}
	}
	return first.AddDate(0, 1+w, 0)
}
