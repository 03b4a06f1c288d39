package store

import (
	"context"
	"errors"
	"runtime"

	"golang.org/x/sync/errgroup"
)

// checkInOrder runs a check over rows streamed in order, as the verifications of the audit chain
// and of the decisions' seals do. read hands batches of rows, in fresh slices, to its callback,
// which returns false to stop it. Each row's costly part, mac, depends on the row alone and runs
// in parallel over several batches at once; link, the cheap part that needs the order, sees every
// row with its mac result in read order until it returns false. Memory stays bounded (a few
// batches in flight) however many rows there are.
//
// It reports whether link stopped the check. An error means reading failed or ctx ended before
// every row was seen: the check is incomplete.
func checkInOrder[T any](ctx context.Context, read func(ctx context.Context, fn func([]T) bool) error,
	mac func(*T) bool, link func(*T, bool) bool) (stopped bool, err error) {
	type batch struct {
		rows []T
		ok   []bool        // mac of each row
		done chan struct{} // closed when ok is filled in
	}
	workers := runtime.GOMAXPROCS(0)
	work := make(chan *batch, workers)      // to the hashers
	ordered := make(chan *batch, 2*workers) // in read order, to link below
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer close(work)
		defer close(ordered)
		return read(gctx, func(rows []T) bool {
			b := &batch{rows: rows, ok: make([]bool, len(rows)), done: make(chan struct{})}
			// To the hashers first: a batch in ordered is then sure to be hashed.
			for _, ch := range []chan *batch{work, ordered} {
				select {
				case ch <- b:
				case <-gctx.Done():
					return false
				}
			}
			return true
		})
	})
	for range workers {
		g.Go(func() error {
			for b := range work {
				for i := range b.rows {
					b.ok[i] = mac(&b.rows[i])
				}
				close(b.done)
			}
			return nil
		})
	}
	for b := range ordered {
		<-b.done
		for i := range b.rows {
			if !link(&b.rows[i], b.ok[i]) {
				stopped = true
				break
			}
		}
		if stopped {
			stop() // the rest is not needed
			break
		}
	}
	if err := g.Wait(); err != nil && !(stopped && errors.Is(err, context.Canceled)) {
		return stopped, err
	}
	if err := ctx.Err(); err != nil && !stopped {
		// The caller gave up: the reader stopped early, so the rows seen are not all.
		return stopped, err
	}
	return stopped, nil
}
