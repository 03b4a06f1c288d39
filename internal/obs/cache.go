package obs

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// cachedReadTimeout bounds one read of a Cached value, so that a scrape answers while the
// database hangs (the read fails, and says so, instead).
const cachedReadTimeout = 2 * time.Second

// Cached is a value the metrics read from the database at scrape time, read again only once it
// is older than its interval: what scrapes cost the database stays bounded however often, and by
// however many Prometheus servers, the metrics are read. Concurrent scrapes wait for one read.
type Cached[T any] struct {
	what  string
	every time.Duration
	now   func() time.Time
	read  func(context.Context) (T, error)

	mu  sync.Mutex
	at  time.Time
	val T
	err error
}

// NewCached returns read's value cached for every, on clock now (nil: time.Now). what names the
// value in the warning logged when a read fails.
func NewCached[T any](what string, every time.Duration, now func() time.Time, read func(context.Context) (T, error)) *Cached[T] {
	if now == nil {
		now = time.Now
	}
	return &Cached[T]{what: what, every: every, now: now, read: read}
}

// Get returns the value and the error of its last read, reading it first when that read is
// older than the interval (or the clock went back).
func (c *Cached[T]) Get() (T, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t := c.now(); c.at.IsZero() || t.Sub(c.at) >= c.every || t.Before(c.at) {
		ctx, cancel := context.WithTimeout(context.Background(), cachedReadTimeout)
		c.val, c.err = c.read(ctx)
		cancel()
		c.at = t
		if c.err != nil {
			slog.Warn("metrics: read "+c.what, "err", c.err)
		}
	}
	return c.val, c.err
}
