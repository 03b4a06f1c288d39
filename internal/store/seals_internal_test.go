package store

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/audit"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/thresholds"
	"riskconsole/models"
)

// sealTestRecord is a declined decision with a full pop-up message, as an assessment stores it.
func sealTestRecord() decisions.Record {
	return decisions.Record{
		Decision: decisions.Decision{
			ID: "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", Reference: "ABCDEFGHJ",
			CreatedAt: time.Date(2026, 12, 5, 8, 0, 0, 123456000, time.UTC),
			Purchase: decisions.Purchase{Market: "US", Currency: "USD", AmountMinor: 12345, MerchantID: "m-1",
				MerchantName: "Acme Outdoor", MerchantCategory: "SPORTS", ShopperID: "s-1", Locale: "en-US", Channel: "WEB"},
			Outcome: engine.Declined, Reasons: []engine.Reason{1, 2},
			Message: decisions.Message{Locale: "en-US", Title: "We couldn't approve this purchase",
				Body:  strings.Repeat("Your credit report shows recent missed payments. ", 8),
				Steps: []string{"Check your credit report.", "Try a smaller amount.", "Contact us."}},
		},
		IdempotencyKey: "token:1:checkout-key", RequestHash: strings.Repeat("ab", 32),
	}
}

// TestDecisionSeal: a seal covers every column but itself, and JSON reformatted by the database
// keeps it.
func TestDecisionSeal(t *testing.T) {
	k, err := audit.NewKey([]byte("a test key of at least thirty-two bytes"))
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{key: k}
	rec := sealTestRecord()
	row := decisionRow(&rec)
	vals, err := decisionValues(&row, false)
	if err != nil {
		t.Fatal(err)
	}
	s.sealValues(vals)
	row.Seal = vals[len(vals)-1].(string)
	if !strings.HasPrefix(row.Seal, k.ID()+":") || s.sealProblem(&row) != "" {
		t.Fatalf("seal %q does not check out", row.Seal)
	}
	reformatted := row
	reformatted.MessageSteps = `["Check your credit report.", "Try a smaller amount.", "Contact us."]` // as jsonb prints it
	if p := s.sealProblem(&reformatted); p != "" {
		t.Errorf("steps reformatted: %s", p)
	}
	for name, change := range map[string]func(r *models.Decision){
		"outcome":   func(r *models.Decision) { r.Outcome = "APPROVED" },
		"amount":    func(r *models.Decision) { r.AmountMinor++ },
		"score":     func(r *models.Decision) { r.BureauScore += 0.5 },
		"time":      func(r *models.Decision) { r.CreatedAt = r.CreatedAt.Add(time.Microsecond) },
		"steps":     func(r *models.Decision) { r.MessageSteps = `["Contact us."]` },
		"reference": func(r *models.Decision) { r.Reference = "ABCDEFGHK" },
		"a bureau report added": func(r *models.Decision) {
			r.BureauReport = `{"bureau":"EXPERIAN_US","score":612,"scoreMin":300,"scoreMax":850,"scoreDate":"2026-12-01","keyFactors":[]}`
		},
		"an arm added":            func(r *models.Decision) { r.Arm = "CHAMPION" },
		"a shadow's result added": func(r *models.Decision) { r.ShadowResults = ";7:0;" },
	} {
		changed := row
		change(&changed)
		if p := s.sealProblem(&changed); p != "seal mismatch: content changed" {
			t.Errorf("%s changed: %q, want a mismatch", name, p)
		}
	}
}

// BenchmarkDecisionSeal is what sealing adds to an assessment: the MAC of one decision's content.
func BenchmarkDecisionSeal(b *testing.B) {
	k, err := audit.NewKey([]byte("a test key of at least thirty-two bytes"))
	if err != nil {
		b.Fatal(err)
	}
	s := &Store{key: k}
	rec := sealTestRecord()
	row := decisionRow(&rec)
	vals, err := decisionValues(&row, false)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s.sealValues(vals)
	}
}

// TestDecisionSealNotices: the bureau report is sealed with the decision, and a decision sealed
// before it existed (empty) keeps its seal.
func TestDecisionSealNotices(t *testing.T) {
	k, err := audit.NewKey([]byte("a test key of at least thirty-two bytes"))
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{key: k}
	rec := sealTestRecord()
	rec.Bureau = &decisions.BureauReport{Bureau: "EXPERIAN_US", Score: 612, ScoreMin: 300, ScoreMax: 850,
		ScoreDate: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), KeyFactors: []string{"Serious delinquency"}}
	row := decisionRow(&rec)
	vals, err := decisionValues(&row, false)
	if err != nil {
		t.Fatal(err)
	}
	s.sealValues(vals)
	row.Seal = vals[len(vals)-1].(string)
	if p := s.sealProblem(&row); p != "" {
		t.Fatalf("seal does not check out: %s", p)
	}
	back, err := decisionFromRow(&row)
	if err != nil || back.Bureau == nil || back.Bureau.Score != 612 || !back.Bureau.ScoreDate.Equal(rec.Bureau.ScoreDate) ||
		back.Bureau.KeyFactors[0] != "Serious delinquency" {
		t.Fatalf("round trip: %+v %v", back.Bureau, err)
	}
	for name, change := range map[string]func(r *models.Decision){
		"the key factors":    func(r *models.Decision) { r.BureauReport = strings.Replace(r.BureauReport, "Serious", "Minor", 1) },
		"the score":          func(r *models.Decision) { r.BureauReport = strings.Replace(r.BureauReport, "612", "712", 1) },
		"the report removed": func(r *models.Decision) { r.BureauReport = "" },
	} {
		changed := row
		change(&changed)
		if p := s.sealProblem(&changed); p != "seal mismatch: content changed" {
			t.Errorf("%s changed: %q, want a mismatch", name, p)
		}
	}
}

// TestDecisionSealExperiments: the split's arm and the shadows' results are sealed with the
// decision (issue 17), and read back as written.
func TestDecisionSealExperiments(t *testing.T) {
	k, err := audit.NewKey([]byte("a test key of at least thirty-two bytes"))
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{key: k}
	rec := sealTestRecord()
	rec.Arm = thresholds.ArmChallenger
	rec.Shadows = []decisions.ShadowResult{{VersionID: 7, Outcome: engine.Approved},
		{VersionID: 9, Outcome: engine.Declined, Reasons: []engine.Reason{9, 1, 15}}}
	row := decisionRow(&rec)
	if row.Arm != "CHALLENGER" || row.ShadowResults != ";7:0;9:91f;" {
		t.Fatalf("columns: arm %q, shadow results %q", row.Arm, row.ShadowResults)
	}
	vals, err := decisionValues(&row, false)
	if err != nil {
		t.Fatal(err)
	}
	s.sealValues(vals)
	row.Seal = vals[len(vals)-1].(string)
	if p := s.sealProblem(&row); p != "" {
		t.Fatalf("seal does not check out: %s", p)
	}
	back, err := decisionFromRow(&row)
	if err != nil || back.Arm != rec.Arm || !reflect.DeepEqual(back.Shadows, rec.Shadows) {
		t.Fatalf("round trip: arm %q, shadows %+v, %v", back.Arm, back.Shadows, err)
	}
	for name, change := range map[string]func(r *models.Decision){
		"the arm":             func(r *models.Decision) { r.Arm = "CHAMPION" },
		"the arm removed":     func(r *models.Decision) { r.Arm = "" },
		"a shadow's outcome":  func(r *models.Decision) { r.ShadowResults = ";7:0;9:0;" },
		"the shadows removed": func(r *models.Decision) { r.ShadowResults = "" },
		"a shadow's reasons":  func(r *models.Decision) { r.ShadowResults = ";7:0;9:19f;" },
	} {
		changed := row
		change(&changed)
		if p := s.sealProblem(&changed); p != "seal mismatch: content changed" {
			t.Errorf("%s changed: %q, want a mismatch", name, p)
		}
	}
}
