package analytics

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"riskconsole/internal/engine"
)

func TestPlan(t *testing.T) {
	amount := int64(100)
	for _, c := range []struct {
		q    Query
		want string // "" for the decisions
	}{
		{Query{}, "rollup_market_hour"},
		{Query{Filtered: Of(Market)}, "rollup_market_hour"},
		{Query{Group: Of(Reason), Filtered: Of(Market)}, "rollup_reason_hour"},
		{Query{Group: Of(Merchant), Filtered: Of(Market, Channel)}, "rollup_merchant_hour"},
		{Query{Group: Of(MerchantCategory)}, "rollup_merchant_hour"},
		{Query{Group: Of(MerchantCategory, Reason)}, "rollup_hour"},
		{Query{Group: Of(ThresholdVersion), Filtered: Of(Market)}, "rollup_hour"},
		{Query{Group: Of(Merchant, Reason)}, ""},
		{Query{Filtered: Of(Market), MinAmountMinor: &amount}, ""},
	} {
		tb, ok := Plan(c.q)
		if got := tb.Name; ok != (c.want != "") || got != c.want {
			t.Errorf("Plan(group %v, filtered %v, amount %v) = %q, %v; want %q", c.q.Group.List(), c.q.Filtered.List(),
				c.q.MinAmountMinor != nil, got, ok, c.want)
		}
	}
}

func TestHourSpan(t *testing.T) {
	at := func(s string) time.Time { v, _ := time.Parse(time.RFC3339Nano, s); return v }
	lo, hi := hourSpan(at("2026-11-01T10:59:59.9Z"), at("2026-11-01T12:00:00.000000001Z"))
	if lo != at("2026-11-01T10:00:00Z").Unix() || hi != at("2026-11-01T13:00:00Z").Unix() {
		t.Fatalf("hourSpan = %v..%v", time.Unix(lo, 0).UTC(), time.Unix(hi, 0).UTC())
	}
	if lo, hi := hourSpan(at("2026-11-01T10:00:00Z"), at("2026-11-01T12:00:00Z")); hi-lo != 2*hour {
		t.Fatalf("whole hours widened to %d s", hi-lo)
	}
}

// TestBucketStarts checks buckets in a zone with daylight saving: days start at local midnight
// whatever their length, weeks on Monday, and a zone with a half-hour offset is refused.
func TestBucketStarts(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	// 2026-10-25 is 25 hours long in Berlin (clocks go back at 03:00 CEST).
	from := time.Date(2026, 10, 24, 0, 0, 0, 0, berlin)
	to := time.Date(2026, 10, 27, 0, 0, 0, 0, berlin)
	starts, err := bucketStarts(from.Unix(), to.Unix(), Daily, berlin)
	if err != nil {
		t.Fatal(err)
	}
	if len(starts) != 3 || starts[1]-starts[0] != 24*hour || starts[2]-starts[1] != 25*hour {
		t.Fatalf("Berlin days around the change: %v", starts)
	}
	hours, err := bucketStarts(from.Unix(), to.Unix(), Hourly, berlin)
	if err != nil || len(hours) != 24+25+24 {
		t.Fatalf("%d hours in those three days (%v), want 73", len(hours), err)
	}
	weeks, err := bucketStarts(from.Unix(), to.Unix(), Weekly, berlin)
	if err != nil || len(weeks) != 2 {
		t.Fatalf("weeks %v, %v", weeks, err)
	}
	for _, w := range weeks {
		if tm := time.Unix(w, 0).In(berlin); tm.Weekday() != time.Monday || tm.Hour() != 0 {
			t.Fatalf("a week starts at %v", tm)
		}
	}
	kolkata, _ := time.LoadLocation("Asia/Kolkata")
	if _, err := bucketStarts(from.Unix(), to.Unix(), Daily, kolkata); err == nil {
		t.Fatal("a zone with a half-hour offset was accepted")
	}
}

// TestSeriesSetByReason checks that reason series share their group's decisions as denominator
// and that rows of groups outside the set are left out.
func TestSeriesSetByReason(t *testing.T) {
	key := func(market, reason string) Key { var k Key; k[Market], k[Reason] = market, reason; return k }
	set := newSeriesSet([]Key{key("SE", "IDENTITY_UNVERIFIED"), key("SE", "CREDIT_SCORE_INSUFFICIENT")}, Of(Market, Reason), []int64{0}, time.UTC)
	for _, r := range []Row{
		{Hour: 0, Key: key("SE", "IDENTITY_UNVERIFIED"), Assessed: 2, Declined: 2},
		{Hour: hour, Key: key("SE", "CREDIT_SCORE_INSUFFICIENT"), Assessed: 1, Declined: 1},
		{Hour: hour, Key: key("DE", "CREDIT_SCORE_INSUFFICIENT"), Assessed: 1, Declined: 1},
	} {
		_ = set.add(r)
	}
	if keys := set.denominatorKeys(); len(keys) != 1 || keys[0] != key("SE", "") {
		t.Fatalf("denominator keys %v, want SE's", keys)
	}
	for _, r := range []Row{{Hour: 0, Key: key("SE", ""), Assessed: 10}, {Hour: hour, Key: key("SE", ""), Assessed: 5}, {Key: key("DE", ""), Assessed: 7}} {
		_ = set.addDenominator(r)
	}
	set.shareDenominators()
	for _, s := range set.series {
		if s.Assessed != 15 || len(s.Points) != 1 || s.Points[0].Assessed != 15 || s.Declined != s.Points[0].Declined || s.Declined == 0 {
			t.Fatalf("series %+v: want the market's 15 decisions as denominator", s)
		}
	}
}

func TestGammaP(t *testing.T) {
	// For integer a, P(a, x) = 1 - e^-x Σ_{k<a} x^k / k!.
	for _, c := range []struct{ a, x float64 }{{1, 0.5}, {5, 1}, {5, 9}, {12, 3}, {30, 28}, {3, 40}} {
		sum, term := 0.0, 1.0
		for k := 0; k < int(c.a); k++ {
			if k > 0 {
				term *= c.x / float64(k)
			}
			sum += term
		}
		want := 1 - math.Exp(-c.x)*sum
		if got := gammaP(c.a, c.x); math.Abs(got-want) > 1e-12 {
			t.Errorf("gammaP(%v, %v) = %v, want %v", c.a, c.x, got, want)
		}
		if got := gammaQ(c.a, c.x); math.Abs(got-(1-want)) > 1e-12 {
			t.Errorf("gammaQ(%v, %v) = %v, want %v", c.a, c.x, got, 1-want)
		}
	}
	// P(X ≥ 5) for a Poisson of mean 1 is 0.00366: a score of 2.68.
	if z := tailScore(5, 1); math.Abs(z-2.683) > 0.01 {
		t.Fatalf("tailScore(5, 1) = %v", z)
	}
	if z := tailScore(0, 50); z > -6 {
		t.Fatalf("no declines where 50 were expected scores %v", z)
	}
	if z := tailScore(1e6, 1); z != maxScore {
		t.Fatalf("an underflowing tail scores %v", z)
	}
}

// weekly generates hourly counts over weeks with a weekly rhythm of volume (quiet nights, busy
// evenings and weekends) and of the decline rate, with declines arriving in bursts (a declined
// shopper retries), from a fixed seed.
func weekly(weeks int, seed uint64, rate func(h int) float64) (assessed, declined []int64) {
	r := rand.New(rand.NewPCG(seed, 1))
	n := weeks * 168
	assessed, declined = make([]int64, n), make([]int64, n)
	for h := range n {
		hod, dow := h%24, (h/24)%7
		volume := 40 + 60*math.Sin(math.Pi*float64(hod)/24)*math.Sin(math.Pi*float64(hod)/24)
		if dow >= 5 {
			volume *= 1.5
		}
		p := rate(h) * (0.8 + 0.4*float64(hod)/24) // declines rise through the day
		for range poisson(r, volume) {
			assessed[h]++
			if r.Float64() < p {
				// A decline, and sometimes the same shopper's retries.
				k := 1 + poisson(r, 0.5)
				declined[h] += int64(k)
				assessed[h] += int64(k - 1)
			}
		}
	}
	return assessed, declined
}

func poisson(r *rand.Rand, mean float64) int {
	k, p, l := 0, 1.0, math.Exp(-mean)
	for {
		p *= r.Float64()
		if p < l {
			return k
		}
		k++
	}
}

// TestDetectorRhythmAndIncident scores generated series of 20 seeds. The weekly rhythm alone
// (of volume and of the rate, with bursts of retries) is flagged about as rarely as a 4-sigma
// test promises (two-sided 6.3e-5 per score; 3e-4 is allowed for the noise of the estimated
// dispersion). An incident that triples the rate for 12 hours, or stops declines, is flagged in
// the right direction, in a third of its hours (tripled) or a sixth (stopped): at 40 to 150
// decisions an hour against a baseline of four such hours, most single hours of it are not
// 4-sigma events.
func TestDetectorRhythmAndIncident(t *testing.T) {
	d := DefaultDetector
	const weeks, seeds = 10, 20
	incident := func(h int) bool { return h >= 8*168+30 && h < 8*168+42 }
	var scored, falseFlags int
	detected := map[string]int{}
	for seed := uint64(1); seed <= seeds; seed++ {
		scoreAll := func(rate func(int) float64, each func(h int, sc Score)) {
			a, x := weekly(weeks, seed, rate)
			s := d.Scorer(a, x, 168)
			for h := range a {
				if sc, ok := s.Score(h); ok {
					each(h, sc)
				}
			}
		}
		scoreAll(func(int) float64 { return 0.15 }, func(h int, sc Score) {
			scored++
			if d.Flags(sc) {
				falseFlags++
			}
		})
		for _, c := range []struct {
			name string
			rate float64
		}{{"tripled", 0.45}, {"stopped", 0}} {
			scoreAll(func(h int) float64 {
				if incident(h) {
					return c.rate
				}
				return 0.15
			}, func(h int, sc Score) {
				if !incident(h) {
					scored++ // outside the incident, the series is the rhythm alone
				}
				switch {
				case !d.Flags(sc):
				case !incident(h):
					falseFlags++
				case (sc.Z > 0) != (c.rate > 0.15):
					t.Errorf("seed %d, %s: hour %d flagged with z %.1f", seed, c.name, h, sc.Z)
				default:
					detected[c.name]++
				}
			})
		}
	}
	t.Logf("rhythm only: %d of %d scores flagged; incident hours flagged: tripled %d, stopped %d of %d",
		falseFlags, scored, detected["tripled"], detected["stopped"], 12*seeds)
	if float64(falseFlags) > 3e-4*float64(scored) {
		t.Errorf("the rhythm alone was flagged %d times in %d scores", falseFlags, scored)
	}
	if detected["tripled"] < 12*seeds*25/100 || detected["stopped"] < 12*seeds*10/100 {
		t.Errorf("incident hours flagged: tripled %d, stopped %d of %d", detected["tripled"], detected["stopped"], 12*seeds)
	}
}

// BenchmarkSeriesOfByReason buckets 90 days of hourly rows of one market and 16 reasons into
// daily reason series, the Go part of the by-reason series: the reasons' rows, then the market's
// decisions as their denominators.
func BenchmarkSeriesOfByReason(b *testing.B) {
	var rows, denominators []Row
	var keys []Key
	for r := range 16 {
		var k Key
		k[Market] = "DE"
		if r > 0 {
			k[Reason] = engine.Reason(r).String()
			keys = append(keys, k)
		}
	}
	for h := range int64(90 * 24) {
		var market Key
		market[Market] = "DE"
		denominators = append(denominators, Row{Hour: h * hour, Key: market, Assessed: 160})
		for _, k := range keys {
			rows = append(rows, Row{Hour: h * hour, Key: k, Assessed: 10, Declined: 1})
		}
	}
	starts, err := bucketStarts(0, 90*24*hour, Daily, time.UTC)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		set := newSeriesSet(keys, Of(Market, Reason), starts, time.UTC)
		for _, r := range rows {
			_ = set.add(r)
		}
		for _, r := range denominators {
			_ = set.addDenominator(r)
		}
		set.shareDenominators()
	}
}
