// Shadow runs and challenger splits (issue 17) as the console shows them: the words for the
// agreement cells and the arms, a run's state in one phrase, the split form's percent read as
// the server takes it, the comparison's series put on the charts' time axis, and a decision's
// shadow results in one line. The server decides and counts everything; this only writes it.
import { Agreement, Arm, Outcome } from '../gql/graphql';
import { alignSeries, type AlignedSeries } from './chart';
import { formatTime, humanize } from './format';

/** The agreement table's cells in reading order: the two agreements, then the two disagreements. */
export const agreementOrder: readonly Agreement[] = [Agreement.BothApprove, Agreement.BothDecline, Agreement.ShadowDeclines, Agreement.ShadowApproves];

/** agreementLabel says what a cell of the agreement table holds, live side first. */
export function agreementLabel(a: Agreement): string {
  switch (a) {
    case Agreement.BothApprove:
      return 'Both approve';
    case Agreement.BothDecline:
      return 'Both decline';
    case Agreement.ShadowDeclines:
      return 'Live approved, shadow would decline';
    case Agreement.ShadowApproves:
      return 'Live declined, shadow would approve';
  }
}

/** sortCells puts the cells the server answered in agreementOrder (cells it left out stay out). */
export function sortCells<C extends { agreement: Agreement }>(cells: readonly C[]): C[] {
  return [...cells].sort((a, b) => agreementOrder.indexOf(a.agreement) - agreementOrder.indexOf(b.agreement));
}

/** armLabel names an arm of a split: the champion is the version in force, the challenger the split's version. */
export function armLabel(a: Arm | null | undefined): string {
  if (a === Arm.Champion) return 'Champion (version in force)';
  if (a === Arm.Challenger) return 'Challenger (split version)';
  return 'No split';
}

/** A shadow run or split period as far as its state is concerned. */
export interface RunTimes {
  running: boolean;
  startedAt: string;
  endsAt?: string | null;
  stoppedAt?: string | null;
  stoppedBy?: string | null;
}

/** runState says in one phrase whether a shadow runs and until when, or when it stopped. */
export function runState(r: RunTimes): string {
  if (r.running) return r.endsAt ? `running until ${formatTime(r.endsAt)}` : 'running until stopped';
  if (r.stoppedAt) return `stopped ${formatTime(r.stoppedAt)}`;
  return 'not running';
}

/** The largest share a challenger may decide for (Mutation.requestThresholdSplit). */
export const maxSplitPercent = 50;

/**
 * readPercent reads the split form's percent as the server takes it: a whole number from 0 to
 * 50 (0 ends the market's split). It returns the number, or the message the field shows.
 */
export function readPercent(text: string): number | string {
  const t = text.trim();
  if (t === '') return 'percent: required, a whole number from 0 to 50';
  if (!/^\d+$/.test(t)) return 'percent: a whole number from 0 to 50, without a % sign or decimals';
  const n = Number(t);
  if (n > maxSplitPercent) return `percent: at most ${maxSplitPercent}; a challenger decides for half the shoppers or fewer`;
  return n;
}

/** A bucket of ShadowComparison.series. */
export interface ComparisonPoint {
  start: string;
  decisions: number;
  liveDeclined: number;
  shadowDeclined: number;
  liveDeclineRate?: number | null;
  shadowDeclineRate?: number | null;
}

/**
 * comparisonSeries puts a comparison's buckets on the charts' axis (lib/chart.ts alignSeries):
 * the live and the shadow decline rate in percent, a gap where a bucket holds no decision.
 */
export function comparisonSeries(points: readonly ComparisonPoint[]): AlignedSeries {
  return alignSeries([
    { label: 'Live', points: points.map((p) => ({ bucketStart: p.start, assessed: p.decisions, declined: p.liveDeclined, rate: p.liveDeclineRate })) },
    { label: 'Shadow', points: points.map((p) => ({ bucketStart: p.start, assessed: p.decisions, declined: p.shadowDeclined, rate: p.shadowDeclineRate })) },
  ]);
}

/** A decision's shadow result (Decision.shadows). */
export interface ShadowResultView {
  version: number;
  outcome: Outcome;
  reasons: readonly string[];
}

/** shadowResultText writes one shadow result: "version 7 would decline: Credit score, Amount". */
export function shadowResultText(r: ShadowResultView): string {
  if (r.outcome === Outcome.Approved) return `version ${r.version} would approve`;
  const why = r.reasons.map(humanize).join(', ');
  return `version ${r.version} would decline${why ? `: ${why}` : ''}`;
}
