package app

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/auth"
	"riskconsole/internal/decisions"
	"riskconsole/internal/httpapi"
)

// Tests of GET /export/decisions.csv through the real handler on both databases.

const exportDecisions = 700

// exportTestPageSize is a small page, so that exports of the test data cross many keyset pages.
const exportTestPageSize = 97

func TestDecisionExport(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, exportDecisions)
		ta.Server.Config.Handler = ta.handlerWith(func(o *httpapi.Options) { o.ExportPageSize = exportTestPageSize })
		db := ta.rawDB(t)
		all := pageAll(t, ta, nil, "OLDEST_FIRST", 100)
		if len(all) != exportDecisions {
			t.Fatalf("explorer lists %d decisions", len(all))
		}
		t.Run("matches the explorer", func(t *testing.T) { testExportMatchesExplorer(t, ta, db, all) })
		t.Run("bad parameters", func(t *testing.T) { testExportBadParameters(t, ta, db) })
		t.Run("roles", func(t *testing.T) { testExportRoles(t, ta, db) })
		t.Run("session and origin", func(t *testing.T) { testExportSession(t, ta, db) })
	})
}

// exportGet downloads an export over a real connection as role (see testApp.caller).
func exportGet(tb testing.TB, ta *testApp, role auth.Role, query string) (*http.Response, []byte) {
	tb.Helper()
	req, err := http.NewRequest(http.MethodGet, ta.Server.URL+"/export/decisions.csv?"+query, nil)
	if err != nil {
		tb.Fatal(err)
	}
	ta.caller(tb, role).authorize(req, ta.Server.URL)
	resp, err := ta.Server.Client().Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp, body
}

// parseExport parses a CSV export, checks its header and returns its rows by column name.
func parseExport(tb testing.TB, body []byte) []map[string]string {
	tb.Helper()
	r := csv.NewReader(bytes.NewReader(body))
	recs, err := r.ReadAll()
	if err != nil {
		tb.Fatalf("export is not CSV: %v", err)
	}
	if len(recs) == 0 || !slices.Equal(recs[0], decisions.ExportHeader) {
		tb.Fatalf("header %v", recs[:min(1, len(recs))])
	}
	if slices.Contains(recs[0], "shopper_id") {
		tb.Fatal("shopper id exported")
	}
	out := make([]map[string]string, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, k := range recs[0] {
			row[k] = rec[i]
		}
		out = append(out, row)
	}
	return out
}

func testExportMatchesExplorer(t *testing.T, ta *testApp, db *sql.DB, all []listedDecision) {
	declined := slices.IndexFunc(all, func(d listedDecision) bool { return len(d.Reasons) > 1 })
	if declined < 0 {
		t.Fatal("no decline with several reasons")
	}
	d := &all[declined]
	from, to := all[len(all)/4].CreatedAt, all[len(all)/2].CreatedAt
	cases := []struct {
		name   string
		filter map[string]any
	}{
		{"everything", nil},
		{"time range", map[string]any{"from": from.Format(time.RFC3339Nano), "to": to.Format(time.RFC3339Nano)}},
		{"market", map[string]any{"market": d.Market}},
		{"reason at any rank", map[string]any{"reason": d.Reasons[1].Code}},
		{"outcome", map[string]any{"outcome": "APPROVED"}},
		{"merchant", map[string]any{"merchantId": d.Merchant.ID}},
		{"category and amounts", map[string]any{"merchantCategory": d.Merchant.Category, "minAmount": 20.5, "maxAmount": 400.0}},
		{"threshold version", map[string]any{"thresholdVersionId": d.ThresholdVersion.ID}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := pageAll(t, ta, c.filter, "OLDEST_FIRST", 100)
			if c.filter != nil && (len(want) == 0 || len(want) == len(all)) {
				t.Fatalf("filter %v matches %d of %d: not a useful case", c.filter, len(want), len(all))
			}
			q := url.Values{}
			for k, v := range c.filter {
				q.Set(k, fmt.Sprint(v))
			}
			mark := acctAuditMark(t, db)
			resp, body := exportGet(t, ta, auth.Analyst, q.Encode())
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="decisions-`) || !strings.HasSuffix(cd, `.csv"`) {
				t.Errorf("Content-Disposition %q", cd)
			}
			if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control %q", cc)
			}
			rows := parseExport(t, body)
			if len(rows) != len(want) {
				t.Fatalf("%d rows, the explorer lists %d", len(rows), len(want))
			}
			for i, row := range rows {
				w := &want[i]
				reasons := make([]string, len(w.Reasons))
				for j, r := range w.Reasons {
					reasons[j] = r.Code
				}
				at, err := time.Parse(time.RFC3339Nano, row["created_at"])
				if err != nil || !at.Equal(w.CreatedAt) || !strings.HasSuffix(row["created_at"], "Z") {
					t.Fatalf("row %d created_at %q, want %s", i, row["created_at"], w.CreatedAt)
				}
				if row["id"] != w.ID || row["reference"] != w.Reference || row["market"] != w.Market ||
					row["outcome"] != w.Outcome || row["amount"] != fmt.Sprintf("%.2f", w.Amount) ||
					row["merchant_id"] != w.Merchant.ID || row["merchant_category"] != w.Merchant.Category ||
					row["reasons"] != strings.Join(reasons, "|") || row["threshold_version_id"] != w.ThresholdVersion.ID {
					t.Fatalf("row %d %v, explorer %+v", i, row, *w)
				}
				if row["bureau_score"] == "" || row["outstanding_credit"] == "" {
					t.Fatalf("row %d lacks measured values: %v", i, row)
				}
			}
			ev := acctOneEvent(t, db, mark, decisions.ActionExport, "DONE")
			if ev.EntityType != decisions.EntityExport || ev.Actor == "" || ev.RequestID == "" {
				t.Errorf("event %+v", ev)
			}
			var after struct {
				Filter map[string]string `json:"filter"`
				Until  time.Time         `json:"until"`
			}
			if err := json.Unmarshal([]byte(ev.After.String), &after); err != nil || after.Until.IsZero() {
				t.Fatalf("event after %q: %v", ev.After.String, err)
			}
			if to, ok := c.filter["to"]; ok && after.Until.Format(time.RFC3339Nano) != to {
				t.Errorf("audited until %s, want to %s", after.Until, to)
			}
			for k := range c.filter {
				if after.Filter[k] != q.Get(k) {
					t.Errorf("audited filter %v, want %s=%s", after.Filter, k, q.Get(k))
				}
			}
			if len(after.Filter) != len(c.filter) {
				t.Errorf("audited filter %v, want %v", after.Filter, c.filter)
			}
		})
	}
}

func testExportBadParameters(t *testing.T, ta *testApp, db *sql.DB) {
	cases := []struct {
		query  string
		fields []string
	}{
		{"from=yesterday&minAmount=-1&outcome=MAYBE&reason=NOPE&market=XX&thresholdVersionId=x&bogus=1",
			[]string{"bogus", "from", "minAmount", "outcome", "reason", "thresholdVersionId", "market"}},
		{"from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z&minAmount=10&maxAmount=5", []string{"to", "maxAmount"}},
		{"outcome=APPROVED&reason=CREDIT_SCORE_INSUFFICIENT", []string{"reason"}},
		{"market=US&market=SE", []string{"market"}},
		{"merchantId=", []string{"merchantId"}},
	}
	for _, c := range cases {
		mark := acctAuditMark(t, db)
		resp, body := exportGet(t, ta, auth.Auditor, c.query)
		if resp.StatusCode != http.StatusBadRequest || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("%s: status %d %s: %s", c.query, resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
		var out struct {
			Errors []struct {
				Extensions struct {
					Code   string `json:"code"`
					Fields []struct {
						Field string `json:"field"`
					} `json:"fields"`
				} `json:"extensions"`
			} `json:"errors"`
		}
		if err := json.Unmarshal(body, &out); err != nil || len(out.Errors) != 1 || out.Errors[0].Extensions.Code != "INVALID" {
			t.Fatalf("%s: body %s", c.query, body)
		}
		var got []string
		for _, f := range out.Errors[0].Extensions.Fields {
			got = append(got, f.Field)
		}
		for _, f := range c.fields {
			if !slices.Contains(got, f) {
				t.Errorf("%s: fields %v lack %s", c.query, got, f)
			}
		}
		if len(got) != len(c.fields) {
			t.Errorf("%s: fields %v, want %v", c.query, got, c.fields)
		}
		if evs := acctEventsSince(t, db, mark); len(evs) != 0 {
			t.Errorf("%s: a refused export wrote %d audit events", c.query, len(evs))
		}
	}
}

func testExportRoles(t *testing.T, ta *testApp, db *sql.DB) {
	cases := []struct {
		role auth.Role
		want int
	}{
		{auth.Analyst, http.StatusOK}, {auth.Auditor, http.StatusOK}, {auth.Approver, http.StatusOK},
		{auth.Agent, http.StatusForbidden}, {auth.Service, http.StatusForbidden}, {auth.Admin, http.StatusForbidden},
		{"", http.StatusUnauthorized},
	}
	for _, c := range cases {
		mark := acctAuditMark(t, db)
		resp, body := exportGet(t, ta, c.role, "market=SE")
		if resp.StatusCode != c.want {
			t.Fatalf("%q: status %d, want %d: %s", c.role, resp.StatusCode, c.want, body)
		}
		evs := acctEventsSince(t, db, mark)
		if c.want == http.StatusOK {
			parseExport(t, body)
			if len(evs) != 1 || evs[0].Action != decisions.ActionExport {
				t.Errorf("%q: audit events %+v, want one export", c.role, evs)
			}
			continue
		}
		if strings.Contains(string(body), "reference") || resp.Header.Get("Content-Disposition") != "" {
			t.Errorf("%q: refusal carries data: %s", c.role, body)
		}
		want := 1 // an anonymous caller's refusals are counted per minute instead
		if c.role == "" {
			want = 0
		}
		if len(evs) != want || want == 1 && (evs[0].Action != "access.denied" || evs[0].Outcome != "DENIED" || evs[0].EntityID != "GET /export/decisions.csv") {
			t.Errorf("%q: audit events %+v, want %d access.denied", c.role, evs, want)
		}
	}
	// Other methods are refused; HEAD too, so that no export is recorded without a file.
	for _, m := range []string{http.MethodPost, http.MethodHead, http.MethodDelete} {
		rec := ta.acctDo(t, acctRequest{method: m, path: "/export/decisions.csv", bearer: ta.Tokens[auth.Auditor]})
		if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != http.MethodGet {
			t.Errorf("%s: status %d, Allow %q", m, rec.Code, rec.Header().Get("Allow"))
		}
	}
}

func testExportSession(t *testing.T, ta *testApp, db *sql.DB) {
	_, pw := ta.acctUser(t, "export-analyst", auth.Analyst)
	analyst := ta.acctSignIn(t, "192.0.2.50", "export-analyst", pw)
	_, pw = ta.acctUser(t, "export-agent", auth.Agent)
	agent := ta.acctSignIn(t, "192.0.2.51", "export-agent", pw)
	path := "/export/decisions.csv?market=GB"
	cases := []struct {
		name   string
		cookie string
		origin string
		site   string
		want   int
	}{
		{"link on the console", analyst, "", "same-origin", http.StatusOK},
		{"typed into the address bar", analyst, "", "none", http.StatusOK},
		{"no fetch metadata", analyst, "", "", http.StatusOK},
		{"same origin header", analyst, "self", "same-origin", http.StatusOK},
		{"link on another site", analyst, "", "cross-site", http.StatusForbidden},
		{"link on a sibling site", analyst, "", "same-site", http.StatusForbidden},
		{"foreign origin", analyst, "https://evil.example", "", http.StatusForbidden},
		{"agent", agent, "", "same-origin", http.StatusForbidden},
		{"ended session", "not-a-session", "", "same-origin", http.StatusUnauthorized},
	}
	for _, c := range cases {
		mark := acctAuditMark(t, db)
		r := acctRequest{method: http.MethodGet, path: path, cookie: c.cookie, origin: c.origin, clientAddr: "192.0.2.52"}
		if c.site != "" {
			r.header = map[string]string{"Sec-Fetch-Site": c.site}
		}
		rec := ta.acctDo(t, r)
		if rec.Code != c.want {
			t.Fatalf("%s: status %d, want %d: %s", c.name, rec.Code, c.want, rec.Body)
		}
		evs := acctEventsSince(t, db, mark)
		if c.want != http.StatusOK {
			// Refused by the session check before anyone is known: nothing to record. Refused
			// by role: one denial. Refused for want of a session: counted per minute.
			want := 0
			if c.name == "agent" {
				want = 1
			}
			if len(evs) != want || want == 1 && evs[0].Action != "access.denied" {
				t.Errorf("%s: audit events %+v, want %d denial", c.name, evs, want)
			}
			continue
		}
		rows := parseExport(t, rec.Body.Bytes())
		if len(rows) == 0 {
			t.Errorf("%s: no rows for GB", c.name)
		}
		for _, row := range rows {
			if row["market"] != "GB" {
				t.Fatalf("%s: row of market %s", c.name, row["market"])
			}
		}
		ev := acctOneEvent(t, db, mark, decisions.ActionExport, "DONE")
		if ev.Actor == "" || !strings.Contains(ev.ActorRoles, "ANALYST") {
			t.Errorf("%s: event %+v", c.name, ev)
		}
	}
}
