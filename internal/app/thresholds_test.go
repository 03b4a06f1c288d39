package app

import (
	"context"
	"encoding/json"
	"hash/fnv"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"riskconsole/graph"
	"riskconsole/internal/approval"
	"riskconsole/internal/auth"
	"riskconsole/internal/engine"
)

// sampleDraft is a threshold draft prepared for a sample call, with ids as the API writes them.
type sampleDraft struct {
	id, baseVersionID, publishedVersionID string
	rules                                 []map[string]any // its rules as ThresholdRuleInput
}

// staffContext acts as the staff user name, who is none of the test app's tokens, so that drafts
// it writes can be reviewed by every token. Each name is a person of its own (its user id is
// derived from the name), so that one staff user may review what another wrote.
func staffContext(name string, roles ...auth.Role) context.Context {
	h := fnv.New32a()
	h.Write([]byte(name))
	id := 900000 + int64(h.Sum32()%100000)
	return auth.WithPrincipal(context.Background(), &auth.Principal{Kind: auth.UserKind, UserID: id, Name: name, Roles: roles})
}

// newDraft prepares an SE threshold draft, written by a staff analyst, in status DRAFT, SUBMITTED
// or APPROVED (then published as a version, reviewed by another staff approver).
func (e *fieldEnv) newDraft(tb testing.TB, status approval.Status) sampleDraft {
	tb.Helper()
	lc := e.ta.ThresholdLifecycle
	author, lead := staffContext("sample.analyst", auth.Analyst), staffContext("sample.lead", auth.Approver)
	d, err := lc.CreateDraft(author, "SE", 0)
	if err == nil && status != approval.StatusDraft {
		d, err = lc.SubmitDraft(author, d.ID, d.Revision, "sample change")
	}
	if err == nil && status == approval.StatusApproved {
		d, _, err = lc.ApproveDraft(lead, d.ID, "")
	}
	if err != nil {
		tb.Fatal(err)
	}
	out := sampleDraft{id: idOf(d.ID), baseVersionID: idOf(d.BaseVersionID), rules: ruleVars(&d.Set)}
	if d.PublishedVersionID != 0 {
		out.publishedVersionID = idOf(d.PublishedVersionID)
	}
	return out
}

func idOf(id int64) string { return strconv.FormatInt(id, 10) }

// ruleVars returns s as the rules argument of editThresholdDraft.
func ruleVars(s *engine.ThresholdSet) []map[string]any {
	out := make([]map[string]any, len(s.Rules))
	for i, r := range s.Rules {
		out[i] = map[string]any{"measuredValue": r.Measure.String(), "comparator": r.Comparator.String(),
			"cutoff": r.Cutoff, "enabled": r.Enabled}
	}
	return out
}

// draftJSON is a ThresholdDraft as the tests read it.
type draftJSON struct {
	ID                 string  `json:"id"`
	Status             string  `json:"status"`
	Revision           int     `json:"revision"`
	Author             string  `json:"author"`
	PublishedVersionID *string `json:"publishedVersionId"`
	Impact             *struct {
		Available bool   `json:"available"`
		Note      string `json:"note"`
	} `json:"impact"`
	Rules []struct {
		MeasuredValue string  `json:"measuredValue"`
		Comparator    string  `json:"comparator"`
		Cutoff        float64 `json:"cutoff"`
		Enabled       bool    `json:"enabled"`
	} `json:"rules"`
}

const draftFields = `id status revision author publishedVersionId impact { available note } rules { measuredValue comparator cutoff enabled }`

// thresholdCall posts query as role and decodes data.<field> into out (when not nil); it fails
// the test on errors unless wantCode names the error code expected, and returns the response.
func thresholdCall(tb testing.TB, ta *testApp, role auth.Role, query string, vars map[string]any, field, wantCode string, out any) *gqlResponse {
	tb.Helper()
	r := ta.post(tb, role, query, vars)
	if wantCode != "" {
		if r.code() != wantCode {
			tb.Fatalf("%s: want %s, got %s", field, wantCode, errorsJSON(r))
		}
		return r
	}
	if len(r.Errors) > 0 {
		tb.Fatalf("%s: %s", field, errorsJSON(r))
	}
	if out != nil {
		var data map[string]json.RawMessage
		if err := json.Unmarshal(r.Data, &data); err != nil {
			tb.Fatal(err)
		}
		if err := json.Unmarshal(data[field], out); err != nil {
			tb.Fatalf("%s: %v in %s", field, err, data[field])
		}
	}
	return r
}

// TestThresholdLifecycleAPI walks a change through the real handler on both databases: draft,
// stale edit, edit, submit, self-approval refused, rejection without comment refused,
// concurrent approvals (one wins), a scheduled activation that takes effect on time, and a
// second server on the same database that sees an activation once it refreshes.
func TestThresholdLifecycleAPI(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		var mu sync.Mutex
		clock := time.Now().UTC().Truncate(time.Second)
		now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
		ta := newTestApp(t, dialect, 20, WithClock(now))
		db := ta.rawDB(t)
		audits := func() int64 { return countRows(t, db, "audit_events") }

		var active struct {
			Status  string `json:"status"`
			Version struct {
				ID      string `json:"id"`
				Version int    `json:"version"`
			} `json:"version"`
		}
		thresholdCall(t, ta, auth.Analyst, `{ activeThresholdVersion(market: "SE") { status version { id version } } }`, nil,
			"activeThresholdVersion", "", &active)
		if active.Status != "ACTIVE" {
			t.Fatalf("active version status %q", active.Status)
		}

		// Create (by the ANALYST token) and edit with a stale revision, then a valid one.
		var d draftJSON
		n := audits()
		thresholdCall(t, ta, auth.Analyst, `mutation { createThresholdDraft(market: "SE") { `+draftFields+` } }`, nil,
			"createThresholdDraft", "", &d)
		if d.Status != "DRAFT" || d.Revision != 1 || audits()-n != 1 {
			t.Fatalf("created draft %+v, %d audit events", d, audits()-n)
		}
		rules := make([]map[string]any, len(d.Rules))
		for i, r := range d.Rules {
			rules[i] = map[string]any{"measuredValue": r.MeasuredValue, "comparator": r.Comparator, "cutoff": r.Cutoff, "enabled": r.Enabled}
		}
		rules[engine.BureauScore]["cutoff"] = 655.0
		edit := `mutation($id: ID!, $rev: Int!, $rules: [ThresholdRuleInput!]!) { editThresholdDraft(id: $id, revision: $rev, rules: $rules) { ` + draftFields + ` } }`
		thresholdCall(t, ta, auth.Analyst, edit, map[string]any{"id": d.ID, "rev": 1, "rules": rules}, "editThresholdDraft", "", &d)
		if d.Revision != 2 || d.Rules[engine.BureauScore].Cutoff != 655 {
			t.Fatalf("edited draft %+v", d)
		}
		n = audits()
		thresholdCall(t, ta, auth.Approver, edit, map[string]any{"id": d.ID, "rev": 1, "rules": rules}, "editThresholdDraft", graph.CodeConflict, nil)
		rules[3]["cutoff"] = -1.0
		r := thresholdCall(t, ta, auth.Analyst, edit, map[string]any{"id": d.ID, "rev": 2, "rules": rules}, "editThresholdDraft", graph.CodeInvalid, nil)
		if s := errorsJSON(r); !strings.Contains(s, "rules[3].cutoff") {
			t.Fatalf("validation error without its field path: %s", s)
		}
		rules[3]["cutoff"] = d.Rules[3].Cutoff
		if audits() != n {
			t.Fatalf("refused edits wrote %d audit events", audits()-n)
		}

		// Submit: a rationale is required; the impact is stored, marked unavailable.
		submit := `mutation($id: ID!, $why: String!) { submitThresholdDraft(id: $id, revision: 2, rationale: $why) { ` + draftFields + ` } }`
		thresholdCall(t, ta, auth.Analyst, submit, map[string]any{"id": d.ID, "why": " "}, "submitThresholdDraft", graph.CodeInvalid, nil)
		thresholdCall(t, ta, auth.Analyst, submit, map[string]any{"id": d.ID, "why": "fewer defaults"}, "submitThresholdDraft", "", &d)
		if d.Status != "SUBMITTED" || d.Impact == nil || d.Impact.Available || d.Impact.Note == "" {
			t.Fatalf("submitted draft %+v", d)
		}

		// Rejection needs a comment.
		reject := `mutation($id: ID!, $c: String!) { rejectThresholdDraft(id: $id, comment: $c) { ` + draftFields + ` } }`
		thresholdCall(t, ta, auth.Approver, reject, map[string]any{"id": d.ID, "c": "  "}, "rejectThresholdDraft", graph.CodeInvalid, nil)

		// Concurrent approvals by two different approvers: exactly one wins.
		approve := `mutation($id: ID!) { approveThresholdDraft(id: $id) { ` + draftFields + ` } }`
		const racers = 4
		var wg sync.WaitGroup
		codes := make([]string, racers)
		for i := range racers {
			wg.Go(func() {
				r := ta.post(t, auth.Approver, approve, map[string]any{"id": d.ID})
				codes[i] = r.code()
			})
		}
		wg.Wait()
		wins := 0
		for _, c := range codes {
			switch c {
			case "":
				wins++
			case graph.CodeConflict:
			default:
				t.Fatalf("approval race answered %q", c)
			}
		}
		if wins != 1 {
			t.Fatalf("%d approvals won, want exactly 1 (%v)", wins, codes)
		}
		var got draftJSON
		thresholdCall(t, ta, auth.Auditor, `query($id: ID!) { thresholdDraft(id: $id) { `+draftFields+` } }`, map[string]any{"id": d.ID},
			"thresholdDraft", "", &got)
		if got.Status != "APPROVED" || got.PublishedVersionID == nil {
			t.Fatalf("approved draft %+v", got)
		}
		v2 := *got.PublishedVersionID

		// Self-approval through the API: the APPROVER token drafts and submits, then approves.
		var own draftJSON
		thresholdCall(t, ta, auth.Approver, `mutation { createThresholdDraft(market: "SE") { `+draftFields+` } }`, nil, "createThresholdDraft", "", &own)
		thresholdCall(t, ta, auth.Approver, `mutation($id: ID!) { submitThresholdDraft(id: $id, revision: 1, rationale: "mine") { id } }`,
			map[string]any{"id": own.ID}, "submitThresholdDraft", "", nil)
		n = audits()
		thresholdCall(t, ta, auth.Approver, approve, map[string]any{"id": own.ID}, "approveThresholdDraft", graph.CodeForbidden, nil)
		var outcome string
		if err := db.QueryRow("SELECT outcome FROM audit_events WHERE action = 'threshold.approve' AND entity_id = '" + own.ID + "'").Scan(&outcome); err != nil ||
			audits()-n != 1 || outcome != "DENIED" {
			t.Fatalf("a refused self-approval wrote %d audit events (%q, %v), want one DENIED", audits()-n, outcome, err)
		}
		// ...and the database refuses it too.
		if _, err := db.Exec("UPDATE threshold_drafts SET status = 'REJECTED', reviewer = author, review_comment = 'x' WHERE id = " + own.ID); err == nil {
			t.Fatal("the database accepted a review by the author")
		}

		// Schedule v2 an hour ahead: nothing changes until then, then it is in force.
		at := clock.Add(time.Hour)
		n = audits()
		thresholdCall(t, ta, auth.Approver, `mutation($id: ID!, $at: Time!) { activateThresholdVersion(id: $id, at: $at) { id } }`,
			map[string]any{"id": v2, "at": at}, "activateThresholdVersion", "", nil)
		if audits()-n != 1 {
			t.Fatalf("activation wrote %d audit events, want 1", audits()-n)
		}
		versionStatus := func() string {
			var page struct {
				Nodes []struct {
					Status  string `json:"status"`
					Version struct {
						ID string `json:"id"`
					} `json:"version"`
				} `json:"nodes"`
			}
			thresholdCall(t, ta, auth.Auditor, `{ thresholdVersions(market: "SE", first: 100) { nodes { status version { id } } } }`, nil,
				"thresholdVersions", "", &page)
			for _, n := range page.Nodes {
				if n.Version.ID == v2 {
					return n.Status
				}
			}
			t.Fatalf("version %s not listed", v2)
			return ""
		}
		if s := versionStatus(); s != "SCHEDULED" {
			t.Fatalf("before its time v2 is %s, want SCHEDULED", s)
		}
		if v, _ := ta.Thresholds.Active("SE", at.Add(-time.Microsecond)); idOf(v.ID) != active.Version.ID {
			t.Fatalf("just before the scheduled time: active %d, want %s", v.ID, active.Version.ID)
		}
		if v, _ := ta.Thresholds.Active("SE", at); idOf(v.ID) != v2 || v.Set.Rules[engine.BureauScore].Cutoff != 655 {
			t.Fatalf("at the scheduled time: active %d, want %s", v.ID, v2)
		}
		mu.Lock()
		clock = at
		mu.Unlock()
		if s := versionStatus(); s != "ACTIVE" {
			t.Fatalf("at its time v2 is %s, want ACTIVE", s)
		}

		// A second server on the same database: it sees an emergency rollback made by the
		// first once it refreshes (the background poll runs every RefreshEvery, 1 s by default).
		other, err := Open(context.Background(), ta.Config, WithClock(now))
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		if err := other.Load(context.Background()); err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		clock = at.Add(time.Minute)
		mu.Unlock()
		var rb struct {
			Activation struct {
				Emergency bool `json:"emergency"`
			} `json:"activation"`
		}
		n = audits()
		thresholdCall(t, ta, auth.Approver, `mutation($v: ID!) { rollbackThresholdVersion(market: "SE", versionId: $v, emergency: true) { activation { emergency } } }`,
			map[string]any{"v": active.Version.ID}, "rollbackThresholdVersion", "", &rb)
		if !rb.Activation.Emergency || audits()-n != 1 {
			t.Fatalf("emergency rollback %+v, %d audit events", rb, audits()-n)
		}
		if v, _ := ta.Thresholds.Active("SE", now()); idOf(v.ID) != active.Version.ID {
			t.Fatalf("this server after rollback: active %d", v.ID)
		}
		if v, _ := other.Thresholds.Active("SE", now()); idOf(v.ID) != v2 {
			t.Fatalf("the other server before its refresh: active %d, want %s", v.ID, v2)
		}
		if err := other.Thresholds.Refresh(context.Background()); err != nil {
			t.Fatal(err)
		}
		if v, _ := other.Thresholds.Active("SE", now()); idOf(v.ID) != active.Version.ID {
			t.Fatalf("the other server after its refresh: active %d, want %s", v.ID, active.Version.ID)
		}

		// The diff between the two versions names the one changed rule.
		var diff []struct {
			MeasuredValue string  `json:"measuredValue"`
			OldCutoff     float64 `json:"oldCutoff"`
			NewCutoff     float64 `json:"newCutoff"`
		}
		thresholdCall(t, ta, auth.Auditor, `query($a: ID!, $b: ID!) { thresholdDiff(from: {versionId: $a}, to: {versionId: $b}) { measuredValue oldCutoff newCutoff } }`,
			map[string]any{"a": active.Version.ID, "b": v2}, "thresholdDiff", "", &diff)
		if len(diff) != 1 || diff[0].MeasuredValue != "BUREAU_SCORE" || diff[0].NewCutoff != 655 {
			t.Fatalf("diff %+v", diff)
		}
	})
}
