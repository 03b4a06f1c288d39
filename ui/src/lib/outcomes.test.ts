import { describe, expect, it } from 'vitest';
import { routes } from '../routes';
import { seconds } from './chart';
import {
  alignVintages,
  alignVintagesByCalendar,
  badRateOf,
  canSeeOutcomes,
  checkWindow,
  describeBad,
  firstVintagesAfter,
  formatInterval,
  formatMinor,
  formatMoney,
  frontierOf,
  lossOf,
  statusLabel,
  statusTone,
  swapRows,
  timelineOf,
  type Figures,
} from './outcomes';

const fig = (over: Partial<Figures>): Figures => ({
  decisions: 100,
  volume: 10000,
  mature: 100,
  immature: 0,
  bad: 4,
  inferred: 0,
  inferredBad: 0,
  badRate: 0.04,
  badRateLow: 0.04,
  badRateHigh: 0.04,
  loss: 250,
  lossLow: 250,
  lossHigh: 250,
  lossRate: 0.025,
  ...over,
});

describe('who sees outcomes', () => {
  it('is analysts, approvers and auditors, never an agent', () => {
    expect(canSeeOutcomes(['AGENT'])).toBe(false);
    expect(canSeeOutcomes(['SERVICE'])).toBe(false);
    expect(canSeeOutcomes(['ADMIN'])).toBe(false);
    expect(canSeeOutcomes(['ANALYST'])).toBe(true);
    expect(canSeeOutcomes(['APPROVER'])).toBe(true);
    expect(canSeeOutcomes(['AUDITOR', 'AGENT'])).toBe(true);
  });
  it('keeps every page showing outcomes closed to an agent', () => {
    for (const path of ['/overview', '/thresholds', '/thresholds/drafts/:id', '/decisions/:id']) {
      const r = routes.find((x) => x.path === path)!;
      expect(r.roles, path).not.toContain('AGENT');
      expect(r.roles.every((role) => canSeeOutcomes([role])), path).toBe(true);
    }
  });
});

describe('writing outcome figures', () => {
  it('writes money rounded with its currency and minor units with two decimals', () => {
    expect(formatMoney(12345.6, 'SEK')).toBe('12,346 SEK');
    expect(formatMoney(null, 'SEK')).toBe('–');
    expect(formatMoney(3, '')).toBe('3');
    expect(formatMinor(123456, 'EUR')).toBe('1,234.56 EUR');
  });
  it('writes an interval, and nothing for a point', () => {
    expect(formatInterval(0.021, 0.034)).toBe('2.1–3.4 %');
    expect(formatInterval(0.03, 0.03)).toBe('');
    expect(formatInterval(null, 0.03)).toBe('');
  });
  it('marks a bad rate with inferred decisions as inferred, with its interval; an observed one is plain', () => {
    expect(badRateOf(fig({}), true)).toEqual({ text: '4.0 %', interval: '', inferred: false });
    expect(badRateOf(fig({ inferred: 50, badRate: 0.12, badRateLow: 0.09, badRateHigh: 0.15 }), true)).toEqual({ text: '12.0 %', interval: '9.0–15.0 %', inferred: true });
  });
  it('says why there is no bad rate: nothing in the cell, no inference, all immature', () => {
    expect(badRateOf(fig({ decisions: 0, mature: 0, badRate: null }), true).text).toBe('none');
    expect(badRateOf(fig({ inferred: 30, mature: 0, badRate: null }), false).text).toBe('not inferable');
    // Without inference, mature approvals still have their observed rate, marked as leaving the rest out.
    const partial = badRateOf(fig({ inferred: 30, mature: 100, bad: 5, badRate: null }), false);
    expect(partial.text).toBe('5.0 %');
    expect(partial.partial).toBe('observed only: 30 declined as decided left out, too few mature outcomes to infer them');
    expect(badRateOf(fig({ mature: 0, immature: 100, badRate: null }), true).text).toBe('all immature');
  });
  it('writes a loss with its interval when part of it is inferred', () => {
    expect(lossOf(fig({}), 'SEK', true)).toEqual({ text: '250 SEK', interval: '', inferred: false });
    expect(lossOf(fig({ inferred: 10, loss: 900, lossLow: 700, lossHigh: 1100 }), 'SEK', true)).toEqual({ text: '900 SEK', interval: '700–1,100 SEK', inferred: true });
    expect(lossOf(fig({ inferred: 10, mature: 0, loss: 0, lossLow: 0, lossHigh: 0 }), 'SEK', false).text).toBe('not inferable');
    expect(lossOf(fig({ inferred: 10, loss: 300 }), 'SEK', false)).toMatchObject({ text: '300 SEK', inferred: false, partial: expect.stringContaining('observed only') });
  });
  it('lays the swap-set out as now (rows) × proposed (columns)', () => {
    const s = { keptApproved: fig({ decisions: 1 }), swapOut: fig({ decisions: 2 }), swapIn: fig({ decisions: 3 }), keptDeclined: fig({ decisions: 4 }) };
    const rows = swapRows(s);
    expect(rows.map((r) => r.map((c) => [c.key, c.figures.decisions]))).toEqual([
      [
        ['keptApproved', 1],
        ['swapOut', 2],
      ],
      [
        ['swapIn', 3],
        ['keptDeclined', 4],
      ],
    ]);
  });
});

describe('the frontier', () => {
  it('sorts a sweep by approval rate in percent, one point per approval rate, gaps where there is no rate', () => {
    // A GTE rule: the higher the cut-off, the fewer approved.
    const f = frontierOf([
      { cutoff: 500, declineRate: 0.1, approvalRate: 0.9, badRate: 0.06, lossRate: 0.02 },
      { cutoff: 600, declineRate: 0.3, approvalRate: 0.7, badRate: 0.04, lossRate: 0.01 },
      { cutoff: 650, declineRate: 0.3, approvalRate: 0.7, badRate: 0.04, lossRate: 0.01 },
      { cutoff: 700, declineRate: 0.6, approvalRate: 0.4, badRate: null, lossRate: null },
    ]);
    expect(f.xs).toEqual([40, 70, 90]);
    expect(f.bad).toEqual([null, 4, 6]);
    expect(f.loss).toEqual([null, 1, 2]);
    expect(f.hasOutcomes).toBe(true);
  });
  it('has no frontier without any bad rate', () => {
    expect(frontierOf([{ cutoff: 1, declineRate: 0, approvalRate: 1, badRate: null, lossRate: null }]).hasOutcomes).toBe(false);
    expect(frontierOf([]).xs).toEqual([]);
  });
});

describe('vintage curves', () => {
  const v = (vintage: string, approved: number, rates: number[]) => ({
    vintage,
    approved,
    volume: approved * 100,
    points: rates.map((r, k) => ({ monthsSinceDecision: k, badRate: r, lossRate: r / 2 })),
  });
  const series = [v('2026-03-01T00:00:00Z', 10, [0, 0.01, 0.02]), v('2026-01-01T00:00:00Z', 20, [0, 0.02, 0.03, 0.05]), v('2026-05-01T00:00:00Z', 0, [])];
  it('aligns by months since the decision, oldest vintage first, empty vintages left out', () => {
    const c = alignVintages(series, 'badRate');
    expect(c.labels).toEqual(['2026-01', '2026-03']);
    expect(c.xs).toEqual([0, 1, 2, 3]);
    expect(c.ys).toEqual([
      [0, 2, 3, 5],
      [0, 1, 2, null],
    ]);
    expect(alignVintages(series, 'lossRate').ys[0]).toEqual([0, 1, 1.5, 2.5]);
  });
  it('aligns on calendar months, each vintage starting at its own month', () => {
    const c = alignVintagesByCalendar(series, 'badRate');
    const m = (s: string) => seconds(`${s}-01T00:00:00Z`);
    expect(c.xs).toEqual([m('2026-01'), m('2026-02'), m('2026-03'), m('2026-04'), m('2026-05')]);
    expect(c.ys).toEqual([
      [0, 2, 3, 5, null],
      [null, null, 0, 1, 2],
    ]);
  });
  it('names the first vintage decided under each activation', () => {
    const got = firstVintagesAfter(series, [
      { id: 'a', activatedAt: '2026-02-10T12:00:00Z', versionId: '4' },
      { id: 'b', activatedAt: '2026-03-01T00:00:00Z', versionId: '5' },
      { id: 'c', activatedAt: '2026-06-02T00:00:00Z', versionId: '6' },
    ]);
    expect([...got]).toEqual([
      ['a', '2026-03'],
      ['b', '2026-03'],
      ['c', null],
    ]);
  });
});

describe('the repayment timeline', () => {
  it('orders events, counts days since the decision and marks those that made it worse', () => {
    const rows = timelineOf('2026-01-01T10:00:00Z', [
      { eventId: 'e3', observedAt: '2026-03-05T00:00:00Z', status: 'LATE_60_89', outstandingMinor: 5000, writtenOffMinor: 0 },
      { eventId: 'e1', observedAt: '2026-01-01T10:00:00Z', status: 'CURRENT', outstandingMinor: 10000, writtenOffMinor: 0 },
      { eventId: 'e2', observedAt: '2026-02-03T00:00:00Z', status: 'LATE_1_29', outstandingMinor: 7000, writtenOffMinor: 0 },
      { eventId: 'e4', observedAt: '2026-04-01T00:00:00Z', status: 'LATE_1_29', outstandingMinor: 4000, writtenOffMinor: 0 },
    ]);
    expect(rows.map((r) => [r.eventId, r.day, r.worsened])).toEqual([
      ['e1', 0, false],
      ['e2', 32, true],
      ['e3', 62, true],
      ['e4', 89, false],
    ]);
  });
  it('writes statuses in words', () => {
    expect(statusLabel('LATE_30_59')).toBe('30–59 days late');
    expect(statusLabel('LATE_90_PLUS')).toBe('90+ days late');
    expect(statusLabel('CHARGED_OFF')).toBe('Charged off');
  });
  it('gives each status a tone', () => {
    expect(statusTone('PAID')).toBe('ok');
    expect(statusTone('LATE_30_59')).toBe('late');
    expect(statusTone('CHARGED_OFF')).toBe('lost');
    expect(statusTone(null)).toBe('none');
  });
});

describe('the bad definition editor', () => {
  it('describes a definition in words', () => {
    expect(describeBad('LATE_60_89', 6)).toBe('ever 60+ days late or worse within 6 months');
    expect(describeBad('CHARGED_OFF', 1)).toBe('ever charged off within 1 month');
  });
  it('refuses a window that is not 1 to 24 whole months', () => {
    expect(checkWindow('6')).toBe('');
    expect(checkWindow('24')).toBe('');
    expect(checkWindow('0')).toBe('must be between 1 and 24');
    expect(checkWindow('25')).toBe('must be between 1 and 24');
    expect(checkWindow('6.5')).toBe('must be a whole number of months');
    expect(checkWindow('')).toBe('must be a whole number of months');
  });
});
