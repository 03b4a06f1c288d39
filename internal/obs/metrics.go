// Package obs is the console's observability: Prometheus metrics, the per-request log line and
// the sliding window of recent assessments behind the decline-rate gauge. It knows nothing about
// the console's services; internal/app registers their gauges and wires the middleware.
package obs

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// namespace prefixes every metric of the console's own.
const namespace = "riskconsole"

// latencyBuckets are the bounds, in seconds, of the request latency histograms: from the
// sub-millisecond assessment to the 10 s request deadline.
var latencyBuckets = []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// Metrics holds the console's metrics and the registry they are served from. Every label value
// comes from a fixed set chosen by the server (a route, a schema field, a market, an error code),
// never from a string the client picked, so the number of series is bounded.
type Metrics struct {
	reg *prometheus.Registry

	httpDuration *prometheus.HistogramVec // route, code
	gqlDuration  *prometheus.HistogramVec // operation, outcome
	inFlight     *prometheus.GaugeVec     // route
	assessments  *prometheus.CounterVec   // market, outcome
	replays      *prometheus.CounterVec   // market
	recent       *DeclineWindow
}

// NewMetrics returns the metrics with the Go runtime and process collectors and the build's
// information registered, and a decline window over markets read from now (nil: time.Now). The
// assessment counters start at zero for every market and outcome (e.g. "APPROVED", "DECLINED"),
// so that a quiet market reads 0 rather than nothing; so does the assessPurchase latency.
func NewMetrics(markets, outcomes []string, now func() time.Time) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		httpDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Name: "http_request_duration_seconds",
			Help:    "Time from receiving a request to writing its answer, by route and HTTP status code.",
			Buckets: latencyBuckets,
		}, []string{"route", "code"}),
		gqlDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Name: "graphql_request_duration_seconds",
			Help: "Time of a POST /graphql request by operation (its root field; 'multiple' for several, " +
				"'unknown' when none was resolved) and outcome ('ok' or the first error's code).",
			Buckets: latencyBuckets,
		}, []string{"operation", "outcome"}),
		inFlight: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Namespace: namespace, Name: "http_requests_in_flight",
			Help: "Requests being served, by route.",
		}, []string{"route"}),
		assessments: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "assessments_total",
			Help: "Assessments stored by this server, by market and outcome (idempotent replays not counted).",
		}, []string{"market", "outcome"}),
		replays: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "assessment_replays_total",
			Help: "assessPurchase calls answered with the decision already stored under their idempotency key, by market.",
		}, []string{"market"}),
		recent: NewDeclineWindow(markets, now),
	}
	m.reg.MustRegister(
		goCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		buildInfo(),
		m.httpDuration, m.gqlDuration, m.inFlight, m.assessments, m.replays, m.recent,
	)
	ZeroAt(m.assessments.MetricVec, markets, outcomes)
	ZeroAt(m.replays.MetricVec, markets)
	ZeroAt(m.gqlDuration.MetricVec, []string{AssessOperation}, []string{"ok"})
	return m
}

// AssessOperation is the operation label of checkout's assessments, whose latency exists from
// the start (the alerting rules' p99 reads it).
const AssessOperation = "assessPurchase"

// ZeroAt creates the series of vec (a counter's or histogram's) for every combination of the
// label values, one list per label in order, so that they read 0 before the first event instead
// of being absent: a rate over a quiet market is then 0, and an alert comparing it fires or not
// rather than seeing no data.
func ZeroAt(vec *prometheus.MetricVec, values ...[]string) {
	lvs := make([]string, len(values))
	var fill func(i int)
	fill = func(i int) {
		if i == len(values) {
			if _, err := vec.GetMetricWithLabelValues(slices.Clone(lvs)...); err != nil {
				panic(err) // a programming error: the wrong number of lists
			}
			return
		}
		for _, v := range values[i] {
			lvs[i] = v
			fill(i + 1)
		}
	}
	fill(0)
}

// Register adds collectors, such as the database pool's or gauges read from a service.
func (m *Metrics) Register(cs ...prometheus.Collector) { m.reg.MustRegister(cs...) }

// Gauge registers a gauge read by value at every scrape.
func (m *Metrics) Gauge(name, help string, value func() float64) {
	m.Register(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: namespace, Name: name, Help: help}, value))
}

// CounterFunc registers a counter read by value at every scrape: a count another package keeps.
func (m *Metrics) CounterFunc(name, help string, value func() float64) {
	m.Register(prometheus.NewCounterFunc(prometheus.CounterOpts{Namespace: namespace, Name: name, Help: help}, value))
}

// CounterByLabel registers a counter with labels (one or more), whose values the caller chooses
// from a fixed set, and returns it.
func (m *Metrics) CounterByLabel(name, help string, labels ...string) *prometheus.CounterVec {
	c := prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: name, Help: help}, labels)
	m.Register(c)
	return c
}

// GaugeByLabel registers a gauge with one label, whose values values returns at every scrape
// (none when it returns nil: the value is unknown).
func (m *Metrics) GaugeByLabel(name, help, label string, values func() map[string]float64) {
	m.GaugeByLabels(name, help, []string{label}, func(set func(v float64, labelValues ...string)) {
		for k, v := range values() {
			set(v, k)
		}
	})
}

// GaugeByLabels registers a gauge with labels, whose series collect sets at every scrape by
// calling set with each value and its label values, in the order of labels.
func (m *Metrics) GaugeByLabels(name, help string, labels []string, collect func(set func(v float64, labelValues ...string))) {
	m.Register(labelledGauge{desc: prometheus.NewDesc(namespace+"_"+name, help, labels, nil), collect: collect})
}

// labelledGauge is a gauge with labels read at scrape time.
type labelledGauge struct {
	desc    *prometheus.Desc
	collect func(set func(v float64, labelValues ...string))
}

func (g labelledGauge) Describe(ch chan<- *prometheus.Desc) { ch <- g.desc }

func (g labelledGauge) Collect(ch chan<- prometheus.Metric) {
	g.collect(func(v float64, labelValues ...string) {
		ch <- prometheus.MustNewConstMetric(g.desc, prometheus.GaugeValue, v, labelValues...)
	})
}

// Handler serves the metrics in the Prometheus text format (or OpenMetrics when asked).
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg, EnableOpenMetrics: true})
}

// Gatherer is the registry, for tests that read a metric's value.
func (m *Metrics) Gatherer() prometheus.Gatherer { return m.reg }

// ObserveAssessment counts one assessPurchase answer of market with outcome ("APPROVED" or
// "DECLINED") at time at: a newly stored decision when created, else an idempotent replay.
// Only new decisions enter the decline window.
func (m *Metrics) ObserveAssessment(market, outcome string, declined, created bool, at time.Time) {
	if !created {
		m.replays.WithLabelValues(market).Inc()
		return
	}
	m.assessments.WithLabelValues(market, outcome).Inc()
	m.recent.Add(market, declined, at)
}

// observeRequest records one request's latency under its route and status, and for the GraphQL
// route also under its operation and outcome.
func (m *Metrics) observeRequest(route string, status int, graphQL bool, operation, outcome string, d time.Duration) {
	s := d.Seconds()
	m.httpDuration.WithLabelValues(route, strconv.Itoa(status)).Observe(s)
	if graphQL {
		m.gqlDuration.WithLabelValues(operation, outcome).Observe(s)
	}
}
