package auditlog

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
)

// A decision's seal shows that its content is what was stored, not that no decision was removed.
// The months do: once a UTC month has ended, CloseMonths records in the audit log how many
// decisions it holds and a digest of their ids; a purge (the retention path, store.PurgeMonth)
// records what it removed. The audit log is keyed and checkpointed outside the database, so these
// records cannot be removed or rewritten unseen, and VerifyDecisions holds each month to its last
// record: a closed month must still hold exactly what it held when it was closed, less what the
// retention job recorded removing from it, and a purged month nothing.

// The audit records of decision months: entity EntityDecisionMonth, id the month ("2006-01"),
// after a MonthRecord.
const (
	EntityDecisionMonth = "decision_month"
	// ActionMonthClosed records a closed month's decisions: those written before Mark.
	ActionMonthClosed = "decisions.month_closed"
	// ActionMonthPurgeStarted records that a purge of the month began (SQLite, whose purge
	// commits in batches; it may leave the month part-purged until it is resumed).
	ActionMonthPurgeStarted = "decisions.month_purge_started"
	// ActionMonthPurged records a month's purge, with what it removed.
	ActionMonthPurged = "decisions.month_purged"
	// ActionMarketMonthRemoved records one batch of the retention job removing one market's due
	// decisions of a month (deleted, or anonymised: moved out of decisions), with their count and
	// digest: VerifyDecisions takes them off what the month's closing recorded.
	ActionMarketMonthRemoved = "decisions.market_month_removed"
)

// MonthLayout is how a month is named in the records.
const MonthLayout = "2006-01"

// MonthRecord is the audit record of a month.
type MonthRecord struct {
	Month string `json:"month"`
	// Decisions is the number of decisions closed or purged; OutcomeEvents those purged with them.
	Decisions     int64 `json:"decisions"`
	OutcomeEvents int64 `json:"outcomeEvents"`
	// Digest is the XOR of the last 8 bytes of those decisions' ids, 16 hex digits.
	Digest string `json:"digest"`
	// Mark (a closing) is the write mark below which the decisions counted were written: a
	// transaction id on PostgreSQL, a rowid on SQLite. Decisions written into the month later are
	// not counted, so a month can be closed while a late writer is still running.
	Mark int64 `json:"mark,omitempty"`
	// Market and After (a removal by the retention job) are the market whose decisions were
	// removed and what became of them (DELETE or ANONYMISE).
	Market string `json:"market,omitempty"`
	After  string `json:"after,omitempty"`
}

// MonthTally is what the seal check read of a month: all its decisions, and those written below
// the mark of its closing with their digest.
type MonthTally struct {
	All, Closed int64
	Digest      string
}

// MonthStart returns the start of t's UTC month.
func MonthStart(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// monthState is the last record of a month, with whether a purge of it began.
type monthState struct {
	action string
	rec    MonthRecord
	closed *MonthRecord // the last closing
	// removed sums the removals recorded since the last closing: decisions and their digest.
	removed int64
	rdigest uint64
}

// monthStates reads the month records, the last of each month winning.
func (s *Service) monthStates(ctx context.Context) (map[string]*monthState, error) {
	events, err := s.repo.MonthRecords(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]*monthState{}
	for i := range events {
		e := &events[i]
		var rec MonthRecord
		if err := json.Unmarshal(e.After, &rec); err != nil {
			return nil, fmt.Errorf("audit event %d: month record: %w", e.ID, err)
		}
		st := out[e.EntityID]
		if st == nil {
			st = &monthState{}
			out[e.EntityID] = st
		}
		switch e.Action {
		case ActionMonthClosed:
			if st.action != "" && st.action != ActionMonthClosed {
				continue // a closing never follows a purge; ignore one that raced it
			}
			st.closed = &rec
			st.removed, st.rdigest = 0, 0
		case ActionMonthPurgeStarted:
			if st.action == ActionMonthPurged {
				continue
			}
		case ActionMonthPurged:
		case ActionMarketMonthRemoved:
			d, err := strconv.ParseUint(rec.Digest, 16, 64)
			if err != nil {
				return nil, fmt.Errorf("audit event %d: digest %q: %w", e.ID, rec.Digest, err)
			}
			st.removed += rec.Decisions
			st.rdigest ^= d
			continue // a removal leaves the month's state as it was
		default:
			continue
		}
		st.action, st.rec = e.Action, rec
	}
	return out, nil
}

// expected returns what a closed month must hold: its closing's decisions less those the
// retention job recorded removing since, and their digest (the XOR digest takes them off).
func (st *monthState) expected() (int64, string, error) {
	if st.removed == 0 {
		return st.closed.Decisions, st.closed.Digest, nil
	}
	d, err := strconv.ParseUint(st.closed.Digest, 16, 64)
	if err != nil {
		return 0, "", fmt.Errorf("month %s: closing digest %q: %w", st.closed.Month, st.closed.Digest, err)
	}
	return st.closed.Decisions - st.removed, fmt.Sprintf("%016x", d^st.rdigest), nil
}

// CloseMonths records, for each UTC month before now's with decisions and without a record yet,
// how many decisions it holds and their digest (ActionMonthClosed), as the system task
// "month-closing". It returns how many months it closed. Servers run it on their hourly tick; two
// closing one month at once write two records, and the later one counts.
func (s *Service) CloseMonths(ctx context.Context, now time.Time) (int, error) {
	first, ok, err := s.repo.FirstDecisionAt(ctx)
	if err != nil || !ok {
		return 0, err
	}
	states, err := s.monthStates(ctx)
	if err != nil {
		return 0, err
	}
	ctx = auth.WithPrincipal(ctx, auth.SystemPrincipal("month-closing"))
	closed := 0
	for m := MonthStart(first); m.Before(MonthStart(now)); m = m.AddDate(0, 1, 0) {
		name := m.Format(MonthLayout)
		if states[name] != nil {
			continue
		}
		rec, err := s.repo.TallyMonth(ctx, m)
		if err != nil {
			return closed, err
		}
		if rec.Decisions == 0 {
			continue
		}
		if err := s.repo.AppendAudit(ctx, audit.NewEvent(ctx, ActionMonthClosed, EntityDecisionMonth, name, nil, rec, audit.Done)); err != nil {
			return closed, fmt.Errorf("record the closing of %s: %w", name, err)
		}
		closed++
	}
	return closed, nil
}

// VerifyDecisions recomputes the seal of every stored decision with the key and reports the
// first whose stored content does not match (see the store's CheckDecisionSeals); then it holds
// every month with a record to it: a purged month must hold no decision, a closed one the
// decisions it held when closed (written before the closing's mark, with the same digest) less
// those the retention job recorded removing since (ActionMarketMonthRemoved: their count and
// digest are taken off), and one whose purge began (and did not end) no more than that.
func (s *Service) VerifyDecisions(ctx context.Context) (SealVerification, error) {
	states, err := s.monthStates(ctx)
	if err != nil {
		return SealVerification{}, err
	}
	marks := map[string]int64{}
	for name, st := range states {
		if st.closed != nil {
			marks[name] = st.closed.Mark
		}
	}
	v, tallies, err := s.repo.CheckDecisionSeals(ctx, marks)
	if err != nil || !v.OK {
		return v, err
	}
	for _, name := range slices.Sorted(maps.Keys(states)) {
		st, t := states[name], tallies[name]
		switch {
		case st.action == ActionMonthPurged:
			v.MonthsPurged++
			if t.All > 0 {
				v.Reason = fmt.Sprintf("month %s was purged, yet holds %d decisions", name, t.All)
			}
		case st.closed == nil:
			// A purge began before the month was closed: nothing to hold it to.
		case st.action == ActionMonthPurgeStarted:
			if want := st.closed.Decisions - st.removed; t.Closed > want {
				v.Reason = fmt.Sprintf("month %s holds %d decisions written before its closing, which recorded %d (%d removed since)", name, t.Closed, st.closed.Decisions, st.removed)
			}
		default:
			v.MonthsClosed++
			want, digest, err := st.expected()
			if err != nil {
				return v, err
			}
			if t.Digest == "" {
				t.Digest = fmt.Sprintf("%016x", 0) // no decision left: the empty set's digest
			}
			if t.Closed != want || t.Digest != digest {
				v.Reason = fmt.Sprintf("month %s holds %d decisions written before its closing (digest %s), where its closing and the retention job's removals leave %d (digest %s): decisions were removed or replaced",
					name, t.Closed, t.Digest, want, digest)
			}
		}
		if v.Reason != "" {
			v.OK, v.BrokenMonth = false, name
			break
		}
	}
	return v, nil
}
