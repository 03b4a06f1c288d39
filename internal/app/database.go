package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"riskconsole/internal/audit"
	"riskconsole/internal/store"
)

// Migrate applies the pending migrations as the schema's owner, MigrationDatabaseURL (or
// DatabaseURL when that is empty, or the SQLite file), and then grants the console's role,
// DatabaseURL's, its privileges (store.GrantApp) when the two roles differ. It is `server
// migrate up`, and what Open does first when MigrationDatabaseURL is set.
func Migrate(ctx context.Context, cfg Config) error {
	owner := cfg
	owner.DatabaseReadURL = "" // migrations write: no standby
	if cfg.MigrationDatabaseURL != "" {
		owner.DatabaseURL = cfg.MigrationDatabaseURL
	}
	st, err := OpenStore(ctx, owner)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Migrate(ctx); err != nil {
		return err
	}
	if cfg.MigrationDatabaseURL == "" {
		return nil
	}
	ownerRole, err := dsnUser(cfg.MigrationDatabaseURL)
	if err != nil {
		return fmt.Errorf("MIGRATION_DATABASE_URL: %w", err)
	}
	appRole, err := dsnUser(cfg.DatabaseURL)
	if err != nil {
		return fmt.Errorf("DATABASE_URL: %w", err)
	}
	if appRole != ownerRole {
		if err := st.GrantApp(ctx, appRole); err != nil {
			return err
		}
		slog.InfoContext(ctx, "granted the console's database role its privileges", "role", appRole)
	}
	if cfg.RetentionDatabaseURL == "" {
		return nil
	}
	retentionRole, err := dsnUser(cfg.RetentionDatabaseURL)
	if err != nil {
		return fmt.Errorf("RETENTION_DATABASE_URL: %w", err)
	}
	if retentionRole == ownerRole || retentionRole == appRole {
		return fmt.Errorf("RETENTION_DATABASE_URL must name a role of its own, not the owner's or the console's (%s)", retentionRole)
	}
	if err := st.GrantRetention(ctx, retentionRole); err != nil {
		return err
	}
	slog.InfoContext(ctx, "granted the retention role the purge alone", "role", retentionRole)
	return nil
}

// openRetention opens the store of the retention path (store.PurgeMonth): on SQLite the console's
// own, st; on PostgreSQL the retention role's (RetentionDatabaseURL), which must be able to purge
// and nothing more of what RoleProblems reports; nil without RetentionDatabaseURL. Its statements
// may run long: a purge counts a month's rows before it drops them.
func openRetention(ctx context.Context, cfg Config, st *store.Store, key *audit.Key) (*store.Store, error) {
	if cfg.Embedded() {
		return st, nil
	}
	if cfg.RetentionDatabaseURL == "" {
		return nil, nil
	}
	rs, err := store.Open(ctx, store.Options{DatabaseURL: cfg.RetentionDatabaseURL, MaxOpenConns: 2,
		StatementTimeout: retentionStatementTimeout, IdleInTransactionTimeout: 2 * cfg.RequestTimeout, Key: key})
	if err != nil {
		return nil, fmt.Errorf("RETENTION_DATABASE_URL: %w", err)
	}
	problems, err := rs.RoleProblems(ctx)
	if err == nil && len(problems) == 0 {
		var may bool
		if may, err = rs.MayPurge(ctx); err == nil && !may {
			problems = []string{"it may not run purge_month: apply the migrations with RETENTION_DATABASE_URL set (`server migrate up`)"}
		}
	}
	if err != nil || len(problems) > 0 {
		rs.Close()
		if err == nil {
			err = errors.New(strings.Join(problems, "; "))
		}
		return nil, fmt.Errorf("RETENTION_DATABASE_URL: the retention role: %w", err)
	}
	return rs, nil
}

// retentionStatementTimeout bounds a statement of the retention path: purge_month reads a whole
// month (10 million decisions) before it drops it.
const retentionStatementTimeout = 30 * time.Minute

// dsnUser returns the role a PostgreSQL connection string connects as.
func dsnUser(dsn string) (string, error) {
	c, err := pgx.ParseConfig(dsn)
	if err != nil {
		return "", err
	}
	return c.User, nil
}

// prepareSchema makes sure the database is ready for the console, on the store the console
// runs on. With MigrationDatabaseURL set, Open has migrated already. On SQLite, and with
// AllowOwnerRole, the console applies pending migrations itself as it always did. Otherwise on
// PostgreSQL it applies nothing: its role must not own the schema, so it only checks that the
// schema is current and that the role cannot rewrite history (store.RoleProblems); it refuses to
// start when it could, unless AllowOwnerRole.
func prepareSchema(ctx context.Context, st *store.Store, cfg Config) error {
	if cfg.Embedded() {
		return st.Migrate(ctx)
	}
	if cfg.AllowOwnerRole && cfg.MigrationDatabaseURL == "" {
		if err := st.Migrate(ctx); err != nil {
			return err
		}
	}
	problems, err := st.RoleProblems(ctx)
	if err != nil {
		return err
	}
	if may, err := st.MayPurge(ctx); err != nil {
		return err
	} else if may {
		problems = append(problems, "it may run purge_month, which only the retention role may (RETENTION_DATABASE_URL)")
	}
	if len(problems) > 0 {
		if !cfg.AllowOwnerRole {
			return fmt.Errorf("refusing to run as this database role: %s. Run the console as a role that owns nothing, "+
				"with the migrations applied by the owner (MIGRATION_DATABASE_URL; see the README's two database roles), "+
				"or set ALLOW_OWNER_ROLE=true on a development database", strings.Join(problems, "; "))
		}
		slog.WarnContext(ctx, "INSECURE: the console's database role can rewrite the audit log and decisions behind its back "+
			"(ALLOW_OWNER_ROLE is set; development only)", "problems", strings.Join(problems, "; "))
	}
	if err := st.CheckSchema(ctx); err != nil {
		if errors.Is(err, store.ErrSchemaPending) {
			return fmt.Errorf("%w: apply the migrations as the schema's owner (`server migrate up` with MIGRATION_DATABASE_URL)", err)
		}
		return err
	}
	return nil
}
