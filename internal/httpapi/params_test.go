package httpapi

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

// assessBody is a checkout client's request as the load tool and the benchmark send it: a
// multi-line query (escaped newlines) and its two variables, a purchase with its 15 measured
// values and its bureau report.
const assessBody = `{"query":"mutation Assess($in: PurchaseInput!, $key: String!) {\n  assessPurchase(input: $in, idempotencyKey: $key) {\n    decisionId reference createdAt outcome\n    reasons { rank code }\n    message { locale title body steps }\n  }\n}","variables":{"key":"bench-1-42","in":{"amount":129.95,"bureauReport":{"bureau":"EXPERIAN_US","keyFactors":["D1","D2"],"score":712,"scoreDate":"2026-12-06T00:00:00Z","scoreMax":850,"scoreMin":300},"channel":"WEB","currency":"USD","locale":"en-US","market":"US","merchant":{"category":"electronics","id":"m-0042","name":"Acme <Stores> & Co"},"shopperId":"s-123","values":{"addressVerified":1,"affordabilityRatio":2.4,"ageYears":34,"bureauScore":712,"creditHistoryMonths":96,"debtToIncome":0.31,"delinquencies24m":0,"employmentMonths":40,"identityVerified":1,"incomeVerified":1,"liquidSavings":2500,"monthlyIncome":4200,"monthsAtAddress":30,"outstandingCredit":1800,"recentPlans30d":1}}}}`

// paramsDecoded are bodies decodeParams decodes itself (it must not decline them): what clients
// send, with the escapes, text and numbers JSON allows.
var paramsDecoded = []string{
	assessBody,
	`{}`,
	` {"query":"{ viewer { name } }"} ` + "\n",
	`{"query":"{ a }","operationName":null,"variables":null,"extensions":null}`,
	`{"operationName":"Page","variables":{},"extensions":{"persistedQuery":{"version":1,"sha256Hash":"ab12"}}}`,
	`{"variables":{"tiny":1e-7,"neg":-0.5,"big":1E+21,"exp":2e+0,"zero":0}}`,
	`{"query":"q","variables":{"a":[],"b":[1,"x",null,true,false,{"c":[[]]}],"d":{},"e":-0,"f":0.0e0,"g":123456789012345678901234567890}}`,
	`{"query":"\"\\\/\b\f\n\r\t\u00e5\u2028\ud83d\ude00 <&> 'x'"}`,
	`{"query":"åäö € 😀","variables":{"å":"ø","k":"\u0000"}}`,
	`{"variables":{"dup":1,"dup":2}}`,
	"{\"query\":\"bad \xff utf-8 \xed\xa0\x80\",\"variables\":{\"\xc3\":\"\xe2\x82\"}}",
	`{"variables":{"lone":"\ud800","pair then lone":"\ud83d\ude00\udc00","high high":"\ud800\ud800","hex":"\u00E5\u00e5"}}`,
	`{"query":null,"variables":{"n":null}}`,
}

// paramsDeclined are bodies decodeParams leaves to encoding/json: not JSON, or outside its cases.
var paramsDeclined = []string{
	``, `null`, `[]`, `"q"`, `1`,
	`{"QUERY":"{ a }"}`, `{"Query":"{ a }"}`, `{"query":"a","query":"b"}`, `{"id":"x"}`,
	`{"variables":{},"variables":{"a":1}}`, `{"query":"a"} {"query":"b"}`, `{"query":"a"} x`,
	`{"query":1}`, `{"variables":[]}`, `{"variables":"x"}`, `{"operationName":true}`, `{"extensions":1}`,
	`{"query":"a"`, `{"query":"a",}`, `{"variables":{"a":1,}}`, `{"variables":{"a":[1,]}}`,
	`{"variables":{"a":01}}`, `{"variables":{"a":1.}}`, `{"variables":{"a":.5}}`, `{"variables":{"a":-}}`,
	`{"variables":{"a":1e}}`, `{"variables":{"a":+1}}`, `{"variables":{"a":NaN}}`, `{"variables":{"a":tru}}`,
	`{"variables":{"a":nul}}`, `{"variables":{"a":"\x"}}`, `{"variables":{"a":"\'"}}`, `{"variables":{"a":"\u12"}}`,
	`{"variables":{"a":"\ud800\uzzzz"}}`, "{\"variables\":{\"a\":\"tab\there\"}}", `{"variables":{a:1}}`,
	`{"\u0071uery":"a"}`, "\xef\xbb\xbf{}", `{"variables":{"a":1}`,
	`{"variables":{"deep":` + strings.Repeat(`[`, maxParamsDepth+1) + strings.Repeat(`]`, maxParamsDepth+1) + `}}`,
}

// decodeStd decodes body as postTransport did before decodeParams, with encoding/json.
func decodeStd(body []byte) (graphql.RawParams, error) {
	var p graphql.RawParams
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	err := dec.Decode(&p)
	return p, err
}

// checkDecodeParams fails when decodeParams decodes body to anything but what encoding/json
// decodes it to, and reports whether it decoded it.
func checkDecodeParams(t *testing.T, body []byte) bool {
	t.Helper()
	var got graphql.RawParams
	if !decodeParams(body, &got) {
		if !reflect.DeepEqual(got, graphql.RawParams{}) {
			t.Errorf("%q: declined but wrote %#v", body, got)
		}
		return false
	}
	want, err := decodeStd(body)
	if err != nil {
		t.Errorf("%q: decoded, but encoding/json fails: %v", body, err)
		return true
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%q:\n got %#v\nwant %#v", body, got, want)
	}
	return true
}

func TestDecodeParams(t *testing.T) {
	for _, body := range paramsDecoded {
		if !checkDecodeParams(t, []byte(body)) {
			t.Errorf("%q: declined, want decoded", body)
		}
	}
	for _, body := range paramsDeclined {
		if checkDecodeParams(t, []byte(body)) {
			t.Errorf("%q: decoded, want declined (left to encoding/json)", body)
		}
	}
}

// TestDecodeParamsKeepsParams checks that a declined body leaves params as they were, for
// encoding/json to decode into.
func TestDecodeParamsKeepsParams(t *testing.T) {
	p := graphql.RawParams{Query: "before"}
	if decodeParams([]byte(`{"query":"after","variables":{"a":1},"x":1}`), &p) {
		t.Fatal("decoded a body with an unknown key")
	}
	if p.Query != "before" || p.Variables != nil {
		t.Errorf("params changed by a declined body: %#v", p)
	}
}

func FuzzDecodeParams(f *testing.F) {
	for _, body := range append(paramsDecoded, paramsDeclined...) {
		f.Add([]byte(body))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		checkDecodeParams(t, body)
	})
}

// BenchmarkDecodeParams compares decodeParams with encoding/json on a checkout request.
func BenchmarkDecodeParams(b *testing.B) {
	body := []byte(assessBody)
	b.Run("decodeParams", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var p graphql.RawParams
			if !decodeParams(body, &p) {
				b.Fatal("declined")
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := decodeStd(body); err != nil {
				b.Fatal(err)
			}
		}
	})
}
