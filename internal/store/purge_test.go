package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/auditlog"
	"riskconsole/internal/store"
)

// monthCounts returns the decisions and outcome events of each month from the first decision's to
// end's, read straight from the tables.
func monthCounts(t *testing.T, st *store.Store, end time.Time) map[string][2]int64 {
	t.Helper()
	ctx := context.Background()
	first, ok, err := st.FirstDecisionAt(ctx)
	if err != nil || !ok {
		t.Fatalf("first decision: %v %v", ok, err)
	}
	out := map[string][2]int64{}
	for m := auditlog.MonthStart(first); m.Before(end); m = m.AddDate(0, 1, 0) {
		var c [2]int64
		for i, q := range []string{"SELECT count(*) FROM decisions WHERE created_at >= ? AND created_at < ?",
			"SELECT count(*) FROM outcome_events WHERE decision_created_at >= ? AND decision_created_at < ?"} {
			if c[i], err = st.CountForTest(ctx, q, m, m.AddDate(0, 1, 0)); err != nil {
				t.Fatal(err)
			}
		}
		out[m.Format(auditlog.MonthLayout)] = c
	}
	return out
}

// TestPurgeMonth removes one month in small batches on both databases: exactly that month's
// decisions and events leave (and on PostgreSQL its decision keys), the counts and digest are
// those the month's closing recorded, the audit log records the purge, and a second call finds it
// purged. Arguments that would purge a month too young are refused, naming the field.
func TestPurgeMonth(t *testing.T) {
	ctx := context.Background()
	month := time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			store.SetPurgeBatch(t, 7)
			st := seeded(t, dialect, 1500)
			if err := st.ShiftRetentionClockForTest(ctx, "100 years"); err != nil { // the demo's months are under their duty in real time
				t.Fatal(err)
			}
			before := monthCounts(t, st, end)
			closing, err := st.TallyMonth(ctx, month)
			if err != nil {
				t.Fatal(err)
			}
			want := before[month.Format(auditlog.MonthLayout)]
			if want[0] < 20 || want[1] < 20 || closing.Decisions != want[0] {
				t.Fatalf("month to purge holds %v, tally %+v: want a few dozen of each", want, closing)
			}

			for _, tc := range []struct {
				name            string
				month, keepFrom time.Time
				field           string
			}{
				{"not a month's start", month.Add(time.Hour), month.AddDate(0, 1, 0), "month"},
				{"keepFrom not a month's start", month, month.AddDate(0, 1, 1), "keepFrom"},
				{"not older than keepFrom", month, month, "month"},
				{"the current month", auditlog.MonthStart(time.Now()), auditlog.MonthStart(time.Now()).AddDate(0, 1, 0), "month"},
			} {
				t.Run(tc.name, func(t *testing.T) {
					_, err := st.PurgeMonth(ctx, tc.month, tc.keepFrom)
					var ve *apperr.ValidationError
					if !errors.As(err, &ve) || len(ve.Fields) == 0 || ve.Fields[0].Field != tc.field {
						t.Fatalf("PurgeMonth: %v; want a validation error naming %s", err, tc.field)
					}
				})
			}

			p, err := st.PurgeMonth(ctx, month, month.AddDate(0, 1, 0))
			if err != nil {
				t.Fatal(err)
			}
			if p.Already || p.Decisions != want[0] || p.OutcomeEvents != want[1] || p.Digest != closing.Digest {
				t.Errorf("purge %+v, want %d decisions, %d events, digest %s", p, want[0], want[1], closing.Digest)
			}
			after := monthCounts(t, st, end)
			for name, c := range before {
				if name == month.Format(auditlog.MonthLayout) {
					c = [2]int64{}
				}
				if after[name] != c {
					t.Errorf("month %s: %v after the purge, want %v", name, after[name], c)
				}
			}
			if dialect == "postgres" {
				if p.Keys != want[0] {
					t.Errorf("%d decision keys removed, want %d", p.Keys, want[0])
				}
				keys, err := st.CountForTest(ctx, "SELECT count(*) FROM decision_keys")
				if err != nil {
					t.Fatal(err)
				}
				if total, _ := st.CountDecisions(ctx); keys != total {
					t.Errorf("%d decision keys for %d decisions", keys, total)
				}
			}

			events, err := st.MonthRecords(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var actions []string
			for _, e := range events {
				actions = append(actions, e.Action)
			}
			wantActions := []string{auditlog.ActionMonthPurged}
			if dialect == "sqlite" {
				wantActions = []string{auditlog.ActionMonthPurgeStarted, auditlog.ActionMonthPurged}
			}
			if len(actions) != len(wantActions) || actions[len(actions)-1] != auditlog.ActionMonthPurged || actions[0] != wantActions[0] {
				t.Errorf("month records %v, want %v", actions, wantActions)
			}

			again, err := st.PurgeMonth(ctx, month, month.AddDate(0, 1, 0))
			if err != nil || !again.Already || again.Decisions != p.Decisions || again.Digest != p.Digest {
				t.Errorf("second purge %+v, %v: want the recorded purge", again, err)
			}
			if v, err := st.VerifyAuditChain(ctx); err != nil || !v.OK {
				t.Errorf("audit chain after the purge: %+v, %v", v, err)
			}
		})
	}
}
