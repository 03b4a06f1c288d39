package demo

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/outcomes"
)

// scoreBands are the bureau-score bands the bad rate is reported by: [lo, next lo).
var scoreBands = [...]float64{0, 620, 660, 700, 740}

func scoreBand(score float64) int {
	b := 0
	for i, lo := range scoreBands {
		if score >= lo {
			b = i
		}
	}
	return b
}

// repaymentRun is the demo's repayment events for a run of n purchases, decided by the engine
// against the threshold version active at each purchase's time.
type repaymentRun struct {
	events    [][]outcomes.Event // by generation index; nil for declined decisions
	approved  []bool
	decisions []decisions.Decision
}

func runRepayment(t testing.TB, seed int64, n int) *repaymentRun {
	t.Helper()
	h := History(testEnd, DefaultDays)
	run := &repaymentRun{}
	var res engine.Result
	var index uint64
	err := Generate(Options{Seed: seed, N: n, End: testEnd}, func(p *Purchase) error {
		v := ActiveAt(h, p.Market, p.Time)
		if v == nil {
			return fmt.Errorf("no threshold version active in %s at %v", p.Market, p.Time)
		}
		engine.Evaluate(&v.Set, &p.Values, &res)
		d := decisions.Decision{ID: fmt.Sprintf("d%d", index), CreatedAt: p.Time, Outcome: res.Outcome,
			Purchase: decisions.Purchase{Market: p.Market, Currency: p.Currency,
				AmountMinor: int64(p.Amount*100 + 0.5), Values: p.Values}}
		run.events = append(run.events, Repayment(nil, seed, index, &d, testEnd))
		run.approved = append(run.approved, res.Outcome == engine.Approved)
		run.decisions = append(run.decisions, d)
		index++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return run
}

// TestRepayment checks the demo's repayment histories over a demo-sized run: every event passes
// outcomes.Check in order, declined decisions have none, and the mature bad rate (default
// definition) is 2–5 % overall and falls with the bureau score.
func TestRepayment(t *testing.T) {
	run := runRepayment(t, 1, 200_000)
	def := outcomes.DefaultBad
	var (
		approved, withEvents, events int
		perCount                     [MaxRepaymentEvents + 1]int
		mature, bad                  int
		bandN, bandBad               [len(scoreBands)]int
		statuses                     = map[outcomes.Status]int{}
		lossMinor                    int64
	)
	for i, evs := range run.events {
		d := &run.decisions[i]
		if !run.approved[i] {
			if len(evs) > 0 {
				t.Fatalf("declined decision %d has %d events", i, len(evs))
			}
			continue
		}
		approved++
		if len(evs) > MaxRepaymentEvents {
			t.Fatalf("decision %d has %d events", i, len(evs))
		}
		perCount[len(evs)]++
		p := outcomes.Purchase{At: d.CreatedAt, Approved: true, AmountMinor: d.AmountMinor, Currency: d.Currency}
		var last outcomes.Last
		for k := range evs {
			ve := &apperr.ValidationError{}
			last = outcomes.Check(&p, last, &evs[k], testEnd, ve, fmt.Sprintf("events[%d]", k))
			if len(ve.Fields) > 0 {
				t.Fatalf("decision %d (%+v) event %d %+v: %v", i, p, k, evs[k], ve)
			}
			if evs[k].ObservedAt.After(testEnd) || evs[k].DecisionID != d.ID || evs[k].Currency != d.Currency {
				t.Fatalf("decision %d event %d %+v", i, k, evs[k])
			}
			statuses[evs[k].Status]++
		}
		events += len(evs)
		if len(evs) > 0 {
			withEvents++
		} else if d.CreatedAt.Before(testEnd.Add(-24 * time.Hour)) {
			t.Errorf("decision %d, %v old, has no event", i, testEnd.Sub(d.CreatedAt))
		}
		if !def.Mature(d.CreatedAt, testEnd) {
			continue
		}
		st := outcomes.StateAt(evs, testEnd)
		sum := outcomes.Summarize(d.CreatedAt, &st)
		b := scoreBand(d.Values[engine.BureauScore])
		mature++
		bandN[b]++
		if def.Classify(d.CreatedAt, &sum, testEnd) == outcomes.Bad {
			bad++
			bandBad[b]++
		}
		lossMinor += sum.LossMinor
		if st.Status != outcomes.Paid && st.Status != outcomes.ChargedOff && st.Status != outcomes.Recovered &&
			d.CreatedAt.AddDate(1, 1, 0).Before(testEnd) {
			t.Errorf("decision %d, %v old, still %s: every plan ends within 13 months", i, testEnd.Sub(d.CreatedAt), st.Status)
		}
	}
	t.Logf("%d approved, %d with events, %.2f events per approved decision; by count %v; statuses %v",
		approved, withEvents, float64(events)/float64(approved), perCount, statuses)
	rate := float64(bad) / float64(mature)
	t.Logf("mature %d (%.0f %% of approved), bad %d: %.2f %%", mature, 100*float64(mature)/float64(approved), bad, 100*rate)
	if rate < 0.02 || rate > 0.05 {
		t.Errorf("mature bad rate %.4f, want within [0.02, 0.05]", rate)
	}
	prev := 2.0
	for b := range scoreBands {
		if bandN[b] < 500 {
			t.Errorf("score band %d has %d mature decisions, want at least 500", b, bandN[b])
			continue
		}
		r := float64(bandBad[b]) / float64(bandN[b])
		t.Logf("score band from %.0f: %d mature, %d bad, %.2f %%", scoreBands[b], bandN[b], bandBad[b], 100*r)
		if r >= prev {
			t.Errorf("bad rate of score band %d (%.4f) is not below the band before (%.4f)", b, r, prev)
		}
		prev = r
	}
	for _, s := range []outcomes.Status{outcomes.Current, outcomes.Paid, outcomes.Late1to29, outcomes.Late30to59,
		outcomes.Late60to89, outcomes.ChargedOff, outcomes.Recovered} {
		if statuses[s] == 0 {
			t.Errorf("no %s event in the demo", s)
		}
	}
}

// TestRepaymentDeterministic: the same seed gives the same events, another seed other ones.
func TestRepaymentDeterministic(t *testing.T) {
	a, b, c := runRepayment(t, 5, 20_000), runRepayment(t, 5, 20_000), runRepayment(t, 6, 20_000)
	same := func(x, y *repaymentRun) bool {
		return slices.EqualFunc(x.events, y.events, func(p, q []outcomes.Event) bool {
			return slices.EqualFunc(p, q, func(e, f outcomes.Event) bool { return e.Same(&f) })
		})
	}
	if !same(a, b) {
		t.Error("the same seed gave different events")
	}
	if same(a, c) {
		t.Error("seeds 5 and 6 gave the same events")
	}
	n := 0
	for _, evs := range a.events {
		n += len(evs)
	}
	if n < 20_000 {
		t.Errorf("%d events for 20,000 purchases", n)
	}
}
