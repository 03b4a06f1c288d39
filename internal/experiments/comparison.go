package experiments

import (
	"context"
	"fmt"
	"time"

	"riskconsole/internal/analytics"
	"riskconsole/internal/apperr"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/outcomes"
	"riskconsole/internal/thresholds"
)

// MaxSamples bounds the decisions one cell's samples return.
const MaxSamples = 50

// Shadows reads shadow runs by id (thresholds.ExperimentLifecycle).
type Shadows interface {
	Shadow(ctx context.Context, id int64) (thresholds.Shadow, error)
}

// Limiter admits heavy operations (package heavy): the bad rates read every approval of a run
// old enough to judge.
type Limiter interface {
	Acquire(ctx context.Context, op string) (release func(), err error)
}

// Service compares shadow runs with the live decisions and reports a split's arms.
type Service struct {
	store     Store
	shadows   Shadows
	analytics *analytics.Service
	defs      outcomes.Definitions
	heavy     Limiter
	now       func() time.Time
}

// NewService returns a Service reading st, shadow runs from shadows, the arms' decline rates
// through an, the bad definition in force from defs, with now as its clock; heavy admits the
// reads of the bad rates.
func NewService(st Store, shadows Shadows, an *analytics.Service, defs outcomes.Definitions, heavy Limiter, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: st, shadows: shadows, analytics: an, defs: defs, heavy: heavy, now: now}
}

// Point is one time bucket of a comparison.
type Point struct {
	Start          time.Time // in the request's zone
	Decisions      int64
	LiveDeclined   int64
	ShadowDeclined int64
}

// CellOutcomes are the repayment outcomes of a cell's approvals under the market's bad
// definition: those old enough to judge (Mature) and those of them that went bad.
type CellOutcomes struct {
	Mature, Bad int64
}

// Cell is one cell of the agreement table.
type Cell struct {
	Agreement Agreement
	Decisions int64
	Share     float64 // of the decisions compared; 0 when there are none
	// Outcomes is nil for the cells live declined: they lent nothing.
	Outcomes *CellOutcomes
}

// ReasonCount is how many decisions each side declined naming the reason first.
type ReasonCount struct {
	Reason       engine.Reason
	Live, Shadow int64
}

// Comparison sets a shadow run's decisions beside the live ones of its time.
type Comparison struct {
	Shadow thresholds.Shadow
	// From and To are the whole hours compared, in the request's zone: from the run's start to
	// its end or now, whichever is first.
	From, To time.Time
	// FreshAsOf is when the rollups were complete (zero before the aggregator's first pass).
	FreshAsOf                    time.Time
	Decisions                    int64
	LiveDeclined, ShadowDeclined int64
	Series                       []Point
	Cells                        []Cell // in Agreements order
	Reasons                      []ReasonCount
}

// ComparisonRequest asks for the comparison of shadow run ShadowID, of one arm of the market's
// split when Arm is set, in buckets of an hour or a day in the named zone ("": UTC).
type ComparisonRequest struct {
	ShadowID int64
	Arm      thresholds.Arm
	Bucket   analytics.Bucket
	TimeZone string
}

// run returns the shadow run and the query of its decisions so far.
func (s *Service) run(ctx context.Context, shadowID int64, arm thresholds.Arm) (thresholds.Shadow, RunQuery, error) {
	sh, err := s.shadows.Shadow(ctx, shadowID)
	if err != nil {
		return sh, RunQuery{}, err
	}
	to := s.now().UTC()
	if end := sh.End(); end != nil && end.Before(to) {
		to = *end
	}
	if to.Before(sh.StartedAt) {
		to = sh.StartedAt // started in the future of this server's clock: nothing yet
	}
	return sh, RunQuery{Market: sh.Market, VersionID: sh.VersionID, From: sh.StartedAt, To: to, Arm: arm}, nil
}

// Compare returns the comparison the request asks for. The counts are the rollups' (see
// FreshAsOf); the bad rates are read from the decisions of the run old enough to judge, under the
// bad definition in force in the market. The rollups are per version and whole UTC hour, so a
// version started again in the hour its previous run stopped counts that run's last decisions of
// the hour too.
func (s *Service) Compare(ctx context.Context, req ComparisonRequest) (Comparison, error) {
	if req.Bucket != analytics.Hourly && req.Bucket != analytics.Daily {
		var ve apperr.ValidationError
		ve.Add("bucket", "must be HOUR or DAY")
		return Comparison{}, ve.Err()
	}
	sh, q, err := s.run(ctx, req.ShadowID, req.Arm)
	if err != nil {
		return Comparison{}, err
	}
	b, err := analytics.NewBuckets(q.From, q.To, req.Bucket, req.TimeZone)
	if err != nil {
		return Comparison{}, err
	}
	if len(b.Starts) > analytics.MaxPoints {
		var ve apperr.ValidationError
		ve.Add("bucket", "the run spans %d buckets, more than %d: choose DAY", len(b.Starts), analytics.MaxPoints)
		return Comparison{}, ve.Err()
	}
	st, err := s.store.RollupState(ctx)
	if err != nil {
		return Comparison{}, err
	}
	c := Comparison{Shadow: sh, From: time.Unix(b.From, 0).In(b.Location), To: time.Unix(b.To, 0).In(b.Location),
		FreshAsOf: st.AdvancedAt, Series: make([]Point, len(b.Starts)), Cells: make([]Cell, len(Agreements))}
	for i := range c.Series {
		c.Series[i].Start = b.Start(i)
	}
	for i, a := range Agreements {
		c.Cells[i].Agreement = a
	}
	var live, shadow [engine.NumReasons + 1]int64
	err = s.store.ShadowRollup(ctx, q, b.From, b.To, func(r ShadowRow) error {
		lr, ok := parseReason(r.LiveReason)
		sr, ok2 := parseReason(r.ShadowReason)
		if !ok || !ok2 {
			return fmt.Errorf("rollup_shadow_hour of version %d: unknown reason %q or %q", q.VersionID, r.LiveReason, r.ShadowReason)
		}
		p := &c.Series[max(b.Index(r.Hour), 0)] // hours come from [b.From, b.To): never before the first bucket
		p.Decisions += r.Assessed
		c.Decisions += r.Assessed
		if lr != engine.NoReason {
			p.LiveDeclined += r.Assessed
			c.LiveDeclined += r.Assessed
		}
		if sr != engine.NoReason {
			p.ShadowDeclined += r.Assessed
			c.ShadowDeclined += r.Assessed
		}
		live[lr] += r.Assessed
		shadow[sr] += r.Assessed
		c.Cells[agreementOf(lr != engine.NoReason, sr != engine.NoReason)-1].Decisions += r.Assessed
		return nil
	})
	if err != nil {
		return Comparison{}, err
	}
	for i := range c.Cells {
		if c.Decisions > 0 {
			c.Cells[i].Share = float64(c.Cells[i].Decisions) / float64(c.Decisions)
		}
	}
	for r := engine.Reason(1); int(r) <= engine.NumReasons; r++ {
		if live[r] > 0 || shadow[r] > 0 {
			c.Reasons = append(c.Reasons, ReasonCount{Reason: r, Live: live[r], Shadow: shadow[r]})
		}
	}
	if err := s.cellOutcomes(ctx, q, c.Cells); err != nil {
		return Comparison{}, err
	}
	return c, nil
}

// parseReason reads a reason code as the rollups store it, "" for an approval.
func parseReason(code string) (engine.Reason, bool) {
	if code == "" {
		return engine.NoReason, true
	}
	return engine.ParseReason(code)
}

// matureMarginDays widens the cut-off of the approvals read for the bad rates: a decision is mature
// when it plus the window's months (time.AddDate, which may run a few days past a short month's
// end) is not after now, so every mature decision was made before now minus the window plus this
// margin; the few immature ones the margin lets through are classified and left out.
const matureMarginDays = 4

// cellOutcomes sets the outcomes of the cells live approved: each approval of the run is
// classified under the market's bad definition in force as the vintages and the what-if do
// (outcomes.BadDefinition.Classify of the summary of its events up to now).
func (s *Service) cellOutcomes(ctx context.Context, q RunQuery, cells []Cell) error {
	def, err := s.defs.Active(ctx, q.Market)
	if err != nil {
		return fmt.Errorf("bad definition of %s: %w", q.Market, err)
	}
	byCell := map[Agreement]*CellOutcomes{}
	for i := range cells {
		if cells[i].Agreement.LiveApproved() {
			cells[i].Outcomes = &CellOutcomes{}
			byCell[cells[i].Agreement] = cells[i].Outcomes
		}
	}
	now := s.now().UTC()
	cutoff := now.AddDate(0, -def.Definition.WindowMonths, matureMarginDays)
	if !q.From.Before(cutoff) {
		return nil // no decision of the run is old enough: no read
	}
	release, err := s.heavy.Acquire(ctx, "shadowComparison")
	if err != nil {
		return err
	}
	defer release()
	return s.store.ShadowApprovalOutcomes(ctx, q, cutoff, func(at time.Time, shadowApproved bool, events []outcomes.Event) error {
		st := outcomes.StateAt(events, now)
		sum := outcomes.Summarize(at, &st)
		o := byCell[agreementOf(false, !shadowApproved)]
		switch def.Definition.Classify(at, &sum, now) {
		case outcomes.Good:
			o.Mature++
		case outcomes.Bad:
			o.Mature++
			o.Bad++
		}
		return nil
	})
}

// Samples returns the newest decisions of a shadow run in a cell, of one arm when arm is set: at
// most first (1 to MaxSamples).
func (s *Service) Samples(ctx context.Context, shadowID int64, cell Agreement, arm thresholds.Arm, first int) ([]decisions.Decision, error) {
	if first < 1 || first > MaxSamples {
		var ve apperr.ValidationError
		ve.Add("first", "must be between 1 and %d", MaxSamples)
		return nil, ve.Err()
	}
	_, q, err := s.run(ctx, shadowID, arm)
	if err != nil {
		return nil, err
	}
	return s.store.ShadowCellDecisions(ctx, q, cell, first)
}

// Predicted returns the what-if impact stored with the draft that published the version; ok is
// false for a version no draft published, such as a seeded default.
func (s *Service) Predicted(ctx context.Context, versionID int64) (thresholds.Impact, bool, error) {
	return s.store.PublishedImpact(ctx, versionID)
}

// ArmRate is the decisions and declines of one arm of a split period.
type ArmRate struct {
	Arm thresholds.Arm
	analytics.Rate
}

// SplitArms returns the decisions and declines of each arm of a split period over its whole UTC
// hours so far, from the decline-rate rollups by arm. An hour the period shares with another
// period of the market (a change of percent) counts that period's decisions of the arm too: the
// rollups are hourly.
func (s *Service) SplitArms(ctx context.Context, sp thresholds.Split) ([]ArmRate, error) {
	to := s.now().UTC()
	if sp.EndedAt != nil && sp.EndedAt.Before(to) {
		to = *sp.EndedAt
	}
	if !sp.StartedAt.Before(to) {
		to = sp.StartedAt.Add(time.Hour) // not started by this server's clock: its first hour, empty
	}
	out := make([]ArmRate, 0, 2)
	for _, arm := range []thresholds.Arm{thresholds.ArmChampion, thresholds.ArmChallenger} {
		r, err := s.analytics.Rate(ctx, analytics.Filter{From: sp.StartedAt, To: to, Market: sp.Market, Arm: arm})
		if err != nil {
			return nil, err
		}
		out = append(out, ArmRate{Arm: arm, Rate: r})
	}
	return out, nil
}
