package obs

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// GraphQLOperations is a gqlgen extension that names each operation for the request record: by
// its root field, "multiple" when it selects several different ones, "unknown" when it has no
// valid operation. A name counts only when the schema has it as a root field, so a document
// that fails validation cannot put a name of its own into a label. The outcome is "ok" or the
// first error's extensions.code.
type GraphQLOperations struct {
	rootFields map[string]bool
}

var (
	_ graphql.HandlerExtension    = (*GraphQLOperations)(nil)
	_ graphql.ResponseInterceptor = (*GraphQLOperations)(nil)
)

// ExtensionName implements graphql.HandlerExtension.
func (*GraphQLOperations) ExtensionName() string { return "GraphQLOperations" }

// Validate collects the schema's root fields.
func (g *GraphQLOperations) Validate(es graphql.ExecutableSchema) error {
	g.rootFields = map[string]bool{}
	s := es.Schema()
	for _, t := range []*ast.Definition{s.Query, s.Mutation, s.Subscription} {
		if t == nil {
			continue
		}
		for _, f := range t.Fields {
			g.rootFields[f.Name] = true
		}
	}
	return nil
}

// InterceptResponse records the operation and outcome of the first response.
func (g *GraphQLOperations) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	rec := RecordFrom(ctx)
	if rec == nil {
		return resp
	}
	operation := "unknown"
	if graphql.HasOperationContext(ctx) {
		if oc := graphql.GetOperationContext(ctx); oc != nil && oc.Operation != nil {
			operation = g.name(oc.Doc, oc.Operation.SelectionSet)
		}
	}
	outcome := "ok"
	if resp != nil && len(resp.Errors) > 0 {
		outcome = "error"
		if code, ok := resp.Errors[0].Extensions["code"].(string); ok && validCode(code) {
			outcome = code
		}
	}
	rec.SetOperation(operation, outcome)
	return resp
}

// name returns the label of an operation's root selection.
func (g *GraphQLOperations) name(doc *ast.QueryDocument, set ast.SelectionSet) string {
	found := ""
	var walk func(set ast.SelectionSet, depth int) bool
	walk = func(set ast.SelectionSet, depth int) bool {
		if depth > 10 { // fragments nested this deep at the root are not worth naming
			found = "unknown"
			return false
		}
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				name := s.Name
				if !g.rootFields[name] && name != "__typename" && name != "__schema" && name != "__type" {
					found = "unknown"
					return false
				}
				if found != "" && found != name {
					found = "multiple"
					return false
				}
				found = name
			case *ast.InlineFragment:
				if !walk(s.SelectionSet, depth+1) {
					return false
				}
			case *ast.FragmentSpread:
				var f *ast.FragmentDefinition
				if doc != nil {
					f = doc.Fragments.ForName(s.Name)
				}
				if f == nil {
					found = "unknown"
					return false
				}
				if !walk(f.SelectionSet, depth+1) {
					return false
				}
			}
		}
		return true
	}
	walk(set, 0)
	if found == "" {
		return "unknown"
	}
	return found
}

// validCode accepts an error code as the server writes them (INVALID, NOT_FOUND,
// GRAPHQL_VALIDATION_FAILED, ...): 1 to 40 upper-case letters and underscores.
func validCode(code string) bool {
	if code == "" || len(code) > 40 {
		return false
	}
	for i := 0; i < len(code); i++ {
		if c := code[i]; !('A' <= c && c <= 'Z' || c == '_') {
			return false
		}
	}
	return true
}
