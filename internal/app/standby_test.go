package app

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"riskconsole/internal/auth"
	"riskconsole/internal/store"
	"riskconsole/internal/testdb"
)

// standbyMaxLag is the tests' DATABASE_READ_MAX_LAG: long enough that a read right after a
// write on the primary reaches a paused standby within it on a busy machine, short enough to
// wait out.
const standbyMaxLag = 4 * time.Second

// standbyWait bounds every wait for the console to notice a change of the standby (2 shared
// cores, other suites running).
const standbyWait = 60 * time.Second

// TestReadStandby runs a console on a server of the test's own with a real streaming standby
// (DATABASE_READ_URL) and checks through the real handler that the explorer, the CSV export and
// the audit log read the standby while it is within DATABASE_READ_MAX_LAG, that a look-up by id
// reads the primary, that analytics and the what-if warm-up read the standby too, that reads fall back to the primary while the standby lags past the bound
// or is gone, and come back when it is back, with /readyz and the metrics saying so.
//
// The evidence of where a read went is a marker: with the standby's replay paused, a decision
// assessed on the primary (a merchant id of its own) is missing from a read that the standby
// served and present in one the primary served.
func TestReadStandby(t *testing.T) {
	primary := testdb.NewServer(t)
	roles := testdb.NewDatabaseWithRoles(t, primary.URL())
	sb := testdb.NewStandby(t, primary)
	cfg := testConfig(t)
	setRoles(&cfg, roles)
	cfg.DatabaseReadURL = sb.Rehost(t, roles.App)
	cfg.DatabaseReadMaxLag = standbyMaxLag
	cfg.DatabaseReadCheckEvery = 100 * time.Millisecond
	ta := startTestApp(t, cfg, 60)

	// Created with the console: present before the first read of the test.
	_, body := scrape(t, ta.MetricsHandler(), "")
	for _, series := range []string{`riskconsole_reads_routed_total{target="primary"}`, `riskconsole_reads_routed_total{target="standby"}`,
		"riskconsole_read_standby_up", "riskconsole_read_standby_lag_seconds", "riskconsole_read_standby_in_use"} {
		if v := metricValue(t, body, series); v < 0 {
			t.Errorf("%s absent before the first read", series)
		}
	}
	sb.WaitReplayed(t)
	ta.waitReadTarget(t, "standby", "")

	t.Run("routing", func(t *testing.T) {
		sb.PauseReplay(t)
		defer sb.ResumeReplay(t)
		exportsBefore := ta.auditActionCount(t, "decisions.export")
		d := ta.assess(t, markerPurchase("m-standby-route"), uniqueKey("standby-route"))
		if n := ta.explorerCount(t, "m-standby-route"); n != 0 {
			t.Errorf("the explorer lists %d decisions of the marker while the standby's replay is paused: it read the primary", n)
		}
		if n := ta.exportCount(t, "m-standby-route"); n != 0 {
			t.Errorf("the export has %d rows of the marker while the standby's replay is paused: it read the primary", n)
		}
		// The export's audit event was written on the primary; the audit log's page is the standby's.
		if n := ta.auditActionCount(t, "decisions.export"); n != exportsBefore {
			t.Errorf("the audit log lists %d exports, want the standby's %d", n, exportsBefore)
		}
		if n := ta.analyticsCount(t, "m-standby-route"); n != 0 {
			t.Errorf("declineRates counts %d assessments of the marker while the standby's replay is paused: it read the primary", n)
		}
		// The what-if warm-up reads the standby: it loads every decision but the marker.
		if err := ta.WhatIf.Warm(store.WithStandbyReads(context.Background())); err != nil {
			t.Fatal(err)
		}
		if loaded, stored := ta.WhatIf.Status().Loaded, ta.countDecisions(t); loaded != stored-1 {
			t.Errorf("the what-if warm-up loaded %d decisions, want the standby's %d (the primary holds %d)", loaded, stored-1, stored)
		}
		// A look-up by id must see what was just written: the primary's.
		r := ta.gql(t, auth.Analyst, `query($id: ID!) { decision(id: $id) { id } }`, map[string]any{"id": d.DecisionID})
		var out struct{ Decision *struct{ ID string } }
		decodeData(t, r, &out)
		if out.Decision == nil || out.Decision.ID != d.DecisionID {
			t.Errorf("decision(id) did not find the decision just assessed: %s", r.Data)
		}
		_, body := scrape(t, ta.MetricsHandler(), "")
		if v := metricValue(t, body, `riskconsole_reads_routed_total{target="standby"}`); v < 3 {
			t.Errorf("reads_routed_total{target=standby} = %v after three routed reads", v)
		}
	})

	t.Run("lag", func(t *testing.T) {
		sb.WaitReplayed(t)
		ta.waitReadTarget(t, "standby", "")
		sb.PauseReplay(t)
		ta.assess(t, markerPurchase("m-standby-lag"), uniqueKey("standby-lag"))
		st := ta.waitReadTarget(t, "primary", "lagging")
		if !st.Up || st.LagSeconds <= standbyMaxLag.Seconds() || st.MaxLagSeconds != standbyMaxLag.Seconds() {
			t.Errorf("/readyz readStandby %+v: want up, lag past %v", st, standbyMaxLag)
		}
		if n := ta.explorerCount(t, "m-standby-lag"); n != 1 {
			t.Errorf("the explorer lists %d decisions of the marker while the standby lags: want the primary's 1", n)
		}
		if n := ta.analyticsCount(t, "m-standby-lag"); n != 1 {
			t.Errorf("declineRates counts %d assessments of the marker while the standby lags: want the primary's 1", n)
		}
		_, body := scrape(t, ta.MetricsHandler(), "")
		if v := metricValue(t, body, "riskconsole_read_standby_lag_seconds"); v <= standbyMaxLag.Seconds() {
			t.Errorf("read_standby_lag_seconds = %v while lagging", v)
		}
		if v := metricValue(t, body, "riskconsole_read_standby_in_use"); v != 0 {
			t.Errorf("read_standby_in_use = %v while lagging", v)
		}
		if v := metricValue(t, body, `riskconsole_reads_routed_total{target="primary"}`); v < 1 {
			t.Errorf("reads_routed_total{target=primary} = %v after a read while lagging", v)
		}
		sb.ResumeReplay(t)
		ta.waitReadTarget(t, "standby", "")
		ta.checkOnStandby(t, sb, "m-standby-lag-back")
	})

	t.Run("gone", func(t *testing.T) {
		sb.Stop(t)
		st := ta.waitReadTarget(t, "primary", "unreachable")
		if st.Up {
			t.Errorf("/readyz readStandby %+v: up while stopped", st)
		}
		if code, err := ta.readyz(); err != nil || code != http.StatusOK {
			t.Errorf("/readyz %d (%v) without the standby: want 200, reads go to the primary", code, err)
		}
		ta.assess(t, markerPurchase("m-standby-gone"), uniqueKey("standby-gone"))
		if n := ta.explorerCount(t, "m-standby-gone"); n != 1 {
			t.Errorf("the explorer lists %d decisions of the marker without the standby: want the primary's 1", n)
		}
		_, body := scrape(t, ta.MetricsHandler(), "")
		if v := metricValue(t, body, "riskconsole_read_standby_up"); v != 0 {
			t.Errorf("read_standby_up = %v while stopped", v)
		}
		sb.Start(t)
		sb.WaitReplayed(t)
		ta.waitReadTarget(t, "standby", "")
		_, body = scrape(t, ta.MetricsHandler(), "")
		if v := metricValue(t, body, "riskconsole_read_standby_up"); v != 1 {
			t.Errorf("read_standby_up = %v once back", v)
		}
		ta.checkOnStandby(t, sb, "m-standby-gone-back")
	})
}

// checkOnStandby shows that the explorer reads the standby: with its replay paused, a decision
// of merchant assessed on the primary is not listed; once replay resumes, it is.
func (ta *testApp) checkOnStandby(t *testing.T, sb *testdb.Standby, merchant string) {
	t.Helper()
	sb.PauseReplay(t)
	ta.assess(t, markerPurchase(merchant), uniqueKey(merchant))
	n := ta.explorerCount(t, merchant)
	sb.ResumeReplay(t)
	if n != 0 {
		t.Errorf("the explorer lists %d decisions of %s while the standby's replay is paused: it read the primary", n, merchant)
	}
	sb.WaitReplayed(t)
	if !waitFor(standbyWait, func() bool { return ta.explorerCount(t, merchant) == 1 }) {
		t.Errorf("the explorer never listed the decision of %s after the standby resumed", merchant)
	}
}

// markerPurchase is a purchase whose merchant id marks it.
func markerPurchase(merchant string) map[string]any {
	return purchaseInput("GB", 120, func(in, _ map[string]any) { in["merchant"].(map[string]any)["id"] = merchant })
}

// explorerCount returns how many decisions of merchant the explorer's first page lists.
func (ta *testApp) explorerCount(t *testing.T, merchant string) int {
	t.Helper()
	return len(fetchPage(t, ta, map[string]any{"merchantId": merchant}, "NEWEST_FIRST", 10, nil).Decisions.Nodes)
}

// analyticsCount returns how many assessments of merchant declineRates counts over the hours
// around now, from the decisions (an amount range is not answered from the rollups, which the
// test does not advance).
func (ta *testApp) analyticsCount(t *testing.T, merchant string) int64 {
	t.Helper()
	now := time.Now().UTC().Truncate(time.Hour)
	r := ta.declineRates(t, map[string]any{"f": map[string]any{"from": now.Add(-time.Hour), "to": now.Add(2 * time.Hour), "merchantId": merchant, "minAmount": 1},
		"b": "HOUR", "g": []string{}, "tz": "UTC"})
	var n int64
	for _, s := range r.Series {
		n += s.Assessed
	}
	return n
}

// exportCount returns how many rows of merchant the CSV export has.
func (ta *testApp) exportCount(t *testing.T, merchant string) int {
	t.Helper()
	resp, body := exportGet(t, ta, auth.Auditor, "merchantId="+merchant)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("export: %d %s", resp.StatusCode, body)
	}
	return len(parseExport(t, body))
}

// auditActionCount returns how many events of action the audit log's first page lists (at most 100).
func (ta *testApp) auditActionCount(t *testing.T, action string) int {
	t.Helper()
	var p apiAuditPage
	decodeData(t, ta.gql(t, auth.Auditor, auditEventsQuery, map[string]any{"filter": map[string]any{"action": action}, "first": 100}), &p)
	return len(p.AuditEvents.Nodes)
}

// readStandbyReport is /readyz's readStandby.
type readStandbyReport struct {
	Target        string  `json:"target"`
	Up            bool    `json:"up"`
	Reason        string  `json:"reason"`
	LagSeconds    float64 `json:"lagSeconds"`
	MaxLagSeconds float64 `json:"maxLagSeconds"`
}

// waitReadTarget waits until /readyz reports reads going to target for reason, and returns the
// report.
func (ta *testApp) waitReadTarget(t *testing.T, target, reason string) readStandbyReport {
	t.Helper()
	var last readStandbyReport
	ok := waitFor(standbyWait, func() bool {
		resp, err := ta.Server.Client().Get(ta.Server.URL + "/readyz")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		var body struct {
			ReadStandby *readStandbyReport `json:"readStandby"`
		}
		if json.NewDecoder(resp.Body).Decode(&body) != nil || body.ReadStandby == nil {
			return false
		}
		last = *body.ReadStandby
		return last.Target == target && last.Reason == reason
	})
	if !ok {
		t.Fatalf("/readyz never reported reads on %s (%q) within %v; last: %+v", target, reason, standbyWait, last)
	}
	return last
}

// TestReadStandbyConfig: DATABASE_READ_URL needs DATABASE_URL, and the lag bound and the check
// interval default to 5s and 1s and must be positive.
func TestReadStandbyConfig(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	pg := "postgres://x@db/x"
	cases := []struct {
		name          string
		vars          map[string]string
		args          []string
		maxLag, every time.Duration
		wantErr       bool
	}{
		{name: "defaults", vars: map[string]string{"DATABASE_URL": pg}, maxLag: 5 * time.Second, every: time.Second},
		{name: "set", vars: map[string]string{"DATABASE_URL": pg, "DATABASE_READ_URL": "postgres://x@standby/x",
			"DATABASE_READ_MAX_LAG": "30s", "DATABASE_READ_CHECK_EVERY": "250ms"}, maxLag: 30 * time.Second, every: 250 * time.Millisecond},
		{name: "by flag", vars: map[string]string{"DATABASE_URL": pg}, args: []string{"-database-read-url", "postgres://x@standby/x",
			"-database-read-max-lag", "2s"}, maxLag: 2 * time.Second, every: time.Second},
		{name: "a standby without DATABASE_URL", vars: map[string]string{"DATABASE_READ_URL": "postgres://x@standby/x"}, wantErr: true},
		{name: "no lag allowed", vars: map[string]string{"DATABASE_URL": pg, "DATABASE_READ_MAX_LAG": "0s"}, wantErr: true},
		{name: "a lag that is no duration", vars: map[string]string{"DATABASE_URL": pg, "DATABASE_READ_MAX_LAG": "5"}, wantErr: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := ParseConfig("test", c.args, env(c.vars))
			if c.wantErr {
				if err == nil {
					t.Error("accepted")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if cfg.DatabaseReadMaxLag != c.maxLag || cfg.DatabaseReadCheckEvery != c.every {
				t.Errorf("max lag %v, check every %v; want %v, %v", cfg.DatabaseReadMaxLag, cfg.DatabaseReadCheckEvery, c.maxLag, c.every)
			}
		})
	}
}
