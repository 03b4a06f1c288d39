package catalog

import (
	"testing"

	"riskconsole/internal/engine"
)

func TestDiff(t *testing.T) {
	a := Default()
	if d := Diff(a, a.Clone()); len(d) != 0 {
		t.Fatalf("a catalog differs from its clone: %v", d)
	}
	b := a.Clone()
	changed := Key{engine.IncomeInsufficient, "sv-SE", Shopper}
	txt := b.Texts[changed]
	txt.Steps = append(txt.Steps, "Ett nytt steg.")
	b.Texts[changed] = txt
	removed := Key{engine.ReservesInsufficient, "de-DE", Agent}
	delete(b.Texts, removed)
	got := Diff(a, b)
	if len(got) != 2 {
		t.Fatalf("diff %v, want 2 changes", got)
	}
	for _, c := range got {
		switch c.Key {
		case changed:
			if c.Kind != Changed || c.Before == nil || c.After == nil || len(c.After.Steps) != len(c.Before.Steps)+1 {
				t.Errorf("changed: %+v", c)
			}
		case removed:
			if c.Kind != Removed || c.Before == nil || c.After != nil {
				t.Errorf("removed: %+v", c)
			}
		default:
			t.Errorf("unexpected change %+v", c)
		}
	}
	back := Diff(b, a)
	if len(back) != 2 || back[0].Key != changed && back[1].Key != changed {
		t.Fatalf("reverse diff %v", back)
	}
	for _, c := range back {
		if c.Key == removed && (c.Kind != Added || c.After == nil || c.Before != nil) {
			t.Errorf("reverse of a removal: %+v", c)
		}
	}
}
