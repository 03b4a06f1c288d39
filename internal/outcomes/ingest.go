package outcomes

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
)

// MaxBatch bounds the events of one recordOutcomes call.
const MaxBatch = 1000

// MaxEventsPerDecision bounds a decision's history: an event beyond it is refused.
const MaxEventsPerDecision = 1000

// Audit actions and entity of the ingestion: one event per batch or import that records anything.
const (
	ActionRecord = "outcome.record"
	ActionImport = "outcome.import"
	EntityBatch  = "outcome_batch"
)

// Key names a recorded event: unique per decision.
type Key struct{ DecisionID, EventID string }

// History is what the ingestion knows of a decision before a batch: its purchase, its latest
// recorded event (zero: none) and how many events it has.
type History struct {
	Purchase Purchase
	Last     Last
	Count    int
}

// RecordedEvent is an event as stored, with when it reached the console.
type RecordedEvent struct {
	Event
	RecordedAt time.Time
}

// IngestTx is what a recordOutcomes batch needs from storage inside its one transaction.
type IngestTx interface {
	// LockOutcomeDecisions serialises, until the transaction ends, the writers of these
	// decisions' histories, so that two batches cannot both append after the same last event.
	LockOutcomeDecisions(ctx context.Context, decisionIDs []string) error
	// OutcomeHistories returns the history of each of decisionIDs that is a decision; ids that
	// are not are absent.
	OutcomeHistories(ctx context.Context, decisionIDs []string) (map[string]History, error)
	// OutcomeEventsByKey returns the events already recorded among keys.
	OutcomeEventsByKey(ctx context.Context, keys []Key) (map[Key]Event, error)
	// InsertOutcomeEvents appends events, recorded at recordedAt; hist (OutcomeHistories) holds
	// the decision of each, whose time the store keeps with its events.
	InsertOutcomeEvents(ctx context.Context, events []Event, hist map[string]History, recordedAt time.Time) error
	AppendAudit(ctx context.Context, e *audit.Event) error
}

// ImportTx is what a bulk import needs from storage inside its one transaction. The import holds
// every other writer of outcome events off while it runs.
type ImportTx interface {
	// StageOutcomes loads rows for validation (PostgreSQL: COPY into a temporary table) and
	// returns, set-wise, the histories of their decisions and the events already recorded with
	// their keys.
	StageOutcomes(ctx context.Context, rows []Row) (map[string]History, map[Key]Event, error)
	// InsertStagedOutcomes appends the staged rows but those whose indexes are in skip
	// (ascending), recorded at recordedAt, and returns how many it wrote.
	InsertStagedOutcomes(ctx context.Context, skip []int, recordedAt time.Time) (int64, error)
	AppendAudit(ctx context.Context, e *audit.Event) error
}

// IngestStore is the ingestion's storage.
type IngestStore interface {
	OutcomeTx(ctx context.Context, fn func(tx IngestTx) error) error
	OutcomeImportTx(ctx context.Context, fn func(tx ImportTx) error) error
	// OutcomeEvents returns the events of each of decisionIDs, oldest first (absent: none).
	OutcomeEvents(ctx context.Context, decisionIDs []string) (map[string][]RecordedEvent, error)
}

// Ingest records the servicing system's repayment events (recordOutcomes and the bulk import) and
// reads a decision's repayment.
type Ingest struct {
	store IngestStore
	defs  Definitions
	now   func() time.Time
}

// NewIngest returns the ingestion over st; defs answers the bad definition in force, now is the
// clock (nil: time.Now).
func NewIngest(st IngestStore, defs Definitions, now func() time.Time) *Ingest {
	if now == nil {
		now = time.Now
	}
	return &Ingest{store: st, defs: defs, now: now}
}

// clock returns the current time as the database keeps it: UTC, to the microsecond.
func (g *Ingest) clock() time.Time { return g.now().UTC().Truncate(time.Microsecond) }

// Batch is what a recordOutcomes call did.
type Batch struct {
	Received, Recorded, Duplicates int
}

// batchRecord is the audit record of a batch or an import.
type batchRecord struct {
	Received   int       `json:"received"`
	Recorded   int       `json:"recorded"`
	Duplicates int       `json:"duplicates"`
	Decisions  int       `json:"decisions"`
	From       time.Time `json:"observedFrom"`
	To         time.Time `json:"observedTo"`
	RecordedAt time.Time `json:"recordedAt"`
	File       string    `json:"file,omitempty"`
}

// Normalize brings e to the form it is stored in: the decision id in canonical form (when it is a
// UUID at all) and the time in UTC to the microsecond, so that a resent event compares equal.
func Normalize(e *Event) {
	if u, err := uuid.Parse(e.DecisionID); err == nil {
		e.DecisionID = u.String()
	}
	e.ObservedAt = e.ObservedAt.UTC().Truncate(time.Microsecond)
}

// Record validates and appends a batch of events, all or nothing, in one transaction with one
// audit event (none when every event was recorded before).
func (g *Ingest) Record(ctx context.Context, events []Event) (Batch, error) {
	switch {
	case len(events) == 0:
		return Batch{}, invalid("events", "must hold at least one event")
	case len(events) > MaxBatch:
		return Batch{}, invalid("events", "may hold at most %d events per call (got %d)", MaxBatch, len(events))
	}
	for i := range events {
		Normalize(&events[i])
	}
	ids := decisionIDs(events, func(e *Event) string { return e.DecisionID })
	keys := make([]Key, len(events))
	for i := range events {
		keys[i] = Key{events[i].DecisionID, events[i].EventID}
	}
	out := Batch{Received: len(events)}
	err := g.store.OutcomeTx(ctx, func(tx IngestTx) error {
		if err := tx.LockOutcomeDecisions(ctx, ids); err != nil {
			return err
		}
		hist, err := tx.OutcomeHistories(ctx, ids)
		if err != nil {
			return err
		}
		existing, err := tx.OutcomeEventsByKey(ctx, keys)
		if err != nil {
			return err
		}
		now := g.clock()
		order := make([]int, len(events))
		for i := range order {
			order[i] = i
		}
		var ve apperr.ValidationError
		fresh, dups := validate(func(i int) *Event { return &events[i] }, order, hist, existing, now, &ve, func(i int) string { return "events[" + strconv.Itoa(i) + "]" })
		if err := ve.Err(); err != nil {
			return err
		}
		out.Recorded, out.Duplicates = len(fresh), dups
		if len(fresh) == 0 {
			return nil
		}
		rows := make([]Event, len(fresh))
		for j, i := range fresh {
			rows[j] = events[i]
		}
		if err := tx.InsertOutcomeEvents(ctx, rows, hist, now); err != nil {
			return err
		}
		rec := summarize(rows, out.Received, out.Recorded, out.Duplicates, now)
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionRecord, EntityBatch, now.Format(time.RFC3339Nano), nil, rec, audit.Done))
	})
	if err != nil {
		return Batch{}, err
	}
	return out, nil
}

// summarize returns the audit record of recorded rows.
func summarize(rows []Event, received, recorded, dups int, now time.Time) *batchRecord {
	rec := &batchRecord{Received: received, Recorded: recorded, Duplicates: dups, RecordedAt: now}
	ids := map[string]struct{}{}
	for i := range rows {
		ids[rows[i].DecisionID] = struct{}{}
		if rec.From.IsZero() || rows[i].ObservedAt.Before(rec.From) {
			rec.From = rows[i].ObservedAt
		}
		if rows[i].ObservedAt.After(rec.To) {
			rec.To = rows[i].ObservedAt
		}
	}
	rec.Decisions = len(ids)
	return rec
}

// validate checks events in the given order (each decision's events in time order) against the
// decisions' histories and the events already recorded, adding every problem to ve under
// name(i). It returns the indexes of the events to write and the number of duplicates (events
// recorded before, or earlier in the same batch, with the same content).
func validate(get func(int) *Event, order []int, hist map[string]History, existing map[Key]Event, now time.Time,
	ve *apperr.ValidationError, name func(int) string) (fresh []int, dups int) {
	type state struct {
		last  Last
		count int
	}
	states := map[string]*state{}
	seen := make(map[Key]int, len(order))
	fresh = make([]int, 0, len(order))
	for _, i := range order {
		e := get(i)
		k := Key{e.DecisionID, e.EventID}
		if old, ok := existing[k]; ok {
			if old.Same(e) {
				dups++
			} else {
				ve.Add(name(i)+".eventId", "event %q of this decision was recorded before with different content", e.EventID)
			}
			continue
		}
		if j, ok := seen[k]; ok {
			if get(j).Same(e) {
				dups++
			} else {
				ve.Add(name(i)+".eventId", "event %q of this decision also comes at %s with different content", e.EventID, name(j))
			}
			continue
		}
		seen[k] = i
		h, known := hist[e.DecisionID]
		var p *Purchase
		if known {
			p = &h.Purchase
		}
		st := states[e.DecisionID]
		if st == nil {
			st = &state{last: h.Last, count: h.Count}
			states[e.DecisionID] = st
		}
		before := len(ve.Fields)
		last := Check(p, st.last, e, now, ve, name(i))
		if len(ve.Fields) > before {
			continue
		}
		if st.count >= MaxEventsPerDecision {
			ve.Add(name(i)+".decisionId", "the decision has %d events already: at most %d per decision", st.count, MaxEventsPerDecision)
			continue
		}
		st.last = last
		st.count++
		fresh = append(fresh, i)
	}
	return fresh, dups
}

// decisionIDs returns the distinct decision ids of items, sorted.
func decisionIDs[T any](items []T, id func(*T) string) []string {
	ids := make([]string, 0, len(items))
	for i := range items {
		ids = append(ids, id(&items[i]))
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Repayment is an approved decision's repayment as the API shows it.
type Repayment struct {
	State    State
	Currency string
	Class    Class
	MatureAt time.Time
	Events   []RecordedEvent
}

// Decided is what Repayments needs to know of a decision.
type Decided struct {
	ID       string
	At       time.Time
	Market   string
	Currency string
}

// RepaymentOf derives d's repayment from its events (oldest first) under the market's bad
// definition in force.
func (g *Ingest) RepaymentOf(ctx context.Context, d Decided, events []RecordedEvent) (*Repayment, error) {
	v, err := g.defs.Active(ctx, d.Market)
	if err != nil {
		return nil, err
	}
	now := g.now()
	plain := make([]Event, len(events))
	for i := range events {
		plain[i] = events[i].Event
	}
	// Every event counts, even one a few minutes ahead of this server's clock (FutureSkew).
	asOf := now
	if n := len(plain); n > 0 && plain[n-1].ObservedAt.After(asOf) {
		asOf = plain[n-1].ObservedAt
	}
	st := StateAt(plain, asOf)
	sum := Summarize(d.At, &st)
	return &Repayment{State: st, Currency: d.Currency, Class: v.Definition.Classify(d.At, &sum, now),
		MatureAt: d.At.AddDate(0, v.Definition.WindowMonths, 0).UTC(), Events: events}, nil
}

// Events returns the events of each of decisionIDs, oldest first: the dataloader's fetch.
func (g *Ingest) Events(ctx context.Context, decisionIDs []string) (map[string][]RecordedEvent, error) {
	return g.store.OutcomeEvents(ctx, decisionIDs)
}

// sortEvents orders one decision's events by time (ties by event id, which validation never lets
// happen).
func sortEvents(evs []RecordedEvent) {
	slices.SortFunc(evs, func(a, b RecordedEvent) int {
		if c := a.ObservedAt.Compare(b.ObservedAt); c != 0 {
			return c
		}
		return cmp.Compare(a.EventID, b.EventID)
	})
}

// SortEvents orders each decision's events oldest first (stores read them unordered: the key
// serves the look-up, and a decision has at most MaxEventsPerDecision events).
func SortEvents(m map[string][]RecordedEvent) {
	for _, evs := range m {
		sortEvents(evs)
	}
}
