package store

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"riskconsole/internal/apperr"
	"riskconsole/internal/auditlog"
	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
	"riskconsole/internal/thresholds"
	"riskconsole/models"
)

// InsertDecision writes rec unless a decision with the same idempotency key exists. It returns
// the stored decision, whether this call created it, and the stored request hash. A taken
// reference is reported as decisions.ErrReferenceTaken so the caller can draw another.
//
// On PostgreSQL, outside a transaction, the row goes through group commit (groupcommit.go): it
// is written in one statement with the assessments waiting beside it, and answered as alone.
func (s *Store) InsertDecision(ctx context.Context, rec *decisions.Record) (decisions.Decision, bool, string, error) {
	s = s.forAssessments()
	rec.Kind = cmp.Or(rec.Kind, decisions.KindAutomated)
	if err := checkIDTime(rec); err != nil {
		return decisions.Decision{}, false, "", err
	}
	row := decisionRow(rec)
	args, err := decisionValues(&row, false)
	if err != nil {
		return decisions.Decision{}, false, "", fmt.Errorf("insert decision: %w", err)
	}
	s.sealValues(args)
	if s.commits != nil && !s.inTx {
		return s.commits.insert(ctx, rec, args)
	}
	return s.insertDecision(ctx, rec, args)
}

// insertDecision writes rec, whose row's decisionValues are args, by itself.
//
// It runs one prepared statement (insertDecisionSQL, insertDecisionKeyedSQL on PostgreSQL) with
// gorm's Exec (execNumbered on PostgreSQL, its equivalent), so that the store's callbacks
// (statement counter, timeout errors) and transactions apply as before, rather than Create,
// which reflects over the model and builds the statement's clauses on every call (about 7 kB and
// 24 allocations more per assessment).
func (s *Store) insertDecision(ctx context.Context, rec *decisions.Record, args []any) (decisions.Decision, bool, string, error) {
	var res *gorm.DB
	err := s.retryMissingPartition(ctx, rec.CreatedAt, func() error {
		if s.dialect == Postgres {
			res = execNumbered(ctx, s.db, insertDecisionKeyedSQL, keyedArgs(args))
		} else {
			res = s.db.WithContext(ctx).Exec(insertDecisionSQL, args...)
		}
		return res.Error
	})
	if err != nil {
		if isUniqueViolation(err, "reference") {
			return decisions.Decision{}, false, "", decisions.ErrReferenceTaken
		}
		return decisions.Decision{}, false, "", fmt.Errorf("insert decision: %w", err)
	}
	if res.RowsAffected == 1 {
		return rec.Decision, true, rec.RequestHash, nil
	}
	existing, err := s.takeDecisionRow(ctx, "idempotency_key", rec.IdempotencyKey)
	if errors.Is(err, apperr.ErrNotFound) {
		d, hash, err := storedUnderKey(nil, false)
		return d, false, hash, err
	}
	if err != nil {
		return decisions.Decision{}, false, "", fmt.Errorf("read decision by idempotency key: %w", err)
	}
	d, hash, err := storedUnderKey(&existing, true)
	return d, false, hash, err
}

// storedUnderKey answers an insert whose idempotency key was taken: the decision stored under it
// (row, when found) and its request hash.
func storedUnderKey(row *models.Decision, found bool) (decisions.Decision, string, error) {
	if !found {
		// The key's decision was purged (its key is removed after its month): a replay of a key
		// that old is not the same purchase.
		return decisions.Decision{}, "", fmt.Errorf("idempotency key of a purged decision: %w", apperr.ErrConflict)
	}
	d, err := decisionFromRow(row)
	return d, row.RequestHash, err
}

// insertDecisionSQL writes every column of decisionColumns, or nothing when the idempotency key
// exists (SQLite, whose decisions table holds the unique keys). gorm turns the ? into the
// dialect's placeholders.
var insertDecisionSQL = "INSERT INTO decisions (" + decisionColumnList + ") VALUES (?" +
	strings.Repeat(", ?", len(decisionColumns)-1) + ") ON CONFLICT (idempotency_key) DO NOTHING"

// insertDecisionKeyedSQL is insertDecisionSQL on PostgreSQL, where a unique constraint of the
// partitioned decisions must hold created_at: the keys go into decision_keys, and the decision
// only when they did, in one statement, so that the 1,000 callers of one key wait on its unique
// index as they did on decisions'. A taken reference fails the statement as before. Its
// placeholders are PostgreSQL's own, numbered: it runs through execNumbered.
var insertDecisionKeyedSQL = numberPlaceholders("WITH k AS (INSERT INTO decision_keys (decision_id, idempotency_key, reference, created_at) " +
	"VALUES (?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING RETURNING 1) " +
	"INSERT INTO decisions (" + decisionColumnList + ") SELECT ?" +
	strings.Repeat(", ?", len(decisionColumns)-1) + " FROM k")

// numberPlaceholders returns sql with its ? written as PostgreSQL's $1, $2, …, as gorm writes
// them for arguments that are single values (not slices, which it would spread into lists).
func numberPlaceholders(sql string) string {
	var b strings.Builder
	n := 0
	for _, c := range []byte(sql) {
		if c == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// execNumbered is db.Exec(sql, args...) on ctx for a statement whose placeholders are already
// PostgreSQL's (numberPlaceholders): gorm's raw-statement callbacks run as for Exec (the store's
// statement counter and error marks, the logger), but gorm does not render the statement again
// from its ? on every call, which cost an allocation per argument and the statement's text grown
// byte by byte: about 55 allocations and 6 kB per assessment, whose row has 53 arguments
// (BENCHMARKS.md, "Issue 19 — checkout: the console's CPU per assessment").
func execNumbered(ctx context.Context, db *gorm.DB, sql string, args []any) *gorm.DB {
	tx := numbered(ctx, db, sql, args)
	return tx.Callback().Raw().Execute(tx)
}

// numbered returns a session of db on ctx holding the statement sql, whose placeholders are
// PostgreSQL's, with args: what db.Raw(sql, args...) holds after rendering a statement written
// with ?, ready for Rows or, through execNumbered, for gorm's raw callbacks.
func numbered(ctx context.Context, db *gorm.DB, sql string, args []any) *gorm.DB {
	tx := db.Session(&gorm.Session{Context: ctx}) // with a statement of its own
	tx.Statement.SQL.Reset()
	tx.Statement.SQL.WriteString(sql)
	tx.Statement.Vars = args
	return tx
}

// Decision returns the decision with the given id.
func (s *Store) Decision(ctx context.Context, id string) (decisions.Decision, error) {
	rows, err := s.decisionRowsByID(ctx, []string{id})
	if err != nil {
		return decisions.Decision{}, err
	}
	if len(rows) == 0 {
		return decisions.Decision{}, fmt.Errorf("decision: %w", apperr.ErrNotFound)
	}
	return decisionFromRow(&rows[0])
}

// decisionRowsByID reads the decisions of ids that exist: a statement per month of theirs
// (idMonths).
func (s *Store) decisionRowsByID(ctx context.Context, ids []string) ([]models.Decision, error) {
	var out []models.Decision
	for _, m := range idMonths(ids) {
		rows, err := scanDecisions(s.db.WithContext(ctx).Raw("SELECT "+qualifiedDecisionColumns+" FROM decisions d WHERE d.id IN ? AND "+
			inMonth("d.created_at"), append([]any{m.ids}, m.bounds()...)...))
		if err != nil {
			return nil, fmt.Errorf("read decisions: %w", err)
		}
		out = append(out, rows...)
	}
	return out, nil
}

// DecisionByReference returns the decision with the given canonical reference.
func (s *Store) DecisionByReference(ctx context.Context, ref string) (decisions.Decision, error) {
	return s.takeDecision(ctx, "reference", ref)
}

func (s *Store) takeDecision(ctx context.Context, key string, arg any) (decisions.Decision, error) {
	row, err := s.takeDecisionRow(ctx, key, arg)
	if err != nil {
		return decisions.Decision{}, err
	}
	return decisionFromRow(&row)
}

// keyedDecisions selects decisionColumns of the decisions found through decision_keys, whose
// created_at names the one partition to look in: a statement for s.db.Raw, to which the caller
// appends its condition on k.
func (s *Store) keyedDecisions() string {
	return "SELECT " + qualifiedDecisionColumns + " FROM decision_keys k" + s.decisionsOfKeys() + " WHERE "
}

// qualifiedDecisionColumns is decisionColumns of d, comma-separated.
var qualifiedDecisionColumns = strings.Join(qualified("d", decisionColumns), ", ")

// takeDecisionRow reads the decision whose key column of decision_keys (reference or
// idempotency_key) is arg.
func (s *Store) takeDecisionRow(ctx context.Context, key string, arg any) (models.Decision, error) {
	rows, err := scanDecisions(s.db.WithContext(ctx).Raw(s.keyedDecisions()+"k."+key+" = ?", arg))
	if err != nil {
		return models.Decision{}, fmt.Errorf("read decision: %w", err)
	}
	if len(rows) == 0 {
		return models.Decision{}, fmt.Errorf("decision: %w", apperr.ErrNotFound)
	}
	return rows[0], nil
}

// qualified returns cols, each prefixed with alias and a dot.
func qualified(alias string, cols []string) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = alias + "." + c
	}
	return out
}

// MarketsWithDecisions returns those of codes in which at least one decision was made: one
// probe of the (market, created_at) index per code, whatever the number of decisions.
func (s *Store) MarketsWithDecisions(ctx context.Context, codes []string) ([]string, error) {
	var out []string
	for _, code := range codes {
		var ids []string
		err := s.db.WithContext(ctx).Model(&models.Decision{}).Where("market = ?", code).Limit(1).Pluck("id", &ids).Error
		if err != nil {
			return nil, fmt.Errorf("look for decisions in %s: %w", code, err)
		}
		if len(ids) > 0 {
			out = append(out, code)
		}
	}
	return out, nil
}

// Decisions returns one page of decisions matching f, in one statement: the explorer's page and
// the CSV export's, read from the standby when it may (reader).
func (s *Store) Decisions(ctx context.Context, f decisions.Filter, page decisions.PageRequest) (decisions.Page, error) {
	return s.reader(ctx).decisions(ctx, f, page)
}

func (s *Store) decisions(ctx context.Context, f decisions.Filter, page decisions.PageRequest) (decisions.Page, error) {
	var (
		where []string
		args  []any
	)
	add := func(cond string, vals ...any) {
		where, args = append(where, cond), append(args, vals...)
	}
	if !f.From.IsZero() {
		add("created_at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		add("created_at < ?", f.To.UTC())
	}
	if f.Market != "" {
		add("market = ?", f.Market)
	}
	// Outcomes are written as literals so that PostgreSQL can match the partial index on
	// declines even with prepared statements.
	switch {
	case f.Outcome == engine.Declined || f.Reason != engine.NoReason:
		add("outcome = 'DECLINED'")
	case f.Outcome == engine.Approved:
		add("outcome = 'APPROVED'")
	}
	if f.Reason != engine.NoReason {
		add("reason_mask & ? <> 0", reasonBit(f.Reason))
	}
	if f.MerchantID != "" {
		add("merchant_id = ?", f.MerchantID)
	}
	if f.MerchantCategory != "" {
		add("merchant_category = ?", f.MerchantCategory)
	}
	if f.MinAmountMinor != nil {
		add("amount_minor >= ?", *f.MinAmountMinor)
	}
	if f.MaxAmountMinor != nil {
		add("amount_minor <= ?", *f.MaxAmountMinor)
	}
	if f.ThresholdVersionID != 0 {
		add("threshold_version_id = ?", f.ThresholdVersionID)
	}
	if f.Arm != thresholds.ArmNone {
		add("arm = ?", string(f.Arm))
	}
	dir := "DESC"
	cmp := "<"
	if page.Order == decisions.OldestFirst {
		dir, cmp = "ASC", ">"
	}
	if c := page.After; c != nil {
		// The plain bound, implied by the row comparison, lets PostgreSQL skip the monthly
		// partitions past the cursor, which a row comparison does not.
		add("created_at "+cmp+"= ? AND (created_at, id) "+cmp+" (?, ?)", c.CreatedAt.UTC(), c.CreatedAt.UTC(), c.ID)
	}
	// The page's size is a literal: with a LIMIT parameter PostgreSQL never takes the prepared
	// statement's generic plan and plans every page anew, over every monthly partition (about a
	// millisecond of its CPU per page at 21 partitions).
	order := " ORDER BY created_at " + dir + ", id " + dir + " LIMIT " + strconv.Itoa(page.First+1)
	want := decisions.AllParts &^ page.Omit
	cols := &pageColumns[want]
	read := func(extra string, extraArgs ...any) ([]models.Decision, error) {
		conds, vals := where, args
		if extra != "" {
			conds, vals = append(conds[:len(conds):len(conds)], extra), append(vals[:len(vals):len(vals)], extraArgs...)
		}
		stmt := "SELECT " + cols.list + " FROM decisions"
		if len(conds) > 0 {
			stmt += " WHERE " + strings.Join(conds, " AND ")
		}
		return scanColumns(s.db.WithContext(ctx).Raw(stmt+order, vals...), cols.index, page.First+1)
	}
	var (
		rows []models.Decision
		err  error
	)
	if c := page.After; c != nil && s.dialect == Postgres {
		rows, err = s.monthsFrom(c.CreatedAt, page.Order == decisions.OldestFirst, page.First+1, read)
	} else {
		rows, err = read("")
	}
	if err != nil {
		return decisions.Page{}, fmt.Errorf("list decisions: %w", err)
	}
	out := decisions.Page{HasNext: len(rows) > page.First}
	rows = rows[:min(len(rows), page.First)]
	out.Items = make([]decisions.Decision, len(rows))
	for i := range rows {
		if err = readDecision(&rows[i], want, &out.Items[i]); err != nil {
			return decisions.Page{}, err
		}
	}
	return out, nil
}

// cursorMonths is the number of months a page after a cursor reads one by one (monthsFrom)
// before it reads the rest in one statement.
const cursorMonths = 3

// monthsFrom reads up to want rows of a page after a cursor at time at with read, a month at a
// time: the cursor's month first, then the months before it (after it when ascending), at most
// cursorMonths of them, then the rest in one statement. PostgreSQL plans a statement after a
// cursor anew at every execution, over every monthly partition left by the cursor's bound (a
// custom plan pruned by the cursor always looks cheaper than the generic plan): 5–25 ms of
// planning at 19 partitions on this machine, for 0.5 ms of execution. Bounded to one month the
// statement is planned over one partition, in about 0.3 ms. A page of a dense filter is found in
// the cursor's month; a sparse one reads a few months and then the rest, as before.
func (s *Store) monthsFrom(at time.Time, ascending bool, want int, read func(string, ...any) ([]models.Decision, error)) ([]models.Decision, error) {
	step := -1
	if ascending {
		step = 1
	}
	m := idMonth{lo: auditlog.MonthStart(at.UTC())}
	m.hi = m.lo.AddDate(0, 1, 0)
	var out []models.Decision
	for range cursorMonths {
		rows, err := read(inMonth("created_at"), m.bounds()...)
		if err != nil {
			return nil, err
		}
		if out = append(out, rows...); len(out) >= want {
			return out[:want], nil
		}
		m.lo, m.hi = m.lo.AddDate(0, step, 0), m.hi.AddDate(0, step, 0)
	}
	// The rest: before the last month read (after it, ascending).
	rest, bound := "created_at < ?", m.hi
	if ascending {
		rest, bound = "created_at >= ?", m.lo
	}
	rows, err := read(rest, bound)
	if err != nil {
		return nil, err
	}
	out = append(out, rows...)
	return out[:min(len(out), want)], nil
}

func reasonBit(r engine.Reason) int { return 1 << r }

// scanDecisions runs q, which selects decisionColumns, and scans the rows by position. The
// explorer's page is the hottest read; gorm's reflective scan cost it a third of its time.
func scanDecisions(q *gorm.DB) ([]models.Decision, error) { return scanColumns(q, nil, 0) }

// scanColumns runs q, which selects the columns of decisionColumns at index (all of them when
// index is nil), in that order, and scans the rows by position; the columns not selected stay
// zero. size is the number of rows expected, 0 when unknown.
func scanColumns(q *gorm.DB, index []int, size int) ([]models.Decision, error) {
	rows, err := q.Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]models.Decision, 0, size)
	all := make([]any, 0, len(decisionColumns))
	targets := make([]any, len(index))
	for rows.Next() {
		out = append(out, models.Decision{})
		all = decisionTargets(all[:0], &out[len(out)-1])
		if index == nil {
			targets = all
		} else {
			for i, c := range index {
				targets[i] = all[c]
			}
		}
		if err := rows.Scan(targets...); err != nil {
			return nil, err
		}
	}
	return out, rows.Err()
}

// decisionTargets appends the scan targets of r's columns, in decisionColumns order, to dst.
func decisionTargets(dst []any, r *models.Decision) []any {
	dst = append(dst, &r.ID, &r.Reference, &r.IdempotencyKey, &r.RequestHash, &r.CreatedAt,
		&r.Market, &r.Currency, &r.AmountMinor, &r.MerchantID, &r.MerchantName, &r.MerchantCategory,
		&r.ShopperID, &r.ShopperLocale, &r.Channel)
	dst = appendMeasuredTargets(dst, &r.MeasuredValues)
	return append(dst, &r.Outcome, &r.Reasons, &r.ReasonMask, &r.ThresholdVersionID,
		&r.CatalogVersionID, &r.MessageLocale, &r.MessageTitle, &r.MessageBody, &r.MessageSteps,
		&r.BureauReport, &r.Arm, &r.ShadowResults, &r.Kind, &r.Overturns, &r.Reviewer, &r.ReviewReason, &r.Seal)
}

// checkIDTime refuses a decision whose id does not name the millisecond of its created_at
// (decisions.NewID): the store finds a decision's month by its id (idMonths).
func checkIDTime(rec *decisions.Record) error {
	if at, ok := decisions.IDTime(rec.ID); !ok || !at.Equal(rec.CreatedAt.Truncate(time.Millisecond)) {
		return fmt.Errorf("decision %s: the id must be a UUIDv7 naming the millisecond of created_at %s", rec.ID, rec.CreatedAt.UTC().Format(time.RFC3339Nano))
	}
	return nil
}

func decisionRow(rec *decisions.Record) models.Decision {
	d := &rec.Decision
	codes := make([]string, len(d.Reasons))
	mask := 0
	for i, r := range d.Reasons {
		codes[i] = r.String()
		mask |= reasonBit(r)
	}
	stepsJSON, _ := json.Marshal(storedSteps(&d.Message)) // a []string always marshals
	return models.Decision{
		ID: d.ID, Reference: d.Reference, IdempotencyKey: rec.IdempotencyKey, RequestHash: rec.RequestHash,
		CreatedAt: d.CreatedAt.UTC(), Market: d.Market, Currency: d.Currency, AmountMinor: d.AmountMinor,
		MerchantID: d.MerchantID, MerchantName: d.MerchantName, MerchantCategory: d.MerchantCategory,
		ShopperID: d.ShopperID, ShopperLocale: d.Locale, Channel: d.Channel,
		MeasuredValues: measuredRow(&d.Values),
		Outcome:        d.Outcome.String(), Reasons: strings.Join(codes, ","), ReasonMask: mask,
		ThresholdVersionID: d.ThresholdVersionID, CatalogVersionID: d.CatalogVersionID,
		MessageLocale: d.Message.Locale, MessageTitle: d.Message.Title, MessageBody: d.Message.Body,
		MessageSteps: string(stepsJSON),
		BureauReport: bureauReportJSON(d.Bureau), Arm: string(d.Arm), ShadowResults: decisions.EncodeShadowResults(d.Shadows),
		Kind: string(cmp.Or(d.Kind, decisions.KindAutomated)), Overturns: d.Overturns, Reviewer: d.Reviewer, ReviewReason: d.ReviewReason,
	}
}

// The message_steps column holds the pop-up's lines after its body as the shopper saw them: the
// steps, then the closing sentence as the last line. Pop-ups were stored so before the closing
// became a field of its own, and their seals cover the column, so it keeps that form.

// storedSteps returns the message_steps lines of m: its steps, then its closing when it has one.
func storedSteps(m *decisions.Message) []string {
	steps := append(make([]string, 0, len(m.Steps)+1), m.Steps...)
	if m.Closing != "" {
		steps = append(steps, m.Closing)
	}
	return steps
}

// splitClosing takes the closing sentence, the last line of a stored pop-up, out of its steps.
func splitClosing(m *decisions.Message) {
	if n := len(m.Steps); n > 0 {
		m.Steps, m.Closing = m.Steps[:n-1], m.Steps[n-1]
	}
}

// bureauReportRow is the JSON of the bureau_report column.
type bureauReportRow struct {
	Bureau     string   `json:"bureau"`
	Score      float64  `json:"score"`
	ScoreMin   float64  `json:"scoreMin"`
	ScoreMax   float64  `json:"scoreMax"`
	ScoreDate  string   `json:"scoreDate"` // YYYY-MM-DD
	KeyFactors []string `json:"keyFactors"`
}

func bureauReportJSON(b *decisions.BureauReport) string {
	if b == nil {
		return ""
	}
	kf := b.KeyFactors
	if kf == nil {
		kf = []string{}
	}
	out, _ := json.Marshal(bureauReportRow{Bureau: b.Bureau, Score: b.Score, ScoreMin: b.ScoreMin, ScoreMax: b.ScoreMax,
		ScoreDate: b.ScoreDate.UTC().Format(time.DateOnly), KeyFactors: kf}) // plain values always marshal
	return string(out)
}

// noticesFromRow fills d's bureau report from its column.
func noticesFromRow(r *models.Decision, d *decisions.Decision) error {
	if r.BureauReport != "" {
		var b bureauReportRow
		if err := json.Unmarshal([]byte(r.BureauReport), &b); err != nil {
			return fmt.Errorf("decision %s: bureau report: %w", r.ID, err)
		}
		date, err := time.Parse(time.DateOnly, b.ScoreDate)
		if err != nil {
			return fmt.Errorf("decision %s: bureau report date: %w", r.ID, err)
		}
		d.Bureau = &decisions.BureauReport{Bureau: b.Bureau, Score: b.Score, ScoreMin: b.ScoreMin, ScoreMax: b.ScoreMax,
			ScoreDate: date, KeyFactors: b.KeyFactors}
	}
	return nil
}

// decisionFromRow returns the decision of a row read in full.
func decisionFromRow(r *models.Decision) (decisions.Decision, error) {
	var d decisions.Decision
	err := readDecision(r, decisions.AllParts, &d)
	return d, err
}

// readDecision sets d to the decision of a row of which the columns of the parts want were read
// (pageColumns): the other parts are left zero, their columns neither checked nor parsed. It
// writes in place: a page's decisions are set in the page's slice, without a copy each.
func readDecision(r *models.Decision, want decisions.Part, d *decisions.Decision) error {
	*d = decisions.Decision{
		ID: r.ID, Reference: r.Reference, CreatedAt: r.CreatedAt.UTC(),
		Purchase: decisions.Purchase{
			Market: r.Market, Currency: r.Currency, AmountMinor: r.AmountMinor,
			MerchantID: r.MerchantID, MerchantName: r.MerchantName, MerchantCategory: r.MerchantCategory,
			ShopperID: r.ShopperID, Locale: r.ShopperLocale, Channel: r.Channel,
			Values: valuesOf(&r.MeasuredValues),
		},
		ThresholdVersionID: r.ThresholdVersionID, CatalogVersionID: r.CatalogVersionID,
		Message: decisions.Message{Locale: r.MessageLocale, Title: r.MessageTitle, Body: r.MessageBody},
		Kind:    decisions.Kind(r.Kind), Overturns: r.Overturns, Reviewer: r.Reviewer, ReviewReason: r.ReviewReason,
		Arm: thresholds.Arm(r.Arm),
	}
	if want&decisions.PartExperiment != 0 {
		var err error
		if d.Shadows, err = decisions.DecodeShadowResults(r.ShadowResults); err != nil {
			return fmt.Errorf("decision %s: %w", r.ID, err)
		}
	}
	if want&decisions.PartReview != 0 {
		switch d.Kind {
		case decisions.KindAutomated, decisions.KindManualReview:
		default:
			return fmt.Errorf("decision %s: unknown kind %q", r.ID, r.Kind)
		}
	}
	switch r.Outcome {
	case "APPROVED":
		d.Outcome = engine.Approved
	case "DECLINED":
		d.Outcome = engine.Declined
	default:
		return fmt.Errorf("decision %s: unknown outcome %q", r.ID, r.Outcome)
	}
	if r.Reasons != "" {
		d.Reasons = make([]engine.Reason, 0, strings.Count(r.Reasons, ",")+1)
		for code := range strings.SplitSeq(r.Reasons, ",") {
			reason, ok := engine.ParseReason(code)
			if !ok {
				return fmt.Errorf("decision %s: unknown reason %q", r.ID, code)
			}
			d.Reasons = append(d.Reasons, reason)
		}
	}
	if want&decisions.PartMessage != 0 {
		if err := json.Unmarshal([]byte(r.MessageSteps), &d.Message.Steps); err != nil {
			return fmt.Errorf("decision %s: message steps: %w", r.ID, err)
		}
		splitClosing(&d.Message)
	}
	if want&decisions.PartBureau == 0 {
		return nil
	}
	return noticesFromRow(r, d)
}

// isUniqueViolation reports whether err is a unique-constraint violation involving column.
func isUniqueViolation(err error, column string) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code == "23505" && strings.Contains(pgErr.ConstraintName, column)
	}
	// SQLite: "UNIQUE constraint failed: decisions.reference".
	msg := err.Error()
	return strings.Contains(msg, "UNIQUE constraint failed") && strings.Contains(msg, "."+column)
}

// decisionColumn is a column of decisions and the part of a decisions.Decision it fills
// (decisions.Part): 0 for the parts always read, storedOnly for none.
type decisionColumn struct {
	name string
	part decisions.Part
}

// storedOnly is the part of the columns that fill no field of a decisions.Decision (the
// idempotency key, the request hash, the reason mask, the seal): a page never reads them, a read
// in full (scanDecisions) does.
const storedOnly = decisions.AllParts + 1

// decisionTable is the one place a column of decisions is named, in the order of
// decisionColumns, with the part of a decision it fills: a column added here without its part
// is read by every page, never left unread by one that needs it.
var decisionTable = func() []decisionColumn {
	const core = 0
	cols := []decisionColumn{{"id", core}, {"reference", core}, {"idempotency_key", storedOnly},
		{"request_hash", storedOnly}, {"created_at", core}, {"market", core}, {"currency", core},
		{"amount_minor", core}, {"merchant_id", core}, {"merchant_name", core}, {"merchant_category", core},
		{"shopper_id", decisions.PartShopper}, {"shopper_locale", decisions.PartShopper}, {"channel", decisions.PartShopper}}
	for i := range engine.Measures {
		cols = append(cols, decisionColumn{engine.Measures[i].Key, decisions.PartValues})
	}
	return append(cols, decisionColumn{"outcome", core}, decisionColumn{"reasons", core},
		decisionColumn{"reason_mask", storedOnly}, decisionColumn{"threshold_version_id", core},
		decisionColumn{"catalog_version_id", decisions.PartMessage}, decisionColumn{"message_locale", decisions.PartMessage},
		decisionColumn{"message_title", decisions.PartMessage}, decisionColumn{"message_body", decisions.PartMessage},
		decisionColumn{"message_steps", decisions.PartMessage}, decisionColumn{"bureau_report", decisions.PartBureau},
		decisionColumn{"arm", decisions.PartExperiment}, decisionColumn{"shadow_results", decisions.PartExperiment},
		decisionColumn{"kind", decisions.PartReview}, decisionColumn{"overturns", decisions.PartReview},
		decisionColumn{"reviewer", decisions.PartReview}, decisionColumn{"review_reason", decisions.PartReview},
		decisionColumn{"seal", storedOnly})
}()

// decisionColumns is the column order of bulk inserts and of scanDecisions: the purchase, the
// measured values in engine order, then the outcome and message, the bureau report, the split's
// arm and the shadows' results of issue 17, the kind and review link of issue 15
// (reviewColumns), and last the seal (see sealValues).
var decisionColumns = func() []string {
	out := make([]string, len(decisionTable))
	for i, c := range decisionTable {
		out[i] = c.name
	}
	return out
}()

// decisionColumnList is decisionColumns, comma-separated.
var decisionColumnList = strings.Join(decisionColumns, ", ")

// columnSet is the columns a page reads: their list for a SELECT, and their indexes in
// decisionColumns for scanColumns.
type columnSet struct {
	list  string
	index []int
}

// pageColumns holds, for each set of parts a page wants, the columns it reads: those of the
// parts wanted and those always read.
var pageColumns = func() (out [decisions.AllParts + 1]columnSet) {
	for want := range out {
		var names []string
		for i, c := range decisionTable {
			if c.part&^decisions.Part(want) == 0 {
				names, out[want].index = append(names, c.name), append(out[want].index, i)
			}
		}
		out[want].list = strings.Join(names, ", ")
	}
	return out
}()

// reviewColumns is the number of columns of decisionColumns that issue 15 added before the seal.
const reviewColumns = 4

// optionalColumns are the indexes in decisionColumns of the columns a seal covers only when they
// are set, so that decisions sealed before they existed still check out: bureau_report, arm and
// shadow_results.
var optionalColumns = [...]int{slices.Index(decisionColumns, "bureau_report"), slices.Index(decisionColumns, "arm"),
	slices.Index(decisionColumns, "shadow_results")}

// decisionValues lists a row's values in decisionColumns order. PostgreSQL's binary COPY wants
// the id as 16 bytes; SQLite keeps it as text.
func decisionValues(r *models.Decision, binaryID bool) ([]any, error) {
	var id any = r.ID
	if binaryID {
		u, err := uuid.Parse(r.ID)
		if err != nil {
			return nil, err
		}
		id = [16]byte(u)
	}
	out := make([]any, 0, len(decisionColumns))
	out = append(out, id, r.Reference, r.IdempotencyKey, r.RequestHash, r.CreatedAt, r.Market, r.Currency,
		r.AmountMinor, r.MerchantID, r.MerchantName, r.MerchantCategory, r.ShopperID,
		r.ShopperLocale, r.Channel)
	out = appendMeasuredArgs(out, &r.MeasuredValues)
	return append(out, r.Outcome, r.Reasons, r.ReasonMask, r.ThresholdVersionID, r.CatalogVersionID,
		r.MessageLocale, r.MessageTitle, r.MessageBody, r.MessageSteps, r.BureauReport, r.Arm, r.ShadowResults,
		cmp.Or(r.Kind, string(decisions.KindAutomated)), r.Overturns, r.Reviewer, r.ReviewReason, r.Seal), nil
}
