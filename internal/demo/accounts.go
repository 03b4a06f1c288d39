package demo

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"riskconsole/internal/accounts"
	"riskconsole/internal/auth"
	"riskconsole/internal/store"
)

// DemoAccount is a demo staff account with its password, kept in the accounts file of the
// embedded demo so that every start can print how to sign in.
type DemoAccount struct {
	Username string      `json:"username"`
	Roles    []auth.Role `json:"roles"`
	Password string      `json:"password"`
}

// AccountsFile is where the embedded demo keeps its accounts' passwords, next to its tokens.
func AccountsFile(dataDir string) string { return filepath.Join(dataDir, "demo-accounts.json") }

// demoAccounts are one account per role that signs in to the console (SERVICE is for checkout's
// API token only), and a second analyst, approver and reviewer so that maker-checker can be
// tried: one submits, the other approves (a reviewer's overturn above the market's amount needs
// a second reviewer).
var demoAccounts = []struct {
	username, displayName string
	role                  auth.Role
}{
	{"admin", "Administrator", auth.Admin},
	{"analyst.anna", "Anna Lindqvist", auth.Analyst},
	{"approver.ali", "Ali Hassan", auth.Approver},
	{"auditor.aude", "Aude Martin", auth.Auditor},
	{"agent.agnes", "Agnes Berg", auth.Agent},
	{"analyst.bruno", "Bruno Keller", auth.Analyst},
	{"approver.bea", "Beatrice Dubois", auth.Approver},
	{"reviewer.rita", "Rita Svensson", auth.Reviewer},
	{"reviewer.ravi", "Ravi Schneider", auth.Reviewer},
}

// EnsureAccounts creates the demo accounts with random passwords when the database has no
// account yet, and writes them to path (mode 0600). A database with accounts is left alone.
func EnsureAccounts(ctx context.Context, st *store.Store, path string) error {
	has, err := st.HasUsers(ctx)
	if err != nil || has {
		return err
	}
	out := make([]DemoAccount, len(demoAccounts))
	for i, a := range demoAccounts {
		out[i] = DemoAccount{Username: a.username, Roles: []auth.Role{a.role}, Password: accounts.NewPassword()}
	}
	// The file is written first: an account whose password nobody was told would be of no use.
	b, _ := json.MarshalIndent(out, "", "  ") // plain strings always marshal
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		return err
	}
	svc := accounts.NewService(st, nil, accounts.Options{})
	ctx = auth.WithPrincipal(ctx, auth.SystemPrincipal("demo"))
	for i, a := range demoAccounts {
		_, err := svc.CreateUser(ctx, accounts.NewUser{Username: a.username, DisplayName: a.displayName,
			Password: out[i].Password, Roles: out[i].Roles})
		if err != nil {
			return fmt.Errorf("create demo account %s: %w", a.username, err)
		}
	}
	return nil
}

// ReadAccounts reads the demo accounts written by EnsureAccounts.
func ReadAccounts(path string) ([]DemoAccount, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []DemoAccount
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}
