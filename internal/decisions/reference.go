package decisions

import (
	"crypto/rand"
	"strings"
	"time"

	"github.com/google/uuid"
)

// crockford is Crockford's base32 alphabet: no I, L, O or U, so a reference read over the phone
// cannot be misheard as another.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// referenceLen is the number of characters of a reference: 45 bits, ample for tens of billions
// of decisions with a negligible chance of drawing a taken one (which is retried anyway).
const referenceLen = 9

// NewReference draws a random canonical reference (no separators).
func NewReference() string {
	var b [referenceLen]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	for i := range b {
		b[i] = crockford[b[i]&31]
	}
	return string(b[:])
}

// FormatReference shows a canonical reference in groups of three: "D7K2QF9XM" → "D7K-2QF-9XM".
func FormatReference(ref string) string {
	if len(ref) != referenceLen {
		return ref
	}
	return ref[0:3] + "-" + ref[3:6] + "-" + ref[6:9]
}

// NormalizeReference turns what a person typed into a canonical reference: any case, with or
// without separators or spaces, and with the letters Crockford's decoding maps (O→0, I and L→1).
// It reports false when the result cannot be a reference.
func NormalizeReference(s string) (string, bool) {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == '-' || r == ' ' || r == '.':
			continue
		case r == 'O':
			r = '0'
		case r == 'I' || r == 'L':
			r = '1'
		}
		if r > 127 || !strings.ContainsRune(crockford, r) {
			return "", false
		}
		b.WriteRune(r)
	}
	if b.Len() != referenceLen {
		return "", false
	}
	return b.String(), true
}

// NewID returns a UUIDv7 for a decision made at t: the first 48 bits are t in milliseconds, so
// ids sort by time, and the rest is random.
func NewID(t time.Time) string {
	var u uuid.UUID
	if _, err := rand.Read(u[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	ms := uint64(t.UnixMilli())
	u[0], u[1], u[2], u[3], u[4], u[5] = byte(ms>>40), byte(ms>>32), byte(ms>>24), byte(ms>>16), byte(ms>>8), byte(ms)
	u[6] = u[6]&0x0f | 0x70 // version 7
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	return u.String()
}

// IDTime returns the time a decision id carries (NewID's first 48 bits, in milliseconds), and
// false when id is not a canonical UUIDv7. The store relies on it: every decision's created_at
// is within the millisecond its id names, which names its monthly partition without a look-up.
func IDTime(id string) (time.Time, bool) {
	u, err := uuid.Parse(id)
	if err != nil || u.Version() != 7 || u.String() != id {
		return time.Time{}, false
	}
	sec, nsec := u.Time().UnixTime()
	return time.Unix(sec, nsec).UTC(), true
}
