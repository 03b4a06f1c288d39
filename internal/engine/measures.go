package engine

import (
	"strings"
	"unicode"
)

// The measured values are declared once, in Measures below. Everything else that lists them is
// derived from that table: by loops at run time (SQL column lists, the CSV header, validation,
// defaults, ranking) or by `go generate ./internal/engine` (the Go constants in measures_gen.go,
// the GraphQL enums and input in graph/schema/measures.graphqls, the API and row mappings, the
// row struct in models/, the UI's table in ui/src/lib/measures.gen.ts). README.md, "Adding a
// measured value", lists what else a new value needs.

//go:generate go run ./measuresgen

// Measure identifies one measured value of an assessment: its position in Measures. The order is
// fixed: it is the column order of decisions in the database and of the what-if history.
type Measure uint8

// Values holds one assessment's measured values, indexed by Measure.
type Values [NumMeasures]float64

// Factor is one of the 11 factors of the lender's help page.
type Factor uint8

// The 11 factors.
const (
	FactorCreditScore Factor = iota
	FactorIncome
	FactorEmployment
	FactorSpending
	FactorDebtToIncome
	FactorResidential
	FactorIdentity
	FactorCreditHistory
	FactorAffordability
	FactorSavings
	FactorOutstandingCredit
)

var factorNames = [...]string{
	"CREDIT_SCORE", "INCOME", "EMPLOYMENT_STABILITY", "SPENDING_PATTERNS", "DEBT_TO_INCOME",
	"RESIDENTIAL_STATUS", "IDENTITY_AND_AGE", "CREDIT_HISTORY", "AFFORDABILITY", "SAVINGS",
	"OUTSTANDING_CREDIT",
}

// String returns the factor's upper-case name, as used in the API.
func (f Factor) String() string { return factorNames[f] }

// Reason is a principal-reason code. Each rule of a threshold set yields one when it fails.
// Every measured value has its own reason, declared with it: reason r belongs to measure r-1.
// NoReason is the zero value.
type Reason uint8

// NoReason is the zero Reason: no reason.
const NoReason Reason = 0

// String returns the reason's code, e.g. "CREDIT_SCORE_INSUFFICIENT"; "" for NoReason.
func (r Reason) String() string {
	if r == NoReason || int(r) > NumReasons {
		return ""
	}
	return Measures[r-1].ReasonCode
}

// ParseReason returns the reason with the given code.
func ParseReason(code string) (Reason, bool) {
	for i := range Measures {
		if Measures[i].ReasonCode == code {
			return Reason(i + 1), true
		}
	}
	return NoReason, false
}

// RanksFirst reports whether a failure naming r is ranked before every failure naming a reason
// that does not (identity and legal age), as its measure's declaration says.
func (r Reason) RanksFirst() bool { return ranksFirst[r] }

// ranksFirst is indexed by Reason; 256 entries, so that indexing with a uint8 needs no bounds
// check on the engine's hot path.
var ranksFirst [256]bool

// Comparator is the condition a value must meet to pass its rule.
type Comparator uint8

// Comparators. GTE passes when value >= cut-off (declines below it); LTE passes when
// value <= cut-off (declines above it).
const (
	GTE Comparator = iota + 1
	LTE
)

// String returns "GTE" or "LTE".
func (c Comparator) String() string {
	switch c {
	case GTE:
		return "GTE"
	case LTE:
		return "LTE"
	}
	return ""
}

// Unit says how a measured value is expressed: its kind.
type Unit uint8

// Units of measured values.
const (
	UnitScore Unit = iota
	UnitMoney      // in the market's currency; default cut-offs scale with market.MoneyScale
	UnitFlag       // 0 or 1
	UnitMonths
	UnitYears
	UnitCount
	UnitRatio
)

var unitNames = [...]string{"score", "money", "flag", "months", "years", "count", "ratio"}

// String returns the unit's lower-case name, e.g. "money".
func (u Unit) String() string { return unitNames[u] }

// Whole reports whether values in u are counted in whole units.
func (u Unit) Whole() bool { return u == UnitMonths || u == UnitYears || u == UnitCount }

// Policy restricts what a threshold set's rule for one measure may say, beyond the measure's
// bounds. The zero Policy allows any comparator and any cut-off within Min and Max.
type Policy struct {
	// CutoffMin and CutoffMax, when not both zero, bound the cut-off instead of Min and Max.
	CutoffMin, CutoffMax float64
	// GTEOnly, when set, says why the rule may only set a minimum.
	GTEOnly string
	// MustEnable, when set, says why the rule may not be switched off.
	MustEnable string
}

// MeasureInfo is the declaration of a measured value: its names, its kind and bounds, and its
// default US rule. The fields under "Derived" are filled from the position and Key.
type MeasureInfo struct {
	// Key is the snake_case name: the database and CSV column, and the source of the API names.
	Key string
	// Doc describes the value for the API: what it is and where it comes from, in one or two
	// sentences ending with a full stop, without its unit or bounds (the generator adds them
	// from Unit, Min and Max).
	Doc    string
	Factor Factor
	Unit   Unit
	// Min and Max bound both the values an assessment may carry and the cut-offs a rule may set.
	Min, Max float64
	// Step is the smallest change of a cut-off the console's threshold editor makes.
	Step float64
	// Default rule for market US (money amounts in USD).
	Comparator Comparator
	Cutoff     float64
	Enabled    bool
	// ReasonCode is the code of the reason the rule yields when it fails, e.g.
	// "CREDIT_SCORE_INSUFFICIENT"; every measure has its own. Its Go name is the code in
	// CamelCase (CreditScoreInsufficient, generated).
	ReasonCode string
	// Scale is the distance from the cut-off that counts as one unit of shortfall when reasons
	// are ranked; money scales are in USD and scale with the market like money cut-offs.
	Scale float64
	// RanksFirst puts this measure's failures before every failure of a measure without it
	// (identity and legal age), whatever their shortfalls.
	RanksFirst bool
	Policy     Policy

	// Derived.
	Measure Measure // the position in Measures
	Enum    string  // upper-case name used in the API, e.g. "BUREAU_SCORE"
	Field   string  // camelCase name in API inputs, e.g. "bureauScore"
	Reason  Reason  // Measure + 1
}

// Measures declares every measured value, indexed by Measure. It is the one list of them: add a
// value at the end (never reorder: the order is the column order of the what-if history).
var Measures = [...]MeasureInfo{
	{Key: "bureau_score", Doc: "The shopper's credit score from the market's credit bureau, as checkout measured it.",
		Factor: FactorCreditScore, Unit: UnitScore, Min: 300, Max: 850, Step: 1,
		Comparator: GTE, Cutoff: 580, Enabled: true, ReasonCode: "CREDIT_SCORE_INSUFFICIENT", Scale: 100},
	{Key: "monthly_income", Doc: "The shopper's monthly income on record at the time of the purchase.",
		Factor: FactorIncome, Unit: UnitMoney, Min: 0, Max: 10_000_000, Step: 1,
		Comparator: GTE, Cutoff: 1000, Enabled: true, ReasonCode: "INCOME_INSUFFICIENT", Scale: 1000},
	{Key: "income_verified", Doc: "Whether the income the shopper gave was verified.",
		Factor: FactorIncome, Unit: UnitFlag, Min: 0, Max: 1, Step: 1,
		Comparator: GTE, Cutoff: 1, Enabled: false, ReasonCode: "INCOME_UNVERIFIED", Scale: 1},
	{Key: "employment_months", Doc: "How long the shopper has been with their current employer.",
		Factor: FactorEmployment, Unit: UnitMonths, Min: 0, Max: 720, Step: 1,
		Comparator: GTE, Cutoff: 6, Enabled: true, ReasonCode: "EMPLOYMENT_LENGTH", Scale: 12},
	{Key: "recent_plans_30d", Doc: "How many pay-later plans the shopper opened in the past 30 days.",
		Factor: FactorSpending, Unit: UnitCount, Min: 0, Max: 1000, Step: 1,
		Comparator: LTE, Cutoff: 5, Enabled: true, ReasonCode: "RECENT_PLANS_EXCESSIVE", Scale: 3},
	{Key: "debt_to_income", Doc: "The shopper's monthly debt payments divided by their monthly income (the debt-to-income ratio).",
		Factor: FactorDebtToIncome, Unit: UnitRatio, Min: 0, Max: 100, Step: 0.01,
		Comparator: LTE, Cutoff: 0.45, Enabled: true, ReasonCode: "OBLIGATIONS_EXCESSIVE", Scale: 0.2},
	{Key: "months_at_address", Doc: "How long the shopper has lived at their current address.",
		Factor: FactorResidential, Unit: UnitMonths, Min: 0, Max: 1440, Step: 1,
		Comparator: GTE, Cutoff: 3, Enabled: true, ReasonCode: "RESIDENCE_LENGTH", Scale: 6},
	{Key: "address_verified", Doc: "Whether the shopper's address was matched to their records.",
		Factor: FactorResidential, Unit: UnitFlag, Min: 0, Max: 1, Step: 1,
		Comparator: GTE, Cutoff: 1, Enabled: true, ReasonCode: "RESIDENCE_UNVERIFIED", Scale: 1},
	{Key: "identity_verified", Doc: "Whether the shopper's identity was confirmed from the details given.",
		Factor: FactorIdentity, Unit: UnitFlag, Min: 0, Max: 1, Step: 1,
		Comparator: GTE, Cutoff: 1, Enabled: true, ReasonCode: "IDENTITY_UNVERIFIED", Scale: 1,
		RanksFirst: true, Policy: Policy{CutoffMin: 1, CutoffMax: 1,
			GTEOnly:    "every shopper's identity must be verified",
			MustEnable: "every shopper's identity must be verified"}},
	{Key: "age_years", Doc: "The shopper's age, from the date of birth given.",
		Factor: FactorIdentity, Unit: UnitYears, Min: 0, Max: 130, Step: 1,
		Comparator: GTE, Cutoff: 18, Enabled: true, ReasonCode: "UNDER_LEGAL_AGE", Scale: 3,
		RanksFirst: true, Policy: Policy{CutoffMin: MinAgeCutoff, CutoffMax: MaxAgeCutoff,
			GTEOnly:    "the age rule can only set a minimum age (legal capacity)",
			MustEnable: "the minimum legal age always applies"}},
	{Key: "credit_history_months", Doc: "How long the shopper's credit history is.",
		Factor: FactorCreditHistory, Unit: UnitMonths, Min: 0, Max: 1440, Step: 1,
		Comparator: GTE, Cutoff: 6, Enabled: true, ReasonCode: "CREDIT_HISTORY_LIMITED", Scale: 12},
	{Key: "delinquencies_24m", Doc: "How many late or missed payments the shopper's credit report shows in the past 24 months.",
		Factor: FactorCreditHistory, Unit: UnitCount, Min: 0, Max: 1000, Step: 1,
		Comparator: LTE, Cutoff: 1, Enabled: true, ReasonCode: "DELINQUENT_OBLIGATIONS", Scale: 1},
	{Key: "affordability_ratio", Doc: "The shopper's disposable income after regular costs divided by this purchase's instalment.",
		Factor: FactorAffordability, Unit: UnitRatio, Min: 0, Max: 1000, Step: 0.01,
		Comparator: GTE, Cutoff: 1.5, Enabled: true, ReasonCode: "AFFORDABILITY_INSUFFICIENT", Scale: 1},
	{Key: "liquid_savings", Doc: "The shopper's savings and easily accessible funds.",
		Factor: FactorSavings, Unit: UnitMoney, Min: -10_000_000, Max: 100_000_000, Step: 1,
		Comparator: GTE, Cutoff: 0, Enabled: false, ReasonCode: "RESERVES_INSUFFICIENT", Scale: 1000},
	{Key: "outstanding_credit", Doc: "The total credit the shopper owes, including cards, loans and pay-later plans.",
		Factor: FactorOutstandingCredit, Unit: UnitMoney, Min: 0, Max: 100_000_000, Step: 1,
		Comparator: LTE, Cutoff: 2500, Enabled: true, ReasonCode: "OUTSTANDING_CREDIT_HIGH", Scale: 1000},
}

// init fills the derived fields of Measures and the tables derived from them.
func init() {
	for i := range Measures {
		m := &Measures[i]
		m.Measure = Measure(i)
		m.Enum = strings.ToUpper(m.Key)
		m.Field = CamelCase(m.Key, false)
		m.Reason = Reason(i + 1)
		ranksFirst[m.Reason] = m.RanksFirst
	}
}

// CamelCase joins the words of a snake_case (or SCREAMING_SNAKE_CASE) name: "recent_plans_30d"
// becomes "recentPlans30d", or "RecentPlans30d" when upper is set.
func CamelCase(name string, upper bool) string {
	var b strings.Builder
	for i, w := range strings.Split(strings.ToLower(name), "_") {
		if w == "" {
			continue
		}
		if i > 0 || upper {
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			w = string(r)
		}
		b.WriteString(w)
	}
	return b.String()
}

// ParseMeasure returns the measure with the given API enum name or snake_case key.
func ParseMeasure(name string) (Measure, bool) {
	for _, m := range Measures {
		if m.Enum == name || m.Key == name {
			return m.Measure, true
		}
	}
	return 0, false
}

// String returns the measure's API enum name.
func (m Measure) String() string { return Measures[m].Enum }

// Measure returns the measured value whose rule yields r (each measure has its own reason). It
// must not be called on NoReason.
func (r Reason) Measure() Measure { return Measure(r - 1) }
