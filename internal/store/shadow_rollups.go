package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"riskconsole/internal/analytics"
	"riskconsole/internal/decisions"
	"riskconsole/internal/experiments"
	"riskconsole/internal/outcomes"
	"riskconsole/internal/thresholds"
	"riskconsole/models"
)

// The shadow rollup (rollup_shadow_hour, migration 00012) and the reads of a shadow comparison.

// shadowKey is the grain of rollup_shadow_hour.
type shadowKey struct {
	versionID    int64
	hour         int64
	market       string
	arm          string
	liveReason   string
	shadowReason string
}

// shadowUpsertRows bounds the rows of one upsert statement: 7 parameters each stay far below
// SQLite's limit of 32766 per statement.
const shadowUpsertRows = 500

// addShadowRollups adds the automated decisions matching rangeCond that carry shadow results to
// rollup_shadow_hour, inside the aggregator's transaction. The stored results are text, decoded
// here rather than in SQL: the decisions are streamed and summed into a map by the rollup's grain
// (shadow versions × hours × arms × reason pairs, small whatever the number of decisions), and
// the sums are then added with an upsert.
func (s *Store) addShadowRollups(rangeCond string, bounds []any) error {
	sums := map[shadowKey]int64{}
	rows, err := s.db.Raw("SELECT "+s.hourExpr()+", market, arm, "+s.dimensionExpr(analytics.Reason)+", shadow_results FROM decisions WHERE "+
		automatedOnly+" AND shadow_results <> '' AND "+rangeCond, bounds...).Rows()
	if err != nil {
		return fmt.Errorf("read decisions' shadow results: %w", err)
	}
	err = func() error {
		defer rows.Close()
		var k shadowKey
		var stored string
		for rows.Next() {
			if err := rows.Scan(&k.hour, &k.market, &k.arm, &k.liveReason, &stored); err != nil {
				return err
			}
			if err := sumShadowResults(sums, k, stored); err != nil {
				return err
			}
		}
		return rows.Err()
	}()
	if err != nil {
		return fmt.Errorf("read decisions' shadow results: %w", err)
	}
	return s.upsertShadowRollups(sums)
}

// sumShadowResults adds one decision, whose grain without the shadow's side is k, to sums once
// per shadow in its stored results.
func sumShadowResults(sums map[shadowKey]int64, k shadowKey, stored string) error {
	rs, err := decisions.DecodeShadowResults(stored)
	if err != nil {
		return err
	}
	for i := range rs {
		k.versionID, k.shadowReason = rs[i].VersionID, rs[i].PrincipalReason().String()
		sums[k]++
	}
	return nil
}

// upsertShadowRollups adds sums to rollup_shadow_hour, a bounded number of rows per statement.
func (s *Store) upsertShadowRollups(sums map[shadowKey]int64) error {
	const head = "INSERT INTO rollup_shadow_hour (version_id, hour, market, arm, live_reason, shadow_reason, assessed) VALUES "
	const tail = " ON CONFLICT (version_id, hour, arm, live_reason, shadow_reason) DO UPDATE SET assessed = rollup_shadow_hour.assessed + excluded.assessed"
	values := make([]string, 0, min(len(sums), shadowUpsertRows))
	args := make([]any, 0, 7*cap(values))
	flush := func() error {
		if len(values) == 0 {
			return nil
		}
		err := s.db.Exec(head+strings.Join(values, ", ")+tail, args...).Error
		values, args = values[:0], args[:0]
		if err != nil {
			return fmt.Errorf("add to rollup_shadow_hour: %w", err)
		}
		return nil
	}
	for k, n := range sums {
		values = append(values, "(?, ?, ?, ?, ?, ?, ?)")
		args = append(args, k.versionID, k.hour, k.market, k.arm, k.liveReason, k.shadowReason, n)
		if len(values) == shadowUpsertRows {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// ShadowRollup calls each for every row of rollup_shadow_hour of q's version in the UTC hours
// [from, to), of q's arm when set.
func (s *Store) ShadowRollup(ctx context.Context, q experiments.RunQuery, from, to int64, each func(experiments.ShadowRow) error) error {
	db := s.db.WithContext(ctx).Model(&models.RollupShadowHour{}).
		Select("hour, arm, live_reason, shadow_reason, assessed").
		Where("version_id = ? AND hour >= ? AND hour < ?", q.VersionID, from, to)
	if q.Arm != thresholds.ArmNone {
		db = db.Where("arm = ?", string(q.Arm))
	}
	rows, err := db.Rows()
	if err != nil {
		return fmt.Errorf("read rollup_shadow_hour: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r experiments.ShadowRow
		var arm string
		if err := rows.Scan(&r.Hour, &arm, &r.LiveReason, &r.ShadowReason, &r.Assessed); err != nil {
			return fmt.Errorf("read rollup_shadow_hour: %w", err)
		}
		r.Arm = thresholds.Arm(arm)
		if err := each(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read rollup_shadow_hour: %w", err)
	}
	return nil
}

// shadowApprovedPattern and shadowEvaluatedPattern are LIKE patterns over the stored shadow
// results (decisions.EncodeShadowResults): the version approved, and the version ran at all.
func shadowApprovedPattern(versionID int64) string {
	return "%;" + strconv.FormatInt(versionID, 10) + ":0;%"
}

func shadowEvaluatedPattern(versionID int64) string {
	return "%;" + strconv.FormatInt(versionID, 10) + ":%"
}

// runDecisions narrows the automated decisions to q's, through the (market, created_at) index.
func (s *Store) runDecisions(ctx context.Context, q experiments.RunQuery) *gorm.DB {
	db := s.db.WithContext(ctx).Model(&models.Decision{}).
		Where("market = ? AND created_at >= ? AND created_at < ? AND "+automatedOnly, q.Market, q.From.UTC(), q.To.UTC()).
		Where("shadow_results LIKE ?", shadowEvaluatedPattern(q.VersionID))
	if q.Arm != thresholds.ArmNone {
		db = db.Where("arm = ?", string(q.Arm))
	}
	return db
}

// ShadowCellDecisions returns the newest automated decisions of q in the cell, at most limit,
// newest first. Outcomes are literals so that PostgreSQL can use the partial index on declines.
func (s *Store) ShadowCellDecisions(ctx context.Context, q experiments.RunQuery, cell experiments.Agreement, limit int) ([]decisions.Decision, error) {
	db := s.runDecisions(ctx, q)
	if cell.LiveApproved() {
		db = db.Where("outcome = 'APPROVED'")
	} else {
		db = db.Where("outcome = 'DECLINED'")
	}
	if cell.ShadowApproved() {
		db = db.Where("shadow_results LIKE ?", shadowApprovedPattern(q.VersionID))
	} else {
		db = db.Where("shadow_results NOT LIKE ?", shadowApprovedPattern(q.VersionID))
	}
	rows, err := scanDecisions(db.Select(decisionColumns).Order("created_at DESC, id DESC").Limit(limit))
	if err != nil {
		return nil, fmt.Errorf("list decisions of %s: %w", cell, err)
	}
	out := make([]decisions.Decision, len(rows))
	for i := range rows {
		if out[i], err = decisionFromRow(&rows[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ShadowApprovalOutcomes calls fn for every automated approval of q made before decidedBefore,
// with whether the shadow approved it too and its outcome events in time order. One statement
// reads the approvals with their events (a left join, in decision and event order), one decision
// at a time.
func (s *Store) ShadowApprovalOutcomes(ctx context.Context, q experiments.RunQuery, decidedBefore time.Time,
	fn func(decidedAt time.Time, shadowApproved bool, events []outcomes.Event) error) error {
	if decidedBefore.Before(q.To) {
		q.To = decidedBefore
	}
	if !q.From.Before(q.To) {
		return nil
	}
	approvals := s.runDecisions(ctx, q).Where("outcome = 'APPROVED'").
		Select("id, created_at, CASE WHEN shadow_results LIKE ? THEN 1 ELSE 0 END AS shadow_approved", shadowApprovedPattern(q.VersionID))
	rows, err := s.db.WithContext(ctx).Raw("SELECT a.id, a.created_at, a.shadow_approved, e.observed_at, e.status FROM (?) a "+
		"LEFT JOIN outcome_events e ON e.decision_id = a.id AND e.decision_created_at = a.created_at ORDER BY a.id, e.observed_at, e.event_id", approvals).Rows()
	if err != nil {
		return fmt.Errorf("read the outcomes of a shadow run's approvals: %w", err)
	}
	defer rows.Close()
	var (
		cur, id          string
		at, curAt, obs   dbTime
		approved, curApp int
		status           *string
		events           []outcomes.Event
	)
	flush := func() error {
		if cur == "" {
			return nil
		}
		err := fn(curAt.t, curApp == 1, events)
		events = events[:0]
		return err
	}
	for rows.Next() {
		if err := rows.Scan(&id, &at, &approved, &obs, &status); err != nil {
			return fmt.Errorf("read the outcomes of a shadow run's approvals: %w", err)
		}
		if id != cur {
			if err := flush(); err != nil {
				return err
			}
			cur, curAt, curApp = id, at, approved
		}
		if status != nil {
			st, ok := outcomes.ParseStatus(*status)
			if !ok {
				return fmt.Errorf("decision %s: stored outcome status %q", id, *status)
			}
			events = append(events, outcomes.Event{ObservedAt: obs.t, Status: st})
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read the outcomes of a shadow run's approvals: %w", err)
	}
	return flush()
}
