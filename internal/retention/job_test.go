package retention

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"riskconsole/internal/approval"
	"riskconsole/internal/audit"
)

// jobStore is the storage of the job's unit tests: policies, holds and the months that hold
// decisions, and the job's turn, in memory. The methods the job does not use are left to the
// embedded (nil) interface.
type jobStore struct {
	Store
	policies map[string]Policy
	holds    []Hold
	months   []time.Time // of every market
	parts    []time.Time // months with storage of their own, empty or not
	open     time.Time   // a month with an undecided review case
	finished []*Run
	events   []*audit.Event
}

func (s *jobStore) RetentionPolicy(_ context.Context, mkt string) (Policy, error) {
	if p, ok := s.policies[mkt]; ok {
		return p, nil
	}
	return Default(mkt), nil
}

func (s *jobStore) ActiveLegalHolds(context.Context) ([]Hold, error) { return s.holds, nil }

func (s *jobStore) DecisionMonths(_ context.Context, f Filter) ([]time.Time, error) {
	if f.NeedsDecisions() {
		return nil, nil
	}
	return s.months, nil
}

func (s *jobStore) DecisionPartitionMonths(context.Context) ([]time.Time, error) { return s.parts, nil }

func (s *jobStore) UndecidedCasesIn(_ context.Context, month time.Time) (bool, error) {
	return month.Equal(s.open), nil
}

func (s *jobStore) ClaimRetentionTurn(context.Context, string, time.Time, time.Time) (bool, error) {
	return true, nil
}

func (s *jobStore) FinishRetentionRun(_ context.Context, _ string, run *Run, _ time.Time) error {
	s.finished = append(s.finished, run)
	return nil
}

func (s *jobStore) RetentionJobState(context.Context) (JobState, error) { return JobState{}, nil }

func (s *jobStore) AppendAudit(_ context.Context, e *audit.Event) error {
	s.events = append(s.events, e)
	return nil
}

// remover records the calls of the retention path; fail makes the calls of a month fail.
type remover struct {
	calls []string
	fail  time.Time
}

func (r *remover) PurgeMonth(_ context.Context, month, _ time.Time) (Removal, error) {
	r.calls = append(r.calls, "purge "+month.Format("2006-01"))
	return Removal{Month: month, After: Delete, Purged: true, Decisions: 10, Batches: 1}, nil
}

func (r *remover) RemoveMarketMonth(_ context.Context, mkt string, month, _ time.Time, anonymise bool) (Removal, error) {
	after := Delete
	if anonymise {
		after = Anonymise
	}
	r.calls = append(r.calls, fmt.Sprintf("%s %s %s", after, mkt, month.Format("2006-01")))
	if month.Equal(r.fail) {
		return Removal{}, errors.New("down")
	}
	return Removal{Market: mkt, Month: month, After: after, Decisions: 2, Batches: 1}, nil
}

// TestJobActs: which months the job acts on, and how: a month due in every market under DELETE
// is purged whole; a month a hold touches, or with a market anonymising, is removed market by
// market, each as its policy says, only where the duty has ended, and so is a month with an
// undecided review case (whose decision the retention path skips); nothing a microsecond before
// the due date; a failing month does not stop the others and fails the run. The storage of a
// past month without decisions (a partition emptied market by market) is dropped once every
// market's duty over it has ended and no hold touches it, never that of the current month or one
// still kept.
func TestJobActs(t *testing.T) {
	jun, jul, aug := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)
	sep, augDue := time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 10, 1, 0, 0, 0, 0, time.UTC)
	from, to := aug, aug.AddDate(0, 0, 10)
	gbHold := Hold{Fields: approval.Fields{ID: 1, Status: approval.StatusSubmitted}, Filter: Filter{Market: "GB", From: &from, To: &to}}
	junFrom, junTo := jun, jun.AddDate(0, 0, 3)
	junHold := Hold{Fields: approval.Fields{ID: 2, Status: approval.StatusSubmitted}, Filter: Filter{Market: "GB", From: &junFrom, To: &junTo}}
	parts := []time.Time{jun, jul, aug, sep, augDue, augDue.AddDate(0, 1, 0)}
	seAnon := map[string]Policy{"SE": {Market: "SE", Version: 1, KeepMonths: DefaultKeepMonths, After: Anonymise}}
	for _, tc := range []struct {
		name     string
		now      time.Time
		policies map[string]Policy
		holds    []Hold
		parts    []time.Time
		open     time.Time
		fail     time.Time
		want     []string
		failed   bool
	}{
		{name: "a microsecond before August is due", now: augDue.Add(-time.Microsecond), want: []string{"purge 2025-07"}},
		{name: "August due", now: augDue, want: []string{"purge 2025-07", "purge 2025-08"}},
		{name: "a hold on GB in August", now: augDue, holds: []Hold{gbHold},
			want: []string{"purge 2025-07", "DELETE US 2025-08", "DELETE SE 2025-08", "DELETE DE 2025-08", "DELETE GB 2025-08"}},
		{name: "an undecided review case in July", now: augDue, open: jul,
			want: []string{"DELETE US 2025-07", "DELETE SE 2025-07", "DELETE DE 2025-07", "DELETE GB 2025-07", "purge 2025-08"}},
		{name: "SE anonymises", now: augDue, policies: seAnon,
			want: []string{"DELETE US 2025-07", "ANONYMISE SE 2025-07", "DELETE DE 2025-07", "DELETE GB 2025-07",
				"DELETE US 2025-08", "ANONYMISE SE 2025-08", "DELETE DE 2025-08", "DELETE GB 2025-08"}},
		{name: "SE keeps longer", now: augDue, policies: map[string]Policy{"SE": {Market: "SE", Version: 1, KeepMonths: 30, After: Delete}},
			want: []string{"DELETE US 2025-07", "DELETE DE 2025-07", "DELETE GB 2025-07", "DELETE US 2025-08", "DELETE DE 2025-08", "DELETE GB 2025-08"}},
		{name: "empty partitions", now: augDue, parts: parts, want: []string{"purge 2025-06", "purge 2025-07", "purge 2025-08"}},
		{name: "empty partitions, one held", now: augDue, parts: parts, holds: []Hold{junHold},
			want: []string{"purge 2025-07", "purge 2025-08"}},
		{name: "empty partitions, none due", now: augDue.AddDate(-1, 0, 0), parts: parts},
		{name: "July fails", now: augDue, policies: seAnon, fail: jul, failed: true,
			want: []string{"DELETE US 2025-07", "ANONYMISE SE 2025-07", "DELETE DE 2025-07", "DELETE GB 2025-07",
				"DELETE US 2025-08", "ANONYMISE SE 2025-08", "DELETE DE 2025-08", "DELETE GB 2025-08"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := &jobStore{policies: tc.policies, holds: tc.holds, months: []time.Time{jul, aug}, parts: tc.parts, open: tc.open}
			rm := &remover{fail: tc.fail}
			prepared, removed := 0, 0
			var erasedAt []time.Time
			job := NewJob(NewService(st, nil, func() time.Time { return tc.now }), st, rm, JobOptions{ID: "test",
				Prepare: func(context.Context) error { prepared++; return nil }, OnRemoved: func(Removal) { removed++ },
				Erasures: func(_ context.Context, now time.Time) (int64, error) {
					erasedAt = append(erasedAt, now)
					return 3, nil
				}})
			run, err := job.RunOnce(context.Background())
			if (err != nil) != tc.failed || run == nil || (run.Error != "") != tc.failed {
				t.Fatalf("run %+v, %v: want failed %v", run, err, tc.failed)
			}
			slices.Sort(rm.calls)
			want := slices.Sorted(slices.Values(tc.want))
			if !slices.Equal(rm.calls, want) {
				t.Errorf("calls %q, want %q", rm.calls, want)
			}
			if prepared != 1 || removed != len(run.Removed) || len(st.finished) != 1 {
				t.Errorf("prepared %d, told of %d removals of %d, finished %d", prepared, removed, len(run.Removed), len(st.finished))
			}
			// The erasures that wait are carried out once per run, at the time the run planned at,
			// and the run records what they unlinked.
			if len(erasedAt) != 1 || !erasedAt[0].Equal(tc.now) || run.Unlinked != 3 {
				t.Errorf("erasures carried out at %v, %d unlinked; want once at %v, 3", erasedAt, run.Unlinked, tc.now)
			}
			if len(st.events) != 1 || st.events[0].Action != ActionRun {
				t.Errorf("audit events %v, want one %s", st.events, ActionRun)
			}
		})
	}
}
