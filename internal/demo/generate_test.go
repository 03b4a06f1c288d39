package demo

import (
	"errors"
	"math"
	"regexp"
	"runtime"
	"slices"
	"testing"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
)

// testEnd is deliberately not aligned to an hour, so windows start mid-hour.
var testEnd = time.Date(2026, 11, 25, 14, 37, 12, 0, time.UTC)

// firstPurchases returns copies of the first k purchases Generate produces for opts.
func firstPurchases(t testing.TB, opts Options, k int) []Purchase {
	t.Helper()
	out := make([]Purchase, 0, k)
	stop := errors.New("enough")
	err := Generate(opts, func(p *Purchase) error {
		out = append(out, *p)
		if len(out) == k {
			return stop
		}
		return nil
	})
	if err != nil && !errors.Is(err, stop) {
		t.Fatalf("Generate: %v", err)
	}
	return out
}

func TestGenerateDeterministic(t *testing.T) {
	base := Options{Seed: 42, N: 20_000, End: testEnd}
	want := firstPurchases(t, base, 1000)
	if len(want) != 1000 {
		t.Fatalf("got %d purchases, want 1000", len(want))
	}
	tests := []struct {
		name string
		opts Options
		same bool
	}{
		{"same seed", base, true},
		{"same seed, End in another zone", Options{Seed: 42, N: 20_000,
			End: testEnd.In(time.FixedZone("CET", 3600))}, true},
		{"other seed", Options{Seed: 43, N: 20_000, End: testEnd}, false},
		{"negative seed", Options{Seed: -42, N: 20_000, End: testEnd}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := firstPurchases(t, tt.opts, 1000)
			differ := 0
			for i := range got {
				if !samePurchase(&got[i], &want[i]) {
					differ++
					if tt.same {
						t.Fatalf("purchase %d differs:\n got %+v\nwant %+v", i, got[i], want[i])
					}
				}
			}
			if !tt.same && differ < 990 {
				t.Errorf("only %d of 1000 purchases differ from seed 42's", differ)
			}
		})
	}
}

func samePurchase(a, b *Purchase) bool {
	return a.Time.Equal(b.Time) && a.Market == b.Market && a.Currency == b.Currency &&
		a.Amount == b.Amount && a.Merchant.ID == b.Merchant.ID && a.ShopperID == b.ShopperID &&
		a.Locale == b.Locale && a.Channel == b.Channel && a.Values == b.Values
}

var shopperIDPattern = regexp.MustCompile(`^s_[0-9a-f]{16}$`)

func TestGenerateShape(t *testing.T) {
	tests := []struct {
		name string
		opts Options
	}{
		{"one purchase", Options{Seed: 1, N: 1, End: testEnd}},
		{"a few", Options{Seed: 2, N: 7, End: testEnd, Days: 1}},
		{"default window", Options{Seed: 3, N: 30_000, End: testEnd}},
		{"short window", Options{Seed: 4, N: 5_000, End: testEnd, Days: 3}},
		{"a year", Options{Seed: 5, N: 20_000, End: testEnd, Days: 365}},
		{"dense hour", Options{Seed: 6, N: 50_000, End: testEnd, Days: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			days := tt.opts.Days
			if days == 0 {
				days = DefaultDays
			}
			end := tt.opts.End
			start := end.Add(-time.Duration(days) * 24 * time.Hour)
			merchants := map[string]Merchant{}
			for _, m := range Merchants() {
				merchants[m.ID] = m
			}
			n := 0
			var prev time.Time
			err := Generate(tt.opts, func(p *Purchase) error {
				n++
				if p.Time.Location() != time.UTC {
					t.Fatalf("purchase %d: time %v is not UTC", n, p.Time)
				}
				if p.Time.Before(prev) {
					t.Fatalf("purchase %d at %v is before the previous one at %v", n, p.Time, prev)
				}
				prev = p.Time
				if p.Time.Before(start) || !p.Time.Before(end) {
					t.Fatalf("purchase %d at %v is outside [%v, %v)", n, p.Time, start, end)
				}
				checkPurchase(t, p, merchants)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if n != tt.opts.N {
				t.Errorf("got %d purchases, want %d", n, tt.opts.N)
			}
		})
	}
}

// checkPurchase checks the attributes of one purchase, and that its measured values are values
// an assessment may carry.
func checkPurchase(t testing.TB, p *Purchase, merchants map[string]Merchant) {
	t.Helper()
	mk, ok := market.Lookup(p.Market)
	if !ok || p.Currency != mk.Currency {
		t.Fatalf("market %q with currency %q", p.Market, p.Currency)
	}
	if p.Amount <= 0 || math.Abs(p.Amount*100-math.Round(p.Amount*100)) > 1e-6 {
		t.Fatalf("amount %v is not a positive amount in cents", p.Amount)
	}
	m, ok := merchants[p.Merchant.ID]
	if !ok || m.Name != p.Merchant.Name || m.Category != p.Merchant.Category ||
		!slices.Contains(m.Markets, p.Market) {
		t.Fatalf("merchant %+v does not sell in %s", p.Merchant, p.Market)
	}
	if !shopperIDPattern.MatchString(p.ShopperID) {
		t.Fatalf("shopper id %q", p.ShopperID)
	}
	if !market.KnownLocale(p.Locale) {
		t.Fatalf("locale %q", p.Locale)
	}
	if p.Channel != ChannelWeb && p.Channel != ChannelApp && p.Channel != ChannelPOS {
		t.Fatalf("channel %q", p.Channel)
	}
	if p.Channel == ChannelPOS && p.Merchant.Category == CategoryTravel {
		t.Fatalf("travel bought in a store: %+v", p)
	}
	var ve apperr.ValidationError
	engine.ValidateValues(&p.Values, "values", &ve)
	if err := ve.Err(); err != nil {
		t.Fatalf("purchase %+v: %v", p, err)
	}
	// The affordability ratio follows from the income, the debt-to-income ratio and the amount.
	v := &p.Values
	want := affordability(v[engine.MonthlyIncome]/mk.MoneyScale, v[engine.DebtToIncome], p.Amount/mk.MoneyScale)
	if v[engine.AffordabilityRatio] != want {
		t.Fatalf("affordability %v, want %v for %+v", v[engine.AffordabilityRatio], want, p)
	}
}

func TestGenerateOptions(t *testing.T) {
	tests := []struct {
		name    string
		opts    Options
		wantErr bool
	}{
		{"negative N", Options{N: -1, End: testEnd}, true},
		{"negative days", Options{N: 10, End: testEnd, Days: -1}, true},
		{"no end", Options{N: 10}, true},
		{"zero N", Options{N: 0, End: testEnd}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			err := Generate(tt.opts, func(*Purchase) error { calls++; return nil })
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error: %v", err, tt.wantErr)
			}
			if calls != 0 {
				t.Errorf("fn called %d times", calls)
			}
		})
	}
}

func TestGenerateStopsAtCallbackError(t *testing.T) {
	boom := errors.New("boom")
	calls := 0
	err := Generate(Options{Seed: 1, N: 1000, End: testEnd}, func(*Purchase) error {
		calls++
		if calls == 10 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || calls != 10 {
		t.Fatalf("err = %v after %d calls, want boom after 10", err, calls)
	}
}

func TestIncidentFor(t *testing.T) {
	inc := IncidentFor(testEnd)
	want := time.Date(2026, 10, 25, 0, 0, 0, 0, time.UTC)
	if inc.Market != "DE" || !inc.From.Equal(want) || inc.To.Sub(inc.From) != 48*time.Hour ||
		inc.FailureRate <= 0.2 || inc.FailureRate >= 0.5 {
		t.Fatalf("IncidentFor(%v) = %+v", testEnd, inc)
	}
}

// BenchmarkGenerate measures generation alone, per purchase, for a demo-sized run.
func BenchmarkGenerate(b *testing.B) {
	const n = 200_000
	opts := Options{Seed: 1, N: n, End: testEnd}
	var sink float64
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ReportAllocs()
	for b.Loop() {
		if err := Generate(opts, func(p *Purchase) error {
			sink += p.Amount
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	purchases := float64(b.N * n)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/purchases, "ns/purchase")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/purchases, "allocs/purchase")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/purchases, "B/purchase")
	_ = sink
}
