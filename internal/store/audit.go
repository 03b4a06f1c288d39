package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"riskconsole/internal/audit"
	"riskconsole/internal/auditlog"
	"riskconsole/models"
)

// auditLockID is the PostgreSQL advisory lock that serialises writers of the audit chain.
const auditLockID = 0x72636175646974 // "rcaudit"

// AppendAudit appends e to the audit log, chained to the last event: it fills e.ID, e.PrevHash,
// e.Hash and e.KeyID (keyed with the store's key, see audit.Event.Seal). Called on a store from
// InTx it takes part in that transaction, so the event is written with the change it records or
// not at all; otherwise it runs in its own transaction. Writers are serialised (an advisory lock
// on PostgreSQL; SQLite's single writer), so the chain is written in strict id order.
func (s *Store) AppendAudit(ctx context.Context, e *audit.Event) error {
	return s.InTx(ctx, func(tx *Store) error { return tx.appendAudit(ctx, e) })
}

// AuditWriteFailures counts the audit events this process could not write since it started
// (their change, or the audited read, was refused or rolled back with them), not counting those
// of requests whose caller went away.
func (s *Store) AuditWriteFailures() uint64 { return s.auditFailures.Load() }

func (s *Store) appendAudit(ctx context.Context, e *audit.Event) error {
	err := s.writeAudit(ctx, e)
	if err != nil && !errors.Is(err, context.Canceled) {
		s.auditFailures.Add(1)
	}
	return err
}

func (s *Store) writeAudit(ctx context.Context, e *audit.Event) error {
	db := s.db.WithContext(ctx)
	if s.dialect == Postgres {
		if err := db.Exec("SELECT pg_advisory_xact_lock(?)", auditLockID).Error; err != nil {
			return fmt.Errorf("lock audit chain: %w", err)
		}
	}
	var last models.AuditEvent
	prev := audit.GenesisHash
	err := db.Select("hash").Order("id DESC").Take(&last).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
	case err != nil:
		return fmt.Errorf("read audit chain head: %w", err)
	default:
		prev = last.Hash
	}
	if e.At.IsZero() {
		e.At = now()
	}
	e.At = e.At.UTC().Truncate(time.Microsecond)
	e.Seal(s.key, prev)
	row := auditEventRow(e)
	if err := db.Create(&row).Error; err != nil {
		return fmt.Errorf("append audit event: %w", err)
	}
	e.ID = row.ID
	return nil
}

// AuditEvents returns one page of the events matching f, newest first by (at, id), in one
// statement. The page request must be valid (see auditlog.Service.List). It reads the standby
// when it may (reader).
func (s *Store) AuditEvents(ctx context.Context, f auditlog.Filter, page auditlog.PageRequest) (auditlog.Page, error) {
	return s.reader(ctx).auditEvents(ctx, f, page)
}

func (s *Store) auditEvents(ctx context.Context, f auditlog.Filter, page auditlog.PageRequest) (auditlog.Page, error) {
	q := s.db.WithContext(ctx).Model(&models.AuditEvent{})
	if f.Actor != "" && !auditlog.IsActorID(f.Actor) {
		actors, err := s.actorsNamed(ctx, f.Actor)
		if err != nil {
			return auditlog.Page{}, err
		}
		q = q.Where("actor IN ?", actors)
		f.Actor = ""
	}
	// In a fixed order, so that each combination of filters is one prepared statement.
	for _, eq := range []struct{ col, v string }{
		{"actor", f.Actor}, {"action", f.Action}, {"entity_type", f.EntityType}, {"entity_id", f.EntityID},
	} {
		if eq.v != "" {
			q = q.Where(eq.col+" = ?", eq.v)
		}
	}
	if !f.From.IsZero() {
		q = q.Where("at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		q = q.Where("at < ?", f.To.UTC())
	}
	if c := page.After; c != nil {
		q = q.Where("(at, id) < (?, ?)", c.At.UTC(), c.ID)
	}
	var rows []models.AuditEvent
	if err := q.Order("at DESC, id DESC").Limit(page.First + 1).Find(&rows).Error; err != nil {
		return auditlog.Page{}, fmt.Errorf("list audit events: %w", err)
	}
	out := auditlog.Page{HasNext: len(rows) > page.First}
	rows = rows[:min(len(rows), page.First)]
	out.Items = make([]audit.Event, len(rows))
	for i := range rows {
		out.Items[i] = auditEventFromRow(&rows[i])
	}
	return out, nil
}

// actorsNamed returns the actor ids an audit event can carry for name: the users with that
// username (user:<id>:<name>), the API tokens with that name (token:<id>:<name>; token names need
// not be unique) and the server task system:<name>. The list is never empty, so that it always
// makes a valid IN list.
func (s *Store) actorsNamed(ctx context.Context, name string) ([]string, error) {
	actors := []string{"system:" + name}
	var users []models.User
	if err := s.db.WithContext(ctx).Select("id").Where("username = ?", strings.ToLower(name)).Find(&users).Error; err != nil {
		return nil, fmt.Errorf("actors named %q: %w", name, err)
	}
	for _, u := range users {
		actors = append(actors, fmt.Sprintf("user:%d:%s", u.ID, strings.ToLower(name)))
	}
	var tokens []models.APIToken
	if err := s.db.WithContext(ctx).Select("id").Where("name = ?", name).Find(&tokens).Error; err != nil {
		return nil, fmt.Errorf("actors named %q: %w", name, err)
	}
	for _, t := range tokens {
		actors = append(actors, fmt.Sprintf("token:%d:%s", t.ID, name))
	}
	return actors, nil
}

// auditColumns are the columns CheckAuditChain reads, in the order it scans them.
const auditColumns = "id, at, actor, actor_roles, action, entity_type, entity_id, before, after, " +
	"request_id, client_addr, outcome, prev_hash, hash, key_id"

// VerifyAuditChain checks the whole chain with the store's key and no checkpoint: CheckAuditChain
// with a fresh auditlog.NewChainChecker from the first event.
func (s *Store) VerifyAuditChain(ctx context.Context) (auditlog.Verification, error) {
	return s.CheckAuditChain(ctx, auditlog.NewChainChecker(s.key), 0)
}

// CheckAuditChain streams the audit events from id fromID on, in id order, through c, which
// checks that each event's prev_hash is the stored hash of the event before it and that its hash
// is what its stored content and c's key give (see auditlog.ChainChecker). It stops at the first
// broken event.
//
// One statement reads the log a row at a time, so memory stays bounded however long the log is,
// and the check sees one consistent snapshot: writers append in id order under a lock, so any
// snapshot holds a prefix of the chain. Recomputing the hashes is most of the cost and each
// depends on one row only, so batches of rows are hashed in parallel while the links are checked
// in order (1M events take seconds, not tens of seconds).
func (s *Store) CheckAuditChain(ctx context.Context, c *auditlog.ChainChecker, fromID int64) (auditlog.Verification, error) {
	read := func(ctx context.Context, fn func([]audit.Event) bool) error {
		return s.readAuditChain(ctx, fromID, verifyBatchSize, fn)
	}
	if _, err := checkInOrder(ctx, read, c.HashMatches, c.CheckHashed); err != nil {
		return auditlog.Verification{}, fmt.Errorf("verify audit chain: %w", err)
	}
	return c.Result(), nil
}

// verifyBatchSize is the number of events CheckAuditChain hashes as one unit of work.
const verifyBatchSize = 256

// readAuditChain reads the audit events from id fromID on in id order and hands them to fn in
// batches of up to n, in fresh slices; it stops early when fn returns false.
func (s *Store) readAuditChain(ctx context.Context, fromID int64, n int, fn func([]audit.Event) bool) error {
	rows, err := s.db.WithContext(ctx).Raw("SELECT "+auditColumns+" FROM audit_events WHERE id >= ? ORDER BY id", fromID).Rows()
	if err != nil {
		return fmt.Errorf("read audit chain: %w", err)
	}
	defer rows.Close()
	events := make([]audit.Event, 0, n)
	var row models.AuditEvent
	for rows.Next() {
		var before, after []byte // nil for NULL
		err := rows.Scan(&row.ID, &row.At, &row.Actor, &row.ActorRoles, &row.Action, &row.EntityType, &row.EntityID,
			&before, &after, &row.RequestID, &row.ClientAddr, &row.Outcome, &row.PrevHash, &row.Hash, &row.KeyID)
		if err != nil {
			return fmt.Errorf("read audit event: %w", err)
		}
		e := auditEventFromRow(&row)
		e.Before, e.After = before, after
		events = append(events, e)
		if len(events) == n {
			if !fn(events) {
				return nil
			}
			events = make([]audit.Event, 0, n)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read audit chain: %w", err)
	}
	if len(events) > 0 {
		fn(events)
	}
	return nil
}

// auditEventRow maps an event to its row: roles joined by commas, JSON kept as written.
func auditEventRow(e *audit.Event) models.AuditEvent {
	return models.AuditEvent{
		ID: e.ID, At: e.At, Actor: e.Actor, ActorRoles: strings.Join(e.ActorRoles, ","), Action: e.Action,
		EntityType: e.EntityType, EntityID: e.EntityID, Before: jsonText(e.Before), After: jsonText(e.After),
		RequestID: e.RequestID, ClientAddr: e.ClientAddr, Outcome: string(e.Outcome),
		PrevHash: e.PrevHash, Hash: e.Hash, KeyID: e.KeyID,
	}
}

// auditEventFromRow maps a row back to the event it stores, field by field, so that
// audit.Chain over the result recomputes the stored hash. JSON comes back as the database
// holds it (PostgreSQL's jsonb reorders keys; audit.Canonical compacts it again).
func auditEventFromRow(r *models.AuditEvent) audit.Event {
	return audit.Event{
		ID: r.ID, At: r.At.UTC(), Actor: r.Actor, ActorRoles: splitRoles(r.ActorRoles), Action: r.Action,
		EntityType: r.EntityType, EntityID: r.EntityID, Before: jsonRaw(r.Before), After: jsonRaw(r.After),
		RequestID: r.RequestID, ClientAddr: r.ClientAddr, Outcome: audit.Outcome(r.Outcome),
		PrevHash: r.PrevHash, Hash: r.Hash, KeyID: r.KeyID,
	}
}

// splitRoles is the inverse of the strings.Join in auditEventRow: "" is no roles.
func splitRoles(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func jsonRaw(s *string) json.RawMessage {
	if s == nil {
		return nil
	}
	return json.RawMessage(*s)
}

func jsonText(raw []byte) *string {
	if len(raw) == 0 {
		return nil
	}
	s := string(raw)
	return &s
}
