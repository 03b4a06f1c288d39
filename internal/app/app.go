// Package app wires the server together: its configuration, the database, the services, and the
// HTTP interface of package httpapi over them. The server binary and the API tests build the
// same App.
package app

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"riskconsole/internal/accounts"
	"riskconsole/internal/analytics"
	"riskconsole/internal/audit"
	"riskconsole/internal/auditlog"
	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
	"riskconsole/internal/decisions"
	"riskconsole/internal/erasure"
	"riskconsole/internal/experiments"
	"riskconsole/internal/heavy"
	"riskconsole/internal/httpapi"
	"riskconsole/internal/oidc"
	"riskconsole/internal/outcomes"
	"riskconsole/internal/retention"
	"riskconsole/internal/reviews"
	"riskconsole/internal/store"
	"riskconsole/internal/thresholds"
	"riskconsole/internal/whatif"
)

// App is a running console: its configuration, store, services and HTTP handler.
type App struct {
	Config Config
	// Services are the store and the services; the HTTP interface serves them (Handler).
	httpapi.Services
	// RetentionStore is the store of the retention path, the one that may purge a month
	// (store.PurgeMonth): the retention role's on PostgreSQL (nil without RETENTION_DATABASE_URL),
	// the console's own on SQLite.
	RetentionStore *store.Store
	// retentionRemoved counts the retention job's removals (observeRetention).
	retentionRemoved *prometheus.CounterVec

	// draining is set by Drain: the server is shutting down. A pointer, so that a copy of the
	// App (a test serving it with another Config) shares it.
	draining *atomic.Bool
}

// Option adjusts how Open builds the App.
type Option func(*options)

type options struct {
	now    func() time.Time
	logger *slog.Logger
}

// WithClock makes the account service, the authenticator and the review cases read the time from
// now instead of the system clock, so that tests can expire sessions and tokens, and let review
// cases run late, without waiting.
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// WithLogger makes the request log go to l instead of slog.Default().
func WithLogger(l *slog.Logger) Option { return func(o *options) { o.logger = l } }

// Open connects to the database, applies pending migrations (refusing a schema newer than this
// binary; on PostgreSQL as the owner role of MigrationDatabaseURL, see prepareSchema) and builds
// the services. It does not load reference data: call Load once the database
// holds it.
func Open(ctx context.Context, cfg Config, opts ...Option) (*App, error) {
	o := options{now: time.Now, logger: slog.Default()}
	for _, opt := range opts {
		opt(&o)
	}
	key, err := loadAuditKey(cfg)
	if err != nil {
		return nil, err
	}
	if cfg.MigrationDatabaseURL != "" {
		if err := Migrate(ctx, cfg); err != nil {
			return nil, err
		}
	}
	st, err := openStore(ctx, cfg, key)
	if err != nil {
		return nil, err
	}
	if err := prepareSchema(ctx, st, cfg); err != nil {
		st.Close()
		return nil, err
	}
	// The month's partitions and the next ones' exist before the first assessment.
	if err := st.EnsurePartitions(ctx, time.Now()); err != nil {
		st.Close()
		return nil, err
	}
	retentionStore, err := openRetention(ctx, cfg, st, key)
	if err != nil {
		st.Close()
		return nil, err
	}
	th := thresholds.NewService(st)
	cat := catalog.NewCurrent(st)
	authn := auth.NewAuthenticator(st)
	authn.SetClock(o.now)
	audits := auditlog.NewService(st, key, auditlog.NewCheckpointFile(cfg.AuditCheckpointPath(), key))
	denials := auditlog.NewDenials(audits, auditlog.DenialOptions{Now: o.now})
	acc := accounts.NewService(st, authn, accounts.Options{
		IdleTimeout: cfg.SessionIdleTimeout, MaxLifetime: cfg.SessionMaxLifetime, Now: o.now, Denials: denials,
		LocalSignIn: localSignIn(cfg),
	})
	heavyOps := heavy.New(cmp.Or(cfg.HeavyLimit, heavy.DefaultLimit()))
	authn.Sessions = acc
	defs := outcomes.NewDefinitionService(st, o.now)
	wi := whatif.NewService(st, th, defs, o.now)
	a := &App{
		Config: cfg,
		Services: httpapi.Services{
			Store:              st,
			Thresholds:         th,
			ThresholdLifecycle: thresholds.NewLifecycle(st, th, wi, o.now),
			Experiments:        thresholds.NewExperimentLifecycle(st, th, o.now),
			WhatIf:             wi,
			Analytics:          analytics.NewService(heavyAnalytics{st, heavyOps}, defs, o.now),
			BadDefinitions:     defs,
			Outcomes:           outcomes.NewIngest(st, defs, o.now),
			Catalog:            cat,
			CatalogLifecycle:   catalog.NewLifecycle(st, cat, o.now),
			Decisions:          decisions.NewService(st, th, cat),
			Agents:             decisions.NewAgentService(st, cat, st, o.now).WithReviews(st),
			Explainer:          decisions.NewExplainer(st, cat, th, st),
			Auth:               authn,
			Audit:              audits,
			Denials:            denials,
			Heavy:              heavyOps,
			Reviews:            reviews.NewService(st, cat, denials, o.now),
			Retention:          retention.NewService(st, denials, o.now).WithShopperRef(key.ShopperRef),
			Accounts:           acc,
			Logger:             o.logger,
		},
		RetentionStore: retentionStore,
		draining:       new(atomic.Bool),
	}
	var eraser erasure.Writer
	if retentionStore != nil {
		eraser = retentionStore
	}
	a.Erasure = erasure.NewService(st, eraser, a.Retention, key.ShopperRef, denials, o.now)
	a.Comparison = experiments.NewService(st, a.Experiments, a.Analytics, defs, heavyOps, o.now)
	if cfg.OIDC.Enabled() {
		a.OIDC = oidc.NewHandler(oidc.NewRelyingParty(cfg.OIDC, o.now), st, acc, authn, o.now)
	}
	a.RetentionJob = a.newRetentionJob()
	a.Metrics = a.newMetrics(o.now)
	return a, nil
}

// localSignIn is who decides whether staff may sign in with a password: the configuration's
// choice, or always on without an identity provider, where a password is the only way in.
func localSignIn(cfg Config) accounts.LocalSignInMode {
	if !cfg.OIDC.Enabled() {
		return accounts.LocalSignInOn
	}
	return cfg.LocalSignIn
}

// OpenStore connects to the configured database without migrating it, and without the audit key:
// for migrating and reading (a store that writes audit events or decisions must be the App's,
// whose records are keyed). On PostgreSQL a statement may run as long as a request may take, and
// a transaction may stay idle for twice that.
func OpenStore(ctx context.Context, cfg Config) (*store.Store, error) {
	return openStore(ctx, cfg, nil)
}

func openStore(ctx context.Context, cfg Config, key *audit.Key) (*store.Store, error) {
	return store.Open(ctx, store.Options{DatabaseURL: cfg.DatabaseURL, SQLitePath: cfg.SQLitePath(), MaxOpenConns: cfg.DBMaxConns,
		AssessmentConns: cfg.DBAssessConns, StatementTimeout: cfg.RequestTimeout, IdleInTransactionTimeout: 2 * cfg.RequestTimeout, Key: key,
		ReadURL: cfg.DatabaseReadURL, ReadMaxLag: cfg.DatabaseReadMaxLag, ReadCheckEvery: cfg.DatabaseReadCheckEvery})
}

// Load reads the threshold schedule and the current reason catalog into memory.
func (a *App) Load(ctx context.Context) error {
	if err := a.Thresholds.Refresh(ctx); err != nil {
		return fmt.Errorf("load threshold schedule: %w", err)
	}
	if err := a.Catalog.Refresh(ctx); err != nil {
		return fmt.Errorf("load reason catalog: %w", err)
	}
	return nil
}

// RunBackground keeps the in-memory caches and the analytics rollups current, the audit chain's
// checkpoint fresh, and the sessions table free of long-ended sessions, until ctx ends.
func (a *App) RunBackground(ctx context.Context) {
	// The passes that may read a whole table at start (the rollups' catch-up, the audit chain's
	// first checkpoint) wait for the what-if warm-up rather than compete with it and the database
	// for the cores; they can catch up seconds later. Requests are served meanwhile
	// (TestServedWhileWarming).
	warmed := make(chan struct{})
	afterWarm := func(job func()) {
		go func() {
			select {
			case <-warmed:
				job()
			case <-ctx.Done():
			}
		}()
	}
	go func() {
		// The soft memory limit follows the history as the warm-up builds it: left at its start
		// (MemoryBase), a history larger than that made the collector run all through the warm-up
		// (10M decisions: 0.20M/s and 90 s of CPU per start).
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-warmed:
				return
			case <-ctx.Done():
				return
			case <-tick.C:
				a.tuneMemory()
			}
		}
	}()
	go func() {
		// The warm-up reads the whole history, from the standby when there is one and it may.
		err := a.WhatIf.Warm(store.WithStandbyReads(ctx))
		close(warmed)
		if err != nil && ctx.Err() == nil {
			slog.ErrorContext(ctx, "what-if warm-up failed; following from where it stopped", "err", err)
		}
		a.tuneMemory()
		every(ctx, a.Config.RefreshEvery, "follow new decisions for the what-if", func(ctx context.Context) error {
			defer a.tuneMemory() // the history grew: so does the room it is given
			return a.WhatIf.Follow(ctx)
		})
	}()
	go every(ctx, a.Config.RefreshEvery, "refit the what-if's reject inference", a.WhatIf.Refit)
	go every(ctx, a.Config.RefreshEvery, "refresh threshold schedule", a.Thresholds.Refresh)
	go every(ctx, a.Config.RefreshEvery, "end shadows at their planned end", a.Experiments.EndDueShadows)
	afterWarm(func() { every(ctx, a.Config.RefreshEvery, "advance analytics rollups", a.Analytics.Advance) })
	go every(ctx, a.Config.RefreshEvery, "refresh reason catalog", a.Catalog.Refresh)
	afterWarm(func() {
		// The first checkpoint at once: it checks the whole log, which may take a while.
		if _, err := a.Audit.Checkpoint(ctx); err != nil && ctx.Err() == nil {
			slog.ErrorContext(ctx, "audit checkpoint", "err", err)
		}
		every(ctx, a.Config.AuditCheckpointEvery, "audit checkpoint", func(ctx context.Context) error {
			_, err := a.Audit.Checkpoint(ctx)
			return err
		})
	})
	go every(ctx, time.Second, "record anonymous refusals", func(ctx context.Context) error { return a.Denials.Flush(ctx, false) })
	go every(ctx, time.Hour, "purge ended sessions", func(ctx context.Context) error {
		_, err := a.Accounts.PurgeSessions(ctx)
		return err
	})
	go every(ctx, time.Hour, "purge abandoned sign-ins", func(ctx context.Context) error {
		_, err := a.Store.DeleteOIDCFlowsExpiredBefore(ctx, time.Now())
		return err
	})
	go every(ctx, time.Hour, "create the coming months' partitions", func(ctx context.Context) error {
		return a.Store.EnsurePartitions(ctx, time.Now())
	})
	go every(ctx, time.Hour, "close the ended months of decisions", func(ctx context.Context) error {
		_, err := a.Audit.CloseMonths(ctx, time.Now())
		return err
	})
	switch interval := a.Config.RetentionEvery; {
	case interval <= 0:
	case a.RetentionStore == nil:
		slog.WarnContext(ctx, "retention job off: no retention path on PostgreSQL without RETENTION_DATABASE_URL")
	default:
		// Each server looks for its turn more often than the job runs, so that another takes
		// over within minutes when the one that ran last is gone.
		go every(ctx, min(interval, retentionPoll), "retention job", func(ctx context.Context) error {
			_, err := a.RetentionJob.RunOnce(ctx)
			return err
		})
	}
}

// retentionPoll bounds how long a server waits before looking for the retention job's turn.
const retentionPoll = 5 * time.Minute

// every runs job each interval until ctx ends. A failure is logged and retried on the next tick:
// the jobs keep caches and tables tidy, and the next run catches up.
func every(ctx context.Context, interval time.Duration, what string, job func(context.Context) error) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := job(ctx); err != nil && ctx.Err() == nil {
				slog.WarnContext(ctx, what, "err", err)
			}
		}
	}
}

// Handler returns the console's HTTP handler (package httpapi) over the app's services.
func (a *App) Handler() http.Handler { return httpapi.New(a.Services, a.httpOptions()) }

// httpOptions are the settings of the HTTP interface from the configuration. /metrics is served
// on the main address only when it has no address of its own (startMetrics in the server).
func (a *App) httpOptions() httpapi.Options {
	o := httpapi.Options{
		RequestTimeout:   a.Config.RequestTimeout,
		Introspection:    a.Config.Introspection,
		Playground:       a.Config.Playground,
		ComplexityLimit:  a.Config.ComplexityLimit,
		TrustedDocuments: a.Config.TrustedDocuments,
		Draining:         a.draining.Load,
	}
	if a.Config.MetricsAddr == "" {
		o.MetricsToken = a.Config.MetricsToken
	}
	return o
}

// Drain marks the console as shutting down: from now on /readyz answers 503 "draining", so that a
// load balancer stops sending new requests while the ones in flight finish. It cannot be undone.
func (a *App) Drain() { a.draining.Store(true) }

// Close records the anonymous refusals still counted in memory and releases the database.
func (a *App) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := a.Denials.Flush(ctx, true); err != nil {
		slog.Error("record anonymous refusals at shutdown", "err", err)
	}
	if a.RetentionStore != nil && a.RetentionStore != a.Store {
		a.RetentionStore.Close()
	}
	return a.Store.Close()
}
