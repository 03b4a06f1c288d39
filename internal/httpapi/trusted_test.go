package httpapi

import (
	"strings"
	"testing"

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
