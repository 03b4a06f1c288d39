package store

import (
	"slices"
	"testing"

	"riskconsole/internal/audit"
	"riskconsole/internal/decisions"
	"riskconsole/models"
)

// TestReviewColumnsBeforeSeal pins the layout sealedValues relies on: the review columns of issue
// 15 come right before the seal. A column added after them (or a merge that moved them) would
// silently change what an automated decision's seal covers.
func TestReviewColumnsBeforeSeal(t *testing.T) {
	n := len(decisionColumns)
	if got := decisionColumns[n-reviewColumns-1 : n]; !slices.Equal(got, []string{"kind", "overturns", "reviewer", "review_reason", "seal"}) {
		t.Fatalf("the last decision columns are %v", got)
	}
}

// TestReviewSeal: an automated decision's seal covers what it did before the review columns
// existed, so old seals still match; a reviewer's overturn seals its kind, link, reviewer and
// reason too.
func TestReviewSeal(t *testing.T) {
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
	// The seal as it was computed before issue 15: every column up to message_steps.
	before := k.ID() + ":" + k.Seal(decisionContent(vals[:len(vals)-reviewColumns-1], false))
	if vals[len(vals)-1] != before {
		t.Fatalf("an automated decision's seal changed with the review columns")
	}

	over := decisions.Overturn(&rec.Decision, "user:5:rita", "the remark was settled", "review_case:1", rec.CreatedAt)
	over.ID, over.Reference = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c", "KLMNPQRST"
	orow := decisionRow(&over)
	ovals, err := decisionValues(&orow, false)
	if err != nil {
		t.Fatal(err)
	}
	s.sealValues(ovals)
	orow.Seal = ovals[len(ovals)-1].(string)
	if s.sealProblem(&orow) != "" {
		t.Fatal("an overturn's seal does not check out")
	}
	for name, change := range map[string]func(r *models.Decision){
		"kind":      func(r *models.Decision) { r.Kind = string(decisions.KindAutomated) },
		"overturns": func(r *models.Decision) { r.Overturns = "another" },
		"reviewer":  func(r *models.Decision) { r.Reviewer = "user:6:ravi" },
		"reason":    func(r *models.Decision) { r.ReviewReason = "rewritten" },
	} {
		changed := orow
		change(&changed)
		if s.sealProblem(&changed) == "" {
			t.Errorf("changing the %s of an overturn keeps its seal", name)
		}
	}
}
