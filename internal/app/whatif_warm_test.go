package app

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"riskconsole/internal/outcomes"
	"riskconsole/internal/store"
	"riskconsole/internal/testdb"
	"riskconsole/internal/whatif"
)

// failingMonths is the store with a month read that fails part-way: the decisions' third month
// after half its decisions, the outcome events' second month at once.
type failingMonths struct {
	*store.Store
	months, eventMonths atomic.Int32 // the months are read side by side
}

var errMonth = errors.New("the connection went away")

func (f *failingMonths) WhatIfScanMonth(ctx context.Context, m time.Time, fn func(string, uuid.UUID, *whatif.Row) error) (int, error) {
	if f.months.Add(1) != 3 {
		return f.Store.WhatIfScanMonth(ctx, m, fn)
	}
	var rows []struct {
		market string
		id     uuid.UUID
		row    whatif.Row
	}
	if _, err := f.Store.WhatIfScanMonth(ctx, m, func(market string, id uuid.UUID, r *whatif.Row) error {
		rows = append(rows, struct {
			market string
			id     uuid.UUID
			row    whatif.Row
		}{market, id, *r})
		return nil
	}); err != nil {
		return 0, err
	}
	for i := range rows[:len(rows)/2] {
		if err := fn(rows[i].market, rows[i].id, &rows[i].row); err != nil {
			return i, err
		}
	}
	return len(rows) / 2, errMonth
}

func (f *failingMonths) WhatIfOutcomeEventsMonth(ctx context.Context, m time.Time, fn func(uuid.UUID, []outcomes.Event) error) error {
	if f.eventMonths.Add(1) == 2 {
		return errMonth
	}
	return f.Store.WhatIfOutcomeEventsMonth(ctx, m, fn)
}

// TestWhatIfWarmMonthFails: on PostgreSQL the warm-up reads months side by side; when one fails
// part-way, it reads on in batches from the last decision appended (and every outcome event in
// one pass), and ends with the same histories as a warm-up without a failure: every decision
// once, in order, with the same repayment summaries.
func TestWhatIfWarmMonthFails(t *testing.T) {
	ctx := context.Background()
	ta := newTestApp(t, "postgres", 3000)
	clean := whatif.NewService(ta.Store, ta.Thresholds, ta.BadDefinitions, nil)
	if err := clean.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	src := &failingMonths{Store: ta.Store}
	svc := whatif.NewService(src, ta.Thresholds, ta.BadDefinitions, nil)
	if err := svc.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	if src.months.Load() < 3 || src.eventMonths.Load() < 2 {
		t.Fatalf("%d decision months and %d event months read: the failures were not reached", src.months.Load(), src.eventMonths.Load())
	}
	if got, want := svc.Status(), clean.Status(); got != want || !got.Ready || got.Loaded != int64(3000) {
		t.Fatalf("status after the failure %+v, without %+v", got, want)
	}
	counts, _ := clean.Footprint()
	summaries := 0
	for market, n := range counts {
		h, err := svc.History(market)
		if err != nil {
			t.Fatal(err)
		}
		c, _ := clean.History(market)
		a, b := h.Snapshot(), c.Snapshot()
		if a.Len() != n || b.Len() != n {
			t.Fatalf("%s: %d decisions after the failure, %d without", market, a.Len(), b.Len())
		}
		for i := range n {
			sa, oka := a.Summary(i)
			sb, okb := b.Summary(i)
			if a.At(i) != b.At(i) || a.Amount(i) != b.Amount(i) || oka != okb || sa != sb {
				t.Fatalf("%s row %d: %d %v %v after the failure, %d %v %v without", market, i, a.At(i), a.Amount(i), sa, b.At(i), b.Amount(i), sb)
			}
			if oka {
				summaries++
			}
		}
	}
	if summaries == 0 {
		t.Fatal("no decision has a repayment summary")
	}
}

// TestServedWhileWarming starts the background work of a PostgreSQL console as the server does
// (RunBackground) while the outcome events are locked, so that the warm-up reads every decision
// and then waits: meanwhile assessments are served, /readyz answers ready and reports the
// what-if warming with every decision loaded, and the metrics say the same; once the lock goes,
// the warm-up finishes and both report it ready.
func TestServedWhileWarming(t *testing.T) {
	ta := newTestApp(t, "postgres", 600)
	release := testdb.Hold(t, ta.ownerURL(), "LOCK TABLE outcome_events IN ACCESS EXCLUSIVE MODE")
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	ta.Config.MetricsToken = testMetricsToken // /metrics on the main address
	ta.Config.RefreshEvery = 200 * time.Millisecond
	ta.RunBackground(ctx)
	h := ta.Handler()
	waitWhatIf := func(state string, loaded int64) readyBody {
		t.Helper()
		deadline := time.Now().Add(time.Minute)
		for {
			code, rd := getReady(t, h)
			if code != http.StatusOK {
				t.Fatalf("/readyz %d while the what-if warms: %+v", code, rd)
			}
			if rd.WhatIf.State == state && rd.WhatIf.Loaded == loaded {
				return rd
			}
			if time.Now().After(deadline) {
				t.Fatalf("what-if %+v after a minute, want %s with %d loaded", rd.WhatIf, state, loaded)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitWhatIf("warming", 600) // every decision read; the outcome events wait for the lock
	if a := ta.assess(t, purchaseInput("SE", 120, nil), uniqueKey("warming")); a.DecisionID == "" {
		t.Fatalf("assessment while warming: %+v", a)
	}
	metrics := func() string {
		code, body := scrape(t, h, testMetricsToken)
		if code != http.StatusOK {
			t.Fatalf("/metrics %d", code)
		}
		return body
	}
	if m := metrics(); !strings.Contains(m, "whatif_ready 0") || !strings.Contains(m, "whatif_warmup_loaded 600") {
		t.Fatalf("metrics while warming:\n%s", grepLines(m, "whatif_"))
	}
	release()
	waitWhatIf("ready", 601) // the follow reads the new decision
	if m := metrics(); !strings.Contains(m, "whatif_ready 1") {
		t.Fatalf("metrics once warm:\n%s", grepLines(m, "whatif_"))
	}
}

// grepLines returns the lines of s that contain sub.
func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
