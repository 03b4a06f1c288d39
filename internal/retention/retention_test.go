package retention

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/market"
)

// fields returns the fields err names, or nil when it is no validation error.
func fields(err error) []string {
	var ve *apperr.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []string
	for _, f := range ve.Fields {
		out = append(out, f.Field)
	}
	return out
}

func checkPolicy(mkt string, keep int, after Action) []string {
	var ve apperr.ValidationError
	CheckPolicy(&ve, mkt, keep, after)
	return fields(ve.Err())
}

func TestCheckPolicy(t *testing.T) {
	for _, c := range []struct {
		name   string
		market string
		keep   int
		after  Action
		want   []string
	}{
		{"the default", "US", 25, Delete, nil},
		{"longer and anonymised", "SE", 60, Anonymise, nil},
		{"the longest", "DE", MaxKeepMonths, Delete, nil},
		{"below the US floor (Reg B)", "US", 24, Delete, []string{"keepMonths"}},
		{"below every market's floor", "GB", 12, Delete, []string{"keepMonths"}},
		{"zero", "SE", 0, Delete, []string{"keepMonths"}},
		{"negative", "SE", -3, Delete, []string{"keepMonths"}},
		{"too long", "SE", MaxKeepMonths + 1, Anonymise, []string{"keepMonths"}},
		{"an unknown action", "US", 30, "SHRED", []string{"afterRetention"}},
		{"an unknown market", "XX", 30, Delete, []string{"market"}},
		{"everything wrong", "", 500, "", []string{"market", "keepMonths", "afterRetention"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := checkPolicy(c.market, c.keep, c.after); !slices.Equal(got, c.want) {
				t.Errorf("fields %v, want %v", got, c.want)
			}
		})
	}
}

// TestFloors: every market has a floor of its own, at least the default, with its basis; the US
// one is Regulation B's 25 months.
func TestFloors(t *testing.T) {
	for _, m := range market.All {
		f, ok := floors[m.Code]
		if !ok || f.Months < DefaultKeepMonths || f.Basis == "" {
			t.Errorf("%s: floor %+v", m.Code, f)
		}
	}
	if f := FloorOf("US"); f.Months != 25 || !strings.Contains(f.Basis, "1002.12(b)") {
		t.Errorf("US floor %+v", f)
	}
	if f := FloorOf("NO"); f.Months != DefaultKeepMonths {
		t.Errorf("a market without a declared floor: %+v", f)
	}
	if p := Default("US"); checkPolicy("US", p.KeepMonths, p.After) != nil {
		t.Errorf("the default %+v does not pass its own checks", p)
	}
}

func TestNewHold(t *testing.T) {
	from, to := date(2024, 1, 1), date(2024, 2, 1)
	long := strings.Repeat("x", maxIDLen+1)
	for _, c := range []struct {
		name   string
		f      Filter
		reason string
		want   []string
	}{
		{"a market", Filter{Market: "US"}, "Smith v. Lender", nil},
		{"a shopper", Filter{ShopperID: " s-1 "}, "a claim", nil},
		{"a merchant and a range", Filter{MerchantID: "m-1", From: &from, To: &to}, "a matter", nil},
		{"only from", Filter{From: &from}, "a matter", nil},
		{"only to", Filter{To: &to}, "a matter", nil},
		{"nothing: no hold on everything", Filter{Market: "  "}, "a matter", []string{"input"}},
		{"an unknown market", Filter{Market: "XX"}, "a matter", []string{"input.market"}},
		{"an empty range", Filter{From: &to, To: &from}, "a matter", []string{"input.to"}},
		{"a range of no time", Filter{From: &from, To: &from}, "a matter", []string{"input.to"}},
		{"ids too long", Filter{ShopperID: long, MerchantID: long}, "a matter", []string{"input.shopperId", "input.merchantId"}},
		{"no reason", Filter{Market: "SE"}, " \n ", []string{"input.reason"}},
		{"a reason too long", Filter{Market: "SE"}, strings.Repeat("r", MaxReasonLen+1), []string{"input.reason"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			h, err := NewHold(c.f, c.reason, "input.")
			if got := fields(err); !slices.Equal(got, c.want) {
				t.Fatalf("fields %v, want %v (%v)", got, c.want, err)
			}
			if err == nil && (h.Reason != strings.TrimSpace(c.reason) || h.ShopperID != strings.TrimSpace(c.f.ShopperID)) {
				t.Errorf("hold %+v", h)
			}
		})
	}
	// Times are kept in UTC to the microsecond, as both databases keep them.
	odd := time.Date(2024, 1, 1, 1, 0, 0, 1500, time.FixedZone("CET", 3600))
	h, err := NewHold(Filter{From: &odd}, "a matter", "")
	if err != nil || !h.From.Equal(date(2024, 1, 1).Add(time.Microsecond)) || h.From.Location() != time.UTC {
		t.Errorf("from %v, %v", h.From, err)
	}
}

func TestFilterIntersect(t *testing.T) {
	jan, feb, mar := date(2024, 1, 1), date(2024, 2, 1), date(2024, 3, 1)
	for _, c := range []struct {
		name string
		f, g Filter
		want Filter
		ok   bool
	}{
		{"a market and a shopper", Filter{Market: "US"}, Filter{ShopperID: "s"}, Filter{Market: "US", ShopperID: "s"}, true},
		{"the same market", Filter{Market: "US"}, Filter{Market: "US"}, Filter{Market: "US"}, true},
		{"two markets", Filter{Market: "US"}, Filter{Market: "SE"}, Filter{}, false},
		{"two shoppers", Filter{ShopperID: "a"}, Filter{ShopperID: "b"}, Filter{}, false},
		{"two merchants", Filter{MerchantID: "a"}, Filter{MerchantID: "b"}, Filter{}, false},
		{"the later from, the earlier to", Filter{From: &jan, To: &mar}, Filter{From: &feb}, Filter{From: &feb, To: &mar}, true},
		{"ranges meeting at an instant", Filter{To: &feb}, Filter{From: &feb}, Filter{}, false},
		{"ranges apart", Filter{From: &jan, To: &feb}, Filter{From: &mar}, Filter{}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := c.f.Intersect(c.g)
			if ok != c.ok || got.Market != c.want.Market || got.ShopperID != c.want.ShopperID ||
				got.MerchantID != c.want.MerchantID || !sameTime(got.From, c.want.From) || !sameTime(got.To, c.want.To) {
				t.Errorf("%+v %v, want %+v %v", got, ok, c.want, c.ok)
			}
			if back, okBack := c.g.Intersect(c.f); okBack != ok || (ok && (!sameTime(back.From, got.From) || !sameTime(back.To, got.To))) {
				t.Errorf("not symmetric: %+v %v", back, okBack)
			}
		})
	}
}

func TestFilterTouches(t *testing.T) {
	mid := time.Date(2024, 2, 15, 12, 0, 0, 0, time.UTC)
	end := date(2024, 3, 1)
	for _, c := range []struct {
		name string
		f    Filter
		k    MonthKey
		want bool
	}{
		{"a market, its month", Filter{Market: "US"}, key("US", 2019, 1), true},
		{"a market, another", Filter{Market: "US"}, key("SE", 2024, 2), false},
		{"from mid-month touches that month", Filter{From: &mid}, key("DE", 2024, 2), true},
		{"from mid-month, not the month before", Filter{From: &mid}, key("DE", 2024, 1), false},
		{"to the month's start excludes it", Filter{To: &end}, key("DE", 2024, 3), false},
		{"to the month's start includes the one before", Filter{To: &end}, key("DE", 2024, 2), true},
		{"a shopper alone touches every month (decisions decide)", Filter{ShopperID: "s"}, key("GB", 2000, 1), true},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.f.Touches(c.k); got != c.want {
				t.Errorf("Touches(%s) = %v", c.k, got)
			}
		})
	}
}
