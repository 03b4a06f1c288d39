package decisions

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"riskconsole/internal/apperr"
	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
	pagination "riskconsole/internal/page"
	"riskconsole/internal/thresholds"
)

// Repository is what the service needs from storage.
type Repository interface {
	// InsertDecision writes rec unless its idempotency key exists; it returns the stored
	// decision, whether it was created now, and the stored request hash.
	InsertDecision(ctx context.Context, rec *Record) (Decision, bool, string, error)
	Decision(ctx context.Context, id string) (Decision, error)
	DecisionByReference(ctx context.Context, ref string) (Decision, error)
	Decisions(ctx context.Context, f Filter, page PageRequest) (Page, error)
	// MarketsWithDecisions returns those of codes in which at least one decision was made.
	MarketsWithDecisions(ctx context.Context, codes []string) ([]string, error)
}

// ThresholdSource answers which threshold version is in force, and what runs beside it.
type ThresholdSource interface {
	Active(market string, t time.Time) (*thresholds.Version, error)
	Experiments(market string, t time.Time) thresholds.Experiments
}

// CatalogSource returns the current published reason catalog.
type CatalogSource interface {
	Current() *catalog.Catalog
}

// Service assesses purchases and reads decisions.
type Service struct {
	repo       Repository
	thresholds ThresholdSource
	catalog    CatalogSource
	now        func() time.Time
	observe    func(d *Decision, created bool)
	failed     func(market string, err error)
}

// OnAssessed makes Assess call fn with every decision it answers with: created is true for a
// decision stored now, false for an idempotent replay. Call it before the service is used.
func (s *Service) OnAssessed(fn func(d *Decision, created bool)) { s.observe = fn }

// OnAssessFailed makes Assess call fn with every error it answers with, and the market the
// request named (as the caller sent it: any string). Call it before the service is used.
func (s *Service) OnAssessFailed(fn func(market string, err error)) { s.failed = fn }

// NewService returns a decision service.
func NewService(repo Repository, th ThresholdSource, cat CatalogSource) *Service {
	return &Service{repo: repo, thresholds: th, catalog: cat, now: time.Now}
}

// Channels a purchase can come through.
var Channels = []string{"WEB", "APP", "POS"}

// AssessRequest is one purchase to assess, as checkout sends it.
type AssessRequest struct {
	// IdempotencyKey identifies the attempt: a retry with the same key and payload returns the
	// same decision. Keys are scoped to Client.
	IdempotencyKey string
	Client         string
	Market         string
	Currency       string
	Amount         float64 // in major units, at most 2 decimals
	MerchantID     string
	MerchantName   string
	MerchantCat    string
	ShopperID      string
	Locale         string
	Channel        string
	Values         engine.Values
	// Bureau is the credit bureau's answer for the notices; nil when checkout sent none.
	Bureau *BureauReportRequest
}

// maxAmount bounds a purchase, in major units of any currency.
const maxAmount = 1_000_000_000

// Assess validates req, decides it with the market's active threshold set and stores the
// decision, or returns the decision already stored under the same idempotency key. The same key
// with a different payload is an ErrConflict; an invalid request is an *apperr.ValidationError
// naming every bad field, and nothing is written.
func (s *Service) Assess(ctx context.Context, req *AssessRequest) (Decision, error) {
	d, err := s.assess(ctx, req)
	if err != nil && s.failed != nil {
		s.failed(req.Market, err)
	}
	return d, err
}

func (s *Service) assess(ctx context.Context, req *AssessRequest) (Decision, error) {
	at := s.now().UTC().Truncate(time.Microsecond)
	p, err := validate(req, at)
	if err != nil {
		return Decision{}, err
	}
	version, err := s.thresholds.Active(p.Market, at)
	if err != nil {
		return Decision{}, err
	}
	// A challenger split decides for its share of the shoppers; shadows only watch. Neither
	// changes what a replay of the idempotency key answers: the stored decision.
	exp := s.thresholds.Experiments(p.Market, at)
	arm := thresholds.ArmNone
	if exp.Split != nil && exp.Challenger.ID != version.ID {
		if arm = exp.Split.ArmOf(p.ShopperID); arm == thresholds.ArmChallenger {
			version = exp.Challenger
		}
	}
	shadows := EvaluateShadows(&p.Values, exp.Shadows)
	cat := s.catalog.Current()
	if cat == nil {
		return Decision{}, errors.New("reason catalog not loaded")
	}
	for range 3 {
		// The pop-up shows the reference, so each draw decides (and renders) anew.
		rec, err := Decide(&p, at, NewReference(), version, cat)
		if err != nil {
			return Decision{}, err
		}
		rec.ID, rec.IdempotencyKey = NewID(at), req.Client+":"+req.IdempotencyKey
		rec.Arm, rec.Shadows = arm, shadows
		d, created, storedHash, err := s.repo.InsertDecision(ctx, &rec)
		if errors.Is(err, ErrReferenceTaken) {
			continue
		}
		if err != nil {
			return Decision{}, err
		}
		if !created && storedHash != rec.RequestHash {
			return Decision{}, fmt.Errorf("idempotency key %q was used for a different purchase: %w", req.IdempotencyKey, apperr.ErrConflict)
		}
		if s.observe != nil {
			s.observe(&d, created)
		}
		return d, nil
	}
	return Decision{}, errors.New("could not draw a free decision reference")
}

// Decide runs the engine on p with version's threshold set and, on a decline, renders the
// shopper's pop-up, which quotes reference ref, from cat (see Render). It returns the record to
// store, without id or idempotency key. It is the one place a decision is made, for live
// assessments and demo data alike.
func Decide(p *Purchase, at time.Time, ref string, version *thresholds.Version, cat *catalog.Catalog) (Record, error) {
	var res engine.Result
	engine.Evaluate(&version.Set, &p.Values, &res)
	rec := Record{
		Decision: Decision{
			CreatedAt: at, Purchase: *p, Outcome: res.Outcome,
			Reasons:            slices.Clone(res.PrincipalReasons()),
			ThresholdVersionID: version.ID, CatalogVersionID: cat.VersionID,
		},
		RequestHash: requestHash(p),
	}
	rec.Reference = ref
	if err := Render(&rec, cat); err != nil {
		return Record{}, err
	}
	return rec, nil
}

// scoreRange is the range of the engine's bureau score, disclosed when checkout sent no bureau
// report.
var scoreRange = catalog.FormatRange(engine.Measures[engine.BureauScore].Min, engine.Measures[engine.BureauScore].Max)

func validate(req *AssessRequest, at time.Time) (Purchase, error) {
	var ve apperr.ValidationError
	text := func(field, v string, maxLen int) {
		switch {
		case v == "":
			ve.Add(field, "is required")
		case len(v) > maxLen:
			ve.Add(field, "must be at most %d bytes", maxLen)
		case !utf8.ValidString(v):
			ve.Add(field, "must be valid UTF-8")
		}
	}
	text("idempotencyKey", req.IdempotencyKey, 128)
	m, ok := market.Lookup(req.Market)
	if !ok {
		ve.Add("input.market", "unknown market %q", req.Market)
	} else if req.Currency != m.Currency {
		ve.Add("input.currency", "market %s trades in %s, not %q", m.Code, m.Currency, req.Currency)
	}
	minor := math.Round(req.Amount * 100)
	switch {
	case math.IsNaN(req.Amount) || req.Amount <= 0 || req.Amount > maxAmount:
		ve.Add("input.amount", "must be more than 0 and at most %d", maxAmount)
	case math.Abs(req.Amount*100-minor) > 1e-6:
		ve.Add("input.amount", "must have at most 2 decimals")
	}
	text("input.merchant.id", req.MerchantID, 64)
	text("input.merchant.name", req.MerchantName, 200)
	text("input.merchant.category", req.MerchantCat, 64)
	text("input.shopperId", req.ShopperID, 64)
	if !market.KnownLocale(req.Locale) {
		ve.Add("input.locale", "unknown locale %q; supported: %v", req.Locale, market.Locales)
	}
	if !slices.Contains(Channels, req.Channel) {
		ve.Add("input.channel", "unknown channel %q; supported: %v", req.Channel, Channels)
	}
	engine.ValidateValues(&req.Values, "input.values", &ve)
	bureau := validateBureau(req.Bureau, req.Market, at, &ve)
	if err := ve.Err(); err != nil {
		return Purchase{}, err
	}
	return Purchase{
		Market: req.Market, Currency: req.Currency, AmountMinor: int64(minor),
		MerchantID: req.MerchantID, MerchantName: req.MerchantName, MerchantCategory: req.MerchantCat,
		ShopperID: req.ShopperID, Locale: req.Locale, Channel: req.Channel, Values: req.Values,
		Bureau: bureau,
	}, nil
}

// requestHash fingerprints a purchase so that a retry can be told from a different request.
func requestHash(p *Purchase) string {
	// One buffer hashed at once: the bytes (and so the hash) are those written to a sha256.New
	// field by field before, without an allocation per field.
	b := make([]byte, 0, 512)
	text := func(s string) {
		// Length-prefixed, so that no two different field lists hash alike.
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	for _, s := range [...]string{p.Market, p.Currency, p.MerchantID, p.MerchantName, p.MerchantCategory, p.ShopperID, p.Locale, p.Channel} {
		text(s)
	}
	b = binary.LittleEndian.AppendUint64(b, uint64(p.AmountMinor))
	for _, v := range p.Values {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	}
	// A bureau report changes the notice, so a retry must send the same one. A purchase without
	// one hashes as before.
	if r := p.Bureau; r != nil {
		b = append(b, 1)
		for _, v := range [...]float64{r.Score, r.ScoreMin, r.ScoreMax, float64(r.ScoreDate.Unix())} {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
		}
		text(r.Bureau)
		for _, s := range r.KeyFactors {
			text(s)
		}
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Get returns the decision with the given id.
func (s *Service) Get(ctx context.Context, id string) (Decision, error) {
	u, err := uuid.Parse(id)
	if err != nil {
		return Decision{}, &apperr.ValidationError{Fields: []apperr.FieldError{{Field: "id", Message: "must be a decision id (UUID)"}}}
	}
	// The canonical form: uuid.Parse also accepts upper case, braces, a urn: prefix and no
	// dashes, which PostgreSQL's uuid type matches but SQLite's text column does not.
	return s.repo.Decision(ctx, u.String())
}

// ByReference returns the decision with the given reference, typed in any case, with or without
// separators. An unknown or malformed reference is simply ErrNotFound.
func (s *Service) ByReference(ctx context.Context, ref string) (Decision, error) {
	canonical, ok := NormalizeReference(ref)
	if !ok {
		return Decision{}, fmt.Errorf("decision: %w", apperr.ErrNotFound)
	}
	return s.repo.DecisionByReference(ctx, canonical)
}

// ValidateList adds a field error to ve for every bad argument of List, so that a caller that
// has already checked arguments of its own can report all problems at once.
func ValidateList(f *Filter, page *PageRequest, ve *apperr.ValidationError) {
	pagination.CheckFirst(page.First, ve)
	if f.Market != "" {
		if _, ok := market.Lookup(f.Market); !ok {
			ve.Add("filter.market", "unknown market %q", f.Market)
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		ve.Add("filter.to", "must be after filter.from")
	}
	if f.MinAmountMinor != nil && f.MaxAmountMinor != nil && *f.MinAmountMinor > *f.MaxAmountMinor {
		ve.Add("filter.maxAmount", "must not be less than filter.minAmount")
	}
	if f.Outcome == engine.Approved && f.Reason != engine.NoReason {
		ve.Add("filter.reason", "approved decisions have no reasons")
	}
}

// List returns a page of decisions matching f. first must be between 1 and page.MaxSize.
func (s *Service) List(ctx context.Context, f Filter, page PageRequest) (Page, error) {
	var ve apperr.ValidationError
	ValidateList(&f, &page, &ve)
	if err := ve.Err(); err != nil {
		return Page{}, err
	}
	return s.repo.Decisions(ctx, f, page)
}
