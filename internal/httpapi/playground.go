package httpapi

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"riskconsole/graph"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
)

// Schema exploration, introspection and the GraphiQL playground, is for staff who read the API:
// only where configured (GRAPHQL_INTROSPECTION, GRAPHQL_PLAYGROUND), and never for anonymous
// callers or callers whose only roles are AGENT and/or SERVICE, whose fields are few and fixed.
var explorerRoles = []auth.Role{auth.Analyst, auth.Approver, auth.Auditor, auth.Admin}

// mayExplore reports whether p may introspect the schema and open the playground.
func mayExplore(p *auth.Principal) bool { return p.HasAny(explorerRoles...) }

// introspectionGuard is the gqlgen extension that allows __schema and __type (anywhere in the
// operation, fragments included) only when enabled and only to callers who may explore; others
// are refused before anything runs. An authorization refusal is recorded as an access.denied
// event, like a refused field. __typename is not introspection and is always allowed.
type introspectionGuard struct {
	enabled bool
	denials graph.DenialRecorder
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = introspectionGuard{}

// ExtensionName implements graphql.HandlerExtension.
func (introspectionGuard) ExtensionName() string { return "IntrospectionGuard" }

// Validate implements graphql.HandlerExtension.
func (introspectionGuard) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext refuses or allows introspection for the operation about to run.
func (g introspectionGuard) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	field := introspectionField(opCtx.Operation.SelectionSet, map[string]bool{})
	if field == "" {
		return nil
	}
	if !g.enabled {
		return codedError(graph.CodeForbidden, "introspection is disabled on this server")
	}
	p, err := auth.PrincipalErr(ctx)
	if err != nil {
		slog.ErrorContext(ctx, "look up the caller of an introspection query", "request_id", audit.RequestFrom(ctx).ID, "err", err)
		return codedError(graph.CodeInternal, "internal error")
	}
	if mayExplore(p) {
		opCtx.DisableIntrospection = false
		return nil
	}
	if err := g.denials.Denied(ctx, p, "Query."+field); err != nil {
		slog.ErrorContext(ctx, "could not record an access denial", "request_id", audit.RequestFrom(ctx).ID,
			"err", err, "field", "Query."+field, "actor", p.Subject())
	}
	if p == nil {
		return codedError(graph.CodeUnauthenticated, "sign in required: introspection is for signed-in staff")
	}
	return codedError(graph.CodeForbidden, fmt.Sprintf("roles %s may not use introspection", auth.JoinRoles(p.Roles)))
}

// didYouMean starts the suggestions gqlparser appends to a validation error: the names of the
// fields, arguments, types or enum values closest to a wrong one.
const didYouMean = " Did you mean "

// presentError is graph.PresentError without suggestions for callers who may not explore the
// schema: "Cannot query field "decisoins" on type "Query". Did you mean "decisions"?" would
// otherwise spell the schema out, name by name, to anyone who guesses, introspection off or not.
func (a *api) presentError(ctx context.Context, err error) *gqlerror.Error {
	out := graph.PresentError(ctx, err)
	if i := strings.Index(out.Message, didYouMean); i >= 0 && !a.mayIntrospect(ctx) {
		out.Message = out.Message[:i]
	}
	return out
}

// mayIntrospect reports whether introspection is on and the caller is known, without a look-up,
// to be one who may use it. A session not looked up yet counts as not: a refusal before any
// field runs costs no SQL (GraphiQL, on a session, completes names from the schema itself).
func (a *api) mayIntrospect(ctx context.Context) bool {
	if !a.Introspection {
		return false
	}
	p, ok := auth.ResolvedPrincipal(ctx)
	return ok && mayExplore(p)
}

// introspectionField returns the first of __schema and __type in set (through fragments), or "".
func introspectionField(set ast.SelectionSet, seen map[string]bool) string {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				return s.Name
			}
			if f := introspectionField(s.SelectionSet, seen); f != "" {
				return f
			}
		case *ast.InlineFragment:
			if f := introspectionField(s.SelectionSet, seen); f != "" {
				return f
			}
		case *ast.FragmentSpread:
			if seen[s.Name] || s.Definition == nil {
				continue
			}
			seen[s.Name] = true
			if f := introspectionField(s.Definition.SelectionSet, seen); f != "" {
				return f
			}
		}
	}
	return ""
}

// codedError is a GraphQL error with extensions.code.
func codedError(code, msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": code}}
}

// playgroundHandler serves GraphiQL (gqlgen's playground page) at GET /graphiql to callers who
// may explore; anonymous callers get 401 and others 403. The page loads GraphiQL and React from
// jsDelivr, pinned by Subresource Integrity; its Content-Security-Policy allows exactly those
// files, the page's own inline script and style by hash, the web fonts GraphiQL's stylesheet
// imports, and requests to the console itself.
func (a *api) playgroundHandler() http.Handler {
	page := playgroundPage()
	csp := playgroundCSP(page)
	return a.Auth.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		p, err := auth.PrincipalErr(r.Context())
		switch {
		case err != nil:
			slog.ErrorContext(r.Context(), "look up the caller of the playground", "request_id", audit.RequestFrom(r.Context()).ID, "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		case p == nil:
			http.Error(w, "sign in to the console first", http.StatusUnauthorized)
			return
		case !mayExplore(p):
			http.Error(w, "the GraphQL playground is for analysts, approvers, auditors and administrators", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Security-Policy", csp)
		page.ServeHTTP(w, r)
	}))
}

// playgroundPage is gqlgen's GraphiQL page for the console's endpoint.
func playgroundPage() http.Handler {
	return playground.Handler("riskconsole GraphiQL", "/graphql", playground.WithStoragePrefix("riskconsole:"))
}

var (
	inlineScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)
	inlineStyle  = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
	assetURL     = regexp.MustCompile(`(?:src|href)="(https://[^"]+)"`)
)

// playgroundCSP renders page once and derives its policy: the hashes of its inline scripts and
// styles, and the exact URLs of the files it loads.
func playgroundCSP(page http.Handler) string {
	rec := httptest.NewRecorder()
	page.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/graphiql", nil))
	html := rec.Body.String()
	hashes := func(re *regexp.Regexp) []string {
		var out []string
		for _, m := range re.FindAllStringSubmatch(html, -1) {
			sum := sha256.Sum256([]byte(m[1]))
			out = append(out, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
		}
		return out
	}
	var scripts, styles []string
	for _, m := range assetURL.FindAllStringSubmatch(html, -1) {
		if strings.HasSuffix(m[1], ".css") {
			styles = append(styles, m[1])
		} else {
			scripts = append(scripts, m[1])
		}
	}
	scripts = append(scripts, hashes(inlineScript)...)
	styles = append(styles, hashes(inlineStyle)...)
	return "default-src 'none'; script-src " + strings.Join(scripts, " ") + "; style-src " + strings.Join(styles, " ") +
		" https://fonts.googleapis.com; img-src 'self' data:; font-src https://fonts.gstatic.com data:; connect-src 'self'; " +
		"object-src 'none'; base-uri 'none'; " +
		"form-action 'none'; frame-ancestors 'none'"
}
