package app

import (
	"context"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"riskconsole/graph"
	"riskconsole/internal/auth"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/experiments"
	"riskconsole/internal/thresholds"
)

// The shadow comparison (issue 17) is checked against a row-by-row evaluation of the stored
// inputs: every decision of the run's window is read back, the shadow version's set evaluated on
// its measured values with the engine, and the cells, reasons, rates, series, samples and bad
// rates counted here.

// cmpPurchase is the i-th purchase of the test, a mix near the cut-offs the versions move: a
// bureau score of 850, 640 or 560, 126, 12 or 3 months employed, 0, 4 or 7 recent plans and now
// and then an unverified identity, each shopper its own.
func cmpPurchase(i int) map[string]any {
	in := purchaseInput("SE", 100, func(in, v map[string]any) {
		v["bureauScore"] = []float64{850, 640, 560}[i%3]
		v["employmentMonths"] = []float64{126, 12, 3}[(i/3)%3]
		v["recentPlans30d"] = []float64{0, 4, 7}[(i/2)%3]
		if i%7 == 3 {
			v["identityVerified"] = 0.0
		}
	})
	in["shopperId"] = fmt.Sprintf("s-cmp-%d", i)
	return in
}

// cmpReference is a shadow comparison counted from the decisions.
type cmpReference struct {
	decisions, liveDeclined, shadowDeclined int
	hours                                   map[int64][3]int // hour start → decisions, live declines, shadow declines
	cells                                   map[string][]decisions.Decision
	reasons                                 map[string][2]int
}

// shadowReference reads every automated SE decision made while the run ran (of arm when set),
// newest first, and counts the comparison by evaluating the shadow version's set on each.
func shadowReference(tb testing.TB, ta *testApp, sh thresholds.Shadow, v *thresholds.Version, arm thresholds.Arm, until time.Time) cmpReference {
	tb.Helper()
	to := until
	if end := sh.End(); end != nil && end.Before(to) {
		to = *end
	}
	page, err := ta.Store.Decisions(context.Background(), decisions.Filter{Market: sh.Market, From: sh.StartedAt, To: to},
		decisions.PageRequest{First: 100_000})
	if err != nil {
		tb.Fatal(err)
	}
	ref := cmpReference{hours: map[int64][3]int{}, cells: map[string][]decisions.Decision{}, reasons: map[string][2]int{}}
	var res engine.Result
	for _, d := range page.Items {
		if d.Kind != decisions.KindAutomated || (arm != thresholds.ArmNone && d.Arm != arm) {
			continue
		}
		engine.Evaluate(&v.Set, &d.Values, &res)
		liveDeclined, shadowDeclined := d.Outcome == engine.Declined, res.Outcome == engine.Declined
		ref.decisions++
		h := ref.hours[d.CreatedAt.UTC().Truncate(time.Hour).Unix()]
		h[0]++
		if liveDeclined {
			ref.liveDeclined++
			h[1]++
			r := ref.reasons[d.Reasons[0].String()]
			r[0]++
			ref.reasons[d.Reasons[0].String()] = r
		}
		if shadowDeclined {
			ref.shadowDeclined++
			h[2]++
			r := ref.reasons[res.Reasons[0].String()]
			r[1]++
			ref.reasons[res.Reasons[0].String()] = r
		}
		ref.hours[d.CreatedAt.UTC().Truncate(time.Hour).Unix()] = h
		cell := "BOTH_APPROVE"
		switch {
		case liveDeclined && shadowDeclined:
			cell = "BOTH_DECLINE"
		case shadowDeclined:
			cell = "SHADOW_DECLINES"
		case liveDeclined:
			cell = "SHADOW_APPROVES"
		}
		ref.cells[cell] = append(ref.cells[cell], d)
	}
	return ref
}

const shadowComparisonQuery = `query($id: ID!, $arm: Arm, $bucket: AnalyticsBucket!, $first: Int!) {
  thresholdShadow(id: $id) {
    id
    predicted { available decisions declineRateProposed }
    comparison(arm: $arm, bucket: $bucket, timeZone: "UTC") {
      from to freshAsOf decisions liveDeclineRate shadowDeclineRate
      series { start decisions liveDeclined shadowDeclined liveDeclineRate shadowDeclineRate }
      cells { agreement decisions share mature bad badRate samples(first: $first) { id outcome } }
      reasons { reason live shadow }
    }
  }
}`

type shadowComparisonView struct {
	ThresholdShadow *struct {
		ID        string
		Predicted *struct {
			Available           bool
			Decisions           int
			DeclineRateProposed float64
		}
		Comparison struct {
			From, To          time.Time
			FreshAsOf         *time.Time
			Decisions         int
			LiveDeclineRate   float64
			ShadowDeclineRate float64
			Series            []struct {
				Start                                   time.Time
				Decisions, LiveDeclined, ShadowDeclined int
				LiveDeclineRate, ShadowDeclineRate      *float64
			}
			Cells []struct {
				Agreement   string
				Decisions   int
				Share       float64
				Mature, Bad *int
				BadRate     *float64
				Samples     []struct{ ID, Outcome string }
			}
			Reasons []struct {
				Reason       string
				Live, Shadow int
			}
		}
	}
}

// comparison reads a shadow's comparison through the API as role.
func (ta *testApp) comparison(tb testing.TB, role auth.Role, id int64, arm thresholds.Arm, bucket string, first int) *gqlResponse {
	tb.Helper()
	vars := map[string]any{"id": idOf(id), "bucket": bucket, "first": first}
	if arm != thresholds.ArmNone {
		vars["arm"] = string(arm)
	}
	return ta.post(tb, role, shadowComparisonQuery, vars)
}

// ratio is part / whole, 0 for an empty whole, as the comparison's overall rates are.
func ratio(part, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return float64(part) / float64(whole)
}

// checkComparison compares the API's comparison in UTC buckets of length bucket with the
// reference exactly; bad gives the expected mature and bad counts of the cells live approved.
func checkComparison(t *testing.T, got *shadowComparisonView, ref cmpReference, sh thresholds.Shadow, bucket time.Duration, first int, bad map[string][2]int) {
	t.Helper()
	if got.ThresholdShadow == nil {
		t.Fatal("thresholdShadow is null")
	}
	c := got.ThresholdShadow.Comparison
	if c.Decisions != ref.decisions || c.LiveDeclineRate != ratio(ref.liveDeclined, ref.decisions) ||
		c.ShadowDeclineRate != ratio(ref.shadowDeclined, ref.decisions) {
		t.Errorf("totals: %d decisions, live %v, shadow %v; want %d, %d/%d live, %d shadow",
			c.Decisions, c.LiveDeclineRate, c.ShadowDeclineRate, ref.decisions, ref.liveDeclined, ref.decisions, ref.shadowDeclined)
	}
	if !c.From.Equal(sh.StartedAt.Truncate(time.Hour)) || c.FreshAsOf == nil {
		t.Errorf("from %v (run started %v), freshAsOf %v", c.From, sh.StartedAt, c.FreshAsOf)
	}
	seen := 0
	for _, p := range c.Series {
		var h [3]int
		for hour, n := range ref.hours {
			if at := time.Unix(hour, 0); !at.Before(p.Start) && at.Before(p.Start.Add(bucket)) {
				h = [3]int{h[0] + n[0], h[1] + n[1], h[2] + n[2]}
			}
		}
		if p.Decisions != h[0] || p.LiveDeclined != h[1] || p.ShadowDeclined != h[2] {
			t.Errorf("bucket %v: %d/%d/%d, want %v", p.Start, p.Decisions, p.LiveDeclined, p.ShadowDeclined, h)
		}
		if (p.LiveDeclineRate == nil) != (h[0] == 0) || (h[0] > 0 && *p.LiveDeclineRate != ratio(h[1], h[0])) {
			t.Errorf("bucket %v: live rate %v, want %d/%d", p.Start, p.LiveDeclineRate, h[1], h[0])
		}
		seen += p.Decisions
	}
	if seen != ref.decisions {
		t.Errorf("the series hold %d decisions, want %d (%d hours)", seen, ref.decisions, len(c.Series))
	}
	if len(c.Cells) != 4 {
		t.Fatalf("%d cells, want 4", len(c.Cells))
	}
	for i, cell := range c.Cells {
		want := ref.cells[cell.Agreement]
		if name := experiments.Agreements[i].String(); cell.Agreement != name {
			t.Errorf("cell %d is %s, want %s", i, cell.Agreement, name)
		}
		if cell.Decisions != len(want) || cell.Share != ratio(len(want), ref.decisions) {
			t.Errorf("%s: %d decisions, share %v; want %d of %d", cell.Agreement, cell.Decisions, cell.Share, len(want), ref.decisions)
		}
		wantIDs := make([]string, 0, first)
		for _, d := range want[:min(first, len(want))] {
			wantIDs = append(wantIDs, d.ID)
		}
		gotIDs := make([]string, len(cell.Samples))
		for j, s := range cell.Samples {
			gotIDs[j] = s.ID
		}
		if !slices.Equal(gotIDs, wantIDs) {
			t.Errorf("%s samples %v, want the newest %d of the cell %v", cell.Agreement, gotIDs, first, wantIDs)
		}
		liveApproved := cell.Agreement == "BOTH_APPROVE" || cell.Agreement == "SHADOW_DECLINES"
		switch {
		case !liveApproved:
			if cell.Mature != nil || cell.Bad != nil || cell.BadRate != nil {
				t.Errorf("%s: outcomes %v/%v/%v of a cell live declined, want null", cell.Agreement, cell.Mature, cell.Bad, cell.BadRate)
			}
		case cell.Mature == nil || cell.Bad == nil:
			t.Errorf("%s: no outcomes", cell.Agreement)
		default:
			wb := bad[cell.Agreement]
			if *cell.Mature != wb[0] || *cell.Bad != wb[1] || (cell.BadRate == nil) != (wb[0] == 0) ||
				(wb[0] > 0 && *cell.BadRate != ratio(wb[1], wb[0])) {
				t.Errorf("%s: %d mature, %d bad, rate %v; want %v", cell.Agreement, *cell.Mature, *cell.Bad, cell.BadRate, wb)
			}
		}
	}
	gotReasons := map[string][2]int{}
	for _, r := range c.Reasons {
		gotReasons[r.Reason] = [2]int{r.Live, r.Shadow}
	}
	if fmt.Sprint(gotReasons) != fmt.Sprint(ref.reasons) {
		t.Errorf("reasons %v, want %v", gotReasons, ref.reasons)
	}
}

func TestShadowComparison(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		var skew atomic.Int64 // how far the app's clock runs ahead of the real one
		ta := newTestApp(t, dialect, 20, WithClock(func() time.Time { return time.Now().Add(time.Duration(skew.Load())) }))
		// A stricter and a laxer set in shadow, a third as the challenger of a 50 % split.
		strict := publishVersion(t, ta, "SE", func(rs []thresholds.RuleInput) {
			rs[engine.BureauScore].Cutoff = 700
			rs[engine.RecentPlans30d].Cutoff = 3
		})
		lax := publishVersion(t, ta, "SE", func(rs []thresholds.RuleInput) {
			rs[engine.BureauScore].Cutoff = 500
			rs[engine.EmploymentMonths].Cutoff = 1
			rs[engine.RecentPlans30d].Cutoff = 8
		})
		challenger := publishVersion(t, ta, "SE", func(rs []thresholds.RuleInput) {
			rs[engine.EmploymentMonths].Cutoff = 24
		})
		lead, second := staffContext("cmp.shadow.lead", auth.Approver), staffContext("cmp.split.lead", auth.Approver)
		shStrict, err := ta.Experiments.StartShadow(lead, strict.ID, nil)
		if err != nil {
			t.Fatal(err)
		}
		shLax, err := ta.Experiments.StartShadow(lead, lax.ID, nil)
		if err != nil {
			t.Fatal(err)
		}
		req, err := ta.Experiments.RequestSplit(lead, challenger.ID, 50, "compare by arm")
		if err == nil {
			_, err = ta.Experiments.ApproveSplitRequest(second, req.ID, "")
		}
		if err != nil {
			t.Fatal(err)
		}
		// Two batches with a pass between: the second adds to the rows of the first's hour.
		const n = 72
		for i := range n {
			ta.assess(t, cmpPurchase(i), uniqueKey(fmt.Sprintf("cmp-%d", i)))
			if i == n/2 {
				if err := ta.Analytics.Advance(ctx); err != nil {
					t.Fatal(err)
				}
			}
		}
		ta.assess(t, purchaseInput("GB", 100, nil), uniqueKey("cmp-gb")) // another market: in no comparison
		if err := ta.Analytics.Advance(ctx); err != nil {
			t.Fatal(err)
		}

		t.Run("equals a row-by-row evaluation", func(t *testing.T) {
			for _, c := range []struct {
				sh thresholds.Shadow
				v  *thresholds.Version
			}{{shStrict, strict}, {shLax, lax}} {
				for _, arm := range []thresholds.Arm{thresholds.ArmNone, thresholds.ArmChampion, thresholds.ArmChallenger} {
					ref := shadowReference(t, ta, c.sh, c.v, arm, time.Now())
					if arm == thresholds.ArmNone && ref.decisions != n {
						t.Fatalf("%d decisions in the run's window, want %d", ref.decisions, n)
					}
					if arm != thresholds.ArmNone && (ref.decisions == 0 || ref.decisions == n) {
						t.Fatalf("arm %s decided %d of %d: the split should share them", arm, ref.decisions, n)
					}
					var got shadowComparisonView
					decodeData(t, ta.comparison(t, auth.Analyst, c.sh.ID, arm, "HOUR", 7), &got)
					checkComparison(t, &got, ref, c.sh, time.Hour, 7, map[string][2]int{})
					if p := got.ThresholdShadow.Predicted; p == nil {
						t.Errorf("version %d was published by a submitted draft: predicted is null", c.v.ID)
					}
				}
			}
			// Every cell of both runs has decisions, so the checks above compared something.
			for _, c := range []struct {
				sh thresholds.Shadow
				v  *thresholds.Version
			}{{shStrict, strict}, {shLax, lax}} {
				ref := shadowReference(t, ta, c.sh, c.v, thresholds.ArmNone, time.Now())
				for _, cell := range experiments.Agreements {
					if len(ref.cells[cell.String()]) == 0 && !(c.v == strict && cell == experiments.ShadowApproves) &&
						!(c.v == lax && cell == experiments.ShadowDeclines) {
						t.Errorf("version %d: no decision in %s; the purchases should cover it", c.v.ID, cell)
					}
				}
			}
		})

		t.Run("samples up to 50", func(t *testing.T) {
			ref := shadowReference(t, ta, shStrict, strict, thresholds.ArmNone, time.Now())
			var got shadowComparisonView
			decodeData(t, ta.comparison(t, auth.Approver, shStrict.ID, thresholds.ArmNone, "DAY", 50), &got)
			checkComparison(t, &got, ref, shStrict, 24*time.Hour, 50, map[string][2]int{})
			for _, first := range []int{51, 0} {
				r := ta.comparison(t, auth.Analyst, shStrict.ID, thresholds.ArmNone, "HOUR", first)
				if r.code() != graph.CodeInvalid || !slices.Contains(errorFields(r), "first") {
					t.Errorf("first %d: %s, want a validation error naming first", first, errorsJSON(r))
				}
			}
			zoned := `query($id: ID!, $tz: String!) { thresholdShadow(id: $id) { comparison(bucket: DAY, timeZone: $tz) { decisions series { start decisions } } } }`
			var inZone struct {
				ThresholdShadow struct {
					Comparison struct {
						Decisions int
						Series    []struct {
							Start     time.Time
							Decisions int
						}
					}
				}
			}
			decodeData(t, ta.post(t, auth.Analyst, zoned, map[string]any{"id": idOf(shStrict.ID), "tz": "Asia/Tokyo"}), &inZone)
			tokyo, err := time.LoadLocation("Asia/Tokyo")
			if err != nil {
				t.Fatal(err)
			}
			sum := 0
			for _, p := range inZone.ThresholdShadow.Comparison.Series {
				if h, m, _ := p.Start.In(tokyo).Clock(); h != 0 || m != 0 {
					t.Errorf("a Tokyo day starts at %v", p.Start)
				}
				sum += p.Decisions
			}
			if sum != ref.decisions || inZone.ThresholdShadow.Comparison.Decisions != ref.decisions {
				t.Errorf("Tokyo days hold %d decisions of %d", sum, ref.decisions)
			}
			for _, tz := range []string{"Mars/Olympus", "Asia/Kolkata"} { // unknown; not whole hours from UTC
				r := ta.post(t, auth.Analyst, zoned, map[string]any{"id": idOf(shStrict.ID), "tz": tz})
				if r.code() != graph.CodeInvalid || !slices.Contains(errorFields(r), "timeZone") {
					t.Errorf("timeZone %s: %s, want a validation error naming timeZone", tz, errorsJSON(r))
				}
			}
			r := ta.comparison(t, auth.Analyst, shStrict.ID, thresholds.ArmNone, "WEEK", 5)
			if r.code() != graph.CodeInvalid || !slices.Contains(errorFields(r), "bucket") {
				t.Errorf("bucket WEEK: %s, want a validation error naming bucket", errorsJSON(r))
			}
		})

		t.Run("who may read it", func(t *testing.T) {
			var got shadowComparisonView
			decodeData(t, ta.comparison(t, auth.Auditor, shLax.ID, thresholds.ArmNone, "HOUR", 1), &got)
			if got.ThresholdShadow == nil || got.ThresholdShadow.Comparison.Decisions != n {
				t.Errorf("auditor's comparison %+v", got.ThresholdShadow)
			}
			if r := ta.comparison(t, auth.Agent, shLax.ID, thresholds.ArmNone, "HOUR", 1); r.code() != graph.CodeForbidden {
				t.Errorf("agent: %s, want FORBIDDEN", errorsJSON(r))
			}
		})

		t.Run("split arms", func(t *testing.T) {
			var got struct {
				ThresholdSplits []struct {
					ID   string
					Arms []struct {
						Arm                 string
						Decisions, Declined int
						DeclineRate         *float64
					}
				}
			}
			decodeData(t, ta.post(t, auth.Auditor, `{ thresholdSplits(market: "SE", first: 5) { id arms { arm decisions declined declineRate } } }`, nil), &got)
			page, err := ta.Store.Decisions(ctx, decisions.Filter{Market: "SE"}, decisions.PageRequest{First: 100_000})
			if err != nil {
				t.Fatal(err)
			}
			want := map[string][2]int{}
			for _, d := range page.Items {
				if d.Arm != thresholds.ArmNone {
					w := want[string(d.Arm)]
					w[0]++
					if d.Outcome == engine.Declined {
						w[1]++
					}
					want[string(d.Arm)] = w
				}
			}
			if len(got.ThresholdSplits) != 1 || len(got.ThresholdSplits[0].Arms) != 2 {
				t.Fatalf("splits %+v", got.ThresholdSplits)
			}
			for _, a := range got.ThresholdSplits[0].Arms {
				w := want[a.Arm]
				if a.Decisions != w[0] || a.Declined != w[1] || a.DeclineRate == nil || *a.DeclineRate != ratio(w[1], w[0]) {
					t.Errorf("arm %s: %d decisions, %d declined, rate %v; want %v", a.Arm, a.Decisions, a.Declined, a.DeclineRate, w)
				}
			}
			if want["CHAMPION"][0]+want["CHALLENGER"][0] != n {
				t.Errorf("arms %v do not add up to the %d decisions", want, n)
			}
		})

		t.Run("bad rates once mature", func(t *testing.T) {
			// Stop the run, then move the app's clock seven months on: the run's approvals are
			// mature under the market's default definition (60+ days late within 6 months).
			sh, err := ta.Experiments.StopShadow(lead, shStrict.ID)
			if err != nil {
				t.Fatal(err)
			}
			ref := shadowReference(t, ta, sh, strict, thresholds.ArmNone, time.Now())
			skew.Store(int64(7 * 31 * 24 * time.Hour))
			wantBad := map[string][2]int{}
			var events []map[string]any
			for _, cell := range []string{"BOTH_APPROVE", "SHADOW_DECLINES"} {
				for i, d := range ref.cells[cell] {
					w := wantBad[cell]
					w[0]++
					id, at, owed := d.ID, d.CreatedAt, d.AmountMinor
					if i%2 == 0 { // 60+ days late in the second month: bad
						w[1]++
						events = append(events, outcomeEvent(id, "e1", at.AddDate(0, 0, 20), "LATE_1_29", owed, 0, "SEK"),
							outcomeEvent(id, "e2", at.AddDate(0, 0, 45), "LATE_30_59", owed, 0, "SEK"),
							outcomeEvent(id, "e3", at.AddDate(0, 0, 75), "LATE_60_89", owed, 0, "SEK"))
					} else {
						events = append(events, outcomeEvent(id, "e1", at.AddDate(0, 0, 30), "PAID", 0, 0, "SEK"))
					}
					wantBad[cell] = w
				}
			}
			if len(events) == 0 {
				t.Fatal("the run approved nothing")
			}
			ta.mustRecord(t, events)
			var got shadowComparisonView
			decodeData(t, ta.comparison(t, auth.Analyst, sh.ID, thresholds.ArmNone, "DAY", 3), &got)
			checkComparison(t, &got, ref, sh, 24*time.Hour, 3, wantBad)
			if to := got.ThresholdShadow.Comparison.To; to.After(sh.StoppedAt.Add(25 * time.Hour)) {
				t.Errorf("a stopped run's comparison ends at %v, long after its stop %v", to, sh.StoppedAt)
			}

			// Reading the mature approvals is a heavy operation: with every slot held, the
			// comparison is refused (the run reads null, no partial figures), as the other heavy reads are, and runs again once a
			// slot is free.
			var releases []func()
			for range ta.Heavy.Limit() {
				release, err := ta.Heavy.Acquire(ctx, "test")
				if err != nil {
					t.Fatal(err)
				}
				releases = append(releases, release)
			}
			r := ta.comparison(t, auth.Analyst, sh.ID, thresholds.ArmNone, "DAY", 3)
			if r.code() != "LIMIT_EXCEEDED" || string(r.Data) != `{"thresholdShadow":null}` {
				t.Errorf("comparison with every heavy slot held: errors %s, data %s; want LIMIT_EXCEEDED and no shadow run",
					errorsJSON(r), truncate(string(r.Data), 100))
			}
			for _, release := range releases {
				release()
			}
			decodeData(t, ta.comparison(t, auth.Analyst, sh.ID, thresholds.ArmNone, "DAY", 3), &got)
			checkComparison(t, &got, ref, sh, 24*time.Hour, 3, wantBad)
		})
	})
}
