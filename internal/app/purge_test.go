package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/auditlog"
	"riskconsole/internal/auth"
	"riskconsole/internal/testdb"
)

// purgedMonth is the month the purge tests remove: a whole month of the demo window.
var purgedMonth = time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)

// monthDecision returns the id and reference of a decision of the month starting at month.
func (ta *testApp) monthDecision(tb testing.TB, month time.Time) (id, ref string) {
	tb.Helper()
	err := ta.rawDB(tb).QueryRow(ta.placeholders("SELECT "+castText(ta, "id")+", reference FROM decisions WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at LIMIT 1"),
		month, month.AddDate(0, 1, 0)).Scan(&id, &ref)
	if err != nil {
		tb.Fatalf("a decision of %s: %v", month.Format(auditlog.MonthLayout), err)
	}
	return id, ref
}

// castText is column as text on PostgreSQL (a uuid), column itself on SQLite.
func castText(ta *testApp, column string) string {
	if ta.Config.DatabaseURL != "" {
		return column + "::text"
	}
	return column
}

// verifySeals runs verifyDecisions as the auditor.
func (ta *testApp) verifySeals(tb testing.TB) apiSealVerification {
	tb.Helper()
	var v apiSealVerification
	decodeData(tb, ta.gql(tb, auth.Auditor, verifyDecisionsQuery, nil), &v)
	return v
}

// TestPurgeKeepsVerificationsGreen: on both databases, through the retention path, a month of
// decisions leaves with its outcome events; the audit log records the purge with its counts, the
// audit chain and the decisions' verification stay green (the purge is the month's recorded
// fact), the purged decisions are gone from the explorer and the lookups, and checkout goes on.
// Decisions removed any other way, by the owner with the triggers out of the way, turn the
// verification red, naming the month.
func TestPurgeKeepsVerificationsGreen(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 400)
		ctx := auth.WithPrincipal(context.Background(), auth.SystemPrincipal("retention"))
		id, ref := ta.monthDecision(t, purgedMonth)
		closed, err := ta.Audit.CloseMonths(context.Background(), time.Now())
		if err != nil || closed < 10 {
			t.Fatalf("closed %d months, %v: want every month of the demo window", closed, err)
		}
		if v := ta.verifySeals(t).VerifyDecisions; !v.OK {
			t.Fatalf("before the purge: %s", mustJSON(v))
		}

		p, err := ta.RetentionStore.PurgeMonth(ctx, purgedMonth, purgedMonth.AddDate(0, 1, 0))
		if err != nil {
			t.Fatal(err)
		}
		if p.Decisions == 0 || p.Already {
			t.Fatalf("purge %+v: want the month's decisions", p)
		}
		if v := ta.verifySeals(t).VerifyDecisions; !v.OK || v.Checked != ta.countDecisions(t) {
			t.Errorf("after the purge: %s, want ok over the %d decisions left", mustJSON(v), ta.countDecisions(t))
		}
		if v, err := ta.Audit.VerifyDecisions(context.Background()); err != nil || v.MonthsPurged != 1 || v.MonthsClosed != closed-1 {
			t.Errorf("verification %+v, %v: want 1 month purged, %d closed", v, err, closed-1)
		}
		if v := ta.verifyChain(t).VerifyAuditChain; !v.OK {
			t.Errorf("audit chain after the purge: %+v", v)
		}
		var rec *auditlog.MonthRecord
		for _, e := range ta.allEvents(t) {
			if e.Action == auditlog.ActionMonthPurged && e.EntityID == "2025-09" && e.Actor == "system:retention" {
				rec = new(auditlog.MonthRecord)
				if err := json.Unmarshal(e.After, rec); err != nil {
					t.Fatal(err)
				}
			}
		}
		if rec == nil || rec.Decisions != p.Decisions || rec.OutcomeEvents != p.OutcomeEvents || rec.Digest != p.Digest {
			t.Errorf("audit record of the purge %+v, want %+v", rec, p)
		}

		if r := ta.gql(t, auth.Analyst, decisionQuery, map[string]any{"id": id}); !strings.Contains(string(r.Data), "null") && r.code() != "NOT_FOUND" {
			t.Errorf("a purged decision by id: %s %s", r.Data, errorsJSON(r))
		}
		if r := ta.gql(t, auth.Analyst, `query($ref: String!) { decisionByReference(reference: $ref) { id } }`, map[string]any{"ref": ref}); r.code() != "NOT_FOUND" && !strings.Contains(string(r.Data), "null") {
			t.Errorf("a purged decision by reference: %s %s", r.Data, errorsJSON(r))
		}
		var page struct {
			Decisions struct{ Nodes []struct{ ID string } }
		}
		decodeData(t, ta.gql(t, auth.Auditor, `query($from: Time, $to: Time) { decisions(first: 10, filter: {from: $from, to: $to}) { nodes { id } } }`,
			map[string]any{"from": purgedMonth, "to": purgedMonth.AddDate(0, 1, 0)}), &page)
		if len(page.Decisions.Nodes) != 0 {
			t.Errorf("the explorer lists %d decisions of the purged month", len(page.Decisions.Nodes))
		}
		if a := ta.assess(t, purchaseInput("SE", 10, nil), uniqueKey("after-purge")); a.Outcome != "APPROVED" {
			t.Errorf("assessment after the purge: %+v", a)
		}

		if dialect == "postgres" {
			t.Run("a month's partition dropped otherwise", func(t *testing.T) {
				ta.ownerExec(t, "DROP TABLE outcome_events_p202511")
				ta.ownerExec(t, "DROP TABLE decisions_p202511")
				if v := ta.verifySeals(t).VerifyDecisions; v.OK || v.Reason == nil || !strings.Contains(*v.Reason, "month 2025-11") {
					t.Errorf("verification %s, want month 2025-11 broken", mustJSON(v))
				}
			})
		}
		t.Run("a decision deleted otherwise", func(t *testing.T) {
			other, _ := ta.monthDecision(t, purgedMonth.AddDate(0, 1, 0))
			ta.disableAppendOnly(t, "outcome_events")
			ta.disableAppendOnly(t, "decisions")
			ta.ownerExec(t, "DELETE FROM outcome_events WHERE decision_id = $1", other)
			ta.ownerExec(t, "DELETE FROM decisions WHERE id = $1", other)
			v := ta.verifySeals(t).VerifyDecisions
			if v.OK || v.Reason == nil || !strings.Contains(*v.Reason, "month 2025-10") || !strings.Contains(*v.Reason, "removed") {
				t.Errorf("verification %s, want month 2025-10 broken", mustJSON(v))
			}
		})
	})
}

// TestPurgeRoles: on PostgreSQL only the retention role may purge, and only through purge_month.
// The console's role can neither delete, truncate, drop nor detach decisions (the parent or a
// partition) nor run purge_month; it may create the partitions of a month, and only through
// create_month_partitions, which refuses months out of range and purged ones. The retention role
// may run purge_month but not touch decisions itself. The console refuses to start as a role that
// may purge, and the retention store as one that may delete.
func TestPurgeRoles(t *testing.T) {
	ta := newTestApp(t, "postgres", 100)
	ctx := context.Background()
	if _, err := ta.RetentionStore.PurgeMonth(auth.WithPrincipal(ctx, auth.SystemPrincipal("retention")), purgedMonth, purgedMonth.AddDate(0, 1, 0)); err != nil {
		t.Fatal(err)
	}
	id, _ := ta.monthDecision(t, purgedMonth.AddDate(0, 1, 0))
	refused := func(t *testing.T, dsn string, stmts []string) {
		t.Helper()
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, stmt := range stmts {
			_, err := db.Exec(stmt)
			if err == nil {
				t.Errorf("ran %q", stmt)
				continue
			}
			if msg := err.Error(); !strings.Contains(msg, "must be owner") && !strings.Contains(msg, "permission denied") {
				t.Errorf("%q failed for another reason than a missing privilege: %v", stmt, err)
			}
		}
	}
	touch := []string{
		"DELETE FROM decisions WHERE id = '" + id + "'",
		"UPDATE decisions SET outcome = 'APPROVED' WHERE id = '" + id + "'",
		"TRUNCATE decisions",
		"DELETE FROM decisions_p202510",
		"TRUNCATE decisions_p202510",
		"DROP TABLE decisions_p202510",
		"ALTER TABLE decisions DETACH PARTITION decisions_p202510",
		"ALTER TABLE decisions_p202510 DISABLE TRIGGER USER",
		"DELETE FROM outcome_events_p202510",
		"DROP TABLE outcome_events_p202510",
		"DELETE FROM decision_keys",
		"DELETE FROM purged_months",
		"INSERT INTO purged_months VALUES ('2025-11-01', 0, 0, '0000000000000000', now())",
		"SELECT add_month_partitions(now() + interval '5 years')",
		// Review cases leave only with their decision, and the retention path's clock is the
		// owner's to shift (migration 18).
		"DELETE FROM review_cases",
		"TRUNCATE review_cases",
		"DELETE FROM review_notices",
		"INSERT INTO retention_clock VALUES (1, '100 years')",
		"UPDATE retention_clock SET shift = '100 years'",
		"SELECT remove_review_cases(NULL, NULL, NULL)",
	}
	t.Run("the console's role", func(t *testing.T) {
		refused(t, ta.Config.DatabaseURL, append(touch,
			"SELECT * FROM purge_month('2025-10-01', '2025-11-01')",
			"SELECT purge_decision_keys('2025-09-01', 10)"))
	})
	t.Run("the retention role", func(t *testing.T) {
		refused(t, ta.Config.RetentionDatabaseURL, append(touch,
			"SELECT count(*) FROM decisions",
			"SELECT create_month_partitions(now())"))
		db, err := sql.Open("pgx", ta.Config.RetentionDatabaseURL)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		// It may run the purge (here refusing a month too young, which shows it ran).
		if _, err := db.Exec("SELECT * FROM purge_month(date_trunc('month', now())::date, (date_trunc('month', now()) + interval '1 month')::date)"); err == nil ||
			!strings.Contains(err.Error(), "current month") {
			t.Errorf("purge_month of the current month: %v, want refused as the current month", err)
		}
	})
	t.Run("the owner deletes no key of a month not purged", func(t *testing.T) {
		db, err := sql.Open("pgx", ta.ownerURL())
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec("DELETE FROM decision_keys WHERE decision_id = $1", id); err == nil || !strings.Contains(err.Error(), "has not been purged") {
			t.Errorf("DELETE of a live key as the owner: %v; want refused", err)
		}
	})
	t.Run("create_month_partitions", func(t *testing.T) {
		db, err := sql.Open("pgx", ta.Config.DatabaseURL)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, tc := range []struct{ arg, want string }{
			{"NULL", "required"},
			{"'1999-12-31 23:00:00+00'", "out of range"},
			{"now() + interval '14 months'", "out of range"},
			{"'2025-09-15 00:00:00+00'", "was purged"},
		} {
			if _, err := db.Exec("SELECT create_month_partitions(" + tc.arg + ")"); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("create_month_partitions(%s): %v, want %q", tc.arg, err, tc.want)
			}
		}
		var created bool
		if err := db.QueryRow("SELECT create_month_partitions(now() + interval '6 months')").Scan(&created); err != nil || !created {
			t.Errorf("create_month_partitions 6 months ahead: %v %v", created, err)
		}
		var owner string
		if err := db.QueryRow(`SELECT pg_get_userbyid(relowner) FROM pg_class
			WHERE relname = 'decisions_p' || to_char(now() AT TIME ZONE 'UTC' + interval '6 months', 'YYYYMM')`).Scan(&owner); err != nil || owner != testdb.OwnerRole {
			t.Errorf("the new partition belongs to %q (%v), want %s", owner, err, testdb.OwnerRole)
		}
	})

	t.Run("the console refuses a role that may purge", func(t *testing.T) {
		ta.ownerExec(t, "GRANT EXECUTE ON FUNCTION purge_month(date, date) TO "+testdb.AppRole)
		cfg := ta.Config
		cfg.MigrationDatabaseURL = ""
		if other, err := Open(ctx, cfg, WithLogger(discardLogger())); err == nil || !strings.Contains(err.Error(), "purge_month") {
			if err == nil {
				other.Close()
			}
			t.Errorf("Open as a role that may purge: %v; want a refusal", err)
		}
		if err := Migrate(ctx, ta.Config); err != nil { // migrate up revokes it
			t.Fatal(err)
		}
		other, err := Open(ctx, cfg, WithLogger(discardLogger()))
		if err != nil {
			t.Fatalf("Open after migrate up: %v", err)
		}
		other.Close()
	})
	t.Run("the retention store refuses a role that may delete", func(t *testing.T) {
		ta.ownerExec(t, "GRANT DELETE ON decisions TO "+testdb.RetentionRole)
		cfg := ta.Config
		cfg.MigrationDatabaseURL = ""
		if other, err := Open(ctx, cfg, WithLogger(discardLogger())); err == nil || !strings.Contains(err.Error(), "RETENTION_DATABASE_URL") {
			if err == nil {
				other.Close()
			}
			t.Errorf("Open with a retention role that may delete: %v; want a refusal", err)
		}
		if err := Migrate(ctx, ta.Config); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("one role for two jobs is refused", func(t *testing.T) {
		cfg := ta.Config
		cfg.RetentionDatabaseURL = cfg.DatabaseURL
		if err := Migrate(ctx, cfg); err == nil || !strings.Contains(err.Error(), "RETENTION_DATABASE_URL") {
			t.Errorf("migrate up with the console's role as the retention role: %v", err)
		}
	})
}
