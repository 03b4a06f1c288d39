package auth

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestSessionSecret(t *testing.T) {
	a, b := NewSessionSecret(), NewSessionSecret()
	if a == b || len(a) != 43 || !ValidSessionSecret(a) {
		t.Fatalf("secrets %q, %q", a, b)
	}
	for _, s := range []string{"", "short", a + "A", a[:42] + "!", strings.Repeat("=", 43)} {
		if ValidSessionSecret(s) {
			t.Errorf("ValidSessionSecret(%q) = true", s)
		}
	}
	if h := HashSessionSecret(a); len(h) != 64 || h == a || h != HashSessionSecret(a) {
		t.Errorf("HashSessionSecret = %q", h)
	}
}

func TestSessionCookie(t *testing.T) {
	c := SessionCookie("secret", 12*time.Hour).String()
	want := "__Host-riskconsole_session=secret; Path=/; Max-Age=43200; HttpOnly; Secure; SameSite=Strict"
	if c != want {
		t.Errorf("cookie %q\nwant   %q", c, want)
	}
	c = ClearedSessionCookie().String()
	want = "__Host-riskconsole_session=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict"
	if c != want {
		t.Errorf("cleared cookie %q\nwant           %q", c, want)
	}
}

func TestSameOrigin(t *testing.T) {
	for _, tc := range []struct {
		name    string
		method  string
		host    string
		tls     bool
		headers map[string]string
		want    bool
	}{
		{"same origin", http.MethodPost, "console.example:8080", false, map[string]string{"Origin": "http://console.example:8080"}, true},
		{"host case", http.MethodPost, "Console.Example", false, map[string]string{"Origin": "http://console.example"}, true},
		{"default port", http.MethodPost, "console.example:80", false, map[string]string{"Origin": "http://console.example"}, true},
		{"https", http.MethodPost, "console.example", true, map[string]string{"Origin": "https://console.example"}, true},
		{"https default port", http.MethodPost, "console.example", true, map[string]string{"Origin": "https://console.example:443"}, true},
		{"TLS proxy", http.MethodPost, "console.example", false, map[string]string{"Origin": "https://console.example", "X-Forwarded-Proto": "https"}, true},
		{"http origin over TLS", http.MethodPost, "console.example", true, map[string]string{"Origin": "http://console.example"}, false},
		{"https origin over http", http.MethodPost, "console.example", false, map[string]string{"Origin": "https://console.example"}, false},
		{"other host", http.MethodPost, "console.example", false, map[string]string{"Origin": "http://evil.example"}, false},
		{"sub-domain", http.MethodPost, "console.example", false, map[string]string{"Origin": "http://a.console.example"}, false},
		{"other port", http.MethodPost, "console.example:8080", false, map[string]string{"Origin": "http://console.example:8081"}, false},
		{"null", http.MethodPost, "console.example", false, map[string]string{"Origin": "null"}, false},
		{"path", http.MethodPost, "console.example", false, map[string]string{"Origin": "http://console.example/"}, false},
		{"user info", http.MethodPost, "console.example", false, map[string]string{"Origin": "http://u@console.example"}, false},
		{"no origin", http.MethodPost, "console.example", false, nil, false},
		{"GET without origin", http.MethodGet, "console.example", false, nil, true},
		{"GET same-origin fetch", http.MethodGet, "console.example", false, map[string]string{"Sec-Fetch-Site": "same-origin"}, true},
		{"GET cross-site fetch", http.MethodGet, "console.example", false, map[string]string{"Sec-Fetch-Site": "cross-site"}, false},
		{"GET same-site fetch", http.MethodGet, "console.example", false, map[string]string{"Sec-Fetch-Site": "same-site"}, false},
		{"GET with a foreign origin", http.MethodGet, "console.example", false, map[string]string{"Origin": "http://evil.example"}, false},
	} {
		r := httptest.NewRequest(tc.method, "http://"+tc.host+"/graphql", nil)
		r.Host = tc.host
		if tc.tls {
			r.TLS = &tls.ConnectionState{}
		}
		for k, v := range tc.headers {
			r.Header.Set(k, v)
		}
		if got := SameOrigin(r); got != tc.want {
			t.Errorf("%s: SameOrigin = %v, want %v", tc.name, got, tc.want)
		}
	}
}
