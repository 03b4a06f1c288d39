package audit

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"sync"
)

// MinKeyLen is the shortest secret NewKey accepts, in bytes.
const MinKeyLen = 32

// Key is the secret the console keys its records with: the audit chain (HMAC-SHA-256 instead of a
// plain SHA-256, so that whoever can write the database but does not hold the key cannot
// recompute the chain after changing it), the checkpoints of the chain's head kept outside the
// database, and the seals of stored decisions. Each use has a subkey of its own, so a MAC made for
// one can never pass for another. The zero value is not usable: use NewKey.
type Key struct {
	id    string
	pools [numPurposes]sync.Pool // of hash.Hash, one HMAC per purpose, reused across calls
}

// purpose names a use of the key; each gets its own subkey.
type purpose int

const (
	purposeChain purpose = iota
	purposeCheckpoint
	purposeSeal
	purposeShopper
	numPurposes
)

var purposeLabels = [numPurposes]string{"riskconsole audit chain v1", "riskconsole audit checkpoint v1", "riskconsole decision seal v1",
	"riskconsole shopper reference v1"}

// NewKey returns the key of secret, which must be at least MinKeyLen bytes.
func NewKey(secret []byte) (*Key, error) {
	if len(secret) < MinKeyLen {
		return nil, fmt.Errorf("the audit key must be at least %d bytes, got %d", MinKeyLen, len(secret))
	}
	k := &Key{id: hex.EncodeToString(mac(secret, "riskconsole key id")[:8])}
	for p := range numPurposes {
		sub := mac(secret, purposeLabels[p])
		k.pools[p].New = func() any { return hmac.New(sha256.New, sub) }
	}
	return k, nil
}

func mac(key []byte, label string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(label))
	return h.Sum(nil)
}

// ID names the key without revealing it (16 hex digits): records keep it, so that a record made
// with another key is told apart from a forged one.
func (k *Key) ID() string { return k.id }

// sum returns the hex HMAC of the parts under the subkey of p.
func (k *Key) sum(p purpose, parts ...[]byte) string {
	h := k.pools[p].Get().(hash.Hash)
	h.Reset()
	for _, b := range parts {
		h.Write(b)
	}
	var buf [sha256.Size]byte
	out := hex.EncodeToString(h.Sum(buf[:0]))
	k.pools[p].Put(h)
	return out
}

// Chain returns the keyed hash of e given the hash of the event before it: HMAC-SHA-256 of the
// same bytes audit.Chain hashes.
func (k *Key) Chain(prevHash string, e *Event) string {
	return k.sum(purposeChain, []byte(prevHash), Canonical(e))
}

// Seal returns the MAC of a stored record's canonical bytes (a decision's, see package store).
func (k *Key) Seal(canonical []byte) string { return k.sum(purposeSeal, canonical) }

// ShopperRef returns the keyed hash that stands for shopperID in records that must not hold the
// id itself (erasure requests, the audit events of erasures): the same id always gives the same
// reference, and without the key no guessed id can be checked against one.
func (k *Key) ShopperRef(shopperID string) string { return k.sum(purposeShopper, []byte(shopperID)) }

// SignCheckpoint returns the MAC of a checkpoint's canonical bytes (see package auditlog).
func (k *Key) SignCheckpoint(canonical []byte) string { return k.sum(purposeCheckpoint, canonical) }

// Verify reports whether mac, as hex, equals want in constant time.
func Verify(mac, want string) bool { return hmac.Equal([]byte(mac), []byte(want)) }

// Seal sets e's hash given the hash of the event before it: keyed with k when k is set
// (e.KeyID names it), else the plain SHA-256 of Chain (e.KeyID empty), as events were written
// before the console had a key.
func (e *Event) Seal(k *Key, prevHash string) {
	e.PrevHash = prevHash
	if k == nil {
		e.KeyID, e.Hash = "", Chain(prevHash, e)
		return
	}
	e.KeyID, e.Hash = k.ID(), k.Chain(prevHash, e)
}

// HashMatches reports whether e's stored hash is what Seal computes for its content: the plain
// SHA-256 chain for an unkeyed event, the keyed one for an event of k. An event keyed with another
// key (or any keyed event when k is nil) does not match.
func (e *Event) HashMatches(k *Key) bool {
	switch {
	case e.KeyID == "":
		return Verify(Chain(e.PrevHash, e), e.Hash)
	case k == nil || e.KeyID != k.ID():
		return false
	default:
		return Verify(k.Chain(e.PrevHash, e), e.Hash)
	}
}
