// The markets the console serves (internal/market), in the order that gives each its chart colour
// and its tab. Filters pick markets from the API instead (Query.markets, MarketSelect in
// components/filters.tsx), with their names.
export const markets = ['DE', 'GB', 'SE', 'US'] as const;

/** The locales of the reason catalog (internal/market.Locales). */
export const locales = ['en-US', 'en-GB', 'sv-SE', 'de-DE'] as const;
