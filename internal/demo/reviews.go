package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/auth"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/reviews"
	"riskconsole/internal/store"
)

// demoReview is a review case of the embedded demo: a recent decline of market, the shopper's
// statement in their language, and how far the demo reviewers take it.
type demoReview struct {
	market, locale, statement string
	// claimBy claims the case ("" leaves it OPEN); outcome, when set, decides it with reason.
	claimBy, outcome, reason string
}

// demoReviews give the reviewers' queue something to work: cases open, claimed and decided, in
// each market that offers review.
var demoReviews = []demoReview{
	{market: "SE", locale: "sv-SE", statement: "Jag har fast anställning sedan tre år och lånet som syns hos UC är redan betalt."},
	{market: "DE", locale: "de-DE", statement: "Mein Einkommen ist seit diesem Monat höher; ich kann gern eine Gehaltsabrechnung schicken."},
	{market: "GB", locale: "en-GB", statement: "I moved house two months ago, which is why my address looks new.", claimBy: "reviewer.rita"},
	{market: "SE", locale: "en-GB", statement: "The missed payment was a bank error and has been corrected.", claimBy: "reviewer.ravi",
		outcome: string(reviews.Uphold), reason: "The credit report of the day of the purchase still shows the missed payment; the decision used it correctly."},
}

// EnsureReviews opens the demo's review cases through the review service, on recent declines,
// when the database has none yet. The requests are the demo's own (system:demo-reviews); the
// claims and decisions are made as the demo reviewers, when their accounts exist.
func EnsureReviews(ctx context.Context, st *store.Store, svc *reviews.Service) error {
	existing, _, err := svc.List(ctx, reviews.Filter{}, 1, "")
	if err != nil || len(existing) > 0 {
		return err
	}
	since := time.Now().AddDate(0, 0, -60)
	used := map[string]bool{}
	for i, r := range demoReviews {
		d, ok, err := recentDecline(ctx, st, r.market, since, used)
		if err != nil {
			return err
		}
		if !ok {
			continue // no recent decline in the market: nothing to review there
		}
		used[d.ID] = true
		sys := auth.WithPrincipal(ctx, auth.SystemPrincipal("demo-reviews"))
		c, err := svc.RequestReview(sys, reviews.Request{Reference: d.Reference, Statement: r.statement, Locale: r.locale,
			IdempotencyKey: fmt.Sprintf("demo-review-%d", i)})
		if err != nil {
			return fmt.Errorf("demo review of %s: %w", d.Reference, err)
		}
		if r.claimBy == "" {
			continue
		}
		u, err := st.UserByUsername(ctx, r.claimBy)
		if errors.Is(err, apperr.ErrNotFound) {
			continue // the demo accounts were not created: the case stays open
		}
		if err != nil {
			return err
		}
		as := auth.WithPrincipal(ctx, &auth.Principal{Kind: auth.UserKind, UserID: u.ID, Name: u.Username, DisplayName: u.DisplayName, Roles: u.Roles})
		id := fmt.Sprint(c.ID)
		if _, err := svc.Claim(as, id); err != nil {
			return fmt.Errorf("demo claim of review case %s: %w", id, err)
		}
		if r.outcome != "" {
			if _, err := svc.Decide(as, id, reviews.Outcome(r.outcome), r.reason); err != nil {
				return fmt.Errorf("demo decision of review case %s: %w", id, err)
			}
		}
	}
	return nil
}

// recentDecline returns the newest decline of market since since that used does not hold.
func recentDecline(ctx context.Context, st *store.Store, market string, since time.Time, used map[string]bool) (decisions.Decision, bool, error) {
	page, err := st.Decisions(ctx, decisions.Filter{From: since, Market: market, Outcome: engine.Declined},
		decisions.PageRequest{First: len(demoReviews) + 1})
	if err != nil {
		return decisions.Decision{}, false, err
	}
	for _, d := range page.Items {
		if !used[d.ID] {
			return d, true, nil
		}
	}
	return decisions.Decision{}, false, nil
}
