// The markets the console serves (internal/market): offered as choices and suggestions. The
// API takes any market code; these are the ones with data.
export const markets = ['DE', 'GB', 'SE', 'US'] as const;

/** The locales of the reason catalog (internal/market.Locales). */
export const locales = ['en-US', 'en-GB', 'sv-SE', 'de-DE'] as const;
