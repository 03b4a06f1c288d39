package thresholds_test

import (
	"context"
	"database/sql"
	"errors"
	"hash/fnv"
	"sync"
	"testing"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/approval"
	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
	"riskconsole/internal/store"
	"riskconsole/internal/testdb"
	"riskconsole/internal/thresholds"
)

// lifecycleEnv is a store with US version 1 active since t0, and a clock.
type lifecycleEnv struct {
	st    *store.Store
	svc   *thresholds.Service
	lc    *thresholds.Lifecycle
	raw   *sql.DB
	v1    int64
	clock time.Time
}

func newLifecycleEnv(t *testing.T, dialect string) *lifecycleEnv {
	t.Helper()
	ctx := context.Background()
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	opts := store.Options{SQLitePath: testdb.NewSQLitePath(t)}
	driver, dsn := "sqlite", opts.SQLitePath
	if dialect == "postgres" {
		opts = store.Options{DatabaseURL: testdb.NewPostgresDB(t)}
		driver, dsn = "pgx", opts.DatabaseURL
	}
	st, err := store.Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	us, _ := market.Lookup("US")
	_, ids, err := st.SeedReference(ctx, &store.ReferenceData{
		Catalog: catalog.Default(), CatalogAuthor: "test",
		Versions: []store.SeedVersion{
			{Version: thresholds.Version{Market: "US", Version: 1, Set: engine.DefaultSet(us), Author: "a", Approver: "b", CreatedAt: t0}, ActivatedAt: t0},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	e := &lifecycleEnv{st: st, svc: thresholds.NewService(st), raw: raw, v1: ids[0], clock: t0.Add(24 * time.Hour)}
	e.lc = thresholds.NewLifecycle(st, e.svc, nil, func() time.Time { return e.clock })
	if err := e.svc.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	return e
}

// as acts as the user name, a person of its own: the user id is derived from the name.
func as(name string, roles ...auth.Role) context.Context {
	h := fnv.New32a()
	h.Write([]byte(name))
	return auth.WithPrincipal(context.Background(), &auth.Principal{Kind: auth.UserKind, UserID: int64(h.Sum32()), Name: name, Roles: roles})
}

func rulesOf(s *engine.ThresholdSet) []thresholds.RuleInput {
	out := make([]thresholds.RuleInput, len(s.Rules))
	for i, r := range s.Rules {
		out[i] = thresholds.RuleInput{Measure: r.Measure, Comparator: r.Comparator, Cutoff: r.Cutoff, Enabled: r.Enabled}
	}
	return out
}

func (e *lifecycleEnv) auditCount(t *testing.T) int {
	t.Helper()
	var n int
	if err := e.raw.QueryRow("SELECT COUNT(*) FROM audit_events").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// submitted returns a SUBMITTED draft by anna raising the bureau score cut-off to 640.
func (e *lifecycleEnv) submitted(t *testing.T) thresholds.Draft {
	t.Helper()
	anna := as("anna", auth.Analyst)
	d, err := e.lc.CreateDraft(anna, "US", 0)
	if err != nil {
		t.Fatal(err)
	}
	rules := rulesOf(&d.Set)
	rules[engine.BureauScore].Cutoff = 640
	if d, err = e.lc.EditDraft(anna, d.ID, d.Revision, rules); err != nil {
		t.Fatal(err)
	}
	if d, err = e.lc.SubmitDraft(anna, d.ID, d.Revision, "tighten scores"); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestLifecycle(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			e := newLifecycleEnv(t, dialect)
			anna, lead := as("anna", auth.Analyst), as("lead", auth.Approver)
			events := e.auditCount(t)
			d := e.submitted(t)
			if got := e.auditCount(t) - events; got != 3 {
				t.Fatalf("create, edit, submit wrote %d audit events, want 3", got)
			}
			if d.Status != approval.StatusSubmitted || d.Revision != 2 || d.Impact == nil || d.Impact.Available {
				t.Fatalf("submitted draft = %+v", d)
			}
			// Frozen: no edit after submission.
			if _, err := e.lc.EditDraft(anna, d.ID, d.Revision, rulesOf(&d.Set)); !errors.Is(err, apperr.ErrConflict) {
				t.Fatalf("edit of a submitted draft: %v, want ErrConflict", err)
			}
			// Self-approval refused in code...
			if _, _, err := e.lc.ApproveDraft(anna, d.ID, ""); !errors.Is(err, apperr.ErrForbidden) {
				t.Fatalf("self-approval: %v, want ErrForbidden", err)
			}
			// ...and by the database.
			if _, err := e.raw.Exec("UPDATE threshold_drafts SET status = 'REJECTED', reviewer = author, review_comment = 'x' WHERE id = $1", d.ID); err == nil {
				t.Fatal("the database accepted a review by the author")
			}
			if _, err := e.lc.RejectDraft(lead, d.ID, "  "); !errors.Is(err, apperr.ErrInvalid) {
				t.Fatalf("reject without comment: %v, want ErrInvalid", err)
			}

			// Concurrent approvals: exactly one wins.
			const n = 4
			var wg sync.WaitGroup
			errs := make([]error, n)
			for i := range n {
				wg.Go(func() { _, _, errs[i] = e.lc.ApproveDraft(as("lead"+string(rune('a'+i)), auth.Approver), d.ID, "") })
			}
			wg.Wait()
			wins := 0
			for _, err := range errs {
				switch {
				case err == nil:
					wins++
				case !errors.Is(err, apperr.ErrConflict):
					t.Fatalf("losing approval: %v, want ErrConflict", err)
				}
			}
			if wins != 1 {
				t.Fatalf("%d approvals won, want 1 (%v)", wins, errs)
			}
			d, err := e.lc.Draft(anna, d.ID)
			if err != nil || d.Status != approval.StatusApproved || d.PublishedVersionID == 0 {
				t.Fatalf("approved draft = %+v, %v", d, err)
			}
			v2 := d.PublishedVersionID
			if st := e.svc.Status("US", v2, e.clock); st != thresholds.VersionApproved {
				t.Fatalf("status before activation = %s", st)
			}

			// A scheduled activation an hour ahead takes effect on time.
			at := e.clock.Add(time.Hour)
			if _, err := e.lc.Activate(lead, v2, &at); err != nil {
				t.Fatal(err)
			}
			if _, err := e.lc.Activate(lead, v2, &at); !errors.Is(err, apperr.ErrConflict) {
				t.Fatalf("a second activation at the same instant: %v, want ErrConflict", err)
			}
			past := e.clock.Add(-time.Hour)
			if _, err := e.lc.Activate(lead, v2, &past); !errors.Is(err, apperr.ErrInvalid) {
				t.Fatalf("activation in the past: %v, want ErrInvalid", err)
			}
			if v, _ := e.svc.Active("US", e.clock); v.ID != e.v1 {
				t.Fatalf("before the scheduled time: active %d, want %d", v.ID, e.v1)
			}
			if st := e.svc.Status("US", v2, e.clock); st != thresholds.VersionScheduled {
				t.Fatalf("status before its time = %s, want SCHEDULED", st)
			}
			if v, _ := e.svc.Active("US", at); v.ID != v2 || v.Set.Rules[engine.BureauScore].Cutoff != 640 {
				t.Fatalf("at the scheduled time: active %+v, want %d", v, v2)
			}
			e.clock = at
			if a, b := e.svc.Status("US", v2, at), e.svc.Status("US", e.v1, at); a != thresholds.VersionActive || b != thresholds.VersionSuperseded {
				t.Fatalf("statuses after the switch: v2 %s, v1 %s", a, b)
			}
			// Emergency rollback to v1, at once, flagged.
			before := e.auditCount(t)
			e.clock = at.Add(time.Minute)
			a, _, err := e.lc.Rollback(lead, "US", e.v1, true)
			if err != nil || !a.Emergency {
				t.Fatalf("emergency rollback: %+v, %v", a, err)
			}
			if v, _ := e.svc.Active("US", e.clock); v.ID != e.v1 {
				t.Fatalf("after rollback: active %d, want %d", v.ID, e.v1)
			}
			if got := e.auditCount(t) - before; got != 1 {
				t.Fatalf("rollback wrote %d audit events, want 1", got)
			}
			// A second service on the same database sees it after Refresh.
			other := thresholds.NewService(e.st)
			if err := other.Refresh(context.Background()); err != nil {
				t.Fatal(err)
			}
			if v, _ := other.Active("US", e.clock); v.ID != e.v1 {
				t.Fatalf("second instance: active %d, want %d", v.ID, e.v1)
			}
			// v2 is superseded now: it may be restored in an emergency, but not the active v1, and
			// a version never in force only through a draft.
			if _, _, err := e.lc.Rollback(lead, "US", e.v1, true); !errors.Is(err, apperr.ErrInvalid) {
				t.Fatalf("rollback to the active version: %v, want ErrInvalid", err)
			}
			never := e.submitted(t)
			if never, _, err = e.lc.ApproveDraft(lead, never.ID, "ok"); err != nil {
				t.Fatal(err)
			}
			if _, _, err := e.lc.Rollback(lead, "US", never.PublishedVersionID, true); !errors.Is(err, apperr.ErrInvalid) {
				t.Fatalf("emergency rollback to a version never in force: %v, want ErrInvalid", err)
			}
			_, copyOf, err := e.lc.Rollback(lead, "US", v2, false)
			if err != nil || copyOf.Status != approval.StatusDraft || copyOf.BaseVersionID != v2 {
				t.Fatalf("rollback draft: %+v, %v", copyOf, err)
			}

			diff, err := e.lc.Diff(anna, thresholds.SetRef{VersionID: e.v1}, thresholds.SetRef{DraftID: copyOf.ID})
			if err != nil || len(diff) != 1 || diff[0].Measure != engine.BureauScore || diff[0].NewCutoff != 640 {
				t.Fatalf("diff = %+v, %v", diff, err)
			}
		})
	}
}

func TestEditConflictAndValidation(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			e := newLifecycleEnv(t, dialect)
			anna := as("anna", auth.Analyst)
			d, err := e.lc.CreateDraft(anna, "US", 0)
			if err != nil {
				t.Fatal(err)
			}
			rules := rulesOf(&d.Set)
			if _, err := e.lc.EditDraft(anna, d.ID, d.Revision, rules); err != nil {
				t.Fatal(err)
			}
			if _, err := e.lc.EditDraft(anna, d.ID, d.Revision, rules); !errors.Is(err, apperr.ErrConflict) {
				t.Fatalf("stale revision: %v, want ErrConflict", err)
			}
			rules[3].Cutoff = -5
			_, err = e.lc.EditDraft(anna, d.ID, d.Revision+1, rules)
			var ve *apperr.ValidationError
			if !errors.As(err, &ve) || ve.Fields[0].Field != "rules[3].cutoff" {
				t.Fatalf("bad cut-off: %v, want a field error on rules[3].cutoff", err)
			}
			if _, err := e.lc.SubmitDraft(anna, d.ID, d.Revision+1, ""); !errors.Is(err, apperr.ErrInvalid) {
				t.Fatalf("submit without rationale: %v, want ErrInvalid", err)
			}
		})
	}
}

func TestDraftPages(t *testing.T) {
	e := newLifecycleEnv(t, "sqlite")
	anna := as("anna", auth.Analyst)
	for range 5 {
		if _, err := e.lc.CreateDraft(anna, "US", 0); err != nil {
			t.Fatal(err)
		}
	}
	var ids []int64
	after := ""
	for {
		p, err := e.lc.DraftsPage(anna, thresholds.DraftFilter{Market: "US", Status: approval.StatusDraft}, 2, after)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range p.Drafts {
			ids = append(ids, d.ID)
		}
		if !p.HasNext {
			break
		}
		after = thresholds.DraftCursor(p.Drafts[len(p.Drafts)-1].ID)
	}
	if len(ids) != 5 || ids[0] < ids[4] {
		t.Fatalf("paged draft ids %v, want 5 newest first", ids)
	}
	if _, err := e.lc.DraftsPage(anna, thresholds.DraftFilter{}, 2, thresholds.VersionCursor(3)); !errors.Is(err, apperr.ErrInvalid) {
		t.Fatalf("a version cursor on drafts: %v, want ErrInvalid", err)
	}
	vp, err := e.lc.VersionsPage(anna, "US", 1, "")
	if err != nil || len(vp.Versions) != 1 || vp.HasNext || vp.Versions[0].ID != e.v1 {
		t.Fatalf("versions page %+v, %v", vp, err)
	}
}
