import { describe, expect, it } from 'vitest';
import type { EditRule } from './rules';
import { changedRules, fromPosition, parseCutoff, proposalKey, proposalOf, sliderPositions, sliderRange, snap, toPosition } from './rules';

const rule = (mv: string, cutoff: number, enabled = true): EditRule =>
  ({ measuredValue: mv, factor: 'F', comparator: 'GTE', cutoff, enabled, reasonCode: 'R' }) as EditRule;

describe('slider ranges', () => {
  it('spans the curve and the rule cut-off, on whole steps', () => {
    expect(sliderRange('BUREAU_SCORE', 580, [{ cutoff: 402.4 }, { cutoff: 799.2 }])).toEqual({ lo: 402, hi: 800, step: 1 });
    // A cut-off outside the market's values widens the range so the slider can show it.
    expect(sliderRange('BUREAU_SCORE', 350, [{ cutoff: 402 }, { cutoff: 799 }])).toEqual({ lo: 350, hi: 799, step: 1 });
    expect(sliderRange('DEBT_TO_INCOME', 0.45, [{ cutoff: 0.013 }, { cutoff: 1.237 }])).toEqual({ lo: 0.01, hi: 1.24, step: 0.01 });
  });
  it('sweeps flags from 0 to 1 and never collapses to a point', () => {
    expect(sliderRange('ADDRESS_VERIFIED', 1, [{ cutoff: 1 }, { cutoff: 1 }])).toEqual({ lo: 0, hi: 1, step: 1 });
    expect(sliderRange('AGE_YEARS', 18, [])).toEqual({ lo: 18, hi: 19, step: 1 });
  });
});

describe('slider positions and cut-offs', () => {
  const r = { lo: 300, hi: 850, step: 1 };
  it('maps the ends and clamps outside values', () => {
    expect(toPosition(300, r)).toBe(0);
    expect(toPosition(850, r)).toBe(sliderPositions);
    expect(toPosition(100, r)).toBe(0);
    expect(toPosition(9999, r)).toBe(sliderPositions);
    expect(toPosition(Number.NaN, r)).toBe(0);
    expect(fromPosition(0, r)).toBe(300);
    expect(fromPosition(sliderPositions, r)).toBe(850);
    expect(fromPosition(-5, r)).toBe(300);
  });
  it('snaps to the step and round-trips every position to a cut-off and back within one step', () => {
    const ratio = { lo: 0, hi: 2.5, step: 0.01 };
    for (let p = 0; p <= sliderPositions; p += 37) {
      const v = fromPosition(p, ratio);
      expect(snap(v, 0.01)).toBe(v);
      expect(Math.abs(toPosition(v, ratio) - p)).toBeLessThanOrEqual(sliderPositions * (0.01 / 2.5));
    }
    expect(fromPosition(180, ratio)).toBe(0.45);
    expect(snap(0.1 + 0.2, 0.01)).toBe(0.3);
  });
  it('is monotonic', () => {
    let last = -Infinity;
    for (let p = 0; p <= sliderPositions; p++) {
      const v = fromPosition(p, r);
      expect(v).toBeGreaterThanOrEqual(last);
      last = v;
    }
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
