package auth

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

func TestSubject(t *testing.T) {
	for _, tc := range []struct {
		p    *Principal
		want string
	}{
		{nil, "anonymous"},
		{&Principal{Kind: UserKind, UserID: 3, SessionID: "abc", Name: "anna"}, "user:3:anna"},
		{&Principal{Kind: TokenKind, TokenID: 2, Name: "checkout"}, "token:2:checkout"},
		{SystemPrincipal("first-start"), "system:first-start"},
	} {
		if got := tc.p.Subject(); got != tc.want {
			t.Errorf("Subject() = %q, want %q", got, tc.want)
		}
	}
	u := (&User{ID: 7, Username: "ali", DisplayName: "Ali", Roles: []Role{Approver}}).Principal("sess")
	if !u.IsUser() || u.IsToken() || u.UserID != 7 || u.SessionID != "sess" || u.Subject() != "user:7:ali" || !u.HasAny(Approver) {
		t.Errorf("user principal %+v", u)
	}
	var anon *Principal
	if anon.IsUser() || anon.IsToken() || anon.HasAny(AllRoles...) || anon.RoleNames() != nil {
		t.Errorf("anonymous principal claims something")
	}
}

// TestPerson checks that every session of a user and every token the user created are one
// person, and that a token with no recorded owner is a person of its own.
func TestPerson(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    *Principal
		want Person
	}{
		{"anonymous", nil, ""},
		{"a session", &Principal{Kind: UserKind, UserID: 3, SessionID: "abc", Name: "anna"}, "user:3"},
		{"another session of the same user", &Principal{Kind: UserKind, UserID: 3, SessionID: "def", Name: "anna"}, "user:3"},
		{"a token of user 3", &Principal{Kind: TokenKind, TokenID: 3, Owner: "user:3", Name: "anna-script"}, "user:3"},
		{"a token from before tokens had owners", &Principal{Kind: TokenKind, TokenID: 3, Name: "old-script"}, "token:3"},
		{"a server task", SystemPrincipal("first-start"), "system:first-start"},
		{"a session of a person of the identity provider", (&User{ID: 7, Username: "anna@example.test",
			Person: "oidc:0123456789ab:anna"}).Principal("ghi"), "oidc:0123456789ab:anna"},
		{"a token of that person", &Principal{Kind: TokenKind, TokenID: 4, Owner: "oidc:0123456789ab:anna"}, "oidc:0123456789ab:anna"},
	} {
		if got := tc.p.Person(); got != tc.want {
			t.Errorf("%s: Person() = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestLazyPrincipal checks that a lazily found principal is looked up once, on first use, however
// many goroutines ask at once.
func TestLazyPrincipal(t *testing.T) {
	var calls atomic.Int32
	want := &Principal{Kind: UserKind, UserID: 1, Name: "anna"}
	ctx := withLazyPrincipal(context.Background(), func() (*Principal, error) {
		calls.Add(1)
		return want, nil
	})
	if calls.Load() != 0 {
		t.Fatal("looked up before use")
	}
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if got := PrincipalFrom(ctx); got != want {
				t.Errorf("PrincipalFrom = %v", got)
			}
		})
	}
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("resolved %d times, want once", n)
	}

	failing := errors.New("database down")
	ctx = withLazyPrincipal(context.Background(), func() (*Principal, error) { return nil, failing })
	if p, err := PrincipalErr(ctx); p != nil || !errors.Is(err, failing) {
		t.Errorf("PrincipalErr = %v, %v", p, err)
	}
	if p := PrincipalFrom(ctx); p != nil {
		t.Errorf("PrincipalFrom after a failed look-up = %v, want anonymous", p)
	}
	if p, err := PrincipalErr(context.Background()); p != nil || err != nil {
		t.Errorf("no principal: %v, %v", p, err)
	}
}
