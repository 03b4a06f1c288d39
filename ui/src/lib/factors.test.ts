import { describe, expect, it } from 'vitest';
import { factorBars, parseBreakdown, type BreakdownRow } from './factors';

const row = (over: Partial<BreakdownRow>): BreakdownRow => ({
  measuredValue: 'BUREAU_SCORE', factor: 'CREDIT_SCORE', value: 600, comparator: 'GTE', cutoff: 640,
  enabled: true, passed: false, reasonCode: 'CREDIT_SCORE_INSUFFICIENT', shortfall: 0.4, ...over,
});

describe('factorBars', () => {
  it('measures the distance from the cut-off in the rule scale, failing side negative', () => {
    const [gte, lte] = factorBars(
      [row({}), row({ measuredValue: 'DEBT_TO_INCOME', comparator: 'LTE', value: 0.3, cutoff: 0.45, passed: true, shortfall: 0 })],
      new Map([['BUREAU_SCORE', 100], ['DEBT_TO_INCOME', 0.1]]),
    );
    expect(gte.margin).toBeCloseTo(-0.4);
    expect(lte.margin).toBeCloseTo(1.5);
  });
  it('clamps what is drawn, keeping the real margin', () => {
    const [b] = factorBars([row({ value: 100 })], new Map([['BUREAU_SCORE', 50]]));
    expect(b.margin).toBeCloseTo(-10.8);
    expect(b.drawn).toBe(-3);
  });
  it('derives a failed rule scale from its shortfall when the version is unknown', () => {
    const [b] = factorBars([row({ value: 600, cutoff: 640, shortfall: 0.4 })], new Map());
    expect(b.margin).toBeCloseTo(-0.4);
  });
});

describe('parseBreakdown', () => {
  it('keeps well-formed rows only', () => {
    expect(parseBreakdown([row({}), { value: 'x' }, null])).toHaveLength(1);
    expect(parseBreakdown('nope')).toEqual([]);
  });
});
