package app

import (
	"context"
	"log/slog"
	"math"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus/collectors"

	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
	"riskconsole/internal/obs"
	"riskconsole/internal/retention"
	"riskconsole/internal/reviews"
)

// newMetrics builds the app's metrics: the request histograms and decline window of package obs,
// the database pool's statistics, and the what-if history's size and warm-up progress; and makes
// the decision service report every assessment to them.
func (a *App) newMetrics(now func() time.Time) *obs.Metrics {
	codes := make([]string, len(market.All))
	for i, m := range market.All {
		codes[i] = m.Code
	}
	m := obs.NewMetrics(codes, now)
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
	m.Gauge("whatif_warmup_loaded", "Decisions the what-if warm-up has loaded into memory.", func() float64 {
		return float64(a.WhatIf.Status().Loaded)
	})
	m.Gauge("whatif_warmup_total", "Decisions the what-if warm-up has to load (stored at its start, plus those since).", func() float64 {
		return float64(a.WhatIf.Status().Total)
	})
	m.Gauge("whatif_ready", "1 once the what-if warm-up has finished, else 0.", func() float64 {
		if a.WhatIf.Status().Ready {
			return 1
		}
		return 0
	})
	m.Gauge("whatif_memory_bytes", "Bytes held by the what-if history's columns.", func() float64 {
		_, bytes := a.WhatIf.Footprint()
		return float64(bytes)
	})
	m.GaugeByLabel("whatif_decisions", "Decisions in the what-if history, by market.", "market", func() map[string]float64 {
		n, _ := a.WhatIf.Footprint()
		out := make(map[string]float64, len(n))
		for k, v := range n {
			out[k] = float64(v)
		}
		return out
	})
	m.Gauge("analytics_last_pass_timestamp_seconds", "When this server's last analytics aggregator pass that caught up began (Unix seconds; 0 before the first).", func() float64 {
		if t := a.Analytics.LastPass(); !t.IsZero() {
			return float64(t.UnixNano()) / 1e9
		}
		return 0
	})
	a.observeReviews(m, codes)
	a.observeRetention(m, codes)
	a.Decisions.OnAssessed(func(d *decisions.Decision, created bool) {
		m.ObserveAssessment(d.Market, d.Outcome.String(), d.Outcome == engine.Declined, created, d.CreatedAt)
	})
	return m
}

// MetricsHandler serves the metrics without authentication, for the separate listener of
// METRICS_ADDR.
func (a *App) MetricsHandler() http.Handler { return a.Metrics.Handler() }

// observeReviews registers the review cases' metrics (issue 15): cases opened by market, decided
// by market and outcome, and the cases undecided past their due date, counted at each scrape.
func (a *App) observeReviews(m *obs.Metrics, markets []string) {
	opened := m.CounterByLabel("review_cases_opened_total", "Review cases opened (shoppers' requests for human review), by market.", "market")
	decided := m.CounterByLabel("review_cases_decided_total", "Review cases decided, by market and outcome (UPHOLD, OVERTURN).", "market", "outcome")
	for _, mk := range markets {
		opened.WithLabelValues(mk)
		for _, o := range []reviews.Outcome{reviews.Uphold, reviews.Overturn} {
			decided.WithLabelValues(mk, string(o))
		}
	}
	a.Reviews.Observe(func(market string) { opened.WithLabelValues(market).Inc() },
		func(market string, o reviews.Outcome) { decided.WithLabelValues(market, string(o)).Inc() })
	m.Gauge("review_cases_overdue", "Review cases undecided past their due date (read from the database at each scrape; NaN when it cannot be read).", func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), overdueScrapeTimeout)
		defer cancel()
		n, err := a.Reviews.CountOverdue(ctx)
		if err != nil {
			slog.Warn("count overdue review cases", "err", err)
			return math.NaN()
		}
		return float64(n)
	})
}

// overdueScrapeTimeout bounds the overdue count of a scrape: one indexed count of the undecided
// cases, which are few.
const overdueScrapeTimeout = 5 * time.Second

// observeRetention registers the retention job's metrics (issue 18): decisions removed by market
// and what became of them, counted by this server as it removes them (a month purged whole is
// counted under market "ALL": the purge does not count by market), and the last run and last
// success of the job on whichever server ran it, read from the database at each scrape.
func (a *App) observeRetention(m *obs.Metrics, markets []string) {
	removed := m.CounterByLabel("retention_decisions_removed_total",
		"Decisions the retention job removed on this server, by market (ALL: months purged whole) and what became of them (DELETE, ANONYMISE).", "market", "after")
	for _, mk := range append(markets, "ALL") {
		for _, after := range []retention.Action{retention.Delete, retention.Anonymise} {
			removed.WithLabelValues(mk, string(after))
		}
	}
	a.retentionRemoved = removed
	stateTime := func(pick func(*retention.JobState) *time.Time) func() float64 {
		return func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), overdueScrapeTimeout)
			defer cancel()
			st, err := a.RetentionJob.State(ctx)
			if err != nil {
				slog.Warn("read the retention job's state", "err", err)
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
