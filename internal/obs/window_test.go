package obs

import (
	"testing"
	"time"
)

// TestDeclineWindow moves a clock through an hour and a half: counts cover the current minute
// and the 59 before it, old slots are reused, and a late assessment older than its slot is
// dropped rather than wiping newer counts.
func TestDeclineWindow(t *testing.T) {
	start := time.Date(2026, 11, 20, 12, 0, 30, 0, time.UTC)
	now := start
	w := NewDeclineWindow([]string{"SE", "US"}, func() time.Time { return now })
	check := func(market string, wantAssessed, wantDeclined int64) {
		t.Helper()
		if a, d := w.Counts(market); a != wantAssessed || d != wantDeclined {
			t.Errorf("at %s: %s counts %d/%d, want %d/%d", now.Format("15:04:05"), market, a, d, wantAssessed, wantDeclined)
		}
	}
	w.Add("SE", true, start)
	w.Add("SE", false, start)
	w.Add("SE", false, start.Add(30*time.Minute))
	w.Add("DE", true, start) // a market not listed at the start
	now = start.Add(30 * time.Minute)
	check("SE", 3, 1)
	check("DE", 1, 1)
	check("US", 0, 0)
	now = start.Add(59 * time.Minute)
	check("SE", 3, 1) // 12:59:30: 12:00 is still one of the last 60 minutes
	now = start.Add(60 * time.Minute)
	check("SE", 1, 0) // 13:00:30: 12:00 has left the window
	// 13:00 reuses 12:00's slot; a late assessment from 12:00 must not reset it.
	w.Add("SE", true, start.Add(60*time.Minute))
	w.Add("SE", true, start)
	check("SE", 2, 1)
	now = start.Add(200 * time.Minute)
	check("SE", 0, 0)
}
