package graph

import (
	"cmp"
	"context"
	"slices"
	"strconv"

	"riskconsole/graph/model"
	"riskconsole/internal/apperr"
	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/thresholds"
)

// Explicit mapping between domain values and API types. Everything here is plain data, so that
// gqlgen marshals it without resolvers.

// mapDecisions maps a list of decisions, loading their pinned threshold versions and the versions
// their shadow results name in one batch, and recomputing each breakdown with the engine
// (deterministic, so it is what was decided).
func mapDecisions(ctx context.Context, ds []decisions.Decision) ([]model.Decision, error) {
	return mapDecisionParts(ctx, ds, decisions.AllParts)
}

// mapDecisionParts is mapDecisions of decisions of which only the parts want were read (the
// explorer's page, selectionOf): what the other parts map to, such as the breakdown computed from
// the measured values, is left zero, and no field that needs them was asked for.
func mapDecisionParts(ctx context.Context, ds []decisions.Decision, want decisions.Part) ([]model.Decision, error) {
	ids := make([]int64, 0, 4)
	add := func(id int64) {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	for i := range ds {
		add(ds[i].ThresholdVersionID)
		for _, r := range ds[i].Shadows {
			add(r.VersionID)
		}
	}
	versions, err := loadersFor(ctx).ThresholdVersions.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]model.Decision, len(ds))
	shadowed := make([]*thresholds.Version, 0, thresholds.MaxShadows)
	for i := range ds {
		shadowed = shadowed[:0]
		for _, r := range ds[i].Shadows {
			shadowed = append(shadowed, versions[slices.Index(ids, r.VersionID)])
		}
		out[i] = mapDecision(&ds[i], versions[slices.Index(ids, ds[i].ThresholdVersionID)], want, shadowed)
	}
	return out, nil
}

func mapOneDecision(ctx context.Context, d decisions.Decision, err error) (*model.Decision, error) {
	if err != nil {
		return nil, err
	}
	out, err := mapDecisions(ctx, []decisions.Decision{d})
	if err != nil {
		return nil, err
	}
	return &out[0], nil
}

// MapDecision maps one decision, given the threshold version it pinned and the versions its
// shadow results name (for their version numbers: thresholds.Service.Versions caches them).
func MapDecision(d *decisions.Decision, v *thresholds.Version, shadowed ...*thresholds.Version) model.Decision {
	return mapDecision(d, v, decisions.AllParts, shadowed)
}

// mapDecision is MapDecision of a decision of which only the parts want were read: the
// breakdown is computed only from measured values read (decisions.PartValues).
func mapDecision(d *decisions.Decision, v *thresholds.Version, want decisions.Part, shadowed []*thresholds.Version) model.Decision {
	var breakdown model.FactorBreakdown
	if want&decisions.PartValues != 0 {
		res := new(engine.Result)
		engine.Evaluate(&v.Set, &d.Values, res)
		breakdown = res.Checks[:]
	}
	reasons := make([]model.Reason, len(d.Reasons))
	for i, r := range d.Reasons {
		m := engine.Measures[r.Measure()]
		reasons[i] = model.Reason{Rank: i + 1, Code: model.ReasonCode(r.String()),
			MeasuredValue: model.MeasuredValue(m.Enum), Factor: factorOf(m.Factor)}
	}
	return model.Decision{
		ID: d.ID, Reference: decisions.FormatReference(d.Reference), CreatedAt: d.CreatedAt,
		Market: d.Market, Currency: d.Currency, Amount: minorToMajor(d.AmountMinor),
		Merchant:  &model.Merchant{ID: d.MerchantID, Name: d.MerchantName, Category: d.MerchantCategory},
		ShopperID: d.ShopperID, ShopperErased: d.ShopperID == "", Locale: d.Locale, Channel: d.Channel,
		Outcome: model.Outcome(d.Outcome.String()), Reasons: reasons, Breakdown: breakdown,
		ThresholdVersion: &model.ThresholdVersionRef{ID: strconv.FormatInt(v.ID, 10), Market: v.Market, Version: v.Version},
		CatalogVersionID: strconv.FormatInt(d.CatalogVersionID, 10),
		Message:          mapMessage(d),
		// Issue 15: who made it; a reviewer's overturn names the reviewer and their reason.
		Kind:     model.DecisionKind(cmp.Or(d.Kind, decisions.KindAutomated)),
		Reviewer: optString(d.Reviewer), ReviewReason: optString(d.ReviewReason),
		BureauReport: mapBureauReport(d.Bureau),
		// Issue 17: the split's arm that decided and what the shadows would have decided.
		Arm: armOf(d.Arm), Shadows: mapShadowResults(d.Shadows, shadowed),
	}
}

func mapBureauReport(b *decisions.BureauReport) *model.BureauReport {
	if b == nil {
		return nil
	}
	info, _ := catalog.LookupBureau(b.Bureau)
	kf := b.KeyFactors
	if kf == nil {
		kf = []string{}
	}
	return &model.BureauReport{Bureau: model.CreditBureau(b.Bureau), BureauName: info.Name, Score: b.Score,
		ScoreMin: b.ScoreMin, ScoreMax: b.ScoreMax, ScoreDate: b.ScoreDate, KeyFactors: kf}
}

func mapMessage(d *decisions.Decision) *model.ShopperMessage {
	if d.Outcome != engine.Declined {
		return nil
	}
	return &model.ShopperMessage{Locale: d.Message.Locale, Title: d.Message.Title, Body: d.Message.Body, Steps: d.Message.Steps, Closing: d.Message.Closing}
}

func minorToMajor(minor int64) float64 { return float64(minor) / 100 }

func mapAssessment(d *decisions.Decision) *model.Assessment {
	reasons := make([]model.AssessmentReason, len(d.Reasons))
	for i, r := range d.Reasons {
		reasons[i] = model.AssessmentReason{Rank: i + 1, Code: model.ReasonCode(r.String())}
	}
	return &model.Assessment{
		DecisionID: d.ID, Reference: decisions.FormatReference(d.Reference), CreatedAt: d.CreatedAt,
		Outcome: model.Outcome(d.Outcome.String()), Reasons: reasons, Message: mapMessage(d),
	}
}

func mapThresholdVersion(v *thresholds.Version) *model.ThresholdVersion {
	rules := make([]model.ThresholdRule, len(v.Set.Rules))
	for i, r := range v.Set.Rules {
		m := engine.Measures[r.Measure]
		rules[i] = model.ThresholdRule{MeasuredValue: model.MeasuredValue(m.Enum), Factor: factorOf(m.Factor),
			Comparator: model.Comparator(r.Comparator.String()), Cutoff: r.Cutoff, Enabled: r.Enabled,
			ReasonCode: model.ReasonCode(r.Reason.String()), Scale: r.Scale}
	}
	return &model.ThresholdVersion{ID: strconv.FormatInt(v.ID, 10), Market: v.Market, Version: v.Version,
		Author: v.Author, Approver: v.Approver, Rationale: v.Rationale, CreatedAt: v.CreatedAt, Rules: rules}
}

// assessRequest maps the mutation's input.
func assessRequest(ctx context.Context, in *model.PurchaseInput, key string) *decisions.AssessRequest {
	return &decisions.AssessRequest{
		IdempotencyKey: key, Client: auth.PrincipalFrom(ctx).Subject(),
		Market: in.Market, Currency: in.Currency, Amount: in.Amount,
		MerchantID: in.Merchant.ID, MerchantName: in.Merchant.Name, MerchantCat: in.Merchant.Category,
		ShopperID: in.ShopperID, Locale: in.Locale, Channel: in.Channel,
		Values: measuredValues(in.Values), Bureau: bureauReport(in.BureauReport),
	}
}

// bureauReport maps the purchase's bureau report; the service validates it.
func bureauReport(in *model.BureauReportInput) *decisions.BureauReportRequest {
	if in == nil {
		return nil
	}
	return &decisions.BureauReportRequest{Bureau: string(in.Bureau), Score: in.Score, ScoreMin: in.ScoreMin,
		ScoreMax: in.ScoreMax, ScoreDate: in.ScoreDate, KeyFactors: in.KeyFactors}
}

// decisionFilter maps the explorer's filter, adding to ve what cannot be mapped; the service
// validates the rest.
func decisionFilter(f *model.DecisionFilter, ve *apperr.ValidationError) decisions.Filter {
	var out decisions.Filter
	if f == nil {
		return out
	}
	if f.From != nil {
		out.From = *f.From
	}
	if f.To != nil {
		out.To = *f.To
	}
	out.Market = deref(f.Market)
	if f.Outcome != nil {
		out.Outcome = map[model.Outcome]engine.Outcome{model.OutcomeApproved: engine.Approved, model.OutcomeDeclined: engine.Declined}[*f.Outcome]
	}
	if f.Reason != nil {
		out.Reason, _ = engine.ParseReason(string(*f.Reason))
	}
	out.MerchantID = deref(f.MerchantID)
	out.MerchantCategory = deref(f.MerchantCategory)
	out.MinAmountMinor = amountFilter("filter.minAmount", f.MinAmount, ve)
	out.MaxAmountMinor = amountFilter("filter.maxAmount", f.MaxAmount, ve)
	out.ThresholdVersionID = versionFilter(f.ThresholdVersionID, ve)
	out.Arm = armFilter(f.Arm)
	return out
}

// amountFilter maps an optional amount bound in major units to minor units.
func amountFilter(field string, v *float64, ve *apperr.ValidationError) *int64 {
	if v == nil {
		return nil
	}
	if *v < 0 || *v > 1e12 {
		ve.Add(field, "must be between 0 and 1e12")
		return nil
	}
	m := int64(*v*100 + 0.5)
	return &m
}

// versionFilter maps an optional filter.thresholdVersionId; nil is 0.
func versionFilter(id *string, ve *apperr.ValidationError) int64 {
	if id == nil {
		return 0
	}
	n, err := strconv.ParseInt(*id, 10, 64)
	if err != nil || n <= 0 {
		ve.Add("filter.thresholdVersionId", "must be a threshold version id")
	}
	return n
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// mapConnection maps a page of decisions of which the parts sel.parts were read; its edges only
// when they were asked for (sel.edges).
func mapConnection(ctx context.Context, page decisions.Page, sel pageSelection, after *string) (*model.DecisionConnection, error) {
	nodes, err := mapDecisionParts(ctx, page.Items, sel.parts)
	if err != nil {
		return nil, err
	}
	conn := &model.DecisionConnection{Nodes: nodes}
	if !sel.edges {
		conn.Edges, conn.PageInfo = []model.DecisionEdge{}, pageInfoOf(page.Items, page.HasNext, after, decisions.EncodeCursor)
		return conn, nil
	}
	conn.Edges, conn.PageInfo = edgesOf(page.Items, nodes, page.HasNext, after, decisions.EncodeCursor,
		func(c string, n *model.Decision) model.DecisionEdge { return model.DecisionEdge{Cursor: c, Node: n} })
	return conn, nil
}

// decisionQuery maps the explorer's arguments and validates them, naming every bad field.
func decisionQuery(filter *model.DecisionFilter, first int, after *string, orderBy model.DecisionOrder) (decisions.Filter, decisions.PageRequest, error) {
	var ve apperr.ValidationError
	f := decisionFilter(filter, &ve)
	req := decisions.PageRequest{First: first}
	if orderBy == model.DecisionOrderOldestFirst {
		req.Order = decisions.OldestFirst
	}
	if after != nil {
		var err error
		if req.After, err = decisions.DecodeCursor(*after); err != nil {
			ve.Add("after", "malformed cursor")
		}
	}
	decisions.ValidateList(&f, &req, &ve)
	return f, req, ve.Err()
}
