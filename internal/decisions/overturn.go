package decisions

import (
	"crypto/sha256"
	"encoding/hex"
	"time"

	"riskconsole/internal/engine"
)

// Overturn returns the record of the decision a reviewer writes when overturning original (issue
// 15): a new approval of the same purchase at at, of kind KindManualReview, naming the decision it
// overturns, the reviewer (a subject such as "user:5:rita") and their reason, with no engine
// reasons and no pop-up. It keeps original's measured values and pinned versions, which are what
// the reviewer looked at. The original is left as it is: decisions are immutable.
//
// key makes the write idempotent (one overturn per review case); the caller draws the id and
// reference, as Assess does.
func Overturn(original *Decision, reviewer, reason, key string, at time.Time) Record {
	sum := sha256.Sum256([]byte("overturn\x00" + original.ID + "\x00" + key))
	return Record{
		Decision: Decision{
			CreatedAt: at, Purchase: original.Purchase, Outcome: engine.Approved,
			ThresholdVersionID: original.ThresholdVersionID, CatalogVersionID: original.CatalogVersionID,
			Kind: KindManualReview, Overturns: original.ID, Reviewer: reviewer, ReviewReason: reason,
		},
		IdempotencyKey: key,
		RequestHash:    hex.EncodeToString(sum[:]),
	}
}
