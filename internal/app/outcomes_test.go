package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"riskconsole/internal/auth"
	"riskconsole/internal/outcomes"
)

const recordOutcomesMutation = `mutation($events: [OutcomeEventInput!]!) {
  recordOutcomes(events: $events) { received recorded duplicates }
}`

const repaymentQuery = `query($id: ID!) { decision(id: $id) { id outcome repayment {
  status outstandingMinor writtenOffMinor currency class matureAt
  events { eventId observedAt status outstandingMinor writtenOffMinor recordedAt } } } }`

type outcomeBatch struct {
	Received, Recorded, Duplicates int
}

// outcomeEvent builds one recordOutcomes event.
func outcomeEvent(decisionID, eventID string, at time.Time, status string, outstanding, writtenOff int64, currency string) map[string]any {
	return map[string]any{"decisionId": decisionID, "eventId": eventID, "observedAt": at.UTC().Format(time.RFC3339Nano),
		"status": status, "outstandingMinor": outstanding, "writtenOffMinor": writtenOff, "currency": currency}
}

// recordOutcomes sends a batch as SERVICE and returns the answer.
func (ta *testApp) recordOutcomes(tb testing.TB, events []map[string]any) *gqlResponse {
	tb.Helper()
	return ta.gql(tb, auth.Service, recordOutcomesMutation, map[string]any{"events": events})
}

// mustRecord records a batch, failing on any error.
func (ta *testApp) mustRecord(tb testing.TB, events []map[string]any) outcomeBatch {
	tb.Helper()
	var out struct {
		RecordOutcomes outcomeBatch `json:"recordOutcomes"`
	}
	decodeData(tb, ta.recordOutcomes(tb, events), &out)
	return out.RecordOutcomes
}

// outcomeCounts returns the number of outcome events and of outcome audit events.
func outcomeCounts(tb testing.TB, db *sql.DB) (events, audits int64) {
	tb.Helper()
	events = countRows(tb, db, "outcome_events")
	if err := db.QueryRow("SELECT COUNT(*) FROM audit_events WHERE action IN ('outcome.record', 'outcome.import')").Scan(&audits); err != nil {
		tb.Fatal(err)
	}
	return events, audits
}

// approvedPurchase assesses a fresh purchase that the engine approves, 1200.00 SEK.
func (ta *testApp) approvedPurchase(tb testing.TB) assessment {
	tb.Helper()
	a := ta.assess(tb, purchaseInput("SE", 1200, nil), uniqueKey("outcome"))
	if a.Outcome != "APPROVED" {
		tb.Fatalf("purchase %s: %s, want APPROVED", a.DecisionID, a.Outcome)
	}
	return a
}

func TestRecordOutcomes(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 20)
		db := ta.rawDB(t)
		a1, a2, a3 := ta.approvedPurchase(t), ta.approvedPurchase(t), ta.approvedPurchase(t)
		declined := ta.assess(t, purchaseInput("SE", 900, func(_, v map[string]any) { v["bureauScore"] = 300.0 }), uniqueKey("declined"))
		if declined.Outcome != "DECLINED" {
			t.Fatalf("want a declined purchase, got %s", declined.Outcome)
		}
		t1, t2 := a1.CreatedAt, a2.CreatedAt
		sec := func(t0 time.Time, n int) time.Time { return t0.Add(time.Duration(n) * time.Second) }
		batch := []map[string]any{
			outcomeEvent(a1.DecisionID, "e1", sec(t1, 1), "CURRENT", 120000, 0, "SEK"),
			outcomeEvent(a1.DecisionID, "e2", sec(t1, 2), "LATE_1_29", 120000, 0, "SEK"),
			outcomeEvent(a2.DecisionID, "p1", sec(t2, 1), "PAID", 0, 0, "SEK"),
			outcomeEvent(a1.DecisionID, "e3", sec(t1, 3), "LATE_30_59", 80000, 0, "SEK"),
		}

		// An accepted batch: every event written, one audit event.
		events0, audits0 := outcomeCounts(t, db)
		if got := ta.mustRecord(t, batch); got != (outcomeBatch{Received: 4, Recorded: 4}) {
			t.Fatalf("first batch: %+v", got)
		}
		events1, audits1 := outcomeCounts(t, db)
		if events1-events0 != 4 || audits1-audits0 != 1 {
			t.Fatalf("first batch wrote %d events and %d audit events, want 4 and 1", events1-events0, audits1-audits0)
		}

		// The same batch again changes nothing: no event, no audit event.
		if got := ta.mustRecord(t, batch); got != (outcomeBatch{Received: 4, Duplicates: 4}) {
			t.Fatalf("resent batch: %+v", got)
		}
		if e, a := outcomeCounts(t, db); e != events1 || a != audits1 {
			t.Fatalf("resent batch changed counts: events %d -> %d, audits %d -> %d", events1, e, audits1, a)
		}

		// A duplicate beside a new event: the new one is written, with one audit event.
		if got := ta.mustRecord(t, []map[string]any{batch[3], outcomeEvent(a1.DecisionID, "e4", sec(t1, 4), "LATE_60_89", 80000, 0, "SEK")}); got != (outcomeBatch{Received: 2, Recorded: 1, Duplicates: 1}) {
			t.Fatalf("mixed batch: %+v", got)
		}
		events2, audits2 := outcomeCounts(t, db)
		if events2-events1 != 1 || audits2-audits1 != 1 {
			t.Fatalf("mixed batch wrote %d events and %d audit events, want 1 and 1", events2-events1, audits2-audits1)
		}

		// A batch with one bad event writes nothing and names the event's index and field.
		good := outcomeEvent(a1.DecisionID, "ok", sec(t1, 5), "LATE_90_PLUS", 80000, 0, "SEK")
		bad := []struct {
			name  string
			event map[string]any
			field string
		}{
			{"unknown decision", outcomeEvent(uuid.NewString(), "x", sec(t1, 6), "CURRENT", 0, 0, "SEK"), "decisionId"},
			{"not an id", outcomeEvent("no-such-decision", "x", sec(t1, 6), "CURRENT", 0, 0, "SEK"), "decisionId"},
			{"declined decision", outcomeEvent(declined.DecisionID, "x", sec(declined.CreatedAt, 1), "CURRENT", 0, 0, "SEK"), "decisionId"},
			{"before the decision", outcomeEvent(a3.DecisionID, "x", sec(a3.CreatedAt, -60), "CURRENT", 0, 0, "SEK"), "observedAt"},
			{"in the future", outcomeEvent(a1.DecisionID, "x", time.Now().Add(time.Hour), "LATE_90_PLUS", 0, 0, "SEK"), "observedAt"},
			{"not after the previous event in the batch", outcomeEvent(a1.DecisionID, "x", sec(t1, 5), "LATE_90_PLUS", 80000, 0, "SEK"), "observedAt"},
			{"above the purchase", outcomeEvent(a1.DecisionID, "x", sec(t1, 6), "LATE_90_PLUS", 120001, 0, "SEK"), "outstandingMinor"},
			{"written off above the purchase", outcomeEvent(a1.DecisionID, "x", sec(t1, 6), "CHARGED_OFF", 0, 120001, "SEK"), "writtenOffMinor"},
			{"status after the previous one in the batch", outcomeEvent(a1.DecisionID, "x", sec(t1, 6), "RECOVERED", 0, 0, "SEK"), "status"},
			{"status after the stored one", outcomeEvent(a2.DecisionID, "x", sec(t2, 2), "CURRENT", 0, 0, "SEK"), "status"},
			{"currency", outcomeEvent(a1.DecisionID, "x", sec(t1, 6), "LATE_90_PLUS", 0, 0, "EUR"), "currency"},
			{"empty event id", outcomeEvent(a1.DecisionID, "", sec(t1, 6), "LATE_90_PLUS", 0, 0, "SEK"), "eventId"},
			{"long event id", outcomeEvent(a1.DecisionID, strings.Repeat("x", outcomes.MaxEventIDLength+1), sec(t1, 6), "LATE_90_PLUS", 0, 0, "SEK"), "eventId"},
			{"recorded id, other content", outcomeEvent(a1.DecisionID, "e2", sec(t1, 2), "LATE_1_29", 110000, 0, "SEK"), "eventId"},
			{"same id twice in the batch, other content", outcomeEvent(a1.DecisionID, "ok", sec(t1, 6), "LATE_90_PLUS", 1, 0, "SEK"), "eventId"},
		}
		for _, c := range bad {
			t.Run(c.name, func(t *testing.T) {
				r := ta.recordOutcomes(t, []map[string]any{good, c.event})
				if r.code() != "INVALID" {
					t.Fatalf("want INVALID, got %s", errorsJSON(r))
				}
				if got, want := errorFields(r), []string{"events[1]." + c.field}; !slices.Equal(got, want) {
					t.Errorf("fields %v, want %v: %s", got, want, errorsJSON(r))
				}
				if e, a := outcomeCounts(t, db); e != events2 || a != audits2 {
					t.Errorf("a refused batch changed counts: events %d -> %d, audits %d -> %d", events2, e, audits2, a)
				}
			})
		}

		// Size bounds.
		for _, n := range []int{0, outcomes.MaxBatch + 1} {
			evs := make([]map[string]any, n)
			for i := range evs {
				evs[i] = outcomeEvent(a1.DecisionID, fmt.Sprintf("n%d", i), sec(t1, 10), "LATE_90_PLUS", 0, 0, "SEK")
			}
			r := ta.recordOutcomes(t, evs)
			if r.code() != "INVALID" || !slices.Equal(errorFields(r), []string{"events"}) {
				t.Errorf("%d events: want INVALID naming events, got %s", n, errorsJSON(r))
			}
		}

		// Only SERVICE records.
		for _, role := range []auth.Role{auth.Agent, auth.Analyst, auth.Approver, auth.Auditor, auth.Admin} {
			r := ta.gql(t, role, recordOutcomesMutation, map[string]any{"events": []map[string]any{good}})
			if r.code() != "FORBIDDEN" {
				t.Errorf("%s: want FORBIDDEN, got %s", role, errorsJSON(r))
			}
		}
		if e, a := outcomeCounts(t, db); e != events2 || a != audits2 {
			t.Fatalf("refused calls changed counts")
		}

		// The repayment as analysts read it: the derived state, the class under the market's
		// definition, and every event oldest first.
		rp := ta.repayment(t, auth.Analyst, a1.DecisionID)
		if rp == nil || rp.Status == nil || *rp.Status != "LATE_60_89" || rp.OutstandingMinor != 80000 || rp.Currency != "SEK" ||
			rp.Class != "IMMATURE" || !rp.MatureAt.Equal(t1.AddDate(0, 6, 0)) {
			t.Fatalf("repayment of %s: %+v", a1.DecisionID, rp)
		}
		var ids []string
		for _, e := range rp.Events {
			ids = append(ids, e.EventID)
			if e.RecordedAt.IsZero() {
				t.Errorf("event %s has no recordedAt", e.EventID)
			}
		}
		if !slices.Equal(ids, []string{"e1", "e2", "e3", "e4"}) {
			t.Errorf("events %v, want e1..e4 oldest first", ids)
		}
		for _, role := range []auth.Role{auth.Approver, auth.Auditor} {
			if got := ta.repayment(t, role, a1.DecisionID); got == nil || len(got.Events) != 4 {
				t.Errorf("%s reads %+v", role, got)
			}
		}
		if rp := ta.repayment(t, auth.Analyst, declined.DecisionID); rp != nil {
			t.Errorf("a declined decision has a repayment: %+v", rp)
		}
		if rp := ta.repayment(t, auth.Analyst, ta.approvedPurchase(t).DecisionID); rp == nil || rp.Status != nil || len(rp.Events) != 0 || rp.Class != "IMMATURE" {
			t.Errorf("an approval without events: %+v", rp)
		}
		// A page of decisions reads its repayments through the loader.
		r := ta.gql(t, auth.Auditor, `{ decisions(first: 50) { nodes { id outcome repayment { status events { eventId } } } } }`, nil)
		var page struct {
			Decisions struct {
				Nodes []struct {
					ID        string
					Outcome   string
					Repayment *repaymentView
				}
			}
		}
		decodeData(t, r, &page)
		seen := 0
		for _, n := range page.Decisions.Nodes {
			if (n.Outcome == "APPROVED") != (n.Repayment != nil) {
				t.Errorf("decision %s (%s): repayment %+v", n.ID, n.Outcome, n.Repayment)
			}
			if n.ID == a1.DecisionID {
				seen++
				if len(n.Repayment.Events) != 4 {
					t.Errorf("page: %s has %d events", n.ID, len(n.Repayment.Events))
				}
			}
		}
		if seen != 1 {
			t.Errorf("the page holds %s %d times", a1.DecisionID, seen)
		}

		// Concurrent batches for one decision cannot both append after the same last event: of
		// eight batches each paying off a fresh decision at the same time, exactly one succeeds.
		fresh := ta.approvedPurchase(t)
		var wg sync.WaitGroup
		results := make([]*gqlResponse, 8)
		for i := range results {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[i] = ta.post(t, auth.Service, recordOutcomesMutation, map[string]any{"events": []map[string]any{
					outcomeEvent(fresh.DecisionID, fmt.Sprintf("pay-%d", i), sec(fresh.CreatedAt, 1), "PAID", 0, 0, "SEK")}})
			}()
		}
		wg.Wait()
		ok := 0
		for _, r := range results {
			switch {
			case len(r.Errors) == 0:
				ok++
			case r.code() != "INVALID":
				t.Errorf("a concurrent batch failed otherwise: %s", errorsJSON(r))
			}
		}
		if ok != 1 {
			t.Errorf("%d of 8 concurrent conflicting batches succeeded, want 1", ok)
		}
		if rp := ta.repayment(t, auth.Analyst, fresh.DecisionID); rp == nil || len(rp.Events) != 1 {
			t.Errorf("after the race: %+v", rp)
		}

		// At most MaxEventsPerDecision events per decision.
		full := ta.approvedPurchase(t)
		evs := make([]map[string]any, outcomes.MaxEventsPerDecision)
		for i := range evs {
			evs[i] = outcomeEvent(full.DecisionID, fmt.Sprintf("c%d", i), full.CreatedAt.Add(time.Duration(i+1)*time.Millisecond), "CURRENT", 120000, 0, "SEK")
		}
		if got := ta.mustRecord(t, evs); got.Recorded != outcomes.MaxEventsPerDecision {
			t.Fatalf("a full history: %+v", got)
		}
		r = ta.recordOutcomes(t, []map[string]any{outcomeEvent(full.DecisionID, "one-more", full.CreatedAt.Add(2*time.Second), "PAID", 0, 0, "SEK")})
		if r.code() != "INVALID" || !slices.Equal(errorFields(r), []string{"events[0].decisionId"}) {
			t.Errorf("event %d: want INVALID naming events[0].decisionId, got %s", outcomes.MaxEventsPerDecision+1, errorsJSON(r))
		}
	})
}

type repaymentView struct {
	Status           *string
	OutstandingMinor int64
	WrittenOffMinor  int64
	Currency         string
	Class            string
	MatureAt         time.Time
	Events           []struct {
		EventID    string
		ObservedAt time.Time
		Status     string
		RecordedAt time.Time
	}
}

// repayment reads a decision's repayment as role.
func (ta *testApp) repayment(tb testing.TB, role auth.Role, id string) *repaymentView {
	tb.Helper()
	var out struct {
		Decision struct {
			Repayment *repaymentView
		}
	}
	decodeData(tb, ta.gql(tb, role, repaymentQuery, map[string]any{"id": id}), &out)
	return out.Decision.Repayment
}

// writeCSV writes an import file.
func writeCSV(tb testing.TB, lines ...string) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "outcomes.csv")
	body := strings.Join(outcomes.ImportColumns, ",") + "\n" + strings.Join(lines, "\n") + "\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

func csvLine(id, eventID string, at time.Time, status string, outstanding, writtenOff int64, currency string) string {
	return fmt.Sprintf("%s,%s,%s,%s,%d,%d,%s", id, eventID, at.UTC().Format(time.RFC3339Nano), status, outstanding, writtenOff, currency)
}

func TestImportOutcomes(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 20)
		db := ta.rawDB(t)
		ctx := context.Background()
		a1, a2 := ta.approvedPurchase(t), ta.approvedPurchase(t)
		declined := ta.assess(t, purchaseInput("SE", 900, func(_, v map[string]any) { v["bureauScore"] = 300.0 }), uniqueKey("declined"))
		t1, t2 := a1.CreatedAt, a2.CreatedAt
		sec := func(t0 time.Time, n int) time.Time { return t0.Add(time.Duration(n) * time.Second) }
		// One event recorded through the API first: the import continues its history.
		ta.mustRecord(t, []map[string]any{outcomeEvent(a1.DecisionID, "api-1", sec(t1, 1), "CURRENT", 120000, 0, "SEK")})
		// Out of time order in the file: the import sorts each decision's events by time.
		lines := []string{
			csvLine(a1.DecisionID, "f3", sec(t1, 4), "LATE_30_59", 100000, 0, "SEK"),
			csvLine(a1.DecisionID, "f2", sec(t1, 3), "LATE_1_29", 100000, 0, "SEK"),
			csvLine(a2.DecisionID, "g1", sec(t2, 1), "CURRENT", 120000, 0, "SEK"),
			csvLine(a1.DecisionID, "api-1", sec(t1, 1), "CURRENT", 120000, 0, "SEK"), // recorded before: a duplicate
			csvLine(a2.DecisionID, "g2", sec(t2, 2), "PAID", 0, 0, "SEK"),
		}
		path := writeCSV(t, lines...)
		events0, audits0 := outcomeCounts(t, db)
		rep, err := ta.ImportOutcomes(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Rows != 5 || rep.Loaded != 4 || rep.Duplicates != 1 || rep.ErrorCount != 0 {
			t.Fatalf("import: %+v", rep)
		}
		events1, audits1 := outcomeCounts(t, db)
		if events1-events0 != 4 || audits1-audits0 != 1 {
			t.Fatalf("import wrote %d events and %d audit events, want 4 and 1", events1-events0, audits1-audits0)
		}
		var actor, after string
		if err := db.QueryRow("SELECT actor, after FROM audit_events WHERE action = 'outcome.import'").Scan(&actor, &after); err != nil {
			t.Fatal(err)
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(after), &rec); err != nil {
			t.Fatal(err)
		}
		if actor != "system:outcomes-import" || rec["recorded"] != 4.0 || rec["file"] != "outcomes.csv" {
			t.Errorf("audit event by %s: %s", actor, after)
		}
		if rp := ta.repayment(t, auth.Analyst, a1.DecisionID); rp == nil || *rp.Status != "LATE_30_59" || len(rp.Events) != 3 {
			t.Errorf("after the import: %+v", rp)
		}

		// The same file again: everything a duplicate, nothing written, no audit event.
		rep, err = ta.ImportOutcomes(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Loaded != 0 || rep.Duplicates != 5 || rep.ErrorCount != 0 {
			t.Fatalf("second import: %+v", rep)
		}
		if e, a := outcomeCounts(t, db); e != events1 || a != audits1 {
			t.Fatalf("second import changed counts")
		}

		// A file with bad rows writes nothing and lists each by line and field (the header is
		// line 1).
		a3 := ta.approvedPurchase(t)
		path = writeCSV(t,
			csvLine(a3.DecisionID, "ok", sec(a3.CreatedAt, 1), "CURRENT", 120000, 0, "SEK"),       // line 2
			csvLine(uuid.NewString(), "x", sec(t1, 9), "CURRENT", 0, 0, "SEK"),                    // 3
			csvLine(declined.DecisionID, "x", sec(declined.CreatedAt, 1), "CURRENT", 0, 0, "SEK"), // 4
			csvLine(a1.DecisionID, "x", sec(t1, 9), "PAID", 0, 0, "EUR"),                          // 5
			csvLine(a2.DecisionID, "x", sec(t2, 9), "CURRENT", 0, 0, "SEK"),                       // 6: after PAID
			a3.DecisionID+",y,yesterday,CURRENT,0,0,SEK",                                          // 7
			csvLine(a3.DecisionID, "z", sec(a3.CreatedAt, 2), "LATE_1_29", 120001, 0, "SEK"),      // 8
			csvLine(a1.DecisionID, "f2", sec(t1, 3), "LATE_1_29", 99999, 0, "SEK"),                // 9: other content
			csvLine(a3.DecisionID, "w", sec(a3.CreatedAt, -5), "CURRENT", 0, 0, "SEK"),            // 10
			csvLine(a3.DecisionID, "v", sec(a3.CreatedAt, 3), "NOT_A_STATUS", 0, 0, "SEK"),        // 11
		)
		rep, err = ta.ImportOutcomes(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		// Lines that do not parse are reported first, alone (7 and 11); fix them and the rest.
		want := []string{"7 observed_at", "11 status"}
		checkLines := func(rep outcomes.ImportReport, want []string) {
			t.Helper()
			var got []string
			for _, e := range rep.Errors {
				got = append(got, fmt.Sprintf("%d %s", e.Line, e.Field))
			}
			if !slices.Equal(got, want) || rep.ErrorCount != len(want) || rep.Loaded != 0 {
				t.Errorf("errors %v (count %d, loaded %d), want %v", got, rep.ErrorCount, rep.Loaded, want)
			}
		}
		checkLines(rep, want)
		raw, _ := os.ReadFile(path)
		fixed := strings.Replace(strings.Replace(string(raw), ",yesterday,", ","+sec(a3.CreatedAt, 4).UTC().Format(time.RFC3339)+",", 1),
			"NOT_A_STATUS", "LATE_1_29", 1)
		if err := os.WriteFile(path, []byte(fixed), 0o600); err != nil {
			t.Fatal(err)
		}
		rep, err = ta.ImportOutcomes(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		checkLines(rep, []string{"3 decision_id", "4 decision_id", "5 currency", "6 status", "8 outstanding_minor", "9 event_id", "10 observed_at"})
		if e, a := outcomeCounts(t, db); e != events1 || a != audits1 {
			t.Fatalf("a refused import changed counts")
		}

		// A wrong header is refused before anything is read.
		bad := filepath.Join(t.TempDir(), "bad.csv")
		if err := os.WriteFile(bad, []byte("decision,event\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := ta.ImportOutcomes(ctx, bad); err == nil || !strings.Contains(err.Error(), "header") {
			t.Errorf("wrong header: %v", err)
		}
	})
}
