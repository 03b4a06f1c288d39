package app

import (
	"context"
	"fmt"
	"testing"
	"time"

	"riskconsole/internal/engine"

	"riskconsole/internal/whatif"
)

// TestWhatIfHistory warms the what-if histories from each database, then follows new decisions:
// each decision is in memory exactly once, in its market's history, whatever the overlap of the
// follow-up reads.
func TestWhatIfHistory(t *testing.T) {
	for _, dialect := range dialects {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			ta := newTestApp(t, dialect, 900)
			svc := whatif.NewService(ta.Store, ta.Thresholds, nil)
			if st := svc.Status(); st.Ready || st.Loaded != 0 {
				t.Fatalf("status before the warm-up = %+v", st)
			}
			if err := svc.Warm(ctx); err != nil {
				t.Fatal(err)
			}
			count := func() int64 {
				n, err := ta.Store.CountDecisions(ctx)
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
			lengths := func() (sum int) {
				for _, m := range []string{"US", "GB", "SE", "DE"} {
					if h, err := svc.History(m); err == nil {
						sum += h.Len()
					}
				}
				return sum
			}
			if st := svc.Status(); !st.Ready || st.Loaded != count() || st.Total != st.Loaded || int64(lengths()) != st.Loaded {
				t.Fatalf("after the warm-up: status %+v, histories %d, stored %d", st, lengths(), count())
			}
			before := count()
			for i := range 5 {
				ta.assess(t, purchaseInput("SE", 100+float64(i), nil), fmt.Sprintf("whatif-%d", i))
			}
			for range 3 { // the overlap re-reads the new decisions; each is kept once
				if err := svc.Follow(ctx); err != nil {
					t.Fatal(err)
				}
			}
			if st := svc.Status(); st.Loaded != before+5 || int64(lengths()) != before+5 {
				t.Fatalf("after following 5 new decisions: status %+v, histories %d, want %d", st, lengths(), before+5)
			}
			se, err := svc.History("SE")
			if err != nil {
				t.Fatal(err)
			}
			snap := se.Snapshot()
			if last := snap.Amount(snap.Len() - 1); last != 104 {
				t.Fatalf("newest SE row has amount %v, want 104", last)
			}
		})
	}
}

// TestWhatIfImpact: the impact stored with a submitted draft comes from the warmed history. The
// set in force against itself changes nothing; a stricter score cut-off declines more, and every
// change is an approval turned into a decline. (Exactness against the engine is proven in
// internal/whatif.)
func TestWhatIfImpact(t *testing.T) {
	ctx := context.Background()
	ta := newTestApp(t, "sqlite", 1500)
	svc := whatif.NewService(ta.Store, ta.Thresholds, func() time.Time { return testEnd })
	if imp, err := svc.Impact(ctx, "US", nil); err != nil || imp.Available {
		t.Fatalf("impact before the warm-up = %+v, %v; want unavailable", imp, err)
	}
	if err := svc.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	active, err := ta.Thresholds.Active("US", testEnd)
	if err != nil {
		t.Fatal(err)
	}
	same, err := svc.Impact(ctx, "US", &active.Set)
	if err != nil || !same.Available || same.Decisions == 0 || same.DeclineRateNow != same.DeclineRateProposed ||
		same.ApprovedToDeclined != 0 || same.DeclinedToApproved != 0 {
		t.Fatalf("impact of the set in force = %+v, %v", same, err)
	}
	stricter := active.Set
	stricter.Rules[engine.BureauScore].Cutoff = 700
	imp, err := svc.Impact(ctx, "US", &stricter)
	if err != nil || imp.Decisions != same.Decisions || imp.DeclineRateProposed <= imp.DeclineRateNow ||
		imp.ApprovedToDeclined == 0 || imp.DeclinedToApproved != 0 {
		t.Fatalf("impact of a stricter score cut-off = %+v, %v", imp, err)
	}
}
