package decisions

import (
	"testing"
	"time"

	"riskconsole/internal/engine"
)

// TestOverturn checks the decision an overturn writes and how an export shows it: an approval of
// the same purchase, of kind MANUAL_REVIEW, linked to the original, without engine reasons or
// pop-up, and with the reviewer's reason defused for spreadsheets.
func TestOverturn(t *testing.T) {
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	original := Decision{ID: "0190-orig", Reference: "ABCDEFGHJ", CreatedAt: at.AddDate(0, 0, -3),
		Purchase: Purchase{Market: "SE", Currency: "SEK", AmountMinor: 600000, ShopperID: "s-1"},
		Outcome:  engine.Declined, Reasons: []engine.Reason{engine.Reason(1)}, ThresholdVersionID: 4, CatalogVersionID: 2,
		Message: Message{Title: "declined"}, Kind: KindAutomated}
	rec := Overturn(&original, "user:5:rita", "=the remark was settled", "review_case:7", at)
	d := rec.Decision
	if d.Kind != KindManualReview || d.Outcome != engine.Approved || len(d.Reasons) != 0 || d.Message.Title != "" ||
		d.Overturns != original.ID || d.Reviewer != "user:5:rita" || d.ReviewReason != "=the remark was settled" ||
		d.Purchase != original.Purchase || d.ThresholdVersionID != 4 || !d.CreatedAt.Equal(at) || rec.IdempotencyKey != "review_case:7" {
		t.Fatalf("overturn %+v", rec)
	}
	if again := Overturn(&original, "user:5:rita", "other", "review_case:7", at); again.RequestHash != rec.RequestHash {
		t.Error("the request hash depends on more than the original and the key")
	}
	d.ID, d.Reference = "0190-new", "KLMNPQRST"
	rec2 := ExportRecord(&d, nil)
	got := map[string]string{}
	for i, k := range ExportHeader {
		got[k] = rec2[i]
	}
	want := map[string]string{"kind": "MANUAL_REVIEW", "overturns": "0190-orig", "overturned_by": "", "reviewer": "user:5:rita",
		"review_reason": "'=the remark was settled", "outcome": "APPROVED", "reasons": ""}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	original.OverturnedBy = "0190-new"
	rec3 := ExportRecord(&original, nil)
	for i, k := range ExportHeader {
		if want := map[string]string{"kind": "AUTOMATED", "overturned_by": "0190-new", "overturns": ""}[k]; (k == "kind" || k == "overturned_by" || k == "overturns") && rec3[i] != want {
			t.Errorf("exported original: %s = %q, want %q", k, rec3[i], want)
		}
	}
}
