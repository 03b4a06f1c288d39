package app

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"riskconsole/graph"
	"riskconsole/ui"
)

// queryCacheSize is how many parsed and validated documents the GraphQL endpoint keeps. Its
// limits are in limits.go.
const queryCacheSize = 1000

// Handler returns the console's HTTP handler: the GraphQL API at /graphql (POST only), the
// session endpoints under /auth/, health checks, and the UI.
func (a *App) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/graphql", a.graphQLHandler())
	mux.Handle("/auth/", a.Accounts.Handler(a.Auth))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", a.ready)
	mux.Handle("/", ui.Handler())
	if a.Config.Playground {
		mux.Handle("GET /graphiql", a.playgroundHandler())
	}
	return requestInfo(securityHeaders(mux))
}

func (a *App) graphQLHandler() http.Handler {
	cfg := graph.Config{Resolvers: &graph.Resolver{DecisionService: a.Decisions, ThresholdService: a.Thresholds, AuditService: a.Audit,
		AccountService: a.Accounts}}
	cfg.Directives.HasRole = graph.HasRole(a.Audit)
	graph.SetComplexity(&cfg.Complexity)
	srv := handler.New(graph.NewExecutableSchema(cfg))
	// POST with a JSON body is the only transport: no GET, no multipart, no websocket.
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](queryCacheSize))
	srv.SetParserTokenLimit(parserTokenLimit)
	srv.Use(newOperationLimits(a.Config.ComplexityLimit))
	srv.Use(introspectionGuard{enabled: a.Config.Introspection, denials: a.Audit})
	srv.SetErrorPresenter(graph.PresentError)
	srv.SetRecoverFunc(graph.Recover)
	var h http.Handler = srv
	h = graph.LoaderMiddleware(a.Thresholds, h)
	h = requireJSON(h)
	h = a.Auth.Middleware(h)
	h = limitRequest(h)
	timeout := a.Config.RequestTimeout
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			writeAPIError(w, r, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", "", "use POST with a JSON body")
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}

func (a *App) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := a.Store.Ping(ctx); err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "database unavailable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
