package obs

import (
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// duplicateGoMetric is the Go collector's gauge go_memstats_alloc_bytes, the same value as its
// go_memstats_heap_alloc_bytes. In OpenMetrics a counter's family is named without "_total", so
// the collector's counter go_memstats_alloc_bytes_total makes a second family of that name, two
// HELP lines, which Prometheus's parser and promtool refuse. The gauge goes; the heap gauge keeps
// its value and the counter the allocations.
const duplicateGoMetric = "go_memstats_alloc_bytes"

// goCollector is client_golang's Go runtime collector without duplicateGoMetric.
func goCollector() prometheus.Collector {
	c := collectors.NewGoCollector()
	return withoutMetric{Collector: c, drop: describedAs(c, duplicateGoMetric)}
}

// withoutMetric is a collector with the metrics of one of its descriptions left out.
type withoutMetric struct {
	prometheus.Collector
	drop *prometheus.Desc
}

func (w withoutMetric) Describe(ch chan<- *prometheus.Desc) {
	inner := make(chan *prometheus.Desc)
	go func() { w.Collector.Describe(inner); close(inner) }()
	for d := range inner {
		if d != w.drop {
			ch <- d
		}
	}
}

func (w withoutMetric) Collect(ch chan<- prometheus.Metric) {
	inner := make(chan prometheus.Metric)
	go func() { w.Collector.Collect(inner); close(inner) }()
	for m := range inner {
		if m.Desc() != w.drop {
			ch <- m
		}
	}
}

// describedAs returns c's description of the metric named name. It panics when c has none: the
// collector changed, and what it should drop must be looked at again.
func describedAs(c prometheus.Collector, name string) *prometheus.Desc {
	ch := make(chan *prometheus.Desc)
	go func() { c.Describe(ch); close(ch) }()
	var found *prometheus.Desc
	for d := range ch {
		// A Desc shows its name only in its String form: Desc{fqName: "name", ...}.
		if strings.Contains(d.String(), `fqName: "`+name+`"`) {
			found = d
		}
	}
	if found == nil {
		panic("obs: the Go collector describes no " + name)
	}
	return found
}

// buildInfo is riskconsole_build_info, the build's version, VCS revision and Go version as
// labels of a constant 1 (Prometheus's convention, so a query can join them to any series).
// Go writes the module version and the VCS settings into the binary when it builds from a
// checkout; "unknown" stands for what it did not (go run, go test, or a build outside one).
func buildInfo() prometheus.Collector {
	version, revision := "unknown", "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			version = v
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && s.Value != "" {
				revision = s.Value
			}
		}
	}
	return prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Namespace: namespace, Name: "build_info",
		Help:        "A constant 1 labelled with the build's module version, VCS revision (commit) and Go version; 'unknown' when the build did not record it.",
		ConstLabels: prometheus.Labels{"version": version, "revision": revision, "goversion": runtime.Version()},
	}, func() float64 { return 1 })
}
