package app

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"riskconsole/graph"
	"riskconsole/internal/auth"
)

// FuzzAssessPurchaseInput sends assessPurchase with any JSON as its variables through the real
// HTTP handler, as checkout's token, on SQLite. Every answer must be one of: a decision; INVALID
// naming only fields of the input or the key; a GraphQL validation error naming the variable (its
// path, such as ["variable", "input", "merchant"], or its name in the message); a
// CONFLICT (a key reused for another purchase); or 400 for variables that are not an object. Never
// INTERNAL, TIMEOUT or any other code, never a status of 500 or more, and never a panic.
//
// The seed corpus is in testdata/fuzz/FuzzAssessPurchaseInput: valid purchases, each kind of
// wrong value, type, shape and size.
func FuzzAssessPurchaseInput(f *testing.F) {
	ta := newTestApp(f, "sqlite", 0)
	h := ta.Handler()
	token := "Bearer " + ta.Tokens[auth.Service]
	f.Fuzz(func(t *testing.T, vars string) {
		if !json.Valid([]byte(vars)) {
			t.Skip() // not JSON at all: the transport's concern, tested in hardening_test.go
		}
		body, err := json.Marshal(map[string]any{"query": assessMutation, "variables": json.RawMessage(vars)})
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", token)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		checkAssessAnswer(t, vars, rec.Code, rec.Body.Bytes())
	})
}

// checkAssessAnswer checks one answer of FuzzAssessPurchaseInput.
func checkAssessAnswer(t *testing.T, vars string, status int, body []byte) {
	t.Helper()
	var r gqlResponse
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatalf("variables %s: status %d, body is not JSON: %s", vars, status, body)
	}
	r.Status = status
	checkNoSQL(t, &r)
	if status >= 500 {
		t.Fatalf("variables %s: status %d: %s", vars, status, body)
	}
	if len(r.Errors) == 0 {
		var out struct {
			AssessPurchase *assessment `json:"assessPurchase"`
		}
		if status != http.StatusOK || json.Unmarshal(r.Data, &out) != nil || out.AssessPurchase == nil || out.AssessPurchase.DecisionID == "" {
			t.Fatalf("variables %s: status %d without errors and without a decision: %s", vars, status, body)
		}
		return
	}
	for _, e := range r.Errors {
		code, _ := e.Extensions["code"].(string)
		switch {
		case code == graph.CodeInvalid:
			fields, _ := e.Extensions["fields"].([]any)
			if len(fields) == 0 {
				t.Errorf("variables %s: INVALID without fields: %s", vars, body)
			}
			for _, fe := range fields {
				name, _ := fe.(map[string]any)["field"].(string)
				if name != "idempotencyKey" && !strings.HasPrefix(name, "input.") {
					t.Errorf("variables %s: INVALID names %q, not a field of the input: %s", vars, name, body)
				}
			}
		case code == "GRAPHQL_VALIDATION_FAILED":
			// The variable, as path ["variable", "input", "merchant", ...] or in the message.
			named := strings.Contains(e.Message, "$input") || strings.Contains(e.Message, "$key")
			if len(e.Path) >= 2 && e.Path[0] == "variable" && (e.Path[1] == "input" || e.Path[1] == "key") {
				named = true
			}
			if !named {
				t.Errorf("variables %s: validation error names no variable: %s", vars, body)
			}
		case code == graph.CodeConflict:
		case code == "" && status == http.StatusBadRequest && strings.HasPrefix(e.Message, "json request body could not be decoded"):
			// Variables that are not an object.
			if trimmed := strings.TrimSpace(vars); strings.HasPrefix(trimmed, "{") {
				t.Errorf("variables %s: an object refused as undecodable: %s", vars, body)
			}
		default:
			t.Errorf("variables %s: status %d, error code %q: %s", vars, status, code, body)
		}
	}
}
