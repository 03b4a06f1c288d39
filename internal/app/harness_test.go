package app

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"riskconsole/internal/accounts"
	"riskconsole/internal/auth"
	"riskconsole/internal/demo"
	"riskconsole/internal/store"
	"riskconsole/internal/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }

// dialects are the databases every API test runs on.
var dialects = []string{"sqlite", "postgres"}

// eachDialect runs test as a subtest on each dialect, the two in parallel: each has a database
// of its own, and on two cores the SQLite half (in-process) overlaps the PostgreSQL half (mostly
// another process). A test that changes process-wide state, such as the default logger, loops
// over dialects itself instead.
func eachDialect(t *testing.T, test func(t *testing.T, dialect string)) {
	t.Helper()
	for _, dialect := range dialects {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			test(t, dialect)
		})
	}
}

// testEnd is the fixed end of the demo window of test databases, so tests are reproducible.
var testEnd = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

// testApp is a console on a fresh database seeded with n demo decisions, served by the real
// HTTP handler.
type testApp struct {
	*App
	Server *httptest.Server
	// Tokens holds the demo API token of each role a token may carry (auth.TokenRoles); the
	// other roles call through a session (see caller).
	Tokens map[auth.Role]string

	mu       sync.Mutex
	sessions map[auth.Role]harnessSession
}

// harnessSession is the console session of the harness's user holding one role.
type harnessSession struct {
	user   auth.User
	secret string
}

// harnessPasswordHash is the password hash of the harness's users: of a password nobody knows,
// computed once, as argon2id is slow on purpose.
var harnessPasswordHash = sync.OnceValue(func() string { return auth.HashPassword(accounts.NewPassword()) })

// harnessSessionEnd is when the harness's sessions idle out and expire: never, whatever a test's
// clock says. Each stands for a person signed in for the whole test.
var harnessSessionEnd = time.Date(2999, 1, 1, 0, 0, 0, 0, time.UTC)

// session returns the session of the harness's user "test.<role>", who holds only role, creating
// both on first use. The user and the session are written straight to the store: tests that
// count users or sign-ins see them only once they call as one of those roles.
func (ta *testApp) session(tb testing.TB, role auth.Role) harnessSession {
	tb.Helper()
	ta.mu.Lock()
	defer ta.mu.Unlock()
	if s, ok := ta.sessions[role]; ok {
		return s
	}
	ctx := context.Background()
	name := "test." + strings.ToLower(string(role))
	u, err := ta.Store.CreateUser(ctx, auth.User{Username: name, DisplayName: "Test " + name, Roles: []auth.Role{role},
		CreatedAt: time.Now().UTC().Truncate(time.Microsecond), CreatedBy: "system:test"}, harnessPasswordHash())
	if err != nil {
		tb.Fatalf("create %s: %v", name, err)
	}
	secret := auth.NewSessionSecret()
	err = ta.Store.CreateSession(ctx, auth.Session{ID: auth.HashSessionSecret(secret), UserID: u.ID, CreatedAt: u.CreatedAt,
		LastSeenAt: harnessSessionEnd, ExpiresAt: harnessSessionEnd, ClientAddr: "127.0.0.1", UserAgent: "harness"})
	if err != nil {
		tb.Fatalf("sign %s in: %v", name, err)
	}
	if ta.sessions == nil {
		ta.sessions = map[auth.Role]harnessSession{}
	}
	ta.sessions[role] = harnessSession{user: u, secret: secret}
	return ta.sessions[role]
}

// caller returns who calls as role: the role's demo API token, or, for a role no token may carry,
// the session of the harness's user holding it; anonymous when role is "".
func (ta *testApp) caller(tb testing.TB, role auth.Role) *apiCaller {
	tb.Helper()
	switch {
	case role == "":
		return &apiCaller{}
	case auth.TokenMayHold(role):
		return &apiCaller{role: role, token: ta.Tokens[role]}
	}
	return &apiCaller{role: role, session: ta.session(tb, role).secret}
}

// authorize sets c's credentials on req to origin's server: its bearer token, or its session
// cookie with the Origin header a browser sends with a POST from the console's own pages.
func (c *apiCaller) authorize(req *http.Request, origin string) {
	switch {
	case c.token != "":
		req.Header.Set("Authorization", "Bearer "+c.token)
	case c.session != "":
		req.AddCookie(&http.Cookie{Name: auth.SessionCookieName, Value: c.session})
		if req.Method != http.MethodGet {
			req.Header.Set("Origin", origin)
		}
	}
}

// newTestApp starts a console on a fresh SQLite or PostgreSQL database with n demo decisions.
func newTestApp(tb testing.TB, dialect string, n int, opts ...Option) *testApp {
	tb.Helper()
	cfg := testConfig(tb)
	if dialect == "postgres" {
		setRoles(&cfg, testdb.NewPostgresRoles(tb))
	}
	return startTestApp(tb, cfg, n, opts...)
}

// setRoles makes cfg run the console as roles.App with the migrations applied by roles.Owner and
// purges run by roles.Retention, the three-role set-up of the README.
func setRoles(cfg *Config, roles testdb.Roles) {
	cfg.DatabaseURL, cfg.MigrationDatabaseURL, cfg.RetentionDatabaseURL = roles.App, roles.Owner, roles.Retention
}

// ownerURL is the connection string of the owner of the test app's PostgreSQL database: tests
// that tamper with tables behind the console's back, as an insider with the owner's password
// would, connect with it.
func (ta *testApp) ownerURL() string {
	if ta.Config.MigrationDatabaseURL != "" {
		return ta.Config.MigrationDatabaseURL
	}
	return ta.Config.DatabaseURL
}

// testAuditKey is the audit key of test consoles.
const testAuditKey = "riskconsole test audit key, 32 bytes and more"

// testConfig is the configuration of newTestApp's console, on SQLite.
func testConfig(tb testing.TB) Config {
	return Config{
		DataDir: tb.TempDir(), ListenAddr: "127.0.0.1:0", DBMaxConns: DefaultDBMaxConns(), Introspection: true,
		RequestTimeout: 10 * time.Second, RefreshEvery: time.Hour, AuditKey: testAuditKey, AuditCheckpointEvery: time.Hour,
	}
}

// startTestApp starts a console with cfg on its database, seeded with n demo decisions.
func startTestApp(tb testing.TB, cfg Config, n int, opts ...Option) *testApp {
	tb.Helper()
	ctx := context.Background()
	// The request log is formatted as in the server but discarded, unless the test asks for it.
	a, err := Open(ctx, cfg, append([]Option{WithLogger(discardLogger())}, opts...)...)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { a.Close() })
	tokenFile := filepath.Join(cfg.DataDir, "tokens.json")
	if err := demo.Seed(ctx, a.Store, demo.SeedOptions{N: n, Seed: 7, End: testEnd, TokenFile: tokenFile}); err != nil {
		tb.Fatal(err)
	}
	if cfg.MigrationDatabaseURL != "" {
		// The console's role may not ANALYZE the tables it filled (PostgreSQL skips that with a
		// warning): the owner does, so that the planner knows them as it would after a seed by
		// the owner.
		analyzeAsOwner(tb, cfg.MigrationDatabaseURL)
		// The retention path's functions check due dates against the database's clock, which
		// the tests' consoles play years ahead of: their clock is set far ahead too, so that
		// the Go plan decides what is due, as it does in production. TestRetentionBackstops
		// sets it back to the real time and checks the functions' own refusals.
		setRetentionClock(tb, cfg.MigrationDatabaseURL, "100 years")
	}
	if err := a.Load(ctx); err != nil {
		tb.Fatal(err)
	}
	tokens, err := demo.ReadTokens(tokenFile)
	if err != nil {
		tb.Fatal(err)
	}
	ta := &testApp{App: a, Server: httptest.NewServer(a.Handler()), Tokens: map[auth.Role]string{}}
	tb.Cleanup(ta.Server.Close)
	for _, t := range tokens {
		ta.Tokens[t.Role] = t.Secret
	}
	return ta
}

// setRetentionClock shifts the clock of the retention path's checks on the PostgreSQL database
// of owner (retention_clock, migration 18) by shift, an interval.
func setRetentionClock(tb testing.TB, owner, shift string) {
	tb.Helper()
	db, err := sql.Open("pgx", owner)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("INSERT INTO retention_clock (id, shift) VALUES (1, CAST($1 AS interval)) ON CONFLICT (id) DO UPDATE SET shift = EXCLUDED.shift", shift); err != nil {
		tb.Fatal(err)
	}
}

// gqlResponse is a GraphQL response with its HTTP status.
type gqlResponse struct {
	Status int
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// code returns the extensions.code of the first error, "" when there is none.
func (r *gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// post sends a GraphQL request as role ("" for anonymous) and decodes the answer.
func (ta *testApp) post(tb testing.TB, role auth.Role, query string, vars map[string]any) *gqlResponse {
	tb.Helper()
	out, _ := ta.postHeaders(tb, role, query, vars, nil)
	return out
}

// postHeaders is post with extra request headers; it also returns the response headers. Every
// answer is checked for leaked SQL.
func (ta *testApp) postHeaders(tb testing.TB, role auth.Role, query string, vars map[string]any, headers map[string]string) (*gqlResponse, http.Header) {
	tb.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, ta.Server.URL+"/graphql", bytes.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	ta.caller(tb, role).authorize(req, ta.Server.URL)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := ta.Server.Client().Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	out := &gqlResponse{Status: resp.StatusCode}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		tb.Fatalf("decode response (status %d): %v", resp.StatusCode, err)
	}
	checkNoSQL(tb, out)
	return out, resp.Header
}

// discardLogger formats the request log as the server does but discards it, so that tests and
// benchmarks pay for the log line without flooding their output.
func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// ownerStore opens a store on the test app's database as the schema's owner (on SQLite, the
// same file), for what only the owner may do, such as rolling a migration back.
func (ta *testApp) ownerStore(tb testing.TB) *store.Store {
	tb.Helper()
	cfg := ta.Config
	cfg.DatabaseURL = ta.ownerURL()
	st, err := OpenStore(context.Background(), cfg)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// analyzeAsOwner runs ANALYZE on the database of ownerURL as its owner.
func analyzeAsOwner(tb testing.TB, ownerURL string) {
	tb.Helper()
	db, err := sql.Open("pgx", ownerURL)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("ANALYZE"); err != nil {
		tb.Fatal(err)
	}
}
