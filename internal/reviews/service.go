package reviews

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
	"riskconsole/internal/page"
)

// ErrCaseExists is returned by Tx.InsertCase when the decision has a case already.
var ErrCaseExists = errors.New("the decision has a review case already")

// CatalogSource returns the published reason catalog a decision pins (catalog.Current.ByID),
// whose review notices the shopper is sent about the review of that decision.
type CatalogSource interface {
	ByID(ctx context.Context, id int64) (*catalog.Catalog, error)
}

// DenialRecorder writes an authorization denial to the audit log (auditlog.Denials).
type DenialRecorder = audit.DenialRecorder

// Service runs review cases.
type Service struct {
	store   Store
	catalog CatalogSource
	denials DenialRecorder
	now     func() time.Time
	// opened and decided observe each case opened (by market) and closed (by market and
	// outcome), after the commit; nil observes nothing.
	opened  func(market string)
	decided func(market string, outcome Outcome)
}

// NewService returns the review service. denials records refused conflicts of interest; now is
// the clock (nil: time.Now).
func NewService(st Store, cat CatalogSource, denials DenialRecorder, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: st, catalog: cat, denials: denials, now: now}
}

// Observe makes the service call opened for every case opened and decided for every case closed.
// Call it before the service is used.
func (s *Service) Observe(opened func(market string), decided func(market string, outcome Outcome)) {
	s.opened, s.decided = opened, decided
}

// clock returns the current time as the database keeps it: UTC, to the microsecond.
func (s *Service) clock() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

// Policies returns every market's review policy.
func (s *Service) Policies(ctx context.Context) ([]Policy, error) { return s.store.ReviewPolicies(ctx) }

// Request is a shopper's request for review, as the lender's app sends it.
type Request struct {
	Reference, Statement, Locale, IdempotencyKey string
}

// RequestReview opens a case for the declined decision of req.Reference, or returns the case
// the same request opened before (same key, statement and locale) as it stands now. See the
// schema's requestReview for the refusals.
func (s *Service) RequestReview(ctx context.Context, req Request) (Case, error) {
	ref, err := validateRequest(&req)
	if err != nil {
		return Case{}, err
	}
	p := auth.PrincipalFrom(ctx)
	var c Case
	created := false
	// A concurrent request for the same decision makes the insert fail (on PostgreSQL the
	// transaction is then aborted): the second attempt finds the case the other one wrote.
	for attempt := 0; attempt < 2; attempt++ {
		created = false
		err = s.store.ReviewTx(ctx, func(tx Tx) error {
			d, err := tx.DecisionByReference(ctx, ref)
			if err != nil {
				return err
			}
			existing, ok, err := tx.CaseOfDecision(ctx, d.ID)
			if err != nil {
				return err
			}
			if ok {
				c = existing
				return sameRequest(&existing, &req)
			}
			if c, err = s.open(ctx, tx, &d, &req, p); err != nil {
				return err
			}
			created = true
			return nil
		})
		if !errors.Is(err, ErrCaseExists) {
			break
		}
	}
	if errors.Is(err, ErrCaseExists) {
		err = fmt.Errorf("a review of this decision was requested at the same time: %w", apperr.ErrConflict)
	}
	if err != nil {
		return Case{}, err
	}
	if created && s.opened != nil {
		s.opened(c.Market)
	}
	return c, nil
}

// open opens the case of req for decision d, with its RECEIVED notice and its audit event, or
// says why d may not be reviewed now.
func (s *Service) open(ctx context.Context, tx Tx, d *decisions.Decision, req *Request, p *auth.Principal) (Case, error) {
	now := s.clock()
	if err := s.reviewable(ctx, tx, d, now); err != nil {
		return Case{}, err
	}
	pol, err := tx.ReviewPolicy(ctx, d.Market)
	if err != nil {
		return Case{}, err
	}
	c := Case{DecisionID: d.ID, DecisionReference: d.Reference, Market: d.Market,
		AmountMinor: d.AmountMinor, Currency: d.Currency, Locale: req.Locale, Statement: req.Statement,
		IdempotencyKey: req.IdempotencyKey, RequestedBy: p.Subject(), RequestedByPerson: p.Person(),
		RequestedAt: now, DueAt: now.AddDate(0, 0, pol.AnswerDays), SecondReviewRequired: d.AmountMinor > pol.SecondReviewAboveMinor,
		Status: StatusOpen, UpdatedAt: now}
	if len(d.Reasons) > 0 { // every decline has 1 to 4
		c.PrincipalReason = d.Reasons[0].String()
	}
	if err := tx.InsertCase(ctx, &c); err != nil {
		return Case{}, err
	}
	if err := s.notify(ctx, tx, &c, catalog.ReviewReceived, "", now); err != nil {
		return Case{}, err
	}
	return c, tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionRequest, EntityCase, caseID(c.ID), nil, record(&c), audit.Done))
}

// RequestReceipt is RequestReview for the shopper's app: it also returns the reference of the
// decision an overturn wrote (formatted; "" when there is none), which the app shows.
func (s *Service) RequestReceipt(ctx context.Context, req Request) (Case, string, error) {
	c, err := s.RequestReview(ctx, req)
	if err != nil || c.NewDecisionID == "" {
		return c, "", err
	}
	ds, err := s.store.DecisionsByID(ctx, []string{c.NewDecisionID})
	if err != nil {
		return Case{}, "", err
	}
	if len(ds) != 1 {
		return Case{}, "", fmt.Errorf("review case %d: its overturn decision is missing", c.ID)
	}
	return c, decisions.FormatReference(ds[0].Reference), nil
}

// validateRequest trims the statement and checks every field of req, returning the canonical
// reference.
func validateRequest(req *Request) (string, error) {
	var ve apperr.ValidationError
	ref, ok := decisions.NormalizeReference(req.Reference)
	if !ok {
		ve.Add("reference", "must be a decision reference such as D7K-2QF-9XM")
	}
	req.Statement = strings.TrimSpace(req.Statement)
	text(&ve, "statement", req.Statement, MaxStatementLen, "is required: the shopper's point of view")
	if !market.KnownLocale(req.Locale) {
		ve.Add("locale", "%q is not supported (supported: %s)", req.Locale, strings.Join(market.Locales, ", "))
	}
	text(&ve, "idempotencyKey", req.IdempotencyKey, MaxIdempotencyKeyLen, "is required")
	return ref, ve.Err()
}

// text adds a field error to ve when v is empty (saying missing), longer than maxLen bytes, or
// not a text the console accepts.
func text(ve *apperr.ValidationError, field, v string, maxLen int, missing string) {
	switch {
	case v == "":
		ve.Add(field, "%s", missing)
	case len(v) > maxLen:
		ve.Add(field, "must be at most %d bytes", maxLen)
	default:
		if problem := apperr.TextProblem(v); problem != "" {
			ve.Add(field, "%s", problem)
		}
	}
}

// sameRequest says whether req repeats the request that opened c (nil: return c), or why not.
func sameRequest(c *Case, req *Request) error {
	switch {
	case c.IdempotencyKey != req.IdempotencyKey:
		return fmt.Errorf("decision %s already has review case %d (%s): %w",
			decisions.FormatReference(c.DecisionReference), c.ID, c.Status, apperr.ErrConflict)
	case c.Statement != req.Statement || c.Locale != req.Locale:
		return fmt.Errorf("idempotency key %q was used for a different request: %w", req.IdempotencyKey, apperr.ErrConflict)
	}
	return nil
}

// reviewable says why decision d may not be reviewed at now (an INVALID naming the reference),
// or returns nil.
func (s *Service) reviewable(ctx context.Context, tx Tx, d *decisions.Decision, now time.Time) error {
	refuse := func(format string, args ...any) error {
		var ve apperr.ValidationError
		ve.Add("reference", format, args...)
		return &ve
	}
	if d.Outcome != engine.Declined || d.Kind == decisions.KindManualReview {
		return refuse("decision %s is an approval: only a decline can be reviewed", decisions.FormatReference(d.Reference))
	}
	pol, err := tx.ReviewPolicy(ctx, d.Market)
	if errors.Is(err, apperr.ErrNotFound) || err == nil && !pol.Offered {
		return refuse("market %s does not offer review of its decisions", d.Market)
	}
	if err != nil {
		return err
	}
	if end := d.CreatedAt.AddDate(0, 0, pol.WindowDays); now.After(end) {
		return refuse("decision %s was made on %s: a review may be asked within %d days, until %s",
			decisions.FormatReference(d.Reference), d.CreatedAt.Format(time.DateOnly), pol.WindowDays, end.Format(time.DateOnly))
	}
	return nil
}

// Get returns case id.
func (s *Service) Get(ctx context.Context, id string) (Case, error) {
	n, err := parseCaseID("id", id)
	if err != nil {
		return Case{}, err
	}
	return s.store.ReviewCase(ctx, n)
}

// Now returns the service's clock, for computing Overdue as the service does.
func (s *Service) Now() time.Time { return s.now() }

// List returns a page of first cases matching f after the cursor after ("" for the first), soonest
// due first, and whether more follow.
func (s *Service) List(ctx context.Context, f Filter, first int, after string) ([]Case, bool, error) {
	var ve apperr.ValidationError
	page.CheckFirst(first, &ve)
	if f.Status != "" && !validStatus(f.Status) {
		ve.Add("filter.status", "unknown status %q", f.Status)
	}
	if f.Market != "" {
		if _, ok := market.Lookup(f.Market); !ok {
			ve.Add("filter.market", "unknown market %q", f.Market)
		}
	}
	var cur *Cursor
	if after != "" {
		parts, ok := page.Parts(after, 2)
		var c Cursor
		if ok {
			c.DueAt, ok = page.ParseTimeKey(parts[0])
		}
		if ok {
			c.ID, ok = page.ParseIDKey(parts[1])
		}
		if !ok {
			ve.Add("after", "malformed cursor")
		}
		cur = &c
	}
	if err := ve.Err(); err != nil {
		return nil, false, err
	}
	f.Now = s.clock()
	cases, err := s.store.ReviewCases(ctx, f, cur, first+1)
	if err != nil {
		return nil, false, err
	}
	return cases[:min(len(cases), first)], len(cases) > first, nil
}

// EncodeCursor returns the cursor after case c in the queue.
func EncodeCursor(c *Case) string { return page.Cursor(page.TimeKey(c.DueAt), page.IDKey(c.ID)) }

// OfDecisions returns the cases of decisions ids, reviewed or written by an overturn.
func (s *Service) OfDecisions(ctx context.Context, ids []string) ([]Case, error) {
	return s.store.ReviewCasesOfDecisions(ctx, ids)
}

// Decisions returns the decisions of ids (reviewed by cases, or written by their overturns) that
// exist, by id, for the case pages.
func (s *Service) Decisions(ctx context.Context, ids []string) (map[string]decisions.Decision, error) {
	ds, err := s.store.DecisionsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string]decisions.Decision, len(ds))
	for _, d := range ds {
		out[d.ID] = d
	}
	return out, nil
}

// OverturnRates returns the decided and overturned cases by market and principal reason. The
// cases table holds only requested reviews, and the answer at most one row per market and reason,
// so it is not a heavy operation.
func (s *Service) OverturnRates(ctx context.Context, q RateQuery) ([]Rate, error) {
	var ve apperr.ValidationError
	if !q.From.Before(q.To) {
		ve.Add("filter.to", "must be after filter.from")
	}
	if q.Market != "" {
		if _, ok := market.Lookup(q.Market); !ok {
			ve.Add("filter.market", "unknown market %q", q.Market)
		}
	}
	if err := ve.Err(); err != nil {
		return nil, err
	}
	return s.store.OverturnRates(ctx, q)
}

// Deadlines counts the undecided cases by where they stand against their due dates now.
func (s *Service) Deadlines(ctx context.Context) (Deadlines, error) {
	now := s.clock()
	return s.store.ReviewDeadlines(ctx, now, now.Add(DueSoon))
}

// Claim makes the caller the reviewer of OPEN case id.
func (s *Service) Claim(ctx context.Context, id string) (Case, error) {
	return s.step(ctx, id, "claimReviewCase", StatusOpen, func(tx Tx, c *Case, p *auth.Principal, now time.Time) (string, error) {
		if err := s.conflicts(ctx, tx, c, p, "claimReviewCase"); err != nil {
			return "", err
		}
		c.Status, c.Reviewer, c.ReviewerPerson, c.ClaimedAt = StatusInReview, p.Subject(), p.Person(), now
		return ActionClaim, nil
	})
}

// Decide records the claimant's outcome and reason for IN_REVIEW case id.
func (s *Service) Decide(ctx context.Context, id string, outcome Outcome, reason string) (Case, error) {
	reason = strings.TrimSpace(reason)
	var ve apperr.ValidationError
	if outcome != Uphold && outcome != Overturn {
		ve.Add("outcome", "must be UPHOLD or OVERTURN")
	}
	text(&ve, "reason", reason, MaxReasonLen, "is required: the reason the shopper is told")
	if err := ve.Err(); err != nil {
		return Case{}, err
	}
	return s.step(ctx, id, "decideReviewCase", StatusInReview, func(tx Tx, c *Case, p *auth.Principal, now time.Time) (string, error) {
		if c.ReviewerPerson != p.Person() {
			return "", s.deny(ctx, p, "decideReviewCase", fmt.Sprintf("review case %d is claimed by %s: only its reviewer decides it", c.ID, c.Reviewer))
		}
		if err := s.conflicts(ctx, tx, c, p, "decideReviewCase"); err != nil {
			return "", err
		}
		c.Outcome, c.Reason, c.DecidedAt = outcome, reason, now
		switch {
		case outcome == Uphold:
			c.Status = StatusUpheld
			return ActionDecide, s.notify(ctx, tx, c, catalog.ReviewUpheld, "", now)
		case c.SecondReviewRequired:
			c.Status = StatusPendingSecondReview
			return ActionDecide, nil
		}
		return ActionDecide, s.overturn(ctx, tx, c, now)
	})
}

// The second review of an overturn does not go through the shared approval workflow
// (internal/approval): its items are drafts written by their author at revisions and reviewed
// from SUBMITTED to a final APPROVED or REJECTED, each step in a transaction of its own, whereas
// here the "author" is whoever claimed the case, the overturn is proposed inside the decision's
// own transaction, and a refusal sends the case back to its reviewer rather than ending it. The
// same guarantees are kept: a conditional update claims the case (step), each step writes its
// audit event in its transaction, the second reviewer is compared as a person (by the service
// and by a database constraint), and a refused self-approval is recorded as access.denied.

// ApproveOverturn is the second reviewer's confirmation of PENDING_SECOND_REVIEW case id: the
// case is OVERTURNED and the new decision written.
func (s *Service) ApproveOverturn(ctx context.Context, id, comment string) (Case, error) {
	return s.secondReview(ctx, id, "approveOverturn", comment, false)
}

// RejectOverturn is the second reviewer's refusal of the overturn of case id, saying why: the case
// goes back IN_REVIEW to its reviewer.
func (s *Service) RejectOverturn(ctx context.Context, id, comment string) (Case, error) {
	return s.secondReview(ctx, id, "rejectOverturn", comment, true)
}

func (s *Service) secondReview(ctx context.Context, id, field, comment string, reject bool) (Case, error) {
	comment = strings.TrimSpace(comment)
	var ve apperr.ValidationError
	switch {
	case reject && comment == "":
		ve.Add("comment", "is required: say why the overturn is refused")
	case comment != "":
		text(&ve, "comment", comment, MaxCommentLen, "")
	}
	if err := ve.Err(); err != nil {
		return Case{}, err
	}
	return s.step(ctx, id, field, StatusPendingSecondReview, func(tx Tx, c *Case, p *auth.Principal, now time.Time) (string, error) {
		if c.ReviewerPerson == p.Person() {
			return "", s.deny(ctx, p, field, fmt.Sprintf("review case %d: the reviewer who overturned it cannot be its second reviewer", c.ID))
		}
		if err := s.conflicts(ctx, tx, c, p, field); err != nil {
			return "", err
		}
		c.SecondReviewer, c.SecondReviewerPerson, c.SecondComment, c.SecondReviewedAt = p.Subject(), p.Person(), comment, now
		if reject {
			c.Status, c.Outcome, c.Reason, c.DecidedAt = StatusInReview, "", "", time.Time{}
			return ActionRejectOverturn, nil
		}
		return ActionApproveOverturn, s.overturn(ctx, tx, c, now)
	})
}

// change is a step's part: it checks the caller p against case c (locked in status) and changes c,
// returning the step's audit action.
type change func(tx Tx, c *Case, p *auth.Principal, now time.Time) (string, error)

// step takes a step on case id in one transaction: it locks the case in the status the step
// starts from (a case elsewhere is a CONFLICT), lets fn check and change it, saves it and appends
// the step's audit event.
func (s *Service) step(ctx context.Context, id, field string, from Status, fn change) (Case, error) {
	n, err := parseCaseID("id", id)
	if err != nil {
		return Case{}, err
	}
	p := auth.PrincipalFrom(ctx)
	var c Case
	err = retryReference(func() error {
		return s.store.ReviewTx(ctx, func(tx Tx) error {
			locked, err := tx.LockCase(ctx, n, from)
			if err != nil {
				return err
			}
			if c, err = tx.ReviewCase(ctx, n); err != nil {
				return err
			}
			if !locked {
				return fmt.Errorf("review case %d is %s, not %s: %w", n, c.Status, from, apperr.ErrConflict)
			}
			before := record(&c)
			now := s.clock()
			action, err := fn(tx, &c, p, now)
			if err != nil {
				return err
			}
			c.UpdatedAt = now
			if err := tx.SaveCase(ctx, &c); err != nil {
				return err
			}
			return tx.AppendAudit(ctx, audit.NewEvent(ctx, action, EntityCase, caseID(c.ID), before, record(&c), audit.Done))
		})
	})
	if err != nil {
		return Case{}, err
	}
	if c.Status.Decided() && s.decided != nil {
		s.decided(c.Market, c.Outcome)
	}
	return c, nil
}

// retryReference runs fn again, twice at most, when it fails on a drawn decision reference that
// was taken (about one chance in 10^13 per draw): the transaction is rolled back and redone.
func retryReference(fn func() error) error {
	var err error
	for range 3 {
		if err = fn(); !errors.Is(err, decisions.ErrReferenceTaken) {
			return err
		}
	}
	return err
}

// conflicts refuses p the review of c when p requested it (another token or session of the person
// whose credentials filed the request) or has declared the decision's shopper as their own. The
// refusal is an ErrForbidden, recorded as an access.denied event of Mutation.<field>.
func (s *Service) conflicts(ctx context.Context, tx Tx, c *Case, p *auth.Principal, field string) error {
	if p.Person() == "" || p.Person() == c.RequestedByPerson {
		return s.deny(ctx, p, field, fmt.Sprintf("review case %d was requested by %s's credentials: a reviewer cannot review a case they requested", c.ID, p.Person()))
	}
	d, err := tx.Decision(ctx, c.DecisionID)
	if err != nil {
		return err
	}
	linked, err := tx.ShopperLinked(ctx, p.Person(), d.ShopperID)
	if err != nil {
		return err
	}
	if linked {
		return s.deny(ctx, p, field, fmt.Sprintf("review case %d concerns a purchase of %s's own: a reviewer cannot review it", c.ID, p.Person()))
	}
	return nil
}

// deny returns an ErrForbidden saying why, and records the refusal as an access.denied event of
// Mutation.<field>, as the GraphQL directive records a refused role: the role check passed, but a
// rule about people said no. The record is written outside the step's transaction, which rolls
// back.
func (s *Service) deny(ctx context.Context, p *auth.Principal, field, why string) error {
	return audit.Refuse(ctx, s.denials, p, "Mutation."+field, why)
}

// overturn closes c as OVERTURNED: it writes the new MANUAL_REVIEW decision of c's reviewer and
// reason, and the OVERTURNED notice.
func (s *Service) overturn(ctx context.Context, tx Tx, c *Case, now time.Time) error {
	original, err := tx.Decision(ctx, c.DecisionID)
	if err != nil {
		return err
	}
	rec := decisions.Overturn(&original, c.Reviewer, c.Reason, "review_case:"+caseID(c.ID), now)
	rec.ID, rec.Reference = decisions.NewID(now), decisions.NewReference()
	d, created, _, err := tx.InsertDecision(ctx, &rec)
	if err != nil {
		return err
	}
	if !created {
		return fmt.Errorf("review case %d has an overturn decision already: %w", c.ID, apperr.ErrConflict)
	}
	c.Status, c.NewDecisionID = StatusOverturned, d.ID
	return s.notify(ctx, tx, c, catalog.ReviewOverturned, decisions.FormatReference(d.Reference), now)
}

// notify renders the notice of kind for c in the shopper's locale, from the catalog version the
// reviewed decision pins, and stores it with c.
func (s *Service) notify(ctx context.Context, tx Tx, c *Case, kind catalog.ReviewNoticeKind, newRef string, now time.Time) error {
	d, err := tx.Decision(ctx, c.DecisionID)
	if err != nil {
		return err
	}
	cat, err := s.catalog.ByID(ctx, d.CatalogVersionID)
	if err != nil {
		return err
	}
	msg, err := cat.RenderReviewNotice(kind, catalog.ReviewNoticeInput{Locale: c.Locale,
		Reference: decisions.FormatReference(c.DecisionReference), Due: c.DueAt, Reason: c.Reason, NewReference: newRef})
	if err != nil {
		return err
	}
	n := Notice{ReviewNotice: msg, SentAt: now}
	if err := tx.InsertNotice(ctx, c.ID, &n); err != nil {
		return err
	}
	c.Notices = append(c.Notices, n)
	return nil
}

// record is what the audit log keeps of a case: its state, not the shopper's statement (personal
// data an auditor does not need; its length says it was given).
func record(c *Case) map[string]any {
	return map[string]any{"id": c.ID, "decision": c.DecisionReference, "market": c.Market, "status": c.Status,
		"locale": c.Locale, "statementBytes": len(c.Statement), "requestedBy": c.RequestedBy, "dueAt": c.DueAt,
		"reviewer": c.Reviewer, "outcome": c.Outcome, "reason": c.Reason, "secondReviewRequired": c.SecondReviewRequired,
		"secondReviewer": c.SecondReviewer, "secondComment": c.SecondComment, "newDecision": c.NewDecisionID}
}

func caseID(id int64) string { return strconv.FormatInt(id, 10) }

// parseCaseID parses a case id argument named field.
func parseCaseID(field, id string) (int64, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || n < 1 {
		return 0, &apperr.ValidationError{Fields: []apperr.FieldError{{Field: field, Message: "must be a review case id"}}}
	}
	return n, nil
}

func validStatus(s Status) bool {
	for _, v := range Statuses {
		if v == s {
			return true
		}
	}
	return false
}
