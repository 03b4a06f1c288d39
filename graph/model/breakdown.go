package model

import (
	"errors"
	"io"
	"math"
	"strconv"
	"sync"

	"riskconsole/internal/engine"
)

// FactorBreakdown is a decision's factor breakdown, one check per rule. It is a GraphQL scalar
// that writes itself as a JSON array of objects in one piece: a page of 50 decisions has 750
// rows, and gqlgen would otherwise marshal each one as a separate value.
type FactorBreakdown []engine.Check

// breakdownBufs recycles the buffers breakdowns are written through.
var breakdownBufs = sync.Pool{New: func() any { return new([]byte) }}

// MarshalGQL writes the breakdown as a JSON array.
func (f FactorBreakdown) MarshalGQL(w io.Writer) {
	bp := breakdownBufs.Get().(*[]byte)
	b := append((*bp)[:0], '[')
	for i := range f {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCheck(b, &f[i])
	}
	b = append(b, ']')
	_, _ = w.Write(b)
	*bp = b
	breakdownBufs.Put(bp)
}

func appendCheck(b []byte, c *engine.Check) []byte {
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
	return append(b, '}')
}

// appendNumber writes f as a JSON number; JSON has no NaN or infinity, so those become null.
func appendNumber(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	return strconv.AppendFloat(b, f, 'g', -1, 64)
}

// UnmarshalGQL refuses input: a breakdown is output only.
func (f *FactorBreakdown) UnmarshalGQL(any) error {
	return errors.New("FactorBreakdown is an output type")
}
