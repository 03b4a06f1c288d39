package app

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"riskconsole/graph"
	"riskconsole/internal/auth"
	"riskconsole/internal/outcomes"
)

// vintageDecision is an approved decision as the vintage reference reads it.
type vintageDecision struct {
	ID, Category string
	VersionID    int64
	CreatedAt    time.Time
	AmountMinor  int64
	Currency     string
}

// approvedDecisions returns the approved decisions of market, oldest first.
func approvedDecisions(t *testing.T, db *sql.DB, market string) []vintageDecision {
	t.Helper()
	rows, err := db.Query(`SELECT CAST(id AS TEXT), merchant_category, threshold_version_id, created_at, amount_minor, currency
		FROM decisions WHERE market = $1 AND outcome = 'APPROVED' ORDER BY created_at, id`, market)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []vintageDecision
	for rows.Next() {
		var d vintageDecision
		if err := rows.Scan(&d.ID, &d.Category, &d.VersionID, &d.CreatedAt, &d.AmountMinor, &d.Currency); err != nil {
			t.Fatal(err)
		}
		d.CreatedAt = d.CreatedAt.UTC()
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// plannedEvent is an outcome event a test writes.
type plannedEvent struct {
	decision          vintageDecision
	index             int // of the decision among those given events
	id                string
	at                time.Time
	status            outcomes.Status
	writtenOff, owing int64
}

// vintagePaths are the repayment paths the test gives approved decisions in turn: days after the
// decision and status; a charge-off writes off half the amount, a recovery brings a quarter back.
var vintagePaths = [][]struct {
	days   int
	status outcomes.Status
}{
	{{10, outcomes.Current}, {50, outcomes.Paid}},
	{{10, outcomes.Current}, {35, outcomes.Late1to29}, {65, outcomes.Late30to59}, {100, outcomes.Current}},
	{{20, outcomes.Late1to29}, {50, outcomes.Late30to59}, {80, outcomes.Late60to89}, {110, outcomes.ChargedOff}, {150, outcomes.Recovered}},
	{},
	{{5, outcomes.Current}, {40, outcomes.Late1to29}, {70, outcomes.Late30to59}, {100, outcomes.Late60to89}, {130, outcomes.Late90Plus}},
}

// planEvents returns the events of the decisions' paths.
func planEvents(ds []vintageDecision) []plannedEvent {
	var out []plannedEvent
	for i, d := range ds {
		for j, step := range vintagePaths[i%len(vintagePaths)] {
			e := plannedEvent{decision: d, index: i, id: fmt.Sprintf("v-%d-%d", i, j), at: d.CreatedAt.Add(time.Duration(step.days) * 24 * time.Hour),
				status: step.status, owing: d.AmountMinor}
			switch step.status {
			case outcomes.Paid:
				e.owing = 0
			case outcomes.ChargedOff:
				e.writtenOff = d.AmountMinor / 2
			case outcomes.Recovered:
				e.writtenOff = d.AmountMinor / 4
			}
			out = append(out, e)
		}
	}
	return out
}

// insertEvents writes events through ex (a database or an open transaction), as the ingestion does.
func insertEvents(t *testing.T, ex interface {
	Exec(string, ...any) (sql.Result, error)
}, events []plannedEvent) {
	t.Helper()
	for _, e := range events {
		if _, err := ex.Exec(`INSERT INTO outcome_events (decision_id, event_id, observed_at, status, outstanding_minor, written_off_minor, currency, recorded_at, decision_created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, e.decision.ID, e.id, e.at, e.status.String(), e.owing, e.writtenOff, e.decision.Currency, time.Now().UTC(),
			e.decision.CreatedAt.UTC()); err != nil {
			t.Fatal(err)
		}
	}
}

// refSeries is the reference answer for one vintage and group.
type refSeries struct {
	approved, volumeMinor int64
	bad, loss             []int64 // per month on book, cumulative
}

// referenceVintages computes the vintage curves of market straight from the decisions and every
// outcome event stored, with the outcomes package's derivation (StateAt, Summarize): the
// aggregator's rollups must give the same.
func referenceVintages(t *testing.T, db *sql.DB, market string, level outcomes.Level, group string, now time.Time) map[string]*refSeries {
	t.Helper()
	ds := approvedDecisions(t, db, market)
	events := map[string][]outcomes.Event{}
	rows, err := db.Query(`SELECT CAST(e.decision_id AS TEXT), e.observed_at, e.status, e.outstanding_minor, e.written_off_minor
		FROM outcome_events e JOIN decisions d ON d.id = e.decision_id WHERE d.market = $1`, market)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var e outcomes.Event
		var status string
		if err := rows.Scan(&e.DecisionID, &e.ObservedAt, &status, &e.OutstandingMinor, &e.WrittenOffMinor); err != nil {
			t.Fatal(err)
		}
		e.Status, _ = outcomes.ParseStatus(status)
		events[e.DecisionID] = append(events[e.DecisionID], e)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	out := map[string]*refSeries{}
	for _, d := range ds {
		v := time.Date(d.CreatedAt.Year(), d.CreatedAt.Month(), 1, 0, 0, 0, 0, time.UTC)
		g := ""
		switch group {
		case "THRESHOLD_VERSION":
			g = strconv.FormatInt(d.VersionID, 10)
		case "MERCHANT_CATEGORY":
			g = d.Category
		}
		key := v.Format(time.RFC3339) + "|" + g
		s := out[key]
		if s == nil {
			age := outcomes.MonthsBetween(v, now)
			s = &refSeries{bad: make([]int64, age+1), loss: make([]int64, age+1)}
			out[key] = s
		}
		s.approved++
		s.volumeMinor += d.AmountMinor
		evs := events[d.ID]
		slices.SortFunc(evs, func(a, b outcomes.Event) int { return a.ObservedAt.Compare(b.ObservedAt) })
		all := outcomes.StateAt(evs, now.AddDate(10, 0, 0))
		sum := outcomes.Summarize(d.CreatedAt, &all)
		for m := range s.bad {
			if int(sum.FirstMonth[level]) <= m {
				s.bad[m]++
			}
			st := outcomes.StateAt(evs, d.CreatedAt.AddDate(0, m+1, 0).Add(-time.Nanosecond))
			s.loss[m] += st.WrittenOffMinor
		}
	}
	return out
}

// vintageAnswer is the JSON of a vintages answer.
type vintageAnswer struct {
	Market        string
	From, To      time.Time
	BadDefinition struct {
		Level        string
		WindowMonths int
	}
	Activations []struct{ Market string }
	Series      []struct {
		Vintage  time.Time
		Group    *string
		Approved int64
		Volume   float64
		Points   []struct {
			MonthsSinceDecision int
			Bad                 int64
			BadRate             float64
			Loss                float64
			LossRate            float64
		}
	}
}

const vintagesQuery = `query($m: String!, $from: Time, $to: Time, $g: VintageGroup! = NONE, $c: String, $v: ID) {
  vintages(market: $m, from: $from, to: $to, groupBy: $g, merchantCategory: $c, thresholdVersionId: $v) {
    market from to badDefinition { level windowMonths } activations { market }
    series { vintage group approved volume points { monthsSinceDecision bad badRate loss lossRate } }
  }
}`

// checkVintages compares the API's curves with the reference; it returns the total of the last
// points' bad counts and losses (minor units), to show the check was not vacuous.
func checkVintages(t *testing.T, got vintageAnswer, want map[string]*refSeries) (bad, loss int64) {
	t.Helper()
	if len(got.Series) != len(want) {
		t.Fatalf("%d series, the reference has %d", len(got.Series), len(want))
	}
	for _, s := range got.Series {
		g := ""
		if s.Group != nil {
			g = *s.Group
		}
		key := s.Vintage.UTC().Format(time.RFC3339) + "|" + g
		w := want[key]
		if w == nil {
			t.Fatalf("series %s is not in the reference", key)
		}
		if s.Approved != w.approved || math.Abs(s.Volume-float64(w.volumeMinor)/100) > 1e-6 || len(s.Points) != len(w.bad) {
			t.Fatalf("series %s: approved %d volume %v points %d; want %d %v %d", key, s.Approved, s.Volume, len(s.Points),
				w.approved, float64(w.volumeMinor)/100, len(w.bad))
		}
		for m, p := range s.Points {
			if p.MonthsSinceDecision != m || p.Bad != w.bad[m] || math.Abs(p.Loss-float64(w.loss[m])/100) > 1e-6 ||
				math.Abs(p.BadRate-float64(w.bad[m])/float64(w.approved)) > 1e-12 ||
				math.Abs(p.LossRate-float64(w.loss[m])/float64(w.volumeMinor)) > 1e-12 {
				t.Fatalf("series %s point %d: %+v; want bad %d loss %d", key, m, p, w.bad[m], w.loss[m])
			}
		}
		bad += w.bad[len(w.bad)-1]
		loss += w.loss[len(w.loss)-1]
	}
	return bad, loss
}

// TestVintages checks the vintage curves through the handler against a reference computed from
// the decisions and events: after passes in small batches, after an event transaction that
// commits late on PostgreSQL (counted once it commits, never missed), and by every grouping.
func TestVintages(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		now := testEnd.AddDate(1, 1, 0) // every event written below is in the past
		ta := newTestApp(t, dialect, 1500, WithClock(func() time.Time { return now }))
		db := ta.rawDB(t)
		if err := ta.Analytics.Advance(ctx); err != nil {
			t.Fatal(err)
		}
		ds := approvedDecisions(t, db, "SE")
		if len(ds) < 40 {
			t.Fatalf("only %d approved SE decisions", len(ds))
		}
		// The test data span more than a year: ask from the first decision's month.
		from := ds[0].CreatedAt
		plan := planEvents(ds)
		// The first events of every path, then the rest in two halves.
		var early, lateA, lateB []plannedEvent
		for _, e := range plan {
			switch {
			case e.at.Sub(e.decision.CreatedAt) <= 85*24*time.Hour:
				early = append(early, e)
			case e.index%2 == 0:
				lateA = append(lateA, e)
			default:
				lateB = append(lateB, e)
			}
		}
		if len(lateA) == 0 || len(lateB) == 0 {
			t.Fatalf("halves of %d and %d late events", len(lateA), len(lateB))
		}
		insertEvents(t, db, early)
		// Passes of 7 events: a decision's events are split across passes on SQLite, and one
		// transaction's events across passes on PostgreSQL.
		passes := 0
		for {
			p, err := ta.Store.AdvanceOutcomeRollups(ctx, 7)
			if err != nil {
				t.Fatal(err)
			}
			passes++
			if !p.More {
				break
			}
		}
		if passes < 10 {
			t.Fatalf("%d passes over %d events", passes, len(early))
		}
		ask := func(group string) vintageAnswer {
			var out struct{ Vintages vintageAnswer }
			decodeData(t, ta.post(t, auth.Analyst, vintagesQuery, map[string]any{"m": "SE", "g": group,
				"from": from}), &out)
			return out.Vintages
		}
		checkVintages(t, ask("NONE"), referenceVintages(t, db, "SE", outcomes.Level60, "", now))

		if dialect == "postgres" {
			// A transaction that writes events and commits only after a later one has committed
			// and a pass has run: its events are counted by the pass after its commit.
			late, err := db.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer late.Rollback()
			insertEvents(t, late, lateA)
			insertEvents(t, db, lateB)
			if err := ta.Analytics.Advance(ctx); err != nil {
				t.Fatal(err)
			}
			if err := late.Commit(); err != nil {
				t.Fatal(err)
			}
		} else {
			insertEvents(t, db, append(lateA, lateB...))
		}
		if err := ta.Analytics.Advance(ctx); err != nil {
			t.Fatal(err)
		}
		want := referenceVintages(t, db, "SE", outcomes.Level60, "", now)
		got := ask("NONE")
		bad, loss := checkVintages(t, got, want)
		if bad == 0 || loss == 0 {
			t.Fatalf("vacuous check: %d bad, loss %d", bad, loss)
		}
		if got.BadDefinition.Level != "LATE_60_89" || got.BadDefinition.WindowMonths != 6 || got.From.Day() != 1 || got.To.Day() != 1 {
			t.Fatalf("report %+v", got)
		}
		// Recoveries lower the loss: the series holding the charged-off path's decisions show a
		// loss that falls from one month to the next somewhere.
		fell := false
		for _, s := range got.Series {
			for m := 1; m < len(s.Points); m++ {
				fell = fell || s.Points[m].Loss < s.Points[m-1].Loss
			}
		}
		if !fell {
			t.Fatal("no recovery shows in the curves")
		}
		checkVintages(t, ask("THRESHOLD_VERSION"), referenceVintages(t, db, "SE", outcomes.Level60, "THRESHOLD_VERSION", now))
		checkVintages(t, ask("MERCHANT_CATEGORY"), referenceVintages(t, db, "SE", outcomes.Level60, "MERCHANT_CATEGORY", now))
		// Another pass changes nothing.
		if err := ta.Analytics.Advance(ctx); err != nil {
			t.Fatal(err)
		}
		checkVintages(t, ask("NONE"), want)

		// A filter narrows the series: one category.
		cat := ds[0].Category
		var one struct{ Vintages vintageAnswer }
		decodeData(t, ta.post(t, auth.Auditor, vintagesQuery, map[string]any{"m": "SE", "c": cat, "from": from}), &one)
		total := int64(0)
		for _, s := range one.Vintages.Series {
			total += s.Approved
		}
		wantCat := int64(0)
		for _, d := range ds {
			if d.Category == cat {
				wantCat++
			}
		}
		if total != wantCat {
			t.Fatalf("category %s: %d approvals in the series, %d decisions", cat, total, wantCat)
		}
		// The default window is the last 24 months up to the clock's month.
		var def struct{ Vintages vintageAnswer }
		decodeData(t, ta.post(t, auth.Approver, vintagesQuery, map[string]any{"m": "SE"}), &def)
		wantTo := time.Date(now.Year(), now.Month()+1, 1, 0, 0, 0, 0, time.UTC)
		inDefault := 0
		for key := range want {
			if v, _ := time.Parse(time.RFC3339, strings.Split(key, "|")[0]); !v.Before(wantTo.AddDate(0, -24, 0)) {
				inDefault++
			}
		}
		if !def.Vintages.To.Equal(wantTo) || !def.Vintages.From.Equal(wantTo.AddDate(0, -24, 0)) || len(def.Vintages.Series) != inDefault || inDefault == 0 {
			t.Fatalf("default window %s..%s with %d series", def.Vintages.From, def.Vintages.To, len(def.Vintages.Series))
		}

		// Bad arguments name the argument.
		for _, c := range []struct {
			vars  map[string]any
			field string
		}{
			{map[string]any{"m": "XX"}, "market"},
			{map[string]any{"m": "SE", "from": testEnd, "to": testEnd.AddDate(0, -2, 0)}, "to"},
			{map[string]any{"m": "SE", "v": "abc"}, "thresholdVersionId"},
		} {
			r := ta.post(t, auth.Analyst, vintagesQuery, c.vars)
			if r.code() != graph.CodeInvalid || !slices.Contains(errorFields(r), c.field) {
				t.Fatalf("%v: %s", c.vars, errorsJSON(r))
			}
		}
	})
}

// TestVintagesLimits checks that an answer of more than 400 series is refused naming groupBy and
// from, and that a narrower question is answered.
func TestVintagesLimits(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 100)
		db := ta.rawDB(t)
		// 24 months × 20 categories of GB approvals: 480 series by category.
		start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		for m := range 24 {
			for c := range 20 {
				if _, err := db.Exec(`INSERT INTO rollup_vintage (month, market, merchant_category, threshold_version_id, approved, approved_minor)
					VALUES ($1, 'GB', $2, 1, 10, 100000)`, start.AddDate(0, m, 0).Unix(), fmt.Sprintf("CAT_%02d", c)); err != nil {
					t.Fatal(err)
				}
			}
		}
		vars := map[string]any{"m": "GB", "from": start, "to": start.AddDate(0, 24, 0), "g": "MERCHANT_CATEGORY"}
		r := ta.post(t, auth.Analyst, vintagesQuery, vars)
		if r.code() != graph.CodeInvalid || !slices.Contains(errorFields(r), "from") ||
			!strings.Contains(responseText(r), "MERCHANT_CATEGORY") || !strings.Contains(responseText(r), "480 series") {
			t.Fatalf("480 series: %s", errorsJSON(r))
		}
		// 20 months × 20 = 400: answered.
		vars["from"] = start.AddDate(0, 4, 0)
		var out struct{ Vintages vintageAnswer }
		decodeData(t, ta.post(t, auth.Analyst, vintagesQuery, vars), &out)
		if len(out.Vintages.Series) != 400 {
			t.Fatalf("%d series, want 400", len(out.Vintages.Series))
		}
		// Without grouping: one series a month.
		vars["from"], vars["g"] = start, "NONE"
		decodeData(t, ta.post(t, auth.Analyst, vintagesQuery, vars), &out)
		if len(out.Vintages.Series) < 24 || out.Vintages.Series[0].Approved != 200 {
			t.Fatalf("%d series, the first %+v", len(out.Vintages.Series), out.Vintages.Series[0].Approved)
		}
		// A range of more than 400 months is refused before reading anything.
		r = ta.post(t, auth.Analyst, vintagesQuery, map[string]any{"m": "GB", "from": start.AddDate(-40, 0, 0), "to": start})
		if r.code() != graph.CodeInvalid || !slices.Contains(errorFields(r), "from") {
			t.Fatalf("480 months: %s", errorsJSON(r))
		}
	})
}

// TestActivationImpactOutcomes checks activationImpact.outcomes: the bad rate stored with the
// draft, the version's approvals, none mature while younger than the window, then the realized
// bad rate of the mature ones once the clock has moved past it.
func TestActivationImpactOutcomes(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		var offset atomic.Int64 // added to the real time
		clock := func() time.Time { return time.Now().Add(time.Duration(offset.Load())) }
		ta := newTestApp(t, dialect, 500, WithClock(clock))
		db := ta.rawDB(t)
		if err := ta.WhatIf.Warm(ctx); err != nil {
			t.Fatal(err)
		}
		lc := ta.ThresholdLifecycle
		author, lead := staffContext("vint.analyst", auth.Analyst), staffContext("vint.lead", auth.Approver)
		d, err := lc.CreateDraft(author, "SE", 0)
		if err == nil {
			d, err = lc.SubmitDraft(author, d.ID, d.Revision, "same rules, to measure outcomes")
		}
		if err != nil {
			t.Fatal(err)
		}
		_, v, err := lc.ApproveDraft(lead, d.ID, "")
		if err == nil {
			// The what-if's prediction as stored with the draft (set here so the figure is known).
			_, err = db.Exec(`UPDATE threshold_drafts SET impact = $1 WHERE id = $2`,
				`{"available":true,"from":"2026-01-01T00:00:00Z","to":"2026-04-01T00:00:00Z","decisions":10,"badRateProposed":0.05}`, d.ID)
		}
		if err == nil {
			_, err = lc.Activate(lead, v.ID, nil)
		}
		if err == nil {
			err = ta.Thresholds.Refresh(ctx)
		}
		if err != nil {
			t.Fatal(err)
		}
		for i := range 10 {
			if a := ta.assess(t, purchaseInput("SE", 100+float64(i), nil), uniqueKey(fmt.Sprintf("vint-%d", i))); a.Outcome != "APPROVED" {
				t.Fatalf("assessment %d: %s", i, a.Outcome)
			}
		}
		var mine []vintageDecision
		for _, x := range approvedDecisions(t, db, "SE") {
			if x.VersionID == v.ID {
				mine = append(mine, x)
			}
		}
		if len(mine) != 10 {
			t.Fatalf("%d approvals under the version", len(mine))
		}
		// Three go 60+ days late within two months, one only 30+, the rest pay.
		var evs []plannedEvent
		for i, x := range mine {
			path := []outcomes.Status{outcomes.Current, outcomes.Paid}
			switch {
			case i < 3:
				path = []outcomes.Status{outcomes.Late1to29, outcomes.Late30to59, outcomes.Late60to89}
			case i == 3:
				path = []outcomes.Status{outcomes.Late1to29, outcomes.Late30to59, outcomes.Current}
			}
			for j, st := range path {
				e := plannedEvent{decision: x, id: fmt.Sprintf("a-%d-%d", i, j), at: x.CreatedAt.Add(time.Duration(j+1) * 20 * 24 * time.Hour), status: st, owing: x.AmountMinor}
				if st == outcomes.Paid {
					e.owing = 0
				}
				evs = append(evs, e)
			}
		}
		insertEvents(t, db, evs)
		if err := ta.Analytics.Advance(ctx); err != nil {
			t.Fatal(err)
		}
		q := `query($v: ID!) { activationImpact(versionId: $v) { activation { market }
		  outcomes { predictedBadRate approved mature bad realizedBadRate allMatureAt note } } }`
		type realized struct {
			PredictedBadRate *float64
			Approved, Mature int
			Bad              int
			RealizedBadRate  *float64
			AllMatureAt      *time.Time
			Note             *string
		}
		var out struct {
			ActivationImpact []struct{ Outcomes realized }
		}
		decodeData(t, ta.post(t, auth.Approver, q, map[string]any{"v": idOf(v.ID)}), &out)
		if len(out.ActivationImpact) != 1 {
			t.Fatalf("%d impacts", len(out.ActivationImpact))
		}
		o := out.ActivationImpact[0].Outcomes
		first := mine[0].CreatedAt
		lastMonth := time.Date(mine[9].CreatedAt.Year(), mine[9].CreatedAt.Month(), 1, 0, 0, 0, 0, time.UTC)
		if o.PredictedBadRate == nil || *o.PredictedBadRate != 0.05 || o.Approved != 10 || o.Mature != 0 || o.Bad != 0 ||
			o.RealizedBadRate != nil || o.AllMatureAt == nil || !o.AllMatureAt.Equal(lastMonth.AddDate(0, 7, 0)) ||
			o.Note == nil || !strings.Contains(*o.Note, "none of the 10") {
			t.Fatalf("young outcomes %+v (note %v)", o, optText(o.Note))
		}
		// Eight months on, every approval is mature: 3 of 10 bad under 60+ within 6 months.
		offset.Store(int64(time.Until(first.AddDate(0, 8, 0))))
		decodeData(t, ta.post(t, auth.Auditor, q, map[string]any{"v": idOf(v.ID)}), &out)
		o = out.ActivationImpact[0].Outcomes
		if o.Approved != 10 || o.Mature != 10 || o.Bad != 3 || o.RealizedBadRate == nil || math.Abs(*o.RealizedBadRate-0.3) > 1e-12 || o.Note != nil {
			t.Fatalf("mature outcomes %+v (note %v)", o, optText(o.Note))
		}
		// The seeded default version: no prediction, and the note says so.
		decodeData(t, ta.post(t, auth.Analyst, q, map[string]any{"v": idOf(d.BaseVersionID)}), &out)
		if len(out.ActivationImpact) != 1 || out.ActivationImpact[0].Outcomes.PredictedBadRate != nil ||
			out.ActivationImpact[0].Outcomes.Note == nil {
			t.Fatalf("default version outcomes %+v", out.ActivationImpact)
		}
	})
}

func optText(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
