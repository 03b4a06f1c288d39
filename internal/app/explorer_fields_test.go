package app

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"riskconsole/graph"
	"riskconsole/internal/auth"
)

// TestExplorerSelection checks that the explorer's page, which reads only the columns its
// selection needs, answers every field as a page asking for every field does, and that one as a
// look-up by id does, on both databases: with each field of Decision asked alone, with the UI's
// own explorer document and the load tool's page, through edges and fragments, and skipped with
// @skip. The data hold every kind of value a field shows: declines with their pop-up, bureau
// reports, repayments, a shadow's results, reviewers' MANUAL_REVIEW decisions.
func TestExplorerSelection(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		e := newReviewEnv(t, dialect)
		ta := e.ta
		// Decisions under a split and a shadow in SE, and a decline a reviewer overturned (its
		// MANUAL_REVIEW decision), all newer than the demo's, so that the first page holds them.
		e.runningSplit(t)
		e.newShadow(t)
		for _, in := range shadowInputs("SE") {
			ta.assess(t, in, uniqueKey("selection"))
		}
		d := e.decline(t, "SE", 100)
		rc := e.mustRequest(t, d.Reference, "The remark was settled last month.", "en-GB", uniqueKey("selection"))
		e.as(t, e.rita, claimMutation, map[string]any{"id": rc.CaseID})
		if c := caseOf(t, e.as(t, e.rita, decideMutation, map[string]any{"id": rc.CaseID, "o": "OVERTURN", "r": "Settled."}), "decideReviewCase"); c.Status != "OVERTURNED" {
			t.Fatalf("overturned case %+v", c)
		}

		schema := graph.NewExecutableSchema(graph.Config{}).Schema()
		every := everyField(schema, schema.Types["Decision"], 0)
		full := explorerNodes(t, ta, `query($f: DecisionFilter, $after: String) { decisions(first: 40, filter: $f, after: $after) {
			nodes { `+every+` } pageInfo { hasNextPage endCursor } } }`, nil)
		checkEveryValueShown(t, full)

		t.Run("a page with every field is the look-up by id", func(t *testing.T) {
			for _, d := range full {
				var out struct{ Decision map[string]any }
				decodeData(t, ta.gql(t, auth.Auditor, `query($id: ID!) { decision(id: $id) { `+every+` } }`, map[string]any{"id": d["id"]}), &out)
				if !reflect.DeepEqual(out.Decision, d) {
					t.Fatalf("decision %s:\n page   %v\n lookup %v", d["id"], d, out.Decision)
				}
			}
		})
		t.Run("each field alone", func(t *testing.T) {
			for _, f := range schema.Types["Decision"].Fields {
				if strings.HasPrefix(f.Name, "__") {
					continue
				}
				sel := f.Name + everyField(schema, schema.Types[f.Type.Name()], 1)
				got := explorerNodes(t, ta, `query { decisions(first: 40) { nodes { id `+sel+` } pageInfo { hasNextPage } } }`, nil)
				checkSubset(t, f.Name, got, full)
			}
		})
		_, uiDoc := uiDocument(t, "query Decisions(")
		narrow := []struct {
			name, query string
			vars        map[string]any
		}{
			{"the UI's explorer", uiDoc, map[string]any{"first": 40, "orderBy": "NEWEST_FIRST"}},
			{"the load tool's page", `query { decisions(first: 40) { nodes { id reference createdAt market outcome amount currency
				merchant { name category } reasons { rank code } thresholdVersion { id version } } } }`, nil},
			{"edges and a fragment", `query { decisions(first: 40) { edges { cursor node { ...F } } } }
				fragment F on Decision { id kind reviewer message { title steps closing } bureauReport { score keyFactors } }`, nil},
			{"an inline fragment and aliases", `query { decisions(first: 40) { nodes { id ... on Decision { s: shadows { versionId outcome } a: arm } } } }`, nil},
			{"skipped and included", `query($no: Boolean!) { decisions(first: 40) {
				nodes { id breakdown @skip(if: $no) repayment @include(if: $no) { status } market } } }`, map[string]any{"no": false}},
		}
		for _, c := range narrow {
			t.Run(c.name, func(t *testing.T) {
				checkSubset(t, c.name, explorerNodes(t, ta, c.query, c.vars), full)
			})
		}
	})
}

// explorerNodes runs query, a first page of decisions newest first (its nodes or its edges'
// nodes), as AUDITOR, and returns its decisions as decoded JSON. The pages hold 40 decisions at
// most: a page with every field costs about 7 per decision, and the complexity limit is 300.
func explorerNodes(tb testing.TB, ta *testApp, query string, vars map[string]any) []map[string]any {
	tb.Helper()
	var out struct {
		Decisions struct {
			Nodes []map[string]any
			Edges []struct{ Node map[string]any }
		}
	}
	decodeData(tb, ta.gql(tb, auth.Auditor, query, vars), &out)
	nodes := out.Decisions.Nodes
	for _, e := range out.Decisions.Edges {
		nodes = append(nodes, e.Node)
	}
	return nodes
}

// checkSubset checks that each decision of got holds the values of the same decision of full
// (in the same order): every field it has, with the value full has, objects and lists of objects
// compared field by field and aliases by the field they name (alias a of x: a's value is x's).
func checkSubset(tb testing.TB, name string, got, full []map[string]any) {
	tb.Helper()
	aliases := map[string]string{"s": "shadows", "a": "arm"}
	if len(got) != len(full) {
		tb.Fatalf("%s: %d decisions, with every field %d", name, len(got), len(full))
	}
	for i := range got {
		if got[i]["id"] != full[i]["id"] {
			tb.Fatalf("%s: decision %d is %v, with every field %v", name, i, got[i]["id"], full[i]["id"])
		}
		for k, v := range got[i] {
			want, ok := full[i][cmpOr(aliases[k], k)]
			if !ok || !subset(v, want) {
				tb.Fatalf("%s: decision %v field %s = %v, with every field %v", name, got[i]["id"], k, v, want)
			}
		}
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// subset reports whether a is b, or an object whose fields all hold b's values, or a list of
// such of the same length.
func subset(a, b any) bool {
	switch a := a.(type) {
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok {
			return false
		}
		for k, v := range a {
			if w, ok := bm[k]; !ok || !subset(v, w) {
				return false
			}
		}
		return true
	case []any:
		bl, ok := b.([]any)
		if !ok || len(a) != len(bl) {
			return false
		}
		for i := range a {
			if !subset(a[i], bl[i]) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}

// checkEveryValueShown fails unless the page shows every kind of value the omitted parts hold,
// so that a part left unread would show as a difference.
func checkEveryValueShown(tb testing.TB, page []map[string]any) {
	tb.Helper()
	has := func(name string, ok func(d map[string]any) bool) {
		if !slices.ContainsFunc(page, ok) {
			tb.Errorf("no decision on the page with %s", name)
		}
	}
	notEmpty := func(k string) func(d map[string]any) bool {
		return func(d map[string]any) bool {
			v := reflect.ValueOf(d[k])
			return d[k] != nil && (v.Kind() != reflect.Slice || v.Len() > 0) && d[k] != ""
		}
	}
	for _, k := range []string{"message", "bureauReport", "shadows", "arm", "repayment", "reviewer", "reviewReason",
		"overturns", "reviewCases", "breakdown", "shopperId", "locale", "channel"} {
		has(k, notEmpty(k))
	}
	has("a MANUAL_REVIEW decision", func(d map[string]any) bool { return d["kind"] == "MANUAL_REVIEW" })
	has("a catalog version", func(d map[string]any) bool { return d["catalogVersionId"] != "0" })
}

// everyField returns a selection of every field of t, and of the objects its fields lead to (a
// decision's nested decisions by id alone), for a query that answers everything a decision holds;
// "" for a scalar or enum. Fields with required arguments are left out.
func everyField(s *ast.Schema, t *ast.Definition, depth int) string {
	if t == nil || (t.Kind != ast.Object && t.Kind != ast.Interface) {
		return ""
	}
	if t.Name == "Decision" && depth > 0 {
		return " { id }"
	}
	var b strings.Builder
	b.WriteString(" {")
	for _, f := range t.Fields {
		if strings.HasPrefix(f.Name, "__") || slices.ContainsFunc(f.Arguments, func(a *ast.ArgumentDefinition) bool {
			return a.Type.NonNull && a.DefaultValue == nil
		}) {
			continue
		}
		fmt.Fprintf(&b, " %s%s", f.Name, everyField(s, s.Types[f.Type.Name()], depth+1))
	}
	b.WriteString(" }")
	if depth == 0 {
		return strings.TrimSuffix(strings.TrimPrefix(b.String(), " {"), " }")
	}
	return b.String()
}
