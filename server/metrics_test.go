package main

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/app"
)

// TestMetricsListener starts the separate metrics listener of METRICS_ADDR and scrapes it, then
// stops it.
func TestMetricsListener(t *testing.T) {
	cfg := app.Config{DataDir: t.TempDir(), ListenAddr: "127.0.0.1:0", MetricsAddr: "127.0.0.1:0", DBMaxConns: 4,
		RequestTimeout: 5 * time.Second, RefreshEvery: time.Hour}
	a, err := app.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	addr, stop, err := startMetrics(cfg, a)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `go_sql_max_open_connections{db_name="sqlite"}`) ||
		!strings.Contains(string(body), "riskconsole_whatif_ready 0") {
		t.Fatalf("metrics: %d\n%s", resp.StatusCode, body)
	}
	stop()
	if _, err := http.Get("http://" + addr + "/metrics"); err == nil {
		t.Error("the listener still answers after stop")
	}
}
