package whatif

import (
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"riskconsole/internal/engine"
	"riskconsole/internal/market"
)

// usDefault returns the default threshold set of market US.
func usDefault(t testing.TB) engine.ThresholdSet {
	t.Helper()
	m, ok := market.Lookup("US")
	if !ok {
		t.Fatal("market US is missing")
	}
	return engine.DefaultSet(m)
}

var testCategories = []string{"electronics", "fashion", "travel", "home", "beauty", "sports", "toys"}

// randomValue returns a plausible value of measure m: near the default cut-off, within the
// measure's range, whole where the unit counts, sometimes exactly at the cut-off.
func randomValue(rng *rand.Rand, m engine.Measure) float64 {
	info := &engine.Measures[m]
	if info.Unit == engine.UnitFlag {
		if rng.IntN(10) < 8 {
			return 1
		}
		return 0
	}
	if rng.IntN(10) == 0 {
		return info.Cutoff
	}
	if m == engine.AgeYears {
		return float64(14 + rng.IntN(70))
	}
	v := info.Cutoff + info.Scale*rng.NormFloat64()*1.5
	switch info.Unit {
	case engine.UnitMonths, engine.UnitYears, engine.UnitCount:
		v = math.Round(v)
	case engine.UnitMoney:
		v = math.Round(v*100) / 100
	}
	return min(max(v, info.Min), info.Max)
}

// randomRows returns n rows over 90 days in ascending time order, decided by the US default set.
// Each value is about as likely to fail its default rule as to pass it, so that most rows fail
// several rules and the ranking of principal reasons is exercised hard.
func randomRows(t testing.TB, rng *rand.Rand, n int) []Row { return genRows(t, rng, n, 0) }

// realisticRows is randomRows with each failing value moved to the passing side of its default
// rule with probability keep, giving the decline rates of a live book (about 25% for keep 0.93)
// and few rows failing more than MaxReasons rules.
func realisticRows(t testing.TB, rng *rand.Rand, n int, keep float64) []Row {
	return genRows(t, rng, n, keep)
}

func genRows(t testing.TB, rng *rand.Rand, n int, keep float64) []Row {
	return genRowsAt(t, rng, n, keep, int64(1_760_000_000)*1_000_000, 90*DayMicros)
}

// genRowsAt is genRows with the rows' times spread over [start, start+span).
func genRowsAt(t testing.TB, rng *rand.Rand, n int, keep float64, start, span int64) []Row {
	set := usDefault(t)
	rows := make([]Row, n)
	times := make([]int64, n)
	for i := range times {
		times[i] = start + rng.Int64N(span)
	}
	slicesSort(times)
	var out engine.Result
	for i := range rows {
		r := &rows[i]
		r.At = times[i]
		var v engine.Values
		for m := range r.Values {
			x := randomValue(rng, engine.Measure(m))
			if keep > 0 && rng.Float64() < keep {
				x = passing(&set.Rules[m], x)
			}
			r.Values[m] = float32(x)
			v[m] = float64(r.Values[m])
		}
		r.Category = testCategories[rng.IntN(len(testCategories))]
		r.Amount = float32(10 + rng.IntN(2000))
		engine.Evaluate(&set, &v, &out)
		r.Declined = out.Outcome == engine.Declined
		for _, reason := range out.PrincipalReasons() {
			r.Reasons |= 1 << reason
		}
	}
	return rows
}

// passing returns x moved to the passing side of rule r by mirroring it at the cut-off.
func passing(r *engine.Rule, x float64) float64 {
	info := &engine.Measures[r.Measure]
	if r.Comparator == engine.GTE && x < r.Cutoff || r.Comparator == engine.LTE && x > r.Cutoff {
		x = min(max(2*r.Cutoff-x, info.Min), info.Max)
	}
	return x
}

// randomSet returns a valid threshold set: the US default with random cut-offs, comparators and
// switches, within what engine.Validate accepts.
func randomSet(t testing.TB, rng *rand.Rand) engine.ThresholdSet {
	for {
		s := usDefault(t)
		for m := range s.Rules {
			r := &s.Rules[m]
			info := &engine.Measures[m]
			switch engine.Measure(m) {
			case engine.IdentityVerified:
				continue
			case engine.AgeYears:
				r.Cutoff = float64(engine.MinAgeCutoff + rng.IntN(engine.MaxAgeCutoff-engine.MinAgeCutoff+1))
				continue
			}
			if rng.IntN(3) == 0 {
				r.Cutoff = randomValue(rng, engine.Measure(m))
			}
			if rng.IntN(5) == 0 {
				r.Enabled = !r.Enabled
			}
			if rng.IntN(10) == 0 {
				r.Comparator = engine.GTE + engine.LTE - r.Comparator
			}
			if rng.IntN(10) == 0 {
				r.Scale = info.Scale * (0.5 + rng.Float64())
			}
		}
		if err := s.Validate(); err == nil {
			return s
		} else if testing.Verbose() {
			t.Logf("random set rejected: %v", err)
		}
	}
}

func historyOf(rows []Row) *History {
	h := NewHistory("US")
	for i := range rows {
		h.Append(&rows[i])
	}
	return h
}

var (
	bigOnce sync.Once
	bigHist *History
	bigInf  *Inference
)

// bigHistory returns a shared history of 1,000,000 realistic rows for benchmarks, with outcomes
// for the approved ones and the reject inference fitted at outcomeNow.
func bigHistory(tb testing.TB) *History {
	bigOnce.Do(func() {
		rng := rand.New(rand.NewPCG(1, 2))
		bigHist = historyOf(realisticRows(tb, rng, 1_000_000, 0.93))
		addOutcomes(bigHist, 1)
		bigInf = Fit(bigHist.Snapshot(), testDef, outcomeNow)
		bigHist.SetModel(&bigInf.Model)
	})
	return bigHist
}

func slicesSort(x []int64) { slices.Sort(x) }

func nanF() float64 { return math.NaN() }

// failMasks ORs bit into mask[i] for every value of col that fails rule m of p, through the
// production kernel.
func failMasks(col []float32, mask []uint32, p *rules, m int, bit uint32) {
	js := jobs(p, nil, 1<<m)
	if len(js) == 0 {
		// A disabled rule fails nothing; the tests ask about the comparison, so compare anyway.
		q := *p
		q.enabled |= 1 << m
		js = jobs(&q, nil, 1<<m)
	}
	js[0].bit = bit
	fail1(col, &js[0], mask)
}
