package whatif

import (
	"testing"
	"time"
)

// TestWarmByMonthBound: the warm-up reads months whole only while an average month holds at most
// warmMonthRows decisions (each month read is held in memory until appended); past that, and
// without months, it reads in batches (byMonth returns nil).
func TestWarmByMonthBound(t *testing.T) {
	months := make([]time.Time, 25)
	for i := range months {
		months[i] = time.Date(2024, time.Month(1+i), 1, 0, 0, 0, 0, time.UTC)
	}
	s := &Service{}
	for _, tc := range []struct {
		total int64
		whole bool
	}{
		{0, true},
		{25 * warmMonthRows, true},
		{25*warmMonthRows + 25, false},
		{2_200_000_000, false}, // 2.9M decisions a day over 25 months
	} {
		s.total.Store(tc.total)
		if got := s.byMonth(months); (got != nil) != tc.whole {
			t.Errorf("%d decisions over %d months: read whole %v, want %v", tc.total, len(months), got != nil, tc.whole)
		}
	}
	if s.byMonth(nil) != nil {
		t.Error("no months (SQLite): read whole")
	}
}
