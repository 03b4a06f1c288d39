package whatif

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"riskconsole/internal/engine"
	"riskconsole/internal/outcomes"
)

// genStart is the first decision time of genRows; outcomeNow puts the maturity boundary of the
// default definition (6 months) inside its 90 days.
var (
	genStart   = time.UnixMicro(int64(1_760_000_000) * 1_000_000).UTC()
	outcomeNow = genStart.AddDate(0, 6, 45)
	testDef    = outcomes.Version{ID: 1, Market: "US", Version: 1, Definition: outcomes.DefaultBad}
)

// latentBad is the probability of bad the generated outcomes follow: falling with the score.
func latentBad(v *[engine.NumMeasures]float32) float64 {
	return sigmoid(-2.6 - 1.8*(float64(v[engine.BureauScore])-650)/100)
}

// randomSummary draws the repayment summary of an approved decision with values v: bad ones
// reach 30+, 60+ and often 90+ and charge-off within a few months, losing part of amount; some
// good ones are briefly 30+ late; some have no event at all.
func randomSummary(rng *rand.Rand, v *[engine.NumMeasures]float32, amount float32) (outcomes.Summary, bool) {
	if rng.IntN(20) == 0 {
		return outcomes.NoOutcome, false
	}
	s := outcomes.NoOutcome
	if rng.Float64() < latentBad(v) {
		m := uint8(rng.IntN(9)) // sometimes after the 6-month window: then not bad
		s.FirstMonth[outcomes.Level30], s.FirstMonth[outcomes.Level60] = m, m+1
		if rng.IntN(2) == 0 {
			s.FirstMonth[outcomes.Level90], s.FirstMonth[outcomes.LevelChargedOff] = m+2, m+4
			s.LossMinor = int64(float64(amount) * 100 * (0.4 + 0.5*rng.Float64()))
		}
	} else if rng.IntN(10) == 0 {
		s.FirstMonth[outcomes.Level30] = uint8(rng.IntN(12))
	}
	return s, true
}

// addOutcomes gives every approved row of h a random summary.
func addOutcomes(h *History, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 7))
	s := h.Snapshot()
	for i := 0; i < s.Len(); i++ {
		if s.Declined(i) {
			continue
		}
		var v [engine.NumMeasures]float32
		for m := range v {
			v[m] = s.Value(i, engine.Measure(m))
		}
		if sum, ok := randomSummary(rng, &v, s.Amount(i)); ok {
			h.SetSummary(i, &sum)
		}
	}
}

// outcomeHistory returns a history of n realistic rows with outcomes and a fitted inference.
func outcomeHistory(t testing.TB, seed uint64, n int) (*History, *Inference) {
	rng := rand.New(rand.NewPCG(seed, 3))
	h := historyOf(realisticRows(t, rng, n, 0.93))
	addOutcomes(h, seed)
	inf := Fit(h.Snapshot(), testDef, outcomeNow)
	if inf.Available {
		h.SetModel(&inf.Model)
	}
	return h, inf
}

func TestPackSummary(t *testing.T) {
	for _, s := range []outcomes.Summary{
		{FirstMonth: [4]uint8{0, 1, 2, 3}, LossMinor: 123456},
		{FirstMonth: [4]uint8{5, outcomes.Never, outcomes.Never, outcomes.Never}},
		{FirstMonth: [4]uint8{24, 25, 30, outcomes.Never - 1}, LossMinor: 1 << 40},
	} {
		got, ok := UnpackSummary(PackSummary(&s))
		want := s
		for l := range want.FirstMonth {
			if want.FirstMonth[l] != outcomes.Never {
				want.FirstMonth[l] = min(want.FirstMonth[l], 30)
			}
		}
		if !ok || got != want {
			t.Errorf("unpack(pack(%v)) = %v, %v; want %v", s, got, ok, want)
		}
	}
	if _, ok := UnpackSummary(0); ok {
		t.Error("the zero word unpacks as a summary")
	}
}

// expectCells computes the swap-set cells row by row: the engine decides each row under both
// sets, the bad definition classifies the approved ones.
func expectCells(s *Snapshot, lo, hi int, baseline, proposed *engine.ThresholdSet, def outcomes.BadDefinition, now time.Time) [4]Cell {
	var cells [4]Cell
	var ra, rb engine.Result
	for i := lo; i < hi; i++ {
		v := s.Values(i)
		engine.Evaluate(baseline, &v, &ra)
		engine.Evaluate(proposed, &v, &rb)
		q := 0
		if ra.Outcome == engine.Declined {
			q += 2
		}
		if rb.Outcome == engine.Declined {
			q++
		}
		c := &cells[q]
		a := float64(s.Amount(i))
		c.Decisions++
		c.Volume += a
		if s.Declined(i) {
			p := float64(s.PBad(i))
			c.Inferred++
			c.InfVol += a
			c.SumP += p
			c.SumPQ += p * (1 - p)
			c.SumPA += p * a
			c.SumPQA2 += p * (1 - p) * a * a
			continue
		}
		sum, _ := s.Summary(i)
		switch def.Classify(time.UnixMicro(s.At(i)), &sum, now) {
		case outcomes.Immature:
			c.Immature++
			continue
		case outcomes.Bad:
			c.Bad++
		}
		c.Mature++
		c.MatureVol += a
		c.LossMinor += sum.LossMinor
	}
	return cells
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*max(1, math.Abs(a), math.Abs(b)) }

// nearCurve allows for the curve's float32 payloads (expected losses rounded to float32 per row).
func nearCurve(a, b float64) bool { return math.Abs(a-b) <= 1e-6*max(1e-3, math.Abs(a), math.Abs(b)) }

// TestSwapSetMatchesEngine: over random proposals, windows and bad definitions, every swap-set
// cell's counts equal a row-by-row evaluation with the engine and the bad definition, and its
// sums agree to rounding.
func TestSwapSetMatchesEngine(t *testing.T) {
	h, inf := outcomeHistory(t, 11, 40_000)
	if !inf.Available {
		t.Fatalf("fit unavailable: %s", inf.Note)
	}
	s := h.Snapshot()
	rng := rand.New(rand.NewPCG(5, 5))
	base := usDefault(t)
	for trial := range 40 {
		proposed := randomSet(t, rng)
		baseline := base
		if trial%3 == 0 {
			baseline = randomSet(t, rng)
		}
		lo := rng.IntN(s.Len() / 2)
		hi := lo + rng.IntN(s.Len()-lo)
		def := outcomes.BadDefinition{Level: outcomes.Level(rng.IntN(outcomes.NumLevels)), WindowMonths: 1 + rng.IntN(8)}
		now := outcomeNow.Add(time.Duration(rng.IntN(200)-100) * 24 * time.Hour)
		o := NewOutcomeParams(s, def, now, inf)
		got := SimulateOutcomes(s, lo, hi, &baseline, &proposed, o).Cells
		want := expectCells(s, lo, hi, &baseline, &proposed, def, now)
		for q := range got {
			g, w := got[q], want[q]
			if g.Decisions != w.Decisions || g.Mature != w.Mature || g.Immature != w.Immature || g.Bad != w.Bad ||
				g.Inferred != w.Inferred || g.LossMinor != w.LossMinor {
				t.Fatalf("trial %d cell %d (%v, window %d..%d, now %s): got %+v, want %+v", trial, q, def, lo, hi, now, g, w)
			}
			if !near(g.Volume, w.Volume) || !near(g.SumP, w.SumP) || !near(g.SumPQ, w.SumPQ) || !near(g.SumPA, w.SumPA) ||
				!near(g.SumPQA2, w.SumPQA2) || !near(g.MatureVol, w.MatureVol) || !near(g.InfVol, w.InfVol) {
				t.Fatalf("trial %d cell %d sums: got %+v, want %+v", trial, q, g, w)
			}
		}
	}
}

// TestFitDeterministic: the same data gives bit-identical coefficients, in another history built
// from the same rows too; the fit finds the score's weight negative and separates better than
// chance.
func TestFitDeterministic(t *testing.T) {
	h1, a := outcomeHistory(t, 21, 30_000)
	_, b := outcomeHistory(t, 21, 30_000)
	c := Fit(h1.Snapshot(), testDef, outcomeNow)
	if !a.Available {
		t.Fatalf("fit unavailable: %s", a.Note)
	}
	for _, o := range []*Inference{b, c} {
		if math.Float64bits(a.Model.Intercept) != math.Float64bits(o.Model.Intercept) || a.AUC != o.AUC || a.LogLoss != o.LogLoss {
			t.Fatalf("fits differ: %+v vs %+v", a.Model, o.Model)
		}
		for m := range a.Model.Weight {
			if math.Float64bits(a.Model.Weight[m]) != math.Float64bits(o.Model.Weight[m]) {
				t.Fatalf("weight %d differs: %v vs %v", m, a.Model.Weight[m], o.Model.Weight[m])
			}
		}
	}
	if a.Model.Weight[engine.BureauScore] >= 0 || !(a.AUC > 0.6) || !(a.LossGivenBad > 0 && a.LossGivenBad < 1) || a.Brier <= 0 || a.LogLoss <= 0 {
		t.Fatalf("fit = score weight %v, AUC %v, loss given bad %v, Brier %v, log loss %v", a.Model.Weight[engine.BureauScore], a.AUC, a.LossGivenBad, a.Brier, a.LogLoss)
	}
	t.Logf("fit: %d samples, %d bad, AUC %.3f, log loss %.4f, Brier %.4f, LGB %.3f, score weight %.3f",
		a.Samples, a.Bads, a.AUC, a.LogLoss, a.Brier, a.LossGivenBad, a.Model.Weight[engine.BureauScore])
}

// TestFitUnavailable: too few mature decisions, or too few bad among them, leave the inference
// unavailable with a note, and the inferred figures without a rate.
func TestFitUnavailable(t *testing.T) {
	h, _ := outcomeHistory(t, 31, 3_000)
	s := h.Snapshot()
	// Before any decision is mature: nothing to fit.
	early := Fit(s, testDef, genStart.AddDate(0, 1, 0))
	if early.Available || early.Note == "" || early.Samples != 0 {
		t.Fatalf("fit before maturity = %+v", early)
	}
	// Charge-off within a month is rare: too few bad.
	strict := testDef
	strict.Definition = outcomes.BadDefinition{Level: outcomes.LevelChargedOff, WindowMonths: 1}
	few := Fit(s, strict, outcomeNow)
	if few.Available || few.Bads >= MinBad {
		t.Fatalf("fit with few bad = available %v, %d bad", few.Available, few.Bads)
	}
	o := NewOutcomeParams(s, strict.Definition, outcomeNow, few)
	res := SimulateOutcomes(s, 0, s.Len(), ptrSet(usDefault(t)), ptrSet(usDefault(t)), o)
	f := o.Figures(&res.Cells[KeptDeclined])
	if f.Inferred == 0 || f.BadRate != nil || f.LossRate != nil || f.InferredBad != 0 {
		t.Fatalf("kept-declined figures without inference = %+v", f)
	}
}

func ptrSet(s engine.ThresholdSet) *engine.ThresholdSet { return &s }

// TestImmatureNeverGood: a decision younger than the window is neither good nor bad, even when
// it is already late or has no event: the rates leave it out.
func TestImmatureNeverGood(t *testing.T) {
	h := NewHistory("US")
	set := usDefault(t)
	var r Row
	r.Category = "home"
	r.Amount = 100
	for m := range r.Values {
		r.Values[m] = float32(passing(&set.Rules[m], engine.Measures[m].Min))
	}
	now := genStart.AddDate(0, 7, 0)
	// Ten mature decisions, one bad; then ten immature ones, five already 60+ late, five without
	// events.
	for i := range 20 {
		at := genStart.AddDate(0, 0, i)
		if i >= 10 {
			at = now.AddDate(0, -2, i)
		}
		r.At = at.UnixMicro()
		h.Append(&r)
		switch {
		case i == 0 || (i >= 10 && i < 15):
			h.SetSummary(i, &outcomes.Summary{FirstMonth: [4]uint8{0, 1, outcomes.Never, outcomes.Never}})
		case i < 10:
			h.SetSummary(i, &outcomes.Summary{FirstMonth: [4]uint8{outcomes.Never, outcomes.Never, outcomes.Never, outcomes.Never}})
		}
	}
	s := h.Snapshot()
	o := NewOutcomeParams(s, outcomes.DefaultBad, now, nil)
	res := SimulateOutcomes(s, 0, s.Len(), &set, &set, o)
	c := res.Cells[KeptApproved]
	if c.Decisions != 20 || c.Mature != 10 || c.Immature != 10 || c.Bad != 1 {
		t.Fatalf("cell = %+v; want 20 decisions, 10 mature, 10 immature, 1 bad", c)
	}
	f := o.Figures(&c)
	if f.BadRate == nil || *f.BadRate != 0.1 {
		t.Fatalf("bad rate = %v, want 0.1 (the immature left out)", f.BadRate)
	}
	cv := PrepareSensitivityOutcomes(s, 0, s.Len(), engine.BureauScore, &set, &set, o)
	// Without inference the curve's rates are not given; the counts still are.
	if p := cv.ProposedPoint(); p.ApprovalRate != 1 || p.BadRate != nil {
		t.Fatalf("proposed point without inference = %+v", p)
	}
}

// TestSensitivityOutcomesMatchSimulate: each point of a curve has the approval, bad and loss
// rates a simulation of the proposal with the moving cut-off there gives, and the now point is
// the baseline's.
func TestSensitivityOutcomesMatchSimulate(t *testing.T) {
	// Enough rows, and procs, for the preparation to split its work in two (minRowsPerWorker).
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(2, runtime.GOMAXPROCS(0))))
	h, inf := outcomeHistory(t, 41, 3*minRowsPerWorker)
	s := h.Snapshot()
	o := NewOutcomeParams(s, testDef.Definition, outcomeNow, inf)
	baseline := usDefault(t)
	rng := rand.New(rand.NewPCG(9, 9))
	for trial := range 8 {
		proposed := randomSet(t, rng)
		m := engine.Measure(rng.IntN(engine.NumMeasures))
		if m == engine.IdentityVerified || m == engine.AgeYears {
			continue
		}
		cv := PrepareSensitivityOutcomes(s, 0, s.Len(), m, &proposed, &baseline, o)
		pts := append(cv.Points(7), cv.ProposedPoint())
		for k, pt := range pts {
			set := proposed
			if k < len(pts)-1 { // the proposed point keeps the proposal's switch
				set.Rules[m].Cutoff, set.Rules[m].Enabled = pt.Cutoff, true
			}
			res := SimulateOutcomes(s, 0, s.Len(), &baseline, &set, o)
			f := o.Figures(ptrCell(res.Cells[KeptApproved].Plus(res.Cells[SwapIn])))
			check := func(what string, a *float64, b *float64) {
				if (a == nil) != (b == nil) || (a != nil && !nearCurve(*a, *b)) {
					t.Fatalf("trial %d %s at %v: curve %v, simulate %v", trial, what, pt.Cutoff, deref(a), deref(b))
				}
			}
			if !near(pt.ApprovalRate, 1-res.ProposedRate()) {
				t.Fatalf("trial %d approval rate at %v: curve %v, simulate %v", trial, pt.Cutoff, pt.ApprovalRate, 1-res.ProposedRate())
			}
			check("bad rate", pt.BadRate, f.BadRate)
			check("loss rate", pt.LossRate, f.LossRate)
		}
		now := cv.NowPointAt(baseline.Rules[m].Cutoff)
		res := SimulateOutcomes(s, 0, s.Len(), &baseline, &proposed, o)
		f := o.Figures(ptrCell(res.Cells[KeptApproved].Plus(res.Cells[SwapOut])))
		if !near(now.ApprovalRate, 1-res.BaselineRate()) || !nearCurve(*now.BadRate, *f.BadRate) || !nearCurve(*now.LossRate, *f.LossRate) {
			t.Fatalf("trial %d now point %+v (bad %v), simulate now bad %v", trial, now, deref(now.BadRate), deref(f.BadRate))
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
