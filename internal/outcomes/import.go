package outcomes

import (
	"cmp"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
)

// ImportColumns is the header of an import file, in this order.
var ImportColumns = []string{"decision_id", "event_id", "observed_at", "status", "outstanding_minor", "written_off_minor", "currency"}

// MaxReportedErrors is how many errors an import report lists (it counts them all).
const MaxReportedErrors = 20

// Row is one event of an import file and the line it is on (the header is line 1).
type Row struct {
	Line  int
	Event Event
}

// LineError says what is wrong with one field of one line of an import file.
type LineError struct {
	Line    int
	Field   string
	Message string
}

func (e LineError) String() string { return fmt.Sprintf("line %d: %s: %s", e.Line, e.Field, e.Message) }

// ImportReport is what an import did: rows read, loaded and left alone as duplicates, or, when
// any row is bad, the errors (the first MaxReportedErrors by line, and how many there are in all)
// and nothing loaded.
type ImportReport struct {
	Rows       int
	Loaded     int
	Duplicates int
	Errors     []LineError
	ErrorCount int
}

// add records an error, keeping the first MaxReportedErrors by line.
func (r *ImportReport) add(e LineError) {
	r.ErrorCount++
	r.Errors = append(r.Errors, e)
	if len(r.Errors) > 4*MaxReportedErrors {
		r.trim()
	}
}

func (r *ImportReport) trim() {
	slices.SortStableFunc(r.Errors, func(a, b LineError) int { return cmp.Compare(a.Line, b.Line) })
	if len(r.Errors) > MaxReportedErrors {
		r.Errors = r.Errors[:MaxReportedErrors]
	}
}

// ParseCSV reads an import file: the header (ImportColumns), then one event per line, times in
// RFC 3339. Rows that do not parse are reported by line and field in rep; an error is returned
// only when the file cannot be read or its header is wrong.
func ParseCSV(r io.Reader) (rows []Row, rep ImportReport, err error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = len(ImportColumns)
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, rep, errors.New("the file is empty: want the header " + strings.Join(ImportColumns, ","))
		}
		return nil, rep, fmt.Errorf("read the header: %w", err)
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	if !slices.Equal(header, ImportColumns) {
		return nil, rep, fmt.Errorf("the header is %q: want %s", strings.Join(header, ","), strings.Join(ImportColumns, ","))
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && !errors.Is(pe.Err, csv.ErrFieldCount) && !errors.Is(pe.Err, csv.ErrQuote) && !errors.Is(pe.Err, csv.ErrBareQuote) {
				return nil, rep, err
			}
			if errors.As(err, &pe) {
				line = pe.Line
			}
			rep.Rows++
			rep.add(LineError{Line: line, Field: "line", Message: err.Error()})
			continue
		}
		rep.Rows++
		row := Row{Line: line}
		if parseRecord(rec, &row, &rep) {
			rows = append(rows, row)
		}
	}
	rep.trim()
	return rows, rep, nil
}

// parseRecord fills row from rec, reporting each field that does not parse.
func parseRecord(rec []string, row *Row, rep *ImportReport) bool {
	ok := true
	bad := func(field, format string, args ...any) {
		ok = false
		rep.add(LineError{Line: row.Line, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	e := &row.Event
	e.DecisionID = strings.Clone(rec[0])
	e.EventID = strings.Clone(rec[1])
	t, err := time.Parse(time.RFC3339Nano, rec[2])
	if err != nil {
		bad("observed_at", "want an RFC 3339 time such as 2026-01-31T12:00:00Z, got %q", rec[2])
	}
	e.ObservedAt = t
	s, found := ParseStatus(rec[3])
	if !found {
		bad("status", "unknown status %q", rec[3])
	}
	e.Status = s
	amount := func(field, v string) int64 {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			bad(field, "want a whole number of minor units, got %q", v)
		}
		return n
	}
	e.OutstandingMinor = amount("outstanding_minor", rec[4])
	e.WrittenOffMinor = amount("written_off_minor", rec[5])
	e.Currency = strings.Clone(rec[6])
	return ok
}

// csvField maps an event field as validation names it to its column.
var csvField = map[string]string{
	"decisionId": "decision_id", "eventId": "event_id", "observedAt": "observed_at", "status": "status",
	"outstandingMinor": "outstanding_minor", "writtenOffMinor": "written_off_minor", "currency": "currency",
}

// errImportInvalid rolls back an import with bad rows.
var errImportInvalid = errors.New("the import has bad rows")

// Import validates rows (as ParseCSV read them, with rep its report) with the same rules as
// recordOutcomes, each decision's events in time order whatever their order in the file, and
// appends them in one transaction with one audit event, all or nothing. A row recorded before
// with the same content is a duplicate and left alone. file names the import in the audit
// record. The result is in rep: on any error nothing is written and the error is not returned,
// only listed.
func (g *Ingest) Import(ctx context.Context, file string, rows []Row, rep *ImportReport) error {
	if rep.ErrorCount > 0 || len(rows) == 0 {
		return nil
	}
	for i := range rows {
		Normalize(&rows[i].Event)
	}
	err := g.store.OutcomeImportTx(ctx, func(tx ImportTx) error {
		hist, existing, err := tx.StageOutcomes(ctx, rows)
		if err != nil {
			return err
		}
		now := g.clock()
		order := make([]int, len(rows))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(a, b int) int {
			ra, rb := &rows[a], &rows[b]
			if c := strings.Compare(ra.Event.DecisionID, rb.Event.DecisionID); c != 0 {
				return c
			}
			if c := ra.Event.ObservedAt.Compare(rb.Event.ObservedAt); c != 0 {
				return c
			}
			return cmp.Compare(ra.Line, rb.Line)
		})
		var ve apperr.ValidationError
		fresh, dups := validate(func(i int) *Event { return &rows[i].Event }, order, hist, existing, now, &ve,
			func(i int) string { return strconv.Itoa(rows[i].Line) })
		if len(ve.Fields) > 0 {
			for _, f := range ve.Fields {
				line, field, _ := strings.Cut(f.Field, ".")
				n, _ := strconv.Atoi(line)
				if c, ok := csvField[field]; ok {
					field = c
				}
				rep.add(LineError{Line: n, Field: field, Message: f.Message})
			}
			rep.trim()
			return errImportInvalid
		}
		skip := make([]int, 0, len(rows)-len(fresh))
		slices.Sort(fresh)
		j := 0
		for i := range rows {
			if j < len(fresh) && fresh[j] == i {
				j++
				continue
			}
			skip = append(skip, i)
		}
		n, err := tx.InsertStagedOutcomes(ctx, skip, now)
		if err != nil {
			return err
		}
		rep.Loaded, rep.Duplicates = int(n), dups
		if n == 0 {
			return nil
		}
		written := make([]Event, 0, len(fresh))
		for _, i := range fresh {
			written = append(written, rows[i].Event)
		}
		rec := summarize(written, len(rows), int(n), dups, now)
		rec.File = file
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionImport, EntityBatch, now.Format(time.RFC3339Nano), nil, rec, audit.Done))
	})
	if errors.Is(err, errImportInvalid) {
		rep.Loaded, rep.Duplicates = 0, 0
		return nil
	}
	return err
}
