// Repayment outcomes on screen (issue 13): who may see them, how their figures are written, the
// swap-set as a 2×2 table, the trade-off frontier of a sensitivity sweep, vintage curves aligned
// for a chart, and a decision's repayment timeline. Everything here is pure, so it is unit-tested
// (outcomes.test.ts); the components in components/outcomes.tsx draw it.
import type { Role } from '../gql/graphql';
import { formatRate } from './format';
import { seconds } from './chart';

export { canSeeOutcomes, outcomeReaders } from './access';

/** The roles that start, edit and submit a bad-definition draft. */
export const badDefinitionEditors: readonly Role[] = ['ANALYST', 'APPROVER'];

/** The roles that approve or reject a submitted bad-definition draft (not their own). */
export const badDefinitionApprovers: readonly Role[] = ['APPROVER'];

/** The currency each market's amounts are in (internal/market). */
const currencies: Record<string, string> = { DE: 'EUR', GB: 'GBP', SE: 'SEK', US: 'USD' };

/** currencyOf is a market's currency code, '' for a market the console does not know. */
export function currencyOf(market: string): string {
  return currencies[market] ?? '';
}

/** formatMoney writes a major-unit amount rounded to whole units, with its currency: "12,345 SEK". */
export function formatMoney(amount: number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined) return '–';
  const s = Math.round(amount).toLocaleString('en-US');
  return currency ? `${s} ${currency}` : s;
}

/** formatMinor writes an amount in minor units (two decimals in every market) with its currency. */
export function formatMinor(minor: number, currency: string): string {
  const s = (minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return currency ? `${s} ${currency}` : s;
}

/** formatInterval writes a 95 % interval of rates, "2.1–3.4 %", or '' when there is none or it is a point. */
export function formatInterval(low: number | null | undefined, high: number | null | undefined, digits = 1): string {
  if (low === null || low === undefined || high === null || high === undefined) return '';
  if (Math.abs(high - low) < 0.5 * 10 ** -(digits + 2)) return '';
  return `${(low * 100).toFixed(digits)}–${(high * 100).toFixed(digits)} %`;
}

/** What the UI reads of an OutcomeFigures. */
export interface Figures {
  decisions: number;
  volume: number;
  mature: number;
  immature: number;
  bad: number;
  inferred: number;
  inferredBad: number;
  badRate?: number | null;
  badRateLow?: number | null;
  badRateHigh?: number | null;
  loss: number;
  lossLow: number;
  lossHigh: number;
  lossRate?: number | null;
}

/** A figure written for a card or a table cell. */
export interface Shown {
  text: string;
  /** The 95 % interval of an inferred figure, '' for an observed one. */
  interval: string;
  /** Part of the figure is inferred (declined as decided). */
  inferred: boolean;
  /** Set when the figure covers the observed part only, saying what was left out. */
  partial?: string;
}

/** leftOut says which decisions a partial figure leaves out. */
function leftOut(f: Figures): string {
  return `observed only: ${f.inferred.toLocaleString('en-US')} declined as decided left out, too few mature outcomes to infer them`;
}

/**
 * badRateOf writes a group's bad rate. A group with inferred decisions is marked inferred with
 * its 95 % interval. Without inference, a group that also has mature approvals shows their
 * observed rate, marked partial; one with no rate at all says why: nothing in it, nothing mature
 * yet, or nothing but what cannot be inferred.
 */
export function badRateOf(f: Figures, inferenceAvailable: boolean): Shown {
  const inferred = f.inferred > 0;
  if (f.badRate === null || f.badRate === undefined) {
    if (inferred && !inferenceAvailable && f.mature > 0) return { text: formatRate(f.bad / f.mature, 1), interval: '', inferred: false, partial: leftOut(f) };
    let text = '–';
    if (f.decisions === 0) text = 'none';
    else if (inferred && !inferenceAvailable) text = 'not inferable';
    else if (f.mature === 0 && f.immature > 0) text = 'all immature';
    return { text, interval: '', inferred: false };
  }
  return { text: formatRate(f.badRate, 1), interval: inferred ? formatInterval(f.badRateLow, f.badRateHigh) : '', inferred };
}

/** lossOf writes a group's loss in the market's currency, with its interval when part of it is inferred (or marked partial without inference). */
export function lossOf(f: Figures, currency: string, inferenceAvailable: boolean): Shown {
  const inferred = f.inferred > 0;
  if (inferred && !inferenceAvailable) {
    if (f.mature === 0) return { text: 'not inferable', interval: '', inferred: false };
    return { text: formatMoney(f.loss, currency), interval: '', inferred: false, partial: leftOut(f) };
  }
  const interval = inferred && f.lossHigh - f.lossLow >= 0.5 ? `${formatMoney(f.lossLow, '')}–${formatMoney(f.lossHigh, currency)}` : '';
  return { text: formatMoney(f.loss, currency), interval, inferred };
}

/** A cell of the swap-set's 2×2: now (rows) × proposed (columns). */
export interface SwapCell {
  key: 'keptApproved' | 'swapOut' | 'swapIn' | 'keptDeclined';
  title: string;
  /** What the cell means for the proposal. */
  meaning: string;
  figures: Figures;
}

export interface SwapSetIn {
  keptApproved: Figures;
  swapOut: Figures;
  swapIn: Figures;
  keptDeclined: Figures;
}

/** swapRows lays the swap-set out as rows (approved now, declined now) of columns (approved, declined proposed). */
export function swapRows(s: SwapSetIn): [SwapCell, SwapCell][] {
  return [
    [
      { key: 'keptApproved', title: 'Kept approved', meaning: 'approved either way', figures: s.keptApproved },
      { key: 'swapOut', title: 'Swap-out', meaning: 'loss avoided', figures: s.swapOut },
    ],
    [
      { key: 'swapIn', title: 'Swap-in', meaning: 'loss taken on', figures: s.swapIn },
      { key: 'keptDeclined', title: 'Kept declined', meaning: 'declined either way', figures: s.keptDeclined },
    ],
  ];
}

/** A point of a sensitivity sweep, with its outcome figures. */
export interface SweepPoint {
  cutoff: number;
  declineRate: number;
  approvalRate: number;
  badRate?: number | null;
  lossRate?: number | null;
}

/** The frontier's chart data: x = approval rate %, one y array per series (bad rate %, loss rate %). */
export interface Frontier {
  xs: number[];
  bad: (number | null)[];
  loss: (number | null)[];
  /** False when no point has a bad rate (no mature outcomes): there is no frontier to draw. */
  hasOutcomes: boolean;
}

/**
 * frontierOf turns a sweep (in cut-off order) into the frontier: points sorted by approval rate
 * (uPlot wants ascending x), rates in percent, one point per approval rate (several cut-offs that
 * approve the same share are one point: the last one's figures, which are the same decisions).
 */
export function frontierOf(points: readonly SweepPoint[]): Frontier {
  const byX = new Map<number, SweepPoint>();
  for (const p of points) byX.set(round6(p.approvalRate * 100), p);
  const xs = [...byX.keys()].sort((a, b) => a - b);
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? null : round6(v * 100));
  const bad = xs.map((x) => pct(byX.get(x)!.badRate));
  const loss = xs.map((x) => pct(byX.get(x)!.lossRate));
  return { xs, bad, loss, hasOutcomes: bad.some((v) => v !== null) };
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** describePoint writes a frontier point for a caption and a screen reader. */
export function describePoint(name: string, p: SweepPoint): string {
  return `${name}: cut-off ${p.cutoff.toLocaleString('en-US', { maximumFractionDigits: 3 })}, approval ${formatRate(p.approvalRate, 1)}, bad rate ${formatRate(p.badRate, 2)}, loss ${formatRate(p.lossRate, 2)} of volume`;
}

/** A vintage series as the vintages query returns it. */
export interface VintageIn {
  vintage: string;
  group?: string | null;
  approved: number;
  volume: number;
  points: readonly { monthsSinceDecision: number; badRate: number; lossRate: number }[];
}

export type VintageMeasure = 'badRate' | 'lossRate';

/** Vintage curves aligned for the chart. */
export interface VintageChart {
  labels: string[];
  xs: number[];
  ys: (number | null)[][];
}

/** vintageLabel writes a vintage's month, "2026-03", with its group when there is one. */
export function vintageLabel(v: { vintage: string; group?: string | null }): string {
  const m = v.vintage.slice(0, 7);
  return v.group ? `${m} ${v.group}` : m;
}

/**
 * alignVintages puts the curves on months since the decision (0, 1, …): one series per vintage,
 * oldest first, the measure in percent; a month a vintage has not lived yet is a gap. Vintages
 * with no approvals are left out (they have no rate).
 */
export function alignVintages(series: readonly VintageIn[], measure: VintageMeasure): VintageChart {
  const kept = series.filter((s) => s.approved > 0).slice().sort((a, b) => a.vintage.localeCompare(b.vintage) || (a.group ?? '').localeCompare(b.group ?? ''));
  let max = -1;
  for (const s of kept) for (const p of s.points) max = Math.max(max, p.monthsSinceDecision);
  const xs = Array.from({ length: max + 1 }, (_, i) => i);
  const ys = kept.map((s) => {
    const y: (number | null)[] = new Array(xs.length).fill(null);
    for (const p of s.points) y[p.monthsSinceDecision] = round6(p[measure] * 100);
    return y;
  });
  return { labels: kept.map(vintageLabel), xs, ys };
}

/**
 * alignVintagesByCalendar puts the same curves on calendar time: a vintage's point k is drawn at
 * the start of the k-th month after the vintage's own month, so activations (times) can be
 * marked on the same axis. x is in Unix seconds.
 */
export function alignVintagesByCalendar(series: readonly VintageIn[], measure: VintageMeasure): VintageChart {
  const kept = series.filter((s) => s.approved > 0).slice().sort((a, b) => a.vintage.localeCompare(b.vintage) || (a.group ?? '').localeCompare(b.group ?? ''));
  const at = (vintage: string, k: number) => {
    const d = new Date(vintage);
    return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1) / 1000);
  };
  const set = new Set<number>();
  for (const s of kept) for (const p of s.points) set.add(at(s.vintage, p.monthsSinceDecision));
  const xs = [...set].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const ys = kept.map((s) => {
    const y: (number | null)[] = new Array(xs.length).fill(null);
    for (const p of s.points) y[index.get(at(s.vintage, p.monthsSinceDecision))!] = round6(p[measure] * 100);
    return y;
  });
  return { labels: kept.map(vintageLabel), xs, ys };
}

/** An activation to mark against the vintages. */
export interface VintageActivation {
  id: string;
  activatedAt: string;
  versionId: string;
}

/**
 * firstVintagesAfter maps each activation to the label of the first vintage whose month starts
 * at or after it: the first vintage decided wholly under the activated version. Activations after
 * the last vintage map to null.
 */
export function firstVintagesAfter(series: readonly VintageIn[], activations: readonly VintageActivation[]): Map<string, string | null> {
  const months = [...new Set(series.map((s) => s.vintage))].sort((a, b) => seconds(a) - seconds(b));
  const out = new Map<string, string | null>();
  for (const a of activations) {
    const t = seconds(a.activatedAt);
    const v = months.find((m) => seconds(m) >= t);
    out.set(a.id, v ? v.slice(0, 7) : null);
  }
  return out;
}

/** Statuses in the order of how bad they are (internal/outcomes). */
const severity: Record<string, number> = { CURRENT: 0, PAID: 0, LATE_1_29: 1, LATE_30_59: 2, LATE_60_89: 3, LATE_90_PLUS: 4, CHARGED_OFF: 5, RECOVERED: 5 };

/** The tone of a status on screen: ok (current or paid), late, or lost (charged off). */
export function statusTone(status: string | null | undefined): 'ok' | 'late' | 'lost' | 'none' {
  if (!status) return 'none';
  const s = severity[status] ?? 0;
  return s === 0 ? 'ok' : s >= 5 ? 'lost' : 'late';
}

const statusWords: Record<string, string> = {
  CURRENT: 'Current',
  PAID: 'Paid',
  LATE_1_29: '1–29 days late',
  LATE_30_59: '30–59 days late',
  LATE_60_89: '60–89 days late',
  LATE_90_PLUS: '90+ days late',
  CHARGED_OFF: 'Charged off',
  RECOVERED: 'Recovered',
};

/** statusLabel writes a repayment status in words: LATE_30_59 → "30–59 days late". */
export function statusLabel(status: string): string {
  return statusWords[status] ?? status;
}

/** A repayment event as the decision query returns it. */
export interface EventIn {
  eventId: string;
  observedAt: string;
  status: string;
  outstandingMinor: number;
  writtenOffMinor: number;
}

/** A row of the repayment timeline. */
export interface TimelineRow extends EventIn {
  /** Whole days after the decision. */
  day: number;
  /** The worst status reached so far is this one (the event made it worse). */
  worsened: boolean;
}

/** timelineOf orders a decision's events in time and says how many days after the decision each came, and which made it worse. */
export function timelineOf(decidedAt: string, events: readonly EventIn[]): TimelineRow[] {
  const t0 = Date.parse(decidedAt);
  let worst = 0;
  return events
    .slice()
    .sort((a, b) => Date.parse(a.observedAt) - Date.parse(b.observedAt))
    .map((e) => {
      const s = severity[e.status] ?? 0;
      const worsened = s > worst && e.status !== 'RECOVERED';
      worst = Math.max(worst, s);
      return { ...e, day: Math.floor((Date.parse(e.observedAt) - t0) / 86_400_000), worsened };
    });
}

/** The levels a bad definition may name, each meaning "or worse". */
export const badLevels = ['LATE_30_59', 'LATE_60_89', 'LATE_90_PLUS', 'CHARGED_OFF'] as const;

/** describeBad writes a definition in words, as the server does: "ever 60–89 days late or worse within 6 months". */
export function describeBad(level: string, windowMonths: number): string {
  const words: Record<string, string> = {
    LATE_30_59: '30+ days late',
    LATE_60_89: '60+ days late',
    LATE_90_PLUS: '90+ days late',
    CHARGED_OFF: 'charged off',
  };
  return `ever ${words[level] ?? level}${level === 'CHARGED_OFF' ? '' : ' or worse'} within ${windowMonths} ${windowMonths === 1 ? 'month' : 'months'}`;
}

/** The longest performance window (internal/outcomes.MaxWindowMonths). */
export const maxWindowMonths = 24;

/** checkWindow validates a performance window typed in months (1 to 24), returning the error or ''. */
export function checkWindow(text: string): string {
  if (!/^\d+$/.test(text.trim())) return 'must be a whole number of months';
  const n = Number(text);
  if (n < 1 || n > maxWindowMonths) return `must be between 1 and ${maxWindowMonths}`;
  return '';
}
