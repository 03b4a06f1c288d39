package outcomes

import (
	"context"
	"sync"
	"time"

	"riskconsole/internal/approval"
)

// DefinitionStore reads the bad definition versions.
type DefinitionStore interface {
	// ActiveBadDefinition returns market's newest version (apperr.ErrNotFound when none).
	ActiveBadDefinition(ctx context.Context, market string) (Version, error)
}

// activeTTL is how long Active trusts what it read: a version approved on another instance is
// in force here at most this late.
const activeTTL = 2 * time.Second

// DefinitionService answers which bad definition is in force in each market. It implements
// Definitions. When its store is also a DraftStore (the database's is), it runs the definition's
// drafts through maker-checker too (drafts.go) and lists the versions.
type DefinitionService struct {
	store DefinitionStore
	now   func() time.Time

	drafts DraftStore                         // nil when store keeps no drafts
	flow   *approval.Workflow[Draft, DraftTx] // the drafts' workflow, with drafts

	mu     sync.Mutex
	active map[string]cachedVersion
}

type cachedVersion struct {
	v    Version
	read time.Time
}

// NewDefinitionService returns the service over st, reading the time from now (nil: time.Now).
// The drafts' lifecycle is available when st is a DraftStore.
func NewDefinitionService(st DefinitionStore, now func() time.Time) *DefinitionService {
	if now == nil {
		now = time.Now
	}
	s := &DefinitionService{store: st, now: now, active: map[string]cachedVersion{}}
	if ds, ok := st.(DraftStore); ok {
		s.drafts = ds
		s.flow = approval.New(draftKind, ds.BadDefinitionTx, ds.AppendAudit, now)
	}
	return s
}

// Active returns the version in force in market, read at most activeTTL ago.
func (s *DefinitionService) Active(ctx context.Context, market string) (Version, error) {
	now := s.now()
	s.mu.Lock()
	c, ok := s.active[market]
	s.mu.Unlock()
	if ok && now.Sub(c.read) < activeTTL {
		return c.v, nil
	}
	v, err := s.store.ActiveBadDefinition(ctx, market)
	if err != nil {
		return Version{}, err
	}
	s.Remember(v)
	return v, nil
}

// Remember makes v the version in force in its market on this instance at once (after an
// approval published it here).
func (s *DefinitionService) Remember(v Version) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.active[v.Market]; ok && c.v.Version > v.Version {
		return
	}
	s.active[v.Market] = cachedVersion{v: v, read: s.now()}
}
