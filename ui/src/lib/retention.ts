// Retention policies, legal holds and the plan (issue 18): how the Retention page words them. The
// server decides every date and every state; this only reads a form and writes what it says.
import { RetentionAction, RetentionMonthState } from '../gql/graphql';
import { formatTime } from './format';

/** actionLabel says what happens to a month once its retention ends. */
export function actionLabel(a: RetentionAction): string {
  return a === RetentionAction.Anonymise ? 'anonymised (shopper removed, amounts banded, merchant kept)' : 'deleted';
}

/** policySentence is a policy in words: "kept 25 months after the end of their month, then deleted". */
export function policySentence(p: { keepMonths: number; afterRetention: RetentionAction }): string {
  return `kept ${p.keepMonths} months after the end of their month, then ${actionLabel(p.afterRetention)}`;
}

/**
 * readKeepMonths reads the months field of a proposal: a whole number from floor to max, or the
 * message that says why not (the server checks again, naming keepMonths).
 */
export function readKeepMonths(text: string, floor: number, max: number): number | string {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return `Write a whole number of months from ${floor} to ${max}.`;
  const n = Number(t);
  if (n < floor) return `At least ${floor} months in this market.`;
  if (n > max) return `At most ${max} months; a longer need for particular records is a legal hold.`;
  return n;
}

/** monthLabel is a month's first instant as "2024-01" (UTC). */
export function monthLabel(month: string): string {
  return month.slice(0, 7);
}

/** monthStateLabel and its badge class. */
export function monthStateLabel(s: RetentionMonthState): { text: string; badge: string } {
  switch (s) {
    case RetentionMonthState.Due:
      return { text: 'May leave now', badge: 'warn' };
    case RetentionMonthState.Held:
      return { text: 'Held', badge: 'overdue' };
    default:
      return { text: 'Kept', badge: 'ok' };
  }
}

/** What a hold selects, as the API answers it. */
export interface HoldScope {
  market?: string | null;
  from?: string | null;
  to?: string | null;
  shopperId?: string | null;
  merchantId?: string | null;
}

/** holdScope says which decisions a hold keeps: "SE · shopper s-1 · from 2024-01-01 00:00 UTC". */
export function holdScope(h: HoldScope): string {
  const parts: string[] = [h.market ? `market ${h.market}` : 'every market'];
  if (h.shopperId) parts.push(`shopper ${h.shopperId}`);
  if (h.merchantId) parts.push(`merchant ${h.merchantId}`);
  if (h.from && h.to) parts.push(`${formatTime(h.from)} to ${formatTime(h.to)}`);
  else if (h.from) parts.push(`from ${formatTime(h.from)}`);
  else if (h.to) parts.push(`before ${formatTime(h.to)}`);
  return parts.join(' · ');
}

/**
 * holdInput turns the place-a-hold form's texts (times already read to RFC 3339 or "") into the
 * API's input: blank criteria are left out, so that the server's check of "at least one" sees
 * what the auditor meant.
 */
export function holdInput(f: { market: string; from: string; to: string; shopperId: string; merchantId: string; reason: string }) {
  const opt = (v: string) => (v.trim() === '' ? null : v.trim());
  return { market: opt(f.market), from: opt(f.from), to: opt(f.to), shopperId: opt(f.shopperId), merchantId: opt(f.merchantId), reason: f.reason.trim() };
}
