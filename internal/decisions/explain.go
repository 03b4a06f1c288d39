package decisions

import (
	"context"
	"errors"
	"fmt"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
	"riskconsole/internal/thresholds"
)

// ActionExplain records one request for a decision's explanation, found or not.
const ActionExplain = "decision.explain"

// CatalogVersions returns the published catalog a decision pinned.
type CatalogVersions interface {
	ByID(ctx context.Context, id int64) (*catalog.Catalog, error)
}

// ThresholdVersions returns threshold versions by id.
type ThresholdVersions interface {
	Versions(ctx context.Context, ids []int64) (map[int64]*thresholds.Version, error)
}

// Explanation is a decision's explanation for the shopper.
type Explanation struct {
	Reference string // canonical
	Outcome   engine.Outcome
	catalog.Explanation
}

// Explainer explains decisions to the shopper and records each request.
type Explainer struct {
	repo       Repository
	catalogs   CatalogVersions
	thresholds ThresholdVersions
	audits     AuditAppender
}

// NewExplainer returns the explanation service.
func NewExplainer(repo Repository, catalogs CatalogVersions, th ThresholdVersions, audits AuditAppender) *Explainer {
	return &Explainer{repo: repo, catalogs: catalogs, thresholds: th, audits: audits}
}

// Explain returns the explanation of the decision with reference ref in locale: the decision's
// values evaluated against the threshold version it pinned (the engine is deterministic, so this
// is the assessment that was made), told through the texts of the catalog version it pinned.
// An approval gets a short explanation: every factor met the requirements. Every call, found or
// not, appends one ActionExplain event; an unknown reference is apperr.ErrNotFound.
func (s *Explainer) Explain(ctx context.Context, ref, locale string) (Explanation, error) {
	audited := locale
	if !market.KnownLocale(audited) {
		audited = "unsupported"
	}
	d, err := lookUp(ctx, s.repo, s.audits, ref, ActionExplain, map[string]any{"locale": audited})
	if err != nil {
		return Explanation{}, err
	}
	versions, err := s.thresholds.Versions(ctx, []int64{d.ThresholdVersionID})
	if err != nil {
		return Explanation{}, err
	}
	v, ok := versions[d.ThresholdVersionID]
	if !ok {
		return Explanation{}, fmt.Errorf("threshold version %d of decision %s: %w", d.ThresholdVersionID, d.ID, apperr.ErrNotFound)
	}
	cat, err := s.catalogs.ByID(ctx, d.CatalogVersionID)
	if err != nil {
		return Explanation{}, err
	}
	var res engine.Result
	engine.Evaluate(&v.Set, &d.Values, &res)
	in := renderInput(&d)
	in.Locale = locale
	e, err := cat.Explain(&res, d.Reasons, in)
	if err != nil {
		return Explanation{}, err
	}
	return Explanation{Reference: d.Reference, Outcome: d.Outcome, Explanation: e}, nil
}

// lookUp reads the decision with reference ref (any case, separators optional) and appends one
// action event about it, found or not, before answering: entity decision, id the canonical
// reference (or the first characters of input that is not one), after detail plus "found". When
// the event cannot be written, nothing is answered. An unknown or malformed reference is
// apperr.ErrNotFound, with no hint about similar references.
func lookUp(ctx context.Context, repo Repository, audits AuditAppender, ref, action string, detail map[string]any) (Decision, error) {
	canonical, ok := NormalizeReference(ref)
	var d Decision
	err := fmt.Errorf("decision: %w", apperr.ErrNotFound)
	if ok {
		d, err = repo.DecisionByReference(ctx, canonical)
	} else {
		canonical = auditedInput(ref)
	}
	found := err == nil
	if err != nil && !errors.Is(err, apperr.ErrNotFound) {
		return Decision{}, err
	}
	outcome, after := audit.Done, map[string]any{"found": true}
	for k, v := range detail {
		after[k] = v
	}
	if !found {
		outcome, after = audit.Failed, map[string]any{"found": false}
	}
	// A detached context: the record of a look-up must not be lost to a client that hung up.
	if aerr := audits.AppendAudit(context.WithoutCancel(ctx), audit.NewEvent(ctx, action, EntityDecision, canonical, nil, after, outcome)); aerr != nil {
		return Decision{}, fmt.Errorf("record %s: %w", action, aerr)
	}
	if !found {
		return Decision{}, err
	}
	return d, nil
}
