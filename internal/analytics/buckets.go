package analytics

import (
	"context"
	"sort"
	"time"

	"riskconsole/internal/apperr"
)

// Buckets is a range of whole UTC hours cut into time buckets in a time zone, as a decline-rate
// series cuts it: for other hourly rollups (the shadow comparison's) to share the same boundaries
// and the same checks of the zone.
type Buckets struct {
	From, To int64   // Unix seconds of the whole hours covered: From inclusive, To exclusive
	Starts   []int64 // the buckets' starts, the first at or before From
	Location *time.Location
}

// NewBuckets covers [from, to), widened to whole hours, with buckets of length b in the named
// zone ("" or "UTC": UTC). An unknown zone, or one whose offset is not whole hours in the range,
// is a validation error naming timeZone; a bad length names bucket.
func NewBuckets(from, to time.Time, b Bucket, timeZone string) (Buckets, error) {
	var ve apperr.ValidationError
	loc := validateBucket(b, timeZone, &ve)
	if err := ve.Err(); err != nil {
		return Buckets{}, err
	}
	lo, hi := hourSpan(from, to)
	starts, err := bucketStarts(lo, hi, b, loc)
	if err != nil {
		return Buckets{}, err
	}
	return Buckets{From: lo, To: hi, Starts: starts, Location: loc}, nil
}

// validateBucket adds to ve what is wrong with a bucket length and a zone name, and returns the
// zone (nil when it is unknown).
func validateBucket(b Bucket, timeZone string, ve *apperr.ValidationError) *time.Location {
	if b < Hourly || b > Weekly {
		ve.Add("bucket", "must be HOUR, DAY or WEEK")
	}
	loc, err := loadZone(timeZone)
	if err != nil {
		ve.Add("timeZone", "unknown time zone %q (use an IANA name such as Europe/Berlin)", timeZone)
	}
	return loc
}

// Index returns the index of the bucket that holds the hour starting at h, -1 before the first.
func (b *Buckets) Index(h int64) int { return bucketIndex(b.Starts, h) }

// bucketIndex returns the index of the bucket among the sorted starts that holds the hour (or
// bucket) starting at h, -1 before the first.
func bucketIndex(starts []int64, h int64) int {
	return sort.Search(len(starts), func(i int) bool { return starts[i] > h }) - 1
}

// Start returns the start of bucket i in the zone.
func (b *Buckets) Start(i int) time.Time { return time.Unix(b.Starts[i], 0).In(b.Location) }

// Rate counts the filter's decisions and declines over its whole hours, from the smallest rollup
// that has the filter's dimensions (or the decisions, for an amount range).
func (s *Service) Rate(ctx context.Context, f Filter) (Rate, error) { return s.rate(ctx, &f) }
