package main

import (
	"bytes"
	"os"
	"testing"

	"riskconsole/internal/auth"
	"riskconsole/internal/demo"
	"riskconsole/internal/testdb"
)

// TestSeedTokensPerDatabase: `server seed` with DATABASE_URL writes that database's demo tokens
// to a file of its own and leaves the embedded demo's data/demo-tokens.json, in the same data
// directory, as it was.
func TestSeedTokensPerDatabase(t *testing.T) {
	dir := t.TempDir()
	if err := run([]string{"seed", "-n", "0", "-data-dir", dir}); err != nil {
		t.Fatalf("server seed (SQLite): %v", err)
	}
	embedded, err := os.ReadFile(demo.TokenFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	pg := testdb.NewServer(t)
	if err := run([]string{"seed", "-n", "10", "-database-url", pg.URL(), "-data-dir", dir}); err != nil {
		t.Fatalf("server seed (PostgreSQL): %v", err)
	}
	if after, err := os.ReadFile(demo.TokenFile(dir)); err != nil || !bytes.Equal(after, embedded) {
		t.Errorf("seeding PostgreSQL changed the embedded demo's %s (err %v)", demo.TokenFile(dir), err)
	}
	file := demo.TokenFileFor(dir, pg.URL())
	if file == demo.TokenFile(dir) {
		t.Fatalf("PostgreSQL's tokens go to the embedded demo's file %s", file)
	}
	tokens, err := demo.ReadTokens(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(tokens) != len(auth.AllRoles) {
		t.Errorf("%s holds %d tokens, want one per role", file, len(tokens))
	}
	for _, tok := range tokens {
		if bytes.Contains(embedded, []byte(tok.Secret)) {
			t.Errorf("%s token of PostgreSQL is the embedded demo's", tok.Role)
		}
	}
}
