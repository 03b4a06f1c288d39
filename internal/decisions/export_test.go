package decisions

import (
	"context"
	"errors"
	"net/url"
	"slices"
	"testing"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/engine"
	"riskconsole/internal/thresholds"
)

func TestParseExportQuery(t *testing.T) {
	q, _ := url.ParseQuery("from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00%2B01:00&market=SE&reason=INCOME_UNVERIFIED" +
		"&merchantId=m_1&merchantCategory=travel&minAmount=10.005&maxAmount=20&thresholdVersionId=7&arm=CHALLENGER")
	f, err := ParseExportQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	if f.From.Format(time.RFC3339) != "2026-11-01T00:00:00Z" || !f.To.Equal(time.Date(2026, 11, 1, 23, 0, 0, 0, time.UTC)) ||
		f.Market != "SE" || f.Reason.String() != "INCOME_UNVERIFIED" || f.MerchantID != "m_1" || f.MerchantCategory != "travel" ||
		*f.MinAmountMinor != 1001 || *f.MaxAmountMinor != 2000 || f.ThresholdVersionID != 7 || f.Arm != thresholds.ArmChallenger {
		t.Errorf("filter %+v", f)
	}
	if f, err := ParseExportQuery(url.Values{}); err != nil || f.Market != "" || f.MinAmountMinor != nil {
		t.Errorf("empty query: %+v, %v", f, err)
	}
	q, _ = url.ParseQuery("to=soon&maxAmount=NaN&outcome=declined&x=1&market=SE&market=GB&arm=challenger")
	_, err = ParseExportQuery(q)
	var ve *apperr.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err %v", err)
	}
	var fields []string
	for _, fe := range ve.Fields {
		fields = append(fields, fe.Field)
	}
	slices.Sort(fields)
	if want := []string{"arm", "market", "maxAmount", "outcome", "to", "x"}; !slices.Equal(fields, want) {
		t.Errorf("fields %v, want %v", fields, want)
	}
}

func TestExportRecord(t *testing.T) {
	d := Decision{ID: "0190", Reference: "ABCDEFGHJ", CreatedAt: time.Date(2026, 11, 1, 10, 0, 0, 5000, time.FixedZone("x", 3600)),
		Purchase: Purchase{Market: "SE", Currency: "SEK", AmountMinor: 100005, MerchantID: "m", MerchantName: "=HYPERLINK(1)",
			MerchantCategory: "travel", ShopperID: "secret-shopper", Channel: "WEB"},
		Outcome: engine.Declined, Reasons: []engine.Reason{3, 1}, ThresholdVersionID: 4, CatalogVersionID: 2,
		Arm: thresholds.ArmChallenger, Shadows: []ShadowResult{{VersionID: 41, Outcome: engine.Approved},
			{VersionID: 42, Outcome: engine.Declined, Reasons: []engine.Reason{9, 1}}}}
	d.Values[engine.DebtToIncome] = 0.25
	rec := ExportRecord(&d, nil)
	if len(rec) != len(ExportHeader) {
		t.Fatalf("%d fields, header has %d", len(rec), len(ExportHeader))
	}
	got := map[string]string{}
	for i, k := range ExportHeader {
		got[k] = rec[i]
	}
	want := map[string]string{"reference": "ABC-DEF-GHJ", "created_at": "2026-11-01T09:00:00.000005Z", "amount": "1000.05",
		"merchant_name": "'=HYPERLINK(1)", "outcome": "DECLINED", "reasons": engine.Reason(3).String() + "|" + engine.Reason(1).String(),
		"threshold_version_id": "4", "debt_to_income": "0.25", "bureau_score": "0", "arm": "CHALLENGER",
		"shadow_results": "41:APPROVED;42:DECLINED:" + engine.Reason(9).String() + "|" + engine.Reason(1).String()}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	for _, v := range rec {
		if v == "secret-shopper" {
			t.Error("shopper id exported")
		}
	}
}

// pagedRepo serves Decisions from a sorted slice and counts the calls.
type pagedRepo struct {
	Repository
	all   []Decision
	calls int
	seen  []Filter
}

func (r *pagedRepo) Decisions(_ context.Context, f Filter, p PageRequest) (Page, error) {
	r.calls++
	r.seen = append(r.seen, f)
	var out Page
	for _, d := range r.all {
		if !d.CreatedAt.Before(f.To) {
			continue
		}
		if c := p.After; c != nil && (d.CreatedAt.Before(c.CreatedAt) || d.CreatedAt.Equal(c.CreatedAt) && d.ID <= c.ID) {
			continue
		}
		if len(out.Items) == p.First {
			out.HasNext = true
			break
		}
		out.Items = append(out.Items, d)
	}
	return out, nil
}

func TestExportPages(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	repo := &pagedRepo{}
	for i := range 25 {
		repo.all = append(repo.all, Decision{ID: string(rune('a' + i)), CreatedAt: base.Add(time.Duration(i/2) * time.Second)})
	}
	now := base.Add(10 * time.Second) // the last 5 decisions come later and are left out
	var got []string
	n, err := Export(context.Background(), repo, Filter{}, now, 4, nil, func(d *Decision) error {
		got = append(got, d.ID)
		return nil
	})
	if err != nil || n != 20 || len(got) != 20 || got[0] != "a" || got[19] != "t" {
		t.Fatalf("n %d, err %v, got %v", n, err, got)
	}
	if repo.calls != 5 {
		t.Errorf("%d statements for 20 rows in pages of 4", repo.calls)
	}
	for _, f := range repo.seen {
		if !f.To.Equal(now) {
			t.Errorf("page filter To %s, want the export's start", f.To)
		}
	}
	stop := errors.New("client gone")
	if n, err := Export(context.Background(), repo, Filter{}, now, 4, nil, func(*Decision) error { return stop }); !errors.Is(err, stop) || n != 0 {
		t.Errorf("n %d, err %v", n, err)
	}
}

func TestExportQueryRoundTrip(t *testing.T) {
	minA, maxA := int64(1001), int64(2000)
	want := Filter{From: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 11, 2, 0, 0, 0, 5, time.UTC),
		Market: "SE", Outcome: engine.Declined, Reason: engine.IncomeUnverified, MerchantID: "m_1",
		MerchantCategory: "travel", MinAmountMinor: &minA, MaxAmountMinor: &maxA, ThresholdVersionID: 7, Arm: thresholds.ArmChampion}
	got, err := ParseExportQuery(ExportQuery(&want))
	if err != nil {
		t.Fatal(err)
	}
	if !got.From.Equal(want.From) || !got.To.Equal(want.To) || got.Market != want.Market || got.Outcome != want.Outcome ||
		got.Reason != want.Reason || got.MerchantID != want.MerchantID || got.MerchantCategory != want.MerchantCategory ||
		*got.MinAmountMinor != minA || *got.MaxAmountMinor != maxA || got.ThresholdVersionID != 7 || got.Arm != want.Arm {
		t.Fatalf("round trip: got %+v, want %+v", got, want)
	}
	if q := ExportQuery(&Filter{}); len(q) != 0 {
		t.Fatalf("empty filter encodes as %v", q)
	}
}

func TestFormatShadowResults(t *testing.T) {
	if got := FormatShadowResults(nil); got != "" {
		t.Errorf("no shadows: %q", got)
	}
	rs := []ShadowResult{{VersionID: 7, Outcome: engine.Declined, Reasons: []engine.Reason{engine.IncomeUnverified}}}
	if got, want := FormatShadowResults(rs), "7:DECLINED:"+engine.IncomeUnverified.String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
