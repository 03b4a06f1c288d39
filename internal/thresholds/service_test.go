package thresholds_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	_ "github.com/glebarez/go-sqlite" // the one SQLite driver of the binary, for raw set-up
	_ "github.com/jackc/pgx/v5/stdlib"

	"riskconsole/internal/apperr"
	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
	"riskconsole/internal/store"
	"riskconsole/internal/testdb"
	"riskconsole/internal/thresholds"
)

func TestMain(m *testing.M) { testdb.Main(m) }

// TestSchedule checks, on both databases, which version is in force when: nothing before the
// first activation, each version from its activation on (a future one included, without a
// refresh), and a new activation written by someone else once Refresh runs.
func TestSchedule(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	us, _ := market.Lookup("US")
	set1 := engine.DefaultSet(us)
	set2 := set1
	set2.Rules[engine.BureauScore].Cutoff = 600
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			opts := store.Options{SQLitePath: testdb.NewSQLitePath(t)}
			driver, dsn := "sqlite", opts.SQLitePath
			if dialect == "postgres" {
				opts = store.Options{DatabaseURL: testdb.NewPostgresDB(t)}
				driver, dsn = "pgx", opts.DatabaseURL
			}
			st, err := store.Open(ctx, opts)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if err := st.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			_, ids, err := st.SeedReference(ctx, &store.ReferenceData{
				Catalog: catalog.Default(), CatalogAuthor: "test",
				Versions: []store.SeedVersion{
					{Version: thresholds.Version{Market: "US", Version: 1, Set: set1, Author: "a", Approver: "b", CreatedAt: t0}, ActivatedAt: t0},
					{Version: thresholds.Version{Market: "US", Version: 2, Set: set2, Author: "a", Approver: "b", CreatedAt: t0}, ActivatedAt: t0.Add(48 * time.Hour)},
				},
			})
			if err != nil {
				t.Fatal(err)
			}
			svc := thresholds.NewService(st)
			if err := svc.Refresh(ctx); err != nil {
				t.Fatal(err)
			}
			at := func(d time.Duration, wantID int64) {
				t.Helper()
				v, err := svc.Active("US", t0.Add(d))
				if wantID == 0 {
					if !errors.Is(err, apperr.ErrNotFound) {
						t.Fatalf("Active(t0%+v) = %v, %v; want ErrNotFound", d, v, err)
					}
					return
				}
				if err != nil || v.ID != wantID {
					t.Fatalf("Active(t0%+v) = %+v, %v; want version id %d", d, v, err, wantID)
				}
			}
			at(-time.Second, 0)
			at(0, ids[0])
			at(48*time.Hour-time.Microsecond, ids[0])
			at(48*time.Hour, ids[1]) // a scheduled activation takes effect on time, no refresh needed
			if v, _ := svc.Active("US", t0.Add(72*time.Hour)); v.Set.Rules[engine.BureauScore].Cutoff != 600 {
				t.Fatalf("version 2 rules not loaded: %+v", v.Set.Rules[engine.BureauScore])
			}
			if _, err := svc.Active("SE", t0); !errors.Is(err, apperr.ErrNotFound) {
				t.Fatalf("a market without versions: err = %v, want ErrNotFound", err)
			}

			// Another server rolls back to version 1 at t0+72h; this one sees it after Refresh.
			raw, err := sql.Open(driver, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer raw.Close()
			rollback := t0.Add(72 * time.Hour)
			q := "INSERT INTO threshold_activations (market, threshold_version_id, activated_at, activated_by, created_at) VALUES ($1, $2, $3, $4, $5)"
			if _, err := raw.ExecContext(ctx, q, "US", ids[0], rollback, "lead", rollback); err != nil {
				t.Fatal(err)
			}
			at(72*time.Hour, ids[1])
			if err := svc.Refresh(ctx); err != nil {
				t.Fatal(err)
			}
			at(72*time.Hour, ids[0])
			at(60*time.Hour, ids[1])

			// Versions are cached for good: asking again costs no statement.
			cnt := st.CountStatements()
			vs, err := svc.Versions(ctx, []int64{ids[0], ids[1]})
			if err != nil || len(vs) != 2 || cnt.Load() != 0 {
				t.Fatalf("Versions: %d found, err %v, %d statements; want 2, nil, 0", len(vs), err, cnt.Load())
			}
			if _, err := svc.Versions(ctx, []int64{999999}); !errors.Is(err, apperr.ErrNotFound) {
				t.Fatalf("unknown version: err = %v, want ErrNotFound", err)
			}
		})
	}
}
