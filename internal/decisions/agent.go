package decisions

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"riskconsole/internal/audit"
	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
)

// Audit vocabulary of the agent view.
const (
	// ActionViewAgent records one look-up of a decision through the agent view, found or not, so
	// that auditors can answer who looked at which decision.
	ActionViewAgent = "decision.view_agent"
	// EntityDecision is the entity type of decision events; the entity id is the canonical
	// reference (nine characters, no separators).
	EntityDecision = "decision"
)

// maxAuditedInput bounds how much of a reference that is not one is copied into the audit log.
const maxAuditedInput = 32

// HoldReleaseBusinessDays is, per market, the number of business days within which card issuers
// usually release the authorization hold of a declined card purchase. DOMAIN.md says only that a
// declined card purchase may show a pending hold that the issuer releases, typically within a few
// business days; the figures are the upper end agents can safely quote, the same in every market
// today, kept per market so one can change without the others. Weekends count as non-business
// days; public holidays are not modelled, which the agent note covers with "usually".
var HoldReleaseBusinessDays = map[string]int{"US": 5, "GB": 5, "SE": 5, "DE": 5}

// defaultHoldReleaseBusinessDays is used for a market missing from HoldReleaseBusinessDays.
const defaultHoldReleaseBusinessDays = 5

// AgentView is a decision as a support agent may see it: what the shopper was shown, the
// guidance for each reason and the standard notes, and nothing that measured the shopper (no
// factor values, scores, cut-offs, threshold versions or shopper id).
type AgentView struct {
	Reference    string // canonical, nine characters
	CreatedAt    time.Time
	Outcome      engine.Outcome
	Market       string
	MerchantName string
	Currency     string
	AmountMinor  int64
	// FormattedAmount is the amount formatted for GuidanceLocale.
	FormattedAmount string
	// Message is the pop-up as stored with the decision, with the score, its range and date,
	// the bureau and its contact details and the key factors redacted; zero on an approval.
	Message Message
	// GuidanceLocale is the locale the agent texts are in: the requested locale when the product
	// supports it, else en-US.
	GuidanceLocale string
	// Guidance is the agent guidance of each reason, in the decision's rank order.
	Guidance []AgentGuidance
	// CardHold says whether a card authorization hold may still be pending; nil on an approval.
	CardHold *CardHold
	// Notes are the standard notes of DOMAIN.md in GuidanceLocale, for an approval or a
	// decline; a decline's say whether and how the shopper may ask for a human review.
	Notes []string
	// Issue 15: the decision's kind, its review when the shopper asked for one, and for a
	// reviewer's overturn the (canonical) reference of the decision it overturned; for a decline
	// not yet reviewed, until when the shopper may ask (zero when they may not).
	Kind                   Kind
	Review                 *AgentReview
	OverturnsReference     string
	ReviewRequestableUntil time.Time
}

// AgentGuidance is the agent text of one reason.
type AgentGuidance struct {
	Rank   int
	Reason engine.Reason
	// Locale is the locale the text was found in (GuidanceLocale, else en-US).
	Locale string
	Title  string
	Body   string
	Steps  []string
}

// CardHold tells the agent about a possible pending authorization hold of a declined purchase.
type CardHold struct {
	// MayBePending is true until UsuallyReleasedBy has passed.
	MayBePending bool
	// ReleaseBusinessDays is the market's HoldReleaseBusinessDays.
	ReleaseBusinessDays int
	// UsuallyReleasedBy is the decision time plus ReleaseBusinessDays business days.
	UsuallyReleasedBy time.Time
	// Note explains the hold in GuidanceLocale.
	Note string
}

// AuditAppender records audit events.
type AuditAppender interface {
	// AppendAudit appends e to the audit log in a transaction of its own.
	AppendAudit(ctx context.Context, e *audit.Event) error
}

// AgentService answers support agents' look-ups and records each of them.
type AgentService struct {
	repo    Repository
	catalog AgentCatalog
	audits  AuditAppender
	now     func() time.Time
	reviews ReviewLookup // nil: no reviews shown
}

// AgentCatalog is the catalog the agent view reads: the current one for guidance, and the
// version a decision pinned for its pop-up.
type AgentCatalog interface {
	CatalogSource
	CatalogVersions
}

// NewAgentService returns the agent view's service.
func NewAgentService(repo Repository, cat AgentCatalog, audits AuditAppender, now func() time.Time) *AgentService {
	if now == nil {
		now = time.Now
	}
	return &AgentService{repo: repo, catalog: cat, audits: audits, now: now}
}

// View returns the agent view of the decision with reference ref (any case, separators
// optional), with guidance and notes in locale (en-US when empty or unsupported). Every call,
// found or not, appends exactly one ActionViewAgent event; when that fails, nothing is shown. An
// unknown or malformed reference is apperr.ErrNotFound, with no hint about similar references.
//
// The pop-up is the one stored with the decision, so it never changes; the guidance and notes
// are today's, from the current catalog, because they advise the agent now.
func (s *AgentService) View(ctx context.Context, ref, locale string) (AgentView, error) {
	guidanceLocale := locale
	if !market.KnownLocale(guidanceLocale) {
		guidanceLocale = catalog.FallbackLocale
	}
	d, err := lookUp(ctx, s.repo, s.audits, ref, ActionViewAgent, map[string]any{"guidanceLocale": guidanceLocale})
	if err != nil {
		return AgentView{}, err
	}
	v, err := s.view(ctx, &d, guidanceLocale)
	if err != nil {
		return AgentView{}, err
	}
	return v, s.addReview(ctx, &d, &v)
}

// auditedInput is what the audit log keeps of a reference that is not one: its first
// maxAuditedInput bytes, upper-cased and trimmed, cut at a rune boundary.
func auditedInput(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) <= maxAuditedInput {
		return s
	}
	s = s[:maxAuditedInput]
	return strings.ToValidUTF8(s, "")
}

// redacted returns the pop-up of decline d as agents see it (Redacted), from the catalog version
// d pinned.
func (s *AgentService) redacted(ctx context.Context, d *Decision) (Message, error) {
	cat, err := s.catalog.ByID(ctx, d.CatalogVersionID)
	if err != nil {
		return Message{}, err
	}
	m, ok, err := Redacted(d, cat)
	if err == nil && !ok {
		slog.WarnContext(ctx, "agent view: the stored pop-up could not be rendered again; its body is withheld", "decision", d.ID)
	}
	return m, err
}

func (s *AgentService) view(ctx context.Context, d *Decision, locale string) (AgentView, error) {
	v := AgentView{
		Reference: d.Reference, CreatedAt: d.CreatedAt, Outcome: d.Outcome, Market: d.Market,
		MerchantName: d.MerchantName, Currency: d.Currency, AmountMinor: d.AmountMinor,
		FormattedAmount: catalog.FormatAmount(locale, d.Currency, d.AmountMinor),
		GuidanceLocale:  locale,
		Notes:           notesFor(d, locale),
	}
	if d.Outcome != engine.Declined {
		return v, nil
	}
	msg, err := s.redacted(ctx, d)
	if err != nil {
		return AgentView{}, err
	}
	v.Message = msg
	cat := s.catalog.Current()
	// Only the purchase fields: an agent text has no business with the shopper's score, and the
	// market locale is left out so that the agent reads its own language or en-US, never the
	// shopper's.
	in := catalog.RenderInput{Locale: locale, Currency: d.Currency, AmountMinor: d.AmountMinor, Merchant: d.MerchantName}
	v.Guidance = make([]AgentGuidance, 0, len(d.Reasons))
	for i, r := range d.Reasons {
		m, err := cat.Guidance(r, in)
		if err != nil {
			return AgentView{}, err
		}
		v.Guidance = append(v.Guidance, AgentGuidance{Rank: i + 1, Reason: r, Locale: m.Locale, Title: m.Title, Body: m.Body, Steps: m.Steps})
	}
	days, ok := HoldReleaseBusinessDays[d.Market]
	if !ok {
		days = defaultHoldReleaseBusinessDays
	}
	by := AddBusinessDays(d.CreatedAt, days)
	v.CardHold = &CardHold{
		MayBePending: s.now().Before(by), ReleaseBusinessDays: days, UsuallyReleasedBy: by,
		Note: fmt.Sprintf(agentNotesFor(locale).hold, days),
	}
	return v, nil
}

// AddBusinessDays returns t plus n days that are not a Saturday or Sunday in t's time zone.
func AddBusinessDays(t time.Time, n int) time.Time {
	for n > 0 {
		t = t.AddDate(0, 0, 1)
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return t
}
