import { ErrorBox, Link, PageHeader, Progress, useQuery } from '../components/common';
import { RepaymentTimeline } from '../components/outcomes';
import { ShopperPopup } from '../components/ShopperPopup';
import { graphql } from '../gql';
import { Outcome } from '../gql/graphql';
import { factorBars, maxMargin, parseBreakdown, type FactorBar } from '../lib/factors';
import { formatAmount, formatNumber, formatTime, humanize } from '../lib/format';
import { canSeeOutcomes } from '../lib/access';
import type { PageProps } from '../lib/pages';

const DecisionQuery = graphql(`
  query DecisionDetail($id: ID!) {
    decision(id: $id) {
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
      message {
        locale
        title
        body
        steps
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
  }
`);

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

/** DecisionDetailPage shows one decision: facts, factor chart, ranked reasons, the pop-up, the pinned versions. */
export function DecisionDetailPage({ params, user }: PageProps) {
  const res = useQuery(DecisionQuery, { id: params.id }, params.id);
  const d = res.data?.decision;
  const tvId = d?.thresholdVersion.id ?? '';
  const pinned = useQuery(PinnedThresholdsQuery, { id: tvId }, tvId, !tvId);

  if (res.error) return <ErrorBox error={res.error} title="Could not load the decision" />;
  if (res.loading) return <Progress label="Loading the decision…" />;
  if (!d) {
    return (
      <>
        <PageHeader title="Decision not found" />
        <p>
          No decision has the id <code>{params.id}</code>. <Link href="/decisions">Back to the decisions</Link>
        </p>
      </>
    );
  }
  const scales = new Map((pinned.data?.thresholdVersion?.rules ?? []).map((r) => [r.measuredValue as string, r.scale]));
  const bars = factorBars(parseBreakdown(d.breakdown), scales);
  const tv = pinned.data?.thresholdVersion;
  return (
    <>
      <PageHeader title={`Decision ${d.reference}`}>
        <Link href="/decisions">← All decisions</Link>
      </PageHeader>
      <div class="grid2">
        <div>
          <section class="panel" aria-labelledby="facts-h">
            <h2 id="facts-h">Facts</h2>
            <dl class="facts">
              <dt>Outcome</dt>
              <dd>
                <span class={`badge ${d.outcome === Outcome.Approved ? 'approved' : 'declined'}`}>{humanize(d.outcome)}</span>
              </dd>
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
                <Link href={`/thresholds/versions/${d.thresholdVersion.id}`}>
                  {d.thresholdVersion.market} version {d.thresholdVersion.version}
                </Link>
                {tv && (
                  <span class="muted">
                    {' '}
                    by {tv.author}, approved by {tv.approver}, {formatTime(tv.createdAt)}
                  </span>
                )}
              </dd>
              <dt>Reason catalog</dt>
              <dd>version id {d.catalogVersionId}</dd>
            </dl>
          </section>
          <section class="panel" aria-labelledby="chart-h">
            <h2 id="chart-h">Factor breakdown</h2>
            {pinned.error !== null && <ErrorBox error={pinned.error} title="Could not load the pinned thresholds; bars use estimated scales" />}
            <FactorChart bars={bars} />
            <BreakdownTable bars={bars} />
          </section>
        </div>
        <div>
          <section class="panel" aria-labelledby="reasons-h">
            <h2 id="reasons-h">Principal reasons</h2>
            {d.reasons.length === 0 ? (
              <p>None: the purchase was approved.</p>
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
    </>
  );
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
