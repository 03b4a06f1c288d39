package accounts

import (
	"strconv"
	"testing"
	"time"
)

func TestThrottleBackOff(t *testing.T) {
	th := NewThrottle()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	const k = "account:anna"
	for i := range 4 {
		th.Fail(now, k)
		if w := th.Wait(now, k); w != 0 {
			t.Fatalf("wait %v after %d failures, want none", w, i+1)
		}
	}
	// From the fifth failure on: 1 s, doubling, up to 15 minutes.
	want := time.Second
	for i := range 14 {
		th.Fail(now, k)
		if w := th.Wait(now, k); w != want {
			t.Fatalf("failure %d: wait %v, want %v", 5+i, w, want)
		}
		now = now.Add(want)
		if w := th.Wait(now, k); w != 0 {
			t.Fatalf("failure %d: still waiting %v after the wait", 5+i, w)
		}
		want = min(2*want, 15*time.Minute)
	}
	// A success resets the account.
	th.Reset(k)
	th.Fail(now, k)
	if w := th.Wait(now, k); w != 0 {
		t.Errorf("wait %v after a reset and one failure", w)
	}
}

func TestThrottleKeys(t *testing.T) {
	th := NewThrottle()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for range 5 {
		th.Fail(now, "account:a", "addr:1")
	}
	if th.Wait(now, "account:b", "addr:2") != 0 {
		t.Error("other keys are held back")
	}
	if th.Wait(now, "account:b", "addr:1") != time.Second || th.Wait(now, "account:a", "addr:2") != time.Second {
		t.Error("a throttled key does not hold an attempt back")
	}
	// An hour without failures forgets the count.
	now = now.Add(time.Hour)
	th.Fail(now, "account:a")
	if w := th.Wait(now, "account:a"); w != 0 {
		t.Errorf("wait %v: old failures were not forgotten", w)
	}
}

// TestThrottleBounded checks that a flood of made-up keys cannot grow the throttle without bound,
// and that keys being held back survive the clean-up.
func TestThrottleBounded(t *testing.T) {
	th := NewThrottle()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for range 5 {
		th.Fail(now, "account:victim")
	}
	for i := range maxThrottleEntries + 10 {
		th.Fail(now, "addr:"+strconv.Itoa(i))
	}
	th.mu.Lock()
	n := len(th.entries)
	th.mu.Unlock()
	if n > maxThrottleEntries {
		t.Errorf("%d entries, bound %d", n, maxThrottleEntries)
	}
	if th.Wait(now, "account:victim") == 0 {
		t.Error("the clean-up released a throttled key")
	}
}

func TestAddressKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"192.0.2.1", "192.0.2.1"},
		{"::ffff:192.0.2.1", "192.0.2.1"},
		{"2001:db8:1:2::1", "2001:db8:1:2:ffff::9"},
		{"192.0.2.1:443", "192.0.2.1"},
	} {
		if addressKey(tc.a) != addressKey(tc.b) {
			t.Errorf("addressKey(%q) = %q, addressKey(%q) = %q: want one key", tc.a, addressKey(tc.a), tc.b, addressKey(tc.b))
		}
	}
	for _, tc := range []struct{ a, b string }{
		{"192.0.2.1", "192.0.2.2"},
		{"2001:db8:1:2::1", "2001:db8:1:3::1"},
	} {
		if addressKey(tc.a) == addressKey(tc.b) {
			t.Errorf("addressKey(%q) = addressKey(%q)", tc.a, tc.b)
		}
	}
}

// TestThrottleAttempt checks the sign-in policy: failures from many addresses hold back only the
// addresses that failed, never a client that has not failed on the account.
func TestThrottleAttempt(t *testing.T) {
	th := NewThrottle()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for i := range 11 {
		th.FailAttempt(now, attemptKeys("victim", "192.0.2."+strconv.Itoa(i+1)))
	}
	if w := th.WaitAttempt(now, attemptKeys("victim", "198.51.100.7")); w != 0 {
		t.Errorf("a clean client waits %v after other addresses failed", w)
	}
	if w := th.WaitAttempt(now, attemptKeys("victim", "192.0.2.1")); w != 64*time.Second {
		t.Errorf("an address that failed waits %v after 11 failures, want the account's 64s", w)
	}
	if w := th.WaitAttempt(now, attemptKeys("other", "192.0.2.1")); w != 0 {
		t.Errorf("another account from a failed address waits %v", w)
	}
	// A success forgets the pair, not the account's count.
	th.SucceedAttempt(attemptKeys("victim", "192.0.2.1"))
	if w := th.WaitAttempt(now, attemptKeys("victim", "192.0.2.1")); w != 0 {
		t.Errorf("after a success the address waits %v", w)
	}
	th.FailAttempt(now, attemptKeys("victim", "192.0.2.1"))
	if w := th.WaitAttempt(now, attemptKeys("victim", "192.0.2.1")); w != 128*time.Second {
		t.Errorf("after a success and a failure the address waits %v, want 128s", w)
	}
	if attemptKeys("a", "192.0.2.1").pair == attemptKeys("a", "192.0.2.2").pair {
		t.Error("two addresses share a pair key")
	}
}
