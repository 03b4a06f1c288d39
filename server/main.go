// Command server runs the riskconsole: `go run ./server` starts the console on the embedded
// SQLite database with demo data; `server migrate ...` and `server seed ...` are for operators.
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"

	"riskconsole/internal/app"
	"riskconsole/internal/auth"
	"riskconsole/internal/demo"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "riskconsole:", err)
		os.Exit(1)
	}
}

const usage = `usage:
  server [flags]                         run the console
  server migrate status|up|down-to N [flags]
  server seed [-n N] [flags]             generate N demo decisions (COPY on PostgreSQL)
  server outcomes import FILE.csv [flags] bulk-load repayment events (see README)
  server loadtest [-h] ...               drive a server on this machine; verify a run's ledger
flags (each also an environment variable; see README):`

func run(args []string) error {
	cmd := "serve"
	if len(args) > 0 && (args[0] == "migrate" || args[0] == "seed" || args[0] == "outcomes" || args[0] == "serve" || args[0] == "loadtest") {
		cmd, args = args[0], args[1:]
	}
	app.TuneRuntime(os.Getenv)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The first signal starts a graceful shutdown; a second one ends the process at once.
	context.AfterFunc(ctx, stop)
	switch cmd {
	case "migrate":
		return migrate(ctx, args)
	case "seed":
		return seed(ctx, args)
	case "outcomes":
		return outcomesCmd(ctx, args)
	case "loadtest":
		return loadtestCmd(ctx, args)
	}
	cfg, err := app.ParseConfig("server", args, os.Getenv)
	if err != nil {
		return err
	}
	setupLogging(cfg)
	return serve(ctx, cfg)
}

func setupLogging(cfg app.Config) {
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: cfg.LogLevel})))
}

func serve(ctx context.Context, cfg app.Config) error {
	a, err := app.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	if cfg.Embedded() {
		err := demo.EnsureDemo(ctx, a.Store, demo.SeedOptions{N: cfg.DemoDecisions, Seed: cfg.DemoSeed,
			TokenFile: demo.TokenFile(cfg.DataDir), AccountsFile: demo.AccountsFile(cfg.DataDir)})
		if err != nil {
			return err
		}
	}
	// Without any account nobody could sign in: the first start creates an administrator. Its
	// password goes to the terminal once, never through the logger.
	adminPassword, err := a.Accounts.EnsureAdmin(ctx)
	if err != nil {
		return err
	}
	if err := a.Load(ctx); err != nil {
		return err
	}
	if cfg.Embedded() {
		// Review cases need the catalog loaded (their notices); the demo runs without them if
		// they cannot be opened.
		if err := demo.EnsureReviews(ctx, a.Store, a.Reviews); err != nil {
			slog.WarnContext(ctx, "demo review cases", "err", err)
		}
	}
	a.RunBackground(ctx)
	_, stopMetrics, err := startMetrics(cfg, a)
	if err != nil {
		return err
	}
	defer stopMetrics()

	ln, err := net.Listen("tcp", cfg.ListenAddr)
	if err != nil {
		return err
	}
	// A slow client may not hold a connection open forever: reading a request (at most 256 KiB)
	// and writing an answer get fixed budgets beyond the request deadline. Long downloads extend
	// their own write deadline with http.ResponseController.
	running := &inFlight{}
	srv := &http.Server{Handler: running.wrap(a.Handler()), ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: cfg.RequestTimeout + 30*time.Second, IdleTimeout: 2 * time.Minute}
	printWelcome(cfg, ln.Addr().String(), adminPassword)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	err = drain(a, srv, running, cfg.ShutdownDelay, cfg.ShutdownTimeout)
	checkpointAudit(a)
	return err
}

// checkpointAudit writes the audit chain's checkpoint once more at shutdown, so that it holds the
// last events the server wrote.
func checkpointAudit(a *app.App) {
	ctx, cancel := context.WithTimeout(context.Background(), auditCheckpointTimeout)
	defer cancel()
	if _, err := a.Audit.Checkpoint(ctx); err != nil {
		slog.Error("audit checkpoint at shutdown", "err", err)
	}
}

// auditCheckpointTimeout bounds the shutdown's checkpoint, past SHUTDOWN_TIMEOUT: it checks only
// the events written since the previous one (at most AUDIT_CHECKPOINT_EVERY's worth), which takes
// milliseconds.
const auditCheckpointTimeout = 2 * time.Second

// drain shuts the server down after SIGTERM or SIGINT, within timeout of the signal: /readyz
// answers 503 at once while requests are still accepted for delay, so that a load balancer stops
// sending new ones; then the listener closes and the requests in flight may finish. Those still
// running near the deadline are cut off: their connections close, which cancels their contexts,
// so their statements are cancelled on the server and their transactions roll back rather than
// commit later. The last cutOffGrace of timeout is kept for that, so that the handlers have
// returned before the process exits.
func drain(a *app.App, srv *http.Server, running *inFlight, delay, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	a.Drain()
	slog.Info("shutting down: readiness reports draining", "delay", delay, "timeout", timeout)
	time.Sleep(delay)
	grace := min(cutOffGrace, (timeout-delay)/4)
	ctx, cancel := context.WithDeadline(context.Background(), deadline.Add(-grace))
	defer cancel()
	err := srv.Shutdown(ctx)
	if err == nil {
		slog.Info("shut down: every request finished")
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	slog.Warn("shutdown deadline passed; cutting off the requests still running", "requests", running.count.Load())
	err = srv.Close()
	if !running.waitIdle(deadline) {
		slog.Warn("requests still running at the shutdown deadline", "requests", running.count.Load())
	}
	return err
}

// cutOffGrace bounds the part of SHUTDOWN_TIMEOUT that drain keeps for cutting requests off: a
// cancel request to PostgreSQL usually takes milliseconds, and the store gives up on it after a
// second.
const cutOffGrace = time.Second

// inFlight counts the requests being served.
type inFlight struct{ count atomic.Int64 }

func (f *inFlight) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.count.Add(1)
		defer f.count.Add(-1)
		h.ServeHTTP(w, r)
	})
}

// waitIdle waits until no request is being served or deadline passes, and reports whether none is.
func (f *inFlight) waitIdle(deadline time.Time) bool {
	for f.count.Load() > 0 {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}

func printWelcome(cfg app.Config, addr, adminPassword string) {
	fmt.Printf("\nriskconsole is listening on http://%s\n", addr)
	db := "PostgreSQL"
	if cfg.Embedded() {
		db = "embedded SQLite at " + cfg.SQLitePath()
	}
	fmt.Printf("database: %s\n", db)
	if adminPassword != "" {
		fmt.Printf("\nFirst start: created the administrator account. Sign in and change its password;\n"+
			"it is shown only this once.\n  username: admin\n  password: %s\n", adminPassword)
	}
	if !cfg.Embedded() {
		fmt.Println()
		return
	}
	accounts, err := demo.ReadAccounts(demo.AccountsFile(cfg.DataDir))
	if err == nil && len(accounts) > 0 {
		// Printed at every start, not once: a demo is restarted often, and the file it reads
		// (mode 0600) keeps the passwords anyway. It keeps them as created: one changed since
		// is not updated there.
		fmt.Printf("\nDemo accounts, as created (passwords kept in %s):\n", demo.AccountsFile(cfg.DataDir))
		for _, acc := range accounts {
			fmt.Printf("  %-18s %-9s %s\n", acc.Username, auth.JoinRoles(acc.Roles), acc.Password)
		}
	}
	tokens, err := demo.ReadTokens(demo.TokenFile(cfg.DataDir))
	if err != nil {
		slog.Warn("demo tokens unavailable", "err", err)
		return
	}
	fmt.Println("\nDemo API tokens, one per role a token may carry (send as 'Authorization: Bearer <token>'):")
	for _, t := range tokens {
		fmt.Printf("  %-9s %s\n", t.Role, t.Secret)
	}
	fmt.Printf(`
Try it with a token:
  curl -s http://%s/graphql -H 'Content-Type: application/json' \
    -H 'Authorization: Bearer %s' \
    -d '{"query":"{ decisions(first: 3) { nodes { reference createdAt market outcome amount currency reasons { code } } } }"}'
`, addr, demo.TokenOf(tokens, auth.Auditor))
	if user, password, ok := demoAccountOf(accounts, auth.Auditor); ok {
		// POST /auth/login refuses a request without the console's own Origin (403): curl sends
		// none unless told, and a newcomer's first sign-in would fail.
		fmt.Printf(`
Or sign in as a person (the console at http://%[1]s does this). Requests with the session cookie
must carry the console's own Origin, or they are refused with 403:
  curl -s -c rc-cookies http://%[1]s/auth/login -H 'Content-Type: application/json' \
    -H 'Origin: http://%[1]s' -d '{"username":"%[2]s","password":"%[3]s"}'
  curl -s -b rc-cookies http://%[1]s/graphql -H 'Content-Type: application/json' \
    -H 'Origin: http://%[1]s' -d '{"query":"{ viewer { name roles } }"}'
`, addr, user, password)
	}
	fmt.Println()
}

// demoAccountOf returns the first demo account holding role.
func demoAccountOf(accounts []demo.DemoAccount, role auth.Role) (user, password string, ok bool) {
	for _, a := range accounts {
		if slices.Contains(a.Roles, role) {
			return a.Username, a.Password, true
		}
	}
	return "", "", false
}

func migrate(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New(usage)
	}
	sub, rest := args[0], args[1:]
	var target int64
	if sub == "down-to" {
		if len(rest) == 0 {
			return errors.New("migrate down-to needs a version")
		}
		v, err := strconv.ParseInt(rest[0], 10, 64)
		if err != nil {
			return fmt.Errorf("migrate down-to: %w", err)
		}
		target, rest = v, rest[1:]
	}
	cfg, err := app.ParseConfig("server migrate", rest, os.Getenv)
	if err != nil {
		return err
	}
	setupLogging(cfg)
	if sub == "up" {
		return app.Migrate(ctx, cfg)
	}
	owner := cfg
	if cfg.MigrationDatabaseURL != "" {
		owner.DatabaseURL = cfg.MigrationDatabaseURL
	}
	st, err := app.OpenStore(ctx, owner)
	if err != nil {
		return err
	}
	defer st.Close()
	switch sub {
	case "status":
		s, err := st.MigrationStatus(ctx)
		if err != nil {
			return err
		}
		fmt.Printf("database schema version: %d\nnewest known to this binary: %d\npending: %v\n", s.Database, s.Known, s.Pending)
		return nil
	case "down-to":
		return st.MigrateDownTo(ctx, target)
	}
	return fmt.Errorf("unknown migrate command %q\n%s", sub, usage)
}

func seed(ctx context.Context, args []string) error {
	n := 1_000_000
	if len(args) >= 2 && args[0] == "-n" {
		v, err := strconv.Atoi(args[1])
		if err != nil || v < 0 {
			return fmt.Errorf("seed -n: want a count, got %q", args[1])
		}
		n, args = v, args[2:]
	}
	cfg, err := app.ParseConfig("server seed", args, os.Getenv)
	if err != nil {
		return err
	}
	setupLogging(cfg)
	a, err := app.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	start := time.Now()
	// The tokens go to a file of the database's own: seeding PostgreSQL must not overwrite the
	// embedded demo's tokens in the same data directory.
	tokenFile := demo.TokenFileFor(cfg.DataDir, cfg.DatabaseURL)
	err = demo.Seed(ctx, a.Store, demo.SeedOptions{N: n, Seed: cfg.DemoSeed, TokenFile: tokenFile, Progress: os.Stdout})
	if err != nil {
		return err
	}
	fmt.Printf("seeded %d decisions in %s\n", n, time.Since(start).Round(time.Millisecond))
	if _, err := os.Stat(tokenFile); err == nil {
		fmt.Printf("demo API tokens of this database: %s\n", tokenFile)
	}
	return nil
}
