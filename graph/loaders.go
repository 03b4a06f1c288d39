package graph

import (
	"context"
	"net/http"
	"time"

	"github.com/vikstrous/dataloadgen"

	"riskconsole/internal/thresholds"
)

// Loaders batch the look-ups of one request. They are created per request by LoaderMiddleware
// and never shared, so one caller's data never leaks into another's.
type Loaders struct {
	ThresholdVersions *dataloadgen.Loader[int64, *thresholds.Version]
}

type loadersKey struct{}

// loaderWait is how long a loader gathers keys before it fetches. Lists load all their keys in
// one LoadAll call, so the wait only matters for root fields resolved side by side.
const loaderWait = 200 * time.Microsecond

// LoaderMiddleware puts fresh Loaders in every request's context.
func LoaderMiddleware(th *thresholds.Service, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l := &Loaders{
			ThresholdVersions: dataloadgen.NewMappedLoader(th.Versions, dataloadgen.WithWait(loaderWait)),
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), loadersKey{}, l)))
	})
}

// loadersFor returns the request's loaders.
func loadersFor(ctx context.Context) *Loaders {
	return ctx.Value(loadersKey{}).(*Loaders)
}
