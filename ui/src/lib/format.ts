// How values are written on screen. Times are shown in UTC, as the filters take them.

/** formatTime writes an RFC 3339 time as "2026-11-20 12:34:56 UTC". */
export function formatTime(t: string | null | undefined): string {
  if (!t) return '';
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return t;
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** formatAmount writes an amount with its currency code, two decimals. */
export function formatAmount(amount: number, currency: string): string {
  return `${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
}

/** formatNumber writes a measured value or cut-off: integers as such, others to 3 significant decimals. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** formatBytes writes a byte count as B, kB or MB. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

/** humanize turns an enum value such as CREDIT_SCORE into "Credit score". */
export function humanize(v: string): string {
  const s = v.toLowerCase().replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** count writes "1 event", "2 events", "1,000 events". */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/** formatRate writes a rate (0…1) as a percentage, "–" when there is none. */
export function formatRate(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? '–' : `${(v * 100).toFixed(digits)} %`;
}

/** formatPoints writes the change from rate a to rate b in percentage points, signed. */
export function formatPoints(a: number, b: number): string {
  const d = Math.round((b - a) * 10000) / 100;
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d).toFixed(2)} pp`;
}

/** formatAge writes how long ago t was, roughly: "less than a minute", "12 minutes", "5 hours", "3 days". */
export function formatAge(t: string, now: number): string {
  const min = Math.max(0, Math.floor((now - Date.parse(t)) / 60_000));
  if (min < 1) return 'less than a minute';
  if (min < 60) return count(min, 'minute');
  if (min < 48 * 60) return count(Math.floor(min / 60), 'hour');
  return count(Math.floor(min / 1440), 'day');
}

/** formatDays writes the length of [from, to) in days ("12 days", "67.8 days", "1 day"); hours under a day; "" without both. */
export function formatDays(from: string | null | undefined, to: string | null | undefined): string {
  if (!from || !to) return '';
  const ms = Date.parse(to) - Date.parse(from);
  if (!Number.isFinite(ms)) return '';
  const hours = Math.round(ms / 3_600_000);
  if (hours < 24) return count(hours, 'hour');
  const days = Math.round(hours / 2.4) / 10;
  return `${days.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${days === 1 ? 'day' : 'days'}`;
}
