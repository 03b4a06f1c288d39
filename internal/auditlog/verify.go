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
)

// Verification is the result of checking the hash chain.
type Verification struct {
	OK bool
	// Checked is the number of events checked: all of them when OK, else up to and including
	// the first broken one.
	Checked int64
	// FirstBrokenID is the id of the first event whose link or hash does not match; 0 when OK.
	FirstBrokenID int64
	// Reason says what did not match; empty when OK.
	Reason string
	// Head is the hash of the last event that checked out (GenesisHash for none). Kept outside
	// the database, it lets a later check notice events removed from the end, which the chain
	// itself cannot show.
	Head string
}

// ChainChecker checks events one at a time, in id order, in constant memory. The zero value is
// not ready: use NewChainChecker.
type ChainChecker struct {
	res Verification
}

// NewChainChecker returns a checker expecting the first event of the log.
func NewChainChecker() *ChainChecker {
	return &ChainChecker{res: Verification{OK: true, Head: audit.GenesisHash}}
}

// Check checks e, the next event in id order: its PrevHash must be the previous event's stored
// Hash (GenesisHash for the first) and its Hash must be audit.Chain of its content. It returns
// false once the chain is broken; the first break is kept and later calls change nothing.
func (c *ChainChecker) Check(e *audit.Event) bool { return c.CheckHashed(e, HashMatches(e)) }

// CheckHashed is Check with the result of HashMatches(e) computed by the caller, who may compute
// it for many events in parallel: it is the costly half of the check, and it depends on nothing
// but e. CheckHashed itself only compares hashes.
func (c *ChainChecker) CheckHashed(e *audit.Event, hashMatches bool) bool {
	if !c.res.OK {
		return false
	}
	c.res.Checked++
	switch {
	case e.PrevHash != c.res.Head && c.res.Checked == 1:
		c.fail(e.ID, ReasonBadGenesis)
	case e.PrevHash != c.res.Head:
		c.fail(e.ID, ReasonLinkBroken)
	case !hashMatches:
		c.fail(e.ID, ReasonHashMismatch)
	default:
		c.res.Head = e.Hash
	}
	return c.res.OK
}

// HashMatches reports whether e's stored Hash is audit.Chain of its stored PrevHash and content.
func HashMatches(e *audit.Event) bool { return audit.Chain(e.PrevHash, e) == e.Hash }

func (c *ChainChecker) fail(id int64, reason string) {
	c.res.OK, c.res.FirstBrokenID, c.res.Reason = false, id, reason
}

// Result returns the verification of the events checked so far.
func (c *ChainChecker) Result() Verification { return c.res }
