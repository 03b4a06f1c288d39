package store

import "testing"

// SetGroupCommitLimits sets the limits of the assessments' group commit until the test ends.
func (s *Store) SetGroupCommitLimits(tb testing.TB, l GroupCommitLimits) {
	g := s.forAssessments().commits
	if g == nil {
		tb.Fatal("no group commit on this store")
	}
	g.mu.Lock()
	old := g.limits
	g.limits = l
	g.mu.Unlock()
	tb.Cleanup(func() {
		g.mu.Lock()
		g.limits = old
		g.mu.Unlock()
	})
}

// GroupCommitQueued returns the number of rows waiting in the assessments' group commit.
func (s *Store) GroupCommitQueued() int {
	g := s.forAssessments().commits
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.queue)
}
