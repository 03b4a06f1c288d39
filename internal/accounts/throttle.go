package accounts

import (
	"net/netip"
	"sync"
	"time"
)

// Throttle slows down password guessing. Each key may fail Free times in a row freely; after
// that it must wait Base before the next attempt, then twice as long after each further failure,
// up to Max. Nothing is ever locked for good: the wait never exceeds Max, and a key that has been
// quiet for Forget is forgotten.
//
// A sign-in attempt counts on three keys (see attempt): its client address, across accounts; the
// pair of its account and address; and its account, across addresses. The account's back-off
// holds back only clients that have already failed on the account (WaitAttempt), so that failures
// from other addresses never keep out an owner who types the right password.
//
// The state is in memory, so each replica keeps its own: behind a load balancer an attacker gets
// Free attempts per replica before the back-off starts.
type Throttle struct {
	Free   int
	Base   time.Duration
	Max    time.Duration
	Forget time.Duration

	mu      sync.Mutex
	entries map[string]*throttleEntry
}

type throttleEntry struct {
	failures int       // consecutive failures
	until    time.Time // no attempt before this
	last     time.Time // of the last failure
}

// maxThrottleEntries bounds the memory a flood of made-up usernames or addresses can take.
const maxThrottleEntries = 100_000

// NewThrottle returns a throttle with the console's rules: 5 free failures, then 1 s doubling up
// to 15 min, forgotten after an hour without failures.
func NewThrottle() *Throttle {
	return &Throttle{Free: 5, Base: time.Second, Max: 15 * time.Minute, Forget: time.Hour, entries: map[string]*throttleEntry{}}
}

// Wait returns how long the caller must still wait before trying any of keys; zero when it may
// try now.
func (t *Throttle) Wait(now time.Time, keys ...string) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.wait(now, keys...)
}

func (t *Throttle) wait(now time.Time, keys ...string) time.Duration {
	var wait time.Duration
	for _, k := range keys {
		e := t.live(now, k)
		if e != nil && e.until.After(now) {
			wait = max(wait, e.until.Sub(now))
		}
	}
	return wait
}

// WaitAttempt returns how long sign-in attempt a must still wait: the back-off of its address
// and of its (account, address) pair, and the account's back-off only when this pair has failed
// recently. So a client that has not failed on an account is never held back by what other
// addresses did to it, and while many addresses guess at one account, each of them gets one
// guess before it waits out the account's back-off (and its own address's).
func (t *Throttle) WaitAttempt(now time.Time, a attempt) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.live(now, a.pair) != nil {
		return t.wait(now, a.addr, a.pair, a.account)
	}
	return t.wait(now, a.addr, a.pair)
}

// FailAttempt records the failure of sign-in attempt a on its three keys.
func (t *Throttle) FailAttempt(now time.Time, a attempt) { t.Fail(now, a.addr, a.pair, a.account) }

// SucceedAttempt forgets the failures of a's (account, address) pair. The account's count is
// kept: an owner signing in does not give the addresses guessing at the account a fresh start.
func (t *Throttle) SucceedAttempt(a attempt) { t.Reset(a.pair) }

// Fail records a failed attempt on each of keys.
func (t *Throttle) Fail(now time.Time, keys ...string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.entries) >= maxThrottleEntries {
		t.sweep(now)
	}
	for _, k := range keys {
		e := t.live(now, k)
		if e == nil {
			e = &throttleEntry{}
			t.entries[k] = e
		}
		e.failures++
		e.last = now
		if n := e.failures - t.Free; n >= 0 {
			delay := t.Max
			if n < 30 {
				delay = min(t.Base<<n, t.Max)
			}
			e.until = now.Add(delay)
		}
	}
}

// Reset forgets the failures of key, after a success.
func (t *Throttle) Reset(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.entries, key)
}

// live returns the entry of key, dropping it when it has been quiet long enough to forget.
func (t *Throttle) live(now time.Time, key string) *throttleEntry {
	e := t.entries[key]
	if e != nil && t.stale(now, e) {
		delete(t.entries, key)
		return nil
	}
	return e
}

func (t *Throttle) stale(now time.Time, e *throttleEntry) bool {
	return !e.until.After(now) && now.Sub(e.last) >= t.Forget
}

// sweep drops forgotten entries, and when that is not enough, every entry that is not holding an
// attempt back right now.
func (t *Throttle) sweep(now time.Time) {
	for k, e := range t.entries {
		if t.stale(now, e) {
			delete(t.entries, k)
		}
	}
	if len(t.entries) < maxThrottleEntries*3/4 {
		return
	}
	for k, e := range t.entries {
		if !e.until.After(now) {
			delete(t.entries, k)
		}
	}
}

// attempt names the throttle's keys of one password check (a sign-in, or a password change's
// current password).
type attempt struct{ account, addr, pair string }

// attemptKeys returns the keys of an attempt on username from clientAddr. An address key holds no
// "|", so the pair key is unambiguous.
func attemptKeys(username, clientAddr string) attempt {
	addr := addressKey(clientAddr)
	return attempt{account: "account:" + username, addr: addr, pair: "pair:" + addr + "|" + username}
}

// addressKey is the key of a client address. IPv6 addresses are grouped by their /64, which one
// machine or home usually holds whole, so that rotating through it does not reset the count.
func addressKey(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		if ap, err2 := netip.ParseAddrPort(addr); err2 == nil {
			ip, err = ap.Addr(), nil
		}
	}
	if err != nil {
		return "addr:" + addr
	}
	ip = ip.Unmap()
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return "addr:" + p.String()
	}
	return "addr:" + ip.String()
}
