package whatif_test

import (
	"fmt"

	"riskconsole/internal/engine"
	"riskconsole/internal/market"
	"riskconsole/internal/whatif"
)

// Example replays a small history under a proposal that raises the credit-score cut-off, then
// prepares the credit-score curve for a slider.
func Example() {
	us, _ := market.Lookup("US")
	active := engine.DefaultSet(us)
	proposed := active
	proposed.Rules[engine.BureauScore].Cutoff = 620

	h := whatif.NewHistory("US")
	day := int64(whatif.DayMicros)
	for i, score := range []float32{550, 600, 610, 700, 640, 590} {
		r := whatif.Row{At: int64(i) * day / 2, Category: []string{"travel", "home"}[i%2]}
		for m := range r.Values {
			r.Values[m] = float32(engine.Measures[m].Cutoff) // every value exactly at its cut-off passes
		}
		r.Values[engine.BureauScore] = score
		r.Declined = score < 580
		h.Append(&r)
	}

	s := h.Snapshot()
	lo, hi := s.Window(0, 3*day)
	res := whatif.Simulate(s, lo, hi, &active, &proposed)
	fmt.Printf("declined %d -> %d of %d, %d newly declined, first at %s\n", res.BaselineDeclined,
		res.ProposedDeclined, res.Assessed, res.ApprovedToDeclined, s.Category(res.SampleApprovedToDeclined[0]))
	for d, c := range res.Days {
		fmt.Printf("day %d: %d/%d -> %d/%d\n", d, c.BaselineDeclined, c.Assessed, c.ProposedDeclined, c.Assessed)
	}
	fmt.Println("credit-score reasons:", res.BaselineReasons[engine.CreditScoreInsufficient], "->",
		res.ProposedReasons[engine.CreditScoreInsufficient])

	curve := whatif.PrepareSensitivity(s, lo, hi, engine.BureauScore, &proposed)
	for _, cut := range []float64{500, 600, 650, 701} {
		fmt.Printf("cut-off %v: %.2f\n", cut, curve.DeclineRate(cut))
	}
	// Output:
	// declined 1 -> 4 of 6, 3 newly declined, first at home
	// day 0: 1/2 -> 2/2
	// day 1: 0/2 -> 1/2
	// day 2: 0/2 -> 1/2
	// credit-score reasons: 1 -> 4
	// cut-off 500: 0.00
	// cut-off 600: 0.33
	// cut-off 650: 0.83
	// cut-off 701: 1.00
}
