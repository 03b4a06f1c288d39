package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// warmLog is what the server's log says of its what-if warm-up: the decisions line ("what-if
// history warmed decisions=N took=D") and the outcome events line ("what-if outcomes warmed
// took=D").
type warmLog struct {
	decisions          int64
	took, outcomesTook time.Duration
}

var (
	warmedRE   = regexp.MustCompile(`msg="what-if history warmed" decisions=(\d+) took=(\S+)`)
	outcomesRE = regexp.MustCompile(`msg="what-if outcomes warmed" took=(\S+)`)
)

// waitWarmLog waits within for both warm-up lines in the output of p and returns them.
func waitWarmLog(t testing.TB, p *serverProcess, within time.Duration) warmLog {
	t.Helper()
	var w warmLog
	ok := sigtermWait(within, func() bool {
		out := p.out.String()
		d, o := warmedRE.FindStringSubmatch(out), outcomesRE.FindStringSubmatch(out)
		if d == nil || o == nil {
			return false
		}
		var err error
		w.decisions, err = strconv.ParseInt(d[1], 10, 64)
		if err == nil {
			w.took, err = time.ParseDuration(d[2])
		}
		if err == nil {
			w.outcomesTook, err = time.ParseDuration(o[1])
		}
		if err != nil {
			t.Fatalf("warm-up log lines %q, %q: %v", d[0], o[0], err)
		}
		return true
	})
	if !ok {
		t.Fatalf("no what-if warm-up lines in the server's log within %s", within)
	}
	return w
}

// TestWarmUpLogLine starts the server binary on a PostgreSQL database seeded by `server seed`
// and reads its own log: the what-if warm-up says it loaded every engine decision stored, in a
// time that is no longer than the server has been up, and /readyz says the same.
func TestWarmUpLogLine(t *testing.T) {
	db := newSeededDB(t, 3000)
	var stored int64
	if err := db.conn.QueryRow("SELECT count(*) FROM decisions WHERE kind = 'AUTOMATED'").Scan(&stored); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	p := startServerProcess(t, db.env()...)
	w := waitWarmLog(t, p, 2*time.Minute)
	up := time.Since(start)
	if w.decisions != stored || stored < 3000 {
		t.Errorf("the log says %d decisions warmed, %d are stored", w.decisions, stored)
	}
	if w.took <= 0 || w.outcomesTook <= 0 || w.took+w.outcomesTook > up {
		t.Errorf("the warm-up took %s and %s by the log, the server has been up %s", w.took, w.outcomesTook, up)
	}
	var rd struct {
		WhatIf struct {
			State         string
			Loaded, Total int64
		} `json:"whatIf"`
	}
	if err := getJSON(p.url+"/readyz", &rd); err != nil {
		t.Fatal(err)
	}
	if rd.WhatIf.State != "ready" || rd.WhatIf.Loaded != stored || rd.WhatIf.Total != stored {
		t.Errorf("/readyz what-if %+v after the log's %d", rd.WhatIf, w.decisions)
	}
}

// BenchmarkWarmUpStart is the what-if warm-up at a real start: each iteration starts the server
// binary (this test binary as the server, as the SIGTERM tests do) on PostgreSQL and reads the
// rate from its own log lines. The database is RISKCONSOLE_BENCH_WARM_DATABASE_URL, already
// seeded (e.g. `server seed -n 1000000`), with its audit key in RISKCONSOLE_BENCH_WARM_KEY_FILE;
// without it, a fresh one seeded with RISKCONSOLE_BENCH_WARM_N decisions (default 100,000).
// warm-rows/s is the log's decisions over its decisions line's time, with-outcomes-rows/s over
// both lines' time, cpu-s the server's CPU (user and system) until both lines were logged.
// Target: warm-rows/s ≥ 1,000,000 at 1M decisions.
func BenchmarkWarmUpStart(b *testing.B) {
	var env []string
	if url := os.Getenv("RISKCONSOLE_BENCH_WARM_DATABASE_URL"); url != "" {
		env = []string{"DATABASE_URL=" + url, "AUDIT_KEY_FILE=" + os.Getenv("RISKCONSOLE_BENCH_WARM_KEY_FILE"), "ALLOW_OWNER_ROLE=true",
			"DATA_DIR=" + b.TempDir(), "LOG_LEVEL=info"}
	} else {
		n := 100_000
		if v, err := strconv.Atoi(os.Getenv("RISKCONSOLE_BENCH_WARM_N")); err == nil && v > 0 {
			n = v
		}
		env = newSeededDB(b, n).env()
	}
	var decisions int64
	var took, all, cpu time.Duration
	for b.Loop() {
		p := startServerProcess(b, env...)
		w := waitWarmLog(b, p, 10*time.Minute)
		c, err := processCPU(p.cmd.Process.Pid)
		if err != nil {
			b.Fatal(err)
		}
		_ = p.cmd.Process.Kill()
		<-p.exited
		decisions += w.decisions
		took += w.took
		all += w.took + w.outcomesTook
		cpu += c
	}
	b.ReportMetric(float64(decisions)/took.Seconds(), "warm-rows/s")
	b.ReportMetric(float64(decisions)/all.Seconds(), "with-outcomes-rows/s")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s")
	b.ReportMetric(0, "ns/op")
}

// processCPU returns the user and system CPU time process pid has used (/proc/PID/stat).
func processCPU(pid int) (time.Duration, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	line, err := bufio.NewReader(f).ReadString('\n')
	if err != nil {
		return 0, err
	}
	// The fields after the command's closing parenthesis: state is field 3, utime 14, stime 15.
	fields := strings.Fields(line[strings.LastIndexByte(line, ')')+1:])
	if len(fields) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: %q", pid, line)
	}
	var ticks int64
	for _, f := range fields[11:13] {
		v, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return 0, err
		}
		ticks += v
	}
	return time.Duration(ticks) * time.Second / 100, nil // USER_HZ is 100 on Linux
}

// getJSON decodes the JSON body of a GET of url into out.
func getJSON(url string, out any) error {
	resp, err := sigtermClient.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}
