package testdb

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fakeBin(t *testing.T, dir string, names ...string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFindBinDir(t *testing.T) {
	root := filepath.Join(t.TempDir(), "postgresql")
	fakeBin(t, filepath.Join(root, "9.6", "bin"), "initdb", "pg_ctl")
	fakeBin(t, filepath.Join(root, "10", "bin"), "initdb", "pg_ctl")
	fakeBin(t, filepath.Join(root, "17", "bin"), "initdb") // incomplete: no pg_ctl
	fakeBin(t, filepath.Join(root, "dev", "bin"), "initdb", "pg_ctl")

	got, err := findBinDir("", root)
	if err != nil || got != filepath.Join(root, "10", "bin") {
		t.Errorf("newest complete version: got %q, %v; want .../10/bin", got, err)
	}

	onPath := filepath.Join(t.TempDir(), "bin")
	fakeBin(t, onPath, "initdb", "pg_ctl")
	empty := t.TempDir()
	got, err = findBinDir(empty+string(os.PathListSeparator)+onPath, root)
	if err != nil || got != onPath {
		t.Errorf("PATH first: got %q, %v; want %q", got, err, onPath)
	}

	_, err = findBinDir(empty, filepath.Join(t.TempDir(), "none"))
	if err == nil || !strings.Contains(err.Error(), "ensure-deps.sh") {
		t.Errorf("no binaries: err = %v, want a hint at scripts/ensure-deps.sh", err)
	}
}

func TestWithDatabase(t *testing.T) {
	for _, tc := range []struct{ base, want string }{
		{"postgres://riskconsole_test@127.0.0.1:5555/postgres?sslmode=disable", "postgres://riskconsole_test@127.0.0.1:5555/t_1?sslmode=disable"},
		{"postgresql://u:p%40ss@db.example:5432?sslmode=require", "postgresql://u:p%40ss@db.example:5432/t_1?sslmode=require"},
	} {
		got, err := withDatabase(tc.base, "t_1")
		if err != nil || got != tc.want {
			t.Errorf("withDatabase(%q) = %q, %v; want %q", tc.base, got, err, tc.want)
		}
	}
	for _, bad := range []string{"host=localhost dbname=x", "mysql://x@y/z", "postgres:///db"} {
		if _, err := withDatabase(bad, "t_1"); err == nil {
			t.Errorf("withDatabase(%q) accepted", bad)
		}
	}
	if got := redact("postgres://u:secret@h/db"); strings.Contains(got, "secret") {
		t.Errorf("redact leaked the password: %q", got)
	}
}
