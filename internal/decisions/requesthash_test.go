package decisions

import (
	"testing"
	"time"

	"riskconsole/internal/engine"
)

// TestRequestHashStable pins requestHash's values: the hashes stored with decisions are compared
// with those of replays under the same idempotency key, so a change of how the hash is computed
// would answer every retry of a stored purchase CONFLICT.
// (The values were computed by the implementation before the one-buffer version.)
func TestRequestHashStable(t *testing.T) {
	var values engine.Values
	for i := range values {
		values[i] = float64(i) * 1.25
	}
	plain := Purchase{Market: "DE", Currency: "EUR", AmountMinor: 12995, MerchantID: "m-0042", MerchantName: "Bäckerei <Müller> & Co",
		MerchantCategory: "food", ShopperID: "s-123", Locale: "de-DE", Channel: "WEB", Values: values}
	withBureau := plain
	withBureau.Bureau = &BureauReport{Bureau: "SCHUFA", Score: 97.5, ScoreMin: 0, ScoreMax: 100,
		ScoreDate: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC), KeyFactors: []string{"D1", "Ä2"}}
	noFactors := withBureau
	noFactors.Bureau = &BureauReport{Bureau: "SCHUFA", Score: 97.5, ScoreMax: 100, ScoreDate: withBureau.Bureau.ScoreDate}
	for _, c := range []struct {
		name string
		p    Purchase
		want string
	}{
		{"empty", Purchase{}, "b707241545a346265aab1ffb32ff64b55bf8f8dc1b56a46ef33ce3d15db11d33"},
		{"plain", plain, "f882ccd5ee3ea2c2c53f9633d155eb7a6b2191124d23e84d54a82cea2985eb94"},
		{"bureau", withBureau, "9bef592b9419928ce8854b19b982e7b0a573f25f74b7d92b4197f2db954ac8cc"},
		{"bureau without key factors", noFactors, "b392332054fd32c246c2b353cbb785a9e5347029038d83011b696cd22489130e"},
	} {
		if got := requestHash(&c.p); got != c.want {
			t.Errorf("%s: requestHash = %s, want %s", c.name, got, c.want)
		}
	}
}
