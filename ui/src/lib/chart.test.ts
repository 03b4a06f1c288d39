import { describe, expect, it } from 'vitest';
import { alignSeries, bucketOf, markersOf, nearestMarker, placeAnomalies, seconds, type AnomalyIn } from './chart';

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T00:00:00Z`;
const pt = (d: number, assessed: number, declined: number) => ({ bucketStart: day(d), assessed, declined, rate: assessed ? declined / assessed : null });

describe('aligning decline-rate series', () => {
  it('puts every series on the union of buckets with gaps as null, rates in percent', () => {
    const c = alignSeries([
      { label: 'DE', points: [pt(1, 10, 2), pt(3, 4, 1)] },
      { label: 'SE', points: [pt(2, 5, 5), pt(3, 0, 0)] },
    ]);
    expect(c.labels).toEqual(['DE', 'SE']);
    expect(c.xs).toEqual([seconds(day(1)), seconds(day(2)), seconds(day(3))]);
    expect(c.ys).toEqual([
      [20, null, 25],
      [null, 100, null],
    ]);
  });
  it('handles no series', () => {
    expect(alignSeries([])).toEqual({ labels: [], xs: [], ys: [] });
  });
});

describe('bucketOf', () => {
  it('finds the bucket holding a time', () => {
    const xs = [100, 200, 300];
    expect(bucketOf(xs, 99)).toBe(-1);
    expect(bucketOf(xs, 100)).toBe(0);
    expect(bucketOf(xs, 299)).toBe(1);
    expect(bucketOf(xs, 5000)).toBe(2);
    expect(bucketOf([], 5)).toBe(-1);
  });
});

describe('activation markers', () => {
  const act = (id: string, market: string, at: string, version: number) => ({
    activation: { id, market, activatedAt: at, activatedBy: 'user:3:approver.ali', emergency: false, versionId: `v${id}` },
    version: { version, author: 'user:2:analyst.anna', approver: 'user:3:approver.ali' },
  });
  it('keeps the activations in the range, oldest first, on their market series, named by user', () => {
    const from = seconds(day(1));
    const to = seconds(day(10));
    const ms = markersOf([act('2', 'SE', day(5), 3), act('1', 'DE', day(2), 7), act('0', 'DE', '2026-10-01T00:00:00Z', 6), act('3', 'US', day(10), 2)], ['DE', 'SE'], from, to);
    expect(ms.map((m) => [m.id, m.series, m.version])).toEqual([
      ['1', 0, 7],
      ['2', 1, 3],
    ]);
    expect(ms[0]).toMatchObject({ market: 'DE', activatedBy: 'approver.ali', approver: 'approver.ali', author: 'analyst.anna', versionId: 'v1', x: seconds(day(2)) });
  });
  it('finds the marker under the cursor within a tolerance', () => {
    const ms = [{ x: 100 }, { x: 200 }];
    expect(nearestMarker(ms, 190, 20)).toBe(ms[1]);
    expect(nearestMarker(ms, 150, 20)).toBeNull();
    expect(nearestMarker(ms, 110, 50)).toBe(ms[0]);
  });
});

describe('placing anomalies', () => {
  const chart = alignSeries([
    { label: 'DE', points: [pt(1, 10, 2), pt(8, 10, 9)] },
    { label: 'SE', points: [pt(1, 10, 1), pt(8, 10, 1)] },
  ]);
  const anomaly = (at: string, market: string, z: number, reason: string | null = null): AnomalyIn => ({
    bucketStart: at,
    market,
    reason,
    mainReason: 'INCOME_INSUFFICIENT',
    rate: 0.9,
    baselineRate: 0.2,
    zScore: z,
    excessDeclines: 7,
    assessed: 10,
    declined: 9,
  });
  it('marks an hourly anomaly at the (weekly) chart bucket holding it, on its market', () => {
    const marks = placeAnomalies([anomaly('2026-11-09T13:00:00Z', 'DE', 5)], chart);
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ x: seconds(day(8)), y: 90, series: 0 });
  });
  it('marks a bucket once, by its strongest anomaly, and leaves out what the chart cannot show', () => {
    const a1 = anomaly('2026-11-08T01:00:00Z', 'DE', 4.5);
    const a2 = anomaly('2026-11-08T02:00:00Z', 'DE', -6, 'INCOME_INSUFFICIENT');
    const marks = placeAnomalies([a1, a2, anomaly('2026-10-01T00:00:00Z', 'DE', 9), anomaly(day(1), 'GB', 9), anomaly(day(1), 'SE', 4)], chart);
    expect(marks.map((m) => [m.series, m.x, m.anomaly.zScore])).toEqual([
      [1, seconds(day(1)), 4],
      [0, seconds(day(8)), -6],
    ]);
  });
});
