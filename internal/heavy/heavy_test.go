package heavy

import (
	"context"
	"errors"
	"testing"

	"riskconsole/internal/apperr"
)

func TestLimiter(t *testing.T) {
	ctx := context.Background()
	l := New(2)
	var refused []string
	l.OnRefused(func(op string) { refused = append(refused, op) })
	a, err := l.Acquire(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	b, err := l.Acquire(ctx, "b")
	if err != nil {
		t.Fatal(err)
	}
	var busy *apperr.BusyError
	if _, err := l.Acquire(ctx, "c"); !errors.As(err, &busy) || !errors.Is(err, apperr.ErrBusy) ||
		busy.Limit != LimitName || busy.RetryAfterSeconds() != 1 {
		t.Fatalf("third of two: %v", err)
	}
	if len(refused) != 1 || refused[0] != "c" || l.InUse() != 2 || l.Limit() != 2 {
		t.Fatalf("refused %v, in use %d of %d", refused, l.InUse(), l.Limit())
	}
	// A waiter whose caller gives up gets the context's error, not a slot.
	gone, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := l.Acquire(gone, "d"); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled waiter: %v", err)
	}
	// Releasing twice frees one slot.
	a()
	a()
	if l.InUse() != 1 {
		t.Fatalf("in use %d after one release", l.InUse())
	}
	c, err := l.Acquire(ctx, "c")
	if err != nil {
		t.Fatal(err)
	}
	b()
	c()
	if l.InUse() != 0 || l.waiting.Load() != 0 {
		t.Fatalf("in use %d, waiting %d", l.InUse(), l.waiting.Load())
	}
	var none *Limiter // admits everything
	release, err := none.Acquire(ctx, "x")
	if err != nil {
		t.Fatal(err)
	}
	release()
}
