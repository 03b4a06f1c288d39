package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"riskconsole/internal/apperr"
	"riskconsole/internal/decisions"
	"riskconsole/internal/demo"
	"riskconsole/internal/store"
	"riskconsole/internal/testdb"
)

// lockDecisions makes every INSERT into decisions wait while the test holds it.
const lockDecisions = "LOCK TABLE decisions IN SHARE MODE"

// groupCommitStore opens a store on a fresh database (of dialect) with a pool of conns
// connections and a few seeded decisions, and returns it with its URL (PostgreSQL) and a
// decision to copy records from.
func groupCommitStore(t *testing.T, dialect string, conns int) (*store.Store, string, decisions.Decision) {
	t.Helper()
	ctx := context.Background()
	opts := store.Options{SQLitePath: testdb.NewSQLitePath(t), MaxOpenConns: conns}
	if dialect == "postgres" {
		opts.DatabaseURL = testdb.NewPostgresDB(t)
	}
	st := open(t, opts)
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := demo.Seed(ctx, st, demo.SeedOptions{N: 20, Seed: 5, End: time.Now()}); err != nil {
		t.Fatal(err)
	}
	page, err := st.Decisions(ctx, decisions.Filter{}, decisions.PageRequest{First: 1})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("a seeded decision: %v, %v", page.Items, err)
	}
	return st, opts.DatabaseURL, page.Items[0]
}

// newRecord returns a fresh decision like base (new id, reference and time) under key, for a
// request hashed as hash.
func newRecord(base decisions.Decision, key, hash string) *decisions.Record {
	d := base
	d.CreatedAt = time.Now().UTC().Truncate(time.Microsecond)
	d.ID, d.Reference = decisions.NewID(d.CreatedAt), decisions.NewReference()
	return &decisions.Record{Decision: d, IdempotencyKey: key, RequestHash: hash}
}

// insertAnswer is what InsertDecision answered one caller.
type insertAnswer struct {
	d       decisions.Decision
	created bool
	hash    string
	err     error
}

// TestGroupCommitAnswers sends many concurrent inserts while the table is locked, so that they
// queue and are written in batches once it is released (PostgreSQL; SQLite writes them one by
// one): new keys, one key retried by many callers, one key under two different requests, keys
// stored before, a row PostgreSQL refuses and a taken reference. Each caller must get exactly its
// own answer, and the stored rows must be exactly the answered ones.
func TestGroupCommitAnswers(t *testing.T) {
	for _, dialect := range []string{"postgres", "sqlite"} {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			st, dsn, base := groupCommitStore(t, dialect, 4)
			prefix := fmt.Sprintf("gc-%d-", time.Now().UnixNano())
			key := func(s string) string { return prefix + s }

			// Keys stored before: their callers get the stored decision, created earlier.
			earlier := map[string]decisions.Decision{}
			for i := range 3 {
				k := key(fmt.Sprintf("earlier-%d", i))
				d, created, _, err := st.InsertDecision(ctx, newRecord(base, k, "h-earlier"))
				if err != nil || !created {
					t.Fatalf("insert %s: created %v, %v", k, created, err)
				}
				earlier[k] = d
			}

			var calls []gcCall
			for i := range 120 {
				calls = append(calls, gcCall{"new", newRecord(base, key(fmt.Sprintf("new-%d", i)), "h-new")})
			}
			for range 10 {
				calls = append(calls, gcCall{"retry", newRecord(base, key("retried"), "h-retry")})
			}
			for i := range 10 {
				calls = append(calls, gcCall{"conflict", newRecord(base, key("contested"), fmt.Sprintf("h-contested-%d", i%2))})
			}
			for k := range earlier {
				for range 2 {
					calls = append(calls, gcCall{"earlier", newRecord(base, k, "h-earlier")})
				}
			}
			bad := newRecord(base, key("bad"), "h-bad")
			bad.ThresholdVersionID = 1 << 40 // no such version: PostgreSQL refuses the row
			taken := newRecord(base, key("taken-reference"), "h-taken")
			taken.Reference = base.Reference
			calls = append(calls, gcCall{"bad", bad}, gcCall{"taken", taken})

			release := func() {}
			const batchRows = 8
			if dialect == "postgres" {
				st.SetGroupCommitLimits(t, store.GroupCommitLimits{BatchRows: batchRows, BatchBytes: 1 << 20, QueueRows: 4096, QueueBytes: 16 << 20})
				release = testdb.Hold(t, dsn, lockDecisions)
			}
			answers := make([]insertAnswer, len(calls))
			var wg sync.WaitGroup
			for i, c := range calls {
				wg.Go(func() {
					a := &answers[i]
					a.d, a.created, a.hash, a.err = st.InsertDecision(ctx, c.rec)
				})
			}
			if dialect == "postgres" {
				// Let every caller arrive: each of the 4 connections holds a batch of at most
				// batchRows, the rest queue behind the lock. Then let them through together.
				waitUntil(t, 30*time.Second, func() bool { return st.GroupCommitQueued() >= len(calls)-4*batchRows })
			}
			release()
			wg.Wait()

			createdBy := map[string]string{} // key: the id of the caller that created it
			for i, c := range calls {
				a := answers[i]
				switch c.name {
				case "bad":
					if a.err == nil || errors.Is(a.err, apperr.ErrUnavailable) || errors.Is(a.err, decisions.ErrReferenceTaken) {
						t.Errorf("row with an unknown threshold version: %+v, %v; want its own error", a.d.ID, a.err)
					}
					continue
				case "taken":
					if !errors.Is(a.err, decisions.ErrReferenceTaken) {
						t.Errorf("row with a taken reference: %v, want ErrReferenceTaken", a.err)
					}
					continue
				}
				if a.err != nil {
					t.Errorf("%s %s: %v", c.name, c.rec.IdempotencyKey, a.err)
					continue
				}
				k := c.rec.IdempotencyKey
				if a.created {
					if prev, ok := createdBy[k]; ok {
						t.Errorf("key %s created twice: %s and %s", k, prev, a.d.ID)
					}
					createdBy[k] = a.d.ID
					if a.d.ID != c.rec.ID || a.hash != c.rec.RequestHash {
						t.Errorf("%s %s: created %s (hash %s), want its own %s (%s)", c.name, k, a.d.ID, a.hash, c.rec.ID, c.rec.RequestHash)
					}
				}
				if c.name == "new" && !a.created {
					t.Errorf("new key %s answered as a replay of %s", k, a.d.ID)
				}
				if c.name == "earlier" && (a.created || a.d.ID != earlier[k].ID || a.hash != "h-earlier") {
					t.Errorf("stored key %s: created %v, %s (hash %s); want the earlier %s", k, a.created, a.d.ID, a.hash, earlier[k].ID)
				}
			}
			// Every caller of a key answers the decision created for it, with its hash: equal to the
			// caller's own for a retry, different for the other request under the contested key.
			for i, c := range calls {
				a, k := answers[i], c.rec.IdempotencyKey
				id, ok := createdBy[k]
				if a.err != nil || !ok {
					continue
				}
				if a.d.ID != id {
					t.Errorf("%s %s answered %s, the key's decision is %s", c.name, k, a.d.ID, id)
				}
				winner := answers[indexOfID(calls, id)].hash
				if (a.hash == c.rec.RequestHash) != (c.rec.RequestHash == winner) {
					t.Errorf("%s %s: stored hash %s, own %s, the key's %s", c.name, k, a.hash, c.rec.RequestHash, winner)
				}
			}
			for _, k := range []string{key("retried"), key("contested")} {
				if _, ok := createdBy[k]; !ok {
					t.Errorf("key %s: no caller created it", k)
				}
			}

			// The ledger: the stored keys of the test are exactly the created ones, each once.
			stored, err := st.CountForTest(ctx, "SELECT count(*) FROM decision_keys WHERE idempotency_key LIKE ?", prefix+"%")
			if err != nil {
				t.Fatal(err)
			}
			if want := int64(len(createdBy) + len(earlier)); stored != want {
				t.Errorf("%d keys stored, want %d", stored, want)
			}
			ids := make([]string, 0, len(createdBy))
			for _, id := range createdBy {
				ids = append(ids, id)
			}
			keys, err := st.StoredKeys(ctx, ids)
			if err != nil {
				t.Fatal(err)
			}
			if len(keys) != len(ids) {
				t.Errorf("%d of the %d created decisions found", len(keys), len(ids))
			}
			for _, k := range keys {
				if k.KeyCount != 1 || createdBy[k.IdempotencyKey] != k.ID {
					t.Errorf("stored %+v, want the decision created for its key, once", k)
				}
			}
			if dialect == "postgres" {
				if s := st.GroupCommitStats(); s.Rows <= s.Batches {
					t.Errorf("group commit stats %+v: no batch had more than one row", s)
				}
			}
		})
	}
}

// gcCall is one caller of TestGroupCommitAnswers: its kind and its record.
type gcCall struct {
	name string
	rec  *decisions.Record
}

// indexOfID returns the index of the call whose record has id.
func indexOfID(calls []gcCall, id string) int {
	for i, c := range calls {
		if c.rec.ID == id {
			return i
		}
	}
	return -1
}

// waitUntil polls cond every 10 ms until it holds, and fails the test when it does not within d.
func waitUntil(t *testing.T, d time.Duration, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(d); !cond(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("condition not met within %v", d)
		}
	}
}

// TestGroupCommitWaiting: on PostgreSQL, with one connection held by a write that waits for a
// lock, a caller whose context ends while its row is queued returns at once and its row is not
// written; a caller past the queue's bound is refused with ErrUnavailable at once; a caller
// whose row is being written alone and gives up has its statement cancelled. The others are
// written once the lock is gone.
func TestGroupCommitWaiting(t *testing.T) {
	ctx := context.Background()
	st, dsn, base := groupCommitStore(t, "postgres", 1)
	st.SetGroupCommitLimits(t, store.GroupCommitLimits{BatchRows: 64, BatchBytes: 1 << 20, QueueRows: 2, QueueBytes: 1 << 20})
	prefix := fmt.Sprintf("gcw-%d-", time.Now().UnixNano())
	waiting := waitingInserts(t, dsn)
	stored := func(k string) int64 {
		n, err := st.CountForTest(ctx, "SELECT count(*) FROM decision_keys WHERE idempotency_key = ?", prefix+k)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	insert := func(ctx context.Context, k string) <-chan insertAnswer {
		out := make(chan insertAnswer, 1)
		go func() {
			var a insertAnswer
			a.d, a.created, a.hash, a.err = st.InsertDecision(ctx, newRecord(base, prefix+k, "h"))
			out <- a
		}()
		return out
	}

	// Alone and given up: the statement waiting for the lock is cancelled, nothing is written.
	release := testdb.Hold(t, dsn, lockDecisions)
	gaveUpCtx, giveUp := context.WithCancel(ctx)
	gaveUp := insert(gaveUpCtx, "gave-up")
	waitUntil(t, 30*time.Second, func() bool { return waiting() == 1 })
	giveUp()
	wantPromptly(t, "given up while written", gaveUp, context.Canceled)
	waitUntil(t, 30*time.Second, func() bool { return waiting() == 0 })

	// One write holds the only connection; two rows queue behind it, the queue's bound.
	first := insert(ctx, "first")
	waitUntil(t, 30*time.Second, func() bool { return waiting() == 1 })
	cancelCtx, cancel := context.WithCancel(ctx)
	cancelled := insert(cancelCtx, "cancelled")
	queued := insert(ctx, "queued")
	waitUntil(t, 30*time.Second, func() bool { return st.GroupCommitQueued() == 2 })
	wantPromptly(t, "past the queue's bound", insert(ctx, "refused"), apperr.ErrUnavailable)
	cancel()
	wantPromptly(t, "cancelled while queued", cancelled, context.Canceled)
	if n := st.GroupCommitQueued(); n != 1 {
		t.Errorf("%d rows queued after the cancellation, want 1", n)
	}
	release()
	for name, ch := range map[string]<-chan insertAnswer{"first": first, "queued": queued} {
		if a := <-ch; a.err != nil || !a.created {
			t.Errorf("%s: created %v, %v", name, a.created, a.err)
		}
	}
	for k, want := range map[string]int64{"gave-up": 0, "first": 1, "cancelled": 0, "queued": 1, "refused": 0} {
		if n := stored(k); n != want {
			t.Errorf("key %s stored %d times, want %d", k, n, want)
		}
	}
}

// wantPromptly checks that the answer on ch comes at once (within 10 s on a busy machine, where
// the row would otherwise wait for the lock the test holds) and is the error want.
func wantPromptly(t *testing.T, what string, ch <-chan insertAnswer, want error) {
	t.Helper()
	select {
	case a := <-ch:
		if !errors.Is(a.err, want) {
			t.Errorf("%s: %v, want %v", what, a.err, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: no answer within 10 s", what)
	}
}

// waitingInserts returns a function counting the INSERTs into decisions that wait for a lock on
// the server of dsn, on a connection of its own (the store's may all be taken).
func waitingInserts(t *testing.T, dsn string) func() int64 {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return func() int64 {
		var n int64
		err := conn.QueryRow(context.Background(), "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "+
			"AND query LIKE '%INSERT INTO decisions %'").Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
}

// TestInsertDecisionStatements checks that an assessment written alone on PostgreSQL (its
// statement's placeholders numbered in advance, store.execNumbered) still runs through the
// store's gorm callbacks and errors: one statement counted for a new row, and a taken reference
// answered as decisions.ErrReferenceTaken.
func TestInsertDecisionStatements(t *testing.T) {
	ctx := context.Background()
	st, _, base := groupCommitStore(t, "postgres", 4)
	counted := st.CountStatements()
	prefix := fmt.Sprintf("stmt-%d-", time.Now().UnixNano())
	before := counted.Load()
	rec := newRecord(base, prefix+"a", "h")
	d, created, hash, err := st.InsertDecision(ctx, rec)
	if err != nil || !created || hash != "h" || d.ID != rec.ID {
		t.Fatalf("InsertDecision = %s, %v, %q, %v; want %s created", d.ID, created, hash, err, rec.ID)
	}
	if n := counted.Load() - before; n != 1 {
		t.Errorf("an assessment written alone ran %d statements, want 1", n)
	}
	got, err := st.Decision(ctx, rec.ID)
	if err != nil || got.Reference != rec.Reference || got.AmountMinor != base.AmountMinor || got.Values != base.Values {
		t.Errorf("stored decision %+v, %v; want the one inserted", got, err)
	}
	taken := newRecord(base, prefix+"b", "h")
	taken.Reference = rec.Reference
	if _, _, _, err := st.InsertDecision(ctx, taken); !errors.Is(err, decisions.ErrReferenceTaken) {
		t.Errorf("InsertDecision with a taken reference: %v, want decisions.ErrReferenceTaken", err)
	}
}
