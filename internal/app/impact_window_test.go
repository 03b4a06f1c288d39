package app

import (
	"context"
	"slices"
	"testing"
	"time"

	"riskconsole/internal/auth"
	"riskconsole/internal/thresholds"
)

// TestActivationImpactBeforeWindow checks that activationImpact sets the realized window beside
// a "before" window of the same length that ends at the activation, counting the market's
// decisions as they were decided (issue 16: 5,939 realized over 12 days stood beside 30,112
// "before" decisions of the prediction's whole window).
func TestActivationImpactBeforeWindow(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		ta := newTestApp(t, dialect, 2000)
		if err := ta.Analytics.Advance(ctx); err != nil {
			t.Fatal(err)
		}
		var de []thresholds.Activation
		all, err := ta.Store.Activations(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range all {
			if a.Market == "DE" {
				de = append(de, a)
			}
		}
		slices.SortFunc(de, func(a, b thresholds.Activation) int { return a.ActivatedAt.Compare(b.ActivatedAt) })
		if len(de) < 2 {
			t.Fatalf("the demo has %d DE activations, want a superseded and an active version", len(de))
		}
		// The demo's earlier DE version is put back in force 60 days before the demo's end, for
		// 20 days, after which the active version is activated again.
		superseded, active := de[0].VersionID, de[len(de)-1].VersionID
		at := testEnd.Add(-60 * 24 * time.Hour).Truncate(time.Hour)
		for _, a := range []thresholds.Activation{
			{Market: "DE", VersionID: superseded, ActivatedAt: at, ActivatedBy: "test"},
			{Market: "DE", VersionID: active, ActivatedAt: at.Add(20 * 24 * time.Hour), ActivatedBy: "test"},
		} {
			if err := ta.Store.CreateThresholdActivation(ctx, &a); err != nil {
				t.Fatal(err)
			}
		}
		q := `query($v: ID!) { activationImpact(versionId: $v) { activation { activatedAt } complete
		  realized { from to } before { from to assessed declined } } }`
		type window struct {
			From, To           time.Time
			Assessed, Declined int64
		}
		var out struct {
			ActivationImpact []struct {
				Activation struct{ ActivatedAt time.Time }
				Complete   bool
				Realized   window
				Before     window
			}
		}
		decodeData(t, ta.post(t, auth.Auditor, q, map[string]any{"v": idOf(superseded)}), &out)
		var found bool
		for _, im := range out.ActivationImpact {
			if !im.Activation.ActivatedAt.Equal(at) {
				continue
			}
			found = true
			want := window{From: at.Add(-20 * 24 * time.Hour), To: at}
			want.Assessed, want.Declined = countDecisions(t, ta, "DE", want.From, want.To)
			if want.Assessed == 0 {
				t.Fatal("no DE decision in the 20 days before the activation: the test proves nothing")
			}
			if im.Complete || !im.Realized.From.Equal(at) || !im.Realized.To.Equal(at.Add(20*24*time.Hour)) {
				t.Fatalf("realized %+v (complete %v), want the 20 days from %v", im.Realized, im.Complete, at)
			}
			if !im.Before.From.Equal(want.From) || !im.Before.To.Equal(want.To) || im.Before != want {
				t.Fatalf("before %+v, want the 20 days before the activation: %+v", im.Before, want)
			}
		}
		if !found {
			t.Fatalf("no impact of the activation at %v: %+v", at, out.ActivationImpact)
		}
	})
}

// countDecisions counts the decisions and declines of market in [from, to), read from the
// decisions table itself rather than the rollups.
func countDecisions(t *testing.T, ta *testApp, market string, from, to time.Time) (assessed, declined int64) {
	t.Helper()
	db := ta.rawDB(t)
	rows, err := db.Query("SELECT created_at, outcome FROM decisions WHERE market = $1", market)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var at time.Time
		var outcome string
		if err := rows.Scan(&at, &outcome); err != nil {
			t.Fatal(err)
		}
		if !at.Before(from) && at.Before(to) {
			assessed++
			if outcome == "DECLINED" {
				declined++
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return assessed, declined
}
