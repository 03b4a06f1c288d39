package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
)

// Read targets: where reader sent a read (the label of the reads_routed_total metric).
const (
	ReadPrimary = "primary"
	ReadStandby = "standby"
)

// Defaults of the standby's watch (Options.ReadMaxLag, Options.ReadCheckEvery).
const (
	DefaultReadMaxLag     = 5 * time.Second
	DefaultReadCheckEvery = time.Second
)

// ReadState is what the standby's watch saw last: whether reads go to it, and why not.
type ReadState struct {
	// Configured is false without a standby (Options.ReadURL): every read goes to the primary.
	Configured bool
	// Up is true when the standby answered the last check as a standby in recovery that receives
	// WAL from the primary.
	Up bool
	// Lag is how long the oldest WAL the primary had written at a check, and the standby has not
	// replayed yet, has been waiting (see standby.check); 0 when it is caught up.
	Lag    time.Duration
	MaxLag time.Duration
	// Target is where the routed reads go now: ReadStandby or ReadPrimary.
	Target string
	// Reason says why reads go to the primary: "unreachable", "not a standby", "not receiving",
	// "lagging", "primary unreachable" or, before the first check, "not checked yet"; empty when
	// they go to the standby.
	Reason    string
	CheckedAt time.Time
}

// standby is the read pool on a PostgreSQL streaming standby and its watch: a goroutine that
// measures the standby's lag every checkEvery and decides whether reader may send reads to it.
type standby struct {
	store      *Store // the standby's pool; its own standby is nil
	primary    *Store
	maxLag     time.Duration
	checkEvery time.Duration

	usable atomic.Bool // reads go to the standby
	routed [2]atomic.Uint64

	mu      sync.Mutex
	state   ReadState
	pending []walSample // the primary's WAL positions not yet replayed by the standby, oldest first

	stop chan struct{}
	done chan struct{}
}

// walSample is the primary's WAL position (pg_current_wal_lsn) at the time of a check.
type walSample struct {
	at  time.Time
	lsn uint64
}

// maxPendingSamples bounds the samples kept while the standby does not replay: at one check a
// second, more than two hours; past it the lag stays measured from the oldest sample kept.
const maxPendingSamples = 8192

// openStandby opens the read pool on the standby of readURL. The standby may be unreachable at
// start: the pool connects lazily and the watch sends reads to the primary until it answers.
func openStandby(readURL string, primary *Store, opts Options, conns int) (*standby, error) {
	cfg, err := pgx.ParseConfig(readURL)
	if err != nil {
		return nil, fmt.Errorf("parse DATABASE_READ_URL: %w", err)
	}
	setRuntimeParam(cfg, "statement_timeout", opts.StatementTimeout)
	setRuntimeParam(cfg, "idle_in_transaction_session_timeout", opts.IdleInTransactionTimeout)
	cfg.BuildContextWatcherHandler = cancelOnServer
	// A dead standby must not hold a request for the dial's default timeout: reads fall back
	// after the next check, and until then a read that cannot connect fails fast.
	if cfg.ConnectTimeout == 0 || cfg.ConnectTimeout > 2*time.Second {
		cfg.ConnectTimeout = 2 * time.Second
	}
	st, err := newPool(Postgres, postgres.New(postgres.Config{Conn: stdlib.OpenDB(*cfg)}), conns, primary.key)
	if err != nil {
		return nil, fmt.Errorf("DATABASE_READ_URL: %w", err)
	}
	st.auditFailures, st.months = primary.auditFailures, primary.months
	sb := &standby{
		store: st, primary: primary,
		maxLag:     cmp.Or(opts.ReadMaxLag, DefaultReadMaxLag),
		checkEvery: cmp.Or(opts.ReadCheckEvery, DefaultReadCheckEvery),
		stop:       make(chan struct{}), done: make(chan struct{}),
	}
	sb.state = ReadState{Configured: true, MaxLag: sb.maxLag, Target: ReadPrimary, Reason: "not checked yet"}
	return sb, nil
}

// watch checks the standby at once and then every checkEvery until close.
func (sb *standby) watch() {
	defer close(sb.done)
	t := time.NewTicker(sb.checkEvery)
	defer t.Stop()
	for {
		ctx, cancel := context.WithTimeout(context.Background(), max(sb.checkEvery, 2*time.Second))
		sb.check(ctx, time.Now())
		cancel()
		select {
		case <-sb.stop:
			return
		case <-t.C:
		}
	}
}

func (sb *standby) close() {
	close(sb.stop)
	<-sb.done
	sb.store.Close()
}

// check measures the standby once and decides where reads go.
//
// The lag is measured against the primary's WAL position, sampled at every check: it is how long
// ago the oldest sample the standby has not replayed yet was taken (0 when it has replayed them
// all). An idle primary thus reads 0, however long ago its last transaction was, which
// now() - pg_last_xact_replay_timestamp() would report as lag; a standby whose replay is paused,
// or whose WAL stopped arriving, reads a lag growing from the first write it missed. The
// measure is late by up to one check interval.
func (sb *standby) check(ctx context.Context, now time.Time) {
	var primaryLSN string
	primaryErr := sb.primary.db.WithContext(ctx).Raw("SELECT pg_current_wal_lsn()::text").Scan(&primaryLSN).Error
	var row struct {
		InRecovery bool
		Replayed   *string
		Receiving  bool
	}
	standbyErr := sb.store.db.WithContext(ctx).Raw("SELECT pg_is_in_recovery() AS in_recovery, " +
		"pg_last_wal_replay_lsn()::text AS replayed, EXISTS (SELECT 1 FROM pg_stat_wal_receiver) AS receiving").Scan(&row).Error

	sb.mu.Lock()
	defer sb.mu.Unlock()
	st := ReadState{Configured: true, MaxLag: sb.maxLag, Target: ReadPrimary, CheckedAt: now, Up: standbyErr == nil && row.InRecovery}
	switch {
	case standbyErr != nil:
		st.Reason = "unreachable"
		sb.pending = nil
	case !row.InRecovery || row.Replayed == nil:
		st.Reason = "not a standby"
		sb.pending = nil
	case primaryErr != nil:
		st.Reason = "primary unreachable"
	default:
		p, err1 := parseLSN(primaryLSN)
		r, err2 := parseLSN(*row.Replayed)
		if err := errors.Join(err1, err2); err != nil {
			st.Reason = "unreachable"
			slog.Warn("read standby: unreadable WAL position", "err", err)
			break
		}
		st.Lag = sb.observe(now, p, r)
		switch {
		case !row.Receiving && len(sb.pending) > 0:
			st.Reason = "not receiving"
		case st.Lag > sb.maxLag:
			st.Reason = "lagging"
		default:
			st.Target = ReadStandby
		}
	}
	if st.Target != sb.state.Target || st.Reason != sb.state.Reason {
		slog.Info("read standby", "target", st.Target, "reason", st.Reason, "lag", st.Lag)
	}
	sb.state = st
	sb.usable.Store(st.Target == ReadStandby)
}

// observe records the primary's WAL position p seen at now and the standby's replay position r,
// and returns the lag: how long ago the oldest position seen and not yet replayed was seen, 0 when
// every one is replayed. sb.mu must be held.
func (sb *standby) observe(now time.Time, p, r uint64) time.Duration {
	if n := len(sb.pending); (n == 0 || sb.pending[n-1].lsn < p) && n < maxPendingSamples {
		sb.pending = append(sb.pending, walSample{at: now, lsn: p})
	}
	i := 0
	for i < len(sb.pending) && sb.pending[i].lsn <= r {
		i++
	}
	sb.pending = sb.pending[i:]
	if len(sb.pending) == 0 {
		return 0
	}
	return now.Sub(sb.pending[0].at)
}

// parseLSN parses PostgreSQL's text form of a WAL position, "16/B374D848".
func parseLSN(s string) (uint64, error) {
	var hi, lo uint32
	if _, err := fmt.Sscanf(s, "%X/%X", &hi, &lo); err != nil {
		return 0, fmt.Errorf("parse LSN %q: %w", s, err)
	}
	return uint64(hi)<<32 | uint64(lo), nil
}

// reader is the store the reads that may be served by the standby run on: the standby's when
// one is configured, the last check found it reachable and within the lag bound, and ctx does not
// ask for the primary (WithPrimaryReads); else s. In a transaction it is the transaction. Every
// write, and every read not routed through here, uses s itself.
func (s *Store) reader(ctx context.Context) *Store {
	sb := s.standby
	if sb == nil || readPreference(ctx) == primaryReads {
		return s
	}
	if sb.usable.Load() {
		sb.routed[1].Add(1)
		return sb.store
	}
	sb.routed[0].Add(1)
	return s
}

// readerFor is reader for the reads that go to the standby only when ctx asks for it
// (WithStandbyReads), such as WhatIfScan; else s.
func (s *Store) readerFor(ctx context.Context) *Store {
	if readPreference(ctx) == standbyReads {
		return s.reader(ctx)
	}
	return s
}

// readPrefKey is the context key of a read preference.
type readPrefKey struct{}

// Read preferences a context may carry.
const (
	primaryReads = 1 + iota
	standbyReads
)

func readPreference(ctx context.Context) int {
	p, _ := ctx.Value(readPrefKey{}).(int)
	return p
}

// WithStandbyReads marks ctx so that the reads which go to the standby only when asked, such as
// WhatIfScan, go through reader too: the what-if warm-up reads the whole history from the
// standby, while the what-if's follow-up, whose five-second overlap a lagging standby could
// outrun, keeps to the primary.
func WithStandbyReads(ctx context.Context) context.Context {
	return context.WithValue(ctx, readPrefKey{}, standbyReads)
}

// WithPrimaryReads marks ctx so that every read under it goes to the primary: for work that
// reads back what it has just written, such as the demo seed.
func WithPrimaryReads(ctx context.Context) context.Context {
	return context.WithValue(ctx, readPrefKey{}, primaryReads)
}

// ReadState reports the standby's last check; Configured is false without one.
func (s *Store) ReadState() ReadState {
	if s.standby == nil {
		return ReadState{Target: ReadPrimary}
	}
	s.standby.mu.Lock()
	defer s.standby.mu.Unlock()
	return s.standby.state
}

// ReadsRouted returns how many reads reader sent to the primary and to the standby (both 0
// without a standby).
func (s *Store) ReadsRouted() (primary, standby uint64) {
	if s.standby == nil {
		return 0, 0
	}
	return s.standby.routed[0].Load(), s.standby.routed[1].Load()
}

// StandbyPool returns the standby's connection pool, nil without one.
func (s *Store) StandbyPool() *sql.DB {
	if s.standby == nil {
		return nil
	}
	return s.standby.store.sqlDB
}
