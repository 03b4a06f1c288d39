package oidc_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	gooidc "github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"riskconsole/internal/apperr"
	"riskconsole/internal/auth"
	"riskconsole/internal/oidc"
	"riskconsole/internal/oidc/oidctest"
)

// testRedirect is the callback registered at the test provider for these tests; nothing listens
// there: Browse stops before requesting it.
const testRedirect = "http://127.0.0.1:9/auth/oidc/callback"

// idToken signs user in at p as clientID with nonce, through the provider's real login page, and
// returns the raw ID token the provider issued.
func idToken(t *testing.T, p *oidctest.Provider, clientID, user, nonce string) string {
	t.Helper()
	ctx := context.Background()
	prov, err := gooidc.NewProvider(ctx, p.Issuer)
	if err != nil {
		t.Fatal(err)
	}
	conf := &oauth2.Config{ClientID: clientID, ClientSecret: oidctest.ClientSecret, RedirectURL: testRedirect,
		Endpoint: prov.Endpoint(), Scopes: []string{gooidc.ScopeOpenID, "profile", "email"}}
	verifier := oauth2.GenerateVerifier()
	start := conf.AuthCodeURL("state-of-"+user, gooidc.Nonce(nonce), oauth2.S256ChallengeOption(verifier))
	back := oidctest.Browse(t, oidctest.NewBrowser(t), start, user, oidctest.Password, oidc.CallbackPath)
	tok, err := conf.Exchange(ctx, back.Query().Get("code"), oauth2.VerifierOption(verifier))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		t.Fatal("no ID token")
	}
	return raw
}

func testConfig(p *oidctest.Provider) oidc.Config {
	return oidc.Config{Issuer: p.Issuer, ClientID: oidctest.ClientID, ClientSecret: oidctest.ClientSecret,
		RedirectURL: testRedirect, GroupRoles: map[string][]auth.Role{"risk-analysts": {auth.Analyst}, "auditors": {auth.Auditor}}}
}

// TestVerify checks ID tokens of a real provider: a good one gives the identity and the roles of
// its groups; one for another client (audience), an expired one, and one with another sign-in's
// nonce are refused.
func TestVerify(t *testing.T) {
	p := oidctest.Start(t, testRedirect)
	ctx := context.Background()
	rp := oidc.NewRelyingParty(testConfig(p), nil)

	raw := idToken(t, p, oidctest.ClientID, "aude", "nonce-1")
	id, err := rp.Verify(ctx, raw, "nonce-1")
	if err != nil {
		t.Fatal(err)
	}
	if id.Subject != "aude" || id.Issuer != p.Issuer || id.Username != "aude@example.test" || id.DisplayName != "Aude Auditor" {
		t.Errorf("identity = %+v", id)
	}
	if !slices.Equal(id.Roles, []auth.Role{auth.Auditor}) || !slices.Equal(id.Groups, []string{"auditors", "everyone"}) {
		t.Errorf("groups %v gave roles %v, want [AUDITOR]", id.Groups, id.Roles)
	}
	if want := oidc.PersonOf(p.Issuer, "aude"); id.Person() != want || !strings.HasPrefix(string(want), "oidc:") || !strings.HasSuffix(string(want), ":aude") {
		t.Errorf("person = %q", id.Person())
	}

	refused := func(name, raw, nonce string, rp *oidc.RelyingParty, why string) {
		t.Helper()
		_, err := rp.Verify(ctx, raw, nonce)
		if !errors.Is(err, apperr.ErrUnauthorized) || !strings.Contains(err.Error(), why) {
			t.Errorf("%s: err = %v, want ErrUnauthorized mentioning %q", name, err, why)
		}
	}
	refused("bad nonce", raw, "nonce-2", rp, "nonce")
	refused("no nonce", raw, "", rp, "nonce")
	other := idToken(t, p, oidctest.OtherClientID, "aude", "nonce-3")
	refused("wrong audience", other, "nonce-3", rp, "audience")
	late := oidc.NewRelyingParty(testConfig(p), func() time.Time { return time.Now().Add(2 * time.Hour) })
	refused("expired", raw, "nonce-1", late, "expired")
	tampered := raw[:len(raw)-4] + "AAAA"
	refused("bad signature", tampered, "nonce-1", rp, "signature")
}

func TestParseGroupRoles(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     map[string][]auth.Role
		err      bool
	}{
		{name: "empty", in: "", want: map[string][]auth.Role{}},
		{name: "two", in: "risk-analysts=ANALYST, auditors=AUDITOR", want: map[string][]auth.Role{
			"risk-analysts": {auth.Analyst}, "auditors": {auth.Auditor}}},
		{name: "several roles", in: "leads=ANALYST+APPROVER", want: map[string][]auth.Role{"leads": {auth.Analyst, auth.Approver}}},
		{name: "unknown role", in: "x=BOSS", err: true},
		{name: "no role", in: "x=", err: true},
		{name: "no group", in: "=ANALYST", err: true},
		{name: "service is for tokens", in: "checkout=SERVICE", err: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := oidc.ParseGroupRoles(tc.in)
			if (err != nil) != tc.err {
				t.Fatalf("err = %v", err)
			}
			if !tc.err && len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for g, rs := range tc.want {
				if !slices.Equal(got[g], rs) {
					t.Errorf("%s: %v, want %v", g, got[g], rs)
				}
			}
		})
	}
}
