package analytics

import (
	"cmp"
	"context"
	"math"
	"slices"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
	"riskconsole/internal/thresholds"
)

// Detector flags buckets whose decline rate departs from the same bucket of the week in the
// previous BaselineWeeks weeks.
//
// The baseline rate is the pooled rate of those buckets (their declines over their decisions).
// A bucket's declines are compared with what that rate expects of its volume as a quasi-Poisson
// count: declines are not independent draws (a declined shopper tries again, a busy merchant
// sends a burst), so counts vary more than a Poisson's by the series' dispersion, estimated over
// every bucket of the baseline weeks, each against the pooled rate of its own bucket of the week
// (the sum of squared differences from those expectations over the sum of binomial variances,
// corrected for the fitted rates), at least 1; and widened again because the baseline rate is an
// estimate from a few weeks, not the truth (by 1 + n/N for a bucket of n decisions and a baseline
// of N). The score is the standard normal
// quantile of the count's exact tail probability, so that "4 standard deviations" means the same
// rarity (3.2e-5 one-sided) for a bucket of 20 decisions as for one of 20,000, where a plain
// (x-μ)/σ of small counts would flag far more often. A bucket is flagged when its score is at
// least Threshold in either direction, it and its baseline each have at least MinVolume decisions,
// and its declines differ from the baseline's expectation by at least MinExcess.
type Detector struct {
	Threshold     float64
	MinVolume     int64
	MinExcess     float64
	BaselineWeeks int
}

// DefaultDetector is the detector of the anomalies query when its arguments are left out.
var DefaultDetector = Detector{Threshold: 4, MinVolume: 20, MinExcess: 5, BaselineWeeks: 4}

// Score is how one bucket compares with its baseline.
type Score struct {
	Rate, Baseline float64
	// Spread is the standard deviation of the bucket's rate that the baseline expects, with the
	// dispersion and the baseline's own uncertainty.
	Spread     float64
	Dispersion float64 // the variance of the baseline weeks' counts over a binomial's, at least 1
	// Z is the signed normal quantile of the count's tail probability: positive when more was
	// declined than expected, at most maxScore in size. It is computed only when
	// |Excess| ≥ MinExcess, else 0.
	Z float64
	// Excess is the declines above (below, when negative) the baseline's expectation, at the
	// baseline's rate with one decline and one approval added (as the score's).
	Excess float64
}

// Scorer scores the buckets of one series: decisions and declines per bucket, with period
// buckets to a week.
type Scorer struct {
	d                  Detector
	assessed, declined []int64
	period             int
	// dispersion[i] is the dispersion of the baseline weeks before bucket i.
	dispersion []float64
}

// Scorer prepares the scoring of a series.
func (d Detector) Scorer(assessed, declined []int64, period int) *Scorer {
	s := &Scorer{d: d, assessed: assessed, declined: declined, period: period}
	s.dispersion = dispersions(assessed, declined, period, d.BaselineWeeks)
	return s
}

// phaseSums are the sums over one phase of the week (the same hour or day of the week) of the
// baseline window: decisions n and declines x.
type phaseSums struct{ n, x, xx, xn, nn float64 }

// add adds (sign 1) or removes (sign -1) a bucket.
func (p *phaseSums) add(n, x, sign float64) {
	p.n, p.x, p.xx, p.xn, p.nn = p.n+sign*n, p.x+sign*x, p.xx+sign*x*x, p.xn+sign*x*n, p.nn+sign*n*n
}

// squares returns the phase's sum of squared differences from its pooled rate's expectation,
// Σ(x - r·n)² = Σx² - 2r·Σx·n + r²·Σn², and its binomial variance, with the rate kept off 0 and
// 1 as in Score.
func (p *phaseSums) squares() (ss, variance float64) {
	if p.n <= 0 {
		return 0, 0
	}
	r := p.x / p.n
	q := (p.x + 1) / (p.n + 2)
	return max(0, p.xx-2*r*p.xn+r*r*p.nn), p.n * q * (1 - q)
}

// dispersions returns, for every bucket i with weeks full weeks before it, the quasi-binomial
// dispersion of those weeks: each bucket against the pooled rate of its phase over the weeks,
// the same expectation Score uses, so the weekly rhythm of the rate does not count as spread.
// The sums slide with i: moving the window by one bucket drops and adds a bucket of one phase.
func dispersions(assessed, declined []int64, period, weeks int) []float64 {
	out := make([]float64, len(assessed))
	w := weeks * period
	if len(assessed) <= w || weeks < 2 {
		return out
	}
	phases := make([]phaseSums, period)
	var ss, variance float64
	for j := range w {
		phases[j%period].add(float64(assessed[j]), float64(declined[j]), 1)
	}
	for i := range phases {
		a, b := phases[i].squares()
		ss, variance = ss+a, variance+b
	}
	// The pooled rate of each phase is fitted on its weeks: weeks-1 degrees of freedom of weeks.
	correction := float64(weeks) / float64(weeks-1)
	for i := w; i < len(assessed); i++ {
		out[i] = 1
		if variance > 0 {
			out[i] = max(1, ss/variance*correction)
		}
		// Slide: bucket i-w leaves, bucket i joins; both are of phase i mod period.
		ph := &phases[i%period]
		a, b := ph.squares()
		ph.add(float64(assessed[i-w]), float64(declined[i-w]), -1)
		ph.add(float64(assessed[i]), float64(declined[i]), 1)
		c, d := ph.squares()
		ss, variance = ss-a+c, variance-b+d
	}
	return out
}

// Score compares bucket i with the buckets period, 2×period, … before it. ok is false when the
// baseline is missing or too small.
func (s *Scorer) Score(i int) (sc Score, ok bool) {
	d := s.d
	n := s.assessed[i]
	if n < max(d.MinVolume, 1) || i-d.BaselineWeeks*s.period < 0 {
		return Score{}, false
	}
	var baseN, baseD int64
	for k := 1; k <= d.BaselineWeeks; k++ {
		baseN += s.assessed[i-k*s.period]
		baseD += s.declined[i-k*s.period]
	}
	if baseN < max(d.MinVolume, 1) {
		return Score{}, false
	}
	x := float64(s.declined[i])
	sc.Rate = x / float64(n)
	sc.Baseline = float64(baseD) / float64(baseN)
	// The expectation uses a rate kept off 0 and 1 (one decline and one approval added), so a
	// baseline without declines does not make a single decline infinitely surprising; the
	// excess is over the same expectation, so that a baseline without declines does not expect
	// exactly none either (its five declines in a bucket were 5 in excess, enough to be flagged).
	p := (float64(baseD) + 1) / (float64(baseN) + 2)
	sc.Excess = x - p*float64(n)
	sc.Dispersion = s.dispersion[i]
	// The expectation p·n is itself estimated, from baseN decisions: its variance adds
	// n/baseN of the count's own, so the count is scaled by that much more.
	scale := sc.Dispersion * (1 + float64(n)/float64(baseN))
	sc.Spread = math.Sqrt(scale * p * (1 - p) / float64(n))
	if math.Abs(sc.Excess) >= d.MinExcess {
		sc.Z = tailScore(x/scale, p*float64(n)/scale)
	}
	return sc, true
}

// Flags reports whether s is an anomaly.
func (d Detector) Flags(s Score) bool {
	return math.Abs(s.Z) >= d.Threshold && math.Abs(s.Excess) >= d.MinExcess
}

// tailScore is the signed standard normal quantile of the probability of a count at least x
// (when x > mu) or at most x (when x < mu) from a Poisson distribution of mean mu, counts
// taken as continuous through the incomplete gamma function.
func tailScore(x, mu float64) float64 {
	switch {
	case mu <= 0 && x > 0:
		return maxScore
	case x > mu:
		// P(X ≥ x) = P(x, mu), the regularized lower incomplete gamma function.
		return normalQuantile(gammaP(x, mu))
	case x < mu:
		// P(X ≤ x) = Q(x + 1, mu).
		return -normalQuantile(gammaQ(x+1, mu))
	}
	return 0
}

// maxScore is the largest score: the normal quantile of a tail probability of about 1e-300,
// below which probabilities underflow.
const maxScore = 37

// normalQuantile returns z with P(Z ≥ z) = tail for a standard normal Z, between 0 and maxScore.
func normalQuantile(tail float64) float64 {
	if tail >= 0.5 {
		return 0
	}
	if tail < 1e-300 {
		return maxScore
	}
	return min(maxScore, math.Sqrt2*math.Erfcinv(2*tail))
}

// gammaP is the regularized lower incomplete gamma function P(a, x) for a > 0, x ≥ 0: by its
// series when x < a + 1, where the series converges fast and small values keep their precision,
// else as 1 - Q.
func gammaP(a, x float64) float64 {
	if x <= 0 {
		return 0
	}
	if x >= a+1 {
		return 1 - gammaQ(a, x)
	}
	lg, _ := math.Lgamma(a)
	sum, term, ap := 1/a, 1/a, a
	for range 1000 {
		ap++
		term *= x / ap
		sum += term
		if math.Abs(term) < math.Abs(sum)*1e-15 {
			break
		}
	}
	return sum * math.Exp(-x+a*math.Log(x)-lg)
}

// gammaQ is the regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x): by its
// continued fraction (modified Lentz) when x ≥ a + 1, else as 1 - P.
func gammaQ(a, x float64) float64 {
	if x < a+1 {
		return 1 - gammaP(a, x)
	}
	const tiny = 1e-300
	lg, _ := math.Lgamma(a)
	b := x + 1 - a
	c := 1 / tiny
	d := 1 / b
	h := d
	for i := 1; i < 1000; i++ {
		an := -float64(i) * (float64(i) - a)
		b += 2
		d = an*d + b
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = b + an/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < 1e-15 {
			break
		}
	}
	return math.Exp(-x+a*math.Log(x)-lg) * h
}

// MaxAnomalies bounds the anomalies of one answer.
const MaxAnomalies = 1000

// AnomalyRequest asks for the anomalies of a range.
type AnomalyRequest struct {
	From, To time.Time
	Market   string // "" for every market
	Bucket   Bucket // Hourly (same hour of the week) or Daily (same day of the week), in UTC
	Detector Detector
}

// Anomaly is one bucket of a market, or of one principal reason in a market, whose decline rate
// departed from its baseline.
type Anomaly struct {
	Start    time.Time
	Market   string
	Reason   string // "" for the market's decline rate as a whole
	Assessed int64
	Declined int64
	Score
	// MainReason is the principal reason whose declines moved most in the anomaly's direction.
	MainReason string
	// Activation is the market's latest threshold activation between the start of the baseline
	// weeks and the end of the bucket, if any: a change of thresholds that may explain the
	// departure.
	Activation *thresholds.Activation
}

// AnomalyReport is the answer to an AnomalyRequest.
type AnomalyReport struct {
	From, To  time.Time
	Bucket    Bucket
	Anomalies []Anomaly
	// Omitted is how many anomalies past MaxAnomalies (the latest) were left out.
	Omitted int
	Counts  Counts // where the answer came from
}

// Anomalies scores every bucket of [From, To) of each market's decline rate and of each of its
// principal reasons' rates against the baseline weeks before it. Markets are read and scored one
// at a time and only the anomalies that can make the answer are kept, so that an answer holds one
// market's series at most, whatever the range and the detector.
func (s *Service) Anomalies(ctx context.Context, req AnomalyRequest) (AnomalyReport, error) {
	if err := validateAnomalies(&req); err != nil {
		return AnomalyReport{}, err
	}
	g := newAnomalyGrid(&req)
	src, err := s.source(ctx, Query{Group: Of(Reason), Filtered: Of(Market)})
	if err != nil {
		return AnomalyReport{}, err
	}
	var found anomalyList
	for _, mk := range market.All {
		if req.Market != "" && mk.Code != req.Market {
			continue
		}
		m, err := g.read(ctx, &src, mk.Code)
		if err != nil {
			return AnomalyReport{}, err
		}
		if m != nil {
			m.score(req.Detector, &g, &found)
		}
	}
	rep := AnomalyReport{From: time.Unix(g.lo, 0).UTC(), To: time.Unix(g.hi, 0).UTC(), Bucket: req.Bucket, Counts: src.Counts}
	rep.Anomalies, rep.Omitted = found.first(MaxAnomalies)
	if err := s.explain(ctx, rep.Anomalies, req.Detector.BaselineWeeks, g.step); err != nil {
		return AnomalyReport{}, err
	}
	return rep, nil
}

// validateAnomalies refuses a request whose range or detector is out of bounds.
func validateAnomalies(req *AnomalyRequest) error {
	var ve apperr.ValidationError
	d := req.Detector
	f := Filter{From: req.From, To: req.To, Market: req.Market}
	validateFilter(&f, "range", &ve)
	if req.Bucket != Hourly && req.Bucket != Daily {
		ve.Add("bucket", "must be HOUR or DAY")
	}
	if d.Threshold <= 0 || math.IsNaN(d.Threshold) || d.Threshold > 100 {
		ve.Add("threshold", "must be more than 0 and at most 100 standard deviations")
	}
	if d.MinVolume < 1 {
		ve.Add("minVolume", "must be at least 1")
	}
	if d.MinExcess < 0 || math.IsNaN(d.MinExcess) {
		ve.Add("minExcess", "must not be negative")
	}
	if d.BaselineWeeks < 2 || d.BaselineWeeks > 12 {
		ve.Add("baselineWeeks", "must be between 2 and 12")
	}
	return ve.Err()
}

// anomalyGrid is the buckets of an anomalies answer: n buckets of step seconds from first, the
// baseline weeks before lo, then the range scored, [lo, hi).
type anomalyGrid struct {
	step          int64
	period        int // buckets in a week
	first, lo, hi int64
	n             int
	buckets       []int64 // the starts of days, for the store to sum hours into; nil by hour
}

// newAnomalyGrid widens the request's range to whole buckets and adds the baseline weeks.
func newAnomalyGrid(req *AnomalyRequest) anomalyGrid {
	g := anomalyGrid{step: hour}
	if req.Bucket == Daily {
		g.step = 24 * hour
	}
	g.period = int(7 * 24 * hour / g.step)
	g.lo, g.hi = hourSpan(req.From, req.To)
	g.lo -= mod(g.lo, g.step)
	g.hi += mod(g.step-mod(g.hi, g.step), g.step)
	g.first = g.lo - int64(req.Detector.BaselineWeeks*g.period)*g.step
	g.n = int((g.hi - g.first) / g.step)
	if g.step != hour {
		for t := g.first; t < g.hi; t += g.step {
			g.buckets = append(g.buckets, t)
		}
	}
	return g
}

// marketSeries is one market's decisions and declines per bucket of the grid, and its declines
// per principal reason.
type marketSeries struct {
	code               string
	assessed, declined []int64
	byReason           map[string][]int64
}

// read returns the market's series over the grid; nil when it has no decisions there.
func (g *anomalyGrid) read(ctx context.Context, src *source, mkt string) (*marketSeries, error) {
	q := Query{From: g.first, To: g.hi, Buckets: g.buckets, Group: Of(Reason), Filtered: Of(Market)}
	q.Equal[Market] = mkt
	var m *marketSeries
	err := src.read(ctx, q, func(r Row) error {
		i := int((r.Hour - g.first) / g.step)
		if i < 0 || i >= g.n {
			return nil // cannot happen: the store answers the query's range
		}
		if m == nil {
			m = &marketSeries{code: mkt, assessed: make([]int64, g.n), declined: make([]int64, g.n), byReason: map[string][]int64{}}
		}
		m.assessed[i] += r.Assessed
		m.declined[i] += r.Declined
		if code := r.Key[Reason]; code != "" {
			rs := m.byReason[code]
			if rs == nil {
				rs = make([]int64, g.n)
				m.byReason[code] = rs
			}
			rs[i] += r.Declined
		}
		return nil
	})
	return m, err
}

// anomalyList collects the anomalies of an answer: of each market, those of its earliest buckets
// until MaxAnomalies are kept, so that the answer's first MaxAnomalies are among them; the rest
// are only counted.
type anomalyList struct {
	kept  []Anomaly
	total int
}

// first returns the first n anomalies in time, market and reason order, and how many are left out.
func (l *anomalyList) first(n int) ([]Anomaly, int) {
	slices.SortStableFunc(l.kept, func(a, b Anomaly) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Market, b.Market); c != 0 {
			return c
		}
		return cmp.Compare(a.Reason, b.Reason)
	})
	out := l.kept[:min(len(l.kept), n)]
	return out, l.total - len(out)
}

// score adds the market's anomalies in the grid's range to found: of the decline rate, with the
// reason that moved most in its direction, and of each principal reason's rate.
func (m *marketSeries) score(d Detector, g *anomalyGrid, found *anomalyList) {
	total := d.Scorer(m.assessed, m.declined, g.period)
	reasons := make([]*Scorer, engine.NumReasons+1)
	for r := engine.Reason(1); r <= engine.NumReasons; r++ {
		if rs, seen := m.byReason[r.String()]; seen {
			reasons[r] = d.Scorer(m.assessed, rs, g.period)
		}
	}
	mark := len(found.kept)
	for i := int((g.lo - g.first) / g.step); i < g.n; i++ {
		// A bucket's anomalies are kept or counted together, so that the cut falls between buckets.
		keep := len(found.kept)-mark < MaxAnomalies
		add := func(a Anomaly) {
			found.total++
			if keep {
				found.kept = append(found.kept, a)
			}
		}
		at := time.Unix(g.first+int64(i)*g.step, 0).UTC()
		// The reason whose declines moved most in each direction, for the market's anomaly.
		var up, down string
		var upBy, downBy float64
		for r := engine.Reason(1); r <= engine.NumReasons; r++ {
			if reasons[r] == nil {
				continue
			}
			code := r.String()
			sc, ok := reasons[r].Score(i)
			if !ok {
				continue
			}
			if sc.Excess > upBy {
				up, upBy = code, sc.Excess
			}
			if sc.Excess < downBy {
				down, downBy = code, sc.Excess
			}
			if d.Flags(sc) {
				add(Anomaly{Start: at, Market: m.code, Reason: code, Assessed: m.assessed[i], Declined: reasons[r].declined[i], Score: sc, MainReason: code})
			}
		}
		if sc, ok := total.Score(i); ok && d.Flags(sc) {
			main := up
			if sc.Excess < 0 {
				main = down
			}
			add(Anomaly{Start: at, Market: m.code, Assessed: m.assessed[i], Declined: m.declined[i], Score: sc, MainReason: main})
		}
	}
}

// explain names, for each anomaly, its market's latest threshold activation between the start of
// its baseline weeks and the end of its bucket (step seconds long).
func (s *Service) explain(ctx context.Context, found []Anomaly, baselineWeeks int, step int64) error {
	if len(found) == 0 {
		return nil
	}
	acts, err := s.store.Activations(ctx)
	if err != nil {
		return err
	}
	baseline := time.Duration(baselineWeeks) * 7 * 24 * time.Hour
	for i := range found {
		a := &found[i]
		end := a.Start.Add(time.Duration(step) * time.Second)
		for j := range acts {
			at := acts[j].ActivatedAt
			if acts[j].Market == a.Market && at.After(a.Start.Add(-baseline)) && at.Before(end) &&
				(a.Activation == nil || at.After(a.Activation.ActivatedAt)) {
				a.Activation = &acts[j]
			}
		}
	}
	return nil
}
