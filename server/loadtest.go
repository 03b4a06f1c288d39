package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"riskconsole/internal/app"
	"riskconsole/internal/loadtest"
)

const loadtestUsage = `usage:
  server loadtest -url http://127.0.0.1:8080 -token <SERVICE token> -read-token <AUDITOR token> -ledger F [flags]
  server loadtest -url http://127.0.0.1:8080 -tokens data/demo-tokens.json -ledger F [flags]
  server loadtest verify -ledger F [-json] [-database-url URL | -data-dir DIR]
flags:`

// loadtestCmd runs `server loadtest ...`: a load run against a server on this machine, or the
// verification of a run's ledger against the database.
func loadtestCmd(ctx context.Context, args []string) error {
	if len(args) > 0 && args[0] == "verify" {
		return loadtestVerify(ctx, args[1:])
	}
	var (
		cfg         loadtest.Config
		mix, tokens string
		asJSON      bool
	)
	fs := flag.NewFlagSet("server loadtest", flag.ContinueOnError)
	fs.Usage = func() { fmt.Fprintln(fs.Output(), loadtestUsage); fs.PrintDefaults() }
	fs.StringVar(&cfg.URL, "url", "http://127.0.0.1:8080", "the server's base URL; loopback only")
	fs.StringVar(&cfg.ServiceToken, "token", "", "API token with role SERVICE, for assessPurchase")
	fs.StringVar(&cfg.ReadToken, "read-token", "", "API token with role AUDITOR (the only reading role a token may carry), for decisions, declineRates, declineRatesWide and simulate")
	fs.StringVar(&cfg.AuditToken, "audit-token", "", "API token with role AUDITOR, for the heavy readers")
	fs.StringVar(&tokens, "tokens", "", "take the SERVICE and AUDITOR tokens from this file (the embedded demo's data/demo-tokens.json, or the file server seed names for PostgreSQL)")
	fs.IntVar(&cfg.HeavyReaders, "heavy", 0, "clients besides -c running heavy operations (chain verification, export, simulate, sensitivity, decline rates from the decisions) for the whole run")
	fs.IntVar(&cfg.Flood, "flood", 0, "clients besides -c sending, without credentials, requests of ten refused root fields for the whole run")
	fs.IntVar(&cfg.FloodRate, "flood-rate", 0, "cap the flood at this many requests per second (0: as fast as the server answers)")
	fs.StringVar(&mix, "mix", "assess=90,decisions=5,declineRates=3,simulate=2", "operations and their weights")
	fs.IntVar(&cfg.Concurrency, "c", 32, "concurrent clients")
	fs.DurationVar(&cfg.Duration, "duration", defaultLoadDuration, "how long to run (at most 1h)")
	fs.IntVar(&cfg.Count, "n", 0, "stop after this many operations (0: run for -duration)")
	fs.Float64Var(&cfg.Replay, "replay", 0.01, "share of acknowledged assessments sent again with the same idempotency key (must return the same decision)")
	fs.StringVar(&cfg.Ledger, "ledger", "", "file to write every acknowledged assessment to (must not exist)")
	fs.Int64Var(&cfg.Seed, "seed", 1, "seed of the purchases and the operation mix")
	fs.StringVar(&cfg.Target, "target", loadtest.TargetConsole, "the server driven: console, or postgraphile (scripts/postgraphile/server.mjs: assess and decisions only, no tokens)")
	fs.BoolVar(&asJSON, "json", false, "print the report as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var err error
	if cfg.Mix, err = loadtest.ParseMix(mix); err != nil {
		return err
	}
	if tokens != "" {
		if err := cfg.UseTokens(tokens); err != nil {
			return err
		}
	}
	rep, err := loadtest.Run(ctx, cfg, nil)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return rep.WriteText(os.Stdout)
}

// defaultLoadDuration is a run's length unless -duration says otherwise.
const defaultLoadDuration = 10 * time.Second

// loadtestVerify checks a ledger against the database named by the server's own flags.
func loadtestVerify(ctx context.Context, args []string) error {
	var ledger string
	asJSON := false
	for len(args) > 0 && (args[0] == "-ledger" || args[0] == "-json") {
		if args[0] == "-json" {
			asJSON, args = true, args[1:]
			continue
		}
		if len(args) < 2 {
			return errors.New("loadtest verify: -ledger needs a file")
		}
		ledger, args = args[1], args[2:]
	}
	if ledger == "" {
		return errors.New(loadtestUsage)
	}
	cfg, err := app.ParseConfig("server loadtest verify", args, os.Getenv)
	if err != nil {
		return err
	}
	setupLogging(cfg)
	entries, err := loadtest.ReadLedger(ledger)
	if err != nil {
		return err
	}
	st, err := app.OpenStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	v, err := loadtest.Verify(ctx, st, entries)
	if err != nil {
		return err
	}
	if asJSON {
		if err := json.NewEncoder(os.Stdout).Encode(v); err != nil {
			return err
		}
	} else {
		fmt.Printf("ledger %s: %d acknowledged, %d stored exactly once as acknowledged\n", ledger, v.Entries, v.Stored)
		for _, p := range v.Problems {
			fmt.Println("  " + p)
		}
	}
	if !v.OK() {
		return fmt.Errorf("ledger verification failed: %d problems", v.ProblemCount)
	}
	return nil
}
