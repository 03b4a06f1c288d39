package decisions

import (
	"context"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"riskconsole/internal/apperr"
	"riskconsole/internal/engine"
	"riskconsole/internal/thresholds"
)

// Audit vocabulary of decision exports.
const (
	// ActionExport records one CSV export of decisions, written before the first byte of the
	// file, so that no export goes unrecorded; the row count is therefore not recorded.
	ActionExport = "decisions.export"
	// EntityExport is the entity type of export events; the entity id is the request id.
	EntityExport = "decision_export"
)

// ExportPageSize is how many decisions an export reads per statement by default.
const ExportPageSize = 5000

// ExportHeader is the header row of a decisions CSV. The shopper id is left out: it is
// pseudonymous, but no analysis of decline rates needs it, so it does not leave the database.
// So are the idempotency key, the request hash and the pop-up text. The measured values follow,
// one column each, in engine order, then the review links of issue 15 (reviewColumns) and last
// the split's arm and the shadows' results of issue 17 (experimentColumns): new columns go
// last, so that a reader of the older files finds every column where it was.
var ExportHeader = func() []string {
	h := []string{"id", "reference", "created_at", "market", "currency", "amount", "merchant_id", "merchant_name",
		"merchant_category", "channel", "outcome", "reasons", "threshold_version_id", "catalog_version_id"}
	for i := range engine.Measures {
		h = append(h, engine.Measures[i].Key)
	}
	h = append(h, reviewColumns...)
	return append(h, experimentColumns...)
}()

// reviewColumns are the last columns of an export (issue 15): the decision's kind (AUTOMATED or
// MANUAL_REVIEW), the id of the decision a MANUAL_REVIEW one overturned, the id of the decision
// that overturned this one, and a MANUAL_REVIEW decision's reviewer and reason.
var reviewColumns = []string{"kind", "overturns", "overturned_by", "reviewer", "review_reason"}

// experimentColumns are the columns of issue 17: the arm of the challenger split that decided
// (CHAMPION or CHALLENGER, empty when no split ran) and what the versions running in shadow would
// have decided (FormatShadowResults).
var experimentColumns = []string{"arm", "shadow_results"}

// OverturnLinks is what Export reads, when its repository has it, to fill each decision's
// OverturnedBy: the id of the MANUAL_REVIEW decision that overturned each of ids (those
// overturned only), in one statement per page.
type OverturnLinks interface {
	OverturnedBy(ctx context.Context, ids []string) (map[string]string, error)
}

// exportParams are the query parameters an export accepts, the explorer's filter fields.
var exportParams = []string{"from", "to", "market", "outcome", "reason", "merchantId", "merchantCategory",
	"minAmount", "maxAmount", "thresholdVersionId", "arm"}

// maxExportText bounds a text parameter.
const maxExportText = 200

// ParseExportQuery reads the explorer's filter from an export's query parameters. Every bad
// parameter, an unknown or repeated one included, is a field error named after the parameter.
func ParseExportQuery(q url.Values) (Filter, error) {
	var f Filter
	var ve apperr.ValidationError
	names := make([]string, 0, len(q))
	for k := range q {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		switch {
		case !slices.Contains(exportParams, k):
			ve.Add(k, "unknown parameter; supported: %s", strings.Join(exportParams, ", "))
		case len(q[k]) > 1:
			ve.Add(k, "must be given at most once")
		}
	}
	get := func(k string) (string, bool) {
		v, ok := q[k]
		if !ok || len(v) != 1 {
			return "", false
		}
		return v[0], true
	}
	timeParam := func(k string) time.Time {
		v, ok := get(k)
		if !ok {
			return time.Time{}
		}
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			ve.Add(k, "must be an RFC 3339 time such as 2026-11-01T00:00:00Z")
		}
		return t
	}
	text := func(k string) string {
		v, ok := get(k)
		switch {
		case !ok:
		case v == "" || len(v) > maxExportText:
			ve.Add(k, "must be 1 to %d bytes of UTF-8", maxExportText)
		default:
			if p := apperr.TextProblem(v); p != "" {
				ve.Add(k, "%s", p)
			}
		}
		return v
	}
	amount := func(k string) *int64 {
		v, ok := get(k)
		if !ok {
			return nil
		}
		a, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(a) || a < 0 || a > 1e12 {
			ve.Add(k, "must be a number between 0 and 1e12")
			return nil
		}
		m := int64(a*100 + 0.5) // as the explorer rounds
		return &m
	}
	f.From, f.To = timeParam("from"), timeParam("to")
	f.Market = text("market")
	if v, ok := get("outcome"); ok {
		switch v {
		case "APPROVED":
			f.Outcome = engine.Approved
		case "DECLINED":
			f.Outcome = engine.Declined
		default:
			ve.Add("outcome", "must be APPROVED or DECLINED")
		}
	}
	if v, ok := get("reason"); ok {
		r, known := engine.ParseReason(v)
		if !known {
			ve.Add("reason", "unknown reason code %q", v)
		}
		f.Reason = r
	}
	f.MerchantID = text("merchantId")
	f.MerchantCategory = text("merchantCategory")
	f.MinAmountMinor, f.MaxAmountMinor = amount("minAmount"), amount("maxAmount")
	if v, ok := get("thresholdVersionId"); ok {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			ve.Add("thresholdVersionId", "must be a threshold version id")
		}
		f.ThresholdVersionID = id
	}
	if v, ok := get("arm"); ok {
		switch a := thresholds.Arm(v); a {
		case thresholds.ArmChampion, thresholds.ArmChallenger:
			f.Arm = a
		default:
			ve.Add("arm", "must be %s or %s", thresholds.ArmChampion, thresholds.ArmChallenger)
		}
	}
	// The explorer's own rules, with its field names turned into parameter names.
	var rules apperr.ValidationError
	ValidateList(&f, &PageRequest{First: 1}, &rules)
	for _, fe := range rules.Fields {
		fe.Field = strings.TrimPrefix(fe.Field, "filter.")
		fe.Message = strings.ReplaceAll(fe.Message, "filter.", "")
		ve.Fields = append(ve.Fields, fe)
	}
	return f, ve.Err()
}

// ExportQuery returns the query parameters of an export of the decisions f matches, the inverse
// of ParseExportQuery.
func ExportQuery(f *Filter) url.Values {
	q := url.Values{}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	if !f.From.IsZero() {
		q.Set("from", f.From.UTC().Format(time.RFC3339Nano))
	}
	if !f.To.IsZero() {
		q.Set("to", f.To.UTC().Format(time.RFC3339Nano))
	}
	set("market", f.Market)
	set("outcome", f.Outcome.String())
	set("reason", f.Reason.String())
	set("merchantId", f.MerchantID)
	set("merchantCategory", f.MerchantCategory)
	amount := func(k string, minor *int64) {
		if minor != nil {
			q.Set(k, strconv.FormatFloat(float64(*minor)/100, 'f', 2, 64))
		}
	}
	amount("minAmount", f.MinAmountMinor)
	amount("maxAmount", f.MaxAmountMinor)
	if f.ThresholdVersionID != 0 {
		q.Set("thresholdVersionId", strconv.FormatInt(f.ThresholdVersionID, 10))
	}
	set("arm", string(f.Arm))
	return q
}

// ExportFilterJSON is the filter as the audit event records it: the parameters given, by name.
func ExportFilterJSON(q url.Values) map[string]string {
	out := make(map[string]string, len(q))
	for _, k := range exportParams {
		if v := q.Get(k); v != "" || q.Has(k) {
			out[k] = v
		}
	}
	return out
}

// Export calls fn with every decision matching f, oldest first (ties by id), reading
// pageSize decisions per statement by keyset (ExportPageSize when not positive), so that memory does not grow with the
// export. When f has no end, the export ends at the time of the call, so that decisions made
// while it runs do not stretch it. fn's rows are valid until it returns. pageCtx, when not nil,
// wraps the context of each page's statement (for a per-statement timeout). It returns the
// number of decisions passed to fn.
func Export(ctx context.Context, repo Repository, f Filter, now time.Time, pageSize int, pageCtx func(context.Context) (context.Context, context.CancelFunc), fn func(d *Decision) error) (int, error) {
	if f.To.IsZero() {
		f.To = now
	}
	if pageSize <= 0 {
		pageSize = ExportPageSize
	}
	req := PageRequest{First: pageSize, Order: OldestFirst}
	n := 0
	for {
		pctx, cancel := ctx, context.CancelFunc(func() {})
		if pageCtx != nil {
			pctx, cancel = pageCtx(ctx)
		}
		page, err := repo.Decisions(pctx, f, req)
		if err == nil {
			err = addOverturnLinks(pctx, repo, page.Items)
		}
		cancel()
		if err != nil {
			return n, err
		}
		for i := range page.Items {
			if err := fn(&page.Items[i]); err != nil {
				return n, err
			}
			n++
		}
		if !page.HasNext || len(page.Items) == 0 {
			return n, nil
		}
		last := &page.Items[len(page.Items)-1]
		req.After = &Cursor{CreatedAt: last.CreatedAt, ID: last.ID}
	}
}

// addOverturnLinks sets the OverturnedBy of the decisions ds that were overturned, when repo
// keeps the links (OverturnLinks).
func addOverturnLinks(ctx context.Context, repo Repository, ds []Decision) error {
	links, ok := repo.(OverturnLinks)
	if !ok || len(ds) == 0 {
		return nil
	}
	ids := make([]string, len(ds))
	for i := range ds {
		ids[i] = ds[i].ID
	}
	by, err := links.OverturnedBy(ctx, ids)
	if err != nil {
		return err
	}
	for i := range ds {
		ds[i].OverturnedBy = by[ds[i].ID]
	}
	return nil
}

// ExportRecord fills rec (len(ExportHeader) long, reused between rows) with d's CSV fields.
func ExportRecord(d *Decision, rec []string) []string {
	rec = rec[:0]
	reasons := make([]string, len(d.Reasons))
	for i, r := range d.Reasons {
		reasons[i] = r.String()
	}
	rec = append(rec, d.ID, FormatReference(d.Reference), d.CreatedAt.UTC().Format(time.RFC3339Nano), d.Market, d.Currency,
		fmt.Sprintf("%d.%02d", d.AmountMinor/100, d.AmountMinor%100),
		spreadsheetSafe(d.MerchantID), spreadsheetSafe(d.MerchantName), spreadsheetSafe(d.MerchantCategory),
		d.Channel, d.Outcome.String(), strings.Join(reasons, "|"),
		strconv.FormatInt(d.ThresholdVersionID, 10), strconv.FormatInt(d.CatalogVersionID, 10))
	for _, v := range d.Values {
		rec = append(rec, strconv.FormatFloat(v, 'f', -1, 64))
	}
	kind := d.Kind
	if kind == "" {
		kind = KindAutomated
	}
	// A reviewer's reason is free text typed in the console: defused like checkout's texts.
	rec = append(rec, string(kind), d.Overturns, d.OverturnedBy, d.Reviewer, spreadsheetSafe(d.ReviewReason))
	return append(rec, string(d.Arm), FormatShadowResults(d.Shadows))
}

// FormatShadowResults writes a decision's shadow results for people and spreadsheets, in run
// order, separated by ";": "<version id>:APPROVED", or "<version id>:DECLINED:" and the ranked
// reasons separated by "|" as in the reasons column; "" when no shadow ran. For example
// "41:APPROVED;42:DECLINED:INCOME_UNVERIFIED|BUREAU_SCORE_LOW". The version id is the one the
// threshold_version_id column names. (The stored form, EncodeShadowResults, is compact for
// matching, not for reading.)
func FormatShadowResults(rs []ShadowResult) string {
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(strconv.FormatInt(r.VersionID, 10))
		b.WriteByte(':')
		b.WriteString(r.Outcome.String())
		for j, c := range r.Reasons {
			if j == 0 {
				b.WriteByte(':')
			} else {
				b.WriteByte('|')
			}
			b.WriteString(c.String())
		}
	}
	return b.String()
}

// spreadsheetSafe defuses a text that checkout chose (merchant id, name, category) and that a
// spreadsheet would run as a formula: it gets a leading apostrophe. Other texts are ours.
func spreadsheetSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
