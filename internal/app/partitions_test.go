package app

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/store"
	"riskconsole/internal/testdb"
)

// rowsDigest returns the number of rows of query and a SHA-256 of their values, in its order.
func rowsDigest(tb testing.TB, db *sql.DB, query string) (int, string) {
	tb.Helper()
	rows, err := db.Query(query)
	if err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		tb.Fatal(err)
	}
	vals, ptrs := make([]any, len(cols)), make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	h, n := sha256.New(), 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			tb.Fatal(err)
		}
		for _, v := range vals {
			if t, ok := v.(time.Time); ok {
				v = t.UTC().Format(time.RFC3339Nano)
			}
			fmt.Fprintf(h, "%v\x1f", v)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return n, hex.EncodeToString(h.Sum(nil))
}

// migratedTables are the statements whose rows migration 13 must keep, in a fixed order: every
// column decisions and outcome_events had at version 12.
var migratedTables = []string{
	"SELECT * FROM decisions ORDER BY id",
	"SELECT decision_id, event_id, observed_at, status, outstanding_minor, written_off_minor, currency, recorded_at FROM outcome_events ORDER BY decision_id, event_id",
}

// schemaOf describes what migration 13 touches of db's schema: the columns, constraints, indexes
// and triggers of decisions and outcome_events, and of their partitions (named by their pattern).
func schemaOf(tb testing.TB, db *sql.DB, dialect string) []string {
	tb.Helper()
	q := `SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master
		WHERE tbl_name IN ('decisions', 'outcome_events', 'decision_keys', 'purge_permits', 'purged_months') ORDER BY 1`
	if dialect == "postgres" {
		q = `WITH t AS (SELECT c.oid, regexp_replace(c.relname, '_p[0-9]{6}$', '_pYYYYMM') AS name FROM pg_class c
		         WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
		           AND c.relname ~ '^(decisions|outcome_events|decision_keys|purged_months)(_p[0-9]{6})?$')
		SELECT DISTINCT x FROM (
		  SELECT 'column ' || t.name || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END ||
		         COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), '') AS x
		    FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
		    LEFT JOIN pg_attrdef d ON d.adrelid = t.oid AND d.adnum = a.attnum
		  UNION ALL SELECT 'constraint ' || t.name || ' ' || regexp_replace(pg_get_constraintdef(c.oid), '[0-9]{6}', 'YYYYMM', 'g') FROM t JOIN pg_constraint c ON c.conrelid = t.oid
		  UNION ALL SELECT 'index ' || t.name || ' ' || regexp_replace(pg_get_indexdef(i.indexrelid), '(_p[0-9]{6}|ON ONLY )', '', 'g')
		    FROM t JOIN pg_index i ON i.indrelid = t.oid
		  UNION ALL SELECT 'trigger ' || t.name || ' ' || regexp_replace(pg_get_triggerdef(g.oid), '_p[0-9]{6}', '_pYYYYMM', 'g')
		    FROM t JOIN pg_trigger g ON g.tgrelid = t.oid AND NOT g.tgisinternal) s ORDER BY 1`
	}
	rows, err := db.Query(q)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []string
	space := regexp.MustCompile(`\s+`)
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			tb.Fatal(err)
		}
		out = append(out, space.ReplaceAllString(s, " "))
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestMigrationKeepsEveryRow: migration 13 on a database seeded at version 12 keeps every decision
// and outcome event, column for column (and so every seal, which verifyDecisions checks), gives
// every decision its keys, and leaves the indexes and triggers the schema needs on every
// partition; rolled back, it leaves the schema of version 12. The database at version 12 is the
// demo data (with assessments, outcomes and review cases) migrated down from 13.
func TestMigrationKeepsEveryRow(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		ta := newTestApp(t, dialect, 600)
		for i := range 3 {
			ta.assess(t, purchaseInput("DE", float64(20+i), nil), uniqueKey("migration"))
		}
		db := ta.rawDB(t)
		owner := ta.ownerStore(t)
		if err := owner.MigrateDownTo(ctx, 12); err != nil {
			t.Fatal(err)
		}
		fresh := freshSchema(t, dialect, 12)
		if len(fresh) < 10 {
			t.Fatalf("schema of version 12: %q", fresh)
		}
		if got := schemaOf(t, db, dialect); !slices.Equal(got, fresh) {
			t.Errorf("after rolling 13 back, the schema is not version 12's:\n got %q\nwant %q", got, fresh)
		}
		var counts []int
		var digests []string
		for _, q := range migratedTables {
			n, d := rowsDigest(t, db, q)
			counts, digests = append(counts, n), append(digests, d)
		}
		if counts[0] < 600 || counts[1] < 300 {
			t.Fatalf("rows at version 12: %v, want the demo data", counts)
		}

		if err := owner.MigrateUpTo(ctx, 13); err != nil {
			t.Fatal(err)
		}
		for i, q := range migratedTables {
			if n, d := rowsDigest(t, db, q); n != counts[i] || d != digests[i] {
				t.Errorf("%s: %d rows (%s) after the migration, %d (%s) before", q, n, d, counts[i], digests[i])
			}
		}
		if n, d := rowsDigest(t, db, "SELECT decision_id, idempotency_key, reference, created_at FROM decision_keys ORDER BY decision_id"); true {
			m, e := rowsDigest(t, db, "SELECT id, idempotency_key, reference, created_at FROM decisions ORDER BY id")
			if n != m || d != e {
				t.Errorf("decision_keys holds %d rows (%s), the decisions' keys %d (%s)", n, d, m, e)
			}
		}
		if n, _ := rowsDigest(t, db, "SELECT 1 FROM outcome_events e JOIN decisions d ON d.id = e.decision_id AND d.created_at = e.decision_created_at"); n != counts[1] {
			t.Errorf("%d of %d outcome events carry their decision's time", n, counts[1])
		}
		got, want := schemaOf(t, db, dialect), freshSchema(t, dialect, 13)
		if !slices.Equal(got, want) {
			t.Errorf("after the migration the schema is not a fresh database's:\n got %q\nwant %q", got, want)
		}
		if dialect == "postgres" {
			checkPartitions(t, db)
		}

		// A console on the migrated database finds every seal intact and goes on deciding.
		other, err := Open(ctx, ta.Config, WithLogger(discardLogger()))
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		if err := other.Load(ctx); err != nil {
			t.Fatal(err)
		}
		if v, err := other.Audit.VerifyDecisions(ctx); err != nil || !v.OK || v.Checked != int64(counts[0]) {
			t.Errorf("verification after the migration: %+v, %v; want ok over %d decisions", v, err, counts[0])
		}
		rec := decisionAt(t, ta, time.Now())
		if _, created, _, err := other.Store.InsertDecision(ctx, &rec); err != nil || !created {
			t.Errorf("a decision after the migration: %v, %v", created, err)
		}
	})
}

// freshSchema is schemaOf an empty database migrated to version.
func freshSchema(tb testing.TB, dialect string, version int64) []string {
	tb.Helper()
	opts := store.Options{SQLitePath: testdb.NewSQLitePath(tb)}
	driver, dsn := "sqlite", "file:"+opts.SQLitePath
	if dialect == "postgres" {
		opts = store.Options{DatabaseURL: testdb.NewPostgresDB(tb)}
		driver, dsn = "pgx", opts.DatabaseURL
	}
	st, err := store.Open(context.Background(), opts)
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	if err := st.MigrateUpTo(context.Background(), version); err != nil {
		tb.Fatal(err)
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	return schemaOf(tb, db, dialect)
}

// checkPartitions checks that every partition of decisions and outcome_events has its parent's
// indexes and the append-only triggers, TRUNCATE included.
func checkPartitions(t *testing.T, db *sql.DB) {
	t.Helper()
	rows, err := db.Query(`SELECT c.relname, p.relname,
		(SELECT count(*) FROM pg_index i WHERE i.indrelid = c.oid),
		(SELECT count(*) FROM pg_index i WHERE i.indrelid = p.oid),
		(SELECT string_agg(g.tgname, ',' ORDER BY g.tgname) FROM pg_trigger g WHERE g.tgrelid = c.oid AND NOT g.tgisinternal)
		FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid JOIN pg_class p ON p.oid = h.inhparent
		WHERE p.relname IN ('decisions', 'outcome_events') ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var part, parent, triggers string
		var indexes, parentIndexes int
		if err := rows.Scan(&part, &parent, &indexes, &parentIndexes, &triggers); err != nil {
			t.Fatal(err)
		}
		if want := parent + "_append_only," + part + "_no_truncate"; indexes != parentIndexes || triggers != want {
			t.Errorf("partition %s: %d indexes (its parent %d), triggers %s (want %s)", part, indexes, parentIndexes, triggers, want)
		}
		n++
	}
	if n < 2*17 {
		t.Errorf("%d partitions, want one per month of the demo window and the months ahead, for each table", n)
	}
}

// TestPartitionsAhead: on PostgreSQL the console creates the partitions of the current month and
// the next two at start, and the partition an insert finds missing; no DEFAULT partition
// exists, so a missing month is created, not absorbed.
func TestPartitionsAhead(t *testing.T) {
	ta := newTestApp(t, "postgres", 20)
	db := ta.rawDB(t)
	exists := func(month time.Time) bool {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM pg_class WHERE relname IN ($1, $2)",
			"decisions_p"+month.Format("200601"), "outcome_events_p"+month.Format("200601")).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n == 2
	}
	now := time.Now().UTC()
	for i := range 3 {
		if m := time.Date(now.Year(), now.Month()+time.Month(i), 1, 0, 0, 0, 0, time.UTC); !exists(m) {
			t.Errorf("no partitions of %s", m.Format("2006-01"))
		}
	}
	var defaults int
	if err := db.QueryRow("SELECT count(*) FROM pg_partitioned_table WHERE partdefid <> 0").Scan(&defaults); err != nil || defaults != 0 {
		t.Errorf("%d DEFAULT partitions (%v), want none", defaults, err)
	}

	// A decision of a month without partitions (written by a review, say, at a later time).
	later := time.Date(now.Year(), now.Month()+8, 15, 0, 0, 0, 0, time.UTC)
	if exists(later) {
		t.Fatalf("partitions of %s exist already", later.Format("2006-01"))
	}
	rec := decisionAt(t, ta, later)
	if _, created, _, err := ta.Store.InsertDecision(context.Background(), &rec); err != nil || !created {
		t.Fatalf("InsertDecision in %s: %v, %v", later.Format("2006-01"), created, err)
	}
	if !exists(later) {
		t.Errorf("no partitions of %s after a decision of that month", later.Format("2006-01"))
	}
	if d := ta.readDecision(t, rec.ID); d.Reference != decisions.FormatReference(rec.Reference) {
		t.Errorf("decision read back: %+v", d)
	}
}

// decisionAt decides an approved SE purchase as of at, ready to store.
func decisionAt(tb testing.TB, ta *testApp, at time.Time) decisions.Record {
	tb.Helper()
	at = at.UTC().Truncate(time.Microsecond)
	p := decisions.Purchase{Market: "SE", Currency: "SEK", AmountMinor: 120000, MerchantID: "m-part", MerchantName: "Partition AB",
		MerchantCategory: "SPORTS", ShopperID: "s-part", Locale: "sv-SE", Channel: "WEB", Values: engine.PassingValues()}
	v, err := ta.Thresholds.Active("SE", at)
	if err != nil {
		tb.Fatal(err)
	}
	rec, err := decisions.Decide(&p, at, decisions.NewReference(), v, ta.Catalog.Current())
	if err != nil {
		tb.Fatal(err)
	}
	rec.ID = decisions.NewID(at)
	rec.IdempotencyKey = "partitions:" + rec.ID
	return rec
}

// TestDecisionIDNamesItsMonth: the store finds a decision's month by its id (a UUIDv7 of its
// created_at's millisecond), so a decision whose id names another time is refused, by the store
// on both databases and, on PostgreSQL, by the decisions_id_time constraint whoever inserts it;
// decisions and their outcome events are read by id across months.
func TestDecisionIDNamesItsMonth(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 50)
		ctx := context.Background()
		at := time.Date(2026, 3, 31, 23, 59, 59, 999_000_000, time.UTC)
		for name, id := range map[string]string{
			"a millisecond later": decisions.NewID(at.Add(time.Millisecond)),
			"a version 4 UUID":    "6f0c7d34-2b7e-4c61-9b1a-4d9d2f3b8a10",
		} {
			rec := decisionAt(t, ta, at)
			rec.ID = id
			if _, _, _, err := ta.Store.InsertDecision(ctx, &rec); err == nil || !strings.Contains(err.Error(), "UUIDv7 naming the millisecond") {
				t.Errorf("%s: InsertDecision %v, want refused", name, err)
			}
			if err := ta.Store.BulkInsertDecisions(ctx, []decisions.Record{rec}); err == nil {
				t.Errorf("%s: BulkInsertDecisions stored it", name)
			}
		}
		if dialect == "postgres" {
			// The owner copies a stored decision under an id of the next month.
			id, _ := ta.monthDecision(t, augMonth)
			var cols string
			if err := ta.rawDB(t).QueryRow(`SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = 'decisions' AND column_name NOT IN ('id', 'reference', 'idempotency_key')`).Scan(&cols); err != nil {
				t.Fatal(err)
			}
			_, err := ta.rawDB(t).Exec(`INSERT INTO decisions (id, reference, idempotency_key, `+cols+`) SELECT CAST($2 AS uuid), reference || 'X', idempotency_key || 'X', `+
				cols+` FROM decisions WHERE id = $1`, id, decisions.NewID(augMonth.AddDate(0, 1, 0)))
			if err == nil || !strings.Contains(err.Error(), "decisions_id_time") {
				t.Errorf("the owner stored a decision whose id names another month: %v", err)
			}
		}
		// Reads by id across months: three decisions of three months and their events.
		var ids []string
		for _, m := range []time.Time{augMonth, sepMonth, sepMonth.AddDate(0, 2, 0)} {
			id, _ := ta.monthDecision(t, m)
			ids = append(ids, id)
		}
		ids = append(ids, "not-a-decision", decisions.NewID(time.Now()))
		hist, err := ta.Store.OutcomeHistories(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		events, err := ta.Store.OutcomeEvents(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids[:3] {
			at, _ := decisions.IDTime(id)
			if h, ok := hist[id]; !ok || !h.Purchase.At.Truncate(time.Millisecond).Equal(at) || h.Count != len(events[id]) {
				t.Errorf("decision %s: history %+v (found %v), %d events; decision made at %v", id, h, ok, len(events[id]), at)
			}
		}
		if n := len(events[ids[0]]) + len(events[ids[1]]) + len(events[ids[2]]); len(hist) != 3 || n == 0 {
			t.Errorf("%d histories and %d events, want the 3 decisions' and some events", len(hist), n)
		}
	})
}
