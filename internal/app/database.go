package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/jackc/pgx/v5"

	"riskconsole/internal/store"
)

// Migrate applies the pending migrations as the schema's owner, MigrationDatabaseURL (or
// DatabaseURL when that is empty, or the SQLite file), and then grants the console's role,
// DatabaseURL's, its privileges (store.GrantApp) when the two roles differ. It is `server
// migrate up`, and what Open does first when MigrationDatabaseURL is set.
func Migrate(ctx context.Context, cfg Config) error {
	owner := cfg
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
	if appRole == ownerRole {
		return nil
	}
	if err := st.GrantApp(ctx, appRole); err != nil {
		return err
	}
	slog.InfoContext(ctx, "granted the console's database role its privileges", "role", appRole)
	return nil
}

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
