// The overview chart's data: decline-rate series per market aligned on one time axis (uPlot
// wants one x array and one y array per series), the threshold activations as markers, and the
// anomalies placed on the series and bucket they belong to.
import { subjectName } from './subject';

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
