package whatif

import (
	"math"
	"time"

	"riskconsole/internal/outcomes"
)

// The cells of the swap-set: a row's cell is 2·(declined now) + (declined under the proposal).
const (
	KeptApproved = iota
	SwapOut
	SwapIn
	KeptDeclined
)

// Cell sums the outcomes of the rows of one swap-set cell. Observed figures come from the rows
// approved as decided and mature; inferred ones from the rows declined as decided, through the
// probability of bad the reject inference predicted for each.
type Cell struct {
	Decisions int
	Volume    float64 // purchase amounts, major units
	Mature    int     // approved as decided and mature: outcome observed
	Immature  int     // approved as decided, younger than the window
	Bad       int     // bad among the mature
	LossMinor int64   // written off (net of recoveries) on the mature, minor units
	MatureVol float64 // amount of the mature
	Inferred  int     // declined as decided
	SumP      float64 // Σ p over the inferred
	SumPQ     float64 // Σ p(1-p)
	SumPA     float64 // Σ p·amount
	SumPQA2   float64 // Σ p(1-p)·amount²
	InfVol    float64 // amount of the inferred
}

func (c *Cell) add(o *Cell) {
	c.Decisions += o.Decisions
	c.Volume += o.Volume
	c.Mature += o.Mature
	c.Immature += o.Immature
	c.Bad += o.Bad
	c.LossMinor += o.LossMinor
	c.MatureVol += o.MatureVol
	c.Inferred += o.Inferred
	c.SumP += o.SumP
	c.SumPQ += o.SumPQ
	c.SumPA += o.SumPA
	c.SumPQA2 += o.SumPQA2
	c.InfVol += o.InfVol
}

// Plus returns the sum of two cells.
func (c Cell) Plus(o Cell) Cell { c.add(&o); return c }

// OutcomeParams are what a simulation needs to sum outcomes: which rows are mature and bad under
// the definition in force, and the inference's loss given bad (Available false: the inferred
// figures mean nothing).
type OutcomeParams struct {
	Version      outcomes.Version // the definition's version, when known
	Def          outcomes.BadDefinition
	Available    bool
	LossGivenBad float64
	mat          *maturity
	level        uint
	window       uint64
}

// NewOutcomeParams prepares the outcome sums of snapshot s under def at now, with the
// inference inf (nil: none).
func NewOutcomeParams(s *Snapshot, def outcomes.BadDefinition, now time.Time, inf *Inference) *OutcomeParams {
	o := &OutcomeParams{Def: def, mat: newMaturity(s, def, now), level: uint(def.Level) * monthBits, window: uint64(def.WindowMonths)}
	if inf != nil && inf.Available {
		o.Available, o.LossGivenBad = true, inf.LossGivenBad
	}
	return o
}

// badBit returns 1 when the packed summary w is bad under o's definition (no event: good).
func (o *OutcomeParams) badBit(w uint64) uint64 {
	month := w >> o.level & monthNever
	var b uint64
	if month < o.window {
		b = 1
	}
	return b & (w >> (outcomes.NumLevels * monthBits))
}

// outcomeRows adds the outcomes of rows [off, off+k) of c, numbered from first in the snapshot,
// to cells, by the cells their bitmaps put them in.
func outcomeRows(bb *blockBits, k int, c *chunk, off, first int, o *OutcomeParams, cells *[4]Cell) {
	amount := c.amount[off : off+k]
	declined := c.declined[off : off+k]
	repay := c.repay[off : off+k]
	pbad := c.pbad[off : off+k]
	allMature := first+k <= o.mat.lo
	noneMature := first >= o.mat.hi
	for j := range k {
		wd, z := j>>6, uint(j&63)
		cl := &cells[(bb.a[wd]>>z&1)<<1|bb.b[wd]>>z&1]
		a := float64(amount[j])
		cl.Decisions++
		cl.Volume += a
		if declined[j] != 0 {
			p := float64(math.Float32frombits(pbad[j].Load()))
			pq := p * (1 - p)
			cl.Inferred++
			cl.InfVol += a
			cl.SumP += p
			cl.SumPQ += pq
			cl.SumPA += p * a
			cl.SumPQA2 += pq * a * a
			continue
		}
		if noneMature || !(allMature || o.mat.mature(first+j)) {
			cl.Immature++
			continue
		}
		w := repay[j].Load()
		cl.Mature++
		cl.MatureVol += a
		cl.Bad += int(o.badBit(w))
		cl.LossMinor += int64(w >> lossShift)
	}
}

// Figures are the outcome figures of a group of decisions (see OutcomeFigures in the schema).
// Rates are nil when undefined; amounts are in major units.
type Figures struct {
	Decisions, Mature, Immature, Bad, Inferred int
	Volume, InferredBad                        float64
	BadRate, BadRateLow, BadRateHigh           *float64
	Loss, LossLow, LossHigh                    float64
	LossRate                                   *float64
}

// z95 is the normal quantile of a two-sided 95% interval.
const z95 = 1.959963984540054

// Figures computes the figures of cell c under o.
func (o *OutcomeParams) Figures(c *Cell) Figures {
	f := Figures{Decisions: c.Decisions, Mature: c.Mature, Immature: c.Immature, Bad: c.Bad, Inferred: c.Inferred, Volume: c.Volume}
	observedLoss := float64(c.LossMinor) / 100
	f.Loss, f.LossLow, f.LossHigh = observedLoss, observedLoss, observedLoss
	inferOK := c.Inferred == 0 || o.Available
	if !inferOK {
		return f
	}
	if o.Available {
		f.InferredBad = c.SumP
		el := o.LossGivenBad * c.SumPA
		sd := o.LossGivenBad * math.Sqrt(c.SumPQA2)
		f.Loss = observedLoss + el
		f.LossLow = observedLoss + max(el-z95*sd, 0)
		f.LossHigh = observedLoss + el + z95*sd
	}
	if den := float64(c.Mature + c.Inferred); den > 0 {
		bad := float64(c.Bad) + f.InferredBad
		sd := z95 * math.Sqrt(c.SumPQ)
		r, lo, hi := bad/den, max(bad-sd, float64(c.Bad))/den, min(bad+sd, den)/den
		f.BadRate, f.BadRateLow, f.BadRateHigh = &r, &lo, &hi
	}
	if vol := c.MatureVol + c.InfVol; vol > 0 {
		r := f.Loss / vol
		f.LossRate = &r
	}
	return f
}
