package app

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"riskconsole/internal/auth"
	"riskconsole/internal/engine"
	"riskconsole/models"
)

// rawDB opens a second connection to the test app's database, to write outcome events and a bad
// definition the way the servicing system and an approval would, without their services.
func rawDB(t testing.TB, ta *testApp) *gorm.DB {
	t.Helper()
	var d gorm.Dialector
	if ta.Config.DatabaseURL != "" {
		d = postgres.Open(ta.Config.DatabaseURL)
	} else {
		d = sqlite.Open("file:" + ta.Config.SQLitePath() + "?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)")
	}
	db, err := gorm.Open(d, &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if s, err := db.DB(); err == nil {
			s.Close()
		}
	})
	return db
}

// seedOutcomes gives US a one-month bad definition (version 2) and every approved US decision
// repayment events: those with a bureau score below 650, and every 9th other one, go 30+ days
// late two weeks after the purchase, and half of those are charged off a month later. It returns
// the ids of the approved decisions that stayed current.
func seedOutcomes(t *testing.T, db *gorm.DB) (good []string) {
	t.Helper()
	def := models.BadDefinition{Market: "US", Version: 2, Level: "LATE_30_59", WindowMonths: 1, Author: "analyst",
		Approver: "approver", Rationale: "test: 30+ within a month", CreatedAt: time.Now().UTC()}
	if err := db.Create(&def).Error; err != nil {
		t.Fatal(err)
	}
	var rows []struct {
		ID          string
		CreatedAt   time.Time
		AmountMinor int64
		Currency    string
		BureauScore float64
	}
	if err := db.Raw("SELECT id, created_at, amount_minor, currency, bureau_score FROM decisions WHERE market = 'US' AND outcome = 'APPROVED' ORDER BY created_at, id").Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	var events []models.OutcomeEvent
	for i, r := range rows {
		at := r.CreatedAt.UTC()
		ev := func(k int, d time.Duration, status string, out, wo int64) {
			events = append(events, models.OutcomeEvent{DecisionID: r.ID, EventID: fmt.Sprintf("e%d", k), ObservedAt: at.Add(d),
				Status: status, OutstandingMinor: out, WrittenOffMinor: wo, Currency: r.Currency, RecordedAt: time.Now().UTC(), DecisionCreatedAt: at})
		}
		ev(0, time.Hour, "CURRENT", r.AmountMinor, 0)
		if r.BureauScore < 650 || i%9 == 0 {
			ev(1, 14*24*time.Hour, "LATE_30_59", r.AmountMinor, 0)
			if i%2 == 0 {
				ev(2, 45*24*time.Hour, "CHARGED_OFF", 0, r.AmountMinor/2)
			}
			continue
		}
		good = append(good, r.ID)
	}
	if err := db.CreateInBatches(events, 500).Error; err != nil {
		t.Fatal(err)
	}
	return good
}

// TestSimulateOutcomesAPI: with repayment events and a bad definition in force, the what-if's
// warm-up reads the outcomes; rejectInference fits; simulate returns outcome figures whose
// swap-set adds up; the sensitivity curve carries approval, bad and loss rates and the now and
// proposed points; the stored impact has the outcome figures; and a later event is followed.
func TestSimulateOutcomesAPI(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		ta := newTestApp(t, dialect, 2500)
		db := rawDB(t, ta)
		good := seedOutcomes(t, db)
		if err := ta.WhatIf.Warm(ctx); err != nil {
			t.Fatal(err)
		}

		var inf struct {
			RejectInference struct {
				Available                  bool
				Note                       *string
				BadDefinition              string
				Samples, Bads              int
				Auc, LogLoss, LossGivenBad *float64
				Coefficients               []struct {
					MeasuredValue *string
					Weight        float64
				}
			}
		}
		decodeData(t, ta.post(t, auth.Auditor, `{ rejectInference(market: "US") { available note badDefinition samples bads auc logLoss lossGivenBad coefficients { measuredValue weight } } }`, nil), &inf)
		ri := inf.RejectInference
		if !ri.Available || ri.Samples < 200 || ri.Bads < 20 || ri.Auc == nil || *ri.Auc <= 0.5 || ri.LossGivenBad == nil ||
			len(ri.Coefficients) != engine.NumMeasures+1 || ri.Coefficients[0].MeasuredValue != nil || ri.BadDefinition != "ever LATE_30_59 or worse within 1 months" {
			t.Fatalf("rejectInference = %+v (note %v)", ri, ri.Note)
		}
		var score float64
		for _, c := range ri.Coefficients[1:] {
			if *c.MeasuredValue == "BUREAU_SCORE" {
				score = c.Weight
			}
		}
		if score >= 0 {
			t.Fatalf("the score's weight is %v; the bad ones have the low scores", score)
		}

		active, err := ta.Thresholds.Active("US", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		proposal := func(cut float64) []map[string]any {
			out := make([]map[string]any, len(active.Set.Rules))
			for i, r := range active.Set.Rules {
				c := r.Cutoff
				if r.Measure == engine.BureauScore {
					c = cut
				}
				out[i] = map[string]any{"measuredValue": r.Measure.String(), "comparator": r.Comparator.String(), "cutoff": c, "enabled": r.Enabled}
			}
			return out
		}
		type figures struct {
			Decisions, Mature, Immature, Bad, Inferred int
			InferredBad, Loss, LossLow, LossHigh       float64
			BadRate, BadRateLow, BadRateHigh, LossRate *float64
		}
		const fig = `{ decisions mature immature bad inferred inferredBad loss lossLow lossHigh badRate badRateLow badRateHigh lossRate }`
		var sim struct {
			Simulate struct {
				Assessed                              int
				ApprovalRateNow, ApprovalRateProposed float64
				BadDefinition                         struct{ Version, WindowMonths int }
				OutcomesNow, OutcomesProposed         figures
				SwapSet                               struct{ KeptApproved, SwapOut, SwapIn, KeptDeclined figures }
				ImmatureShare                         *float64
				Inference                             struct{ Available bool }
			}
		}
		decodeData(t, ta.post(t, auth.Analyst, `query($p: [ThresholdRuleInput!]!) { simulate(market: "US", proposal: $p) {
			assessed approvalRateNow approvalRateProposed badDefinition { version windowMonths }
			outcomesNow `+fig+` outcomesProposed `+fig+`
			swapSet { keptApproved `+fig+` swapOut `+fig+` swapIn `+fig+` keptDeclined `+fig+` }
			immatureShare inference { available } } }`, map[string]any{"p": proposal(active.Set.Rules[engine.BureauScore].Cutoff + 40)}), &sim)
		s := sim.Simulate
		sw := s.SwapSet
		if s.BadDefinition.Version != 2 || s.BadDefinition.WindowMonths != 1 || !s.Inference.Available || s.ImmatureShare == nil {
			t.Fatalf("simulate: %+v", s)
		}
		if sw.KeptApproved.Decisions+sw.SwapOut.Decisions+sw.SwapIn.Decisions+sw.KeptDeclined.Decisions != s.Assessed ||
			s.OutcomesNow.Decisions != sw.KeptApproved.Decisions+sw.SwapOut.Decisions ||
			s.OutcomesProposed.Bad != sw.KeptApproved.Bad+sw.SwapIn.Bad || sw.SwapOut.Decisions == 0 || sw.SwapIn.Decisions != 0 {
			t.Fatalf("the swap-set does not add up: %+v", s)
		}
		now, prop := s.OutcomesNow, s.OutcomesProposed
		if now.Mature == 0 || now.Bad == 0 || now.BadRate == nil || now.LossRate == nil || now.Loss <= 0 ||
			sw.KeptDeclined.Inferred == 0 || sw.KeptDeclined.InferredBad <= 0 ||
			*sw.KeptDeclined.BadRateLow > *sw.KeptDeclined.BadRate || *sw.KeptDeclined.BadRateHigh < *sw.KeptDeclined.BadRate {
			t.Fatalf("outcome figures: now %+v, kept declined %+v", now, sw.KeptDeclined)
		}
		// A stricter score cut-off turns away more of the low scores, the bad ones.
		if prop.BadRate == nil || *prop.BadRate >= *now.BadRate || s.ApprovalRateProposed >= s.ApprovalRateNow {
			t.Fatalf("stricter proposal: now %v %v, proposed %v %v", s.ApprovalRateNow, *now.BadRate, s.ApprovalRateProposed, prop.BadRate)
		}

		var curve struct {
			Sensitivity struct {
				Points []struct {
					Cutoff, ApprovalRate float64
					BadRate, LossRate    *float64
				}
				NowPoint, ProposedPoint struct {
					ApprovalRate float64
					BadRate      *float64
				}
				BadDefinition struct{ Version int }
			}
		}
		decodeData(t, ta.post(t, auth.Approver, `query($p: [ThresholdRuleInput!]!) { sensitivity(market: "US", measuredValue: BUREAU_SCORE, proposal: $p, points: 11) {
			points { cutoff approvalRate badRate lossRate } nowPoint { approvalRate badRate } proposedPoint { approvalRate badRate } badDefinition { version } } }`,
			map[string]any{"p": proposal(active.Set.Rules[engine.BureauScore].Cutoff + 40)}), &curve)
		cs := curve.Sensitivity
		if len(cs.Points) != 11 || cs.BadDefinition.Version != 2 || cs.NowPoint.BadRate == nil || cs.ProposedPoint.BadRate == nil ||
			!closeTo(cs.NowPoint.ApprovalRate, s.ApprovalRateNow) || !closeTo(cs.ProposedPoint.ApprovalRate, s.ApprovalRateProposed) ||
			!closeTo(*cs.NowPoint.BadRate, *now.BadRate) || !closeTo(*cs.ProposedPoint.BadRate, *prop.BadRate) {
			t.Fatalf("sensitivity: %+v; simulate now %v/%v, proposed %v/%v", cs, s.ApprovalRateNow, *now.BadRate, s.ApprovalRateProposed, *prop.BadRate)
		}
		for i, p := range cs.Points {
			if p.BadRate == nil || p.LossRate == nil || (i > 0 && p.ApprovalRate > cs.Points[i-1].ApprovalRate) {
				t.Fatalf("curve point %d: %+v", i, p)
			}
		}

		stricter := active.Set
		stricter.Rules[engine.BureauScore].Cutoff += 40
		imp, err := ta.WhatIf.Impact(ctx, "US", &stricter)
		if err != nil || imp.BadRateProposed == nil || imp.BadRateNow == nil || imp.MatureDecisions == nil || *imp.MatureDecisions == 0 ||
			imp.BadDefinition == nil || imp.LossProposed == nil || !closeTo(*imp.BadRateProposed, *prop.BadRate) {
			t.Fatalf("impact = %+v, %v", imp, err)
		}

		// A charge-off arriving later is followed: the decision turns bad.
		h, err := ta.WhatIf.History("US")
		if err != nil {
			t.Fatal(err)
		}
		var d models.Decision
		if err := db.Where("id = ?", good[0]).First(&d).Error; err != nil {
			t.Fatal(err)
		}
		row, ok := h.Snapshot().Find(d.CreatedAt.UnixMicro(), float32(float64(d.AmountMinor)/100))
		if !ok {
			t.Fatalf("decision %s is not in the history", d.ID)
		}
		if sum, ok := h.Snapshot().Summary(row); !ok || sum.FirstMonth[0] != 255 {
			t.Fatalf("summary before = %v, %v", sum, ok)
		}
		late := models.OutcomeEvent{DecisionID: d.ID, EventID: "late", ObservedAt: d.CreatedAt.UTC().Add(20 * 24 * time.Hour), Status: "LATE_30_59",
			OutstandingMinor: d.AmountMinor, Currency: d.Currency, RecordedAt: time.Now().UTC(), DecisionCreatedAt: d.CreatedAt.UTC()}
		if err := db.Create(&late).Error; err != nil {
			t.Fatal(err)
		}
		if err := ta.WhatIf.Follow(ctx); err != nil {
			t.Fatal(err)
		}
		if sum, ok := h.Snapshot().Summary(row); !ok || sum.FirstMonth[0] != 0 {
			t.Fatalf("summary after a late event = %v, %v; want 30+ in month 0", sum, ok)
		}
	})
}

func closeTo(a, b float64) bool { return a-b < 1e-6 && b-a < 1e-6 }
