package app

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"riskconsole/internal/auth"
	"riskconsole/internal/erasure"
	"riskconsole/internal/retention"
)

// erasureSamples are the samples of the erasure fields, for the access matrix and the audit of
// every mutation. Each requestErasure names a fresh shopper, so that it is never a repeat (which
// records nothing).
var erasureSamples = map[string]fieldSample{
	"Query.erasureRequests": {query: `{ erasureRequests(first: 5) { nodes { id state requestedBy requestedAt dueAt erasedAtRequest erasedLater doneAt reference } pageInfo { hasNextPage endCursor } } }`},
	"Query.erasureRequest": {query: `query($id: ID!) { erasureRequest(id: $id) { id state } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			a, err := e.ta.Erasure.Request(erasureService, freshShopper("sample"), "")
			if err != nil {
				tb.Fatal(err)
			}
			return map[string]any{"id": idOf(a.Request.ID)}
		}},
	"Mutation.requestErasure": {signedIn: true,
		query: `mutation($s: String!) { requestErasure(shopperId: $s, reference: "ticket") { erasedNow waiting repeated request { id state } } }`,
		vars: func(tb testing.TB, _ *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"s": freshShopper("matrix")}
		}},
}

func init() { maps.Copy(fieldSamples, erasureSamples) }

// erasureService is the privacy process calling the service directly.
var erasureService = auth.WithPrincipal(context.Background(), &auth.Principal{Kind: auth.TokenKind, TokenID: 990001, Name: "privacy", Roles: []auth.Role{auth.Service}})

var shopperSeq atomic.Int64

// freshShopper returns a shopper id no other call of the test run uses.
func freshShopper(prefix string) string {
	return fmt.Sprintf("s-%s-%d", prefix, shopperSeq.Add(1))
}

// erasureAnswerJSON is an ErasureAnswer as the tests read it.
type erasureAnswerJSON struct {
	ErasedNow int
	Waiting   int
	Repeated  bool
	Request   erasureRequestJSON
}

type erasureRequestJSON struct {
	ID              string
	Reference       *string
	RequestedBy     string
	State           string
	DueAt           *time.Time
	ErasedAtRequest int
	ErasedLater     int
	DoneAt          *time.Time
}

const erasureRequestFields = `id reference requestedBy requestedAt state dueAt erasedAtRequest erasedLater doneAt`

const requestErasureMutation = `mutation($s: String!, $ref: String) { requestErasure(shopperId: $s, reference: $ref) {
  erasedNow waiting repeated request { ` + erasureRequestFields + ` } } }`

// requestErasure asks for the erasure of shopper as role and returns the answer.
func requestErasure(tb testing.TB, ta *testApp, role auth.Role, shopper string) erasureAnswerJSON {
	tb.Helper()
	var out struct{ RequestErasure erasureAnswerJSON }
	decodeData(tb, ta.gql(tb, role, requestErasureMutation, map[string]any{"s": shopper, "ref": "privacy-ticket"}), &out)
	return out.RequestErasure
}

// linkedCount counts the decisions still naming shopper.
func linkedCount(tb testing.TB, ta *testApp, shopper string) int {
	tb.Helper()
	var n int
	if err := ta.rawDB(tb).QueryRow(ta.placeholders("SELECT count(*) FROM decisions WHERE shopper_id = $1"), shopper).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

// TestErasureAPI: on both databases through the real handler, an erasure answered now (the
// decision detail, the agent look-up and the export no longer name the shopper; the decisions
// stay with their reasons), one scheduled (carried out by CarryOutDue once its date passes, not
// before), one held (carried out after the hold is lifted); a repeated request answers the
// waiting one; the verifications stay green; the audit log never names an erased shopper; a
// replay of an erased decision's key is a CONFLICT; blanking a shopper any other way turns the
// seals red, and the console's role can neither unlink nor run the erasure function.
func TestErasureAPI(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		var mu sync.Mutex
		clock := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
		now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
		setClock := func(t time.Time) { mu.Lock(); defer mu.Unlock(); clock = t }
		ta := newTestApp(t, dialect, 0, WithClock(now))
		day := func(s string) time.Time {
			v, err := time.Parse(time.DateOnly, s)
			if err != nil {
				t.Fatal(err)
			}
			return v.Add(8 * time.Hour)
		}
		// US keeps 25 months after the month: October 2023 is due 2025-12-01, December 2023
		// 2026-02-01, May 2024 2026-07-01.
		insertDecisions(t, ta, "US", "s-now", "m-1", day("2023-10-05"), day("2023-11-10"))
		insertDecisions(t, ta, "US", "s-sched", "m-1", day("2023-12-15"), day("2024-05-15"))
		insertDecisions(t, ta, "US", "s-held", "m-1", day("2023-10-06"))
		insertDecisions(t, ta, "US", "s-other", "m-1", day("2023-10-07"))
		hold, err := ta.Retention.PlaceHold(retentionAuditor, retention.Filter{ShopperID: "s-held"}, "matter of s-held, confidential")
		if err != nil {
			t.Fatal(err)
		}
		var nowID string
		if err := ta.rawDB(t).QueryRow(ta.placeholders("SELECT "+castText(ta, "id")+" FROM decisions WHERE shopper_id = $1 ORDER BY created_at LIMIT 1"), "s-now").Scan(&nowID); err != nil {
			t.Fatal(err)
		}
		var before storedDecision
		decodeData(t, ta.gql(t, auth.Analyst, decisionQuery, map[string]any{"id": nowID}), &struct{ Decision *storedDecision }{&before})

		erased := func(t *testing.T, id string) bool {
			var out struct{ Decision struct{ ShopperErased bool } }
			decodeData(t, ta.gql(t, auth.Auditor, `query($id: ID!) { decision(id: $id) { shopperErased } }`, map[string]any{"id": id}), &out)
			return out.Decision.ShopperErased
		}
		if erased(t, nowID) {
			t.Error("shopperErased before the erasure")
		}

		t.Run("now", func(t *testing.T) {
			a := requestErasure(t, ta, auth.Service, "s-now")
			if a.Request.State != "NOW_DONE" || a.ErasedNow != 2 || a.Waiting != 0 || a.Repeated || a.Request.DoneAt == nil ||
				a.Request.ErasedAtRequest != 2 || a.Request.Reference == nil || *a.Request.Reference != "privacy-ticket" {
				t.Fatalf("answer %+v: want NOW_DONE with 2 unlinked", a)
			}
			if n := linkedCount(t, ta, "s-now"); n != 0 {
				t.Errorf("%d decisions still name s-now", n)
			}
			var after storedDecision
			r := ta.gql(t, auth.Analyst, decisionQuery, map[string]any{"id": nowID})
			decodeData(t, r, &struct{ Decision *storedDecision }{&after})
			if after.ShopperID != "" || after.Outcome != before.Outcome || after.Reference != before.Reference ||
				mustJSON(after.Reasons) != mustJSON(before.Reasons) {
				t.Errorf("decision after the erasure %+v, want %+v without the shopper", after, before)
			}
			if !erased(t, nowID) {
				t.Error("shopperErased is false after the erasure")
			}
			agent := ta.gql(t, auth.Agent, `query($r: String!) { agentDecision(reference: $r) { reference outcome } }`, map[string]any{"r": before.Reference})
			if len(agent.Errors) > 0 || strings.Contains(string(agent.Data), "s-now") {
				t.Errorf("agent look-up: %s %s", agent.Data, errorsJSON(agent))
			}
			if _, body := exportGet(t, ta, auth.Auditor, "market=US"); strings.Contains(string(body), "s-now") || !strings.Contains(string(body), before.Reference) {
				t.Errorf("the export names the erased shopper, or lost the decision")
			}
		})

		t.Run("scheduled, then carried out when due", func(t *testing.T) {
			a := requestErasure(t, ta, auth.Service, "s-sched")
			due := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
			if a.Request.State != "SCHEDULED" || a.ErasedNow != 1 || a.Waiting != 1 || a.Request.DueAt == nil || !a.Request.DueAt.Equal(due) {
				t.Fatalf("answer %+v: want SCHEDULED at %s, 1 unlinked and 1 waiting", a, due)
			}
			again := requestErasure(t, ta, auth.Service, "s-sched")
			if !again.Repeated || again.Request.ID != a.Request.ID || again.ErasedNow != 0 || again.Waiting != 1 {
				t.Errorf("repeated request %+v: want the waiting request %s", again, a.Request.ID)
			}
			held := requestErasure(t, ta, auth.Admin, "s-held")
			if held.Request.State != "HELD" || held.ErasedNow != 0 || held.Waiting != 1 || strings.Contains(mustJSON(held), "confidential") {
				t.Fatalf("held answer %+v: want HELD, nothing unlinked, no reason", held)
			}

			res, err := ta.Erasure.CarryOutDue(context.Background(), due.Add(-time.Microsecond))
			if err != nil || res.Erased != 0 || res.Done != 0 || res.Checked != 1 {
				t.Fatalf("before the date: %+v, %v: want only the held request checked, nothing unlinked", res, err)
			}
			if n := linkedCount(t, ta, "s-sched"); n != 1 {
				t.Errorf("before the date %d decisions name s-sched, want 1", n)
			}
			res, err = ta.Erasure.CarryOutDue(context.Background(), due)
			if err != nil || res.Erased != 1 || res.Done != 1 || res.Checked != 2 {
				t.Fatalf("at the date: %+v, %v: want s-sched done", res, err)
			}
			if n := linkedCount(t, ta, "s-sched"); n != 0 {
				t.Errorf("after the date %d decisions name s-sched", n)
			}
			var got struct{ ErasureRequest erasureRequestJSON }
			decodeData(t, ta.gql(t, auth.Auditor, `query($id: ID!) { erasureRequest(id: $id) { `+erasureRequestFields+` } }`, map[string]any{"id": a.Request.ID}), &got)
			if r := got.ErasureRequest; r.State != "DONE" || r.ErasedAtRequest != 1 || r.ErasedLater != 1 || r.DoneAt == nil || r.DueAt != nil {
				t.Errorf("request after CarryOutDue: %+v", r)
			}

			// Held: nothing while the hold stands; carried out at the next pass once it is lifted.
			if n := linkedCount(t, ta, "s-held"); n != 1 {
				t.Errorf("while held %d decisions name s-held, want 1", n)
			}
			if _, err := ta.Retention.LiftHold(staffContext("retention.approver", auth.Approver), hold.ID, "matter closed"); err != nil {
				t.Fatal(err)
			}
			res, err = ta.Erasure.CarryOutDue(context.Background(), due)
			if err != nil || res.Erased != 1 || res.Done != 1 {
				t.Fatalf("after the lift: %+v, %v: want s-held done", res, err)
			}
			if n := linkedCount(t, ta, "s-held"); n != 0 {
				t.Errorf("after the lift %d decisions name s-held", n)
			}
		})

		t.Run("replay of an erased decision's key", func(t *testing.T) {
			// A decision made now (the real clock), erased once the console's clock passes its duty.
			in := purchaseInput("US", 25, func(in, _ map[string]any) { in["shopperId"] = "s-replay" })
			key := uniqueKey("erased")
			first := ta.assess(t, in, key)
			setClock(time.Now().AddDate(3, 0, 0))
			defer setClock(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
			if a := requestErasure(t, ta, auth.Service, "s-replay"); a.Request.State != "NOW_DONE" || a.ErasedNow != 1 {
				t.Fatalf("answer %+v: want the decision %s unlinked now", a, first.Reference)
			}
			r := ta.gql(t, auth.Service, assessMutation, map[string]any{"input": in, "key": key})
			wantError(t, r, "CONFLICT", "")
			if strings.Contains(string(r.Data), first.Reference) || strings.Contains(errorsJSON(r), "s-replay") {
				t.Errorf("the replay re-linked or leaked: %s %s", r.Data, errorsJSON(r))
			}
		})

		t.Run("refusals", func(t *testing.T) {
			wantError(t, ta.gql(t, auth.Service, requestErasureMutation, map[string]any{"s": " "}), "INVALID", "shopperId")
			wantError(t, ta.gql(t, auth.Service, requestErasureMutation, map[string]any{"s": "s-x", "ref": strings.Repeat("r", erasure.MaxReferenceLen+1)}), "INVALID", "reference")
			wantError(t, ta.gql(t, auth.Auditor, requestErasureMutation, map[string]any{"s": "s-x"}), "FORBIDDEN", "")
		})

		t.Run("verifications and the audit log", func(t *testing.T) {
			if v := ta.verifySeals(t).VerifyDecisions; !v.OK {
				t.Errorf("verifyDecisions after the erasures: %s", mustJSON(v))
			}
			if v := ta.verifyChain(t).VerifyAuditChain; !v.OK {
				t.Errorf("audit chain after the erasures: %+v", v)
			}
			var requests, carried int
			for _, e := range ta.allEvents(t) {
				switch e.Action {
				case erasure.ActionRequest:
					requests++
				case erasure.ActionCarriedOut:
					carried++
				}
				if strings.HasPrefix(e.Action, "erasure.") || e.Action == retention.ActionErasurePlan {
					text := e.EntityID + string(e.Before) + string(e.After)
					for _, s := range []string{"s-now", "s-sched", "s-held", "s-replay"} {
						if strings.Contains(text, s) {
							t.Errorf("event %s names %s: %s", e.Action, s, text)
						}
					}
				}
			}
			if requests != 4 || carried != 2 {
				t.Errorf("%d erasure.request and %d erasure.carried_out events, want 4 and 2", requests, carried)
			}
			var list struct {
				ErasureRequests struct{ Nodes []erasureRequestJSON }
			}
			r := ta.gql(t, auth.Admin, `{ erasureRequests(first: 10) { nodes { `+erasureRequestFields+` } } }`, nil)
			decodeData(t, r, &list)
			if len(list.ErasureRequests.Nodes) != 4 || strings.Contains(string(r.Data), "s-sched") {
				t.Errorf("erasureRequests: %s", r.Data)
			}
		})

		t.Run("other ways to unlink", func(t *testing.T) {
			if dialect == "postgres" {
				app, err := sql.Open("pgx", ta.Config.DatabaseURL)
				if err != nil {
					t.Fatal(err)
				}
				defer app.Close()
				for _, c := range []struct{ stmt, want string }{
					{"UPDATE decisions SET shopper_id = '', request_hash = '' WHERE shopper_id = 's-other'", "permission denied"},
					{"SELECT erase_shopper_decisions('s-other', now(), '{}'::uuid[], '{}'::text[])", "permission denied"},
					{"INSERT INTO erasure_requests (shopper_ref, shopper_id, requested_by, requested_at, state, due_at) VALUES ('x', 's-other', 'me', now(), 'SCHEDULED', now())", "permission denied"},
					{"DELETE FROM erasure_requests", "permission denied"},
				} {
					if _, err := app.Exec(c.stmt); err == nil || !strings.Contains(err.Error(), c.want) {
						t.Errorf("the console's role: %s: %v, want %q", c.stmt, err, c.want)
					}
				}
				// The retention role's function refuses to unlink a decision a legal hold keeps,
				// whatever the console asked.
				if _, err := ta.Retention.PlaceHold(retentionAuditor, retention.Filter{ShopperID: "s-other"}, "matter of s-other"); err != nil {
					t.Fatal(err)
				}
				ret, err := sql.Open("pgx", ta.Config.RetentionDatabaseURL)
				if err != nil {
					t.Fatal(err)
				}
				defer ret.Close()
				var id string
				if err := ta.rawDB(t).QueryRow("SELECT id FROM decisions WHERE shopper_id = 's-other'").Scan(&id); err != nil {
					t.Fatal(err)
				}
				_, err = ret.Exec("SELECT erase_shopper_decisions('s-other', now(), ARRAY[$1::uuid], ARRAY['x'])", id)
				if err == nil || !strings.Contains(err.Error(), "legal hold") {
					t.Errorf("the retention role unlinking a held decision: %v, want refused", err)
				}
				// The owner's UPDATE meets the triggers: a done request is final; outside an
				// erasure no decision changes.
				if _, err := ta.rawDB(t).Exec("UPDATE erasure_requests SET reference = 'x'"); err == nil || !strings.Contains(err.Error(), "carried out") {
					t.Errorf("rewriting a done request: %v, want refused", err)
				}
				if _, err := ta.rawDB(t).Exec("UPDATE decisions SET shopper_id = '', request_hash = '', amount_minor = 1 WHERE shopper_id = 's-other'"); err == nil ||
					!strings.Contains(err.Error(), "append-only") {
					t.Errorf("an UPDATE outside an erasure: %v, want refused", err)
				}
				// Inside one (the setting the function makes), a change of any other column is refused.
				tx, err := ta.rawDB(t).Begin()
				if err != nil {
					t.Fatal(err)
				}
				_, err = tx.Exec("SELECT set_config('riskconsole.erasing', 's-other', true)")
				if err == nil {
					_, err = tx.Exec("UPDATE decisions SET shopper_id = '', request_hash = '', amount_minor = 1 WHERE shopper_id = 's-other'")
				}
				tx.Rollback()
				if err == nil || !strings.Contains(err.Error(), "append-only") {
					t.Errorf("an erasure that changes the amount: %v, want refused", err)
				}
			} else if _, err := ta.rawDB(t).Exec("UPDATE decisions SET shopper_id = '', request_hash = '' WHERE shopper_id = 's-other'"); err == nil {
				t.Error("an UPDATE without an erasure permit went through")
			}
			if n := linkedCount(t, ta, "s-other"); n != 1 {
				t.Fatalf("s-other has %d decisions, want 1", n)
			}
			ta.disableAppendOnly(t, "decisions")
			ta.ownerExec(t, "UPDATE decisions SET shopper_id = '', request_hash = '' WHERE shopper_id = 's-other'")
			if v := ta.verifySeals(t).VerifyDecisions; v.OK {
				t.Errorf("verifyDecisions after the owner blanked a shopper: %s, want red", mustJSON(v))
			}
		})

		t.Run("the retention job finishes a waiting request", func(t *testing.T) {
			// May 2024 is due on 1 July 2026: the request waits until then; the job's run at that
			// time removes the month and finishes the request.
			insertDecisions(t, ta, "US", "s-job", "m-1", day("2024-05-20"))
			a := requestErasure(t, ta, auth.Service, "s-job")
			due := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
			if a.Request.State != "SCHEDULED" || a.Request.DueAt == nil || !a.Request.DueAt.Equal(due) {
				t.Fatalf("answer %+v: want SCHEDULED at %s", a, due)
			}
			setClock(due.Add(-time.Microsecond))
			ta.runRetention(t)
			if n := linkedCount(t, ta, "s-job"); n != 1 {
				t.Errorf("a microsecond before the date %d decisions name s-job, want 1", n)
			}
			setClock(due)
			ta.runRetention(t)
			if n := linkedCount(t, ta, "s-job"); n != 0 {
				t.Errorf("after the run at the date %d decisions name s-job", n)
			}
			var got struct{ ErasureRequest erasureRequestJSON }
			decodeData(t, ta.gql(t, auth.Auditor, `query($id: ID!) { erasureRequest(id: $id) { `+erasureRequestFields+` } }`, map[string]any{"id": a.Request.ID}), &got)
			if r := got.ErasureRequest; r.State != "DONE" || r.DoneAt == nil || !r.DoneAt.Equal(due) {
				t.Errorf("request after the job's run: %+v, want DONE at %s", r, due)
			}
		})
	})
}
