package thresholds_test

import (
	"fmt"
	"testing"
	"time"

	"riskconsole/internal/thresholds"
)

// TestSplitBucket: a shopper's bucket depends only on the market, the version and the shopper, is
// spread evenly over 0-99, and the challenger arm at a share holds the arm at every smaller share.
func TestSplitBucket(t *testing.T) {
	counts := make([]int, 100)
	const shoppers = 100_000
	for i := range shoppers {
		id := fmt.Sprintf("shopper-%d", i)
		b := thresholds.SplitBucket("US", 7, id)
		if b != thresholds.SplitBucket("US", 7, id) {
			t.Fatalf("%s: two buckets", id)
		}
		counts[b]++
	}
	for b, n := range counts {
		// 1,000 expected per bucket; 6 standard deviations (about 190) of room.
		if n < 810 || n > 1190 {
			t.Errorf("bucket %d holds %d of %d shoppers, want about 1,000", b, n, shoppers)
		}
	}
	moved := 0
	for i := range 1000 {
		id := fmt.Sprintf("shopper-%d", i)
		if thresholds.SplitBucket("US", 7, id) != thresholds.SplitBucket("US", 8, id) {
			moved++
		}
	}
	if moved < 900 {
		t.Errorf("another version reassigns only %d of 1,000 shoppers: buckets do not depend on it", moved)
	}
	for i := range 1000 {
		id := fmt.Sprintf("shopper-%d", i)
		at10 := (&thresholds.Split{Market: "US", VersionID: 7, Percent: 10}).ArmOf(id)
		at20 := (&thresholds.Split{Market: "US", VersionID: 7, Percent: 20}).ArmOf(id)
		if at10 == thresholds.ArmChallenger && at20 != thresholds.ArmChallenger {
			t.Fatalf("%s left the challenger arm when the share grew from 10 to 20 %%", id)
		}
	}
}

// TestShadowRunning: a run evaluates from its start until the earlier of its stop and its
// planned end.
func TestShadowRunning(t *testing.T) {
	t0 := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	at := func(h int) *time.Time { v := t0.Add(time.Duration(h) * time.Hour); return &v }
	for _, tc := range []struct {
		name          string
		ends, stopped *time.Time
		running, idle []int // hours after t0 at which it runs / does not
	}{
		{name: "open", running: []int{0, 1, 1000}, idle: []int{-1}},
		{name: "planned end", ends: at(5), running: []int{0, 4}, idle: []int{-1, 5, 6}},
		{name: "stopped before its end", ends: at(5), stopped: at(2), running: []int{0, 1}, idle: []int{2, 4}},
		{name: "stopped without an end", stopped: at(3), running: []int{2}, idle: []int{3}},
	} {
		s := thresholds.Shadow{StartedAt: t0, EndsAt: tc.ends, StoppedAt: tc.stopped}
		for _, h := range tc.running {
			if !s.RunningAt(*at(h)) {
				t.Errorf("%s: not running at +%dh", tc.name, h)
			}
		}
		for _, h := range tc.idle {
			if s.RunningAt(*at(h)) {
				t.Errorf("%s: running at +%dh", tc.name, h)
			}
		}
	}
}
