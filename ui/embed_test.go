//go:build !no_ui

package ui

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

// browserAccept is what Chromium sends when it loads a page.
const browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

// TestSPAHandler: files are served as they are, app routes get index.html, and missing files,
// directories and non-GET requests to app routes are plain 404s.
func TestSPAHandler(t *testing.T) {
	files := fstest.MapFS{
		"index.html":          {Data: []byte("<!doctype html><title>app</title>")},
		"favicon.svg":         {Data: []byte("<svg/>")},
		"assets/index-ab1.js": {Data: []byte("console.log(1)")},
	}
	h := spaHandler(files)
	cases := []struct {
		name, method, path string
		status             int
		body, cache        string
	}{
		{"the root", http.MethodGet, "/", http.StatusOK, "<title>app</title>", "no-cache"},
		{"a deep link", http.MethodGet, "/decisions/123", http.StatusOK, "<title>app</title>", "no-cache"},
		{"a deep link with a query", http.MethodGet, "/decisions?market=SE", http.StatusOK, "<title>app</title>", "no-cache"},
		{"HEAD of a deep link", http.MethodHead, "/audit", http.StatusOK, "", "no-cache"},
		{"an asset", http.MethodGet, "/assets/index-ab1.js", http.StatusOK, "console.log(1)", "public, max-age=31536000, immutable"},
		{"a public file", http.MethodGet, "/favicon.svg", http.StatusOK, "<svg/>", ""},
		{"a missing asset", http.MethodGet, "/assets/index-old.js", http.StatusNotFound, "", ""},
		{"a missing file", http.MethodGet, "/robots.txt", http.StatusNotFound, "", ""},
		{"a directory", http.MethodGet, "/assets/", http.StatusNotFound, "", ""},
		{"a POST to a route", http.MethodPost, "/decisions", http.StatusNotFound, "", ""},
		{"a deep link by an API client", http.MethodGet, "/graphiql", http.StatusNotFound, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(c.method, c.path, nil)
			if c.name != "a deep link by an API client" {
				req.Header.Set("Accept", browserAccept)
			}
			h.ServeHTTP(rec, req)
			body, _ := io.ReadAll(rec.Body)
			if rec.Code != c.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, c.status, body)
			}
			if c.body != "" && !strings.Contains(string(body), c.body) {
				t.Errorf("body %q, want %q", body, c.body)
			}
			if got := rec.Header().Get("Cache-Control"); got != c.cache {
				t.Errorf("Cache-Control %q, want %q", got, c.cache)
			}
		})
	}
}

// TestEmbedded: the committed build is embedded: index.html loads the bundle, and the
// persisted-documents manifest is there.
func TestEmbedded(t *testing.T) {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/decisions/1", nil)
	req.Header.Set("Accept", browserAccept)
	Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `<script type="module" crossorigin src="/assets/`) {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if !strings.HasPrefix(string(TrustedDocuments()), "{") {
		t.Errorf("manifest %q", TrustedDocuments())
	}
}
