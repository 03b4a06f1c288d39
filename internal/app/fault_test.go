package app

import (
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"riskconsole/graph"
	"riskconsole/internal/auth"
	"riskconsole/internal/testdb"
)

// The fault tests: what the console does when its PostgreSQL database goes away, is slow, or
// runs out of connections, each on a real PostgreSQL server. Every wait is bounded; the bounds
// are generous because the tests share two cores with the rest of the suite.

// lockDecisions makes every INSERT into decisions wait (SHARE mode conflicts with the ROW
// EXCLUSIVE lock an INSERT takes) while reads go on: a slow database, for real.
const lockDecisions = "LOCK TABLE decisions IN SHARE MODE"

// assessCall is one assessPurchase request and its answer, as a client saw it.
type assessCall struct {
	key        string
	start      time.Time
	took       time.Duration
	status     int
	code       string // extensions.code of the first error
	decisionID string // set on success
	err        error  // transport error
}

func (c *assessCall) ok() bool { return c.err == nil && c.decisionID != "" }

func (c *assessCall) String() string {
	if c.err != nil {
		return fmt.Sprintf("%s at %s after %v: %v", c.key, c.start.Format("15:04:05.000"), c.took, c.err)
	}
	return fmt.Sprintf("%s at %s after %v: status %d code %q decision %q", c.key, c.start.Format("15:04:05.000"), c.took,
		c.status, c.code, c.decisionID)
}

// assessOnce sends one assessPurchase of a fixed valid purchase under key as SERVICE. It may run
// on any goroutine.
func (ta *testApp) assessOnce(key string) assessCall {
	body, _ := json.Marshal(map[string]any{"query": assessMutation,
		"variables": map[string]any{"input": purchaseInput("SE", 1234.5, nil), "key": key}})
	c := assessCall{key: key, start: time.Now()}
	r, err := ta.send(http.MethodPost, "/graphql", "Bearer "+ta.Tokens[auth.Service], body)
	c.took = time.Since(c.start)
	if err != nil {
		c.err = err
		return c
	}
	c.status, c.code = r.Status, r.code()
	var out struct {
		AssessPurchase *assessment `json:"assessPurchase"`
	}
	if len(r.Errors) == 0 && json.Unmarshal(r.Data, &out) == nil && out.AssessPurchase != nil {
		c.decisionID = out.AssessPurchase.DecisionID
	}
	return c
}

// assessConcurrently sends one assessOnce per key, all at once, and returns the answers in the
// keys' order.
func (ta *testApp) assessConcurrently(keys []string) []assessCall {
	out := make([]assessCall, len(keys))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, key := range keys {
		wg.Go(func() {
			<-start
			out[i] = ta.assessOnce(key)
		})
	}
	close(start)
	wg.Wait()
	return out
}

// readyz returns the status code of GET /readyz (0 with the error when there is no answer).
func (ta *testApp) readyz() (int, error) {
	resp, err := ta.Server.Client().Get(ta.Server.URL + "/readyz")
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// storedDecisions returns, for every decision whose idempotency key (client-scoped, so stored as
// "<client>:<key>") has the given prefix, the ids stored under each key.
func (ta *testApp) storedDecisions(tb testing.TB, prefix string) map[string][]string {
	tb.Helper()
	return testdb.DecisionsByKey(tb, ta.rawDB(tb), prefix)
}

// waitFor polls cond every 20 ms until it holds or within passes, and reports whether it held.
func waitFor(within time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(within)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// faultApp starts a console on a fresh PostgreSQL database of the shared test server with the
// given request timeout and pool size; its HTTP client gives up after a minute, so that a hang
// fails the test instead of blocking it.
func faultApp(tb testing.TB, timeout time.Duration, maxConns int) *testApp {
	tb.Helper()
	cfg := testConfig(tb)
	setRoles(&cfg, testdb.NewPostgresRoles(tb))
	cfg.RequestTimeout, cfg.DBMaxConns = timeout, maxConns
	ta := startTestApp(tb, cfg, 20)
	ta.Server.Client().Timeout = time.Minute
	return ta
}

// TestFaultDatabaseRestart stops PostgreSQL for a few seconds and starts it again while eight
// clients send assessments, each retrying its key until it is acknowledged. During the outage
// every failed call must be answered at once with 503 and UNAVAILABLE, /readyz must go to 503 and
// back to 200, assessments must succeed again within 10 s of the database's return, and in the
// end every acknowledged assessment is stored exactly once, under the decision id the client was
// told; retrying an acknowledged key answers the same decision.
func TestFaultDatabaseRestart(t *testing.T) {
	pg := testdb.NewServer(t)
	cfg := testConfig(t)
	setRoles(&cfg, testdb.NewDatabaseWithRoles(t, pg.URL()))
	cfg.RequestTimeout = 10 * time.Second
	ta := startTestApp(t, cfg, 20)
	ta.Server.Client().Timeout = time.Minute
	prefix := uniqueKey("outage")
	// Whatever happens, no client keeps retrying past this.
	giveUp := time.Now().Add(3 * time.Minute)

	var (
		mu    sync.Mutex
		calls []assessCall
		ready []struct {
			at     time.Time
			status int
		}
	)
	var stop atomic.Bool
	var wg sync.WaitGroup
	const clients = 8
	for c := range clients {
		wg.Go(func() {
			for i := 0; !stop.Load(); i++ {
				key := fmt.Sprintf("%s-%d-%d", prefix, c, i)
				for {
					call := ta.assessOnce(key)
					mu.Lock()
					calls = append(calls, call)
					mu.Unlock()
					if call.ok() || time.Now().After(giveUp) {
						break
					}
					time.Sleep(20 * time.Millisecond) // a client's back-off
				}
			}
		})
	}
	wg.Go(func() {
		for !stop.Load() {
			status, _ := ta.readyz()
			mu.Lock()
			ready = append(ready, struct {
				at     time.Time
				status int
			}{time.Now(), status})
			mu.Unlock()
			time.Sleep(50 * time.Millisecond)
		}
	})
	acked := func(after time.Time) int {
		mu.Lock()
		defer mu.Unlock()
		n := 0
		for _, c := range calls {
			if c.ok() && c.start.After(after) {
				n++
			}
		}
		return n
	}

	testStart := time.Now()
	if !waitFor(30*time.Second, func() bool { return acked(testStart) >= 20 }) {
		stop.Store(true)
		wg.Wait()
		t.Fatalf("fewer than 20 assessments acknowledged in 30 s before the outage")
	}
	stopAt := time.Now()
	pg.Stop(t)
	stoppedAt := time.Now()
	time.Sleep(3 * time.Second)
	startAt := time.Now()
	pg.Start(t)
	backAt := time.Now()
	t.Logf("PostgreSQL stopping at %s, stopped %s, starting %s, back %s", stopAt.Format("15:04:05.000"),
		stoppedAt.Format("15:04:05.000"), startAt.Format("15:04:05.000"), backAt.Format("15:04:05.000"))
	recovered := waitFor(30*time.Second, func() bool { return acked(backAt) >= 1 })
	recoveredAt := time.Now()
	// Keep the load on a little longer, then let every client finish its key.
	time.Sleep(time.Second)
	stop.Store(true)
	wg.Wait()

	if !recovered {
		t.Fatalf("no assessment acknowledged within 30 s of PostgreSQL's return")
	}
	if took := recoveredAt.Sub(backAt); took > 10*time.Second {
		t.Errorf("first acknowledged assessment %v after PostgreSQL's return, want within 10 s", took)
	}

	// The answers: successes, and failures that are clean, quick and retryable.
	var failed, duringOutage int
	acks := map[string]string{}
	for _, c := range calls {
		if c.took > cfg.RequestTimeout+5*time.Second {
			t.Errorf("call took %v, past the request timeout %v: %s", c.took, cfg.RequestTimeout, &c)
		}
		if c.ok() {
			if prev, seen := acks[c.key]; seen {
				t.Errorf("key %s acknowledged twice (%s, %s): the clients stop at the first", c.key, prev, c.decisionID)
			}
			acks[c.key] = c.decisionID
			continue
		}
		failed++
		if c.status != http.StatusServiceUnavailable || c.code != graph.CodeUnavailable {
			t.Errorf("failed call not answered 503 UNAVAILABLE: %s", &c)
		}
		if c.start.Add(c.took).Before(stopAt) || c.start.After(backAt.Add(10*time.Second)) {
			t.Errorf("call failed outside the outage (%s to 10 s after %s): %s", stopAt.Format("15:04:05.000"),
				backAt.Format("15:04:05.000"), &c)
		}
		if c.start.After(stoppedAt) && c.start.Before(startAt) {
			duringOutage++
		}
	}
	t.Logf("%d calls: %d acknowledged, %d failed (%d while PostgreSQL was down); recovered %v after its return",
		len(calls), len(acks), failed, duringOutage, recoveredAt.Sub(backAt).Round(time.Millisecond))
	if duringOutage == 0 {
		t.Errorf("no call failed while PostgreSQL was down: the outage was not exercised")
	}

	// Readiness went false during the outage and is true again.
	var downSeen bool
	for _, r := range ready {
		if r.at.After(stoppedAt) && r.at.Before(startAt) && r.status == http.StatusServiceUnavailable {
			downSeen = true
		}
		if r.at.After(stoppedAt) && r.at.Before(startAt) && r.status == http.StatusOK {
			t.Errorf("/readyz answered 200 at %s while PostgreSQL was down", r.at.Format("15:04:05.000"))
		}
	}
	if !downSeen {
		t.Errorf("/readyz never answered 503 while PostgreSQL was down")
	}
	if status, err := ta.readyz(); status != http.StatusOK {
		t.Errorf("/readyz after recovery: %d %v, want 200", status, err)
	}

	// Every acknowledged assessment is stored exactly once, under the id its client was told,
	// and nothing else was stored under the test's keys.
	stored := ta.storedDecisions(t, prefix)
	for key, id := range acks {
		if ids := stored[key]; len(ids) != 1 || ids[0] != id {
			t.Errorf("key %s: acknowledged decision %s, stored %v", key, id, ids)
		}
	}
	for key, ids := range stored {
		if _, ok := acks[key]; !ok {
			t.Errorf("key %s: stored %v but never acknowledged", key, ids)
		}
	}
	// A retry of an acknowledged key answers its decision and stores nothing.
	n := 0
	for key, id := range acks {
		if n++; n > 20 {
			break
		}
		if c := ta.assessOnce(key); c.decisionID != id {
			t.Errorf("retry of acknowledged key: %s, want decision %s", &c, id)
		}
	}
	if after := ta.storedDecisions(t, prefix); len(after) != len(stored) {
		t.Errorf("retries changed the stored keys from %d to %d", len(stored), len(after))
	}
}

// TestFaultConcurrentRetries sends 1,000 concurrent calls with one idempotency key: all must
// answer the same decision, and exactly one is stored, on both databases.
func TestFaultConcurrentRetries(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		cfg := testConfig(t)
		if dialect == "postgres" {
			setRoles(&cfg, testdb.NewPostgresRoles(t))
		}
		// The calls queue for the pool; on two busy cores the last may wait many seconds.
		cfg.RequestTimeout = time.Minute
		ta := startTestApp(t, cfg, 20)
		ta.Server.Client().Timeout = 2 * time.Minute
		// One connection per call, as 1,000 separate clients would have.
		ta.Server.Client().Transport.(*http.Transport).MaxIdleConnsPerHost = 1000
		key := uniqueKey("thousand")
		keys := make([]string, 1000)
		for i := range keys {
			keys[i] = key
		}
		before := ta.countDecisions(t)
		ids := map[string]int{}
		for _, c := range ta.assessConcurrently(keys) {
			if !c.ok() {
				t.Errorf("call failed: %s", &c)
				continue
			}
			ids[c.decisionID]++
		}
		if len(ids) != 1 {
			t.Errorf("1,000 calls with one key answered %d decisions: %v", len(ids), ids)
		}
		if n := ta.countDecisions(t) - before; n != 1 {
			t.Errorf("%d decisions stored, want exactly 1", n)
		}
		if stored := ta.storedDecisions(t, key); len(stored[key]) != 1 {
			t.Errorf("stored under the key: %v, want one decision", stored[key])
		}
	})
}

// quiesce closes the test client's idle connections, so that the server's goroutines for them
// end, and returns the goroutine count once it has stopped falling (at most 5 s).
func (ta *testApp) quiesce() int {
	ta.Server.Client().CloseIdleConnections()
	n := runtime.NumGoroutine()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		time.Sleep(200 * time.Millisecond)
		m := runtime.NumGoroutine()
		if m >= n {
			break
		}
		n = m
	}
	return n
}

// checkNoLeak checks, once the requests have ended, that the goroutines are back to baseline
// (taken by quiesce before them) once the test's client connections are closed, that the pool
// has no connection in use and at most its size open, and that PostgreSQL runs no statement of
// the console's.
func (ta *testApp) checkNoLeak(t *testing.T, baseline int) {
	t.Helper()
	ta.Server.Client().CloseIdleConnections()
	n := runtime.NumGoroutine()
	if !waitFor(10*time.Second, func() bool { n = runtime.NumGoroutine(); return n <= baseline }) {
		buf := make([]byte, 1<<20)
		t.Errorf("%d goroutines 10 s after the requests ended, %d before:\n%s", n, baseline, buf[:runtime.Stack(buf, true)])
	}
	if !waitFor(10*time.Second, func() bool { return ta.Store.Stats().InUse == 0 }) {
		t.Errorf("pool: %d connections still in use 10 s after the requests ended", ta.Store.Stats().InUse)
	}
	if s := ta.Store.Stats(); s.OpenConnections > ta.Config.DBMaxConns {
		t.Errorf("pool: %d connections open, more than DB_MAX_CONNS=%d", s.OpenConnections, ta.Config.DBMaxConns)
	}
	db := ta.rawDB(t)
	var active int
	idle := func() bool {
		err := db.QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
			AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND state = 'active'`).Scan(&active)
		return err == nil && active == 0
	}
	if !waitFor(10*time.Second, idle) {
		t.Errorf("PostgreSQL still runs %d statements of the console 10 s after the requests ended", active)
	}
}

// TestFaultSlowDatabase makes the decisions table wait (a lock held by the test) past the
// request timeout: the assessment fails with TIMEOUT within the deadline and stores nothing, the
// statement no longer runs on the server, the connection is back in the pool, and no goroutine
// is left behind; once the lock is gone the same key succeeds.
func TestFaultSlowDatabase(t *testing.T) {
	const timeout = 2 * time.Second
	ta := faultApp(t, timeout, 4)
	prefix := uniqueKey("slow")
	if c := ta.assessOnce(prefix + "-warm"); !c.ok() {
		t.Fatalf("warm-up: %s", &c)
	}
	release := testdb.Hold(t, ta.ownerURL(), lockDecisions)
	baseline := ta.quiesce()
	// Two rounds: a leak would grow with each.
	for round := range 2 {
		keys := []string{fmt.Sprintf("%s-%d-a", prefix, round), fmt.Sprintf("%s-%d-b", prefix, round)}
		for _, c := range ta.assessConcurrently(keys) {
			if c.err != nil || c.code != graph.CodeTimeout {
				t.Errorf("round %d: %s, want TIMEOUT", round, &c)
			}
			if c.took < timeout*9/10 || c.took > timeout+5*time.Second {
				t.Errorf("round %d: answered after %v, want about the %v deadline", round, c.took, timeout)
			}
		}
	}
	ta.checkNoLeak(t, baseline)

	// A client that gives up before the deadline ends its request, and the statement is
	// cancelled on the server at once, not left to wait for the lock (and commit after it) until
	// statement_timeout.
	ta.Server.Client().Timeout = timeout / 4
	gaveUp := ta.assessOnce(prefix + "-gave-up")
	ta.Server.Client().Timeout = time.Minute
	if gaveUp.err == nil {
		t.Errorf("client with a %v timeout: %s, want no answer", timeout/4, &gaveUp)
	}
	db := ta.rawDB(t)
	var waiting int
	noneWaiting := func() bool {
		err := db.QueryRow(`SELECT count(*) FROM pg_stat_activity
			WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO decisions %'`).Scan(&waiting)
		return err == nil && waiting == 0
	}
	if !waitFor(timeout/2, noneWaiting) {
		t.Errorf("%d INSERTs still wait for the lock after their client went away", waiting)
	}
	release()

	if stored := ta.storedDecisions(t, prefix+"-gave-up"); len(stored) != 0 {
		t.Errorf("the abandoned assessment stored a decision: %v", stored)
	}
	if stored := ta.storedDecisions(t, prefix+"-0-"); len(stored) != 0 {
		t.Errorf("timed-out assessments stored decisions: %v", stored)
	}
	if c := ta.assessOnce(prefix + "-0-a"); !c.ok() || c.took > timeout {
		t.Errorf("after the lock: %s", &c)
	}
	if stored := ta.storedDecisions(t, prefix+"-0-"); len(stored) != 1 {
		t.Errorf("after the retry: stored %v, want one key", stored)
	}
}

// TestFaultPoolExhaustion sends three times as many assessments as the pool has connections
// while the decisions table is locked: the calls beyond the pool wait for a connection. Released
// before the deadline, every call succeeds; held past it, every call fails cleanly with TIMEOUT at
// the deadline, and the pool and goroutines recover.
func TestFaultPoolExhaustion(t *testing.T) {
	const (
		timeout  = 6 * time.Second
		maxConns = 2
		calls    = 3 * maxConns
	)
	ta := faultApp(t, timeout, maxConns)
	prefix := uniqueKey("pool")
	if c := ta.assessOnce(prefix + "-warm"); !c.ok() {
		t.Fatalf("warm-up: %s", &c)
	}
	keys := func(round string) []string {
		out := make([]string, calls)
		for i := range out {
			out[i] = fmt.Sprintf("%s-%s-%d", prefix, round, i)
		}
		return out
	}

	t.Run("queued calls succeed when the database frees up", func(t *testing.T) {
		release := testdb.Hold(t, ta.ownerURL(), lockDecisions)
		waitsBefore := ta.Store.Stats().WaitCount
		done := make(chan []assessCall, 1)
		go func() { done <- ta.assessConcurrently(keys("queued")) }()
		// Every connection is taken and the remaining calls wait for one.
		queued := waitFor(timeout/2, func() bool {
			s := ta.Store.Stats()
			return s.InUse == maxConns && s.WaitCount-waitsBefore >= calls-maxConns
		})
		s := ta.Store.Stats()
		release()
		answers := <-done
		if !queued {
			t.Errorf("pool: %d in use, %d waits; want %d in use and %d calls waiting", s.InUse, s.WaitCount-waitsBefore,
				maxConns, calls-maxConns)
		}
		for _, c := range answers {
			if !c.ok() {
				t.Errorf("%s", &c)
			}
		}
	})

	t.Run("queued calls fail at the deadline", func(t *testing.T) {
		release := testdb.Hold(t, ta.ownerURL(), lockDecisions)
		baseline := ta.quiesce()
		waitsBefore := ta.Store.Stats().WaitCount
		for _, c := range ta.assessConcurrently(keys("expired")) {
			if c.err != nil || c.code != graph.CodeTimeout {
				t.Errorf("%s, want TIMEOUT", &c)
			}
			if c.took < timeout*9/10 || c.took > timeout+5*time.Second {
				t.Errorf("answered after %v, want about the %v deadline", c.took, timeout)
			}
		}
		if waits := ta.Store.Stats().WaitCount - waitsBefore; waits < calls-maxConns {
			t.Errorf("pool: %d calls waited for a connection, want at least %d", waits, calls-maxConns)
		}
		ta.checkNoLeak(t, baseline)
		release()
		if stored := ta.storedDecisions(t, prefix+"-expired-"); len(stored) != 0 {
			t.Errorf("timed-out assessments stored decisions: %v", stored)
		}
	})
}

// TestShutdownConfig: SHUTDOWN_TIMEOUT and SHUTDOWN_DELAY default to 15 s and 0, the flags win,
// and a delay that leaves no time to drain is refused.
func TestShutdownConfig(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		name           string
		vars           map[string]string
		args           []string
		timeout, delay time.Duration
		wantErr        bool
	}{
		{name: "defaults", timeout: 15 * time.Second},
		{name: "environment", vars: map[string]string{"SHUTDOWN_TIMEOUT": "40s", "SHUTDOWN_DELAY": "5s"}, timeout: 40 * time.Second, delay: 5 * time.Second},
		{name: "flags win", vars: map[string]string{"SHUTDOWN_TIMEOUT": "40s"}, args: []string{"-shutdown-timeout", "20s", "-shutdown-delay", "2s"},
			timeout: 20 * time.Second, delay: 2 * time.Second},
		{name: "delay as long as the timeout", vars: map[string]string{"SHUTDOWN_TIMEOUT": "5s", "SHUTDOWN_DELAY": "5s"}, wantErr: true},
		{name: "no timeout", vars: map[string]string{"SHUTDOWN_TIMEOUT": "0s"}, wantErr: true},
		{name: "negative delay", vars: map[string]string{"SHUTDOWN_DELAY": "-1s"}, wantErr: true},
		{name: "no duration", vars: map[string]string{"SHUTDOWN_TIMEOUT": "soon"}, wantErr: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := ParseConfig("test", c.args, env(c.vars))
			if c.wantErr {
				if err == nil {
					t.Errorf("accepted: timeout %v, delay %v", cfg.ShutdownTimeout, cfg.ShutdownDelay)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if cfg.ShutdownTimeout != c.timeout || cfg.ShutdownDelay != c.delay {
				t.Errorf("timeout %v, delay %v; want %v, %v", cfg.ShutdownTimeout, cfg.ShutdownDelay, c.timeout, c.delay)
			}
		})
	}
}
