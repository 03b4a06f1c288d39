package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
	"gorm.io/gorm"

	"riskconsole/internal/apperr"
	"riskconsole/internal/decisions"
	"riskconsole/models"
)

// Group commit (PostgreSQL). Each assessment used to pay PostgreSQL's per-statement and
// per-commit cost alone. Now the assessments that wait for a connection are written together:
// a caller queues its row and takes a connection of the pool; with it, when every connection of
// the pool is busy, it takes its own row and those queued before it (up to
// GroupCommitLimits.BatchRows and BatchBytes) and writes them in one statement, one commit.
// Nothing waits on a timer, and while a connection is free each caller writes its own row at
// once, as before: a single client, or fewer clients than connections, wait no longer than they
// did, and each request in flight has its own statement at the database (what the shutdown and
// fault tests watch). Rows group only where their callers would have waited for a connection
// anyway, and the more they wait the larger the next batch; checkout's pool (DB_ASSESS_CONNS)
// sets where that starts.
//
// Every caller still gets its own answer, as InsertDecision gives it: its decision created now,
// or the decision already stored under its idempotency key (a replay or, with another request
// hash, the service's CONFLICT). Two rows of one batch under the same key are written once, the
// second answered as a replay of the first. A statement that fails for a reason of its rows (a
// taken reference, a constraint, a missing partition, a deadlock) fails no row: each caller then
// writes its row alone, as before group commit, and gets that answer. A lost database fails every
// row of the batch with the error each would have had alone.
//
// Callers keep their contexts: a caller whose context ends while its row is queued takes the row
// out and returns; one whose row is being written returns at once too, and the statement is
// cancelled when every caller of its batch has gone (so an abandoned assessment is not written
// after its client gave up, as before). Each caller still asks the pool for a connection, and so
// waits for one as before (the pool's wait statistics, the fault tests' pool exhaustion), until
// its row is answered.
//
// The queue holds rows whose callers wait anyway (each has its goroutine and its request in
// memory); it is bounded all the same (QueueRows, QueueBytes): past it an assessment is refused
// as UNAVAILABLE at once, to be retried under its idempotency key, rather than held.
//
// SQLite keeps the row-at-a-time path: it has one writer, and its commits (WAL, synchronous
// NORMAL) do not wait for the disk, so there is no per-commit cost to share.

// GroupCommitLimits bound a group commit's batch and queue.
type GroupCommitLimits struct {
	// BatchRows and BatchBytes bound one statement: its rows, and their values' bytes (strings'
	// lengths, 8 for any other value).
	BatchRows, BatchBytes int
	// QueueRows and QueueBytes bound the rows waiting for a connection; past them an assessment
	// is refused with apperr.ErrUnavailable.
	QueueRows, QueueBytes int
}

// DefaultGroupCommitLimits: 64 rows of at most about 5 kB (the limits assessments validate) fit
// in 1 MiB; the queue holds what a few thousand concurrent checkout requests would.
var DefaultGroupCommitLimits = GroupCommitLimits{BatchRows: 64, BatchBytes: 1 << 20, QueueRows: 4096, QueueBytes: 16 << 20}

// GroupCommitStats counts the statements group commit ran and the rows they carried (replays
// within a batch included): Rows/Batches is the mean batch.
type GroupCommitStats struct{ Batches, Rows uint64 }

// groupCommit writes the decisions of the assessments of one pool (s) in batches.
type groupCommit struct {
	s      *Store
	limits GroupCommitLimits

	mu     sync.Mutex
	queue  []*pendingDecision
	queued int // bytes of queue

	batches, rows atomic.Uint64
}

func newGroupCommit(s *Store) *groupCommit {
	return &groupCommit{s: s, limits: DefaultGroupCommitLimits}
}

// pendingDecision is one caller's row on its way through group commit.
type pendingDecision struct {
	ctx    context.Context
	rec    *decisions.Record
	args   []any // decisionValues, sealed
	size   int
	queued bool          // guarded by groupCommit.mu
	done   chan struct{} // closed once res is set
	wake   func()        // ends the caller's wait for a connection
	res    insertResult
}

// insertResult is what InsertDecision answers for one row; alone says that the batch failed for
// a reason of its rows, so the caller writes its row by itself.
type insertResult struct {
	d       decisions.Decision
	created bool
	hash    string
	err     error
	alone   bool
}

// GroupCommitStats reports the batches written so far by the pool of assessments (zero on
// SQLite).
func (s *Store) GroupCommitStats() GroupCommitStats {
	g := s.forAssessments().commits
	if g == nil {
		return GroupCommitStats{}
	}
	return GroupCommitStats{Batches: g.batches.Load(), Rows: g.rows.Load()}
}

// insert is InsertDecision through group commit: rec's row, args, is written with those waiting
// beside it.
func (g *groupCommit) insert(ctx context.Context, rec *decisions.Record, args []any) (decisions.Decision, bool, string, error) {
	waitCtx, wake := context.WithCancel(ctx)
	defer wake()
	p := &pendingDecision{ctx: ctx, rec: rec, args: args, size: rowBytes(args), done: make(chan struct{}), wake: wake}
	if err := g.enqueue(p); err != nil {
		return decisions.Decision{}, false, "", err
	}
	err := g.s.db.WithContext(waitCtx).Connection(func(db *gorm.DB) error {
		if batch := g.take(p); batch != nil {
			g.flush(db, batch)
			return nil
		}
		// Another caller's batch took the row: hold the connection until the row is answered, as
		// a caller writing its row alone would, so that the pool is as busy as before group
		// commit. Given back at once, it let later callers in without waiting, and the pool's
		// waits (TestFaultPoolExhaustion) fell below the callers that could not have a connection.
		select {
		case <-p.done:
		case <-ctx.Done():
		}
		return nil
	})
	if g.dequeue(p) {
		// No connection (the caller's context ended, or the pool failed), and no one took the row.
		if ctx.Err() != nil {
			return decisions.Decision{}, false, "", fmt.Errorf("insert decision: %w", ctx.Err())
		}
		return decisions.Decision{}, false, "", fmt.Errorf("insert decision: %w", markError(err))
	}
	// The row was written, or is being written, by this caller or another.
	select {
	case <-p.done:
	case <-ctx.Done():
		return decisions.Decision{}, false, "", fmt.Errorf("insert decision: %w", ctx.Err())
	}
	r := &p.res
	switch {
	case r.alone:
		return g.s.insertDecision(ctx, rec, args)
	case r.err != nil && ctx.Err() != nil:
		// The batch was cancelled because its callers, this one among them, had gone.
		return decisions.Decision{}, false, "", fmt.Errorf("insert decision: %w", ctx.Err())
	}
	return r.d, r.created, r.hash, r.err
}

// enqueue queues p, or refuses it when the queue is full.
func (g *groupCommit) enqueue(p *pendingDecision) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.queue) >= g.limits.QueueRows || g.queued+p.size > g.limits.QueueBytes {
		return fmt.Errorf("insert decision: %d assessments already wait for the database: %w", len(g.queue), apperr.ErrUnavailable)
	}
	p.queued = true
	g.queue = append(g.queue, p)
	g.queued += p.size
	return nil
}

// dequeue takes p out of the queue and reports whether it was still there.
func (g *groupCommit) dequeue(p *pendingDecision) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !p.queued {
		return false
	}
	g.remove(func(q *pendingDecision) bool { return q == p })
	return true
}

// remove takes the rows matching drop out of the queue; mu is held.
func (g *groupCommit) remove(drop func(*pendingDecision) bool) {
	kept := g.queue[:0]
	for _, q := range g.queue {
		if q.queued && drop(q) {
			q.queued = false
			g.queued -= q.size
			continue
		}
		kept = append(kept, q)
	}
	clear(g.queue[len(kept):]) // let the taken rows go
	g.queue = kept
}

// take returns the batch the holder of a connection writes: p, and while every connection of
// the pool is busy the rows queued before it, in order, within the batch's limits; nil when p is
// no longer queued (it is written or being written by another). Rows whose callers have gone are
// dropped from the queue.
func (g *groupCommit) take(p *pendingDecision) []*pendingDecision {
	st := g.s.sqlDB.Stats()
	busy := st.MaxOpenConnections > 0 && st.InUse >= st.MaxOpenConnections
	g.mu.Lock()
	defer g.mu.Unlock()
	if !p.queued {
		return nil
	}
	batch := []*pendingDecision{p}
	bytes := p.size
	taken := func(q *pendingDecision) bool {
		switch {
		case q == p:
			return true
		case q.ctx.Err() != nil:
			return true // its caller returns with its context's error
		case busy && len(batch) < g.limits.BatchRows && bytes+q.size <= g.limits.BatchBytes:
			batch, bytes = append(batch, q), bytes+q.size
			return true
		}
		return false
	}
	g.remove(taken)
	return batch
}

// flush writes batch on the connection db and answers each of its callers. The statement runs
// while any of them waits for it: it is cancelled when the last one's context ends.
func (g *groupCommit) flush(db *gorm.DB, batch []*pendingDecision) {
	ctx, cancel := context.WithCancel(context.WithoutCancel(batch[0].ctx))
	defer cancel()
	var live atomic.Int64
	live.Store(int64(len(batch)))
	stops := make([]func() bool, len(batch))
	for i, p := range batch {
		stops[i] = context.AfterFunc(p.ctx, func() {
			if live.Add(-1) == 0 {
				cancel()
			}
		})
	}
	g.s.writeBatch(db.WithContext(ctx), batch)
	for _, stop := range stops {
		stop()
	}
	g.batches.Add(1)
	g.rows.Add(uint64(len(batch)))
	for _, p := range batch {
		close(p.done)
		p.wake()
	}
}

// rowBytes is the size of a row's values for the limits: strings' lengths, 8 for the others.
func rowBytes(args []any) int {
	n := 0
	for _, v := range args {
		if s, ok := v.(string); ok {
			n += len(s)
		} else {
			n += 8
		}
	}
	return n
}

// writeBatch writes the rows of batch in one statement on db (a connection) and sets each row's
// result. A key that appears twice is written once.
func (s *Store) writeBatch(db *gorm.DB, batch []*pendingDecision) {
	first := make(map[string]*pendingDecision, len(batch))
	rows := make([]*pendingDecision, 0, len(batch))
	for _, p := range batch {
		if _, dup := first[p.rec.IdempotencyKey]; !dup {
			first[p.rec.IdempotencyKey] = p
			rows = append(rows, p)
		}
	}
	created, err := s.writeRows(db, rows)
	if err != nil {
		for _, p := range batch {
			if errors.Is(err, apperr.ErrUnavailable) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
				p.res.err = fmt.Errorf("insert decision: %w", err)
			} else {
				p.res.alone = true
			}
		}
		return
	}
	var replays []*pendingDecision
	for _, p := range batch {
		if first[p.rec.IdempotencyKey] == p && created[p.rec.ID] {
			p.res = insertResult{d: p.rec.Decision, created: true, hash: p.rec.RequestHash}
		} else {
			replays = append(replays, p)
		}
	}
	if len(replays) == 0 {
		return
	}
	keys := make([]string, 0, len(replays))
	for _, p := range replays {
		keys = append(keys, p.rec.IdempotencyKey)
	}
	stored, err := scanDecisions(db.Raw(s.keyedDecisions()+"k.idempotency_key = ANY(?)", textArray(keys)))
	byKey := make(map[string]*models.Decision, len(stored))
	for i := range stored {
		byKey[stored[i].IdempotencyKey] = &stored[i]
	}
	for _, p := range replays {
		if err != nil {
			p.res.err = fmt.Errorf("read decision by idempotency key: %w", err)
			continue
		}
		row, ok := byKey[p.rec.IdempotencyKey]
		p.res.d, p.res.hash, p.res.err = storedUnderKey(row, ok)
	}
}

// writeRows writes rows (distinct keys) on db and returns the ids of those it wrote: the others'
// keys were taken. One row goes through the statement of a row alone.
func (s *Store) writeRows(db *gorm.DB, rows []*pendingDecision) (map[string]bool, error) {
	if len(rows) == 1 {
		res := execNumbered(db.Statement.Context, db, insertDecisionKeyedSQL, keyedArgs(rows[0].args))
		if res.Error != nil {
			return nil, res.Error
		}
		return map[string]bool{rows[0].rec.ID: res.RowsAffected == 1}, nil
	}
	arrays := make([]any, len(decisionColumns))
	for c := range arrays {
		arrays[c] = columnArray(rows, c)
	}
	// Rows, not Scan: gorm's Scan renders the statement with its values for a trace that nobody
	// reads (a fifth of the console's CPU in the store, with arrays of 64 rows). The statement's
	// placeholders are numbered once (numbered), not rendered from ? for each batch.
	res, err := numbered(db.Statement.Context, db, insertDecisionsBatchSQL, arrays).Rows()
	if err != nil {
		return nil, err
	}
	defer res.Close()
	created := make(map[string]bool, len(rows))
	for res.Next() {
		var id string
		if err := res.Scan(&id); err != nil {
			return nil, err
		}
		created[id] = true
	}
	return created, markError(res.Err())
}

// keyedArgs returns the arguments of insertDecisionKeyedSQL for a row's decisionValues: the keys
// of decision_keys (id, idempotency key, reference, time), then the row.
func keyedArgs(args []any) []any {
	return append([]any{args[0], args[2], args[1], args[4]}, args...)
}

// columnArray returns column c of rows' values as a PostgreSQL array of the type batchArrayType
// names for it. pgtype.Array rather than a slice, which gorm would spread into a list.
func columnArray(rows []*pendingDecision, c int) any {
	switch rows[0].args[c].(type) {
	case string:
		return arrayOf(rows, c, func(v any) string { return v.(string) })
	case int64:
		return arrayOf(rows, c, func(v any) int64 { return v.(int64) })
	case int:
		return arrayOf(rows, c, func(v any) int64 { return int64(v.(int)) })
	case float64:
		return arrayOf(rows, c, func(v any) float64 { return v.(float64) })
	case time.Time:
		return arrayOf(rows, c, func(v any) time.Time { return v.(time.Time) })
	}
	panic(fmt.Sprintf("decision column %s: no array for %T", decisionColumns[c], rows[0].args[c]))
}

func arrayOf[T any](rows []*pendingDecision, c int, conv func(any) T) pgtype.Array[T] {
	out := make([]T, len(rows))
	for i, p := range rows {
		out[i] = conv(p.args[c])
	}
	return pgtype.Array[T]{Elements: out, Dims: []pgtype.ArrayDimension{{Length: int32(len(out)), LowerBound: 1}}, Valid: true}
}

// textArray is vals as a PostgreSQL text array.
func textArray(vals []string) pgtype.Array[string] {
	return pgtype.Array[string]{Elements: vals, Dims: []pgtype.ArrayDimension{{Length: int32(len(vals)), LowerBound: 1}}, Valid: true}
}

// insertDecisionsBatchSQL is insertDecisionKeyedSQL for many rows, one array per column of
// decisionColumns (columnArray), in one statement whatever their number, so that it is prepared
// once: the keys go into decision_keys, in the order of the keys so that two batches sharing
// keys lock them in the same order rather than deadlock, and the decisions whose keys were new
// into decisions. It returns the ids written. Its placeholders are PostgreSQL's, numbered.
var insertDecisionsBatchSQL = func() string {
	sample, _ := decisionValues(&models.Decision{}, false) // the Go type of each column's values
	params := make([]string, len(decisionColumns))
	values := make([]string, len(decisionColumns))
	for c, col := range decisionColumns {
		params[c] = "CAST(? AS " + batchArrayType(sample[c]) + ")"
		// The two columns whose type no Go value of decisionValues converts to on assignment.
		switch col {
		case "id":
			values[c] = "CAST(v.id AS uuid)"
		case "message_steps":
			values[c] = "CAST(v.message_steps AS jsonb)"
		default:
			values[c] = "v." + col
		}
	}
	return numberPlaceholders("WITH v AS (SELECT * FROM unnest(" + strings.Join(params, ", ") + ") AS v(" + decisionColumnList + ")), " +
		"k AS (INSERT INTO decision_keys (decision_id, idempotency_key, reference, created_at) " +
		"SELECT CAST(v.id AS uuid), v.idempotency_key, v.reference, v.created_at FROM v ORDER BY v.idempotency_key " +
		"ON CONFLICT (idempotency_key) DO NOTHING RETURNING decision_id) " +
		"INSERT INTO decisions (" + decisionColumnList + ") SELECT " + strings.Join(values, ", ") +
		" FROM v JOIN k ON k.decision_id = CAST(v.id AS uuid) RETURNING CAST(id AS text)")
}()

// batchArrayType is the PostgreSQL array type of insertDecisionsBatchSQL for a column whose
// values are like v.
func batchArrayType(v any) string {
	switch v.(type) {
	case string:
		return "text[]"
	case int64, int:
		return "bigint[]"
	case float64:
		return "double precision[]"
	case time.Time:
		return "timestamptz[]"
	}
	panic(fmt.Sprintf("no array type for %T", v))
}
