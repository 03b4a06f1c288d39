package decisions

import (
	"context"
	"time"

	"riskconsole/internal/engine"
)

// AgentReview is what a support agent may know of a decision's review (issue 15): its status,
// dates and outcome, and the reference of the decision an overturn wrote. Never the shopper's
// statement, the reviewer's reason or anything that measured the shopper.
type AgentReview struct {
	Status               string // OPEN, IN_REVIEW, PENDING_SECOND_REVIEW, UPHELD or OVERTURNED
	RequestedAt, DueAt   time.Time
	Overdue              bool   // undecided past DueAt
	Outcome              string // UPHOLD or OVERTURN once decided, else ""
	DecidedAt            time.Time
	NewDecisionReference string // canonical; "" unless overturned
}

// ReviewLookup finds the review of a decision for the agent view. The store implements it.
type ReviewLookup interface {
	// AgentReviewOf returns the review of decision id (Overdue left false), if the shopper asked
	// for one.
	AgentReviewOf(ctx context.Context, decisionID string) (AgentReview, bool, error)
	// ReviewWindow returns how many days after a decision of market a shopper may ask for a
	// review, and whether the market offers review at all.
	ReviewWindow(ctx context.Context, market string) (days int, offered bool, err error)
}

// WithReviews makes the agent view show each decision's review from lookup. Call it before the
// service is used.
func (s *AgentService) WithReviews(lookup ReviewLookup) *AgentService {
	s.reviews = lookup
	return s
}

// addReview adds to v the review of d, when there is one, and for a reviewer's overturn the
// reference of the decision it overturned.
func (s *AgentService) addReview(ctx context.Context, d *Decision, v *AgentView) error {
	v.Kind = d.Kind
	if d.Kind == KindManualReview {
		original, err := s.repo.Decision(ctx, d.Overturns)
		if err != nil {
			return err
		}
		v.OverturnsReference = original.Reference
	}
	if s.reviews == nil {
		return nil
	}
	r, ok, err := s.reviews.AgentReviewOf(ctx, d.ID)
	if err != nil {
		return err
	}
	if ok {
		r.Overdue = r.Outcome == "" && s.now().After(r.DueAt)
		v.Review = &r
		// The shopper has asked: the note saying how to ask gives way to the review's state.
		if n, ask := len(v.Notes), agentNotesFor(v.GuidanceLocale).review; n > 0 && v.Notes[n-1] == ask {
			v.Notes = v.Notes[:n-1]
		}
		return nil
	}
	if d.Outcome != engine.Declined || d.Kind == KindManualReview {
		return nil
	}
	days, offered, err := s.reviews.ReviewWindow(ctx, d.Market)
	if err != nil || !offered {
		return err
	}
	if until := d.CreatedAt.AddDate(0, 0, days); s.now().Before(until) {
		v.ReviewRequestableUntil = until
	}
	return nil
}
