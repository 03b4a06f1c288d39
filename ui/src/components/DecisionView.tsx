// A decision in full, as analysts and reviewers read it: facts, the factor chart, the ranked
// reasons, the pop-up the shopper saw and, for an approval, its repayment. The decision detail
// page and the review case page show it from the same fragment.
import type { ComponentChildren } from 'preact';
import { ErrorBox, Link, useQuery, type QueryState } from './common';
import { RepaymentTimeline } from './outcomes';
import { ShopperPopup } from './ShopperPopup';
import { graphql } from '../gql';
import { DecisionKind, Outcome, type DecisionFullFragment } from '../gql/graphql';
import { canSeeOutcomes } from '../lib/access';
import { armLabel, shadowResultText } from '../lib/experiments';
import { factorBars, maxMargin, parseBreakdown, type FactorBar } from '../lib/factors';
import { formatAmount, formatNumber, formatTime, humanize } from '../lib/format';
import { readsDecisions } from '../lib/pages';
import type { SessionUser } from '../lib/session';
import { subjectName } from '../lib/subject';

export const DecisionFull = graphql(`
  fragment DecisionFull on Decision {
    id
    reference
    createdAt
    market
    currency
    amount
    shopperId
    locale
    channel
    outcome
    kind
    reviewer
    reviewReason
    merchant {
      id
      name
      category
    }
    reasons {
      rank
      code
      measuredValue
      factor
    }
    breakdown
    thresholdVersion {
      id
      market
      version
    }
    catalogVersionId
    arm
    shadows {
      versionId
      version
      outcome
      reasons
    }
    message {
      locale
      title
      body
      steps
      closing
    }
    repayment {
      status
      outstandingMinor
      writtenOffMinor
      currency
      class
      matureAt
      events {
        eventId
        observedAt
        status
        outstandingMinor
        writtenOffMinor
        recordedAt
      }
    }
  }
`);

/** The pinned threshold version's facts, for readers who may read it (not REVIEWER). */
export interface PinnedVersion {
  author: string;
  approver: string;
  createdAt: string;
  rules: { measuredValue: string; scale: number }[];
}

/**
 * DecisionView lays a decision out in two columns. pinned is its threshold version when the user
 * may read it; without it the bars use scales estimated from the breakdown (pinnedNote says why).
 * aside is added at the top of the right-hand column.
 */
export function DecisionView({
  d,
  user,
  pinned,
  pinnedNote,
  aside,
}: {
  d: DecisionFullFragment;
  user: SessionUser;
  pinned?: PinnedVersion | null;
  pinnedNote?: ComponentChildren;
  aside?: ComponentChildren;
}) {
  const scales = new Map((pinned?.rules ?? []).map((r) => [r.measuredValue, r.scale]));
  const bars = factorBars(parseBreakdown(d.breakdown), scales);
  const thresholdsLink = canSeeThresholds(user) ? (
    <Link href={`/thresholds/versions/${d.thresholdVersion.id}`}>
      {d.thresholdVersion.market} version {d.thresholdVersion.version}
    </Link>
  ) : (
    <>
      {d.thresholdVersion.market} version {d.thresholdVersion.version}
    </>
  );
  return (
    <div class="grid2">
      <div>
        <section class="panel" aria-labelledby="facts-h">
          <h2 id="facts-h">Facts</h2>
          <dl class="facts">
            <dt>Outcome</dt>
            <dd>
              <span class={`badge ${d.outcome === Outcome.Approved ? 'approved' : 'declined'}`}>{humanize(d.outcome)}</span>
              {d.kind === DecisionKind.ManualReview && <>{' '}<span class="badge info">manual review</span></>}
            </dd>
            {d.kind === DecisionKind.ManualReview && (
              <>
                <dt>Reviewer</dt>
                <dd>{subjectName(d.reviewer)}</dd>
                <dt>Reviewer's reason</dt>
                <dd>{d.reviewReason}</dd>
              </>
            )}
            <dt>Time</dt>
            <dd>{formatTime(d.createdAt)}</dd>
            <dt>Amount</dt>
            <dd>{formatAmount(d.amount, d.currency)}</dd>
            <dt>Market</dt>
            <dd>{d.market}</dd>
            <dt>Merchant</dt>
            <dd>
              {d.merchant.name} ({d.merchant.category}, <code>{d.merchant.id}</code>)
            </dd>
            <dt>Shopper</dt>
            <dd>
              <code>{d.shopperId}</code>, locale {d.locale}, {d.channel}
            </dd>
            <dt>Threshold set</dt>
            <dd>
              {thresholdsLink}
              {pinned && (
                <span class="muted">
                  {' '}
                  by {pinned.author}, approved by {pinned.approver}, {formatTime(pinned.createdAt)}
                </span>
              )}
            </dd>
            {d.arm && (
              <>
                <dt>Split arm</dt>
                <dd data-testid="decision-arm">{armLabel(d.arm)}</dd>
              </>
            )}
            {d.shadows.length > 0 && (
              <>
                <dt>In shadow</dt>
                <dd>
                  <ul aria-label="What the versions in shadow would have decided" data-testid="decision-shadows">
                    {d.shadows.map((r) => (
                      <li key={r.versionId}>{shadowResultText(r)}</li>
                    ))}
                  </ul>
                  <span class="muted">Never shown to the shopper: the decision above is what counted.</span>
                </dd>
              </>
            )}
            <dt>Reason catalog</dt>
            <dd>version id {d.catalogVersionId}</dd>
          </dl>
        </section>
        <section class="panel" aria-labelledby="chart-h">
          <h2 id="chart-h">Factor breakdown</h2>
          {pinnedNote}
          {d.kind === DecisionKind.ManualReview && (
            <p class="muted">The factor values of the decision this one overturned: a reviewer approved the purchase although the rules in red failed.</p>
          )}
          <FactorChart bars={bars} />
          <BreakdownTable bars={bars} />
        </section>
      </div>
      <div>
        {aside}
        <section class="panel" aria-labelledby="reasons-h">
          <h2 id="reasons-h">Principal reasons</h2>
          {d.reasons.length === 0 ? (
            <p>{d.kind === DecisionKind.ManualReview ? 'None: a reviewer approved the purchase.' : 'None: the purchase was approved.'}</p>
          ) : (
            <ol>
              {d.reasons.map((r) => (
                <li key={r.rank}>
                  <strong>{humanize(r.code)}</strong> <span class="muted">({humanize(r.factor)}, {humanize(r.measuredValue)})</span>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section class="panel" aria-labelledby="msg-h">
          <h2 id="msg-h">What the shopper saw</h2>
          {d.message ? <ShopperPopup message={d.message} /> : <p>No pop-up: the purchase was approved.</p>}
        </section>
        {d.outcome === Outcome.Approved && canSeeOutcomes(user.roles) && (
          <section class="panel" aria-labelledby="repay-h">
            <h2 id="repay-h">Repayment</h2>
            {d.repayment ? <RepaymentTimeline decidedAt={d.createdAt} repayment={d.repayment} /> : <p>No repayment history has been recorded for this purchase.</p>}
          </section>
        )}
      </div>
    </div>
  );
}

/** canSeeThresholds reports whether user may open threshold versions (Query.thresholdVersion). */
export function canSeeThresholds(user: SessionUser): boolean {
  return readsDecisions(user);
}

const PinnedThresholdsQuery = graphql(`
  query PinnedThresholds($id: ID!) {
    thresholdVersion(id: $id) {
      id
      author
      approver
      createdAt
      rules {
        measuredValue
        scale
      }
    }
  }
`);

/**
 * usePinnedThresholds reads the threshold version decision d was made under, for a user who may
 * read threshold versions (a reviewer may not: the query is skipped).
 */
export function usePinnedThresholds(d: { thresholdVersion: { id: string } } | null | undefined, user: SessionUser) {
  const id = d && canSeeThresholds(user) ? d.thresholdVersion.id : '';
  return useQuery(PinnedThresholdsQuery, { id }, id, !id);
}

/** PinnedNote says when the bars use scales estimated from the breakdown instead of the pinned rules'. */
export function PinnedNote({ pinned, user }: { pinned: QueryState<unknown>; user: SessionUser }) {
  if (pinned.error !== null) return <ErrorBox error={pinned.error} title="Could not load the pinned thresholds; bars use estimated scales" />;
  if (!canSeeThresholds(user)) return <p class="muted">Bar lengths use scales estimated from the breakdown: the threshold set itself is for analysts.</p>;
  return null;
}

const rowHeight = 26;
const labelWidth = 230;
const plotWidth = 420;
const chartWidth = labelWidth + plotWidth + 20;

/**
 * FactorChart draws each rule as a bar from its cut-off (the dashed centre line) to the value,
 * measured in the rule's scale: right of the line passes, left fails. Failed rules are red on a
 * tinted row; disabled rules are grey.
 */
function FactorChart({ bars }: { bars: FactorBar[] }) {
  const centre = labelWidth + plotWidth / 2;
  const unit = plotWidth / 2 / maxMargin;
  const height = bars.length * rowHeight + 30;
  const failed = bars.filter((b) => b.enabled && !b.passed).length;
  return (
    <figure>
      <svg
        class="factor-chart"
        viewBox={`0 0 ${chartWidth} ${height}`}
        width="100%"
        role="img"
        aria-label={`Factor breakdown: ${bars.length} rules, ${failed} failed. The table below has the values.`}
      >
        {bars.map((b, i) => {
          const y = i * rowHeight;
          const x = b.drawn >= 0 ? centre : centre + b.drawn * unit;
          const w = Math.max(2, Math.abs(b.drawn) * unit);
          const cls = !b.enabled ? 'off' : b.passed ? 'pass' : 'fail';
          return (
            <g key={b.measuredValue} data-rule={b.measuredValue} data-result={cls}>
              {cls === 'fail' && <rect class="row-failed" x={0} y={y} width={chartWidth} height={rowHeight} />}
              <text x={labelWidth - 8} y={y + rowHeight / 2 + 4} text-anchor="end">
                {humanize(b.measuredValue)}
              </text>
              <rect class={`bar ${cls}`} x={x} y={y + 6} width={w} height={rowHeight - 12} rx={2} />
            </g>
          );
        })}
        <line class="axis" x1={centre} x2={centre} y1={0} y2={bars.length * rowHeight} />
        <text x={centre} y={bars.length * rowHeight + 16} text-anchor="middle">
          cut-off
        </text>
        <text x={labelWidth} y={bars.length * rowHeight + 16}>
          ← fails
        </text>
        <text x={labelWidth + plotWidth} y={bars.length * rowHeight + 16} text-anchor="end">
          passes →
        </text>
      </svg>
      <figcaption class="legend">
        <span>
          <span class="swatch pass" />
          passed
        </span>
        <span>
          <span class="swatch fail" />
          failed
        </span>
        <span>
          <span class="swatch off" />
          rule disabled
        </span>
        <span>bar length: distance from the cut-off in the rule's scale, up to {maxMargin}</span>
      </figcaption>
    </figure>
  );
}

function BreakdownTable({ bars }: { bars: FactorBar[] }) {
  return (
    <details>
      <summary>Values and cut-offs</summary>
      <table aria-label="Factor values and cut-offs">
        <thead>
          <tr>
            <th>Measured value</th>
            <th>Factor</th>
            <th class="num">Value</th>
            <th class="num">Cut-off</th>
            <th>Result</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.measuredValue} class={b.enabled && !b.passed ? 'failed' : undefined}>
              <td>{humanize(b.measuredValue)}</td>
              <td>{humanize(b.factor)}</td>
              <td class="num">{formatNumber(b.value)}</td>
              <td class="num">
                {b.comparator === 'GTE' ? '≥' : '≤'} {formatNumber(b.cutoff)}
              </td>
              <td>{!b.enabled ? <span class="badge muted">disabled</span> : b.passed ? <span class="badge pass">passed</span> : <span class="badge fail">failed: {humanize(b.reasonCode)}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
