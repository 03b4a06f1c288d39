package catalog

import (
	"strconv"
)

// Bureau is a credit bureau whose score an assessment may use, as the FCRA notice and the score
// disclosure name it. ScoreMin and ScoreMax are the bureau's own scale, used when the bureau's
// answer does not state it: the scales differ (Experian US 300–850, Experian UK 0–999, and UC
// and SCHUFA their own), so the range shown is never assumed from another bureau's.
type Bureau struct {
	ID      string // e.g. "EXPERIAN_US"
	Market  string // the market whose assessments use it
	Name    string
	Address string
	// Phone is the number consumers call; toll-free in the US as FCRA 615(a) asks.
	Phone              string
	ScoreMin, ScoreMax float64
}

// Bureaus lists the bureaus the lender uses, one per market.
var Bureaus = []Bureau{
	{ID: "EXPERIAN_US", Market: "US", Name: "Experian", Address: "P.O. Box 2002, Allen, TX 75013",
		Phone: "1-888-397-3742", ScoreMin: 300, ScoreMax: 850},
	{ID: "EXPERIAN_UK", Market: "GB", Name: "Experian", Address: "PO Box 9000, Nottingham, NG80 7WF",
		Phone: "0800 013 8888", ScoreMin: 0, ScoreMax: 999},
	{ID: "UC", Market: "SE", Name: "UC", Address: "UC AB, 117 88 Stockholm",
		Phone: "08-670 90 00", ScoreMin: 1, ScoreMax: 100},
	{ID: "SCHUFA", Market: "DE", Name: "SCHUFA", Address: "SCHUFA Holding AG, Postfach 10 34 41, 50474 Köln",
		Phone: "0611 92780", ScoreMin: 0, ScoreMax: 100},
}

// LookupBureau returns the bureau with the given id.
func LookupBureau(id string) (Bureau, bool) {
	for _, b := range Bureaus {
		if b.ID == id {
			return b, true
		}
	}
	return Bureau{}, false
}

// MarketBureau returns the bureau the lender uses in market, and false for a market it does not
// know.
func MarketBureau(market string) (Bureau, bool) {
	for _, b := range Bureaus {
		if b.Market == market {
			return b, true
		}
	}
	return Bureau{}, false
}

// FormatRange writes a score range as the notice shows it, e.g. "300–850".
func FormatRange(lo, hi float64) string {
	return strconv.FormatFloat(lo, 'f', -1, 64) + "–" + strconv.FormatFloat(hi, 'f', -1, 64)
}
