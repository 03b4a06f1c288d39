// Package auditlog is the audit log's service: the auditor's filtered, paged view of events, the
// verification of the keyed hash chain against checkpoints kept outside the database, and the
// recording of authorization denials. The events, their canonical form, the chain function and
// the key live in package audit; storage lives in package store.
package auditlog

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/page"
)

// Actions and entity types this package writes.
const (
	// ActionAccessDenied is the action of an authorization denial.
	ActionAccessDenied = "access.denied"
	// EntityGraphQLField is the entity type of a denied GraphQL field; its id is
	// "<Type>.<field>", e.g. "Query.decisions".
	EntityGraphQLField = "graphql_field"
)

// maxFilterLen bounds each text filter; longer values cannot match anything the console writes.
const maxFilterLen = 256

// denialWriteTimeout bounds the write of a denial event. The write does not follow the request's
// cancellation: a caller hanging up at once must not erase the record of its refusal.
const denialWriteTimeout = 5 * time.Second

// Filter selects audit events. Empty fields match everything; times select [From, To).
type Filter struct {
	// Actor is an actor id ("user:7:approver.bea", "token:2:checkout", "system:demo",
	// "anonymous", see IsActorID), matched exactly, or a name ("approver.bea", "checkout"),
	// which matches the events of every user with that username, every API token with that
	// name and the server task of that name.
	Actor      string
	Action     string
	EntityType string
	EntityID   string
	From       time.Time // inclusive; zero means no lower bound
	To         time.Time // exclusive; zero means no upper bound
}

// IsActorID reports whether actor is written as the audit log writes actors (auth.Principal's
// Subject: "user:<id>:<name>", "token:<id>:<name>", "system:<name>" or "anonymous") rather than
// as a bare name. Usernames cannot hold a colon.
func IsActorID(actor string) bool {
	return actor == "anonymous" || strings.HasPrefix(actor, "user:") || strings.HasPrefix(actor, "token:") || strings.HasPrefix(actor, "system:")
}

// Cursor marks a position in the newest-first list of events.
type Cursor struct {
	At time.Time
	ID int64
}

// PageRequest asks for up to First events after the cursor, newest first (by time, then id).
type PageRequest struct {
	First int
	After *Cursor
}

// Page is one page of events, newest first.
type Page struct {
	Items   []audit.Event
	HasNext bool
}

// Repository is what the service needs from storage.
type Repository interface {
	// AuditEvents returns one page of events matching f, newest first.
	AuditEvents(ctx context.Context, f Filter, page PageRequest) (Page, error)
	// CheckAuditChain runs the events from id fromID on, in id order, through c, stopping at
	// the first broken one, and returns c's result.
	CheckAuditChain(ctx context.Context, c *ChainChecker, fromID int64) (Verification, error)
	// AppendAudit appends e to the chain, filling its id and hashes.
	AppendAudit(ctx context.Context, e *audit.Event) error
	// CheckDecisionSeals checks every stored decision's seal with the store's key, in order of
	// time, stopping at the first that does not match. It also tallies each month's decisions
	// (by month name, MonthLayout), counting as closed those written below the month's mark in
	// marks.
	CheckDecisionSeals(ctx context.Context, marks map[string]int64) (SealVerification, map[string]MonthTally, error)
	// MonthRecords returns the audit events of decision months (EntityDecisionMonth), in id order.
	MonthRecords(ctx context.Context) ([]audit.Event, error)
	// FirstDecisionAt returns the time of the first decision; false when there is none.
	FirstDecisionAt(ctx context.Context) (time.Time, bool, error)
	// TallyMonth counts the decisions of the UTC month starting at month that are final now (the
	// mark it returns) and digests their ids.
	TallyMonth(ctx context.Context, month time.Time) (MonthRecord, error)
}

// Service reads and checks the audit log, checkpoints its head, and records authorization
// denials.
type Service struct {
	repo Repository
	key  *audit.Key
	cps  *CheckpointFile // nil: no checkpoints
	cpMu sync.Mutex      // one checkpoint written at a time
}

// NewService returns an audit log service over repo that checks the chain with key (nil: the
// plain SHA-256 chain only) against the checkpoints of cps (nil: none).
func NewService(repo Repository, key *audit.Key, cps *CheckpointFile) *Service {
	return &Service{repo: repo, key: key, cps: cps}
}

// List returns up to first events matching f, newest first, after the position of the cursor
// after ("" for the first page). An invalid argument is an *apperr.ValidationError naming every
// bad field (first, after, filter.*).
func (s *Service) List(ctx context.Context, f Filter, first int, after string) (Page, error) {
	req, err := validateList(&f, first, after)
	if err != nil {
		return Page{}, err
	}
	return s.repo.AuditEvents(ctx, f, req)
}

func validateList(f *Filter, first int, after string) (PageRequest, error) {
	var ve apperr.ValidationError
	req := PageRequest{First: first}
	page.CheckFirst(first, &ve)
	if after != "" {
		c, err := DecodeCursor(after)
		if err != nil {
			ve.Add("after", "malformed cursor")
		}
		req.After = c
	}
	for _, t := range []struct{ field, v string }{
		{"filter.actor", f.Actor}, {"filter.action", f.Action},
		{"filter.entityType", f.EntityType}, {"filter.entityId", f.EntityID},
	} {
		switch {
		case len(t.v) > maxFilterLen:
			ve.Add(t.field, "must be at most %d bytes", maxFilterLen)
		case !utf8.ValidString(t.v):
			ve.Add(t.field, "must be valid UTF-8")
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		ve.Add("filter.to", "must be after filter.from")
	}
	f.From, f.To = f.From.UTC(), f.To.UTC()
	return req, ve.Err()
}

// Verify recomputes the hash chain over the whole log with the key and reports the first broken
// event; the log must also hold the event of the latest checkpoint, with its hash. A checkpoint
// file that does not verify fails the check too (FirstBrokenID 0): it was damaged or forged.
func (s *Service) Verify(ctx context.Context) (Verification, error) {
	c := NewChainChecker(s.key)
	if s.cps != nil {
		cp, err := s.cps.Read()
		if errors.Is(err, ErrBadCheckpoint) {
			return Verification{Reason: err.Error()}, nil
		}
		if err != nil {
			return Verification{}, err
		}
		if cp != nil {
			c.Expect(cp)
		}
	}
	return s.repo.CheckAuditChain(ctx, c, 0)
}

// ErrChainBroken is returned by Checkpoint when the events appended since the last checkpoint do
// not check out: no new checkpoint is written over the evidence.
var ErrChainBroken = errors.New("audit chain broken")

// Checkpoint writes a checkpoint of the chain's head, once the events appended since the last
// checkpoint check out from it (the first checkpoint checks the whole log): were the newest
// events removed, the next checkpoint would otherwise record the shortened log as the truth. It
// returns the verification of the events it checked; nothing is written when the head has not
// moved, or without a key or checkpoint file.
func (s *Service) Checkpoint(ctx context.Context) (Verification, error) {
	if s.key == nil || s.cps == nil {
		return Verification{}, nil
	}
	s.cpMu.Lock()
	defer s.cpMu.Unlock()
	prev, err := s.cps.Read()
	if err != nil {
		return Verification{}, err
	}
	c, from := NewChainChecker(s.key), int64(0)
	if prev != nil {
		c, from = NewCheckerAt(s.key, prev), prev.EventID
	}
	v, err := s.repo.CheckAuditChain(ctx, c, from)
	if err != nil {
		return v, err
	}
	if !v.OK {
		return v, fmt.Errorf("%w at event %d (%s): the checkpoint in %s is kept", ErrChainBroken, v.FirstBrokenID, v.Reason, s.cps.Path())
	}
	if v.HeadID == 0 || (prev != nil && v.HeadID == prev.EventID) {
		return v, nil
	}
	return v, s.cps.Write(Checkpoint{EventID: v.HeadID, Hash: v.Head, At: time.Now()})
}

// Denied records that p (nil for an anonymous caller) was refused field, e.g. "Query.decisions",
// as one access.denied event of its own, with the request id and client address of ctx. The
// server records refusals through Denials, which bounds how many events they make.
func (s *Service) Denied(ctx context.Context, p *auth.Principal, field string) error {
	return s.appendDenial(ctx, denialEvent(ctx, p, EntityGraphQLField, field))
}
