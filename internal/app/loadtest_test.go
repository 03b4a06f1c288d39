package app

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"riskconsole/graph"
	"riskconsole/internal/auth"
	"riskconsole/internal/loadtest"
)

// TestLoadTool runs the load tool for a short bounded run against the real handler on both
// databases, then checks its report, its ledger against the database, and that a tampered
// ledger fails the verification.
func TestLoadTool(t *testing.T) {
	hasDeclineRates := graph.NewExecutableSchema(graph.Config{}).Schema().Query.Fields.ForName("declineRates") != nil
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		ta := newTestApp(t, dialect, 500)
		if err := ta.WhatIf.Warm(ctx); err != nil {
			t.Fatal(err)
		}
		ledger := filepath.Join(t.TempDir(), "ledger.jsonl")
		cfg := loadtest.Config{
			URL: ta.Server.URL, ServiceToken: ta.Tokens[auth.Service], ReadToken: ta.Tokens[auth.Auditor],
			Mix:         map[string]int{loadtest.OpAssess: 80, loadtest.OpDecisions: 7, loadtest.OpDeclineRates: 6, loadtest.OpSimulate: 7},
			Concurrency: 8, Duration: 5 * time.Minute, Count: 400, // the count ends the run; the duration only bounds it, with room for a busy machine
			Replay: 0.2, Ledger: ledger, Seed: 3,
		}
		rep, err := loadtest.Run(ctx, cfg, ta.Server.Client())
		if err != nil {
			t.Fatal(err)
		}
		ops := map[string]loadtest.OpReport{}
		for _, o := range rep.Operations {
			ops[o.Op] = o
		}
		for _, op := range []string{loadtest.OpAssess, loadtest.OpReplay, loadtest.OpDecisions, loadtest.OpSimulate} {
			if o := ops[op]; o.OK == 0 || o.Errors != 0 || o.P50Ms <= 0 || o.P50Ms > o.P99Ms || o.P99Ms > o.MaxMs {
				t.Errorf("%s: %+v", op, o)
			}
		}
		// declineRates comes with the analytics; until the schema has it, each call must be
		// reported as the server's validation error, not crash the run.
		if o := ops[loadtest.OpDeclineRates]; hasDeclineRates && (o.OK == 0 || o.Errors != 0) ||
			!hasDeclineRates && (o.OK != 0 || o.Errors == 0 || len(o.ErrorKinds) != 1 || !strings.Contains(firstKey(o.ErrorKinds), "GRAPHQL_VALIDATION_FAILED")) {
			t.Errorf("declineRates (in the schema: %v): %+v", hasDeclineRates, o)
		}
		// A simulation the server's limit of heavy operations refused is counted as limited.
		started := rep.Total.OK + rep.Total.Errors + rep.Total.Limited - ops[loadtest.OpReplay].OK - ops[loadtest.OpReplay].Errors
		if started != int64(cfg.Count) {
			t.Errorf("operations started = %d, want the count %d", started, cfg.Count)
		}
		if b, err := json.Marshal(rep); err != nil || !strings.Contains(string(b), `"op":"assess"`) {
			t.Errorf("JSON report: %v %s", err, b)
		}

		entries, err := loadtest.ReadLedger(ledger)
		if err != nil {
			t.Fatal(err)
		}
		if int64(len(entries)) != ops[loadtest.OpAssess].OK || rep.Acknowledged != int64(len(entries)) {
			t.Fatalf("ledger has %d entries, report %d acknowledged and %d assessments", len(entries), rep.Acknowledged, ops[loadtest.OpAssess].OK)
		}
		v, err := loadtest.Verify(ctx, ta.Store, entries)
		if err != nil {
			t.Fatal(err)
		}
		if !v.OK() || v.Stored != len(entries) {
			t.Fatalf("verification: %+v", v)
		}
		// Replays stored nothing: the database holds the seed and one decision per entry.
		if n, err := ta.Store.CountDecisions(ctx); err != nil || n != int64(500+len(entries)) {
			t.Errorf("decisions stored = %d (%v), want %d", n, err, 500+len(entries))
		}

		// A ledger that does not match the database fails, naming each problem.
		bad := append([]loadtest.Entry(nil), entries...)
		bad[0].Reference = "AAA-AAA-AAA"
		bad[1].Key = "another-key"
		bad[2].DecisionID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
		bad = append(bad, entries[3])
		v, err = loadtest.Verify(ctx, ta.Store, bad)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"reference AAA-AAA-AAA acknowledged", "stored under another idempotency key than another-key",
			"acknowledged but not stored", "acknowledged twice in the ledger"}
		if v.OK() || v.ProblemCount != len(want) || v.Stored != len(entries)-3 {
			t.Errorf("tampered ledger: %+v", v)
		}
		for _, w := range want {
			if !strings.Contains(strings.Join(v.Problems, "\n"), w) {
				t.Errorf("tampered ledger: no problem %q in %q", w, v.Problems)
			}
		}

		// One ledger per run: an existing file is refused before anything is sent.
		if _, err := loadtest.Run(ctx, cfg, ta.Server.Client()); err == nil || !strings.Contains(err.Error(), "ledger") {
			t.Errorf("run onto an existing ledger: %v", err)
		}
	})
}

// TestLoadToolErrors checks that a run with a refused token reports each failure under its
// operation instead of stopping, and that the ledger then stays empty.
func TestLoadToolErrors(t *testing.T) {
	ta := newTestApp(t, "sqlite", 0)
	ledger := filepath.Join(t.TempDir(), "ledger.jsonl")
	rep, err := loadtest.Run(context.Background(), loadtest.Config{
		URL: ta.Server.URL, ServiceToken: ta.Tokens[auth.Auditor], ReadToken: ta.Tokens[auth.Service],
		Mix:         map[string]int{loadtest.OpAssess: 1, loadtest.OpDecisions: 1},
		Concurrency: 2, Duration: 10 * time.Second, Count: 20, Ledger: ledger,
	}, ta.Server.Client())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Total.OK != 0 || rep.Total.Errors != 20 || len(rep.Operations) != 2 {
		t.Fatalf("report: %+v", rep)
	}
	for _, o := range rep.Operations {
		if len(o.ErrorKinds) != 1 || !strings.HasPrefix(firstKey(o.ErrorKinds), "FORBIDDEN: ") {
			t.Errorf("%s errors: %v", o.Op, o.ErrorKinds)
		}
	}
	if b, err := os.ReadFile(ledger); err != nil || len(b) != 0 {
		t.Errorf("ledger after a run without acknowledgements: %q, %v", b, err)
	}
}

func firstKey(m map[string]int64) string {
	for k := range m {
		return k
	}
	return ""
}

// TestLoadToolHeavyAndFlood runs the load tool's heavy readers and anonymous flood beside a few
// assessments: every heavy operation answers or is limited, never fails; every flood request is
// refused field by field; and the flood writes no audit event while it runs (the exports write
// theirs).
func TestLoadToolHeavyAndFlood(t *testing.T) {
	ctx := context.Background()
	ta := newTestApp(t, "sqlite", 500)
	if err := ta.WhatIf.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	denials := func() int64 {
		var n int64
		if err := ta.rawDB(t).QueryRow("SELECT count(*) FROM audit_events WHERE action = 'access.denied'").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := denials()
	rep, err := loadtest.Run(ctx, loadtest.Config{
		URL: ta.Server.URL, ServiceToken: ta.Tokens[auth.Service], AuditToken: ta.Tokens[auth.Auditor],
		Mix: map[string]int{loadtest.OpAssess: 1}, Concurrency: 1, Duration: 4 * time.Second, Seed: 5,
		Ledger: filepath.Join(t.TempDir(), "ledger.jsonl"), HeavyReaders: 5, Flood: 2,
	}, ta.Server.Client())
	if err != nil {
		t.Fatal(err)
	}
	ops := map[string]loadtest.OpReport{}
	for _, o := range rep.Operations {
		ops[o.Op] = o
	}
	for _, op := range []string{loadtest.OpAssess, loadtest.OpVerifyChain, loadtest.OpExport, loadtest.OpHeavySim,
		loadtest.OpSensitivity, loadtest.OpRawRates, loadtest.OpFlood} {
		if o := ops[op]; o.OK+o.Limited == 0 || o.Errors != 0 {
			t.Errorf("%s: %+v", op, o)
		}
	}
	if rep.HeavyReaders != 5 || rep.Flood != 2 || ops[loadtest.OpFlood].OK == 0 {
		t.Errorf("report: %+v", rep)
	}
	if n := denials() - before; n != 0 {
		t.Errorf("the flood wrote %d access.denied events while it ran, want none (counted per minute)", n)
	}
}
