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

// FrameDiff returns the parts of the frames of b that differ from a's (b's other parts empty), by
// locale; a locale only b has is all changed.
func FrameDiff(a, b map[string]Frame) map[string]Frame {
	out := make(map[string]Frame)
	for l, fb := range b {
		fa := a[l]
		var changed Frame
		for _, p := range FrameParts {
			if t := fb.Part(p); t != fa.Part(p) {
				changed.SetPart(p, t)
			}
		}
		if changed != (Frame{}) {
			out[l] = changed
		}
	}
	return out
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
	slices.SortFunc(out, func(x, y Change) int { return compareKeys(x.Key, y.Key) })
	return out
}

// compareKeys orders texts by reason, locale and audience.
func compareKeys(x, y Key) int {
	return cmp.Or(cmp.Compare(x.Reason, y.Reason), cmp.Compare(x.Locale, y.Locale), cmp.Compare(x.Audience, y.Audience))
}

// Entry is one text with its key.
type Entry struct {
	Key  Key
	Text Text
}

// Entries lists texts ordered by reason, locale and audience, as Diff orders its changes.
func Entries(texts map[Key]Text) []Entry {
	out := make([]Entry, 0, len(texts))
	for k, t := range texts {
		out = append(out, Entry{Key: k, Text: t})
	}
	slices.SortFunc(out, func(x, y Entry) int { return compareKeys(x.Key, y.Key) })
	return out
}
