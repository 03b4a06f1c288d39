package graph

import (
	"strconv"

	"riskconsole/graph/model"
	"riskconsole/internal/approval"
	"riskconsole/internal/engine"
	"riskconsole/internal/thresholds"
)

func mapDraft(d thresholds.Draft, err error) (*model.ThresholdDraft, error) {
	if err != nil {
		return nil, err
	}
	out := &model.ThresholdDraft{ID: idString(d.ID), Market: d.Market, BaseVersionID: idString(d.BaseVersionID),
		Status: model.ThresholdDraftStatus(d.Status), Revision: d.Revision, Author: d.Author, Rationale: d.Rationale,
		Rules: mapRules(&d.Set), Reviewer: optString(d.Reviewer), ReviewComment: optString(d.ReviewComment),
		CreatedAt: d.CreatedAt, UpdatedAt: d.UpdatedAt, SubmittedAt: d.SubmittedAt, ReviewedAt: d.ReviewedAt}
	if d.PublishedVersionID != 0 {
		id := idString(d.PublishedVersionID)
		out.PublishedVersionID = &id
	}
	if d.Impact != nil {
		out.Impact = mapImpact(d.Impact)
	}
	return out, nil
}

func mapImpact(i *thresholds.Impact) *model.ThresholdImpact {
	out := &model.ThresholdImpact{Available: i.Available, Note: optString(i.Note), Decisions: i.Decisions,
		DeclineRateNow: i.DeclineRateNow, DeclineRateProposed: i.DeclineRateProposed,
		ApprovedToDeclined: i.ApprovedToDeclined, DeclinedToApproved: i.DeclinedToApproved,
		BadDefinition: i.BadDefinition, ApprovalRateNow: i.ApprovalRateNow, ApprovalRateProposed: i.ApprovalRateProposed,
		BadRateNow: i.BadRateNow, BadRateProposed: i.BadRateProposed, BadRateProposedLow: i.BadRateProposedLow,
		BadRateProposedHigh: i.BadRateProposedHigh, LossNow: i.LossNow, LossProposed: i.LossProposed,
		LossRateNow: i.LossRateNow, LossRateProposed: i.LossRateProposed, MatureDecisions: i.MatureDecisions}
	if i.Available {
		out.From, out.To = &i.From, &i.To
	}
	return out
}

// mapApproved maps the result of an approval: the draft, which names the version it published.
func mapApproved(d thresholds.Draft, _ thresholds.Version, err error) (*model.ThresholdDraft, error) {
	return mapDraft(d, err)
}

func mapRules(s *engine.ThresholdSet) []model.ThresholdRule {
	return mapThresholdVersion(&thresholds.Version{Set: *s}).Rules
}

func mapActivation(a thresholds.Activation, err error) (*model.ThresholdActivation, error) {
	if err != nil {
		return nil, err
	}
	return &model.ThresholdActivation{ID: idString(a.ID), Market: a.Market, VersionID: idString(a.VersionID),
		ActivatedAt: a.ActivatedAt, ActivatedBy: a.ActivatedBy, Emergency: a.Emergency}, nil
}

func mapRollback(a *thresholds.Activation, d *thresholds.Draft, err error) (*model.ThresholdRollback, error) {
	if err != nil {
		return nil, err
	}
	var out model.ThresholdRollback
	if a != nil {
		out.Activation, _ = mapActivation(*a, nil)
	}
	if d != nil {
		out.Draft, _ = mapDraft(*d, nil)
	}
	return &out, nil
}

// mapVersionState maps v with its status and activations, read from the lifecycle's schedule.
func mapVersionState(lc *thresholds.Lifecycle, v *thresholds.Version) *model.ThresholdVersionState {
	out := &model.ThresholdVersionState{Version: mapThresholdVersion(v), Status: model.ThresholdVersionStatus(lc.VersionStatus(v.Market, v.ID)),
		Activations: []model.ThresholdActivation{}}
	for _, a := range lc.Service().Schedule(v.Market) {
		if a.VersionID == v.ID {
			m, _ := mapActivation(a, nil)
			out.Activations = append(out.Activations, *m)
		}
	}
	return out
}

func mapActiveVersion(lc *thresholds.Lifecycle, v *thresholds.Version, err error) (*model.ThresholdVersionState, error) {
	if err != nil {
		return nil, err
	}
	return mapVersionState(lc, v), nil
}

func mapVersionPage(lc *thresholds.Lifecycle, p thresholds.VersionPage, after *string, err error) (*model.ThresholdVersionConnection, error) {
	if err != nil {
		return nil, err
	}
	conn := &model.ThresholdVersionConnection{Nodes: make([]model.ThresholdVersionState, len(p.Versions))}
	for i := range p.Versions {
		conn.Nodes[i] = *mapVersionState(lc, &p.Versions[i])
	}
	conn.Edges, conn.PageInfo = edgesOf(p.Versions, conn.Nodes, p.HasNext, after,
		func(v *thresholds.Version) string { return thresholds.VersionCursor(v.Version) },
		func(c string, n *model.ThresholdVersionState) model.ThresholdVersionEdge {
			return model.ThresholdVersionEdge{Cursor: c, Node: n}
		})
	return conn, nil
}

func mapDraftPage(p thresholds.DraftPage, after *string, err error) (*model.ThresholdDraftConnection, error) {
	if err != nil {
		return nil, err
	}
	conn := &model.ThresholdDraftConnection{Nodes: make([]model.ThresholdDraft, len(p.Drafts))}
	for i := range p.Drafts {
		d, _ := mapDraft(p.Drafts[i], nil)
		conn.Nodes[i] = *d
	}
	conn.Edges, conn.PageInfo = edgesOf(p.Drafts, conn.Nodes, p.HasNext, after,
		func(d *thresholds.Draft) string { return thresholds.DraftCursor(d.ID) },
		func(c string, n *model.ThresholdDraft) model.ThresholdDraftEdge {
			return model.ThresholdDraftEdge{Cursor: c, Node: n}
		})
	return conn, nil
}

func mapRuleChanges(cs []thresholds.RuleChange, err error) ([]model.ThresholdRuleChange, error) {
	if err != nil {
		return nil, err
	}
	out := make([]model.ThresholdRuleChange, len(cs))
	for i, c := range cs {
		m := engine.Measures[c.Measure]
		out[i] = model.ThresholdRuleChange{MeasuredValue: model.MeasuredValue(m.Enum), Factor: factorOf(m.Factor),
			OldComparator: model.Comparator(c.OldComparator.String()), NewComparator: model.Comparator(c.NewComparator.String()),
			OldCutoff: c.OldCutoff, NewCutoff: c.NewCutoff, OldEnabled: c.OldEnabled, NewEnabled: c.NewEnabled}
	}
	return out, nil
}

// ruleInputs maps the rules of an edit. The enums are closed, so every name parses.
func ruleInputs(in []model.ThresholdRuleInput) []thresholds.RuleInput {
	out := make([]thresholds.RuleInput, len(in))
	for i, r := range in {
		m, ok := engine.ParseMeasure(string(r.MeasuredValue))
		if !ok {
			m = engine.NumMeasures // refused by validation with its field path
		}
		cmp := engine.GTE
		if r.Comparator == model.ComparatorLte {
			cmp = engine.LTE
		}
		out[i] = thresholds.RuleInput{Measure: m, Comparator: cmp, Cutoff: r.Cutoff, Enabled: r.Enabled}
	}
	return out
}

// setRefs maps the two sets of a diff.
func setRefs(from, to model.ThresholdSetRef) (thresholds.SetRef, thresholds.SetRef, error) {
	a, err := setRef("from", from)
	if err != nil {
		return a, thresholds.SetRef{}, err
	}
	b, err := setRef("to", to)
	return a, b, err
}

// setRef maps a ThresholdSetRef; a malformed id is a field error under field.
func setRef(field string, r model.ThresholdSetRef) (thresholds.SetRef, error) {
	var out thresholds.SetRef
	var err error
	if r.VersionID != nil {
		if out.VersionID, err = parseID(field+".versionId", *r.VersionID); err != nil {
			return out, err
		}
	}
	if r.DraftID != nil {
		out.DraftID, err = parseID(field+".draftId", *r.DraftID)
	}
	return out, err
}

// optID maps an optional id argument; nil is 0.
func optID(field string, id *string) (int64, error) {
	if id == nil {
		return 0, nil
	}
	return parseID(field, *id)
}

func draftFilter(market *string, status *model.ThresholdDraftStatus) thresholds.DraftFilter {
	f := thresholds.DraftFilter{Market: deref(market)}
	if status != nil {
		f.Status = approval.Status(*status)
	}
	return f
}

func idString(id int64) string { return strconv.FormatInt(id, 10) }

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
