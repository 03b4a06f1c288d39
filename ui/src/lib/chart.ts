// The overview chart's data: decline-rate series per market aligned on one time axis (uPlot
// wants one x array and one y array per series), the threshold activations as markers, and the
// anomalies placed on the series and bucket they belong to; how the charts write times (one
// 24-hour format, as formatTime); and the ways down from a chart: a bucket's time range, a zoom.
import { subjectName } from './subject';

/** The colours of series, in order (distinct for the usual colour-vision deficiencies). */
export const palette = ['#1d4e89', '#c2410c', '#15803d', '#7e22ce', '#0e7490', '#a16207', '#be185d', '#4b5563'];

/** A point of a declineRates series. */
export interface RatePoint {
  bucketStart: string;
  assessed: number;
  declined: number;
  rate?: number | null;
}

export interface RateSeries {
  label: string;
  points: readonly RatePoint[];
}

/** The chart's data: x in Unix seconds, one y array per series (null where a bucket is missing). */
export interface AlignedSeries {
  labels: string[];
  xs: number[];
  ys: (number | null)[][];
}

/** seconds is an RFC 3339 time in Unix seconds. */
export function seconds(t: string): number {
  return Math.floor(Date.parse(t) / 1000);
}

/**
 * alignSeries puts every series on the union of their buckets, oldest first. A bucket a series
 * has no point for, or nothing assessed in, is null (a gap, not a zero rate). Rates are in
 * percent.
 */
export function alignSeries(series: readonly RateSeries[]): AlignedSeries {
  const set = new Set<number>();
  for (const s of series) for (const p of s.points) set.add(seconds(p.bucketStart));
  const xs = [...set].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const ys = series.map((s) => {
    const y: (number | null)[] = new Array(xs.length).fill(null);
    for (const p of s.points) {
      if (p.rate === null || p.rate === undefined || p.assessed === 0) continue;
      y[index.get(seconds(p.bucketStart))!] = p.rate * 100;
    }
    return y;
  });
  return { labels: series.map((s) => s.label), xs, ys };
}

/** bucketOf is the index of the bucket of xs (sorted starts) holding time t, -1 before the first. */
export function bucketOf(xs: readonly number[], t: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

export interface Activation {
  activation: { id: string; market: string; activatedAt: string; activatedBy: string; emergency: boolean; versionId: string };
  version: { version: number; author: string; approver: string };
}

/** A threshold activation drawn on the chart. */
export interface Marker {
  id: string;
  x: number;
  market: string;
  versionId: string;
  version: number;
  activatedBy: string;
  author: string;
  approver: string;
  emergency: boolean;
  /** The index of the market's series, -1 when the chart has none (the marker is still drawn). */
  series: number;
}

/** markersOf turns activations into markers, keeping those within [from, to) (Unix seconds). */
export function markersOf(list: readonly Activation[], labels: readonly string[], from: number, to: number): Marker[] {
  return list
    .map((m) => ({
      id: m.activation.id,
      x: seconds(m.activation.activatedAt),
      market: m.activation.market,
      versionId: m.activation.versionId,
      version: m.version.version,
      activatedBy: subjectName(m.activation.activatedBy),
      author: subjectName(m.version.author),
      approver: subjectName(m.version.approver),
      emergency: m.activation.emergency,
      series: labels.indexOf(m.activation.market),
    }))
    .filter((m) => m.x >= from && m.x < to)
    .sort((a, b) => a.x - b.x);
}

export interface AnomalyIn {
  bucketStart: string;
  market: string;
  reason?: string | null;
  mainReason?: string | null;
  rate: number;
  baselineRate: number;
  zScore: number;
  excessDeclines: number;
  assessed: number;
  declined: number;
}

/** An anomaly placed on the chart: on its market's series, at the chart bucket holding it. */
export interface AnomalyMark<A extends AnomalyIn = AnomalyIn> {
  anomaly: A;
  x: number;
  /** The chart's value there (percent), null when the market has no series or no value. */
  y: number | null;
  series: number;
}

/**
 * placeAnomalies puts each anomaly on its market's series, at the chart bucket that holds its own
 * bucket (anomalies are scored per UTC hour or day; the chart may use weeks or another time
 * zone). Several anomalies in one chart bucket and series are marked once, by the largest |z|.
 * Anomalies outside the chart's buckets are left out of the marks (the list still shows them).
 */
export function placeAnomalies<A extends AnomalyIn>(list: readonly A[], chart: AlignedSeries): AnomalyMark<A>[] {
  const best = new Map<string, AnomalyMark<A>>();
  for (const a of list) {
    const series = chart.labels.indexOf(a.market);
    if (series < 0) continue;
    const i = bucketOf(chart.xs, seconds(a.bucketStart));
    if (i < 0) continue;
    const key = `${series}:${i}`;
    const prev = best.get(key);
    if (prev && Math.abs(prev.anomaly.zScore) >= Math.abs(a.zScore)) continue;
    best.set(key, { anomaly: a, x: chart.xs[i], y: chart.ys[series][i], series });
  }
  return [...best.values()].sort((a, b) => a.x - b.x || a.series - b.series);
}

/** nearestMarker is the marker within tolerance seconds of x, the closest one, or null. */
export function nearestMarker<M extends { x: number }>(markers: readonly M[], x: number, tolerance: number): M | null {
  let best: M | null = null;
  for (const m of markers) {
    const d = Math.abs(m.x - x);
    if (d <= tolerance && (!best || d < Math.abs(best.x - x))) best = m;
  }
  return best;
}

/** The length of an analytics bucket (the GraphQL AnalyticsBucket's values). */
export type BucketSize = 'HOUR' | 'DAY' | 'WEEK';

const minute = 60;
const day = 86_400;

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** wallClock is the calendar date and time of Unix second t in the IANA time zone tz. */
function wallClock(t: number, tz: string): { y: number; mo: number; d: number; h: number; mi: number } {
  let f = partsFormats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    partsFormats.set(tz, f);
  }
  const p: Record<string, number> = {};
  for (const x of f.formatToParts(new Date(t * 1000))) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return { y: p.year, mo: p.month, d: p.day, h: p.hour % 24, mi: p.minute };
}

/** tzOffset is the offset of tz from UTC at Unix second t, in seconds (Europe/Berlin in winter: 3,600). */
export function tzOffset(t: number, tz: string): number {
  if (tz === 'UTC') return 0;
  const w = wallClock(t, tz);
  return (Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi) / 1000 - Math.floor(t / minute) * minute);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A chart's times are written to the minute, or as dates when every point starts a day (daily
 * and weekly buckets, months).
 */
export type TimeResolution = 'minute' | 'day';

/** timeResolution is 'day' when every x (Unix seconds) is midnight in tz, else 'minute'. */
export function timeResolution(xs: readonly number[], tz = 'UTC'): TimeResolution {
  return xs.length > 0 && xs.every((x) => (x + tzOffset(x, tz)) % day === 0) ? 'day' : 'minute';
}

/**
 * formatChartTime writes Unix second t as formatTime does, in 24-hour time: "2026-11-20 13:00 UTC"
 * to the minute, "2026-11-20" for a date. Times in another zone than UTC name it.
 */
export function formatChartTime(t: number, resolution: TimeResolution, tz = 'UTC'): string {
  const w = wallClock(t, tz);
  const date = `${w.y}-${pad(w.mo)}-${pad(w.d)}`;
  return resolution === 'day' ? date : `${date} ${pad(w.h)}:${pad(w.mi)} ${tz}`;
}

/**
 * axisTimeLabels writes a time axis's ticks (Unix seconds, incr apart) in 24-hour time: dates
 * when the ticks are a day or more apart, else "13:00" with the date under the first tick of
 * each day.
 */
export function axisTimeLabels(ticks: readonly number[], incr: number, tz = 'UTC'): string[] {
  let lastDate = '';
  return ticks.map((t) => {
    const w = wallClock(t, tz);
    const date = `${w.y}-${pad(w.mo)}-${pad(w.d)}`;
    if (incr >= day) return incr >= 28 * day && w.d === 1 ? `${w.y}-${pad(w.mo)}` : date;
    const time = `${pad(w.h)}:${pad(w.mi)}`;
    const label = date === lastDate ? time : `${time}\n${date}`;
    lastDate = date;
    return label;
  });
}

/** rfc3339 writes Unix second t as the API and the URLs take it: "2026-11-20T13:00:00Z". */
export function rfc3339(t: number): string {
  return new Date(t * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * bucketEnd is the end of the bucket starting at Unix second start in tz: an hour later, or the
 * same wall-clock time one or seven days later (23 or 25 hours across a daylight-saving change).
 */
export function bucketEnd(start: number, bucket: BucketSize, tz = 'UTC'): number {
  if (bucket === 'HOUR') return start + 3600;
  const naive = start + (bucket === 'WEEK' ? 7 : 1) * day;
  return naive + tzOffset(start, tz) - tzOffset(naive, tz);
}

/** A time range [from, to) in Unix seconds. */
export interface Range {
  from: number;
  to: number;
}

/**
 * bucketRange is the time range the chart's point at bucket start counts: the bucket, cut to the
 * report's range (its first and last buckets may stick out of it).
 */
export function bucketRange(start: number, bucket: BucketSize, tz: string, report: Range): Range {
  return { from: Math.max(start, report.from), to: Math.min(bucketEnd(start, bucket, tz), report.to) };
}

/**
 * zoomRange turns a range dragged on the chart (x values, in either order) into whole buckets of
 * the chart: from the start of the bucket under one end to the end of the bucket under the other,
 * cut to the report's range. Null when the drag covers no bucket.
 */
export function zoomRange(a: number, b: number, xs: readonly number[], bucket: BucketSize, tz: string, report: Range): Range | null {
  const lo = Math.max(Math.min(a, b), report.from);
  const hi = Math.min(Math.max(a, b), report.to);
  if (xs.length === 0 || hi <= lo) return null;
  const first = Math.max(bucketOf(xs, lo), 0);
  const last = bucketOf(xs, hi);
  if (last < 0) return null;
  const r = { from: Math.max(xs[first], report.from), to: Math.min(bucketEnd(xs[Math.max(last, first)], bucket, tz), report.to) };
  return r.to > r.from ? r : null;
}

/**
 * The overview's URL after a zoom to r: from and to set to r, everything else kept, and the range
 * shown before the first zoom kept in unzoom ("from~to" as they were in the URL, empty for the
 * default range) so that unzoomSearch can go back to it.
 */
export function zoomSearch(q: URLSearchParams, r: Range): URLSearchParams {
  const out = new URLSearchParams(q);
  if (!out.has('unzoom')) out.set('unzoom', `${q.get('from') ?? ''}~${q.get('to') ?? ''}`);
  out.set('from', rfc3339(r.from));
  out.set('to', rfc3339(r.to));
  return out;
}

/** unzoomSearch is the overview's URL with the range shown before the first zoom (q as zoomSearch wrote it). */
export function unzoomSearch(q: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(q);
  const [from = '', to = ''] = (q.get('unzoom') ?? '').split('~');
  out.delete('unzoom');
  for (const [name, v] of [['from', from], ['to', to]] as const) {
    if (v) out.set(name, v);
    else out.delete(name);
  }
  return out;
}

/**
 * isolatedPoints are the indices of ys with a value but none on either side: a line cannot show
 * them, so the chart draws them as dots (sparse hourly series are mostly such points).
 */
export function isolatedPoints(ys: ArrayLike<number | null | undefined>): number[] {
  const out: number[] = [];
  for (let i = 0; i < ys.length; i++) if (ys[i] != null && ys[i - 1] == null && ys[i + 1] == null) out.push(i);
  return out;
}
