package app

import (
	"context"
	"testing"
	"time"

	"riskconsole/internal/auth"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
)

// TestAnomalyZeroBaseline: an hour with five declines (IDENTITY_UNVERIFIED) of 20 decisions,
// whose four baseline hours (the same hour of the four weeks before, 40 decisions each) had
// none, is not flagged by hour: the baseline expects some declines, not exactly none, so five
// are less than five in excess. (It used to be flagged twice, the market and the reason, as two
// hours of the demo were.) A sixth decline is flagged, market and reason, with the rest of the
// rule unchanged.
func TestAnomalyZeroBaseline(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		ta := newTestApp(t, dialect, 0)
		at := testEnd.Truncate(time.Hour).Add(-24 * time.Hour)
		insert := func(hour time.Time, approved, declined int) {
			t.Helper()
			cat, err := ta.Store.CurrentCatalog(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var recs []decisions.Record
			for i := range approved + declined {
				when := hour.Add(time.Duration(i) * time.Minute)
				p := decisions.Purchase{Market: "SE", Currency: "SEK", AmountMinor: 120000, MerchantID: "m-zero", MerchantName: "Zero AB",
					MerchantCategory: "SPORTS", ShopperID: "s-zero", Locale: "sv-SE", Channel: "WEB", Values: engine.PassingValues()}
				if i >= approved {
					p.Values[engine.IdentityVerified] = 0
				}
				v, err := ta.Thresholds.Active("SE", when)
				if err != nil {
					t.Fatal(err)
				}
				rec, err := decisions.Decide(&p, when, decisions.NewReference(), v, cat)
				if err != nil {
					t.Fatal(err)
				}
				if want := i >= approved; (rec.Outcome == engine.Declined) != want {
					t.Fatalf("decision %d at %s: %v", i, when, rec.Outcome)
				}
				rec.ID, rec.Reference = decisions.NewID(when), decisions.NewReference()
				rec.IdempotencyKey = "zero:" + rec.ID
				recs = append(recs, rec)
			}
			if err := ta.Store.BulkInsertDecisions(ctx, recs); err != nil {
				t.Fatal(err)
			}
			if err := ta.Analytics.Advance(ctx); err != nil {
				t.Fatal(err)
			}
		}
		for k := 1; k <= 4; k++ {
			insert(at.Add(-time.Duration(k)*7*24*time.Hour), 40, 0)
		}
		insert(at, 15, 5)
		anomalies := func() []string {
			var out struct {
				Anomalies struct {
					Anomalies []struct {
						BucketStart time.Time
						Reason      *string
					}
				}
			}
			decodeData(t, ta.post(t, auth.Analyst, `query($from: Time!, $to: Time!) { anomalies(from: $from, to: $to, market: "SE", bucket: HOUR) {
			  anomalies { bucketStart reason } } }`, map[string]any{"from": at.Add(-time.Hour), "to": at.Add(2 * time.Hour)}), &out)
			var got []string
			for _, a := range out.Anomalies.Anomalies {
				if !a.BucketStart.Equal(at) {
					t.Errorf("anomaly at %s, outside the hour with declines", a.BucketStart)
				}
				got = append(got, deref(a.Reason))
			}
			return got
		}
		if got := anomalies(); len(got) > 0 {
			t.Errorf("five declines against a baseline of none: flagged %q", got)
		}
		insert(at.Add(30*time.Minute), 0, 1)
		if got := anomalies(); len(got) != 2 {
			t.Errorf("six declines against a baseline of none: flagged %q, want the market and IDENTITY_UNVERIFIED", got)
		}
	})
}
