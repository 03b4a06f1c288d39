package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"riskconsole/internal/apperr"
	"riskconsole/internal/approval"
	"riskconsole/internal/retention"
	"riskconsole/models"
)

// Retention policies, their requests and legal holds (issue 18), and the reads of decisions the
// retention plan needs.

// RetentionPolicy returns market's policy in force: its newest version, or retention.Default
// when none has been approved.
func (s *Store) RetentionPolicy(ctx context.Context, market string) (retention.Policy, error) {
	q := s.db.WithContext(ctx).Model(&models.RetentionPolicy{}).Where("market = ?", market).Order("version DESC").Limit(1)
	list, err := findAll(q, "retention policy of "+market, retentionPolicyOf)
	if err != nil || len(list) == 0 {
		return retention.Default(market), err
	}
	return list[0], nil
}

// RetentionPolicies returns up to limit versions of market, newest first, with ids below beforeID
// (0: from the newest).
func (s *Store) RetentionPolicies(ctx context.Context, market string, beforeID int64, limit int) ([]retention.Policy, error) {
	q := s.db.WithContext(ctx).Model(&models.RetentionPolicy{}).Where("market = ?", market)
	return findAll(newestBefore(q, beforeID, limit), "retention policies", retentionPolicyOf)
}

func retentionPolicyOf(r *models.RetentionPolicy) (retention.Policy, error) {
	return retention.Policy{ID: r.ID, Market: r.Market, Version: r.Version, KeepMonths: r.KeepMonths,
		After: retention.Action(r.AfterRetention), RequestID: r.RequestID, Author: r.Author, Approver: r.Approver,
		Rationale: r.Rationale, CreatedAt: r.CreatedAt.UTC()}, nil
}

// RetentionPolicyTx runs fn in one transaction, as InTx does, for the policy requests.
func (s *Store) RetentionPolicyTx(ctx context.Context, fn func(tx retention.PolicyTx) error) error {
	return s.InTx(ctx, func(tx *Store) error {
		return fn(retentionPolicyTx{draftTx[retention.PolicyRequest, models.RetentionPolicyRequest]{tx, policyRequests}})
	})
}

// retentionPolicyTx is a transaction over policy requests and the versions they publish.
type retentionPolicyTx struct {
	draftTx[retention.PolicyRequest, models.RetentionPolicyRequest]
}

// CreateRetentionPolicy appends p as its market's next version (the newest plus one) and fills
// p.ID and p.Version. A version of the market published concurrently is an ErrConflict; an
// approver who is the author is an ErrForbidden (the database refuses it too).
func (tx retentionPolicyTx) CreateRetentionPolicy(ctx context.Context, p *retention.Policy) error {
	db := tx.db.WithContext(ctx)
	var next int
	if err := db.Model(&models.RetentionPolicy{}).Where("market = ?", p.Market).
		Select("COALESCE(MAX(version), 0) + 1").Scan(&next).Error; err != nil {
		return fmt.Errorf("next retention policy version of %s: %w", p.Market, err)
	}
	row := models.RetentionPolicy{Market: p.Market, Version: next, KeepMonths: p.KeepMonths, AfterRetention: string(p.After),
		RequestID: p.RequestID, Author: p.Author, Approver: p.Approver, Rationale: p.Rationale, CreatedAt: p.CreatedAt.UTC()}
	if err := db.Create(&row).Error; err != nil {
		switch {
		case isUniqueViolation(err, "version") || isUniqueViolation(err, "market"):
			return fmt.Errorf("retention policy %s v%d was published concurrently: %w", p.Market, next, apperr.ErrConflict)
		case isCheckViolation(err, "approver_not_author"):
			return fmt.Errorf("a retention policy's approver cannot be its author: %w", apperr.ErrForbidden)
		}
		return fmt.Errorf("create retention policy version: %w", err)
	}
	p.ID, p.Version = row.ID, next
	return nil
}

// policyRequests is the table of policy requests, for the approval workflow.
var policyRequests = &draftTable[retention.PolicyRequest, models.RetentionPolicyRequest]{
	noun: "retention policy request", toRow: policyRequestRowOf, fromRow: policyRequestOf,
	approval: func(r *models.RetentionPolicyRequest) *models.ApprovalColumns { return &r.Approval },
	changes: func(r *models.RetentionPolicyRequest, columns map[string]any) {
		columns["published_version_id"] = r.PublishedVersionID
	},
}

func policyRequestRowOf(r *retention.PolicyRequest) (models.RetentionPolicyRequest, error) {
	row := models.RetentionPolicyRequest{Approval: approvalColumnsOf(&r.Fields), Market: r.Market, KeepMonths: r.KeepMonths,
		AfterRetention: string(r.After), Rationale: r.Rationale, BaseVersion: r.BaseVersion}
	if r.PublishedID != 0 {
		id := r.PublishedID
		row.PublishedVersionID = &id
	}
	return row, nil
}

func policyRequestOf(r *models.RetentionPolicyRequest) (retention.PolicyRequest, error) {
	out := retention.PolicyRequest{Fields: approvalFields(&r.Approval), Market: r.Market, KeepMonths: r.KeepMonths,
		After: retention.Action(r.AfterRetention), Rationale: r.Rationale, BaseVersion: r.BaseVersion}
	if r.PublishedVersionID != nil {
		out.PublishedID = *r.PublishedVersionID
	}
	return out, nil
}

// RetentionPolicyRequest returns policy request id.
func (s *Store) RetentionPolicyRequest(ctx context.Context, id int64) (retention.PolicyRequest, error) {
	return loadDraft(ctx, s, policyRequests, id)
}

// RetentionPolicyRequests returns up to limit requests, newest first, with ids below beforeID (0:
// from the newest), of market and status (zero values: any).
func (s *Store) RetentionPolicyRequests(ctx context.Context, market string, status approval.Status, beforeID int64, limit int) ([]retention.PolicyRequest, error) {
	q := s.db.WithContext(ctx).Model(&models.RetentionPolicyRequest{})
	if market != "" {
		q = q.Where("market = ?", market)
	}
	if status != "" {
		q = q.Where("status = ?", string(status))
	}
	return findAll(newestBefore(q, beforeID, limit), "retention policy requests", policyRequestOf)
}

// LegalHoldTx runs fn in one transaction, as InTx does, for legal holds.
func (s *Store) LegalHoldTx(ctx context.Context, fn func(tx retention.HoldTx) error) error {
	return s.InTx(ctx, func(tx *Store) error {
		return fn(draftTx[retention.Hold, models.LegalHold]{tx, legalHolds})
	})
}

// legalHolds is the table of legal holds, for the approval workflow: a lift changes only the
// workflow's columns.
var legalHolds = &draftTable[retention.Hold, models.LegalHold]{
	noun: "legal hold", toRow: legalHoldRowOf, fromRow: legalHoldOf,
	approval: func(r *models.LegalHold) *models.ApprovalColumns { return &r.Approval },
	changes:  func(*models.LegalHold, map[string]any) {},
}

func legalHoldRowOf(h *retention.Hold) (models.LegalHold, error) {
	return models.LegalHold{Approval: approvalColumnsOf(&h.Fields), Market: h.Market, FromAt: utcPtr(h.From), ToAt: utcPtr(h.To),
		ShopperID: h.ShopperID, MerchantID: h.MerchantID, Reason: h.Reason}, nil
}

func legalHoldOf(r *models.LegalHold) (retention.Hold, error) {
	return retention.Hold{Fields: approvalFields(&r.Approval), Reason: r.Reason, Filter: retention.Filter{Market: r.Market,
		From: utcPtr(r.FromAt), To: utcPtr(r.ToAt), ShopperID: r.ShopperID, MerchantID: r.MerchantID}}, nil
}

// LegalHold returns legal hold id.
func (s *Store) LegalHold(ctx context.Context, id int64) (retention.Hold, error) {
	return loadDraft(ctx, s, legalHolds, id)
}

// LegalHolds returns up to limit holds, newest first, with ids below beforeID (0: from the
// newest): those in force when active is true, the lifted ones when false, all when nil.
func (s *Store) LegalHolds(ctx context.Context, active *bool, beforeID int64, limit int) ([]retention.Hold, error) {
	q := s.db.WithContext(ctx).Model(&models.LegalHold{})
	if active != nil {
		q = q.Where("status = ?", string(holdStatus(*active)))
	}
	return findAll(newestBefore(q, beforeID, limit), "legal holds", legalHoldOf)
}

// ActiveLegalHolds returns every hold in force, oldest first.
func (s *Store) ActiveLegalHolds(ctx context.Context) ([]retention.Hold, error) {
	q := s.db.WithContext(ctx).Model(&models.LegalHold{}).Where("status = ?", string(holdStatus(true)))
	return findAll(q.Order("id"), "legal holds in force", legalHoldOf)
}

// holdStatus is the workflow status of a hold in force (active) or lifted.
func holdStatus(active bool) approval.Status {
	if active {
		return approval.StatusSubmitted
	}
	return approval.StatusApproved
}

// selectDecisions restricts q to the decisions f selects.
func selectDecisions(q *gorm.DB, f *retention.Filter) *gorm.DB {
	if f.Market != "" {
		q = q.Where("market = ?", f.Market)
	}
	if f.From != nil {
		q = q.Where("created_at >= ?", f.From.UTC())
	}
	if f.To != nil {
		q = q.Where("created_at < ?", f.To.UTC())
	}
	if f.ShopperID != "" {
		q = q.Where("shopper_id = ?", f.ShopperID)
	}
	if f.MerchantID != "" {
		q = q.Where("merchant_id = ?", f.MerchantID)
	}
	return q
}

// firstDecision returns the time of the earliest decision f selects at or after from (zero:
// any), and false when there is none. With a shopper, a merchant or a market in f it is one
// step down an index whose columns start with it and go on with created_at.
func (s *Store) firstDecision(ctx context.Context, f *retention.Filter, from time.Time) (time.Time, bool, error) {
	q := selectDecisions(s.db.WithContext(ctx).Model(&models.Decision{}).Select("created_at"), f)
	if !from.IsZero() {
		q = q.Where("created_at >= ?", from.UTC())
	}
	var rows []struct{ CreatedAt time.Time }
	if err := q.Order("created_at").Limit(1).Find(&rows).Error; err != nil {
		return time.Time{}, false, fmt.Errorf("read the first decision of a retention filter: %w", err)
	}
	if len(rows) == 0 {
		return time.Time{}, false, nil
	}
	return rows[0].CreatedAt.UTC(), true, nil
}

// DecisionMonths returns the first instants of the months, ascending, that contain at least one
// decision f selects. It skips from month to month (a loose index scan): one indexed read per
// month that has such a decision and one more, however many decisions each holds, so a hold on
// a merchant of millions of decisions costs as little as one on a shopper of a few.
func (s *Store) DecisionMonths(ctx context.Context, f retention.Filter) ([]time.Time, error) {
	var out []time.Time
	var from time.Time
	for {
		t, ok, err := s.firstDecision(ctx, &f, from)
		if err != nil || !ok {
			return out, err
		}
		m := retention.MonthOf(t)
		out = append(out, m)
		from = retention.AddMonths(m, 1)
	}
}

// ShopperMonths returns the months (per market) that hold decisions of shopperID, in no order:
// one read of the shopper's decisions along decisions_shopper_time (a shopper has few), where
// DecisionMonths would walk each market month by month (about fifteen reads for a shopper of ten
// decisions in four markets).
func (s *Store) ShopperMonths(ctx context.Context, shopperID string) ([]retention.MonthKey, error) {
	var rows []struct {
		Market    string
		CreatedAt time.Time
	}
	if err := s.db.WithContext(ctx).Model(&models.Decision{}).Select("market, created_at").Where("shopper_id = ?", shopperID).
		Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read the months of a shopper's decisions: %w", err)
	}
	seen := map[retention.MonthKey]bool{}
	var out []retention.MonthKey
	for _, r := range rows {
		k := retention.MonthKey{Market: r.Market, Month: retention.MonthOf(r.CreatedAt)}
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out, nil
}

// AnyDecision reports whether f selects at least one decision.
func (s *Store) AnyDecision(ctx context.Context, f retention.Filter) (bool, error) {
	_, ok, err := s.firstDecision(ctx, &f, time.Time{})
	return ok, err
}

// DecisionCounts returns market's decisions per UTC month (keyed by the month's first instant in
// Unix seconds) from the month of from on, from the hourly rollups, and when the rollups last
// advanced (nil before their first pass). It reads one row per hour of the range, summed here:
// months are not a whole number of hours apart in SQL of both databases.
func (s *Store) DecisionCounts(ctx context.Context, market string, from time.Time) (map[int64]int64, *time.Time, error) {
	rows, err := s.db.WithContext(ctx).Model(&models.RollupMarketHour{}).Select("hour, assessed").
		Where("market = ? AND hour >= ?", market, retention.MonthOf(from).Unix()).Rows()
	if err != nil {
		return nil, nil, fmt.Errorf("read the decisions of %s per month: %w", market, err)
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var hour, assessed int64
		if err := rows.Scan(&hour, &assessed); err != nil {
			return nil, nil, fmt.Errorf("read the decisions of %s per month: %w", market, err)
		}
		out[retention.MonthOf(time.Unix(hour, 0)).Unix()] += assessed
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("read the decisions of %s per month: %w", market, err)
	}
	st, err := s.RollupState(ctx)
	if err != nil || st.AdvancedAt.IsZero() {
		return out, nil, err
	}
	return out, &st.AdvancedAt, nil
}

// The store keeps retention policies and legal holds.
var _ retention.Store = (*Store)(nil)
