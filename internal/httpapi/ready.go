package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"riskconsole/internal/market"
	"riskconsole/internal/retention"
	"riskconsole/internal/store"
)

// readyTimeout bounds all of /readyz's database checks together, so that a load balancer's
// probe gets an answer while the database hangs.
const readyTimeout = 2 * time.Second

// ready serves /readyz: each check in the body, 503 unless all pass.
func (a *api) ready(w http.ResponseWriter, r *http.Request) {
	if a.Draining != nil && a.Draining() {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "draining"})
		return
	}
	// One budget for the checks and the retention job's state together.
	ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
	defer cancel()
	var rd readiness
	for _, c := range a.Readiness(ctx, time.Now()) {
		rd.add(c.Name, c.Err)
	}
	rd.WhatIf = a.whatIfState()
	rd.Retention = a.retentionState(ctx)
	rd.ReadStandby = readStandbyStateOf(a.Store.ReadState())
	rd.write(w)
}

// Check is the result of one readiness check: its name, and why it failed (nil when it passed).
type Check struct {
	Name string
	Err  error
}

// Readiness runs /readyz's checks at now, the database's within readyTimeout together:
// "database" (a ping answers), "migrations" (the schema is the newest this binary knows) and
// "thresholds" (a threshold set is in force in every market). /readyz and the metrics both read
// them here.
func (s *Services) Readiness(ctx context.Context, now time.Time) []Check {
	ctx, cancel := context.WithTimeout(ctx, readyTimeout)
	defer cancel()
	return []Check{
		{"database", s.checkDatabase(ctx)},
		{"migrations", s.checkMigrations(ctx)},
		{"thresholds", s.checkThresholds(now)},
	}
}

// readiness is the body of /readyz. Status is "ready" when every check is ok, else "not ready"
// (HTTP 503). The what-if cache is reported but does not count: while it warms up simulations
// cover part of the history and say so (whatIfStatus), and assessments, the explorer and the
// rest do not need it, so taking a replica out of traffic for its warm-up would cost capacity
// for nothing.
type readiness struct {
	Status string           `json:"status"`
	Checks map[string]check `json:"checks"`
	WhatIf whatIfState      `json:"whatIf"`
	// Retention is the retention job's last run, on whichever server ran it. Reported, not
	// counted: a failed or missing run does not make this server unfit for traffic (taking every
	// replica out would stop checkout for a job that can wait an hour); alert on
	// retention_last_success_timestamp_seconds instead.
	Retention *retentionState `json:"retention,omitempty"`
	// ReadStandby is where the reads that may lag go (DATABASE_READ_URL), absent without a
	// standby. Reported, not counted: a lagging or missing standby sends those reads to the
	// primary, so this server still serves everything.
	ReadStandby *readStandbyState `json:"readStandby,omitempty"`
}

// readStandbyState is the read standby's last check: Target is "standby" or "primary", Reason
// why reads go to the primary ("unreachable", "lagging", "not receiving", "not a standby",
// "primary unreachable", "not checked yet"), LagSeconds the replay lag measured and
// MaxLagSeconds the bound (DATABASE_READ_MAX_LAG).
type readStandbyState struct {
	Target        string     `json:"target"`
	Up            bool       `json:"up"`
	Reason        string     `json:"reason,omitempty"`
	LagSeconds    float64    `json:"lagSeconds"`
	MaxLagSeconds float64    `json:"maxLagSeconds"`
	CheckedAt     *time.Time `json:"checkedAt,omitempty"`
}

// readStandbyStateOf reports st; nil without a standby.
func readStandbyStateOf(st store.ReadState) *readStandbyState {
	if !st.Configured {
		return nil
	}
	out := &readStandbyState{Target: st.Target, Up: st.Up, Reason: st.Reason, LagSeconds: st.Lag.Seconds(), MaxLagSeconds: st.MaxLag.Seconds()}
	if !st.CheckedAt.IsZero() {
		out.CheckedAt = &st.CheckedAt
	}
	return out
}

// retentionState is the retention job's last run: State is NEVER_RUN, RUNNING, OK or FAILED (the
// error is in the server's log and the run's audit event, not here: /readyz is not
// authenticated), with what it removed per market and month.
type retentionState struct {
	State       string              `json:"state"`
	LastRunAt   *time.Time          `json:"lastRunAt,omitempty"`
	LastSuccess *time.Time          `json:"lastSuccessAt,omitempty"`
	NextRunAt   *time.Time          `json:"nextRunAt,omitempty"`
	Removed     []retention.Removal `json:"removed"`
}

// retentionState reads the retention job's state; nil without a job.
func (a *api) retentionState(ctx context.Context) *retentionState {
	if a.RetentionJob == nil {
		return nil
	}
	st, err := a.RetentionJob.State(ctx)
	if err != nil {
		return &retentionState{State: "UNKNOWN"}
	}
	out := &retentionState{LastRunAt: st.FinishedAt, LastSuccess: st.SucceededAt, NextRunAt: st.NextRunAt, Removed: st.Removed}
	switch {
	case st.StartedAt != nil && (st.FinishedAt == nil || st.StartedAt.After(*st.FinishedAt)):
		out.State = "RUNNING"
	case st.FinishedAt == nil:
		out.State = "NEVER_RUN"
	case st.Error != "":
		out.State = "FAILED"
	default:
		out.State = "OK"
	}
	if out.Removed == nil {
		out.Removed = []retention.Removal{}
	}
	return out
}

// check is one readiness condition.
type check struct {
	OK     bool   `json:"ok"`
	Detail string `json:"detail,omitempty"`
}

// whatIfState is the warm-up progress of the what-if history: "warming" or "ready", and the
// share of decisions loaded.
type whatIfState struct {
	State    string  `json:"state"`
	Loaded   int64   `json:"loaded"`
	Total    int64   `json:"total"`
	Progress float64 `json:"progress"`
}

// add records a check: nil err is ok.
func (rd *readiness) add(name string, err error) {
	if rd.Checks == nil {
		rd.Checks = map[string]check{}
	}
	c := check{OK: err == nil}
	if err != nil {
		c.Detail = err.Error()
	}
	rd.Checks[name] = c
}

// write answers 200 when every check is ok, else 503.
func (rd *readiness) write(w http.ResponseWriter) {
	status := http.StatusOK
	rd.Status = "ready"
	for _, c := range rd.Checks {
		if !c.OK {
			status, rd.Status = http.StatusServiceUnavailable, "not ready"
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, status, rd)
}

// checkDatabase pings the database.
func (s *Services) checkDatabase(ctx context.Context) error {
	if err := s.Store.Ping(ctx); err != nil {
		return fmt.Errorf("database unavailable") // the driver's error may name hosts and users
	}
	return nil
}

// checkMigrations requires the database's schema to be exactly the newest this binary knows.
func (s *Services) checkMigrations(ctx context.Context) error {
	st, err := s.Store.MigrationStatus(ctx)
	switch {
	case err != nil:
		return fmt.Errorf("schema version unavailable")
	case len(st.Pending) > 0:
		return fmt.Errorf("schema at version %d, %d migrations pending", st.Database, len(st.Pending))
	case st.Database != st.Known:
		return fmt.Errorf("schema at version %d, this binary knows up to %d", st.Database, st.Known)
	}
	return nil
}

// checkThresholds requires a threshold set in force in every market, so that no assessment
// would fail for want of one.
func (s *Services) checkThresholds(now time.Time) error {
	var missing []string
	for _, m := range market.All {
		if _, err := s.Thresholds.Active(m.Code, now); err != nil {
			missing = append(missing, m.Code)
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		return fmt.Errorf("no threshold set in force in %s", strings.Join(missing, ", "))
	}
	return nil
}

// whatIfState reads the what-if warm-up progress.
func (a *api) whatIfState() whatIfState {
	s := a.WhatIf.Status()
	out := whatIfState{State: "warming", Loaded: s.Loaded, Total: s.Total}
	switch {
	case s.Ready:
		out.State, out.Progress = "ready", 1
	case s.Total > 0:
		out.Progress = float64(s.Loaded) / float64(s.Total)
	}
	return out
}
