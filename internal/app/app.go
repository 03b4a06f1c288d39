// Package app wires the server together: database, services, and the HTTP handler with the
// GraphQL endpoint. The server binary and the API tests build the same App.
package app

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
	"riskconsole/internal/decisions"
	"riskconsole/internal/store"
	"riskconsole/internal/thresholds"
)

// App is a running console: its store, services and HTTP handler.
type App struct {
	Config     Config
	Store      *store.Store
	Thresholds *thresholds.Service
	Catalog    *catalog.Current
	Decisions  *decisions.Service
	Auth       *auth.Authenticator
}

// Open connects to the database, applies pending migrations (refusing a schema newer than this
// binary) and builds the services. It does not load reference data: call Load once the database
// holds it.
func Open(ctx context.Context, cfg Config) (*App, error) {
	st, err := OpenStore(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	th := thresholds.NewService(st)
	cat := catalog.NewCurrent(st)
	return &App{
		Config:     cfg,
		Store:      st,
		Thresholds: th,
		Catalog:    cat,
		Decisions:  decisions.NewService(st, th, cat),
		Auth:       auth.NewAuthenticator(st),
	}, nil
}

// OpenStore connects to the configured database without migrating it.
func OpenStore(ctx context.Context, cfg Config) (*store.Store, error) {
	return store.Open(ctx, store.Options{DatabaseURL: cfg.DatabaseURL, SQLitePath: cfg.SQLitePath(), MaxOpenConns: cfg.DBMaxConns})
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

// RunBackground keeps the in-memory caches current until ctx ends.
func (a *App) RunBackground(ctx context.Context) {
	go a.Thresholds.Run(ctx, a.Config.RefreshEvery)
	go func() {
		t := time.NewTicker(a.Config.RefreshEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if err := a.Catalog.Refresh(ctx); err != nil && ctx.Err() == nil {
					slog.WarnContext(ctx, "refresh reason catalog", "err", err)
				}
			}
		}
	}()
}

// Close releases the database.
func (a *App) Close() error { return a.Store.Close() }
