package demo

import (
	"math"
	"math/rand/v2"
	"time"
)

// zone is one time zone a market's shoppers live in, with its share of the market's shoppers.
// Offsets are standard time; daylight saving time is ignored, which shifts a curve by an hour
// for part of the year and changes nothing a chart would show.
type zone struct {
	offsetHours int
	share       float64
}

// Hourly activity by local hour of day, relative to an average hour of 1. Weekdays have a
// lunch bump and an evening peak; weekends start later and stay busy through the afternoon.
var (
	weekdayCurve = [24]float64{
		0.34, 0.19, 0.11, 0.08, 0.07, 0.10, 0.22, 0.42, 0.62, 0.78, 0.88, 0.95,
		1.06, 1.01, 0.95, 0.95, 1.00, 1.08, 1.22, 1.40, 1.52, 1.43, 1.10, 0.64,
	}
	weekendCurve = [24]float64{
		0.50, 0.32, 0.20, 0.12, 0.09, 0.09, 0.14, 0.26, 0.45, 0.68, 0.90, 1.05,
		1.12, 1.12, 1.08, 1.05, 1.05, 1.10, 1.20, 1.35, 1.45, 1.35, 1.05, 0.70,
	}
	// dayFactor is the relative volume of each weekday, Sunday first.
	dayFactor = [7]float64{1.10, 0.96, 0.94, 0.96, 1.00, 1.06, 0.98}
)

// localWeight is the relative purchase activity of a market in the local hour that starts at
// local (a wall-clock time expressed as UTC). pay says which days are paydays in the market.
func localWeight(local time.Time, pay func(time.Time) bool) float64 {
	dow := local.Weekday()
	h := local.Hour()
	var w float64
	if dow == time.Saturday || dow == time.Sunday {
		w = weekendCurve[h]
	} else {
		w = weekdayCurve[h]
	}
	w *= dayFactor[dow]
	switch {
	case dow == time.Sunday && h >= 18 && h <= 22:
		// Sunday evening: planning the week, browsing on the sofa.
		w *= 1.18
	case dow == time.Friday && h >= 20:
		w *= 1.05
	}
	if pay(local) {
		w *= 1.09
	} else if pay(local.AddDate(0, 0, -1)) {
		w *= 1.04
	}
	return w * seasonal(local)
}

// seasonal is the volume factor of shopping events: Black Friday to Cyber Monday and the run-up
// to Christmas, with quiet holidays.
func seasonal(local time.Time) float64 {
	y, mo, d := local.Date()
	bf := blackFriday(y)
	switch days := int(local.Sub(bf).Hours() / 24); {
	case local.Before(bf):
	case days == 0:
		return 2.0
	case days == 1:
		return 1.35
	case days == 2:
		return 1.25
	case days == 3:
		return 1.6
	}
	if mo == time.December {
		switch {
		case d >= 24 && d <= 26:
			return 0.6
		case d <= 21:
			return 1.1
		}
	}
	return 1
}

// blackFriday returns midnight (as UTC) of the day after the fourth Thursday of November of y.
func blackFriday(y int) time.Time {
	nov1 := time.Date(y, time.November, 1, 0, 0, 0, 0, time.UTC)
	firstThu := 1 + (int(time.Thursday)-int(nov1.Weekday())+7)%7
	return time.Date(y, time.November, firstThu+22, 0, 0, 0, 0, time.UTC)
}

// Paydays of the markets: where most salaries land, a few percent more people shop.
func paydayUS(t time.Time) bool { return t.Day() == 1 || t.Day() == 15 }

// paydaySE is the 25th, or the Friday before when the 25th falls on a weekend.
func paydaySE(t time.Time) bool {
	p := time.Date(t.Year(), t.Month(), 25, 0, 0, 0, 0, time.UTC)
	switch p.Weekday() {
	case time.Saturday:
		p = p.AddDate(0, 0, -1)
	case time.Sunday:
		p = p.AddDate(0, 0, -2)
	}
	return t.Day() == p.Day()
}

// paydayLastWorkday is the last weekday of the month (GB, DE).
func paydayLastWorkday(t time.Time) bool {
	p := time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC)
	for p.Weekday() == time.Saturday || p.Weekday() == time.Sunday {
		p = p.AddDate(0, 0, -1)
	}
	return t.Day() == p.Day()
}

// annualGrowth is how much the lender's volume grows in a year: a young lender's history has
// fewer purchases at its start than at its end.
const annualGrowth = 3

// slotWeights returns the relative purchase volume of every (hour, market) slot of the window
// that starts at start and has hours hours, indexed hour*numMarkets + market. It multiplies the
// market's share, the local weekly and daily rhythm averaged over the market's time zones, the
// lender's growth (annualGrowth), and day-to-day and hour-to-hour noise drawn from r.
func slotWeights(r *rand.Rand, start time.Time, hours int) []float64 {
	w := make([]float64, hours*numMarkets)
	days := hours/24 + 2
	dayNoise := make([]float64, days*numMarkets)
	for i := range dayNoise {
		dayNoise[i] = math.Exp(0.05 * r.NormFloat64())
	}
	for h := range hours {
		mid := start.Add(time.Duration(h)*time.Hour + 30*time.Minute)
		trend := math.Pow(annualGrowth, float64(h)/(365*24))
		for m := range numMarkets {
			mk := &marketTable[m]
			var local float64
			for _, z := range mk.zones {
				local += z.share * localWeight(mid.Add(time.Duration(z.offsetHours)*time.Hour), mk.payday)
			}
			day := h / 24
			w[h*numMarkets+m] = mk.share * local * trend * dayNoise[day*numMarkets+m] *
				math.Exp(0.07*r.NormFloat64())
		}
	}
	return w
}
