package erasure

import (
	"context"
	"testing"
	"time"

	"riskconsole/internal/retention"
)

// fakePlans answers one plan; fakeReader one shopper's decisions.
type fakePlans struct{ plan retention.ShopperErasure }

func (f fakePlans) ShopperPlan(context.Context, string, time.Time) (retention.ShopperErasure, error) {
	return f.plan, nil
}

type fakeReader struct {
	Reader
	linked []Linked
}

func (f fakeReader) LinkedDecisions(context.Context, string) ([]Linked, error) { return f.linked, nil }

func TestPrepareAndProgress(t *testing.T) {
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	jan, feb, mar := time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 5, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 1, 0, 0, 1, 0, time.UTC)
	due := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	months := []retention.ErasureMonth{
		{MonthKey: retention.MonthKey{Market: "US", Month: retention.MonthOf(jan)}, UnderDuty: false},
		{MonthKey: retention.MonthKey{Market: "US", Month: retention.MonthOf(feb)}, UnderDuty: true, DueAt: due},
	}
	linked := []Linked{{ID: "a", Market: "US", CreatedAt: jan}, {ID: "b", Market: "US", CreatedAt: feb}, {ID: "c", Market: "SE", CreatedAt: jan},
		{ID: "d", Market: "US", CreatedAt: mar}}
	for _, c := range []struct {
		name      string
		plan      retention.ErasurePlan
		linked    []Linked
		wantDue   int
		wantState State
		wantDueAt *time.Time
	}{
		{name: "scheduled: the month out of duty now, the rest and an unplanned month wait",
			plan: retention.ErasurePlan{State: retention.ErasureScheduled, At: &due, DutyEndsAt: &due, Months: months}, linked: linked,
			wantDue: 1, wantState: Scheduled, wantDueAt: &due},
		{name: "held: nothing now, whatever the duties",
			plan: retention.ErasurePlan{State: retention.ErasureHeld, HeldBy: []int64{7}, Months: months}, linked: linked,
			wantDue: 0, wantState: Held},
		{name: "now: all",
			plan:   retention.ErasurePlan{State: retention.ErasureNow, At: &now, Months: months[:1]},
			linked: linked[:1], wantDue: 1, wantState: NowDone},
		{name: "now, but a decision made since the plan: it waits, due at once",
			plan:   retention.ErasurePlan{State: retention.ErasureNow, At: &now, Months: months[:1]},
			linked: []Linked{linked[0], linked[3]}, wantDue: 1, wantState: Scheduled, wantDueAt: &now},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := NewService(fakeReader{linked: c.linked}, nil, fakePlans{retention.ShopperErasure{ErasurePlan: c.plan}}, nil, nil, nil)
			d, rest, plan, err := s.prepare(context.Background(), "s-1", now)
			if err != nil {
				t.Fatal(err)
			}
			if len(d) != c.wantDue || len(d)+len(rest) != len(c.linked) {
				t.Errorf("due %v, rest %v: want %d due", d, rest, c.wantDue)
			}
			r := Request{ShopperID: "s-1"}
			r.progress(plan, len(rest), now, NowDone)
			if r.State != c.wantState || !timeEqual(r.DueAt, c.wantDueAt) {
				t.Errorf("state %s due %v, want %s %v", r.State, r.DueAt, c.wantState, c.wantDueAt)
			}
			if r.State.Waiting() != (r.ShopperID != "") || r.State.Waiting() == (r.DoneAt != nil) {
				t.Errorf("%s keeps the plain id %q, done at %v", r.State, r.ShopperID, r.DoneAt)
			}
		})
	}
}
