package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"riskconsole/internal/audit"
	"riskconsole/internal/auditlog"
	"riskconsole/internal/auth"
	"riskconsole/internal/testdb"
)

// The audit chain and the decisions need a secret the database does not hold: the owner of the
// tables (or a superuser), who can disable the triggers, still cannot rewrite history unseen. Each
// attack here succeeded, unseen by verifyAuditChain, before the chain was keyed and checkpointed
// and the decisions sealed.

const verifyFullQuery = `{ verifyAuditChain { ok checked firstBrokenEventId reason keyed checkpointEventId } }`

type apiFullVerification struct {
	VerifyAuditChain struct {
		OK                 bool    `json:"ok"`
		Checked            int64   `json:"checked"`
		FirstBrokenEventID *string `json:"firstBrokenEventId"`
		Reason             *string `json:"reason"`
		Keyed              int64   `json:"keyed"`
		CheckpointEventID  *string `json:"checkpointEventId"`
	} `json:"verifyAuditChain"`
}

// verifyChain runs verifyAuditChain as the auditor.
func (ta *testApp) verifyChain(tb testing.TB) apiFullVerification {
	tb.Helper()
	var v apiFullVerification
	decodeData(tb, ta.gql(tb, auth.Auditor, verifyFullQuery, nil), &v)
	return v
}

// ownerExec runs statements on the test app's database as the tables' owner, as an insider
// with the owner's password would; on SQLite "$1" placeholders become "?".
func (ta *testApp) ownerExec(tb testing.TB, stmt string, args ...any) {
	tb.Helper()
	if ta.Config.DatabaseURL == "" {
		for i := len(args); i >= 1; i-- {
			stmt = strings.ReplaceAll(stmt, "$"+strconv.Itoa(i), "?")
		}
	}
	if _, err := ta.rawDB(tb).Exec(stmt, args...); err != nil {
		tb.Fatalf("%s: %v", stmt, err)
	}
}

// disableAppendOnly removes what refuses UPDATE and DELETE on table, as its owner can.
func (ta *testApp) disableAppendOnly(tb testing.TB, table string) {
	tb.Helper()
	if ta.Config.DatabaseURL != "" {
		ta.ownerExec(tb, "ALTER TABLE "+table+" DISABLE TRIGGER USER")
		return
	}
	ta.ownerExec(tb, "DROP TRIGGER "+table+"_no_update")
	ta.ownerExec(tb, "DROP TRIGGER "+table+"_no_delete")
}

// allEvents returns every audit event, oldest first.
func (ta *testApp) allEvents(tb testing.TB) []audit.Event {
	tb.Helper()
	var out []audit.Event
	after := ""
	for {
		page, err := ta.Audit.List(context.Background(), auditlog.Filter{}, 100, after)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, page.Items...)
		if !page.HasNext {
			break
		}
		after = auditlog.EncodeCursor(&page.Items[len(page.Items)-1])
	}
	slices.SortFunc(out, func(a, b audit.Event) int { return int(a.ID - b.ID) })
	return out
}

// refusals makes n refused calls, each writing one audit event.
func (ta *testApp) refusals(tb testing.TB, n int) {
	tb.Helper()
	for range n {
		if r := ta.gql(tb, auth.Agent, verifyQuery, nil); r.code() != "FORBIDDEN" {
			tb.Fatalf("code %q, want FORBIDDEN", r.code())
		}
	}
}

func TestAuditChainNeedsTheKey(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		t.Run("intact", func(t *testing.T) {
			ta := newTestApp(t, dialect, 20)
			ta.refusals(t, 3)
			if _, err := ta.Audit.Checkpoint(ctx); err != nil {
				t.Fatal(err)
			}
			ta.refusals(t, 3)
			v := ta.verifyChain(t).VerifyAuditChain
			if !v.OK || v.Checked == 0 || v.Keyed != v.Checked || v.CheckpointEventID == nil || v.Reason != nil {
				t.Fatalf("verification %+v: want ok, every event keyed, against a checkpoint", v)
			}
			for _, e := range ta.allEvents(t) {
				if e.KeyID == "" || e.Hash == audit.Chain(e.PrevHash, &e) {
					t.Fatalf("event %d has a plain SHA-256 hash", e.ID)
				}
			}
		})

		// The attack of the issue: delete an event, then recompute the chain after it. Without
		// the key the owner can only write plain hashes.
		t.Run("an event removed and the chain recomputed", func(t *testing.T) {
			ta := newTestApp(t, dialect, 20)
			ta.refusals(t, 8)
			events := ta.allEvents(t)
			ta.disableAppendOnly(t, "audit_events")
			i := len(events) - 5
			ta.ownerExec(t, "DELETE FROM audit_events WHERE id = $1", events[i].ID)
			prev := events[i-1].Hash
			for _, e := range events[i+1:] {
				e.Seal(nil, prev) // the plain SHA-256 anyone can compute
				ta.ownerExec(t, "UPDATE audit_events SET prev_hash = $1, hash = $2, key_id = '' WHERE id = $3", e.PrevHash, e.Hash, e.ID)
				prev = e.Hash
			}
			v := ta.verifyChain(t).VerifyAuditChain
			if v.OK || v.FirstBrokenEventID == nil || *v.FirstBrokenEventID != strconv.FormatInt(events[i+1].ID, 10) ||
				v.Reason == nil || *v.Reason != auditlog.ReasonUnkeyed {
				t.Fatalf("verification %+v, want broken at %d: %s", v, events[i+1].ID, auditlog.ReasonUnkeyed)
			}
		})

		t.Run("an event changed and re-hashed keeps no valid MAC", func(t *testing.T) {
			ta := newTestApp(t, dialect, 20)
			ta.refusals(t, 4)
			events := ta.allEvents(t)
			ta.disableAppendOnly(t, "audit_events")
			e := events[len(events)-2]
			e.Actor = "someone else"
			forged, err := audit.NewKey([]byte("a key the forger made up, 32 bytes long"))
			if err != nil {
				t.Fatal(err)
			}
			e.Seal(forged, e.PrevHash) // keyed, but not with the console's key
			ta.ownerExec(t, "UPDATE audit_events SET actor = $1, hash = $2, key_id = $3 WHERE id = $4", e.Actor, e.Hash, e.KeyID, e.ID)
			v := ta.verifyChain(t).VerifyAuditChain
			if v.OK || v.FirstBrokenEventID == nil || *v.FirstBrokenEventID != strconv.FormatInt(e.ID, 10) {
				t.Fatalf("verification %+v, want broken at %d", v, e.ID)
			}
		})

		// The chain alone cannot show events removed from its end; the checkpoint can.
		t.Run("the newest events removed", func(t *testing.T) {
			ta := newTestApp(t, dialect, 20)
			ta.refusals(t, 5)
			if _, err := ta.Audit.Checkpoint(ctx); err != nil {
				t.Fatal(err)
			}
			key, err := audit.NewKey([]byte(testAuditKey))
			if err != nil {
				t.Fatal(err)
			}
			cps := auditlog.NewCheckpointFile(ta.Config.AuditCheckpointPath(), key)
			cp, err := cps.Read()
			if err != nil || cp == nil {
				t.Fatalf("checkpoint %+v, %v", cp, err)
			}
			if fi, err := os.Stat(cps.Path()); err != nil || fi.Mode().Perm() != 0o600 {
				t.Errorf("checkpoint file %v, %v: want mode 0600", fi, err)
			}
			saved, err := os.ReadFile(cps.Path())
			if err != nil {
				t.Fatal(err)
			}
			ta.disableAppendOnly(t, "audit_events")
			ta.ownerExec(t, "DELETE FROM audit_events WHERE id > $1", cp.EventID-3)
			want := strconv.FormatInt(cp.EventID, 10)
			check := func(t *testing.T) {
				t.Helper()
				v := ta.verifyChain(t).VerifyAuditChain
				if v.OK || v.FirstBrokenEventID == nil || *v.FirstBrokenEventID != want || v.Reason == nil || *v.Reason != auditlog.ReasonCheckpoint {
					t.Fatalf("verification %+v, want broken at the checkpoint's event %s: %s", v, want, auditlog.ReasonCheckpoint)
				}
			}
			check(t)
			// The next checkpoint does not record the shortened log as the truth.
			if _, err := ta.Audit.Checkpoint(ctx); !errors.Is(err, auditlog.ErrChainBroken) {
				t.Errorf("checkpoint after the removal: %v, want ErrChainBroken", err)
			}
			if now, err := os.ReadFile(cps.Path()); err != nil || string(now) != string(saved) {
				t.Errorf("checkpoint file changed to %s (%v)", now, err)
			}
			// New events chained to the shortened log do not hide it.
			ta.refusals(t, 4)
			check(t)

			// A checkpoint file that does not verify fails the check too.
			if err := os.WriteFile(cps.Path(), []byte(strings.Replace(string(saved), `"eventId":`+want, `"eventId":1`, 1)), 0o600); err != nil {
				t.Fatal(err)
			}
			v := ta.verifyChain(t).VerifyAuditChain
			if v.OK || v.Reason == nil || !strings.Contains(*v.Reason, "signature does not match") {
				t.Errorf("verification with a forged checkpoint %+v, want refused", v)
			}
		})
	})
}

const verifyDecisionsQuery = `{ verifyDecisions { ok checked unsealed firstBrokenDecisionId firstBrokenReference reason } }`

type apiSealVerification struct {
	VerifyDecisions struct {
		OK                    bool    `json:"ok"`
		Checked               int64   `json:"checked"`
		Unsealed              int64   `json:"unsealed"`
		FirstBrokenDecisionID *string `json:"firstBrokenDecisionId"`
		FirstBrokenReference  *string `json:"firstBrokenReference"`
		Reason                *string `json:"reason"`
	} `json:"verifyDecisions"`
}

// TestDecisionSeals: a stored decision changed behind the console's back, by the owner with the
// triggers disabled, is named by verifyDecisions, which only AUDITOR may run.
func TestDecisionSeals(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 50)
		declined := ta.assess(t, purchaseInput("US", 42, func(_, v map[string]any) { v["bureauScore"] = 300.0 }), uniqueKey("seal"))
		if declined.Outcome != "DECLINED" {
			t.Fatalf("outcome %s, want DECLINED", declined.Outcome)
		}
		verify := func(t *testing.T) apiSealVerification {
			t.Helper()
			var v apiSealVerification
			decodeData(t, ta.gql(t, auth.Auditor, verifyDecisionsQuery, nil), &v)
			return v
		}
		total := ta.countDecisions(t)
		if v := verify(t).VerifyDecisions; !v.OK || v.Checked != total || v.Unsealed != 0 || v.FirstBrokenDecisionID != nil || v.Reason != nil {
			t.Fatalf("intact: %s, want ok over %d sealed decisions", mustJSON(v), total)
		}
		for _, role := range []auth.Role{auth.Analyst, auth.Approver, auth.Agent, auth.Service, auth.Admin} {
			if r := ta.gql(t, role, verifyDecisionsQuery, nil); r.code() != "FORBIDDEN" {
				t.Errorf("%s: code %q, want FORBIDDEN", role, r.code())
			}
		}

		ta.disableAppendOnly(t, "decisions")
		var (
			seal, body, reasons string
			mask, amount        int64
		)
		if err := ta.rawDB(t).QueryRow(ta.placeholders("SELECT seal, message_body, reasons, reason_mask, amount_minor FROM decisions WHERE id = $1"),
			declined.DecisionID).Scan(&seal, &body, &reasons, &mask, &amount); err != nil {
			t.Fatal(err)
		}
		otherKey := "0123456789abcdef:" + strings.Repeat("0", 64)
		for _, tc := range []struct {
			name, set, reason string
			args              []any
		}{
			{"turned into an approval", "outcome = 'APPROVED', reasons = '', reason_mask = 0", auditlog.ReasonSealMismatch, nil},
			{"message rewritten", "message_body = $1", auditlog.ReasonSealMismatch, []any{body + " Nothing to see."}},
			{"amount changed", "amount_minor = amount_minor + 1", auditlog.ReasonSealMismatch, nil},
			{"seal removed", "seal = ''", auditlog.ReasonSealRemoved, nil},
			{"sealed with another key", "seal = $1", auditlog.ReasonSealOtherKey, []any{otherKey}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				args := append(slices.Clone(tc.args), declined.DecisionID)
				ta.ownerExec(t, fmt.Sprintf("UPDATE decisions SET %s WHERE id = $%d", tc.set, len(args)), args...)
				v := verify(t).VerifyDecisions
				if v.OK || v.FirstBrokenDecisionID == nil || *v.FirstBrokenDecisionID != declined.DecisionID ||
					v.FirstBrokenReference == nil || *v.FirstBrokenReference != declined.Reference || v.Reason == nil || *v.Reason != tc.reason {
					t.Errorf("verification %s, want decision %s (%s) broken: %s", mustJSON(v), declined.DecisionID, declined.Reference, tc.reason)
				}
				// Put the decision back as it was stored: the check passes again.
				ta.ownerExec(t, "UPDATE decisions SET outcome = 'DECLINED', reasons = $1, reason_mask = $2, message_body = $3, amount_minor = $4, seal = $5 WHERE id = $6",
					reasons, mask, body, amount, seal, declined.DecisionID)
				if v := verify(t).VerifyDecisions; !v.OK {
					t.Fatalf("after restoring the decision: %s", mustJSON(v))
				}
			})
		}
	})
}

// placeholders turns "$1" placeholders into SQLite's "?" when the app runs on SQLite.
func (ta *testApp) placeholders(stmt string) string {
	if ta.Config.DatabaseURL != "" {
		return stmt
	}
	for i := 9; i >= 1; i-- {
		stmt = strings.ReplaceAll(stmt, "$"+strconv.Itoa(i), "?")
	}
	return stmt
}

// TestAuditKeyConfig: PostgreSQL needs a key; the embedded demo keeps a generated one, private to
// its user, and uses the same key on the next start.
func TestAuditKeyConfig(t *testing.T) {
	ctx := context.Background()
	t.Run("postgres needs a key", func(t *testing.T) {
		cfg := testConfig(t)
		setRoles(&cfg, testdb.NewPostgresRoles(t))
		cfg.AuditKey = ""
		if _, err := Open(ctx, cfg, WithLogger(discardLogger())); err == nil || !strings.Contains(err.Error(), "AUDIT_KEY") {
			t.Errorf("Open without a key: %v; want a refusal naming AUDIT_KEY", err)
		}
		cfg.AuditKey = "too short"
		if _, err := Open(ctx, cfg, WithLogger(discardLogger())); err == nil || !strings.Contains(err.Error(), "at least 32 bytes") {
			t.Errorf("Open with a short key: %v", err)
		}
	})
	t.Run("the demo generates one", func(t *testing.T) {
		cfg := testConfig(t)
		cfg.AuditKey = ""
		ta := startTestApp(t, cfg, 10)
		fi, err := os.Stat(cfg.DemoAuditKeyPath())
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("demo key %v, %v: want a file of mode 0600", fi, err)
		}
		ta.refusals(t, 2)
		if _, err := ta.Audit.Checkpoint(ctx); err != nil {
			t.Fatal(err)
		}
		again, err := Open(ctx, cfg, WithLogger(discardLogger()))
		if err != nil {
			t.Fatal(err)
		}
		defer again.Close()
		v, err := again.Audit.Verify(ctx)
		if err != nil || !v.OK || v.Keyed == 0 || v.Checkpoint == nil {
			t.Fatalf("after a restart: %+v, %v; want the chain and checkpoint verified with the same key", v, err)
		}
	})
}

// mustJSON is v as JSON, for messages about structs with pointer fields.
func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
