package httpapi

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// jsonCorpus is valid JSON that exercises appendCompactHTML: whitespace inside and outside
// strings, escapes, HTML characters, U+2028/U+2029 and other multi-byte text.
var jsonCorpus = []string{
	`null`, `{}`, `[]`, `0`, `"x"`, `""`,
	`{"a":1,"b":[1,2,{"c":null}],"d":"e f"}`,
	" { \"a\" : [ 1 , 2 ] ,\n\t\"b\" : \"x y\\\"z\" }\r\n",
	`{"html":"<b>&amp;</b>","tag":"a<b","k<":">"}`,
	`{"esc":"\\\" \\\\ \\/ \\n \\u003c \\u2028","end":"\\\\"}`,
	"{\"ls\":\"a\u2028b\u2029c\",\"other\":\"\u2027\u202a\u20ac–€ åäö\"}",
	`["\\\\\"", " ", "\t"]`,
	`{"n":-1.5e-7,"t":true,"f":false}`,
}

// TestAppendCompactHTML checks appendCompactHTML against encoding/json's handling of a
// json.RawMessage, which it replaces.
func TestAppendCompactHTML(t *testing.T) {
	for _, src := range jsonCorpus {
		checkCompactHTML(t, []byte(src))
	}
}

func FuzzAppendCompactHTML(f *testing.F) {
	for _, src := range jsonCorpus {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if !json.Valid(src) {
			t.Skip()
		}
		checkCompactHTML(t, src)
	})
}

func checkCompactHTML(t *testing.T, src []byte) {
	t.Helper()
	want, err := json.Marshal(json.RawMessage(src))
	if err != nil {
		t.Fatalf("%q: %v", src, err)
	}
	if got := appendCompactHTML([]byte("prefix"), src); string(got) != "prefix"+string(want) {
		t.Errorf("appendCompactHTML(%q)\n got %q\nwant %q", src, got[len("prefix"):], want)
	}
}

// TestWriteGraphQLResponse checks that writeGraphQLResponse writes what json.Marshal writes.
func TestWriteGraphQLResponse(t *testing.T) {
	yes := true
	data := json.RawMessage(`{"decisions":{"nodes":[{"id":"1","title":"<Declined> & more"}]}}`)
	errs := gqlerror.List{
		{Message: "boom <x>", Path: ast.Path{ast.PathName("decisions"), ast.PathIndex(3)}, Extensions: map[string]any{"code": "INVALID", "data": 0}},
		{Message: "second"},
	}
	for i, resp := range []*graphql.Response{
		{},
		{Data: data},
		{Data: json.RawMessage(" {\n \"a\" : 1 }\n")},
		{Errors: errs},
		{Errors: errs, Data: data},
		{Errors: errs, Data: json.RawMessage(`null`)},
		{Data: data, Label: "l", Path: ast.Path{ast.PathName("x")}, HasNext: &yes, Extensions: map[string]any{"k": "<v>"}},
		{Data: data, Extensions: map[string]any{}},
	} {
		want, err := json.Marshal(resp)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		writeGraphQLResponse(&got, resp)
		if got.String() != string(want) {
			t.Errorf("response %d:\n got %s\nwant %s", i, got.Bytes(), want)
		}
	}
}
