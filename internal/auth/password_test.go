package auth

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

func TestHashPassword(t *testing.T) {
	const pw = "a fine long passphrase"
	h := HashPassword(pw)
	const prefix = "$argon2id$v=19$m=19456,t=2,p=1$"
	if !strings.HasPrefix(h, prefix) {
		t.Fatalf("hash %q does not start with %q", h, prefix)
	}
	parts := strings.Split(h, "$")
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	key, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(salt) != 16 || len(key) != 32 {
		t.Errorf("salt %d bytes (%v), key %d bytes (%v); want 16 and 32", len(salt), err1, len(key), err2)
	}
	if h2 := HashPassword(pw); h2 == h {
		t.Errorf("two hashes of one password are equal: the salt is not random")
	}
	for _, tc := range []struct {
		name, password string
		want           bool
	}{
		{"same", pw, true},
		{"other", pw + "!", false},
		{"case", strings.ToUpper(pw), false},
		{"empty", "", false},
	} {
		ok, err := VerifyPassword(h, tc.password)
		if err != nil || ok != tc.want {
			t.Errorf("%s: VerifyPassword = %v, %v; want %v", tc.name, ok, err, tc.want)
		}
	}
}

// TestPasswordNormalisation checks that a password typed with a composed or a decomposed accent
// is one password.
func TestPasswordNormalisation(t *testing.T) {
	composed := "d\u00e9j\u00e0 vu, encore une fois"
	decomposed := "de\u0301ja\u0300 vu, encore une fois"
	if composed == decomposed {
		t.Fatal("test strings are equal")
	}
	ok, err := VerifyPassword(HashPassword(composed), decomposed)
	if err != nil || !ok {
		t.Errorf("decomposed form of the password refused: %v, %v", ok, err)
	}
}

func TestVerifyPasswordMalformed(t *testing.T) {
	good := DefaultPasswordParams.Hash("whatever passphrase")
	parts := strings.Split(good, "$")
	for _, h := range []string{
		"",
		"plain",
		"$argon2i$v=19$m=19456,t=2,p=1$" + parts[4] + "$" + parts[5],
		"$argon2id$v=16$m=19456,t=2,p=1$" + parts[4] + "$" + parts[5],
		"$argon2id$v=19$m=19456,t=2,p=1x$" + parts[4] + "$" + parts[5],
		"$argon2id$v=19$m=4194304,t=2,p=1$" + parts[4] + "$" + parts[5], // 4 GiB: refused, not computed
		"$argon2id$v=19$m=19456,t=0,p=1$" + parts[4] + "$" + parts[5],
		"$argon2id$v=19$m=19456,t=2,p=1$!!$" + parts[5],
		"$argon2id$v=19$m=19456,t=2,p=1$" + parts[4] + "$" + parts[5] + "$",
	} {
		if ok, err := VerifyPassword(h, "whatever passphrase"); ok || !errors.Is(err, ErrMalformedHash) {
			t.Errorf("VerifyPassword(%q) = %v, %v; want ErrMalformedHash", h, ok, err)
		}
	}
}

// TestVerifyOtherParams checks that a hash made with other parameters still verifies, so that
// raising the defaults later does not lock anyone out.
func TestVerifyOtherParams(t *testing.T) {
	p := PasswordParams{Memory: 64, Time: 1, Threads: 2, SaltLen: 8, KeyLen: 16}
	h := p.Hash("a fine long passphrase")
	if !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=1,p=2$") {
		t.Fatalf("hash %q", h)
	}
	if ok, err := VerifyPassword(h, "a fine long passphrase"); !ok || err != nil {
		t.Errorf("VerifyPassword = %v, %v", ok, err)
	}
}

func BenchmarkHashPassword(b *testing.B) {
	for b.Loop() {
		HashPassword("a fine long passphrase")
	}
}
