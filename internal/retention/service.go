package retention

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/approval"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/market"
	"riskconsole/internal/page"
)

// Audit vocabulary: one event per step.
const (
	ActionPolicyPropose = "retention.policy_propose"
	// ActionPolicyApprove records an approval, which publishes the request as its market's next
	// policy version, in force at once.
	ActionPolicyApprove = "retention.policy_approve"
	ActionPolicyReject  = "retention.policy_reject"
	ActionHoldPlace     = "retention.hold_place"
	ActionHoldLift      = "retention.hold_lift"
	// ActionErasurePlan records each preview of a shopper's erasure: who asked about whom.
	ActionErasurePlan = "retention.erasure_plan"

	entityRequest = "retention_policy_request"
	entityHold    = "legal_hold"
	entityShopper = "shopper"
)

// MaxRationaleLen bounds a proposal's rationale, in bytes.
const MaxRationaleLen = 2000

// PolicyRequest proposes a new retention policy for a market. It is proposed SUBMITTED and
// approved (published as the market's next Policy) or rejected by a second person, through the
// shared approval workflow.
type PolicyRequest struct {
	approval.Fields
	Market     string
	KeepMonths int
	After      Action
	Rationale  string
	// BaseVersion is the version in force when it was proposed (0: the default): an approval
	// after another version was published is refused, so that no change is overwritten unseen.
	BaseVersion int
	// PublishedID is the version an approval published, else 0.
	PublishedID int64
}

// PolicyTx is what the policy requests need from storage inside one transaction.
type PolicyTx interface {
	approval.Tx[PolicyRequest]
	// RetentionPolicy returns market's policy in force: its newest version, or Default.
	RetentionPolicy(ctx context.Context, market string) (Policy, error)
	// CreateRetentionPolicy appends p as its market's next version (the newest plus one) and
	// fills p.ID and p.Version. A version published concurrently is an ErrConflict.
	CreateRetentionPolicy(ctx context.Context, p *Policy) error
}

// HoldTx is what legal holds need from storage inside one transaction.
type HoldTx interface {
	approval.Tx[Hold]
}

// Store is the storage of policies and holds, and the reads of decisions the plan needs. The
// store implements it.
type Store interface {
	RetentionPolicyTx(ctx context.Context, fn func(tx PolicyTx) error) error
	LegalHoldTx(ctx context.Context, fn func(tx HoldTx) error) error
	// AppendAudit appends an event in a transaction of its own.
	AppendAudit(ctx context.Context, e *audit.Event) error

	RetentionPolicy(ctx context.Context, market string) (Policy, error)
	// RetentionPolicies returns up to limit versions of market, newest first, with ids below
	// beforeID (0: from the newest).
	RetentionPolicies(ctx context.Context, market string, beforeID int64, limit int) ([]Policy, error)
	RetentionPolicyRequest(ctx context.Context, id int64) (PolicyRequest, error)
	// RetentionPolicyRequests returns up to limit requests, newest first, with ids below beforeID
	// (0: from the newest), of market and status (zero values: any).
	RetentionPolicyRequests(ctx context.Context, market string, status approval.Status, beforeID int64, limit int) ([]PolicyRequest, error)
	LegalHold(ctx context.Context, id int64) (Hold, error)
	// LegalHolds returns up to limit holds, newest first, with ids below beforeID (0: from the
	// newest): those in force when active is true, the lifted ones when false, all when nil.
	LegalHolds(ctx context.Context, active *bool, beforeID int64, limit int) ([]Hold, error)
	// ActiveLegalHolds returns every hold in force.
	ActiveLegalHolds(ctx context.Context) ([]Hold, error)

	// DecisionMonths returns the first instants of the months, ascending, that contain at least
	// one decision f selects; f names a market.
	DecisionMonths(ctx context.Context, f Filter) ([]time.Time, error)
	// ShopperMonths returns the months (per market) that hold decisions of shopperID, in any
	// order.
	ShopperMonths(ctx context.Context, shopperID string) ([]MonthKey, error)
	// AnyDecision reports whether f selects at least one decision.
	AnyDecision(ctx context.Context, f Filter) (bool, error)
	// DecisionCounts returns market's decisions per month (keyed by the month's first instant in
	// Unix seconds) from the month of from on, as the analytics rollups count them, and when the
	// rollups last advanced (nil before their first pass).
	DecisionCounts(ctx context.Context, market string, from time.Time) (map[int64]int64, *time.Time, error)
}

var requestKind = approval.Kind[PolicyRequest]{
	Noun: "retention policy request", Entity: entityRequest,
	Submit: ActionPolicyPropose, Approve: ActionPolicyApprove, Reject: ActionPolicyReject,
	Fields: func(r *PolicyRequest) *approval.Fields { return &r.Fields },
	Record: func(r *PolicyRequest) any { return recordRequest(r) },
}

// holdKind: placing a hold is the workflow's proposal, lifting it the approval (see Hold).
var holdKind = approval.Kind[Hold]{
	Noun: "legal hold", Entity: entityHold, Submit: ActionHoldPlace, Approve: ActionHoldLift,
	Fields: func(h *Hold) *approval.Fields { return &h.Fields },
	Record: func(h *Hold) any { return recordHold(h) },
}

// Service runs the retention policies and the legal holds, and answers the plan. Every change
// writes one audit event in its transaction.
type Service struct {
	store    Store
	denials  audit.DenialRecorder
	requests *approval.Workflow[PolicyRequest, PolicyTx]
	holds    *approval.Workflow[Hold, HoldTx]
	now      func() time.Time
	// shopperRef stands for a shopper id in the audit log (see WithShopperRef).
	shopperRef func(string) string
}

// WithShopperRef makes the audit events that name a shopper record ref(shopperID), a keyed hash,
// instead of the id (audit.Key.ShopperRef): the audit log is append-only and chained, so an id it
// recorded could never be erased. It returns s.
func (s *Service) WithShopperRef(ref func(string) string) *Service {
	s.shopperRef = ref
	return s
}

// NewService returns the service over st; denials records refusals beyond the fields' roles (nil:
// not recorded); now is the clock (nil: time.Now).
func NewService(st Store, denials audit.DenialRecorder, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: st, denials: denials, now: now,
		requests: approval.New(requestKind, st.RetentionPolicyTx, st.AppendAudit, now),
		holds:    approval.New(holdKind, st.LegalHoldTx, st.AppendAudit, now)}
}

func (s *Service) clock() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

// requirePerson refuses a change made through an API token. Tokens are created by an ADMIN and
// belong to them; a policy or a hold is a person's act, signed in, so that an ADMIN (who authors
// and approves nothing) cannot act as an AUDITOR through a token of their own.
func (s *Service) requirePerson(ctx context.Context, field string) error {
	p := auth.PrincipalFrom(ctx)
	if p.IsUser() {
		return nil
	}
	return audit.Refuse(ctx, s.denials, p, "Mutation."+field, "retention policies and legal holds are changed by a person signed in, not through an API token")
}

// MarketPolicy is a market's floor and the policy in force there.
type MarketPolicy struct {
	Market string
	Floor  Floor
	Policy Policy
}

// Policies returns the floor and the policy in force of every market, in the order of market.All.
func (s *Service) Policies(ctx context.Context) ([]MarketPolicy, error) {
	out := make([]MarketPolicy, len(market.All))
	for i, m := range market.All {
		p, err := s.store.RetentionPolicy(ctx, m.Code)
		if err != nil {
			return nil, err
		}
		out[i] = MarketPolicy{Market: m.Code, Floor: FloorOf(m.Code), Policy: p}
	}
	return out, nil
}

// Cursor prefixes of the lists, which carry the last id seen.
const (
	versionCursorPrefix = "rpolicy"
	requestCursorPrefix = "rrequest"
	holdCursorPrefix    = "rhold"
)

// VersionCursor, RequestCursor and HoldCursor return the cursor after the item with id.
func VersionCursor(id int64) string { return page.KeyCursor(versionCursorPrefix, id) }
func RequestCursor(id int64) string { return page.KeyCursor(requestCursorPrefix, id) }
func HoldCursor(id int64) string    { return page.KeyCursor(holdCursorPrefix, id) }

// VersionsPage returns a page of first versions of market, newest first, after the cursor after
// ("" for the newest), and whether more follow. The default is no version and is not listed.
func (s *Service) VersionsPage(ctx context.Context, mkt string, first int, after string) ([]Policy, bool, error) {
	if err := market.Check("market", mkt); err != nil {
		return nil, false, err
	}
	return page.Fetch(first, after, versionCursorPrefix, func(key int64, limit int) ([]Policy, error) {
		return s.store.RetentionPolicies(ctx, mkt, key, limit)
	})
}

// Request returns policy request id.
func (s *Service) Request(ctx context.Context, id int64) (PolicyRequest, error) {
	return s.store.RetentionPolicyRequest(ctx, id)
}

// RequestsPage returns a page of first policy requests of market and status (zero values: any),
// newest first, after the cursor after, and whether more follow.
func (s *Service) RequestsPage(ctx context.Context, mkt string, status approval.Status, first int, after string) ([]PolicyRequest, bool, error) {
	if mkt != "" {
		if err := market.Check("market", mkt); err != nil {
			return nil, false, err
		}
	}
	return page.Fetch(first, after, requestCursorPrefix, func(key int64, limit int) ([]PolicyRequest, error) {
		return s.store.RetentionPolicyRequests(ctx, mkt, status, key, limit)
	})
}

// Propose proposes that mkt keep decisions keepMonths after the end of their month and then
// apply after, with a rationale. It takes effect when a second person approves it. A proposal
// that changes nothing is refused.
func (s *Service) Propose(ctx context.Context, mkt string, keepMonths int, after Action, rationale string) (PolicyRequest, error) {
	if err := s.requirePerson(ctx, "proposeRetentionPolicy"); err != nil {
		return PolicyRequest{}, err
	}
	var ve apperr.ValidationError
	CheckPolicy(&ve, mkt, keepMonths, after)
	rationale = strings.TrimSpace(rationale)
	switch {
	case rationale == "":
		ve.Add("rationale", "is required: say why the policy should change")
	case len(rationale) > MaxRationaleLen:
		ve.Add("rationale", "must be at most %d bytes", MaxRationaleLen)
	}
	if err := ve.Err(); err != nil {
		return PolicyRequest{}, err
	}
	cur, err := s.store.RetentionPolicy(ctx, mkt)
	if err != nil {
		return PolicyRequest{}, err
	}
	if cur.KeepMonths == keepMonths && cur.After == after {
		msg := fmt.Sprintf("is what the policy in force in %s says already (%d months, then %s): propose a change", mkt, cur.KeepMonths, cur.After)
		ve.Add("keepMonths", "%s", msg)
		ve.Add("afterRetention", "%s", msg)
		return PolicyRequest{}, ve.Err()
	}
	r := PolicyRequest{Market: mkt, KeepMonths: keepMonths, After: after, Rationale: rationale, BaseVersion: cur.Version}
	if err := s.requests.Propose(ctx, &r); err != nil {
		return PolicyRequest{}, err
	}
	return r, nil
}

// Approve approves a submitted request (not one's own, compared by person) and publishes it as
// its market's next version, in force at once, in the same transaction. A request made before
// another version was published, or below a floor raised since, is refused.
func (s *Service) Approve(ctx context.Context, id int64, comment string) (PolicyRequest, error) {
	if err := s.requirePerson(ctx, "approveRetentionPolicyRequest"); err != nil {
		return PolicyRequest{}, err
	}
	return s.requests.Approve(ctx, id, comment, func(tx PolicyTx, r *PolicyRequest, now time.Time) error {
		var ve apperr.ValidationError
		if CheckPolicy(&ve, r.Market, r.KeepMonths, r.After); ve.Err() != nil {
			return fmt.Errorf("retention policy request %d no longer meets the rules (%w): reject it", r.ID, &ve)
		}
		cur, err := tx.RetentionPolicy(ctx, r.Market)
		if err != nil {
			return err
		}
		if cur.Version != r.BaseVersion {
			return fmt.Errorf("the policy in force in %s is version %d, published after this request was made on version %d: reject it and propose again: %w",
				r.Market, cur.Version, r.BaseVersion, apperr.ErrConflict)
		}
		p := Policy{Market: r.Market, KeepMonths: r.KeepMonths, After: r.After, RequestID: r.ID, Author: r.Author,
			Approver: r.Reviewer, Rationale: r.Rationale, CreatedAt: now}
		if err := tx.CreateRetentionPolicy(ctx, &p); err != nil {
			return err
		}
		r.PublishedID = p.ID
		return nil
	})
}

// Reject rejects a submitted request (not one's own), saying why.
func (s *Service) Reject(ctx context.Context, id int64, comment string) (PolicyRequest, error) {
	if err := s.requirePerson(ctx, "rejectRetentionPolicyRequest"); err != nil {
		return PolicyRequest{}, err
	}
	return s.requests.Reject(ctx, id, comment, nil)
}

// Hold returns legal hold id.
func (s *Service) Hold(ctx context.Context, id int64) (Hold, error) {
	return s.store.LegalHold(ctx, id)
}

// HoldsPage returns a page of first holds (in force when active is true, lifted when false, all
// when nil), newest first, after the cursor after, and whether more follow.
func (s *Service) HoldsPage(ctx context.Context, active *bool, first int, after string) ([]Hold, bool, error) {
	return page.Fetch(first, after, holdCursorPrefix, func(key int64, limit int) ([]Hold, error) {
		return s.store.LegalHolds(ctx, active, key, limit)
	})
}

// PlaceHold places a hold on the decisions f selects, for reason: they are kept until a second
// person lifts it. Field errors are named under "input.".
func (s *Service) PlaceHold(ctx context.Context, f Filter, reason string) (Hold, error) {
	if err := s.requirePerson(ctx, "placeLegalHold"); err != nil {
		return Hold{}, err
	}
	h, err := NewHold(f, reason, "input.")
	if err != nil {
		return Hold{}, err
	}
	if err := s.holds.Propose(ctx, &h); err != nil {
		return Hold{}, err
	}
	return h, nil
}

// LiftHold lifts hold id, with a comment saying why (required). The person who placed it may
// not: that refusal is recorded as a DENIED event. A hold lifted already is an ErrConflict.
func (s *Service) LiftHold(ctx context.Context, id int64, comment string) (Hold, error) {
	if err := s.requirePerson(ctx, "liftLegalHold"); err != nil {
		return Hold{}, err
	}
	if strings.TrimSpace(comment) == "" {
		var ve apperr.ValidationError
		ve.Add("comment", "is required: say why the decisions need no longer be kept")
		return Hold{}, ve.Err()
	}
	h, err := s.store.LegalHold(ctx, id)
	if err != nil {
		return Hold{}, err
	}
	if !h.Active() {
		return Hold{}, fmt.Errorf("legal hold %d was lifted on %s by %s: %w", id, h.UpdatedAt.Format(time.RFC3339), h.Reviewer, apperr.ErrConflict)
	}
	return s.holds.Approve(ctx, id, comment, nil)
}

// Situation gathers what the plan of markets (nil: every market) depends on now: the policies
// in force, the holds in force and the months each hold on a shopper or merchant touches there.
// It also returns the holds in force, by id. The purge and erasure jobs ask it, and nothing else,
// when a month or a shopper may go.
func (s *Service) Situation(ctx context.Context, markets []string) (*Situation, map[int64]Hold, error) {
	return s.situation(ctx, markets, true, s.clock())
}

// situation is Situation, without the months holds touch unless withMonths is set: an erasure
// asks which holds select the shopper's decisions instead.
func (s *Service) situation(ctx context.Context, markets []string, withMonths bool, now time.Time) (*Situation, map[int64]Hold, error) {
	if markets == nil {
		for _, m := range market.All {
			markets = append(markets, m.Code)
		}
	}
	policies := map[string]Policy{}
	for _, m := range markets {
		p, err := s.store.RetentionPolicy(ctx, m)
		if err != nil {
			return nil, nil, err
		}
		policies[m] = p
	}
	holds, err := s.store.ActiveLegalHolds(ctx)
	if err != nil {
		return nil, nil, err
	}
	byID := make(map[int64]Hold, len(holds))
	touched := map[int64][]MonthKey{}
	for _, h := range holds {
		byID[h.ID] = h
		if !withMonths || !h.NeedsDecisions() {
			continue
		}
		for _, m := range markets {
			f, ok := h.Filter.Intersect(Filter{Market: m})
			if !ok {
				continue
			}
			found, err := s.store.DecisionMonths(ctx, f)
			if err != nil {
				return nil, nil, err
			}
			for _, month := range found {
				touched[h.ID] = append(touched[h.ID], MonthKey{Market: m, Month: month})
			}
		}
	}
	return NewSituation(now, policies, holds, touched), byID, nil
}

// PlannedMonth is a month of the market plan with its count of decisions.
type PlannedMonth struct {
	MonthPlan
	// Decisions is the month's count as the analytics rollups have it: automated decisions only.
	Decisions int64
}

// MarketPlan is what may leave a market when: every month that still holds decisions, oldest
// first.
type MarketPlan struct {
	Market string
	Policy Policy
	Floor  Floor
	// AsOf is the instant the plan was made at.
	AsOf   time.Time
	Months []PlannedMonth
	// CountsAsOf is when the rollups the counts come from last advanced; nil before their first.
	CountsAsOf *time.Time
	// Holds are the holds in force, by id, that keep a month of the plan.
	Holds map[int64]Hold
}

// Plan returns the plan of market mkt now.
func (s *Service) Plan(ctx context.Context, mkt string) (MarketPlan, error) {
	if err := market.Check("market", mkt); err != nil {
		return MarketPlan{}, err
	}
	sit, holds, err := s.Situation(ctx, []string{mkt})
	if err != nil {
		return MarketPlan{}, err
	}
	months, err := s.store.DecisionMonths(ctx, Filter{Market: mkt})
	if err != nil {
		return MarketPlan{}, err
	}
	mp := MarketPlan{Market: mkt, Policy: sit.Policy(mkt), Floor: FloorOf(mkt), AsOf: sit.Now(), Holds: map[int64]Hold{}}
	if len(months) == 0 {
		return mp, nil
	}
	counts, asOf, err := s.store.DecisionCounts(ctx, mkt, months[0])
	if err != nil {
		return MarketPlan{}, err
	}
	mp.CountsAsOf = asOf
	for _, p := range sit.Months(mkt, months) {
		mp.Months = append(mp.Months, PlannedMonth{MonthPlan: p, Decisions: counts[p.Month.Unix()]})
		for _, id := range p.HeldBy {
			mp.Holds[id] = holds[id]
		}
	}
	return mp, nil
}

// ShopperErasure is the erasure plan of one shopper, with the holds that keep it.
type ShopperErasure struct {
	ErasurePlan
	// AsOf is the instant the plan was made at.
	AsOf  time.Time
	Holds map[int64]Hold
}

// ErasurePlan says when the erasure of shopperID may be carried out: now, at a date, or not while
// a hold keeps some of their decisions. It only plans: nothing is erased. Every call is recorded
// (who asked about whom: the shopper as WithShopperRef's keyed hash), in a transaction of its own.
func (s *Service) ErasurePlan(ctx context.Context, shopperID string) (ShopperErasure, error) {
	out, err := s.ShopperPlan(ctx, shopperID, s.clock())
	if err != nil {
		return ShopperErasure{}, err
	}
	e := audit.NewEvent(ctx, ActionErasurePlan, entityShopper, s.ShopperRef(strings.TrimSpace(shopperID)), nil, recordErasure(&out), audit.Done)
	if err := s.store.AppendAudit(context.WithoutCancel(ctx), e); err != nil {
		return ShopperErasure{}, err
	}
	return out, nil
}

// ShopperRef returns what stands for shopperID in the audit log: its keyed hash, or the id itself
// when the service has no WithShopperRef.
func (s *Service) ShopperRef(shopperID string) string {
	if s.shopperRef == nil {
		return shopperID
	}
	return s.shopperRef(shopperID)
}

// ShopperPlan is ErasurePlan as of now, without recording it: the erasure service carries out
// what it says (and records that). A shopperId that is empty or too long is an
// *apperr.ValidationError naming shopperId.
func (s *Service) ShopperPlan(ctx context.Context, shopperID string, now time.Time) (ShopperErasure, error) {
	shopperID = strings.TrimSpace(shopperID)
	var ve apperr.ValidationError
	switch {
	case shopperID == "":
		ve.Add("shopperId", "is required")
	case len(shopperID) > maxIDLen:
		ve.Add("shopperId", "must be at most %d bytes", maxIDLen)
	}
	if err := ve.Err(); err != nil {
		return ShopperErasure{}, err
	}
	sit, holds, err := s.situation(ctx, nil, false, now.UTC().Truncate(time.Microsecond))
	if err != nil {
		return ShopperErasure{}, err
	}
	shopper := Filter{ShopperID: shopperID}
	months, err := s.store.ShopperMonths(ctx, shopperID)
	if err != nil {
		return ShopperErasure{}, err
	}
	var holding []int64
	for id, h := range holds {
		f, ok := h.Filter.Intersect(shopper)
		if !ok {
			continue
		}
		held := h.ShopperID == shopperID // a hold naming the shopper keeps them, decisions or not
		if !held {
			if held, err = s.store.AnyDecision(ctx, f); err != nil {
				return ShopperErasure{}, err
			}
		}
		if held {
			holding = append(holding, id)
		}
	}
	out := ShopperErasure{ErasurePlan: sit.Erasure(months, holding), AsOf: sit.Now(), Holds: map[int64]Hold{}}
	for _, id := range out.HeldBy {
		out.Holds[id] = holds[id]
	}
	return out, nil
}

// Now returns the service's current time.
func (s *Service) Now() time.Time { return s.clock() }

// recordRequest is what the audit log keeps of a policy request.
func recordRequest(r *PolicyRequest) any {
	return map[string]any{"id": r.ID, "market": r.Market, "keepMonths": r.KeepMonths, "afterRetention": r.After,
		"rationale": r.Rationale, "baseVersion": r.BaseVersion, "status": r.Status, "author": r.Author,
		"reviewer": r.Reviewer, "comment": r.ReviewComment, "publishedVersionId": r.PublishedID}
}

// recordHold is what the audit log keeps of a hold: its filter in full, so that an auditor reads
// whose records were kept and why.
func recordHold(h *Hold) any {
	return map[string]any{"id": h.ID, "market": h.Market, "shopperId": h.ShopperID, "merchantId": h.MerchantID,
		"from": h.From, "to": h.To, "reason": h.Reason, "active": h.Active(), "placedBy": h.Author,
		"liftedBy": h.Reviewer, "comment": h.ReviewComment}
}

// recordErasure is what the audit log keeps of an erasure preview.
func recordErasure(e *ShopperErasure) any {
	held := make([]string, len(e.HeldBy))
	for i, id := range e.HeldBy {
		held[i] = strconv.FormatInt(id, 10)
	}
	return map[string]any{"state": e.State, "at": e.At, "dutyEndsAt": e.DutyEndsAt, "heldBy": held, "months": len(e.Months)}
}
