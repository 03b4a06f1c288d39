package engine

// Measure identifies one measured value of an assessment. The order is fixed: it is the column
// order of decisions in the database and of the what-if history.
type Measure uint8

// The 15 measured values of DOMAIN.md.
const (
	BureauScore Measure = iota
	MonthlyIncome
	IncomeVerified
	EmploymentMonths
	RecentPlans30d
	DebtToIncome
	MonthsAtAddress
	AddressVerified
	IdentityVerified
	AgeYears
	CreditHistoryMonths
	Delinquencies24m
	AffordabilityRatio
	LiquidSavings
	OutstandingCredit
)

// NumMeasures is the number of measured values per assessment.
const NumMeasures = 15

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
type Reason uint8

// The reason codes of DOMAIN.md, in Measure order. NoReason is the zero value.
const (
	NoReason Reason = iota
	CreditScoreInsufficient
	IncomeInsufficient
	IncomeUnverified
	EmploymentLength
	RecentPlansExcessive
	ObligationsExcessive
	ResidenceLength
	ResidenceUnverified
	IdentityUnverified
	UnderLegalAge
	CreditHistoryLimited
	DelinquentObligations
	AffordabilityInsufficient
	ReservesInsufficient
	OutstandingCreditHigh
)

// NumReasons is the number of reason codes, NoReason excluded.
const NumReasons = 15

var reasonNames = [...]string{
	"", "CREDIT_SCORE_INSUFFICIENT", "INCOME_INSUFFICIENT", "INCOME_UNVERIFIED", "EMPLOYMENT_LENGTH",
	"RECENT_PLANS_EXCESSIVE", "OBLIGATIONS_EXCESSIVE", "RESIDENCE_LENGTH", "RESIDENCE_UNVERIFIED",
	"IDENTITY_UNVERIFIED", "UNDER_LEGAL_AGE", "CREDIT_HISTORY_LIMITED", "DELINQUENT_OBLIGATIONS",
	"AFFORDABILITY_INSUFFICIENT", "RESERVES_INSUFFICIENT", "OUTSTANDING_CREDIT_HIGH",
}

// String returns the reason's code, e.g. "CREDIT_SCORE_INSUFFICIENT"; "" for NoReason.
func (r Reason) String() string {
	if int(r) >= len(reasonNames) {
		return ""
	}
	return reasonNames[r]
}

// ParseReason returns the reason with the given code.
func ParseReason(code string) (Reason, bool) {
	for i := 1; i < len(reasonNames); i++ {
		if reasonNames[i] == code {
			return Reason(i), true
		}
	}
	return NoReason, false
}

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

// Unit says how a measured value is expressed.
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

// MeasureInfo is the static description of a measured value and its default US rule.
type MeasureInfo struct {
	Measure Measure
	Key     string // snake_case name, also the database column name
	Enum    string // upper-case name used in the API
	Field   string // camelCase name of the value in API inputs and outputs, e.g. "bureauScore"
	Factor  Factor
	Unit    Unit
	// Min and Max bound both the values an assessment may carry and the cut-offs a rule may set.
	Min, Max float64
	// Default rule for market US (money amounts in USD).
	Comparator Comparator
	Cutoff     float64
	Enabled    bool
	Reason     Reason
	// Scale is the distance from the cut-off that counts as one unit of shortfall when reasons
	// are ranked; money scales are in USD and scale with the market like money cut-offs.
	Scale float64
}

// Measures describes every measured value, indexed by Measure.
var Measures = [NumMeasures]MeasureInfo{
	{BureauScore, "bureau_score", "BUREAU_SCORE", "bureauScore", FactorCreditScore, UnitScore, 300, 850, GTE, 580, true, CreditScoreInsufficient, 100},
	{MonthlyIncome, "monthly_income", "MONTHLY_INCOME", "monthlyIncome", FactorIncome, UnitMoney, 0, 10_000_000, GTE, 1000, true, IncomeInsufficient, 1000},
	{IncomeVerified, "income_verified", "INCOME_VERIFIED", "incomeVerified", FactorIncome, UnitFlag, 0, 1, GTE, 1, false, IncomeUnverified, 1},
	{EmploymentMonths, "employment_months", "EMPLOYMENT_MONTHS", "employmentMonths", FactorEmployment, UnitMonths, 0, 720, GTE, 6, true, EmploymentLength, 12},
	{RecentPlans30d, "recent_plans_30d", "RECENT_PLANS_30D", "recentPlans30d", FactorSpending, UnitCount, 0, 1000, LTE, 5, true, RecentPlansExcessive, 3},
	{DebtToIncome, "debt_to_income", "DEBT_TO_INCOME", "debtToIncome", FactorDebtToIncome, UnitRatio, 0, 100, LTE, 0.45, true, ObligationsExcessive, 0.2},
	{MonthsAtAddress, "months_at_address", "MONTHS_AT_ADDRESS", "monthsAtAddress", FactorResidential, UnitMonths, 0, 1440, GTE, 3, true, ResidenceLength, 6},
	{AddressVerified, "address_verified", "ADDRESS_VERIFIED", "addressVerified", FactorResidential, UnitFlag, 0, 1, GTE, 1, true, ResidenceUnverified, 1},
	{IdentityVerified, "identity_verified", "IDENTITY_VERIFIED", "identityVerified", FactorIdentity, UnitFlag, 0, 1, GTE, 1, true, IdentityUnverified, 1},
	{AgeYears, "age_years", "AGE_YEARS", "ageYears", FactorIdentity, UnitYears, 0, 130, GTE, 18, true, UnderLegalAge, 3},
	{CreditHistoryMonths, "credit_history_months", "CREDIT_HISTORY_MONTHS", "creditHistoryMonths", FactorCreditHistory, UnitMonths, 0, 1440, GTE, 6, true, CreditHistoryLimited, 12},
	{Delinquencies24m, "delinquencies_24m", "DELINQUENCIES_24M", "delinquencies24m", FactorCreditHistory, UnitCount, 0, 1000, LTE, 1, true, DelinquentObligations, 1},
	{AffordabilityRatio, "affordability_ratio", "AFFORDABILITY_RATIO", "affordabilityRatio", FactorAffordability, UnitRatio, 0, 1000, GTE, 1.5, true, AffordabilityInsufficient, 1},
	{LiquidSavings, "liquid_savings", "LIQUID_SAVINGS", "liquidSavings", FactorSavings, UnitMoney, -10_000_000, 100_000_000, GTE, 0, false, ReservesInsufficient, 1000},
	{OutstandingCredit, "outstanding_credit", "OUTSTANDING_CREDIT", "outstandingCredit", FactorOutstandingCredit, UnitMoney, 0, 100_000_000, LTE, 2500, true, OutstandingCreditHigh, 1000},
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

// Measure returns the measured value whose rule yields r (reasons are declared in Measure order,
// one per measure). It must not be called on NoReason.
func (r Reason) Measure() Measure { return Measure(r - 1) }
