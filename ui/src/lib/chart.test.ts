import { describe, expect, it } from 'vitest';
import {
  alignSeries,
  axisTimeLabels,
  bucketEnd,
  bucketOf,
  bucketRange,
  formatChartTime,
  isolatedPoints,
  markersOf,
  nearestMarker,
  placeAnomalies,
  rfc3339,
  seconds,
  timeResolution,
  tzOffset,
  unzoomSearch,
  zoomRange,
  zoomSearch,
  type AnomalyIn,
} from './chart';

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

describe('chart times', () => {
  const t = (iso: string) => seconds(iso);
  it('writes the readout in 24-hour time, to the minute for hours and as a date for days', () => {
    expect(formatChartTime(t('2026-11-20T00:00:00Z'), 'minute')).toBe('2026-11-20 00:00 UTC');
    expect(formatChartTime(t('2026-11-20T13:05:00Z'), 'minute')).toBe('2026-11-20 13:05 UTC');
    expect(formatChartTime(t('2026-11-20T00:00:00Z'), 'day')).toBe('2026-11-20');
    // In another zone, that zone's wall clock, named.
    expect(formatChartTime(t('2026-11-19T23:00:00Z'), 'minute', 'Europe/Berlin')).toBe('2026-11-20 00:00 Europe/Berlin');
    expect(formatChartTime(t('2026-07-19T22:00:00Z'), 'day', 'Europe/Berlin')).toBe('2026-07-20');
  });
  it('never writes am or pm', () => {
    for (let h = 0; h < 24; h++) expect(formatChartTime(t(`2026-11-20T${String(h).padStart(2, '0')}:00:00Z`), 'minute')).toMatch(/^2026-11-20 \d{2}:00 UTC$/);
    expect(axisTimeLabels([t('2026-11-20T00:00:00Z'), t('2026-11-20T12:00:00Z')], 12 * 3600).join(' ')).not.toMatch(/am|pm/i);
  });
  it('finds the resolution from the points: dates when all start a day in the zone', () => {
    expect(timeResolution([t('2026-11-20T00:00:00Z'), t('2026-11-21T00:00:00Z')])).toBe('day');
    expect(timeResolution([t('2026-11-20T00:00:00Z'), t('2026-11-20T01:00:00Z')])).toBe('minute');
    expect(timeResolution([t('2026-11-19T23:00:00Z')], 'Europe/Berlin')).toBe('day');
    expect(timeResolution([t('2026-11-20T00:00:00Z')], 'Europe/Berlin')).toBe('minute');
    expect(timeResolution([])).toBe('minute');
  });
  it('labels axis ticks as dates, or as hours with the date under the first of each day', () => {
    expect(axisTimeLabels([t('2026-11-20T00:00:00Z'), t('2026-11-21T00:00:00Z')], 86_400)).toEqual(['2026-11-20', '2026-11-21']);
    expect(axisTimeLabels([t('2026-11-01T00:00:00Z'), t('2026-12-01T00:00:00Z')], 30 * 86_400)).toEqual(['2026-11', '2026-12']);
    expect(axisTimeLabels([t('2026-11-20T18:00:00Z'), t('2026-11-20T21:00:00Z'), t('2026-11-21T00:00:00Z')], 3 * 3600)).toEqual([
      '18:00\n2026-11-20',
      '21:00',
      '00:00\n2026-11-21',
    ]);
  });
  it('knows a zone\'s offset, summer and winter', () => {
    expect(tzOffset(t('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(3600);
    expect(tzOffset(t('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(7200);
    expect(tzOffset(t('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * 3600);
    expect(tzOffset(t('2026-07-15T12:00:00Z'), 'UTC')).toBe(0);
  });
});

describe('a bucket as a time range', () => {
  const t = (iso: string) => seconds(iso);
  it('ends an hour, a day or a week later, by the wall clock of the zone', () => {
    expect(rfc3339(bucketEnd(t('2026-11-20T13:00:00Z'), 'HOUR'))).toBe('2026-11-20T14:00:00Z');
    expect(rfc3339(bucketEnd(t('2026-11-20T00:00:00Z'), 'DAY'))).toBe('2026-11-21T00:00:00Z');
    expect(rfc3339(bucketEnd(t('2026-11-16T00:00:00Z'), 'WEEK'))).toBe('2026-11-23T00:00:00Z');
    // Berlin's day of the change to summer time has 23 hours, the change back 25.
    expect(rfc3339(bucketEnd(t('2026-03-28T23:00:00Z'), 'DAY', 'Europe/Berlin'))).toBe('2026-03-29T22:00:00Z');
    expect(rfc3339(bucketEnd(t('2026-10-24T22:00:00Z'), 'DAY', 'Europe/Berlin'))).toBe('2026-10-25T23:00:00Z');
  });
  it('is cut to the report\'s range', () => {
    const report = { from: t('2026-11-20T06:00:00Z'), to: t('2026-11-22T12:00:00Z') };
    expect(bucketRange(t('2026-11-20T00:00:00Z'), 'DAY', 'UTC', report)).toEqual({ from: report.from, to: t('2026-11-21T00:00:00Z') });
    expect(bucketRange(t('2026-11-21T00:00:00Z'), 'DAY', 'UTC', report)).toEqual({ from: t('2026-11-21T00:00:00Z'), to: t('2026-11-22T00:00:00Z') });
    expect(bucketRange(t('2026-11-22T00:00:00Z'), 'DAY', 'UTC', report)).toEqual({ from: t('2026-11-22T00:00:00Z'), to: report.to });
  });
});

describe('zooming', () => {
  const t = (iso: string) => seconds(iso);
  const xs = [1, 2, 3, 4, 5].map((d) => t(day(d)));
  const report = { from: t(day(1)), to: t(day(6)) };
  it('widens a dragged range to the whole buckets under its ends, in either direction', () => {
    const r = { from: t(day(2)), to: t(day(4)) };
    expect(zoomRange(t('2026-11-02T10:00:00Z'), t('2026-11-03T20:00:00Z'), xs, 'DAY', 'UTC', report)).toEqual(r);
    expect(zoomRange(t('2026-11-03T20:00:00Z'), t('2026-11-02T10:00:00Z'), xs, 'DAY', 'UTC', report)).toEqual(r);
  });
  it('stays inside the report and refuses a drag outside it', () => {
    expect(zoomRange(t('2026-10-20T00:00:00Z'), t('2026-11-01T12:00:00Z'), xs, 'DAY', 'UTC', report)).toEqual({ from: t(day(1)), to: t(day(2)) });
    expect(zoomRange(t('2026-10-20T00:00:00Z'), t('2026-10-25T00:00:00Z'), xs, 'DAY', 'UTC', report)).toBeNull();
    expect(zoomRange(1, 2, [], 'DAY', 'UTC', report)).toBeNull();
  });
  it('writes the zoom into the URL, keeping the other settings and the range to go back to', () => {
    const q = new URLSearchParams('bucket=HOUR&market=DE&from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z');
    const z1 = zoomSearch(q, { from: t(day(2)), to: t(day(4)) });
    expect(Object.fromEntries(z1)).toEqual({
      bucket: 'HOUR',
      market: 'DE',
      from: '2026-11-02T00:00:00Z',
      to: '2026-11-04T00:00:00Z',
      unzoom: '2026-10-01T00:00:00Z~2026-12-01T00:00:00Z',
    });
    // A second zoom keeps the first range to go back to.
    const z2 = zoomSearch(z1, { from: t(day(3)), to: t(day(4)) });
    expect(z2.get('from')).toBe('2026-11-03T00:00:00Z');
    expect(z2.get('unzoom')).toBe('2026-10-01T00:00:00Z~2026-12-01T00:00:00Z');
    expect(Object.fromEntries(unzoomSearch(z2))).toEqual(Object.fromEntries(q));
  });
  it('goes back to the default range when none was in the URL', () => {
    const z = zoomSearch(new URLSearchParams('market=SE'), { from: t(day(2)), to: t(day(3)) });
    expect(z.get('unzoom')).toBe('~');
    expect(unzoomSearch(z).toString()).toBe('market=SE');
  });
});

describe('isolated points', () => {
  it('are the values with no value on either side', () => {
    expect(isolatedPoints([1, null, 2, 3, null, 4])).toEqual([0, 5]);
    expect(isolatedPoints([null, 5, null, null, 0, null])).toEqual([1, 4]);
    expect(isolatedPoints([])).toEqual([]);
  });
});
