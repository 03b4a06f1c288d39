package app

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/auth"

	"riskconsole/internal/engine"

	"riskconsole/internal/whatif"
)

// TestWhatIfHistory warms the what-if histories from each database, then follows new decisions:
// each decision is in memory exactly once, in its market's history, whatever the overlap of the
// follow-up reads.
func TestWhatIfHistory(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		ta := newTestApp(t, dialect, 900)
		svc := whatif.NewService(ta.Store, ta.Thresholds, ta.BadDefinitions, nil)
		if st := svc.Status(); st.Ready || st.Loaded != 0 {
			t.Fatalf("status before the warm-up = %+v", st)
		}
		if err := svc.Warm(ctx); err != nil {
			t.Fatal(err)
		}
		count := func() int64 {
			n, err := ta.Store.CountDecisions(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		lengths := func() (sum int) {
			for _, m := range []string{"US", "GB", "SE", "DE"} {
				if h, err := svc.History(m); err == nil {
					sum += h.Len()
				}
			}
			return sum
		}
		if st := svc.Status(); !st.Ready || st.Loaded != count() || st.Total != st.Loaded || int64(lengths()) != st.Loaded {
			t.Fatalf("after the warm-up: status %+v, histories %d, stored %d", st, lengths(), count())
		}
		before := count()
		for i := range 5 {
			ta.assess(t, purchaseInput("SE", 100+float64(i), nil), fmt.Sprintf("whatif-%d", i))
		}
		for range 3 { // the overlap re-reads the new decisions; each is kept once
			if err := svc.Follow(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if st := svc.Status(); st.Loaded != before+5 || int64(lengths()) != before+5 {
			t.Fatalf("after following 5 new decisions: status %+v, histories %d, want %d", st, lengths(), before+5)
		}
		se, err := svc.History("SE")
		if err != nil {
			t.Fatal(err)
		}
		snap := se.Snapshot()
		if last := snap.Amount(snap.Len() - 1); last != 104 {
			t.Fatalf("newest SE row has amount %v, want 104", last)
		}
	})
}

// TestWhatIfImpact: the impact stored with a submitted draft comes from the warmed history. The
// set in force against itself changes nothing; a stricter score cut-off declines more, and every
// change is an approval turned into a decline. (Exactness against the engine is proven in
// internal/whatif.)
func TestWhatIfImpact(t *testing.T) {
	ctx := context.Background()
	ta := newTestApp(t, "sqlite", 1500)
	svc := whatif.NewService(ta.Store, ta.Thresholds, ta.BadDefinitions, func() time.Time { return testEnd })
	if imp, err := svc.Impact(ctx, "US", nil); err != nil || imp.Available {
		t.Fatalf("impact before the warm-up = %+v, %v; want unavailable", imp, err)
	}
	if err := svc.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	active, err := ta.Thresholds.Active("US", testEnd)
	if err != nil {
		t.Fatal(err)
	}
	same, err := svc.Impact(ctx, "US", &active.Set)
	if err != nil || !same.Available || same.Decisions == 0 || same.DeclineRateNow != same.DeclineRateProposed ||
		same.ApprovedToDeclined != 0 || same.DeclinedToApproved != 0 {
		t.Fatalf("impact of the set in force = %+v, %v", same, err)
	}
	stricter := active.Set
	stricter.Rules[engine.BureauScore].Cutoff = 700
	imp, err := svc.Impact(ctx, "US", &stricter)
	if err != nil || imp.Decisions != same.Decisions || imp.DeclineRateProposed <= imp.DeclineRateNow ||
		imp.ApprovedToDeclined == 0 || imp.DeclinedToApproved != 0 {
		t.Fatalf("impact of a stricter score cut-off = %+v, %v", imp, err)
	}
}

// TestSimulateAPI: simulate and sensitivity through the real handler on both databases, after
// the warm-up: the set in force against itself, a stricter proposal whose flipped decisions open
// in the explorer, a curve, and bad arguments named field by field.
func TestSimulateAPI(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		ta := newTestApp(t, dialect, 1200)
		if err := ta.WhatIf.Warm(ctx); err != nil {
			t.Fatal(err)
		}
		active, err := ta.Thresholds.Active("US", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		proposal := func(score float64) []map[string]any {
			out := make([]map[string]any, len(active.Set.Rules))
			for i, r := range active.Set.Rules {
				cut := r.Cutoff
				if r.Measure == engine.BureauScore {
					cut = score
				}
				out[i] = map[string]any{"measuredValue": r.Measure.String(), "comparator": r.Comparator.String(), "cutoff": cut, "enabled": r.Enabled}
			}
			return out
		}
		const q = `query($p: [ThresholdRuleInput!]!, $from: Time) { simulate(market: "US", proposal: $p, from: $from) {
			assessed declinedNow declinedProposed declineRateNow declineRateProposed approvedToDeclined declinedToApproved
			baselineVersion { id } reasons { code now proposed } days { day assessed } categories { category assessed }
			sampleApprovedToDeclined { decisionId createdAt merchantCategory amount } } }`
		type sim struct {
			Simulate struct {
				Assessed, DeclinedNow, DeclinedProposed, ApprovedToDeclined, DeclinedToApproved int
				DeclineRateNow, DeclineRateProposed                                             float64
				BaselineVersion                                                                 struct{ ID string }
				Days                                                                            []struct{ Assessed int }
				SampleApprovedToDeclined                                                        []struct{ DecisionID string }
			}
		}
		from := testEnd.Add(-400 * 24 * time.Hour).Format(time.RFC3339)
		var same, stricter sim
		decodeData(t, ta.post(t, auth.Analyst, q, map[string]any{"p": proposal(active.Set.Rules[engine.BureauScore].Cutoff), "from": from}), &same)
		s := same.Simulate
		if s.Assessed == 0 || s.DeclinedNow != s.DeclinedProposed || s.ApprovedToDeclined != 0 || s.BaselineVersion.ID != fmt.Sprint(active.ID) {
			t.Fatalf("the set in force against itself: %+v", s)
		}
		days := 0
		for _, d := range s.Days {
			days += d.Assessed
		}
		if days != s.Assessed {
			t.Fatalf("days add up to %d, assessed %d", days, s.Assessed)
		}
		decodeData(t, ta.post(t, auth.Approver, q, map[string]any{"p": proposal(720), "from": from}), &stricter)
		s = stricter.Simulate
		if s.DeclinedProposed <= s.DeclinedNow || s.ApprovedToDeclined == 0 || len(s.SampleApprovedToDeclined) == 0 {
			t.Fatalf("a stricter score cut-off: %+v", s)
		}
		for _, f := range s.SampleApprovedToDeclined {
			r := ta.post(t, auth.Auditor, `query($id: ID!) { decision(id: $id) { outcome market breakdown } }`, map[string]any{"id": f.DecisionID})
			if len(r.Errors) > 0 {
				t.Fatalf("a flipped decision does not open: %+v", r.Errors)
			}
		}

		var curve struct {
			Sensitivity struct {
				Assessed int
				Points   []struct{ Cutoff, DeclineRate float64 }
			}
		}
		decodeData(t, ta.post(t, auth.Analyst, `query($p: [ThresholdRuleInput!]!, $from: Time) { sensitivity(market: "US", measuredValue: BUREAU_SCORE, proposal: $p, from: $from, points: 101) { assessed points { cutoff declineRate } } }`,
			map[string]any{"p": proposal(600), "from": from}), &curve)
		pts := curve.Sensitivity.Points
		if len(pts) != 101 || curve.Sensitivity.Assessed != same.Simulate.Assessed {
			t.Fatalf("curve: %d points, assessed %d", len(pts), curve.Sensitivity.Assessed)
		}
		for i := 1; i < len(pts); i++ {
			if pts[i].DeclineRate < pts[i-1].DeclineRate { // GTE: a higher minimum score declines more
				t.Fatalf("curve falls between %+v and %+v", pts[i-1], pts[i])
			}
		}

		// The slider's axis: the points at the score's quantiles, distinct and ascending, the
		// same whatever the other rules (they only move the rates).
		var axis, axisOther struct {
			Sensitivity struct {
				Points []struct{ Cutoff, DeclineRate float64 }
			}
		}
		qq := `query($p: [ThresholdRuleInput!]!, $from: Time) { sensitivity(market: "US", measuredValue: BUREAU_SCORE, proposal: $p, from: $from, points: 41, spacing: QUANTILES) { points { cutoff declineRate } } }`
		decodeData(t, ta.post(t, auth.Analyst, qq, map[string]any{"p": proposal(600), "from": from}), &axis)
		qp := axis.Sensitivity.Points
		if len(qp) < 2 || len(qp) > 41 || qp[0].Cutoff > pts[0].Cutoff {
			t.Fatalf("quantile axis: %+v (even axis from %v)", qp, pts[0].Cutoff)
		}
		for i := 1; i < len(qp); i++ {
			if qp[i].Cutoff <= qp[i-1].Cutoff || qp[i].DeclineRate < qp[i-1].DeclineRate {
				t.Fatalf("quantile axis not ascending at %d: %+v", i, qp)
			}
		}
		other := proposal(600)
		other[engine.DebtToIncome]["enabled"] = false
		decodeData(t, ta.post(t, auth.Analyst, qq, map[string]any{"p": other, "from": from}), &axisOther)
		if len(axisOther.Sensitivity.Points) != len(qp) || axisOther.Sensitivity.Points[len(qp)/2].Cutoff != qp[len(qp)/2].Cutoff {
			t.Fatalf("the axis moved with the other rules: %+v, then %+v", qp, axisOther.Sensitivity.Points)
		}

		bad := ta.post(t, auth.Analyst, `query($p: [ThresholdRuleInput!]!) { sensitivity(market: "XX", measuredValue: BUREAU_SCORE, proposal: $p, points: 1, from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z") { assessed } }`,
			map[string]any{"p": proposal(600)})
		fields := fmt.Sprint(bad.Errors)
		if bad.code() != "INVALID" || !strings.Contains(fields, "points") {
			t.Fatalf("bad sensitivity arguments: %+v", bad.Errors)
		}
		bad = ta.post(t, auth.Analyst, `query($p: [ThresholdRuleInput!]!) { simulate(market: "XX", proposal: $p, from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z") { assessed } }`,
			map[string]any{"p": proposal(600)})
		fields = fmt.Sprint(bad.Errors)
		if bad.code() != "INVALID" || !strings.Contains(fields, "market") || !strings.Contains(fields, "to") {
			t.Fatalf("bad simulate arguments: %+v", bad.Errors)
		}
	})
}
