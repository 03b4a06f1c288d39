package app

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/auth"
	"riskconsole/internal/engine"
)

// explorerDecisions is the size of the explorer tests' demo data: enough for every filter to
// match some decisions and miss others, and for paging to take several pages.
const explorerDecisions = 1200

// TestExplorer checks the decisions explorer on both databases: every filter against the rows
// it returns and against the full list, ordering, paging, cursor stability under inserts, and
// the look-ups by id and by reference.
func TestExplorer(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, explorerDecisions)
		// all is every decision, oldest first, read once through the API itself.
		all := pageAll(t, ta, nil, "OLDEST_FIRST", 100)
		if int64(len(all)) != ta.countDecisions(t) || len(all) != explorerDecisions {
			t.Fatalf("paging found %d decisions, the store holds %d", len(all), ta.countDecisions(t))
		}
		t.Run("order", func(t *testing.T) { testExplorerOrder(t, ta, all) })
		t.Run("filters", func(t *testing.T) { testExplorerFilters(t, ta, all) })
		t.Run("paging", func(t *testing.T) { testExplorerPaging(t, ta, all) })
		t.Run("arguments", func(t *testing.T) { testExplorerArguments(t, ta) })
		t.Run("lookups", func(t *testing.T) { testExplorerLookups(t, ta, all) })
		t.Run("statements", func(t *testing.T) { testStatementCount(t, ta) })
		// Last: it adds decisions.
		t.Run("cursor stable under inserts", func(t *testing.T) { testCursorStability(t, ta) })
	})
}

// listedDecision is the part of a Decision the explorer tests look at.
type listedDecision struct {
	ID        string    `json:"id"`
	Reference string    `json:"reference"`
	CreatedAt time.Time `json:"createdAt"`
	Market    string    `json:"market"`
	Outcome   string    `json:"outcome"`
	Amount    float64   `json:"amount"`
	Merchant  struct {
		ID       string `json:"id"`
		Category string `json:"category"`
	} `json:"merchant"`
	Reasons []struct {
		Code string `json:"code"`
	} `json:"reasons"`
	ThresholdVersion struct {
		ID string `json:"id"`
	} `json:"thresholdVersion"`
}

func (d *listedDecision) hasReason(code string) bool {
	return slices.ContainsFunc(d.Reasons, func(r struct {
		Code string `json:"code"`
	}) bool {
		return r.Code == code
	})
}

func (d *listedDecision) amountMinor() int64 { return int64(math.Round(d.Amount * 100)) }

const listQuery = `query($filter: DecisionFilter, $first: Int!, $after: String, $orderBy: DecisionOrder!) {
  decisions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    edges { cursor node { id } }
    nodes {
      id reference createdAt market outcome amount
      merchant { id category }
      reasons { code }
      thresholdVersion { id }
    }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`

type listPage struct {
	Decisions struct {
		Edges []struct {
			Cursor string `json:"cursor"`
			Node   struct {
				ID string `json:"id"`
			} `json:"node"`
		} `json:"edges"`
		Nodes    []listedDecision `json:"nodes"`
		PageInfo struct {
			HasNextPage     bool    `json:"hasNextPage"`
			HasPreviousPage bool    `json:"hasPreviousPage"`
			StartCursor     *string `json:"startCursor"`
			EndCursor       *string `json:"endCursor"`
		} `json:"pageInfo"`
	} `json:"decisions"`
}

// fetchPage reads one page of the explorer as an analyst and checks its connection shape.
func fetchPage(tb testing.TB, ta *testApp, filter map[string]any, order string, first int, after *string) listPage {
	tb.Helper()
	vars := map[string]any{"filter": filter, "first": first, "orderBy": order}
	if after != nil {
		vars["after"] = *after
	}
	var p listPage
	decodeData(tb, ta.gql(tb, auth.Analyst, listQuery, vars), &p)
	c := &p.Decisions
	if len(c.Nodes) > first || len(c.Edges) != len(c.Nodes) {
		tb.Fatalf("page of first %d has %d nodes and %d edges", first, len(c.Nodes), len(c.Edges))
	}
	for i := range c.Edges {
		if c.Edges[i].Node.ID != c.Nodes[i].ID || c.Edges[i].Cursor == "" {
			tb.Fatalf("edge %d (%s, cursor %q) does not match node %s", i, c.Edges[i].Node.ID, c.Edges[i].Cursor, c.Nodes[i].ID)
		}
	}
	if c.PageInfo.HasPreviousPage != (after != nil) {
		tb.Errorf("hasPreviousPage %v with after %v", c.PageInfo.HasPreviousPage, after)
	}
	if n := len(c.Edges); n > 0 {
		if c.PageInfo.StartCursor == nil || *c.PageInfo.StartCursor != c.Edges[0].Cursor ||
			c.PageInfo.EndCursor == nil || *c.PageInfo.EndCursor != c.Edges[n-1].Cursor {
			tb.Errorf("start/end cursors do not match the edges")
		}
	} else if c.PageInfo.StartCursor != nil || c.PageInfo.EndCursor != nil || c.PageInfo.HasNextPage {
		tb.Errorf("empty page with pageInfo %+v", c.PageInfo)
	}
	if c.PageInfo.HasNextPage && len(c.Nodes) != first {
		tb.Errorf("hasNextPage on a page of %d of %d", len(c.Nodes), first)
	}
	return p
}

// pageAll follows the cursors to the end and returns every decision matching filter.
func pageAll(tb testing.TB, ta *testApp, filter map[string]any, order string, first int) []listedDecision {
	tb.Helper()
	var (
		out   []listedDecision
		after *string
	)
	for range explorerDecisions + 100 {
		p := fetchPage(tb, ta, filter, order, first, after)
		out = append(out, p.Decisions.Nodes...)
		if !p.Decisions.PageInfo.HasNextPage {
			return out
		}
		after = p.Decisions.PageInfo.EndCursor
	}
	tb.Fatalf("paging did not end")
	return nil
}

// compareOrder returns <0 when a comes before b oldest first: by time, then by id.
func compareOrder(a, b *listedDecision) int {
	if c := a.CreatedAt.Compare(b.CreatedAt); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

func ids(ds []listedDecision) []string {
	out := make([]string, len(ds))
	for i := range ds {
		out[i] = ds[i].ID
	}
	return out
}

func reversed(ds []listedDecision) []listedDecision {
	out := slices.Clone(ds)
	slices.Reverse(out)
	return out
}

func testExplorerOrder(t *testing.T, ta *testApp, all []listedDecision) {
	for i := 1; i < len(all); i++ {
		if compareOrder(&all[i-1], &all[i]) >= 0 {
			t.Fatalf("OLDEST_FIRST: %s (%s) before %s (%s)", all[i-1].ID, all[i-1].CreatedAt, all[i].ID, all[i].CreatedAt)
		}
	}
	seen := map[string]bool{}
	for _, d := range all {
		if seen[d.ID] {
			t.Fatalf("decision %s listed twice", d.ID)
		}
		seen[d.ID] = true
	}
	newest := pageAll(t, ta, nil, "NEWEST_FIRST", 100)
	if !slices.Equal(ids(newest), ids(reversed(all))) {
		t.Errorf("NEWEST_FIRST is not the reverse of OLDEST_FIRST")
	}
	// The default order is newest first.
	var p listPage
	decodeData(t, ta.gql(t, auth.Analyst, `{ decisions(first: 5) { nodes { id } } }`, nil), &p)
	if got, want := ids(p.Decisions.Nodes), ids(reversed(all)[:5]); !slices.Equal(got, want) {
		t.Errorf("default order gives %v, want newest first %v", got, want)
	}
}

func testExplorerFilters(t *testing.T, ta *testApp, all []listedDecision) {
	ts := func(d *listedDecision) string { return d.CreatedAt.Format(time.RFC3339Nano) }
	from, to := &all[len(all)/4], &all[len(all)/2]
	// Values that occur in the data, so that each filter matches something.
	var declined *listedDecision
	reasonCount := map[string]int{}
	for i := range all {
		for _, r := range all[i].Reasons {
			reasonCount[r.Code]++
		}
		if declined == nil && all[i].Outcome == "DECLINED" && len(all[i].Reasons) > 1 {
			declined = &all[i]
		}
	}
	if declined == nil {
		t.Fatal("no decline with several reasons in the demo data")
	}
	rareReason, commonReason := "", declined.Reasons[0].Code
	for code, n := range reasonCount {
		if rareReason == "" || n < reasonCount[rareReason] || n == reasonCount[rareReason] && code < rareReason {
			rareReason = code
		}
	}
	second := declined.Reasons[1].Code // a reason that is not first: the filter must match any rank
	pick := &all[len(all)/3]
	// A decision with a fractional second, and the whole second it falls in.
	withFraction := pick
	for i := len(all) / 2; i < len(all); i++ {
		if all[i].CreatedAt.Nanosecond() != 0 {
			withFraction = &all[i]
			break
		}
	}
	sec := withFraction.CreatedAt.Truncate(time.Second)
	amounts := make([]int64, len(all))
	for i := range all {
		amounts[i] = all[i].amountMinor()
	}
	slices.Sort(amounts)
	lo, hi := float64(amounts[len(amounts)/3])/100, float64(amounts[2*len(amounts)/3])/100

	type filterCase struct {
		name   string
		filter map[string]any
		match  func(d *listedDecision) bool
	}
	cases := []filterCase{
		{"time range", map[string]any{"from": ts(from), "to": ts(to)}, func(d *listedDecision) bool {
			return !d.CreatedAt.Before(from.CreatedAt) && d.CreatedAt.Before(to.CreatedAt)
		}},
		{"from only (inclusive)", map[string]any{"from": ts(to)}, func(d *listedDecision) bool { return !d.CreatedAt.Before(to.CreatedAt) }},
		{"to only (exclusive)", map[string]any{"to": ts(from)}, func(d *listedDecision) bool { return d.CreatedAt.Before(from.CreatedAt) }},
		{"time range in another zone", map[string]any{
			"from": from.CreatedAt.In(time.FixedZone("CET", 3600)).Format(time.RFC3339Nano),
			"to":   to.CreatedAt.In(time.FixedZone("PST", -8*3600)).Format(time.RFC3339Nano),
		}, func(d *listedDecision) bool {
			return !d.CreatedAt.Before(from.CreatedAt) && d.CreatedAt.Before(to.CreatedAt)
		}},
		// Bounds on whole seconds around a decision within that second: on SQLite times are text,
		// so this guards against comparisons that are lexical rather than chronological.
		{"whole-second bounds", map[string]any{
			"from": sec.Format(time.RFC3339), "to": sec.Add(time.Second).Format(time.RFC3339),
		}, func(d *listedDecision) bool {
			return !d.CreatedAt.Before(sec) && d.CreatedAt.Before(sec.Add(time.Second))
		}},
		{"to on the whole second", map[string]any{"to": sec.Format(time.RFC3339)}, func(d *listedDecision) bool { return d.CreatedAt.Before(sec) }},
		{"market", map[string]any{"market": "SE"}, func(d *listedDecision) bool { return d.Market == "SE" }},
		{"outcome declined", map[string]any{"outcome": "DECLINED"}, func(d *listedDecision) bool { return d.Outcome == "DECLINED" }},
		{"outcome approved", map[string]any{"outcome": "APPROVED"}, func(d *listedDecision) bool { return d.Outcome == "APPROVED" }},
		{"reason " + commonReason, map[string]any{"reason": commonReason}, func(d *listedDecision) bool { return d.hasReason(commonReason) }},
		{"reason at rank 2 " + second, map[string]any{"reason": second}, func(d *listedDecision) bool { return d.hasReason(second) }},
		{"rare reason " + rareReason, map[string]any{"reason": rareReason}, func(d *listedDecision) bool { return d.hasReason(rareReason) }},
		{"reason with outcome declined", map[string]any{"reason": commonReason, "outcome": "DECLINED"}, func(d *listedDecision) bool { return d.hasReason(commonReason) }},
		{"merchant id", map[string]any{"merchantId": pick.Merchant.ID}, func(d *listedDecision) bool { return d.Merchant.ID == pick.Merchant.ID }},
		{"merchant category", map[string]any{"merchantCategory": pick.Merchant.Category}, func(d *listedDecision) bool {
			return d.Merchant.Category == pick.Merchant.Category
		}},
		{"unknown merchant", map[string]any{"merchantId": "no-such-merchant"}, func(*listedDecision) bool { return false }},
		{"min amount (inclusive)", map[string]any{"minAmount": hi}, func(d *listedDecision) bool { return d.amountMinor() >= int64(math.Round(hi*100)) }},
		{"max amount (inclusive)", map[string]any{"maxAmount": lo}, func(d *listedDecision) bool { return d.amountMinor() <= int64(math.Round(lo*100)) }},
		{"amount range", map[string]any{"minAmount": lo, "maxAmount": hi}, func(d *listedDecision) bool {
			return d.amountMinor() >= int64(math.Round(lo*100)) && d.amountMinor() <= int64(math.Round(hi*100))
		}},
		{"threshold version", map[string]any{"thresholdVersionId": pick.ThresholdVersion.ID}, func(d *listedDecision) bool {
			return d.ThresholdVersion.ID == pick.ThresholdVersion.ID
		}},
		{"combined: market, outcome, amount, time", map[string]any{
			"market": "SE", "outcome": "DECLINED", "minAmount": lo, "from": ts(from),
		}, func(d *listedDecision) bool {
			return d.Market == "SE" && d.Outcome == "DECLINED" && d.amountMinor() >= int64(math.Round(lo*100)) && !d.CreatedAt.Before(from.CreatedAt)
		}},
		{"combined: category, reason, threshold version, to", map[string]any{
			"merchantCategory": declined.Merchant.Category, "reason": declined.Reasons[0].Code,
			"thresholdVersionId": declined.ThresholdVersion.ID, "to": ts(&all[len(all)-1]),
		}, func(d *listedDecision) bool {
			return d.Merchant.Category == declined.Merchant.Category && d.hasReason(declined.Reasons[0].Code) &&
				d.ThresholdVersion.ID == declined.ThresholdVersion.ID && d.CreatedAt.Before(all[len(all)-1].CreatedAt)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var want []listedDecision
			for i := range all {
				if c.match(&all[i]) {
					want = append(want, all[i])
				}
			}
			got := pageAll(t, ta, c.filter, "NEWEST_FIRST", 100)
			for i := range got {
				d := &got[i]
				if !c.match(d) {
					t.Errorf("decision %s does not match the filter: %+v", d.ID, *d)
				}
				if c.filter["reason"] != nil && (d.Outcome != "DECLINED" || !d.hasReason(c.filter["reason"].(string))) {
					t.Errorf("reason filter returned %s with outcome %s and reasons %v", d.ID, d.Outcome, d.Reasons)
				}
			}
			if !slices.Equal(ids(got), ids(reversed(want))) {
				t.Errorf("filter %v returned %d decisions, want %d (the matching ones of the full list, newest first)", c.filter, len(got), len(want))
			}
			if c.name != "unknown merchant" && (len(want) == 0 || len(want) == len(all)) {
				t.Errorf("filter %v matches %d of %d decisions: the case proves nothing", c.filter, len(want), len(all))
			}
		})
	}
}

func testExplorerPaging(t *testing.T, ta *testApp, all []listedDecision) {
	var want []listedDecision
	for i := range all {
		if all[i].Market == "SE" {
			want = append(want, all[i])
		}
	}
	// An independent count, straight from the database.
	var count int
	if err := ta.rawDB(t).QueryRow(`SELECT count(*) FROM decisions WHERE market = 'SE'`).Scan(&count); err != nil {
		t.Fatal(err)
	}
	if count != len(want) || count <= 100 {
		t.Fatalf("SE: %d decisions in the database, %d in the full list; need more than 100", count, len(want))
	}
	for _, order := range []string{"NEWEST_FIRST", "OLDEST_FIRST"} {
		t.Run(order, func(t *testing.T) {
			wantOrder := want
			if order == "NEWEST_FIRST" {
				wantOrder = reversed(want)
			}
			filter := map[string]any{"market": "SE"}
			var (
				got   []listedDecision
				after *string
				pages int
			)
			for {
				p := fetchPage(t, ta, filter, order, 50, after)
				pages++
				got = append(got, p.Decisions.Nodes...)
				if !p.Decisions.PageInfo.HasNextPage {
					break
				}
				if pages > count {
					t.Fatal("paging did not end")
				}
				after = p.Decisions.PageInfo.EndCursor
			}
			if len(got) != count || !slices.Equal(ids(got), ids(wantOrder)) {
				t.Errorf("paging visited %d decisions in %d pages, want each of %d once, in order", len(got), pages, count)
			}
			if wantPages := (count + 49) / 50; pages != wantPages {
				t.Errorf("%d pages, want %d", pages, wantPages)
			}
		})
	}
}

func testExplorerArguments(t *testing.T, ta *testApp) {
	q := func(args string) string {
		return `{ decisions(` + args + `) { nodes { id } pageInfo { hasNextPage } } }`
	}
	first := fetchPage(t, ta, nil, "NEWEST_FIRST", 1, nil)
	cursor := *first.Decisions.PageInfo.EndCursor
	scenarios := []scenario{
		{name: "first 0", role: auth.Analyst, query: q(`first: 0`), wantCode: "INVALID", wantFields: []string{"first"}, wantNull: "decisions"},
		{name: "first -1", role: auth.Analyst, query: q(`first: -1`), wantCode: "INVALID", wantFields: []string{"first"}, wantNull: "decisions"},
		{name: "first 101", role: auth.Analyst, query: q(`first: 101`), wantCode: "INVALID", wantFields: []string{"first"}, wantNull: "decisions"},
		{name: "first 100", role: auth.Analyst, query: q(`first: 100`), check: func(t *testing.T, r *gqlResponse) {
			var p listPage
			decodeData(t, r, &p)
			if len(p.Decisions.Nodes) != 100 || !p.Decisions.PageInfo.HasNextPage {
				t.Errorf("first 100: %d nodes, hasNextPage %v", len(p.Decisions.Nodes), p.Decisions.PageInfo.HasNextPage)
			}
		}},
		{name: "a full page of 100 with every field is within the complexity limit", role: auth.Analyst, query: `{ decisions(first: 100) {
			edges { cursor node { id } }
			nodes { id reference createdAt market currency amount shopperId locale channel outcome
				merchant { id name category } reasons { rank code measuredValue factor } breakdown
				thresholdVersion { id market version } catalogVersionId message { locale title body steps } }
			pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
			wantContent: []string{`"breakdown":[{`}},
		{name: "malformed after", role: auth.Analyst, query: q(`first: 5, after: "not a cursor"`), wantCode: "INVALID", wantFields: []string{"after"}, wantNull: "decisions"},
		{name: "after of the wrong shape", role: auth.Analyst, query: q(`first: 5, after: "MTIzfGFiYw"`), wantCode: "INVALID", wantFields: []string{"after"}, wantNull: "decisions"},
		{name: "truncated cursor", role: auth.Analyst, query: q(`first: 5, after: "` + cursor[:len(cursor)-3] + `"`), wantCode: "INVALID", wantFields: []string{"after"}, wantNull: "decisions"},
		{name: "unknown market", role: auth.Analyst, query: q(`first: 5, filter: {market: "XX"}`), wantCode: "INVALID", wantFields: []string{"filter.market"}, wantNull: "decisions"},
		{name: "negative min amount", role: auth.Analyst, query: q(`first: 5, filter: {minAmount: -1}`), wantCode: "INVALID", wantFields: []string{"filter.minAmount"}, wantNull: "decisions"},
		{name: "min above max", role: auth.Analyst, query: q(`first: 5, filter: {minAmount: 10, maxAmount: 5}`), wantCode: "INVALID", wantFields: []string{"filter.maxAmount"}, wantNull: "decisions"},
		{name: "from after to", role: auth.Analyst, query: q(`first: 5, filter: {from: "2026-11-02T00:00:00Z", to: "2026-11-01T00:00:00Z"}`), wantCode: "INVALID", wantFields: []string{"filter.to"}, wantNull: "decisions"},
		{name: "approved with a reason", role: auth.Analyst, query: q(`first: 5, filter: {outcome: APPROVED, reason: UNDER_LEGAL_AGE}`), wantCode: "INVALID", wantFields: []string{"filter.reason"}, wantNull: "decisions"},
		{name: "malformed threshold version", role: auth.Analyst, query: q(`first: 5, filter: {thresholdVersionId: "v1"}`), wantCode: "INVALID", wantFields: []string{"filter.thresholdVersionId"}, wantNull: "decisions"},
		{name: "several bad arguments at once", role: auth.Analyst, query: q(`first: 500, filter: {market: "XX", minAmount: -3}`),
			wantCode: "INVALID", wantFields: []string{"first", "filter.market", "filter.minAmount"}, wantNull: "decisions"},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) { s.run(t, ta) })
	}
}

func testExplorerLookups(t *testing.T, ta *testApp, all []listedDecision) {
	d := all[len(all)/2]
	ref := d.Reference
	if len(ref) != 11 || ref[3] != '-' || ref[7] != '-' {
		t.Fatalf("reference %q is not XXX-XXX-XXX", ref)
	}
	plain := strings.ReplaceAll(ref, "-", "")
	byRef := `query($ref: String!) { decisionByReference(reference: $ref) { id reference } }`
	byID := `query($id: ID!) { decision(id: $id) { id reference } }`
	found := func(t *testing.T, r *gqlResponse) {
		want := fmt.Sprintf(`"id":"%s"`, d.ID)
		if !strings.Contains(string(r.Data), want) || !strings.Contains(string(r.Data), `"reference":"`+ref+`"`) {
			t.Errorf("data %s, want decision %s with reference %s", r.Data, d.ID, ref)
		}
	}
	var scenarios []scenario
	for _, typed := range []string{
		ref, strings.ToLower(ref), plain, strings.ToLower(plain),
		plain[:3] + " " + plain[3:6] + " " + plain[6:], " " + ref + " ", strings.ToLower(plain[:3]) + "-" + plain[3:],
		// Crockford's decoding: O reads as 0, I and L as 1.
		strings.NewReplacer("0", "o", "1", "I").Replace(ref), strings.NewReplacer("0", "O", "1", "l").Replace(plain),
	} {
		scenarios = append(scenarios, scenario{name: fmt.Sprintf("reference %q", typed), role: auth.Agent, query: byRef,
			vars: map[string]any{"ref": typed}, wantCode: "FORBIDDEN", wantNull: "decisionByReference"})
		scenarios = append(scenarios, scenario{name: fmt.Sprintf("reference %q", typed), role: auth.Auditor, query: byRef,
			vars: map[string]any{"ref": typed}, check: found})
	}
	unknownRef := "000-000-000"
	if ref == unknownRef {
		unknownRef = "000-000-001"
	}
	scenarios = append(scenarios,
		scenario{name: "unknown reference", role: auth.Analyst, query: byRef, vars: map[string]any{"ref": unknownRef},
			wantCode: "NOT_FOUND", wantNull: "decisionByReference"},
		scenario{name: "malformed reference", role: auth.Analyst, query: byRef, vars: map[string]any{"ref": "hello; DROP TABLE decisions"},
			wantCode: "NOT_FOUND", wantNull: "decisionByReference"},
		scenario{name: "empty reference", role: auth.Analyst, query: byRef, vars: map[string]any{"ref": ""},
			wantCode: "NOT_FOUND", wantNull: "decisionByReference"},
		scenario{name: "id", role: auth.Approver, query: byID, vars: map[string]any{"id": d.ID}, check: found},
		scenario{name: "id in upper case", role: auth.Approver, query: byID, vars: map[string]any{"id": strings.ToUpper(d.ID)}, check: found},
		scenario{name: "malformed id", role: auth.Analyst, query: byID, vars: map[string]any{"id": "not-a-uuid"},
			wantCode: "INVALID", wantFields: []string{"id"}, wantNull: "decision"},
		scenario{name: "id with SQL", role: auth.Analyst, query: byID, vars: map[string]any{"id": "' OR 1=1 --"},
			wantCode: "INVALID", wantFields: []string{"id"}, wantNull: "decision"},
		scenario{name: "unknown id", role: auth.Analyst, query: byID, vars: map[string]any{"id": "01900000-0000-7000-8000-000000000000"},
			wantCode: "NOT_FOUND", wantNull: "decision"},
		scenario{name: "threshold version", role: auth.Auditor,
			query: `query($id: ID!) { thresholdVersion(id: $id) { id market version rules { measuredValue cutoff } } }`,
			vars:  map[string]any{"id": d.ThresholdVersion.ID}, wantContent: []string{`"id":"` + d.ThresholdVersion.ID + `"`, `"BUREAU_SCORE"`, `"OUTSTANDING_CREDIT"`},
			check: func(t *testing.T, r *gqlResponse) {
				if n := strings.Count(string(r.Data), `"measuredValue"`); n != engine.NumMeasures {
					t.Errorf("threshold version has %d rules, want %d", n, engine.NumMeasures)
				}
			}},
		scenario{name: "unknown threshold version", role: auth.Auditor, query: `{ thresholdVersion(id: "999999") { id } }`,
			wantCode: "NOT_FOUND", wantNull: "thresholdVersion"},
		scenario{name: "malformed threshold version", role: auth.Auditor, query: `{ thresholdVersion(id: "v1") { id } }`,
			wantCode: "INVALID", wantFields: []string{"id"}, wantNull: "thresholdVersion"},
	)
	for _, s := range scenarios {
		t.Run(string(s.role)+" "+s.name, func(t *testing.T) { s.run(t, ta) })
	}
}

// testCursorStability reads page 1, lets new (newer) decisions arrive, and reads page 2 with
// page 1's end cursor: the two pages are exactly the first two pages of the original order.
func testCursorStability(t *testing.T, ta *testApp) {
	for _, order := range []string{"NEWEST_FIRST", "OLDEST_FIRST"} {
		for _, filter := range []map[string]any{nil, {"market": "SE"}} {
			t.Run(fmt.Sprintf("%s %v", order, filter), func(t *testing.T) {
				before := fetchPage(t, ta, filter, order, 100, nil).Decisions.Nodes
				if len(before) != 100 {
					t.Fatalf("only %d decisions", len(before))
				}
				page1 := fetchPage(t, ta, filter, order, 50, nil)
				for i := range 3 {
					in := purchaseInput("SE", float64(100+i), nil)
					if i == 1 {
						in["values"].(map[string]any)["bureauScore"] = 300.0
					}
					ta.assess(t, in, uniqueKey("stability"))
				}
				page2 := fetchPage(t, ta, filter, order, 50, page1.Decisions.PageInfo.EndCursor)
				got := append(ids(page1.Decisions.Nodes), ids(page2.Decisions.Nodes)...)
				if !slices.Equal(got, ids(before)) {
					t.Errorf("pages 1 and 2 around inserts differ from the first 100 before them:\ngot  %v\nwant %v", got, ids(before))
				}
				if order == "NEWEST_FIRST" {
					// The new decisions are there, at the front.
					now := fetchPage(t, ta, filter, order, 3, nil).Decisions.Nodes
					for _, d := range now {
						if !d.CreatedAt.After(before[0].CreatedAt) {
							t.Errorf("newest decision %s (%s) is not newer than the old front %s", d.ID, d.CreatedAt, before[0].CreatedAt)
						}
					}
				}
			})
		}
	}
}

// testStatementCount proves that a page of decisions with breakdowns, reasons, message and
// threshold version costs a constant number of SQL statements, whatever its size.
func testStatementCount(t *testing.T, ta *testApp) {
	const q = `query($first: Int!) {
  decisions(first: $first) {
    nodes {
      id outcome breakdown catalogVersionId
      reasons { rank code measuredValue factor }
      message { locale title body steps }
      thresholdVersion { id market version }
      merchant { id name category }
    }
    pageInfo { endCursor }
  }
}`
	cnt := ta.Store.CountStatements()
	// The same cache state for every page measured: the token is cached by the first request,
	// and every threshold version the pages pin is in memory (Load caches every activated
	// version; the page of 100 would load any other), so each page costs the same.
	decodeData(t, ta.gql(t, auth.Analyst, q, map[string]any{"first": 100}), &struct{}{})
	counts := map[int]int64{}
	for _, first := range []int{10, 50, 100, 10} {
		start := cnt.Load()
		r := ta.gql(t, auth.Analyst, q, map[string]any{"first": first})
		var p struct {
			Decisions struct {
				Nodes []struct {
					Breakdown []factorCheck `json:"breakdown"`
				} `json:"nodes"`
			} `json:"decisions"`
		}
		decodeData(t, r, &p)
		if len(p.Decisions.Nodes) != first || len(p.Decisions.Nodes[0].Breakdown) != engine.NumMeasures {
			t.Fatalf("first %d: %d nodes", first, len(p.Decisions.Nodes))
		}
		n := cnt.Load() - start
		t.Logf("page of %d: %d statements", first, n)
		if prev, ok := counts[first]; ok && prev != n {
			t.Errorf("page of %d: %d statements, earlier %d", first, n, prev)
		}
		counts[first] = n
	}
	if counts[10] != counts[50] || counts[50] != counts[100] {
		t.Errorf("statements per page: %v; want the same for every page size", counts)
	}
	if counts[50] > 2 || counts[50] < 1 {
		t.Errorf("a page of 50 took %d statements, want 1 or 2", counts[50])
	}
}
