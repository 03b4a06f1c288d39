package app

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"riskconsole/internal/audit"
)

// loadAuditKey returns the key of the audit chain and the decisions' seals: AUDIT_KEY, or the
// content of AUDIT_KEY_FILE (surrounding white space trimmed). The embedded demo without either
// keeps a generated key in DataDir/audit.key (mode 0600): beside the database it protects only
// against someone who can change the database but not read that directory, so a real deployment
// names its own. On PostgreSQL one of the two is required.
func loadAuditKey(cfg Config) (*audit.Key, error) {
	switch {
	case cfg.AuditKey != "":
		return audit.NewKey([]byte(cfg.AuditKey))
	case cfg.AuditKeyFile != "":
		return readKeyFile(cfg.AuditKeyFile)
	case cfg.Embedded():
		return demoAuditKey(cfg.DemoAuditKeyPath())
	}
	return nil, errors.New("AUDIT_KEY or AUDIT_KEY_FILE is required with DATABASE_URL: the audit chain is keyed with a secret " +
		"the database does not hold (e.g. AUDIT_KEY=$(openssl rand -hex 32); see the README)")
}

func readKeyFile(path string) (*audit.Key, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("audit key file: %w", err)
	}
	k, err := audit.NewKey(bytes.TrimSpace(b))
	if err != nil {
		return nil, fmt.Errorf("audit key file %s: %w", path, err)
	}
	return k, nil
}

// demoAuditKey reads the demo's key file, creating it with 32 random bytes (hex) the first time.
func demoAuditKey(path string) (*audit.Key, error) {
	k, err := readKeyFile(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return k, err
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create the demo audit key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("create the demo audit key: %w", err)
	}
	_, err = f.WriteString(hex.EncodeToString(secret) + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("write the demo audit key: %w", err)
	}
	return readKeyFile(path)
}
