package outcomes

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"riskconsole/internal/apperr"
)

// TestParseBadDefinition checks the field errors of an edited definition: the level must be one
// of the four levels and the window 1..24 months, each named by its API field.
func TestParseBadDefinition(t *testing.T) {
	for _, tc := range []struct {
		name   string
		level  Status
		window int
		want   BadDefinition
		fields []string
	}{
		{"30+ within a month", Late30to59, 1, BadDefinition{Level30, 1}, nil},
		{"the default", Late60to89, 6, DefaultBad, nil},
		{"90+ within a year", Late90Plus, 12, BadDefinition{Level90, 12}, nil},
		{"charged off within two years", ChargedOff, MaxWindowMonths, BadDefinition{LevelChargedOff, 24}, nil},
		{"CURRENT is no level", Current, 6, BadDefinition{}, []string{"level"}},
		{"LATE_1_29 is no level", Late1to29, 6, BadDefinition{}, []string{"level"}},
		{"RECOVERED is no level", Recovered, 6, BadDefinition{}, []string{"level"}},
		{"an unknown status", 0, 6, BadDefinition{}, []string{"level"}},
		{"no window", Late60to89, 0, BadDefinition{}, []string{"windowMonths"}},
		{"a window too long", Late60to89, MaxWindowMonths + 1, BadDefinition{}, []string{"windowMonths"}},
		{"both wrong", Paid, -3, BadDefinition{}, []string{"level", "windowMonths"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseBadDefinition(tc.level, tc.window)
			if tc.fields == nil {
				if err != nil || got != tc.want {
					t.Fatalf("ParseBadDefinition = %+v, %v; want %+v", got, err, tc.want)
				}
				return
			}
			var ve *apperr.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("ParseBadDefinition: %v, want field errors on %v", err, tc.fields)
			}
			var fields []string
			for _, f := range ve.Fields {
				fields = append(fields, f.Field)
			}
			if !slices.Equal(fields, tc.fields) {
				t.Fatalf("field errors on %v, want %v", fields, tc.fields)
			}
		})
	}
}

// definitionsWithoutDrafts is a DefinitionStore that keeps no drafts.
type definitionsWithoutDrafts struct{ v Version }

func (s definitionsWithoutDrafts) ActiveBadDefinition(context.Context, string) (Version, error) {
	return s.v, nil
}

// TestDraftsNeedADraftStore checks that a service over a store without drafts answers which
// definition is in force but refuses the drafts' lifecycle with an error instead of a panic.
func TestDraftsNeedADraftStore(t *testing.T) {
	s := NewDefinitionService(definitionsWithoutDrafts{Version{ID: 1, Market: "US", Version: 1, Definition: DefaultBad}}, time.Now)
	if v, err := s.Active(context.Background(), "US"); err != nil || v.Version != 1 {
		t.Fatalf("Active = %+v, %v", v, err)
	}
	if _, err := s.CreateDraft(context.Background(), "US"); !errors.Is(err, errNoDrafts) {
		t.Fatalf("CreateDraft: %v, want errNoDrafts", err)
	}
	if _, _, err := s.ApproveDraft(context.Background(), 1, ""); !errors.Is(err, errNoDrafts) {
		t.Fatalf("ApproveDraft: %v, want errNoDrafts", err)
	}
}

// TestRememberInForceAtOnce checks that a version an approval remembers is in force at once, even
// while an older one is cached, and that an older version remembered late does not replace it.
func TestRememberInForceAtOnce(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	s := NewDefinitionService(definitionsWithoutDrafts{Version{ID: 1, Market: "US", Version: 1, Definition: DefaultBad}}, func() time.Time { return now })
	if v, _ := s.Active(context.Background(), "US"); v.Version != 1 {
		t.Fatalf("Active = v%d, want v1", v.Version)
	}
	v2 := Version{ID: 5, Market: "US", Version: 2, Definition: BadDefinition{Level90, 12}}
	s.Remember(v2)
	if v, _ := s.Active(context.Background(), "US"); v != v2 {
		t.Fatalf("Active after Remember = %+v, want v2", v)
	}
	s.Remember(Version{ID: 1, Market: "US", Version: 1, Definition: DefaultBad})
	if v, _ := s.Active(context.Background(), "US"); v != v2 {
		t.Fatalf("an older version replaced v2: %+v", v)
	}
}
