package store_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"riskconsole/internal/auditlog"
	"riskconsole/internal/retention"
	"riskconsole/internal/store"
)

// TestRemoveMarketMonth removes one market's month in small batches on both databases, deleting
// one market and anonymising another: exactly their decisions of the month leave, with their
// events, one audit record per batch whose counts add up, the anonymised copies carry a band; a
// call after a run interrupted past its first batch finishes its work, and one more finds nothing
// left to do. Months too young are refused.
func TestRemoveMarketMonth(t *testing.T) {
	ctx := context.Background()
	month := time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)
	next := month.AddDate(0, 1, 0)
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			store.SetPurgeBatch(t, 3)
			st := seeded(t, dialect, 1500)
			if err := st.ShiftRetentionClockForTest(ctx, "100 years"); err != nil { // the demo's months are under their duty in real time
				t.Fatal(err)
			}
			count := func(market string) int64 {
				n, err := st.CountForTest(ctx, "SELECT count(*) FROM decisions WHERE market = ? AND created_at >= ? AND created_at < ?", market, month, next)
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
			se, de, us := count("SE"), count("DE"), count("US")
			if se < 4 || de < 4 {
				t.Fatalf("SE %d, DE %d decisions in the month: want a few batches' worth", se, de)
			}
			// A run interrupted after its first batch; the next call finishes its work.
			first, err := st.RemoveOneBatchForTest(ctx, "SE", month, next, retention.Delete)
			if err != nil || first != 3 || count("SE") != se-3 {
				t.Fatalf("one batch removed %d (%v), SE has %d of %d left", first, err, count("SE"), se)
			}
			r, err := st.RemoveMarketMonth(ctx, "SE", month, next, false)
			if err != nil || r.Decisions != se-first || r.Batches != int((se-first+2)/3) {
				t.Fatalf("remove SE: %+v %v, want the %d left in %d batches", r, err, se-first, (se-first+2)/3)
			}
			a, err := st.RemoveMarketMonth(ctx, "DE", month, next, true)
			if err != nil || a.Decisions != de {
				t.Fatalf("anonymise DE: %+v %v, want %d", a, err, de)
			}
			if count("SE") != 0 || count("DE") != 0 || count("US") != us {
				t.Errorf("left SE %d, DE %d, US %d (of %d)", count("SE"), count("DE"), count("US"), us)
			}
			banded, err := st.CountForTest(ctx, "SELECT count(*) FROM anonymised_decisions WHERE market = 'DE' AND amount_band <> ''")
			if err != nil || banded != de {
				t.Errorf("anonymised DE rows with a band: %d %v, want %d", banded, err, de)
			}
			events, err := st.MonthRecords(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var batches, recorded int64
			for _, e := range events {
				var rec auditlog.MonthRecord
				if e.Action != auditlog.ActionMarketMonthRemoved || e.EntityID != "2025-09" || json.Unmarshal(e.After, &rec) != nil {
					continue
				}
				batches++
				recorded += rec.Decisions
			}
			if want := int64(1 + r.Batches + a.Batches); batches != want || recorded != se+de {
				t.Errorf("%d audit records of %d removals, want one per batch (%d) recording all %d", batches, recorded, want, se+de)
			}
			again, err := st.RemoveMarketMonth(ctx, "SE", month, next, false)
			if err != nil || again.Decisions != 0 || again.Batches != 0 {
				t.Errorf("second removal %+v %v, want nothing", again, err)
			}
			if _, err := st.RemoveMarketMonth(ctx, "SE", month, month, false); err == nil {
				t.Error("removed a month not older than keepFrom")
			}
			now := auditlog.MonthStart(time.Now())
			if _, err := st.RemoveMarketMonth(ctx, "SE", now, now.AddDate(0, 1, 0), false); err == nil {
				t.Error("removed the current month")
			}
		})
	}
}

// TestUnreachableDatabaseFails: the store's one-row reads fail, not panic, when the database
// cannot be reached: gorm's prepared statements hand back an empty row whose Scan panicked, which
// took /readyz (RetentionJobState) down while PostgreSQL restarted, and would have taken the
// retention job's goroutine, and the server with it. A closed pool fails the prepare alike.
func TestUnreachableDatabaseFails(t *testing.T) {
	ctx := context.Background()
	for name, openStore := range openBoth(t) {
		t.Run(name, func(t *testing.T) {
			st := openStore(t)
			if err := st.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := st.RetentionJobState(ctx); err != nil {
				t.Fatalf("before closing: %v", err)
			}
			st.Close()
			if _, err := st.RetentionJobState(ctx); err == nil {
				t.Error("RetentionJobState on a closed pool succeeded")
			}
			if _, err := st.UndecidedCasesIn(ctx, time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)); err == nil {
				t.Error("UndecidedCasesIn on a closed pool succeeded")
			}
			if _, err := st.ClaimRetentionTurn(ctx, "test", time.Now(), time.Now().Add(time.Minute)); err == nil {
				t.Error("ClaimRetentionTurn on a closed pool succeeded")
			}
		})
	}
}
