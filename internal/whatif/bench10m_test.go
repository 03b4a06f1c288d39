package whatif

import (
	"math/rand/v2"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"riskconsole/internal/engine"
)

// tenM is the size of the largest history benchmarked: ten million decisions of one market.
const tenM = 10_000_000

var (
	tenOnce     sync.Once
	tenHist     *History
	tenHeapPerD float64 // heap bytes per decision, measured while building tenHist
)

// tenMHistory returns a shared history of 10,000,000 realistic decisions of US over a year (the
// generator of bigHistory, in batches of 1,000,000 with consecutive time ranges so that the rows
// arrive in time order), with outcomes for the approved ones. It records the heap the history
// holds per decision (runtime.MemStats before and after, the generated rows dropped).
func tenMHistory(tb testing.TB) *History {
	tenOnce.Do(func() {
		const batch = 1_000_000
		start := int64(1_735_689_600) * 1_000_000 // 2025-01-01
		span := int64(365) * DayMicros / (tenM / batch)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		h := NewHistory("US")
		rng := rand.New(rand.NewPCG(10, 10))
		for b := 0; b < tenM/batch; b++ {
			rows := genRowsAt(tb, rng, batch, 0.93, start+int64(b)*span, span)
			for i := range rows {
				h.Append(&rows[i])
			}
		}
		addOutcomes(h, 10)
		runtime.GC()
		runtime.ReadMemStats(&after)
		tenHeapPerD = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / tenM
		tenHist = h
	})
	return tenHist
}

// BenchmarkSimulate10M replays 10,000,000 decisions of one market under the default set and a
// proposal that moves the credit-score cut-off (one slider move, a one-rule change), without
// outcomes. It reports the median of Simulate (p50-ms), the same per million decisions, the CPU
// time per simulation (cpu-ms/op, all threads), and the
// bytes of history per decision: by the history's own accounting (B/decision, the unused tail of
// the last chunk and any base-set cache included), by the heap (heap-B/decision), and without the
// 12 bytes of outcome columns (B/decision-no-outcomes).
func BenchmarkSimulate10M(b *testing.B) {
	h := tenMHistory(b)
	s := h.Snapshot()
	s.base = baseView{} // the full path, whether or not a base cache was set
	baseline, proposed := sliderProposal(b)
	logDataShape(b, s, &baseline, &proposed)
	var each []time.Duration
	cpu0 := processCPU(b)
	for b.Loop() {
		t0 := time.Now()
		Simulate(s, 0, s.Len(), &baseline, &proposed)
		each = append(each, time.Since(t0))
	}
	reportTenM(b, h, each, processCPU(b)-cpu0)
}

// processCPU returns the CPU time (user and system, all threads) the process has used: on a
// shared machine the CPU per simulation varies less than its wall-clock time.
func processCPU(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportTenM reports the median of each over the 10M history, the CPU time per simulation (cpu,
// over all of them), and the history's bytes per decision.
func reportTenM(b *testing.B, h *History, each []time.Duration, cpu time.Duration) {
	p50 := median(each).Seconds() * 1e3
	b.ReportMetric(p50, "p50-ms")
	b.ReportMetric(p50/(tenM/1e6), "p50-ms/M")
	b.ReportMetric(cpu.Seconds()*1e3/float64(len(each)), "cpu-ms/op")
	per := float64(h.CapacityBytes()) / float64(h.Len())
	b.ReportMetric(per, "B/decision")
	b.ReportMetric(per-outcomeColumnBytes, "B/decision-no-outcomes")
	b.ReportMetric(tenHeapPerD, "heap-B/decision-no-cache")
	b.Logf("kernel %s, GOMAXPROCS %d", Kernel, runtime.GOMAXPROCS(0))
}

// outcomeColumnBytes is the per-decision size of the outcome columns: the packed repayment
// summary (8) and the inferred probability of bad (4).
const outcomeColumnBytes = 8 + 4

// oneRuleProposals returns the default set and, for every rule on a measured value that is not a
// flag, the default set with that rule's cut-off moved by a quarter of its scale (valid ones).
func oneRuleProposals(tb testing.TB) (engine.ThresholdSet, []engine.ThresholdSet) {
	base := usDefault(tb)
	var out []engine.ThresholdSet
	for m := range base.Rules {
		if engine.Measures[m].Unit == engine.UnitFlag || engine.Measure(m) == engine.AgeYears {
			continue
		}
		p := base
		p.Rules[m].Cutoff += engine.Measures[m].Scale / 4
		if p.Validate() == nil {
			out = append(out, p)
		}
	}
	return base, out
}

// BenchmarkSimulate10MOneRule is the one-rule change over the same 10,000,000 decisions with the
// base-set cache: it times SetBase (the cache's build, once per change of the set in force), then
// Simulate for each rule's cut-off moved in turn. It reports the median (p50-ms, p50-ms/M), the
// full path's median over the same proposals measured right after (x-full), and the bytes per
// decision with the cache (cache-heap-B/decision: the heap the cache took).
func BenchmarkSimulate10MOneRule(b *testing.B) {
	benchOneRule(b, false)
}

// BenchmarkSimulate10MOneRuleOutcomes is BenchmarkSimulate10MOneRule with the swap-set's
// outcome figures, as the GraphQL simulate asks for them.
func BenchmarkSimulate10MOneRuleOutcomes(b *testing.B) {
	benchOneRule(b, true)
}

func benchOneRule(b *testing.B, withOutcomes bool) {
	h := tenMHistory(b)
	base, props := oneRuleProposals(b)
	h.base.Store(nil) // drop any cache, so that the build and its memory are measured
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	t0 := time.Now()
	h.SetBase(&base)
	build := time.Since(t0)
	runtime.GC()
	runtime.ReadMemStats(&after)
	s := h.Snapshot()
	var o *OutcomeParams
	if withOutcomes {
		o = NewOutcomeParams(s, testDef.Definition, outcomeNow, nil)
	}
	b.Logf("%d one-rule proposals; cache built in %v", len(props), build)
	var each []time.Duration
	i := 0
	b.ResetTimer()
	cpu0 := processCPU(b)
	for b.Loop() {
		t1 := time.Now()
		SimulateOutcomes(s, 0, s.Len(), &base, &props[i%len(props)], o)
		each = append(each, time.Since(t1))
		i++
	}
	cpu := processCPU(b) - cpu0
	b.StopTimer()
	full := *s
	full.base = baseView{}
	var slow []time.Duration
	for k := range max(len(props), 5) {
		t1 := time.Now()
		SimulateOutcomes(&full, 0, s.Len(), &base, &props[k%len(props)], o)
		slow = append(slow, time.Since(t1))
	}
	reportTenM(b, h, each, cpu)
	b.ReportMetric(median(slow).Seconds()/median(each).Seconds(), "x-full")
	b.ReportMetric(build.Seconds()*1e3, "build-ms")
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/tenM, "cache-heap-B/decision")
}
