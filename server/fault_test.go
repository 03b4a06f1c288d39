package main

import (
	"bufio"
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"riskconsole/internal/auth"
	"riskconsole/internal/demo"
	"riskconsole/internal/engine"
	"riskconsole/internal/testdb"
)

// childEnv, set to 1, makes this test binary the server instead: it runs main with the
// arguments it was started with. The SIGTERM tests start it so, to test the real serve path
// (signal handling, draining, exit) in a process of its own, built with the same flags (-race)
// as the tests.
const childEnv = "RISKCONSOLE_TEST_SERVER_CHILD"

func init() {
	if os.Getenv(childEnv) == "1" {
		main() // exits 1 on error
		os.Exit(0)
	}
}

// serverProcess is a console running as a child process.
type serverProcess struct {
	cmd    *exec.Cmd
	url    string // http://127.0.0.1:PORT
	out    *childOutput
	exited chan struct{} // closed when the process has exited
	exitAt time.Time
	err    error // cmd.Wait's
}

type childOutput struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *childOutput) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *childOutput) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startServerProcess starts the console in a child process with env added to this process's
// environment, on a free port, and returns once it answers /readyz with 200. The process is
// killed in t.Cleanup if it still runs; its output is logged when the test fails.
func startServerProcess(t testing.TB, env ...string) *serverProcess {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	p := &serverProcess{out: &childOutput{}, exited: make(chan struct{})}
	p.cmd = exec.Command(exe, "-listen", "127.0.0.1:0")
	// A binary built with -race sleeps a second before it exits (GORACE atexit_sleep_ms), which
	// the exit deadline must not count.
	gorace := strings.TrimSpace(os.Getenv("GORACE") + " atexit_sleep_ms=0")
	p.cmd.Env = append(os.Environ(), append([]string{childEnv + "=1", "GORACE=" + gorace}, env...)...)
	p.cmd.Stderr = p.out
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		select {
		case <-p.exited:
		default:
			_ = p.cmd.Process.Kill()
			<-p.exited
		}
		if t.Failed() {
			t.Logf("server output:\n%s", p.out.String())
		}
	})
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			fmt.Fprintln(p.out, line)
			if a, ok := strings.CutPrefix(line, "riskconsole is listening on "); ok {
				addr <- a
			}
		}
		p.err = p.cmd.Wait()
		p.exitAt = time.Now()
		close(p.exited)
	}()
	select {
	case p.url = <-addr:
	case <-p.exited:
		t.Fatalf("server exited at start: %v", p.err)
	case <-time.After(2 * time.Minute):
		t.Fatalf("server did not start listening within 2 minutes")
	}
	if status, err := sigtermWaitStatus(p.url+"/readyz", http.StatusOK, time.Minute); err != nil {
		t.Fatalf("/readyz: %d, %v", status, err)
	}
	return p
}

// sigtermClient is the SIGTERM tests' HTTP client; a hang fails the test instead of blocking it.
var sigtermClient = &http.Client{Timeout: time.Minute}

// sigtermWaitStatus polls url every 20 ms until it answers status, and returns the last status.
func sigtermWaitStatus(url string, status int, within time.Duration) (int, error) {
	deadline := time.Now().Add(within)
	for {
		got, err := sigtermGetStatus(url)
		if got == status {
			return got, nil
		}
		if time.Now().After(deadline) {
			return got, fmt.Errorf("no %d within %v (last error: %v)", status, within, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func sigtermGetStatus(url string) (int, error) {
	resp, err := sigtermClient.Get(url)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// sigtermCall is one assessPurchase and what the client saw.
type sigtermCall struct {
	key        string
	start, end time.Time
	status     int
	code       string
	decisionID string
	err        error // no HTTP answer
}

func (c *sigtermCall) String() string {
	return fmt.Sprintf("%s %s..%s: status %d code %q decision %q err %v", c.key, c.start.Format("15:04:05.000"),
		c.end.Format("15:04:05.000"), c.status, c.code, c.decisionID, c.err)
}

const sigtermMutation = `mutation($input: PurchaseInput!, $key: String!) {
  assessPurchase(input: $input, idempotencyKey: $key) { decisionId outcome }
}`

// sigtermAssess sends one assessPurchase of a fixed valid purchase under key with the SERVICE token.
func sigtermAssess(url, token, key string) sigtermCall {
	values := map[string]float64{}
	for i, v := range engine.PassingValues() {
		values[engine.Measures[i].Field] = v
	}
	input := map[string]any{"market": "SE", "currency": "SEK", "amount": 1234.5,
		"merchant":  map[string]any{"id": "m-test-1", "name": "Nordic Outdoor AB", "category": "SPORTS"},
		"shopperId": "s-test-1", "locale": "sv-SE", "channel": "WEB", "values": values}
	body, _ := json.Marshal(map[string]any{"query": sigtermMutation, "variables": map[string]any{"input": input, "key": key}})
	c := sigtermCall{key: key, start: time.Now()}
	req, _ := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := sigtermClient.Do(req)
	if err != nil {
		c.err = err
		c.end = time.Now()
		return c
	}
	defer resp.Body.Close()
	c.status = resp.StatusCode
	var out struct {
		Data struct {
			AssessPurchase *struct {
				DecisionID string `json:"decisionId"`
			} `json:"assessPurchase"`
		} `json:"data"`
		Errors []struct {
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	b, err := io.ReadAll(resp.Body)
	c.end = time.Now()
	if err != nil {
		c.err = fmt.Errorf("reading the answer: %w", err)
		return c
	}
	if err := json.Unmarshal(b, &out); err != nil {
		c.err = fmt.Errorf("answer is not JSON: %w: %q", err, b)
		return c
	}
	if len(out.Errors) > 0 {
		c.code = out.Errors[0].Extensions.Code
	} else if out.Data.AssessPurchase != nil {
		c.decisionID = out.Data.AssessPurchase.DecisionID
	}
	return c
}

// sigtermDB is a PostgreSQL server with the console's schema and demo data, and the SERVICE
// token.
type sigtermDB struct {
	url, dataDir, token string
	appURL, keyFile     string // the console's role (url is the owner's) and its audit key
	conn                *sql.DB
}

// newSigtermDB starts a PostgreSQL server with the two roles of the README and seeds it through
// `server seed`, in this process.
func newSigtermDB(t *testing.T) *sigtermDB { return newSeededDB(t, 200) }

// newSeededDB is newSigtermDB with n decisions.
func newSeededDB(t testing.TB, n int) *sigtermDB {
	t.Helper()
	pg := testdb.NewServer(t)
	roles := testdb.NewDatabaseWithRoles(t, pg.URL())
	db := &sigtermDB{url: roles.Owner, appURL: roles.App, dataDir: t.TempDir()}
	db.keyFile = filepath.Join(db.dataDir, "test-audit.key")
	if err := os.WriteFile(db.keyFile, []byte("riskconsole test audit key, 32 bytes and more\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"seed", "-n", strconv.Itoa(n), "-database-url", db.appURL, "-migration-database-url", db.url,
		"-audit-key-file", db.keyFile, "-data-dir", db.dataDir}); err != nil {
		t.Fatalf("server seed: %v", err)
	}
	tokens, err := demo.ReadTokens(demo.TokenFileFor(db.dataDir, db.url))
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range tokens {
		if tok.Role == auth.Service {
			db.token = tok.Secret
		}
	}
	if db.token == "" {
		t.Fatalf("no SERVICE token in %v", tokens)
	}
	if db.conn, err = sql.Open("pgx", db.url); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.conn.Close() })
	return db
}

// env is the child's environment for this database.
func (db *sigtermDB) env(extra ...string) []string {
	return append([]string{"DATABASE_URL=" + db.appURL, "AUDIT_KEY_FILE=" + db.keyFile, "DATA_DIR=" + db.dataDir, "LOG_LEVEL=info"}, extra...)
}

// lockWaiters counts the assessments' INSERTs waiting for a lock on the server.
func (db *sigtermDB) lockWaiters(t *testing.T) int {
	t.Helper()
	var n int
	err := db.conn.QueryRow(`SELECT count(*) FROM pg_stat_activity
		WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO decisions %'`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// stored returns the decision ids stored under each idempotency key with the given prefix.
func (db *sigtermDB) stored(t *testing.T, prefix string) map[string][]string {
	t.Helper()
	return testdb.DecisionsByKey(t, db.conn, prefix)
}

// sigtermLock makes every INSERT into decisions wait while the test holds it.
const sigtermLock = "LOCK TABLE decisions IN SHARE MODE"

// sigtermWait polls cond every 20 ms until it holds or within passes.
func sigtermWait(within time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
	return true
}

// TestSIGTERMUnderLoad sends SIGTERM to a console process while clients send assessments and
// some of them wait on a lock the test holds:
//
//   - with a deadline the requests can meet: /readyz answers 503 at once while the server still
//     listens (SHUTDOWN_DELAY), every request in flight finishes with its decision, later ones
//     are refused a connection, the process exits 0 within SHUTDOWN_TIMEOUT, and the database
//     holds exactly the acknowledged assessments;
//   - with a deadline they cannot meet: the process exits within SHUTDOWN_TIMEOUT anyway, the
//     requests still waiting fail without an answer, and their statements were cancelled, not
//     committed when the lock went away.
func TestSIGTERMUnderLoad(t *testing.T) {
	db := newSigtermDB(t)

	t.Run("in-flight requests finish", func(t *testing.T) {
		const timeout, delay = 30 * time.Second, 3 * time.Second
		p := startServerProcess(t, db.env("SHUTDOWN_TIMEOUT="+timeout.String(), "SHUTDOWN_DELAY="+delay.String())...)
		prefix := fmt.Sprintf("sigterm-%d", time.Now().UnixNano())
		var (
			mu    sync.Mutex
			calls []sigtermCall
			stop  atomic.Bool
			wg    sync.WaitGroup
		)
		const clients = 6
		for w := range clients {
			wg.Go(func() {
				for i := 0; !stop.Load(); i++ {
					c := sigtermAssess(p.url, db.token, fmt.Sprintf("%s-%d-%d", prefix, w, i))
					mu.Lock()
					calls = append(calls, c)
					mu.Unlock()
					if c.err != nil {
						return // the server is gone: this client stops
					}
				}
			})
		}
		stopClients := func() { stop.Store(true); wg.Wait() }
		defer stopClients()
		acked := func() int {
			mu.Lock()
			defer mu.Unlock()
			n := 0
			for _, c := range calls {
				if c.decisionID != "" {
					n++
				}
			}
			return n
		}
		if !sigtermWait(time.Minute, func() bool { return acked() >= 30 }) {
			t.Fatalf("fewer than 30 assessments acknowledged in a minute")
		}
		release := testdb.Hold(t, db.url, sigtermLock)
		if !sigtermWait(30*time.Second, func() bool { return db.lockWaiters(t) == clients }) {
			t.Fatalf("%d INSERTs waiting for the lock, want %d", db.lockWaiters(t), clients)
		}
		sigAt := time.Now()
		if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		// Readiness fails while the server still accepts connections.
		status, err := sigtermWaitStatus(p.url+"/readyz", http.StatusServiceUnavailable, delay)
		readyFailedAt := time.Now()
		if err != nil {
			t.Errorf("/readyz after SIGTERM: %d, %v; want 503 within the %v delay", status, err, delay)
		}
		// After the delay the listener closes; the requests in flight are still waiting.
		refused := sigtermWait(delay+10*time.Second, func() bool { _, err := sigtermGetStatus(p.url + "/healthz"); return err != nil })
		if refusedAt := time.Since(sigAt); !refused || refusedAt < delay {
			t.Errorf("connections refused: %v, %v after SIGTERM; want from the end of the %v delay", refused, refusedAt, delay)
		}
		if n := db.lockWaiters(t); n != clients {
			t.Errorf("%d INSERTs waiting for the lock after the delay, want the %d in flight", n, clients)
		}
		releasedAt := time.Now()
		release()
		select {
		case <-p.exited:
		case <-time.After(timeout + 10*time.Second):
			t.Fatalf("the server has not exited %v after SIGTERM (SHUTDOWN_TIMEOUT=%v)", time.Since(sigAt), timeout)
		}
		stopClients()
		if p.err != nil {
			t.Errorf("server exit: %v, want status 0", p.err)
		}
		t.Logf("SIGTERM at %s, /readyz 503 after %v, lock released after %v, exit after %v", sigAt.Format("15:04:05.000"),
			readyFailedAt.Sub(sigAt).Round(time.Millisecond), releasedAt.Sub(sigAt).Round(time.Millisecond),
			p.exitAt.Sub(sigAt).Round(time.Millisecond))

		acks := map[string]string{}
		inFlight := 0
		for _, c := range calls {
			switch {
			case c.decisionID != "":
				acks[c.key] = c.decisionID
				if c.start.Before(sigAt) && c.end.After(releasedAt) {
					inFlight++
				}
			case c.err != nil && c.start.After(sigAt):
				// Refused: the server no longer listens. A clean failure.
			default:
				t.Errorf("neither acknowledged nor refused after SIGTERM: %s", &c)
			}
		}
		if inFlight != clients {
			t.Errorf("%d requests in flight at SIGTERM were acknowledged after the lock's release, want %d", inFlight, clients)
		}
		if !strings.Contains(p.out.String(), "shut down: every request finished") {
			t.Errorf("the server did not report a complete drain")
		}
		// Nothing half-written: exactly the acknowledged assessments are stored.
		stored := db.stored(t, prefix)
		for key, id := range acks {
			if ids := stored[key]; len(ids) != 1 || ids[0] != id {
				t.Errorf("key %s: acknowledged %s, stored %v", key, id, ids)
			}
		}
		if len(stored) != len(acks) {
			t.Errorf("%d keys stored, %d acknowledged", len(stored), len(acks))
		}
	})

	t.Run("requests past the deadline are cut off", func(t *testing.T) {
		const timeout, delay = 3 * time.Second, 500 * time.Millisecond
		// A request timeout (and so statement_timeout) far beyond the test: only the cut-off may
		// end the statements.
		p := startServerProcess(t, db.env("SHUTDOWN_TIMEOUT="+timeout.String(), "SHUTDOWN_DELAY="+delay.String(), "REQUEST_TIMEOUT=10m")...)
		prefix := fmt.Sprintf("cutoff-%d", time.Now().UnixNano())
		// One assessment first, so that the INSERT is prepared: a PREPARE waiting for the lock
		// would hold the other requests inside gorm rather than at the database.
		if c := sigtermAssess(p.url, db.token, prefix+"-warm"); c.decisionID == "" {
			t.Fatalf("warm-up: %s", &c)
		}
		release := testdb.Hold(t, db.url, sigtermLock)
		const n = 4
		calls := make([]sigtermCall, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() { calls[i] = sigtermAssess(p.url, db.token, fmt.Sprintf("%s-cut-%d", prefix, i)) })
		}
		if !sigtermWait(30*time.Second, func() bool { return db.lockWaiters(t) == n }) {
			t.Fatalf("%d INSERTs waiting for the lock, want %d", db.lockWaiters(t), n)
		}
		sigAt := time.Now()
		if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		select {
		case <-p.exited:
		case <-time.After(timeout + 10*time.Second):
			t.Fatalf("the server has not exited %v after SIGTERM (SHUTDOWN_TIMEOUT=%v)", time.Since(sigAt), timeout)
		}
		wg.Wait()
		took := p.exitAt.Sub(sigAt)
		t.Logf("SHUTDOWN_TIMEOUT=%v: exit %v after SIGTERM", timeout, took.Round(time.Millisecond))
		// Slack for the process to exit, and this one to notice, on a busy machine.
		if took > timeout+2*time.Second {
			t.Errorf("exit %v after SIGTERM, want within SHUTDOWN_TIMEOUT=%v", took, timeout)
		}
		// The requests are given until cutOffGrace before the deadline.
		if took < timeout-cutOffGrace {
			t.Errorf("exit %v after SIGTERM, before SHUTDOWN_TIMEOUT=%v less the cut-off grace although requests were running", took, timeout)
		}
		if p.err != nil {
			t.Errorf("server exit: %v, want status 0", p.err)
		}
		for _, c := range calls {
			if c.err == nil || c.end.After(p.exitAt.Add(time.Second)) {
				t.Errorf("in-flight request past the deadline: %s; want no answer, by the exit", &c)
			}
		}
		if !strings.Contains(p.out.String(), "shutdown deadline passed; cutting off") {
			t.Errorf("the server did not report cutting requests off")
		}
		// The cut-off statements were cancelled: none waits any more, and none commits once the
		// lock is gone.
		if !sigtermWait(5*time.Second, func() bool { return db.lockWaiters(t) == 0 }) {
			t.Errorf("%d INSERTs still waiting for the lock after the server exited", db.lockWaiters(t))
		}
		release()
		if stored := db.stored(t, prefix+"-cut-"); len(stored) != 0 {
			t.Errorf("cut-off requests stored decisions: %v", stored)
		}
	})
}
