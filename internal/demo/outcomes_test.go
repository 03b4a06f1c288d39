package demo

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"riskconsole/internal/engine"
	"riskconsole/internal/market"
)

// rate counts decisions and declines.
type rate struct{ n, declined int }

func (r rate) value() float64 { return float64(r.declined) / float64(r.n) }

func (r *rate) add(declined bool) {
	r.n++
	if declined {
		r.declined++
	}
}

// decided is what the real engine decides for a demo run, aggregated.
type decided struct {
	all        rate
	byMarket   map[string]*rate
	byCategory map[string]*rate
	byVersion  map[string]*rate // "US v2"
	reasons    map[engine.Reason]int
	shoppers   map[string]int
	locales    map[string]int // "SE en-GB"
	channels   map[string]int

	// Declines in the incident market, inside and outside the incident, and how many of them
	// name IDENTITY_UNVERIFIED.
	incidentDeclines, incidentIdentity int
	otherDeclines, otherIdentity       int

	// impact["US v2"] counts, over every purchase of the market, declines under the previous
	// version ([0]) and under this one ([1]), out of n.
	impact map[string]*[3]int
}

// decideDemo generates n purchases and decides each with the engine against the threshold
// version active at its time.
func decideDemo(t testing.TB, seed int64, n int) *decided {
	t.Helper()
	h := History(testEnd, DefaultDays)
	inc := IncidentFor(testEnd)
	o := &decided{
		byMarket: map[string]*rate{}, byCategory: map[string]*rate{}, byVersion: map[string]*rate{},
		reasons: map[engine.Reason]int{}, shoppers: map[string]int{}, impact: map[string]*[3]int{},
		locales: map[string]int{}, channels: map[string]int{},
	}
	get := func(m map[string]*rate, k string) *rate {
		r := m[k]
		if r == nil {
			r = &rate{}
			m[k] = r
		}
		return r
	}
	var res, before, after engine.Result
	err := Generate(Options{Seed: seed, N: n, End: testEnd}, func(p *Purchase) error {
		v := ActiveAt(h, p.Market, p.Time)
		if v == nil {
			return fmt.Errorf("no threshold version active in %s at %v", p.Market, p.Time)
		}
		engine.Evaluate(&v.Set, &p.Values, &res)
		declined := res.Outcome == engine.Declined
		o.all.add(declined)
		get(o.byMarket, p.Market).add(declined)
		get(o.byCategory, p.Merchant.Category).add(declined)
		get(o.byVersion, fmt.Sprintf("%s v%d", p.Market, v.Version)).add(declined)
		o.shoppers[p.ShopperID]++
		o.locales[p.Market+" "+p.Locale]++
		o.channels[p.Channel]++
		identity := false
		for _, r := range res.PrincipalReasons() {
			o.reasons[r]++
			identity = identity || r == engine.IdentityUnverified
		}
		if declined && p.Market == inc.Market {
			if !p.Time.Before(inc.From) && p.Time.Before(inc.To) {
				o.incidentDeclines++
				o.incidentIdentity += b2i(identity)
			} else {
				o.otherDeclines++
				o.otherIdentity += b2i(identity)
			}
		}
		for i := range h {
			if h[i].Market != p.Market || h[i].Version == 1 {
				continue
			}
			engine.Evaluate(&h[i-1].Set, &p.Values, &before)
			engine.Evaluate(&h[i].Set, &p.Values, &after)
			k := fmt.Sprintf("%s v%d", h[i].Market, h[i].Version)
			c := o.impact[k]
			if c == nil {
				c = &[3]int{}
				o.impact[k] = c
			}
			c[0] += b2i(before.Outcome == engine.Declined)
			c[1] += b2i(after.Outcome == engine.Declined)
			c[2]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestDemoOutcomes runs the real engine over a demo-sized run and checks that the data tell the
// intended story.
func TestDemoOutcomes(t *testing.T) {
	o := decideDemo(t, 1, 200_000)
	logOutcomes(t, o)

	t.Run("overall", func(t *testing.T) {
		if r := o.all.value(); r < 0.10 || r > 0.20 {
			t.Errorf("overall decline rate %.4f, want within [0.10, 0.20]", r)
		}
	})

	t.Run("markets", func(t *testing.T) {
		lo, hi := 1.0, 0.0
		for _, m := range []string{"US", "GB", "SE", "DE"} {
			r := o.byMarket[m].value()
			if r < 0.06 || r > 0.25 {
				t.Errorf("%s decline rate %.4f, want within [0.06, 0.25]", m, r)
			}
			lo, hi = math.Min(lo, r), math.Max(hi, r)
		}
		if hi-lo < 0.04 {
			t.Errorf("market decline rates span only %.4f", hi-lo)
		}
		if o.byMarket["US"].value() != hi || o.byMarket["SE"].value() != lo {
			t.Errorf("want US declining most and SE least")
		}
	})

	t.Run("categories", func(t *testing.T) {
		for _, c := range []string{CategoryElectronics, CategoryGaming, CategoryTravel} {
			if r := o.byCategory[c].value(); r < o.all.value()+0.01 {
				t.Errorf("%s decline rate %.4f, want above the overall %.4f", c, r, o.all.value())
			}
		}
		for _, c := range Categories {
			if o.byCategory[c] == nil || o.byCategory[c].n < 2000 {
				t.Errorf("category %s has too few purchases: %+v", c, o.byCategory[c])
			}
		}
	})

	t.Run("reasons", func(t *testing.T) {
		// Income and savings rules are off by default, so those reasons never show.
		for r := engine.Reason(1); r <= engine.NumReasons; r++ {
			if r == engine.IncomeUnverified || r == engine.ReservesInsufficient {
				continue
			}
			if o.reasons[r] < 50 {
				t.Errorf("reason %s named only %d times", r, o.reasons[r])
			}
		}
		if under := float64(o.reasons[engine.UnderLegalAge]) / float64(o.all.n); under > 0.005 {
			t.Errorf("UNDER_LEGAL_AGE in %.4f of purchases, want a tiny rate", under)
		}
	})

	t.Run("incident", func(t *testing.T) {
		in := float64(o.incidentIdentity) / float64(o.incidentDeclines)
		out := float64(o.otherIdentity) / float64(o.otherDeclines)
		t.Logf("IDENTITY_UNVERIFIED share of declines: %.3f during the incident (%d declines), %.3f otherwise",
			in, o.incidentDeclines, out)
		if o.incidentDeclines < 100 || in < 5*out {
			t.Errorf("identity share %.3f during the incident, %.3f otherwise: want at least 5x", in, out)
		}
	})

	t.Run("version changes", func(t *testing.T) {
		if len(o.impact) < 8 {
			t.Fatalf("only %d version changes replayed", len(o.impact))
		}
		for k, c := range o.impact {
			d := float64(c[1]-c[0]) / float64(c[2])
			if math.Abs(d) < 0.005 || math.Abs(d) > 0.04 {
				t.Errorf("%s moves the market's decline rate by %+.4f, want a visible but small step", k, d)
			}
			if o.byVersion[k] == nil || o.byVersion[k].n < 1000 {
				t.Errorf("%s decided too few purchases: %+v", k, o.byVersion[k])
			}
		}
	})

	t.Run("locales and channels", func(t *testing.T) {
		for _, mk := range market.All {
			home := float64(o.locales[mk.Code+" "+mk.DefaultLocale]) / float64(o.byMarket[mk.Code].n)
			if home < 0.8 || home > 0.99 {
				t.Errorf("%s: %.3f of purchases in %s, want mostly but not only the default locale",
					mk.Code, home, mk.DefaultLocale)
			}
		}
		for _, c := range []string{ChannelWeb, ChannelApp, ChannelPOS} {
			if share := float64(o.channels[c]) / float64(o.all.n); share < 0.03 || share > 0.8 {
				t.Errorf("channel %s has share %.3f", c, share)
			}
		}
	})

	t.Run("shoppers recur", func(t *testing.T) {
		repeat := 0
		for _, n := range o.shoppers {
			if n > 1 {
				repeat++
			}
		}
		if len(o.shoppers) > o.all.n/3 || repeat < len(o.shoppers)/2 {
			t.Errorf("%d shoppers for %d purchases, %d of them repeat", len(o.shoppers), o.all.n, repeat)
		}
	})
}

// logOutcomes logs the decline rates, for tuning and for the record (go test -v).
func logOutcomes(t *testing.T, o *decided) {
	var b strings.Builder
	fmt.Fprintf(&b, "overall %.4f of %d\n", o.all.value(), o.all.n)
	for _, m := range []map[string]*rate{o.byMarket, o.byCategory, o.byVersion} {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "  %-12s %.4f of %6d", k, m[k].value(), m[k].n)
			if c := o.impact[k]; c != nil {
				fmt.Fprintf(&b, "   replayed step %+.4f", float64(c[1]-c[0])/float64(c[2]))
			}
			b.WriteByte('\n')
		}
	}
	for r := engine.Reason(1); r <= engine.NumReasons; r++ {
		fmt.Fprintf(&b, "  %-27s %6d\n", r, o.reasons[r])
	}
	fmt.Fprintf(&b, "  channels %v\n  locales %v\n  %d shoppers\n", o.channels, o.locales, len(o.shoppers))
	t.Log(b.String())
}
