package auditlog

import "riskconsole/internal/audit"

// Reasons a chain check fails.
const (
	// ReasonHashMismatch: the event's stored hash is not the hash of its stored content, so its
	// content (or its hash) was changed after it was written.
	ReasonHashMismatch = "hash mismatch: content changed"
	// ReasonLinkBroken: the event's previous hash is not the stored hash of the event before
	// it, so an event was removed, inserted or re-chained in between.
	ReasonLinkBroken = "link broken: previous hash does not match"
	// ReasonBadGenesis: the first event does not start the chain, so the events before it
	// were removed.
	ReasonBadGenesis = "link broken: first event does not start from the genesis hash"
	// ReasonUnkeyed: an event after a keyed one has only a plain SHA-256 hash, which anyone can
	// compute: the chain was recomputed without the key from here on.
	ReasonUnkeyed = "not keyed: an event after a keyed one has a plain hash"
	// ReasonOtherKey: the event is keyed with a key the console does not hold.
	ReasonOtherKey = "keyed with another key"
	// ReasonCheckpoint: the event a checkpoint kept outside the database names is gone or has
	// another hash, so events at the end of the log were removed or rewritten.
	ReasonCheckpoint = "does not match the checkpoint: events at the end were removed or rewritten"
)

// Verification is the result of checking the hash chain.
type Verification struct {
	OK bool
	// Checked is the number of events checked: all of them when OK, else up to and including
	// the first broken one.
	Checked int64
	// FirstBrokenID is the id of the first event whose link or hash does not match (for a
	// checkpoint that does not match, the event it names); 0 when OK.
	FirstBrokenID int64
	// Reason says what did not match; empty when OK.
	Reason string
	// Head is the hash of the last event that checked out (GenesisHash for none), and HeadID its
	// id (0 for none): what a checkpoint keeps.
	Head   string
	HeadID int64
	// Keyed is the number of keyed events checked.
	Keyed int64
	// Checkpoint is the checkpoint checked against, nil for none.
	Checkpoint *Checkpoint
}

// ChainChecker checks events one at a time, in id order, in constant memory. The zero value is
// not ready: use NewChainChecker or NewCheckerAt.
type ChainChecker struct {
	key    *audit.Key
	res    Verification
	keyed  bool        // an event so far was keyed: every later one must be
	expect *Checkpoint // an event the log must hold, with this hash
	seen   bool        // expect's event was checked
	// unlinked: the first event's link is not checked (NewCheckerAt starts at a checkpoint's
	// event, whose predecessor is not read).
	unlinked bool
}

// NewChainChecker returns a checker expecting the first event of the log, with key k (nil for a
// console without one, which accepts only unkeyed events).
func NewChainChecker(k *audit.Key) *ChainChecker {
	return &ChainChecker{key: k, res: Verification{OK: true, Head: audit.GenesisHash}}
}

// NewCheckerAt returns a checker that starts at cp's event rather than the first: it must be the
// first event checked, with cp's hash, and is checked with what follows it as NewChainChecker's
// would be. It is how a new checkpoint verifies only what was appended since the last.
func NewCheckerAt(k *audit.Key, cp *Checkpoint) *ChainChecker {
	c := NewChainChecker(k)
	c.Expect(cp)
	c.unlinked = true
	return c
}

// Expect makes the check fail unless the log holds cp's event with cp's hash.
func (c *ChainChecker) Expect(cp *Checkpoint) {
	c.expect = cp
	c.res.Checkpoint = cp
}

// HashMatches reports whether e's stored hash is what its stored content gives under c's key (see
// audit.Event.HashMatches). It depends on e alone and may be called for many events in parallel:
// it is the costly half of the check.
func (c *ChainChecker) HashMatches(e *audit.Event) bool { return e.HashMatches(c.key) }

// Check checks e, the next event in id order. It returns false once the chain is broken; the
// first break is kept and later calls change nothing.
func (c *ChainChecker) Check(e *audit.Event) bool { return c.CheckHashed(e, c.HashMatches(e)) }

// CheckHashed is Check with the result of c.HashMatches(e) computed by the caller. It checks that
// e's PrevHash is the previous event's stored Hash (GenesisHash for the first), that e is keyed
// with c's key if any event before it was keyed, that its hash matches, and that it is the
// expected checkpoint's event, if one is expected at its id.
func (c *ChainChecker) CheckHashed(e *audit.Event, hashMatches bool) bool {
	if !c.res.OK {
		return false
	}
	c.res.Checked++
	first := c.res.Checked == 1
	switch {
	case c.expect != nil && !c.seen && e.ID > c.expect.EventID:
		c.fail(c.expect.EventID, ReasonCheckpoint)
		return false
	case c.unlinked && first && e.ID != c.expect.EventID:
		c.fail(c.expect.EventID, ReasonCheckpoint)
		return false
	case !(c.unlinked && first) && e.PrevHash != c.res.Head && first:
		c.fail(e.ID, ReasonBadGenesis)
	case !(c.unlinked && first) && e.PrevHash != c.res.Head:
		c.fail(e.ID, ReasonLinkBroken)
	case e.KeyID == "" && c.keyed:
		c.fail(e.ID, ReasonUnkeyed)
	case e.KeyID != "" && (c.key == nil || e.KeyID != c.key.ID()):
		c.fail(e.ID, ReasonOtherKey)
	case !hashMatches:
		c.fail(e.ID, ReasonHashMismatch)
	case c.expect != nil && e.ID == c.expect.EventID && e.Hash != c.expect.Hash:
		c.fail(e.ID, ReasonCheckpoint)
	default:
		if c.expect != nil && e.ID == c.expect.EventID {
			c.seen = true
		}
		if e.KeyID != "" {
			c.keyed = true
			c.res.Keyed++
		}
		c.res.Head, c.res.HeadID = e.Hash, e.ID
	}
	return c.res.OK
}

func (c *ChainChecker) fail(id int64, reason string) {
	c.res.OK, c.res.FirstBrokenID, c.res.Reason = false, id, reason
}

// Result returns the verification of the events checked so far; call it after the last event.
// An expected checkpoint whose event never came means the log ends before it: events at the end
// were removed.
func (c *ChainChecker) Result() Verification {
	r := c.res
	if r.OK && c.expect != nil && !c.seen {
		r.OK, r.FirstBrokenID, r.Reason = false, c.expect.EventID, ReasonCheckpoint
	}
	return r
}
