package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"

	"riskconsole/internal/auditlog"
	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
	"riskconsole/internal/decisions"
	"riskconsole/internal/thresholds"
	"riskconsole/models"
)

// ReferenceData is what a fresh database needs before it can decide anything.
type ReferenceData struct {
	Catalog       *catalog.Catalog
	CatalogAuthor string
	// Versions are written in order; each is activated at its ActivatedAt by its approver.
	Versions []SeedVersion
	Tokens   []SeedToken
}

// SeedVersion is a threshold version with its activation time.
type SeedVersion struct {
	thresholds.Version
	ActivatedAt time.Time
}

// SeedToken is an API token to create, given the hash of its secret, belonging to Owner.
type SeedToken struct {
	Name  string
	Hash  string
	Roles []auth.Role
	Owner auth.Person
}

// HasReferenceData reports whether the database has been seeded with reference data.
func (s *Store) HasReferenceData(ctx context.Context) (bool, error) {
	var n int64
	if err := s.db.WithContext(ctx).Model(&models.CatalogVersion{}).Count(&n).Error; err != nil {
		return false, fmt.Errorf("count catalog versions: %w", err)
	}
	return n > 0, nil
}

// CountDecisions returns the number of stored decisions.
func (s *Store) CountDecisions(ctx context.Context) (int64, error) {
	var n int64
	if err := s.db.WithContext(ctx).Model(&models.Decision{}).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count decisions: %w", err)
	}
	return n, nil
}

// SeedReference writes ref in one transaction and returns the ids given to the catalog version
// and to each threshold version, in order.
func (s *Store) SeedReference(ctx context.Context, ref *ReferenceData) (int64, []int64, error) {
	var (
		catalogID  int64
		versionIDs []int64
	)
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		cv := models.CatalogVersion{Version: 1, Author: ref.CatalogAuthor, PublishedAt: now()}
		if err := tx.Create(&cv).Error; err != nil {
			return fmt.Errorf("create catalog version: %w", err)
		}
		catalogID = cv.ID
		codes, msgs := catalogRows(ref.Catalog, cv.ID)
		if err := tx.Create(&codes).Error; err != nil {
			return fmt.Errorf("create reason codes: %w", err)
		}
		if err := tx.CreateInBatches(&msgs, 100).Error; err != nil {
			return fmt.Errorf("create catalog messages: %w", err)
		}
		if frames := frameRows(ref.Catalog.Frames, cv.ID); len(frames) > 0 {
			if err := tx.CreateInBatches(&frames, 100).Error; err != nil {
				return fmt.Errorf("create catalog frames: %w", err)
			}
		}
		for _, v := range ref.Versions {
			row := models.ThresholdVersion{Market: v.Market, Version: v.Version.Version, Rules: thresholds.EncodeRules(&v.Set),
				Author: v.Author, Approver: v.Approver, Rationale: v.Rationale, CreatedAt: v.CreatedAt.UTC()}
			if err := tx.Create(&row).Error; err != nil {
				return fmt.Errorf("create threshold version %s/%d: %w", v.Market, v.Version.Version, err)
			}
			act := models.ThresholdActivation{Market: v.Market, ThresholdVersionID: row.ID,
				ActivatedAt: v.ActivatedAt.UTC(), ActivatedBy: v.Approver, CreatedAt: v.ActivatedAt.UTC()}
			if err := tx.Create(&act).Error; err != nil {
				return fmt.Errorf("activate threshold version %s/%d: %w", v.Market, v.Version.Version, err)
			}
			versionIDs = append(versionIDs, row.ID)
		}
		for _, t := range ref.Tokens {
			row, err := tokenRow(auth.Token{Name: t.Name, Roles: t.Roles, CreatedAt: now(), Owner: t.Owner}, t.Hash)
			if err != nil {
				return err
			}
			if err := tx.Create(&row).Error; err != nil {
				return fmt.Errorf("create token %s: %w", t.Name, err)
			}
		}
		return nil
	})
	return catalogID, versionIDs, err
}

// BulkInsertDecisions writes many decisions at once, for seeding: COPY on PostgreSQL, batched
// multi-row INSERTs in one transaction on SQLite. Either all rows are written or none.
func (s *Store) BulkInsertDecisions(ctx context.Context, recs []decisions.Record) error {
	rows := make([]models.Decision, len(recs))
	for i := range recs {
		if err := checkIDTime(&recs[i]); err != nil {
			return err
		}
		rows[i] = decisionRow(&recs[i])
		vals, err := decisionValues(&rows[i], false)
		if err != nil {
			return err
		}
		s.sealValues(vals)
		rows[i].Seal = vals[len(vals)-1].(string)
	}
	err := s.bulkInsert(ctx, rows)
	if err != nil && isUniqueViolation(err, "reference") {
		return decisions.ErrReferenceTaken
	}
	return err
}

func (s *Store) bulkInsert(ctx context.Context, rows []models.Decision) error {
	if s.dialect != Postgres {
		return s.bulkInsertSQLite(ctx, rows)
	}
	for i := range rows {
		if err := s.ensureMonth(ctx, auditlog.MonthStart(rows[i].CreatedAt)); err != nil {
			return err
		}
	}
	conn, err := s.sqlDB.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		// The decisions and their keys (decision_keys), in one transaction.
		return pgx.BeginFunc(ctx, dc.(*stdlib.Conn).Conn(), func(tx pgx.Tx) error {
			i := 0
			_, err := tx.CopyFrom(ctx, pgx.Identifier{"decisions"}, decisionColumns, pgx.CopyFromFunc(func() ([]any, error) {
				if i == len(rows) {
					return nil, nil
				}
				i++
				return decisionValues(&rows[i-1], true)
			}))
			if err != nil {
				return err
			}
			i = 0
			_, err = tx.CopyFrom(ctx, pgx.Identifier{"decision_keys"}, []string{"decision_id", "idempotency_key", "reference", "created_at"},
				pgx.CopyFromFunc(func() ([]any, error) {
					if i == len(rows) {
						return nil, nil
					}
					i++
					r := &rows[i-1]
					u, err := uuid.Parse(r.ID)
					if err != nil {
						return nil, err
					}
					return []any{[16]byte(u), r.IdempotencyKey, r.Reference, r.CreatedAt}, nil
				}))
			return err
		})
	})
}

// bulkInsertSQLite runs one prepared single-row INSERT per decision inside one transaction. The
// pure-Go driver binds parameters in time quadratic in their number, so multi-row INSERTs are
// slower than this.
func (s *Store) bulkInsertSQLite(ctx context.Context, rows []models.Decision) error {
	tx, err := s.sqlDB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO decisions ("+decisionColumnList+
		") VALUES (?"+strings.Repeat(", ?", len(decisionColumns)-1)+")")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i := range rows {
		vals, err := decisionValues(&rows[i], false)
		if err != nil {
			return err
		}
		if _, err := stmt.ExecContext(ctx, vals...); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// AnalyzeDecisions refreshes PostgreSQL's planner statistics of the decisions table, after a bulk
// load. It samples every monthly partition, which takes longer than a request may on a busy
// machine, so it runs under the long statement timeout of an aggregator pass. SQLite plans well
// enough without statistics and is left alone.
func (s *Store) AnalyzeDecisions(ctx context.Context) error {
	if s.dialect != Postgres {
		return nil
	}
	err := s.InTx(ctx, func(tx *Store) error {
		if err := tx.longStatements(); err != nil {
			return err
		}
		return tx.db.Exec("ANALYZE decisions").Error
	})
	if err != nil {
		return fmt.Errorf("analyze decisions: %w", err)
	}
	return nil
}
