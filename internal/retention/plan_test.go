package retention

import (
	"slices"
	"testing"
	"time"

	"riskconsole/internal/approval"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func ptr(t time.Time) *time.Time { return &t }

// addMonthsClamped adds n months to t the way a legal period in months is counted: the same day
// of the month, or the month's last day when it has no such day (31 January plus one month is 28
// or 29 February, never 2 or 3 March as time.AddDate has it).
func addMonthsClamped(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	last := AddMonths(first, 1).AddDate(0, 0, -1).Day()
	return first.AddDate(0, 0, min(t.Day(), last)-1)
}

func TestDueAt(t *testing.T) {
	p25, p36 := Default("US"), Policy{Market: "SE", KeepMonths: 36, After: Anonymise}
	for _, c := range []struct {
		name  string
		p     Policy
		month time.Time
		want  time.Time
	}{
		{"first instant of January", p25, date(2024, 1, 1), date(2026, 3, 1)},
		{"last instant of January", p25, time.Date(2024, 1, 31, 23, 59, 59, 999999000, time.UTC), date(2026, 3, 1)},
		{"December into the next year", p25, date(2024, 12, 15), date(2027, 2, 1)},
		{"November", p25, date(2024, 11, 30), date(2027, 1, 1)},
		{"leap February", p25, time.Date(2024, 2, 29, 23, 59, 59, 0, time.UTC), date(2026, 4, 1)},
		{"March after a leap February", p25, date(2024, 3, 1), date(2026, 5, 1)},
		{"February of a common year", p25, date(2023, 2, 28), date(2025, 4, 1)},
		{"36 months", p36, date(2024, 1, 10), date(2027, 2, 1)},
		{"an instant in another zone is its UTC month", p25, time.Date(2024, 2, 1, 0, 30, 0, 0, time.FixedZone("CET", 3600)), date(2026, 3, 1)},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.p.DueAt(c.month); !got.Equal(c.want) {
				t.Errorf("DueAt(%s) = %s, want %s", c.month, got, c.want)
			}
		})
	}
}

// TestDueAtIsTheFirstMonthStartAfterEveryDuty: over ten years of months and several periods,
// every decision of a month (its last instant included, in leap and common years) is kept its
// full period before DueAt, and DueAt is the earliest month start that is so: a month earlier,
// the month's last decision would still be under its duty.
func TestDueAtIsTheFirstMonthStartAfterEveryDuty(t *testing.T) {
	for _, keep := range []int{24, 25, 36, 120} {
		p := Policy{KeepMonths: keep}
		for m := date(2020, 1, 1); m.Before(date(2031, 1, 1)); m = AddMonths(m, 1) {
			due := p.DueAt(m)
			if due.Day() != 1 || due.Hour() != 0 || due.Location() != time.UTC {
				t.Fatalf("%d months, %s: due %s is not the start of a UTC month", keep, m.Format("2006-01"), due)
			}
			last := AddMonths(m, 1).Add(-time.Microsecond)
			for _, d := range []time.Time{m, m.AddDate(0, 0, 27), last} {
				if end := addMonthsClamped(d, keep); end.After(due) {
					t.Fatalf("%d months: a decision of %s is kept until %s, after due %s", keep, d, end, due)
				}
			}
			if end := addMonthsClamped(last, keep); !end.After(AddMonths(due, -1)) {
				t.Fatalf("%d months, %s: due %s is a month later than needed", keep, m.Format("2006-01"), due)
			}
		}
	}
}

func TestAddMonthsAndMonthOf(t *testing.T) {
	if got := AddMonths(date(2024, 1, 31), 1); !got.Equal(date(2024, 2, 1)) {
		t.Errorf("AddMonths(31 Jan, 1) = %s", got)
	}
	if got := AddMonths(date(2024, 3, 15), -14); !got.Equal(date(2023, 1, 1)) {
		t.Errorf("AddMonths(Mar 2024, -14) = %s", got)
	}
	if got := MonthOf(time.Date(2024, 1, 1, 0, 30, 0, 0, time.FixedZone("CET", 3600))); !got.Equal(date(2023, 12, 1)) {
		t.Errorf("MonthOf(00:30 CET on 1 Jan) = %s, want December (UTC)", got)
	}
}

// hold returns a hold in force with id on f.
func hold(id int64, f Filter) Hold {
	return Hold{Fields: approval.Fields{ID: id, Status: approval.StatusSubmitted}, Filter: f, Reason: "a matter"}
}

func key(mkt string, y int, m time.Month) MonthKey {
	return MonthKey{Market: mkt, Month: date(y, m, 1)}
}

func TestMonthStates(t *testing.T) {
	now := date(2026, 3, 1) // January 2024 is due exactly now under 25 months
	lifted := hold(9, Filter{Market: "US"})
	lifted.Status = approval.StatusApproved
	sit := NewSituation(now, map[string]Policy{"SE": {Market: "SE", Version: 2, KeepMonths: 36, After: Anonymise}},
		[]Hold{
			hold(1, Filter{Market: "DE"}),
			hold(2, Filter{From: ptr(date(2024, 3, 1)), To: ptr(time.Date(2024, 4, 1, 0, 0, 0, 1000, time.UTC))}), // March and 1 µs of April, every market
			hold(3, Filter{ShopperID: "s-1"}),
			hold(4, Filter{Market: "GB", MerchantID: "m-1"}),
			lifted,
		},
		map[int64][]MonthKey{
			3: {key("US", 2023, 6), {Market: "US", Month: time.Date(2023, 9, 14, 10, 0, 0, 0, time.UTC)}},
			4: {key("GB", 2023, 1), key("US", 2023, 2)}, // US is outside its market: ignored
		})
	for _, c := range []struct {
		name   string
		k      MonthKey
		state  MonthState
		due    time.Time
		heldBy []int64
		after  Action
	}{
		{"due exactly now", key("US", 2024, 1), Due, date(2026, 3, 1), nil, Delete},
		{"a month later: kept", key("US", 2024, 2), Kept, date(2026, 4, 1), nil, Delete},
		{"long past due", key("US", 2022, 5), Due, date(2024, 7, 1), nil, Delete},
		{"under a longer policy", key("SE", 2024, 1), Kept, date(2027, 2, 1), nil, Anonymise},
		{"held by a market hold though due", key("DE", 2020, 1), Held, date(2022, 3, 1), []int64{1}, Delete},
		{"held by a market hold before due", key("DE", 2025, 12), Held, date(2028, 2, 1), []int64{1}, Delete},
		{"a time range: its month", key("SE", 2024, 3), Held, date(2027, 4, 1), []int64{2}, Anonymise},
		{"a time range: a microsecond of the next month", key("US", 2024, 4), Held, date(2026, 6, 1), []int64{2}, Delete},
		{"a time range: not the month before", key("US", 2024, 2), Kept, date(2026, 4, 1), nil, Delete},
		{"a time range: not two months after", key("US", 2024, 5), Kept, date(2026, 7, 1), nil, Delete},
		{"a shopper's month", key("US", 2023, 6), Held, date(2025, 8, 1), []int64{3}, Delete},
		{"a shopper's month given by any instant", key("US", 2023, 9), Held, date(2025, 11, 1), []int64{3}, Delete},
		{"not the shopper's month between", key("US", 2023, 7), Due, date(2025, 9, 1), nil, Delete},
		{"the shopper's month in another market", key("SE", 2023, 6), Kept, date(2026, 7, 1), nil, Anonymise},
		{"a merchant's month in its market", key("GB", 2023, 1), Held, date(2025, 3, 1), []int64{4}, Delete},
		{"a merchant's month outside its market", key("US", 2023, 2), Due, date(2025, 4, 1), nil, Delete},
		{"a lifted hold keeps nothing", key("US", 2022, 1), Due, date(2024, 3, 1), nil, Delete},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := sit.Month(c.k)
			if got.State != c.state || !got.DueAt.Equal(c.due) || !slices.Equal(got.HeldBy, c.heldBy) || got.After != c.after {
				t.Errorf("%s: %+v, want %s due %s held by %v then %s", c.k, got, c.state, c.due, c.heldBy, c.after)
			}
		})
	}
	// Several holds on one month are listed once each, ascending.
	if got := sit.Month(key("DE", 2024, 3)).HeldBy; !slices.Equal(got, []int64{1, 2}) {
		t.Errorf("DE March 2024 held by %v, want [1 2]", got)
	}
}

func TestMonthsSortsAndCompacts(t *testing.T) {
	sit := NewSituation(date(2026, 1, 1), nil, nil, nil)
	got := sit.Months("US", []time.Time{date(2024, 3, 9), date(2024, 1, 2), date(2024, 3, 31), date(2023, 12, 31)})
	var months []string
	for _, m := range got {
		months = append(months, m.Month.Format("2006-01"))
	}
	if !slices.Equal(months, []string{"2023-12", "2024-01", "2024-03"}) {
		t.Errorf("months %v", months)
	}
}

func TestPartition(t *testing.T) {
	now := date(2026, 4, 15)
	sit := NewSituation(now, map[string]Policy{"GB": {Market: "GB", KeepMonths: 26, After: Delete}},
		[]Hold{hold(5, Filter{Market: "SE", From: ptr(date(2023, 5, 1)), To: ptr(date(2023, 6, 1))})}, nil)
	// February 2024: due in US, SE and DE on 1 April 2026, in GB a month later.
	p := sit.Partition(date(2024, 2, 10))
	if p.State != Kept || !p.DueAt.Equal(date(2026, 5, 1)) || len(p.HeldBy) != 0 || len(p.Markets) != 4 {
		t.Errorf("February 2024: %+v", p)
	}
	if p := sit.Partition(date(2024, 1, 1)); p.State != Due || !p.DueAt.Equal(date(2026, 4, 1)) {
		t.Errorf("January 2024: %+v", p)
	}
	if p := sit.Partition(date(2023, 5, 1)); p.State != Held || !slices.Equal(p.HeldBy, []int64{5}) {
		t.Errorf("May 2023: %+v", p)
	}
}

func TestErasure(t *testing.T) {
	now := date(2026, 3, 1)
	sit := NewSituation(now, map[string]Policy{"SE": {Market: "SE", KeepMonths: 36, After: Anonymise}}, nil, nil)
	for _, c := range []struct {
		name    string
		months  []MonthKey
		holding []int64
		state   ErasureState
		at      *time.Time
		duty    *time.Time
	}{
		{"no decisions: now", nil, nil, ErasureNow, ptr(now), nil},
		{"every duty ended (one exactly now): now", []MonthKey{key("US", 2023, 3), key("US", 2024, 1)}, nil, ErasureNow, ptr(now), nil},
		{"a month under duty: when it ends", []MonthKey{key("US", 2023, 3), key("US", 2024, 2)}, nil, ErasureScheduled, ptr(date(2026, 4, 1)), ptr(date(2026, 4, 1))},
		{"the last duty decides, across markets", []MonthKey{key("US", 2025, 6), key("SE", 2024, 2), key("DE", 2024, 8)}, nil, ErasureScheduled, ptr(date(2027, 8, 1)), ptr(date(2027, 8, 1))},
		{"held, with no duty", []MonthKey{key("US", 2022, 1)}, []int64{8, 3, 8}, ErasureHeld, nil, nil},
		{"held, with a duty", []MonthKey{key("US", 2025, 1)}, []int64{3}, ErasureHeld, nil, ptr(date(2027, 3, 1))},
		{"held by a hold naming the shopper without decisions", nil, []int64{4}, ErasureHeld, nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := sit.Erasure(c.months, c.holding)
			if got.State != c.state || !sameTime(got.At, c.at) || !sameTime(got.DutyEndsAt, c.duty) {
				t.Errorf("%+v, want %s at %v, duty until %v", got, c.state, c.at, c.duty)
			}
			if c.state == ErasureHeld && (len(got.HeldBy) == 0 || !slices.IsSorted(got.HeldBy) || len(slices.Compact(slices.Clone(got.HeldBy))) != len(got.HeldBy)) {
				t.Errorf("held by %v, want the holds once each, ascending", got.HeldBy)
			}
		})
	}
	got := sit.Erasure([]MonthKey{key("US", 2025, 6), key("SE", 2024, 2), key("DE", 2024, 2), key("US", 2025, 6), key("US", 2022, 2)}, nil)
	var months []string
	for _, m := range got.Months {
		months = append(months, m.String())
		if m.UnderDuty != now.Before(m.DueAt) {
			t.Errorf("%s under duty %v, due %s", m, m.UnderDuty, m.DueAt)
		}
	}
	if !slices.Equal(months, []string{"US 2022-02", "DE 2024-02", "SE 2024-02", "US 2025-06"}) {
		t.Errorf("months %v, want oldest first, each once", months)
	}
}

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

func TestSituationPolicyDefaults(t *testing.T) {
	sit := NewSituation(date(2026, 1, 1), map[string]Policy{"SE": {Market: "SE", Version: 3, KeepMonths: 30, After: Anonymise}}, nil, nil)
	if p := sit.Policy("US"); !p.IsDefault() || p.KeepMonths != DefaultKeepMonths || p.After != DefaultAction {
		t.Errorf("US policy %+v, want the default", p)
	}
	if p := sit.Policy("SE"); p.Version != 3 || p.KeepMonths != 30 {
		t.Errorf("SE policy %+v", p)
	}
}
