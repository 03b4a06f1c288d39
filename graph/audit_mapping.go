package graph

import (
	"strconv"
	"time"

	"riskconsole/graph/model"
	"riskconsole/internal/audit"
	"riskconsole/internal/auditlog"
	"riskconsole/internal/decisions"
)

// Explicit mapping between the audit log's domain values and API types.

// auditFilter maps the auditEvents filter; the service validates it.
func auditFilter(f *model.AuditFilter) auditlog.Filter {
	if f == nil {
		return auditlog.Filter{}
	}
	return auditlog.Filter{
		Actor: deref(f.Actor), Action: deref(f.Action), EntityType: deref(f.EntityType), EntityID: deref(f.EntityID),
		From: derefTime(f.From), To: derefTime(f.To),
	}
}

func derefTime(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}

func mapAuditConnection(page auditlog.Page, after *string) *model.AuditEventConnection {
	conn := &model.AuditEventConnection{Nodes: make([]model.AuditEvent, len(page.Items))}
	for i := range page.Items {
		conn.Nodes[i] = mapAuditEvent(&page.Items[i])
	}
	conn.Edges, conn.PageInfo = edgesOf(page.Items, conn.Nodes, page.HasNext, after, auditlog.EncodeCursor,
		func(c string, n *model.AuditEvent) model.AuditEventEdge {
			return model.AuditEventEdge{Cursor: c, Node: n}
		})
	return conn
}

func mapAuditEvent(e *audit.Event) model.AuditEvent {
	roles := e.ActorRoles
	if roles == nil {
		roles = []string{}
	}
	return model.AuditEvent{
		ID: strconv.FormatInt(e.ID, 10), At: e.At, Actor: e.Actor, ActorRoles: roles, Action: e.Action,
		EntityType: e.EntityType, EntityID: e.EntityID, Before: model.JSON(e.Before), After: model.JSON(e.After),
		RequestID: e.RequestID, ClientAddr: e.ClientAddr, Outcome: model.AuditOutcome(e.Outcome),
		PrevHash: e.PrevHash, Hash: e.Hash,
	}
}

func mapVerification(v auditlog.Verification) *model.AuditChainVerification {
	out := &model.AuditChainVerification{Ok: v.OK, Checked: int(v.Checked), Keyed: int(v.Keyed)}
	if v.Checkpoint != nil {
		id := strconv.FormatInt(v.Checkpoint.EventID, 10)
		out.CheckpointEventID = &id
	}
	if !v.OK {
		reason := v.Reason
		out.Reason = &reason
	}
	if v.FirstBrokenID != 0 { // 0: the checkpoint file itself did not verify
		id := strconv.FormatInt(v.FirstBrokenID, 10)
		out.FirstBrokenEventID = &id
	}
	return out
}

func mapSealVerification(v auditlog.SealVerification) *model.DecisionSealVerification {
	out := &model.DecisionSealVerification{Ok: v.OK, Checked: int(v.Checked), Unsealed: int(v.Unsealed)}
	if b := v.FirstBroken; b != nil {
		id, ref := b.ID, decisions.FormatReference(b.Reference)
		out.FirstBrokenDecisionID, out.FirstBrokenReference = &id, &ref
	}
	if v.Reason != "" { // a broken decision, or a month that does not hold what its record says
		reason := v.Reason
		out.Reason = &reason
	}
	return out
}
