package whatif

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"riskconsole/internal/apperr"
	"riskconsole/internal/decisions"
)

// Source is where the service reads the decision history from (the store).
type Source interface {
	// WhatIfScan streams up to limit decisions after the cursor in (time, id) order.
	WhatIfScan(ctx context.Context, after decisions.Cursor, limit int, fn func(market string, id uuid.UUID, r *Row) error) (decisions.Cursor, int, error)
	// CountDecisions returns how many decisions are stored.
	CountDecisions(ctx context.Context) (int64, error)
}

// Status is the warm-up progress of the histories.
type Status struct {
	Loaded int64 // decisions in memory
	Total  int64 // decisions stored when the warm-up started, plus those appended since
	Ready  bool  // the warm-up has finished; simulations cover the whole history
}

// Service keeps one History per market: it reads the whole decision history at start in the
// background, then follows new decisions, those written by other replicas included.
type Service struct {
	src Source

	mu        sync.RWMutex
	histories map[string]*History

	loaded, total atomic.Int64
	ready         atomic.Bool

	// Tail state, owned by Run's goroutine.
	latest time.Time               // newest decision time appended
	recent map[uuid.UUID]time.Time // ids appended at or after latest - tailOverlap, with their time
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

// NewService returns a service over src. Call Run to fill it.
func NewService(src Source) *Service {
	return &Service{src: src, histories: map[string]*History{}, recent: map[uuid.UUID]time.Time{}}
}

// Status reports the warm-up progress.
func (s *Service) Status() Status {
	return Status{Loaded: s.loaded.Load(), Total: max(s.total.Load(), s.loaded.Load()), Ready: s.ready.Load()}
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

// Run warms the histories up and then follows new decisions every interval until ctx ends. Run,
// Warm and Follow must not run concurrently with each other.
func (s *Service) Run(ctx context.Context, interval time.Duration) {
	if err := s.Warm(ctx); err != nil {
		if ctx.Err() == nil {
			slog.ErrorContext(ctx, "what-if warm-up failed; following from where it stopped", "err", err)
		}
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.Follow(ctx); err != nil && ctx.Err() == nil {
				slog.WarnContext(ctx, "what-if follow-up", "err", err)
			}
		}
	}
}

// Warm reads every stored decision in batches, then marks the service ready (also when it
// failed part-way: Follow goes on from where it stopped).
func (s *Service) Warm(ctx context.Context) error {
	defer s.ready.Store(true)
	total, err := s.src.CountDecisions(ctx)
	if err != nil {
		return err
	}
	s.total.Store(total)
	start := time.Now()
	cur := decisions.Cursor{}
	for {
		next, n, err := s.src.WhatIfScan(ctx, cur, warmBatch, s.append)
		if err != nil {
			return err
		}
		if n == 0 {
			break
		}
		cur = next
		s.prune()
	}
	slog.InfoContext(ctx, "what-if history warmed", "decisions", s.loaded.Load(), "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// Follow appends the decisions stored since the newest one seen, re-reading tailOverlap before it
// and skipping the ids already appended.
func (s *Service) Follow(ctx context.Context) error {
	after := decisions.Cursor{CreatedAt: s.latest.Add(-tailOverlap)}
	for {
		next, n, err := s.src.WhatIfScan(ctx, after, tailBatch, s.append)
		if err != nil {
			return err
		}
		s.prune()
		if n < tailBatch {
			return nil
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
	if at.After(s.latest) {
		s.latest = at
	}
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
	h.Append(r)
	if s.loaded.Add(1) > s.total.Load() {
		s.total.Store(s.loaded.Load())
	}
	return nil
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
