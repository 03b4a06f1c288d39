package app

import (
	"context"
	"errors"
	"math"
	"net/http"
	"slices"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"riskconsole/internal/analytics"
	"riskconsole/internal/apperr"
	"riskconsole/internal/approval"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/httpapi"
	"riskconsole/internal/market"
	"riskconsole/internal/obs"
	"riskconsole/internal/retention"
	"riskconsole/internal/reviews"
	"riskconsole/internal/store"
)

// metricsQueryEvery is how often at most the metrics read what they count from the database (the
// readiness checks, the submissions waiting for approval, the review cases' deadlines): each is
// one small statement, read again at a scrape once its last read is this old.
const metricsQueryEvery = 5 * time.Second

// anomaliesEvery is how often at most the metrics run the anomaly detector: it reads five weeks of
// hourly rollups (130 ms on SQLite, 54 ms on PostgreSQL at the end of 40,000 demo decisions), and
// the buckets it scores change by the hour.
const anomaliesEvery = 5 * time.Minute

// assessmentOutcomes are the outcome labels of the assessment counters.
var assessmentOutcomes = []string{engine.Approved.String(), engine.Declined.String()}

// newMetrics builds the app's metrics: the request histograms and decline window of package obs,
// the database pool's statistics, and the gauges and counters of the services; and makes the
// services report their events to them. now is the app's clock; the values read from the
// database are cached on it (metricsQueryEvery).
func (a *App) newMetrics(now func() time.Time) *obs.Metrics {
	codes := make([]string, len(market.All))
	for i, m := range market.All {
		codes[i] = m.Code
	}
	m := obs.NewMetrics(codes, assessmentOutcomes, now)
	m.Register(collectors.NewDBStatsCollector(a.Store.Pool(), string(a.Store.Dialect())))
	if pool := a.Store.AssessmentPool(); pool != nil {
		m.Register(collectors.NewDBStatsCollector(pool, string(a.Store.Dialect())+"-assessments"))
	}
	denials := m.CounterByLabel("access_denials_total", "Refused fields and endpoints by caller: anonymous (counted, "+
		"one audit event per client address and minute) or authenticated (one audit event per request).", "caller")
	anonymous, authenticated := denials.WithLabelValues("anonymous"), denials.WithLabelValues("authenticated")
	a.Denials.OnRefusal(func(anon bool) {
		if anon {
			anonymous.Inc()
			return
		}
		authenticated.Inc()
	})
	m.Gauge("heavy_operations_running", "Heavy operations (export, chain verification, simulations, analytics from the decisions) running.",
		func() float64 { return float64(a.Heavy.InUse()) })
	m.Gauge("heavy_operations_limit", "Heavy operations this server runs at once (HEAVY_LIMIT).",
		func() float64 { return float64(a.Heavy.Limit()) })
	refused := m.CounterByLabel("heavy_operations_refused_total", "Heavy operations refused with LIMIT_EXCEEDED, by operation.", "operation")
	a.Heavy.OnRefused(func(op string) { refused.WithLabelValues(op).Inc() })
	a.observeWhatIf(m)
	m.Gauge("analytics_last_pass_timestamp_seconds", "When this server's last analytics aggregator pass that caught up began "+
		"(Unix seconds; 0 before the first): the rollups' last success.", func() float64 { return unixSeconds(a.Analytics.LastPass()) })
	m.Gauge("activation_poll_last_success_timestamp_seconds", "When this server last read the threshold activations "+
		"successfully (Unix seconds; 0 before the first): the poll of THRESHOLD_REFRESH.", func() float64 { return unixSeconds(a.Thresholds.LastRefresh()) })
	m.CounterFunc("audit_write_failures_total", "Audit events this server could not write (the change or read they "+
		"record failed with them), callers that went away not counted.", func() float64 { return float64(a.Store.AuditWriteFailures()) })
	m.CounterFunc("assess_batches_total", "Statements that wrote assessments' decisions through group commit (PostgreSQL: "+
		"one row each while checkout's connections are not all busy, several while they are); 0 on SQLite.", func() float64 { return float64(a.Store.GroupCommitStats().Batches) })
	m.CounterFunc("assess_batched_rows_total", "Decisions those statements carried, replays within a batch included: "+
		"over assess_batches_total, the mean batch.", func() float64 { return float64(a.Store.GroupCommitStats().Rows) })
	a.observeReadiness(m, codes, now)
	a.observeReadStandby(m)
	a.observeAssessments(m, codes)
	a.observeAnomalies(m, codes, now)
	a.observeApprovals(m, now)
	a.observeReviews(m, codes, now)
	a.observeRetention(m, codes, now)
	return m
}

// MetricsHandler serves the metrics without authentication, for the separate listener of
// METRICS_ADDR.
func (a *App) MetricsHandler() http.Handler { return a.Metrics.Handler() }

// unixSeconds is t in Unix seconds for a timestamp gauge, 0 for the zero time ("never").
func unixSeconds(t time.Time) float64 {
	if t.IsZero() {
		return 0
	}
	return float64(t.UnixNano()) / 1e9
}

// oneIf is 1 for true and 0 for false, the value of a gauge that states a condition.
func oneIf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// observeWhatIf registers the what-if history's gauges: its warm-up, size and memory.
func (a *App) observeWhatIf(m *obs.Metrics) {
	m.Gauge("whatif_warmup_loaded", "Decisions the what-if warm-up has loaded into memory.", func() float64 {
		return float64(a.WhatIf.Status().Loaded)
	})
	m.Gauge("whatif_warmup_target", "Decisions the what-if warm-up has to load (stored at its start, plus those since).", func() float64 {
		return float64(a.WhatIf.Status().Total)
	})
	m.Gauge("whatif_ready", "1 once the what-if warm-up has finished, else 0.", func() float64 { return oneIf(a.WhatIf.Status().Ready) })
	m.Gauge("whatif_memory_bytes", "Bytes held by the what-if history's columns.", func() float64 {
		_, bytes := a.WhatIf.Footprint()
		return float64(bytes)
	})
	m.Gauge("memory_limit_bytes", "The Go runtime's soft memory limit in force: GOMEMLIMIT, else MemoryBase plus twice the what-if history (NaN: none).", func() float64 {
		if l := currentMemoryLimit(); l != math.MaxInt64 {
			return float64(l)
		}
		return math.NaN()
	})
	m.GaugeByLabel("whatif_decisions", "Decisions in the what-if history, by market.", "market", func() map[string]float64 {
		n, _ := a.WhatIf.Footprint()
		out := make(map[string]float64, len(n))
		for k, v := range n {
			out[k] = float64(v)
		}
		return out
	})
}

// observeReadiness registers the state of /readyz's checks (read at most every
// metricsQueryEvery), the database's among them once more as database_up, and the threshold
// version in force in each market.
func (a *App) observeReadiness(m *obs.Metrics, markets []string, now func() time.Time) {
	checks := obs.NewCached("readiness checks", metricsQueryEvery, now, func(ctx context.Context) ([]httpapi.Check, error) {
		return a.Readiness(ctx, now()), nil
	})
	passed := func(name string) bool {
		cs, _ := checks.Get()
		i := slices.IndexFunc(cs, func(c httpapi.Check) bool { return c.Name == name })
		return i >= 0 && cs[i].Err == nil
	}
	m.GaugeByLabel("ready_check", "1 when /readyz's check passes, else 0, by check: database (a ping answers), migrations "+
		"(the schema is the newest this binary knows), thresholds (a set is in force in every market).", "check", func() map[string]float64 {
		cs, _ := checks.Get()
		out := make(map[string]float64, len(cs))
		for _, c := range cs {
			out[c.Name] = oneIf(c.Err == nil)
		}
		return out
	})
	m.Gauge("database_up", "1 when the database answers a ping (/readyz's database check), else 0.", func() float64 {
		return oneIf(passed("database"))
	})
	m.GaugeByLabel("threshold_active_version", "The version number of the threshold set in force, by market; 0 when "+
		"none is, and every assessment of the market fails.", "market", func() map[string]float64 {
		at := now()
		out := make(map[string]float64, len(markets))
		for _, mk := range markets {
			out[mk] = 0
			if v, err := a.Thresholds.Active(mk, at); err == nil {
				out[mk] = float64(v.Version)
			}
		}
		return out
	})
}

// observeReadStandby registers the read standby's state (DATABASE_READ_URL): whether it is up, its
// replay lag, and where the reads that may go to it went, by target. Without a standby it is down
// with no lag and both counts stay 0.
func (a *App) observeReadStandby(m *obs.Metrics) {
	if pool := a.Store.StandbyPool(); pool != nil {
		m.Register(collectors.NewDBStatsCollector(pool, string(a.Store.Dialect())+"-standby"))
	}
	m.Gauge("read_standby_up", "1 when the read standby answered its last check as a standby receiving WAL, else 0 (also without one).",
		func() float64 { return oneIf(a.Store.ReadState().Up) })
	m.Gauge("read_standby_lag_seconds", "The read standby's replay lag at its last check: how long the oldest primary WAL "+
		"position it has not replayed has waited; reads go to the primary past DATABASE_READ_MAX_LAG.",
		func() float64 { return a.Store.ReadState().Lag.Seconds() })
	m.Gauge("read_standby_in_use", "1 while the reads that may lag go to the read standby, 0 while they go to the primary.",
		func() float64 { return oneIf(a.Store.ReadState().Target == store.ReadStandby) })
	for i, target := range []string{store.ReadPrimary, store.ReadStandby} {
		m.Register(prometheus.NewCounterFunc(prometheus.CounterOpts{Namespace: "riskconsole", Name: "reads_routed_total",
			Help:        "Reads that may go to the read standby (explorer, exports, analytics, audit log, what-if warm-up), by where they went.",
			ConstLabels: prometheus.Labels{"target": target}}, func() float64 {
			primary, standby := a.Store.ReadsRouted()
			if i == 0 {
				return float64(primary)
			}
			return float64(standby)
		}))
	}
}

// assessErrorKinds are the kind labels of failed assessments, in the terms of the error codes a
// client sees: invalid (the request, e.g. a field out of range), conflict (an idempotency key
// reused for another purchase), no_thresholds (no set in force in the market), timeout (the
// deadline passed or the client went away), unavailable (the database could not be reached),
// internal (anything else).
var assessErrorKinds = []string{"invalid", "conflict", "no_thresholds", "timeout", "unavailable", "internal"}

// assessErrorKind names the kind of an assessment's error.
func assessErrorKind(err error) string {
	switch {
	case errors.Is(err, apperr.ErrInvalid):
		return "invalid"
	case errors.Is(err, apperr.ErrConflict):
		return "conflict"
	case errors.Is(err, apperr.ErrNotFound): // the only one Assess returns: no set in force
		return "no_thresholds"
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return "timeout"
	case errors.Is(err, apperr.ErrUnavailable):
		return "unavailable"
	}
	return "internal"
}

// unknownMarket is the market label of an assessment that named no configured market.
const unknownMarket = "unknown"

// observeAssessments makes the decision service count every assessment, and every error, by
// market: the market label is a configured market's code or unknownMarket, never the caller's
// string.
func (a *App) observeAssessments(m *obs.Metrics, markets []string) {
	failed := m.CounterByLabel("assessment_errors_total", "assessPurchase calls answered with an error, by market "+
		"('unknown' when the request named none configured) and kind: invalid, conflict (idempotency key reused), "+
		"no_thresholds, timeout, unavailable (database), internal.", "market", "kind")
	obs.ZeroAt(failed.MetricVec, markets, assessErrorKinds)
	a.Decisions.OnAssessFailed(func(mk string, err error) {
		if !slices.Contains(markets, mk) {
			mk = unknownMarket
		}
		failed.WithLabelValues(mk, assessErrorKind(err)).Inc()
	})
	a.Decisions.OnAssessed(func(d *decisions.Decision, created bool) {
		m.ObserveAssessment(d.Market, d.Outcome.String(), d.Outcome == engine.Declined, created, d.CreatedAt)
	})
}

// anomalyDirections are the direction labels of flagged buckets: more declines than the baseline
// expects, or fewer.
var anomalyDirections = []string{"up", "down"}

// observeAnomalies registers the anomaly detector's flags of the last two hours (the one begun
// and the one before), as the anomalies query answers them with its default detector, by market
// and direction; run at most every anomaliesEvery.
func (a *App) observeAnomalies(m *obs.Metrics, markets []string, now func() time.Time) {
	report := obs.NewCached("anomalies", anomaliesEvery, now, func(ctx context.Context) (analytics.AnomalyReport, error) {
		to := now()
		return a.Analytics.Anomalies(ctx, analytics.AnomalyRequest{From: to.Add(-time.Hour), To: to,
			Bucket: analytics.Hourly, Detector: analytics.DefaultDetector})
	})
	m.GaugeByLabels("decline_anomalies", "Hourly buckets of the last two hours that the anomaly detector "+
		"flags (its defaults, as the anomalies query) in a market's decline rate or one of its principal reasons', by "+
		"market and direction (up: more declines than the same hour of the baseline weeks, down: fewer).",
		[]string{"market", "direction"}, func(set func(v float64, labels ...string)) {
			rep, err := report.Get()
			if err != nil {
				return
			}
			counts := map[[2]string]int{}
			for _, an := range rep.Anomalies {
				dir := anomalyDirections[0]
				if an.Z < 0 {
					dir = anomalyDirections[1]
				}
				counts[[2]string{an.Market, dir}]++
			}
			for _, mk := range markets {
				for _, dir := range anomalyDirections {
					set(float64(counts[[2]string{mk, dir}]), mk, dir)
				}
			}
		})
}

// observeApprovals registers the submissions waiting for a second person, by kind: how many, and
// how long the oldest has waited (read at most every metricsQueryEvery).
func (a *App) observeApprovals(m *obs.Metrics, now func() time.Time) {
	waiting := obs.NewCached("submissions waiting for approval", metricsQueryEvery, now, a.Store.WaitingApprovals)
	byKind := func(value func(w approval.Waiting) float64) func() map[string]float64 {
		return func() map[string]float64 {
			ws, err := waiting.Get()
			if err != nil {
				return nil
			}
			out := make(map[string]float64, len(ws))
			for _, w := range ws {
				out[w.Kind] = value(w)
			}
			return out
		}
	}
	m.GaugeByLabel("approvals_waiting", "Submissions waiting for a second person's review, by kind: threshold_draft, "+
		"catalog_draft, split_request, bad_definition_draft.", "kind", byKind(func(w approval.Waiting) float64 { return float64(w.Count) }))
	m.GaugeByLabel("approval_oldest_waiting_seconds", "How long the oldest submission of each kind has waited for review "+
		"(0 when none waits).", "kind", byKind(func(w approval.Waiting) float64 {
		if w.Count == 0 {
			return 0
		}
		return max(now().Sub(w.Oldest).Seconds(), 0)
	}))
}

// observeReviews registers the review cases' metrics (issue 15): cases opened by market, decided
// by market and outcome, and the undecided ones by deadline (read at most every
// metricsQueryEvery).
func (a *App) observeReviews(m *obs.Metrics, markets []string, now func() time.Time) {
	opened := m.CounterByLabel("review_cases_opened_total", "Review cases opened (shoppers' requests for human review), by market.", "market")
	decided := m.CounterByLabel("review_cases_decided_total", "Review cases decided, by market and outcome (UPHOLD, OVERTURN).", "market", "outcome")
	obs.ZeroAt(opened.MetricVec, markets)
	obs.ZeroAt(decided.MetricVec, markets, []string{string(reviews.Uphold), string(reviews.Overturn)})
	a.Reviews.Observe(func(market string) { opened.WithLabelValues(market).Inc() },
		func(market string, o reviews.Outcome) { decided.WithLabelValues(market, string(o)).Inc() })
	deadlines := obs.NewCached("review cases by deadline", metricsQueryEvery, now, a.Reviews.Deadlines)
	read := func() (reviews.Deadlines, bool) {
		d, err := deadlines.Get()
		return d, err == nil
	}
	m.GaugeByLabel("review_cases_undecided", "Review cases not decided yet, by deadline: overdue (past their due date), "+
		"due_soon (due within 48 hours), on_time.", "deadline", func() map[string]float64 {
		d, ok := read()
		if !ok {
			return nil
		}
		return map[string]float64{"overdue": float64(d.Overdue), "due_soon": float64(d.DueSoon), "on_time": float64(d.OnTime)}
	})
	m.Gauge("review_cases_overdue", "Review cases undecided past their due date (review_cases_undecided with deadline overdue; "+
		"NaN when it cannot be read).", func() float64 {
		d, ok := read()
		if !ok {
			return math.NaN()
		}
		return float64(d.Overdue)
	})
}

// observeRetention registers the retention job's metrics (issue 18): decisions removed by market
// and what became of them, counted by this server as it removes them (a month purged whole is
// counted under market "ALL": the purge does not count by market), and the last run and last
// success of the job on whichever server ran it, read from the database at most every
// metricsQueryEvery.
func (a *App) observeRetention(m *obs.Metrics, markets []string, now func() time.Time) {
	removed := m.CounterByLabel("retention_decisions_removed_total",
		"Decisions the retention job removed on this server, by market (ALL: months purged whole) and what became of them (DELETE, ANONYMISE).", "market", "after")
	obs.ZeroAt(removed.MetricVec, append(slices.Clone(markets), "ALL"), []string{string(retention.Delete), string(retention.Anonymise)})
	a.retentionRemoved = removed
	state := obs.NewCached("the retention job's state", metricsQueryEvery, now, a.RetentionJob.State)
	stateTime := func(pick func(*retention.JobState) *time.Time) func() float64 {
		return func() float64 {
			st, err := state.Get()
			if err != nil {
				return math.NaN()
			}
			if t := pick(&st); t != nil {
				return float64(t.UnixNano()) / 1e9
			}
			return 0
		}
	}
	m.Gauge("retention_last_run_timestamp_seconds", "When the retention job's last run finished, on any server (Unix seconds; 0 before the first; NaN when unreadable).",
		stateTime(func(st *retention.JobState) *time.Time { return st.FinishedAt }))
	m.Gauge("retention_last_success_timestamp_seconds", "When the retention job's last successful run finished, on any server (Unix seconds; 0 before the first; NaN when unreadable).",
		stateTime(func(st *retention.JobState) *time.Time { return st.SucceededAt }))
}

// observeRemoval counts a removal of the retention job.
func (a *App) observeRemoval(r retention.Removal) {
	if a.retentionRemoved == nil {
		return
	}
	mk := r.Market
	if r.Purged {
		mk = "ALL"
	}
	a.retentionRemoved.WithLabelValues(mk, string(r.After)).Add(float64(r.Decisions))
}
