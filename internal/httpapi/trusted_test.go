package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"riskconsole/ui"
)

// TestTrustedDocumentsManifest: the embedded manifest is well formed and holds the UI's
// operations; a manifest whose key is not its document's hash is refused.
func TestTrustedDocumentsManifest(t *testing.T) {
	docs, err := parseTrustedDocuments(ui.TrustedDocuments())
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 5 {
		t.Errorf("%d documents in the embedded manifest, want the UI's operations", len(docs))
	}
	if docs, err := parseTrustedDocuments(nil); err != nil || len(docs) != 0 {
		t.Errorf("empty manifest: %v, %v", docs, err)
	}
	bad := []string{
		`{"sha256:` + strings.Repeat("0", 64) + `": "query X { viewer { name } }"}`,
		`{"md5:abc": "query X { viewer { name } }"}`,
		`["not", "a", "map"]`,
	}
	for _, m := range bad {
		if _, err := parseTrustedDocuments([]byte(m)); err == nil {
			t.Errorf("accepted %s", m)
		}
	}
}

// TestAPQCacheBound: registering one document more than the APQ cache holds drops the least
// recently used, so a flood of new documents cannot grow the cache.
func TestAPQCacheBound(t *testing.T) {
	td := newTrustedDocuments(nil, TrustedDocumentsOff)
	ctx := context.Background()
	register := func(q string) *gqlerror.Error {
		p := &graphql.RawParams{Query: q, Headers: http.Header{},
			Extensions: map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": sha256Hex(q)}}}
		return td.MutateOperationParameters(ctx, p)
	}
	doc := func(i int) string { return fmt.Sprintf("query Q%d { viewer { name } }", i) }
	for i := range apqCacheEntries + 1 {
		if err := register(doc(i)); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok := td.apq.Get(ctx, sha256Hex(doc(0))); ok {
		t.Error("the least recently used document is still kept")
	}
	kept := 0
	for i := range apqCacheEntries + 1 {
		if _, ok := td.apq.Get(ctx, sha256Hex(doc(i))); ok {
			kept++
		}
	}
	if kept != apqCacheEntries {
		t.Errorf("%d documents kept, want %d", kept, apqCacheEntries)
	}
}
