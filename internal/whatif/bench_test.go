package whatif

import (
	"encoding/binary"
	"math/bits"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"riskconsole/internal/engine"
)

// sliderProposal returns the default set with the credit-score cut-off moved, what one slider
// move produces.
func sliderProposal(tb testing.TB) (baseline, proposed engine.ThresholdSet) {
	baseline = usDefault(tb)
	proposed = baseline
	proposed.Rules[engine.BureauScore].Cutoff = 600
	return baseline, proposed
}

// BenchmarkSimulate1M replays 1,000,000 decisions under the default set and a proposal that moves
// one cut-off, the work of one slider move, with the outcome figures of the swap-set (about half
// the approved decisions mature). It reports the median, and the ratio to the same simulation
// without outcomes measured right after in the same run.
func BenchmarkSimulate1M(b *testing.B) {
	s := bigHistory(b).Snapshot()
	baseline, proposed := sliderProposal(b)
	logDataShape(b, s, &baseline, &proposed)
	o := NewOutcomeParams(s, testDef.Definition, outcomeNow, bigInf)
	b.ResetTimer()
	start := time.Now()
	var each []time.Duration
	for b.Loop() {
		t0 := time.Now()
		SimulateOutcomes(s, 0, s.Len(), &baseline, &proposed, o)
		each = append(each, time.Since(t0))
	}
	el := time.Since(start)
	b.ReportMetric(el.Seconds()*1e3/float64(b.N), "ms/op")
	b.ReportMetric(median(each).Seconds()*1e3, "p50-ms")
	b.ReportMetric(float64(s.Len())*float64(b.N)/el.Seconds()/1e6, "Mrows/s")
	var plain []time.Duration
	for range max(b.N, 5) {
		t0 := time.Now()
		Simulate(s, 0, s.Len(), &baseline, &proposed)
		plain = append(plain, time.Since(t0))
	}
	b.ReportMetric(median(plain).Seconds()*1e3, "p50-ms-no-outcomes")
	b.ReportMetric(median(each).Seconds()/median(plain).Seconds(), "x-no-outcomes")
	// The bound, measured right after in the same run, as often: the ratio says how far the
	// simulation is from only reading its bytes.
	bound := boundTime(s, &baseline, &proposed, b.N)
	b.ReportMetric(el.Seconds()/bound.Seconds(), "x-bound")
}

// boundTime runs the bandwidth bound n times over s and returns the time it took.
func boundTime(s *Snapshot, baseline, proposed *engine.ThresholdSet, n int) time.Duration {
	keep := prepare(baseline).enabled | prepare(proposed).enabled
	w := workers(s.Len())
	sums := make([]float32, w)
	start := time.Now()
	for range n {
		parallel(0, s.Len(), w, func(p, lo, hi int) {
			f, i := boundSum(s, lo, hi, keep)
			sums[p] = f + float32(i)
		})
	}
	el := time.Since(start)
	sink = sums[0]
	return el
}

// BenchmarkSimulate1MAllDifferent is the worst case: every enabled rule differs between the two
// sets, so each column is compared twice.
func BenchmarkSimulate1MAllDifferent(b *testing.B) {
	s := bigHistory(b).Snapshot()
	baseline := usDefault(b)
	proposed := baseline
	for m := range proposed.Rules {
		if engine.Measures[m].Unit != engine.UnitFlag {
			proposed.Rules[m].Cutoff = baseline.Rules[m].Cutoff + engine.Measures[m].Scale/4
		}
	}
	if err := proposed.Validate(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Simulate(s, 0, s.Len(), &baseline, &proposed)
	}
}

var sink float32

// boundSum sums the columns Simulate streams: the values of the sets' enabled rules (a coded
// column's bytes), the
// category and the stored outcome (Simulate reads only two times per block of the time column),
// with several accumulators so that the adds do not wait on each other: the speed of reading the
// same bytes with nothing else to do.
func boundSum(s *Snapshot, lo, hi int, keep uint16) (float32, int64) {
	var f0, f1, f2, f3, f4, f5, f6, f7 float32
	var i0 int64
	for i := lo; i < hi; {
		c, off := s.chunks[i>>chunkBits], i&chunkMask
		k := min(hi-i, chunkSize-off)
		for m := 0; m < engine.NumMeasures; m++ {
			if keep&(1<<m) == 0 {
				continue
			}
			cl := c.cols[m].Load()
			if cl.f == nil {
				i0 += sumBytes(cl.codes[off : off+k])
				continue
			}
			col := cl.f[off : off+k]
			j := 0
			for ; j+8 <= len(col); j += 8 {
				f0 += col[j]
				f1 += col[j+1]
				f2 += col[j+2]
				f3 += col[j+3]
				f4 += col[j+4]
				f5 += col[j+5]
				f6 += col[j+6]
				f7 += col[j+7]
			}
			for ; j < len(col); j++ {
				f0 += col[j]
			}
		}
		// The byte columns are summed eight bytes at a time, like the float columns.
		i0 += sumBytes(c.category[off:off+k]) + sumBytes(c.declined[off:off+k])
		i += k
	}
	return f0 + f1 + f2 + f3 + f4 + f5 + f6 + f7, i0
}

// sumBytes adds b's bytes as little-endian uint64 words (a checksum that reads every byte) and
// the tail one by one.
func sumBytes(b []uint8) int64 {
	var s0, s1 uint64
	j := 0
	for ; j+16 <= len(b); j += 16 {
		s0 += binary.LittleEndian.Uint64(b[j:])
		s1 += binary.LittleEndian.Uint64(b[j+8:])
	}
	for ; j < len(b); j++ {
		s0 += uint64(b[j])
	}
	return int64(s0 + s1)
}

// BenchmarkBandwidthBound reads the bytes BenchmarkSimulate1M reads, split across the same
// goroutines, and reports the memory bandwidth that bounds the simulation.
func BenchmarkBandwidthBound(b *testing.B) {
	s := bigHistory(b).Snapshot()
	baseline, proposed := sliderProposal(b)
	keep := prepare(&baseline).enabled | prepare(&proposed).enabled
	n := s.Len()
	// The bytes read: each kept column's (1 a row coded, 4 in float32), the category and outcome.
	read := int64(2 * n)
	for i := 0; i < n; i += chunkSize {
		c := s.chunks[i>>chunkBits]
		for m := 0; m < engine.NumMeasures; m++ {
			if keep&(1<<m) == 0 {
				continue
			}
			k := int64(min(n-i, chunkSize))
			if c.cols[m].Load().f != nil {
				k *= 4
			}
			read += k
		}
	}
	w := workers(n)
	sums := make([]float32, w)
	b.SetBytes(read)
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		parallel(0, n, w, func(p, lo, hi int) {
			f, i := boundSum(s, lo, hi, keep)
			sums[p] = f + float32(i)
		})
	}
	el := time.Since(start)
	sink = sums[0]
	b.ReportMetric(el.Seconds()*1e3/float64(b.N), "ms/op")
	b.ReportMetric(float64(read)*float64(b.N)/el.Seconds()/1e9, "GB/s")
	b.ReportMetric(float64(read)/float64(n), "B/row")
}

// BenchmarkAppend appends one decision to a growing history.
func BenchmarkAppend(b *testing.B) {
	rows := randomRows(b, rand.New(rand.NewPCG(3, 3)), 4096)
	h := NewHistory("US")
	i := 0
	for b.Loop() {
		h.Append(&rows[i&4095])
		i++
	}
}

// logDataShape logs the shape of the benchmark data, so that figures can be read against it: the
// decline rates under baseline and proposed, the flips, and the share of decisions failing more
// rules than a decision names. It was a test that could not fail; it is part of the benchmark.
func logDataShape(b *testing.B, s *Snapshot, baseline, proposed *engine.ThresholdSet) {
	r := Simulate(s, 0, s.Len(), baseline, proposed)
	p := prepare(baseline)
	var many int
	for i := 0; i < s.Len(); i++ {
		var failed uint16
		for m := 0; m < engine.NumMeasures; m++ {
			var mask [1]uint32
			c := s.chunks[i>>chunkBits]
			failMasks([]float32{c.value(m, i&chunkMask)}, mask[:], &p, m, 1)
			if mask[0] != 0 && p.enabled&(1<<m) != 0 {
				failed |= 1 << m
			}
		}
		if bitsOnes(failed) > engine.MaxReasons {
			many++
		}
	}
	b.Logf("benchmark data: %d rows, baseline decline rate %.1f%%, proposed %.1f%%, %d flips, %.2f%% fail more than %d rules",
		r.Assessed, 100*r.BaselineRate(), 100*r.ProposedRate(), r.ApprovedToDeclined+r.DeclinedToApproved,
		100*float64(many)/float64(s.Len()), engine.MaxReasons)
}

func bitsOnes(x uint16) int { return bits.OnesCount16(x) }

// BenchmarkSensitivityPrepare1M prepares the credit-score curve over 1,000,000 decisions, the
// work of grabbing a slider; BenchmarkSensitivityPrepare1MIncome does it for a money measure with
// many distinct values.
func BenchmarkSensitivityPrepare1M(b *testing.B) {
	s := bigHistory(b).Snapshot()
	_, proposed := sliderProposal(b)
	for b.Loop() {
		PrepareSensitivity(s, 0, s.Len(), engine.BureauScore, &proposed)
	}
}

func BenchmarkSensitivityPrepare1MIncome(b *testing.B) {
	s := bigHistory(b).Snapshot()
	_, proposed := sliderProposal(b)
	for b.Loop() {
		PrepareSensitivity(s, 0, s.Len(), engine.MonthlyIncome, &proposed)
	}
}

// BenchmarkCurveDeclineRate answers one slider position of the income curve (the most distinct
// values, so the longest search).
func BenchmarkCurveDeclineRate(b *testing.B) {
	s := bigHistory(b).Snapshot()
	_, proposed := sliderProposal(b)
	cv := PrepareSensitivity(s, 0, s.Len(), engine.MonthlyIncome, &proposed)
	b.Logf("income curve: %d distinct values", len(cv.vals))
	rng := rand.New(rand.NewPCG(1, 1))
	cuts := make([]float64, 1024)
	for i := range cuts {
		cuts[i] = 500 + rng.Float64()*1500
	}
	var sum float64
	i := 0
	for b.Loop() {
		sum += cv.DeclineRate(cuts[i&1023])
		i++
	}
	sink = float32(sum)
}

func median(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

// BenchmarkSensitivityPrepare1MOutcomes prepares the credit-score curve with its bad and loss
// rates and the baseline's point over 1,000,000 decisions; ...IncomeOutcomes the money measure
// with many distinct values. Both report the ratio to the preparation without outcomes, measured
// right after in the same run.
func BenchmarkSensitivityPrepare1MOutcomes(b *testing.B) {
	benchPrepareOutcomes(b, engine.BureauScore)
}

func BenchmarkSensitivityPrepare1MIncomeOutcomes(b *testing.B) {
	benchPrepareOutcomes(b, engine.MonthlyIncome)
}

func benchPrepareOutcomes(b *testing.B, m engine.Measure) {
	s := bigHistory(b).Snapshot()
	baseline, proposed := sliderProposal(b)
	o := NewOutcomeParams(s, testDef.Definition, outcomeNow, bigInf)
	var each []time.Duration
	for b.Loop() {
		t0 := time.Now()
		PrepareSensitivityOutcomes(s, 0, s.Len(), m, &proposed, &baseline, o)
		each = append(each, time.Since(t0))
	}
	b.ReportMetric(median(each).Seconds()*1e3, "p50-ms")
	var plain []time.Duration
	for range max(b.N, 5) {
		t0 := time.Now()
		PrepareSensitivity(s, 0, s.Len(), m, &proposed)
		plain = append(plain, time.Since(t0))
	}
	b.ReportMetric(median(each).Seconds()/median(plain).Seconds(), "x-no-outcomes")
}

// BenchmarkCurvePointOutcomes answers one slider position of the income curve with its approval,
// bad and loss rates.
func BenchmarkCurvePointOutcomes(b *testing.B) {
	s := bigHistory(b).Snapshot()
	baseline, proposed := sliderProposal(b)
	o := NewOutcomeParams(s, testDef.Definition, outcomeNow, bigInf)
	cv := PrepareSensitivityOutcomes(s, 0, s.Len(), engine.MonthlyIncome, &proposed, &baseline, o)
	rng := rand.New(rand.NewPCG(1, 1))
	cuts := make([]float64, 1024)
	for i := range cuts {
		cuts[i] = 500 + rng.Float64()*1500
	}
	var sum float64
	i := 0
	for b.Loop() {
		p := cv.At(cuts[i&1023])
		sum += *p.BadRate
		i++
	}
	sink = float32(sum)
}

// BenchmarkFit1M fits the reject inference over the 1,000,000-row history (a 200,000-row
// subsample of its mature approved decisions), the work of one background refit.
func BenchmarkFit1M(b *testing.B) {
	s := bigHistory(b).Snapshot()
	for b.Loop() {
		inf := Fit(s, testDef, outcomeNow)
		if !inf.Available {
			b.Fatal(inf.Note)
		}
	}
}

// BenchmarkSetModel1M predicts every row of the 1,000,000-row history after a fit.
func BenchmarkSetModel1M(b *testing.B) {
	h := bigHistory(b)
	for b.Loop() {
		h.SetModel(&bigInf.Model)
	}
}
