package store

import (
	"context"
	"encoding/binary"
	"fmt"
	"time"

	"github.com/google/uuid"

	"riskconsole/internal/audit"
	"riskconsole/internal/auditlog"
	"riskconsole/models"
)

// monthDigest is the digest of a set of decisions: the XOR of the last 8 bytes of their ids (the
// random part of a UUIDv7), so that it does not depend on the order they are read in. purge_month
// computes the same in SQL (migration 13). It is kept under the audit log's chain, which is what
// makes it trustworthy: it tells a month whose decisions were swapped for others from one that
// holds the same number.
type monthDigest uint64

// add folds the decision id into d; an id that is not a UUID counts as its zero bytes.
func (d *monthDigest) add(id string) {
	u, _ := uuid.Parse(id)
	*d ^= monthDigest(binary.BigEndian.Uint64(u[8:]))
}

func (d monthDigest) String() string { return fmt.Sprintf("%016x", uint64(d)) }

// markExpr is a decision's write mark: the transaction that wrote it on PostgreSQL (as the
// rollups' watermark), its rowid on SQLite.
func (s *Store) markExpr() string {
	if s.dialect == Postgres {
		return "CAST(CAST(xid AS TEXT) AS BIGINT)"
	}
	return "rowid"
}

// finalMark returns the write mark below which every decision is final: no transaction that
// could still add one below it is running (PostgreSQL: the snapshot's xmin), or none was written
// above it (SQLite: the largest rowid, plus one).
func (s *Store) finalMark(ctx context.Context) (int64, error) {
	q := "SELECT COALESCE(MAX(rowid), 0) + 1 FROM decisions"
	if s.dialect == Postgres {
		q = "SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS TEXT) AS BIGINT)"
	}
	var mark int64
	if err := s.db.WithContext(ctx).Raw(q).Scan(&mark).Error; err != nil {
		return 0, fmt.Errorf("read the decisions' write mark: %w", err)
	}
	return mark, nil
}

// TallyMonth counts the decisions of the UTC month starting at month written below the final
// mark now, and digests their ids: the record of the month's closing.
func (s *Store) TallyMonth(ctx context.Context, month time.Time) (auditlog.MonthRecord, error) {
	mark, err := s.finalMark(ctx)
	if err != nil {
		return auditlog.MonthRecord{}, err
	}
	rec := auditlog.MonthRecord{Month: month.Format(auditlog.MonthLayout), Mark: mark}
	rows, err := s.db.WithContext(ctx).Raw("SELECT "+s.idText()+" FROM decisions WHERE created_at >= ? AND created_at < ? AND "+s.markExpr()+" < ?",
		month.UTC(), month.UTC().AddDate(0, 1, 0), mark).Rows()
	if err != nil {
		return rec, fmt.Errorf("read the decisions of %s: %w", rec.Month, err)
	}
	defer rows.Close()
	var d monthDigest
	var id string
	for rows.Next() {
		if err := rows.Scan(&id); err != nil {
			return rec, fmt.Errorf("read the decisions of %s: %w", rec.Month, err)
		}
		d.add(id)
		rec.Decisions++
	}
	rec.Digest = d.String()
	return rec, rows.Err()
}

// idText is the decision id as text.
func (s *Store) idText() string {
	if s.dialect == Postgres {
		return "CAST(id AS TEXT)"
	}
	return "id"
}

// FirstDecisionAt returns the time of the first decision; false when there is none.
func (s *Store) FirstDecisionAt(ctx context.Context) (time.Time, bool, error) {
	var at []dbTime
	if err := s.db.WithContext(ctx).Raw("SELECT MIN(created_at) FROM decisions").Scan(&at).Error; err != nil {
		return time.Time{}, false, fmt.Errorf("read the first decision's time: %w", err)
	}
	if len(at) == 0 || at[0].t.IsZero() {
		return time.Time{}, false, nil
	}
	return at[0].t, true, nil
}

// MonthRecords returns the audit events of decision months, in id order.
func (s *Store) MonthRecords(ctx context.Context) ([]audit.Event, error) {
	var rows []models.AuditEvent
	if err := s.db.WithContext(ctx).Where("entity_type = ?", auditlog.EntityDecisionMonth).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read the months' audit records: %w", err)
	}
	out := make([]audit.Event, len(rows))
	for i := range rows {
		out[i] = auditEventFromRow(&rows[i])
	}
	return out, nil
}

// monthTallies accumulates the seal check's tallies of each month (auditlog.MonthTally).
type monthTallies struct {
	marks   map[string]int64
	tallies map[string]auditlog.MonthTally
	digests map[string]monthDigest
	// the month of the rows last seen, to name it once per month rather than per row
	cur      string
	curStart time.Time
}

func newMonthTallies(marks map[string]int64) *monthTallies {
	return &monthTallies{marks: marks, tallies: map[string]auditlog.MonthTally{}, digests: map[string]monthDigest{}}
}

// add counts one decision, created at at with write mark mark.
func (m *monthTallies) add(id string, at time.Time, mark int64) {
	if m.cur == "" || at.Before(m.curStart) || !at.Before(m.curStart.AddDate(0, 1, 0)) {
		m.curStart = auditlog.MonthStart(at)
		m.cur = m.curStart.Format(auditlog.MonthLayout)
	}
	t := m.tallies[m.cur]
	t.All++
	if upTo, ok := m.marks[m.cur]; ok && mark < upTo {
		t.Closed++
		d := m.digests[m.cur]
		d.add(id)
		m.digests[m.cur] = d
	}
	m.tallies[m.cur] = t
}

// result returns the tallies with their digests.
func (m *monthTallies) result() map[string]auditlog.MonthTally {
	for name, t := range m.tallies {
		t.Digest = m.digests[name].String()
		m.tallies[name] = t
	}
	return m.tallies
}
