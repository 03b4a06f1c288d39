import { describe, expect, it } from 'vitest';
import { Agreement, Arm, Outcome } from '../gql/graphql';
import { agreementLabel, agreementOrder, armLabel, comparisonSeries, readPercent, runState, shadowResultText, sortCells } from './experiments';

describe('the split form percent', () => {
  it('takes a whole number from 0 to 50', () => {
    expect(readPercent('0')).toBe(0);
    expect(readPercent(' 10 ')).toBe(10);
    expect(readPercent('50')).toBe(50);
  });
  it('refuses what the server would, naming the field', () => {
    expect(readPercent('')).toBe('percent: required, a whole number from 0 to 50');
    expect(readPercent('51')).toMatch(/^percent: at most 50/);
    expect(readPercent('12.5')).toMatch(/^percent: a whole number/);
    expect(readPercent('10 %')).toMatch(/^percent: a whole number/);
    expect(readPercent('-1')).toMatch(/^percent: a whole number/);
  });
});

describe('a run in one phrase', () => {
  it('says until when a shadow runs or when it stopped', () => {
    expect(runState({ running: true, startedAt: '2026-12-01T10:00:00Z' })).toBe('running until stopped');
    expect(runState({ running: true, startedAt: '2026-12-01T10:00:00Z', endsAt: '2026-12-08T10:00:00Z' })).toBe('running until 2026-12-08 10:00:00 UTC');
    expect(runState({ running: false, startedAt: '2026-12-01T10:00:00Z', stoppedAt: '2026-12-02T09:30:00Z' })).toBe('stopped 2026-12-02 09:30:00 UTC');
  });
});

describe('the agreement table', () => {
  it('reads agreements first, then the disagreements, live side first', () => {
    const cells = sortCells([{ agreement: Agreement.ShadowApproves }, { agreement: Agreement.BothDecline }, { agreement: Agreement.ShadowDeclines }, { agreement: Agreement.BothApprove }]);
    expect(cells.map((c) => c.agreement)).toEqual(agreementOrder);
    expect(cells.map((c) => agreementLabel(c.agreement))).toEqual(['Both approve', 'Both decline', 'Live approved, shadow would decline', 'Live declined, shadow would approve']);
  });
});

describe('the arms', () => {
  it('names each arm and no split', () => {
    expect(armLabel(Arm.Champion)).toBe('Champion (version in force)');
    expect(armLabel(Arm.Challenger)).toBe('Challenger (split version)');
    expect(armLabel(null)).toBe('No split');
  });
});

describe('the comparison chart', () => {
  it('puts live and shadow rates in percent on one axis, a gap where a bucket has no decision', () => {
    const c = comparisonSeries([
      { start: '2026-12-01T11:00:00Z', decisions: 0, liveDeclined: 0, shadowDeclined: 0, liveDeclineRate: null, shadowDeclineRate: null },
      { start: '2026-12-01T10:00:00Z', decisions: 4, liveDeclined: 1, shadowDeclined: 2, liveDeclineRate: 0.25, shadowDeclineRate: 0.5 },
    ]);
    expect(c.labels).toEqual(['Live', 'Shadow']);
    expect(c.xs).toEqual([Date.parse('2026-12-01T10:00:00Z') / 1000, Date.parse('2026-12-01T11:00:00Z') / 1000]);
    expect(c.ys).toEqual([
      [25, null],
      [50, null],
    ]);
  });
});

describe('a decision shadow result', () => {
  it('says what the version would have decided and why', () => {
    expect(shadowResultText({ version: 7, outcome: Outcome.Approved, reasons: [] })).toBe('version 7 would approve');
    expect(shadowResultText({ version: 8, outcome: Outcome.Declined, reasons: ['CREDIT_SCORE_LOW', 'AMOUNT_HIGH'] })).toBe('version 8 would decline: Credit score low, Amount high');
    expect(shadowResultText({ version: 9, outcome: Outcome.Declined, reasons: [] })).toBe('version 9 would decline');
  });
});
