package loadtest

import (
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"text/tabwriter"
	"time"
)

// Report is a run's result; -json prints it as is.
type Report struct {
	URL            string     `json:"url"`
	Concurrency    int        `json:"concurrency"`
	HeavyReaders   int        `json:"heavyReaders,omitempty"`
	Flood          int        `json:"flood,omitempty"`
	ElapsedSeconds float64    `json:"elapsedSeconds"`
	Operations     []OpReport `json:"operations"`
	Total          OpReport   `json:"total"`
	Ledger         string     `json:"ledger,omitempty"`
	Acknowledged   int64      `json:"acknowledged"`
}

// OpReport is one operation's figures. Latencies are of successful calls, in milliseconds, 0 when
// there were none; PerSecond is successful calls per second of the run.
type OpReport struct {
	Op         string           `json:"op"`
	OK         int64            `json:"ok"`
	Errors     int64            `json:"errors"`
	Limited    int64            `json:"limited"` // refused by the server's limit of heavy operations`
	PerSecond  float64          `json:"perSecond"`
	P50Ms      float64          `json:"p50Ms"`
	P90Ms      float64          `json:"p90Ms"`
	P99Ms      float64          `json:"p99Ms"`
	MaxMs      float64          `json:"maxMs"`
	ErrorKinds map[string]int64 `json:"errorKinds,omitempty"`
}

// Failed reports whether any operation had an error.
func (r *Report) Failed() bool { return r.Total.Errors > 0 }

// report summarises the run's statistics; operations never called are left out.
func (r *runner) report(url string, elapsed time.Duration, acked int64) *Report {
	rep := &Report{URL: url, Concurrency: r.cfg.Concurrency, HeavyReaders: r.cfg.HeavyReaders, Flood: r.cfg.Flood,
		ElapsedSeconds: elapsed.Seconds(), Ledger: r.cfg.Ledger, Acknowledged: acked}
	var all histogram
	rep.Total.Op = "total"
	for _, op := range reportOps {
		s := r.stats[op]
		n := int64(s.hist.n.Load())
		if n == 0 && s.errors.Load() == 0 && s.limited.Load() == 0 {
			continue
		}
		o := OpReport{Op: op, OK: n, Errors: s.errors.Load(), Limited: s.limited.Load(), ErrorKinds: maps.Clone(s.kinds),
			P50Ms: finite(s.hist.quantile(.5)), P90Ms: finite(s.hist.quantile(.9)), P99Ms: finite(s.hist.quantile(.99)), MaxMs: finite(s.hist.maxMs())}
		if len(o.ErrorKinds) == 0 {
			o.ErrorKinds = nil
		}
		o.PerSecond = float64(n) / elapsed.Seconds()
		rep.Operations = append(rep.Operations, o)
		all.merge(&s.hist)
		rep.Total.OK += o.OK
		rep.Total.Errors += o.Errors
		rep.Total.Limited += o.Limited
	}
	rep.Total.PerSecond = float64(rep.Total.OK) / elapsed.Seconds()
	rep.Total.P50Ms, rep.Total.P90Ms = finite(all.quantile(.5)), finite(all.quantile(.9))
	rep.Total.P99Ms, rep.Total.MaxMs = finite(all.quantile(.99)), finite(all.maxMs())
	return rep
}

// merge adds o's counts to h (not concurrently with adds to either).
func (h *histogram) merge(o *histogram) {
	for i := range o.counts {
		if c := o.counts[i].Load(); c > 0 {
			h.counts[i].Add(c)
		}
	}
	h.n.Add(o.n.Load())
	if m := o.max.Load(); m > h.max.Load() {
		h.max.Store(m)
	}
}

// finite maps NaN (no calls) to 0, which JSON can carry.
func finite(x float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	return x
}

// WriteText prints the report as a table, then each operation's errors.
func (r *Report) WriteText(w io.Writer) error {
	fmt.Fprintf(w, "%s: %d clients, %d heavy readers, %d anonymous flooders for %.1f s\n\n", r.URL, r.Concurrency,
		r.HeavyReaders, r.Flood, r.ElapsedSeconds)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "operation\tok\terrors\tlimited\tok/s\tp50 ms\tp90 ms\tp99 ms\tmax ms\t")
	for _, o := range append(slices.Clone(r.Operations), r.Total) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.1f\t%.2f\t%.2f\t%.2f\t%.2f\t\n", o.Op, o.OK, o.Errors, o.Limited, o.PerSecond, o.P50Ms, o.P90Ms, o.P99Ms, o.MaxMs)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, o := range r.Operations {
		for _, msg := range slices.Sorted(maps.Keys(o.ErrorKinds)) {
			fmt.Fprintf(w, "%s error ×%d: %s\n", o.Op, o.ErrorKinds[msg], msg)
		}
	}
	if r.Ledger != "" {
		fmt.Fprintf(w, "\nledger: %d acknowledged assessments in %s\n", r.Acknowledged, r.Ledger)
	}
	return nil
}
