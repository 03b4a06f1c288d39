package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"riskconsole/graph"
	"riskconsole/internal/audit"
)

// Limits of one GraphQL request. Each is refused with LIMIT_EXCEEDED (extensions.limit names
// which, graph.LimitBody and the others) before any resolver runs and before any SQL: the body's
// size and shape by limitRequest, the document's shape by operationLimits before gqlgen
// validates it, and its cost by graph.ComplexityLimit once it is validated.
const (
	// MaxBodyBytes bounds a request body: the largest real operation (an assessment with its
	// purchase) is about 2 KiB.
	MaxBodyBytes = 256 << 10
	// ParserTokenLimit bounds the tokens of a document, and so the work of parsing it. The
	// console's largest query (the explorer's page) has about 70, GraphiQL's introspection query
	// about 180; 10,000 leaves room for hand-written queries and long argument lists, and is
	// parsed in about a millisecond.
	ParserTokenLimit = 10_000
	// MaxAliases and MaxRootFields bound the fan-out of one operation: the same field asked for
	// again under other names or arguments, and independent root fields resolved side by side.
	MaxAliases    = 10
	MaxRootFields = 10
	// MaxFields bounds the field selections of a document, and of its operation once its
	// fragments are expanded. gqlparser's validation compares same-named fields pairwise, so
	// without it a 10 KiB document of 3,300 copies of one field costs 0.4 s of CPU before
	// anything else could refuse it (500 cost 10 ms), and a chain of 30 fragments each spreading
	// the next twice is a 1 KiB operation of 2^31 fields, which gqlgen's complexity walk would
	// visit one by one. GraphiQL's introspection query has about 230 once expanded, the
	// explorer's page about 40.
	MaxFields = 500
)

// shapeCacheSize is how many documents operationLimits remembers as within the limits.
const shapeCacheSize = 1000

func init() {
	// A refused operation is a protocol error: 422 for application/json, as gqlgen answers a
	// document it cannot parse or validate.
	errcode.RegisterErrorType(graph.CodeLimitExceeded, errcode.KindProtocol)
}

// limitRequest refuses, before anything else reads it, a body over MaxBodyBytes (413) and a JSON
// batch (an array of operations, 400): one request is one operation. Otherwise it hands next the
// body it read.
func limitRequest(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tooLarge := func() {
			writeAPIError(w, r, http.StatusRequestEntityTooLarge, graph.CodeLimitExceeded, graph.LimitBody,
				fmt.Sprintf("request body is larger than %d bytes", MaxBodyBytes))
		}
		if r.ContentLength > MaxBodyBytes {
			tooLarge()
			return
		}
		// The request's deadline covers reading its body too, so a slow upload cannot hold a
		// connection longer than any request may take. (Not every ResponseWriter supports it.)
		if d, ok := r.Context().Deadline(); ok {
			_ = http.NewResponseController(w).SetReadDeadline(d)
		}
		body, err := readAtMost(http.MaxBytesReader(w, r.Body, MaxBodyBytes), r.ContentLength)
		var maxErr *http.MaxBytesError
		switch {
		case errors.As(err, &maxErr):
			tooLarge()
			return
		case err != nil:
			writeAPIError(w, r, http.StatusBadRequest, "BAD_REQUEST", "", "could not read the request body in time")
			return
		}
		if trimmed := bytes.TrimLeft(body, " \t\r\n"); len(trimmed) > 0 && trimmed[0] == '[' {
			writeAPIError(w, r, http.StatusBadRequest, graph.CodeLimitExceeded, graph.LimitBatch,
				"batched operations are not supported: send one operation per request")
			return
		}
		r.Body = &bodyBytes{Reader: bytes.NewReader(body), b: body}
		next.ServeHTTP(w, r)
	})
}

// readAtMost reads r to its end into a buffer of the request's declared length, when it has
// one, rather than one grown from 512 bytes by doubling. (The length is at most MaxBodyBytes
// here, and r ends where the declared length does.)
func readAtMost(r io.Reader, declared int64) ([]byte, error) {
	if declared <= 0 {
		return io.ReadAll(r)
	}
	b := make([]byte, 0, declared+1) // + 1: room to see the end without growing
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		switch {
		case err == io.EOF:
			return b, nil
		case err != nil:
			return b, err
		case len(b) == cap(b): // longer than declared: the rest as io.ReadAll reads it
			rest, err := io.ReadAll(r)
			return append(b, rest...), err
		}
	}
}

// bodyBytes is a request body limitRequest has read: a reader over its bytes, which readBody
// hands on without copying them again.
type bodyBytes struct {
	*bytes.Reader
	b []byte
}

func (*bodyBytes) Close() error { return nil }

// readBody returns the bytes of r's body: those limitRequest read when it did (and nothing
// has read them since), or what is left to read.
func readBody(r *http.Request) ([]byte, error) {
	if b, ok := r.Body.(*bodyBytes); ok && b.Len() == len(b.b) {
		_, _ = b.Seek(0, io.SeekEnd) // as read
		return b.b, nil
	}
	return io.ReadAll(r.Body)
}

// requireJSON refuses a request whose body is not application/json (415) with a code and the
// request id, where gqlgen would answer "transport not supported" without either. It runs after
// authentication, so that a cross-site form post with a session cookie is refused for its origin.
func requireJSON(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
			writeAPIError(w, r, http.StatusUnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "",
				"send the operation as a JSON body with Content-Type: application/json")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// writeAPIError writes an error in the shape of a GraphQL response, with its code, the request
// id, and the name of the limit when there is one, for answers given outside gqlgen.
func writeAPIError(w http.ResponseWriter, r *http.Request, status int, code, limit, msg string) {
	ext := map[string]any{"code": code}
	if limit != "" {
		ext["limit"] = limit
	}
	if id := audit.RequestFrom(r.Context()).ID; id != "" {
		ext["requestId"] = id
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, status, map[string]any{"errors": []map[string]any{{"message": msg, "extensions": ext}}})
}

// operationLimits is the gqlgen extension that enforces the shape limits of one operation
// before gqlgen validates it: at most MaxAliases aliases, MaxRootFields root fields and MaxFields
// field selections, counted both in the document as written (every operation and fragment) and
// in the operation to run with each fragment counted as often as it is spread. (Its cost is
// graph.ComplexityLimit's to check, once it is validated.) It neither resolves the caller nor
// touches the database.
type operationLimits struct {
	// ok remembers (the digests of) documents found within the limits, so that a repeated
	// query, the common case, is not parsed twice; gqlgen's own query cache keeps the parsed
	// document.
	ok *lru.LRU[struct{}]
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = (*operationLimits)(nil)

func newOperationLimits() *operationLimits {
	return &operationLimits{ok: lru.New[struct{}](shapeCacheSize)}
}

// ExtensionName implements graphql.HandlerExtension.
func (*operationLimits) ExtensionName() string { return "OperationLimits" }

// Validate implements graphql.HandlerExtension.
func (*operationLimits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters checks the shape of the document before gqlgen validates it. A
// document that does not parse is left to gqlgen, which reports why.
func (l *operationLimits) MutateOperationParameters(ctx context.Context, params *graphql.RawParams) *gqlerror.Error {
	// The counts depend on the operation run; a digest keeps the cache small whatever the
	// documents' size.
	sum := sha256.Sum256([]byte(params.Query))
	key := params.OperationName + "\x00" + string(sum[:])
	if _, ok := l.ok.Get(ctx, key); ok {
		return nil
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: params.Query}, ParserTokenLimit)
	if err != nil {
		return nil
	}
	written := newShapeWalker(doc, false)
	var docCounts shapeCounts
	for _, op := range doc.Operations {
		docCounts = docCounts.plus(written.selections(op.SelectionSet))
	}
	for _, f := range doc.Fragments {
		docCounts = docCounts.plus(written.selections(f.SelectionSet))
	}
	var opCounts shapeCounts
	roots := 0
	if op := operationFor(doc, params.OperationName); op != nil {
		expanded := newShapeWalker(doc, true)
		opCounts = expanded.selections(op.SelectionSet)
		roots = expanded.rootFields(op.SelectionSet)
	}
	switch {
	case roots > MaxRootFields:
		return graph.LimitError(graph.LimitRootFields, "operation has %d root fields; at most %d are allowed", roots, MaxRootFields)
	case max(docCounts.aliases, opCounts.aliases) > MaxAliases:
		return graph.LimitError(graph.LimitAliases, "operation has %d aliases; at most %d are allowed",
			max(docCounts.aliases, opCounts.aliases), MaxAliases)
	case max(docCounts.fields, opCounts.fields) > MaxFields:
		return graph.LimitError(graph.LimitFields, "operation has %d field selections; at most %d are allowed",
			max(docCounts.fields, opCounts.fields), MaxFields)
	}
	l.ok.Add(ctx, key, struct{}{})
	return nil
}

// operationFor returns the operation gqlgen will run: the one named, or the only one.
func operationFor(doc *ast.QueryDocument, name string) *ast.OperationDefinition {
	if name == "" && len(doc.Operations) == 1 {
		return doc.Operations[0]
	}
	return doc.Operations.ForName(name)
}

// shapeCounts are the field selections and aliases of a selection set. Counts saturate at
// shapeCap, so that exponentially many expanded selections cannot overflow.
type shapeCounts struct{ fields, aliases int }

const shapeCap = 1 << 40

func (c shapeCounts) plus(d shapeCounts) shapeCounts {
	return shapeCounts{min(c.fields+d.fields, shapeCap), min(c.aliases+d.aliases, shapeCap)}
}

// shapeWalker counts selections of an unvalidated document. When expand is set, a fragment
// spread counts its fragment's selections, each fragment computed once (so a chain of fragments
// each spreading the next twice is counted in linear time, not walked exponentially); a spread
// of an unknown fragment, or one inside a fragment cycle, counts nothing (gqlgen's validation
// refuses both).
type shapeWalker struct {
	doc    *ast.QueryDocument
	expand bool
	memo   map[string]*shapeCounts // nil while the fragment is being counted
	roots  map[string]*int
}

func newShapeWalker(doc *ast.QueryDocument, expand bool) *shapeWalker {
	return &shapeWalker{doc: doc, expand: expand, memo: map[string]*shapeCounts{}, roots: map[string]*int{}}
}

func (w *shapeWalker) selections(set ast.SelectionSet) shapeCounts {
	var c shapeCounts
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			c.fields++
			if s.Alias != "" && s.Alias != s.Name {
				c.aliases++
			}
			c = c.plus(w.selections(s.SelectionSet))
		case *ast.InlineFragment:
			c = c.plus(w.selections(s.SelectionSet))
		case *ast.FragmentSpread:
			if w.expand {
				c = c.plus(w.fragment(s.Name))
			}
		}
	}
	return c
}

func (w *shapeWalker) fragment(name string) shapeCounts {
	if c, seen := w.memo[name]; seen {
		if c == nil {
			return shapeCounts{} // a cycle
		}
		return *c
	}
	w.memo[name] = nil
	f := w.doc.Fragments.ForName(name)
	if f == nil {
		return shapeCounts{}
	}
	c := w.selections(f.SelectionSet)
	w.memo[name] = &c
	return c
}

// rootFields counts the fields of an operation's top-level selection set, through fragments.
func (w *shapeWalker) rootFields(set ast.SelectionSet) int {
	n := 0
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			n++
		case *ast.InlineFragment:
			n += w.rootFields(s.SelectionSet)
		case *ast.FragmentSpread:
			if r, seen := w.roots[s.Name]; seen {
				if r != nil {
					n += *r
				}
				continue
			}
			w.roots[s.Name] = nil
			if f := w.doc.Fragments.ForName(s.Name); f != nil {
				r := w.rootFields(f.SelectionSet)
				w.roots[s.Name] = &r
				n += r
			}
		}
		n = min(n, shapeCap)
	}
	return n
}
