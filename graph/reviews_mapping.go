package graph

import (
	"cmp"
	"context"
	"strconv"
	"time"

	"riskconsole/graph/model"
	"riskconsole/internal/decisions"
	"riskconsole/internal/market"
	"riskconsole/internal/reviews"
)

// mapPolicy maps a market's review policy.
func mapPolicy(p *reviews.Policy) model.ReviewPolicy {
	m, _ := market.Lookup(p.Market)
	return model.ReviewPolicy{Market: p.Market, Offered: p.Offered, Required: p.Required, WindowDays: p.WindowDays,
		AnswerDays: p.AnswerDays, SecondReviewAbove: minorToMajor(p.SecondReviewAboveMinor), Currency: m.Currency}
}

// mapReviewCase maps a case as its reviewers see it. Its decisions resolve on demand, in one batch
// per page (the ReviewCase resolvers): the mapped case holds only their ids.
func mapReviewCase(c *reviews.Case, now time.Time) model.ReviewCase {
	out := model.ReviewCase{
		ID: strconv.FormatInt(c.ID, 10), Status: model.ReviewStatus(c.Status), Market: c.Market,
		Decision: &model.Decision{ID: c.DecisionID}, Statement: c.Statement, Locale: c.Locale,
		RequestedBy: c.RequestedBy, RequestedAt: c.RequestedAt, DueAt: c.DueAt, Overdue: c.Overdue(now),
		Reviewer: optString(c.Reviewer), ClaimedAt: optTime(c.ClaimedAt), Outcome: optOutcome(c.Outcome),
		Reason: optString(c.Reason), DecidedAt: optTime(c.DecidedAt), SecondReviewRequired: c.SecondReviewRequired,
		SecondReviewer: optString(c.SecondReviewer), SecondReviewComment: optString(c.SecondComment),
		SecondReviewedAt: optTime(c.SecondReviewedAt), Notices: mapNotices(c.Notices),
	}
	if c.NewDecisionID != "" {
		out.NewDecision = &model.Decision{ID: c.NewDecisionID}
	}
	return out
}

// mapReceipt maps a case as the shopper's app sees it.
func mapReceipt(c *reviews.Case, newReference string) *model.ReviewReceipt {
	return &model.ReviewReceipt{CaseID: strconv.FormatInt(c.ID, 10), Reference: decisions.FormatReference(c.DecisionReference),
		Status: model.ReviewStatus(c.Status), RequestedAt: c.RequestedAt, DueAt: c.DueAt, Notices: mapNotices(c.Notices),
		NewDecisionReference: optString(newReference)}
}

func mapNotices(ns []reviews.Notice) []model.ReviewNotice {
	out := make([]model.ReviewNotice, len(ns))
	for i, n := range ns {
		out[i] = model.ReviewNotice{Kind: model.ReviewNoticeKind(n.Kind), Locale: n.Locale, Title: n.Title, Body: n.Body, SentAt: n.SentAt}
	}
	return out
}

// mapCaseConnection maps a page of the queue.
func mapCaseConnection(cases []reviews.Case, hasNext bool, after *string, now time.Time) *model.ReviewCaseConnection {
	conn := &model.ReviewCaseConnection{Nodes: make([]model.ReviewCase, len(cases))}
	for i := range cases {
		conn.Nodes[i] = mapReviewCase(&cases[i], now)
	}
	conn.Edges, conn.PageInfo = edgesOf(cases, conn.Nodes, hasNext, after, reviews.EncodeCursor,
		func(c string, n *model.ReviewCase) model.ReviewCaseEdge {
			return model.ReviewCaseEdge{Cursor: c, Node: n}
		})
	return conn
}

// reviewFilter maps the queue's filter.
func reviewFilter(f *model.ReviewCaseFilter) reviews.Filter {
	var out reviews.Filter
	if f == nil {
		return out
	}
	if f.Status != nil {
		out.Status = reviews.Status(*f.Status)
	}
	if f.Market != nil {
		out.Market = *f.Market
	}
	out.Overdue = f.Overdue
	return out
}

func mapRates(rates []reviews.Rate) []model.OverturnRate {
	out := make([]model.OverturnRate, len(rates))
	for i, r := range rates {
		out[i] = model.OverturnRate{Market: r.Market, Reason: model.ReasonCode(r.Reason), Decided: int(r.Decided),
			Overturned: int(r.Overturned), Rate: float64(r.Overturned) / float64(r.Decided)}
	}
	return out
}

// loadReviewDecision loads the decision of id for a review case and maps it in full.
func (r *Resolver) loadReviewDecision(ctx context.Context, id string) (*model.Decision, error) {
	d, err := loadersFor(ctx).ReviewDecisions(r.ReviewService).Load(ctx, id)
	if err != nil {
		return nil, err
	}
	return mapOneDecision(ctx, d, nil)
}

// casesOf loads the review cases of decision id (reviewed, or written by an overturn).
func (r *Resolver) casesOf(ctx context.Context, id string) ([]reviews.Case, error) {
	return loadersFor(ctx).CasesOf(r.ReviewService).Load(ctx, id)
}

func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func optOutcome(o reviews.Outcome) *model.ReviewOutcome {
	if o == "" {
		return nil
	}
	m := model.ReviewOutcome(o)
	return &m
}

// mapAgentReview maps the review part of the agent view (issue 15): status, dates, outcome and
// linked references, nothing else.
func mapAgentReview(v *decisions.AgentView, out *model.AgentDecision) {
	out.Kind = model.DecisionKind(cmp.Or(v.Kind, decisions.KindAutomated))
	out.ReviewRequestableUntil = optTime(v.ReviewRequestableUntil)
	if v.OverturnsReference != "" {
		ref := decisions.FormatReference(v.OverturnsReference)
		out.OverturnsReference = &ref
	}
	r := v.Review
	if r == nil {
		return
	}
	out.Review = &model.AgentReview{Status: model.ReviewStatus(r.Status), RequestedAt: r.RequestedAt, DueAt: r.DueAt,
		Overdue: r.Overdue, Outcome: optOutcome(reviews.Outcome(r.Outcome)), DecidedAt: optTime(r.DecidedAt)}
	if r.NewDecisionReference != "" {
		ref := decisions.FormatReference(r.NewDecisionReference)
		out.Review.NewDecisionReference = &ref
	}
}

// mapCase maps the case a service call answered with, or passes its error on.
func (r *Resolver) mapCase(c reviews.Case, err error) (*model.ReviewCase, error) {
	if err != nil {
		return nil, err
	}
	m := mapReviewCase(&c, r.ReviewService.Now())
	return &m, nil
}
