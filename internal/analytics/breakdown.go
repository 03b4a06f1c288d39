package analytics

import (
	"cmp"
	"context"
	"slices"

	"riskconsole/internal/apperr"
	"riskconsole/internal/engine"
)

// ReasonShare is the declines of one principal reason or one factor.
type ReasonShare struct {
	Reason   string        // set for a reason
	Factor   engine.Factor // the reason's factor, or the factor of a factor row
	Declined int64
}

// Breakdown is the filter's declines by principal reason and by factor, most declines first.
type Breakdown struct {
	Assessed int64
	Declined int64
	Reasons  []ReasonShare
	Factors  []ReasonShare
	Counts   Counts // where the answer came from
}

// ReasonBreakdown returns the filter's declines per principal reason and per factor.
func (s *Service) ReasonBreakdown(ctx context.Context, f Filter) (Breakdown, error) {
	var ve apperr.ValidationError
	validateFilter(&f, "filter", &ve)
	if err := ve.Err(); err != nil {
		return Breakdown{}, err
	}
	var b Breakdown
	byReason := map[string]int64{}
	byFactor := map[engine.Factor]int64{}
	counts, err := s.total(ctx, &f, Of(Reason), func(r Row) error {
		b.Assessed += r.Assessed
		b.Declined += r.Declined
		code := r.Key[Reason]
		if factor, ok := reasonFactor(code); ok {
			byReason[code] += r.Declined
			byFactor[factor] += r.Declined
		}
		return nil
	})
	if err != nil {
		return Breakdown{}, err
	}
	b.Counts = counts
	for code, n := range byReason {
		factor, _ := reasonFactor(code)
		b.Reasons = append(b.Reasons, ReasonShare{Reason: code, Factor: factor, Declined: n})
	}
	for factor, n := range byFactor {
		b.Factors = append(b.Factors, ReasonShare{Factor: factor, Declined: n})
	}
	byDeclines := func(a, b ReasonShare) int {
		if c := cmp.Compare(b.Declined, a.Declined); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Factor, b.Factor); c != 0 {
			return c
		}
		return cmp.Compare(a.Reason, b.Reason)
	}
	slices.SortFunc(b.Reasons, byDeclines)
	slices.SortFunc(b.Factors, byDeclines)
	return b, nil
}
