package outcomes

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
)

var (
	t0     = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	idA    = "0195a2c4-0000-7000-8000-000000000001"
	idB    = "0195a2c4-0000-7000-8000-000000000002"
	idDecl = "0195a2c4-0000-7000-8000-000000000003"
)

func ev(id, eventID string, minutes int, s Status, outstanding, writtenOff int64) Event {
	return Event{DecisionID: id, EventID: eventID, ObservedAt: t0.Add(time.Duration(minutes) * time.Minute), Status: s,
		OutstandingMinor: outstanding, WrittenOffMinor: writtenOff, Currency: "SEK"}
}

// fakeStore keeps events in memory, as the store would, for the ingestion's logic.
type fakeStore struct {
	purchases map[string]Purchase
	events    map[Key]RecordedEvent
	audits    []*audit.Event
	locked    [][]string
}

func newFakeStore() *fakeStore {
	return &fakeStore{
		purchases: map[string]Purchase{
			idA:    {At: t0, Approved: true, AmountMinor: 100000, Currency: "SEK"},
			idB:    {At: t0, Approved: true, AmountMinor: 50000, Currency: "SEK"},
			idDecl: {At: t0, Approved: false, AmountMinor: 50000, Currency: "SEK"},
		},
		events: map[Key]RecordedEvent{},
	}
}

type fakeTx struct {
	s       *fakeStore
	pending []RecordedEvent
	audits  []*audit.Event
}

func (f *fakeStore) OutcomeTx(ctx context.Context, fn func(tx IngestTx) error) error {
	tx := &fakeTx{s: f}
	if err := fn(tx); err != nil {
		return err
	}
	for _, e := range tx.pending {
		f.events[Key{e.DecisionID, e.EventID}] = e
	}
	f.audits = append(f.audits, tx.audits...)
	return nil
}

func (f *fakeStore) OutcomeImportTx(ctx context.Context, fn func(tx ImportTx) error) error {
	return errors.New("not in this test")
}

func (f *fakeStore) OutcomeEvents(ctx context.Context, ids []string) (map[string][]RecordedEvent, error) {
	out := map[string][]RecordedEvent{}
	for _, e := range f.events {
		if slices.Contains(ids, e.DecisionID) {
			out[e.DecisionID] = append(out[e.DecisionID], e)
		}
	}
	SortEvents(out)
	return out, nil
}

func (t *fakeTx) LockOutcomeDecisions(ctx context.Context, ids []string) error {
	t.s.locked = append(t.s.locked, ids)
	return nil
}

func (t *fakeTx) OutcomeHistories(ctx context.Context, ids []string) (map[string]History, error) {
	evs, _ := t.s.OutcomeEvents(ctx, ids)
	out := map[string]History{}
	for _, id := range ids {
		p, ok := t.s.purchases[id]
		if !ok {
			continue
		}
		h := History{Purchase: p, Count: len(evs[id])}
		if n := len(evs[id]); n > 0 {
			l := evs[id][n-1]
			h.Last = Last{Status: l.Status, ObservedAt: l.ObservedAt, WrittenOffMinor: l.WrittenOffMinor}
		}
		out[id] = h
	}
	return out, nil
}

func (t *fakeTx) OutcomeEventsByKey(ctx context.Context, keys []Key) (map[Key]Event, error) {
	out := map[Key]Event{}
	for _, k := range keys {
		if e, ok := t.s.events[k]; ok {
			out[k] = e.Event
		}
	}
	return out, nil
}

func (t *fakeTx) InsertOutcomeEvents(ctx context.Context, events []Event, _ map[string]History, at time.Time) error {
	for _, e := range events {
		t.pending = append(t.pending, RecordedEvent{Event: e, RecordedAt: at})
	}
	return nil
}

func (t *fakeTx) AppendAudit(ctx context.Context, e *audit.Event) error {
	t.audits = append(t.audits, e)
	return nil
}

type fixedDefs struct{}

func (fixedDefs) Active(ctx context.Context, market string) (Version, error) {
	return Version{Market: market, Version: 1, Definition: DefaultBad}, nil
}

func fields(err error) []string {
	var ve *apperr.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []string
	for _, f := range ve.Fields {
		out = append(out, f.Field)
	}
	return out
}

func TestRecord(t *testing.T) {
	st := newFakeStore()
	now := t0.AddDate(0, 8, 0)
	g := NewIngest(st, fixedDefs{}, func() time.Time { return now })
	ctx := context.Background()
	batch := []Event{ev(idA, "1", 1, Current, 100000, 0), ev(idB, "1", 1, Paid, 0, 0), ev(idA, "2", 2, Late1to29, 90000, 0)}
	// The id in upper case and the time in another zone: the same event once normalised.
	batch[0].DecisionID = strings.ToUpper(idA)
	batch[0].ObservedAt = batch[0].ObservedAt.In(time.FixedZone("X", 3600)).Add(300 * time.Nanosecond)
	b, err := g.Record(ctx, slices.Clone(batch))
	if err != nil || b != (Batch{Received: 3, Recorded: 3}) || len(st.audits) != 1 {
		t.Fatalf("first: %+v %v, %d audits", b, err, len(st.audits))
	}
	if got := st.locked[0]; !slices.Equal(got, []string{idA, idB}) {
		t.Errorf("locked %v, want both decisions once, sorted", got)
	}
	b, err = g.Record(ctx, slices.Clone(batch))
	if err != nil || b != (Batch{Received: 3, Duplicates: 3}) || len(st.audits) != 1 {
		t.Fatalf("resent: %+v %v, %d audits", b, err, len(st.audits))
	}

	cases := []struct {
		name  string
		batch []Event
		want  []string
	}{
		{"none", nil, []string{"events"}},
		{"unknown", []Event{ev("0195a2c4-0000-7000-8000-00000000ffff", "x", 5, Current, 0, 0)}, []string{"events[0].decisionId"}},
		{"declined", []Event{ev(idDecl, "x", 5, Current, 0, 0)}, []string{"events[0].decisionId"}},
		{"after PAID", []Event{ev(idA, "3", 3, Late30to59, 0, 0), ev(idB, "2", 5, Current, 0, 0)}, []string{"events[1].status"}},
		{"skips a bucket in the batch", []Event{ev(idA, "3", 3, Late30to59, 0, 0), ev(idA, "4", 4, Late90Plus, 0, 0)}, []string{"events[1].status"}},
		{"earlier than stored", []Event{ev(idA, "3", 1, Late1to29, 0, 0)}, []string{"events[0].observedAt"}},
		{"other content", []Event{ev(idA, "2", 2, Late1to29, 1, 0)}, []string{"events[0].eventId"}},
		{"twice, other content", []Event{ev(idA, "3", 3, Late1to29, 1, 0), ev(idA, "3", 3, Late1to29, 2, 0)}, []string{"events[1].eventId"}},
		{"every bad item", []Event{ev(idDecl, "x", 5, Current, 0, 0), ev(idA, "3", 3, Late30to59, 200000, 0)}, []string{"events[0].decisionId", "events[1].outstandingMinor"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := g.Record(ctx, c.batch)
			if got := fields(err); !slices.Equal(got, c.want) {
				t.Errorf("fields %v, want %v (%v)", got, c.want, err)
			}
			if len(st.events) != 3 || len(st.audits) != 1 {
				t.Errorf("a refused batch wrote: %d events, %d audits", len(st.events), len(st.audits))
			}
		})
	}
	// A twice-sent event in one batch is a duplicate, written once.
	b, err = g.Record(ctx, []Event{ev(idA, "3", 3, Late30to59, 0, 0), ev(idA, "3", 3, Late30to59, 0, 0)})
	if err != nil || b != (Batch{Received: 2, Recorded: 1, Duplicates: 1}) {
		t.Fatalf("twice in a batch: %+v %v", b, err)
	}

	// The repayment: every event, the class under the definition (mature at 8 months; reached
	// 30+ but not 60+ within 6 months: good).
	evs, _ := g.Events(ctx, []string{idA})
	rp, err := g.RepaymentOf(ctx, Decided{ID: idA, At: t0, Market: "SE", Currency: "SEK"}, evs[idA])
	if err != nil || rp.State.Status != Late30to59 || rp.Class != Good || len(rp.Events) != 3 || !rp.MatureAt.Equal(t0.AddDate(0, 6, 0)) {
		t.Fatalf("repayment: %+v %v", rp, err)
	}
}

func TestRecordBounds(t *testing.T) {
	st := newFakeStore()
	g := NewIngest(st, fixedDefs{}, func() time.Time { return t0.AddDate(1, 0, 0) })
	ctx := context.Background()
	big := make([]Event, MaxBatch+1)
	for i := range big {
		big[i] = ev(idA, fmt.Sprint(i), i+1, Current, 0, 0)
	}
	if got := fields(func() error { _, err := g.Record(ctx, big); return err }()); !slices.Equal(got, []string{"events"}) {
		t.Errorf("%d events: %v", len(big), got)
	}
	if _, err := g.Record(ctx, big[:MaxEventsPerDecision]); err != nil {
		t.Fatal(err)
	}
	_, err := g.Record(ctx, []Event{ev(idA, "more", MaxBatch+5, Current, 0, 0)})
	if got := fields(err); !slices.Equal(got, []string{"events[0].decisionId"}) {
		t.Errorf("event %d of a decision: %v", MaxEventsPerDecision+1, err)
	}
}

func TestParseCSV(t *testing.T) {
	head := strings.Join(ImportColumns, ",") + "\n"
	rows, rep, err := ParseCSV(strings.NewReader("\ufeff" + head +
		idA + ",e1,2026-03-01T12:01:00Z,CURRENT,100,0,SEK\n" +
		idA + ",e2,2026-03-01T13:01:00.123456+01:00,LATE_1_29,90,0,SEK\n"))
	if err != nil || rep.ErrorCount != 0 || len(rows) != 2 || rep.Rows != 2 {
		t.Fatalf("good file: %v %+v %d rows", err, rep, len(rows))
	}
	if r := rows[1]; r.Line != 3 || r.Event.Status != Late1to29 || r.Event.OutstandingMinor != 90 ||
		!r.Event.ObservedAt.Equal(time.Date(2026, 3, 1, 12, 1, 0, 123456000, time.UTC)) {
		t.Errorf("row 2: %+v", r)
	}

	_, rep, err = ParseCSV(strings.NewReader(head +
		idA + ",e1,noon,CURRENT,100,0,SEK\n" +
		idA + ",e2,2026-03-01T12:01:00Z,LATE,x,0,SEK\n" +
		idA + ",e3,2026-03-01T12:01:00Z\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range rep.Errors {
		got = append(got, fmt.Sprintf("%d %s", e.Line, e.Field))
	}
	if want := []string{"2 observed_at", "3 status", "3 outstanding_minor", "4 line"}; !slices.Equal(got, want) || rep.ErrorCount != 4 || rep.Rows != 3 {
		t.Errorf("errors %v (%d of %d rows), want %v", got, rep.ErrorCount, rep.Rows, want)
	}

	// Only the first MaxReportedErrors are kept, in line order; all are counted.
	var b strings.Builder
	b.WriteString(head)
	for range 100 {
		b.WriteString(idA + ",e,never,CURRENT,0,0,SEK\n")
	}
	_, rep, _ = ParseCSV(strings.NewReader(b.String()))
	if rep.ErrorCount != 100 || len(rep.Errors) != MaxReportedErrors || rep.Errors[0].Line != 2 || rep.Errors[MaxReportedErrors-1].Line != MaxReportedErrors+1 {
		t.Errorf("many errors: count %d, kept %d, first %+v", rep.ErrorCount, len(rep.Errors), rep.Errors[0])
	}

	for _, bad := range []string{"", "decision_id,event_id\n", "a,b,c,d,e,f,g\n"} {
		if _, _, err := ParseCSV(strings.NewReader(bad)); err == nil {
			t.Errorf("header %q accepted", bad)
		}
	}
}
