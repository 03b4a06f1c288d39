// Package demo generates the realistic, deterministic demo data of the console: merchants,
// shoppers and their purchases with the measured values of each assessment, and a history of
// threshold versions per market. It is pure: no database, no clock. The caller passes the end
// of the window and decides each purchase with the real engine against the threshold version
// active at the purchase's time (ActiveAt), so outcomes are never invented here.
package demo

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"riskconsole/internal/engine"
	"riskconsole/internal/market"
)

// DefaultDays is the length of the demo window when Options.Days is zero: 480 days, so that
// many decisions are older than the bad definitions' performance windows (6 months by default)
// and have mature repayment outcomes.
const DefaultDays = 480

// Channel names.
const (
	ChannelWeb = "WEB"
	ChannelApp = "APP"
	ChannelPOS = "POS"
)

// Purchase is one purchase a shopper tries to pay for with the lender, with the measured values
// of its assessment. Generate reuses one Purchase for all calls of its callback.
type Purchase struct {
	Time      time.Time // UTC; a whole number of milliseconds after the window start
	Market    string    // "US", "GB", "SE" or "DE"
	Currency  string    // the market's currency
	Amount    float64   // in Currency, rounded to cents
	Merchant  Merchant  // shares its Markets slice with the package's table: read-only
	ShopperID string    // pseudonymous, "s_" + 16 hex digits; shoppers recur across purchases
	Locale    string    // the shopper's locale: mostly the market's default
	Channel   string    // ChannelWeb, ChannelApp or ChannelPOS
	Values    engine.Values
}

// Options configure Generate.
type Options struct {
	Seed int64     // the same seed (with the same N, End and Days) gives the same purchases
	N    int       // number of purchases, >= 0
	End  time.Time // end of the window (exclusive), required
	Days int       // window length in days; 0 means DefaultDays
}

// marketInfo is the demo's view of one market: its share of volume, its time zones and
// paydays, and the make-up of its shoppers.
type marketInfo struct {
	market.Market
	share         float64
	zones         []zone
	payday        func(time.Time) bool
	kindMix       [numKinds]float64 // share of shoppers by profile
	localeWeights [numLocales]float64
}

// Locales of shoppers, indexes into market.Locales order.
const (
	locEnUS = iota
	locEnGB
	locSvSE
	locDeDE
	numLocales
)

var localeNames = [numLocales]string{"en-US", "en-GB", "sv-SE", "de-DE"}

// numMarkets is the number of demo markets, in market.All order.
const numMarkets = 4

// marketTable is indexed in market.All order: US, GB, SE, DE. US shoppers are the most
// leveraged and Swedish shoppers the least, so decline rates differ by market.
var marketTable = [numMarkets]marketInfo{
	{Market: mustMarket("US"), share: 0.45,
		zones:         []zone{{-5, 0.47}, {-6, 0.29}, {-7, 0.07}, {-8, 0.17}},
		payday:        paydayUS,
		kindMix:       [numKinds]float64{0.42, 0.34, 0.11, 0.13},
		localeWeights: [numLocales]float64{locEnUS: 0.97, locEnGB: 0.03}},
	{Market: mustMarket("GB"), share: 0.25,
		zones:         []zone{{0, 1}},
		payday:        paydayLastWorkday,
		kindMix:       [numKinds]float64{0.46, 0.34, 0.10, 0.10},
		localeWeights: [numLocales]float64{locEnGB: 0.95, locEnUS: 0.05}},
	{Market: mustMarket("SE"), share: 0.12,
		zones:         []zone{{1, 1}},
		payday:        paydaySE,
		kindMix:       [numKinds]float64{0.55, 0.32, 0.08, 0.05},
		localeWeights: [numLocales]float64{locSvSE: 0.85, locEnGB: 0.10, locEnUS: 0.05}},
	{Market: mustMarket("DE"), share: 0.18,
		zones:         []zone{{1, 1}},
		payday:        paydayLastWorkday,
		kindMix:       [numKinds]float64{0.50, 0.33, 0.09, 0.08},
		localeWeights: [numLocales]float64{locDeDE: 0.88, locEnGB: 0.08, locEnUS: 0.04}},
}

func mustMarket(code string) market.Market {
	m, ok := market.Lookup(code)
	if !ok {
		panic("demo: unknown market " + code)
	}
	return m
}

// Categories: the base purchase mix, typical basket (log-normal median in US dollars and its
// sigma), and the share of purchases made in a store when the store is open.
var (
	categoryMix = [numCategories]float64{
		catElectronics: 0.12, catFashion: 0.26, catTravel: 0.07, catHome: 0.10, catBeauty: 0.11,
		catSports: 0.08, catGroceries: 0.08, catGaming: 0.07, catFurniture: 0.06, catJewellery: 0.05,
	}
	basketMedian = [numCategories]float64{
		catElectronics: 380, catFashion: 92, catTravel: 620, catHome: 130, catBeauty: 52,
		catSports: 115, catGroceries: 68, catGaming: 70, catFurniture: 540, catJewellery: 290,
	}
	basketSigma = [numCategories]float64{
		catElectronics: 0.85, catFashion: 0.6, catTravel: 0.7, catHome: 0.75, catBeauty: 0.55,
		catSports: 0.75, catGroceries: 0.45, catGaming: 0.8, catFurniture: 0.75, catJewellery: 0.9,
	}
	storeShare = [numCategories]float64{
		catElectronics: 0.10, catFashion: 0.14, catTravel: 0, catHome: 0.10, catBeauty: 0.12,
		catSports: 0.10, catGroceries: 0.25, catGaming: 0.03, catFurniture: 0.18, catJewellery: 0.20,
	}
)

// Per-purchase rates of rare events.
const (
	idGlitchRate = 0.001 // the identity provider fails to answer for one purchase
)

// Incident is the demo's identity-verification outage: during [From, To) the provider fails
// for a share FailureRate of the purchases in Market, which then decline with
// IDENTITY_UNVERIFIED.
type Incident struct {
	Market      string
	From, To    time.Time
	FailureRate float64
}

// IncidentFor returns the outage of the demo window that ends at end: the two whole UTC days
// that start 31 days before end's day, in DE. With a window shorter than 31 days it lies
// before the window and does not show.
func IncidentFor(end time.Time) Incident {
	from := end.UTC().Truncate(24*time.Hour).AddDate(0, 0, -31)
	return Incident{Market: "DE", From: from, To: from.AddDate(0, 0, 2), FailureRate: 0.30}
}

// generator holds the state of one Generate call.
type generator struct {
	r *rand.Rand
	// declared draws the measured values that have no model of their own (drawDeclared), from a
	// stream of its own so that adding one leaves every other draw, and so the demo, unchanged.
	declared *rand.Rand
	shoppers []shopper
	ids      string // shopper i's id is ids[i*idLen : (i+1)*idLen]
	pick     [numMarkets]aliasTable
	// merchants[m][c] lists the merchants of category c selling in market m, with cumulative
	// popularity in cum.
	merchants [numMarkets][numCategories]struct {
		idx []int
		cum []float64
	}
	catCum [numKinds][numCategories]float64 // cumulative category mix by shopper kind

	// The identity-provider outage: market index, [from, to) in Unix milliseconds, and rate.
	incidentMarket           int
	incidentFrom, incidentTo int64
	incidentRate             float64
}

const idLen = 18 // "s_" + 16 hex digits

// Generate produces exactly opts.N purchases over the opts.Days days that end at opts.End, in
// ascending (non-decreasing) time order, and calls fn for each. The same options always give
// the same purchases. fn must not keep p: the same Purchase is reused for every call. Generate
// stops at, and returns, the first error fn returns.
func Generate(opts Options, fn func(p *Purchase) error) error {
	if opts.N < 0 {
		return fmt.Errorf("demo: N must be >= 0, got %d", opts.N)
	}
	if opts.Days < 0 {
		return fmt.Errorf("demo: Days must be >= 0, got %d", opts.Days)
	}
	if opts.End.IsZero() {
		return errors.New("demo: End is required")
	}
	if opts.N == 0 {
		return nil
	}
	days := opts.Days
	if days == 0 {
		days = DefaultDays
	}
	end := opts.End.UTC()
	start := end.Add(-time.Duration(days) * 24 * time.Hour)
	hours := days * 24

	seed := uint64(opts.Seed)
	// Separate streams for the calendar, the shoppers and the purchases keep each part stable
	// when another one changes.
	weights := slotWeights(rand.New(rand.NewPCG(seed, 0x63616c656e646172)), start, hours)
	g := newGenerator(seed, opts.N)
	inc := IncidentFor(end)
	g.incidentMarket = marketIndex(inc.Market)
	g.incidentFrom, g.incidentTo = inc.From.UnixMilli(), inc.To.UnixMilli()
	g.incidentRate = inc.FailureRate

	var total float64
	for _, w := range weights {
		total += w
	}
	var (
		cum     float64
		emitted int
		buf     []uint64
		p       Purchase
	)
	for h := range hours {
		// Each slot gets its share of N by cumulative rounding, so the total is exactly N.
		buf = buf[:0]
		for m := range numMarkets {
			i := h*numMarkets + m
			cum += weights[i]
			target := int(math.Round(float64(opts.N) * cum / total))
			if i == len(weights)-1 {
				target = opts.N
			}
			for ; emitted < target; emitted++ {
				ms := g.r.Uint64N(uint64(time.Hour / time.Millisecond))
				buf = append(buf, ms<<2|uint64(m))
			}
		}
		slices.Sort(buf)
		slot := start.Add(time.Duration(h) * time.Hour)
		slotMs := slot.UnixMilli()
		for _, x := range buf {
			ms := int64(x >> 2)
			g.purchase(&p, int(x&3), slot.Add(time.Duration(ms)*time.Millisecond), slotMs+ms)
			if err := fn(&p); err != nil {
				return err
			}
		}
	}
	return nil
}

// newGenerator draws the shopper population and prepares the lookup tables for n purchases.
func newGenerator(seed uint64, n int) *generator {
	g := &generator{r: rand.New(rand.NewPCG(seed, 0x7075726368617365)),
		declared: rand.New(rand.NewPCG(seed, 0x6465636c61726564))}
	sr := rand.New(rand.NewPCG(seed, 0x73686f7070657273))

	// About four and a half purchases per shopper over the window, with a floor so that small
	// runs still have a varied population.
	var sizes [numMarkets]int
	total := 0
	for m := range numMarkets {
		sizes[m] = max(200, int(float64(n)*marketTable[m].share/4.5))
		total += sizes[m]
	}
	g.shoppers = make([]shopper, 0, total)
	ids := make([]byte, 0, total*idLen)
	const hex = "0123456789abcdef"
	for m := range numMarkets {
		base := len(g.shoppers)
		act := make([]float64, sizes[m])
		for i := range sizes[m] {
			kind := pickWeighted(sr, marketTable[m].kindMix[:])
			s := newShopper(sr, m, kind)
			act[i] = activityWeight(sr, &s)
			g.shoppers = append(g.shoppers, s)
			h := mix64(seed ^ mix64(uint64(base+i)+0x9e3779b97f4a7c15))
			ids = append(ids, 's', '_')
			for k := 60; k >= 0; k -= 4 {
				ids = append(ids, hex[h>>uint(k)&0xf])
			}
		}
		g.pick[m] = newAliasTable(act, base)
	}
	g.ids = string(ids)

	for k := range numKinds {
		var c float64
		for j := range numCategories {
			c += categoryMix[j] * profiles[k].affinity[j]
			g.catCum[k][j] = c
		}
	}
	for i, row := range merchantTable {
		c := categoryIndex(row.m.Category)
		for _, code := range row.m.Markets {
			e := &g.merchants[marketIndex(code)][c]
			prev := 0.0
			if len(e.cum) > 0 {
				prev = e.cum[len(e.cum)-1]
			}
			e.idx = append(e.idx, i)
			e.cum = append(e.cum, prev+row.popularity)
		}
	}
	return g
}

// mix64 is the SplitMix64 finalizer, used to derive shopper ids.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

func marketIndex(code string) int {
	for i := range marketTable {
		if marketTable[i].Code == code {
			return i
		}
	}
	return -1
}

// purchase fills p with a purchase in market m at time t (Unix milliseconds ms).
func (g *generator) purchase(p *Purchase, m int, t time.Time, ms int64) {
	r := g.r
	mk := &marketTable[m]
	si := g.pick[m].sample(r)
	s := &g.shoppers[si]
	kind := int(s.kind)

	// What and where.
	cat := pickCum(r, g.catCum[kind][:])
	mc := &g.merchants[m][cat]
	mi := mc.idx[pickCum(r, mc.cum)]
	usd := g.basket(s, cat)
	amount := pricePoint(r, usd*mk.MoneyScale, m)
	usd = amount / mk.MoneyScale

	p.Time = t
	p.Market = mk.Code
	p.Currency = mk.Currency
	p.Amount = amount
	p.Merchant = merchantTable[mi].m
	p.ShopperID = g.ids[si*idLen : (si+1)*idLen]
	p.Locale = localeNames[s.locale]
	p.Channel = g.channel(s, cat, mk, ms)

	// The assessment's measured values: the models below, and drawDeclared for any value without
	// one (still NaN after them).
	v := &p.Values
	for i := range v {
		v[i] = math.NaN()
	}
	v[engine.BureauScore] = clamp(math.Round(float64(s.score)+5*r.NormFloat64()), 300, 850)
	income := math.Round(float64(s.incomeUSD) * mk.MoneyScale)
	v[engine.MonthlyIncome] = income
	v[engine.IncomeVerified] = flag(s.incomeVerified)
	v[engine.EmploymentMonths] = float64(s.employmentMonths)
	v[engine.RecentPlans30d] = float64(poisson(r, float64(s.plansPer30d)))
	dti := clamp(float64(s.dti)*math.Exp(0.04*r.NormFloat64()), 0, 5)
	dti = math.Round(dti*1000) / 1000
	v[engine.DebtToIncome] = dti
	v[engine.MonthsAtAddress] = float64(s.monthsAtAddress)
	v[engine.AddressVerified] = flag(s.addressVerified)
	idOK := !s.idFailed && r.Float64() >= idGlitchRate
	if m == g.incidentMarket && ms >= g.incidentFrom && ms < g.incidentTo &&
		r.Float64() < g.incidentRate {
		idOK = false
	}
	v[engine.IdentityVerified] = flag(idOK)
	v[engine.AgeYears] = float64(s.age)
	v[engine.CreditHistoryMonths] = float64(s.historyMonths)
	v[engine.Delinquencies24m] = float64(s.delinquencies)
	v[engine.AffordabilityRatio] = affordability(income/mk.MoneyScale, dti, usd)
	v[engine.LiquidSavings] = math.Round(float64(s.savingsUSD) * math.Exp(0.05*r.NormFloat64()) * mk.MoneyScale)
	v[engine.OutstandingCredit] = math.Round(float64(s.debtUSD)*math.Exp(0.12*r.NormFloat64())*mk.MoneyScale*100) / 100
	for i := range v {
		if math.IsNaN(v[i]) {
			v[i] = drawDeclared(g.declared, &engine.Measures[i], mk.MoneyScale)
		}
	}
}

// declaredFailRate is the share of drawDeclared's values that fail their default rule.
const declaredFailRate = 0.02

// drawDeclared draws a value of a measure that has no model here from its declaration: on the
// passing side of its default rule, mostly one to two scales from the cut-off, except for a share
// declaredFailRate that fails it by one step to about half a scale more. Values are whole steps
// from the cut-off (money in the market's currency) within the measure's bounds.
func drawDeclared(r *rand.Rand, info *engine.MeasureInfo, moneyScale float64) float64 {
	cut, scale := info.Cutoff, info.Scale
	if info.Unit == engine.UnitMoney {
		cut, scale = cut*moneyScale, scale*moneyScale
	}
	up := 1.0 // the passing side
	if info.Comparator == engine.LTE {
		up = -1
	}
	var steps float64
	if r.Float64() < declaredFailRate {
		up = -up
		steps = 1 + math.Floor(0.5*scale*r.ExpFloat64()/info.Step)
	} else {
		steps = math.Round(0.75 * scale * (r.ExpFloat64() + r.ExpFloat64()) / info.Step)
	}
	x := math.Round((cut+up*steps*info.Step)*1e6) / 1e6
	return math.Min(info.Max, math.Max(info.Min, x))
}

// Bounds of a basket in US dollars: the lender's minimum purchase and its credit ceiling.
const (
	minBasketUSD = 5
	maxBasketUSD = 12000
)

// basket draws the amount, in US dollars, that shopper s spends in category cat: log-normal
// around the category's typical basket, scaled by the shopper's spending habit. Draws outside
// the lender's bounds are drawn again, so no amount piles up at a bound.
func (g *generator) basket(s *shopper, cat int) float64 {
	med := float64(s.spend) * basketMedian[cat]
	for range 8 {
		usd := med * math.Exp(basketSigma[cat]*g.r.NormFloat64())
		if usd >= minBasketUSD && usd <= maxBasketUSD {
			return usd
		}
	}
	return clamp(med, minBasketUSD, maxBasketUSD)
}

// channel picks where the purchase was made: in a store when the category has stores and the
// store is open (9:00 to 21:00 local time), else online, in the app or on the web by the
// shopper's habit.
func (g *generator) channel(s *shopper, cat int, mk *marketInfo, ms int64) string {
	r := g.r
	if storeShare[cat] > 0 {
		local := ms/1000 + int64(mk.zones[0].offsetHours)*3600
		hour := local / 3600 % 24
		if hour >= 9 && hour < 21 && r.Float64() < storeShare[cat] {
			return ChannelPOS
		}
	}
	if r.Float32() < s.appShare {
		return ChannelApp
	}
	return ChannelWeb
}

// affordability is the shopper's disposable income divided by the purchase's monthly
// instalment, both in US dollars. Disposable income is what is left of the monthly income
// after debt payments (dti) and essential living costs, which take a larger share of a small
// income. Pay-in-4 (four fortnightly payments) is offered up to $800, six monthly payments
// with a small fee up to $3,000, and twelve above.
func affordability(incomeUSD, dti, amountUSD float64) float64 {
	if incomeUSD <= 0 {
		return 0
	}
	essentials := math.Min(0.9, 0.22+550/incomeUSD)
	disposable := incomeUSD * math.Max(0, 1-dti-essentials)
	var monthly float64
	switch {
	case amountUSD <= 800:
		monthly = amountUSD / 2
	case amountUSD <= 3000:
		monthly = amountUSD * 1.05 / 6
	default:
		monthly = amountUSD * 1.1 / 12
	}
	return math.Min(1000, math.Round(disposable/monthly*100)/100)
}

// pricePoint turns a raw amount in the market currency into a plausible price: often a charm
// price (19.99, or 1 299 kronor in Sweden), sometimes a round one, otherwise a basket total.
func pricePoint(r *rand.Rand, x float64, m int) float64 {
	u := r.Float64()
	if marketTable[m].Code == "SE" {
		if u < 0.65 {
			return math.Max(9, math.Ceil(x/10)*10-1)
		}
		return math.Max(1, math.Round(x*100)/100)
	}
	switch {
	case u < 0.45:
		return math.Max(0.99, math.Ceil(x)-0.01)
	case u < 0.55:
		return math.Max(1, math.Round(x))
	}
	return math.Max(1, math.Round(x*100)/100)
}

// pickCum returns an index drawn in proportion to the increments of the cumulative weights.
func pickCum(r *rand.Rand, cum []float64) int {
	u := r.Float64() * cum[len(cum)-1]
	for i, c := range cum {
		if u < c {
			return i
		}
	}
	return len(cum) - 1
}

func flag(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
