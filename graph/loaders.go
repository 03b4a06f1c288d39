package graph

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	"riskconsole/internal/decisions"
	"riskconsole/internal/outcomes"
	"riskconsole/internal/reviews"
	"riskconsole/internal/thresholds"
)

// Loaders batch the look-ups of one request. They are created per request by LoaderMiddleware
// and never shared, so one caller's data never leaks into another's.
type Loaders struct {
	ThresholdVersions *dataloadgen.Loader[int64, *thresholds.Version]

	outcomesOnce  sync.Once
	outcomeEvents *dataloadgen.Loader[string, []outcomes.RecordedEvent]

	reviewsOnce sync.Once
	// reviewDecisions loads decisions by id for review cases; casesOf the cases that reviewed a
	// decision or were decided by writing it.
	reviewDecisions *dataloadgen.Loader[string, decisions.Decision]
	casesOf         *dataloadgen.Loader[string, []reviews.Case]
}

// reviewLoaders makes the request's loaders of review cases and their decisions on first use.
func (l *Loaders) reviewLoaders(svc *reviews.Service) {
	l.reviewsOnce.Do(func() {
		l.reviewDecisions = dataloadgen.NewMappedLoader(svc.Decisions, dataloadgen.WithWait(loaderWait))
		l.casesOf = dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string][]reviews.Case, error) {
			cases, err := svc.OfDecisions(ctx, ids)
			if err != nil {
				return nil, err
			}
			m := make(map[string][]reviews.Case, len(ids))
			for _, id := range ids {
				m[id] = nil
			}
			for _, c := range cases {
				m[c.DecisionID] = append(m[c.DecisionID], c)
				if c.NewDecisionID != "" {
					m[c.NewDecisionID] = append(m[c.NewDecisionID], c)
				}
			}
			return m, nil
		}, dataloadgen.WithWait(loaderWait))
	})
}

// ReviewDecisions returns the request's loader of decisions by id for review cases.
func (l *Loaders) ReviewDecisions(svc *reviews.Service) *dataloadgen.Loader[string, decisions.Decision] {
	l.reviewLoaders(svc)
	return l.reviewDecisions
}

// CasesOf returns the request's loader of the review cases of decisions: those that reviewed the
// decision and the one whose overturn wrote it.
func (l *Loaders) CasesOf(svc *reviews.Service) *dataloadgen.Loader[string, []reviews.Case] {
	l.reviewLoaders(svc)
	return l.casesOf
}

// OutcomeEvents returns the request's loader of decisions' repayment events (oldest first, none
// for a decision without), made on first use: a page of decisions reads its events in one query.
func (l *Loaders) OutcomeEvents(svc *outcomes.Ingest) *dataloadgen.Loader[string, []outcomes.RecordedEvent] {
	l.outcomesOnce.Do(func() {
		l.outcomeEvents = dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string][]outcomes.RecordedEvent, error) {
			m, err := svc.Events(ctx, ids)
			if err != nil {
				return nil, err
			}
			for _, id := range ids {
				if _, ok := m[id]; !ok {
					m[id] = nil
				}
			}
			return m, nil
		}, dataloadgen.WithWait(loaderWait))
	})
	return l.outcomeEvents
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
