package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"riskconsole/graph"
	"riskconsole/internal/auth"
	"riskconsole/internal/obs"
	"riskconsole/ui"
)

// queryCacheSize is how many parsed and validated documents the GraphQL endpoint keeps. Its
// limits are in limits.go.
const queryCacheSize = 1000

// graphQLHandler builds the GraphQL endpoint: POST only, with a JSON body, within the limits of
// limits.go and the request timeout.
func (a *api) graphQLHandler() http.Handler {
	cfg := graph.Config{Resolvers: &graph.Resolver{DecisionService: a.Decisions, ThresholdService: a.Thresholds, AuditService: a.Audit,
		AccountService: a.Accounts, ThresholdLifecycle: a.ThresholdLifecycle, Experiments: a.Experiments, ComparisonService: a.Comparison, WhatIfService: a.WhatIf, AnalyticsService: a.Analytics, AgentService: a.Agents, Catalog: a.Catalog,
		CatalogLifecycle:     a.CatalogLifecycle,
		BadDefinitionService: a.BadDefinitions,
		OutcomeService:       a.Outcomes,
		ReviewService:        a.Reviews,
		Retention:            a.Retention,
		Erasure:              a.Erasure,
		Explainer:            a.Explainer,
	}}
	cfg.Directives.HasRole = graph.HasRole(a.Denials, a.admitHeavy)
	graph.SetComplexity(&cfg.Complexity)
	srv := handler.New(graph.NewExecutableSchema(cfg))
	// POST with a JSON body is the only transport: no GET, no multipart, no websocket.
	post := a.Transport
	if post == nil {
		post = postTransport{}
	}
	srv.AddTransport(post)
	srv.SetQueryCache(lru.New[*ast.QueryDocument](queryCacheSize))
	srv.SetParserTokenLimit(ParserTokenLimit)
	srv.Use(newTrustedDocuments(ui.TrustedDocuments(), a.TrustedDocuments))
	srv.Use(newOperationLimits())
	srv.Use(graph.NewComplexityLimit(a.ComplexityLimit))
	srv.Use(introspectionGuard{enabled: a.Introspection, denials: a.Denials})
	srv.Use(denialRecording{a})
	srv.Use(&obs.GraphQLOperations{})
	srv.SetErrorPresenter(a.presentError)
	srv.SetRecoverFunc(graph.Recover)
	var h http.Handler = srv
	h = a.collectDenials(h)
	h = graph.LoaderMiddleware(a.Thresholds, h)
	h = requireJSON(h)
	h = a.Auth.Middleware(noteActor(h))
	h = limitRequest(h)
	timeout := a.RequestTimeout
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			writeAPIError(w, r, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", "", "use POST with a JSON body")
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}

// postTransport is gqlgen's transport.POST (v0.17.98, with no extra response headers and
// application/json as the default content type) with four differences, and a body decoded by
// decodeParams where it can (the same values in one pass; params.go). A response is written by
// splicing the data gqlgen has already marshalled, instead of passing it through json.Marshal
// once more: encoding/json re-scans and compacts a json.RawMessage, which for a page of 50
// decisions (about 170 kB) cost about 0.9 ms of CPU, a fifth of the request (docs/benchmark-notes.md); the
// bytes written are the same (see writeGraphQLResponse). A body that is not JSON is not echoed in
// the error message, since it may hold a password. An operation that failed because the
// database is unavailable (UNAVAILABLE) is answered with 503 and Retry-After instead of 200. And
// one refused because the caller has not signed in (UNAUTHENTICATED) is answered with 401 and
// WWW-Authenticate, as a bad bearer token is.
type postTransport struct{}

var _ graphql.Transport = postTransport{}

// Supports is transport.POST's: a POST with an application/json body and no Upgrade.
func (postTransport) Supports(r *http.Request) bool { return transport.POST{}.Supports(r) }

// Do follows transport.POST.Do step by step: status codes, error messages and headers are the same,
// but for UNAVAILABLE and UNAUTHENTICATED.
func (postTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	contentType := responseContentType(r)
	w.Header().Add("Content-Type", contentType)
	start := graphql.Now()
	body, err := readBody(r)
	if err != nil {
		writeGraphQLResponse(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("could not read request body: %+v", err)}))
		return
	}
	var params graphql.RawParams
	if !decodeParams(body, &params) {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		if err := dec.Decode(&params); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			writeGraphQLResponse(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("json request body could not be decoded: %v", err)}))
			return
		}
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	rc, opErr := exec.CreateOperationContext(ctx, &params)
	if opErr != nil {
		status := http.StatusOK
		if errcode.GetErrorKind(opErr) == errcode.KindProtocol {
			status = http.StatusUnprocessableEntity
			if contentType == graphQLResponseJSON {
				status = http.StatusBadRequest
			}
		}
		if hasErrorCode(opErr, graph.CodeUnauthenticated) {
			status = unauthorized(w)
		}
		w.WriteHeader(status)
		writeGraphQLResponse(w, exec.DispatchError(graphql.WithOperationContext(ctx, rc), opErr))
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, rc)
	resp := responses(ctx)
	if hasErrorCode(resp.Errors, graph.CodeUnavailable) {
		// The database is unreachable: a status that HTTP clients and proxies know to retry.
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusServiceUnavailable)
	} else if hasErrorCode(resp.Errors, graph.CodeUnauthenticated) {
		w.WriteHeader(unauthorized(w))
	} else if s := retryAfter(resp.Errors); s != "" {
		// A field over the server's limit of heavy operations; the answer stays 200, as for any
		// field's error, with the header for clients that look for it.
		w.Header().Set("Retry-After", s)
	}
	writeGraphQLResponse(w, resp)
}

// unauthorized sets the Bearer challenge and returns 401: a request without credentials that
// reaches a field it must sign in for is answered as the auth middleware answers a bad bearer
// token, so that a client tells the two apart by the message at most.
func unauthorized(w http.ResponseWriter) int {
	w.Header().Set("WWW-Authenticate", auth.WWWAuthenticate)
	return http.StatusUnauthorized
}

// retryAfter returns the extensions.retryAfter of the first of errs that has one, in seconds,
// or "".
func retryAfter(errs gqlerror.List) string {
	for _, e := range errs {
		if s, ok := e.Extensions["retryAfter"].(int); ok {
			return strconv.Itoa(s)
		}
	}
	return ""
}

// hasErrorCode reports whether one of errs carries code in extensions.code.
func hasErrorCode(errs gqlerror.List, code string) bool {
	for _, e := range errs {
		if c, _ := e.Extensions["code"].(string); c == code {
			return true
		}
	}
	return false
}

const graphQLResponseJSON = "application/graphql-response+json"

// responseContentType is transport.POST's choice from the Accept header, defaulting to
// application/json.
func responseContentType(r *http.Request) string {
	accept := r.Header.Get("Accept")
	if accept == "" {
		return "application/json"
	}
	for part := range strings.SplitSeq(accept, ",") {
		mediaType, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mediaType {
		case "*/*", "application/*", "application/json":
			return "application/json"
		case graphQLResponseJSON:
			return graphQLResponseJSON
		}
	}
	return graphQLResponseJSON
}

// writeGraphQLResponse writes exactly what json.Marshal(resp) writes for valid data: the fields
// in the order and with the omitempty rules of graphql.Response, and the data compacted and
// HTML-escaped as encoding/json does with a json.RawMessage. Only the data is not validated
// again: gqlgen writes it, and every scalar's MarshalGQL writes valid JSON. A response without
// data goes through json.Marshal as before.
func writeGraphQLResponse(w io.Writer, resp *graphql.Response) {
	if len(resp.Data) == 0 {
		b, err := json.Marshal(resp)
		if err != nil {
			panic(err) // transport.POST panics here too
		}
		_, _ = w.Write(b)
		return
	}
	bp := responseBuffers.Get().(*[]byte)
	buf := (*bp)[:0]
	defer func() {
		if cap(buf) <= maxPooledResponse {
			*bp = buf[:0]
			responseBuffers.Put(bp)
		}
	}()
	buf = append(buf, '{')
	if len(resp.Errors) > 0 {
		b, err := json.Marshal(resp.Errors)
		if err != nil {
			panic(err)
		}
		buf = append(buf, `"errors":`...)
		buf = append(buf, b...)
		buf = append(buf, ',')
	}
	buf = append(buf, `"data":`...)
	buf = appendCompactHTML(buf, resp.Data)
	// The fields after data, marshalled with graphql.Response's own tags; all of them are
	// empty, and omitted, in an answer to a query or mutation without extensions.
	if resp.Label != "" || len(resp.Path) > 0 || resp.HasNext != nil || len(resp.Extensions) > 0 {
		rest, err := json.Marshal(struct {
			Label      string         `json:"label,omitempty"`
			Path       ast.Path       `json:"path,omitempty"`
			HasNext    *bool          `json:"hasNext,omitempty"`
			Extensions map[string]any `json:"extensions,omitempty"`
		}{resp.Label, resp.Path, resp.HasNext, resp.Extensions})
		if err != nil {
			panic(err)
		}
		buf = append(buf, ',')
		buf = append(buf, rest[1:len(rest)-1]...)
	}
	buf = append(buf, '}')
	_, _ = w.Write(buf)
}

// responseBuffers holds the buffers responses are assembled in, so that a large page does not
// allocate its size again on every request; buffers above maxPooledResponse are dropped.
var responseBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

const maxPooledResponse = 1 << 20

// jsonSpecial marks the bytes appendCompactHTML acts on.
var jsonSpecial = func() (t [256]bool) {
	for _, c := range []byte{' ', '\t', '\n', '\r', '"', '\\', '<', '>', '&', 0xE2} {
		t[c] = true
	}
	return t
}()

// appendCompactHTML appends the valid JSON src to dst as encoding/json writes a
// json.RawMessage: whitespace outside strings removed, and <, >, &, U+2028 and U+2029 written
// as \u escapes. It is a single pass without a validating scanner.
func appendCompactHTML(dst, src []byte) []byte {
	const hex = "0123456789abcdef"
	inString := false
	start := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if !jsonSpecial[c] {
			continue
		}
		switch c {
		case '"':
			inString = !inString
		case '\\':
			i++ // the escaped character is copied as is: it cannot end the string
		case ' ', '\t', '\n', '\r':
			if !inString {
				dst = append(dst, src[start:i]...)
				start = i + 1
			}
		case '<', '>', '&':
			dst = append(dst, src[start:i]...)
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			start = i + 1
		case 0xE2: // U+2028 and U+2029 are E2 80 A8 and E2 80 A9
			if i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8 {
				dst = append(dst, src[start:i]...)
				dst = append(dst, '\\', 'u', '2', '0', '2', hex[src[i+2]&0xF])
				i += 2
				start = i + 1
			}
		}
	}
	return append(dst, src[start:]...)
}
