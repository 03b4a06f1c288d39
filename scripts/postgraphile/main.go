// Command postgraphile compares the console with PostGraphile 5 on the same PostgreSQL (issue 19,
// "Checkout writes"): alternated rounds of four phases, each a run of the load tool with the same
// clients and duration: console assess (assessPurchase), PostGraphile insert (a whole decision
// row, no engine, no idempotency), console explorer page, PostGraphile connection page. Per phase
// it prints the rate, p50 and p99, the CPU per operation of the server's processes and of
// PostgreSQL's (from /proc), and the load average; per round, the ratios console/PostGraphile.
// compare.sh starts the servers and runs it; see there.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"riskconsole/internal/loadtest"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "postgraphile compare:", err)
		os.Exit(1)
	}
}

// phase is one run of a round.
type phase struct {
	name   string
	target string // loadtest.TargetConsole or TargetPostGraphile
	op     string // loadtest.OpAssess or OpDecisions
}

var phases = []phase{
	{"console assess", loadtest.TargetConsole, loadtest.OpAssess},
	{"PostGraphile insert", loadtest.TargetPostGraphile, loadtest.OpAssess},
	{"console page", loadtest.TargetConsole, loadtest.OpDecisions},
	{"PostGraphile page", loadtest.TargetPostGraphile, loadtest.OpDecisions},
}

// result is one phase's figures.
type result struct {
	op               *loadtest.OpReport
	serverMs, pgMs   float64 // CPU per successful operation, milliseconds
	load             string  // /proc/loadavg's 1-minute figure at the phase's end
	errors           int64
	errorKinds       map[string]int64
	serverCPU, pgCPU float64 // seconds over the phase
	serverPID        int
}

func run() error {
	var (
		consoleURL, pglURL, tokens, out string
		rounds, clients                 int
		duration, warmup                time.Duration
		consolePID, pglPID, pgPID       int
	)
	flag.StringVar(&consoleURL, "console", "http://127.0.0.1:18439", "the console's base URL")
	flag.StringVar(&pglURL, "postgraphile", "http://127.0.0.1:18440", "PostGraphile's base URL (serving /graphql)")
	flag.StringVar(&tokens, "tokens", "", "the demo token file server seed wrote (SERVICE and AUDITOR tokens)")
	flag.StringVar(&out, "out", "", "directory for the console's ledgers (one per assess phase; must exist)")
	flag.IntVar(&rounds, "rounds", 2, "alternated rounds")
	flag.IntVar(&clients, "c", 32, "concurrent clients of every phase")
	flag.DurationVar(&duration, "duration", 30*time.Second, "length of every phase")
	flag.DurationVar(&warmup, "warmup", 5*time.Second, "length of an unreported run of each phase before the rounds (0: none)")
	flag.IntVar(&consolePID, "console-pid", 0, "the console's process, for its CPU (0: not measured)")
	flag.IntVar(&pglPID, "postgraphile-pid", 0, "PostGraphile's process, with its children (cluster workers), for its CPU")
	flag.IntVar(&pgPID, "postgres-pid", 0, "PostgreSQL's postmaster, with its children, for its CPU")
	flag.Parse()
	if tokens == "" || out == "" {
		return errors.New("-tokens and -out are required")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	seq := 0
	runPhase := func(p phase, d time.Duration) (*result, error) {
		seq++
		cfg := loadtest.Config{URL: consoleURL, Target: p.target, Mix: map[string]int{p.op: 100}, Concurrency: clients,
			Duration: d, Seed: int64(seq)}
		serverPID := consolePID
		if p.target == loadtest.TargetPostGraphile {
			cfg.URL, serverPID = pglURL, pglPID
		} else {
			if err := cfg.UseTokens(tokens); err != nil {
				return nil, err
			}
			if p.op == loadtest.OpAssess {
				cfg.Ledger = filepath.Join(out, fmt.Sprintf("ledger-%d.jsonl", seq))
			}
		}
		server0, pg0 := treeCPU(serverPID), treeCPU(pgPID)
		rep, err := loadtest.Run(ctx, cfg, nil)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.name, err)
		}
		res := &result{serverCPU: treeCPU(serverPID) - server0, pgCPU: treeCPU(pgPID) - pg0, load: loadAvg(),
			errors: rep.Total.Errors, serverPID: serverPID}
		for i := range rep.Operations {
			if rep.Operations[i].Op == p.op {
				res.op = &rep.Operations[i]
				res.errorKinds = rep.Operations[i].ErrorKinds
			}
		}
		if res.op == nil || res.op.OK == 0 {
			return nil, fmt.Errorf("%s: no successful operation (errors: %v)", p.name, res.errorKinds)
		}
		res.serverMs = 1000 * res.serverCPU / float64(res.op.OK)
		res.pgMs = 1000 * res.pgCPU / float64(res.op.OK)
		return res, nil
	}

	if warmup > 0 {
		for _, p := range phases {
			if _, err := runPhase(p, warmup); err != nil {
				return fmt.Errorf("warm-up: %w", err)
			}
		}
	}
	fmt.Printf("%d clients, %s per phase, %d rounds; CPU per operation from /proc (server: its process tree; PostgreSQL: the postmaster's)\n\n",
		clients, duration, rounds)
	var assessRatios, pageRatios, assessP99, pageP99 []float64
	for round := 1; round <= rounds; round++ {
		res := make([]*result, len(phases))
		for i, p := range phases {
			r, err := runPhase(p, duration)
			if err != nil {
				return err
			}
			res[i] = r
		}
		tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "round %d\tok/s\tp50 ms\tp99 ms\terrors\tserver CPU ms/op\tPostgreSQL CPU ms/op\tload 1m\t\n", round)
		for i, p := range phases {
			r := res[i]
			fmt.Fprintf(tw, "%s\t%.0f\t%.2f\t%.2f\t%d\t%s\t%s\t%s\t\n", p.name, r.op.PerSecond, r.op.P50Ms, r.op.P99Ms, r.errors,
				perOp(r.serverPID, r.serverMs), perOp(pgPID, r.pgMs), r.load)
		}
		ar, pr := res[0].op.PerSecond/res[1].op.PerSecond, res[2].op.PerSecond/res[3].op.PerSecond
		ap, pp := res[0].op.P99Ms/res[1].op.P99Ms, res[2].op.P99Ms/res[3].op.P99Ms
		assessRatios, pageRatios = append(assessRatios, ar), append(pageRatios, pr)
		assessP99, pageP99 = append(assessP99, ap), append(pageP99, pp)
		fmt.Fprintf(tw, "console/PostGraphile, writes\t%.2f ×\t\t%.2f ×\t\t\t\t\t\n", ar, ap)
		fmt.Fprintf(tw, "console/PostGraphile, pages\t%.2f ×\t\t%.2f ×\t\t\t\t\t\n", pr, pp)
		if err := tw.Flush(); err != nil {
			return err
		}
		for i, p := range phases {
			for msg, n := range res[i].errorKinds {
				fmt.Printf("  %s error ×%d: %s\n", p.name, n, msg)
			}
		}
		fmt.Println()
	}
	fmt.Printf("assessPurchase / PostGraphile insert: %s the rate, %s the p99\n", span(assessRatios), span(assessP99))
	fmt.Printf("explorer page / PostGraphile page:    %s the rate, %s the p99\n", span(pageRatios), span(pageP99))
	return nil
}

// perOp formats a CPU per operation of pid's processes, "-" when pid was not given.
func perOp(pid int, ms float64) string {
	if pid == 0 {
		return "-"
	}
	return strconv.FormatFloat(ms, 'f', 3, 64)
}

// span formats the range of xs.
func span(xs []float64) string {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range xs {
		lo, hi = min(lo, x), max(hi, x)
	}
	if lo == hi {
		return fmt.Sprintf("%.2f ×", lo)
	}
	return fmt.Sprintf("%.2f–%.2f ×", lo, hi)
}

// clockTick is the kernel's USER_HZ, the unit of /proc/PID/stat's times (100 on Linux's
// supported architectures).
const clockTick = 100

// treeCPU returns the CPU seconds (user and system) of pid and of its live descendants, plus
// those of the children it has reaped (cutime, cstime): a PostgreSQL backend that exited during
// a phase still counts. 0 when pid is 0.
func treeCPU(pid int) float64 {
	if pid == 0 {
		return 0
	}
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	parent := map[int]int{}
	ticks := map[int]float64{}
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		ppid, t, ok := procStat(p, p == pid)
		if ok {
			parent[p], ticks[p] = ppid, t
		}
	}
	var sum float64
	for p, t := range ticks {
		for q := p; q != 0; q = parent[q] {
			if q == pid {
				sum += t
				break
			}
		}
	}
	return sum / clockTick
}

// procStat reads a process's parent and its utime+stime (with cutime+cstime when reaped is
// set), in clock ticks.
func procStat(pid int, reaped bool) (ppid int, ticks float64, ok bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, 0, false
	}
	// The command name is in parentheses and may hold spaces: the fields follow its last ')'.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	// f[0] is the state (field 3), so field n is f[n-3]: ppid 4, utime 14, stime 15, cutime 16, cstime 17.
	if len(f) < 15 {
		return 0, 0, false
	}
	ppid, _ = strconv.Atoi(f[1])
	last := 12
	if reaped {
		last = 14
	}
	for _, x := range f[11 : last+1] {
		v, _ := strconv.ParseFloat(x, 64)
		ticks += v
	}
	return ppid, ticks, true
}

// loadAvg returns the 1-minute load average.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
}
