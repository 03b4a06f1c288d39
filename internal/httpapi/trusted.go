package httpapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"riskconsole/graph"
)

// Trusted (persisted) documents: the UI's GraphQL operations are listed, by the SHA-256 of their
// text, in a manifest that graphql-codegen writes next to the typed documents
// (ui/src/gql/persisted-documents.json, embedded through the ui package). The UI sends only an
// operation's hash, in the shape of Apollo's automatic persisted queries:
//
//	{"operationName": "...", "variables": {...},
//	 "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "<64 hex digits>"}}}
//
// and the server runs the manifest's text for it. A hash the manifest does not hold is refused
// with PERSISTED_DOCUMENT_NOT_FOUND (nothing is ever registered at run time). With
// GRAPHQL_TRUSTED_DOCUMENTS=cookie, a request without a bearer token (a console session, or
// anonymous) may run nothing else: an ad-hoc query is refused with TRUSTED_DOCUMENT_REQUIRED
// before it is parsed. Requests with a bearer token (checkout, scripts) are not affected.

// Error codes of the trusted-documents check, in extensions.code.
const (
	CodePersistedDocumentNotFound = "PERSISTED_DOCUMENT_NOT_FOUND"
	CodeTrustedDocumentRequired   = "TRUSTED_DOCUMENT_REQUIRED"
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
// and, in cookie mode, refuses ad-hoc queries from requests without a bearer token. It runs
// before every other parameter check, so the operation limits see the document's text.
type trustedDocuments struct {
	docs map[string]string
	mode TrustedDocumentsMode
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
	return &trustedDocuments{docs: docs, mode: mode}
}

// ExtensionName implements graphql.HandlerExtension.
func (*trustedDocuments) ExtensionName() string { return "TrustedDocuments" }

// Validate implements graphql.HandlerExtension.
func (*trustedDocuments) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters implements graphql.OperationParameterMutator.
func (t *trustedDocuments) MutateOperationParameters(_ context.Context, params *graphql.RawParams) *gqlerror.Error {
	hash, given, err := persistedHash(params.Extensions)
	if err != nil {
		return err
	}
	if given {
		doc, ok := t.docs[hash]
		switch {
		case !ok:
			return trustedError(CodePersistedDocumentNotFound, "no persisted document has the hash in extensions.persistedQuery.sha256Hash")
		case params.Query != "" && params.Query != doc:
			return trustedError(graph.CodeInvalid, "query differs from the persisted document named by extensions.persistedQuery.sha256Hash; send one or the other")
		}
		params.Query = doc
		return nil
	}
	if t.mode == TrustedDocumentsCookie && params.Headers.Get("Authorization") == "" {
		return trustedError(CodeTrustedDocumentRequired, "this server runs only the console's persisted documents for requests without a bearer token: send extensions.persistedQuery.sha256Hash, or use an API token")
	}
	return nil
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
	hash, ok = m["sha256Hash"].(string)
	if !ok || len(hash) != sha256.Size*2 {
		return "", false, trustedError(graph.CodeInvalid, "extensions.persistedQuery.sha256Hash must be 64 hex digits")
	}
	return strings.ToLower(hash), true, nil
}

func trustedError(code, msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": code}}
}
