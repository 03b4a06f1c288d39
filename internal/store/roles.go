package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// On PostgreSQL the console runs as a role that owns nothing: the schema belongs to an owner
// role that runs the migrations (`server migrate up` with MIGRATION_DATABASE_URL) and grants the
// console's role what it needs (GrantApp). The console's role can then neither disable the
// append-only triggers (ALTER TABLE needs ownership) nor change or remove the rows they guard.

// versionTable is goose's table of applied migrations.
const versionTable = "goose_db_version"

// ErrSchemaPending is returned when the database lacks migrations this binary has and the
// store's role may not apply them.
var ErrSchemaPending = errors.New("database schema is older than this binary")

// schemaTable is a table of the migrated schema. AppendOnly is set when a refuse_change trigger
// refuses its UPDATE or DELETE (see 00001_spine.sql): the rows are history.
type schemaTable struct {
	Name       string
	AppendOnly bool
}

// schemaTables lists the tables of the current schema, append-only ones marked, without the
// partitions of a partitioned table (the console reaches them through their parent). The triggers
// are the one declaration of which tables are history, so a new append-only table needs nothing
// here.
func (s *Store) schemaTables(ctx context.Context) ([]schemaTable, error) {
	var out []schemaTable
	// tgtype bits: 8 DELETE, 16 UPDATE.
	err := s.db.WithContext(ctx).Raw(`SELECT c.relname AS name,
	EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
	        WHERE t.tgrelid = c.oid AND p.proname = 'refuse_change' AND t.tgtype & 24 <> 0) AS append_only
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
ORDER BY c.relname`).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	return out, nil
}

// GrantApp gives role, the console's role, exactly what the console needs on the schema, and
// revokes anything else it held there: SELECT and INSERT on append-only tables, SELECT, INSERT,
// UPDATE and DELETE on the other tables, SELECT on goose's version table (to check the schema's
// version at start), on purged_months and on erasure_requests (appPrivileges), USAGE and SELECT on
// the sequences (nextval, not setval), and EXECUTE on
// create_month_partitions (the monthly partitions, created as the owner). Run it as the owner
// after Migrate; it is idempotent and takes effect in one transaction. On SQLite it does nothing.
func (s *Store) GrantApp(ctx context.Context, role string) error {
	if s.dialect != Postgres {
		return nil
	}
	tables, err := s.schemaTables(ctx)
	if err != nil {
		return err
	}
	return s.grant(ctx, role, func(r, schema string) []string {
		stmts := []string{
			"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + pgx.Identifier{schema}.Sanitize() + " TO " + r,
			"GRANT EXECUTE ON FUNCTION " + pgx.Identifier{schema, "create_month_partitions"}.Sanitize() + "(timestamptz) TO " + r,
		}
		for _, t := range tables {
			privs := "SELECT, INSERT, UPDATE, DELETE"
			fixed, isFixed := appPrivileges[t.Name]
			switch {
			case isFixed && fixed == "":
				continue
			case isFixed:
				privs = fixed
			case t.Name == versionTable:
				privs = "SELECT"
			case t.AppendOnly:
				privs = "SELECT, INSERT"
			}
			stmts = append(stmts, "GRANT "+privs+" ON "+pgx.Identifier{schema, t.Name}.Sanitize()+" TO "+r)
		}
		return stmts
	})
}

// appPrivileges are the console role's privileges on the tables only the retention path writes,
// whatever their triggers say: none on the permits of retention_remove, SELECT on the amount bands
// and the anonymised decisions (which it must not forge; migration 15), and SELECT on the erasure
// requests (migration 16: a request it could insert or edit would be carried out by the retention
// job; store.ErasureTx writes them as the retention role).
var appPrivileges = map[string]string{
	"retention_permits": "",
	// The owner's shift of the retention path's clock (migration 18), for tests.
	"retention_clock":      "",
	"amount_bands":         "SELECT",
	"anonymised_decisions": "SELECT",
	"erasure_requests":     "SELECT",
	// purge_month alone writes purged_months (as the owner): a row the console's role could add
	// would make a month look purged, and its partitions impossible to create.
	"purged_months": "SELECT",
	// Review cases change as they are decided, but leave only with their decision, by the
	// retention path (migration 18).
	"review_cases": "SELECT, INSERT, UPDATE",
}

// GrantRetention gives role, the retention role, what the purge, the retention job and the
// erasure need and nothing else, revoking anything else it held on the schema: EXECUTE on
// purge_month, purge_decision_keys, retention_remove and erase_shopper_decisions (which run as the
// owner), SELECT and INSERT on the audit log with its sequence, to record each purge, removal and
// erasure in its transaction, and SELECT, INSERT and UPDATE on erasure_requests (whose trigger
// lets only a waiting request's progress change). It may not read or change decisions itself.
// Run it as the owner after Migrate; on SQLite it does nothing.
func (s *Store) GrantRetention(ctx context.Context, role string) error {
	if s.dialect != Postgres {
		return nil
	}
	return s.grant(ctx, role, func(r, schema string) []string {
		fn := func(name string) string { return pgx.Identifier{schema, name}.Sanitize() }
		return []string{
			"GRANT EXECUTE ON FUNCTION " + fn("purge_month") + "(date, date), " + fn("purge_decision_keys") + "(date, integer), " +
				fn("retention_remove") + "(text, date, date, boolean, integer), " +
				fn("erase_shopper_decisions") + "(text, timestamptz, uuid[], text[]) TO " + r,
			"GRANT SELECT, INSERT ON " + fn("audit_events") + " TO " + r,
			"GRANT USAGE ON SEQUENCE " + fn("audit_events_id_seq") + ", " + fn("erasure_requests_id_seq") + " TO " + r,
			"GRANT SELECT, INSERT, UPDATE ON " + fn("erasure_requests") + " TO " + r,
		}
	})
}

// grant revokes everything role holds on the current schema's tables, sequences and functions,
// grants it USAGE on the schema and runs the grants of stmts (given the quoted role and the
// schema's name), in one transaction.
func (s *Store) grant(ctx context.Context, role string, stmts func(r, schema string) []string) error {
	if role == "" {
		return errors.New("grant: no role named")
	}
	r := pgx.Identifier{role}.Sanitize()
	var schema string
	if err := s.db.WithContext(ctx).Raw("SELECT current_schema()").Scan(&schema).Error; err != nil {
		return fmt.Errorf("grant: %w", err)
	}
	sch := pgx.Identifier{schema}.Sanitize()
	all := append([]string{
		"REVOKE ALL ON ALL TABLES IN SCHEMA " + sch + " FROM " + r,
		"REVOKE ALL ON ALL SEQUENCES IN SCHEMA " + sch + " FROM " + r,
		"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA " + sch + " FROM " + r,
		"GRANT USAGE ON SCHEMA " + sch + " TO " + r,
	}, stmts(r, schema)...)
	return s.InTx(ctx, func(tx *Store) error {
		for _, stmt := range all {
			if err := tx.db.WithContext(ctx).Exec(stmt).Error; err != nil {
				return fmt.Errorf("grant: %s: %w", stmt, err)
			}
		}
		return nil
	})
}

// MayPurge reports whether the store's role may run purge_month: only the retention role
// (GrantRetention) and the schema's owner may. False on SQLite and before migration 13.
func (s *Store) MayPurge(ctx context.Context) (bool, error) {
	if s.dialect != Postgres {
		return false, nil
	}
	var may []bool
	err := s.db.WithContext(ctx).Raw(`SELECT has_function_privilege(p.oid, 'EXECUTE') FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema() AND p.proname = 'purge_month'`).Scan(&may).Error
	if err != nil {
		return false, fmt.Errorf("read the privileges of the database role: %w", err)
	}
	return len(may) > 0 && may[0], nil
}

// RoleProblems reports what would let the store's role rewrite history behind the console's
// back: being a superuser, owning an append-only table (or being able to act as its owner, who
// may disable its triggers), or holding UPDATE, DELETE or TRUNCATE on one. Nil means none; on
// SQLite, which has no roles, it is always nil. Tables not yet created are not reported.
func (s *Store) RoleProblems(ctx context.Context) ([]string, error) {
	if s.dialect != Postgres {
		return nil, nil
	}
	var me struct {
		Name  string
		Super bool
	}
	if err := s.db.WithContext(ctx).Raw("SELECT current_user AS name, rolsuper AS super FROM pg_roles WHERE rolname = current_user").
		Scan(&me).Error; err != nil {
		return nil, fmt.Errorf("read the database role: %w", err)
	}
	if me.Super {
		return []string{fmt.Sprintf("role %s is a superuser", me.Name)}, nil
	}
	var rows []struct {
		Name   string
		Owner  string
		Owns   bool
		Writes bool
	}
	err := s.db.WithContext(ctx).Raw(`SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner,
	pg_has_role(current_user, c.relowner, 'MEMBER') AS owns,
	has_table_privilege(c.oid, 'UPDATE, DELETE, TRUNCATE') AS writes
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
  AND EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
              WHERE t.tgrelid = c.oid AND p.proname = 'refuse_change' AND t.tgtype & 24 <> 0)
ORDER BY c.relname`).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("read the privileges of role %s: %w", me.Name, err)
	}
	var owns, writes []string
	for _, r := range rows {
		switch {
		case r.Owns:
			owns = append(owns, r.Name)
		case r.Writes:
			writes = append(writes, r.Name)
		}
	}
	var out []string
	if len(owns) > 0 {
		out = append(out, fmt.Sprintf("role %s owns (or may act as the owner of) the append-only tables %s, so it can disable their triggers",
			me.Name, strings.Join(owns, ", ")))
	}
	if len(writes) > 0 {
		out = append(out, fmt.Sprintf("role %s may UPDATE, DELETE or TRUNCATE the append-only tables %s", me.Name, strings.Join(writes, ", ")))
	}
	return out, nil
}

// CheckSchema returns nil when the database's schema is the one this binary knows, without
// applying anything: ErrSchemaTooNew when it is newer, ErrSchemaPending when migrations are
// missing (including none applied at all). It is what a role that may not migrate checks.
func (s *Store) CheckSchema(ctx context.Context) error {
	if s.dialect == Postgres {
		var exists bool
		if err := s.db.WithContext(ctx).Raw("SELECT to_regclass(?) IS NOT NULL", versionTable).Scan(&exists).Error; err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		if !exists {
			return fmt.Errorf("%w: no migration has been applied", ErrSchemaPending)
		}
	}
	p, err := s.migrator()
	if err != nil {
		return err
	}
	current, target, err := p.GetVersions(ctx)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	switch {
	case current > target:
		return fmt.Errorf("%w: database is at %d, this binary knows up to %d", ErrSchemaTooNew, current, target)
	case current < target:
		return fmt.Errorf("%w: database is at %d, this binary needs %d", ErrSchemaPending, current, target)
	}
	return nil
}
