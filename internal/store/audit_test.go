package store_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"riskconsole/internal/audit"
	"riskconsole/internal/auditlog"
	"riskconsole/internal/store"
	"riskconsole/internal/testdb"
)

// auditBase is the time of the first test event.
var auditBase = time.Date(2026, 3, 1, 9, 0, 0, 123456000, time.UTC)

// migratedBoth opens a fresh, migrated store on each database.
func migratedBoth(t *testing.T) map[string]func(t *testing.T) *store.Store {
	out := map[string]func(t *testing.T) *store.Store{}
	for name, newStore := range openBoth(t) {
		out[name] = func(t *testing.T) *store.Store {
			st := newStore(t)
			if err := st.Migrate(context.Background()); err != nil {
				t.Fatal(err)
			}
			return st
		}
	}
	return out
}

// testEvent is the i-th event of the test log: three actors, three actions, two entity types,
// times in steps of a minute with three events per minute (so that ties on time are broken by
// id), and JSON before/after values with unsorted keys, spacing, escapes and numbers that
// PostgreSQL's jsonb rewrites (1e21 becomes 1000000000000000000000, -0 becomes 0).
func testEvent(i int) audit.Event {
	actors := []string{"user:1:anna", "user:2:bo", "token:3:checkout"}
	roles := [][]string{{"ADMIN"}, {"ANALYST", "APPROVER"}, nil}
	actions := []string{"user.create", "threshold.submit", "access.denied"}
	e := audit.Event{
		At:    auditBase.Add(time.Duration(i/3) * time.Minute),
		Actor: actors[i%3], ActorRoles: roles[i%3], Action: actions[i%3],
		EntityType: []string{"user", "threshold_draft"}[i%2], EntityID: strconv.Itoa(i % 5),
		RequestID: fmt.Sprintf("req-%04d", i), ClientAddr: "192.0.2." + strconv.Itoa(i%250), Outcome: audit.Done,
	}
	if i%3 == 2 {
		e.Outcome = audit.Denied
	}
	if i%4 != 0 {
		e.After = json.RawMessage(fmt.Sprintf(`{ "zeta": %d,  "alpha": [1, 2.50, "é\u00e9 <&>"], "nested": {"b": true, "a": null}, "n": -0.125,
			"numbers": [1e21, 1.5e-7, -0, 1E+2, 0.10, 100000000000000000000000000001] }`, i))
	}
	if i%4 == 1 {
		e.Before = json.RawMessage(`{"roles": ["ANALYST"], "disabled": false}`)
	}
	return e
}

func appendEvents(t *testing.T, st *store.Store, from, to int) []audit.Event {
	t.Helper()
	ctx := context.Background()
	var out []audit.Event
	for i := from; i < to; i++ {
		e := testEvent(i)
		if err := st.AppendAudit(ctx, &e); err != nil {
			t.Fatalf("append event %d: %v", i, err)
		}
		out = append(out, e)
	}
	return out
}

// listAll pages through the events matching f, pageSize at a time, checking that the pages join
// up newest first without duplicates, and returns them all.
func listAll(t *testing.T, st *store.Store, f auditlog.Filter, pageSize int) []audit.Event {
	t.Helper()
	ctx := context.Background()
	svc := auditlog.NewService(st, nil, nil)
	var (
		all   []audit.Event
		after string
		seen  = map[int64]bool{}
	)
	for pages := 0; ; pages++ {
		if pages > 1000 {
			t.Fatal("paging does not end")
		}
		page, err := svc.List(ctx, f, pageSize, after)
		if err != nil {
			t.Fatalf("list %+v after %q: %v", f, after, err)
		}
		if len(page.Items) > pageSize || (page.HasNext && len(page.Items) != pageSize) {
			t.Fatalf("page of %d (hasNext %v) for first=%d", len(page.Items), page.HasNext, pageSize)
		}
		for _, e := range page.Items {
			if seen[e.ID] {
				t.Fatalf("event %d listed twice", e.ID)
			}
			seen[e.ID] = true
			if n := len(all); n > 0 && !newerThan(&all[n-1], &e) {
				t.Fatalf("event %d (%v) listed after %d (%v): not newest first", e.ID, e.At, all[n-1].ID, all[n-1].At)
			}
			all = append(all, e)
		}
		if !page.HasNext {
			return all
		}
		after = auditlog.EncodeCursor(&page.Items[len(page.Items)-1])
	}
}

func newerThan(a, b *audit.Event) bool {
	return a.At.After(b.At) || (a.At.Equal(b.At) && a.ID > b.ID)
}

func verify(t *testing.T, st *store.Store) auditlog.Verification {
	t.Helper()
	v, err := st.VerifyAuditChain(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestAuditAppendListVerify(t *testing.T) {
	ctx := context.Background()
	for name, newStore := range migratedBoth(t) {
		t.Run(name, func(t *testing.T) {
			st := newStore(t)
			if v := verify(t, st); !v.OK || v.Checked != 0 || v.Head != audit.GenesisHash {
				t.Fatalf("empty log: %+v, want ok with 0 checked", v)
			}
			written := appendEvents(t, st, 0, 20)

			// Events appended in a transaction that rolls back leave no trace and no gap.
			errRollback := errors.New("roll back")
			err := st.InTx(ctx, func(tx *store.Store) error {
				for i := 100; i < 103; i++ {
					e := testEvent(i)
					if err := tx.AppendAudit(ctx, &e); err != nil {
						return err
					}
				}
				return errRollback
			})
			if !errors.Is(err, errRollback) {
				t.Fatalf("InTx: %v, want the rollback error", err)
			}
			// A transaction that commits writes its events in the chain.
			err = st.InTx(ctx, func(tx *store.Store) error {
				e := testEvent(20)
				if err := tx.AppendAudit(ctx, &e); err != nil {
					return err
				}
				written = append(written, e)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			written = append(written, appendEvents(t, st, 21, 40)...)

			v := verify(t, st)
			if !v.OK || v.Checked != 40 || v.FirstBrokenID != 0 || v.Reason != "" || v.Head != written[39].Hash {
				t.Fatalf("verification %+v, want ok with 40 checked and head %s", v, written[39].Hash)
			}
			for i := range written {
				want := audit.GenesisHash
				if i > 0 {
					want = written[i-1].Hash
				}
				if written[i].PrevHash != want {
					t.Fatalf("event %d: prev hash %s, want %s", i, written[i].PrevHash, want)
				}
			}

			// Everything, in pages of various sizes, round-trips field by field.
			byID := map[int64]audit.Event{}
			for _, e := range written {
				byID[e.ID] = e
			}
			for _, size := range []int{1, 7, 40, 100} {
				all := listAll(t, st, auditlog.Filter{}, size)
				if len(all) != len(written) {
					t.Fatalf("first=%d: listed %d events, want %d", size, len(all), len(written))
				}
				if size != 7 {
					continue
				}
				for _, got := range all {
					checkSameEvent(t, got, byID[got.ID])
				}
			}

			// Each filter, alone and combined, against the same filter applied in Go.
			from, to := auditBase.Add(2*time.Minute), auditBase.Add(9*time.Minute)
			filters := []auditlog.Filter{
				{Actor: "user:2:bo"},
				{Action: "access.denied"},
				{EntityType: "threshold_draft"},
				{EntityID: "3"},
				{EntityType: "user", EntityID: "4"},
				{From: from},
				{To: to},
				{From: from, To: to},
				{From: from, To: from.Add(time.Microsecond)}, // exactly the events at from
				{Actor: "token:3:checkout", Action: "access.denied", From: from, To: to},
				{Actor: "nobody"},
			}
			for _, f := range filters {
				var want []int64
				for i := len(written) - 1; i >= 0; i-- { // ids ascend with time: newest first is id descending
					if matches(&written[i], &f) {
						want = append(want, written[i].ID)
					}
				}
				for _, size := range []int{2, 100} {
					var got []int64
					for _, e := range listAll(t, st, f, size) {
						got = append(got, e.ID)
					}
					if !slices.Equal(got, want) {
						t.Errorf("filter %+v, first=%d: ids %v, want %v", f, size, got, want)
					}
				}
			}
		})
	}
}

func matches(e *audit.Event, f *auditlog.Filter) bool {
	return (f.Actor == "" || e.Actor == f.Actor) && (f.Action == "" || e.Action == f.Action) &&
		(f.EntityType == "" || e.EntityType == f.EntityType) && (f.EntityID == "" || e.EntityID == f.EntityID) &&
		(f.From.IsZero() || !e.At.Before(f.From)) && (f.To.IsZero() || e.At.Before(f.To))
}

// checkSameEvent compares a listed event with the one written. JSON is compared as values, since
// PostgreSQL's jsonb rewrites it; the stored hash must still be the hash of what was listed.
func checkSameEvent(t *testing.T, got, want audit.Event) {
	t.Helper()
	if h := audit.Chain(got.PrevHash, &got); h != want.Hash {
		t.Errorf("event %d: listed content hashes to %s, written as %s", got.ID, h, want.Hash)
	}
	for _, pair := range [][2]json.RawMessage{{got.Before, want.Before}, {got.After, want.After}} {
		if !sameJSON(t, pair[0], pair[1]) {
			t.Errorf("event %d: JSON listed as %s, written as %s", got.ID, pair[0], pair[1])
		}
	}
	if !got.At.Equal(want.At) || got.At.Location() != time.UTC {
		t.Errorf("event %d: at %v, want %v in UTC", got.ID, got.At, want.At)
	}
	got.At, got.Before, got.After = want.At, nil, nil
	want.Before, want.After = nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("event %d listed as\n%+v\nwritten as\n%+v", got.ID, got, want)
	}
}

func sameJSON(t *testing.T, a, b json.RawMessage) bool {
	t.Helper()
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	var va, vb any
	if err := json.Unmarshal(a, &va); err != nil {
		t.Fatalf("JSON %s: %v", a, err)
	}
	if err := json.Unmarshal(b, &vb); err != nil {
		t.Fatalf("JSON %s: %v", b, err)
	}
	return reflect.DeepEqual(va, vb) // float64s: -0 equals 0, as jsonb has it
}

// disableAuditTriggers lets a test do what an attacker with superuser rights could: change the
// audit table behind the application's back.
func disableAuditTriggers(t *testing.T, st *store.Store) {
	t.Helper()
	stmts := []string{"ALTER TABLE audit_events DISABLE TRIGGER USER"}
	if st.Dialect() == store.SQLite {
		stmts = []string{"DROP TRIGGER audit_events_no_update", "DROP TRIGGER audit_events_no_delete"}
	}
	for _, s := range stmts {
		if err := st.ExecForTest(context.Background(), s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func TestAuditTamperingIsReported(t *testing.T) {
	cases := []struct {
		name       string
		tamper     string // %d is the id of event 7 (of 12)
		wantBroken int    // index of the event reported, -1 for none
		wantReason string
	}{
		{"actor changed", "UPDATE audit_events SET actor = 'someone' WHERE id = %d", 7, auditlog.ReasonHashMismatch},
		{"roles widened", "UPDATE audit_events SET actor_roles = 'ADMIN,AUDITOR' WHERE id = %d", 7, auditlog.ReasonHashMismatch},
		{"time moved", "UPDATE audit_events SET at = at + INTERVAL '1 second' WHERE id = %d", 7, auditlog.ReasonHashMismatch},
		{"after value changed", `UPDATE audit_events SET after = '{"zeta": 999}' WHERE id = %d`, 7, auditlog.ReasonHashMismatch},
		{"outcome changed", "UPDATE audit_events SET outcome = 'FAILED' WHERE id = %d", 7, auditlog.ReasonHashMismatch},
		{"hash replaced", "UPDATE audit_events SET hash = '" + strings.Repeat("ab", 32) + "' WHERE id = %d", 7, auditlog.ReasonHashMismatch},
		{"middle event deleted", "DELETE FROM audit_events WHERE id = %d", 8, auditlog.ReasonLinkBroken},
		{"first event deleted", "DELETE FROM audit_events WHERE id = %d - 7", 1, auditlog.ReasonBadGenesis},
		{"last event deleted (not detectable by the chain alone)", "DELETE FROM audit_events WHERE id = %d + 4", -1, ""},
	}
	for name, newStore := range migratedBoth(t) {
		t.Run(name, func(t *testing.T) {
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					t.Parallel()
					st := newStore(t)
					written := appendEvents(t, st, 0, 12)
					disableAuditTriggers(t, st)
					sql := fmt.Sprintf(tc.tamper, written[7].ID)
					if st.Dialect() == store.SQLite {
						sql = strings.Replace(sql, "at + INTERVAL '1 second'", "datetime(at, '+1 second')", 1)
					}
					if err := st.ExecForTest(context.Background(), sql); err != nil {
						t.Fatalf("%s: %v", sql, err)
					}
					v := verify(t, st)
					if tc.wantBroken < 0 {
						if !v.OK || v.Checked != 11 || v.Head != written[10].Hash {
							t.Fatalf("verification %+v, want ok over 11 events ending at %s", v, written[10].Hash)
						}
						return
					}
					want := written[tc.wantBroken]
					if v.OK || v.FirstBrokenID != want.ID || v.Reason != tc.wantReason {
						t.Fatalf("verification %+v, want broken at event %d (%s)", v, want.ID, tc.wantReason)
					}
					wantChecked := int64(tc.wantBroken + 1)
					if strings.HasPrefix(tc.tamper, "DELETE") {
						wantChecked-- // one event fewer before the break
					}
					if v.Checked != wantChecked {
						t.Errorf("checked %d, want %d", v.Checked, wantChecked)
					}
				})
			}
		})
	}
}

// TestAuditAppendOnly: the triggers refuse to change or remove audit events, even for the
// superuser the tests connect as.
func TestAuditAppendOnly(t *testing.T) {
	ctx := context.Background()
	for name, newStore := range migratedBoth(t) {
		t.Run(name, func(t *testing.T) {
			st := newStore(t)
			written := appendEvents(t, st, 0, 3)
			id := written[1].ID
			stmts := []string{
				fmt.Sprintf("UPDATE audit_events SET actor = 'someone' WHERE id = %d", id),
				fmt.Sprintf("DELETE FROM audit_events WHERE id = %d", id),
				"DELETE FROM audit_events",
			}
			if st.Dialect() == store.Postgres {
				stmts = append(stmts, "TRUNCATE audit_events")
			}
			for _, s := range stmts {
				if err := st.ExecForTest(ctx, s); err == nil {
					t.Errorf("%s: allowed", s)
				}
			}
			if v := verify(t, st); !v.OK || v.Checked != 3 {
				t.Fatalf("verification after refused changes: %+v", v)
			}
			if got := listAll(t, st, auditlog.Filter{Actor: written[1].Actor}, 10); len(got) != 1 || got[0].ID != id {
				t.Fatalf("event %d after refused changes: %+v", id, got)
			}
		})
	}
}

// TestAuditConcurrentAppends: writers racing on the chain head are serialised, so the chain
// stays whole: no two events share a previous hash.
func TestAuditConcurrentAppends(t *testing.T) {
	const writers, perWriter = 20, 10
	ctx := context.Background()
	for name, newStore := range migratedBoth(t) {
		t.Run(name, func(t *testing.T) {
			st := newStore(t)
			var wg sync.WaitGroup
			errs := make(chan error, writers*perWriter)
			for w := range writers {
				wg.Go(func() {
					for i := range perWriter {
						e := testEvent(w*perWriter + i)
						var err error
						if i%2 == 0 {
							err = st.AppendAudit(ctx, &e)
						} else { // inside a caller's transaction, as a mutation does
							err = st.InTx(ctx, func(tx *store.Store) error { return tx.AppendAudit(ctx, &e) })
						}
						if err != nil {
							errs <- err
						}
					}
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatal(err)
			}
			v := verify(t, st)
			if !v.OK || v.Checked != writers*perWriter {
				t.Fatalf("verification %+v, want ok over %d events", v, writers*perWriter)
			}
			all := listAll(t, st, auditlog.Filter{}, 100)
			prev := map[string]int64{}
			for _, e := range all {
				if other, dup := prev[e.PrevHash]; dup {
					t.Errorf("events %d and %d share the previous hash %s", e.ID, other, e.PrevHash)
				}
				prev[e.PrevHash] = e.ID
			}
			if len(all) != writers*perWriter {
				t.Errorf("listed %d events, want %d", len(all), writers*perWriter)
			}
		})
	}
}

// BenchmarkVerifyAuditChain verifies a log of 100k or 1M events (written directly, in batches,
// with the hashes AppendAudit would compute). The check streams the log, so its memory does not
// grow with it: peak-heap-MiB is about the same for both sizes.
func BenchmarkVerifyAuditChain(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"100k", 100_000}, {"1M", 1_000_000}} {
		for _, dialect := range []string{"sqlite", "postgres"} {
			b.Run(dialect+"/"+size.name, func(b *testing.B) {
				opts := store.Options{SQLitePath: testdb.NewSQLitePath(b)}
				if dialect == "postgres" {
					opts = store.Options{DatabaseURL: testdb.NewPostgresDB(b)}
				}
				st, err := store.Open(context.Background(), opts)
				if err != nil {
					b.Fatal(err)
				}
				b.Cleanup(func() { st.Close() })
				if err := st.Migrate(context.Background()); err != nil {
					b.Fatal(err)
				}
				writeChain(b, opts, size.n)
				runtime.GC()
				peak := sampleHeap()
				b.ResetTimer()
				for b.Loop() {
					v, err := st.VerifyAuditChain(context.Background())
					if err != nil || !v.OK || v.Checked != int64(size.n) {
						b.Fatalf("verification %+v, %v", v, err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(size.n), "ns/event")
				b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MiB")
			})
		}
	}
}

// sampleHeap samples the heap in use every few milliseconds until the returned function is
// called, which returns the largest sample. It includes garbage not yet collected, so it is an
// upper bound of what the check keeps alive (about half of it with the default GOGC).
func sampleHeap() func() uint64 {
	var (
		peak atomic.Uint64
		stop = make(chan struct{})
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(stop)
		<-done
		return peak.Load()
	}
}

// writeChain writes n chained events with multi-row INSERTs of 1000 rows, through its own
// connection: the store would keep every distinct statement in its cache of prepared ones.
func writeChain(b *testing.B, opts store.Options, n int) {
	b.Helper()
	driver, dsn := "sqlite", "file:"+opts.SQLitePath+"?_pragma=busy_timeout(10000)"
	if opts.DatabaseURL != "" {
		driver, dsn = "pgx", opts.DatabaseURL
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	prev := audit.GenesisHash
	var sb strings.Builder
	for start := 0; start < n; start += 1000 {
		sb.Reset()
		sb.WriteString("INSERT INTO audit_events (at, actor, actor_roles, action, entity_type, entity_id, before, after, request_id, client_addr, outcome, prev_hash, hash) VALUES ")
		for i := start; i < min(start+1000, n); i++ {
			e := testEvent(i)
			e.At = auditBase.Add(time.Duration(i) * time.Millisecond)
			e.PrevHash = prev
			e.Hash = audit.Chain(prev, &e)
			prev = e.Hash
			if i > start {
				sb.WriteByte(',')
			}
			fmt.Fprintf(&sb, "('%s', '%s', '%s', '%s', '%s', '%s', %s, %s, '%s', '%s', '%s', '%s', '%s')",
				e.At.Format("2006-01-02 15:04:05.999999-07:00"), e.Actor, strings.Join(e.ActorRoles, ","), e.Action,
				e.EntityType, e.EntityID, sqlJSON(e.Before), sqlJSON(e.After), e.RequestID, e.ClientAddr, e.Outcome, e.PrevHash, e.Hash)
		}
		if _, err := db.Exec(sb.String()); err != nil {
			b.Fatal(err)
		}
	}
}

func sqlJSON(raw json.RawMessage) string {
	if raw == nil {
		return "NULL"
	}
	return "'" + strings.ReplaceAll(string(raw), "'", "''") + "'"
}
