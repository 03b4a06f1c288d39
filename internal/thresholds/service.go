package thresholds

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"riskconsole/internal/apperr"
)

// Repository is what the service needs from storage.
type Repository interface {
	// Activations returns every activation, in any order.
	Activations(ctx context.Context) ([]Activation, error)
	// LatestActivationID returns the largest activation id, 0 when there is none. It is polled,
	// so it must be cheap.
	LatestActivationID(ctx context.Context) (int64, error)
	// ThresholdVersions returns the versions with the given ids, in any order.
	ThresholdVersions(ctx context.Context, ids []int64) ([]Version, error)
	// OpenExperiments returns the shadow runs not stopped and the split periods not ended, of
	// every market. It is polled, so it must be cheap: both tables hold a few rows per market.
	OpenExperiments(ctx context.Context) ([]Shadow, []Split, error)
}

// Service answers which threshold set is in force, from memory. Versions are immutable, so they
// are cached for the life of the process; the activation schedule is reloaded whenever a new
// activation appears (Refresh, which the server polls).
type Service struct {
	repo        Repository
	schedule    atomic.Pointer[schedule]
	experiments atomic.Pointer[experiments]

	mu       sync.RWMutex
	versions map[int64]*Version

	// lastRefresh is when Refresh last succeeded (Unix ns; 0 before the first), for the metrics.
	lastRefresh atomic.Int64
}

// schedule is the activation history of every market, each sorted by time.
type schedule struct {
	latestID int64
	byMarket map[string][]scheduled
}

type scheduled struct {
	at         time.Time
	version    *Version
	activation Activation
}

// NewService returns a service reading from repo. Call Refresh before the first Active.
func NewService(repo Repository) *Service {
	s := &Service{repo: repo, versions: map[int64]*Version{}}
	s.schedule.Store(&schedule{byMarket: map[string][]scheduled{}})
	s.experiments.Store(&experiments{})
	return s
}

// Active returns the version in force for market at time t. It does no I/O.
func (s *Service) Active(market string, t time.Time) (*Version, error) {
	list := s.schedule.Load().byMarket[market]
	// The last activation at or before t.
	i, _ := slices.BinarySearchFunc(list, t, func(e scheduled, t time.Time) int {
		if e.at.After(t) {
			return 1
		}
		return -1
	})
	if i == 0 {
		return nil, fmt.Errorf("no threshold set active for market %q: %w", market, apperr.ErrNotFound)
	}
	return list[i-1].version, nil
}

// Refresh reloads the activation schedule when a new activation was written since the last load,
// and the shadows and splits running in each market.
func (s *Service) Refresh(ctx context.Context) error {
	if err := s.refreshSchedule(ctx); err != nil {
		return err
	}
	if err := s.refreshExperiments(ctx); err != nil {
		return err
	}
	s.lastRefresh.Store(time.Now().UnixNano())
	return nil
}

// LastRefresh returns when Refresh, the poll for new activations, last succeeded; zero before
// the first success. A server whose poll fails keeps deciding with the schedule it last read.
func (s *Service) LastRefresh() time.Time {
	if ns := s.lastRefresh.Load(); ns != 0 {
		return time.Unix(0, ns).UTC()
	}
	return time.Time{}
}

func (s *Service) refreshSchedule(ctx context.Context) error {
	latest, err := s.repo.LatestActivationID(ctx)
	if err != nil {
		return err
	}
	if latest == s.schedule.Load().latestID {
		return nil
	}
	acts, err := s.repo.Activations(ctx)
	if err != nil {
		return err
	}
	ids := make([]int64, 0, len(acts))
	for _, a := range acts {
		ids = append(ids, a.VersionID)
	}
	versions, err := s.Versions(ctx, ids)
	if err != nil {
		return err
	}
	next := &schedule{byMarket: map[string][]scheduled{}}
	for _, a := range acts {
		next.latestID = max(next.latestID, a.ID)
		next.byMarket[a.Market] = append(next.byMarket[a.Market], scheduled{at: a.ActivatedAt, version: versions[a.VersionID], activation: a})
	}
	for _, list := range next.byMarket {
		slices.SortStableFunc(list, func(a, b scheduled) int { return a.at.Compare(b.at) })
	}
	s.schedule.Store(next)
	return nil
}

// refreshExperiments reloads the open shadow runs and split periods.
func (s *Service) refreshExperiments(ctx context.Context) error {
	shadows, splits, err := s.repo.OpenExperiments(ctx)
	if err != nil {
		return err
	}
	ids := make([]int64, 0, len(shadows)+len(splits))
	for _, sh := range shadows {
		ids = append(ids, sh.VersionID)
	}
	for _, sp := range splits {
		ids = append(ids, sp.VersionID)
	}
	versions, err := s.Versions(ctx, ids)
	if err != nil {
		return err
	}
	next := &experiments{shadows: map[string][]runningShadow{}, splits: map[string]runningSplit{}}
	for _, sh := range shadows {
		next.shadows[sh.Market] = append(next.shadows[sh.Market], runningShadow{sh, versions[sh.VersionID]})
	}
	for _, list := range next.shadows {
		slices.SortFunc(list, func(a, b runningShadow) int { return cmp.Compare(a.ID, b.ID) })
	}
	for _, sp := range splits {
		next.splits[sp.Market] = runningSplit{sp, versions[sp.VersionID]}
	}
	s.experiments.Store(next)
	return nil
}

// Versions returns the versions with the given ids, from memory where possible and with one
// query for the rest. An unknown id is an ErrNotFound.
func (s *Service) Versions(ctx context.Context, ids []int64) (map[int64]*Version, error) {
	out := make(map[int64]*Version, len(ids))
	var missing []int64
	s.mu.RLock()
	for _, id := range ids {
		if v, ok := s.versions[id]; ok {
			out[id] = v
		} else if !slices.Contains(missing, id) {
			missing = append(missing, id)
		}
	}
	s.mu.RUnlock()
	if len(missing) == 0 {
		return out, nil
	}
	loaded, err := s.repo.ThresholdVersions(ctx, missing)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	for i := range loaded {
		v := &loaded[i]
		s.versions[v.ID] = v
		out[v.ID] = v
	}
	s.mu.Unlock()
	for _, id := range missing {
		if out[id] == nil {
			return nil, fmt.Errorf("threshold version %d: %w", id, apperr.ErrNotFound)
		}
	}
	return out, nil
}
