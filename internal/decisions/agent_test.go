package decisions

import (
	"testing"
	"time"
)

func TestAddBusinessDays(t *testing.T) {
	tests := []struct {
		name string
		from string
		n    int
		want string
	}{
		{"within the week", "2026-11-16T10:00:00Z", 3, "2026-11-19T10:00:00Z"}, // Monday → Thursday
		{"over a weekend", "2026-11-19T10:00:00Z", 5, "2026-11-26T10:00:00Z"},  // Thursday → next Thursday
		{"from a Saturday", "2026-11-21T10:00:00Z", 1, "2026-11-23T10:00:00Z"}, // → Monday
		{"zero days", "2026-11-21T10:00:00Z", 0, "2026-11-21T10:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, _ := time.Parse(time.RFC3339, tt.from)
			want, _ := time.Parse(time.RFC3339, tt.want)
			if got := AddBusinessDays(from, tt.n); !got.Equal(want) {
				t.Errorf("AddBusinessDays(%s, %d) = %s, want %s", tt.from, tt.n, got, want)
			}
		})
	}
}

func TestAuditedInput(t *testing.T) {
	if got := auditedInput("  abc-def "); got != "ABC-DEF" {
		t.Errorf("got %q", got)
	}
	long := "ååååååååååååååååååååååååååååååååååå" // 2 bytes each: the cut falls on a boundary or is repaired
	if got := auditedInput(long); len(got) > maxAuditedInput {
		t.Errorf("len %d", len(got))
	}
}
