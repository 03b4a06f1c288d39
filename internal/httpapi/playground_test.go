package httpapi

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// TestPlaygroundCSP checks the policy playgroundCSP derives against the page it is served with:
// every inline script and style is allowed by its hash, and every file the page loads by its
// exact URL, pinned by its integrity.
func TestPlaygroundCSP(t *testing.T) {
	page := playgroundPage()
	csp := playgroundCSP(page)
	rec := httptest.NewRecorder()
	page.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/graphiql", nil))
	html := rec.Body.String()
	for _, re := range []*regexp.Regexp{inlineScript, inlineStyle} {
		ms := re.FindAllStringSubmatch(html, -1)
		if len(ms) == 0 {
			t.Errorf("the page has no %s", re)
		}
		for _, m := range ms {
			sum := sha256.Sum256([]byte(m[1]))
			if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, h) {
				t.Errorf("policy lacks %s for an inline block of the page", h)
			}
		}
	}
	for _, m := range regexp.MustCompile(`(?s)(?:src|href)="(https://[^"]+)"\s*integrity="sha256-`).FindAllStringSubmatch(html, -1) {
		if !strings.Contains(csp, m[1]) {
			t.Errorf("policy does not allow %s", m[1])
		}
	}
	if n := len(assetURL.FindAllString(html, -1)); n < 3 {
		t.Errorf("the page loads %d files, want GraphiQL, React and a stylesheet", n)
	}
}
