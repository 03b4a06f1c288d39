// A decision's factor breakdown (the FactorBreakdown scalar, graph/schema/decisions.graphqls)
// turned into the bars of the factor chart: how far each value is from its cut-off, in units of
// the rule's scale, on the passing side (positive) or the failing side (negative).

export interface BreakdownRow {
  measuredValue: string;
  factor: string;
  value: number;
  comparator: 'GTE' | 'LTE';
  cutoff: number;
  enabled: boolean;
  passed: boolean;
  reasonCode: string;
  shortfall: number;
}

export interface FactorBar extends BreakdownRow {
  /** (value − cutoff) / scale for GTE, (cutoff − value) / scale for LTE: > 0 passes. */
  margin: number;
  /** margin clamped to ±maxMargin, for drawing. */
  drawn: number;
}

/** Bars are drawn up to this many scale units either side of the cut-off. */
export const maxMargin = 3;

/** parseBreakdown checks the shape of a FactorBreakdown value; rows of another shape are dropped. */
export function parseBreakdown(v: unknown): BreakdownRow[] {
  if (!Array.isArray(v)) return [];
  return v.filter(
    (r): r is BreakdownRow =>
      r !== null &&
      typeof r === 'object' &&
      typeof r.measuredValue === 'string' &&
      typeof r.value === 'number' &&
      typeof r.cutoff === 'number' &&
      (r.comparator === 'GTE' || r.comparator === 'LTE') &&
      typeof r.passed === 'boolean',
  );
}

/**
 * factorBars places each row. scales maps a measured value to its rule's scale (from the pinned
 * threshold version); without one, a failed row's scale follows from its shortfall
 * (|value − cutoff| / scale), and otherwise the cut-off's own size is the unit.
 */
export function factorBars(rows: readonly BreakdownRow[], scales: ReadonlyMap<string, number>): FactorBar[] {
  return rows.map((r) => {
    let scale = scales.get(r.measuredValue);
    if (!scale || scale <= 0) {
      const gap = Math.abs(r.value - r.cutoff);
      scale = r.shortfall > 0 && gap > 0 ? gap / r.shortfall : Math.abs(r.cutoff) || 1;
    }
    const margin = (r.comparator === 'GTE' ? r.value - r.cutoff : r.cutoff - r.value) / scale;
    return { ...r, margin, drawn: Math.max(-maxMargin, Math.min(maxMargin, margin)) };
  });
}
