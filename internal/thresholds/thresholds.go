// Package thresholds keeps the markets' threshold set versions and decides which one is in force:
// versions are immutable, and the latest activation at or before a time wins.
package thresholds

import (
	"encoding/json"
	"fmt"
	"time"

	"riskconsole/internal/engine"
)

// Version is an immutable threshold set version of one market.
type Version struct {
	ID        int64
	Market    string
	Version   int
	Set       engine.ThresholdSet
	Author    string
	Approver  string
	Rationale string
	CreatedAt time.Time
}

// Activation puts a version in force for its market from ActivatedAt on.
type Activation struct {
	ID          int64
	Market      string
	VersionID   int64
	ActivatedAt time.Time
	ActivatedBy string
	// Emergency marks an emergency rollback, made without a new approval.
	Emergency bool
}

// ruleJSON is the stored form of one rule: names, not numbers, so the JSON reads on its own.
type ruleJSON struct {
	Measure    string  `json:"measure"`
	Comparator string  `json:"comparator"`
	Cutoff     float64 `json:"cutoff"`
	Enabled    bool    `json:"enabled"`
	Reason     string  `json:"reason"`
	Scale      float64 `json:"scale"`
}

// EncodeRules returns the JSON form of a threshold set, as stored.
func EncodeRules(s *engine.ThresholdSet) string {
	out := make([]ruleJSON, len(s.Rules))
	for i, r := range s.Rules {
		out[i] = ruleJSON{Measure: r.Measure.String(), Comparator: r.Comparator.String(),
			Cutoff: r.Cutoff, Enabled: r.Enabled, Reason: r.Reason.String(), Scale: r.Scale}
	}
	b, err := json.Marshal(out)
	if err != nil {
		panic(err) // plain structs of strings, numbers and booleans always marshal
	}
	return string(b)
}

// DecodeRules parses the stored JSON form of a threshold set and validates it.
func DecodeRules(s string) (engine.ThresholdSet, error) {
	var in []ruleJSON
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return engine.ThresholdSet{}, fmt.Errorf("decode threshold rules: %w", err)
	}
	rules := make([]engine.Rule, len(in))
	for i, r := range in {
		m, _ := engine.ParseMeasure(r.Measure)
		reason, _ := engine.ParseReason(r.Reason)
		var cmp engine.Comparator
		switch r.Comparator {
		case "GTE":
			cmp = engine.GTE
		case "LTE":
			cmp = engine.LTE
		}
		rules[i] = engine.Rule{Measure: m, Comparator: cmp, Cutoff: r.Cutoff, Enabled: r.Enabled,
			Reason: reason, Scale: r.Scale}
	}
	return engine.NewThresholdSet(rules)
}
