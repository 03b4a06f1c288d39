package auditlog_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/audit"
	"riskconsole/internal/auditlog"
)

func newKey(t *testing.T, secret string) *audit.Key {
	t.Helper()
	k, err := audit.NewKey([]byte(secret))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// mixedChain returns plain events followed by keyed ones, as a log that predates the key and
// was written on with it.
func mixedChain(k *audit.Key, plain, keyed int) []audit.Event {
	out := chain(plain + keyed)
	prev := audit.GenesisHash
	if plain > 0 {
		prev = out[plain-1].Hash
	}
	for i := plain; i < len(out); i++ {
		out[i].Seal(k, prev)
		prev = out[i].Hash
	}
	return out
}

func checkWith(c *auditlog.ChainChecker, events []audit.Event) auditlog.Verification {
	for i := range events {
		if !c.Check(&events[i]) {
			break
		}
	}
	return c.Result()
}

func TestKeyedChain(t *testing.T) {
	k := newKey(t, "the console's key, thirty-two bytes")
	other := newKey(t, "another key, also thirty-two bytes")
	tests := []struct {
		name       string
		change     func(es []audit.Event) []audit.Event
		key        *audit.Key
		wantBroken int64
		wantReason string
	}{
		{"intact", func(es []audit.Event) []audit.Event { return es }, k, 0, ""},
		{"keyed content changed", func(es []audit.Event) []audit.Event { es[4].Actor = "someone"; return es }, k, 5, auditlog.ReasonHashMismatch},
		{"keyed event re-hashed without the key", func(es []audit.Event) []audit.Event {
			es[4].Actor = "someone"
			es[4].Seal(nil, es[4].PrevHash)
			return es
		}, k, 5, auditlog.ReasonUnkeyed},
		{"keyed event re-keyed with another key", func(es []audit.Event) []audit.Event {
			es[4].Actor = "someone"
			es[4].Seal(other, es[4].PrevHash)
			return es
		}, k, 5, auditlog.ReasonOtherKey},
		{"plain events rewritten up to the first keyed", func(es []audit.Event) []audit.Event {
			es[1].Actor = "someone"
			es[1].Seal(nil, es[1].PrevHash)
			es[2].Seal(nil, es[1].Hash)
			return es
		}, k, 4, auditlog.ReasonLinkBroken},
		{"keyed middle event removed", func(es []audit.Event) []audit.Event {
			return append(es[:4:4], es[5:]...)
		}, k, 6, auditlog.ReasonLinkBroken},
		{"checked without the key", func(es []audit.Event) []audit.Event { return es }, nil, 4, auditlog.ReasonOtherKey},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := checkWith(auditlog.NewChainChecker(tc.key), tc.change(mixedChain(k, 3, 3)))
			if v.OK != (tc.wantReason == "") || v.FirstBrokenID != tc.wantBroken || v.Reason != tc.wantReason {
				t.Fatalf("verification %+v, want broken at %d (%q)", v, tc.wantBroken, tc.wantReason)
			}
			if v.OK && v.Keyed != 3 {
				t.Errorf("keyed %d, want 3", v.Keyed)
			}
		})
	}

	t.Run("checkpoint", func(t *testing.T) {
		es := mixedChain(k, 2, 4) // ids 1..6
		cp := &auditlog.Checkpoint{EventID: 5, Hash: es[4].Hash}
		for _, tc := range []struct {
			name       string
			events     []audit.Event
			wantBroken int64
		}{
			{"intact", es, 0},
			{"tail removed past the checkpoint", es[:4], 5},
			{"everything removed", nil, 5},
			// Every keyed event rewritten with plain hashes: a whole plain chain, but not the
			// checkpoint's.
			{"all re-chained without the key", func() []audit.Event {
				out := chain(6)
				out[0].Actor = "someone"
				prev := audit.GenesisHash
				for i := range out {
					out[i].Seal(nil, prev)
					prev = out[i].Hash
				}
				return out
			}(), 5},
		} {
			t.Run(tc.name, func(t *testing.T) {
				c := auditlog.NewChainChecker(k)
				c.Expect(cp)
				v := checkWith(c, tc.events)
				if (tc.wantBroken == 0) != v.OK || v.FirstBrokenID != tc.wantBroken || (!v.OK && v.Reason != auditlog.ReasonCheckpoint) {
					t.Fatalf("verification %+v, want broken at %d", v, tc.wantBroken)
				}
			})
		}
		t.Run("from the checkpoint on", func(t *testing.T) {
			if v := checkWith(auditlog.NewCheckerAt(k, cp), es[4:]); !v.OK || v.HeadID != 6 || v.Head != es[5].Hash {
				t.Fatalf("verification %+v, want ok up to event 6", v)
			}
			changed := append([]audit.Event(nil), es[4:]...)
			changed[0].Actor = "someone"
			changed[0].Seal(k, changed[0].PrevHash) // only the console can do this
			if v := checkWith(auditlog.NewCheckerAt(k, cp), changed); v.OK || v.FirstBrokenID != 5 {
				t.Fatalf("checkpoint event changed: %+v, want broken at 5", v)
			}
			if v := checkWith(auditlog.NewCheckerAt(k, cp), es[5:]); v.OK || v.FirstBrokenID != 5 {
				t.Fatalf("checkpoint event missing: %+v, want broken at 5", v)
			}
		})
	})
}

func TestCheckpointFile(t *testing.T) {
	k := newKey(t, "the console's key, thirty-two bytes")
	path := filepath.Join(t.TempDir(), "sub", "checkpoint.json")
	f := auditlog.NewCheckpointFile(path, k)
	if cp, err := f.Read(); cp != nil || err != nil {
		t.Fatalf("no file yet: %+v, %v", cp, err)
	}
	at := time.Date(2026, 12, 5, 8, 0, 0, 123456789, time.UTC)
	if err := f.Write(auditlog.Checkpoint{EventID: 42, Hash: "abc", At: at}); err != nil {
		t.Fatal(err)
	}
	cp, err := f.Read()
	if err != nil || cp.EventID != 42 || cp.Hash != "abc" || !cp.At.Equal(at.Truncate(time.Microsecond)) || cp.KeyID != k.ID() {
		t.Fatalf("read back %+v, %v", cp, err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, %v; want 0600", fi.Mode(), err)
	}
	good, _ := os.ReadFile(path)
	for _, tc := range []struct{ name, content string }{
		{"event id moved", strings.Replace(string(good), `"eventId":42`, `"eventId":40`, 1)},
		{"hash replaced", strings.Replace(string(good), `"hash":"abc"`, `"hash":"abd"`, 1)},
		{"not JSON", "checkpoint"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := os.WriteFile(path, []byte(tc.content), 0o600); err != nil {
				t.Fatal(err)
			}
			if cp, err := f.Read(); !errors.Is(err, auditlog.ErrBadCheckpoint) {
				t.Errorf("read %+v, %v; want ErrBadCheckpoint", cp, err)
			}
		})
	}
	if err := os.WriteFile(path, good, 0o600); err != nil {
		t.Fatal(err)
	}
	other := auditlog.NewCheckpointFile(path, newKey(t, "another key, also thirty-two bytes"))
	if _, err := other.Read(); !errors.Is(err, auditlog.ErrBadCheckpoint) {
		t.Errorf("read with another key: %v; want ErrBadCheckpoint", err)
	}
}
