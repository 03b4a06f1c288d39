package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"riskconsole/internal/store"
	"riskconsole/internal/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }

// openBoth opens a fresh, unmigrated store on each database.
func openBoth(t *testing.T) map[string]func(t *testing.T) *store.Store {
	return map[string]func(t *testing.T) *store.Store{
		"sqlite":   func(t *testing.T) *store.Store { return open(t, store.Options{SQLitePath: testdb.NewSQLitePath(t)}) },
		"postgres": func(t *testing.T) *store.Store { return open(t, store.Options{DatabaseURL: testdb.NewPostgresDB(t)}) },
	}
}

func open(t *testing.T, opts store.Options) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	for name, newStore := range openBoth(t) {
		t.Run(name, func(t *testing.T) {
			st := newStore(t)
			before, err := st.MigrationStatus(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if before.Database != 0 || len(before.Pending) == 0 || before.Known == 0 {
				t.Fatalf("fresh database: status %+v, want version 0 with pending migrations", before)
			}
			if err := st.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			after, err := st.MigrationStatus(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if after.Database != after.Known || len(after.Pending) != 0 {
				t.Fatalf("after migrate: status %+v, want all applied", after)
			}
			// Migrating again is a no-op.
			if err := st.Migrate(ctx); err != nil {
				t.Fatalf("second migrate: %v", err)
			}
			// Down to 0 and up again: the down migrations are complete.
			if err := st.MigrateDownTo(ctx, 0); err != nil {
				t.Fatalf("down-to 0: %v", err)
			}
			if n, err := st.CountDecisions(ctx); err == nil {
				t.Fatalf("decisions table still there after down-to 0 (%d rows)", n)
			}
			if err := st.Migrate(ctx); err != nil {
				t.Fatalf("migrate after down: %v", err)
			}
			if _, err := st.CountDecisions(ctx); err != nil {
				t.Fatalf("decisions table missing after re-migrate: %v", err)
			}
		})
	}
}

// TestRefusesNewerSchema: a database migrated by a newer binary is refused, not touched.
func TestRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	for name, newStore := range openBoth(t) {
		t.Run(name, func(t *testing.T) {
			st := newStore(t)
			if err := st.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			if err := st.ExecForTest(ctx, "INSERT INTO goose_db_version (version_id, is_applied) VALUES (99999, true)"); err != nil {
				t.Fatal(err)
			}
			err := st.Migrate(ctx)
			if !errors.Is(err, store.ErrSchemaTooNew) {
				t.Fatalf("Migrate on a newer schema: err = %v, want ErrSchemaTooNew", err)
			}
		})
	}
}

// TestConcurrentMigrate: replicas starting together on one PostgreSQL database do not race;
// goose's advisory lock serialises them and both start.
func TestConcurrentMigrate(t *testing.T) {
	ctx := context.Background()
	dsn := testdb.NewPostgresDB(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		st := open(t, store.Options{DatabaseURL: dsn})
		wg.Go(func() { errs[i] = st.Migrate(ctx) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("replica %d: %v", i, err)
		}
	}
}
