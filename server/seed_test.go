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
	// The two-role set-up of the README: the owner migrates, the app role seeds.
	pg := testdb.NewDatabaseWithRoles(t, testdb.NewServer(t).URL())
	t.Setenv("AUDIT_KEY", "riskconsole seed test audit key, 32 bytes and more")
	if err := run([]string{"seed", "-n", "10", "-database-url", pg.App, "-migration-database-url", pg.Owner, "-data-dir", dir}); err != nil {
		t.Fatalf("server seed (PostgreSQL): %v", err)
	}
	if after, err := os.ReadFile(demo.TokenFile(dir)); err != nil || !bytes.Equal(after, embedded) {
		t.Errorf("seeding PostgreSQL changed the embedded demo's %s (err %v)", demo.TokenFile(dir), err)
	}
	file := demo.TokenFileFor(dir, pg.App)
	if file == demo.TokenFile(dir) {
		t.Fatalf("PostgreSQL's tokens go to the embedded demo's file %s", file)
	}
	tokens, err := demo.ReadTokens(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(tokens) != len(auth.TokenRoles) {
		t.Errorf("%s holds %d tokens, want one per role a token may carry", file, len(tokens))
	}
	for _, tok := range tokens {
		if bytes.Contains(embedded, []byte(tok.Secret)) {
			t.Errorf("%s token of PostgreSQL is the embedded demo's", tok.Role)
		}
	}
}
