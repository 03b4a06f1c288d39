package model

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"riskconsole/internal/engine"
	"riskconsole/internal/market"
)

// TestFactorBreakdownJSON checks that a breakdown writes valid JSON with every field, and that
// a value JSON cannot carry becomes null.
func TestFactorBreakdownJSON(t *testing.T) {
	us, _ := market.Lookup("US")
	set := engine.DefaultSet(us)
	var v engine.Values
	for i, m := range engine.Measures {
		v[i] = m.Cutoff
	}
	v[engine.BureauScore] = 512.5
	v[engine.AgeYears] = math.NaN()
	var res engine.Result
	engine.Evaluate(&set, &v, &res)
	for range 2 { // the second round reuses the pooled buffer
		var buf bytes.Buffer
		FactorBreakdown(res.Checks[:]).MarshalGQL(&buf)
		var rows []map[string]any
		if err := json.Unmarshal(buf.Bytes(), &rows); err != nil {
			t.Fatalf("invalid JSON %s: %v", buf.Bytes(), err)
		}
		if len(rows) != engine.NumMeasures {
			t.Fatalf("%d rows, want %d", len(rows), engine.NumMeasures)
		}
		score := rows[engine.BureauScore]
		if score["measuredValue"] != "BUREAU_SCORE" || score["factor"] != "CREDIT_SCORE" || score["value"] != 512.5 ||
			score["comparator"] != "GTE" || score["cutoff"] != 580.0 || score["passed"] != false ||
			score["reasonCode"] != "CREDIT_SCORE_INSUFFICIENT" || score["shortfall"] != 0.675 {
			t.Fatalf("bureau score row = %v", score)
		}
		if age := rows[engine.AgeYears]; age["value"] != nil || age["shortfall"] != nil {
			t.Fatalf("NaN age row = %v, want null value and shortfall", age)
		}
	}
}
