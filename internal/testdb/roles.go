package testdb

import (
	"errors"
	"fmt"
	"net/url"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// The three roles of the production set-up (see the README), as the test databases use them:
// OwnerRole owns the database and runs the migrations; AppRole is the role the console runs as,
// which owns nothing; RetentionRole may purge a month of decisions and nothing else. All are
// ordinary roles (not superusers) with LOGIN and a fixed password (for an external server that
// does not trust local connections). They are cluster-wide and shared by every test database of
// a server; each database is owned by OwnerRole.
const (
	OwnerRole     = "rc_test_owner"
	AppRole       = "rc_test_app"
	RetentionRole = "rc_test_retention"
	// rolePassword is the password of the roles: test-only.
	rolePassword = "rc-test-password"
)

// Roles are the connection strings of one test database, one per role.
type Roles struct {
	// Owner connects as OwnerRole, the database's owner: the MIGRATION_DATABASE_URL.
	Owner string
	// App connects as AppRole: the DATABASE_URL the console runs with once Owner's migration
	// granted it its privileges.
	App string
	// Retention connects as RetentionRole: the RETENTION_DATABASE_URL.
	Retention string
}

// NewPostgresRoles creates a fresh, empty database owned by OwnerRole on the server of
// PostgresURL (creating the two roles on the first call) and returns its connection strings
// as each role. The database is dropped in tb.Cleanup, as NewPostgresDB's is.
func NewPostgresRoles(tb testing.TB) Roles {
	tb.Helper()
	return NewDatabaseWithRoles(tb, PostgresURL(tb))
}

var (
	rolesMu   sync.Mutex
	rolesDone = map[string]bool{} // the superuser URLs whose server has the roles
)

// NewDatabaseWithRoles is NewPostgresRoles on the server of superuserURL (e.g. a Server's URL).
func NewDatabaseWithRoles(tb testing.TB, superuserURL string) Roles {
	tb.Helper()
	if err := ensureRoles(superuserURL); err != nil {
		tb.Fatalf("testdb: creating the roles %s, %s and %s: %v", OwnerRole, AppRole, RetentionRole, err)
	}
	name := "t_" + randomHex(8)
	if err := adminExec(superuserURL, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" OWNER "+OwnerRole+
		" TEMPLATE template0 ENCODING 'UTF8'"); err != nil {
		tb.Fatalf("testdb: creating database %s: %v", name, err)
	}
	tb.Cleanup(func() {
		if err := adminExec(superuserURL, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
			tb.Errorf("testdb: dropping database %s: %v", name, err)
		}
	})
	owner, err := asRole(superuserURL, name, OwnerRole)
	if err != nil {
		tb.Fatalf("testdb: %v", err)
	}
	app, err := asRole(superuserURL, name, AppRole)
	if err != nil {
		tb.Fatalf("testdb: %v", err)
	}
	retention, err := asRole(superuserURL, name, RetentionRole)
	if err != nil {
		tb.Fatalf("testdb: %v", err)
	}
	return Roles{Owner: owner, App: app, Retention: retention}
}

// ensureRoles creates OwnerRole, AppRole and RetentionRole on the server of superuserURL unless
// they exist.
// Another process sharing an external server may create them at the same moment: its
// duplicate is not an error.
func ensureRoles(superuserURL string) error {
	rolesMu.Lock()
	defer rolesMu.Unlock()
	if rolesDone[superuserURL] {
		return nil
	}
	for _, role := range []string{OwnerRole, AppRole, RetentionRole} {
		err := adminExec(superuserURL, "CREATE ROLE "+role+" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"+rolePassword+"'")
		var pgErr *pgconn.PgError
		if err != nil && !(errors.As(err, &pgErr) && (pgErr.Code == "42710" || pgErr.Code == "23505")) { // duplicate_object, unique_violation
			return err
		}
	}
	// The owner stands for the DBA in tests: it may watch every session's statements and waits
	// (pg_stat_activity), which fault tests check.
	if err := adminExec(superuserURL, "GRANT pg_read_all_stats TO "+OwnerRole); err != nil {
		return err
	}
	rolesDone[superuserURL] = true
	return nil
}

// asRole returns base with database db and user role (with its password).
func asRole(base, db, role string) (string, error) {
	dsn, err := withDatabase(base, db)
	if err != nil {
		return "", err
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "", fmt.Errorf("%q: %w", redact(dsn), err)
	}
	u.User = url.UserPassword(role, rolePassword)
	return u.String(), nil
}
