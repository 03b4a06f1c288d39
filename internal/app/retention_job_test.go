package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"riskconsole/internal/auditlog"
	"riskconsole/internal/auth"
	"riskconsole/internal/retention"
)

// Tests of the retention job (issue 18) on both databases through the real stack: months leave
// on schedule and not a microsecond before, held decisions stay, an anonymising market keeps no
// shopper and banded amounts, both verifications stay green, the servers take turns, and
// /readyz and the metrics report the runs.

// testClock is a clock the tests move.
type testClock struct{ ns atomic.Int64 }

func newTestClock(t time.Time) *testClock {
	c := &testClock{}
	c.Set(t)
	return c
}

func (c *testClock) Set(t time.Time)     { c.ns.Store(t.UnixNano()) }
func (c *testClock) Now() time.Time      { return time.Unix(0, c.ns.Load()).UTC() }
func (c *testClock) Add(d time.Duration) { c.ns.Add(int64(d)) }

// Months of the demo window (480 days to testEnd) and when they are due under the default 25
// months: the end of the month plus 25 months.
var (
	augMonth = time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)
	augDue   = time.Date(2027, 10, 1, 0, 0, 0, 0, time.UTC)
	sepMonth = time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)
	sepDue   = time.Date(2027, 11, 1, 0, 0, 0, 0, time.UTC)
)

// monthIDs returns the ids of the decisions of the month starting at month, of market (""
// any), read as the owner.
func (ta *testApp) monthIDs(tb testing.TB, month time.Time, market string) []string {
	tb.Helper()
	q, args := "SELECT "+castText(ta, "id")+" FROM decisions WHERE created_at >= $1 AND created_at < $2", []any{month, month.AddDate(0, 1, 0)}
	if market != "" {
		q, args = q+" AND market = $3", append(args, market)
	}
	return queryStrings(tb, ta.rawDB(tb), ta.placeholders(q+" ORDER BY 1"), args...)
}

// queryStrings returns the first column of the rows of q on db.
func queryStrings(tb testing.TB, db *sql.DB, q string, args ...any) []string {
	tb.Helper()
	rows, err := db.Query(q, args...)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			tb.Fatal(err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// resetRetentionTurn lets the next RunOnce run at once, as if the interval had passed: the tests
// of the schedule move the clock by a microsecond, the turn by the hour.
func (ta *testApp) resetRetentionTurn(tb testing.TB) {
	tb.Helper()
	ta.ownerExec(tb, "UPDATE retention_job_state SET next_run_at = NULL WHERE id = 1")
}

// runRetention runs the job once, requiring it to run and succeed.
func (ta *testApp) runRetention(tb testing.TB) *retention.Run {
	tb.Helper()
	ta.resetRetentionTurn(tb)
	run, err := ta.RetentionJob.RunOnce(context.Background())
	if err != nil || run == nil {
		tb.Fatalf("retention run %+v: %v", run, err)
	}
	return run
}

// requireVerified requires verifyDecisions and verifyAuditChain green.
func (ta *testApp) requireVerified(tb testing.TB, when string) {
	tb.Helper()
	if v := ta.verifySeals(tb).VerifyDecisions; !v.OK {
		tb.Fatalf("verifyDecisions %s: %s", when, mustJSON(v))
	}
	if v := ta.verifyChain(tb).VerifyAuditChain; !v.OK {
		tb.Fatalf("verifyAuditChain %s: %+v", when, v)
	}
}

// TestRetentionJobSchedule: a month leaves when its duty ends and not a microsecond before; the
// month whose every market is due under DELETE leaves whole (PurgeMonth); both verifications stay
// green; the run is in the audit log, /readyz and the metrics, and a failed run shows as FAILED
// in /readyz without taking the server out of traffic.
func TestRetentionJobSchedule(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		clock := newTestClock(augDue.Add(-time.Microsecond))
		ta := newTestApp(t, dialect, 400, WithClock(clock.Now))
		aug := ta.monthIDs(t, augMonth, "")
		if len(aug) == 0 {
			t.Fatal("no decision in August 2025: the demo window moved")
		}
		if code, r := getReady(t, ta.Handler()); code != 200 || r.Retention.State != "NEVER_RUN" {
			t.Errorf("readyz before any run: %d %+v", code, r.Retention)
		}

		run := ta.runRetention(t)
		if got := ta.monthIDs(t, augMonth, ""); len(got) != len(aug) {
			t.Fatalf("a microsecond before August's due date the job left %d of its %d decisions", len(got), len(aug))
		}
		for _, r := range run.Removed {
			if !r.Month.Before(augMonth) {
				t.Errorf("removed before its time: %+v", r)
			}
		}

		clock.Set(augDue)
		run = ta.runRetention(t)
		if got := ta.monthIDs(t, augMonth, ""); len(got) != 0 {
			t.Fatalf("at August's due date %d decisions are left", len(got))
		}
		i := slices.IndexFunc(run.Removed, func(r retention.Removal) bool { return r.Month.Equal(augMonth) })
		if i < 0 || !run.Removed[i].Purged || run.Removed[i].Decisions != int64(len(aug)) {
			t.Fatalf("run %+v: want August purged whole with its %d decisions", run.Removed, len(aug))
		}
		if len(ta.monthIDs(t, sepMonth, "")) == 0 {
			t.Error("September left too")
		}
		ta.requireVerified(t, "after the run")
		var runEvent bool
		for _, e := range ta.allEvents(t) {
			var rec struct{ Removed []struct{ Month string } }
			if e.Action != retention.ActionRun || e.Actor != "system:retention" || json.Unmarshal(e.After, &rec) != nil {
				continue
			}
			for _, r := range rec.Removed {
				runEvent = runEvent || r.Month == "2025-08"
			}
		}
		if !runEvent {
			t.Error("no retention.run event with August in the audit log")
		}
		var runs struct {
			AuditEvents struct {
				Nodes []struct{ Action, Actor string }
			}
		}
		decodeData(t, ta.gql(t, auth.Auditor, `{ auditEvents(first: 5, filter: {action: "retention.run"}) { nodes { action actor } } }`, nil), &runs)
		if len(runs.AuditEvents.Nodes) == 0 {
			t.Error("an auditor does not find the runs in auditEvents")
		}

		code, r := getReady(t, ta.Handler())
		if code != 200 || r.Retention.State != "OK" || r.Retention.LastRunAt == nil || len(r.Retention.Removed) != len(run.Removed) {
			t.Errorf("readyz after the run: %d %+v", code, r.Retention)
		}
		_, body := scrape(t, ta.MetricsHandler(), "")
		if v := metricValue(t, body, `riskconsole_retention_decisions_removed_total{after="DELETE",market="ALL"}`); v < float64(len(aug)) {
			t.Errorf("removed ALL/DELETE = %v, want at least %d", v, len(aug))
		}
		if v := metricValue(t, body, `riskconsole_retention_decisions_removed_total{after="ANONYMISE",market="SE"}`); v != 0 {
			t.Errorf("anonymised SE = %v, want 0 (created at zero)", v)
		}
		if v := metricValue(t, body, `riskconsole_retention_last_success_timestamp_seconds`); v < float64(augDue.Unix()) {
			t.Errorf("last success %v, want the run's time", v)
		}

		t.Run("a failed run", func(t *testing.T) {
			ta.resetRetentionTurn(t)
			job := retention.NewJob(ta.Retention, ta.Store, failingRemover{}, retention.JobOptions{ID: "failing"})
			clock.Set(sepDue)
			if _, err := job.RunOnce(context.Background()); err == nil {
				t.Fatal("a run whose removals fail succeeded")
			}
			code, r := getReady(t, ta.Handler())
			if code != 200 || r.Retention.State != "FAILED" {
				t.Errorf("readyz after a failed run: %d %+v", code, r.Retention)
			}
			if len(ta.monthIDs(t, sepMonth, "")) == 0 {
				t.Error("September left through a failing path")
			}
		})
	})
}

// failingRemover is a retention path that fails.
type failingRemover struct{}

func (failingRemover) PurgeMonth(context.Context, time.Time, time.Time) (retention.Removal, error) {
	return retention.Removal{}, errors.New("the retention path is down")
}

func (failingRemover) RemoveMarketMonth(context.Context, string, time.Time, time.Time, bool) (retention.Removal, error) {
	return retention.Removal{}, errors.New("the retention path is down")
}

// TestRetentionJobHoldsAndAnonymise: with holds on a shopper, a merchant and a market and range,
// and SE anonymising, a due month is not dropped: each market's decisions that no hold selects
// leave by batches (SE's into anonymised_decisions, without shopper and with banded amounts), the
// held ones stay, both verifications stay green, a second run finds nothing more, a lifted hold
// lets its decisions go on the next run, and a decision removed otherwise still turns
// verifyDecisions red.
func TestRetentionJobHoldsAndAnonymise(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		clock := newTestClock(sepDue)
		ta := newTestApp(t, dialect, 400, WithClock(clock.Now))
		db := ta.rawDB(t)
		one := func(q string, args ...any) (a, b string) {
			t.Helper()
			if err := db.QueryRow(ta.placeholders(q), args...).Scan(&a, &b); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			return a, b
		}
		end := sepMonth.AddDate(0, 1, 0)
		shopper, _ := one("SELECT shopper_id, market FROM decisions WHERE market = 'US' AND created_at >= $1 AND created_at < $2 ORDER BY created_at LIMIT 1", sepMonth, end)
		merchant, _ := one("SELECT merchant_id, market FROM decisions WHERE market = 'DE' AND created_at >= $1 AND created_at < $2 ORDER BY created_at LIMIT 1", sepMonth, end)
		from, to := sepMonth.AddDate(0, 0, 4), sepMonth.AddDate(0, 0, 24)

		approver := staffContext("retention.approver", auth.Approver)
		req, err := ta.Retention.Propose(retentionAuditor, "SE", retention.DefaultKeepMonths, retention.Anonymise, "statistics")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ta.Retention.Approve(approver, req.ID, "fine"); err != nil {
			t.Fatal(err)
		}
		var holds []retention.Hold
		for _, f := range []retention.Filter{{ShopperID: shopper}, {MerchantID: merchant}, {Market: "GB", From: &from, To: &to}} {
			h, err := ta.Retention.PlaceHold(retentionAuditor, f, "a claim")
			if err != nil {
				t.Fatal(err)
			}
			holds = append(holds, h)
		}
		held := func() []string {
			q := "SELECT " + castText(ta, "id") + " FROM decisions WHERE created_at >= $1 AND created_at < $2 AND (shopper_id = $3 OR merchant_id = $4 OR (market = 'GB' AND created_at >= $5 AND created_at < $6)) ORDER BY 1"
			return queryStrings(t, db, ta.placeholders(q), sepMonth, end, shopper, merchant, from, to)
		}
		wantKept := held()
		var gbHeld int
		if err := db.QueryRow(ta.placeholders("SELECT count(*) FROM decisions WHERE market = 'GB' AND created_at >= $1 AND created_at < $2"), from, to).Scan(&gbHeld); err != nil || gbHeld == 0 {
			t.Fatalf("%d GB decisions in the held range, %v: want some", gbHeld, err)
		}
		seBefore := len(ta.monthIDs(t, sepMonth, "SE"))
		if len(wantKept) == 0 || seBefore == 0 || len(wantKept) == len(ta.monthIDs(t, sepMonth, "")) {
			t.Fatalf("held %d of September's decisions, SE has %d: want some held and some not", len(wantKept), seBefore)
		}

		run := ta.runRetention(t)
		if got := ta.monthIDs(t, sepMonth, ""); !slices.Equal(got, wantKept) {
			t.Fatalf("September keeps %d decisions, want exactly the %d held", len(got), len(wantKept))
		}
		for _, r := range run.Removed {
			if r.Purged {
				t.Errorf("a month was dropped whole while SE anonymises and holds touch it: %+v", r)
			}
			if r.Market == "SE" && r.After != retention.Anonymise || r.Market != "SE" && r.After != retention.Delete {
				t.Errorf("removal %+v does not follow its market's policy", r)
			}
		}
		ta.requireVerified(t, "after the run")
		var batches int
		for _, e := range ta.allEvents(t) {
			if e.Action == auditlog.ActionMarketMonthRemoved && e.EntityID == "2025-09" && e.Actor == "system:retention" {
				batches++
			}
		}
		if batches == 0 {
			t.Error("no removal of September in the audit log")
		}

		var anonymised int64
		for _, r := range run.Removed {
			if r.After == retention.Anonymise {
				anonymised += r.Decisions
			}
		}
		var rows, banded int64
		if err := db.QueryRow("SELECT count(*), sum(CASE WHEN amount_band IN ('0-50', '50-100', '100-250', '250-500', '500-1000', '1000-2500', '2500-5000', '5000+') THEN 1 ELSE 0 END) FROM anonymised_decisions WHERE market = 'SE'").
			Scan(&rows, &banded); err != nil {
			t.Fatal(err)
		}
		if rows == 0 || rows != anonymised || banded != rows {
			t.Errorf("anonymised_decisions holds %d SE rows (%d banded), want the %d anonymised", rows, banded, anonymised)
		}
		if _, err := db.Query("SELECT shopper_id FROM anonymised_decisions"); err == nil {
			t.Error("anonymised_decisions has a shopper_id")
		}

		again := ta.runRetention(t)
		if len(again.Removed) != 0 {
			t.Errorf("a second run removed %+v", again.Removed)
		}

		if _, err := ta.Retention.LiftHold(approver, holds[0].ID, "settled"); err != nil {
			t.Fatal(err)
		}
		ta.runRetention(t)
		wantKept = held()
		for _, id := range ta.monthIDs(t, sepMonth, "") {
			var sh string
			if err := db.QueryRow(ta.placeholders("SELECT shopper_id FROM decisions WHERE id = $1"), id).Scan(&sh); err != nil {
				t.Fatal(err)
			}
			if sh == shopper && !slices.Contains(wantKept, id) {
				t.Errorf("decision %s of the shopper whose hold was lifted is still there", id)
			}
		}
		ta.requireVerified(t, "after the lift's run")

		t.Run("a held decision deleted otherwise", func(t *testing.T) {
			kept := ta.monthIDs(t, sepMonth, "")
			ta.disableAppendOnly(t, "outcome_events")
			ta.disableAppendOnly(t, "decisions")
			ta.ownerExec(t, "DELETE FROM outcome_events WHERE decision_id = $1", kept[0])
			ta.ownerExec(t, "DELETE FROM decisions WHERE id = $1", kept[0])
			v := ta.verifySeals(t).VerifyDecisions
			if v.OK || v.Reason == nil || !strings.Contains(*v.Reason, "month 2025-09") {
				t.Errorf("verification %s, want month 2025-09 broken", mustJSON(v))
			}
		})
	})
}

// TestRetentionEmptyMonth: the months due (the demo's first two, July and August 2025) leave
// market by market when one market anonymises (its rows move out of decisions); on PostgreSQL
// their partitions, now empty, are dropped in the same run and the months recorded as purged with
// nothing in them, never a partition of a month still kept; both verifications stay green.
func TestRetentionEmptyMonth(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		clock := newTestClock(augDue)
		ta := newTestApp(t, dialect, 400, WithClock(clock.Now))
		req, err := ta.Retention.Propose(retentionAuditor, "SE", retention.DefaultKeepMonths, retention.Anonymise, "statistics")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ta.Retention.Approve(staffContext("retention.approver", auth.Approver), req.ID, "fine"); err != nil {
			t.Fatal(err)
		}
		partitions := func() []string {
			t.Helper()
			if dialect != "postgres" {
				return nil
			}
			return queryStrings(t, ta.rawDB(t), "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent IN ('decisions'::regclass, 'outcome_events'::regclass) ORDER BY 1")
		}
		before := partitions()
		if len(ta.monthIDs(t, augMonth, "SE")) == 0 || len(ta.monthIDs(t, augMonth, "")) == len(ta.monthIDs(t, augMonth, "SE")) {
			t.Fatal("August 2025 needs decisions of SE and of other markets")
		}

		run := ta.runRetention(t)
		for _, m := range []time.Time{augMonth.AddDate(0, -1, 0), augMonth} {
			if got := ta.monthIDs(t, m, ""); len(got) != 0 {
				t.Fatalf("%s keeps %d decisions", m.Format("2006-01"), len(got))
			}
		}
		for _, r := range run.Removed {
			if r.Purged {
				t.Errorf("a month with decisions was purged whole while SE anonymises: %+v", r)
			}
		}
		var purged []string
		for _, e := range ta.allEvents(t) {
			if e.Action == auditlog.ActionMonthPurged {
				purged = append(purged, e.EntityID)
			}
		}
		due := func(n string) bool { return strings.HasSuffix(n, "_p202507") || strings.HasSuffix(n, "_p202508") }
		want := slices.DeleteFunc(slices.Clone(before), due)
		if dialect == "postgres" {
			if got := partitions(); !slices.Equal(got, want) || len(want) != len(before)-4 {
				t.Errorf("partitions after the run %v, want %v (July's and August's four dropped, no other)", got, want)
			}
			if slices.Sort(purged); !slices.Equal(purged, []string{"2025-07", "2025-08"}) {
				t.Errorf("months recorded purged %v, want 2025-07 and 2025-08", purged)
			}
		} else if len(purged) != 0 {
			t.Errorf("SQLite, which keeps no month apart, recorded purges %v", purged)
		}
		ta.requireVerified(t, "after the run")
		if again := ta.runRetention(t); len(again.Removed) != 0 {
			t.Errorf("a second run removed %+v", again.Removed)
		}
		ta.requireVerified(t, "after the second run")
	})
}

// TestRetentionJobTurns: two servers on one database do not both run: while one holds the turn
// the other's run does nothing, after it the next waits for the interval, and of two started at
// once exactly one runs. A turn forged beyond the interval does not count.
func TestRetentionJobTurns(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		clock := newTestClock(augDue)
		ta := newTestApp(t, dialect, 100, WithClock(clock.Now))
		ctx := context.Background()
		other := func(id string) *retention.Job {
			return retention.NewJob(ta.Retention, ta.Store, retentionPath{ta.RetentionStore}, retention.JobOptions{ID: id, Every: time.Hour})
		}
		a, b := other("server-a"), other("server-b")
		if ok, err := ta.Store.ClaimRetentionTurn(ctx, "server-a", clock.Now(), clock.Now().Add(time.Hour)); !ok || err != nil {
			t.Fatalf("server a's claim: %v %v", ok, err)
		}
		if run, err := b.RunOnce(ctx); run != nil || err != nil {
			t.Fatalf("server b ran during a's turn: %+v %v", run, err)
		}
		if err := ta.Store.FinishRetentionRun(ctx, "server-a", &retention.Run{StartedAt: clock.Now(), FinishedAt: clock.Now()}, clock.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		clock.Add(59 * time.Minute)
		if run, err := b.RunOnce(ctx); run != nil || err != nil {
			t.Fatalf("server b ran within the interval: %+v %v", run, err)
		}
		clock.Add(time.Minute)
		var wg sync.WaitGroup
		var ran atomic.Int32
		for _, j := range []*retention.Job{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				run, err := j.RunOnce(ctx)
				if err != nil {
					t.Error(err)
				}
				if run != nil {
					ran.Add(1)
				}
			}()
		}
		wg.Wait()
		if ran.Load() != 1 {
			t.Errorf("%d servers ran at once, want 1", ran.Load())
		}

		// A turn held or a next run set far ahead, as an insider with the console's role could
		// write them, does not keep the job off.
		far := clock.Now().AddDate(100, 0, 0)
		ta.ownerExec(t, "UPDATE retention_job_state SET holder = 'mallory', lease_until = $1, next_run_at = $2 WHERE id = 1", far, far)
		if run, err := b.RunOnce(ctx); run == nil || err != nil {
			t.Errorf("a forged turn kept server b off: %+v %v", run, err)
		}
	})
}

// TestRetentionJobRoles: on PostgreSQL only the retention role may run retention_remove; the
// console's role may neither run it nor delete decisions, nor forge a permit, an anonymised
// decision or a band; the owner itself cannot delete a decision without retention_remove's
// permit; the function refuses bad arguments.
func TestRetentionJobRoles(t *testing.T) {
	ta := newTestApp(t, "postgres", 50)
	exec := func(dsn, stmt string) error {
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		_, err = db.Exec(stmt)
		return err
	}
	id, _ := ta.monthDecision(t, augMonth)
	for _, stmt := range []string{
		"SELECT * FROM retention_remove('SE', '2025-08-01', '2025-09-01', false, 10)",
		"DELETE FROM decisions WHERE id = '" + id + "'",
		"INSERT INTO retention_permits VALUES (pg_current_xact_id(), 'SE', '2025-08-01', '2025-09-01')",
		"INSERT INTO anonymised_decisions (market, decision_month, kind, channel, merchant_id, merchant_name, merchant_category, currency, amount_band, outcome, reasons, anonymised_at) VALUES ('SE', '2025-08-01', 'AUTOMATED', 'web', 'm', 'm', 'c', 'SEK', '0-50', 'APPROVED', '', now())",
		"INSERT INTO amount_bands VALUES (1, 'forged')",
	} {
		if err := exec(ta.Config.DatabaseURL, stmt); err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("the console's role ran %q: %v", stmt, err)
		}
	}
	if err := exec(ta.ownerURL(), "DELETE FROM decisions WHERE id = '"+id+"'"); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("the owner deleted a decision without a permit: %v", err)
	}
	for stmt, want := range map[string]string{
		"SELECT * FROM retention_remove('SE', date_trunc('month', now())::date, (date_trunc('month', now()) + interval '1 month')::date, false, 10)": "current month",
		"SELECT * FROM retention_remove('SE', '2025-08-01', '2025-08-01', false, 10)":                                                                "not older",
		"SELECT * FROM retention_remove('SE', '2025-08-02', '2025-09-01', false, 10)":                                                                "first days",
		"SELECT * FROM retention_remove('SE', '2025-08-01', '2025-09-01', false, 0)":                                                                 "batch",
		"SELECT * FROM retention_remove('S''E', '2025-08-01', '2025-09-01', false, 10)":                                                              "two-letter",
		"SELECT * FROM retention_remove(NULL, '2025-08-01', '2025-09-01', false, 10)":                                                                "required",
	} {
		if err := exec(ta.Config.RetentionDatabaseURL, stmt); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("the retention role ran %q: %v, want refused (%s)", stmt, err, want)
		}
	}
	if err := exec(ta.Config.RetentionDatabaseURL, "DELETE FROM decisions WHERE id = '"+id+"'"); err == nil {
		t.Error("the retention role deleted a decision itself")
	}
	// The verification still holds the month to its record: nothing was removed.
	if _, err := ta.Audit.CloseMonths(context.Background(), time.Now()); err != nil {
		t.Fatal(err)
	}
	ta.requireVerified(t, "after the refusals")
}

// addReviewCase files, as the owner, a review case of decision id with status (and a notice),
// as the review workflow would have: the tests of retention need cases on decisions older than
// the review window.
func (ta *testApp) addReviewCase(tb testing.TB, id, status string) {
	tb.Helper()
	at := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	ta.ownerExec(tb, `INSERT INTO review_cases (decision_id, decision_reference, market, principal_reason, amount_minor, currency, locale,
		statement, idempotency_key, requested_by, requested_by_person, requested_at, due_at, second_review_required, status, updated_at)
		VALUES ($1, 'REF', 'SE', 'CREDIT_SCORE', 100, 'SEK', 'sv-SE', 'my statement', $2, 'service', 'service', $3, $4, false, $5, $6)`,
		id, "case:"+id, at, at, status, at)
	var caseID int64
	if err := ta.rawDB(tb).QueryRow(ta.placeholders("SELECT id FROM review_cases WHERE decision_id = $1"), id).Scan(&caseID); err != nil {
		tb.Fatal(err)
	}
	ta.ownerExec(tb, "INSERT INTO review_notices (case_id, kind, locale, title, body, created_at) VALUES ($1, 'RECEIVED', 'sv-SE', 't', 'b', $2)", caseID, at)
}

// TestRetentionReviewCases: a decision's review case and its notices leave with it; a decision
// whose case is undecided is a pending claim and stays, so its month leaves market by market
// instead of whole; the console's role cannot delete a case.
func TestRetentionReviewCases(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		clock := newTestClock(augDue)
		ta := newTestApp(t, dialect, 400, WithClock(clock.Now))
		aug := ta.monthIDs(t, augMonth, "")
		if len(aug) < 2 {
			t.Fatalf("%d decisions in August 2025: want two", len(aug))
		}
		decided, open := aug[0], aug[1]
		ta.addReviewCase(t, decided, "UPHELD")
		ta.addReviewCase(t, open, "IN_REVIEW")
		count := func(q string) int {
			t.Helper()
			var n int
			if err := ta.rawDB(t).QueryRow(q).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		if dialect == "postgres" {
			app, err := sql.Open("pgx", ta.Config.DatabaseURL)
			if err != nil {
				t.Fatal(err)
			}
			defer app.Close()
			for _, stmt := range []string{"DELETE FROM review_cases", "DELETE FROM review_notices", "TRUNCATE review_cases"} {
				if _, err := app.Exec(stmt); err == nil || !strings.Contains(err.Error(), "permission denied") {
					t.Errorf("the console's role ran %q: %v", stmt, err)
				}
			}
		}
		if _, err := ta.rawDB(t).Exec("DELETE FROM review_cases"); err == nil {
			t.Error("the owner deleted review cases outside the retention path")
		}

		run := ta.runRetention(t)
		if got := ta.monthIDs(t, augMonth, ""); !slices.Equal(got, []string{open}) {
			t.Fatalf("August keeps %v, want only %s, whose review case is undecided", got, open)
		}
		for _, r := range run.Removed {
			if r.Month.Equal(augMonth) && r.Purged {
				t.Errorf("August was purged whole with an undecided review case: %+v", r)
			}
		}
		if n := count("SELECT count(*) FROM review_cases"); n != 1 {
			t.Errorf("%d review cases left, want the undecided one", n)
		}
		if n := count("SELECT count(*) FROM review_notices"); n != 1 {
			t.Errorf("%d review notices left, want the undecided case's", n)
		}
		ta.requireVerified(t, "after the run")

		// Decided, the case and its decision leave at the next run.
		ta.ownerExec(t, "UPDATE review_cases SET status = 'UPHELD'")
		ta.runRetention(t)
		if got := ta.monthIDs(t, augMonth, ""); len(got) != 0 {
			t.Errorf("August keeps %v once its case is decided", got)
		}
		if n := count("SELECT count(*) FROM review_cases") + count("SELECT count(*) FROM review_notices"); n != 0 {
			t.Errorf("%d review cases and notices left", n)
		}
		ta.requireVerified(t, "after the second run")
	})
}

// TestRetentionBackstops: the retention path's PostgreSQL functions check due dates themselves,
// against the database's clock, whatever the caller passes: with the clock at the real time the
// retention role can neither remove nor purge a month under its duty nor unlink a decision under
// it, and a month past it still leaves.
func TestRetentionBackstops(t *testing.T) {
	ta := newTestApp(t, "postgres", 100)
	setRetentionClock(t, ta.ownerURL(), "0")
	old := time.Date(2023, 3, 10, 12, 0, 0, 0, time.UTC) // 45 months before the real time: past 25
	insertDecisions(t, ta, "SE", "s-old", "m-old", old)
	id, _ := ta.monthDecision(t, augMonth)
	var shopper string
	if err := ta.rawDB(t).QueryRow("SELECT shopper_id FROM decisions WHERE id = $1", id).Scan(&shopper); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("pgx", ta.Config.RetentionDatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for stmt, want := range map[string]string{
		"SELECT * FROM retention_remove('SE', '2025-08-01', '2025-09-01', false, 10)":                       "under its retention duty",
		"SELECT * FROM purge_month('2025-08-01', '2025-09-01')":                                             "retention duty over 2025-08 runs in",
		"SELECT erase_shopper_decisions('" + shopper + "', now(), ARRAY['" + id + "']::uuid[], ARRAY['x'])": "retention duty",
	} {
		if _, err := db.Exec(stmt); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("the retention role ran %q: %v, want refused (%s)", stmt, err, want)
		}
	}
	// A policy keeping SE's decisions ten years keeps March 2023 too.
	approver := staffContext("retention.approver", auth.Approver)
	req, err := ta.Retention.Propose(retentionAuditor, "SE", retention.MaxKeepMonths, retention.Delete, "a long claim period")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ta.Retention.Approve(approver, req.ID, "fine"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("SELECT * FROM retention_remove('SE', '2023-03-01', '2023-04-01', false, 10)"); err == nil || !strings.Contains(err.Error(), "SE keeps its months from") {
		t.Errorf("retention_remove of SE's March 2023 under a ten-year policy: %v", err)
	}
	ctx := auth.WithPrincipal(context.Background(), auth.SystemPrincipal("retention"))
	march := time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)
	if _, err := ta.RetentionStore.PurgeMonth(ctx, march, march.AddDate(0, 1, 0)); err == nil || !strings.Contains(err.Error(), "runs in SE") {
		t.Errorf("purge of March 2023 under SE's ten-year policy: %v", err)
	}
	// Under the default 25 months it leaves.
	req, err = ta.Retention.Propose(retentionAuditor, "SE", retention.DefaultKeepMonths, retention.Delete, "back to the default")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ta.Retention.Approve(approver, req.ID, "fine"); err != nil {
		t.Fatal(err)
	}
	if p, err := ta.RetentionStore.PurgeMonth(ctx, march, march.AddDate(0, 1, 0)); err != nil || p.Decisions != 1 {
		t.Errorf("purge of March 2023: %+v, %v; want its one decision", p, err)
	}
}
