package erasure

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/page"
	"riskconsole/internal/retention"
)

// maxShopperIDLen bounds a shopper id, as checkout's purchase input bounds it.
const maxShopperIDLen = 64

// carryBatch is how many waiting requests CarryOutDue reads at a time.
const carryBatch = 100

// ErrNoRetentionPath is returned when the console has no retention path to unlink decisions
// through (PostgreSQL without RETENTION_DATABASE_URL): clients are told to retry later.
var ErrNoRetentionPath = fmt.Errorf("%w: erasure needs the retention path (RETENTION_DATABASE_URL)", apperr.ErrUnavailable)

// Service records and carries out erasure requests.
type Service struct {
	reader  Reader
	writer  Writer
	plans   Planner
	ref     func(string) string
	denials audit.DenialRecorder
	now     func() time.Time
}

// NewService returns the service reading through r and unlinking through w (nil: no retention
// path, every request is refused with ErrNoRetentionPath), dating through plans; ref is the keyed
// hash that stands for a shopper id (audit.Key.ShopperRef); denials records refusals beyond the
// fields' roles; now is the clock (nil: time.Now).
func NewService(r Reader, w Writer, plans Planner, ref func(string) string, denials audit.DenialRecorder, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{reader: r, writer: w, plans: plans, ref: ref, denials: denials, now: now}
}

// Answer is what a request answers: the request as recorded, what this call unlinked, and how
// many of the shopper's decisions stay linked until it is carried out (Request.DueAt).
type Answer struct {
	Request Request
	Erased  int64
	Waiting int64
	// Repeated is set when a request of the shopper was waiting already: it is the answer, and
	// nothing else is recorded.
	Repeated bool
}

// Request erases shopperID: the decisions whose retention duty has ended are unlinked now, unless
// a legal hold applies (then none is); the request is recorded, and waits for the rest. A second
// request of a shopper while one waits answers the waiting one. reference is the privacy
// process's own (optional). Role SERVICE (the privacy process) may ask, and an ADMIN signed in:
// not through an API token, which an ADMIN creates and so could act through unseen.
func (s *Service) Request(ctx context.Context, shopperID, reference string) (Answer, error) {
	if p := auth.PrincipalFrom(ctx); !p.HasAny(auth.Service) && !p.IsUser() {
		return Answer{}, audit.Refuse(ctx, s.denials, p, "Mutation.requestErasure",
			"an erasure is requested by the privacy process (role SERVICE) or by an ADMIN signed in, not through an ADMIN's API token")
	}
	shopperID, reference = strings.TrimSpace(shopperID), strings.TrimSpace(reference)
	var ve apperr.ValidationError
	switch {
	case shopperID == "":
		ve.Add("shopperId", "is required")
	case len(shopperID) > maxShopperIDLen:
		ve.Add("shopperId", "must be at most %d bytes", maxShopperIDLen)
	case !utf8.ValidString(shopperID):
		ve.Add("shopperId", "must be valid UTF-8")
	}
	switch {
	case len(reference) > MaxReferenceLen:
		ve.Add("reference", "must be at most %d bytes", MaxReferenceLen)
	case !utf8.ValidString(reference):
		ve.Add("reference", "must be valid UTF-8")
	}
	if err := ve.Err(); err != nil {
		return Answer{}, err
	}
	if s.writer == nil {
		return Answer{}, ErrNoRetentionPath
	}
	now := s.clock()
	due, rest, plan, err := s.prepare(ctx, shopperID, now)
	if err != nil {
		return Answer{}, err
	}
	ref := s.ref(shopperID)
	var ans Answer
	err = s.writer.ErasureTx(ctx, func(tx Tx) error {
		waiting, err := tx.WaitingErasure(ctx, ref)
		switch {
		case err == nil:
			ans = Answer{Request: waiting, Waiting: int64(len(due) + len(rest)), Repeated: true}
			return nil
		case !errors.Is(err, apperr.ErrNotFound):
			return err
		}
		n, err := tx.UnlinkDecisions(ctx, shopperID, due)
		if err != nil {
			return err
		}
		r := Request{ShopperRef: ref, ShopperID: shopperID, Reference: reference, RequestedBy: auth.PrincipalFrom(ctx).Subject(),
			RequestedAt: now, ErasedNow: n}
		r.progress(plan, len(rest), now, NowDone)
		if err := tx.CreateErasureRequest(ctx, &r); err != nil {
			return err
		}
		ans = Answer{Request: r, Erased: n, Waiting: int64(len(rest))}
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionRequest, entityRequest, strconv.FormatInt(r.ID, 10), nil, record(&r, n), audit.Done))
	})
	if err != nil {
		return Answer{}, err
	}
	ans.Request.ShopperID = ""
	return ans, nil
}

// Result is what one CarryOutDue pass did.
type Result struct {
	// Checked counts the waiting requests looked at; Done those carried out in full.
	Checked, Done int
	// Erased counts the decisions unlinked.
	Erased int64
}

// CarryOutDue carries out what has become due of the waiting requests at now: every SCHEDULED
// request due by now and every HELD one is planned again, its decisions out of duty and hold are
// unlinked, and it is DONE once none stays linked. Each request that changes is one transaction
// with its audit event; one that fails stops the pass (the next pass takes it up again). The
// retention job calls it on each pass; ctx's principal is recorded (the system's when none).
func (s *Service) CarryOutDue(ctx context.Context, now time.Time) (Result, error) {
	var res Result
	if s.writer == nil {
		return res, ErrNoRetentionPath
	}
	if auth.PrincipalFrom(ctx) == nil {
		ctx = auth.WithPrincipal(ctx, auth.SystemPrincipal("erasure"))
	}
	now = now.UTC().Truncate(time.Microsecond)
	for after := int64(0); ; {
		batch, err := s.reader.WaitingErasures(ctx, now, after, carryBatch)
		if err != nil {
			return res, err
		}
		for i := range batch {
			after = batch[i].ID
			if err := s.carryOut(ctx, &batch[i], now, &res); err != nil {
				return res, fmt.Errorf("carry out erasure request %d: %w", batch[i].ID, err)
			}
		}
		if len(batch) < carryBatch {
			return res, nil
		}
	}
}

// carryOut plans waiting request r again at now and unlinks what is due.
func (s *Service) carryOut(ctx context.Context, r *Request, now time.Time, res *Result) error {
	res.Checked++
	due, rest, plan, err := s.prepare(ctx, r.ShopperID, now)
	if err != nil {
		return err
	}
	next := *r
	next.progress(plan, len(rest), now, Done)
	if len(due) == 0 && next.State == r.State && timeEqual(next.DueAt, r.DueAt) {
		return nil
	}
	return s.writer.ErasureTx(ctx, func(tx Tx) error {
		n, err := tx.UnlinkDecisions(ctx, r.ShopperID, due)
		if err != nil {
			return err
		}
		next.ErasedLater += n
		if err := tx.UpdateErasureRequest(ctx, &next); err != nil {
			return err
		}
		res.Erased += n
		if !next.State.Waiting() {
			res.Done++
		}
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionCarriedOut, entityRequest, strconv.FormatInt(r.ID, 10),
			record(r, 0), record(&next, n), audit.Done))
	})
}

// prepare plans the erasure of shopperID at now and splits their linked decisions into those
// that may be unlinked now and the rest: none may while a hold applies; otherwise those of the
// months whose duty has ended. A decision in a month the plan did not see (made since) waits.
func (s *Service) prepare(ctx context.Context, shopperID string, now time.Time) (due, rest []Linked, plan retention.ShopperErasure, err error) {
	if plan, err = s.plans.ShopperPlan(ctx, shopperID, now); err != nil {
		return nil, nil, plan, err
	}
	linked, err := s.reader.LinkedDecisions(ctx, shopperID)
	if err != nil {
		return nil, nil, plan, err
	}
	ended := map[retention.MonthKey]bool{}
	for _, m := range plan.Months {
		ended[m.MonthKey] = !m.UnderDuty
	}
	for _, d := range linked {
		if plan.State != retention.ErasureHeld && ended[retention.MonthKey{Market: d.Market, Month: retention.MonthOf(d.CreatedAt)}] {
			due = append(due, d)
		} else {
			rest = append(rest, d)
		}
	}
	return due, rest, plan, nil
}

// progress sets r's state from plan, with waiting decisions still linked after this step: done
// (doneState, the plain id dropped) when none waits, else HELD or SCHEDULED until the plan's date
// (now, for decisions made since the plan, which the next pass takes).
func (r *Request) progress(plan retention.ShopperErasure, waiting int, now time.Time, doneState State) {
	switch {
	case plan.State == retention.ErasureHeld:
		r.State, r.DueAt = Held, plan.DutyEndsAt
	case waiting > 0:
		r.State, r.DueAt = Scheduled, plan.At
		if r.DueAt == nil {
			r.DueAt = &now
		}
	default:
		r.State, r.DueAt, r.ShopperID = doneState, nil, ""
		r.DoneAt = &now
	}
}

func timeEqual(a, b *time.Time) bool {
	return (a == nil) == (b == nil) && (a == nil || a.Equal(*b))
}

// record is what the audit log keeps of a request: never the shopper id, only its keyed hash.
func record(r *Request, erased int64) any {
	return map[string]any{"id": r.ID, "shopperRef": r.ShopperRef, "reference": r.Reference, "state": r.State, "dueAt": r.DueAt,
		"erased": erased, "erasedNow": r.ErasedNow, "erasedLater": r.ErasedLater, "doneAt": r.DoneAt}
}

// Cursor prefix of the list of requests.
const requestCursorPrefix = "erasure"

// RequestCursor returns the cursor after request id.
func RequestCursor(id int64) string { return page.KeyCursor(requestCursorPrefix, id) }

// RequestsPage returns a page of first requests of state ("": any), newest first, after the
// cursor after, and whether more follow. The shopper's plain id is never part of it.
func (s *Service) RequestsPage(ctx context.Context, state State, first int, after string) ([]Request, bool, error) {
	list, more, err := page.Fetch(first, after, requestCursorPrefix, func(key int64, limit int) ([]Request, error) {
		return s.reader.ErasureRequests(ctx, state, key, limit)
	})
	for i := range list {
		list[i].ShopperID = ""
	}
	return list, more, err
}

// Get returns request id, without the shopper's plain id.
func (s *Service) Get(ctx context.Context, id int64) (Request, error) {
	r, err := s.reader.ErasureRequest(ctx, id)
	r.ShopperID = ""
	return r, err
}

func (s *Service) clock() time.Time { return s.now().UTC().Truncate(time.Microsecond) }
