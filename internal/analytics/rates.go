package analytics

import (
	"cmp"
	"context"
	"slices"
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
	loc := validateBucket(req.Bucket, req.TimeZone, &ve)
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
	q := req.Filter.query(group)
	src, err := s.source(ctx, q)
	if err != nil {
		return RateReport{}, err
	}
	rep := RateReport{From: time.Unix(lo, 0).In(loc), To: time.Unix(hi, 0).In(loc), Bucket: req.Bucket, Location: loc,
		GroupBy: group.List(), Counts: src.Counts}
	// The answer's size is known before any bucket is read: the series kept by seriesLimit (the
	// database picks them) times the buckets. Ungrouped, the answer is always one series, of
	// zeros when nothing was decided.
	keys := []Key{{}}
	if group != 0 {
		var groups int64
		if keys, groups, err = topGroups(ctx, &src, q, limit); err != nil {
			return RateReport{}, err
		}
		rep.Omitted = int(groups) - len(keys)
	}
	if len(keys)*len(starts) > MaxPoints {
		ve.Add("seriesLimit", "%d series of %d buckets are more than %d points; lower seriesLimit, choose a longer bucket or a shorter range",
			len(keys), len(starts), MaxPoints)
		return RateReport{}, ve.Err()
	}
	set := newSeriesSet(keys, group, starts, loc)
	if len(keys) > 0 {
		q.Buckets = starts
		if group != 0 {
			q.Keys = keys
		}
		if err := src.read(ctx, q, set.add); err != nil {
			return RateReport{}, err
		}
		if group.Has(Reason) {
			q.Group, q.Keys = group&^Of(Reason), set.denominatorKeys()
			if err := src.read(ctx, q, set.addDenominator); err != nil {
				return RateReport{}, err
			}
			set.shareDenominators()
		}
	}
	rep.Series = set.series
	slices.SortFunc(rep.Series, func(a, b Series) int {
		if c := cmp.Compare(b.Declined, a.Declined); c != 0 {
			return c
		}
		return slices.Compare(a.Key[:], b.Key[:])
	})
	return rep, nil
}

// topGroups returns the limit groups of q with the most declines and how many groups there are.
func topGroups(ctx context.Context, src *source, q Query, limit int) ([]Key, int64, error) {
	q.Top = limit
	var keys []Key
	var groups int64
	err := src.read(ctx, q, func(r Row) error {
		keys, groups = append(keys, r.Key), r.Groups
		return nil
	})
	return keys, groups, err
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

// seriesSet sums rows into the series of a fixed set of groups over the buckets starting at
// starts: its size is the answer's, whatever rows are read.
type seriesSet struct {
	starts   []int64
	byReason bool
	series   []Series
	index    map[Key]int // of series
	// denominators holds, grouped by reason, every decision of a series' other dimensions per
	// bucket, by the series' key without its reason.
	denominators map[Key][]int64
}

// newSeriesSet returns empty series of keys over the buckets starting at starts.
func newSeriesSet(keys []Key, group Dimensions, starts []int64, loc *time.Location) *seriesSet {
	set := &seriesSet{starts: starts, byReason: group.Has(Reason), series: make([]Series, len(keys)), index: make(map[Key]int, len(keys))}
	for i, k := range keys {
		set.series[i] = Series{Key: k, Points: newPoints(starts, loc)}
		set.index[k] = i
	}
	if set.byReason {
		set.denominators = map[Key][]int64{}
		for _, k := range keys {
			k[Reason] = ""
			if set.denominators[k] == nil {
				set.denominators[k] = make([]int64, len(starts))
			}
		}
	}
	return set
}

// bucket returns the index of the bucket that holds the hour (or bucket) starting at h.
func (set *seriesSet) bucket(h int64) int {
	// The first bucket starts at or before the first hour, so i is never negative.
	return bucketIndex(set.starts, h)
}

// add adds a row of a series' group; grouped by reason it counts the row's declines only.
func (set *seriesSet) add(r Row) error {
	si, ok := set.index[r.Key]
	i := set.bucket(r.Hour)
	if !ok || i < 0 {
		return nil
	}
	sr := &set.series[si]
	sr.Points[i].Declined += r.Declined
	sr.Declined += r.Declined
	if !set.byReason {
		sr.Points[i].Assessed += r.Assessed
		sr.Assessed += r.Assessed
	}
	return nil
}

// denominatorKeys returns the keys, without reason, whose decisions the reason series share.
func (set *seriesSet) denominatorKeys() []Key {
	keys := make([]Key, 0, len(set.denominators))
	for k := range set.denominators {
		keys = append(keys, k)
	}
	return keys
}

// addDenominator adds a row, grouped by every dimension but the reason, to the decisions of the
// reason series of its group.
func (set *seriesSet) addDenominator(r Row) error {
	d, i := set.denominators[r.Key], set.bucket(r.Hour)
	if d == nil || i < 0 {
		return nil
	}
	d[i] += r.Assessed
	return nil
}

// shareDenominators sets each reason series' decisions to its group's, once they are read.
func (set *seriesSet) shareDenominators() {
	for si := range set.series {
		sr := &set.series[si]
		k := sr.Key
		k[Reason] = ""
		for i, n := range set.denominators[k] {
			sr.Points[i].Assessed = n
			sr.Assessed += n
		}
	}
}

// newPoints returns empty points at the bucket starts.
func newPoints(starts []int64, loc *time.Location) []Point {
	ps := make([]Point, len(starts))
	for i, st := range starts {
		ps[i].Start = time.Unix(st, 0).In(loc)
	}
	return ps
}
