package obs

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
)

// TestMetricsFamilyNames gathers every metric the package registers and checks that no two
// families share a name once a counter's "_total" is left out, as OpenMetrics names them: the Go
// collector's go_memstats_alloc_bytes gauge and go_memstats_alloc_bytes_total counter did, two
// HELP lines that parsers refuse. It also checks the counters and histograms that start at zero.
func TestMetricsFamilyNames(t *testing.T) {
	m := NewMetrics([]string{"SE", "US"}, []string{"APPROVED", "DECLINED"}, nil)
	families, err := m.Gatherer().Gather()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	samples := map[string]int{}
	for _, f := range families {
		name := f.GetName()
		if f.GetType() == dto.MetricType_COUNTER {
			name = strings.TrimSuffix(name, "_total")
		}
		if other, ok := seen[name]; ok {
			t.Errorf("families %s and %s are both %s in OpenMetrics", other, f.GetName(), name)
		}
		seen[name] = f.GetName()
		samples[f.GetName()] = len(f.GetMetric())
	}
	for name, want := range map[string]int{
		"riskconsole_assessments_total":                4, // 2 markets × 2 outcomes
		"riskconsole_assessment_replays_total":         2,
		"riskconsole_graphql_request_duration_seconds": 1, // assessPurchase, ok
		"riskconsole_build_info":                       1,
		"go_memstats_heap_alloc_bytes":                 1,
		"go_memstats_alloc_bytes_total":                1,
		"riskconsole_assessments_last_hour":            2,
		"riskconsole_http_request_duration_seconds":    0,
	} {
		if samples[name] != want {
			t.Errorf("%s: %d series, want %d", name, samples[name], want)
		}
	}
	if _, ok := samples["go_memstats_alloc_bytes"]; ok {
		t.Error("go_memstats_alloc_bytes is still exposed")
	}
}

// TestMetricsCached reads a cached value on a test clock: once per interval, whatever the number
// of scrapes; again when the clock goes back; and a failed read is reported until the next.
func TestMetricsCached(t *testing.T) {
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	reads := 0
	fail := false
	c := NewCached("test value", 5*time.Second, func() time.Time { return now }, func(ctx context.Context) (int, error) {
		if _, ok := ctx.Deadline(); !ok {
			t.Error("a read without a deadline")
		}
		reads++
		if fail {
			return 0, errors.New("database gone")
		}
		return reads, nil
	})
	get := func(wantValue, wantReads int, wantErr bool) {
		t.Helper()
		v, err := c.Get()
		if v != wantValue || reads != wantReads || (err != nil) != wantErr {
			t.Errorf("at %s: value %d, error %v after %d reads; want %d, error %v, %d reads",
				now.Format(time.TimeOnly), v, err, reads, wantValue, wantErr, wantReads)
		}
	}
	get(1, 1, false)
	now = now.Add(4 * time.Second)
	get(1, 1, false)
	now = now.Add(time.Second)
	get(2, 2, false)
	now = now.Add(-time.Minute) // the clock went back: read again rather than trust the cache for a minute
	get(3, 3, false)
	fail = true
	now = now.Add(5 * time.Second)
	get(0, 4, true)
	get(0, 4, true)
}
