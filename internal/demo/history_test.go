package demo

import (
	"strings"
	"testing"
	"time"

	"riskconsole/internal/engine"
	"riskconsole/internal/market"
)

func TestHistory(t *testing.T) {
	tests := []struct {
		name string
		end  time.Time
		days int
	}{
		{"default window", testEnd, 0},
		{"90 days", testEnd, 90},
		{"30 days", testEnd, 30},
		{"a week", testEnd, 7},
		{"a day", testEnd, 1},
		{"a year, midnight end", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), 365},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			days := tt.days
			if days == 0 {
				days = DefaultDays
			}
			start := tt.end.Add(-time.Duration(days) * 24 * time.Hour)
			h := History(tt.end, tt.days)
			checkHistory(t, h, start, tt.end)
		})
	}
}

func checkHistory(t *testing.T, h []ThresholdVersion, start, end time.Time) {
	t.Helper()
	perMarket := map[string][]*ThresholdVersion{}
	authors, approvers := map[string]bool{}, map[string]bool{}
	for i := range h {
		v := &h[i]
		if i > 0 && (h[i-1].Market > v.Market || h[i-1].Market == v.Market && h[i-1].Version >= v.Version) {
			t.Errorf("not sorted by (market, version) at %d", i)
		}
		perMarket[v.Market] = append(perMarket[v.Market], v)
		if v.Author == "" || v.Approver == "" || v.Author == v.Approver {
			t.Errorf("%s v%d: author %q, approver %q", v.Market, v.Version, v.Author, v.Approver)
		}
		authors[v.Author], approvers[v.Approver] = true, true
		if len(v.Rationale) < 30 || !strings.HasSuffix(v.Rationale, ".") {
			t.Errorf("%s v%d: rationale %q is not a sentence", v.Market, v.Version, v.Rationale)
		}
		if err := v.Set.Validate(); err != nil {
			t.Errorf("%s v%d: %v", v.Market, v.Version, err)
		}
		if v.ActivatedAt.Location() != time.UTC {
			t.Errorf("%s v%d: ActivatedAt %v is not UTC", v.Market, v.Version, v.ActivatedAt)
		}
	}
	if len(authors) < 3 || len(approvers) < 2 {
		t.Errorf("authors %v, approvers %v: want several people", authors, approvers)
	}
	if len(perMarket) != len(market.All) {
		t.Fatalf("history covers %d markets, want %d", len(perMarket), len(market.All))
	}
	for _, mk := range market.All {
		vs := perMarket[mk.Code]
		if len(vs) < 3 {
			t.Errorf("%s has %d versions, want at least 3", mk.Code, len(vs))
			continue
		}
		if vs[0].Set != engine.DefaultSet(mk) {
			t.Errorf("%s v1 is not the market's default set", mk.Code)
		}
		if vs[0].ActivatedAt.After(start) {
			t.Errorf("%s v1 activated at %v, after the window start %v", mk.Code, vs[0].ActivatedAt, start)
		}
		for i, v := range vs {
			if v.Version != i+1 {
				t.Errorf("%s: version %d at position %d", mk.Code, v.Version, i)
			}
			if i == 0 {
				continue
			}
			prev := vs[i-1]
			if !v.ActivatedAt.After(start) || !v.ActivatedAt.Before(end) || !v.ActivatedAt.After(prev.ActivatedAt) {
				t.Errorf("%s v%d activated at %v: want inside (%v, %v) and after v%d at %v",
					mk.Code, v.Version, v.ActivatedAt, start, end, prev.Version, prev.ActivatedAt)
			}
			changed := 0
			for m := range v.Set.Rules {
				a, b := prev.Set.Rules[m], v.Set.Rules[m]
				if a == b {
					continue
				}
				changed++
				a.Cutoff = b.Cutoff
				if a != b {
					t.Errorf("%s v%d changes more than the cut-off of %s", mk.Code, v.Version, engine.Measure(m))
				}
			}
			if changed < 1 || changed > 3 {
				t.Errorf("%s v%d changes %d cut-offs, want 1 to 3", mk.Code, v.Version, changed)
			}
		}
	}
}

func TestActiveAt(t *testing.T) {
	h := History(testEnd, DefaultDays)
	var us []*ThresholdVersion
	for i := range h {
		if h[i].Market == "US" {
			us = append(us, &h[i])
		}
	}
	v2 := us[1].ActivatedAt
	tests := []struct {
		name    string
		market  string
		at      time.Time
		version int // 0: nil
	}{
		{"before the first version", "US", us[0].ActivatedAt.Add(-time.Second), 0},
		{"at the first activation", "US", us[0].ActivatedAt, 1},
		{"just before v2", "US", v2.Add(-time.Millisecond), 1},
		{"at v2", "US", v2, 2},
		{"at v2, another zone", "US", v2.In(time.FixedZone("EST", -5*3600)), 2},
		{"window end", "US", testEnd, len(us)},
		{"far future", "US", testEnd.AddDate(5, 0, 0), len(us)},
		{"unknown market", "FR", testEnd, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ActiveAt(h, tt.market, tt.at)
			switch {
			case tt.version == 0 && got != nil:
				t.Fatalf("got %s v%d, want nil", got.Market, got.Version)
			case tt.version == 0:
			case got == nil:
				t.Fatalf("got nil, want v%d", tt.version)
			case got.Market != tt.market || got.Version != tt.version:
				t.Fatalf("got %s v%d, want %s v%d", got.Market, got.Version, tt.market, tt.version)
			}
		})
	}
}
