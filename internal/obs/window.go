package obs

import (
	"slices"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// windowSlots is how many one-minute slots the decline window keeps: the last hour.
const windowSlots = 60

// DeclineWindow counts the assessments and declines this server stored in the last hour, per
// market, in one-minute slots. It is an in-process window rather than a database query, so a
// scrape costs no I/O and does not grow with the history; each replica reports its own traffic,
// and the fleet's rate is sum(declines) / sum(assessments) over replicas, which is why both
// counts are exported next to the rate.
type DeclineWindow struct {
	now func() time.Time

	mu      sync.Mutex
	markets map[string]*marketWindow
	order   []string // markets in a stable order for Collect

	assessedDesc, declinedDesc, ratioDesc *prometheus.Desc
}

// marketWindow is one market's ring of slots; slot i counts the minute minute[i].
type marketWindow struct {
	minute   [windowSlots]int64 // unix minute each slot counts; stale slots are reused
	assessed [windowSlots]int64
	declined [windowSlots]int64
}

// NewDeclineWindow returns an empty window over markets (each reported from the start, with zero
// counts) read from clock now (nil: time.Now). A market not listed is added on first use.
func NewDeclineWindow(markets []string, now func() time.Time) *DeclineWindow {
	if now == nil {
		now = time.Now
	}
	w := &DeclineWindow{now: now, markets: map[string]*marketWindow{},
		assessedDesc: prometheus.NewDesc(namespace+"_assessments_last_hour",
			"Assessments this server stored in the last hour (one-minute steps), by market.", []string{"market"}, nil),
		declinedDesc: prometheus.NewDesc(namespace+"_declines_last_hour",
			"Declines among them, by market.", []string{"market"}, nil),
		ratioDesc: prometheus.NewDesc(namespace+"_decline_last_hour_ratio",
			"declines_last_hour / assessments_last_hour, by market; absent while a market had no assessment.", []string{"market"}, nil),
	}
	for _, m := range markets {
		w.market(m)
	}
	return w
}

// market returns the window of market, creating it; w.mu must be held or w not yet shared.
func (w *DeclineWindow) market(m string) *marketWindow {
	mw := w.markets[m]
	if mw == nil {
		mw = &marketWindow{}
		w.markets[m] = mw
		w.order = append(w.order, m)
		slices.Sort(w.order)
	}
	return mw
}

// Add counts one assessment of market at time at.
func (w *DeclineWindow) Add(market string, declined bool, at time.Time) {
	minute := at.Unix() / 60
	i := minute % windowSlots
	w.mu.Lock()
	defer w.mu.Unlock()
	mw := w.market(market)
	if mw.minute[i] > minute {
		return // older than the hour the slot now counts
	}
	if mw.minute[i] != minute {
		mw.minute[i], mw.assessed[i], mw.declined[i] = minute, 0, 0
	}
	mw.assessed[i]++
	if declined {
		mw.declined[i]++
	}
}

// Counts returns the assessments and declines of market in the last hour: the current minute and
// the 59 before it.
func (w *DeclineWindow) Counts(market string) (assessed, declined int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.countsLocked(market, w.now().Unix()/60)
}

func (w *DeclineWindow) countsLocked(market string, current int64) (assessed, declined int64) {
	mw := w.markets[market]
	if mw == nil {
		return 0, 0
	}
	for i := range windowSlots {
		if m := mw.minute[i]; m > current-windowSlots && m <= current {
			assessed += mw.assessed[i]
			declined += mw.declined[i]
		}
	}
	return assessed, declined
}

// Describe implements prometheus.Collector.
func (w *DeclineWindow) Describe(ch chan<- *prometheus.Desc) {
	ch <- w.assessedDesc
	ch <- w.declinedDesc
	ch <- w.ratioDesc
}

// Collect implements prometheus.Collector.
func (w *DeclineWindow) Collect(ch chan<- prometheus.Metric) {
	w.mu.Lock()
	defer w.mu.Unlock()
	current := w.now().Unix() / 60
	for _, m := range w.order {
		assessed, declined := w.countsLocked(m, current)
		ch <- prometheus.MustNewConstMetric(w.assessedDesc, prometheus.GaugeValue, float64(assessed), m)
		ch <- prometheus.MustNewConstMetric(w.declinedDesc, prometheus.GaugeValue, float64(declined), m)
		if assessed > 0 {
			ch <- prometheus.MustNewConstMetric(w.ratioDesc, prometheus.GaugeValue, float64(declined)/float64(assessed), m)
		}
	}
}
