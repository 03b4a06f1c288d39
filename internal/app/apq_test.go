package app

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"riskconsole/internal/auth"
	"riskconsole/internal/httpapi"
)

// TestAutomaticPersistedQueries runs Apollo's APQ protocol through the real handler: an unknown
// hash is PersistedQueryNotFound, the query sent with its hash runs and is kept, the hash alone
// then runs it; a hash that is not the query's is refused and keeps nothing; a document above
// the cache's bound runs but is not kept. With GRAPHQL_TRUSTED_DOCUMENTS=cookie a console
// session may neither register a document nor run one a token registered. SQLite alone: the
// protocol reads no data.
func TestAutomaticPersistedQueries(t *testing.T) {
	ta := newTestApp(t, "sqlite", 0)
	_, password := ta.acctUser(t, "auditor.apq", auth.Auditor)
	session := acctRequest{cookie: ta.acctSignIn(t, "192.0.2.20", "auditor.apq", password), origin: "self"}
	token := acctRequest{bearer: ta.Tokens[auth.Auditor]}

	sum := func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }
	// send posts query (may be "") under hash and returns the status, the code of the first
	// error ("" for none) and the answer.
	send := func(t *testing.T, caller acctRequest, query, hash string) (int, string, gqlResponse) {
		t.Helper()
		b := map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}}
		if query != "" {
			b["query"] = query
		}
		caller.method, caller.path = http.MethodPost, "/graphql"
		caller.body, _ = json.Marshal(b)
		rec := ta.acctDo(t, caller)
		var out gqlResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
			t.Fatalf("status %d, body is not JSON: %s", rec.Code, rec.Body)
		}
		if len(out.Errors) > 0 {
			if id, _ := out.Errors[0].Extensions["requestId"].(string); id == "" {
				t.Errorf("error without requestId: %s", rec.Body)
			}
		} else if !strings.Contains(string(out.Data), `"ok":true`) {
			t.Errorf("data %s", out.Data)
		}
		return rec.Code, out.code(), out
	}
	useMode := func(mode httpapi.TrustedDocumentsMode) {
		ta.Config.TrustedDocuments = mode
		ta.Server.Config.Handler = ta.Handler() // a new handler: an empty cache
	}

	t.Run("off: not found, registered, then found", func(t *testing.T) {
		useMode(httpapi.TrustedDocumentsOff)
		for _, caller := range []struct {
			name string
			r    acctRequest
		}{{"token", token}, {"session", session}} {
			q := "query APQ_" + caller.name + " { verifyAuditChain { ok } }"
			status, code, out := send(t, caller.r, "", sum(q))
			if status != http.StatusOK || code != httpapi.CodePersistedQueryNotFound || out.Errors[0].Message != httpapi.MessagePersistedQueryNotFound {
				t.Fatalf("%s, hash only: status %d code %q %+v, want 200 %s", caller.name, status, code, out.Errors, httpapi.CodePersistedQueryNotFound)
			}
			if status, code, _ := send(t, caller.r, q, sum(q)); status != http.StatusOK || code != "" {
				t.Fatalf("%s, query and hash: status %d code %q", caller.name, status, code)
			}
			if status, code, _ := send(t, caller.r, "", strings.ToUpper(sum(q))); status != http.StatusOK || code != "" {
				t.Fatalf("%s, hash only again: status %d code %q", caller.name, status, code)
			}
		}
	})

	t.Run("off: a hash that is not the query's is refused and keeps nothing", func(t *testing.T) {
		useMode(httpapi.TrustedDocumentsOff)
		q, other := "query APQ_mismatch { verifyAuditChain { ok } }", "query APQ_other { verifyAuditChain { ok } }"
		if _, code, _ := send(t, token, q, sum(other)); code != "INVALID" {
			t.Fatalf("mismatched hash: code %q, want INVALID", code)
		}
		if _, code, _ := send(t, token, "", sum(other)); code != httpapi.CodePersistedQueryNotFound {
			t.Fatalf("after a mismatch, the hash: code %q, want %s", code, httpapi.CodePersistedQueryNotFound)
		}
	})

	t.Run("off: a document above the bound runs and is not kept", func(t *testing.T) {
		useMode(httpapi.TrustedDocumentsOff)
		q := "# " + strings.Repeat("x", 17<<10) + "\nquery APQ_large { verifyAuditChain { ok } }"
		if _, code, _ := send(t, token, q, sum(q)); code != "" {
			t.Fatalf("large document: code %q", code)
		}
		if _, code, _ := send(t, token, "", sum(q)); code != httpapi.CodePersistedQueryNotFound {
			t.Fatalf("large document's hash: code %q, want %s", code, httpapi.CodePersistedQueryNotFound)
		}
	})

	t.Run("cookie: sessions neither register nor run registered documents", func(t *testing.T) {
		useMode(httpapi.TrustedDocumentsCookie)
		q := "query APQ_cookie { verifyAuditChain { ok } }"
		if _, code, _ := send(t, session, q, sum(q)); code != httpapi.CodeTrustedDocumentRequired {
			t.Fatalf("session registers: code %q, want %s", code, httpapi.CodeTrustedDocumentRequired)
		}
		if _, code, _ := send(t, session, "", sum(q)); code != httpapi.CodePersistedDocumentNotFound {
			t.Fatalf("session's unknown hash: code %q, want %s", code, httpapi.CodePersistedDocumentNotFound)
		}
		// A token registers it; the session still may not run it.
		if _, code, _ := send(t, token, "", sum(q)); code != httpapi.CodePersistedQueryNotFound {
			t.Fatalf("token's unknown hash: code %q, want %s", code, httpapi.CodePersistedQueryNotFound)
		}
		if _, code, _ := send(t, token, q, sum(q)); code != "" {
			t.Fatalf("token registers: code %q", code)
		}
		if _, code, _ := send(t, token, "", sum(q)); code != "" {
			t.Fatalf("token's registered hash: code %q", code)
		}
		if _, code, _ := send(t, session, "", sum(q)); code != httpapi.CodePersistedDocumentNotFound {
			t.Fatalf("session runs a token's registered hash: code %q, want %s", code, httpapi.CodePersistedDocumentNotFound)
		}
		anonymous := acctRequest{origin: "self"}
		if status, code, _ := send(t, anonymous, q, sum(q)); status != http.StatusUnauthorized || code != "UNAUTHENTICATED" {
			t.Fatalf("anonymous registers: status %d code %q, want 401 UNAUTHENTICATED", status, code)
		}
	})
}
