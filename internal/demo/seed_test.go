package demo

import (
	"context"
	"database/sql"
	"testing"

	"riskconsole/internal/store"
	"riskconsole/internal/testdb"
)

// TestSeedWritesRepaymentEvents seeds a small demo on both databases and checks the outcome
// events written: exactly those Repayment draws for the approved decisions (counted against a
// pure run of the same seed), none for a declined decision, none after the window's end.
func TestSeedWritesRepaymentEvents(t *testing.T) {
	const n = 6000
	want := 0
	run := runRepayment(t, 9, n)
	for _, evs := range run.events {
		want += len(evs)
	}
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			opts, driver, dsn := store.Options{SQLitePath: testdb.NewSQLitePath(t)}, "sqlite", ""
			dsn = opts.SQLitePath
			if dialect == "postgres" {
				dsn = testdb.NewPostgresDB(t)
				opts, driver = store.Options{DatabaseURL: dsn}, "pgx"
			}
			st, err := store.Open(ctx, opts)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if err := st.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			if err := Seed(ctx, st, SeedOptions{N: n, Seed: 9, End: testEnd}); err != nil {
				t.Fatal(err)
			}
			db, err := sql.Open(driver, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			count := func(q string) int {
				t.Helper()
				var c int
				if err := db.QueryRowContext(ctx, q).Scan(&c); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
				return c
			}
			if got := count("SELECT COUNT(*) FROM outcome_events"); got != want {
				t.Errorf("%d outcome events written, want %d", got, want)
			}
			if got := count("SELECT COUNT(*) FROM outcome_events e JOIN decisions d ON d.id = e.decision_id WHERE d.outcome <> 'APPROVED'"); got != 0 {
				t.Errorf("%d events of declined decisions", got)
			}
			if got := count("SELECT COUNT(*) FROM outcome_events e JOIN decisions d ON d.id = e.decision_id WHERE e.currency <> d.currency OR e.observed_at < d.created_at OR e.outstanding_minor > d.amount_minor OR e.written_off_minor > d.amount_minor"); got != 0 {
				t.Errorf("%d events disagree with their decision", got)
			}
			approved := count("SELECT COUNT(*) FROM decisions WHERE outcome = 'APPROVED'")
			with := count("SELECT COUNT(DISTINCT decision_id) FROM outcome_events")
			if approved == 0 || with < approved*99/100 {
				t.Errorf("%d of %d approved decisions have events", with, approved)
			}
		})
	}
}

// BenchmarkSeedSQLite seeds 20,000 demo decisions, with their repayment events, into a fresh
// SQLite database per iteration: the first start's cost at a tenth of its size.
func BenchmarkSeedSQLite(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		st, err := store.Open(ctx, store.Options{SQLitePath: testdb.NewSQLitePath(b)})
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Migrate(ctx); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := Seed(ctx, st, SeedOptions{N: 20_000, Seed: 1, End: testEnd}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}
