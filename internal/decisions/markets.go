package decisions

import (
	"context"
	"slices"

	"riskconsole/internal/market"
)

// MarketInfo is a market the lender operates in, as the console's market filters offer it.
type MarketInfo struct {
	market.Market
	// HasDecisions is true once any decision was made in the market.
	HasDecisions bool
}

// Markets lists the markets the lender operates in, in market.All order, each saying whether
// any decision was made in it. Assessments refuse other market codes, so no decision lies
// outside this list.
func (s *Service) Markets(ctx context.Context) ([]MarketInfo, error) {
	codes := make([]string, len(market.All))
	for i, m := range market.All {
		codes[i] = m.Code
	}
	with, err := s.repo.MarketsWithDecisions(ctx, codes)
	if err != nil {
		return nil, err
	}
	out := make([]MarketInfo, len(market.All))
	for i, m := range market.All {
		out[i] = MarketInfo{Market: m, HasDecisions: slices.Contains(with, m.Code)}
	}
	return out, nil
}
