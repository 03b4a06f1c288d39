package analytics

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"time"

	"riskconsole/internal/apperr"
)

// Bucket is the length of a series' time buckets.
type Bucket uint8

// Buckets. Days start at midnight and weeks on Monday at midnight, in the request's time zone.
const (
	Hourly Bucket = iota + 1
	Daily
	Weekly
)

// RateRequest asks for decline-rate series.
type RateRequest struct {
	Filter  Filter
	Bucket  Bucket
	GroupBy []Dimension
	// TimeZone is an IANA zone name for the buckets' boundaries; "" means UTC. Its offsets from
	// UTC must be whole hours over the range, as the rollups are hourly.
	TimeZone string
	// SeriesLimit keeps the series with the most declines; 0 means DefaultSeriesLimit.
	SeriesLimit int
}

// Series limits and the largest answer.
const (
	DefaultSeriesLimit = 50
	MaxSeriesLimit     = 200
	// MaxPoints bounds series × buckets in one answer.
	MaxPoints = 20_000
)

// Point is one bucket of a series.
type Point struct {
	Start    time.Time // in the request's time zone
	Assessed int64
	Declined int64
}

// Series is the decline rate of one group over time. When grouped by reason, Declined counts the
// declines whose principal reason is the series' reason and Assessed counts every decision of
// the group's other dimensions, so the rates of all reasons add up to the group's decline rate.
type Series struct {
	Key      Key
	Assessed int64
	Declined int64
	Points   []Point
}

// RateReport is the answer to a RateRequest.
type RateReport struct {
	// From and To are the range answered: the request's, widened to whole hours.
	From, To time.Time
	Bucket   Bucket
	Location *time.Location
	GroupBy  []Dimension
	Series   []Series
	// Omitted is how many series SeriesLimit left out (those with the fewest declines).
	Omitted int
	Counts  Counts // where the answer came from
}

// DeclineRates returns the filter's decline rate per bucket and group.
func (s *Service) DeclineRates(ctx context.Context, req RateRequest) (RateReport, error) {
	var ve apperr.ValidationError
	validateFilter(&req.Filter, "filter", &ve)
	group := validateGroupBy(req.GroupBy, &ve)
	if req.Bucket < Hourly || req.Bucket > Weekly {
		ve.Add("bucket", "must be HOUR, DAY or WEEK")
	}
	loc, err := loadZone(req.TimeZone)
	if err != nil {
		ve.Add("timeZone", "unknown time zone %q (use an IANA name such as Europe/Berlin)", req.TimeZone)
	}
	limit := req.SeriesLimit
	if limit == 0 {
		limit = DefaultSeriesLimit
	}
	if limit < 1 || limit > MaxSeriesLimit {
		ve.Add("seriesLimit", "must be between 1 and %d", MaxSeriesLimit)
	}
	if err := ve.Err(); err != nil {
		return RateReport{}, err
	}
	lo, hi := hourSpan(req.Filter.From, req.Filter.To)
	starts, err := bucketStarts(lo, hi, req.Bucket, loc)
	if err != nil {
		return RateReport{}, err
	}
	rows, counts, err := s.counts(ctx, &req.Filter, group, starts)
	if err != nil {
		return RateReport{}, err
	}
	series := seriesOf(rows, group, starts, loc)
	if group == 0 && len(series) == 0 {
		// Ungrouped, the answer is always one series, of zeros when nothing was decided.
		series = append(series, Series{Points: newPoints(starts, loc)})
	}
	slices.SortFunc(series, func(a, b Series) int {
		if c := cmp.Compare(b.Declined, a.Declined); c != 0 {
			return c
		}
		return slices.Compare(a.Key[:], b.Key[:])
	})
	rep := RateReport{From: time.Unix(lo, 0).In(loc), To: time.Unix(hi, 0).In(loc), Bucket: req.Bucket, Location: loc,
		GroupBy: group.List(), Counts: counts}
	if len(series) > limit {
		rep.Omitted = len(series) - limit
		series = series[:limit]
	}
	if len(series)*len(starts) > MaxPoints {
		ve.Add("seriesLimit", "%d series of %d buckets are more than %d points; lower seriesLimit, choose a longer bucket or a shorter range",
			len(series), len(starts), MaxPoints)
		return RateReport{}, ve.Err()
	}
	rep.Series = series
	return rep, nil
}

// validateGroupBy returns the grouping as a set, adding to ve a repeated dimension.
func validateGroupBy(ds []Dimension, ve *apperr.ValidationError) Dimensions {
	var set Dimensions
	for i, d := range ds {
		switch {
		case d >= NumDimensions:
			ve.Add("groupBy", "unknown dimension")
		case set.Has(d):
			ve.Add("groupBy", "lists %s twice (at %d)", d, i)
		}
		set |= Of(d)
	}
	return set
}

// loadZone returns the named zone, UTC for "".
func loadZone(name string) (*time.Location, error) {
	if name == "" || name == "UTC" {
		return time.UTC, nil
	}
	return time.LoadLocation(name)
}

// bucketStarts returns the starts (Unix seconds) of the buckets that cover the hours [lo, hi),
// the first at or before lo. It refuses a zone whose offset is not whole hours in the range:
// its buckets would split the rollups' hours.
func bucketStarts(lo, hi int64, b Bucket, loc *time.Location) ([]int64, error) {
	if loc != time.UTC {
		for h := lo; h < hi; h += hour {
			if _, off := time.Unix(h, 0).In(loc).Zone(); off%int(hour) != 0 {
				var ve apperr.ValidationError
				ve.Add("timeZone", "%s is %+.2f hours from UTC at %s; analytics need a zone whose offset is whole hours",
					loc, float64(off)/float64(hour), time.Unix(h, 0).UTC().Format(time.RFC3339))
				return nil, ve.Err()
			}
		}
	}
	var out []int64
	for t := bucketStart(lo, b, loc); t.Unix() < hi; t = nextBucket(t, b) {
		out = append(out, t.Unix())
	}
	return out, nil
}

// bucketStart returns the start of the bucket that holds the hour h.
func bucketStart(h int64, b Bucket, loc *time.Location) time.Time {
	t := time.Unix(h, 0).In(loc)
	y, m, d := t.Date()
	switch b {
	case Daily:
		return time.Date(y, m, d, 0, 0, 0, 0, loc)
	case Weekly:
		back := (int(t.Weekday()) + 6) % 7 // days since Monday
		return time.Date(y, m, d-back, 0, 0, 0, 0, loc)
	}
	return t
}

// nextBucket returns the start of the bucket after the one starting at t. Days are calendar
// days, so one that a daylight-saving change shortens or lengthens stays one bucket.
func nextBucket(t time.Time, b Bucket) time.Time {
	switch b {
	case Daily:
		return time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, t.Location())
	case Weekly:
		return time.Date(t.Year(), t.Month(), t.Day()+7, 0, 0, 0, 0, t.Location())
	}
	return t.Add(time.Hour)
}

// seriesOf sums hourly rows into one series per group over the buckets starting at starts.
func seriesOf(rows []Row, group Dimensions, starts []int64, loc *time.Location) []Series {
	byReason := group.Has(Reason)
	series := map[Key]*Series{}
	denominators := map[Key][]int64{} // by reason: every decision of the other dimensions, per bucket
	for _, r := range rows {
		i := sort.Search(len(starts), func(i int) bool { return starts[i] > r.Hour }) - 1
		if i < 0 {
			continue // cannot happen: the first bucket starts at or before the first hour
		}
		if byReason {
			k := r.Key
			k[Reason] = ""
			d := denominators[k]
			if d == nil {
				d = make([]int64, len(starts))
				denominators[k] = d
			}
			d[i] += r.Assessed
			if r.Key[Reason] == "" {
				continue // approvals: in the denominators only
			}
		}
		sr := series[r.Key]
		if sr == nil {
			sr = &Series{Key: r.Key, Points: newPoints(starts, loc)}
			series[r.Key] = sr
		}
		sr.Points[i].Declined += r.Declined
		sr.Declined += r.Declined
		if !byReason {
			sr.Points[i].Assessed += r.Assessed
			sr.Assessed += r.Assessed
		}
	}
	out := make([]Series, 0, len(series))
	for _, sr := range series {
		if byReason {
			k := sr.Key
			k[Reason] = ""
			for i, n := range denominators[k] {
				sr.Points[i].Assessed = n
				sr.Assessed += n
			}
		}
		out = append(out, *sr)
	}
	return out
}

// newPoints returns empty points at the bucket starts.
func newPoints(starts []int64, loc *time.Location) []Point {
	ps := make([]Point, len(starts))
	for i, st := range starts {
		ps[i].Start = time.Unix(st, 0).In(loc)
	}
	return ps
}
