package graph

import (
	"riskconsole/graph/model"
	"riskconsole/internal/decisions"
)

// mapMarkets maps the markets the filters offer; a market without a name has a null one.
func mapMarkets(ms []decisions.MarketInfo, err error) ([]model.Market, error) {
	if err != nil {
		return nil, err
	}
	out := make([]model.Market, len(ms))
	for i, m := range ms {
		out[i] = model.Market{Code: m.Code, Currency: m.Currency, HasDecisions: m.HasDecisions}
		if m.Name != "" {
			out[i].Name = &m.Name
		}
	}
	return out, nil
}
