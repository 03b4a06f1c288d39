package store

import (
	"maps"
	"testing"

	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
)

// TestSumShadowResults checks the decoding of the aggregator's shadow pass: each shadow of a
// decision's stored results adds one to its own row, keyed by the shadow's principal reason ("" on
// approval) beside the live one, and a malformed stored form fails the pass rather than being
// skipped.
func TestSumShadowResults(t *testing.T) {
	live := shadowKey{hour: 3600, market: "SE", arm: "CHALLENGER", liveReason: "IDENTITY_UNVERIFIED"}
	key := func(version int64, shadow string) shadowKey {
		k := live
		k.versionID, k.shadowReason = version, shadow
		return k
	}
	sums := map[shadowKey]int64{}
	stored := decisions.EncodeShadowResults([]decisions.ShadowResult{
		{VersionID: 41, Outcome: engine.Approved},
		{VersionID: 42, Outcome: engine.Declined, Reasons: []engine.Reason{9, 1, 4}},
		{VersionID: 43, Outcome: engine.Declined, Reasons: []engine.Reason{15}},
	})
	if stored != ";41:0;42:914;43:f;" {
		t.Fatalf("stored form %q", stored)
	}
	for range 2 {
		if err := sumShadowResults(sums, live, stored); err != nil {
			t.Fatal(err)
		}
	}
	want := map[shadowKey]int64{
		key(41, ""):                         2,
		key(42, engine.Reason(9).String()):  2,
		key(43, engine.Reason(15).String()): 2,
	}
	if !maps.Equal(sums, want) || engine.Reason(9).String() == "" || engine.Reason(15).String() == "" {
		t.Fatalf("sums %v, want %v", sums, want)
	}
	for _, bad := range []string{"41:0;", ";41:;", ";x:0;", ";41:0g;", ";41:0", ";0:0;", ";41:12345678901234567;"} {
		if err := sumShadowResults(map[shadowKey]int64{}, live, bad); err == nil {
			t.Errorf("%q was summed, want an error", bad)
		}
	}
}
