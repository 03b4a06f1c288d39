package heavy

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"testing"
	"time"

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

// TestLimiterWaitingRoom: with the one slot of a limit of 1 taken, MinWaiting operations wait
// for it (the editor's what-if and curves), and one more is refused at once; the slot, once
// free, goes to a waiter.
func TestLimiterWaitingRoom(t *testing.T) {
	l := New(1)
	l.wait = time.Minute // the waiters wait until the test ends them
	release, err := l.Acquire(context.Background(), "running")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	got := make(chan error, MinWaiting)
	for range MinWaiting {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := l.Acquire(ctx, "waiting")
			if err == nil {
				r()
			}
			got <- err
		}()
	}
	deadline := time.Now().Add(30 * time.Second)
	for l.waiting.Load() != MinWaiting {
		if time.Now().After(deadline) {
			t.Fatalf("%d waiting, want %d", l.waiting.Load(), MinWaiting)
		}
		time.Sleep(time.Millisecond)
	}
	start := time.Now()
	if _, err := l.Acquire(ctx, "one more"); !errors.Is(err, apperr.ErrBusy) {
		t.Fatalf("one more than the waiting room: %v", err)
	}
	if l.waiting.Load() != MinWaiting {
		t.Fatalf("the refusal waited: %d waiting after %s", l.waiting.Load(), time.Since(start))
	}
	release()
	if err := <-got; err != nil {
		t.Fatalf("first waiter after the release: %v", err)
	}
	cancel()
	wg.Wait()
	if l.InUse() != 0 || l.waiting.Load() != 0 {
		t.Fatalf("in use %d, waiting %d", l.InUse(), l.waiting.Load())
	}
}

func TestDefaultLimit(t *testing.T) {
	for procs, want := range map[int]int{1: 1, 2: 1, 3: 1, 4: 2, 16: 8} {
		t.Run("", func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			if got := DefaultLimit(); got != want {
				t.Fatalf("GOMAXPROCS %d: limit %d, want %d", procs, got, want)
			}
		})
	}
}
