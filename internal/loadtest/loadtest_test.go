package loadtest

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestLoopbackURL(t *testing.T) {
	for _, ok := range []string{"http://127.0.0.1:8080", "http://localhost:8080/", "https://[::1]:8443", "http://127.9.9.9"} {
		if _, err := LoopbackURL(ok); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	for _, bad := range []string{"http://10.0.0.1:8080", "http://example.com", "http://localhost.example.com", "ftp://127.0.0.1",
		"http://127.0.0.1:8080/graphql", "http://user@127.0.0.1", "127.0.0.1:8080", "http://0.0.0.0:8080", "http://[::ffff:10.0.0.1]"} {
		if _, err := LoopbackURL(bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

// TestRunRefusesBeforeSending checks that a bad configuration names every problem and that a
// non-loopback target is refused without a connection (the address is not routable anyway).
func TestRunRefusesBeforeSending(t *testing.T) {
	_, err := Run(context.Background(), Config{URL: "http://192.0.2.1:8080", Mix: map[string]int{OpAssess: 1, OpSimulate: 1},
		Concurrency: 0, Duration: 2 * time.Hour, Count: -1, Replay: 2}, nil)
	if err == nil {
		t.Fatal("accepted")
	}
	for _, want := range []string{"not a loopback address", "SERVICE token", "ledger file", "read-token", "concurrency", "duration", "count", "replay"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
}

func TestParseMix(t *testing.T) {
	mix, err := ParseMix("assess=90, decisions=5,declineRates=3,simulate=0")
	if err != nil || mix[OpAssess] != 90 || mix[OpDecisions] != 5 || mix[OpDeclineRates] != 3 || mix[OpSimulate] != 0 {
		t.Fatalf("%v %v", mix, err)
	}
	for _, bad := range []string{"assess", "assess=-1", "assess=x", "nuke=1", "assess=1,assess=2", "assessReplay=1"} {
		if _, err := ParseMix(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestHistogramQuantiles compares the histogram's quantiles with exact ones over a spread of
// latencies from microseconds to seconds: within the 1/64 relative width of a bucket.
func TestHistogramQuantiles(t *testing.T) {
	var h histogram
	r := rand.New(rand.NewPCG(1, 2))
	var all []time.Duration
	for range 100_000 {
		d := time.Duration(math.Exp(r.NormFloat64()*2 + math.Log(2e6))) // log-normal around 2 ms
		h.add(d)
		all = append(all, d.Truncate(time.Microsecond))
	}
	slices.Sort(all)
	for _, q := range []float64{.5, .9, .99, 1} {
		exact := float64(all[int(math.Ceil(q*float64(len(all))))-1].Microseconds()) / 1000
		if got := h.quantile(q); math.Abs(got-exact) > exact/64+0.001 {
			t.Errorf("q%.2f = %.4f ms, exact %.4f ms", q, got, exact)
		}
	}
	if h.maxMs() != float64(all[len(all)-1].Microseconds())/1000 {
		t.Errorf("max = %v, want %v", h.maxMs(), all[len(all)-1])
	}
	for v := uint64(0); v < 1<<20; v += 7 {
		i := bucketOf(v)
		if mid := bucketMid(i); math.Abs(mid-float64(v)) > float64(v)/64+0.5 {
			t.Fatalf("bucket %d of %d has middle %v", i, v, mid)
		}
	}
}

// TestTargetValidation checks the PostGraphile target's rules: it needs neither tokens nor a
// ledger, defines only assess and decisions, and has no replays, heavy readers or flood; an
// unknown target is refused; the console's own target still needs its tokens and ledger.
func TestTargetValidation(t *testing.T) {
	base := Config{URL: "http://127.0.0.1:1", Concurrency: 1, Duration: time.Second}
	pgl := base
	pgl.Target, pgl.Mix = TargetPostGraphile, map[string]int{OpAssess: 1, OpDecisions: 1}
	if _, err := pgl.validate(); err != nil {
		t.Fatalf("PostGraphile's assess and decisions refused: %v", err)
	}
	for name, change := range map[string]func(c *Config){
		"simulate":       func(c *Config) { c.Mix = map[string]int{OpSimulate: 1} },
		"declineRates":   func(c *Config) { c.Mix = map[string]int{OpAssess: 1, OpDeclineRates: 1} },
		"replay":         func(c *Config) { c.Replay = 0.5 },
		"heavy":          func(c *Config) { c.HeavyReaders, c.AuditToken = 1, "x" },
		"flood":          func(c *Config) { c.Flood = 1 },
		"unknown target": func(c *Config) { c.Target = "hasura" },
	} {
		c := pgl
		change(&c)
		if _, err := c.validate(); err == nil || !strings.Contains(err.Error(), "target") {
			t.Errorf("%s: want a target error, got %v", name, err)
		}
	}
	console := pgl
	console.Target = TargetConsole
	_, err := console.validate()
	for _, want := range []string{"SERVICE token", "ledger file", "read-token"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("console without tokens: error lacks %q: %v", want, err)
		}
	}
}
