package store

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"riskconsole/internal/outcomes"
	"riskconsole/internal/whatif"
)

// WhatIfMonths returns the months the what-if warm-up may read one at a time and side by side
// (WhatIfScanMonth), oldest first: on PostgreSQL those of the decisions' monthly partitions; on
// SQLite none (nil), where the warm-up reads in batches (WhatIfScan).
func (s *Store) WhatIfMonths(ctx context.Context) ([]time.Time, error) {
	return s.readerFor(ctx).DecisionPartitionMonths(ctx)
}

// whatIfMonthQuery reads the what-if columns of one month's engine decisions in no order: the
// whole partition is read, which PostgreSQL does fastest by a sequential scan, and the rows are
// sorted here. Walking the decisions_time index instead, in batches over every partition as
// WhatIfScan does, cost PostgreSQL two to three times the CPU per row, and planning each batch
// over every partition another 20 ms.
var whatIfMonthQuery = func() string {
	q := whatIfQuery[:strings.Index(whatIfQuery, " WHERE ")]
	return postgresPlaceholders(q + " WHERE created_at >= ? AND created_at < ? AND " + automatedOnly)
}()

// warmDecision is one decision read by WhatIfScanMonth, held until its month is sorted.
type warmDecision struct {
	row    whatif.Row
	id     uuid.UUID
	market string
}

// monthBuf holds what WhatIfScanMonth and WhatIfOutcomeEventsMonth read of a month, reused from
// month to month: growing fresh slices for each month made the kernel fault in and zero new
// memory again and again, which showed in a profile of the warm-up next to the decoding. The
// warm-up holds at most as many as the months it reads at once.
type monthBuf struct {
	rows   []warmDecision
	keys   []rowKey
	events []warmEvent
	arena  []byte
}

var monthBufs = sync.Pool{New: func() any { return new(monthBuf) }}

// rowKey is the sort key of a row read by WhatIfScanMonth: its time, then its id (row i's).
type rowKey struct {
	at int64
	i  int32
}

// WhatIfScanMonth reads every engine decision of month (the start of a UTC month, one of
// WhatIfMonths), sorts them in (created_at, id) order, the order of WhatIfScan, and calls fn with
// each one's market, id and what-if row (the row is reused: fn must copy what it keeps). It
// returns how many it read. The month is held in memory until fn has seen it (about 150 bytes
// per decision); with a ctx marked by WithStandbyReads it reads the standby when it may.
func (s *Store) WhatIfScanMonth(ctx context.Context, month time.Time, fn func(market string, id uuid.UUID, r *whatif.Row) error) (int, error) {
	s = s.readerFor(ctx)
	if s.dialect != Postgres {
		return 0, fmt.Errorf("what-if months: PostgreSQL only")
	}
	buf := monthBufs.Get().(*monthBuf)
	defer monthBufs.Put(buf)
	rows := buf.rows[:0]
	defer func() { clear(rows); buf.rows = rows[:0] }() // the names, for the collector
	var d whatIfDecoder
	err := s.bulkRead(ctx, whatIfMonthQuery, month, func(v [][]byte) error {
		if err := d.decode(v); err != nil {
			return err
		}
		rows = append(rows, warmDecision{row: d.row, id: d.id, market: d.market})
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("read the decisions of %s for what-if: %w", month.Format("2006-01"), err)
	}
	// A partition's rows lie about in the order they were written: sorted already, or nearly
	// (SortRuns). The sort moves 16-byte keys, not the rows.
	keys := slices.Grow(buf.keys[:0], len(rows))[:len(rows)]
	buf.keys = keys
	for i := range rows {
		keys[i] = rowKey{rows[i].row.At, int32(i)}
	}
	whatif.SortRuns(keys, func(a, b rowKey) int {
		if a.at != b.at {
			return cmp.Compare(a.at, b.at)
		}
		return bytes.Compare(rows[a.i].id[:], rows[b.i].id[:])
	})
	for n, k := range keys {
		r := &rows[k.i]
		if err := fn(r.market, r.id, &r.row); err != nil {
			return n, err
		}
	}
	return len(rows), nil
}

// WhatIfOutcomeMonths returns the months WhatIfOutcomeEventsMonth reads, oldest first: on
// PostgreSQL those of the outcome events' monthly partitions (by their decision's month); on
// SQLite none (nil), where the warm-up reads WhatIfOutcomeEvents.
func (s *Store) WhatIfOutcomeMonths(ctx context.Context) ([]time.Time, error) {
	s = s.readerFor(ctx)
	if s.dialect != Postgres {
		return nil, nil
	}
	return s.partitionMonths(ctx, "outcome_events")
}

// whatIfEventMonthQuery reads one partition of outcome events in no order, by a sequential scan:
// ordering them by decision in PostgreSQL (an index scan and a sort) cost it eight times the CPU.
var whatIfEventMonthQuery = postgresPlaceholders("SELECT decision_id, observed_at, status, written_off_minor, event_id FROM outcome_events" +
	" WHERE decision_created_at >= ? AND decision_created_at < ?")

// warmEvent is one outcome event read by WhatIfOutcomeEventsMonth; its event id is eid's
// bytes of the month's arena.
type warmEvent struct {
	hi, lo   uint64 // the decision's id, big-endian
	observed int64  // unix microseconds
	wo       int64
	status   outcomes.Status
	eid      [2]uint32 // offset and length in the arena
}

// WhatIfOutcomeEventsMonth is WhatIfOutcomeEvents for the events of the decisions of one month
// (one of WhatIfOutcomeMonths): it calls fn with each decision's id and its events in time order
// (then by event id, as WhatIfOutcomeEvents orders them; the slice is reused). The month's
// events are held in memory until fn has seen them (about 60 bytes each).
func (s *Store) WhatIfOutcomeEventsMonth(ctx context.Context, month time.Time, fn func(id uuid.UUID, events []outcomes.Event) error) error {
	s = s.readerFor(ctx)
	if s.dialect != Postgres {
		return fmt.Errorf("what-if months: PostgreSQL only")
	}
	buf := monthBufs.Get().(*monthBuf)
	defer monthBufs.Put(buf)
	evs, arena := buf.events[:0], buf.arena[:0]
	defer func() { buf.events, buf.arena = evs[:0], arena[:0] }()
	statuses := map[string]outcomes.Status{}
	err := s.bulkRead(ctx, whatIfEventMonthQuery, month, func(v [][]byte) error {
		if len(v) != 5 || len(v[0]) != 16 || len(v[1]) != 8 || len(v[3]) != 8 {
			return fmt.Errorf("unexpected outcome event row: %d columns", len(v))
		}
		st, ok := statuses[string(v[2])]
		if !ok {
			if st, ok = outcomes.ParseStatus(string(v[2])); !ok {
				return fmt.Errorf("unknown outcome status %q", v[2])
			}
			statuses[string(v[2])] = st
		}
		evs = append(evs, warmEvent{hi: binary.BigEndian.Uint64(v[0]), lo: binary.BigEndian.Uint64(v[0][8:]), observed: int64(binary.BigEndian.Uint64(v[1])) + pgEpochMicros,
			wo: int64(binary.BigEndian.Uint64(v[3])), status: st, eid: [2]uint32{uint32(len(arena)), uint32(len(v[4]))}})
		arena = append(arena, v[4]...)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read the outcome events of %s for what-if: %w", month.Format("2006-01"), err)
	}
	// The sort compares the decision ids as two integers (a UUIDv7 is time-ordered in its first
	// half), then the event times, then the event ids. Events written a decision at a time lie
	// in their decisions' order already (SortRuns); those written as repayments came, in time
	// order, are sorted whole.
	eid := func(e *warmEvent) []byte { return arena[e.eid[0] : e.eid[0]+e.eid[1]] }
	whatif.SortRuns(evs, func(a, b warmEvent) int {
		switch {
		case a.hi != b.hi:
			return cmp.Compare(a.hi, b.hi)
		case a.lo != b.lo:
			return cmp.Compare(a.lo, b.lo)
		case a.observed != b.observed:
			return cmp.Compare(a.observed, b.observed)
		}
		return bytes.Compare(eid(&a), eid(&b))
	})
	var group []outcomes.Event
	for i := 0; i < len(evs); {
		j := i
		group = group[:0]
		for ; j < len(evs) && evs[j].hi == evs[i].hi && evs[j].lo == evs[i].lo; j++ {
			group = append(group, outcomes.Event{ObservedAt: time.UnixMicro(evs[j].observed).UTC(), Status: evs[j].status, WrittenOffMinor: evs[j].wo})
		}
		var id uuid.UUID
		binary.BigEndian.PutUint64(id[:], evs[i].hi)
		binary.BigEndian.PutUint64(id[8:], evs[i].lo)
		if err := fn(id, group); err != nil {
			return err
		}
		i = j
	}
	return nil
}

// readRows calls each with every row of rr, then closes it.
func readRows(rr *pgconn.ResultReader, each func(v [][]byte) error) error {
	for rr.NextRow() {
		if err := each(rr.Values()); err != nil {
			rr.Close()
			return err
		}
	}
	_, err := rr.Close()
	return err
}

// bulkRead runs query, which bounds a month with its two parameters, on a connection of its own
// in a read-only transaction, and calls each with every result row's columns in binary (reused
// between rows). A month may hold more rows than a request's statement timeout lets one
// statement read: the read is the aggregator's kind of bulk pass and gets its timeout. A
// connection given back inside the transaction, after a failure, is discarded by the pool (pgx's
// ResetSession refuses a connection that is not idle; TestBulkReadLeavesNoTransaction).
func (s *Store) bulkRead(ctx context.Context, query string, month time.Time, each func(v [][]byte) error) error {
	conn, err := s.sqlDB.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn().PgConn()
		params := [][]byte{[]byte(month.Format(time.RFC3339)), []byte(month.AddDate(0, 1, 0).Format(time.RFC3339))}
		if _, err := pc.Exec(ctx, "BEGIN READ ONLY; SET LOCAL statement_timeout = '"+rollupStatementTimeout+"'").ReadAll(); err != nil {
			return err
		}
		if err := readRows(pc.ExecParams(ctx, query, params, nil, nil, allBinary), each); err != nil {
			return err
		}
		_, err := pc.Exec(ctx, "COMMIT").ReadAll()
		return err
	})
}
