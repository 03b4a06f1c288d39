package catalog

import (
	"cmp"
	"slices"
)

// ChangeKind says how a text differs between two catalog versions.
type ChangeKind string

// Change kinds.
const (
	Added   ChangeKind = "ADDED"
	Removed ChangeKind = "REMOVED"
	Changed ChangeKind = "CHANGED"
)

// Change is one text that differs between two catalog versions. Before is nil for Added, After
// for Removed.
type Change struct {
	Key    Key
	Kind   ChangeKind
	Before *Text
	After  *Text
}

// Diff lists the texts that differ from a to b, ordered by reason, locale and audience. The
// pop-up frames are not versioned (they are the seeded ones), so they are not compared. A diff
// has at most one entry per text of either catalog, so it is bounded by the catalog's size.
func Diff(a, b *Catalog) []Change {
	var out []Change
	for k, ta := range a.Texts {
		tb, ok := b.Texts[k]
		switch {
		case !ok:
			out = append(out, Change{Key: k, Kind: Removed, Before: &ta})
		case ta.Title != tb.Title || ta.Body != tb.Body || !slices.Equal(ta.Steps, tb.Steps):
			out = append(out, Change{Key: k, Kind: Changed, Before: &ta, After: &tb})
		}
	}
	for k, tb := range b.Texts {
		if _, ok := a.Texts[k]; !ok {
			out = append(out, Change{Key: k, Kind: Added, After: &tb})
		}
	}
	slices.SortFunc(out, func(x, y Change) int {
		return cmp.Or(cmp.Compare(x.Key.Reason, y.Key.Reason), cmp.Compare(x.Key.Locale, y.Key.Locale),
			cmp.Compare(x.Key.Audience, y.Key.Audience))
	})
	return out
}
