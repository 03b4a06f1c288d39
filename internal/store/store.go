// Package store is the only package that talks SQL. It opens SQLite or PostgreSQL through gorm,
// applies the embedded goose migrations, and implements the repositories the services consume,
// mapping rows to domain values explicitly.
package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/glebarez/sqlite"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/migrations"
)

// Dialect names the database behind a Store.
type Dialect string

// Dialects.
const (
	Postgres Dialect = "postgres"
	SQLite   Dialect = "sqlite"
)

// Store wraps the database.
type Store struct {
	db      *gorm.DB
	sqlDB   *sql.DB
	dialect Dialect
	key     *audit.Key // keys the audit chain and seals decisions; nil writes unkeyed records
	// assess is the store on the connections reserved for assessments (Options.AssessmentConns),
	// nil when there are none, and in a transaction.
	assess *Store
	// auditFailures counts the audit events that could not be written, for the metrics; one
	// counter shared by the store, its pools and its transactions.
	auditFailures *atomic.Uint64
	// months are the months whose partitions exist (PostgreSQL; see partitions.go).
	months *monthSet
	// inTx is set on the store of a transaction (InTx).
	inTx bool
	// standby is the read pool on the streaming standby (Options.ReadURL) and its watch; nil
	// without one, and on the standby's own store, the assessments' and a transaction's.
	standby *standby
	// commits writes the assessments' decisions in batches (groupcommit.go): set on the store
	// forAssessments returns, on PostgreSQL; nil elsewhere and in a transaction.
	commits *groupCommit
}

// Options configure Open.
type Options struct {
	// DatabaseURL selects PostgreSQL when set (postgres://...).
	DatabaseURL string
	// SQLitePath is the SQLite file used when DatabaseURL is empty.
	SQLitePath string
	// MaxOpenConns bounds the connection pool (PostgreSQL); 0 means 32.
	MaxOpenConns int
	// StatementTimeout is PostgreSQL's statement_timeout for every session of the pool: the
	// server cancels a statement running longer, even one whose client went away. The console
	// sets it to its request timeout. 0 leaves the server's setting, and so does a
	// statement_timeout in DatabaseURL, which wins. A statement cancelled by it fails with an
	// error that matches context.DeadlineExceeded.
	//
	// On SQLite it is the busy_timeout instead, how long a writer waits for the database's write
	// lock (the pure-Go driver's wait does not follow the context); 0 means 10 s.
	//
	// Migrations run on the same pool: a migration with a statement that needs longer is applied
	// by a store opened with a larger value (the console's `server migrate up` with a larger
	// REQUEST_TIMEOUT).
	StatementTimeout time.Duration
	// Key keys the audit events and seals the decisions the store writes. Without one (tests of
	// storage alone) events get the plain SHA-256 chain and decisions no seal; the console always
	// has one.
	Key *audit.Key
	// IdleInTransactionTimeout is PostgreSQL's idle_in_transaction_session_timeout: the server
	// ends a session that leaves a transaction open and idle for longer, so that a stuck client
	// cannot hold locks (the audit log's advisory lock among them). 0 leaves the server's
	// setting, and so does one in DatabaseURL.
	IdleInTransactionTimeout time.Duration
	// AssessmentConns of the MaxOpenConns connections (PostgreSQL) are a pool of their own for
	// what checkout waits on: storing an assessment and looking its API token up. Everything
	// else shares the rest, so that readers holding every connection they can get still leave
	// checkout these. 0 keeps one pool; it must be less than MaxOpenConns.
	AssessmentConns int
	// ReadURL names a PostgreSQL streaming standby of DatabaseURL's server. The reads that
	// may lag a little (the explorer's pages, CSV exports, analytics, the audit log's pages and
	// the what-if warm-up: see reader) go to it while it answers and its lag is within
	// ReadMaxLag; otherwise, and without one, to the primary.
	ReadURL string
	// ReadMaxLag bounds the standby's lag for reads to go to it; 0 means DefaultReadMaxLag.
	ReadMaxLag time.Duration
	// ReadCheckEvery is how often the standby's lag is measured; 0 means DefaultReadCheckEvery.
	ReadCheckEvery time.Duration
}

// Open connects to the database named by opts. It does not migrate.
func Open(ctx context.Context, opts Options) (*Store, error) {
	maxConns := opts.MaxOpenConns
	if maxConns == 0 {
		maxConns = 32
	}
	if opts.DatabaseURL == "" {
		if opts.ReadURL != "" {
			return nil, errors.New("a read standby (DATABASE_READ_URL) needs PostgreSQL (DATABASE_URL)")
		}
		if dir := filepath.Dir(opts.SQLitePath); dir != "" {
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return nil, fmt.Errorf("create data dir: %w", err)
			}
		}
		// WAL lets readers run beside the one writer; immediate transactions take the write lock
		// up front so that two writers wait for each other instead of failing to upgrade.
		busy := int64(10_000)
		if opts.StatementTimeout > 0 {
			busy = max(opts.StatementTimeout.Milliseconds(), 1)
		}
		dsn := "file:" + opts.SQLitePath + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(" + strconv.FormatInt(busy, 10) + ")" +
			"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"
		// One pure-Go SQLite connection per core is plenty; more only adds lock waits. With one
		// writer there is nothing to reserve for assessments.
		return openPool(ctx, SQLite, sqlite.Open(dsn), 4, opts.Key)
	}
	pgCfg, err := pgx.ParseConfig(opts.DatabaseURL)
	if err != nil {
		return nil, fmt.Errorf("parse DATABASE_URL: %w", err)
	}
	setRuntimeParam(pgCfg, "statement_timeout", opts.StatementTimeout)
	setRuntimeParam(pgCfg, "idle_in_transaction_session_timeout", opts.IdleInTransactionTimeout)
	pgCfg.BuildContextWatcherHandler = cancelOnServer
	// What gorm's driver does with a DSN, with the session settings added.
	dialector := func() gorm.Dialector { return postgres.New(postgres.Config{Conn: stdlib.OpenDB(*pgCfg)}) }
	reserved := opts.AssessmentConns
	if reserved < 0 || reserved >= maxConns {
		return nil, fmt.Errorf("assessment connections (%d) must be at least 0 and less than the pool's %d", reserved, maxConns)
	}
	s, err := openPool(ctx, Postgres, dialector(), maxConns-reserved, opts.Key)
	if err != nil {
		return nil, err
	}
	if reserved > 0 {
		if s.assess, err = openPool(ctx, Postgres, dialector(), reserved, opts.Key); err != nil {
			s.Close()
			return nil, err
		}
		s.assess.auditFailures = s.auditFailures
		s.assess.months = s.months
	}
	s.forAssessments().commits = newGroupCommit(s.forAssessments())
	if opts.ReadURL != "" {
		if s.standby, err = openStandby(opts.ReadURL, s, opts, maxConns-reserved); err != nil {
			s.Close()
			return nil, err
		}
		go s.standby.watch()
	}
	return s, nil
}

// openPool opens a store of conns connections through dialector, keying its records with key,
// and checks that the database answers.
func openPool(ctx context.Context, dialect Dialect, dialector gorm.Dialector, conns int, key *audit.Key) (*Store, error) {
	s, err := newPool(dialect, dialector, conns, key)
	if err != nil {
		return nil, err
	}
	if err := s.sqlDB.PingContext(ctx); err != nil {
		s.sqlDB.Close()
		return nil, fmt.Errorf("connect to %s: %w", dialect, err)
	}
	return s, nil
}

// newPool is openPool without the check: its connections are made when first needed.
func newPool(dialect Dialect, dialector gorm.Dialector, conns int, key *audit.Key) (*Store, error) {
	cfg := &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true,
		PrepareStmt:            true,
		DisableAutomaticPing:   true, // openPool pings; a standby's pool may start without it
		NowFunc:                func() time.Time { return now() },
	}
	db, err := gorm.Open(dialector, cfg)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dialect, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	if dialect == Postgres {
		if err := registerErrorMarks(db); err != nil {
			sqlDB.Close()
			return nil, err
		}
	}
	sqlDB.SetMaxOpenConns(conns)
	sqlDB.SetMaxIdleConns(conns)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	return &Store{db: db, sqlDB: sqlDB, dialect: dialect, key: key, auditFailures: new(atomic.Uint64), months: &monthSet{}}, nil
}

// Close closes the connection pools.
func (s *Store) Close() error {
	if s.standby != nil {
		s.standby.close()
	}
	if s.assess != nil {
		s.assess.Close()
	}
	return s.sqlDB.Close()
}

// forAssessments is the store of the work checkout waits on: the pool reserved for it when there
// is one (Options.AssessmentConns), else s (in a transaction, the transaction).
func (s *Store) forAssessments() *Store {
	if s.assess != nil {
		return s.assess
	}
	return s
}

// Stats reports the connection pool shared by everything but assessments (all of them when no
// connections are reserved): connections open, in use and idle, and how often and how long
// callers waited for one.
func (s *Store) Stats() sql.DBStats { return s.sqlDB.Stats() }

// Dialect returns the database kind.
func (s *Store) Dialect() Dialect { return s.dialect }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return markError(s.sqlDB.PingContext(ctx)) }

// now is the store's clock: UTC with microsecond precision, the resolution PostgreSQL keeps, so a
// time written and read back compares equal on both databases.
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// ErrSchemaTooNew is returned when the database carries migrations this binary does not know.
var ErrSchemaTooNew = errors.New("database schema is newer than this binary")

func (s *Store) migrator() (*goose.Provider, error) {
	var (
		dialect goose.Dialect
		fsys    fs.FS
		opts    []goose.ProviderOption
		err     error
	)
	switch s.dialect {
	case Postgres:
		dialect = goose.DialectPostgres
		fsys, err = fs.Sub(migrations.Postgres, "postgres")
		// A session advisory lock keeps two replicas starting at once from racing.
		locker, lerr := lock.NewPostgresSessionLocker()
		if lerr != nil {
			return nil, lerr
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	default:
		dialect = goose.DialectSQLite3
		fsys, err = fs.Sub(migrations.SQLite, "sqlite")
	}
	if err != nil {
		return nil, err
	}
	opts = append(opts, goose.WithDisableGlobalRegistry(true))
	return goose.NewProvider(dialect, s.sqlDB, fsys, opts...)
}

// MigrationState is the schema version of the database and of this binary.
type MigrationState struct {
	Database int64 // highest applied
	Known    int64 // highest this binary has
	Pending  []int64
}

// MigrationStatus reports applied and pending migrations.
func (s *Store) MigrationStatus(ctx context.Context) (MigrationState, error) {
	p, err := s.migrator()
	if err != nil {
		return MigrationState{}, err
	}
	st := MigrationState{}
	statuses, err := p.Status(ctx)
	if err != nil {
		return st, err
	}
	for _, m := range statuses {
		st.Known = max(st.Known, m.Source.Version)
		if m.State == goose.StatePending {
			st.Pending = append(st.Pending, m.Source.Version)
		}
	}
	st.Database, err = p.GetDBVersion(ctx)
	return st, err
}

// Migrate applies pending migrations. It refuses to touch a database whose schema is newer than
// the migrations embedded in this binary.
func (s *Store) Migrate(ctx context.Context) error { return s.MigrateUpTo(ctx, goose.MaxVersion) }

// MigrateUpTo applies the pending migrations up to version and no further: a staged upgrade,
// and the tests of a migration on a database seeded at the version before it.
func (s *Store) MigrateUpTo(ctx context.Context, version int64) error {
	p, err := s.migrator()
	if err != nil {
		return err
	}
	if err := s.refuseNewer(ctx, p); err != nil {
		return err
	}
	results, err := p.UpTo(ctx, version)
	for _, r := range results {
		slog.InfoContext(ctx, "migration applied", "version", r.Source.Version, "file", r.Source.Path, "took", r.Duration)
	}
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// MigrateDownTo rolls migrations back down to version (exclusive of versions <= version).
func (s *Store) MigrateDownTo(ctx context.Context, version int64) error {
	p, err := s.migrator()
	if err != nil {
		return err
	}
	results, err := p.DownTo(ctx, version)
	for _, r := range results {
		slog.InfoContext(ctx, "migration rolled back", "version", r.Source.Version, "file", r.Source.Path)
	}
	return err
}

func (s *Store) refuseNewer(ctx context.Context, p *goose.Provider) error {
	var known int64
	for _, src := range p.ListSources() {
		known = max(known, src.Version)
	}
	current, err := p.GetDBVersion(ctx)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if current > known {
		return fmt.Errorf("%w: database is at %d, this binary knows up to %d", ErrSchemaTooNew, current, known)
	}
	return nil
}

// setRuntimeParam sets a PostgreSQL session setting given in milliseconds, unless d is 0 or the
// connection string already sets it.
func setRuntimeParam(cfg *pgx.ConnConfig, name string, d time.Duration) {
	if d <= 0 {
		return
	}
	if _, set := cfg.RuntimeParams[name]; set {
		return
	}
	cfg.RuntimeParams[name] = strconv.FormatInt(max(d.Milliseconds(), 1), 10)
}

// cancelOnServer makes a statement whose context ends (the request's deadline, a client that went
// away, a shutdown cutting requests off) be cancelled by PostgreSQL, with a cancel request, before
// the call returns. pgx's default only drops the connection, and the server does not notice that
// while the statement waits for a lock: it would go on and commit after its request had failed.
// Should the server not answer the cancel within a second, the connection is dropped as before.
func cancelOnServer(c *pgconn.PgConn) ctxwatch.Handler {
	return &pgconn.CancelRequestContextWatcherHandler{Conn: c, DeadlineDelay: time.Second}
}

// registerErrorMarks makes every statement's error say what kind of failure it is, through
// markError, so that callers and the API can tell a timeout and an unreachable database from a
// bug.
func registerErrorMarks(db *gorm.DB) error {
	mark := func(tx *gorm.DB) { tx.Error = markError(tx.Error) }
	cb := db.Callback()
	for _, err := range []error{
		cb.Create().After("gorm:create").Register("riskconsole:mark_create", mark),
		cb.Query().After("gorm:query").Register("riskconsole:mark_query", mark),
		cb.Update().After("gorm:update").Register("riskconsole:mark_update", mark),
		cb.Delete().After("gorm:delete").Register("riskconsole:mark_delete", mark),
		cb.Row().After("gorm:row").Register("riskconsole:mark_row", mark),
		cb.Raw().After("gorm:raw").Register("riskconsole:mark_raw", mark),
	} {
		if err != nil {
			return fmt.Errorf("register error callbacks: %w", err)
		}
	}
	return nil
}

// scanRow runs tx (a Raw statement) and scans its one row into dest: sql.ErrNoRows when it has
// none, the statement's error (marked, see markError) when it fails. Not gorm's Row().Scan: with
// PrepareStmt, a statement that could not be prepared (the database went away) comes back from
// Row as an empty sql.Row, whose Scan panics instead of failing; a readiness probe or the
// retention job would crash where they should report the database unreachable.
func scanRow(tx *gorm.DB, dest ...any) error {
	rows, err := tx.Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return markError(err)
		}
		return sql.ErrNoRows
	}
	if err := rows.Scan(dest...); err != nil {
		return markError(err)
	}
	return markError(rows.Close())
}

// markError wraps a database error so that errors.Is tells its kind:
//
//   - a statement PostgreSQL cancelled for its statement_timeout (SQLSTATE 57014) matches
//     context.DeadlineExceeded, as one cut short by the request's own deadline does; so does a
//     SQLite write that waited its busy_timeout (the store's StatementTimeout there) for the write
//     lock and got SQLITE_BUSY, which otherwise races the request's deadline of the same length;
//   - a database that cannot be reached or went away (see unavailable) matches
//     apperr.ErrUnavailable: the operation may be retried once the database is back.
//
// Other errors, and errors already marked, are returned as they are.
func markError(err error) error {
	if err == nil || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, apperr.ErrUnavailable) {
		return err
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "57014" || sqliteCode(err) == sqliteBusy {
		return fmt.Errorf("%w: %w", context.DeadlineExceeded, err)
	}
	if unavailable(err) {
		return fmt.Errorf("%w: %w", apperr.ErrUnavailable, err)
	}
	return err
}

// sqliteBusy is SQLite's primary result code SQLITE_BUSY.
const sqliteBusy = 5

// sqliteCode returns the primary result code of a SQLite driver error in err's chain (the low
// byte of an extended code), or -1.
func sqliteCode(err error) int {
	var coded interface{ Code() int }
	if errors.As(err, &coded) {
		return coded.Code() & 0xff
	}
	return -1
}

// unavailable reports whether err says that the database could not be reached or the
// connection was lost, rather than that the statement was wrong or timed out: a refused or
// failed connection attempt, a connection closed under the statement, and the server's own
// SQLSTATEs for it (class 08, connection exception; 57P01 to 57P03, shutting down, crashed or
// starting up; 53300, too many connections). Whether a lost connection's last statement
// committed is unknown, which is why clients retry assessments with the same idempotency key.
func unavailable(err error) bool {
	if errors.Is(err, context.Canceled) || pgconn.Timeout(err) {
		return false
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch code := pgErr.Code; {
		case strings.HasPrefix(code, "08"), code == "57P01", code == "57P02", code == "57P03", code == "53300":
			return true
		}
		return false
	}
	var connectErr *pgconn.ConnectError
	var netErr net.Error
	return errors.As(err, &connectErr) || errors.As(err, &netErr) || pgconn.SafeToRetry(err) ||
		errors.Is(err, driver.ErrBadConn) || errors.Is(err, sql.ErrConnDone) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}
