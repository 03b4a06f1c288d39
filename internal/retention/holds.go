package retention

import (
	"strings"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/approval"
	"riskconsole/internal/market"
)

// Bounds of a hold's texts, in bytes.
const (
	// MaxReasonLen bounds a hold's reason, as a rationale is bounded elsewhere.
	MaxReasonLen = 2000
	// maxIDLen bounds a shopper or merchant id, as checkout's purchase input bounds them.
	maxIDLen = 64
)

// Filter selects decisions: those of Market, created in [From, To), of ShopperID and of
// MerchantID, each criterion only when set (the zero value of a field matches every decision).
// A hold's filter sets at least one.
type Filter struct {
	Market     string
	From, To   *time.Time
	ShopperID  string
	MerchantID string
}

// IsZero reports whether f sets no criterion (and so would select every decision).
func (f *Filter) IsZero() bool {
	return f.Market == "" && f.From == nil && f.To == nil && f.ShopperID == "" && f.MerchantID == ""
}

// NeedsDecisions reports whether the months f touches depend on the decisions stored, not on
// its market and time range alone: it names a shopper or a merchant.
func (f *Filter) NeedsDecisions() bool { return f.ShopperID != "" || f.MerchantID != "" }

// Touches reports whether f's market and time range reach month k: the shopper and merchant are
// not looked at (see NeedsDecisions).
func (f *Filter) Touches(k MonthKey) bool {
	if f.Market != "" && f.Market != k.Market {
		return false
	}
	start, end := MonthOf(k.Month), AddMonths(k.Month, 1)
	return (f.From == nil || f.From.Before(end)) && (f.To == nil || f.To.After(start))
}

// Intersect returns the filter selecting the decisions both f and g select, and false when no
// decision can match both (different markets, shoppers or merchants, or time ranges that do
// not overlap).
func (f Filter) Intersect(g Filter) (Filter, bool) {
	out := f
	var ok bool
	if out.Market, ok = both(f.Market, g.Market); !ok {
		return Filter{}, false
	}
	if out.ShopperID, ok = both(f.ShopperID, g.ShopperID); !ok {
		return Filter{}, false
	}
	if out.MerchantID, ok = both(f.MerchantID, g.MerchantID); !ok {
		return Filter{}, false
	}
	if g.From != nil && (out.From == nil || g.From.After(*out.From)) {
		out.From = g.From
	}
	if g.To != nil && (out.To == nil || g.To.Before(*out.To)) {
		out.To = g.To
	}
	if out.From != nil && out.To != nil && !out.From.Before(*out.To) {
		return Filter{}, false
	}
	return out, true
}

// both returns the value a criterion must have to meet a and b ("" meets anything), and false
// when none can.
func both(a, b string) (string, bool) {
	switch {
	case a == "":
		return b, true
	case b == "" || a == b:
		return a, true
	}
	return "", false
}

// Hold is a legal hold: the decisions its filter selects are kept, whatever the retention
// policy says, until a second person lifts it. It goes through the shared approval workflow: it
// is placed SUBMITTED (in force, waiting for the second person who may lift it) and lifting it
// is the workflow's approval, refused to the person who placed it. So Author is who placed it,
// CreatedAt when; Reviewer who lifted it, UpdatedAt when, and ReviewComment why.
type Hold struct {
	approval.Fields
	Filter
	Reason string
}

// Active reports whether the hold is in force (placed and not lifted).
func (h *Hold) Active() bool { return h.Status == approval.StatusSubmitted }

// LiftedAt returns when the hold was lifted, nil while it is in force.
func (h *Hold) LiftedAt() *time.Time {
	if h.Active() {
		return nil
	}
	t := h.UpdatedAt
	return &t
}

// NewHold returns the hold on f for reason, trimmed, or the field errors of its input (named
// under prefix, e.g. "input."): a filter without any criterion, an unknown market, a time range
// that is empty, ids too long, and a reason missing or too long.
func NewHold(f Filter, reason, prefix string) (Hold, error) {
	var ve apperr.ValidationError
	f.Market, f.ShopperID, f.MerchantID = strings.TrimSpace(f.Market), strings.TrimSpace(f.ShopperID), strings.TrimSpace(f.MerchantID)
	if f.From != nil {
		t := f.From.UTC().Truncate(time.Microsecond)
		f.From = &t
	}
	if f.To != nil {
		t := f.To.UTC().Truncate(time.Microsecond)
		f.To = &t
	}
	if f.IsZero() {
		ve.Add(strings.TrimSuffix(prefix, "."), "must name at least one of market, from, to, shopperId and merchantId: a hold on everything is no hold")
	}
	if _, ok := market.Lookup(f.Market); f.Market != "" && !ok {
		ve.Add(prefix+"market", "unknown market %q", f.Market)
	}
	if f.From != nil && f.To != nil && !f.From.Before(*f.To) {
		ve.Add(prefix+"to", "must be after from: the range is [from, to)")
	}
	if len(f.ShopperID) > maxIDLen {
		ve.Add(prefix+"shopperId", "must be at most %d bytes", maxIDLen)
	}
	if len(f.MerchantID) > maxIDLen {
		ve.Add(prefix+"merchantId", "must be at most %d bytes", maxIDLen)
	}
	reason = strings.TrimSpace(reason)
	switch {
	case reason == "":
		ve.Add(prefix+"reason", "is required: say why the decisions must be kept (the matter, the claim)")
	case len(reason) > MaxReasonLen:
		ve.Add(prefix+"reason", "must be at most %d bytes", MaxReasonLen)
	}
	if err := ve.Err(); err != nil {
		return Hold{}, err
	}
	return Hold{Filter: f, Reason: reason}, nil
}
