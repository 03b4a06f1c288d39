// Package analytics answers decline-rate questions over the decisions: series per time bucket
// and any grouping, the reasons behind declines, the realized effect of threshold activations
// and anomalies against a weekly baseline.
//
// It reads hourly rollups: counts of decisions and declines per UTC hour and a set of
// dimensions, in a few tables of different grain. One background aggregator (Service.Advance)
// adds the decisions past a watermark to every table in one transaction, so assessments never
// touch the rollups and a pass is idempotent: a failed pass leaves the watermark where it was.
// A question is answered from the smallest table that has every dimension it filters or groups
// by, or from the decisions themselves (an amount range, or a grouping no table has).
package analytics

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync/atomic"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
	"riskconsole/internal/outcomes"
	"riskconsole/internal/thresholds"
)

// Dimension is an attribute of a decision that analytics filter or group by.
type Dimension uint8

// Dimensions, in the order keys list them.
const (
	Market Dimension = iota
	MerchantCategory
	Merchant
	Channel
	Reason // the principal (first-ranked) reason; "" for an approval
	ThresholdVersion
	Arm // the arm of a challenger split that decided; "" when none ran
	NumDimensions
)

var dimensionColumns = [NumDimensions]string{
	"market", "merchant_category", "merchant_id", "channel", "principal_reason", "threshold_version_id", "arm",
}

var dimensionNames = [NumDimensions]string{
	"MARKET", "MERCHANT_CATEGORY", "MERCHANT", "CHANNEL", "REASON", "THRESHOLD_VERSION", "ARM",
}

// String returns the dimension's name in the API, e.g. "MERCHANT_CATEGORY".
func (d Dimension) String() string {
	if d >= NumDimensions {
		return "UNKNOWN"
	}
	return dimensionNames[d]
}

// Column is the dimension's column in the decisions table and the rollups.
func (d Dimension) Column() string { return dimensionColumns[d] }

// Dimensions is a set of dimensions.
type Dimensions uint8

// Of returns the set of ds.
func Of(ds ...Dimension) Dimensions {
	var s Dimensions
	for _, d := range ds {
		s |= 1 << d
	}
	return s
}

// Has reports whether d is in s.
func (s Dimensions) Has(d Dimension) bool { return s&(1<<d) != 0 }

// List returns the dimensions of s in order.
func (s Dimensions) List() []Dimension {
	var out []Dimension
	for d := range NumDimensions {
		if s.Has(d) {
			out = append(out, d)
		}
	}
	return out
}

// Key holds a value per dimension; dimensions a row is not grouped by are "".
type Key [NumDimensions]string

// Table is a rollup table: counts per UTC hour and its dimensions.
type Table struct {
	Name string
	Dims Dimensions
}

// Tables are the rollups, smallest grain first; a question reads the first that covers it.
var Tables = []Table{
	{Name: "rollup_market_hour", Dims: Of(Market)},
	{Name: "rollup_reason_hour", Dims: Of(Market, Reason)},
	{Name: "rollup_merchant_hour", Dims: Of(Market, MerchantCategory, Merchant, Channel)},
	{Name: "rollup_hour", Dims: Of(Market, MerchantCategory, Channel, Reason, ThresholdVersion, Arm)},
}

// Filter narrows the decisions counted. Zero fields do not filter.
type Filter struct {
	From, To           time.Time // From inclusive, To exclusive; both required
	Market             string
	MerchantCategory   string
	MerchantID         string
	Channel            string
	ThresholdVersionID int64
	Arm                thresholds.Arm
	MinAmountMinor     *int64
	MaxAmountMinor     *int64
}

// equalities returns the filter's equality conditions as a key and the set of its dimensions.
func (f *Filter) equalities() (Key, Dimensions) {
	var k Key
	var s Dimensions
	set := func(d Dimension, v string) {
		if v != "" {
			k[d] = v
			s |= Of(d)
		}
	}
	set(Market, f.Market)
	set(MerchantCategory, f.MerchantCategory)
	set(Merchant, f.MerchantID)
	set(Channel, f.Channel)
	if f.ThresholdVersionID != 0 {
		set(ThresholdVersion, strconv.FormatInt(f.ThresholdVersionID, 10))
	}
	set(Arm, string(f.Arm))
	return k, s
}

// Query asks for counts per UTC hour in [From, To) (whole hours), grouped by Group, of the
// decisions whose dimensions equal Equal where Filtered says so and whose amount is in range.
//
// Buckets, when set, are the sorted starts of the buckets the answer is summed into, the first at
// or before From: the store may then answer per bucket instead of per hour, each row's Hour the
// start of the bucket its hours fall in (PostgreSQL does, SQLite answers per hour; with one
// bucket both answer one row per group).
type Query struct {
	From, To int64 // Unix seconds, multiples of 3600
	Buckets  []int64
	Group    Dimensions
	Equal    Key
	Filtered Dimensions
	// Keys, when set, keeps only the groups whose values of Group's dimensions are one of them.
	Keys []Key
	// Top, when above 0, asks for one row per group over the whole range (Hour is From) for only
	// the Top groups with the most declines, most first, ties in the byte order of their values
	// in dimension order; each row's Groups is how many groups there are in all. Grouped by
	// Reason, groups without one (approvals) are left out: they are in no series.
	Top            int
	MinAmountMinor *int64
	MaxAmountMinor *int64
}

// Row is one group's counts in one UTC hour.
type Row struct {
	Hour     int64 // Unix seconds of the hour's start
	Key      Key   // the values of the query's Group dimensions
	Assessed int64
	Declined int64
	Groups   int64 // set by a Top query: how many groups the whole answer has
}

// Pass is what one aggregator pass did.
type Pass struct {
	Added int64 // decisions added to the rollups
	// More is true when decisions are left for another pass (a pass may be bounded).
	More bool
	// Skipped is true when another replica's pass was running: this one did nothing.
	Skipped bool
}

// State is where the aggregator stands.
type State struct {
	// AdvancedAt is when the last pass took its watermark: decisions committed before then are
	// counted, except those of a transaction that was still open at that moment, which the next
	// pass counts.
	AdvancedAt time.Time
}

// Store reads and maintains the rollups.
type Store interface {
	// AdvanceRollups adds the decisions past the watermark to every table and moves the
	// watermark, in one transaction; the state's AdvancedAt becomes at once a pass leaves none
	// waiting.
	AdvanceRollups(ctx context.Context, tables []Table, at time.Time) (Pass, error)
	RollupState(ctx context.Context) (State, error)
	// AggregateRollup answers q from table t, which must cover q's dimensions, calling each for
	// every row as it is read: nothing is kept, so the caller bounds what an answer holds.
	AggregateRollup(ctx context.Context, t Table, q Query, each func(Row) error) error
	// AggregateDecisions answers q from the decisions table, as AggregateRollup does.
	AggregateDecisions(ctx context.Context, q Query, each func(Row) error) error
	Activations(ctx context.Context) ([]thresholds.Activation, error)
	ThresholdVersions(ctx context.Context, ids []int64) ([]thresholds.Version, error)
	// PublishedImpact returns the what-if impact stored with the draft whose approval published
	// the version; ok is false for a version no draft published (a seeded default).
	PublishedImpact(ctx context.Context, versionID int64) (impact thresholds.Impact, ok bool, err error)
	VintageStore
}

// Source says where an answer was read from.
type Source uint8

// Sources.
const (
	FromRollup Source = iota + 1
	FromDecisions
)

// Counts says where the answer to a Query came from.
type Counts struct {
	Source Source
	Table  string // the rollup read, "" for FromDecisions
	// AsOf is when the answer's data was complete: the rollups' State.AdvancedAt, or the time
	// of the query for the decisions table.
	AsOf time.Time
}

// Service answers analytics questions and runs the aggregator.
type Service struct {
	store Store
	// defs answers which bad definition is in force in a market (vintages, realized outcomes).
	defs outcomes.Definitions
	now  func() time.Time
	// lastPass is when this server's last aggregator pass that caught up began (Unix ns; 0 before
	// the first), for the metrics.
	lastPass atomic.Int64
}

// NewService returns a Service reading st and the bad definitions in force from defs, with now
// as its clock.
func NewService(st Store, defs outcomes.Definitions, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: st, defs: defs, now: now}
}

// Advance brings the rollups up to date with the decisions committed so far, in as many
// passes as the store needs. Concurrent calls (several replicas) take turns.
func (s *Service) Advance(ctx context.Context) error {
	at := s.now().UTC()
	for {
		p, err := s.store.AdvanceRollups(ctx, Tables, at)
		switch {
		case err != nil:
			return err
		case p.Skipped:
			return nil
		case !p.More:
			s.lastPass.Store(at.UnixNano())
			return s.advanceOutcomes(ctx)
		}
	}
}

// outcomeBatch bounds the outcome events one aggregator transaction adds: a bulk load writes a
// million in one transaction, which passes of this size take in turn.
const outcomeBatch = 20_000

// advanceOutcomes brings the vintage outcome rollups up to date with the outcome events
// committed so far, one bounded batch per pass.
func (s *Service) advanceOutcomes(ctx context.Context) error {
	for {
		p, err := s.store.AdvanceOutcomeRollups(ctx, outcomeBatch)
		if err != nil || p.Skipped || !p.More {
			return err
		}
	}
}

// LastPass returns when this server's last aggregator pass that caught up began; zero before
// the first. Another replica's passes are not seen here (RollupState has them all).
func (s *Service) LastPass() time.Time {
	if ns := s.lastPass.Load(); ns != 0 {
		return time.Unix(0, ns).UTC()
	}
	return time.Time{}
}

// maxRange bounds the time range of a question.
const maxRange = 2 * 366 * 24 * time.Hour

// hour is the length of the rollups' grain.
const hour = int64(time.Hour / time.Second)

// validateFilter adds to ve what is wrong with f; prefix is the argument's name.
func validateFilter(f *Filter, prefix string, ve *apperr.ValidationError) {
	switch {
	case f.From.IsZero():
		ve.Add(prefix+".from", "is required")
	case f.To.IsZero():
		ve.Add(prefix+".to", "is required")
	case !f.From.Before(f.To):
		ve.Add(prefix+".to", "must be after %s.from", prefix)
	case f.To.Sub(f.From) > maxRange:
		ve.Add(prefix+".to", "the range may span at most %d days", int(maxRange/(24*time.Hour)))
	}
	if f.Market != "" {
		if _, ok := market.Lookup(f.Market); !ok {
			ve.Add(prefix+".market", "unknown market %q", f.Market)
		}
	}
	if f.Channel != "" && !slices.Contains(decisions.Channels, f.Channel) {
		ve.Add(prefix+".channel", "unknown channel %q; supported: %v", f.Channel, decisions.Channels)
	}
	if f.MinAmountMinor != nil && f.MaxAmountMinor != nil && *f.MinAmountMinor > *f.MaxAmountMinor {
		ve.Add(prefix+".maxAmount", "must not be less than %s.minAmount", prefix)
	}
}

// hourSpan returns the whole UTC hours that cover [from, to), in Unix seconds: from rounded
// down and to rounded up to the hour.
func hourSpan(from, to time.Time) (int64, int64) {
	hi := to.Truncate(time.Hour)
	if hi.Before(to) {
		hi = hi.Add(time.Hour)
	}
	return from.Truncate(time.Hour).Unix(), hi.Unix()
}

// query is the Query of the filter's decisions over its whole hours, grouped by group.
func (f *Filter) query(group Dimensions) Query {
	eq, filtered := f.equalities()
	q := Query{Group: group, Equal: eq, Filtered: filtered, MinAmountMinor: f.MinAmountMinor, MaxAmountMinor: f.MaxAmountMinor}
	q.From, q.To = hourSpan(f.From, f.To)
	return q
}

// source is where one question reads its counts: the rollup Plan chose or the decisions, so that
// the several queries of one answer read the same numbers.
type source struct {
	store  Store
	table  Table
	rollup bool
	Counts
}

// source plans where queries with q's dimensions and amount range are answered from.
func (s *Service) source(ctx context.Context, q Query) (source, error) {
	if t, ok := Plan(q); ok {
		st, err := s.store.RollupState(ctx)
		if err != nil {
			return source{}, err
		}
		return source{store: s.store, table: t, rollup: true, Counts: Counts{Source: FromRollup, Table: t.Name, AsOf: st.AdvancedAt}}, nil
	}
	return source{store: s.store, Counts: Counts{Source: FromDecisions, AsOf: s.now().UTC()}}, nil
}

// read answers q, calling each for every row.
func (src *source) read(ctx context.Context, q Query, each func(Row) error) error {
	if src.rollup {
		if err := src.store.AggregateRollup(ctx, src.table, q, each); err != nil {
			return fmt.Errorf("read %s: %w", src.table.Name, err)
		}
		return nil
	}
	if err := src.store.AggregateDecisions(ctx, q, each); err != nil {
		return fmt.Errorf("aggregate decisions: %w", err)
	}
	return nil
}

// total reads the filter's decisions over its whole range as one bucket, grouped by group (one
// row per group), from the smallest rollup that covers them or from the decisions, and says
// which.
func (s *Service) total(ctx context.Context, f *Filter, group Dimensions, each func(Row) error) (Counts, error) {
	q := f.query(group)
	q.Buckets = []int64{q.From}
	src, err := s.source(ctx, q)
	if err != nil {
		return Counts{}, err
	}
	return src.Counts, src.read(ctx, q, each)
}

// Plan returns the smallest rollup that can answer q; ok is false when only the decisions can
// (an amount range, or dimensions no rollup has together).
func Plan(q Query) (Table, bool) {
	if q.MinAmountMinor != nil || q.MaxAmountMinor != nil {
		return Table{}, false
	}
	need := q.Group | q.Filtered
	for _, t := range Tables {
		if t.Dims&need == need {
			return t, true
		}
	}
	return Table{}, false
}

// reasonFactor returns the factor a reason code belongs to; ok is false for "" or an unknown code.
func reasonFactor(code string) (engine.Factor, bool) {
	r, ok := engine.ParseReason(code)
	if !ok {
		return 0, false
	}
	return engine.Measures[r.Measure()].Factor, true
}

// mod is a modulo that is never negative, for times before 1970.
func mod(a, b int64) int64 { return ((a % b) + b) % b }
