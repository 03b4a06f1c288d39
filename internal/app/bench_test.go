package app

// Benchmarks of part 10 of issue 2. BENCHMARKS.md has the figures and the commands.
//
//	go test -run='^$' -bench=BenchmarkAssessPurchasePostgres -benchtime=5s ./internal/app/
//	go test -run='^$' -bench=BenchmarkDecisionsPage -benchtime=3s ./internal/app/

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"riskconsole/graph"
	"riskconsole/graph/model"
	"riskconsole/internal/auth"
	"riskconsole/internal/decisions"
	"riskconsole/internal/demo"
	"riskconsole/internal/engine"
	"riskconsole/internal/httpapi"
	"riskconsole/internal/loadtest"
)

const (
	// benchClients is the number of concurrent checkout clients (and raw connections).
	benchClients = 32
	// benchSeedWrite is the number of decisions in the table before the write benchmarks, so
	// that its indexes have a realistic depth and grow only by a small share during the run.
	benchSeedWrite = 20_000
	// benchSeedPage is the number of decisions the page benchmark lists from.
	benchSeedPage = 20_000
	// benchPurchaseCount is the number of distinct generated purchases the write benchmarks
	// cycle through; every call still carries a unique idempotency key.
	benchPurchaseCount = 8192
	// benchPageSize is the explorer's page.
	benchPageSize = 50
)

// benchRun numbers the benchmark runs of this process, so that idempotency keys never repeat
// across the b.N ramp-up runs.
var benchRun atomic.Int64

// benchPurchase is one generated purchase: its GraphQL PurchaseInput as JSON and its domain form.
type benchPurchase struct {
	input    []byte
	purchase decisions.Purchase
}

// benchPurchases generates n realistic purchases with the demo generator (a seed and window of
// their own, so they do not repeat the seeded decisions).
func benchPurchases(tb testing.TB, n int) []benchPurchase {
	tb.Helper()
	out := make([]benchPurchase, 0, n)
	err := demo.Generate(demo.Options{Seed: 4242, N: n, End: testEnd}, func(p *demo.Purchase) error {
		b, err := loadtest.PurchaseInput(p)
		if err != nil {
			return err
		}
		out = append(out, benchPurchase{input: b, purchase: decisions.Purchase{
			Market: p.Market, Currency: p.Currency, AmountMinor: int64(math.Round(p.Amount * 100)),
			MerchantID: p.Merchant.ID, MerchantName: p.Merchant.Name, MerchantCategory: p.Merchant.Category,
			ShopperID: p.ShopperID, Locale: p.Locale, Channel: p.Channel, Values: p.Values,
		}})
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// benchAssessMutation is what a checkout client sends: the decision and, on a decline, the pop-up.
const benchAssessMutation = `mutation Assess($in: PurchaseInput!, $key: String!) {
  assessPurchase(input: $in, idempotencyKey: $key) {
    decisionId reference createdAt outcome
    reasons { rank code }
    message { locale title body steps }
  }
}`

var benchAssessQueryJSON, _ = json.Marshal(benchAssessMutation)

// benchAssessBody returns the request body of one assessPurchase call.
func benchAssessBody(dst []byte, key string, p *benchPurchase) []byte {
	dst = append(dst[:0], `{"query":`...)
	dst = append(dst, benchAssessQueryJSON...)
	dst = append(dst, `,"variables":{"key":"`...)
	dst = append(dst, key...) // keys are [a-z0-9-]: no escaping needed
	dst = append(dst, `","in":`...)
	dst = append(dst, p.input...)
	return append(dst, "}}"...)
}

// benchLatencies summarises per-call latencies.
type benchLatencies []time.Duration

func (l benchLatencies) quantileMs(q float64) float64 {
	if len(l) == 0 {
		return math.NaN()
	}
	i := min(len(l)-1, int(math.Ceil(q*float64(len(l))))-1)
	return float64(l[max(i, 0)]) / float64(time.Millisecond)
}

// benchCPUTime returns the CPU time (user + system) this process has used.
func benchCPUTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchHostCPU returns the busy CPU time of the whole machine (all processes, all cores) from
// /proc/stat, or -1 where that is not available.
func benchHostCPU() time.Duration {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return -1
	}
	line, _, _ := strings.Cut(string(b), "\n")
	f := strings.Fields(line)
	if len(f) < 8 || f[0] != "cpu" {
		return -1
	}
	var busy int64
	for i, s := range f[1:] {
		if i == 3 || i == 4 { // idle, iowait
			continue
		}
		if i >= 7 { // guest time is already counted in user
			break
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return -1
		}
		busy += n
	}
	return time.Duration(busy) * (time.Second / 100) // USER_HZ is 100 on Linux
}

// benchPGCPU samples the CPU time of the processes of a PostgreSQL server (every backend and
// auxiliary process listed in pg_stat_activity) from /proc, so that the database's share of the
// work is known even though it runs in other processes. It needs the server on this machine.
type benchPGCPU struct {
	conn *pgx.Conn
}

func newBenchPGCPU(tb testing.TB, dsn string) *benchPGCPU {
	tb.Helper()
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { conn.Close(context.Background()) })
	return &benchPGCPU{conn: conn}
}

// sample returns the CPU time so far of each of the server's processes, by pid.
func (p *benchPGCPU) sample(tb testing.TB) map[int]time.Duration {
	tb.Helper()
	rows, err := p.conn.Query(context.Background(), "SELECT pid FROM pg_stat_activity")
	if err != nil {
		tb.Fatal(err)
	}
	pids, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		tb.Fatal(err)
	}
	out := make(map[int]time.Duration, len(pids))
	for _, pid := range pids {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			continue // gone already
		}
		// The fields after the command (which may contain spaces) start after the last ')'.
		f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
		if len(f) < 13 {
			continue
		}
		utime, _ := strconv.ParseInt(f[11], 10, 64)
		stime, _ := strconv.ParseInt(f[12], 10, 64)
		out[int(pid)] = time.Duration(utime+stime) * (time.Second / 100) // USER_HZ
	}
	return out
}

// since returns the CPU the server used between two samples; a process that started in
// between counts in full.
func benchPGCPUSince(before, after map[int]time.Duration) time.Duration {
	var d time.Duration
	for pid, t := range after {
		d += t - before[pid]
	}
	return d
}

// benchCPUSample is the CPU time used so far by this process, by the PostgreSQL server's processes
// and by the whole machine (host is -1 where /proc/stat is not available).
type benchCPUSample struct {
	proc, host time.Duration
	pg         map[int]time.Duration
}

func benchSampleCPU(tb testing.TB, pg *benchPGCPU) benchCPUSample {
	tb.Helper()
	s := benchCPUSample{pg: pg.sample(tb)}
	s.proc, s.host = benchCPUTime(tb), benchHostCPU()
	return s
}

// benchCPUUsed is the CPU time used between two samples.
type benchCPUUsed struct {
	proc, pg, host time.Duration // host is -1 when unknown
}

func (s benchCPUSample) until(e benchCPUSample) benchCPUUsed {
	u := benchCPUUsed{proc: e.proc - s.proc, pg: benchPGCPUSince(s.pg, e.pg), host: -1}
	if s.host >= 0 && e.host >= 0 {
		u.host = e.host - s.host
	}
	return u
}

// add sums two spans of CPU time.
func (u benchCPUUsed) add(v benchCPUUsed) benchCPUUsed {
	u.proc, u.pg = u.proc+v.proc, u.pg+v.pg
	if u.host >= 0 && v.host >= 0 {
		u.host += v.host
	} else {
		u.host = -1
	}
	return u
}

// report reports u per operation of n as <prefix>proc-cpu-ms/op, <prefix>pg-cpu-ms/op and
// <prefix>host-cpu-ms/op.
func (u benchCPUUsed) report(b *testing.B, prefix string, n int64) {
	perOp := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(n) }
	b.ReportMetric(perOp(u.proc), prefix+"proc-cpu-ms/op")
	b.ReportMetric(perOp(u.pg), prefix+"pg-cpu-ms/op")
	if u.host >= 0 {
		b.ReportMetric(perOp(u.host), prefix+"host-cpu-ms/op")
	}
}

// benchOps runs operations 0 to n-1 on `workers` goroutines (op gets the worker and the
// operation's index) and returns the wall time and every operation's latency, sorted. It stops
// at the first error and returns it.
func benchOps(workers int, n int64, op func(worker int, i int64) error) (time.Duration, benchLatencies, error) {
	var (
		next    atomic.Int64
		failed  atomic.Bool
		errOnce sync.Once
		firstEr error
		wg      sync.WaitGroup
	)
	lat := make([]benchLatencies, workers)
	for w := range lat {
		lat[w] = make(benchLatencies, 0, n/int64(workers)+1)
	}
	start := time.Now()
	for w := range workers {
		wg.Go(func() {
			for !failed.Load() {
				i := next.Add(1) - 1
				if i >= n {
					return
				}
				t0 := time.Now()
				if err := op(w, i); err != nil {
					errOnce.Do(func() { firstEr = err })
					failed.Store(true)
					return
				}
				lat[w] = append(lat[w], time.Since(t0))
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	all := slices.Concat(lat...)
	slices.Sort(all)
	return elapsed, all, firstEr
}

// benchMeasure runs b.N operations with benchOps with the benchmark timer on, and reports
// throughput as unit/s, p50/p99 latency in ms, and CPU per operation of this process (client and
// server), of the PostgreSQL server and of the whole machine. It returns the throughput and this
// process's CPU per operation.
func benchMeasure(b *testing.B, pg *benchPGCPU, workers int, unit string, op func(worker int, i int64) error) (float64, time.Duration) {
	b.Helper()
	b.ReportAllocs() // of this process: the clients and the console (or the pgx clients)
	cpu0 := benchSampleCPU(b, pg)
	b.ResetTimer()
	elapsed, all, err := benchOps(workers, int64(b.N), op)
	b.StopTimer()
	used := cpu0.until(benchSampleCPU(b, pg))
	if err != nil {
		b.Fatal(err)
	}
	rate := float64(b.N) / elapsed.Seconds()
	b.ReportMetric(rate, unit+"/s")
	b.ReportMetric(all.quantileMs(0.50), "p50-ms")
	b.ReportMetric(all.quantileMs(0.99), "p99-ms")
	used.report(b, "", int64(b.N))
	return rate, used.proc / time.Duration(b.N)
}

// benchRawColumns is every column of a decision row, in the order of benchRawArgs.
var benchRawColumns = func() []string {
	cols := []string{"id", "reference", "idempotency_key", "request_hash", "created_at", "market", "currency",
		"amount_minor", "merchant_id", "merchant_name", "merchant_category", "shopper_id", "shopper_locale", "channel"}
	for i := range engine.Measures {
		cols = append(cols, engine.Measures[i].Key)
	}
	return append(cols, "outcome", "reasons", "reason_mask", "threshold_version_id", "catalog_version_id",
		"message_locale", "message_title", "message_body", "message_steps")
}()

// benchRawInsertSQL writes one decision row the way the ceiling is defined: one statement,
// autocommit, every column, idempotent on the key. Since migration 13 the key is decision_keys'
// (with the id and reference, $1 to $3, and the time, $5), written in the same statement as
// store.InsertDecision does.
var benchRawInsertSQL = func() string {
	ph := make([]string, len(benchRawColumns))
	for i := range ph {
		ph[i] = "$" + strconv.Itoa(i+1)
	}
	return "WITH k AS (INSERT INTO decision_keys (decision_id, reference, idempotency_key, created_at) VALUES ($1, $2, $3, $5) " +
		"ON CONFLICT (idempotency_key) DO NOTHING RETURNING 1) " +
		"INSERT INTO decisions (" + strings.Join(benchRawColumns, ", ") + ") SELECT " + strings.Join(ph, ", ") + " FROM k"
}()

// benchRawArgs returns rec's row as statement arguments, in benchRawColumns order.
func benchRawArgs(rec *decisions.Record) []any {
	d := &rec.Decision
	codes := make([]string, len(d.Reasons))
	mask := 0
	for i, r := range d.Reasons {
		codes[i] = r.String()
		mask |= 1 << r
	}
	steps := d.Message.Steps
	if steps == nil {
		steps = []string{}
	}
	stepsJSON, _ := json.Marshal(steps)
	args := []any{d.ID, d.Reference, rec.IdempotencyKey, rec.RequestHash, d.CreatedAt, d.Market, d.Currency,
		d.AmountMinor, d.MerchantID, d.MerchantName, d.MerchantCategory, d.ShopperID, d.Locale, d.Channel}
	for _, v := range d.Values {
		args = append(args, v)
	}
	return append(args, d.Outcome.String(), strings.Join(codes, ","), mask, d.ThresholdVersionID,
		d.CatalogVersionID, d.Message.Locale, d.Message.Title, d.Message.Body, string(stepsJSON))
}

// benchRawRecords decides every purchase with the active threshold set and catalog, as Assess would.
func benchRawRecords(tb testing.TB, ta *testApp, ps []benchPurchase) []decisions.Record {
	tb.Helper()
	at := time.Now().UTC().Truncate(time.Microsecond)
	out := make([]decisions.Record, len(ps))
	for i := range ps {
		v, err := ta.Thresholds.Active(ps[i].purchase.Market, at)
		if err != nil {
			tb.Fatal(err)
		}
		if out[i], err = decisions.Decide(&ps[i].purchase, at, decisions.NewReference(), v, ta.Catalog.Current()); err != nil {
			tb.Fatal(err)
		}
	}
	return out
}

// benchNewRawRow gives rec a fresh id, reference, time and idempotency key and returns its arguments.
func benchNewRawRow(rec decisions.Record, key string) []any {
	rec.CreatedAt = time.Now().UTC().Truncate(time.Microsecond)
	rec.ID, rec.Reference = decisions.NewID(rec.CreatedAt), decisions.NewReference()
	rec.IdempotencyKey = key
	return benchRawArgs(&rec)
}

// BenchmarkAssessPurchasePostgres measures assessPurchase through the real HTTP handler on
// PostgreSQL (fsync and synchronous_commit on) next to the raw ceiling of writing the same
// decision row with pgx, in one run on one database server and one table:
//
//   - raw-1conn: one pgx connection, one autocommitted INSERT ... ON CONFLICT DO NOTHING per row;
//   - raw-32conn: the same with 32 concurrent connections of a pgxpool;
//   - clients-only: the 32 clients against a server that answers at once with a stored answer,
//     for their own CPU per call;
//   - assess-32clients: 32 keep-alive HTTP clients over loopback, each call a unique
//     idempotency key and a generated purchase; reports assess/s, p50/p99 and x-raw32, the
//     ratio of its throughput to raw-32conn's (issue 19's target >= 0.8, stretch 1.0; p99 <= 25
//     ms), and rows/batch, the mean batch of group commit;
//   - assess-1client: one client, sequential calls (target p50 <= 1 ms).
//
// Client, server and PostgreSQL share the machine's cores. CPU per operation is reported three
// ways: proc-cpu-ms/op is this process (the HTTP clients and the console, or the pgx clients),
// pg-cpu-ms/op the PostgreSQL server's processes (from /proc), host-cpu-ms/op the whole
// machine's busy time (/proc/stat; includes anything else running, so only meaningful on a
// quiet machine). console-cpu-ms/op is proc-cpu-ms/op less clients-only's: the console's own,
// with the HTTP server's share that a bare server pays too left out.
func BenchmarkAssessPurchasePostgres(b *testing.B) {
	TuneRuntime(os.Getenv)
	ctx := context.Background()
	ta := newTestApp(b, "postgres", benchSeedWrite)
	purchases := benchPurchases(b, benchPurchaseCount)
	records := benchRawRecords(b, ta, purchases)
	dsn := ta.Config.DatabaseURL
	pg := newBenchPGCPU(b, dsn)
	var version, fsync, syncCommit, walSync string
	if err := pg.conn.QueryRow(ctx, "SELECT version(), current_setting('fsync'), current_setting('synchronous_commit'), "+
		"current_setting('wal_sync_method')").Scan(&version, &fsync, &syncCommit, &walSync); err != nil {
		b.Fatal(err)
	}
	b.Logf("%s; fsync=%s synchronous_commit=%s wal_sync_method=%s", version, fsync, syncCommit, walSync)
	var raw32Rate float64

	b.Run("raw-1conn", func(b *testing.B) {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			b.Fatal(err)
		}
		defer conn.Close(ctx)
		prefix := fmt.Sprintf("raw1-%d-", benchRun.Add(1))
		_, _ = benchMeasure(b, pg, 1, "rows", func(_ int, i int64) error {
			args := benchNewRawRow(records[i%int64(len(records))], prefix+strconv.FormatInt(i, 10))
			tag, err := conn.Exec(ctx, benchRawInsertSQL, args...)
			if err == nil && tag.RowsAffected() != 1 {
				err = fmt.Errorf("raw insert wrote %d rows", tag.RowsAffected())
			}
			return err
		})
	})

	b.Run("raw-32conn", func(b *testing.B) {
		cfg, err := pgxpool.ParseConfig(dsn)
		if err != nil {
			b.Fatal(err)
		}
		cfg.MaxConns, cfg.MinConns = benchClients, benchClients
		pool, err := pgxpool.NewWithConfig(ctx, cfg)
		if err != nil {
			b.Fatal(err)
		}
		defer pool.Close()
		// Open (and prepare on) every connection before the clock runs.
		warm := make([]*pgxpool.Conn, benchClients)
		for i := range warm {
			if warm[i], err = pool.Acquire(ctx); err != nil {
				b.Fatal(err)
			}
		}
		for _, c := range warm {
			c.Release()
		}
		prefix := fmt.Sprintf("raw32-%d-", benchRun.Add(1))
		raw32Rate, _ = benchMeasure(b, pg, benchClients, "rows", func(_ int, i int64) error {
			args := benchNewRawRow(records[i%int64(len(records))], prefix+strconv.FormatInt(i, 10))
			tag, err := pool.Exec(ctx, benchRawInsertSQL, args...)
			if err == nil && tag.RowsAffected() != 1 {
				err = fmt.Errorf("raw insert wrote %d rows", tag.RowsAffected())
			}
			return err
		})
	})

	url, console := ta.Server.URL+"/graphql", ta.App
	// RISKCONSOLE_BENCH_DB_CONNS=n runs the assessments on a second console over the same
	// database with a pool of n connections instead of the default (DefaultDBMaxConns; an
	// experiment knob).
	if v := os.Getenv("RISKCONSOLE_BENCH_DB_CONNS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			b.Fatalf("RISKCONSOLE_BENCH_DB_CONNS=%q: want a positive number", v)
		}
		cfg := ta.Config
		cfg.DBMaxConns = n
		a, err := Open(ctx, cfg, WithLogger(discardLogger()))
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { a.Close() })
		if err := a.Load(ctx); err != nil {
			b.Fatal(err)
		}
		srv := httptest.NewServer(a.Handler())
		b.Cleanup(srv.Close)
		url, console = srv.URL+"/graphql", a
		b.Logf("console pool: %d connections", n)
	}
	checkout := newBenchCheckout(b, url, ta.Tokens[auth.Service])
	checkout.warm(b, purchases)
	// The clients' own CPU per call, against a server that answers every call with a stored
	// answer at once: subtracted from this process's CPU per assessment, it leaves the console's
	// (console-cpu-ms/op).
	var clientCPU time.Duration
	b.Run("clients-only", func(b *testing.B) {
		body := fmt.Appendf(nil, `{"data":{"assessPurchase":{"decisionId":%q}}}`, decisions.NewID(time.Now()))
		canned := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.Copy(io.Discard, r.Body)
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write(body)
		}))
		defer canned.Close()
		_, clientCPU = benchMeasure(b, pg, benchClients, "calls", newBenchCheckout(b, canned.URL, "-").op("canned-", purchases))
	})
	assess := func(b *testing.B, clients int) float64 {
		gc0 := console.Store.GroupCommitStats()
		rate, cpu := benchMeasure(b, pg, clients, "assess", checkout.op(fmt.Sprintf("bench-%d-", benchRun.Add(1)), purchases))
		if clientCPU > 0 {
			b.ReportMetric(float64(cpu-clientCPU)/float64(time.Millisecond), "console-cpu-ms/op")
		}
		// The mean batch of group commit (store/groupcommit.go), of the console's own store.
		if gc := console.Store.GroupCommitStats(); gc.Batches > gc0.Batches {
			b.ReportMetric(float64(gc.Rows-gc0.Rows)/float64(gc.Batches-gc0.Batches), "rows/batch")
		}
		return rate
	}

	b.Run("assess-32clients", func(b *testing.B) {
		rate := assess(b, benchClients)
		if raw32Rate > 0 {
			b.ReportMetric(rate/raw32Rate, "x-raw32")
		}
	})
	b.Run("assess-1client", func(b *testing.B) { assess(b, 1) })
}

// benchCheckout is benchClients checkout clients calling assessPurchase over keep-alive HTTP
// connections of one transport, each with its own request and response buffers.
type benchCheckout struct {
	client *http.Client
	url    string
	authz  string
	bodies [][]byte
	resps  []bytes.Buffer
}

// newBenchCheckout returns the clients of the GraphQL endpoint url, calling with token.
func newBenchCheckout(tb testing.TB, url, token string) *benchCheckout {
	// One transport for all clients, with room for every client's keep-alive connection.
	transport := &http.Transport{MaxIdleConns: 2 * benchClients, MaxIdleConnsPerHost: 2 * benchClients, IdleConnTimeout: time.Minute}
	tb.Cleanup(transport.CloseIdleConnections)
	return &benchCheckout{client: &http.Client{Transport: transport}, url: url, authz: "Bearer " + token,
		bodies: make([][]byte, benchClients), resps: make([]bytes.Buffer, benchClients)}
}

// call assesses p as client w under idempotency key key; an error or a response without a
// decision is an error.
func (c *benchCheckout) call(w int, key string, p *benchPurchase) error {
	c.bodies[w] = benchAssessBody(c.bodies[w], key, p)
	req, err := http.NewRequest(http.MethodPost, c.url, bytes.NewReader(c.bodies[w]))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", c.authz)
	resp, err := c.client.Do(req)
	if err != nil {
		return err
	}
	c.resps[w].Reset()
	_, err = c.resps[w].ReadFrom(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	if body := c.resps[w].Bytes(); resp.StatusCode != http.StatusOK || bytes.Contains(body, []byte(`"errors"`)) || !bytes.Contains(body, []byte(`"decisionId"`)) {
		return fmt.Errorf("assessPurchase: status %d: %s", resp.StatusCode, body)
	}
	return nil
}

// op returns the operation of benchOps and benchMeasure: operation i assesses the i-th of
// purchases (cycling) under the idempotency key prefix+i.
func (c *benchCheckout) op(prefix string, purchases []benchPurchase) func(w int, i int64) error {
	return func(w int, i int64) error {
		return c.call(w, prefix+strconv.FormatInt(i, 10), &purchases[i%int64(len(purchases))])
	}
}

// warm opens every client's keep-alive connection and warms the handler (query cache, prepared
// statements, connection pool) before the clock runs.
func (c *benchCheckout) warm(tb testing.TB, purchases []benchPurchase) {
	tb.Helper()
	var wg sync.WaitGroup
	errs := make([]error, benchClients)
	for w := range benchClients {
		wg.Go(func() {
			for i := range 20 {
				if errs[w] = c.call(w, fmt.Sprintf("warm-%d-%d-%d", benchRun.Add(1), w, i), &purchases[(w*20+i)%len(purchases)]); errs[w] != nil {
					return
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			tb.Fatal(err)
		}
	}
}

// benchPageQuery asks for a page of 50 decisions with everything the explorer shows.
const benchPageQuery = `query Page($first: Int!) {
  decisions(first: $first) {
    nodes {
      id reference createdAt market currency amount
      merchant { id name category }
      shopperId locale channel outcome
      reasons { rank code measuredValue factor }
      breakdown
      thresholdVersion { id market version }
      catalogVersionId
      message { locale title body steps }
    }
    pageInfo { hasNextPage endCursor }
  }
}`

// BenchmarkDecisionsPage measures a page of 50 decisions with factor breakdowns, reasons,
// message and threshold version through GraphQL in-process (the real handler called with an
// httptest.ResponseRecorder, no network), on SQLite and PostgreSQL with benchSeedPage decisions.
// cpu-ms/page is this process's CPU time (user + system, getrusage) per page, GC included:
// on SQLite the database engine runs in-process and is counted; on PostgreSQL the server's
// backend is another process and is not (it is reported apart as pg-cpu-ms/page). Target: <= 2 ms.
//
// For comparison, per dialect:
//   - graphql-explorer: the UI's explorer document (a page of 50 of one market with the dozen
//     fields its table shows, as the load tool's page), which reads only the columns those
//     fields need;
//   - store: the service's List alone (SQL query and row mapping, no GraphQL);
//   - json: encoding/json of the same page mapped to []model.Decision (what the resolver returns);
//   - plain: List + mapping + encoding/json, i.e. the page without GraphQL.
func BenchmarkDecisionsPage(b *testing.B) {
	TuneRuntime(os.Getenv)
	for _, dialect := range dialects {
		b.Run(dialect, func(b *testing.B) {
			ctx := context.Background()
			ta := newTestApp(b, dialect, benchSeedPage)
			var pg *benchPGCPU // the server's CPU, when it is a separate process
			if dialect == "postgres" {
				pg = newBenchPGCPU(b, ta.Config.DatabaseURL)
			}
			h := ta.Server.Config.Handler
			body, _ := json.Marshal(map[string]any{"query": benchPageQuery, "variables": map[string]any{"first": benchPageSize}})
			authz := "Bearer " + ta.Tokens[auth.Auditor]
			// One response buffer for all calls, so that the recorder's growing it is not
			// counted as the server's work.
			respBuf := bytes.NewBuffer(make([]byte, 0, 512<<10))
			// serveWith answers body with handler; serve the page with h.
			serveWith := func(handler http.Handler, body []byte) *httptest.ResponseRecorder {
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", authz)
				rec := httptest.NewRecorder()
				respBuf.Reset()
				rec.Body = respBuf
				handler.ServeHTTP(rec, req)
				return rec
			}
			serve := func() *httptest.ResponseRecorder { return serveWith(h, body) }
			// Check the answer once: 50 decisions with 15 breakdown rows each, no errors.
			rec := serve()
			var resp struct {
				Data struct {
					Decisions struct {
						Nodes []struct {
							Breakdown []json.RawMessage `json:"breakdown"`
						} `json:"nodes"`
					} `json:"decisions"`
				} `json:"data"`
				Errors []any `json:"errors"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || rec.Code != http.StatusOK || len(resp.Errors) > 0 {
				b.Fatalf("status %d, err %v: %s", rec.Code, err, rec.Body.Bytes())
			}
			if n := len(resp.Data.Decisions.Nodes); n != benchPageSize || len(resp.Data.Decisions.Nodes[0].Breakdown) != engine.NumMeasures {
				b.Fatalf("got %d decisions, want %d with %d breakdown rows", n, benchPageSize, engine.NumMeasures)
			}
			pageBytes := rec.Body.Len()

			list := func() decisions.Page {
				page, err := ta.Decisions.List(ctx, decisions.Filter{}, decisions.PageRequest{First: benchPageSize})
				if err != nil {
					b.Fatal(err)
				}
				return page
			}
			mapped := benchMapPage(b, ta, list().Items)

			b.Run("graphql", func(b *testing.B) {
				benchCPULoop(b, pg, "page", func() {
					if rec := serve(); rec.Code != http.StatusOK {
						b.Fatalf("status %d: %s", rec.Code, rec.Body.Bytes())
					}
				})
				b.ReportMetric(float64(pageBytes), "resp-B")
			})
			// The same handler on gqlgen's own transport.POST, which passes the marshalled data
			// through json.Marshal once more (what the console's POST transport saves).
			gqlgenPOST := ta.handlerWith(func(o *httpapi.Options) { o.Transport = transport.POST{} })
			b.Run("graphql-gqlgenPOST", func(b *testing.B) {
				benchCPULoop(b, pg, "page", func() {
					if rec := serveWith(gqlgenPOST, body); rec.Code != http.StatusOK || rec.Body.Len() != pageBytes {
						b.Fatalf("status %d, %d bytes: %.200s", rec.Code, rec.Body.Len(), rec.Body.Bytes())
					}
				})
			})
			// The UI's explorer page (its persisted document): a page of 50 of one market with
			// the twelve fields the table shows, as the load tool's decisions mix asks.
			_, uiDoc := uiDocument(b, "query Decisions(")
			uiBody, _ := json.Marshal(map[string]any{"query": uiDoc, "variables": map[string]any{
				"first": benchPageSize, "orderBy": "NEWEST_FIRST", "filter": map[string]any{"market": "DE"}}})
			b.Run("graphql-explorer", func(b *testing.B) {
				var n int
				benchCPULoop(b, pg, "page", func() {
					rec := serveWith(h, uiBody)
					if rec.Code != http.StatusOK || !bytes.Contains(rec.Body.Bytes(), []byte(`"hasNextPage":true`)) {
						b.Fatalf("status %d: %.300s", rec.Code, rec.Body.Bytes())
					}
					n = rec.Body.Len()
				})
				b.ReportMetric(float64(n), "resp-B")
			})
			b.Run("store", func(b *testing.B) {
				benchCPULoop(b, pg, "page", func() { list() })
			})
			b.Run("json", func(b *testing.B) {
				var n int
				benchCPULoop(b, pg, "page", func() {
					out, err := json.Marshal(mapped)
					if err != nil {
						b.Fatal(err)
					}
					n = len(out)
				})
				b.ReportMetric(float64(n), "resp-B")
			})
			b.Run("plain", func(b *testing.B) {
				benchCPULoop(b, pg, "page", func() {
					if _, err := json.Marshal(benchMapPage(b, ta, list().Items)); err != nil {
						b.Fatal(err)
					}
				})
			})
		})
	}
}

// benchCPULoop runs fn in the benchmark loop and reports this process's CPU time per call as
// cpu-ms/<unit> and, when pg is not nil, the PostgreSQL server's as pg-cpu-ms/<unit>.
func benchCPULoop(b *testing.B, pg *benchPGCPU, unit string, fn func()) {
	b.ReportAllocs()
	var (
		cpu0 time.Duration
		pg0  map[int]time.Duration
	)
	n := 0
	for b.Loop() {
		if n == 0 {
			b.StopTimer()
			if pg != nil {
				pg0 = pg.sample(b)
			}
			cpu0 = benchCPUTime(b)
			b.StartTimer()
		}
		// The label marks the loop's samples, and those of the goroutines it starts, in a CPU
		// profile: go tool pprof -tagfocus=bench=loop.
		pprof.Do(context.Background(), pprof.Labels("bench", "loop"), func(context.Context) { fn() })
		n++
	}
	cpu := benchCPUTime(b) - cpu0
	b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(n), "cpu-ms/"+unit)
	if pg != nil {
		b.ReportMetric(float64(benchPGCPUSince(pg0, pg.sample(b)))/float64(time.Millisecond)/float64(n), "pg-cpu-ms/"+unit)
	}
}

// benchMapPage maps decisions to the API model as graph does, with graph.MapDecision:
// unexported): the pinned threshold versions in one batch, each breakdown recomputed by the
// engine.
func benchMapPage(tb testing.TB, ta *testApp, ds []decisions.Decision) []model.Decision {
	ids := make([]int64, 0, 4)
	for i := range ds {
		if !slices.Contains(ids, ds[i].ThresholdVersionID) {
			ids = append(ids, ds[i].ThresholdVersionID)
		}
	}
	versions, err := ta.Thresholds.Versions(context.Background(), ids)
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]model.Decision, len(ds))
	for i := range ds {
		d, v := &ds[i], versions[ds[i].ThresholdVersionID]
		out[i] = graph.MapDecision(d, v)
	}
	return out
}
