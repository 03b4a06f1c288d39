import { describe, expect, it } from 'vitest';
import type { EditRule } from './rules';
import { axisFraction, axisValue, changedRules, fromPosition, keyedCutoff, parseCutoff, proposalKey, proposalOf, sliderAxis, sliderPositions, snap, stepOf, toPosition } from './rules';

const rule = (mv: string, cutoff: number, enabled = true): EditRule =>
  ({ measuredValue: mv, factor: 'F', comparator: 'GTE', cutoff, enabled, reasonCode: 'R' }) as EditRule;

describe('slider steps', () => {
  it('are a twentieth of the rule scale on 1-2-5 numbers, never finer than declared', () => {
    expect(stepOf('AFFORDABILITY_RATIO', 1)).toBe(0.05);
    expect(stepOf('MONTHLY_INCOME', 1000)).toBe(50);
    expect(stepOf('MONTHLY_INCOME', 10000)).toBe(500); // SEK
    expect(stepOf('MONTHLY_INCOME', 800)).toBe(20); // GBP
    expect(stepOf('DEBT_TO_INCOME', 0.2)).toBe(0.01);
    expect(stepOf('BUREAU_SCORE', 100)).toBe(5);
    expect(stepOf('EMPLOYMENT_MONTHS', 12)).toBe(1);
    expect(stepOf('DELINQUENCIES_24M', 1)).toBe(1);
    expect(stepOf('ADDRESS_VERIFIED', 1)).toBe(1);
    expect(stepOf('AFFORDABILITY_RATIO')).toBe(0.01);
  });
});

describe('slider axes', () => {
  // The affordability ratio of the demo: most values between 0.5 and 12, a tail to 1,000.
  const afford = [0.2, 0.8, 1.1, 1.4, 1.7, 2.2, 3, 4.5, 7, 12, 1000].map((cutoff) => ({ cutoff }));
  const a = sliderAxis('AFFORDABILITY_RATIO', 1.5, 1, afford);

  it('runs through the quantiles, ends on whole steps, and holds the cut-off', () => {
    expect(a.step).toBe(0.05);
    expect(a.knots).toEqual([0.2, 0.8, 1.1, 1.4, 1.7, 2.2, 3, 4.5, 7, 12, 1000]);
    expect(sliderAxis('DEBT_TO_INCOME', 0.45, 0.2, [{ cutoff: 0.013 }, { cutoff: 0.5 }, { cutoff: 1.237 }]).knots).toEqual([0.01, 0.5, 1.24]);
    // A cut-off outside the market's values widens the axis so the slider can show it.
    expect(sliderAxis('BUREAU_SCORE', 350, 100, [{ cutoff: 402 }, { cutoff: 600 }, { cutoff: 799 }]).knots).toEqual([350, 402, 600, 800]);
    expect(sliderAxis('ADDRESS_VERIFIED', 1, 1, [{ cutoff: 1 }])).toEqual({ knots: [0, 1], step: 1 });
    expect(sliderAxis('AGE_YEARS', 18, 3, [])).toEqual({ knots: [18, 19], step: 1 });
  });

  it('spreads the track by where decisions lie, the tails stretched where cut-offs sit', () => {
    // Before, the ratio's slider spanned 0 to 1,000 evenly: 1.5 sat at 0.15 % of the track.
    expect(axisFraction(1.5, a)).toBeGreaterThan(0.3);
    // The tail from 12 to 1,000 (the last tenth of the decisions) takes a fifth of the track…
    expect(1 - axisFraction(12, a)).toBeCloseTo(0.2, 1);
    // …and a tenth of the decisions at either end takes more track than one in the middle.
    const width = (i: number) => axisFraction(a.knots[i + 1], a) - axisFraction(a.knots[i], a);
    expect(width(0)).toBeGreaterThan(1.5 * width(5));
    expect(width(9)).toBeCloseTo(width(0), 9);
    expect(axisFraction(1000, a)).toBe(1);
    expect(axisFraction(-5, a)).toBe(0);
    expect(axisFraction(Number.NaN, a)).toBe(0);
  });

  it('maps positions to cut-offs and back on one scale: each the inverse of the other', () => {
    for (const v of [0.2, 0.5, 1.5, 2.2, 5, 12, 640, 1000]) {
      expect(axisValue(axisFraction(v, a), a)).toBeCloseTo(v, 9);
      expect(Math.abs(fromPosition(toPosition(v, a), a) - v)).toBeLessThanOrEqual(a.step + (1000 - 12) / (sliderPositions / 10));
    }
    expect(fromPosition(0, a)).toBe(0.2);
    expect(fromPosition(sliderPositions, a)).toBe(1000);
    expect(fromPosition(-5, a)).toBe(0.2);
    // Near the cut-off a position is finer than a step: the cut-off snaps to the step.
    expect(fromPosition(toPosition(1.5, a) + 1, a)).toBe(1.5);
  });

  it('is monotonic', () => {
    let last = -Infinity;
    for (let p = 0; p <= sliderPositions; p++) {
      const v = fromPosition(p, a);
      expect(v).toBeGreaterThanOrEqual(last);
      expect(snap(v, a.step)).toBe(v);
      last = v;
    }
  });
});

describe('slider keys', () => {
  const a = sliderAxis('AFFORDABILITY_RATIO', 1.5, 1, [0.2, 1.1, 1.7, 3, 12, 1000].map((cutoff) => ({ cutoff })));
  it('move one step per arrow press, to whole steps', () => {
    expect(keyedCutoff('ArrowRight', 1.5, a)).toBe(1.55);
    expect(keyedCutoff('ArrowUp', 1.55, a)).toBe(1.6);
    expect(keyedCutoff('ArrowLeft', 1.5, a)).toBe(1.45);
    expect(keyedCutoff('ArrowDown', 1.53, a)).toBe(1.5);
    expect(keyedCutoff('ArrowRight', 1.53, a)).toBe(1.55);
    expect(keyedCutoff('ArrowLeft', 0.2, a)).toBe(0.2);
    expect(keyedCutoff('ArrowRight', 1000, a)).toBe(1000);
  });
  it('move along the track with Page keys, to the ends with Home and End', () => {
    const up = keyedCutoff('PageUp', 1.5, a)!;
    expect(axisFraction(up, a) - axisFraction(1.5, a)).toBeCloseTo(1 / 20, 1);
    expect(keyedCutoff('PageDown', up, a)).toBeCloseTo(1.5, 1);
    expect(keyedCutoff('PageUp', 1000, a)).toBe(1000);
    expect(keyedCutoff('Home', 3, a)).toBe(0.2);
    expect(keyedCutoff('End', 3, a)).toBe(1000);
    expect(keyedCutoff('Tab', 3, a)).toBeNull();
  });
});

describe('the exact number input', () => {
  it('reads numbers as typed', () => {
    expect(parseCutoff(' 580 ', 'BUREAU_SCORE')).toEqual({ ok: true, value: 580 });
    expect(parseCutoff('0,45', 'DEBT_TO_INCOME')).toEqual({ ok: true, value: 0.45 });
    expect(parseCutoff('2 500', 'OUTSTANDING_CREDIT')).toEqual({ ok: true, value: 2500 });
    expect(parseCutoff('-1000', 'LIQUID_SAVINGS')).toEqual({ ok: true, value: -1000 });
    expect(parseCutoff('1e3', 'MONTHLY_INCOME')).toEqual({ ok: true, value: 1000 });
  });
  it('names what is wrong', () => {
    expect(parseCutoff('', 'BUREAU_SCORE')).toEqual({ ok: false, error: 'enter a cut-off' });
    expect(parseCutoff('58o', 'BUREAU_SCORE')).toEqual({ ok: false, error: 'must be a number' });
    expect(parseCutoff('1e999', 'BUREAU_SCORE')).toEqual({ ok: false, error: 'must be a finite number' });
    expect(parseCutoff('0.5', 'INCOME_VERIFIED')).toEqual({ ok: false, error: 'must be 0 or 1 (a yes/no check)' });
  });
});

describe('proposals', () => {
  it('sends only the fields the API takes, and tells changed rules apart', () => {
    const a = [rule('BUREAU_SCORE', 580), rule('AGE_YEARS', 18)];
    const b = [rule('BUREAU_SCORE', 600), rule('AGE_YEARS', 18)];
    expect(proposalOf(a)).toEqual([
      { measuredValue: 'BUREAU_SCORE', comparator: 'GTE', cutoff: 580, enabled: true },
      { measuredValue: 'AGE_YEARS', comparator: 'GTE', cutoff: 18, enabled: true },
    ]);
    expect(changedRules(b, a)).toEqual(['BUREAU_SCORE']);
    expect(changedRules(a, a)).toEqual([]);
    expect(proposalKey(a)).not.toBe(proposalKey(b));
    expect(proposalKey([rule('AGE_YEARS', 18, false)])).not.toBe(proposalKey([rule('AGE_YEARS', 18, true)]));
  });
});
