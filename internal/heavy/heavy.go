// Package heavy bounds how many heavy operations one server runs at once: the decision export,
// the audit chain's verification, analytics answered from the decisions table, simulations and
// sensitivity curves. Each holds cores and a database connection for a long time, and without a
// bound a few readers starve checkout of both (eight concurrent chain verifications pushed
// assessPurchase to a p50 of 6.1 s). Over the limit an operation waits a moment for a slot (a
// simulation takes milliseconds, and the console asks for one and a sensitivity curve at once),
// then is refused with an *apperr.BusyError, so that a refused caller holds nothing and knows
// when to retry.
package heavy

import (
	"context"
	"runtime"
	"sync/atomic"
	"time"

	"riskconsole/internal/apperr"
)

// LimitName names the limit in errors (extensions.limit) and in the log.
const LimitName = "heavyOperations"

// RetryAfter is how long a refused caller is asked to wait: heavy operations take seconds, and
// one of them has usually ended by then.
const RetryAfter = time.Second

// Wait is the longest an operation waits for a slot before it is refused: long enough for a
// simulation or a sensitivity curve to end, far shorter than an export or a chain verification.
const Wait = 250 * time.Millisecond

// DefaultLimit is the default number of heavy operations at once: one per two cores the process
// may use, at least 1. Heavy work is CPU in this process or in PostgreSQL beside it; checkout
// needs the other half. Measured on 2 cores with PostgreSQL beside the server and eight heavy
// readers (BENCHMARKS.md, "Issue 14"): at 2, assessPurchase p99 was 65 ms; at 1, 37 ms.
func DefaultLimit() int { return max(1, runtime.GOMAXPROCS(0)/2) }

// MinWaiting is how many operations may wait for a slot at least, whatever the limit: the
// console's threshold editor asks for a what-if and a curve per rule at once, and a waiter holds
// nothing but its goroutine.
const MinWaiting = 8

// Limiter admits up to a fixed number of heavy operations at once, and lets at most as many
// more (MinWaiting at least) wait for a slot. A nil *Limiter admits all.
type Limiter struct {
	slots     chan struct{}
	maxWait   int64
	wait      time.Duration // Wait; longer in tests
	waiting   atomic.Int64
	onRefused atomic.Pointer[func(op string)]
}

// New returns a limiter admitting n operations at once (at least 1).
func New(n int) *Limiter {
	n = max(1, n)
	return &Limiter{slots: make(chan struct{}, n), maxWait: int64(max(n, MinWaiting)), wait: Wait}
}

// Acquire admits op ("Query.simulate", "export", …), waiting up to Wait for a slot while no more
// than the limit's size of operations (MinWaiting at least) wait, or refuses it with an *apperr.BusyError (or the
// error of ctx, ended while waiting). Call release exactly once when the operation has ended.
func (l *Limiter) Acquire(ctx context.Context, op string) (release func(), err error) {
	if l == nil {
		return func() {}, nil
	}
	select {
	case l.slots <- struct{}{}:
		return l.release(), nil
	default:
	}
	if l.waiting.Add(1) <= l.maxWait {
		t := time.NewTimer(l.wait)
		select {
		case l.slots <- struct{}{}:
			t.Stop()
			l.waiting.Add(-1)
			return l.release(), nil
		case <-ctx.Done():
			t.Stop()
			l.waiting.Add(-1)
			return nil, ctx.Err()
		case <-t.C:
		}
	}
	l.waiting.Add(-1)
	if fn := l.onRefused.Load(); fn != nil {
		(*fn)(op)
	}
	return nil, &apperr.BusyError{Limit: LimitName, RetryAfter: RetryAfter}
}

// release returns the release of a slot just taken: it frees the slot once however often it is
// called.
func (l *Limiter) release() func() {
	var done atomic.Bool
	return func() {
		if done.CompareAndSwap(false, true) {
			<-l.slots
		}
	}
}

// Limit is how many operations run at once at most.
func (l *Limiter) Limit() int {
	if l == nil {
		return 0
	}
	return cap(l.slots)
}

// InUse is how many operations are running.
func (l *Limiter) InUse() int {
	if l == nil {
		return 0
	}
	return len(l.slots)
}

// OnRefused makes the limiter call fn with the operation of each refusal (the metrics count
// them). Call it before the limiter is used.
func (l *Limiter) OnRefused(fn func(op string)) { l.onRefused.Store(&fn) }
