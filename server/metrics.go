package main

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"riskconsole/internal/app"
)

// startMetrics serves /metrics on cfg.MetricsAddr when it is set, and says where the metrics are;
// it returns the address listened on ("" for none) and a function that stops the listener.
func startMetrics(cfg app.Config, a *app.App) (addr string, stop func(), err error) {
	switch {
	case cfg.MetricsAddr == "" && cfg.MetricsToken != "":
		slog.Info("metrics at /metrics on the main address, for METRICS_TOKEN")
		return "", func() {}, nil
	case cfg.MetricsAddr == "":
		slog.Info("metrics not served: set METRICS_ADDR (a separate address) or METRICS_TOKEN (the main address)")
		return "", func() {}, nil
	}
	ln, err := net.Listen("tcp", cfg.MetricsAddr)
	if err != nil {
		return "", nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", a.MetricsHandler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 30 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			slog.Error("metrics listener", "err", err)
		}
	}()
	slog.Info("metrics at /metrics", "addr", ln.Addr().String())
	return ln.Addr().String(), func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}, nil
}
