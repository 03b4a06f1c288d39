// Realized against predicted for one threshold version: per activation, the decline rate before
// it, the what-if's prediction stored at submission and the rate realized since, as bars and as a
// table that says how long each window is and how many decisions it holds.
import { useId } from 'preact/hooks';
import type { ActivationImpactQuery } from '../gql/graphql';
import { count, formatDays, formatNumber, formatPoints, formatRate, formatTime } from '../lib/format';
import { ImpactSummary } from './thresholds';

export type ActivationImpactItem = ActivationImpactQuery['activationImpact'][number];

export interface RateBar {
  label: string;
  rate: number | null | undefined;
  /** The bar's colour: the live rate before, a prediction, or the realized rate. */
  kind: 'before' | 'predicted' | 'baseline' | 'realized';
}

/**
 * RateBars draws rates as horizontal bars on one scale from 0, each with its label and value in
 * text (the bars are decoration for the eye; screen readers read the list). SVG attributes rather
 * than inline styles size the bars, which the console's CSP requires.
 */
export function RateBars({ title, bars }: { title: string; bars: RateBar[] }) {
  const top = Math.max(0, ...bars.map((b) => b.rate ?? 0));
  // A scale to the next whole 5 % above the highest rate, so that small differences show.
  const max = top > 0 ? Math.ceil((top * 100) / 5) * 0.05 : 0.05;
  const id = useId();
  return (
    <figure class="ratebars" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      <ul>
        {bars.map((b) => (
          <li key={b.label}>
            <span class="ratebars-label">{b.label}</span>
            <svg class="ratebars-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              <rect class={`ratebar-track`} x="0" y="0" width="100" height="10" />
              {b.rate !== null && b.rate !== undefined && <rect class={`ratebar ${b.kind}`} x="0" y="0" width={(b.rate / max) * 100} height="10" />}
            </svg>
            <span class="ratebars-value">{formatRate(b.rate, 2)}</span>
          </li>
        ))}
      </ul>
      <p class="meta">Scale 0 to {formatRate(max, 0)}.</p>
    </figure>
  );
}

/** RealizedImpact sets one activation's realized decline rate beside the rate before it and the stored prediction. */
export function RealizedImpact({ impact: a, market }: { impact: ActivationImpactItem; market: string }) {
  const p = a.predicted?.available ? a.predicted : null;
  const realizedDays = formatDays(a.realized.from, a.realized.to);
  return (
    <div class="realized">
      <h3>Activation of {formatTime(a.activation.activatedAt)}</h3>
      <RateBars
        title={`Decline rate, activation ${a.activation.id}: before, predicted and realized`}
        bars={[
          { label: `Before: the ${realizedDays} before the activation`, rate: a.before.rate, kind: 'before' },
          ...(p
            ? [
                { label: 'Predicted at submission: thresholds then in force', rate: p.declineRateNow, kind: 'baseline' as const },
                { label: 'Predicted at submission: this version', rate: p.declineRateProposed, kind: 'predicted' as const },
              ]
            : []),
          { label: `Realized: the ${realizedDays} since the activation${a.complete ? '' : ', still running'}`, rate: a.realized.rate, kind: 'realized' },
        ]}
      />
      <div class="table-wrap">
        <table aria-label={`Realized against predicted, activation ${a.activation.id}`}>
          <thead>
            <tr>
              <th>Window</th>
              <th>From</th>
              <th>To (exclusive)</th>
              <th class="num">Length</th>
              <th class="num">Decisions</th>
              <th class="num">Decline rate</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>Before the activation, as decided then</td>
              <td>{formatTime(a.before.from)}</td>
              <td>{formatTime(a.before.to)}</td>
              <td class="num">{formatDays(a.before.from, a.before.to)}</td>
              <td class="num">{formatNumber(a.before.assessed)}</td>
              <td class="num">{formatRate(a.before.rate, 2)}</td>
            </tr>
            {p ? (
              <>
                <tr>
                  <td>Predicted at submission: thresholds then in force</td>
                  <td rowSpan={2}>{formatTime(p.from)}</td>
                  <td rowSpan={2}>{formatTime(p.to)}</td>
                  <td class="num" rowSpan={2}>
                    {formatDays(p.from, p.to)}
                  </td>
                  <td class="num" rowSpan={2}>
                    {formatNumber(p.decisions)}
                  </td>
                  <td class="num">{formatRate(p.declineRateNow, 2)}</td>
                </tr>
                <tr>
                  <td>Predicted at submission: this version</td>
                  <td class="num">{formatRate(p.declineRateProposed, 2)}</td>
                </tr>
              </>
            ) : (
              <tr>
                <td>Predicted at submission</td>
                <td colSpan={5} class="muted">
                  {a.predicted ? `The what-if could not answer: ${a.predicted.note ?? 'no reason given'}` : 'No prediction: no submitted draft published this version (a seeded version).'}
                </td>
              </tr>
            )}
            <tr>
              <td>
                Realized under this version
                {!a.complete && <span class="muted"> (still running)</span>}
              </td>
              <td>{formatTime(a.realized.from)}</td>
              <td>{formatTime(a.realized.to)}</td>
              <td class="num">{realizedDays}</td>
              <td class="num">{formatNumber(a.realized.assessed)}</td>
              <td class="num">{formatRate(a.realized.rate, 2)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p class="muted" data-testid="windows-note">
        Before and realized cover the same {realizedDays} on either side of the activation, counting the {market} decisions as they were made: {count(a.before.assessed, 'decision')}{' '}
        before, {count(a.realized.assessed, 'decision')} under this version since.
      </p>
      {p && (
        <p class="muted" data-testid="baseline-note">
          {a.before.rate === null || a.before.rate === undefined
            ? `The predicted baseline (${formatRate(p.declineRateNow, 2)}) has no "before" to set beside it yet: no ${market} decision was made in the ${realizedDays} before the activation. `
            : `Why the predicted baseline (${formatRate(p.declineRateNow, 2)}) differs from before (${formatRate(a.before.rate, 2)}): `}
          the what-if replayed the thresholds in force at submission over every {market} decision of its window ({formatDays(p.from, p.to)} up to the submission,{' '}
          {count(p.decisions, 'decision')}), whichever version decided them then; before counts the decisions as they were actually made in the {realizedDays} before the
          activation.
        </p>
      )}
      {a.predictionError !== null && a.predictionError !== undefined && p && (
        <p>
          Realized minus predicted: <strong>{formatPoints(p.declineRateProposed, p.declineRateProposed + a.predictionError)}</strong>
        </p>
      )}
      <table aria-label={`Bad rate realized against predicted, activation ${a.activation.id}`}>
        <thead>
          <tr>
            <th>Bad rate</th>
            <th class="num">Approved</th>
            <th class="num">Mature</th>
            <th class="num">Bad</th>
            <th class="num">Rate</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Predicted at submission</td>
            <td class="num">–</td>
            <td class="num">–</td>
            <td class="num">–</td>
            <td class="num">{formatRate(a.outcomes.predictedBadRate, 2)}</td>
          </tr>
          <tr>
            <td>Realized so far</td>
            <td class="num">{formatNumber(a.outcomes.approved)}</td>
            <td class="num">{formatNumber(a.outcomes.mature)}</td>
            <td class="num">{formatNumber(a.outcomes.bad)}</td>
            <td class="num">{formatRate(a.outcomes.realizedBadRate, 2)}</td>
          </tr>
        </tbody>
      </table>
      <p class="muted">
        {formatNumber(a.outcomes.mature)} of {formatNumber(a.outcomes.approved)} approvals are mature
        {a.outcomes.allMatureAt ? `; all will be by ${formatTime(a.outcomes.allMatureAt)}` : ''}.{a.outcomes.note ? ` ${a.outcomes.note.charAt(0).toUpperCase()}${a.outcomes.note.slice(1)}.`.replace(/\.\.$/, '.') : ''}
      </p>
      <details>
        <summary>The stored prediction</summary>
        <ImpactSummary impact={a.predicted} title="Predicted impact" />
      </details>
    </div>
  );
}
