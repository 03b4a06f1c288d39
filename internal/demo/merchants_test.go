package demo

import (
	"fmt"
	"slices"
	"testing"

	"riskconsole/internal/market"
)

func TestMerchants(t *testing.T) {
	ms := Merchants()
	if len(ms) < 50 || len(ms) > 70 {
		t.Errorf("%d merchants, want about 60", len(ms))
	}
	names := map[string]bool{}
	offered := map[string]bool{} // market + "/" + category
	for i, m := range ms {
		if want := fmt.Sprintf("m_%04d", i+1); m.ID != want {
			t.Errorf("merchant %d has id %q, want %q", i, m.ID, want)
		}
		if m.Name == "" || names[m.Name] {
			t.Errorf("%s: empty or duplicate name %q", m.ID, m.Name)
		}
		names[m.Name] = true
		if !slices.Contains(Categories, m.Category) {
			t.Errorf("%s: unknown category %q", m.ID, m.Category)
		}
		if len(m.Markets) < 1 || len(m.Markets) > 4 {
			t.Errorf("%s: %d markets, want 1 to 4", m.ID, len(m.Markets))
		}
		for _, code := range m.Markets {
			if _, ok := market.Lookup(code); !ok {
				t.Errorf("%s: unknown market %q", m.ID, code)
			}
			offered[code+"/"+m.Category] = true
		}
	}
	if len(Categories) != 10 {
		t.Errorf("%d categories, want 10", len(Categories))
	}
	for _, mk := range market.All {
		for _, c := range Categories {
			if !offered[mk.Code+"/"+c] {
				t.Errorf("no %s merchant in %s", c, mk.Code)
			}
		}
	}

	ms[0].Name = "changed"
	ms[0].Markets[0] = "XX"
	if again := Merchants(); again[0].Name == "changed" || again[0].Markets[0] == "XX" {
		t.Error("Merchants returns the package's own table")
	}
}
