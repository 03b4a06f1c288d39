package auditlog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"time"

	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
)

// Refusals are recorded so that nobody can fill the audit log by being refused. A signed-in
// caller's refusals of one request are one event listing the fields: a request may name ten root
// fields, and a refused field inside a list is refused once per element. An anonymous caller's
// refusals are no events of their own at all: anybody can send them as fast as the server answers
// (20,000 rows in 20 s slowed staff requests from a p99 of 28 ms to 370 ms), so they are counted
// in memory per client address and minute and written as one summary event each, with the count
// and the fields. A metric counts every refusal as it happens, and the first refusal of an
// address in a minute is logged.

const (
	// EntityHTTPEndpoint is the entity type of a refused HTTP endpoint; its id is the method and
	// path, e.g. "GET /export/decisions.csv".
	EntityHTTPEndpoint = "http_endpoint"
	// EntityClientAddress is the entity type of the summary of an anonymous client's refusals in
	// a minute; its id is the client address (for IPv6 its /64) or OtherAddresses.
	EntityClientAddress = "client_address"
	// OtherAddresses is the entity id of the summary of the refusals from addresses beyond
	// DenialOptions.MaxAddresses in a minute.
	OtherAddresses = "other-addresses"
)

// Defaults of DenialOptions.
const (
	DefaultDenialWindow = time.Minute
	// DefaultMaxAddresses bounds the summaries of one window, and with them the memory held: a
	// summary is at most a few kilobytes (maxNames field names).
	DefaultMaxAddresses = 256
)

// maxNames bounds the distinct fields one event lists; further ones are only counted.
const maxNames = 64

// DenialOptions tune Denials; zero values take the defaults.
type DenialOptions struct {
	// Window is the span of one anonymous summary (DefaultDenialWindow).
	Window time.Duration
	// MaxAddresses is how many client addresses get a summary of their own per window
	// (DefaultMaxAddresses); refusals from further addresses share one (OtherAddresses).
	MaxAddresses int
	// Now is the clock (time.Now).
	Now func() time.Time
}

// Denials records refusals: per request for signed-in callers, per client address and window
// for anonymous ones (see above). It implements graph.DenialRecorder. Requests that Begin a
// collector have their refusals recorded by End; a refusal outside one is recorded at once.
type Denials struct {
	svc     *Service
	opts    DenialOptions
	observe func(anonymous bool)

	mu          sync.Mutex
	windowStart time.Time
	current     map[string]*tally // this window's, by address
	pending     map[string]*tally // ended windows' not yet written, by address
}

// NewDenials returns the refusal recorder writing through s.
func NewDenials(s *Service, opts DenialOptions) *Denials {
	if opts.Window <= 0 {
		opts.Window = DefaultDenialWindow
	}
	if opts.MaxAddresses <= 0 {
		opts.MaxAddresses = DefaultMaxAddresses
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Denials{svc: s, opts: opts, current: map[string]*tally{}, pending: map[string]*tally{}}
}

// OnRefusal makes d call fn for every refusal as it happens (the metrics count them). Call it
// before d is used.
func (d *Denials) OnRefusal(fn func(anonymous bool)) { d.observe = fn }

// Denied records that p (nil when anonymous) was refused the GraphQL field field, e.g.
// "Query.decisions".
func (d *Denials) Denied(ctx context.Context, p *auth.Principal, field string) error {
	return d.refuse(ctx, p, EntityGraphQLField, field)
}

// DeniedEndpoint records that p (nil when anonymous) was refused an HTTP endpoint, named by
// method and path.
func (d *Denials) DeniedEndpoint(ctx context.Context, p *auth.Principal, endpoint string) error {
	return d.refuse(ctx, p, EntityHTTPEndpoint, endpoint)
}

func (d *Denials) refuse(ctx context.Context, p *auth.Principal, entityType, name string) error {
	if d.observe != nil {
		d.observe(p == nil)
	}
	if c, ok := ctx.Value(collectorKey{}).(*collector); ok {
		c.add(p, entityType, name)
		return nil
	}
	var c collector
	c.add(p, entityType, name)
	return d.record(ctx, &c)
}

type collectorKey struct{}

// Begin returns ctx with an empty collector of the request's refusals, for End to record.
func (d *Denials) Begin(ctx context.Context) context.Context {
	return context.WithValue(ctx, collectorKey{}, &collector{})
}

// End records the refusals collected since Begin, or since the last End, of the request of ctx:
// one event for a signed-in caller, a count for an anonymous one. Call it before the answer is
// written, so that the event is stored when the caller learns of the refusal; calling it again
// records only what came since.
func (d *Denials) End(ctx context.Context) error {
	c, ok := ctx.Value(collectorKey{}).(*collector)
	if !ok {
		return nil
	}
	c.mu.Lock()
	taken := collector{principal: c.principal, counts: c.counts, kinds: c.kinds}
	c.counts, c.kinds = fieldCounts{}, nil
	c.mu.Unlock()
	return d.record(ctx, &taken)
}

// record writes the refusals of c, one request's.
func (d *Denials) record(ctx context.Context, c *collector) error {
	if c.counts.refusals == 0 {
		return nil
	}
	if c.principal == nil {
		d.count(ctx, c)
		return nil
	}
	names := slices.Sorted(maps.Keys(c.counts.names))
	e := denialEvent(ctx, c.principal, c.kinds[names[0]], strings.Join(names, ","))
	if c.counts.refusals > 1 {
		e.After = mustJSON(summary{Refusals: c.counts.refusals, Fields: c.counts.names, OtherFields: c.counts.other})
	}
	return d.svc.appendDenial(ctx, e)
}

// count adds an anonymous request's refusals to its address's tally of the current window.
func (d *Denials) count(ctx context.Context, c *collector) {
	req := audit.RequestFrom(ctx)
	addr := addressKey(req.ClientAddr)
	d.mu.Lock()
	now := d.opts.Now().UTC()
	if !now.Before(d.windowStart.Add(d.opts.Window)) {
		d.closeWindow()
		d.windowStart = now.Truncate(d.opts.Window)
	}
	t := d.current[addr]
	if t == nil && d.full(d.current) {
		addr = OtherAddresses
		t = d.current[addr]
	}
	first := t == nil
	if first {
		t = &tally{first: now, requestID: req.ID}
		d.current[addr] = t
	}
	t.last = now
	t.counts.merge(&c.counts)
	d.mu.Unlock()
	if first { // the sampled log line: one per address and minute
		slog.WarnContext(ctx, "anonymous refusal: counted, recorded as one audit event per client address and minute",
			"request_id", req.ID, "client", addr, "field", firstName(c))
	}
}

// closeWindow moves the current window's tallies to the pending ones, adding to a pending tally
// of the same address (written later because a write failed). The pending tallies are bounded
// like a window's. Call it with d.mu held.
func (d *Denials) closeWindow() {
	for addr, t := range d.current {
		d.addPending(addr, t)
	}
	clear(d.current)
}

// addPending adds t, the tally of addr, to the pending ones. Call it with d.mu held.
func (d *Denials) addPending(addr string, t *tally) {
	p := d.pending[addr]
	if p == nil && d.full(d.pending) {
		addr = OtherAddresses
		p = d.pending[addr]
	}
	if p == nil {
		d.pending[addr] = t
		return
	}
	if t.first.Before(p.first) {
		p.first, p.requestID = t.first, t.requestID
	}
	if t.last.After(p.last) {
		p.last = t.last
	}
	p.counts.merge(&t.counts)
}

// full reports whether tallies has one for as many addresses as a window may have, besides the
// one of OtherAddresses.
func (d *Denials) full(tallies map[string]*tally) bool {
	n := len(tallies)
	if _, ok := tallies[OtherAddresses]; ok {
		n--
	}
	return n >= d.opts.MaxAddresses
}

// Flush writes one event per address for the windows that have ended; with all, for the
// current one too (at shutdown, and in tests). Tallies whose write fails stay for the next call.
func (d *Denials) Flush(ctx context.Context, all bool) error {
	d.mu.Lock()
	if all || !d.opts.Now().Before(d.windowStart.Add(d.opts.Window)) {
		d.closeWindow()
	}
	batch := d.pending
	d.pending = map[string]*tally{}
	d.mu.Unlock()
	var (
		errs     []error
		refusals int64
	)
	for _, addr := range slices.Sorted(maps.Keys(batch)) {
		t := batch[addr]
		clientAddr := addr
		if addr == OtherAddresses {
			clientAddr = ""
		}
		e := &audit.Event{Actor: (*auth.Principal)(nil).Subject(), Action: ActionAccessDenied, EntityType: EntityClientAddress,
			EntityID: addr, RequestID: t.requestID, ClientAddr: clientAddr, Outcome: audit.Denied,
			After: mustJSON(summary{From: &t.first, To: &t.last, Refusals: t.counts.refusals, Fields: t.counts.names, OtherFields: t.counts.other})}
		if err := d.svc.appendDenial(ctx, e); err != nil {
			errs = append(errs, err)
			d.mu.Lock()
			d.addPending(addr, t) // for the next flush
			d.mu.Unlock()
			continue
		}
		refusals += t.counts.refusals
	}
	if refusals > 0 {
		slog.InfoContext(ctx, "recorded anonymous refusals", "addresses", len(batch)-len(errs), "refusals", refusals)
	}
	return errors.Join(errs...)
}

// summary is the After of an event recording several refusals.
type summary struct {
	From        *time.Time       `json:"from,omitempty"` // first and last refusal of an anonymous summary
	To          *time.Time       `json:"to,omitempty"`
	Refusals    int64            `json:"refusals"`
	Fields      map[string]int64 `json:"fields"`                // refusals per field (or endpoint)
	OtherFields int64            `json:"otherFields,omitempty"` // refusals of fields beyond the first maxNames
}

// fieldCounts counts refusals per field (or endpoint), for at most maxNames distinct ones;
// refusals of further ones are counted in other only.
type fieldCounts struct {
	refusals int64
	names    map[string]int64
	other    int64
}

// add counts n refusals of name and reports whether name has a count of its own.
func (f *fieldCounts) add(name string, n int64) bool {
	f.refusals += n
	if _, ok := f.names[name]; !ok && len(f.names) >= maxNames {
		f.other += n
		return false
	}
	if f.names == nil {
		f.names = map[string]int64{}
	}
	f.names[name] += n
	return true
}

// merge adds the counts of o (whose refusals are its names' and other's).
func (f *fieldCounts) merge(o *fieldCounts) {
	for name, n := range o.names {
		f.add(name, n)
	}
	f.refusals += o.other
	f.other += o.other
}

// collector holds one request's refusals.
type collector struct {
	mu        sync.Mutex
	principal *auth.Principal
	counts    fieldCounts
	kinds     map[string]string // entity type per field
}

func (c *collector) add(p *auth.Principal, entityType, name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.principal = p
	if c.counts.add(name, 1) {
		if c.kinds == nil {
			c.kinds = map[string]string{}
		}
		c.kinds[name] = entityType
	}
}

// firstName returns one field c refused, for the log line.
func firstName(c *collector) string {
	for name := range c.counts.names {
		return name
	}
	return ""
}

// tally is an address's anonymous refusals in a window.
type tally struct {
	first, last time.Time
	requestID   string // of the first refusal, to find it in the request log
	counts      fieldCounts
}

// addressKey is the address a tally counts for: the client address, or for IPv6 its /64, which
// one customer line usually holds whole (an attacker could otherwise take one summary per
// address of it).
func addressKey(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil || ip.Is4() || ip.Is4In6() {
		return addr
	}
	p, err := ip.Prefix(64)
	if err != nil {
		return addr
	}
	return p.String()
}

// denialEvent is the access.denied event of p refused an entity, with the request's facts.
func denialEvent(ctx context.Context, p *auth.Principal, entityType, entityID string) *audit.Event {
	req := audit.RequestFrom(ctx)
	return &audit.Event{Actor: p.Subject(), ActorRoles: p.RoleNames(), Action: ActionAccessDenied,
		EntityType: entityType, EntityID: entityID, RequestID: req.ID, ClientAddr: req.ClientAddr,
		Outcome: audit.Denied}
}

// appendDenial appends a denial event. The write does not follow the request's cancellation:
// a caller hanging up at once must not erase the record of its refusal.
func (s *Service) appendDenial(ctx context.Context, e *audit.Event) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), denialWriteTimeout)
	defer cancel()
	if err := s.repo.AppendAudit(ctx, e); err != nil {
		return fmt.Errorf("record denial of %s to %s: %w", e.EntityID, e.Actor, err)
	}
	return nil
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("denial summary does not marshal: %v", err)) // plain structs and maps
	}
	return b
}
