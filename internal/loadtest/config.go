// Package loadtest drives a running console over HTTP with a mix of checkout assessments,
// explorer pages, analytics series and what-if simulations from many concurrent clients, for a
// bounded time and count, and reports throughput and latency quantiles per operation. Every
// acknowledged assessment is written to a ledger, which Verify checks against the database: each
// is stored exactly once, under its idempotency key, with the decision id and reference the
// server answered.
package loadtest

import (
	"cmp"
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"riskconsole/internal/auth"
	"riskconsole/internal/demo"
)

// Operations of the mix.
const (
	OpAssess       = "assess"       // assessPurchase as SERVICE, each with a new idempotency key
	OpReplay       = "assessReplay" // the same assessPurchase again, same key: must return the same decision
	OpDecisions    = "decisions"    // a page of 50 of the explorer, as a reader
	OpDeclineRates = "declineRates" // the daily decline-rate series of the last 30 days
	OpSimulate     = "simulate"     // a what-if simulation of the set in force over the last 90 days
	// OpDeclineRatesWide is the widest series question a reader may ask (issue 14): hourly over
	// the last two years, grouped by merchant, channel and reason, seriesLimit 1.
	OpDeclineRatesWide = "declineRatesWide"
)

// mixOps are the operations a mix may weight (replays follow assessments, see Config.Replay).
var mixOps = []string{OpAssess, OpDecisions, OpDeclineRates, OpSimulate, OpDeclineRatesWide}

// Bounds of a run: whatever the flags say, a run ends.
const (
	MaxDuration    = time.Hour
	MaxCount       = 50_000_000
	MaxConcurrency = 1024
)

// Config is one run.
type Config struct {
	// URL is the console's base URL, e.g. http://127.0.0.1:8080; only loopback hosts are accepted.
	URL string
	// ServiceToken is an API token with role SERVICE, for assessments.
	ServiceToken string
	// ReadToken is an API token with role AUDITOR, for the reading operations.
	ReadToken string
	// Mix weights the operations, e.g. {"assess": 90, "decisions": 5, ...}.
	Mix map[string]int
	// Concurrency is the number of clients, each sending one request at a time.
	Concurrency int
	// Duration bounds the run (required, at most MaxDuration); Count, when not 0, ends it after
	// that many operations (replays not counted).
	Duration time.Duration
	Count    int
	// Replay is the share (0 to 1) of acknowledged assessments sent again with the same key.
	Replay float64
	// Ledger is the file acknowledged assessments are appended to; required when the mix assesses.
	// An existing file is refused, so that one ledger is one run.
	Ledger string
	// Seed makes the purchases and the choice of operations reproducible.
	Seed int64
	// HeavyReaders are clients besides the Concurrency ones that run heavy operations one after
	// another for the whole run (heavy.go): chain verification, export, simulation, sensitivity
	// curve and decline rates answered from the decisions. They need AuditToken.
	HeavyReaders int
	// AuditToken is an API token with role AUDITOR, for the heavy readers.
	AuditToken string
	// Flood is the number of further clients sending, without credentials, requests of ten
	// root fields that are all refused (OpFlood), for the whole run.
	Flood int
	// FloodRate caps the flood's requests per second, all its clients together; 0 is as fast as
	// the server answers.
	FloodRate int
	// Target is the kind of server driven: TargetConsole ("" too) or TargetPostGraphile
	// (postgraphile.go), which needs no tokens and no ledger.
	Target string
}

// UseTokens takes the SERVICE and AUDITOR tokens from a demo token file (demo.ReadTokens) where
// c names none. AUDITOR is the only reading role a token may carry: it serves both the readers of
// the mix and the heavy readers.
func (c *Config) UseTokens(path string) error {
	list, err := demo.ReadTokens(path)
	if err != nil {
		return err
	}
	for _, t := range list {
		switch t.Role {
		case auth.Service:
			c.ServiceToken = cmp.Or(c.ServiceToken, t.Secret)
		case auth.Auditor:
			c.ReadToken = cmp.Or(c.ReadToken, t.Secret)
			c.AuditToken = cmp.Or(c.AuditToken, t.Secret)
		}
	}
	return nil
}

// ParseMix reads "assess=90,decisions=5,declineRates=3,simulate=2".
func ParseMix(s string) (map[string]int, error) {
	mix := map[string]int{}
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, w, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("mix: %q is not op=weight", part)
		}
		weight, err := strconv.Atoi(w)
		if err != nil || weight < 0 {
			return nil, fmt.Errorf("mix: weight of %s must be a whole number >= 0, got %q", name, w)
		}
		if !slices.Contains(mixOps, name) {
			return nil, fmt.Errorf("mix: unknown operation %q (want %s)", name, strings.Join(mixOps, ", "))
		}
		if _, dup := mix[name]; dup {
			return nil, fmt.Errorf("mix: %s given twice", name)
		}
		mix[name] = weight
	}
	return mix, nil
}

// validate checks c and returns the base URL; every problem is named.
func (c *Config) validate() (*url.URL, error) {
	var errs []error
	u, err := LoopbackURL(c.URL)
	if err != nil {
		errs = append(errs, err)
	}
	total := 0
	for _, w := range c.Mix {
		total += w
	}
	if total == 0 {
		errs = append(errs, errors.New("mix: give at least one operation a weight above 0"))
	}
	if err := c.validTarget(); err != nil {
		errs = append(errs, err)
	}
	if c.Mix[OpAssess] > 0 && !c.postGraphile() {
		if c.ServiceToken == "" {
			errs = append(errs, errors.New("token: assessments need a SERVICE token"))
		}
		if c.Ledger == "" {
			errs = append(errs, errors.New("ledger: assessments need a ledger file"))
		}
	}
	if (c.Mix[OpDecisions] > 0 || c.Mix[OpDeclineRates] > 0 || c.Mix[OpSimulate] > 0 || c.Mix[OpDeclineRatesWide] > 0) && c.ReadToken == "" && !c.postGraphile() {
		errs = append(errs, errors.New("read-token: decisions, declineRates, declineRatesWide and simulate need an AUDITOR token"))
	}
	if c.Concurrency < 1 || c.Concurrency > MaxConcurrency {
		errs = append(errs, fmt.Errorf("c: concurrency must be 1 to %d", MaxConcurrency))
	}
	if c.HeavyReaders < 0 || c.HeavyReaders > MaxConcurrency || c.Flood < 0 || c.Flood > MaxConcurrency {
		errs = append(errs, fmt.Errorf("heavy, flood: must be 0 to %d clients", MaxConcurrency))
	}
	if c.FloodRate < 0 || c.FloodRate > 1_000_000 {
		errs = append(errs, errors.New("flood-rate: must be 0 (no cap) to 1000000 requests per second"))
	}
	if c.HeavyReaders > 0 && c.AuditToken == "" {
		errs = append(errs, errors.New("audit-token: heavy readers need an AUDITOR token"))
	}
	if c.Duration <= 0 || c.Duration > MaxDuration {
		errs = append(errs, fmt.Errorf("duration: must be above 0 and at most %s", MaxDuration))
	}
	if c.Count < 0 || c.Count > MaxCount {
		errs = append(errs, fmt.Errorf("n: count must be 0 (until the duration ends) to %d", MaxCount))
	}
	if c.Replay < 0 || c.Replay > 1 {
		errs = append(errs, errors.New("replay: must be between 0 and 1"))
	}
	return u, errors.Join(errs...)
}

// LoopbackURL parses raw and refuses anything but http(s) to a loopback host (localhost or a
// loopback IP literal): the tool sends thousands of requests a second and must not be pointed
// at another machine.
func LoopbackURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("url: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("url: want http:// or https://, got %q", raw)
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); !(host == "localhost" || ip != nil && ip.IsLoopback()) {
		return nil, fmt.Errorf("url: %q is not a loopback address: the load tool only targets this machine (127.0.0.1, ::1, localhost)", host)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" || (u.Path != "" && u.Path != "/") {
		return nil, fmt.Errorf("url: give the server's base URL only, e.g. http://127.0.0.1:8080")
	}
	u.Path = ""
	return u, nil
}
