package httpapi

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strconv"
	"strings"

	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/obs"
)

// graphQLRoute is the route name of POST /graphql.
const graphQLRoute = "graphql"

// requestLog is the per-request log line and latency metrics, around everything but requestInfo.
func (a *api) requestLog() obs.RequestLog {
	return obs.RequestLog{Logger: a.Logger, Metrics: a.Metrics, Route: route, GraphQLRoute: graphQLRoute,
		RequestID: func(ctx context.Context) string { return audit.RequestFrom(ctx).ID }}
}

// authRoutes are the endpoints under /auth/ named in the log; others are "auth/other".
var authRoutes = []string{"login", "logout", "session", "password", "oidc/start", "oidc/callback", "oidc/provider"}

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

// metricsOnMainAddress serves the metrics on the main address to requests with
// "Authorization: Bearer <METRICS_TOKEN>"; others get 401.
func (a *api) metricsOnMainAddress() http.Handler {
	want := sha256.Sum256([]byte(a.MetricsToken))
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
