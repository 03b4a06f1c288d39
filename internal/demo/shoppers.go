package demo

import (
	"math"
	"math/rand/v2"
)

// Shopper profiles. A shopper's measured values are drawn from their profile, so that they are
// correlated the way a bureau file is: a low score comes with delinquencies and high debt, a
// thin file with youth, short tenure and a short credit history.
const (
	kindPrime     = iota // long, clean credit file, comfortable income
	kindAverage          // near-prime: fine on most factors, a blemish here and there
	kindThin             // young or new to credit: short histories, modest income
	kindStretched        // heavily leveraged: low score, high debt, many recent plans
	numKinds
)

// shopper is the fixed part of one pseudonymous shopper. Money is in US dollars; it is
// converted to the market currency per purchase.
type shopper struct {
	market   uint8
	kind     uint8
	locale   uint8 // index into locales
	idFailed bool  // the identity provider cannot match this shopper (e.g. a name mismatch)

	incomeVerified, addressVerified bool
	age                             uint8
	delinquencies                   uint8

	employmentMonths, monthsAtAddress, historyMonths uint16

	score       float32
	incomeUSD   float32 // monthly
	dti         float32
	plansPer30d float32 // mean of recent_plans_30d
	debtUSD     float32 // outstanding credit
	savingsUSD  float32
	appShare    float32 // share of online purchases made in the app
	spend       float32 // multiplies the category's typical basket
}

// profile holds the parameters of one shopper kind.
type profile struct {
	activity    float64 // relative purchase frequency
	spend       float64
	ageMean     float64 // for the normal age distribution (thin files use an exponential)
	ageSD       float64
	ageMin      float64
	ageMax      float64
	scoreMean   float64
	scoreSD     float64
	incomeMed   float64 // USD per month, log-normal median
	incomeSigma float64
	incomeVer   float64 // probability that income is verified
	addressVer  float64
	empMin      float64 // employment months: empMin + Exp(empMean)
	empMean     float64
	addrMin     float64
	addrMean    float64
	histMin     float64
	histMean    float64
	delinqMean  float64 // Poisson mean
	plansMean   float64
	dtiMed      float64
	dtiSigma    float64
	debtMed     float64
	debtSigma   float64
	savingsMed  float64
	overdrawn   float64 // probability of negative liquid savings
	// category affinities, multiplied with the base category mix.
	affinity [numCategories]float64
}

// profiles is indexed by kind.
var profiles = [numKinds]profile{
	kindPrime: {
		activity: 0.9, spend: 1.15, ageMean: 45, ageSD: 12, ageMin: 23, ageMax: 84,
		scoreMean: 748, scoreSD: 38, incomeMed: 5600, incomeSigma: 0.45,
		incomeVer: 0.8, addressVer: 0.996,
		empMin: 18, empMean: 84, addrMin: 10, addrMean: 72, histMin: 72, histMean: 120,
		delinqMean: 0.04, plansMean: 0.35, dtiMed: 0.17, dtiSigma: 0.35,
		debtMed: 450, debtSigma: 0.7, savingsMed: 11000, overdrawn: 0.01,
		affinity: [numCategories]float64{1, 0.9, 1.1, 1.2, 1, 1.1, 1, 0.7, 1.2, 1},
	},
	kindAverage: {
		activity: 1, spend: 1, ageMean: 39, ageSD: 12, ageMin: 20, ageMax: 82,
		scoreMean: 676, scoreSD: 38, incomeMed: 3800, incomeSigma: 0.45,
		incomeVer: 0.7, addressVer: 0.993,
		empMin: 5, empMean: 54, addrMin: 3, addrMean: 44, histMin: 30, histMean: 84,
		delinqMean: 0.12, plansMean: 0.9, dtiMed: 0.27, dtiSigma: 0.22,
		debtMed: 650, debtSigma: 0.6, savingsMed: 2800, overdrawn: 0.05,
		affinity: [numCategories]float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
	},
	kindThin: {
		activity: 1.1, spend: 0.8, ageMean: 3.5, ageMin: 18, ageMax: 30,
		scoreMean: 650, scoreSD: 45, incomeMed: 2300, incomeSigma: 0.5,
		incomeVer: 0.5, addressVer: 0.97,
		empMin: 3, empMean: 30, addrMin: 2, addrMean: 28, histMin: 4, histMean: 26,
		delinqMean: 0.05, plansMean: 1.1, dtiMed: 0.12, dtiSigma: 0.6,
		debtMed: 220, debtSigma: 0.9, savingsMed: 700, overdrawn: 0.08,
		affinity: [numCategories]float64{1.2, 1.3, 0.8, 0.7, 1.2, 1, 0.9, 2.2, 0.5, 0.6},
	},
	kindStretched: {
		activity: 1.3, spend: 0.95, ageMean: 36, ageSD: 10, ageMin: 19, ageMax: 75,
		scoreMean: 630, scoreSD: 40, incomeMed: 2900, incomeSigma: 0.5,
		incomeVer: 0.6, addressVer: 0.975,
		empMin: 3, empMean: 50, addrMin: 1, addrMean: 48, histMin: 24, histMean: 96,
		delinqMean: 0.45, plansMean: 1.8, dtiMed: 0.33, dtiSigma: 0.2,
		debtMed: 1300, debtSigma: 0.5, savingsMed: 300, overdrawn: 0.35,
		affinity: [numCategories]float64{1.6, 1, 1.3, 0.9, 1, 0.9, 1.1, 1.4, 0.8, 1.1},
	},
}

// Rare conditions, per shopper.
const (
	underageRate = 0.002  // shoppers aged 16 or 17 who try anyway
	idFailRate   = 0.0025 // shoppers the identity provider cannot match
)

// newShopper draws a shopper of the given market and kind.
func newShopper(r *rand.Rand, m, kind int) shopper {
	p := &profiles[kind]
	mk := &marketTable[m]
	s := shopper{market: uint8(m), kind: uint8(kind)}

	var age float64
	if kind == kindThin {
		age = p.ageMin + r.ExpFloat64()*p.ageMean
	} else {
		age = p.ageMean + p.ageSD*r.NormFloat64()
	}
	age = math.Floor(clamp(age, p.ageMin, p.ageMax))
	if r.Float64() < underageRate {
		age = float64(16 + r.IntN(2))
	}
	s.age = uint8(age)

	s.locale = uint8(pickWeighted(r, mk.localeWeights[:]))
	s.idFailed = r.Float64() < idFailRate
	s.incomeVerified = r.Float64() < p.incomeVer
	s.addressVerified = r.Float64() < p.addressVer

	// Tenures are bounded by age: nobody has worked since before 16, or had credit before 17.
	working := math.Max(0, (age-16)*12)
	credit := math.Max(0, (age-17)*12)
	s.employmentMonths = uint16(math.Min(working, math.Floor(p.empMin+r.ExpFloat64()*p.empMean)))
	s.monthsAtAddress = uint16(math.Min(age*12, math.Floor(p.addrMin+r.ExpFloat64()*p.addrMean)))
	s.historyMonths = uint16(math.Min(credit, math.Floor(p.histMin+r.ExpFloat64()*p.histMean)))
	if s.historyMonths < 24 {
		// A short file has had little time to collect delinquencies.
		s.delinquencies = uint8(poisson(r, p.delinqMean*float64(s.historyMonths)/24))
	} else {
		s.delinquencies = uint8(poisson(r, p.delinqMean))
	}

	s.score = float32(clamp(math.Round(p.scoreMean+p.scoreSD*r.NormFloat64()), 300, 850))
	s.incomeUSD = float32(p.incomeMed * math.Exp(p.incomeSigma*r.NormFloat64()))
	s.dti = float32(math.Min(3, p.dtiMed*math.Exp(p.dtiSigma*r.NormFloat64())))
	s.plansPer30d = float32(p.plansMean * math.Exp(0.45*r.NormFloat64()))
	s.debtUSD = float32(p.debtMed * math.Exp(p.debtSigma*r.NormFloat64()))
	if r.Float64() < p.overdrawn {
		s.savingsUSD = -float32(50 + 1500*r.Float64())
	} else {
		s.savingsUSD = float32(p.savingsMed * math.Exp(1.0*r.NormFloat64()))
	}
	app := 0.32
	if age < 30 {
		app = 0.55
	}
	s.appShare = float32(clamp(app+0.12*r.NormFloat64(), 0.05, 0.95))
	s.spend = float32(p.spend * math.Exp(0.25*r.NormFloat64()))
	return s
}

// activityWeight is the relative purchase frequency of s: its profile's, times a heavy-tailed
// personal factor, so a few shoppers buy often and many buy once or twice.
func activityWeight(r *rand.Rand, s *shopper) float64 {
	return profiles[s.kind].activity * math.Exp(0.75*r.NormFloat64())
}

// aliasTable samples an index in proportion to fixed weights in constant time (Vose's alias
// method).
type aliasTable struct {
	prob  []float64
	alias []int32
	base  int32 // added to the sampled index
}

// newAliasTable builds the table for weights, which must be positive.
func newAliasTable(weights []float64, base int) aliasTable {
	n := len(weights)
	t := aliasTable{prob: make([]float64, n), alias: make([]int32, n), base: int32(base)}
	var sum float64
	for _, w := range weights {
		sum += w
	}
	small := make([]int32, 0, n)
	large := make([]int32, 0, n)
	for i, w := range weights {
		t.prob[i] = w * float64(n) / sum
		if t.prob[i] < 1 {
			small = append(small, int32(i))
		} else {
			large = append(large, int32(i))
		}
	}
	for len(small) > 0 && len(large) > 0 {
		s, l := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		t.alias[s] = l
		t.prob[l] += t.prob[s] - 1
		if t.prob[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	for _, i := range large {
		t.prob[i] = 1
	}
	for _, i := range small {
		t.prob[i] = 1
	}
	return t
}

// sample returns an index drawn from the table, plus the table's base.
func (t *aliasTable) sample(r *rand.Rand) int {
	i := r.IntN(len(t.prob))
	if r.Float64() >= t.prob[i] {
		i = int(t.alias[i])
	}
	return int(t.base) + i
}

// poisson draws from a Poisson distribution with a small mean (Knuth's method).
func poisson(r *rand.Rand, mean float64) int {
	if mean <= 0 {
		return 0
	}
	l := math.Exp(-mean)
	k := 0
	for p := r.Float64(); p > l; p *= r.Float64() {
		k++
	}
	return k
}

// pickWeighted returns an index drawn in proportion to w.
func pickWeighted(r *rand.Rand, w []float64) int {
	var sum float64
	for _, x := range w {
		sum += x
	}
	u := r.Float64() * sum
	for i, x := range w {
		if u < x {
			return i
		}
		u -= x
	}
	return len(w) - 1
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }
