package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"riskconsole/internal/apperr"
	"riskconsole/internal/erasure"
	"riskconsole/models"
)

// Erasure of a shopper (issue 18): the reads run on the console's store, the writes on the
// retention store (ErasureTx), whose role alone may run erase_shopper_decisions on PostgreSQL.

// LinkedDecisions returns the decisions of shopperID, oldest first, each with the seal it will
// carry once unlinked: the store's seal of the row with shopper id and request hash emptied (a
// decision stored before the console had a key, unsealed, stays so). One probe of
// decisions_shopper_time per month partition.
func (s *Store) LinkedDecisions(ctx context.Context, shopperID string) ([]erasure.Linked, error) {
	rows, err := scanDecisions(s.db.WithContext(ctx).Table("decisions").Select(decisionColumns).
		Where("shopper_id = ?", shopperID).Order("created_at, id"))
	if err != nil {
		return nil, fmt.Errorf("read the shopper's decisions: %w", err)
	}
	out := make([]erasure.Linked, len(rows))
	for i := range rows {
		r := &rows[i]
		out[i] = erasure.Linked{ID: r.ID, Market: r.Market, CreatedAt: r.CreatedAt.UTC()}
		if r.Seal == "" || s.key == nil {
			continue
		}
		r.ShopperID, r.RequestHash = "", ""
		vals, err := decisionValues(r, false)
		if err != nil {
			return nil, err
		}
		out[i].ErasedSeal = s.key.ID() + ":" + s.key.Seal(decisionContent(sealedValues(vals), true))
	}
	return out, nil
}

// ErasureRequest returns erasure request id.
func (s *Store) ErasureRequest(ctx context.Context, id int64) (erasure.Request, error) {
	var row models.ErasureRequest
	if err := s.db.WithContext(ctx).Take(&row, id).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return erasure.Request{}, fmt.Errorf("erasure request %d: %w", id, apperr.ErrNotFound)
		}
		return erasure.Request{}, fmt.Errorf("read erasure request: %w", err)
	}
	return erasureRequestOf(&row)
}

// ErasureRequests returns up to limit requests, newest first, with ids below beforeID (0: from
// the newest), of state ("": any).
func (s *Store) ErasureRequests(ctx context.Context, state erasure.State, beforeID int64, limit int) ([]erasure.Request, error) {
	q := s.db.WithContext(ctx).Model(&models.ErasureRequest{})
	if state != "" {
		q = q.Where("state = ?", string(state))
	}
	return findAll(newestBefore(q, beforeID, limit), "erasure requests", erasureRequestOf)
}

// waitingStates is the condition of the waiting requests, as the partial indexes of migration 16
// state it.
const waitingStates = "state IN ('SCHEDULED', 'HELD')"

// WaitingErasures returns up to limit waiting requests with ids above afterID, by id: every HELD
// one and the SCHEDULED ones due by now.
func (s *Store) WaitingErasures(ctx context.Context, now time.Time, afterID int64, limit int) ([]erasure.Request, error) {
	q := s.db.WithContext(ctx).Model(&models.ErasureRequest{}).
		Where(waitingStates+" AND (state = 'HELD' OR due_at <= ?) AND id > ?", now, afterID).Order("id").Limit(limit)
	return findAll(q, "waiting erasure requests", erasureRequestOf)
}

func erasureRequestOf(r *models.ErasureRequest) (erasure.Request, error) {
	out := erasure.Request{ID: r.ID, ShopperRef: r.ShopperRef, Reference: r.Reference, RequestedBy: r.RequestedBy,
		RequestedAt: r.RequestedAt.UTC(), State: erasure.State(r.State), DueAt: utcPtr(r.DueAt), ErasedNow: r.ErasedNow,
		ErasedLater: r.ErasedLater, DoneAt: utcPtr(r.DoneAt)}
	if r.ShopperID != nil {
		out.ShopperID = *r.ShopperID
	}
	return out, nil
}

func erasureRequestRow(r *erasure.Request) models.ErasureRequest {
	row := models.ErasureRequest{ID: r.ID, ShopperRef: r.ShopperRef, Reference: r.Reference, RequestedBy: r.RequestedBy,
		RequestedAt: r.RequestedAt, State: string(r.State), DueAt: r.DueAt, ErasedNow: r.ErasedNow, ErasedLater: r.ErasedLater,
		DoneAt: r.DoneAt}
	if r.State.Waiting() {
		row.ShopperID = &r.ShopperID
	}
	return row
}

// ErasureTx runs fn in one transaction of this store, which must be the retention store.
func (s *Store) ErasureTx(ctx context.Context, fn func(tx erasure.Tx) error) error {
	return s.InTx(ctx, func(tx *Store) error { return fn(erasureTx{tx}) })
}

// erasureTx is a transaction of the retention path over erasure requests and decisions.
type erasureTx struct{ *Store }

// WaitingErasure returns the waiting request of shopperRef, ErrNotFound when none waits.
func (tx erasureTx) WaitingErasure(ctx context.Context, shopperRef string) (erasure.Request, error) {
	q := tx.db.WithContext(ctx).Model(&models.ErasureRequest{}).Where(waitingStates+" AND shopper_ref = ?", shopperRef).Limit(1)
	list, err := findAll(q, "waiting erasure request", erasureRequestOf)
	if err != nil {
		return erasure.Request{}, err
	}
	if len(list) == 0 {
		return erasure.Request{}, fmt.Errorf("waiting erasure request: %w", apperr.ErrNotFound)
	}
	return list[0], nil
}

// CreateErasureRequest records r and fills r.ID.
func (tx erasureTx) CreateErasureRequest(ctx context.Context, r *erasure.Request) error {
	row := erasureRequestRow(r)
	if err := tx.db.WithContext(ctx).Create(&row).Error; err != nil {
		if isUniqueViolation(err, "erasure_requests_waiting") || isUniqueViolation(err, "shopper_ref") {
			return fmt.Errorf("a request of this shopper is waiting already: %w", apperr.ErrConflict)
		}
		return fmt.Errorf("record erasure request: %w", err)
	}
	r.ID = row.ID
	return nil
}

// UpdateErasureRequest records a waiting request's progress; one no longer waiting is an
// ErrConflict.
func (tx erasureTx) UpdateErasureRequest(ctx context.Context, r *erasure.Request) error {
	row := erasureRequestRow(r)
	res := tx.db.WithContext(ctx).Model(&models.ErasureRequest{}).Where("id = ? AND "+waitingStates, r.ID).
		Updates(map[string]any{"state": row.State, "due_at": row.DueAt, "erased_later": row.ErasedLater, "done_at": row.DoneAt,
			"shopper_id": row.ShopperID})
	if res.Error != nil {
		return fmt.Errorf("update erasure request %d: %w", r.ID, res.Error)
	}
	if res.RowsAffected != 1 {
		return fmt.Errorf("erasure request %d is no longer waiting: %w", r.ID, apperr.ErrConflict)
	}
	return nil
}

// UnlinkDecisions unlinks the decisions ds of shopperID, each given its ErasedSeal, and returns
// how many it changed; a decision that is not the shopper's (or not before now) changes nothing
// and fails. On PostgreSQL through erase_shopper_decisions (the retention role's); on SQLite
// under an erasure permit, removed before the commit.
func (tx erasureTx) UnlinkDecisions(ctx context.Context, shopperID string, ds []erasure.Linked) (int64, error) {
	if len(ds) == 0 {
		return 0, nil
	}
	ids, seals := make([]string, len(ds)), make([]string, len(ds))
	var last time.Time
	for i, d := range ds {
		ids[i], seals[i] = d.ID, d.ErasedSeal
		if d.CreatedAt.After(last) {
			last = d.CreatedAt
		}
	}
	before := last.Add(time.Microsecond)
	db := tx.db.WithContext(ctx)
	if tx.dialect == Postgres {
		var n int64
		err := scanRow(db.Raw("SELECT erase_shopper_decisions(?, ?, CAST(? AS uuid[]), CAST(? AS text[]))", shopperID, before,
			pgArray(ids), pgArray(seals)), &n)
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == "22023" {
			// Another erasure of the shopper unlinked some of them first.
			return 0, fmt.Errorf("the shopper's decisions changed while they were unlinked: ask again: %w", apperr.ErrConflict)
		}
		if err != nil {
			return 0, fmt.Errorf("unlink the shopper's decisions: %w", markError(err))
		}
		return n, nil
	}
	if err := db.Create(&models.ErasurePermit{ShopperID: shopperID}).Error; err != nil {
		return 0, fmt.Errorf("erasure permit: %w", err)
	}
	var n int64
	for i, id := range ids {
		res := db.Exec("UPDATE decisions SET shopper_id = '', request_hash = '', seal = ? WHERE id = ? AND shopper_id = ? AND created_at < ?",
			seals[i], id, shopperID, before)
		if res.Error != nil {
			return 0, fmt.Errorf("unlink decision %s: %w", id, res.Error)
		}
		n += res.RowsAffected
	}
	if err := db.Exec("DELETE FROM erasure_permits").Error; err != nil {
		return 0, fmt.Errorf("erasure permit: %w", err)
	}
	if n != int64(len(ids)) {
		return 0, fmt.Errorf("%d of the %d decisions named are the shopper's: %w", n, len(ids), apperr.ErrConflict)
	}
	return n, nil
}

// pgArray returns vals as a PostgreSQL array literal, each quoted: gorm would expand a slice
// argument into a list. The values are ids and seals (hex digits, letters, '-' and ':').
func pgArray(vals []string) string {
	return `{"` + strings.Join(vals, `","`) + `"}`
}
