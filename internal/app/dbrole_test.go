package app

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"riskconsole/internal/auth"
	"riskconsole/internal/testdb"
)

// TestDatabaseRoles: on PostgreSQL the console runs as a role that owns nothing (the two-role
// set-up of the README, which every PostgreSQL test app uses). Connected as that role, as an
// insider holding the console's database password would be, nothing can disable the append-only
// triggers or change or remove an audit event or a decision; and the console refuses to start as
// a role that could.
func TestDatabaseRoles(t *testing.T) {
	ta := newTestApp(t, "postgres", 20)
	// Something in both tables first: a decision, and the audit events of an auditor's refusal.
	a := ta.assess(t, purchaseInput("US", 42, nil), uniqueKey("roles"))
	if r := ta.gql(t, auth.Agent, verifyQuery, nil); r.code() != "FORBIDDEN" {
		t.Fatalf("code %q, want FORBIDDEN", r.code())
	}
	before := ta.auditCount(t)

	app, err := sql.Open("pgx", ta.Config.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })
	for _, stmt := range []string{
		"ALTER TABLE audit_events DISABLE TRIGGER USER",
		"ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only",
		"ALTER TABLE decisions DISABLE TRIGGER ALL",
		"DROP TRIGGER audit_events_append_only ON audit_events",
		"ALTER TABLE audit_events OWNER TO " + testdb.AppRole,
		"UPDATE audit_events SET actor = 'someone'",
		"DELETE FROM audit_events",
		"DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)",
		"TRUNCATE audit_events",
		"UPDATE decisions SET outcome = 'APPROVED' WHERE id = '" + a.DecisionID + "'",
		"DELETE FROM decisions WHERE id = '" + a.DecisionID + "'",
		"TRUNCATE decisions",
		"UPDATE threshold_versions SET rationale = 'rewritten'",
		"DELETE FROM outcome_events",
		"UPDATE review_notices SET body = 'rewritten'",
		"DELETE FROM review_notices",
		"SET session_replication_role = replica", // would skip every trigger of the session
		"SELECT setval('audit_events_id_seq', 1)",
	} {
		t.Run(stmt, func(t *testing.T) {
			_, err := app.Exec(stmt)
			if err == nil {
				t.Fatalf("the console's role ran %q", stmt)
			}
			if msg := err.Error(); !strings.Contains(msg, "must be owner") && !strings.Contains(msg, "permission denied") {
				t.Errorf("%q failed for another reason than a missing privilege: %v", stmt, err)
			}
		})
	}
	if after := ta.auditCount(t); after != before {
		t.Errorf("%d audit events before, %d after", before, after)
	}
	if d := ta.readDecision(t, a.DecisionID); d.Outcome != a.Outcome {
		t.Errorf("decision changed: %+v", d)
	}

	t.Run("refuses to start as a role that could rewrite history", func(t *testing.T) {
		ctx := context.Background()
		for _, tc := range []struct{ name, dsn, want string }{
			{"the owner", ta.ownerURL(), "owns"},
			{"a superuser", testdb.NewPostgresDB(t), "superuser"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				cfg := ta.Config
				cfg.DatabaseURL, cfg.MigrationDatabaseURL = tc.dsn, ""
				if tc.want == "superuser" {
					cfg.DataDir = t.TempDir()
				}
				other, err := Open(ctx, cfg, WithLogger(discardLogger()))
				if err == nil {
					other.Close()
					t.Fatal("Open succeeded")
				}
				if !strings.Contains(err.Error(), "refusing to run as this database role") || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("Open: %v; want a refusal naming %q", err, tc.want)
				}
				cfg.AllowOwnerRole = true
				other, err = Open(ctx, cfg, WithLogger(discardLogger()))
				if err != nil {
					t.Fatalf("Open with AllowOwnerRole: %v", err)
				}
				other.Close()
			})
		}
	})

	t.Run("a privilege too many is refused, and migrate up revokes it", func(t *testing.T) {
		ctx := context.Background()
		ta.ownerExec(t, "GRANT UPDATE, DELETE ON audit_events TO "+testdb.AppRole)
		cfg := ta.Config
		cfg.MigrationDatabaseURL = ""
		if other, err := Open(ctx, cfg, WithLogger(discardLogger())); err == nil || !strings.Contains(err.Error(), "may UPDATE, DELETE or TRUNCATE") {
			if err == nil {
				other.Close()
			}
			t.Fatalf("Open with UPDATE on audit_events: %v; want a refusal", err)
		}
		if err := Migrate(ctx, ta.Config); err != nil { // server migrate up
			t.Fatal(err)
		}
		if _, err := app.Exec("DELETE FROM audit_events"); err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("DELETE after migrate up: %v; want permission denied", err)
		}
		other, err := Open(ctx, cfg, WithLogger(discardLogger()))
		if err != nil {
			t.Fatalf("Open after migrate up: %v", err)
		}
		other.Close()
	})

	t.Run("the console's role does not migrate", func(t *testing.T) {
		roles := testdb.NewPostgresRoles(t)
		cfg := testConfig(t)
		cfg.DatabaseURL = roles.App
		_, err := Open(context.Background(), cfg, WithLogger(discardLogger()))
		if err == nil || !strings.Contains(err.Error(), "MIGRATION_DATABASE_URL") {
			t.Errorf("Open on an empty database without the owner: %v; want a pointer to MIGRATION_DATABASE_URL", err)
		}
	})
}
