package app

import (
	"context"
	"fmt"
	"testing"

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
			svc := whatif.NewService(ta.Store)
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
