package app

import (
	"context"
	"encoding/json"
	"math"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
)

// TestAssessPurchase checks assessPurchase end to end on both databases: approvals, declines
// with the pop-up in the shopper's locale, the stored decision as an analyst reads it back, and
// validation that names every bad field and writes nothing.
func TestAssessPurchase(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 50)
		t.Run("outcomes", func(t *testing.T) { testAssessOutcomes(t, ta) })
		t.Run("validation", func(t *testing.T) { testAssessValidation(t, ta) })
	})
}

const decisionQuery = `query($id: ID!) {
  decision(id: $id) {
    id reference createdAt market currency amount shopperId locale channel outcome
    merchant { id name category }
    reasons { rank code measuredValue factor }
    breakdown
    thresholdVersion { id market version }
    catalogVersionId
    message { locale title body steps }
  }
}`

// storedDecision is a Decision as the API returns it.
type storedDecision struct {
	ID        string  `json:"id"`
	Reference string  `json:"reference"`
	Market    string  `json:"market"`
	Currency  string  `json:"currency"`
	Amount    float64 `json:"amount"`
	ShopperID string  `json:"shopperId"`
	Locale    string  `json:"locale"`
	Channel   string  `json:"channel"`
	Outcome   string  `json:"outcome"`
	Merchant  struct {
		ID       string `json:"id"`
		Name     string `json:"name"`
		Category string `json:"category"`
	} `json:"merchant"`
	Reasons []struct {
		Rank          int    `json:"rank"`
		Code          string `json:"code"`
		MeasuredValue string `json:"measuredValue"`
		Factor        string `json:"factor"`
	} `json:"reasons"`
	Breakdown        []factorCheck `json:"breakdown"`
	ThresholdVersion struct {
		ID      string `json:"id"`
		Market  string `json:"market"`
		Version int    `json:"version"`
	} `json:"thresholdVersion"`
	CatalogVersionID string   `json:"catalogVersionId"`
	Message          *message `json:"message"`
}

// factorCheck is one row of the FactorBreakdown scalar.
type factorCheck struct {
	MeasuredValue string  `json:"measuredValue"`
	Factor        string  `json:"factor"`
	Value         float64 `json:"value"`
	Comparator    string  `json:"comparator"`
	Cutoff        float64 `json:"cutoff"`
	Enabled       bool    `json:"enabled"`
	Passed        bool    `json:"passed"`
	ReasonCode    string  `json:"reasonCode"`
	Shortfall     float64 `json:"shortfall"`
}

// readDecision reads a decision back as an analyst.
func (ta *testApp) readDecision(tb testing.TB, id string) storedDecision {
	tb.Helper()
	var out struct {
		Decision *storedDecision `json:"decision"`
	}
	decodeData(tb, ta.gql(tb, auth.Analyst, decisionQuery, map[string]any{"id": id}), &out)
	if out.Decision == nil {
		tb.Fatalf("decision %s is null", id)
	}
	return *out.Decision
}

// measuredValueFields maps the breakdown's MeasuredValue enum to the input field names.
var measuredValueFields = func() map[string]string {
	out := make(map[string]string, engine.NumMeasures)
	for i := range engine.Measures {
		out[engine.Measures[i].Enum] = engine.Measures[i].Field
	}
	return out
}()

func testAssessOutcomes(t *testing.T, ta *testApp) {
	type outcomeCase struct {
		name        string
		market      string
		locale      string // "" keeps the market's
		amount      float64
		change      func(in, values map[string]any)
		wantOutcome string
		wantReasons []string // exactly, in rank order; nil for an approval or when wantCount is set
		wantCount   int      // with wantReasons nil: the number of reasons (checked against the breakdown)
		wantInBody  []string
	}
	lowScore := func(_, v map[string]any) { v["bureauScore"] = 300.0 }
	cases := []outcomeCase{
		{name: "approval US", market: "US", amount: 249.99, wantOutcome: "APPROVED"},
		{name: "approval SE", market: "SE", amount: 1999, wantOutcome: "APPROVED"},
		{name: "decline sv-SE", market: "SE", amount: 1234.5, change: lowScore, wantOutcome: "DECLINED",
			wantReasons: []string{"CREDIT_SCORE_INSUFFICIENT"}, wantInBody: []string{"300"}},
		{name: "decline de-DE", market: "DE", amount: 1234.5, change: lowScore, wantOutcome: "DECLINED",
			wantReasons: []string{"CREDIT_SCORE_INSUFFICIENT"}, wantInBody: []string{"300"}},
		{name: "decline en-GB", market: "GB", amount: 99.95, change: lowScore, wantOutcome: "DECLINED",
			wantReasons: []string{"CREDIT_SCORE_INSUFFICIENT"}, wantInBody: []string{"300"}},
		{name: "decline en-US", market: "US", amount: 1234.5, change: lowScore, wantOutcome: "DECLINED",
			wantReasons: []string{"CREDIT_SCORE_INSUFFICIENT"}, wantInBody: []string{"300", "Fair Credit Reporting Act"}},
		{name: "decline de-DE shopper in market SE", market: "SE", locale: "de-DE", amount: 750, change: lowScore,
			wantOutcome: "DECLINED", wantReasons: []string{"CREDIT_SCORE_INSUFFICIENT"}},
		// Identity and legal age rank first whatever the other shortfalls.
		{name: "identity ranks first", market: "US", amount: 80, wantOutcome: "DECLINED",
			change:      func(_, v map[string]any) { v["bureauScore"] = 300.0; v["identityVerified"] = 0.0 },
			wantReasons: []string{"IDENTITY_UNVERIFIED", "CREDIT_SCORE_INSUFFICIENT"}},
		{name: "under age ranks first", market: "GB", amount: 80, wantOutcome: "DECLINED",
			change: func(_, v map[string]any) {
				v["ageYears"] = 16.0
				v["outstandingCredit"] = 90000.0
			},
			wantReasons: []string{"UNDER_LEGAL_AGE", "OUTSTANDING_CREDIT_HIGH"}},
		// Six rules fail: at most four principal reasons, the largest shortfalls.
		{name: "six failures give four reasons", market: "US", amount: 300, wantOutcome: "DECLINED", wantCount: 4,
			change: func(_, v map[string]any) {
				v["bureauScore"], v["monthlyIncome"], v["employmentMonths"] = 300.0, 0.0, 0.0
				v["recentPlans30d"], v["debtToIncome"], v["outstandingCredit"] = 20.0, 0.9, 10000.0
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := purchaseInput(c.market, c.amount, func(in, v map[string]any) {
				if c.locale != "" {
					in["locale"] = c.locale
				}
				in["merchant"] = map[string]any{"id": "m-" + c.market, "name": "Fjällräven & Söner", "category": "OUTDOOR"}
				if c.change != nil {
					c.change(in, v)
				}
			})
			before := ta.countDecisions(t)
			a := ta.assess(t, in, uniqueKey("k"))
			if after := ta.countDecisions(t); after != before+1 {
				t.Errorf("%d decisions written, want 1", after-before)
			}
			if a.Outcome != c.wantOutcome {
				t.Fatalf("outcome %s, want %s (reasons %v)", a.Outcome, c.wantOutcome, a.reasonCodes())
			}
			if a.DecisionID == "" || len(a.Reference) != 11 || a.CreatedAt.IsZero() {
				t.Errorf("assessment lacks id, reference or time: %+v", a)
			}
			switch got := a.reasonCodes(); {
			case c.wantCount > 0:
				if len(got) != c.wantCount {
					t.Errorf("reasons %v, want %d", got, c.wantCount)
				}
			case !slices.Equal(got, c.wantReasons) && (len(got) > 0 || len(c.wantReasons) > 0):
				t.Errorf("reasons %v, want %v", got, c.wantReasons)
			}
			for i, r := range a.Reasons {
				if r.Rank != i+1 {
					t.Errorf("reason %d has rank %d", i, r.Rank)
				}
			}
			locale := in["locale"].(string)
			if c.wantOutcome == "APPROVED" {
				if a.Message != nil {
					t.Errorf("an approval carries a message: %+v", a.Message)
				}
			} else {
				checkMessage(t, a.Message, locale, in, c.wantInBody)
			}

			// The stored decision, read back by an analyst, is what checkout was told.
			d := ta.readDecision(t, a.DecisionID)
			checkStored(t, &d, &a, in)
		})
	}
}

// checkMessage checks a decline's pop-up: in the shopper's locale, complete, naming the
// formatted amount and the merchant.
func checkMessage(t *testing.T, m *message, locale string, in map[string]any, wantInBody []string) {
	t.Helper()
	if m == nil {
		t.Fatal("a decline has no message")
	}
	if m.Locale != locale {
		t.Errorf("message locale %q, want the shopper's %q", m.Locale, locale)
	}
	if strings.TrimSpace(m.Title) == "" || len(m.Steps) == 0 {
		t.Errorf("message lacks title or steps: %+v", m)
	}
	for i, s := range m.Steps {
		if strings.TrimSpace(s) == "" {
			t.Errorf("step %d is empty", i)
		}
	}
	amount := catalog.FormatAmount(locale, in["currency"].(string), int64(math.Round(in["amount"].(float64)*100)))
	merchant := in["merchant"].(map[string]any)["name"].(string)
	for _, want := range append([]string{amount, merchant}, wantInBody...) {
		if !strings.Contains(m.Body, want) {
			t.Errorf("message body lacks %q: %q", want, m.Body)
		}
	}
	for _, text := range append([]string{m.Title, m.Body}, m.Steps...) {
		if strings.ContainsAny(text, "{}") {
			t.Errorf("unfilled placeholder in %q", text)
		}
	}
}

// checkStored compares the stored decision with the assessment and the input that made it.
func checkStored(t *testing.T, d *storedDecision, a *assessment, in map[string]any) {
	t.Helper()
	if d.ID != a.DecisionID || d.Reference != a.Reference || d.Outcome != a.Outcome {
		t.Errorf("stored %s %s %s, assessed %s %s %s", d.ID, d.Reference, d.Outcome, a.DecisionID, a.Reference, a.Outcome)
	}
	merchant := in["merchant"].(map[string]any)
	if d.Market != in["market"] || d.Currency != in["currency"] || d.Amount != in["amount"] ||
		d.Locale != in["locale"] || d.Channel != in["channel"] || d.ShopperID != in["shopperId"] ||
		d.Merchant.ID != merchant["id"] || d.Merchant.Name != merchant["name"] || d.Merchant.Category != merchant["category"] {
		t.Errorf("stored purchase differs from the input:\nstored %+v\ninput  %v", d, in)
	}
	if d.ThresholdVersion.Market != in["market"] || d.ThresholdVersion.ID == "" || d.CatalogVersionID == "" {
		t.Errorf("pinned versions: threshold %+v, catalog %q", d.ThresholdVersion, d.CatalogVersionID)
	}
	codes := make([]string, len(d.Reasons))
	for i, r := range d.Reasons {
		codes[i] = r.Code
		if r.Rank != i+1 || r.MeasuredValue == "" || r.Factor == "" {
			t.Errorf("stored reason %d: %+v", i, r)
		}
	}
	if want := a.reasonCodes(); !slices.Equal(codes, want) {
		t.Errorf("stored reasons %v, assessed %v", codes, want)
	}
	switch {
	case (d.Message == nil) != (a.Message == nil):
		t.Errorf("stored message %+v, assessed %+v", d.Message, a.Message)
	case d.Message != nil:
		if d.Message.Locale != a.Message.Locale || d.Message.Title != a.Message.Title ||
			d.Message.Body != a.Message.Body || !slices.Equal(d.Message.Steps, a.Message.Steps) {
			t.Errorf("stored message differs from the one shown:\nstored %+v\nshown  %+v", d.Message, a.Message)
		}
	}

	// The breakdown: one row per measured value, values as submitted, and the failed rows are
	// exactly the reasons (all the tested declines have at most 4 failures).
	if len(d.Breakdown) != engine.NumMeasures {
		t.Fatalf("breakdown has %d rows, want %d", len(d.Breakdown), engine.NumMeasures)
	}
	values := in["values"].(map[string]any)
	var failed []string
	seen := map[string]bool{}
	for _, row := range d.Breakdown {
		field, ok := measuredValueFields[row.MeasuredValue]
		if !ok || seen[row.MeasuredValue] {
			t.Errorf("breakdown row for unknown or repeated measured value: %+v", row)
			continue
		}
		seen[row.MeasuredValue] = true
		if row.Value != values[field] {
			t.Errorf("breakdown %s value %v, submitted %v", row.MeasuredValue, row.Value, values[field])
		}
		if row.Comparator != "GTE" && row.Comparator != "LTE" || row.ReasonCode == "" {
			t.Errorf("breakdown row %+v", row)
		}
		passes := row.Value >= row.Cutoff
		if row.Comparator == "LTE" {
			passes = row.Value <= row.Cutoff
		}
		if row.Enabled && row.Passed != passes || !row.Enabled && !row.Passed {
			t.Errorf("breakdown row %+v: passed disagrees with value, comparator and cutoff", row)
		}
		if !row.Passed {
			failed = append(failed, row.ReasonCode)
			if row.Shortfall <= 0 {
				t.Errorf("failed row %s has shortfall %v", row.MeasuredValue, row.Shortfall)
			}
		} else if row.Shortfall != 0 {
			t.Errorf("passed row %s has shortfall %v", row.MeasuredValue, row.Shortfall)
		}
	}
	checkRanking(t, d.Breakdown, codes)
	if len(failed) <= 4 && !slices.Equal(sorted(failed), sorted(codes)) {
		t.Errorf("failed breakdown rows %v, reasons %v", failed, codes)
	}
}

func testAssessValidation(t *testing.T, ta *testApp) {
	bad := func(change func(in, v map[string]any)) map[string]any { return purchaseInput("SE", 100, change) }
	type validationCase struct {
		name   string
		input  map[string]any
		key    string // "" means a fresh valid key
		fields []string
	}
	cases := []validationCase{
		{name: "unknown market", input: bad(func(in, _ map[string]any) { in["market"] = "XX" }), fields: []string{"input.market"}},
		{name: "currency of another market", input: bad(func(in, _ map[string]any) { in["currency"] = "EUR" }), fields: []string{"input.currency"}},
		{name: "negative amount", input: bad(func(in, _ map[string]any) { in["amount"] = -1.0 }), fields: []string{"input.amount"}},
		{name: "zero amount", input: bad(func(in, _ map[string]any) { in["amount"] = 0.0 }), fields: []string{"input.amount"}},
		{name: "three decimals", input: bad(func(in, _ map[string]any) { in["amount"] = 1.234 }), fields: []string{"input.amount"}},
		{name: "bureau score out of range", input: bad(func(_, v map[string]any) { v["bureauScore"] = 900.0 }), fields: []string{"input.values.bureauScore"}},
		{name: "fractional age", input: bad(func(_, v map[string]any) { v["ageYears"] = 17.5 }), fields: []string{"input.values.ageYears"}},
		{name: "flag not 0 or 1", input: bad(func(_, v map[string]any) { v["identityVerified"] = 0.5 }), fields: []string{"input.values.identityVerified"}},
		{name: "negative count", input: bad(func(_, v map[string]any) { v["delinquencies24m"] = -1.0 }), fields: []string{"input.values.delinquencies24m"}},
		{name: "unsupported locale", input: bad(func(in, _ map[string]any) { in["locale"] = "fr-FR" }), fields: []string{"input.locale"}},
		{name: "unknown channel", input: bad(func(in, _ map[string]any) { in["channel"] = "FAX" }), fields: []string{"input.channel"}},
		{name: "empty merchant name", input: bad(func(in, _ map[string]any) { in["merchant"].(map[string]any)["name"] = "" }), fields: []string{"input.merchant.name"}},
		{name: "empty shopper id", input: bad(func(in, _ map[string]any) { in["shopperId"] = "" }), fields: []string{"input.shopperId"}},
		{name: "empty idempotency key", input: bad(nil), key: "-", fields: []string{"idempotencyKey"}},
		{name: "overlong idempotency key", input: bad(nil), key: strings.Repeat("k", 129), fields: []string{"idempotencyKey"}},
		{
			name: "everything wrong at once",
			input: bad(func(in, v map[string]any) {
				in["market"], in["amount"], in["locale"], in["channel"] = "XX", 1.234, "fr-FR", "FAX"
				in["merchant"].(map[string]any)["name"] = ""
				v["bureauScore"], v["ageYears"], v["identityVerified"] = 900.0, 17.5, 0.5
			}),
			key: "-",
			fields: []string{"idempotencyKey", "input.market", "input.amount", "input.locale", "input.channel",
				"input.merchant.name", "input.values.bureauScore", "input.values.ageYears", "input.values.identityVerified"},
		},
	}
	before := ta.countDecisions(t)
	for _, c := range cases {
		key := c.key
		switch key {
		case "":
			key = uniqueKey(c.name)
		case "-":
			key = ""
		}
		s := scenario{
			name: c.name, role: auth.Service, query: assessMutation,
			vars:     map[string]any{"input": c.input, "key": key},
			wantCode: "INVALID", wantFields: c.fields, wantNull: "assessPurchase",
			notContent: []string{"decisionId"},
		}
		t.Run(c.name, func(t *testing.T) { s.run(t, ta) })
	}
	if after := ta.countDecisions(t); after != before {
		t.Errorf("invalid purchases wrote %d decisions", after-before)
	}
}

// TestIdempotency checks that a retry returns the same decision, that a reused key with a
// different purchase is a conflict, that keys are scoped per token, and that 50 concurrent calls
// with one key store one decision, on both databases.
func TestIdempotency(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 20)
		testIdempotency(t, ta)
	})
}

func testIdempotency(t *testing.T, ta *testApp) {
	in := purchaseInput("DE", 59.9, func(_, v map[string]any) { v["bureauScore"] = 300.0 })

	t.Run("same key, same purchase: same decision", func(t *testing.T) {
		key := uniqueKey("retry")
		before := ta.countDecisions(t)
		first := ta.assess(t, in, key)
		again := ta.assess(t, cloneInput(in), key)
		if again.DecisionID != first.DecisionID || again.Reference != first.Reference ||
			!again.CreatedAt.Equal(first.CreatedAt) || again.Outcome != first.Outcome ||
			!slices.Equal(again.reasonCodes(), first.reasonCodes()) {
			t.Errorf("retry answered %+v, first call %+v", again, first)
		}
		if first.Message == nil || again.Message == nil || again.Message.Body != first.Message.Body {
			t.Errorf("retry message %+v, first %+v", again.Message, first.Message)
		}
		if n := ta.countDecisions(t) - before; n != 1 {
			t.Errorf("%d decisions written, want 1", n)
		}
	})

	t.Run("same key, different purchase: conflict", func(t *testing.T) {
		key := uniqueKey("conflict")
		before := ta.countDecisions(t)
		first := ta.assess(t, in, key)
		changes := map[string]func(in, v map[string]any){
			"amount":   func(in, _ map[string]any) { in["amount"] = 59.91 },
			"merchant": func(in, _ map[string]any) { in["merchant"].(map[string]any)["id"] = "m-other" },
			"value":    func(_, v map[string]any) { v["bureauScore"] = 301.0 },
			"locale":   func(in, _ map[string]any) { in["locale"] = "en-GB" },
		}
		for name, change := range changes {
			other := cloneInput(in)
			change(other, other["values"].(map[string]any))
			s := scenario{
				name: name, role: auth.Service, query: assessMutation,
				vars:     map[string]any{"input": other, "key": key},
				wantCode: "CONFLICT", wantNull: "assessPurchase", notContent: []string{first.DecisionID},
			}
			t.Run(name, func(t *testing.T) { s.run(t, ta) })
		}
		if n := ta.countDecisions(t) - before; n != 1 {
			t.Errorf("%d decisions written, want 1", n)
		}
		// The original purchase under the key still gets its decision.
		if again := ta.assess(t, in, key); again.DecisionID != first.DecisionID {
			t.Errorf("after conflicts, the key answers %s, want %s", again.DecisionID, first.DecisionID)
		}
	})

	t.Run("keys are scoped per token", func(t *testing.T) {
		secret := auth.NewTokenSecret()
		if _, err := ta.Store.CreateToken(context.Background(), "checkout-2", auth.HashToken(secret), []auth.Role{auth.Service}, nil); err != nil {
			t.Fatal(err)
		}
		key := uniqueKey("scoped")
		before := ta.countDecisions(t)
		first := ta.assess(t, in, key)
		vars := map[string]any{"input": in, "key": key}
		var other struct {
			AssessPurchase assessment `json:"assessPurchase"`
		}
		decodeData(t, ta.gqlWithToken(t, secret, assessMutation, vars), &other)
		if other.AssessPurchase.DecisionID == "" || other.AssessPurchase.DecisionID == first.DecisionID {
			t.Errorf("second token got decision %q, first token %q; want two decisions", other.AssessPurchase.DecisionID, first.DecisionID)
		}
		// Each token's retry still finds its own decision.
		var retry struct {
			AssessPurchase assessment `json:"assessPurchase"`
		}
		decodeData(t, ta.gqlWithToken(t, secret, assessMutation, vars), &retry)
		if retry.AssessPurchase.DecisionID != other.AssessPurchase.DecisionID {
			t.Errorf("second token's retry got %s, want %s", retry.AssessPurchase.DecisionID, other.AssessPurchase.DecisionID)
		}
		if again := ta.assess(t, in, key); again.DecisionID != first.DecisionID {
			t.Errorf("first token's retry got %s, want %s", again.DecisionID, first.DecisionID)
		}
		if n := ta.countDecisions(t) - before; n != 2 {
			t.Errorf("%d decisions written, want 2", n)
		}
	})

	t.Run("50 concurrent calls with distinct keys", func(t *testing.T) {
		const calls = 50
		before := ta.countDecisions(t)
		results := make([]*gqlResponse, calls)
		errs := make([]error, calls)
		var wg sync.WaitGroup
		for i := range calls {
			body, _ := json.Marshal(map[string]any{"query": assessMutation, "variables": map[string]any{"input": in, "key": uniqueKey("distinct")}})
			wg.Go(func() {
				results[i], errs[i] = ta.send(http.MethodPost, "/graphql", "Bearer "+ta.Tokens[auth.Service], body)
			})
		}
		wg.Wait()
		refs := map[string]bool{}
		for i, r := range results {
			if errs[i] != nil {
				t.Errorf("call %d: %v", i, errs[i])
				continue
			}
			checkNoSQL(t, r)
			var out struct {
				AssessPurchase assessment `json:"assessPurchase"`
			}
			decodeData(t, r, &out)
			refs[out.AssessPurchase.Reference] = true
		}
		if n := ta.countDecisions(t) - before; n != calls || len(refs) != calls {
			t.Errorf("%d decisions written with %d distinct references, want %d", n, len(refs), calls)
		}
	})

	t.Run("50 concurrent calls with one key", func(t *testing.T) {
		const calls = 50
		key := uniqueKey("concurrent")
		body, _ := json.Marshal(map[string]any{"query": assessMutation, "variables": map[string]any{"input": in, "key": key}})
		before := ta.countDecisions(t)
		results := make([]*gqlResponse, calls)
		errs := make([]error, calls)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range calls {
			wg.Go(func() {
				<-start
				results[i], errs[i] = ta.send(http.MethodPost, "/graphql", "Bearer "+ta.Tokens[auth.Service], body)
			})
		}
		close(start)
		wg.Wait()
		ids := map[string]int{}
		for i, r := range results {
			if errs[i] != nil {
				t.Errorf("call %d: %v", i, errs[i])
				continue
			}
			checkNoSQL(t, r)
			var out struct {
				AssessPurchase *assessment `json:"assessPurchase"`
			}
			if len(r.Errors) > 0 || r.Status != 200 {
				t.Errorf("call %d: status %d, errors %s", i, r.Status, errorsJSON(r))
				continue
			}
			if err := json.Unmarshal(r.Data, &out); err != nil || out.AssessPurchase == nil {
				t.Errorf("call %d: data %s", i, r.Data)
				continue
			}
			ids[out.AssessPurchase.DecisionID]++
		}
		if len(ids) != 1 {
			t.Errorf("concurrent calls answered %d different decisions: %v", len(ids), ids)
		}
		if n := ta.countDecisions(t) - before; n != 1 {
			t.Errorf("%d decisions written, want exactly 1", n)
		}
	})
}

// checkRanking checks the principal reasons against the breakdown (DOMAIN.md): each names a
// failed rule, at most four, identity and legal-age failures first, then by relative shortfall,
// and no failed rule left out ranks above one that was named.
func checkRanking(t *testing.T, breakdown []factorCheck, reasons []string) {
	t.Helper()
	priority := func(code string) bool { return code == "IDENTITY_UNVERIFIED" || code == "UNDER_LEGAL_AGE" }
	shortfall := map[string]float64{}
	for _, row := range breakdown {
		if !row.Passed {
			shortfall[row.ReasonCode] = row.Shortfall
		}
	}
	if len(reasons) > 4 || len(shortfall) > 0 && len(reasons) == 0 || len(reasons) > len(shortfall) {
		t.Errorf("%d reasons for %d failed rules", len(reasons), len(shortfall))
	}
	// before reports whether a ranks ahead of b.
	before := func(a, b string) bool {
		if priority(a) != priority(b) {
			return priority(a)
		}
		return shortfall[a] > shortfall[b]
	}
	for i, code := range reasons {
		if _, ok := shortfall[code]; !ok {
			t.Errorf("reason %s names no failed rule", code)
		}
		if i > 0 && before(code, reasons[i-1]) {
			t.Errorf("reason %s (shortfall %v) ranks below %s (shortfall %v)", code, shortfall[code], reasons[i-1], shortfall[reasons[i-1]])
		}
	}
	for code := range shortfall {
		if slices.Contains(reasons, code) || len(reasons) == 0 {
			continue
		}
		if last := reasons[len(reasons)-1]; before(code, last) {
			t.Errorf("failed rule %s (shortfall %v) left out, but %s (shortfall %v) named", code, shortfall[code], last, shortfall[last])
		}
	}
}
