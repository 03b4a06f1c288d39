package graph_test

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"riskconsole/graph"
)

// TestSchemaAccessRules walks the whole schema: every Query and Mutation field says who may call
// it (deny by default), every object type says who may see it, and no root field leads a caller
// to an object type that is not visible to every role the field admits.
func TestSchemaAccessRules(t *testing.T) {
	s := graph.NewExecutableSchema(graph.Config{}).Schema()
	if s.Query == nil || len(rootFields(s.Query)) == 0 || s.Mutation == nil {
		t.Fatal("schema has no Query or Mutation fields")
	}
	for _, p := range accessProblems(s) {
		t.Error(p)
	}
	// The walker looked at the fields the rules are about.
	for _, name := range []string{"decisions", "decision", "decisionByReference", "thresholdVersion", "viewer"} {
		if s.Query.Fields.ForName(name) == nil {
			t.Errorf("Query.%s is missing from the schema", name)
		}
	}
	if s.Mutation.Fields.ForName("assessPurchase") == nil {
		t.Error("Mutation.assessPurchase is missing from the schema")
	}
}

// TestSchemaAccessRulesSpecifics pins down the rules of DESIGN.md that matter most, on the real
// schema: support agents and checkout never reach a decision's factor values.
func TestSchemaAccessRulesSpecifics(t *testing.T) {
	s := graph.NewExecutableSchema(graph.Config{}).Schema()
	reach := reachableByRole(s)
	if !slices.Contains(reach["ANALYST"], "Decision") || !slices.Contains(reach["AGENT"], "Viewer") ||
		!slices.Contains(reach["SERVICE"], "Assessment") || !slices.Contains(reach["SERVICE"], "ShopperMessage") {
		t.Fatalf("the walker misses types the roles do reach: %v", reach)
	}
	for _, role := range []string{"AGENT", "SERVICE"} {
		for _, typ := range []string{"Decision", "DecisionConnection", "ThresholdVersion", "ThresholdRule", "Reason"} {
			if slices.Contains(reach[role], typ) {
				t.Errorf("%s can reach %s", role, typ)
			}
		}
	}
	if got := roles(s.Mutation.Fields.ForName("assessPurchase").Directives.ForName("hasRole")); !slices.Equal(got, []string{"SERVICE"}) {
		t.Errorf("assessPurchase is open to %v, want only SERVICE", got)
	}
	for _, name := range []string{"decision", "decisions", "decisionByReference", "thresholdVersion"} {
		got := roles(s.Query.Fields.ForName(name).Directives.ForName("hasRole"))
		if !slices.Equal(sorted(got), []string{"ANALYST", "APPROVER", "AUDITOR"}) {
			t.Errorf("Query.%s is open to %v, want ANALYST, APPROVER, AUDITOR", name, got)
		}
	}
}

// TestAccessWalker proves that the walker finds each kind of violation, on small schemas made
// for the purpose.
func TestAccessWalker(t *testing.T) {
	const prelude = `
directive @hasRole(roles: [Role!]!) on FIELD_DEFINITION
directive @visibleTo(roles: [Role!]!) on OBJECT
enum Role { ANALYST AGENT SERVICE }
`
	tests := []struct {
		name   string
		schema string
		want   []string // substrings, one per expected problem, in any order
	}{
		{
			name: "a sound schema has no problems",
			schema: `
type Query {
  a: A @hasRole(roles: [ANALYST, AGENT])
  s: String @hasRole(roles: [SERVICE])
}
type Mutation { m(x: Int): [[B!]]! @hasRole(roles: [ANALYST]) }
type A @visibleTo(roles: [AGENT, ANALYST]) { b: B, self: A, list: [A!]! }
type B @visibleTo(roles: [ANALYST, AGENT, SERVICE]) { a: A, n: Int }
`,
		},
		{
			name: "root field without a rule",
			schema: `
type Query { open: String, fine: String @hasRole(roles: [AGENT]) }
`,
			want: []string{"Query.open has no @hasRole"},
		},
		{
			name: "mutation field without a rule",
			schema: `
type Query { q: String @hasRole(roles: [AGENT]) }
type Mutation { doIt: Boolean }
`,
			want: []string{"Mutation.doIt has no @hasRole"},
		},
		{
			name: "rule naming nobody",
			schema: `
type Query { q: String @hasRole(roles: []) }
`,
			want: []string{"Query.q: @hasRole names no role"},
		},
		{
			name: "object type without @visibleTo",
			schema: `
type Query { q: Naked @hasRole(roles: [ANALYST]) }
type Naked { x: Int }
`,
			want: []string{"type Naked has no @visibleTo", "Query.q (ANALYST) reaches Naked"},
		},
		{
			name: "root field reaching a type hidden from one of its roles",
			schema: `
type Query { d: Decision @hasRole(roles: [ANALYST, AGENT]) }
type Decision @visibleTo(roles: [ANALYST]) { id: ID }
`,
			want: []string{"Query.d (AGENT) reaches Decision"},
		},
		{
			name: "through lists, non-null wrappers and nested objects",
			schema: `
type Query { look: Lookup! @hasRole(roles: [AGENT]) }
type Lookup @visibleTo(roles: [AGENT, ANALYST]) { page: [[Page!]!] }
type Page @visibleTo(roles: [AGENT, ANALYST]) { items: [Item!]! }
type Item @visibleTo(roles: [AGENT, ANALYST]) { factors: Factors }
type Factors @visibleTo(roles: [ANALYST]) { score: Float }
`,
			want: []string{"Query.look (AGENT) reaches Factors via Lookup.page → Page.items → Item.factors"},
		},
		{
			name: "through a cycle",
			schema: `
type Query { a: A @hasRole(roles: [AGENT]) }
type A @visibleTo(roles: [AGENT]) { b: B }
type B @visibleTo(roles: [AGENT]) { a: A, c: C }
type C @visibleTo(roles: [SERVICE]) { x: Int }
`,
			want: []string{"Query.a (AGENT) reaches C"},
		},
		{
			name: "through an interface and a union",
			schema: `
type Query {
  n: Node @hasRole(roles: [AGENT])
  u: Thing @hasRole(roles: [SERVICE])
}
interface Node { id: ID }
type Public implements Node @visibleTo(roles: [AGENT, SERVICE]) { id: ID }
type Secret implements Node @visibleTo(roles: [ANALYST]) { id: ID }
union Thing = Public | Secret
`,
			want: []string{"Query.n (AGENT) reaches Secret", "Query.u (SERVICE) reaches Secret"},
		},
		{
			name: "mutation result hidden from the caller",
			schema: `
type Query { q: String @hasRole(roles: [AGENT]) }
type Mutation { assess: Result! @hasRole(roles: [SERVICE]) }
type Result @visibleTo(roles: [SERVICE]) { decision: Decision }
type Decision @visibleTo(roles: [ANALYST]) { id: ID }
`,
			want: []string{"Mutation.assess (SERVICE) reaches Decision via Result.decision"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := gqlparser.LoadSchema(&ast.Source{Name: "test.graphqls", Input: prelude + tt.schema})
			if err != nil {
				t.Fatalf("test schema: %v", err)
			}
			got := accessProblems(s)
			for _, w := range tt.want {
				if !slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, w) }) {
					t.Errorf("walker missed %q; it reported:\n%s", w, strings.Join(got, "\n"))
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("walker reported %d problems, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
		})
	}
}

// accessProblems returns every violation of the schema's access rules, one line each:
//   - a Query, Mutation or Subscription field without @hasRole, or whose @hasRole names no role;
//   - an object type (other than the root types) without @visibleTo, or naming no role;
//   - a root field from which a caller holding one of its roles reaches, through any chain of
//     fields, an object type whose @visibleTo does not list that role.
func accessProblems(s *ast.Schema) []string {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	isRoot := func(d *ast.Definition) bool { return d == s.Query || d == s.Mutation || d == s.Subscription }

	names := make([]string, 0, len(s.Types))
	for name := range s.Types {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		d := s.Types[name]
		if d.Kind != ast.Object || d.BuiltIn || strings.HasPrefix(name, "__") || isRoot(d) {
			continue
		}
		dir := d.Directives.ForName("visibleTo")
		switch {
		case dir == nil:
			add("type %s has no @visibleTo", name)
		case len(roles(dir)) == 0:
			add("type %s: @visibleTo names no role", name)
		}
	}

	for _, root := range []*ast.Definition{s.Query, s.Mutation, s.Subscription} {
		if root == nil {
			continue
		}
		for _, f := range rootFields(root) {
			where := root.Name + "." + f.Name
			dir := f.Directives.ForName("hasRole")
			if dir == nil {
				add("%s has no @hasRole: nobody may call it (deny by default), so say who may", where)
				continue
			}
			allowed := roles(dir)
			if len(allowed) == 0 {
				add("%s: @hasRole names no role", where)
				continue
			}
			walk(s, f.Type.Name(), nil, map[string]bool{}, func(d *ast.Definition, path []string) {
				visible := roles(d.Directives.ForName("visibleTo"))
				for _, r := range allowed {
					if !slices.Contains(visible, r) {
						via := ""
						if len(path) > 0 {
							via = " via " + strings.Join(path, " → ")
						}
						add("%s (%s) reaches %s%s, which is visible to %v only", where, r, d.Name, via, visible)
					}
				}
			})
		}
	}
	return problems
}

// walk calls visit for every object type reachable from the named type, once each, with the
// chain of fields that led there. Interfaces and unions lead to each of their possible types.
func walk(s *ast.Schema, name string, path []string, seen map[string]bool, visit func(*ast.Definition, []string)) {
	d := s.Types[name]
	if d == nil || seen[name] || strings.HasPrefix(name, "__") {
		return
	}
	seen[name] = true
	switch d.Kind {
	case ast.Object:
		visit(d, path)
	case ast.Interface, ast.Union:
		for _, p := range s.GetPossibleTypes(d) {
			walk(s, p.Name, path, seen, visit)
		}
	default:
		return // scalars and enums lead nowhere
	}
	for _, f := range d.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		walk(s, f.Type.Name(), append(slices.Clip(path), d.Name+"."+f.Name), seen, visit)
	}
}

// reachableByRole lists, per role, the object types some root field open to the role reaches.
func reachableByRole(s *ast.Schema) map[string][]string {
	out := map[string][]string{}
	for _, root := range []*ast.Definition{s.Query, s.Mutation, s.Subscription} {
		if root == nil {
			continue
		}
		for _, f := range rootFields(root) {
			for _, r := range roles(f.Directives.ForName("hasRole")) {
				walk(s, f.Type.Name(), nil, map[string]bool{}, func(d *ast.Definition, _ []string) {
					if !slices.Contains(out[r], d.Name) {
						out[r] = append(out[r], d.Name)
					}
				})
			}
		}
	}
	return out
}

// rootFields returns the fields of a root type, without the introspection fields.
func rootFields(root *ast.Definition) []*ast.FieldDefinition {
	var out []*ast.FieldDefinition
	for _, f := range root.Fields {
		if !strings.HasPrefix(f.Name, "__") {
			out = append(out, f)
		}
	}
	return out
}

// roles returns the roles listed in a @hasRole or @visibleTo directive; nil for a nil directive.
func roles(dir *ast.Directive) []string {
	if dir == nil {
		return nil
	}
	arg := dir.Arguments.ForName("roles")
	if arg == nil || arg.Value == nil {
		return nil
	}
	var out []string
	if arg.Value.Kind == ast.EnumValue { // a single role, coerced to a list
		return []string{arg.Value.Raw}
	}
	for _, c := range arg.Value.Children {
		out = append(out, c.Value.Raw)
	}
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// restrictedField matches the names of fields that carry what support agents must not see:
// factor values, scores, cut-offs, threshold versions, shopper ids and factor breakdowns.
var restrictedField = regexp.MustCompile(`(?i)score|value|cutoff|threshold|shopper_?id|breakdown|bureau|shortfall|factor|rules`)

// TestAgentReachesNoRestrictedData walks the schema from every root field AGENT may call,
// through every field of every object type reached (nested ones included), and fails on any
// field whose name or type names restricted data, on any restricted type, and on any mutation
// open to AGENT.
func TestAgentReachesNoRestrictedData(t *testing.T) {
	s := graph.NewExecutableSchema(graph.Config{}).Schema()
	var roots []string
	for _, f := range rootFields(s.Query) {
		if slices.Contains(roles(f.Directives.ForName("hasRole")), "AGENT") {
			roots = append(roots, f.Name)
		}
	}
	if !slices.Contains(roots, "agentDecision") {
		t.Fatalf("AGENT may call %v, which lacks agentDecision", roots)
	}
	for _, f := range rootFields(s.Mutation) {
		if slices.Contains(roles(f.Directives.ForName("hasRole")), "AGENT") {
			t.Errorf("AGENT may call Mutation.%s", f.Name)
		}
	}
	seen := map[string]bool{}
	for _, name := range roots {
		f := s.Query.Fields.ForName(name)
		for _, a := range f.Arguments {
			if restrictedField.MatchString(a.Name) {
				t.Errorf("Query.%s takes argument %s", name, a.Name)
			}
		}
		walk(s, f.Type.Name(), []string{"Query." + name}, seen, func(d *ast.Definition, path []string) {
			for _, typ := range []string{"Decision", "Reason", "ThresholdVersion", "ThresholdVersionRef", "ThresholdRule", "Merchant"} {
				if d.Name == typ {
					t.Errorf("AGENT reaches %s via %s", d.Name, strings.Join(path, " → "))
				}
			}
			for _, fd := range d.Fields {
				if restrictedField.MatchString(fd.Name) || restrictedField.MatchString(fd.Type.Name()) {
					t.Errorf("AGENT reaches %s.%s (%s) via %s", d.Name, fd.Name, fd.Type.Name(), strings.Join(path, " → "))
				}
			}
		})
	}
	for _, typ := range []string{"AgentDecision", "AgentGuidance", "CardHold", "ShopperMessage", "Viewer"} {
		if !seen[typ] {
			t.Errorf("the walk missed %s, which AGENT does reach", typ)
		}
	}
}
