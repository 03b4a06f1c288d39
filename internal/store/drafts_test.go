package store_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
	"riskconsole/internal/store"
	"riskconsole/internal/testdb"
	"riskconsole/internal/thresholds"
)

// TestMigrationBackfillsAuthorPerson checks migration 00006 on both databases: drafts written
// before it take their author's person from the author's subject, for users, tokens and server
// tasks alike.
func TestMigrationBackfillsAuthorPerson(t *testing.T) {
	ctx := context.Background()
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			opts := store.Options{SQLitePath: testdb.NewSQLitePath(t)}
			driver, dsn := "sqlite", "file:"+opts.SQLitePath+"?_pragma=busy_timeout(10000)"
			if dialect == "postgres" {
				opts = store.Options{DatabaseURL: testdb.NewPostgresDB(t)}
				driver, dsn = "pgx", opts.DatabaseURL
			}
			st := open(t, opts)
			if err := st.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
			us, _ := market.Lookup("US")
			_, ids, err := st.SeedReference(ctx, &store.ReferenceData{Catalog: catalog.Default(), CatalogAuthor: "test",
				Versions: []store.SeedVersion{{Version: thresholds.Version{Market: "US", Version: 1, Set: engine.DefaultSet(us),
					Author: "a", Approver: "b", CreatedAt: t0}, ActivatedAt: t0}}})
			if err != nil {
				t.Fatal(err)
			}
			if err := st.MigrateDownTo(ctx, 5); err != nil {
				t.Fatal(err)
			}
			db, err := sql.Open(driver, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			want := map[string]string{"user:12:anna": "user:12", "token:3:ci:nightly": "token:3", "system:first-start": "system:first-start"}
			for author := range want {
				if _, err := db.Exec(`INSERT INTO threshold_drafts (market, base_version_id, rules, author, status, revision, created_at, updated_at)
					VALUES ('US', $1, '[]', $2, 'DRAFT', 1, $3, $3)`, ids[0], author, t0); err != nil {
					t.Fatal(err)
				}
				if _, err := db.Exec(`INSERT INTO catalog_drafts (base_version, texts, author, status, revision, created_at, updated_at)
					VALUES (1, '[]', $1, 'DRAFT', 1, $2, $2)`, author, t0); err != nil {
					t.Fatal(err)
				}
			}
			if err := st.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			for _, table := range []string{"threshold_drafts", "catalog_drafts"} {
				rows, err := db.Query("SELECT author, author_person FROM " + table)
				if err != nil {
					t.Fatal(err)
				}
				n := 0
				for rows.Next() {
					var author, person string
					if err := rows.Scan(&author, &person); err != nil {
						t.Fatal(err)
					}
					if person != want[author] {
						t.Errorf("%s: author %q has person %q, want %q", table, author, person, want[author])
					}
					n++
				}
				if err := rows.Err(); err != nil || n != len(want) {
					t.Fatalf("%s: %d drafts read (%v), want %d", table, n, err, len(want))
				}
				rows.Close()
			}
		})
	}
}
