// Package oidctest starts a real OpenID Connect provider for tests: node-oidc-provider, from
// scripts/oidc-provider (its npm packages installed with `npm ci` on first use), on a free
// loopback port. Tests that need it fail, never skip, when it cannot start.
package oidctest

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The provider's static clients, users and password (scripts/oidc-provider/server.mjs).
const (
	ClientID      = "riskconsole"
	OtherClientID = "other-app"
	ClientSecret  = "riskconsole-test-secret-0123456789"
	Password      = "Correct-Horse-9"
)

// Provider is a running test provider.
type Provider struct {
	// Issuer is its issuer URL, http://127.0.0.1:<port>.
	Issuer string
}

// Dir is the provider's directory, scripts/oidc-provider.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "scripts", "oidc-provider")
}

// Start installs the provider's packages when missing, starts it with redirectURIs registered for
// its clients, and stops it when the test ends.
func Start(tb testing.TB, redirectURIs ...string) *Provider {
	tb.Helper()
	dir := Dir()
	install(tb, dir)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, "node", "server.mjs")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "OIDC_TEST_REDIRECT_URIS="+strings.Join(redirectURIs, ","))
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 5 * time.Second
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		cancel()
		tb.Fatalf("start the test OpenID provider (node): %v", err)
	}
	tb.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
	})
	issuer := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if url, ok := strings.CutPrefix(sc.Text(), "issuer "); ok {
				issuer <- url
			}
		}
		close(issuer)
	}()
	select {
	case url, ok := <-issuer:
		if !ok {
			tb.Fatal("the test OpenID provider exited before it was ready")
		}
		return &Provider{Issuer: url}
	case <-time.After(60 * time.Second):
		tb.Fatal("the test OpenID provider was not ready within 60 s")
	}
	return nil
}

// install runs `npm ci` in dir when its packages are missing, holding a lock file so that test
// binaries of several packages, which go test runs at once, do not install over each other.
func install(tb testing.TB, dir string) {
	tb.Helper()
	lock, err := os.OpenFile(filepath.Join(dir, ".install.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		tb.Fatal(err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		tb.Fatal(err)
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN) //nolint:errcheck // closing unlocks too
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "oidc-provider")); err == nil {
		return
	}
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("install the test OpenID provider (npm ci in %s): %v\n%s", dir, err, out)
	}
}

// SetGroups replaces user's groups at the provider, as the company's directory administrator
// would.
func (p *Provider) SetGroups(tb testing.TB, user string, groups ...string) {
	tb.Helper()
	res, err := http.PostForm(p.Issuer+"/test/groups", url.Values{"user": {user}, "groups": {strings.Join(groups, ",")}})
	if err != nil {
		tb.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNoContent {
		tb.Fatalf("set %s's groups: %s", user, res.Status)
	}
}

// NewBrowser returns an HTTP client with a cookie jar that follows no redirect, as Browse
// follows them itself.
func NewBrowser(tb testing.TB) *http.Client {
	tb.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		tb.Fatal(err)
	}
	return &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// loginForm finds the provider's login form: its action.
var loginForm = regexp.MustCompile(`<form method="post" action="(/interaction/[^"]+/login)"`)

// Browse follows redirects from start as a browser would, signing in at the provider's login
// page as user with password, and returns the URL the provider sends the browser back to (whose
// path is callbackPath) without requesting it.
func Browse(tb testing.TB, client *http.Client, start, user, password, callbackPath string) *url.URL {
	tb.Helper()
	next, err := url.Parse(start)
	if err != nil {
		tb.Fatal(err)
	}
	var form url.Values
	for range 20 {
		var res *http.Response
		if form != nil {
			res, err = client.PostForm(next.String(), form)
			form = nil
		} else {
			res, err = client.Get(next.String())
		}
		if err != nil {
			tb.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		switch {
		case res.StatusCode >= 300 && res.StatusCode < 400:
			loc, err := res.Location()
			if err != nil {
				tb.Fatal(err)
			}
			if loc.Path == callbackPath {
				return loc
			}
			next = loc
		case res.StatusCode == http.StatusOK && loginForm.Match(body):
			if strings.Contains(string(body), "Invalid username or password") {
				tb.Fatalf("the provider refused %s's password", user)
			}
			action := loginForm.FindSubmatch(body)[1]
			next = next.ResolveReference(&url.URL{Path: string(action)})
			form = url.Values{"login": {user}, "password": {password}}
		default:
			tb.Fatalf("GET %s: %s\n%s", next, res.Status, body)
		}
	}
	tb.Fatalf("no way back to %s after 20 redirects", callbackPath)
	return nil
}
