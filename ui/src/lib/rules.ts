// The threshold editor's rules: how a slider's position maps to a cut-off and back, how the
// exact number input is read and checked, and the proposal sent to the what-if.
import type { Comparator, MeasuredValue, ThresholdRuleInput } from '../gql/graphql';
import { measures, type MeasureInfo } from './measures.gen';

/** A rule as the editor holds it. */
export interface EditRule {
  measuredValue: MeasuredValue;
  factor: string;
  comparator: Comparator;
  cutoff: number;
  enabled: boolean;
  reasonCode: string;
}

/** The range a slider sweeps and the step its cut-offs snap to. */
export interface SliderRange {
  lo: number;
  hi: number;
  step: number;
}

/** Slider positions run from 0 to this (an <input type=range> of integers). */
export const sliderPositions = 1000;

/** The measured values by name, from the server's declaration (measures.gen.ts, generated). */
const byName: ReadonlyMap<string, MeasureInfo> = new Map(measures.map((m) => [m.name, m]));

/** isFlag reports whether mv is a 0/1 flag. */
export function isFlag(mv: string): boolean {
  return byName.get(mv)?.kind === 'flag';
}

/** stepOf is the smallest change of a cut-off the editor makes, as declared (0.01 for ratios). */
export function stepOf(mv: string): number {
  return byName.get(mv)?.step ?? 1;
}

/** snap rounds v to a multiple of step, without the float noise of v / step * step. */
export function snap(v: number, step: number): number {
  const decimals = step < 1 ? Math.round(-Math.log10(step)) : 0;
  return Number((Math.round(v / step) * step).toFixed(decimals));
}

/**
 * sliderRange is the range of a rule's slider: the cut-offs over which its sensitivity curve
 * changes (the curve's first and last point, where the market's values lie), widened to hold the
 * rule's own cut-off, and to at least one step. Flags always sweep 0 to 1.
 */
export function sliderRange(mv: string, cutoff: number, curve: readonly { cutoff: number }[]): SliderRange {
  const step = isFlag(mv) ? 1 : stepOf(mv);
  if (isFlag(mv)) return { lo: 0, hi: 1, step };
  let lo = cutoff;
  let hi = cutoff;
  if (curve.length > 0) {
    lo = Math.min(lo, curve[0].cutoff);
    hi = Math.max(hi, curve[curve.length - 1].cutoff);
  }
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  if (hi - lo < step) hi = lo + step;
  return { lo: snap(lo, step), hi: snap(hi, step), step };
}

/** toPosition is the slider position (0 … sliderPositions) of cut-off v, clamped to the range. */
export function toPosition(v: number, r: SliderRange): number {
  if (!Number.isFinite(v)) return 0;
  const p = ((v - r.lo) / (r.hi - r.lo)) * sliderPositions;
  return Math.round(Math.min(sliderPositions, Math.max(0, p)));
}

/** fromPosition is the cut-off at slider position p, snapped to the range's step. */
export function fromPosition(p: number, r: SliderRange): number {
  const clamped = Math.min(sliderPositions, Math.max(0, p));
  return Math.min(r.hi, Math.max(r.lo, snap(r.lo + ((r.hi - r.lo) * clamped) / sliderPositions, r.step)));
}

export type Parsed = { ok: true; value: number } | { ok: false; error: string };

/**
 * parseCutoff reads the exact number input of a rule. It accepts what a person types (spaces,
 * a decimal comma) and refuses what no rule can hold; the measure's own bounds are checked by
 * the server, which names the field.
 */
export function parseCutoff(text: string, mv: string): Parsed {
  const t = text.trim().replace(/\s+/g, '').replace(',', '.');
  if (t === '') return { ok: false, error: 'enter a cut-off' };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { ok: false, error: 'must be a number' };
  const v = Number(t);
  if (!Number.isFinite(v)) return { ok: false, error: 'must be a finite number' };
  if (isFlag(mv) && v !== 0 && v !== 1) return { ok: false, error: 'must be 0 or 1 (a yes/no check)' };
  return { ok: true, value: v };
}

/** proposalOf is the rules as the API takes them (ThresholdRuleInput), in the order held. */
export function proposalOf(rules: readonly EditRule[]): ThresholdRuleInput[] {
  return rules.map((r) => ({ measuredValue: r.measuredValue, comparator: r.comparator, cutoff: r.cutoff, enabled: r.enabled }));
}

/** changedRules lists the measured values whose rule differs between a and b (same order). */
export function changedRules(a: readonly EditRule[], b: readonly EditRule[]): string[] {
  return a.filter((r, i) => {
    const o = b[i];
    return !o || o.cutoff !== r.cutoff || o.enabled !== r.enabled || o.comparator !== r.comparator;
  }).map((r) => r.measuredValue);
}

/** proposalKey names a proposal, so that equal proposals are asked for once. */
export function proposalKey(rules: readonly EditRule[]): string {
  return rules.map((r) => `${r.measuredValue}:${r.comparator}:${r.cutoff}:${r.enabled ? 1 : 0}`).join('|');
}
