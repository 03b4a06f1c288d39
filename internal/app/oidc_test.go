package app

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/accounts"
	"riskconsole/internal/auth"
	"riskconsole/internal/oidc"
	"riskconsole/internal/oidc/oidctest"
	"riskconsole/internal/testdb"
)

// oidcApp is a console that signs staff in through a real OpenID provider started for the test.
type oidcApp struct {
	*testApp
	provider *oidctest.Provider
}

// newOIDCApp starts a provider and a console whose sign-in goes through it, on dialect's database:
// the console's address is reserved first, so that its callback is registered at the provider.
func newOIDCApp(t *testing.T, dialect string, change func(*Config)) *oidcApp {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	p := oidctest.Start(t, base+oidc.CallbackPath)
	cfg := testConfig(t)
	if dialect == "postgres" {
		setRoles(&cfg, testdb.NewPostgresRoles(t))
	}
	cfg.OIDC = oidc.Config{Issuer: p.Issuer, ClientID: oidctest.ClientID, ClientSecret: oidctest.ClientSecret,
		RedirectURL: base + oidc.CallbackPath, RolesClaim: "groups", Name: "Test IdP",
		GroupRoles: map[string][]auth.Role{"risk-analysts": {auth.Analyst}, "auditors": {auth.Auditor}, "console-admins": {auth.Admin}}}
	if change != nil {
		change(&cfg)
	}
	ta := startTestApp(t, cfg, 0)
	// Serve the console on the reserved address instead of httptest's own.
	ta.Server.Close()
	ta.Server = httptest.NewUnstartedServer(ta.Handler())
	ta.Server.Listener.Close()
	ta.Server.Listener = ln
	ta.Server.Start()
	t.Cleanup(ta.Server.Close)
	return &oidcApp{testApp: ta, provider: p}
}

// startSignIn follows a browser from the console's sign-in button through the provider's login
// page as user, and returns the callback URL the provider sends it back to.
func (oa *oidcApp) startSignIn(t *testing.T, browser *http.Client, user string) *url.URL {
	t.Helper()
	return oidctest.Browse(t, browser, oa.Server.URL+oidc.StartPath, user, oidctest.Password, oidc.CallbackPath)
}

// callback requests the callback URL in browser and returns where the console sends it next.
func callback(t *testing.T, browser *http.Client, u *url.URL) string {
	t.Helper()
	res, err := browser.Get(u.String())
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("callback: %s, want 303", res.Status)
	}
	return res.Header.Get("Location")
}

// whoAmI returns the browser's session user (zero when not signed in).
func (oa *oidcApp) whoAmI(t *testing.T, browser *http.Client) (user struct {
	Username    string   `json:"username"`
	DisplayName string   `json:"displayName"`
	Roles       []string `json:"roles"`
}) {
	t.Helper()
	res, err := browser.Get(oa.Server.URL + "/auth/session")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return user
	}
	var body struct {
		User json.RawMessage `json:"user"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(body.User, &user); err != nil {
		t.Fatal(err)
	}
	return user
}

func hasSessionCookie(browser *http.Client, base string) bool {
	u, _ := url.Parse(base)
	for _, c := range browser.Jar.Cookies(u) {
		if c.Name == auth.SessionCookieName && c.Value != "" {
			return true
		}
	}
	return false
}

// TestOIDCSignIn signs staff in through a real OpenID provider, through the console's real
// handler: the code flow with the provider's login page, roles from groups re-read at each
// sign-in (a person moved out of a group loses its role in the sessions they have), one person
// across sign-ins, refusals of a person with no mapped role, of a replayed state, of a state
// from another browser and of an ID token with another sign-in's nonce.
func TestOIDCSignIn(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		oa := newOIDCApp(t, dialect, nil)
		ctx := context.Background()
		db := oa.rawDB(t)

		// Anna, in risk-analysts, signs in and is an ANALYST.
		anna := oidctest.NewBrowser(t)
		back := oa.startSignIn(t, anna, "anna")
		if got := callback(t, anna, back); got != "/" {
			t.Fatalf("signed in, sent to %q, want /", got)
		}
		me := oa.whoAmI(t, anna)
		if me.Username != "anna@example.test" || me.DisplayName != "Anna Analyst" || !slices.Equal(me.Roles, []string{"ANALYST"}) {
			t.Fatalf("session user = %+v", me)
		}
		person := oidc.PersonOf(oa.provider.Issuer, "anna")
		u, err := oa.Store.UserByPerson(ctx, person)
		if err != nil {
			t.Fatal(err)
		}
		if p := u.Principal("x"); p.Person() != person {
			t.Errorf("principal's person = %q, want %q", p.Person(), person)
		}

		// A conflict of interest is the person's, found through its person id (a reviewer's own
		// purchases).
		if err := oa.Store.LinkStaffShopper(ctx, u.ID, "shopper-of-anna", "system:test", time.Now()); err != nil {
			t.Fatal(err)
		}
		if linked, err := oa.Store.ShopperLinked(ctx, person, "shopper-of-anna"); err != nil || !linked {
			t.Errorf("ShopperLinked(%s) = %v, %v; want true", person, linked, err)
		}

		// The sign-in is in the audit log: the account's creation by system:oidc, then the login
		// by the person.
		evs := acctEventsSince(t, db, 0)
		var created, loggedIn bool
		for _, e := range evs {
			created = created || (e.Action == "user.create" && e.Actor == "system:oidc" && e.EntityID == "anna@example.test")
			loggedIn = loggedIn || (e.Action == "auth.login" && e.Outcome == "DONE" && e.EntityID == "anna@example.test" &&
				strings.Contains(e.After.String, string(person)))
		}
		if !created || !loggedIn {
			t.Errorf("audit events of the first sign-in missing: %+v", evs)
		}
		mark := evs[len(evs)-1].ID

		// The same callback again (a replayed state) is refused, and so is a state that another
		// browser started.
		if got := callback(t, oidctest.NewBrowser(t), back); got != "/signin?signin_error=expired" {
			t.Errorf("replayed state: sent to %q", got)
		}
		if got := callback(t, anna, back); got != "/signin?signin_error=expired" {
			t.Errorf("replayed state, same browser: sent to %q", got)
		}
		mallory := oidctest.NewBrowser(t)
		stolen := oa.startSignIn(t, mallory, "aude")
		victim := oidctest.NewBrowser(t)
		if got := callback(t, victim, stolen); got != "/signin?signin_error=expired" || hasSessionCookie(victim, oa.Server.URL) {
			t.Errorf("state of another browser: sent to %q", got)
		}

		// Anna moves from risk-analysts to auditors: her next sign-in makes her an AUDITOR, in
		// the session she already had too; she is still one person, one account.
		oa.provider.SetGroups(t, "anna", "auditors")
		again := oidctest.NewBrowser(t)
		callback(t, again, oa.startSignIn(t, again, "anna"))
		for _, b := range []*http.Client{again, anna} {
			if me := oa.whoAmI(t, b); !slices.Equal(me.Roles, []string{"AUDITOR"}) {
				t.Errorf("after the move, session user = %+v", me)
			}
		}
		if u2, err := oa.Store.UserByPerson(ctx, person); err != nil || u2.ID != u.ID {
			t.Errorf("second sign-in: user %d (%v), want the same user %d", u2.ID, err, u.ID)
		}

		// Out of every mapped group: refused with a clear reason, no session, and her sessions end.
		oa.provider.SetGroups(t, "anna", "everyone")
		gone := oidctest.NewBrowser(t)
		if got := callback(t, gone, oa.startSignIn(t, gone, "anna")); got != "/signin?signin_error=no_role" {
			t.Errorf("no mapped role: sent to %q", got)
		}
		failed := 0
		for _, e := range acctEventsSince(t, db, mark) {
			if e.Action == "auth.login" && e.Outcome == "FAILED" {
				failed++
			}
		}
		if failed != 4 { // two replays, the other browser's state, and the no-role sign-in
			t.Errorf("%d failed sign-ins recorded since the first, want 4", failed)
		}
		if hasSessionCookie(gone, oa.Server.URL) {
			t.Error("a refused sign-in set a session cookie")
		}
		for _, b := range []*http.Client{again, anna} {
			if me := oa.whoAmI(t, b); me.Username != "" {
				t.Errorf("a session survived the loss of every role: %+v", me)
			}
		}

		// Nobody (in no mapped group) never gets an account.
		nobody := oidctest.NewBrowser(t)
		if got := callback(t, nobody, oa.startSignIn(t, nobody, "nobody")); got != "/signin?signin_error=no_role" {
			t.Errorf("nobody: sent to %q", got)
		}
		if _, err := oa.Store.UserByPerson(ctx, oidc.PersonOf(oa.provider.Issuer, "nobody")); err == nil {
			t.Error("a person with no role got an account")
		}

		// An ID token minted with another nonce than the sign-in's is refused: the browser's way
		// to the provider is changed on the way.
		b := oidctest.NewBrowser(t)
		res, err := b.Get(oa.Server.URL + oidc.StartPath)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		to, err := res.Location()
		if err != nil {
			t.Fatal(err)
		}
		if q := to.Query(); q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" || q.Get("nonce") == "" ||
			q.Get("redirect_uri") != oa.Config.OIDC.RedirectURL || q.Get("client_id") != oidctest.ClientID {
			t.Errorf("authorization request = %v", q)
		}
		q := to.Query()
		q.Set("nonce", "not-the-sign-ins-nonce")
		to.RawQuery = q.Encode()
		if got := callback(t, b, oidctest.Browse(t, b, to.String(), "aude", oidctest.Password, oidc.CallbackPath)); got != "/signin?signin_error=failed" {
			t.Errorf("bad nonce: sent to %q", got)
		}

		// Aude, an AUDITOR, signs in; her password is the provider's, not the console's.
		aude := oidctest.NewBrowser(t)
		callback(t, aude, oa.startSignIn(t, aude, "aude"))
		if me := oa.whoAmI(t, aude); me.Username != "aude@example.test" || !slices.Equal(me.Roles, []string{"AUDITOR"}) {
			t.Errorf("aude = %+v", me)
		}
		if _, err := oa.Accounts.Login(ctx, accounts.LoginRequest{Username: "aude@example.test", Password: oidctest.Password,
			ClientAddr: "192.0.2.9"}); err == nil {
			t.Error("a person of the provider signed in with a password")
		}
	})
}

// TestOIDCReturnsToNext: a sign-in through the provider started from a console page (the sign-in
// page's ?next=) returns to that page, and a refused one to the sign-in page with it, so that the
// next attempt returns there too; a next that is not a path of the console (another site, a
// scheme-relative //host or /\host, the sign-in page itself, control characters, an overlong
// path) returns to the start page.
func TestOIDCReturnsToNext(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		oa := newOIDCApp(t, dialect, nil)
		signIn := func(user, next string) string {
			b := oidctest.NewBrowser(t)
			start := oa.Server.URL + oidc.StartPath + "?" + url.Values{oidc.NextParam: {next}}.Encode()
			return callback(t, b, oidctest.Browse(t, b, start, user, oidctest.Password, oidc.CallbackPath))
		}
		const page = "/decisions?market=SE&outcome=DECLINED"
		if got := signIn("anna", page); got != page {
			t.Errorf("signed in from %s, sent to %q", page, got)
		}
		want := "/signin?" + url.Values{"next": {page}, "signin_error": {"no_role"}}.Encode()
		if got := signIn("nobody", page); got != want {
			t.Errorf("refused, sent to %q, want %q", got, want)
		}
		for _, bad := range []string{"https://evil.example/x", "//evil.example/x", "/\\evil.example/x", "/signin?next=/admin",
			"/decisions\r\nSet-Cookie: x=y", "/" + strings.Repeat("a", 2048), "decisions"} {
			if got := signIn("anna", bad); got != "/" {
				t.Errorf("next %q: sent to %q, want /", bad, got)
			}
		}
	})
}

// TestOIDCProviderInfo: the sign-in page learns the provider's name and whether passwords work;
// with LOCAL_SIGN_IN off, a sign-in with a password is refused.
func TestOIDCProviderInfo(t *testing.T) {
	oa := newOIDCApp(t, "sqlite", func(c *Config) { c.LocalSignIn = accounts.LocalSignInOff })
	res, err := http.Get(oa.Server.URL + oidc.ProviderPath)
	if err != nil {
		t.Fatal(err)
	}
	var info struct {
		Name        string `json:"name"`
		StartURL    string `json:"startUrl"`
		LocalSignIn bool   `json:"localSignIn"`
	}
	if err := json.NewDecoder(res.Body).Decode(&info); err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if info.Name != "Test IdP" || info.StartURL != oidc.StartPath || info.LocalSignIn {
		t.Errorf("provider info = %+v", info)
	}
	req, _ := http.NewRequest(http.MethodPost, oa.Server.URL+"/auth/login", strings.NewReader(`{"username":"admin","password":"whatever-it-is"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", oa.Server.URL)
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("password sign-in with LOCAL_SIGN_IN off: %s, want 403", res.Status)
	}
}

// setLocalSignIn posts {"enabled": on} to the local sign-in switch from browser, as the console's
// page does, and returns the status and error code.
func (oa *oidcApp) setLocalSignIn(t *testing.T, browser *http.Client, on bool) (int, string) {
	t.Helper()
	body := `{"enabled":false}`
	if on {
		body = `{"enabled":true}`
	}
	req, _ := http.NewRequest(http.MethodPost, oa.Server.URL+oidc.LocalSignInPath, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", oa.Server.URL)
	res, err := browser.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var answer struct {
		Errors []struct {
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	_ = json.NewDecoder(res.Body).Decode(&answer)
	code := ""
	if len(answer.Errors) > 0 {
		code = answer.Errors[0].Extensions.Code
	}
	return res.StatusCode, code
}

// TestOIDCLocalSignInSetting: an ADMIN signed in through the provider turns sign-in with a
// password off and on again, each change in the audit log; an ADMIN signed in with a password may
// not turn it off (nobody would be known to get in without one), nor may anyone but an ADMIN;
// LOCAL_SIGN_IN=on, the break-glass, overrides the setting.
func TestOIDCLocalSignInSetting(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		oa := newOIDCApp(t, dialect, nil)
		ctx := context.Background()
		db := oa.rawDB(t)
		_, password := oa.acctUser(t, "local.lou", auth.Analyst)
		login := func() error {
			_, err := oa.Accounts.Login(ctx, accounts.LoginRequest{Username: "local.lou", Password: password, ClientAddr: "192.0.2.7"})
			return err
		}

		localAdmin := oidctest.NewBrowser(t)
		u, _ := url.Parse(oa.Server.URL)
		localAdmin.Jar.SetCookies(u, []*http.Cookie{{Name: auth.SessionCookieName, Value: oa.session(t, auth.Admin).secret}})
		if status, code := oa.setLocalSignIn(t, localAdmin, false); status != http.StatusBadRequest || code != "INVALID" {
			t.Errorf("a local ADMIN turned passwords off: %d %s", status, code)
		}
		anna := oidctest.NewBrowser(t)
		callback(t, anna, oa.startSignIn(t, anna, "anna"))
		if status, _ := oa.setLocalSignIn(t, anna, false); status != http.StatusForbidden {
			t.Errorf("an ANALYST turned passwords off: %d", status)
		}
		if status, _ := oa.setLocalSignIn(t, oidctest.NewBrowser(t), false); status != http.StatusForbidden {
			t.Errorf("anonymous turned passwords off: %d", status)
		}

		oa.provider.SetGroups(t, "aude", "console-admins")
		aude := oidctest.NewBrowser(t)
		callback(t, aude, oa.startSignIn(t, aude, "aude"))
		mark := acctAuditMark(t, db)
		if status, code := oa.setLocalSignIn(t, aude, false); status != http.StatusOK {
			t.Fatalf("the provider's ADMIN could not turn passwords off: %d %s", status, code)
		}
		e := acctOneEvent(t, db, mark, "setting.local_sign_in", "DONE")
		if !strings.Contains(e.After.String, `"off"`) || !strings.Contains(e.Before.String, `"on"`) {
			t.Errorf("audit event before %s after %s", e.Before.String, e.After.String)
		}
		if err := login(); !errors.Is(err, accounts.ErrLocalSignInOff) {
			t.Errorf("password sign-in with passwords off: %v", err)
		}
		if status, _ := oa.setLocalSignIn(t, aude, true); status != http.StatusOK {
			t.Fatalf("could not turn passwords on: %d", status)
		}
		if err := login(); err != nil {
			t.Errorf("password sign-in with passwords on again: %v", err)
		}

		// LOCAL_SIGN_IN=on beats a setting left off.
		if status, _ := oa.setLocalSignIn(t, aude, false); status != http.StatusOK {
			t.Fatalf("could not turn passwords off: %d", status)
		}
		glass := accounts.NewService(oa.Store, oa.Auth, accounts.Options{LocalSignIn: accounts.LocalSignInOn})
		if on, err := glass.LocalSignIn(ctx); err != nil || !on {
			t.Errorf("LOCAL_SIGN_IN=on: local sign-in %v, %v", on, err)
		}
	})
}
