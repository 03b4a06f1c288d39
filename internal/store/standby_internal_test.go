package store

import (
	"testing"
	"time"
)

// TestStandbyLag checks the lag measure on a sequence of checks: the primary's WAL position and
// the standby's replay position at each second.
func TestStandbyLag(t *testing.T) {
	t0 := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	type step struct {
		primary, replayed uint64
		want              time.Duration
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"idle primary", []step{{100, 100, 0}, {100, 100, 0}, {100, 100, 0}}},
		{"caught up within a check", []step{{100, 100, 0}, {200, 200, 0}, {300, 300, 0}}},
		{"paused replay grows from the first missed position", []step{
			{100, 100, 0}, {200, 100, 0}, {300, 100, time.Second}, {300, 100, 2 * time.Second}, {300, 300, 0}}},
		{"partly replayed: from the oldest not replayed", []step{
			{200, 100, 0}, {300, 150, time.Second}, {400, 200, time.Second}, {400, 400, 0}}},
		{"background WAL on an idle primary is replayed at once", []step{{100, 100, 0}, {120, 120, 0}, {120, 120, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sb := &standby{}
			for i, s := range tt.steps {
				if got := sb.observe(t0.Add(time.Duration(i)*time.Second), s.primary, s.replayed); got != s.want {
					t.Errorf("check %d (primary %d, replayed %d): lag %v, want %v", i, s.primary, s.replayed, got, s.want)
				}
			}
		})
	}
}

func TestParseLSN(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want uint64
	}{{"0/0", 0}, {"0/3000060", 0x3000060}, {"16/B374D848", 0x16_B374D848}} {
		if got, err := parseLSN(tt.in); err != nil || got != tt.want {
			t.Errorf("parseLSN(%q) = %x, %v; want %x", tt.in, got, err, tt.want)
		}
	}
	if _, err := parseLSN("nonsense"); err == nil {
		t.Error("parseLSN accepted nonsense")
	}
}
