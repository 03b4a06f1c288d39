package app

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"riskconsole/internal/approval"
	"riskconsole/internal/auth"
	"riskconsole/internal/engine"
	"riskconsole/internal/thresholds"
)

// Tests of issue 17 through the real handler on both databases: versions running in shadow
// beside the version in force, and challenger splits started by an approved request.

// The staff people who prepare experiments behind the API's back: an analyst who writes and
// requests, and a lead who approves. Neither is one of the test app's tokens, so every token may
// review what they wrote.
var (
	experimentAuthor = staffContext("experiment.analyst", auth.Analyst)
	experimentLead   = staffContext("experiment.lead", auth.Approver)
)

// publishVersion publishes a version of market from the version in force with change applied to
// its rules (written by the staff analyst, approved by the staff lead), and returns it.
func publishVersion(tb testing.TB, ta *testApp, market string, change func(rules []thresholds.RuleInput)) *thresholds.Version {
	tb.Helper()
	lc := ta.ThresholdLifecycle
	d, err := lc.CreateDraft(experimentAuthor, market, 0)
	if err != nil {
		tb.Fatal(err)
	}
	rules := make([]thresholds.RuleInput, len(d.Set.Rules))
	for i, r := range d.Set.Rules {
		rules[i] = thresholds.RuleInput{Measure: r.Measure, Comparator: r.Comparator, Cutoff: r.Cutoff, Enabled: r.Enabled}
	}
	change(rules)
	if d, err = lc.EditDraft(experimentAuthor, d.ID, d.Revision, rules); err != nil {
		tb.Fatal(err)
	}
	if d, err = lc.SubmitDraft(experimentAuthor, d.ID, d.Revision, "an experiment"); err != nil {
		tb.Fatal(err)
	}
	_, v, err := lc.ApproveDraft(experimentLead, d.ID, "")
	if err != nil {
		tb.Fatal(err)
	}
	return &v
}

// cutoff returns a change of publishVersion setting measure m's cut-off.
func cutoff(m engine.Measure, c float64) func([]thresholds.RuleInput) {
	return func(rules []thresholds.RuleInput) {
		for i := range rules {
			if rules[i].Measure == m {
				rules[i].Cutoff, rules[i].Enabled = c, true
			}
		}
	}
}

// The access matrix's samples (access_matrix_test.go), in SE.

// freeShadowSlots stops every shadow running in SE, so that a sample may start one.
func (e *fieldEnv) freeShadowSlots(tb testing.TB) {
	tb.Helper()
	running, _, err := e.ta.Experiments.Running(context.Background(), "SE")
	if err != nil {
		tb.Fatal(err)
	}
	for _, sh := range running {
		if _, err := e.ta.Experiments.StopShadow(experimentLead, sh.ID); err != nil {
			tb.Fatal(err)
		}
	}
}

// newShadow starts a fresh SE version in shadow, as the staff lead, and returns the run's id.
func (e *fieldEnv) newShadow(tb testing.TB) string {
	tb.Helper()
	e.freeShadowSlots(tb)
	v, err := parseSampleID(e.newDraft(tb, approval.StatusApproved).publishedVersionID)
	if err == nil {
		var sh thresholds.Shadow
		if sh, err = e.ta.Experiments.StartShadow(experimentLead, v, nil); err == nil {
			return idOf(sh.ID)
		}
	}
	tb.Fatal(err)
	return ""
}

// newSplitRequest proposes, as the staff analyst, a fresh SE version as the challenger for 10 %
// of the shoppers, and returns the request's id.
func (e *fieldEnv) newSplitRequest(tb testing.TB) string {
	tb.Helper()
	v, err := parseSampleID(e.newDraft(tb, approval.StatusApproved).publishedVersionID)
	if err == nil {
		var r thresholds.SplitRequest
		if r, err = e.ta.Experiments.RequestSplit(experimentAuthor, v, 10, "sample split"); err == nil {
			return idOf(r.ID)
		}
	}
	tb.Fatal(err)
	return ""
}

// runningSplit makes sure a split runs in SE: a fresh request approved by the staff lead.
func (e *fieldEnv) runningSplit(tb testing.TB) {
	tb.Helper()
	id, _ := parseSampleID(e.newSplitRequest(tb))
	if _, err := e.ta.Experiments.ApproveSplitRequest(experimentLead, id, ""); err != nil {
		tb.Fatal(err)
	}
}

func parseSampleID(s string) (int64, error) {
	var n int64
	_, err := fmt.Sscan(s, &n)
	return n, err
}

// shadowJSON is a ThresholdShadow as the tests read it.
type shadowJSON struct {
	ID        string     `json:"id"`
	Market    string     `json:"market"`
	Running   bool       `json:"running"`
	StartedBy string     `json:"startedBy"`
	EndsAt    *time.Time `json:"endsAt"`
	StoppedAt *time.Time `json:"stoppedAt"`
	StoppedBy *string    `json:"stoppedBy"`
	Version   struct {
		Status  string `json:"status"`
		Version struct {
			ID      string `json:"id"`
			Version int    `json:"version"`
		} `json:"version"`
	} `json:"version"`
}

const shadowFields = `id market running startedBy endsAt stoppedAt stoppedBy version { status version { id version } }`

const startShadowMutation = `mutation($v: ID!, $end: Time) { startThresholdShadow(versionId: $v, endsAt: $end) { ` + shadowFields + ` } }`

// startShadow starts version v in shadow as APPROVER through the API.
func startShadow(tb testing.TB, ta *testApp, v *thresholds.Version, endsAt *time.Time) shadowJSON {
	tb.Helper()
	var out shadowJSON
	thresholdCall(tb, ta, auth.Approver, startShadowMutation, map[string]any{"v": idOf(v.ID), "end": endsAt}, "startThresholdShadow", "", &out)
	if !out.Running || out.Market != v.Market || out.Version.Version.ID != idOf(v.ID) || out.Version.Version.Version != v.Version {
		tb.Fatalf("started shadow %+v, want version %d of %s running", out, v.Version, v.Market)
	}
	return out
}

// decisionJSON is what the tests read of a stored decision for experiments.
type decisionJSON struct {
	ID               string  `json:"id"`
	ShopperID        string  `json:"shopperId"`
	Outcome          string  `json:"outcome"`
	Arm              *string `json:"arm"`
	ThresholdVersion struct {
		ID string `json:"id"`
	} `json:"thresholdVersion"`
	Shadows []shadowResultJSON `json:"shadows"`
}

type shadowResultJSON struct {
	VersionID string   `json:"versionId"`
	Version   int      `json:"version"`
	Outcome   string   `json:"outcome"`
	Reasons   []string `json:"reasons"`
}

const experimentDecisionFields = `id shopperId outcome arm thresholdVersion { id } shadows { versionId version outcome reasons }`

// readDecision reads decision id through the API as AUDITOR.
func readDecision(tb testing.TB, ta *testApp, id string) decisionJSON {
	tb.Helper()
	var out struct{ Decision decisionJSON }
	decodeData(tb, ta.gql(tb, auth.Auditor, `query($id: ID!) { decision(id: $id) { `+experimentDecisionFields+` } }`, map[string]any{"id": id}), &out)
	return out.Decision
}

// listDecisions pages through the explorer's decisions matching filter, as AUDITOR.
func listDecisions(tb testing.TB, ta *testApp, filter map[string]any) []decisionJSON {
	tb.Helper()
	var all []decisionJSON
	var after *string
	for range 100 {
		var out struct {
			Decisions struct {
				Nodes    []decisionJSON
				PageInfo struct {
					HasNextPage bool
					EndCursor   *string
				}
			}
		}
		decodeData(tb, ta.gql(tb, auth.Auditor, `query($f: DecisionFilter, $after: String) { decisions(filter: $f, first: 100, after: $after) {
			nodes { `+experimentDecisionFields+` } pageInfo { hasNextPage endCursor } } }`, map[string]any{"f": filter, "after": after}), &out)
		all = append(all, out.Decisions.Nodes...)
		if !out.Decisions.PageInfo.HasNextPage {
			return all
		}
		after = out.Decisions.PageInfo.EndCursor
	}
	tb.Fatal("paging did not end")
	return nil
}

// evaluate decides values under version v with the engine: the expected outcome and reasons.
func evaluate(v *thresholds.Version, values *engine.Values) (string, []string) {
	var res engine.Result
	engine.Evaluate(&v.Set, values, &res)
	reasons := []string{}
	for _, r := range res.PrincipalReasons() {
		reasons = append(reasons, r.String())
	}
	return res.Outcome.String(), reasons
}

// countAudit counts the audit events of action with outcome.
func countAudit(tb testing.TB, ta *testApp, action, outcome string) int {
	tb.Helper()
	db := ta.rawDB(tb)
	var n int
	q := fmt.Sprintf("SELECT COUNT(*) FROM audit_events WHERE action = '%s' AND outcome = '%s'", action, outcome)
	if err := db.QueryRow(q).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

// shadowInputs are purchases of market whose bureau score and debt-to-income vary around the
// cut-offs of the test's versions, so that every kind of agreement occurs.
func shadowInputs(market string) []map[string]any {
	var out []map[string]any
	for _, score := range []float64{350, 450, 650, 750} {
		for _, dti := range []float64{0.2, 0.4, 0.5} {
			out = append(out, purchaseInput(market, 1500, func(in, v map[string]any) {
				v["bureauScore"], v["debtToIncome"] = score, dti
				in["shopperId"] = fmt.Sprintf("s-shadow-%v-%v", score, dti)
			}))
		}
	}
	return out
}

// valuesOf reads a purchase input's measured values back as the engine's.
func valuesOf(in map[string]any) engine.Values {
	var v engine.Values
	vals := in["values"].(map[string]any)
	for i := range engine.Measures {
		v[i] = vals[engine.Measures[i].Field].(float64)
	}
	return v
}

// sameAnswer fails when two assessments of the same purchase differ in anything the shopper or
// checkout sees, but for the reference each draws (and quotes in the pop-up).
func sameAnswer(tb testing.TB, got, want assessment) {
	tb.Helper()
	norm := func(a assessment) string {
		a.DecisionID, a.CreatedAt = "", time.Time{}
		if a.Message != nil {
			m := *a.Message
			m.Body = strings.ReplaceAll(m.Body, a.Reference, "REF")
			m.Steps = slices.Clone(m.Steps)
			for i := range m.Steps {
				m.Steps[i] = strings.ReplaceAll(m.Steps[i], a.Reference, "REF")
			}
			a.Message = &m
		}
		a.Reference = ""
		return fmt.Sprintf("%s %v %+v", a.Outcome, a.reasonCodes(), a.Message)
	}
	if g, w := norm(got), norm(want); g != w {
		tb.Errorf("answer with shadows %s, without %s", g, w)
	}
}

// TestShadowsAPI: up to three versions run in shadow in a market; every assessment there
// evaluates each and stores its result beside the decision, which is what the engine says of the
// stored values under the shadow's set, while the answer, the decision and an idempotent replay
// stay exactly what they are without shadows; other markets are untouched. Starting and stopping
// are audited, and every refusal names its reason.
func TestShadowsAPI(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		ta := newTestApp(t, dialect, 20)
		active, err := ta.Thresholds.Active("SE", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		strict := publishVersion(t, ta, "SE", cutoff(engine.BureauScore, 700))
		lenient := publishVersion(t, ta, "SE", cutoff(engine.BureauScore, 400))
		tight := publishVersion(t, ta, "SE", cutoff(engine.DebtToIncome, 0.3))
		fourth := publishVersion(t, ta, "SE", cutoff(engine.BureauScore, 600))
		inputs := shadowInputs("SE")

		// Without shadows: the answers to compare with, and their keys to replay later.
		baseKeys := make([]string, len(inputs))
		base := make([]assessment, len(inputs))
		for i, in := range inputs {
			baseKeys[i] = uniqueKey("base")
			base[i] = ta.assess(t, in, baseKeys[i])
			if d := readDecision(t, ta, base[i].DecisionID); len(d.Shadows) != 0 || d.Arm != nil {
				t.Fatalf("decision without experiments: %+v", d)
			}
		}

		// Refusals, before anything runs.
		wantError(t, ta.post(t, auth.Approver, startShadowMutation, map[string]any{"v": idOf(active.ID)}), "INVALID", "versionId")
		wantError(t, ta.post(t, auth.Approver, startShadowMutation, map[string]any{"v": "x1"}), "INVALID", "versionId")
		past := time.Now().Add(-time.Minute)
		wantError(t, ta.post(t, auth.Approver, startShadowMutation, map[string]any{"v": idOf(strict.ID), "end": past}), "INVALID", "endsAt")
		wantError(t, ta.post(t, auth.Analyst, startShadowMutation, map[string]any{"v": idOf(strict.ID)}), "FORBIDDEN", "")
		wantError(t, ta.post(t, auth.Approver, startShadowMutation, map[string]any{"v": "999999"}), "NOT_FOUND", "")
		if n := countAudit(t, ta, thresholds.ActionShadowStart, "DONE"); n != 0 {
			t.Fatalf("%d shadow starts audited after refusals only", n)
		}

		// Three run at once; a fourth is a conflict.
		later := time.Now().Add(24 * time.Hour).UTC().Truncate(time.Second)
		runs := []shadowJSON{startShadow(t, ta, strict, nil), startShadow(t, ta, lenient, &later), startShadow(t, ta, tight, nil)}
		if runs[1].EndsAt == nil || !runs[1].EndsAt.Equal(later) || runs[0].EndsAt != nil {
			t.Errorf("planned ends %v, %v", runs[0].EndsAt, runs[1].EndsAt)
		}
		wantError(t, ta.post(t, auth.Approver, startShadowMutation, map[string]any{"v": idOf(fourth.ID)}), "CONFLICT", "")
		if n := countAudit(t, ta, thresholds.ActionShadowStart, "DONE"); n != 3 {
			t.Fatalf("%d shadow starts audited, want 3", n)
		}
		shadowed := []*thresholds.Version{strict, lenient, tight}

		// What runs where, from the database, as an auditor sees it.
		var me struct {
			MarketExperiments []struct {
				Market  string
				Shadows []shadowJSON
				Split   *struct{ ID string }
			}
		}
		decodeData(t, ta.gql(t, auth.Auditor, `{ marketExperiments { market shadows { `+shadowFields+` } split { id } } }`, nil), &me)
		if len(me.MarketExperiments) != 4 {
			t.Fatalf("marketExperiments: %+v", me)
		}
		for _, m := range me.MarketExperiments {
			want := 0
			if m.Market == "SE" {
				want = 3
			}
			if len(m.Shadows) != want || m.Split != nil {
				t.Errorf("%s runs %d shadows (want %d), split %v", m.Market, len(m.Shadows), want, m.Split)
			}
		}
		for i, m := range me.MarketExperiments[2].Shadows { // SE, oldest first
			if me.MarketExperiments[2].Market != "SE" || m.ID != runs[i].ID {
				t.Errorf("SE's shadows out of order: %+v", me.MarketExperiments[2])
			}
		}

		// With shadows: the same answers, and each shadow's result stored beside the decision.
		before := ta.countDecisions(t)
		keys := make([]string, len(inputs))
		for i, in := range inputs {
			keys[i] = uniqueKey("shadowed")
			a := ta.assess(t, in, keys[i])
			sameAnswer(t, a, base[i])
			d := readDecision(t, ta, a.DecisionID)
			if d.ThresholdVersion.ID != idOf(active.ID) || d.Arm != nil || len(d.Shadows) != 3 {
				t.Fatalf("decision %+v: want version %d deciding, no arm, three shadows", d, active.ID)
			}
			stored, err := ta.Store.Decision(ctx, a.DecisionID)
			if err != nil {
				t.Fatal(err)
			}
			if stored.Values != valuesOf(in) {
				t.Fatalf("stored values %v", stored.Values)
			}
			if o, r := evaluate(active, &stored.Values); o != a.Outcome || !slices.Equal(r, a.reasonCodes()) {
				t.Errorf("decided %s %v, the version in force says %s %v", a.Outcome, a.reasonCodes(), o, r)
			}
			for j, v := range shadowed {
				o, r := evaluate(v, &stored.Values)
				got := d.Shadows[j]
				if got.VersionID != idOf(v.ID) || got.Version != v.Version || got.Outcome != o || !slices.Equal(got.Reasons, r) {
					t.Errorf("input %d shadow %d: %+v, want version %d (%d) %s %v", i, j, got, v.ID, v.Version, o, r)
				}
				if s := stored.Shadows[j]; s.VersionID != v.ID || s.Outcome.String() != o {
					t.Errorf("stored shadow %d: %+v", j, s)
				}
			}
		}
		if got := ta.countDecisions(t) - before; got != int64(len(inputs)) {
			t.Fatalf("%d decisions written for %d assessments", got, len(inputs))
		}
		// Every kind of agreement occurred, so the comparison above covered them all.
		kinds := map[string]bool{}
		for _, d := range listDecisions(t, ta, map[string]any{"market": "SE"}) {
			for _, s := range d.Shadows {
				kinds[d.Outcome+"/"+s.Outcome] = true
			}
		}
		if len(kinds) != 4 {
			t.Errorf("agreements seen: %v, want all four", kinds)
		}

		// Idempotent replays answer the stored decision and write nothing: one made with shadows,
		// and one made before they started, which stays without shadow results.
		before = ta.countDecisions(t)
		for i, in := range inputs[:3] {
			first := readDecision(t, ta, ta.assess(t, in, keys[i]).DecisionID)
			again := ta.assess(t, in, keys[i])
			if again.DecisionID != first.ID || len(first.Shadows) != 3 {
				t.Errorf("replay answered %s, first %s", again.DecisionID, first.ID)
			}
			old := ta.assess(t, in, baseKeys[i])
			if old.DecisionID != base[i].DecisionID || old.Reference != base[i].Reference {
				t.Errorf("replay of a decision made without shadows answered %+v, want %+v", old, base[i])
			}
			sameAnswer(t, old, base[i])
			if d := readDecision(t, ta, old.DecisionID); len(d.Shadows) != 0 {
				t.Errorf("a replay added shadow results: %+v", d)
			}
		}
		if got := ta.countDecisions(t); got != before {
			t.Fatalf("replays wrote %d decisions", got-before)
		}

		// Other markets evaluate no shadow.
		for _, in := range shadowInputs("DE")[:4] {
			a := ta.assess(t, in, uniqueKey("de"))
			if d := readDecision(t, ta, a.DecisionID); len(d.Shadows) != 0 || d.Arm != nil {
				t.Fatalf("DE decision with SE's shadows: %+v", d)
			}
		}

		// Stop: the run ends, once; its version may run again, a version running may not twice.
		stop := `mutation($id: ID!) { stopThresholdShadow(id: $id) { ` + shadowFields + ` } }`
		var stopped shadowJSON
		thresholdCall(t, ta, auth.Approver, stop, map[string]any{"id": runs[2].ID}, "stopThresholdShadow", "", &stopped)
		if stopped.Running || stopped.StoppedAt == nil || stopped.StoppedBy == nil || *stopped.StoppedBy == "" {
			t.Fatalf("stopped shadow %+v", stopped)
		}
		thresholdCall(t, ta, auth.Approver, stop, map[string]any{"id": runs[2].ID}, "stopThresholdShadow", "CONFLICT", nil)
		wantError(t, ta.post(t, auth.Approver, stop, map[string]any{"id": "0"}), "INVALID", "id")
		wantError(t, ta.post(t, auth.Analyst, stop, map[string]any{"id": runs[0].ID}), "FORBIDDEN", "")
		wantError(t, ta.post(t, auth.Approver, startShadowMutation, map[string]any{"v": idOf(strict.ID)}), "CONFLICT", "")
		a := ta.assess(t, inputs[0], uniqueKey("two"))
		if d := readDecision(t, ta, a.DecisionID); len(d.Shadows) != 2 || d.Shadows[0].VersionID != idOf(strict.ID) || d.Shadows[1].VersionID != idOf(lenient.ID) {
			t.Fatalf("after a stop: %+v", d.Shadows)
		}
		again := startShadow(t, ta, tight, nil)
		if again.ID == runs[2].ID {
			t.Fatal("a restart reused the stopped run")
		}
		if n := countAudit(t, ta, thresholds.ActionShadowStop, "DONE"); n != 1 {
			t.Fatalf("%d shadow stops audited, want 1", n)
		}
		if n := countAudit(t, ta, thresholds.ActionShadowStart, "DONE"); n != 4 {
			t.Fatalf("%d shadow starts audited, want 4", n)
		}

		// The lists: newest first, by market and version, first bounded.
		var list struct{ ThresholdShadows []shadowJSON }
		decodeData(t, ta.gql(t, auth.Auditor, `query($v: ID) { thresholdShadows(market: "SE", versionId: $v, first: 10) { `+shadowFields+` } }`,
			map[string]any{"v": idOf(tight.ID)}), &list)
		if len(list.ThresholdShadows) != 2 || list.ThresholdShadows[0].ID != again.ID || !list.ThresholdShadows[0].Running || list.ThresholdShadows[1].Running {
			t.Fatalf("shadows of version %d: %+v", tight.ID, list.ThresholdShadows)
		}
		decodeData(t, ta.gql(t, auth.Analyst, `{ thresholdShadows(market: "DE") { id } }`, nil), &list)
		if len(list.ThresholdShadows) != 0 {
			t.Fatalf("DE shadows: %+v", list.ThresholdShadows)
		}
		wantError(t, ta.gql(t, auth.Analyst, `{ thresholdShadows(first: 101) { id } }`, nil), "INVALID", "first")
		wantError(t, ta.gql(t, auth.Analyst, `{ thresholdShadows(first: 0) { id } }`, nil), "INVALID", "first")
		var one struct{ ThresholdShadow shadowJSON }
		decodeData(t, ta.gql(t, auth.Auditor, `query($id: ID!) { thresholdShadow(id: $id) { `+shadowFields+` } }`, map[string]any{"id": runs[2].ID}), &one)
		if one.ThresholdShadow.ID != runs[2].ID || one.ThresholdShadow.Running {
			t.Fatalf("thresholdShadow: %+v", one.ThresholdShadow)
		}
		wantError(t, ta.gql(t, auth.Auditor, `{ thresholdShadow(id: "987654") { id } }`, nil), "NOT_FOUND", "")
		wantError(t, ta.gql(t, auth.Agent, `{ thresholdShadows { id } }`, nil), "FORBIDDEN", "")
	})
}

// TestShadowEnd: a run past its planned end evaluates no assessment, and EndDueShadows stops it
// at that end, as the system, with its audit event, leaving the others running. The console's
// clock (WithClock, which the lifecycle reads) runs an hour behind the assessments' real time, so
// that a planned end can lie ahead for the lifecycle yet behind for checkout.
func TestShadowEnd(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		var lag atomic.Int64
		lag.Store(int64(time.Hour))
		now := func() time.Time { return time.Now().Add(-time.Duration(lag.Load())) }
		ta := newTestApp(t, dialect, 20, WithClock(now))
		due := publishVersion(t, ta, "SE", cutoff(engine.BureauScore, 700))
		stays := publishVersion(t, ta, "SE", cutoff(engine.BureauScore, 400))
		dueEnd := now().Add(30 * time.Minute).UTC() // half an hour ago for checkout
		stayEnd := now().Add(2 * time.Hour).UTC()   // an hour ahead for checkout
		runDue, runStays := startShadow(t, ta, due, &dueEnd), startShadow(t, ta, stays, &stayEnd)

		a := ta.assess(t, shadowInputs("SE")[0], uniqueKey("end"))
		if d := readDecision(t, ta, a.DecisionID); len(d.Shadows) != 1 || d.Shadows[0].VersionID != idOf(stays.ID) {
			t.Fatalf("shadows evaluated %+v, want only version %d's", d.Shadows, stays.ID)
		}

		// Not due yet by the console's clock: nothing stops.
		if err := ta.Experiments.EndDueShadows(ctx); err != nil {
			t.Fatal(err)
		}
		if n := countAudit(t, ta, thresholds.ActionShadowStop, "DONE"); n != 0 {
			t.Fatalf("%d stops before the end", n)
		}
		lag.Store(0)
		if err := ta.Experiments.EndDueShadows(ctx); err != nil {
			t.Fatal(err)
		}
		if err := ta.Experiments.EndDueShadows(ctx); err != nil { // a second pass finds nothing due
			t.Fatal(err)
		}
		var out struct{ ThresholdShadows []shadowJSON }
		decodeData(t, ta.gql(t, auth.Auditor, `{ thresholdShadows(market: "SE") { `+shadowFields+` } }`, nil), &out)
		byID := map[string]shadowJSON{}
		for _, s := range out.ThresholdShadows {
			byID[s.ID] = s
		}
		ended, running := byID[runDue.ID], byID[runStays.ID]
		if ended.Running || ended.StoppedAt == nil || !ended.StoppedAt.Equal(dueEnd.Truncate(time.Microsecond)) ||
			ended.StoppedBy == nil || !strings.Contains(*ended.StoppedBy, "shadow-end") {
			t.Fatalf("the run past its end: %+v", ended)
		}
		if !running.Running || running.StoppedAt != nil {
			t.Fatalf("the run still ahead of its end: %+v", running)
		}
		if n := countAudit(t, ta, thresholds.ActionShadowStop, "DONE"); n != 1 {
			t.Fatalf("%d shadow stops audited, want 1", n)
		}
		db := ta.rawDB(t)
		var actor string
		if err := db.QueryRow(fmt.Sprintf("SELECT actor FROM audit_events WHERE action = '%s'", thresholds.ActionShadowStop)).Scan(&actor); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(actor, "shadow-end") {
			t.Errorf("stop recorded as %q, want the system's shadow-end", actor)
		}
	})
}

// splitRequestJSON is a ThresholdSplitRequest as the tests read it.
type splitRequestJSON struct {
	ID       string  `json:"id"`
	Market   string  `json:"market"`
	Percent  int     `json:"percent"`
	Status   string  `json:"status"`
	Author   string  `json:"author"`
	Reviewer *string `json:"reviewer"`
	Version  struct {
		Version struct {
			ID string `json:"id"`
		} `json:"version"`
	} `json:"version"`
}

const splitRequestFields = `id market percent status author reviewer version { version { id } }`

const requestSplitMutation = `mutation($v: ID!, $p: Int!, $why: String!) { requestThresholdSplit(versionId: $v, percent: $p, rationale: $why) { ` +
	splitRequestFields + ` } }`

const approveSplitMutation = `mutation($id: ID!) { approveThresholdSplitRequest(id: $id, comment: "fine") { ` + splitRequestFields + ` } }`

// TestChallengerSplitAPI: a challenger decides for its share of a market's shoppers only once a
// second person approves the request; each shopper meets one arm for as long as the split lasts
// (and stays in the challenger's arm when the share grows); each decision records its arm and
// the version that decided; the explorer, the export and the decline rates work by arm; every
// step is audited.
func TestChallengerSplitAPI(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		ta := newTestApp(t, dialect, 20)
		e := newFieldEnv(t, ta)
		secondApprover := e.signIn(t, auth.Approver)
		active, err := ta.Thresholds.Active("SE", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		challenger := publishVersion(t, ta, "SE", cutoff(engine.BureauScore, 700))
		start := time.Now().UTC().Truncate(time.Hour)
		// A bureau score the version in force approves and the challenger declines, so that the
		// deciding set shows in the outcome too.
		shopper := func(id string) map[string]any {
			return purchaseInput("SE", 800, func(in, v map[string]any) { in["shopperId"], v["bureauScore"] = id, 650.0 })
		}
		vid := idOf(challenger.ID)

		// Bad requests are refused, naming the field; nothing is written.
		for _, c := range []struct {
			vars  map[string]any
			field string
		}{
			{map[string]any{"v": vid, "p": 51, "why": "more"}, "percent"},
			{map[string]any{"v": vid, "p": -1, "why": "less"}, "percent"},
			{map[string]any{"v": vid, "p": 10, "why": "  "}, "rationale"},
			{map[string]any{"v": idOf(active.ID), "p": 10, "why": "in force"}, "versionId"},
			{map[string]any{"v": "abc", "p": 10, "why": "bad id"}, "versionId"},
		} {
			wantError(t, ta.post(t, auth.Analyst, requestSplitMutation, c.vars), "INVALID", c.field)
		}
		wantError(t, ta.post(t, auth.Auditor, requestSplitMutation, map[string]any{"v": vid, "p": 10, "why": "x"}), "FORBIDDEN", "")

		// A request does nothing until a second person approves it.
		var req splitRequestJSON
		thresholdCall(t, ta, auth.Approver, requestSplitMutation, map[string]any{"v": vid, "p": 10, "why": "try the stricter set"}, "requestThresholdSplit", "", &req)
		if req.Status != "SUBMITTED" || req.Percent != 10 || req.Market != "SE" || req.Version.Version.ID != vid {
			t.Fatalf("request %+v", req)
		}
		pending := ta.assess(t, shopper("s-pending"), uniqueKey("pending"))
		if d := readDecision(t, ta, pending.DecisionID); d.Arm != nil || d.ThresholdVersion.ID != idOf(active.ID) {
			t.Fatalf("a decision while the request waits: %+v", d)
		}
		// Its author may not approve it (refused and audited as DENIED), an analyst may not at all.
		wantError(t, ta.post(t, auth.Approver, approveSplitMutation, map[string]any{"id": req.ID}), "FORBIDDEN", "")
		if n := countAudit(t, ta, thresholds.ActionSplitApprove, "DENIED"); n != 1 {
			t.Fatalf("%d denied approvals audited, want 1", n)
		}
		wantError(t, ta.post(t, auth.Analyst, approveSplitMutation, map[string]any{"id": req.ID}), "FORBIDDEN", "")
		var split struct{ ThresholdSplits []struct{ ID string } }
		decodeData(t, ta.gql(t, auth.Auditor, `{ thresholdSplits(market: "SE") { id } }`, nil), &split)
		if len(split.ThresholdSplits) != 0 {
			t.Fatalf("a split started without approval: %+v", split)
		}

		// A second person approves: the split runs at once.
		r, _ := e.send(t, secondApprover, approveSplitMutation, map[string]any{"id": req.ID})
		var approved struct{ ApproveThresholdSplitRequest splitRequestJSON }
		decodeData(t, r, &approved)
		if a := approved.ApproveThresholdSplitRequest; a.Status != "APPROVED" || a.Reviewer == nil || *a.Reviewer == a.Author {
			t.Fatalf("approved request %+v", a)
		}
		wantError(t, ta.post(t, auth.Approver, approveSplitMutation, map[string]any{"id": req.ID}), "CONFLICT", "") // decided already

		const shoppers = 300
		ids := make([]string, shoppers)
		for i := range shoppers {
			ids[i] = fmt.Sprintf("s-split-%03d", i)
			ta.assess(t, shopper(ids[i]), uniqueKey("split"))
		}
		for _, id := range ids[:60] { // again: the same arm
			ta.assess(t, shopper(id), uniqueKey("again"))
		}
		armOf := map[string]string{}
		counts := map[string]int{}
		declines := map[string]int{}
		for _, d := range listDecisions(t, ta, map[string]any{"market": "SE", "from": start}) {
			if !strings.HasPrefix(d.ShopperID, "s-split-") {
				continue
			}
			if d.Arm == nil {
				t.Fatalf("decision %s under a split has no arm", d.ID)
			}
			arm := *d.Arm
			if prev, ok := armOf[d.ShopperID]; ok && prev != arm {
				t.Fatalf("shopper %s met both arms", d.ShopperID)
			}
			armOf[d.ShopperID] = arm
			counts[arm]++
			if d.Outcome == "DECLINED" {
				declines[arm]++
			}
			wantVersion, wantOutcome := idOf(active.ID), "APPROVED"
			if arm == "CHALLENGER" {
				wantVersion, wantOutcome = vid, "DECLINED"
			}
			if d.ThresholdVersion.ID != wantVersion || d.Outcome != wantOutcome {
				t.Fatalf("%s decision %+v: want version %s, %s", arm, d, wantVersion, wantOutcome)
			}
			if want := map[bool]string{true: "CHALLENGER", false: "CHAMPION"}[thresholds.SplitBucket("SE", challenger.ID, d.ShopperID) < 10]; arm != want {
				t.Fatalf("shopper %s in %s, its bucket says %s", d.ShopperID, arm, want)
			}
		}
		if len(armOf) != shoppers || counts["CHAMPION"]+counts["CHALLENGER"] != shoppers+60 {
			t.Fatalf("%d shoppers, counts %v", len(armOf), counts)
		}
		inChallenger := 0
		for _, arm := range armOf {
			if arm == "CHALLENGER" {
				inChallenger++
			}
		}
		if inChallenger < shoppers*10/100/2 || inChallenger > shoppers*10/100*2 {
			t.Fatalf("%d of %d shoppers in the challenger's arm at 10 %%", inChallenger, shoppers)
		}

		// The explorer and the export by arm.
		challengerOnly := listDecisions(t, ta, map[string]any{"market": "SE", "from": start, "arm": "CHALLENGER"})
		if len(challengerOnly) != counts["CHALLENGER"] {
			t.Fatalf("explorer lists %d challenger decisions, want %d", len(challengerOnly), counts["CHALLENGER"])
		}
		for _, d := range challengerOnly {
			if d.Arm == nil || *d.Arm != "CHALLENGER" {
				t.Fatalf("arm filter let %+v through", d)
			}
		}
		var exp struct{ ExportDecisions struct{ URL string } }
		decodeData(t, ta.gql(t, auth.Auditor, `query($f: DecisionFilter) { exportDecisions(filter: $f) { url } }`,
			map[string]any{"f": map[string]any{"market": "SE", "from": start, "arm": "CHALLENGER"}}), &exp)
		u, err := url.Parse(exp.ExportDecisions.URL)
		if err != nil || u.Query().Get("arm") != "CHALLENGER" {
			t.Fatalf("export url %q", exp.ExportDecisions.URL)
		}
		resp, body := exportGet(t, ta, auth.Auditor, u.RawQuery)
		if resp.StatusCode != 200 {
			t.Fatalf("export: %d %s", resp.StatusCode, body)
		}
		rows := parseExport(t, body)
		if len(rows) != counts["CHALLENGER"] {
			t.Fatalf("export has %d rows, want %d", len(rows), counts["CHALLENGER"])
		}
		for _, row := range rows {
			if row["arm"] != "CHALLENGER" || row["threshold_version_id"] != vid || row["shadow_results"] != "" {
				t.Fatalf("exported row %v", row)
			}
		}
		if resp, body := exportGet(t, ta, auth.Auditor, "arm=BOTH"); resp.StatusCode != 400 || !strings.Contains(string(body), "arm") {
			t.Fatalf("bad arm parameter: %d %s", resp.StatusCode, body)
		}

		// Decline rates by arm, from the rollups and from the decisions alike.
		if err := ta.Analytics.Advance(ctx); err != nil {
			t.Fatal(err)
		}
		rateFilter := map[string]any{"from": start, "to": start.Add(2 * time.Hour), "market": "SE"}
		for _, f := range []map[string]any{rateFilter, withKey(rateFilter, "minAmount", 0.0)} {
			var rates struct {
				DeclineRates struct {
					Source string
					Series []struct {
						Arm      *string
						Assessed int
						Declined int
					}
				}
			}
			decodeData(t, ta.gql(t, auth.Auditor, `query($f: AnalyticsFilter!) { declineRates(filter: $f, groupBy: [ARM], bucket: DAY) {
				source series { arm assessed declined } } }`, map[string]any{"f": f}), &rates)
			got := map[string][2]int{}
			for _, s := range rates.DeclineRates.Series {
				key := "none"
				if s.Arm != nil {
					key = *s.Arm
				}
				got[key] = [2]int{s.Assessed, s.Declined}
			}
			for _, arm := range []string{"CHAMPION", "CHALLENGER"} {
				if got[arm] != [2]int{counts[arm], declines[arm]} {
					t.Errorf("%s: %s rates %v, want %d assessed, %d declined", rates.DeclineRates.Source, arm, got[arm], counts[arm], declines[arm])
				}
			}
			// The arm as a filter gives the same numbers.
			var filtered struct {
				DeclineRates struct {
					Series []struct{ Assessed, Declined int }
				}
			}
			decodeData(t, ta.gql(t, auth.Auditor, `query($f: AnalyticsFilter!) { declineRates(filter: $f, bucket: DAY) { series { assessed declined } } }`,
				map[string]any{"f": withKey(f, "arm", "CHALLENGER")}), &filtered)
			if s := filtered.DeclineRates.Series; len(s) != 1 || s[0].Assessed != counts["CHALLENGER"] || s[0].Declined != declines["CHALLENGER"] {
				t.Errorf("%s: challenger-filtered rates %+v", rates.DeclineRates.Source, s)
			}
		}

		// Growing the share to 20 % keeps the challenger's shoppers in its arm.
		var grow splitRequestJSON
		thresholdCall(t, ta, auth.Analyst, requestSplitMutation, map[string]any{"v": vid, "p": 20, "why": "more shoppers"}, "requestThresholdSplit", "", &grow)
		thresholdCall(t, ta, auth.Approver, approveSplitMutation, map[string]any{"id": grow.ID}, "approveThresholdSplitRequest", "", nil)
		for id, arm := range armOf {
			if arm != "CHALLENGER" {
				continue
			}
			a := ta.assess(t, shopper(id), uniqueKey("grown"))
			if d := readDecision(t, ta, a.DecisionID); d.Arm == nil || *d.Arm != "CHALLENGER" || d.ThresholdVersion.ID != vid {
				t.Fatalf("shopper %s left the challenger's arm at 20 %%: %+v", id, d)
			}
		}
		var splits struct {
			ThresholdSplits []struct {
				ID        string
				Percent   int
				Running   bool
				RequestID *string
				EndedAt   *time.Time
			}
		}
		decodeData(t, ta.gql(t, auth.Auditor, `{ thresholdSplits(market: "SE", first: 10) { id percent running requestId endedAt } }`, nil), &splits)
		if s := splits.ThresholdSplits; len(s) != 2 || s[0].Percent != 20 || !s[0].Running || s[0].RequestID == nil || *s[0].RequestID != grow.ID ||
			s[1].Percent != 10 || s[1].Running || s[1].EndedAt == nil {
			t.Fatalf("split periods %+v", s)
		}

		// A rejection needs a comment and changes nothing; the list pages by cursor.
		var rejected splitRequestJSON
		thresholdCall(t, ta, auth.Analyst, requestSplitMutation, map[string]any{"v": vid, "p": 50, "why": "half"}, "requestThresholdSplit", "", &rejected)
		reject := `mutation($id: ID!, $c: String!) { rejectThresholdSplitRequest(id: $id, comment: $c) { ` + splitRequestFields + ` } }`
		wantError(t, ta.post(t, auth.Approver, reject, map[string]any{"id": rejected.ID, "c": ""}), "INVALID", "comment")
		thresholdCall(t, ta, auth.Approver, reject, map[string]any{"id": rejected.ID, "c": "too many"}, "rejectThresholdSplitRequest", "", &rejected)
		if rejected.Status != "REJECTED" {
			t.Fatalf("rejected request %+v", rejected)
		}
		var page struct {
			ThresholdSplitRequests struct {
				Nodes    []splitRequestJSON
				PageInfo struct {
					HasNextPage bool
					EndCursor   *string
				}
			}
		}
		pageQuery := `query($after: String, $s: ThresholdDraftStatus) { thresholdSplitRequests(market: "SE", status: $s, first: 2, after: $after) {
			nodes { ` + splitRequestFields + ` } pageInfo { hasNextPage endCursor } } }`
		decodeData(t, ta.gql(t, auth.Auditor, pageQuery, nil), &page)
		if n := page.ThresholdSplitRequests.Nodes; len(n) != 2 || n[0].ID != rejected.ID || n[1].ID != grow.ID || !page.ThresholdSplitRequests.PageInfo.HasNextPage {
			t.Fatalf("first page %+v", page.ThresholdSplitRequests)
		}
		decodeData(t, ta.gql(t, auth.Auditor, pageQuery, map[string]any{"after": page.ThresholdSplitRequests.PageInfo.EndCursor}), &page)
		if n := page.ThresholdSplitRequests.Nodes; len(n) != 1 || n[0].ID != req.ID || page.ThresholdSplitRequests.PageInfo.HasNextPage {
			t.Fatalf("second page %+v", page.ThresholdSplitRequests)
		}
		decodeData(t, ta.gql(t, auth.Auditor, pageQuery, map[string]any{"s": "REJECTED"}), &page)
		if n := page.ThresholdSplitRequests.Nodes; len(n) != 1 || n[0].ID != rejected.ID {
			t.Fatalf("rejected requests %+v", n)
		}
		wantError(t, ta.gql(t, auth.Auditor, pageQuery, map[string]any{"after": "bogus"}), "INVALID", "after")

		// Stopping ends the split: every shopper meets the version in force again.
		stop := `mutation($m: String!) { stopThresholdSplit(market: $m) { id running endedBy percent } }`
		wantError(t, ta.post(t, auth.Approver, stop, map[string]any{"m": "XX"}), "INVALID", "market")
		wantError(t, ta.post(t, auth.Analyst, stop, map[string]any{"m": "SE"}), "FORBIDDEN", "")
		var stopped struct {
			ID      string
			Running bool
			EndedBy *string
			Percent int
		}
		thresholdCall(t, ta, auth.Approver, stop, map[string]any{"m": "SE"}, "stopThresholdSplit", "", &stopped)
		if stopped.Running || stopped.EndedBy == nil || stopped.Percent != 20 {
			t.Fatalf("stopped split %+v", stopped)
		}
		thresholdCall(t, ta, auth.Approver, stop, map[string]any{"m": "SE"}, "stopThresholdSplit", "CONFLICT", nil)
		for id, arm := range armOf {
			if arm != "CHALLENGER" {
				continue
			}
			a := ta.assess(t, shopper(id), uniqueKey("after"))
			if d := readDecision(t, ta, a.DecisionID); d.Arm != nil || d.ThresholdVersion.ID != idOf(active.ID) || d.Outcome != "APPROVED" {
				t.Fatalf("after the split: %+v", d)
			}
			break
		}

		// A request for 0 % ends the split once approved; with no split running, its approval
		// is refused and nothing changes.
		var none, again, end splitRequestJSON
		thresholdCall(t, ta, auth.Analyst, requestSplitMutation, map[string]any{"v": vid, "p": 0, "why": "nothing runs"}, "requestThresholdSplit", "", &none)
		thresholdCall(t, ta, auth.Approver, approveSplitMutation, map[string]any{"id": none.ID}, "approveThresholdSplitRequest", "CONFLICT", nil)
		thresholdCall(t, ta, auth.Analyst, requestSplitMutation, map[string]any{"v": vid, "p": 10, "why": "again"}, "requestThresholdSplit", "", &again)
		thresholdCall(t, ta, auth.Approver, approveSplitMutation, map[string]any{"id": again.ID}, "approveThresholdSplitRequest", "", nil)
		thresholdCall(t, ta, auth.Analyst, requestSplitMutation, map[string]any{"v": vid, "p": 0, "why": "enough"}, "requestThresholdSplit", "", &end)
		thresholdCall(t, ta, auth.Approver, approveSplitMutation, map[string]any{"id": end.ID}, "approveThresholdSplitRequest", "", &end)
		decodeData(t, ta.gql(t, auth.Auditor, `{ thresholdSplits(market: "SE", first: 10) { id percent running requestId endedAt } }`, nil), &splits)
		if s := splits.ThresholdSplits; end.Status != "APPROVED" || len(s) != 3 || s[0].Running || s[0].Percent != 10 ||
			s[0].RequestID == nil || *s[0].RequestID != again.ID || s[0].EndedAt == nil {
			t.Fatalf("after a 0 %% request was approved: request %+v, split periods %+v", end, s)
		}
		for id, arm := range armOf {
			if arm != "CHALLENGER" {
				continue
			}
			a := ta.assess(t, shopper(id), uniqueKey("ended"))
			if d := readDecision(t, ta, a.DecisionID); d.Arm != nil || d.ThresholdVersion.ID != idOf(active.ID) {
				t.Fatalf("after a 0 %% split: %+v", d)
			}
			break
		}

		// Every step left its event.
		for action, want := range map[string]int{thresholds.ActionSplitRequest: 6, thresholds.ActionSplitApprove: 4,
			thresholds.ActionSplitReject: 1, thresholds.ActionSplitStop: 3} {
			if n := countAudit(t, ta, action, "DONE"); n != want {
				t.Errorf("%d %s events, want %d", n, action, want)
			}
		}
	})
}

// withKey returns a copy of m with k set to v.
func withKey(m map[string]any, k string, v any) map[string]any {
	out := make(map[string]any, len(m)+1)
	for key, val := range m {
		out[key] = val
	}
	out[k] = v
	return out
}
