package app

// The speed target of issue 17. BENCHMARKS.md ("Issue 17 — shadows") has the figures.
//
//	go test -run='^$' -bench=BenchmarkAssessShadowsPostgres -benchtime=96000x ./internal/app/

import (
	"context"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"riskconsole/internal/auth"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/thresholds"
)

// benchShadowPairs is the number of round pairs (one round without shadows, one with) of a run,
// unless RISKCONSOLE_BENCH_SHADOW_PAIRS says otherwise.
const benchShadowPairs = 12

// benchShadowRaises are the points by which each shadow raises the bureau-score cut-off of its
// market's set in force: three sets that differ from it and from each other, so that every
// assessment really evaluates them and they decline shoppers the live set approves.
var benchShadowRaises = [thresholds.MaxShadows]float64{20, 40, 60}

// BenchmarkAssessShadowsPostgres measures issue 17's speed target: assessPurchase from 32 clients
// through the real HTTP handler on PostgreSQL, as BenchmarkAssessPurchasePostgres does, once
// without shadows and once with three shadows running in every market of the purchases. Both
// run in one process on one database and one table, with the same purchases, in alternating
// rounds (without, with, without, ...) of b.N / (2 × pairs) assessments each, so that the drift
// of a shared machine and the table's growth hit both alike; only the shadows differ. Between
// rounds the shadows are started and stopped through the experiment lifecycle, with the clock
// stopped.
//
// It reports, for each configuration (none-, shadows-), throughput (assess/s), p50 and p99 in
// ms over all its rounds and CPU per assessment (as BenchmarkAssessPurchasePostgres), and the
// ratios shadows / none: x-tput (target >= 0.95) and x-p99 (target <= 1.10) over all rounds,
// and x-tput-median-pair and x-p99-median-pair, the medians of the ratios of each pair of
// rounds, which one round disturbed by other work moves less. Afterwards it checks that every decision of a round with
// shadows carries the three shadows' results and that no other does.
func BenchmarkAssessShadowsPostgres(b *testing.B) {
	TuneRuntime(os.Getenv)
	pairs := benchShadowPairs
	if v := os.Getenv("RISKCONSOLE_BENCH_SHADOW_PAIRS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			b.Fatalf("RISKCONSOLE_BENCH_SHADOW_PAIRS=%q: want a positive number", v)
		}
		pairs = n
	}
	ta := newTestApp(b, "postgres", benchSeedWrite)
	purchases := benchPurchases(b, benchPurchaseCount)
	pg := newBenchPGCPU(b, ta.Config.DatabaseURL)
	shadows := newBenchShadows(b, ta, purchases)
	checkout := newBenchCheckout(b, ta.Server.URL+"/graphql", ta.Tokens[auth.Service])
	checkout.warm(b, purchases)

	b.Run("assess-32clients", func(b *testing.B) {
		perRound := max(int64(b.N)/int64(2*pairs), 1)
		prefix := fmt.Sprintf("shadowbench-%d-", benchRun.Add(1))
		var none, with benchShadowConfig
		b.ReportAllocs()
		b.ResetTimer()
		for r := range 2 * pairs {
			cfg, key := &none, prefix+"none-"
			if r%2 == 1 {
				cfg, key = &with, prefix+"with-"
				b.StopTimer()
				shadows.start(b)
				b.StartTimer()
			}
			cpu0 := benchSampleCPU(b, pg)
			elapsed, lat, err := benchOps(benchClients, perRound, checkout.op(key+strconv.Itoa(r)+"-", purchases))
			used := cpu0.until(benchSampleCPU(b, pg))
			if err != nil {
				b.Fatal(err)
			}
			cfg.add(perRound, elapsed, lat, used)
			if r%2 == 1 {
				b.StopTimer()
				shadows.stop(b)
				b.StartTimer()
			}
		}
		b.StopTimer()

		none.report(b, "none-")
		with.report(b, "shadows-")
		b.ReportMetric(with.rate()/none.rate(), "x-tput")
		b.ReportMetric(with.lat.quantileMs(0.99)/none.lat.quantileMs(0.99), "x-p99")
		tputRatios, p99Ratios := make([]float64, pairs), make([]float64, pairs)
		for i := range pairs {
			tputRatios[i], p99Ratios[i] = with.rounds[i]/none.rounds[i], with.p99s[i]/none.p99s[i]
		}
		b.Logf("b.N=%d, %d pairs of %d; assess/s per round without: %.0f; with: %.0f; p99 ms without: %.1f; with: %.1f",
			b.N, pairs, perRound, none.rounds, with.rounds, none.p99s, with.p99s)
		b.ReportMetric(benchMedian(tputRatios), "x-tput-median-pair")
		b.ReportMetric(benchMedian(p99Ratios), "x-p99-median-pair")
		shadows.verify(b, prefix, int64(pairs)*perRound)
	})
}

// benchShadowConfig accumulates the rounds of one configuration.
type benchShadowConfig struct {
	n       int64
	elapsed time.Duration
	lat     benchLatencies // sorted
	cpu     benchCPUUsed
	rounds  []float64 // each round's assessments per second
	p99s    []float64 // and p99 in ms
}

func (c *benchShadowConfig) add(n int64, elapsed time.Duration, lat benchLatencies, cpu benchCPUUsed) {
	if c.n == 0 {
		c.cpu = cpu
	} else {
		c.cpu = c.cpu.add(cpu)
	}
	c.n += n
	c.elapsed += elapsed
	c.lat = append(c.lat, lat...)
	slices.Sort(c.lat)
	c.rounds = append(c.rounds, float64(n)/elapsed.Seconds())
	c.p99s = append(c.p99s, lat.quantileMs(0.99))
}

// rate is the configuration's throughput over all its rounds.
func (c *benchShadowConfig) rate() float64 { return float64(c.n) / c.elapsed.Seconds() }

func (c *benchShadowConfig) report(b *testing.B, prefix string) {
	b.ReportMetric(c.rate(), prefix+"assess/s")
	b.ReportMetric(c.lat.quantileMs(0.50), prefix+"p50-ms")
	b.ReportMetric(c.lat.quantileMs(0.99), prefix+"p99-ms")
	c.cpu.report(b, prefix, c.n)
}

// benchMedian returns the median of xs, which it sorts.
func benchMedian(xs []float64) float64 {
	slices.Sort(xs)
	n := len(xs)
	if n == 0 {
		return math.NaN()
	}
	return (xs[(n-1)/2] + xs[n/2]) / 2
}

// benchShadows are the three approved versions per market that the benchmark runs in shadow, and
// the runs of the current round.
type benchShadows struct {
	ta       *testApp
	approver context.Context
	versions map[string][]int64 // by market, in the order they start (and so are evaluated)
	runs     []int64
}

// newBenchShadows publishes, for each market of purchases, a version per benchShadowRaises the
// way people do: written by an analyst, submitted and approved by an approver (a second person),
// and not activated.
func newBenchShadows(tb testing.TB, ta *testApp, purchases []benchPurchase) *benchShadows {
	tb.Helper()
	lc := ta.ThresholdLifecycle
	author, approver := staffContext("bench.analyst", auth.Analyst), staffContext("bench.lead", auth.Approver)
	s := &benchShadows{ta: ta, approver: approver, versions: map[string][]int64{}}
	for i := range purchases {
		m := purchases[i].purchase.Market
		if _, ok := s.versions[m]; ok {
			continue
		}
		s.versions[m] = nil
		for _, raise := range benchShadowRaises {
			d, err := lc.CreateDraft(author, m, 0)
			if err != nil {
				tb.Fatal(err)
			}
			rules := make([]thresholds.RuleInput, len(d.Set.Rules))
			for j, r := range d.Set.Rules {
				rules[j] = thresholds.RuleInput{Measure: r.Measure, Comparator: r.Comparator, Cutoff: r.Cutoff, Enabled: r.Enabled}
			}
			score := &rules[engine.BureauScore]
			score.Cutoff = min(score.Cutoff+raise, engine.Measures[engine.BureauScore].Max)
			if d, err = lc.EditDraft(author, d.ID, d.Revision, rules); err != nil {
				tb.Fatal(err)
			}
			if d, err = lc.SubmitDraft(author, d.ID, d.Revision, fmt.Sprintf("benchmark shadow: bureau score cut-off %+g", raise)); err != nil {
				tb.Fatal(err)
			}
			_, v, err := lc.ApproveDraft(approver, d.ID, "")
			if err != nil {
				tb.Fatal(err)
			}
			s.versions[m] = append(s.versions[m], v.ID)
		}
	}
	s.checkDiffer(tb, purchases)
	tb.Logf("shadow versions by market: %v", s.versions)
	return s
}

// checkDiffer fails unless each shadow version declines some of purchases that the set in force
// approves: a shadow that decides like the live set would not measure the cost of different
// outcomes (the declined ones name and rank reasons).
func (s *benchShadows) checkDiffer(tb testing.TB, purchases []benchPurchase) {
	tb.Helper()
	now := time.Now()
	var flipped [thresholds.MaxShadows]int
	for i := range purchases {
		p := &purchases[i].purchase
		live, err := s.ta.Thresholds.Active(p.Market, now)
		if err != nil {
			tb.Fatal(err)
		}
		vs, err := s.ta.Thresholds.Versions(context.Background(), s.versions[p.Market])
		if err != nil {
			tb.Fatal(err)
		}
		var res engine.Result
		if engine.Evaluate(&live.Set, &p.Values, &res); res.Outcome != engine.Approved {
			continue
		}
		for j, id := range s.versions[p.Market] {
			if engine.Evaluate(&vs[id].Set, &p.Values, &res); res.Outcome == engine.Declined {
				flipped[j]++
			}
		}
	}
	for j, k := range flipped {
		if k == 0 {
			tb.Fatalf("shadow %d (bureau score cut-off %+g) declines none of the %d purchases the live sets approve", j+1, benchShadowRaises[j], len(purchases))
		}
	}
	tb.Logf("of %d purchases, the shadows decline %v that the live sets approve", len(purchases), flipped)
}

// start starts every version in shadow, as the approver.
func (s *benchShadows) start(tb testing.TB) {
	tb.Helper()
	for _, ids := range s.versions {
		for _, id := range ids {
			sh, err := s.ta.Experiments.StartShadow(s.approver, id, nil)
			if err != nil {
				tb.Fatal(err)
			}
			s.runs = append(s.runs, sh.ID)
		}
	}
}

// stop stops the runs start started.
func (s *benchShadows) stop(tb testing.TB) {
	tb.Helper()
	for _, id := range s.runs {
		if _, err := s.ta.Experiments.StopShadow(s.approver, id); err != nil {
			tb.Fatal(err)
		}
	}
	s.runs = s.runs[:0]
}

// verify checks the decisions of one run of the benchmark (idempotency keys with prefix): each
// of the n made while the shadows ran carries the results of its market's three versions, in
// order; none of the n made without carries any. It logs the decline rates, live and per shadow.
func (s *benchShadows) verify(tb testing.TB, prefix string, n int64) {
	tb.Helper()
	db := s.ta.rawDB(tb)
	var without int64
	if err := db.QueryRow("SELECT COUNT(*) FROM decisions WHERE idempotency_key LIKE $1 AND shadow_results = ''",
		"%:"+prefix+"none-%").Scan(&without); err != nil {
		tb.Fatal(err)
	}
	if without != n {
		tb.Fatalf("%d of the %d decisions made without shadows carry no shadow results", without, n)
	}
	rows, err := db.Query("SELECT market, outcome, shadow_results FROM decisions WHERE idempotency_key LIKE $1",
		"%:"+prefix+"with-%")
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var (
		seen, liveDeclined int64
		shadowDeclined     [thresholds.MaxShadows]int64
	)
	for rows.Next() {
		var market, outcome, stored string
		if err := rows.Scan(&market, &outcome, &stored); err != nil {
			tb.Fatal(err)
		}
		rs, err := decisions.DecodeShadowResults(stored)
		if err != nil {
			tb.Fatal(err)
		}
		ids := make([]int64, len(rs))
		for i := range rs {
			ids[i] = rs[i].VersionID
		}
		if !slices.Equal(ids, s.versions[market]) {
			tb.Fatalf("a decision in %s made while %v ran in shadow carries the results of %v (%q)", market, s.versions[market], ids, stored)
		}
		seen++
		approved := outcome == engine.Approved.String()
		if !approved {
			liveDeclined++
		}
		for i := range rs {
			if rs[i].Outcome == engine.Declined {
				shadowDeclined[i]++
			}
		}
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	if seen != n {
		tb.Fatalf("%d decisions made while the shadows ran, want %d", seen, n)
	}
	rate := func(k int64) string { return fmt.Sprintf("%.1f %%", 100*float64(k)/float64(n)) }
	tb.Logf("decline rate of the %d decisions with shadows: live %s; shadows (cut-off %v) %s, %s, %s",
		n, rate(liveDeclined), benchShadowRaises, rate(shadowDeclined[0]), rate(shadowDeclined[1]), rate(shadowDeclined[2]))
}
