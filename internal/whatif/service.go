package whatif

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"riskconsole/internal/apperr"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/outcomes"
	"riskconsole/internal/thresholds"
)

// Source is where the service reads the decision history from (the store).
type Source interface {
	// WhatIfScan streams up to limit decisions after the cursor in (time, id) order.
	WhatIfScan(ctx context.Context, after decisions.Cursor, limit int, fn func(market string, id uuid.UUID, r *Row) error) (decisions.Cursor, int, error)
	// WhatIfMonths returns the months WhatIfScanMonth reads (nil: read in batches only);
	// WhatIfScanMonth streams one month's decisions in (time, id) order and returns how many.
	WhatIfMonths(ctx context.Context) ([]time.Time, error)
	WhatIfScanMonth(ctx context.Context, month time.Time, fn func(market string, id uuid.UUID, r *Row) error) (int, error)
	// WhatIfOutcomeMonths returns the months WhatIfOutcomeEventsMonth reads (nil: read
	// WhatIfOutcomeEvents only); WhatIfOutcomeEventsMonth streams the events of one month's
	// decisions as WhatIfOutcomeEvents does.
	WhatIfOutcomeMonths(ctx context.Context) ([]time.Time, error)
	WhatIfOutcomeEventsMonth(ctx context.Context, month time.Time, fn func(id uuid.UUID, events []outcomes.Event) error) error
	// CountDecisions returns how many decisions are stored.
	CountDecisions(ctx context.Context) (int64, error)
	// DecisionIDsAt returns the ids of market's decisions made at the given times (unix
	// microseconds), keyed by time.
	DecisionIDsAt(ctx context.Context, market string, micros []int64) (map[int64]string, error)
	// OutcomeMark returns the outcome events' watermark now; WhatIfOutcomesSince the decisions
	// with events at or after a watermark (at most limit, where the store must bound the
	// range) and the watermark to go on from.
	OutcomeMark(ctx context.Context) (int64, error)
	WhatIfOutcomesSince(ctx context.Context, lo int64, limit int) ([]uuid.UUID, int64, error)
	// WhatIfOutcomes streams the outcome events of the decisions ids (nil: all), one decision
	// at a time in time order, with its id, market, time and amount in minor units.
	// WhatIfOutcomeEvents streams every outcome event, one decision at a time in time order,
	// with the decision's id only (the warm-up knows the decisions it just read).
	WhatIfOutcomeEvents(ctx context.Context, fn func(id uuid.UUID, events []outcomes.Event) error) error
	WhatIfOutcomes(ctx context.Context, ids []uuid.UUID, fn func(id uuid.UUID, market string, decidedAt time.Time, amountMinor int64, events []outcomes.Event) error) error
}

// Status is the warm-up progress of the histories.
type Status struct {
	Loaded int64 // decisions in memory
	Total  int64 // decisions stored when the warm-up started, plus those appended since
	Ready  bool  // the warm-up has finished; simulations cover the whole history
}

// Baselines answers which threshold version is in force (the thresholds service).
type Baselines interface {
	Active(market string, t time.Time) (*thresholds.Version, error)
}

// Service keeps one History per market: it reads the whole decision history at start in the
// background, then follows new decisions, those written by other replicas included. It answers
// simulations and sensitivity curves of proposed threshold sets against the set in force.
type Service struct {
	src       Source
	baselines Baselines
	defs      outcomes.Definitions
	now       func() time.Time

	mu        sync.RWMutex
	histories map[string]*History

	loaded, total atomic.Int64
	ready         atomic.Bool

	// Tail state, owned by Run's goroutine.
	latest time.Time               // newest decision time appended
	recent map[uuid.UUID]time.Time // ids appended at or after latest - tailOverlap, with their time
	// warmTail holds recent's decisions while the warm-up runs (warmAppend); last is the history
	// of the decision the follow-up appended last, most often the next one's too.
	warmTail []tailID
	warmLast tailID // the last decision the warm-up read
	last     *History

	// Outcome tail state, owned by the Warm/Follow goroutine too: the outcome events' watermark
	// and the decisions whose events arrived before the decision reached the history.
	outcomeMark    int64
	outcomesWarm   bool
	pendingOutcome map[uuid.UUID]int // decision id → follow passes left to find it
	// The warm-up's state while it runs (service_warm.go): each market's decisions gathered
	// until appended together, the row of every decision approved, for the outcome events read
	// next (none: nil), and the histories rowRef names, by index.
	warmBufs      []*warmBuf
	warmBuf       *warmBuf // the buffer of the decision read last
	warmIndex     []idRef
	warmHistories []*History

	// The reject inference fitted per market; fitMu serialises fits.
	fitMu     sync.Mutex
	infMu     sync.RWMutex
	inference map[string]*Inference
}

const (
	// warmBatch is how many decisions one warm-up query reads.
	warmBatch = 50_000
	// tailOverlap is how far back each follow-up read starts before the newest decision seen.
	// A decision's time is taken before its single-statement insert commits, so another
	// replica's decision can become visible a little after a newer one; re-reading a few seconds
	// and skipping known ids catches it. A commit later than this is missed until restart.
	tailOverlap = 5 * time.Second
	// tailBatch bounds one follow-up query.
	tailBatch = 20_000
)

// NewService returns a service reading decisions from src, the sets in force from baselines and
// the bad definitions in force from defs, with clock now (nil: time.Now). Call Run to fill it.
func NewService(src Source, baselines Baselines, defs outcomes.Definitions, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{src: src, baselines: baselines, defs: defs, now: now, histories: map[string]*History{}, recent: map[uuid.UUID]time.Time{},
		pendingOutcome: map[uuid.UUID]int{}, inference: map[string]*Inference{}}
}

// DefaultWindow is how far back a simulation looks when no window is given: a year, so that
// decisions older than the performance window (outcomes.DefaultBad: 6 months) are in it.
const DefaultWindow = 365 * 24 * time.Hour

// maxWindow bounds a simulation window.
const maxWindow = 800 * 24 * time.Hour

// Window is the part of a market's history a simulation covers: the rows of a snapshot between
// two times, and the version in force now, the baseline.
type Window struct {
	Market   string
	From, To time.Time
	Snapshot *Snapshot
	Lo, Hi   int
	Baseline *thresholds.Version
}

// window resolves market and [from, to) (zero: the last DefaultWindow) against the history and
// builds the proposal from rules over the baseline, naming every bad argument.
func (s *Service) window(market string, rules []thresholds.RuleInput, from, to time.Time) (*Window, engine.ThresholdSet, error) {
	now := s.now().UTC()
	if to.IsZero() {
		to = now
	}
	if from.IsZero() {
		from = to.Add(-DefaultWindow)
	}
	var ve apperr.ValidationError
	if !from.Before(to) {
		ve.Add("to", "must be after from")
	} else if to.Sub(from) > maxWindow {
		ve.Add("from", "the window may span at most %d days", int(maxWindow/(24*time.Hour)))
	}
	base, err := s.baselines.Active(market, now)
	if err != nil {
		ve.Add("market", "no threshold set is in force for market %q", market)
	}
	if err := ve.Err(); err != nil {
		return nil, engine.ThresholdSet{}, err
	}
	proposed, err := thresholds.ProposedSet(&base.Set, rules)
	if err != nil {
		return nil, engine.ThresholdSet{}, err
	}
	w := &Window{Market: market, From: from.UTC(), To: to.UTC(), Baseline: base}
	if h, err := s.History(market); err == nil {
		// Proposals are mostly a rule or two away from the set in force: the history keeps
		// what answers those by reading only the changed rules' columns (built once per set).
		h.PrepareBase(&base.Set)
		w.Snapshot = h.Snapshot()
	} else {
		w.Snapshot = NewHistory(market).Snapshot() // nothing decided in this market yet
	}
	w.Lo, w.Hi = w.Snapshot.Window(from.UnixMicro(), to.UnixMicro())
	return w, proposed, nil
}

// Simulation is a simulation with the decisions of its flip samples named.
type Simulation struct {
	*Window
	*Result
	ToDeclined, ToApproved []Flip
	// Inference is the reject inference behind the inferred outcome figures.
	Inference *Inference
}

// Flip is a decision whose outcome the proposal changes.
type Flip struct {
	DecisionID string
	At         time.Time
	Category   string
	Amount     float32
}

// Simulate replays the proposal (rules for every measured value) over market's decisions in
// [from, to) next to the set in force now, and names the decisions of the flip samples.
func (s *Service) Simulate(ctx context.Context, market string, rules []thresholds.RuleInput, from, to time.Time) (*Simulation, error) {
	w, res, inf, err := s.simulateOutcomes(ctx, market, rules, from, to)
	if err != nil {
		return nil, err
	}
	sim := &Simulation{Window: w, Result: res, Inference: inf}
	var micros []int64
	for _, i := range append(slices.Clone(res.SampleApprovedToDeclined), res.SampleDeclinedToApproved...) {
		micros = append(micros, w.Snapshot.At(i))
	}
	ids, err := s.src.DecisionIDsAt(ctx, market, micros)
	if err != nil {
		return nil, err
	}
	flips := func(idx []int) []Flip {
		out := make([]Flip, 0, len(idx))
		for _, i := range idx {
			at := w.Snapshot.At(i)
			out = append(out, Flip{DecisionID: ids[at], At: time.UnixMicro(at).UTC(), Category: w.Snapshot.Category(i), Amount: w.Snapshot.Amount(i)})
		}
		return out
	}
	sim.ToDeclined, sim.ToApproved = flips(res.SampleApprovedToDeclined), flips(res.SampleDeclinedToApproved)
	return sim, nil
}

// Impact implements thresholds.Simulator: the proposed set against the set in force over the
// last DefaultWindow, as stored with a submitted draft. While the warm-up runs, the impact says
// it is unavailable rather than report numbers over part of the history.
func (s *Service) Impact(ctx context.Context, market string, proposed *engine.ThresholdSet) (thresholds.Impact, error) {
	st := s.Status()
	if !st.Ready {
		return thresholds.Impact{Note: fmt.Sprintf("the what-if history is still loading (%d of %d decisions)", st.Loaded, st.Total)}, nil
	}
	rules := make([]thresholds.RuleInput, len(proposed.Rules))
	for i, r := range proposed.Rules {
		rules[i] = thresholds.RuleInput{Measure: r.Measure, Comparator: r.Comparator, Cutoff: r.Cutoff, Enabled: r.Enabled}
	}
	w, res, inf, err := s.simulateOutcomes(ctx, market, rules, time.Time{}, time.Time{})
	if err != nil {
		return thresholds.Impact{}, err
	}
	imp := thresholds.Impact{
		Available: true, From: w.From, To: w.To, Decisions: res.Assessed,
		DeclineRateNow: res.BaselineRate(), DeclineRateProposed: res.ProposedRate(),
		ApprovedToDeclined: res.ApprovedToDeclined, DeclinedToApproved: res.DeclinedToApproved,
	}
	OutcomeImpact(&imp, res, inf)
	return imp, nil
}

// Status reports the warm-up progress.
func (s *Service) Status() Status {
	return Status{Loaded: s.loaded.Load(), Total: max(s.total.Load(), s.loaded.Load()), Ready: s.ready.Load()}
}

// Footprint returns the decisions held per market and the bytes their columns take, for the
// metrics.
func (s *Service) Footprint() (decisions map[string]int, bytes int64) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	decisions = make(map[string]int, len(s.histories))
	for m, h := range s.histories {
		decisions[m] = h.Len()
		bytes += h.CapacityBytes()
	}
	return decisions, bytes
}

// History returns the history of market, or ErrNotFound when no decision of it is loaded yet.
func (s *Service) History(market string) (*History, error) {
	s.mu.RLock()
	h := s.histories[market]
	s.mu.RUnlock()
	if h == nil {
		return nil, fmt.Errorf("no what-if history for market %q: %w", market, apperr.ErrNotFound)
	}
	return h, nil
}

// Warm reads every stored decision, then every decision's outcome events, then marks the
// service ready (also when it failed part-way: Follow goes on from where it stopped). The server
// runs Warm once in the background, then Follow every second; Warm and Follow must not run
// concurrently.
func (s *Service) Warm(ctx context.Context) error {
	defer s.ready.Store(true)
	total, err := s.src.CountDecisions(ctx)
	if err != nil {
		return err
	}
	s.total.Store(total)
	start := time.Now()
	s.warmIndex = make([]idRef, 0, min(total*7/8, warmIndexPrealloc))
	defer func() { s.warmIndex, s.warmBufs, s.warmBuf, s.warmHistories = nil, nil, nil, nil }()
	// The months first, side by side; then in batches from the last decision appended, which
	// reads what the months did not (the decisions stored since, or all of them after a failure).
	if err := s.warmMonths(ctx); err != nil {
		if ctx.Err() != nil {
			return err
		}
		slog.WarnContext(ctx, "what-if warm-up by month failed; reading on in batches", "err", err)
	}
	cur := decisions.Cursor{}
	if s.loaded.Load() > 0 {
		cur = decisions.Cursor{CreatedAt: time.UnixMicro(s.warmLast.at).UTC(), ID: s.warmLast.id.String()}
	}
	for {
		next, n, err := s.src.WhatIfScan(ctx, cur, warmBatch, s.warmAppend)
		s.flushWarm()
		s.trimTail(err != nil || n == 0)
		if err != nil {
			return err
		}
		if n == 0 {
			break
		}
		cur = next
	}
	slog.InfoContext(ctx, "what-if history warmed", "decisions", s.loaded.Load(), "took", time.Since(start).Round(time.Millisecond))
	return s.warmOutcomes(ctx)
}

// warmConns bounds the months the warm-up reads at once, each on a connection of its own, and
// so the months it holds in memory (WhatIfScanMonth): while the histories take one month's
// decisions, the database reads the next ones.
const warmConns = 3

// warmMonthRows bounds the decisions an average month may hold for the warm-up to read months
// whole: a month is held in memory until it is appended (about 150 bytes a decision and 60 an
// outcome event, warmConns months at once), which past it would outweigh the history itself.
// Larger months are read in batches, which stream. A variable for tests.
var warmMonthRows int64 = 2_000_000

// byMonth returns months when the warm-up may read them whole (warmMonthRows), else nil.
func (s *Service) byMonth(months []time.Time) []time.Time {
	if len(months) == 0 || s.total.Load()/int64(len(months)) > warmMonthRows {
		return nil
	}
	return months
}

// warmMonths reads the months of WhatIfMonths, up to warmConns at once, and appends each to the
// histories in turn, oldest first; warmLast is the last decision appended.
func (s *Service) warmMonths(ctx context.Context) error {
	months, err := s.src.WhatIfMonths(ctx)
	if err != nil {
		return err
	}
	months = s.byMonth(months)
	defer s.flushWarm() // what a failed month read before it failed
	return inTurn(ctx, months, func(ctx context.Context, m time.Time, wait func() error) error {
		_, err := s.src.WhatIfScanMonth(ctx, m, func(market string, id uuid.UUID, r *Row) error {
			if err := wait(); err != nil {
				return err
			}
			return s.warmAppend(market, id, r)
		})
		if err == nil {
			if err = wait(); err == nil { // a month without decisions waits here
				s.flushWarm()
				s.trimTail(false)
			}
		}
		return err
	})
}

// inTurn runs read for each month, up to warmConns at once, each with a wait that returns once
// every month before it has been read (or ctx ended): read reads its month, calls wait, then
// uses what it read, so that months are read side by side and used one at a time, in order.
// The first error cancels the rest and is returned.
func inTurn(ctx context.Context, months []time.Time, read func(ctx context.Context, month time.Time, wait func() error) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// turn[i] closes once month i may be used: when every month before it has been.
	turn := make([]chan struct{}, len(months)+1)
	for i := range turn {
		turn[i] = make(chan struct{})
	}
	close(turn[0])
	slots := make(chan struct{}, warmConns)
	errc := make(chan error, len(months))
	var wg sync.WaitGroup
	for i, m := range months {
		select {
		case slots <- struct{}{}: // given back once the month has been used
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			mine := false
			wait := func() error {
				if !mine {
					select {
					case <-turn[i]:
						mine = true
					case <-ctx.Done():
						return ctx.Err()
					}
				}
				return nil
			}
			err := read(ctx, m, wait)
			if err == nil {
				err = wait() // a month read returned without using it: none before it may be in use
			}
			if err != nil {
				errc <- err
				cancel()
				return
			}
			close(turn[i+1])
		}()
	}
	wg.Wait()
	close(errc)
	return <-errc // nil when none failed
}

// Follow appends the decisions stored since the newest one seen, re-reading tailOverlap before it
// and skipping the ids already appended, then re-derives the outcome summaries of the decisions
// with new outcome events (by the events' watermark).
func (s *Service) Follow(ctx context.Context) error {
	after := decisions.Cursor{CreatedAt: s.latest.Add(-tailOverlap)}
	for {
		next, n, err := s.src.WhatIfScan(ctx, after, tailBatch, s.append)
		if err != nil {
			return err
		}
		s.prune()
		if n < tailBatch {
			return s.followOutcomes(ctx)
		}
		after = next
	}
}

// append adds one scanned decision to its market's history unless it was appended already.
func (s *Service) append(market string, id uuid.UUID, r *Row) error {
	if _, seen := s.recent[id]; seen {
		return nil
	}
	at := time.UnixMicro(r.At)
	if !at.Before(s.latest.Add(-tailOverlap)) {
		s.recent[id] = at
	}
	s.store(market, r)
	return nil
}

// tailID is a decision of the warm-up's tail.
type tailID struct {
	id uuid.UUID
	at int64 // unix microseconds
}

// trimTail drops the decisions older than the overlap window from warmTail; with done, it hands
// the rest to recent, where Follow looks for them.
func (s *Service) trimTail(done bool) {
	cut := s.latest.Add(-tailOverlap).UnixMicro()
	i := 0
	for i < len(s.warmTail) && s.warmTail[i].at < cut {
		i++
	}
	s.warmTail = s.warmTail[:copy(s.warmTail, s.warmTail[i:])]
	if done {
		for _, t := range s.warmTail {
			s.recent[t.id] = time.UnixMicro(t.at)
		}
		s.warmTail = nil
	}
}

// store appends a decision to its market's history, creating it on the market's first decision.
func (s *Service) store(market string, r *Row) {
	if r.At > s.latest.UnixMicro() {
		s.latest = time.UnixMicro(r.At)
	}
	h := s.last
	if h == nil || h.market != market {
		h = s.historyFor(market)
		s.last = h // histories are never replaced
	}
	h.Append(r)
	if s.loaded.Add(1) > s.total.Load() {
		s.total.Store(s.loaded.Load())
	}
}

// historyFor returns market's history, creating it when it has none.
func (s *Service) historyFor(market string) *History {
	s.mu.RLock()
	h := s.histories[market]
	s.mu.RUnlock()
	if h == nil {
		s.mu.Lock()
		if h = s.histories[market]; h == nil {
			h = NewHistory(market)
			s.histories[market] = h
		}
		s.mu.Unlock()
	}
	return h
}

// prune forgets ids older than the overlap window.
func (s *Service) prune() {
	cut := s.latest.Add(-tailOverlap)
	for id, at := range s.recent {
		if at.Before(cut) {
			delete(s.recent, id)
		}
	}
}
