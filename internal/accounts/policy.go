package accounts

import (
	_ "embed"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"riskconsole/internal/auth"
)

// Password length bounds, counted in characters (runes) after Unicode normalisation. The upper
// bound keeps one hash from costing more than a long passphrase should.
const (
	MinPasswordLen = 12
	MaxPasswordLen = 256
)

//go:embed common-passwords.txt
var commonPasswordsText string

// commonPasswords is the embedded list as a set of lower-case passwords.
var commonPasswords = sync.OnceValue(func() map[string]struct{} {
	set := map[string]struct{}{}
	for line := range strings.Lines(commonPasswordsText) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		set[strings.ToLower(line)] = struct{}{}
	}
	return set
})

// PasswordProblem says what is wrong with password as the password of username, or "" when
// nothing is: too short or too long, one of the commonly used passwords shipped with the console
// (ignoring case), or equal to or containing the username (ignoring case).
func PasswordProblem(password, username string) string {
	p := auth.NormalizePassword(password)
	switch n := utf8.RuneCountInString(p); {
	case n < MinPasswordLen:
		return "must have at least " + strconv.Itoa(MinPasswordLen) + " characters"
	case n > MaxPasswordLen:
		return "must have at most " + strconv.Itoa(MaxPasswordLen) + " characters"
	}
	lower := strings.ToLower(p)
	if _, common := commonPasswords()[lower]; common {
		return "is a commonly used password; choose another"
	}
	if username != "" && strings.Contains(lower, strings.ToLower(username)) {
		return "must not contain the username"
	}
	return ""
}

// usernamePattern is the shape of a username: lower-case letters, digits, dots, dashes and
// underscores, 3 to 64 of them.
var usernamePattern = regexp.MustCompile(`^[a-z0-9._-]{3,64}$`)

// ValidUsername reports whether s has the shape of a username.
func ValidUsername(s string) bool { return usernamePattern.MatchString(s) }

// Display names are free text for people, within bounds.
const maxDisplayNameLen = 100

// textProblem says what is wrong with a free-text field such as a display name or token name.
func textProblem(s string, maxLen int) string {
	switch {
	case strings.TrimSpace(s) == "":
		return "must not be empty"
	case !utf8.ValidString(s):
		return "must be valid UTF-8"
	case utf8.RuneCountInString(s) > maxLen:
		return "must have at most " + strconv.Itoa(maxLen) + " characters"
	case strings.TrimSpace(s) != s:
		return "must not start or end with white space"
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return "must not contain control characters"
		}
	}
	return ""
}
