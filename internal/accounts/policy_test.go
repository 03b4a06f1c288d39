package accounts

import (
	"strings"
	"testing"
)

func TestPasswordProblem(t *testing.T) {
	for _, tc := range []struct {
		name, password, username, want string
	}{
		{"12 characters", "tAbLe-lAmp-9", "anna", ""},
		{"a passphrase", "grey owl counts 7 lanterns", "anna", ""},
		{"11 characters", "tAbLe-lAmp9", "anna", "at least 12"},
		{"11 runes in 22 bytes", "ééééééééééé", "anna", "at least 12"},
		{"12 runes of 3 bytes", "日本語のパスワードです。", "anna", ""},
		{"256 characters", strings.Repeat("ab", 128), "anna", ""},
		{"257 characters", strings.Repeat("ab", 128) + "c", "anna", "at most 256"},
		{"common", "password1234", "anna", "commonly used"},
		{"common in capitals", "PASSWORD1234", "anna", "commonly used"},
		{"common keyboard walk", "1qaz2wsx3edc", "anna", "commonly used"},
		{"common month and year", "September2024", "anna", "commonly used"},
		{"the product's name", "RiskConsole123", "anna", "commonly used"},
		{"equal to the username", "analyst.anna", "analyst.anna", "username"},
		{"contains the username", "hello ANALYST.ANNA 2026", "analyst.anna", "username"},
		{"no username given", "analyst.anna", "", ""},
	} {
		got := PasswordProblem(tc.password, tc.username)
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("%s: PasswordProblem(%q) = %q, want %q", tc.name, tc.password, got, tc.want)
		}
	}
}

// TestCommonPasswordList checks the shipped list: a few hundred entries, all lower case, none
// shorter than the minimum (those are refused anyway), no duplicates.
func TestCommonPasswordList(t *testing.T) {
	set := commonPasswords()
	if len(set) < 300 {
		t.Errorf("%d common passwords, want a few hundred", len(set))
	}
	seen := map[string]bool{}
	for line := range strings.Lines(commonPasswordsText) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if line != strings.ToLower(line) {
			t.Errorf("%q is not lower case", line)
		}
		if n := len([]rune(line)); n < MinPasswordLen {
			t.Errorf("%q has %d characters: shorter than the minimum, it need not be listed", line, n)
		}
		if seen[line] {
			t.Errorf("%q is listed twice", line)
		}
		seen[line] = true
	}
}

func TestUsername(t *testing.T) {
	for _, s := range []string{"abc", "analyst.anna", "a-b_c.d", "x0x", strings.Repeat("a", 64)} {
		if !ValidUsername(s) {
			t.Errorf("ValidUsername(%q) = false", s)
		}
	}
	for _, s := range []string{"", "ab", "Anna", "anna lind", "anna@example", "ånna", strings.Repeat("a", 65), "anna\n"} {
		if ValidUsername(s) {
			t.Errorf("ValidUsername(%q) = true", s)
		}
	}
}

func TestTextProblem(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want string
	}{
		{"Anna Lindqvist", ""},
		{"Béatrice Dubois", ""},
		{"", "empty"},
		{"   ", "empty"},
		{" Anna", "white space"},
		{"Anna\tL", "control"},
		{strings.Repeat("x", 101), "at most 100"},
		{"\xff", "UTF-8"},
	} {
		got := textProblem(tc.s, 100)
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("textProblem(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestNewPassword(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		p := NewPassword()
		if len(p) != 23 || strings.Count(p, "-") != 3 || PasswordProblem(p, "admin") != "" || seen[p] {
			t.Fatalf("NewPassword() = %q", p)
		}
		seen[p] = true
	}
}
