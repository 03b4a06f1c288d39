package model

import (
	"errors"
	"io"
	"math"
	"strconv"

	"riskconsole/internal/engine"
)

// FactorCheck is one row of a decision's factor breakdown. It is a GraphQL scalar that writes
// itself as a JSON object, so that gqlgen marshals the 15 rows of a decision inline rather than
// in a goroutine each.
type FactorCheck engine.Check

// MarshalGQL writes the check as a JSON object.
func (c FactorCheck) MarshalGQL(w io.Writer) {
	b := make([]byte, 0, 256)
	b = append(b, `{"measuredValue":"`...)
	b = append(b, c.Measure.String()...)
	b = append(b, `","factor":"`...)
	b = append(b, engine.Measures[c.Measure].Factor.String()...)
	b = append(b, `","value":`...)
	b = appendNumber(b, c.Value)
	b = append(b, `,"comparator":"`...)
	b = append(b, c.Comparator.String()...)
	b = append(b, `","cutoff":`...)
	b = appendNumber(b, c.Cutoff)
	b = append(b, `,"enabled":`...)
	b = strconv.AppendBool(b, c.Enabled)
	b = append(b, `,"passed":`...)
	b = strconv.AppendBool(b, c.Passed)
	b = append(b, `,"reasonCode":"`...)
	b = append(b, c.Reason.String()...)
	b = append(b, `","shortfall":`...)
	b = appendNumber(b, c.Shortfall)
	b = append(b, '}')
	_, _ = w.Write(b)
}

// appendNumber writes f as a JSON number; JSON has no NaN or infinity, so those become null.
func appendNumber(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	return strconv.AppendFloat(b, f, 'g', -1, 64)
}

// UnmarshalGQL refuses input: a factor check is output only.
func (c *FactorCheck) UnmarshalGQL(any) error {
	return errors.New("FactorCheck is an output type")
}
