package graph

import (
	"riskconsole/graph/model"
	"riskconsole/internal/outcomes"
)

// eventFromInput maps one recordOutcomes event; an unknown status maps to 0, which validation
// names.
func eventFromInput(in *model.OutcomeEventInput) outcomes.Event {
	st, _ := outcomes.ParseStatus(string(in.Status))
	return outcomes.Event{DecisionID: in.DecisionID, EventID: in.EventID, ObservedAt: in.ObservedAt, Status: st,
		OutstandingMinor: int64(in.OutstandingMinor), WrittenOffMinor: int64(in.WrittenOffMinor), Currency: in.Currency}
}

var outcomeClasses = [...]model.OutcomeClass{outcomes.Immature: model.OutcomeClassImmature,
	outcomes.Good: model.OutcomeClassGood, outcomes.Bad: model.OutcomeClassBad}

func mapRepayment(rp *outcomes.Repayment) *model.Repayment {
	out := &model.Repayment{OutstandingMinor: int(rp.State.OutstandingMinor), WrittenOffMinor: int(rp.State.WrittenOffMinor),
		Currency: rp.Currency, Class: outcomeClasses[rp.Class], MatureAt: rp.MatureAt, Events: make([]model.OutcomeEvent, len(rp.Events))}
	if rp.State.Status != 0 {
		st := model.OutcomeStatus(rp.State.Status.String())
		out.Status = &st
	}
	for i := range rp.Events {
		e := &rp.Events[i]
		out.Events[i] = model.OutcomeEvent{EventID: e.EventID, ObservedAt: e.ObservedAt, Status: model.OutcomeStatus(e.Status.String()),
			OutstandingMinor: int(e.OutstandingMinor), WrittenOffMinor: int(e.WrittenOffMinor), RecordedAt: e.RecordedAt}
	}
	return out
}
