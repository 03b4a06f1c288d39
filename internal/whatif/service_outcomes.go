package whatif

import (
	"context"
	"log/slog"
	"math"
	"time"

	"github.com/google/uuid"

	"riskconsole/internal/engine"
	"riskconsole/internal/outcomes"
	"riskconsole/internal/thresholds"
)

const (
	// outcomeBatch bounds the decisions one follow-up read of outcome events names.
	outcomeBatch = 20_000
	// pendingPasses is how many follow passes an outcome whose decision is not in the history
	// yet (the decision tail lags) is retried before it is left to the next warm-up.
	pendingPasses = 60
	// maxPending bounds the decisions waiting so.
	maxPending = 100_000
	// refitSpacing is the least time between two fits of a market for new outcomes alone; a
	// changed bad definition refits at once.
	refitSpacing = 30 * time.Second
	// refitAge refits a market whose outcomes did not change, since decisions mature every day.
	refitAge = 6 * time.Hour
)

// allEvents is the time StateAt derives a summary at: after every event.
var allEvents = time.Unix(1<<40, 0)

// applyOutcome sets the summary of one decision from all its events. A decision not in the
// history yet waits for the next follow pass.
func (s *Service) applyOutcome(id uuid.UUID, market string, decidedAt time.Time, amountMinor int64, events []outcomes.Event) error {
	h, err := s.History(market)
	if err == nil {
		if i, ok := h.Snapshot().Find(decidedAt.UnixMicro(), float32(float64(amountMinor)/100)); ok {
			st := outcomes.StateAt(events, allEvents)
			sum := outcomes.Summarize(decidedAt, &st)
			h.SetSummary(i, &sum)
			delete(s.pendingOutcome, id)
			return nil
		}
	}
	if _, ok := s.pendingOutcome[id]; !ok && len(s.pendingOutcome) < maxPending {
		s.pendingOutcome[id] = pendingPasses
	}
	return nil
}

// rowRef names a row of a history: the history's index in warmHistories, the row's in it.
// Without a pointer, the warm-up's map of them is not scanned by the garbage collector.
type rowRef struct {
	h uint32
	i int32
}

// warmOutcomes reads every decision's outcome events into the histories: by the rows the
// decision warm-up just noted when it ran, else joined to their decisions.
func (s *Service) warmOutcomes(ctx context.Context) error {
	mark, err := s.src.OutcomeMark(ctx)
	if err != nil {
		return err
	}
	start := time.Now()
	if s.warmIndex != nil {
		rows := newRowIndex(s.warmIndex)
		apply := func(id uuid.UUID, events []outcomes.Event) error {
			ref, ok := rows.find(id)
			if !ok {
				// Not read by the warm-up (written since, or declined): the follow finds it.
				if len(s.pendingOutcome) < maxPending {
					s.pendingOutcome[id] = pendingPasses
				}
				return nil
			}
			h := s.warmHistories[ref.h]
			decidedAt := time.UnixMicro(h.at(int(ref.i))).UTC()
			st := outcomes.StateAt(events, allEvents)
			sum := outcomes.Summarize(decidedAt, &st)
			h.SetSummary(int(ref.i), &sum)
			return nil
		}
		// The months side by side, as the decisions (a summary set twice is set alike); on
		// SQLite, or when that fails, every event in one pass.
		months, err := s.src.WhatIfOutcomeMonths(ctx)
		months = s.byMonth(months)
		if err == nil && months != nil {
			err = inTurn(ctx, months, func(ctx context.Context, m time.Time, wait func() error) error {
				return s.src.WhatIfOutcomeEventsMonth(ctx, m, func(id uuid.UUID, events []outcomes.Event) error {
					if err := wait(); err != nil {
						return err
					}
					return apply(id, events)
				})
			})
		}
		if months == nil || err != nil {
			if err != nil && ctx.Err() == nil {
				slog.WarnContext(ctx, "what-if outcome warm-up by month failed; reading every event", "err", err)
			}
			err = s.src.WhatIfOutcomeEvents(ctx, apply)
		}
	} else {
		err = s.src.WhatIfOutcomes(ctx, nil, s.applyOutcome)
	}
	if err != nil {
		return err
	}
	s.outcomeMark, s.outcomesWarm = mark, true
	slog.InfoContext(ctx, "what-if outcomes warmed", "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// followOutcomes re-derives the summaries of the decisions with outcome events written since the
// watermark, and of those still waiting for their decision.
func (s *Service) followOutcomes(ctx context.Context) error {
	if !s.outcomesWarm {
		return s.warmOutcomes(ctx)
	}
	for {
		ids, hi, err := s.src.WhatIfOutcomesSince(ctx, s.outcomeMark, outcomeBatch)
		if err != nil {
			return err
		}
		for id, left := range s.pendingOutcome {
			if left <= 1 {
				delete(s.pendingOutcome, id)
				continue
			}
			s.pendingOutcome[id] = left - 1
			ids = append(ids, id)
		}
		if len(ids) > 0 {
			if err := s.src.WhatIfOutcomes(ctx, ids, s.applyOutcome); err != nil {
				return err
			}
		}
		done := hi == s.outcomeMark
		s.outcomeMark = hi
		if done || len(ids) < outcomeBatch {
			return nil
		}
	}
}

// Inference returns the reject inference of market under the bad definition in force, fitting it
// now when there is none yet or the definition changed (Refit keeps it current otherwise).
func (s *Service) Inference(ctx context.Context, market string) (*Inference, error) {
	def, err := s.defs.Active(ctx, market)
	if err != nil {
		return nil, err
	}
	s.infMu.RLock()
	inf := s.inference[market]
	s.infMu.RUnlock()
	if inf != nil && inf.Definition.ID == def.ID && inf.Definition.Version == def.Version {
		return inf, nil
	}
	return s.fit(market, def), nil
}

// fit fits market's inference under def and makes its model predict the history's rows.
func (s *Service) fit(market string, def outcomes.Version) *Inference {
	s.fitMu.Lock()
	defer s.fitMu.Unlock()
	h, err := s.History(market)
	if err != nil {
		h = NewHistory(market)
	}
	version := h.OutcomeVersion()
	inf := Fit(h.Snapshot(), def, s.now())
	inf.outcomeVersion = version
	if inf.Available {
		h.SetModel(&inf.Model)
	} else {
		h.SetModel(nil)
	}
	s.infMu.Lock()
	s.inference[market] = inf
	s.infMu.Unlock()
	return inf
}

// Refit refits the reject inference of every market whose outcomes or bad definition changed
// since its last fit (outcome changes at most every refitSpacing), or whose fit is older than
// refitAge. The server runs it periodically.
func (s *Service) Refit(ctx context.Context) error {
	if !s.ready.Load() {
		return nil
	}
	s.mu.RLock()
	markets := make([]string, 0, len(s.histories))
	for m := range s.histories {
		markets = append(markets, m)
	}
	s.mu.RUnlock()
	now := s.now()
	for _, m := range markets {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		def, err := s.defs.Active(ctx, m)
		if err != nil {
			return err
		}
		h, _ := s.History(m)
		s.infMu.RLock()
		inf := s.inference[m]
		s.infMu.RUnlock()
		age := time.Duration(math.MaxInt64)
		if inf != nil {
			age = now.Sub(inf.FittedAt)
		}
		stale := inf == nil || inf.Definition.ID != def.ID || age >= refitAge ||
			(h != nil && h.OutcomeVersion() != inf.outcomeVersion && age >= refitSpacing)
		if stale {
			s.fit(m, def)
		}
	}
	return nil
}

// outcomeParams returns what the window's outcome sums need: the definition in force, the
// inference, and the rows' maturity at now.
func (s *Service) outcomeParams(ctx context.Context, w *Window) (*OutcomeParams, *Inference, error) {
	inf, err := s.Inference(ctx, w.Market)
	if err != nil {
		return nil, nil, err
	}
	o := NewOutcomeParams(w.Snapshot, inf.Definition.Definition, s.now(), inf)
	o.Version = inf.Definition
	return o, inf, nil
}

// OutcomeImpact fills the outcome figures of an impact from a simulation with outcomes.
func OutcomeImpact(imp *thresholds.Impact, res *Result, inf *Inference) {
	o := res.Outcomes
	if o == nil {
		return
	}
	now := o.Figures(ptrCell(res.Cells[KeptApproved].Plus(res.Cells[SwapOut])))
	prop := o.Figures(ptrCell(res.Cells[KeptApproved].Plus(res.Cells[SwapIn])))
	def := inf.Definition.Definition.String()
	arNow, arProp := 1-res.BaselineRate(), 1-res.ProposedRate()
	if res.Assessed == 0 {
		arNow, arProp = 0, 0
	}
	mature := prop.Mature
	imp.BadDefinition, imp.ApprovalRateNow, imp.ApprovalRateProposed = &def, &arNow, &arProp
	imp.BadRateNow, imp.BadRateProposed, imp.BadRateProposedLow, imp.BadRateProposedHigh = now.BadRate, prop.BadRate, prop.BadRateLow, prop.BadRateHigh
	imp.LossNow, imp.LossProposed = &now.Loss, &prop.Loss
	imp.LossRateNow, imp.LossRateProposed = now.LossRate, prop.LossRate
	imp.MatureDecisions = &mature
}

func ptrCell(c Cell) *Cell { return &c }

// simulateOutcomes is simulate with the outcome sums.
func (s *Service) simulateOutcomes(ctx context.Context, market string, rules []thresholds.RuleInput, from, to time.Time) (*Window, *Result, *Inference, error) {
	w, proposed, err := s.window(market, rules, from, to)
	if err != nil {
		return nil, nil, nil, err
	}
	o, inf, err := s.outcomeParams(ctx, w)
	if err != nil {
		return nil, nil, nil, err
	}
	return w, SimulateOutcomes(w.Snapshot, w.Lo, w.Hi, &w.Baseline.Set, &proposed, o), inf, nil
}

// Sensitivity prepares the curve of measure m's cut-off under the proposal over market's
// decisions in [from, to): decline, approval, bad and loss rates, and the baseline's point.
func (s *Service) Sensitivity(ctx context.Context, market string, m engine.Measure, rules []thresholds.RuleInput, from, to time.Time) (*Window, *Curve, error) {
	w, proposed, err := s.window(market, rules, from, to)
	if err != nil {
		return nil, nil, err
	}
	o, _, err := s.outcomeParams(ctx, w)
	if err != nil {
		return nil, nil, err
	}
	return w, PrepareSensitivityOutcomes(w.Snapshot, w.Lo, w.Hi, m, &proposed, &w.Baseline.Set, o), ctx.Err()
}
