package store

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/stdlib"

	"riskconsole/internal/whatif"
)

// WhatIfMonths returns the months the what-if warm-up may read one at a time and side by side
// (WhatIfScanMonth), oldest first: on PostgreSQL those of the decisions' monthly partitions; on
// SQLite none (nil), where the warm-up reads in batches (WhatIfScan).
func (s *Store) WhatIfMonths(ctx context.Context) ([]time.Time, error) {
	s = s.readerFor(ctx)
	if s.dialect != Postgres {
		return nil, nil
	}
	return s.partitionMonths(ctx, "decisions")
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
	conn, err := s.sqlDB.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	var rows []warmDecision
	err = conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn().PgConn()
		// A month may hold more decisions than a request's statement timeout lets one statement
		// read; the read is the aggregator's kind of bulk pass and gets its timeout. A
		// connection returned in the middle of the transaction is closed by the pool.
		if _, err := pc.Exec(ctx, "BEGIN READ ONLY; SET LOCAL statement_timeout = '"+rollupStatementTimeout+"'").ReadAll(); err != nil {
			return err
		}
		params := [][]byte{[]byte(month.Format(time.RFC3339)), []byte(month.AddDate(0, 1, 0).Format(time.RFC3339))}
		rr := pc.ExecParams(ctx, whatIfMonthQuery, params, nil, nil, allBinary)
		var d whatIfDecoder
		for rr.NextRow() {
			if err := d.decode(rr.Values()); err != nil {
				rr.Close()
				return err
			}
			rows = append(rows, warmDecision{row: d.row, id: d.id, market: d.market})
		}
		if _, err := rr.Close(); err != nil {
			return err
		}
		_, err := pc.Exec(ctx, "COMMIT").ReadAll()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("read the decisions of %s for what-if: %w", month.Format("2006-01"), err)
	}
	// A partition's rows lie about in the order they were written: sorted already, or nearly.
	slices.SortFunc(rows, func(a, b warmDecision) int {
		return cmp.Or(cmp.Compare(a.row.At, b.row.At), bytes.Compare(a.id[:], b.id[:]))
	})
	for i := range rows {
		if err := fn(rows[i].market, rows[i].id, &rows[i].row); err != nil {
			return i, err
		}
	}
	return len(rows), nil
}
