package httpapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"riskconsole/graph"
	"riskconsole/internal/auth"
)

// Trusted (persisted) documents: the UI's GraphQL operations are listed, by the SHA-256 of their
// text, in a manifest that graphql-codegen writes next to the typed documents
// (ui/src/gql/persisted-documents.json, embedded through the ui package). The UI sends only an
// operation's hash, in the shape of Apollo's automatic persisted queries (APQ):
//
//	{"operationName": "...", "variables": {...},
//	 "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "<64 hex digits>"}}}
//
// and the server runs the manifest's text for it. Other clients (a stock Apollo client with the
// persisted-queries link) use the APQ protocol proper: a hash the server does not know is
// answered PersistedQueryNotFound (code PERSISTED_QUERY_NOT_FOUND), the client sends the query
// with its hash, and the server keeps it in a bounded cache (apqCacheEntries documents of at
// most apqMaxDocument bytes) for the next hash-only request.
//
// With GRAPHQL_TRUSTED_DOCUMENTS=cookie, a request without a bearer token (a console session, or
// anonymous) runs the manifest's documents only: an ad-hoc query, an APQ registration and a hash
// the manifest does not hold are refused before anything is parsed, and the APQ cache is not
// consulted for it (a token holder could otherwise register what a session then runs). Requests
// with a bearer token (checkout, scripts) are not affected.

// Error codes of the trusted-documents check, in extensions.code.
const (
	CodePersistedDocumentNotFound = "PERSISTED_DOCUMENT_NOT_FOUND"
	CodeTrustedDocumentRequired   = "TRUSTED_DOCUMENT_REQUIRED"
	// CodePersistedQueryNotFound and its message, PersistedQueryNotFound, are the APQ protocol's:
	// Apollo's link looks for either and then sends the query along.
	CodePersistedQueryNotFound    = "PERSISTED_QUERY_NOT_FOUND"
	MessagePersistedQueryNotFound = "PersistedQueryNotFound"
)

// The APQ cache's bounds, so that anonymous callers registering documents in a loop cost at most
// about 16 MiB: apqCacheEntries documents (least recently used go first) of at most
// apqMaxDocument bytes each. The console's largest document is about 1 KiB; a larger one runs
// but is not kept, so its client sends it along every time (one extra round trip).
const (
	apqCacheEntries = 1000
	apqMaxDocument  = 16 << 10
)

// TrustedDocumentsMode is the GRAPHQL_TRUSTED_DOCUMENTS option.
type TrustedDocumentsMode string

const (
	// TrustedDocumentsOff runs persisted documents and ad-hoc queries alike.
	TrustedDocumentsOff TrustedDocumentsMode = "off"
	// TrustedDocumentsCookie lets requests without a bearer token run persisted documents only.
	TrustedDocumentsCookie TrustedDocumentsMode = "cookie"
)

// UnmarshalText implements encoding.TextUnmarshaler, for the flag and the variable.
func (m *TrustedDocumentsMode) UnmarshalText(b []byte) error {
	switch v := TrustedDocumentsMode(b); v {
	case TrustedDocumentsOff, TrustedDocumentsCookie:
		*m = v
		return nil
	case "":
		*m = TrustedDocumentsOff
		return nil
	}
	return fmt.Errorf("trusted documents: %q is neither %q nor %q", b, TrustedDocumentsOff, TrustedDocumentsCookie)
}

// MarshalText implements encoding.TextMarshaler; the zero value is off.
func (m TrustedDocumentsMode) MarshalText() ([]byte, error) {
	if m == "" {
		return []byte(TrustedDocumentsOff), nil
	}
	return []byte(m), nil
}

// manifestHashPrefix starts every key of graphql-codegen's manifest.
const manifestHashPrefix = "sha256:"

// parseTrustedDocuments reads a graphql-codegen persisted-documents manifest ({"sha256:<hex>":
// "<document>"}) into a map from the bare hex hash to the document, checking that every key is
// the SHA-256 of its document. An empty input is an empty manifest (a build without the UI).
func parseTrustedDocuments(manifest []byte) (map[string]string, error) {
	docs := map[string]string{}
	if len(manifest) == 0 {
		return docs, nil
	}
	var raw map[string]string
	if err := json.Unmarshal(manifest, &raw); err != nil {
		return nil, fmt.Errorf("trusted documents manifest: %w", err)
	}
	for key, doc := range raw {
		hash, ok := strings.CutPrefix(key, manifestHashPrefix)
		sum := sha256.Sum256([]byte(doc))
		if !ok || hash != hex.EncodeToString(sum[:]) {
			return nil, fmt.Errorf("trusted documents manifest: key %q is not the SHA-256 of its document", key)
		}
		docs[hash] = doc
	}
	return docs, nil
}

// trustedDocuments is the gqlgen extension that turns a persisted document's hash into its text
// (the manifest's, else the APQ cache's), registers APQ documents and, in cookie mode, refuses
// anything but the manifest from requests without a bearer token. It runs before every other
// parameter check, so the operation limits see the document's text.
type trustedDocuments struct {
	docs map[string]string
	mode TrustedDocumentsMode
	apq  *lru.LRU[string]
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = (*trustedDocuments)(nil)

// newTrustedDocuments returns the extension over a graphql-codegen manifest. The manifest is
// built into the binary, so a bad one is a broken build: it panics.
func newTrustedDocuments(manifest []byte, mode TrustedDocumentsMode) *trustedDocuments {
	docs, err := parseTrustedDocuments(manifest)
	if err != nil {
		panic(err)
	}
	return &trustedDocuments{docs: docs, mode: mode, apq: lru.New[string](apqCacheEntries)}
}

// ExtensionName implements graphql.HandlerExtension.
func (*trustedDocuments) ExtensionName() string { return "TrustedDocuments" }

// Validate implements graphql.HandlerExtension.
func (*trustedDocuments) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters implements graphql.OperationParameterMutator.
func (t *trustedDocuments) MutateOperationParameters(ctx context.Context, params *graphql.RawParams) *gqlerror.Error {
	hash, given, err := persistedHash(params.Extensions)
	if err != nil {
		return err
	}
	manifestOnly := t.mode == TrustedDocumentsCookie && params.Headers.Get("Authorization") == ""
	if doc, ok := t.docs[hash]; given && ok {
		if params.Query != "" && params.Query != doc {
			return trustedError(graph.CodeInvalid, "query differs from the persisted document named by extensions.persistedQuery.sha256Hash; send one or the other")
		}
		params.Query = doc
		return nil
	}
	if manifestOnly {
		if err := signedIn(ctx); err != nil {
			return err
		}
		if given && params.Query == "" {
			return trustedError(CodePersistedDocumentNotFound, "no persisted document of the console has the hash in extensions.persistedQuery.sha256Hash")
		}
		return trustedError(CodeTrustedDocumentRequired, "this server runs only the console's persisted documents for requests without a bearer token: send extensions.persistedQuery.sha256Hash, or use an API token")
	}
	switch {
	case !given:
		return nil
	case params.Query == "":
		doc, ok := t.apq.Get(ctx, hash)
		if !ok {
			return trustedError(CodePersistedQueryNotFound, MessagePersistedQueryNotFound)
		}
		params.Query = doc
		return nil
	case sha256Hex(params.Query) != hash:
		return trustedError(graph.CodeInvalid, "extensions.persistedQuery.sha256Hash is not the SHA-256 of query")
	}
	if len(params.Query) <= apqMaxDocument {
		t.apq.Add(ctx, hash, params.Query)
	}
	return nil
}

// signedIn returns UNAUTHENTICATED, as a field that needs a role would, for a request without a
// principal; without a session cookie that costs no query. An anonymous caller thus learns it must
// sign in, not which documents the server would run.
func signedIn(ctx context.Context) *gqlerror.Error {
	p, err := auth.PrincipalErr(ctx)
	if err != nil {
		// The session could not be read (the database, say): the error presenter logs it and
		// maps it to UNAVAILABLE or INTERNAL.
		return &gqlerror.Error{Message: err.Error(), Err: err}
	}
	if p == nil {
		return &gqlerror.Error{Message: "sign in required: unauthenticated", Extensions: map[string]any{"code": graph.CodeUnauthenticated}}
	}
	return nil
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// persistedHash returns extensions.persistedQuery.sha256Hash when the request has one.
func persistedHash(ext map[string]any) (hash string, given bool, _ *gqlerror.Error) {
	pq, ok := ext["persistedQuery"]
	if !ok {
		return "", false, nil
	}
	m, ok := pq.(map[string]any)
	if !ok {
		return "", false, trustedError(graph.CodeInvalid, "extensions.persistedQuery must be an object")
	}
	if v, ok := m["version"]; ok && fmt.Sprint(v) != "1" {
		return "", false, trustedError(graph.CodeInvalid, "extensions.persistedQuery.version must be 1")
	}
	hash, ok = m["sha256Hash"].(string)
	if !ok || len(hash) != sha256.Size*2 {
		return "", false, trustedError(graph.CodeInvalid, "extensions.persistedQuery.sha256Hash must be 64 hex digits")
	}
	return strings.ToLower(hash), true, nil
}

func trustedError(code, msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": code}}
}
