package app

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	"riskconsole/graph"
	"riskconsole/internal/accounts"
	"riskconsole/internal/heavy"
	"riskconsole/internal/httpapi"
	"riskconsole/internal/oidc"
)

// Config is every option of the server, filled from flags and environment variables (a flag
// wins over its variable). The README has a table of them; keep it in step.
type Config struct {
	DatabaseURL    string        // DATABASE_URL: postgres://... ; empty = embedded SQLite in DataDir
	DataDir        string        // DATA_DIR: where the embedded SQLite database lives
	ListenAddr     string        // LISTEN_ADDR
	DemoDecisions  int           // DEMO_DECISIONS: decisions generated on first start of the embedded default
	DemoSeed       int64         // DEMO_SEED: random seed of the demo data
	LogLevel       slog.Level    // LOG_LEVEL: debug, info, warn, error
	DBMaxConns     int           // DB_MAX_CONNS: PostgreSQL connection pool size (DefaultDBMaxConns)
	Introspection  bool          // GRAPHQL_INTROSPECTION: default on for the embedded demo, off with DATABASE_URL
	RequestTimeout time.Duration // REQUEST_TIMEOUT: deadline of every API request
	RefreshEvery   time.Duration // THRESHOLD_REFRESH: how often to poll for threshold activations and catch the rollups up
	// SESSION_IDLE_TIMEOUT: a console session not used for this long ends (0 = 30 min)
	SessionIdleTimeout time.Duration
	// SESSION_MAX_LIFETIME: a console session ends this long after its login, however busy (0 = 12 h)
	SessionMaxLifetime time.Duration
	// GRAPHQL_PLAYGROUND: serve GraphiQL at /graphiql; default on for the embedded demo, off with DATABASE_URL
	Playground bool
	// GRAPHQL_COMPLEXITY_LIMIT: the largest cost of one operation (graph/complexity.go); 0 = 300
	ComplexityLimit int
	// METRICS_ADDR: serve /metrics, unauthenticated, on this separate address only; empty = not
	// on a separate address
	MetricsAddr string
	// METRICS_TOKEN: with MetricsAddr empty, serve /metrics on the main address to requests with
	// "Authorization: Bearer <token>"; with both empty, /metrics is not served
	MetricsToken string
	// SHUTDOWN_TIMEOUT: on SIGTERM or SIGINT, the process exits at most this long after the
	// signal; requests still running then are cut off (their transactions roll back)
	ShutdownTimeout time.Duration
	// SHUTDOWN_DELAY: how long, within ShutdownTimeout, /readyz answers 503 while the server still
	// accepts requests, before it stops listening (for load balancers to notice)
	ShutdownDelay time.Duration
	// GRAPHQL_TRUSTED_DOCUMENTS: off, or cookie: requests without a bearer token run only the
	// UI's persisted documents (internal/httpapi/trusted.go)
	TrustedDocuments httpapi.TrustedDocumentsMode
	// MIGRATION_DATABASE_URL: PostgreSQL URL of the schema's owner role, which applies the
	// migrations and grants DatabaseURL's role its privileges; empty = the server does not migrate
	// a PostgreSQL database (run `server migrate up` with it)
	MigrationDatabaseURL string
	// RETENTION_DATABASE_URL: PostgreSQL URL of the retention role, the only role besides the
	// owner that may purge a month of decisions (store.PurgeMonth); `migrate up` grants it that
	// and nothing else. Empty = no purge on PostgreSQL
	RetentionDatabaseURL string
	// ALLOW_OWNER_ROLE: start even though DatabaseURL's role owns the append-only tables or is a
	// superuser (it could rewrite history): for a development database only
	AllowOwnerRole bool
	// AUDIT_KEY (environment only, so that it never shows in a process list): the secret, at
	// least 32 bytes, that keys the audit chain, its checkpoints and the decisions' seals
	AuditKey string
	// AUDIT_KEY_FILE: a file holding that secret instead. With neither, the embedded demo keeps
	// a generated key in DataDir/audit.key; PostgreSQL needs one of them
	AuditKeyFile string
	// AUDIT_CHECKPOINT_FILE: where the signed checkpoint of the audit chain's head is kept, outside
	// the database (default DataDir/audit-checkpoint.json)
	AuditCheckpointFile string
	// AUDIT_CHECKPOINT_EVERY: how often the checkpoint is renewed (and at shutdown)
	AuditCheckpointEvery time.Duration
	// RETENTION_EVERY: how often the retention job runs, on whichever server takes the turn
	// (internal/retention/job.go); 0 = this server does not run it
	RetentionEvery time.Duration
	// DB_ASSESS_CONNS: of DBMaxConns, the PostgreSQL connections reserved for assessments (half
	// by default; 0 = none, one pool)
	DBAssessConns int
	// HEAVY_LIMIT: heavy operations (export, chain verification, simulations, analytics from the
	// decisions) one server runs at once; more are refused with LIMIT_EXCEEDED (package heavy;
	// 0 = heavy.DefaultLimit, one per two cores)
	HeavyLimit int
	// OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET (environment only), OIDC_REDIRECT_URL,
	// OIDC_ROLES_CLAIM, OIDC_GROUP_ROLES, OIDC_PROVIDER_NAME: sign-in through the company's
	// OpenID Connect provider (package oidc); off while OIDC_ISSUER is empty
	OIDC oidc.Config
	// LOCAL_SIGN_IN: who decides whether staff may sign in with a username and password:
	// "setting" (an ADMIN, in the console; the zero value), "on" (always: the break-glass) or
	// "off" (never; needs OIDC_ISSUER). Without OIDC_ISSUER it is always on.
	LocalSignIn accounts.LocalSignInMode
	// DATABASE_READ_URL: PostgreSQL URL of a streaming standby of DATABASE_URL's server; the
	// explorer, exports, analytics, audit-log pages and the what-if warm-up read from it while it
	// answers within DatabaseReadMaxLag (store.Options.ReadURL); empty = every read on the primary
	DatabaseReadURL string
	// DATABASE_READ_MAX_LAG: past this replay lag, reads go back to the primary (default 5s)
	DatabaseReadMaxLag time.Duration
	// DATABASE_READ_CHECK_EVERY: how often the standby's lag is measured (default 1s)
	DatabaseReadCheckEvery time.Duration
}

// AuditCheckpointPath is the audit checkpoint file.
func (c *Config) AuditCheckpointPath() string {
	if c.AuditCheckpointFile != "" {
		return c.AuditCheckpointFile
	}
	return filepath.Join(c.DataDir, "audit-checkpoint.json")
}

// DemoAuditKeyPath is the key file the embedded demo generates when no key is configured.
func (c *Config) DemoAuditKeyPath() string { return filepath.Join(c.DataDir, "audit.key") }

// minMetricsTokenLen is the shortest METRICS_TOKEN accepted: it guards the metrics on the main
// address, so it must not be guessable.
const minMetricsTokenLen = 32

// SQLitePath is the embedded database file.
func (c *Config) SQLitePath() string { return filepath.Join(c.DataDir, "riskconsole.db") }

// Embedded reports whether the server runs on the embedded SQLite database.
func (c *Config) Embedded() bool { return c.DatabaseURL == "" }

// ParseConfig reads the configuration from args (without the program name) and the environment.
func ParseConfig(name string, args []string, getenv func(string) string) (Config, error) {
	var c Config
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	env := func(key, def string) string {
		if v := getenv(key); v != "" {
			return v
		}
		return def
	}
	fs.StringVar(&c.DatabaseURL, "database-url", env("DATABASE_URL", ""), "PostgreSQL URL; empty for the embedded SQLite database (env DATABASE_URL)")
	fs.StringVar(&c.DataDir, "data-dir", env("DATA_DIR", "./data"), "directory of the embedded SQLite database (env DATA_DIR)")
	fs.StringVar(&c.ListenAddr, "listen", env("LISTEN_ADDR", "127.0.0.1:8080"), "HTTP listen address (env LISTEN_ADDR)")
	demoN, err := strconv.Atoi(env("DEMO_DECISIONS", "200000"))
	if err != nil {
		return c, fmt.Errorf("DEMO_DECISIONS: %w", err)
	}
	fs.IntVar(&c.DemoDecisions, "demo-decisions", demoN, "demo decisions generated on first start of the embedded database (env DEMO_DECISIONS)")
	demoSeed, err := strconv.ParseInt(env("DEMO_SEED", "1"), 10, 64)
	if err != nil {
		return c, fmt.Errorf("DEMO_SEED: %w", err)
	}
	fs.Int64Var(&c.DemoSeed, "demo-seed", demoSeed, "random seed of the demo data (env DEMO_SEED)")
	level := env("LOG_LEVEL", "info")
	fs.StringVar(&level, "log-level", level, "log level: debug, info, warn, error (env LOG_LEVEL)")
	maxConns, err := strconv.Atoi(env("DB_MAX_CONNS", strconv.Itoa(DefaultDBMaxConns())))
	if err != nil {
		return c, fmt.Errorf("DB_MAX_CONNS: %w", err)
	}
	fs.IntVar(&c.DBMaxConns, "db-max-conns", maxConns, "PostgreSQL connection pool size (env DB_MAX_CONNS)")
	assessConns, err := strconv.Atoi(env("DB_ASSESS_CONNS", "-1"))
	if err != nil {
		return c, fmt.Errorf("DB_ASSESS_CONNS: %w", err)
	}
	fs.IntVar(&c.DBAssessConns, "db-assess-conns", assessConns, "of db-max-conns, the PostgreSQL connections reserved for assessments; -1: half (env DB_ASSESS_CONNS)")
	heavyLimit, err := strconv.Atoi(env("HEAVY_LIMIT", strconv.Itoa(heavy.DefaultLimit())))
	if err != nil {
		return c, fmt.Errorf("HEAVY_LIMIT: %w", err)
	}
	fs.IntVar(&c.HeavyLimit, "heavy-limit", heavyLimit, "heavy operations (export, chain verification, simulations, analytics from the decisions) run at once; more are refused with LIMIT_EXCEEDED (env HEAVY_LIMIT)")
	introspection := env("GRAPHQL_INTROSPECTION", "")
	fs.StringVar(&introspection, "introspection", introspection, "allow GraphQL introspection: true/false; default true for the embedded database, false with DATABASE_URL (env GRAPHQL_INTROSPECTION)")
	playground := env("GRAPHQL_PLAYGROUND", "")
	fs.StringVar(&playground, "playground", playground, "serve the GraphiQL playground at /graphiql: true/false; default true for the embedded database, false with DATABASE_URL (env GRAPHQL_PLAYGROUND)")
	complexityLimit, err := strconv.Atoi(env("GRAPHQL_COMPLEXITY_LIMIT", strconv.Itoa(graph.DefaultComplexityLimit)))
	if err != nil {
		return c, fmt.Errorf("GRAPHQL_COMPLEXITY_LIMIT: %w", err)
	}
	fs.IntVar(&c.ComplexityLimit, "complexity-limit", complexityLimit, "largest cost of one GraphQL operation; a page of n decisions costs about n (env GRAPHQL_COMPLEXITY_LIMIT)")
	var trusted httpapi.TrustedDocumentsMode
	if err := trusted.UnmarshalText([]byte(env("GRAPHQL_TRUSTED_DOCUMENTS", string(httpapi.TrustedDocumentsOff)))); err != nil {
		return c, fmt.Errorf("GRAPHQL_TRUSTED_DOCUMENTS: %w", err)
	}
	fs.TextVar(&c.TrustedDocuments, "trusted-documents", trusted, "off, or cookie: requests without a bearer token may run only the UI's persisted documents (env GRAPHQL_TRUSTED_DOCUMENTS)")
	timeout, err := time.ParseDuration(env("REQUEST_TIMEOUT", "10s"))
	if err != nil {
		return c, fmt.Errorf("REQUEST_TIMEOUT: %w", err)
	}
	fs.DurationVar(&c.RequestTimeout, "request-timeout", timeout, "deadline of every API request (env REQUEST_TIMEOUT)")
	refresh, err := time.ParseDuration(env("THRESHOLD_REFRESH", "1s"))
	if err != nil {
		return c, fmt.Errorf("THRESHOLD_REFRESH: %w", err)
	}
	fs.DurationVar(&c.RefreshEvery, "threshold-refresh", refresh, "how often to poll for threshold activations and catch the rollups up (env THRESHOLD_REFRESH)")
	idle, err := time.ParseDuration(env("SESSION_IDLE_TIMEOUT", "30m"))
	if err != nil {
		return c, fmt.Errorf("SESSION_IDLE_TIMEOUT: %w", err)
	}
	fs.DurationVar(&c.SessionIdleTimeout, "session-idle-timeout", idle, "a console session not used for this long ends (env SESSION_IDLE_TIMEOUT)")
	lifetime, err := time.ParseDuration(env("SESSION_MAX_LIFETIME", "12h"))
	if err != nil {
		return c, fmt.Errorf("SESSION_MAX_LIFETIME: %w", err)
	}
	fs.DurationVar(&c.SessionMaxLifetime, "session-max-lifetime", lifetime, "a console session ends this long after its login, however busy (env SESSION_MAX_LIFETIME)")
	fs.StringVar(&c.MetricsAddr, "metrics-addr", env("METRICS_ADDR", ""), "serve /metrics without authentication on this separate address only, e.g. 127.0.0.1:9464 (env METRICS_ADDR)")
	fs.StringVar(&c.MetricsToken, "metrics-token", env("METRICS_TOKEN", ""), "with no metrics address, serve /metrics on the main address to this bearer token, at least 32 characters; prefer the environment variable (env METRICS_TOKEN)")
	shutdownTimeout, err := time.ParseDuration(env("SHUTDOWN_TIMEOUT", "15s"))
	if err != nil {
		return c, fmt.Errorf("SHUTDOWN_TIMEOUT: %w", err)
	}
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", shutdownTimeout, "on SIGTERM, exit at most this long after the signal, cutting off requests still running (env SHUTDOWN_TIMEOUT)")
	shutdownDelay, err := time.ParseDuration(env("SHUTDOWN_DELAY", "0s"))
	if err != nil {
		return c, fmt.Errorf("SHUTDOWN_DELAY: %w", err)
	}
	fs.DurationVar(&c.ShutdownDelay, "shutdown-delay", shutdownDelay, "on SIGTERM, keep accepting requests this long while /readyz answers 503, then stop listening (env SHUTDOWN_DELAY)")
	fs.StringVar(&c.MigrationDatabaseURL, "migration-database-url", env("MIGRATION_DATABASE_URL", ""), "PostgreSQL URL of the schema's owner role, which runs the migrations and grants the database-url role its privileges (env MIGRATION_DATABASE_URL)")
	fs.StringVar(&c.RetentionDatabaseURL, "retention-database-url", env("RETENTION_DATABASE_URL", ""), "PostgreSQL URL of the retention role, the only one besides the owner that may purge a month of decisions; migrate up grants it that alone (env RETENTION_DATABASE_URL)")
	fs.StringVar(&c.DatabaseReadURL, "database-read-url", env("DATABASE_READ_URL", ""), "PostgreSQL URL of a streaming standby for the reads that may lag (explorer, exports, analytics, audit log, what-if warm-up) (env DATABASE_READ_URL)")
	readMaxLag, err := time.ParseDuration(env("DATABASE_READ_MAX_LAG", "5s"))
	if err != nil {
		return c, fmt.Errorf("DATABASE_READ_MAX_LAG: %w", err)
	}
	fs.DurationVar(&c.DatabaseReadMaxLag, "database-read-max-lag", readMaxLag, "past this replay lag of the standby, reads go to the primary (env DATABASE_READ_MAX_LAG)")
	readCheckEvery, err := time.ParseDuration(env("DATABASE_READ_CHECK_EVERY", "1s"))
	if err != nil {
		return c, fmt.Errorf("DATABASE_READ_CHECK_EVERY: %w", err)
	}
	fs.DurationVar(&c.DatabaseReadCheckEvery, "database-read-check-every", readCheckEvery, "how often the standby's replay lag is measured (env DATABASE_READ_CHECK_EVERY)")
	allowOwner, err := strconv.ParseBool(env("ALLOW_OWNER_ROLE", "false"))
	if err != nil {
		return c, fmt.Errorf("ALLOW_OWNER_ROLE: %w", err)
	}
	fs.BoolVar(&c.AllowOwnerRole, "allow-owner-role", allowOwner, "start although the database-url role owns the audit log's tables or is a superuser: development only (env ALLOW_OWNER_ROLE)")
	c.AuditKey = getenv("AUDIT_KEY")
	fs.StringVar(&c.AuditKeyFile, "audit-key-file", env("AUDIT_KEY_FILE", ""), "file holding the audit key (at least 32 bytes); the key itself may come from env AUDIT_KEY instead (env AUDIT_KEY_FILE)")
	fs.StringVar(&c.AuditCheckpointFile, "audit-checkpoint-file", env("AUDIT_CHECKPOINT_FILE", ""), "file of the signed checkpoint of the audit chain's head, outside the database; default <data-dir>/audit-checkpoint.json (env AUDIT_CHECKPOINT_FILE)")
	checkpointEvery, err := time.ParseDuration(env("AUDIT_CHECKPOINT_EVERY", "1m"))
	if err != nil {
		return c, fmt.Errorf("AUDIT_CHECKPOINT_EVERY: %w", err)
	}
	fs.DurationVar(&c.AuditCheckpointEvery, "audit-checkpoint-every", checkpointEvery, "how often the audit checkpoint is renewed; also at shutdown (env AUDIT_CHECKPOINT_EVERY)")
	retentionEvery, err := time.ParseDuration(env("RETENTION_EVERY", "1h"))
	if err != nil {
		return c, fmt.Errorf("RETENTION_EVERY: %w", err)
	}
	fs.DurationVar(&c.RetentionEvery, "retention-every", retentionEvery, "how often the retention job runs, on whichever server takes the turn; 0 = not on this server (env RETENTION_EVERY)")
	fs.StringVar(&c.OIDC.Issuer, "oidc-issuer", env("OIDC_ISSUER", ""), "issuer URL of the OpenID Connect provider staff sign in through; empty = off (env OIDC_ISSUER)")
	fs.StringVar(&c.OIDC.ClientID, "oidc-client-id", env("OIDC_CLIENT_ID", ""), "the console's client id at the provider (env OIDC_CLIENT_ID)")
	c.OIDC.ClientSecret = getenv("OIDC_CLIENT_SECRET")
	fs.StringVar(&c.OIDC.RedirectURL, "oidc-redirect-url", env("OIDC_REDIRECT_URL", ""), "the console's callback registered at the provider, https://<console>/auth/oidc/callback (env OIDC_REDIRECT_URL)")
	fs.StringVar(&c.OIDC.RolesClaim, "oidc-roles-claim", env("OIDC_ROLES_CLAIM", oidc.DefaultRolesClaim), "ID token claim listing the person's groups (env OIDC_ROLES_CLAIM)")
	groupRoles := fs.String("oidc-group-roles", env("OIDC_GROUP_ROLES", ""), "groups and the roles they give: group=ROLE,group=ROLE+ROLE (env OIDC_GROUP_ROLES)")
	fs.StringVar(&c.OIDC.Name, "oidc-provider-name", env("OIDC_PROVIDER_NAME", "your identity provider"), "the provider's name on the sign-in button (env OIDC_PROVIDER_NAME)")
	localFlag := fs.String("local-sign-in", env("LOCAL_SIGN_IN", string(accounts.LocalSignInSetting)), "who decides whether staff may sign in with a password: setting (an ADMIN, in the console), on (always: the break-glass) or off (never; needs oidc-issuer) (env LOCAL_SIGN_IN)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.LocalSignIn, err = accounts.ParseLocalSignInMode(*localFlag); err != nil {
		return c, err
	}
	if c.OIDC.GroupRoles, err = oidc.ParseGroupRoles(*groupRoles); err != nil {
		return c, err
	}
	if c.OIDC.Enabled() {
		if err := c.OIDC.Validate(); err != nil {
			return c, err
		}
	} else if c.LocalSignIn == accounts.LocalSignInOff {
		return c, fmt.Errorf("local-sign-in=off needs oidc-issuer: nobody could sign in")
	}
	if err := c.LogLevel.UnmarshalText([]byte(level)); err != nil {
		return c, fmt.Errorf("log level: %w", err)
	}
	c.Introspection = c.Embedded()
	if introspection != "" {
		if c.Introspection, err = strconv.ParseBool(introspection); err != nil {
			return c, fmt.Errorf("introspection: %w", err)
		}
	}
	c.Playground = c.Embedded()
	if playground != "" {
		if c.Playground, err = strconv.ParseBool(playground); err != nil {
			return c, fmt.Errorf("playground: %w", err)
		}
	}
	if c.ComplexityLimit < 1 {
		return c, fmt.Errorf("complexity-limit must be at least 1")
	}
	if c.RequestTimeout <= 0 {
		return c, fmt.Errorf("request-timeout must be positive")
	}
	if c.SessionIdleTimeout < time.Minute || c.SessionMaxLifetime < time.Minute {
		return c, fmt.Errorf("session-idle-timeout and session-max-lifetime must be at least 1m")
	}
	if c.MetricsToken != "" && len(c.MetricsToken) < minMetricsTokenLen {
		return c, fmt.Errorf("metrics-token must have at least %d characters", minMetricsTokenLen)
	}
	if c.MetricsAddr != "" && c.MetricsAddr == c.ListenAddr {
		return c, fmt.Errorf("metrics-addr must differ from listen")
	}
	if c.ShutdownTimeout <= 0 || c.ShutdownDelay < 0 || c.ShutdownDelay >= c.ShutdownTimeout {
		return c, fmt.Errorf("shutdown-timeout must be positive and shutdown-delay between 0 and less than shutdown-timeout")
	}
	if c.AuditKey != "" && c.AuditKeyFile != "" {
		return c, fmt.Errorf("set AUDIT_KEY or audit-key-file, not both")
	}
	if c.AuditCheckpointEvery <= 0 {
		return c, fmt.Errorf("audit-checkpoint-every must be positive")
	}
	if c.RetentionEvery < 0 || (c.RetentionEvery > 0 && c.RetentionEvery < time.Minute) {
		return c, fmt.Errorf("retention-every must be 0 (off) or at least 1m")
	}
	if c.MigrationDatabaseURL != "" && c.Embedded() {
		return c, fmt.Errorf("migration-database-url needs database-url")
	}
	if c.RetentionDatabaseURL != "" && c.Embedded() {
		return c, fmt.Errorf("retention-database-url needs database-url")
	}
	if c.DatabaseReadURL != "" && c.Embedded() {
		return c, fmt.Errorf("database-read-url needs database-url")
	}
	if c.DatabaseReadMaxLag <= 0 || c.DatabaseReadCheckEvery <= 0 {
		return c, fmt.Errorf("database-read-max-lag and database-read-check-every must be positive")
	}
	if c.DBMaxConns < 2 {
		return c, fmt.Errorf("db-max-conns must be at least 2")
	}
	if c.DBAssessConns == -1 {
		c.DBAssessConns = DefaultDBAssessConns(c.DBMaxConns)
	}
	if c.DBAssessConns < 0 || c.DBAssessConns >= c.DBMaxConns {
		return c, fmt.Errorf("db-assess-conns must be -1 (half) or from 0 to less than db-max-conns")
	}
	if c.HeavyLimit < 1 {
		return c, fmt.Errorf("heavy-limit must be at least 1")
	}
	if c.DemoDecisions < 0 {
		return c, fmt.Errorf("demo-decisions must not be negative")
	}
	return c, nil
}

// DefaultDBMaxConns is the default pool size: 8 connections per core the process may use, at
// most 32. More connections than that only make PostgreSQL's backends, which share the cores
// with the console, take turns: on 2 cores, in alternating runs of the assessment benchmark, a
// pool of 16 assessed 5,473 and 5,653/s (p99 15.0 and 14.8 ms) where 32 managed 4,437 and
// 5,424/s (p99 18.3 and 16.4 ms).
func DefaultDBMaxConns() int { return min(32, 8*runtime.GOMAXPROCS(0)) }

// DefaultDBAssessConns is how many of maxConns connections are reserved for assessments unless
// DB_ASSESS_CONNS says otherwise: half. Checkout holds a connection for one short INSERT, and
// the other half is what readers, heavy or not, can hold at most. Not yet measured on a quiet
// machine against one pool of maxConns (issue 14's load-tool runs, on a machine at load 15-20,
// were too noisy to tell); DB_ASSESS_CONNS=0 restores the single pool.
func DefaultDBAssessConns(maxConns int) int { return maxConns / 2 }

// DefaultGetenv is os.Getenv, named for callers of ParseConfig.
var DefaultGetenv = os.Getenv
