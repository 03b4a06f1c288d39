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
  /** The rule's scale (its unit of distance from the cut-off), which sets the slider's step. */
  scale?: number;
}

/**
 * The axis a slider sweeps, shared with the sensitivity curve drawn under it: knots are cut-offs
 * at the measure's quantiles over the market's decisions (the curve's points), the track running
 * straight between neighbours, so that a skewed measure (income, savings, a ratio with a long
 * tail) is spread by where decisions lie rather than by its largest value. step is the change one
 * arrow press makes.
 */
export interface Axis {
  knots: readonly number[];
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

/** Arrow presses per rule scale: a twentieth of the scale (0.05 for a ratio of scale 1, 50 for income of scale 1,000). */
const stepsPerScale = 20;

/**
 * stepOf is the change of a cut-off one arrow press makes: a twentieth of the rule's scale (its
 * unit of distance from the cut-off, in the market's currency for money), rounded down to 1, 2
 * or 5 times a power of ten, and never finer than the measure's declared step (0.01 for ratios,
 * 1 for money, months and counts).
 */
export function stepOf(mv: string, scale?: number): number {
  const declared = byName.get(mv)?.step ?? 1;
  if (isFlag(mv) || !scale || !(scale > 0)) return declared;
  const raw = scale / stepsPerScale;
  const p = 10 ** Math.floor(Math.log10(raw) + 1e-9);
  const nice = [5, 2, 1].map((k) => k * p).find((v) => v <= raw * (1 + 1e-9)) ?? p;
  return Math.max(declared, snap(nice, Math.min(nice, 1)));
}

/** snap rounds v to a multiple of step, without the float noise of v / step * step. */
export function snap(v: number, step: number): number {
  const decimals = step < 1 ? Math.max(0, Math.ceil(-Math.log10(step) - 1e-9)) : 0;
  return Number((Math.round(v / step) * step).toFixed(decimals));
}

/**
 * sliderAxis is the axis of a rule's slider: the curve's points (ascending, at the measure's
 * quantiles), widened to hold the rule's own cut-off, the ends on whole steps. Flags sweep 0 to
 * 1; without points the axis runs one step from the cut-off.
 */
export function sliderAxis(mv: string, cutoff: number, scale: number | undefined, points: readonly { cutoff: number }[]): Axis {
  if (isFlag(mv)) return { knots: [0, 1], step: 1 };
  const step = stepOf(mv, scale);
  const knots: number[] = [];
  for (const c of [...points.map((p) => p.cutoff)].sort((a, b) => a - b)) {
    if (Number.isFinite(c) && (knots.length === 0 || c > knots[knots.length - 1])) knots.push(c);
  }
  if (knots.length === 0 || cutoff < knots[0]) knots.unshift(cutoff);
  if (cutoff > knots[knots.length - 1]) knots.push(cutoff);
  const lo = snap(Math.floor(knots[0] / step + 1e-9) * step, step);
  const hi = Math.max(snap(Math.ceil(knots[knots.length - 1] / step - 1e-9) * step, step), snap(lo + step, step));
  return { knots: [lo, ...knots.slice(1, -1).filter((k) => k > lo && k < hi), hi], step };
}

/** axisEnds are the smallest and largest cut-off of an axis. */
export function axisEnds(a: Axis): [number, number] {
  return [a.knots[0], a.knots[a.knots.length - 1]];
}

/**
 * The knots divide the track into stretches of about as many decisions each, but cut-offs sit in
 * the tails (a rule declines a few per cent), where that would leave them a few pixels. So the
 * track is stretched at both ends: the share q of the knots up to a point lies at
 * acos(1 − 2q) / π of the track (the first 2 % of decisions get 9 % of it, the middle half a
 * third), and back by (1 − cos πf) / 2.
 */
const stretch = (q: number) => Math.acos(1 - 2 * q) / Math.PI;
const unstretch = (f: number) => (1 - Math.cos(Math.PI * f)) / 2;

/** axisFraction is where cut-off v lies along the axis, 0 (start) to 1 (end), clamped: the slider's knob and the curve's cut-off line both sit there. */
export function axisFraction(v: number, a: Axis): number {
  const k = a.knots;
  if (!Number.isFinite(v) || v <= k[0]) return 0;
  if (v >= k[k.length - 1]) return 1;
  let i = 0;
  while (i < k.length - 2 && v > k[i + 1]) i++;
  return stretch((i + (v - k[i]) / (k[i + 1] - k[i])) / (k.length - 1));
}

/** axisValue is the cut-off at fraction f (0…1) of the axis, not snapped: the inverse of axisFraction. */
export function axisValue(f: number, a: Axis): number {
  const k = a.knots;
  const t = unstretch(Math.min(1, Math.max(0, f))) * (k.length - 1);
  const i = Math.min(k.length - 2, Math.floor(t));
  return k[i] + (k[i + 1] - k[i]) * (t - i);
}

/** toPosition is the slider position (0 … sliderPositions) of cut-off v, clamped to the axis. */
export function toPosition(v: number, a: Axis): number {
  return Math.round(axisFraction(v, a) * sliderPositions);
}

/** fromPosition is the cut-off at slider position p, snapped to the axis's step, within its ends. */
export function fromPosition(p: number, a: Axis): number {
  const [lo, hi] = axisEnds(a);
  return Math.min(hi, Math.max(lo, snap(axisValue(p / sliderPositions, a), a.step)));
}

/** Slider keys: arrows move one step; Page Up/Down a twentieth of the track; Home/End to the ends. */
const pageFraction = 1 / 20;

/**
 * keyedCutoff is the cut-off after key is pressed on a slider at cut-off v, or null for keys the
 * slider does not take. Arrows go to the next whole step (from 1.53 up: 1.55), so that a press
 * always moves by the step wherever the track is compressed; Page keys move along the track.
 */
export function keyedCutoff(key: string, v: number, a: Axis): number | null {
  const [lo, hi] = axisEnds(a);
  const clamp = (x: number) => Math.min(hi, Math.max(lo, snap(x, a.step)));
  const f = axisFraction(v, a);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp((Math.floor(v / a.step + 1e-9) + 1) * a.step);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp((Math.ceil(v / a.step - 1e-9) - 1) * a.step);
    case 'PageUp': {
      const x = clamp(axisValue(f + pageFraction, a));
      return x > v ? x : keyedCutoff('ArrowUp', v, a);
    }
    case 'PageDown': {
      const x = clamp(axisValue(f - pageFraction, a));
      return x < v ? x : keyedCutoff('ArrowDown', v, a);
    }
    case 'Home':
      return lo;
    case 'End':
      return hi;
    default:
      return null;
  }
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
