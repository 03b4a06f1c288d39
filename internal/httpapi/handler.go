// Package httpapi is the console's HTTP interface: the GraphQL endpoint (its POST transport,
// request limits, trusted documents and introspection guard), the CSV export, the GraphiQL
// playground, the health and readiness checks, and what every request passes through: its id,
// the request log and the security headers. Package app builds it over the running services.
package httpapi

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"riskconsole/internal/accounts"
	"riskconsole/internal/analytics"
	"riskconsole/internal/auditlog"
	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
	"riskconsole/internal/decisions"
	"riskconsole/internal/erasure"
	"riskconsole/internal/experiments"
	"riskconsole/internal/heavy"
	"riskconsole/internal/obs"
	"riskconsole/internal/outcomes"
	"riskconsole/internal/retention"
	"riskconsole/internal/reviews"
	"riskconsole/internal/store"
	"riskconsole/internal/thresholds"
	"riskconsole/internal/whatif"
	"riskconsole/ui"
)

// Services are the parts of a running console that the HTTP interface serves.
type Services struct {
	Store      *store.Store
	Thresholds *thresholds.Service
	// ThresholdLifecycle runs threshold drafts, approvals, activations and rollbacks.
	ThresholdLifecycle *thresholds.Lifecycle
	// Experiments starts and stops shadows and runs challenger split requests.
	Experiments *thresholds.ExperimentLifecycle
	// Comparison compares shadow runs with the live decisions and reports a split's arms.
	Comparison *experiments.Service
	// Analytics answers decline-rate questions from rollups kept current in the background.
	Analytics *analytics.Service
	// WhatIf keeps the decision history in memory and replays proposed threshold sets over it.
	WhatIf  *whatif.Service
	Catalog *catalog.Current
	// CatalogLifecycle runs catalog drafts, approvals and publications.
	CatalogLifecycle *catalog.Lifecycle
	Decisions        *decisions.Service
	// Agents answers support agents' look-ups and audits each one.
	Agents *decisions.AgentService
	// Explainer explains decisions to shoppers and audits each request.
	Explainer *decisions.Explainer
	Auth      *auth.Authenticator
	Audit     *auditlog.Service
	Accounts  *accounts.Service
	// OIDC serves sign-in through the identity provider under /auth/oidc/; nil when not configured.
	OIDC http.Handler
	// BadDefinitions answers which bad definition is in force in each market and runs its drafts.
	BadDefinitions *outcomes.DefinitionService
	// Outcomes records the servicing system's repayment events and reads a decision's repayment.
	Outcomes *outcomes.Ingest
	// Metrics are the request and assessment metrics; Logger writes the request log.
	Metrics *obs.Metrics
	Logger  *slog.Logger
	// Denials records refusals: one event per request, counted for anonymous callers.
	Denials *auditlog.Denials
	// Heavy admits the heavy operations: export, chain verification, simulations (heavy.go).
	Heavy *heavy.Limiter
	// Reviews runs review cases (issue 15).
	Reviews *reviews.Service
	// Retention runs retention policies and legal holds and answers the plan (issue 18).
	Retention *retention.Service
	// RetentionJob is this server's retention job; /readyz reports its last run.
	RetentionJob *retention.Job
	// Erasure records and carries out the erasure of shoppers (issue 18).
	Erasure *erasure.Service
}

// Options are the settings of the HTTP interface, taken from the server's configuration.
type Options struct {
	// RequestTimeout is the deadline of every API request, and of each page an export reads.
	RequestTimeout time.Duration
	// Introspection allows __schema and __type to the roles that may explore the schema.
	Introspection bool
	// Playground serves GraphiQL at GET /graphiql to the roles that may explore the schema.
	Playground bool
	// ComplexityLimit is the largest cost of one operation (graph.DefaultComplexityLimit when 0).
	ComplexityLimit int
	// TrustedDocuments says which requests may run ad-hoc queries (trusted.go).
	TrustedDocuments TrustedDocumentsMode
	// MetricsToken, when set, serves GET /metrics to requests with "Authorization: Bearer
	// <MetricsToken>"; when empty, /metrics is not served.
	MetricsToken string
	// Draining reports that the server is shutting down, which /readyz answers with 503
	// "draining"; nil is never.
	Draining func() bool
	// ExportPageSize is how many decisions an export reads per statement
	// (decisions.ExportPageSize when 0); the API tests lower it to cross pages with little data.
	ExportPageSize int
	// Transport is the POST transport of /graphql; nil is the console's own (postTransport). The
	// API tests and benchmarks set gqlgen's transport.POST to compare the two.
	Transport graphql.Transport
}

// api is the HTTP interface over its services and options; its handlers are its methods.
type api struct {
	Services
	Options
}

// New returns the console's HTTP handler: the GraphQL API at /graphql (POST only), the session
// endpoints under /auth/, the decision export, health checks, metrics and the playground where
// the options say so, and the UI.
func New(s Services, o Options) http.Handler {
	a := &api{Services: s, Options: o}
	mux := http.NewServeMux()
	mux.Handle("/graphql", a.graphQLHandler())
	mux.Handle("/auth/", a.Accounts.Handler(a.Auth))
	if a.OIDC != nil {
		mux.Handle("/auth/oidc/", a.OIDC)
	}
	mux.Handle("/export/decisions.csv", a.decisionExportHandler())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", a.ready)
	if a.MetricsToken != "" {
		mux.Handle("GET /metrics", a.metricsOnMainAddress())
	}
	mux.Handle("/", ui.Handler())
	if a.Playground {
		mux.Handle("GET /graphiql", a.playgroundHandler())
	}
	return requestInfo(a.requestLog().Wrap(securityHeaders(a.closeWhenDraining(mux))))
}

// closeWhenDraining answers every request with "Connection: close" once the server is shutting
// down (during SHUTDOWN_DELAY): the connection then closes after the answer, cleanly, and a
// keep-alive client sends its next request on a new connection, which the load balancer gives
// to another replica, rather than down this one just as the server stops listening.
func (a *api) closeWhenDraining(next http.Handler) http.Handler {
	if a.Draining == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a.Draining() {
			w.Header().Set("Connection", "close")
		}
		next.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
