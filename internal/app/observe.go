package app

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus/collectors"

	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
	"riskconsole/internal/obs"
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
	a.Decisions.OnAssessed(func(d *decisions.Decision, created bool) {
		m.ObserveAssessment(d.Market, d.Outcome.String(), d.Outcome == engine.Declined, created, d.CreatedAt)
	})
	return m
}

// graphQLRoute is the route name of POST /graphql.
const graphQLRoute = "graphql"

// requestLog is the per-request log line and latency metrics, around everything but requestInfo.
func (a *App) requestLog() obs.RequestLog {
	return obs.RequestLog{Logger: a.Logger, Metrics: a.Metrics, Route: route, GraphQLRoute: graphQLRoute,
		RequestID: func(ctx context.Context) string { return audit.RequestFrom(ctx).ID }}
}

// authRoutes are the endpoints under /auth/ named in the log; others are "auth/other".
var authRoutes = []string{"login", "logout", "session", "password"}

// route names a request's route from a fixed set, for the log and the metrics' labels.
func route(r *http.Request) string {
	switch p := r.URL.Path; {
	case p == "/graphql":
		return graphQLRoute
	case strings.HasPrefix(p, "/auth/"):
		for _, name := range authRoutes {
			if p == "/auth/"+name {
				return "auth/" + name
			}
		}
		return "auth/other"
	case p == "/export/decisions.csv":
		return "export"
	case p == "/healthz", p == "/readyz", p == "/metrics", p == "/graphiql":
		return p[1:]
	}
	return "ui"
}

// noteActor records, once next has answered, who called in the request record: the principal's
// kind and id ("token:2", "user:3") and roles, never a name or a secret. It runs inside the
// authenticator and does not look a session up for the purpose: a request refused before
// anything asked who is calling is logged as anonymous.
func noteActor(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
		p, ok := auth.ResolvedPrincipal(r.Context())
		if !ok || p == nil {
			return
		}
		actor := "token:" + strconv.FormatInt(p.TokenID, 10)
		if p.IsUser() {
			actor = "user:" + strconv.FormatInt(p.UserID, 10)
		}
		obs.RecordFrom(r.Context()).SetActor(actor, p.RoleNames())
	})
}

// MetricsHandler serves the metrics without authentication, for the separate listener of
// METRICS_ADDR.
func (a *App) MetricsHandler() http.Handler { return a.Metrics.Handler() }

// metricsOnMainAddress serves the metrics on the main address to requests with
// "Authorization: Bearer <METRICS_TOKEN>"; others get 401.
func (a *App) metricsOnMainAddress() http.Handler {
	want := sha256.Sum256([]byte(a.Config.MetricsToken))
	h := a.Metrics.Handler()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		got := sha256.Sum256([]byte(strings.TrimSpace(secret)))
		if !ok || subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="riskconsole-metrics"`)
			writeAPIError(w, r, http.StatusUnauthorized, "UNAUTHENTICATED", "", "send Authorization: Bearer <METRICS_TOKEN>")
			return
		}
		h.ServeHTTP(w, r)
	})
}
