package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"riskconsole/internal/audit"
	"riskconsole/models"
)

// auditLockID is the PostgreSQL advisory lock that serialises writers of the audit chain.
const auditLockID = 0x72636175646974 // "rcaudit"

// AppendAudit appends e to the audit log, chained to the last event: it fills e.ID, e.PrevHash
// and e.Hash. Called on a store from InTx it takes part in that transaction, so the event is
// written with the change it records or not at all; otherwise it runs in its own transaction.
// Writers are serialised (an advisory lock on PostgreSQL; SQLite's single writer), so the chain
// is written in strict id order.
func (s *Store) AppendAudit(ctx context.Context, e *audit.Event) error {
	return s.InTx(ctx, func(tx *Store) error { return tx.appendAudit(ctx, e) })
}

func (s *Store) appendAudit(ctx context.Context, e *audit.Event) error {
	db := s.db.WithContext(ctx)
	if s.dialect == Postgres {
		if err := db.Exec("SELECT pg_advisory_xact_lock(?)", auditLockID).Error; err != nil {
			return fmt.Errorf("lock audit chain: %w", err)
		}
	}
	var last models.AuditEvent
	err := db.Select("hash").Order("id DESC").Take(&last).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		e.PrevHash = audit.GenesisHash
	case err != nil:
		return fmt.Errorf("read audit chain head: %w", err)
	default:
		e.PrevHash = last.Hash
	}
	if e.At.IsZero() {
		e.At = now()
	}
	e.At = e.At.UTC().Truncate(time.Microsecond)
	e.Hash = audit.Chain(e.PrevHash, e)
	row := models.AuditEvent{
		At: e.At, Actor: e.Actor, ActorRoles: strings.Join(e.ActorRoles, ","), Action: e.Action,
		EntityType: e.EntityType, EntityID: e.EntityID, Before: jsonText(e.Before), After: jsonText(e.After),
		RequestID: e.RequestID, ClientAddr: e.ClientAddr, Outcome: string(e.Outcome),
		PrevHash: e.PrevHash, Hash: e.Hash,
	}
	if err := db.Create(&row).Error; err != nil {
		return fmt.Errorf("append audit event: %w", err)
	}
	e.ID = row.ID
	return nil
}

func jsonText(raw []byte) *string {
	if len(raw) == 0 {
		return nil
	}
	s := string(raw)
	return &s
}
