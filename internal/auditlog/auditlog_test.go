package auditlog_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auditlog"
	"riskconsole/internal/auth"
	"riskconsole/internal/page"
	"riskconsole/internal/store"
	"riskconsole/internal/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }

// services returns a constructor of a service on a fresh, migrated database of each kind.
func services(t *testing.T) map[string]func(t *testing.T) (*auditlog.Service, *store.Store) {
	open := func(t *testing.T, opts store.Options) (*auditlog.Service, *store.Store) {
		st, err := store.Open(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if err := st.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		return auditlog.NewService(st, nil, nil), st
	}
	return map[string]func(t *testing.T) (*auditlog.Service, *store.Store){
		"sqlite": func(t *testing.T) (*auditlog.Service, *store.Store) {
			return open(t, store.Options{SQLitePath: testdb.NewSQLitePath(t)})
		},
		"postgres": func(t *testing.T) (*auditlog.Service, *store.Store) {
			return open(t, store.Options{DatabaseURL: testdb.NewPostgresDB(t)})
		},
	}
}

func TestListValidation(t *testing.T) {
	svc, _ := services(t)["sqlite"](t)
	t0 := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	good := auditlog.EncodeCursor(&audit.Event{ID: 12, At: t0})
	long := strings.Repeat("x", 257)
	tests := []struct {
		name       string
		f          auditlog.Filter
		first      int
		after      string
		wantFields []string // nil: valid
	}{
		{name: "defaults", first: 50},
		{name: "smallest page", first: 1},
		{name: "largest page", first: page.MaxSize},
		{name: "every filter", f: auditlog.Filter{Actor: "user:1:a", Action: "user.create", EntityType: "user", EntityID: "1", From: t0, To: t0.Add(time.Hour)}, first: 10, after: good},
		{name: "only from", f: auditlog.Filter{From: t0}, first: 10},
		{name: "only to", f: auditlog.Filter{To: t0}, first: 10},
		{name: "first 0", first: 0, wantFields: []string{"first"}},
		{name: "first negative", first: -1, wantFields: []string{"first"}},
		{name: "first 101", first: 101, wantFields: []string{"first"}},
		{name: "malformed cursor", first: 10, after: "not a cursor", wantFields: []string{"after"}},
		{name: "cursor of another list", first: 10, after: "MTIzfGFiYw", wantFields: []string{"after"}},
		{name: "truncated cursor", first: 10, after: good[:len(good)-3], wantFields: []string{"after"}},
		{name: "from equals to", f: auditlog.Filter{From: t0, To: t0}, first: 10, wantFields: []string{"filter.to"}},
		{name: "from after to", f: auditlog.Filter{From: t0.Add(time.Second), To: t0}, first: 10, wantFields: []string{"filter.to"}},
		{name: "overlong filters", f: auditlog.Filter{Actor: long, Action: long, EntityType: long, EntityID: long}, first: 10,
			wantFields: []string{"filter.actor", "filter.action", "filter.entityType", "filter.entityId"}},
		{name: "bad UTF-8", f: auditlog.Filter{Actor: "\xff"}, first: 10, wantFields: []string{"filter.actor"}},
		{name: "everything wrong at once", f: auditlog.Filter{Action: long, From: t0, To: t0}, first: 1000, after: "!",
			wantFields: []string{"first", "after", "filter.action", "filter.to"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := svc.List(context.Background(), tc.f, tc.first, tc.after)
			if tc.wantFields == nil {
				if err != nil {
					t.Fatalf("List: %v", err)
				}
				return
			}
			var ve *apperr.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, apperr.ErrInvalid) {
				t.Fatalf("List: err = %v, want a validation error", err)
			}
			var got []string
			for _, f := range ve.Fields {
				got = append(got, f.Field)
			}
			if !slices.Equal(got, tc.wantFields) {
				t.Errorf("fields %v, want %v", got, tc.wantFields)
			}
		})
	}
}

func TestCursor(t *testing.T) {
	at := time.Date(2026, 5, 1, 12, 30, 0, 654321000, time.FixedZone("CEST", 2*3600))
	c, err := auditlog.DecodeCursor(auditlog.EncodeCursor(&audit.Event{ID: 42, At: at}))
	if err != nil || c.ID != 42 || !c.At.Equal(at) || c.At.Location() != time.UTC {
		t.Fatalf("round trip: %+v, %v", c, err)
	}
	for _, bad := range []string{"", "!!", "MTIz", "MTIzfA", "fDQy", "MTIzfC0x", "MTIzfDA"} { // "", "123", "123|", "|42", "123|-1", "123|0"
		if _, err := auditlog.DecodeCursor(bad); !errors.Is(err, apperr.ErrInvalid) {
			t.Errorf("DecodeCursor(%q): err = %v, want ErrInvalid", bad, err)
		}
	}
}

// chain returns n events linked by audit.Chain, as AppendAudit writes them.
func chain(n int) []audit.Event {
	out := make([]audit.Event, n)
	prev := audit.GenesisHash
	for i := range out {
		e := &out[i]
		*e = audit.Event{ID: int64(i + 1), At: time.Unix(int64(1e9+i), 0).UTC(), Actor: "user:1:anna", Action: "user.create",
			EntityType: "user", EntityID: "7", After: json.RawMessage(`{"n": 1}`), Outcome: audit.Done, PrevHash: prev}
		e.Hash = audit.Chain(prev, e)
		prev = e.Hash
	}
	return out
}

func check(events []audit.Event) auditlog.Verification {
	c := auditlog.NewChainChecker(nil)
	for i := range events {
		if !c.Check(&events[i]) {
			break
		}
	}
	return c.Result()
}

func TestChainChecker(t *testing.T) {
	tests := []struct {
		name        string
		change      func(es []audit.Event) []audit.Event
		wantBroken  int64
		wantReason  string
		wantChecked int64
	}{
		{"intact", func(es []audit.Event) []audit.Event { return es }, 0, "", 6},
		{"empty", func([]audit.Event) []audit.Event { return nil }, 0, "", 0},
		{"actor changed", func(es []audit.Event) []audit.Event { es[2].Actor = "someone"; return es }, 3, auditlog.ReasonHashMismatch, 3},
		{"roles added", func(es []audit.Event) []audit.Event { es[2].ActorRoles = []string{"ADMIN"}; return es }, 3, auditlog.ReasonHashMismatch, 3},
		{"after changed", func(es []audit.Event) []audit.Event { es[4].After = json.RawMessage(`{"n": 2}`); return es }, 5, auditlog.ReasonHashMismatch, 5},
		{"after reformatted only", func(es []audit.Event) []audit.Event { es[4].After = json.RawMessage(`{ "n" : 1.0 }`); return es }, 0, "", 6},
		{"time moved by a microsecond", func(es []audit.Event) []audit.Event { es[1].At = es[1].At.Add(time.Microsecond); return es }, 2, auditlog.ReasonHashMismatch, 2},
		{"outcome changed", func(es []audit.Event) []audit.Event { es[5].Outcome = audit.Failed; return es }, 6, auditlog.ReasonHashMismatch, 6},
		{"middle removed", func(es []audit.Event) []audit.Event { return slices.Delete(es, 2, 3) }, 4, auditlog.ReasonLinkBroken, 3},
		{"first removed", func(es []audit.Event) []audit.Event { return es[1:] }, 2, auditlog.ReasonBadGenesis, 1},
		{"two swapped", func(es []audit.Event) []audit.Event { es[2], es[3] = es[3], es[2]; return es }, 4, auditlog.ReasonLinkBroken, 3},
		{"re-hashed after a change", func(es []audit.Event) []audit.Event {
			es[2].Actor = "someone"
			es[2].Hash = audit.Chain(es[2].PrevHash, &es[2]) // the forger cannot re-hash what follows without it showing
			return es
		}, 4, auditlog.ReasonLinkBroken, 4},
		{"forged event inserted", func(es []audit.Event) []audit.Event {
			f := audit.Event{ID: 99, Actor: "someone", PrevHash: es[2].Hash}
			f.Hash = audit.Chain(f.PrevHash, &f)
			return slices.Insert(es, 3, f)
		}, 4, auditlog.ReasonLinkBroken, 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			es := tc.change(chain(6))
			v := check(es)
			wantOK := tc.wantReason == ""
			if v.OK != wantOK || v.FirstBrokenID != tc.wantBroken || v.Reason != tc.wantReason || v.Checked != tc.wantChecked {
				t.Fatalf("verification %+v, want ok=%v broken at %d (%q) after %d checked", v, wantOK, tc.wantBroken, tc.wantReason, tc.wantChecked)
			}
			if wantOK && len(es) > 0 && v.Head != es[len(es)-1].Hash {
				t.Errorf("head %s, want the last hash %s", v.Head, es[len(es)-1].Hash)
			}
		})
	}
	t.Run("a broken checker stays broken", func(t *testing.T) {
		es := chain(4)
		es[1].Actor = "someone"
		c := auditlog.NewChainChecker(nil)
		for i := range es {
			c.Check(&es[i])
		}
		if v := c.Result(); v.FirstBrokenID != 2 || v.Checked != 2 {
			t.Fatalf("verification %+v, want broken at 2 after 2 checked", v)
		}
	})
}

func TestDenied(t *testing.T) {
	for name, newService := range services(t) {
		t.Run(name, func(t *testing.T) {
			svc, _ := newService(t)
			ctx := audit.WithRequest(context.Background(), audit.Request{ID: "0123456789abcdef", ClientAddr: "198.51.100.7"})
			analyst := &auth.Principal{TokenID: 4, Name: "ana", Roles: []auth.Role{auth.Analyst, auth.Agent}}
			if err := svc.Denied(ctx, analyst, "Query.auditEvents"); err != nil {
				t.Fatal(err)
			}
			// The caller hanging up does not stop the record of its refusal.
			gone, cancel := context.WithCancel(ctx)
			cancel()
			if err := svc.Denied(gone, nil, "Mutation.assessPurchase"); err != nil {
				t.Fatalf("anonymous denial on a cancelled request: %v", err)
			}
			page, err := svc.List(context.Background(), auditlog.Filter{Action: auditlog.ActionAccessDenied}, 10, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Items) != 2 {
				t.Fatalf("%d denial events, want 2", len(page.Items))
			}
			anon, ana := page.Items[0], page.Items[1] // newest first
			want := []audit.Event{
				{ID: ana.ID, At: ana.At, Actor: "token:4:ana", ActorRoles: []string{"ANALYST", "AGENT"}, Action: "access.denied",
					EntityType: "graphql_field", EntityID: "Query.auditEvents", RequestID: "0123456789abcdef",
					ClientAddr: "198.51.100.7", Outcome: audit.Denied, PrevHash: audit.GenesisHash, Hash: ana.Hash},
				{ID: anon.ID, At: anon.At, Actor: "anonymous", Action: "access.denied",
					EntityType: "graphql_field", EntityID: "Mutation.assessPurchase", RequestID: "0123456789abcdef",
					ClientAddr: "198.51.100.7", Outcome: audit.Denied, PrevHash: ana.Hash, Hash: anon.Hash},
			}
			for i, got := range []audit.Event{ana, anon} {
				if !equalEvents(got, want[i]) {
					t.Errorf("event\n%+v\nwant\n%+v", got, want[i])
				}
				if time.Since(got.At) > time.Minute || got.At.Location() != time.UTC {
					t.Errorf("event %d at %v, want now in UTC", got.ID, got.At)
				}
			}
			if v, err := svc.Verify(context.Background()); err != nil || !v.OK || v.Checked != 2 {
				t.Fatalf("Verify: %+v, %v", v, err)
			}
		})
	}
}

func equalEvents(a, b audit.Event) bool {
	return a.ID == b.ID && a.At.Equal(b.At) && a.Actor == b.Actor && slices.Equal(a.ActorRoles, b.ActorRoles) &&
		a.Action == b.Action && a.EntityType == b.EntityType && a.EntityID == b.EntityID &&
		string(a.Before) == string(b.Before) && string(a.After) == string(b.After) && a.RequestID == b.RequestID &&
		a.ClientAddr == b.ClientAddr && a.Outcome == b.Outcome && a.PrevHash == b.PrevHash && a.Hash == b.Hash
}
