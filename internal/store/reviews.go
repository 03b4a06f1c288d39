package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"riskconsole/internal/apperr"
	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
	"riskconsole/internal/decisions"
	"riskconsole/internal/reviews"
	"riskconsole/models"
)

// undecided is the condition on review_cases of the cases still to decide.
const undecided = "status IN ('OPEN', 'IN_REVIEW', 'PENDING_SECOND_REVIEW')"

// ReviewPolicies returns every market's review policy, by market.
func (s *Store) ReviewPolicies(ctx context.Context) ([]reviews.Policy, error) {
	var rows []models.ReviewPolicy
	if err := s.db.WithContext(ctx).Order("market").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read review policies: %w", err)
	}
	out := make([]reviews.Policy, len(rows))
	for i := range rows {
		out[i] = policyOf(&rows[i])
	}
	return out, nil
}

// ReviewPolicy returns market's review policy (apperr.ErrNotFound when it has none).
func (s *Store) ReviewPolicy(ctx context.Context, market string) (reviews.Policy, error) {
	var row models.ReviewPolicy
	err := s.db.WithContext(ctx).Where("market = ?", market).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return reviews.Policy{}, fmt.Errorf("review policy of %s: %w", market, apperr.ErrNotFound)
	}
	if err != nil {
		return reviews.Policy{}, fmt.Errorf("read review policy: %w", err)
	}
	return policyOf(&row), nil
}

func policyOf(r *models.ReviewPolicy) reviews.Policy {
	return reviews.Policy{Market: r.Market, Offered: r.Offered, Required: r.Required, WindowDays: r.WindowDays,
		AnswerDays: r.AnswerDays, SecondReviewAboveMinor: r.SecondReviewAboveMinor}
}

// ReviewTx runs fn in one transaction.
func (s *Store) ReviewTx(ctx context.Context, fn func(tx reviews.Tx) error) error {
	return s.InTx(ctx, func(tx *Store) error { return fn(tx) })
}

// ReviewCase returns case id with its notices.
func (s *Store) ReviewCase(ctx context.Context, id int64) (reviews.Case, error) {
	cases, err := s.findCases(ctx, s.db.WithContext(ctx).Where("id = ?", id))
	if err != nil {
		return reviews.Case{}, err
	}
	if len(cases) == 0 {
		return reviews.Case{}, fmt.Errorf("review case %d: %w", id, apperr.ErrNotFound)
	}
	return cases[0], nil
}

// CaseOfDecision returns the case of the reviewed decision id, if there is one.
func (s *Store) CaseOfDecision(ctx context.Context, decisionID string) (reviews.Case, bool, error) {
	cases, err := s.findCases(ctx, s.db.WithContext(ctx).Where("decision_id = ?", decisionID))
	if err != nil || len(cases) == 0 {
		return reviews.Case{}, false, err
	}
	return cases[0], true, nil
}

// ReviewCases returns up to limit cases matching f after the cursor, soonest due first, along the
// review_cases_due index.
func (s *Store) ReviewCases(ctx context.Context, f reviews.Filter, after *reviews.Cursor, limit int) ([]reviews.Case, error) {
	q := s.db.WithContext(ctx)
	if f.Status != "" {
		q = q.Where("status = ?", string(f.Status))
	}
	if f.Market != "" {
		q = q.Where("market = ?", f.Market)
	}
	if f.Overdue != nil {
		if *f.Overdue {
			q = q.Where(undecided+" AND due_at < ?", f.Now.UTC())
		} else {
			q = q.Where("NOT ("+undecided+" AND due_at < ?)", f.Now.UTC())
		}
	}
	if after != nil {
		q = q.Where("(due_at, id) > (?, ?)", after.DueAt.UTC(), after.ID)
	}
	return s.findCases(ctx, q.Order("due_at, id").Limit(limit))
}

// ReviewCasesOfDecisions returns the cases that reviewed one of ids or wrote one of them.
func (s *Store) ReviewCasesOfDecisions(ctx context.Context, ids []string) ([]reviews.Case, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return s.findCases(ctx, s.db.WithContext(ctx).Where("decision_id IN ? OR new_decision_id IN ?", ids, ids).Order("id"))
}

// AgentReviewOf returns what the agent view shows of the review of decision id, if there is one.
func (s *Store) AgentReviewOf(ctx context.Context, decisionID string) (decisions.AgentReview, bool, error) {
	var rows []models.ReviewCase
	if err := s.db.WithContext(ctx).Where("decision_id = ?", decisionID).Limit(1).Find(&rows).Error; err != nil {
		return decisions.AgentReview{}, false, fmt.Errorf("read review case: %w", err)
	}
	if len(rows) == 0 {
		return decisions.AgentReview{}, false, nil
	}
	c := caseOf(&rows[0])
	r := decisions.AgentReview{Status: string(c.Status), RequestedAt: c.RequestedAt, DueAt: c.DueAt, DecidedAt: c.DecidedAt}
	if c.Status.Decided() {
		r.Outcome = string(c.Outcome)
	}
	if c.NewDecisionID != "" {
		d, err := s.Decision(ctx, c.NewDecisionID)
		if err != nil {
			return decisions.AgentReview{}, false, err
		}
		r.NewDecisionReference = d.Reference
	}
	return r, true, nil
}

// OverturnedBy returns the id of the decision that overturned each of ids that was overturned.
func (s *Store) OverturnedBy(ctx context.Context, ids []string) (map[string]string, error) {
	var rows []struct {
		DecisionID    string
		NewDecisionID string
	}
	err := s.db.WithContext(ctx).Model(&models.ReviewCase{}).Select("decision_id, new_decision_id").
		Where("decision_id IN ? AND new_decision_id IS NOT NULL", ids).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("read overturn links: %w", err)
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.DecisionID] = r.NewDecisionID
	}
	return out, nil
}

// ReviewWindow returns market's review window in days and whether it offers review; a market
// without a policy offers none.
func (s *Store) ReviewWindow(ctx context.Context, market string) (int, bool, error) {
	p, err := s.ReviewPolicy(ctx, market)
	if errors.Is(err, apperr.ErrNotFound) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	return p.WindowDays, p.Offered, nil
}

// DecisionsByID returns the decisions of ids that exist, in one statement (a page of review
// cases reads its decisions at once).
func (s *Store) DecisionsByID(ctx context.Context, ids []string) ([]decisions.Decision, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := s.decisionRowsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]decisions.Decision, len(rows))
	for i := range rows {
		if out[i], err = decisionFromRow(&rows[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// findCases runs q over review_cases and reads the notices of the cases found in one more query.
func (s *Store) findCases(ctx context.Context, q *gorm.DB) ([]reviews.Case, error) {
	var rows []models.ReviewCase
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read review cases: %w", err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(rows))
	for i := range rows {
		ids[i] = rows[i].ID
	}
	var notices []models.ReviewNotice
	if err := s.db.WithContext(ctx).Where("case_id IN ?", ids).Order("created_at, case_id").Find(&notices).Error; err != nil {
		return nil, fmt.Errorf("read review notices: %w", err)
	}
	byCase := make(map[int64][]reviews.Notice, len(rows))
	for _, n := range notices {
		byCase[n.CaseID] = append(byCase[n.CaseID], reviews.Notice{SentAt: n.CreatedAt.UTC(),
			ReviewNotice: catalog.ReviewNotice{Kind: catalog.ReviewNoticeKind(n.Kind), Locale: n.Locale, Title: n.Title, Body: n.Body}})
	}
	out := make([]reviews.Case, len(rows))
	for i := range rows {
		out[i] = caseOf(&rows[i])
		out[i].Notices = byCase[rows[i].ID]
	}
	return out, nil
}

// InsertCase writes c and fills its ID.
func (s *Store) InsertCase(ctx context.Context, c *reviews.Case) error {
	row := caseRow(c)
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		if isUniqueViolation(err, "decision_id") {
			return reviews.ErrCaseExists
		}
		return fmt.Errorf("insert review case: %w", err)
	}
	c.ID = row.ID
	return nil
}

// LockCase locks case id if it is in status: a conditional UPDATE that changes nothing but holds
// the row's lock on PostgreSQL until the transaction ends (SQLite runs one writer at a time).
func (s *Store) LockCase(ctx context.Context, id int64, status reviews.Status) (bool, error) {
	res := s.db.WithContext(ctx).Exec("UPDATE review_cases SET updated_at = updated_at WHERE id = ? AND status = ?", id, string(status))
	if res.Error != nil {
		return false, fmt.Errorf("lock review case: %w", res.Error)
	}
	return res.RowsAffected == 1, nil
}

// SaveCase writes c's review fields over its row; the request's fields never change.
func (s *Store) SaveCase(ctx context.Context, c *reviews.Case) error {
	r := caseRow(c)
	err := s.db.WithContext(ctx).Model(&models.ReviewCase{}).Where("id = ?", c.ID).Updates(map[string]any{
		"status": r.Status, "reviewer": r.Reviewer, "reviewer_person": r.ReviewerPerson, "claimed_at": r.ClaimedAt,
		"outcome": r.Outcome, "reason": r.Reason, "decided_at": r.DecidedAt, "second_reviewer": r.SecondReviewer,
		"second_reviewer_person": r.SecondReviewerPerson, "second_comment": r.SecondComment,
		"second_reviewed_at": r.SecondReviewedAt, "new_decision_id": r.NewDecisionID, "updated_at": r.UpdatedAt,
	}).Error
	if err != nil {
		return fmt.Errorf("save review case: %w", err)
	}
	return nil
}

// InsertNotice stores notice n of case caseID.
func (s *Store) InsertNotice(ctx context.Context, caseID int64, n *reviews.Notice) error {
	row := models.ReviewNotice{CaseID: caseID, Kind: string(n.Kind), Locale: n.Locale, Title: n.Title, Body: n.Body, CreatedAt: n.SentAt.UTC()}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("insert review notice: %w", err)
	}
	return nil
}

// ShopperLinked reports whether person p, a staff user, has declared shopperID as their own.
// Persons other than users (tokens, system tasks) have no shopper ids.
func (s *Store) ShopperLinked(ctx context.Context, p auth.Person, shopperID string) (bool, error) {
	userID, ok := userOfPerson(p)
	if !ok && strings.HasPrefix(string(p), "oidc:") {
		// A person of the identity provider is the account that carries its person id.
		u, err := s.UserByPerson(ctx, p)
		switch {
		case errors.Is(err, apperr.ErrNotFound):
			return false, nil
		case err != nil:
			return false, err
		}
		userID, ok = u.ID, true
	}
	if !ok {
		return false, nil
	}
	var n int64
	err := s.db.WithContext(ctx).Model(&models.StaffShopperLink{}).Where("user_id = ? AND shopper_id = ?", userID, shopperID).Count(&n).Error
	if err != nil {
		return false, fmt.Errorf("read staff shopper links: %w", err)
	}
	return n > 0, nil
}

// StaffShopperIDs returns the shopper ids linked to user userID, sorted.
func (s *Store) StaffShopperIDs(ctx context.Context, userID int64) ([]string, error) {
	ids := []string{}
	err := s.db.WithContext(ctx).Model(&models.StaffShopperLink{}).Where("user_id = ?", userID).
		Order(s.byteOrder("shopper_id")).Pluck("shopper_id", &ids).Error
	if err != nil {
		return nil, fmt.Errorf("read staff shopper links: %w", err)
	}
	return ids, nil
}

// LinkStaffShopper links shopperID to user userID; an existing link is left as it is.
func (s *Store) LinkStaffShopper(ctx context.Context, userID int64, shopperID, by string, at time.Time) error {
	err := s.db.WithContext(ctx).Exec("INSERT INTO staff_shopper_links (user_id, shopper_id, created_by, created_at) "+
		"VALUES (?, ?, ?, ?) ON CONFLICT (user_id, shopper_id) DO NOTHING", userID, shopperID, by, at.UTC()).Error
	if err != nil {
		return fmt.Errorf("link staff shopper: %w", err)
	}
	return nil
}

// UnlinkStaffShopper removes the link of shopperID to user userID, if any.
func (s *Store) UnlinkStaffShopper(ctx context.Context, userID int64, shopperID string) error {
	err := s.db.WithContext(ctx).Where("user_id = ? AND shopper_id = ?", userID, shopperID).Delete(&models.StaffShopperLink{}).Error
	if err != nil {
		return fmt.Errorf("unlink staff shopper: %w", err)
	}
	return nil
}

// userOfPerson returns the user id of a user's person ("user:3").
func userOfPerson(p auth.Person) (int64, bool) {
	rest, ok := strings.CutPrefix(string(p), "user:")
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	return id, err == nil
}

// OverturnRates counts the cases decided in [q.From, q.To) by market and principal reason.
func (s *Store) OverturnRates(ctx context.Context, q reviews.RateQuery) ([]reviews.Rate, error) {
	db := s.db.WithContext(ctx).Model(&models.ReviewCase{}).
		Where("status IN ('UPHELD', 'OVERTURNED') AND decided_at >= ? AND decided_at < ?", q.From.UTC(), q.To.UTC())
	if q.Market != "" {
		db = db.Where("market = ?", q.Market)
	}
	var out []reviews.Rate
	err := db.Select("market, principal_reason AS reason, COUNT(*) AS decided, " +
		"SUM(CASE WHEN status = 'OVERTURNED' THEN 1 ELSE 0 END) AS overturned").
		Group("market, principal_reason").Order("market, principal_reason").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("overturn rates: %w", err)
	}
	return out, nil
}

// ReviewDeadlines counts the undecided cases by deadline at now: past it, due before soon, and
// due later.
func (s *Store) ReviewDeadlines(ctx context.Context, now, soon time.Time) (reviews.Deadlines, error) {
	var out reviews.Deadlines
	err := s.db.WithContext(ctx).Model(&models.ReviewCase{}).Where(undecided).
		Select("COALESCE(SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END), 0) AS overdue, "+
			"COALESCE(SUM(CASE WHEN due_at >= ? AND due_at < ? THEN 1 ELSE 0 END), 0) AS due_soon, "+
			"COALESCE(SUM(CASE WHEN due_at >= ? THEN 1 ELSE 0 END), 0) AS on_time", now.UTC(), now.UTC(), soon.UTC(), soon.UTC()).
		Scan(&out).Error
	if err != nil {
		return reviews.Deadlines{}, fmt.Errorf("count review cases by deadline: %w", err)
	}
	return out, nil
}

func caseRow(c *reviews.Case) models.ReviewCase {
	r := models.ReviewCase{ID: c.ID, DecisionID: c.DecisionID, DecisionReference: c.DecisionReference, Market: c.Market,
		PrincipalReason: c.PrincipalReason, AmountMinor: c.AmountMinor, Currency: c.Currency, Locale: c.Locale,
		Statement: c.Statement, IdempotencyKey: c.IdempotencyKey, RequestedBy: c.RequestedBy,
		RequestedByPerson: string(c.RequestedByPerson), RequestedAt: c.RequestedAt.UTC(), DueAt: c.DueAt.UTC(),
		SecondReviewRequired: c.SecondReviewRequired, Status: string(c.Status), Reviewer: c.Reviewer,
		ReviewerPerson: string(c.ReviewerPerson), ClaimedAt: optTime(c.ClaimedAt), Outcome: string(c.Outcome),
		Reason: c.Reason, DecidedAt: optTime(c.DecidedAt), SecondReviewer: c.SecondReviewer,
		SecondReviewerPerson: string(c.SecondReviewerPerson), SecondComment: c.SecondComment,
		SecondReviewedAt: optTime(c.SecondReviewedAt), UpdatedAt: c.UpdatedAt.UTC()}
	if c.NewDecisionID != "" {
		r.NewDecisionID = &c.NewDecisionID
	}
	return r
}

func caseOf(r *models.ReviewCase) reviews.Case {
	c := reviews.Case{ID: r.ID, DecisionID: r.DecisionID, DecisionReference: r.DecisionReference, Market: r.Market,
		PrincipalReason: r.PrincipalReason, AmountMinor: r.AmountMinor, Currency: r.Currency, Locale: r.Locale,
		Statement: r.Statement, IdempotencyKey: r.IdempotencyKey, RequestedBy: r.RequestedBy,
		RequestedByPerson: auth.Person(r.RequestedByPerson), RequestedAt: r.RequestedAt.UTC(), DueAt: r.DueAt.UTC(),
		SecondReviewRequired: r.SecondReviewRequired, Status: reviews.Status(r.Status), Reviewer: r.Reviewer,
		ReviewerPerson: auth.Person(r.ReviewerPerson), ClaimedAt: timeOf(r.ClaimedAt), Outcome: reviews.Outcome(r.Outcome),
		Reason: r.Reason, DecidedAt: timeOf(r.DecidedAt), SecondReviewer: r.SecondReviewer,
		SecondReviewerPerson: auth.Person(r.SecondReviewerPerson), SecondComment: r.SecondComment,
		SecondReviewedAt: timeOf(r.SecondReviewedAt), UpdatedAt: r.UpdatedAt.UTC()}
	if r.NewDecisionID != nil {
		c.NewDecisionID = *r.NewDecisionID
	}
	return c
}

// optTime is t as a nullable column: nil when zero.
func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

// timeOf is the inverse of optTime.
func timeOf(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// The store is the review service's storage, outside and inside a transaction.
var (
	_ reviews.Store = (*Store)(nil)
	_ reviews.Tx    = (*Store)(nil)

	_ decisions.ReviewLookup  = (*Store)(nil)
	_ decisions.OverturnLinks = (*Store)(nil)
)
