package whatif

import (
	"fmt"
	"math"
	"slices"
	"time"

	"riskconsole/internal/engine"
	"riskconsole/internal/outcomes"
)

// Reject inference: the decisions that were declined never had the chance to repay, so their bad
// rate is inferred from the approved ones with the same measured values. Per market, a logistic
// regression of bad on the standardised measured values is fitted by iteratively reweighted least
// squares (Newton's method) with a ridge penalty, on the mature approved decisions (a
// deterministic subsample of at most MaxFitSamples), and predicts each row's probability of bad.
// It assumes the outcome is missing at random given the measured values: a declined shopper
// would have repaid as an approved one with the same values did. That is weakest far outside the
// region the approved decisions cover.
const (
	// InferenceMethod and InferenceAssumption are what the API says of the method.
	InferenceMethod     = "logistic regression of bad on the standardised measured values (IRLS, ridge 0.1), fitted to the market's mature approved decisions; inferred bad = sum of the predicted probabilities, 95% interval from their binomial variance"
	InferenceAssumption = "missing at random given the measured values: a declined purchase would have gone bad as often as an approved one with the same measured values; weakest far outside the approved region"
	// MaxFitSamples bounds the decisions one fit reads.
	MaxFitSamples = 200_000
	// MinMature and MinBad are the least mature decisions, and bad among them, a fit needs.
	MinMature = 200
	MinBad    = 20
	// Ridge is the penalty on the squared weights of the standardised values (not the intercept).
	Ridge = 0.1
	// maxIter bounds the Newton steps; the fit stops earlier when no weight moves by 1e-10.
	maxIter = 50
)

// Model is a fitted logistic regression: p = 1 / (1 + exp(-(Intercept + Σ Weight[m]·(v[m] -
// Mean[m]) / SD[m]))). A measure whose SD is 0 (constant in the data) has weight 0; a NaN value
// counts as the mean.
type Model struct {
	Intercept float64
	Weight    [engine.NumMeasures]float64
	Mean      [engine.NumMeasures]float64
	SD        [engine.NumMeasures]float64
}

// Predict returns the probability of bad for measured values v.
func (m *Model) Predict(v *[engine.NumMeasures]float32) float32 {
	z := m.Intercept
	for k := range v {
		if m.SD[k] > 0 {
			x := (float64(v[k]) - m.Mean[k]) / m.SD[k]
			if x == x {
				z += m.Weight[k] * x
			}
		}
	}
	return float32(sigmoid(z))
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// Inference is one fit of a market's reject inference.
type Inference struct {
	Market     string
	Definition outcomes.Version
	Available  bool
	Note       string // why it is not available
	FittedAt   time.Time
	Samples    int // mature approved decisions fitted
	Bads       int
	AUC        float64
	LogLoss    float64
	Brier      float64
	// LossGivenBad is the share of a bad decision's amount that was lost: the written-off amount
	// of the mature bad decisions over their amount.
	LossGivenBad float64
	Model        Model

	// rows and outcomeVersion say what the fit saw: the history's length and outcome version.
	rows           int
	outcomeVersion int64
}

// MatureCut returns the first row of s at or after which decisions are not all mature at now
// under def, and the first row after which none is: rows below lo are mature, rows at or above hi
// are not, rows in between are checked one by one (calendar months are not all as long, so
// maturity is not monotonic in time right at the boundary).
func MatureCut(s *Snapshot, def outcomes.BadDefinition, now time.Time) (lo, hi int) {
	edge := now.UTC().AddDate(0, -def.WindowMonths, 0)
	lo, _ = s.Window(edge.Add(-96*time.Hour).UnixMicro(), edge.Add(-96*time.Hour).UnixMicro())
	hi, _ = s.Window(edge.Add(96*time.Hour).UnixMicro(), edge.Add(96*time.Hour).UnixMicro())
	return lo, hi
}

// maturity answers whether row i is mature, cheaply for rows outside [lo, hi).
type maturity struct {
	lo, hi int
	band   []bool // band[i-lo]
}

func newMaturity(s *Snapshot, def outcomes.BadDefinition, now time.Time) *maturity {
	m := &maturity{}
	m.lo, m.hi = MatureCut(s, def, now)
	m.band = make([]bool, m.hi-m.lo)
	for i := m.lo; i < m.hi; i++ {
		m.band[i-m.lo] = def.Mature(time.UnixMicro(s.At(i)), now)
	}
	return m
}

func (m *maturity) mature(i int) bool {
	return i < m.lo || (i < m.hi && m.band[i-m.lo])
}

// Fit fits the reject inference of snapshot s under bad definition def at now. It is
// deterministic: the same rows, outcomes, definition and time give bit-identical weights.
func Fit(s *Snapshot, def outcomes.Version, now time.Time) *Inference {
	inf := &Inference{Market: s.Market(), Definition: def, FittedAt: now.UTC(), rows: s.Len()}
	d := def.Definition
	mat := newMaturity(s, d, now)
	// The mature approved rows: the rows below the maturity boundary that were approved.
	matureEnd := mat.hi
	var idx []int
	var badAmount, badLoss float64
	bads := 0
	for i := 0; i < matureEnd; i++ {
		if s.Declined(i) || !mat.mature(i) {
			continue
		}
		idx = append(idx, i)
		sum, _ := s.Summary(i)
		if d.BadIn(&sum) {
			bads++
			badAmount += float64(s.Amount(i))
			badLoss += float64(sum.LossMinor) / 100
		}
	}
	if badAmount > 0 {
		inf.LossGivenBad = min(badLoss/badAmount, 1)
	}
	if len(idx) < MinMature || bads < MinBad {
		inf.Note = fmt.Sprintf("too few mature outcomes to fit: %d mature approved decisions, %d bad; at least %d and %d are needed", len(idx), bads, MinMature, MinBad)
		inf.Samples, inf.Bads = len(idx), bads
		return inf
	}
	// A deterministic subsample: every k-th mature approved decision.
	if len(idx) > MaxFitSamples {
		k := (len(idx) + MaxFitSamples - 1) / MaxFitSamples
		sub := idx[:0:0]
		for j := 0; j < len(idx); j += k {
			sub = append(sub, idx[j])
		}
		idx = sub
	}
	n := len(idx)
	const dim = engine.NumMeasures + 1
	x := make([][dim]float64, n)
	y := make([]float64, n)
	var model Model
	// Means and standard deviations, NaN values left out.
	var cnt [engine.NumMeasures]float64
	for j, i := range idx {
		for k := 0; k < engine.NumMeasures; k++ {
			v := float64(s.Value(i, engine.Measure(k)))
			if v == v {
				model.Mean[k] += v
				cnt[k]++
			}
		}
		sum, _ := s.Summary(i)
		if d.BadIn(&sum) {
			y[j] = 1
		}
	}
	for k := range model.Mean {
		if cnt[k] > 0 {
			model.Mean[k] /= cnt[k]
		}
	}
	for _, i := range idx {
		for k := 0; k < engine.NumMeasures; k++ {
			v := float64(s.Value(i, engine.Measure(k)))
			if v == v {
				model.SD[k] += (v - model.Mean[k]) * (v - model.Mean[k])
			}
		}
	}
	for k := range model.SD {
		if cnt[k] > 1 {
			model.SD[k] = math.Sqrt(model.SD[k] / cnt[k])
		}
		if !(model.SD[k] > 1e-12) {
			model.SD[k] = 0
		}
	}
	for j, i := range idx {
		x[j][0] = 1
		for k := 0; k < engine.NumMeasures; k++ {
			if model.SD[k] > 0 {
				v := (float64(s.Value(i, engine.Measure(k))) - model.Mean[k]) / model.SD[k]
				if v == v {
					x[j][k+1] = v
				}
			}
		}
	}
	// Newton's method on the penalised log likelihood.
	var beta [dim]float64
	beta[0] = math.Log((float64(bads) + 0.5) / (float64(n-bads) + 0.5))
	for it := 0; it < maxIter; it++ {
		var h [dim][dim]float64
		var g [dim]float64
		for j := range x {
			xj := &x[j]
			z := 0.0
			for k := range beta {
				z += beta[k] * xj[k]
			}
			p := sigmoid(z)
			w := max(p*(1-p), 1e-12)
			r := y[j] - p
			for a := 0; a < dim; a++ {
				if xj[a] == 0 {
					continue
				}
				g[a] += xj[a] * r
				wa := w * xj[a]
				for b := 0; b <= a; b++ {
					h[a][b] += wa * xj[b]
				}
			}
		}
		for a := 1; a < dim; a++ {
			g[a] -= Ridge * beta[a]
			h[a][a] += Ridge
		}
		// A measure with SD 0 has a zero column: keep its weight at 0.
		for a := 0; a < dim; a++ {
			if h[a][a] == 0 {
				h[a][a] = 1
			}
			for b := 0; b < a; b++ {
				h[b][a] = h[a][b]
			}
		}
		step, ok := solve(h, g)
		if !ok {
			break
		}
		moved := 0.0
		for k := range beta {
			beta[k] += step[k]
			moved = max(moved, math.Abs(step[k]))
		}
		if moved < 1e-10 {
			break
		}
	}
	model.Intercept = beta[0]
	for k := 0; k < engine.NumMeasures; k++ {
		model.Weight[k] = beta[k+1]
	}
	// Fit quality on the fitted decisions.
	ps := make([]float64, n)
	var ll, brier float64
	for j := range x {
		z := 0.0
		for k := range beta {
			z += beta[k] * x[j][k]
		}
		p := sigmoid(z)
		ps[j] = p
		pc := min(max(p, 1e-15), 1-1e-15)
		if y[j] == 1 {
			ll -= math.Log(pc)
		} else {
			ll -= math.Log(1 - pc)
		}
		brier += (p - y[j]) * (p - y[j])
	}
	inf.Available = true
	inf.Samples, inf.Bads = n, int(sumOf(y))
	inf.LogLoss, inf.Brier = ll/float64(n), brier/float64(n)
	inf.AUC = auc(ps, y)
	inf.Model = model
	return inf
}

func sumOf(y []float64) float64 {
	t := 0.0
	for _, v := range y {
		t += v
	}
	return t
}

// auc is the area under the ROC curve: the probability that a bad decision scores above a good
// one, ties counting half (the Mann-Whitney statistic with mid-ranks).
func auc(p, y []float64) float64 {
	order := make([]int, len(p))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case p[a] < p[b]:
			return -1
		case p[a] > p[b]:
			return 1
		}
		return 0
	})
	var rankSum, pos float64
	for i := 0; i < len(order); {
		j := i
		for j < len(order) && p[order[j]] == p[order[i]] {
			j++
		}
		mid := float64(i+j+1) / 2 // ranks i+1..j
		for k := i; k < j; k++ {
			if y[order[k]] == 1 {
				rankSum += mid
				pos++
			}
		}
		i = j
	}
	neg := float64(len(p)) - pos
	if pos == 0 || neg == 0 {
		return math.NaN()
	}
	return (rankSum - pos*(pos+1)/2) / (pos * neg)
}

// solve solves h·x = g for the symmetric positive definite h by Cholesky decomposition.
func solve(h [engine.NumMeasures + 1][engine.NumMeasures + 1]float64, g [engine.NumMeasures + 1]float64) ([engine.NumMeasures + 1]float64, bool) {
	const n = engine.NumMeasures + 1
	var l [n][n]float64
	for i := 0; i < n; i++ {
		for j := 0; j <= i; j++ {
			s := h[i][j]
			for k := 0; k < j; k++ {
				s -= l[i][k] * l[j][k]
			}
			if i == j {
				if !(s > 0) {
					return g, false
				}
				l[i][i] = math.Sqrt(s)
			} else {
				l[i][j] = s / l[j][j]
			}
		}
	}
	var z, x [n]float64
	for i := 0; i < n; i++ {
		s := g[i]
		for k := 0; k < i; k++ {
			s -= l[i][k] * z[k]
		}
		z[i] = s / l[i][i]
	}
	for i := n - 1; i >= 0; i-- {
		s := z[i]
		for k := i + 1; k < n; k++ {
			s -= l[k][i] * x[k]
		}
		x[i] = s / l[i][i]
	}
	return x, true
}
