package graph_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

var (
	pascalCase = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
	camelCase  = regexp.MustCompile(`^[a-z][A-Za-z0-9]*$`)
	upperCase  = regexp.MustCompile(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$`)
)

// lintCount is how many of one kind of schema element are documented, of how many.
type lintCount struct{ documented, total int }

func (c *lintCount) add(description string) {
	c.total++
	if strings.TrimSpace(description) != "" {
		c.documented++
	}
}

func (c lintCount) String() string { return fmt.Sprintf("%d/%d", c.documented, c.total) }

// lintReport is the schema lint's answer: the rules broken and the description coverage.
type lintReport struct {
	problems                        []string
	types, fields, args, enumValues lintCount
}

func (r lintReport) coverage() string {
	return fmt.Sprintf("types %v, fields %v, arguments %v, enum values %v documented",
		r.types, r.fields, r.args, r.enumValues)
}

// lintSchema checks the rules a schema clients can trust keeps: every type, field, argument and
// enum value is described; names are PascalCase (types), camelCase (fields, arguments) and
// UPPER_CASE (enum values); every connection has edges, nodes and pageInfo, its edges a cursor
// and a node, and every field returning one takes first and after.
func lintSchema(s *ast.Schema) lintReport {
	var r lintReport
	problem := func(format string, args ...any) { r.problems = append(r.problems, fmt.Sprintf(format, args...)) }
	describe := func(c *lintCount, description, format string, args ...any) {
		c.add(description)
		if strings.TrimSpace(description) == "" {
			problem(format+" has no description", args...)
		}
	}
	for _, name := range sortedKeys(s.Types) {
		def := s.Types[name]
		if def.BuiltIn || strings.HasPrefix(name, "__") {
			continue
		}
		describe(&r.types, def.Description, "type %s", name)
		if !pascalCase.MatchString(name) {
			problem("type %s: name is not PascalCase", name)
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			describe(&r.fields, f.Description, "field %s.%s", name, f.Name)
			if !camelCase.MatchString(f.Name) {
				problem("field %s.%s: name is not camelCase", name, f.Name)
			}
			for _, a := range f.Arguments {
				describe(&r.args, a.Description, "argument %s.%s(%s)", name, f.Name, a.Name)
				if !camelCase.MatchString(a.Name) {
					problem("argument %s.%s(%s): name is not camelCase", name, f.Name, a.Name)
				}
			}
			if t := s.Types[f.Type.Name()]; def.Kind == ast.Object && t != nil && isConnection(t) {
				for _, arg := range []string{"first", "after"} {
					if f.Arguments.ForName(arg) == nil {
						problem("field %s.%s returns the connection %s without the argument %s", name, f.Name, t.Name, arg)
					}
				}
			}
		}
		for _, v := range def.EnumValues {
			describe(&r.enumValues, v.Description, "enum value %s.%s", name, v.Name)
			if !upperCase.MatchString(v.Name) {
				problem("enum value %s.%s: name is not UPPER_CASE", name, v.Name)
			}
		}
		if isConnection(def) {
			r.problems = append(r.problems, connectionProblems(s, def)...)
		}
	}
	for _, name := range sortedKeys(s.Directives) {
		d := s.Directives[name]
		if d.Position == nil || d.Position.Src == nil || d.Position.Src.BuiltIn {
			continue
		}
		for _, a := range d.Arguments {
			describe(&r.args, a.Description, "argument @%s(%s)", name, a.Name)
		}
	}
	return r
}

func isConnection(def *ast.Definition) bool {
	return def.Kind == ast.Object && strings.HasSuffix(def.Name, "Connection")
}

// connectionProblems checks a Relay-style connection: edges: [XEdge!]!, nodes: [X!]! and
// pageInfo: PageInfo!, with XEdge { cursor: String! node: X! }.
func connectionProblems(s *ast.Schema, conn *ast.Definition) []string {
	var out []string
	field := func(def *ast.Definition, name, want string) *ast.FieldDefinition {
		f := def.Fields.ForName(name)
		if f == nil {
			out = append(out, fmt.Sprintf("connection %s: %s has no field %s: %s", conn.Name, def.Name, name, want))
			return nil
		}
		if got := f.Type.String(); want != "" && got != want {
			out = append(out, fmt.Sprintf("connection %s: %s.%s is %s, want %s", conn.Name, def.Name, name, got, want))
		}
		return f
	}
	nodes := field(conn, "nodes", "")
	field(conn, "pageInfo", "PageInfo!")
	if nodes == nil || nodes.Type.Elem == nil || !nodes.Type.NonNull || !nodes.Type.Elem.NonNull {
		if nodes != nil {
			out = append(out, fmt.Sprintf("connection %s: nodes is %s, want a non-null list of non-null nodes", conn.Name, nodes.Type))
		}
		return out
	}
	node := nodes.Type.Elem.NamedType
	edgeName := strings.TrimSuffix(conn.Name, "Connection") + "Edge"
	if field(conn, "edges", "["+edgeName+"!]!") == nil {
		return out
	}
	edge := s.Types[edgeName]
	if edge == nil {
		return append(out, fmt.Sprintf("connection %s: type %s does not exist", conn.Name, edgeName))
	}
	field(edge, "cursor", "String!")
	field(edge, "node", node+"!")
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// loadSchemaFiles parses the schema as gqlgen reads it: every graph/schema/*.graphqls.
func loadSchemaFiles(t *testing.T) *ast.Schema {
	t.Helper()
	paths, err := filepath.Glob("schema/*.graphqls")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no schema files under graph/schema (err %v)", err)
	}
	var sources []*ast.Source
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, &ast.Source{Name: p, Input: string(b)})
	}
	s, err := gqlparser.LoadSchema(sources...)
	if err != nil {
		t.Fatalf("parse schema: %v", err)
	}
	return s
}

// TestSchemaLint fails on a schema element without a description, a name off its convention,
// or a connection without edges; it logs the description coverage.
func TestSchemaLint(t *testing.T) {
	r := lintSchema(loadSchemaFiles(t))
	t.Logf("schema lint: %s", r.coverage())
	if r.types.total < 100 || r.fields.total < 500 {
		t.Fatalf("the lint saw only %s: is it reading the whole schema?", r.coverage())
	}
	for _, p := range r.problems {
		t.Error(p)
	}
}

// TestSchemaLintFires shows every rule of the lint failing on a small bad schema.
func TestSchemaLintFires(t *testing.T) {
	const bad = `
"Documented."
type Query {
  "Documented."
  things("Documented." first: Int!, "Documented." after: String): ThingConnection!
  "A connection without paging arguments."
  allThings: ThingConnection!
  undocumentedField: Int
  "Documented."
  Bad_Field("Documented." x: Int, Bad_Arg: Int): Int
  "Documented."
  loose: LooseConnection!
}
"Documented."
type ThingConnection {
  "Documented."
  nodes: [Thing!]!
  "Documented."
  pageInfo: PageInfo!
}
"Documented."
type LooseConnection {
  "Documented."
  nodes: [Thing!]!
  "Documented."
  edges: [LooseEdge!]!
  "Documented."
  pageInfo: PageInfo
}
"Documented."
type LooseEdge {
  "Documented."
  cursor: String
  "Documented."
  node: PageInfo!
}
"Documented."
type PageInfo {
  "Documented."
  hasNextPage: Boolean!
}
type Thing {
  "Documented."
  id: ID!
}
"Documented."
type bad_type {
  "Documented."
  id: ID!
}
"Documented."
enum Color {
  "Documented."
  RED
  green
}
`
	s, err := gqlparser.LoadSchema(&ast.Source{Name: "bad.graphqls", Input: bad})
	if err != nil {
		t.Fatal(err)
	}
	r := lintSchema(s)
	want := []string{
		"type Thing has no description",
		"field Query.undocumentedField has no description",
		"argument Query.Bad_Field(Bad_Arg) has no description",
		"enum value Color.green has no description",
		"type bad_type: name is not PascalCase",
		"field Query.Bad_Field: name is not camelCase",
		"argument Query.Bad_Field(Bad_Arg): name is not camelCase",
		"enum value Color.green: name is not UPPER_CASE",
		"connection ThingConnection: ThingConnection has no field edges: [ThingEdge!]!",
		"connection LooseConnection: LooseConnection.pageInfo is PageInfo, want PageInfo!",
		"connection LooseConnection: LooseEdge.cursor is String, want String!",
		"connection LooseConnection: LooseEdge.node is PageInfo!, want Thing!",
		"field Query.allThings returns the connection ThingConnection without the argument first",
		"field Query.loose returns the connection LooseConnection without the argument after",
	}
	for _, w := range want {
		if !slices.Contains(r.problems, w) {
			t.Errorf("the lint did not report %q; it reported:\n%s", w, strings.Join(r.problems, "\n"))
		}
	}
	if len(r.problems) != len(want)+2 { // allThings and loose each lack both first and after.
		t.Errorf("the lint reported %d problems, want %d:\n%s", len(r.problems), len(want)+2, strings.Join(r.problems, "\n"))
	}
	// Types Query, ThingConnection, LooseConnection, LooseEdge, PageInfo, Thing, bad_type, Color.
	if got, want := r.coverage(), "types 7/8, fields 14/15, arguments 3/4, enum values 1/2 documented"; got != want {
		t.Errorf("coverage %q, want %q", got, want)
	}
}
