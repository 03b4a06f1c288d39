// The what-if of a proposed threshold set: the rates now and proposed, the flips, outcomes and
// swap-set, declines per day, the change per principal reason and flipped decisions to open.
// The editor shows it live as the sliders move; the review page of a submission shows it for the
// submitted rules, computed when the approver opens it.
import { graphql } from '../gql';
import type { SimulateQuery, ThresholdRuleInput } from '../gql/graphql';
import { seconds } from '../lib/chart';
import { count, formatNumber, formatPoints, formatRate, formatTime, humanize } from '../lib/format';
import { currencyOf } from '../lib/outcomes';
import { Chart } from './Chart';
import { ErrorBox, Link, Progress, useQuery } from './common';
import { OutcomeCompare, SwapSet } from './outcomes';
import { Card } from './thresholds';

export const SimulateDoc = graphql(`
  query Simulate($market: String!, $proposal: [ThresholdRuleInput!]!) {
    simulate(market: $market, proposal: $proposal) {
      market
      from
      to
      baselineVersion {
        id
        version
      }
      assessed
      declinedNow
      declinedProposed
      declineRateNow
      declineRateProposed
      approvedToDeclined
      declinedToApproved
      reasons {
        code
        now
        proposed
      }
      days {
        day
        assessed
        declinedNow
        declinedProposed
      }
      sampleApprovedToDeclined {
        decisionId
        createdAt
        merchantCategory
        amount
      }
      sampleDeclinedToApproved {
        decisionId
        createdAt
        merchantCategory
        amount
      }
      badDefinition {
        version
        description
        windowMonths
      }
      approvalRateNow
      approvalRateProposed
      outcomesNow {
        ...FigureFields
      }
      outcomesProposed {
        ...FigureFields
      }
      swapSet {
        keptApproved {
          ...FigureFields
        }
        swapOut {
          ...FigureFields
        }
        swapIn {
          ...FigureFields
        }
        keptDeclined {
          ...FigureFields
        }
      }
      immatureShare
      inference {
        available
        note
        method
        samples
        bads
        auc
      }
    }
  }
`);

/** Simulation is a what-if as the console reads it. */
export type Simulation = SimulateQuery['simulate'];

/** signed writes a change with its sign and thousands separators: "+1,234", "−56", "0". */
export function signed(n: number): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}${formatNumber(Math.abs(n))}`;
}

/** WhatIf shows a simulation: the rates, the flips, the change per reason, per day, and flipped decisions to open. */
export function WhatIf({ sim, stale }: { sim: Simulation; stale: boolean }) {
  const reasons = sim.reasons.filter((r) => r.now !== 0 || r.proposed !== 0).sort((a, b) => Math.abs(b.proposed - b.now) - Math.abs(a.proposed - a.now));
  const days = sim.days;
  const xs = days.map((d) => seconds(d.day));
  const ys = [days.map((d) => (d.assessed ? (d.declinedNow / d.assessed) * 100 : null)), days.map((d) => (d.assessed ? (d.declinedProposed / d.assessed) * 100 : null))];
  return (
    <div class={stale ? 'stale' : undefined}>
      <div class="cards">
        <Card label="Decline rate now" value={formatRate(sim.declineRateNow, 2)} testId="now" />
        <Card label="Decline rate proposed" value={formatRate(sim.declineRateProposed, 2)} note={formatPoints(sim.declineRateNow, sim.declineRateProposed)} testId="proposed" />
        <Card label="Approved → declined" value={formatNumber(sim.approvedToDeclined)} testId="a2d" />
        <Card label="Declined → approved" value={formatNumber(sim.declinedToApproved)} testId="d2a" />
      </div>
      <p class="muted" data-figure="window">
        {count(sim.assessed, 'decision')} of {sim.market}, {formatTime(sim.from)} to {formatTime(sim.to)}: {formatNumber(sim.declinedNow)} declined against version{' '}
        {sim.baselineVersion.version} in force now, {formatNumber(sim.declinedProposed)} as proposed.
      </p>
      <h3>Approvals, bad rate and loss</h3>
      <OutcomeCompare sim={sim} currency={currencyOf(sim.market)} />
      <h3>Swap-set</h3>
      <SwapSet sim={sim} currency={currencyOf(sim.market)} />
      <h3>Declines per day</h3>
      <Chart label="Decline rate per day, now and proposed" xs={xs} ys={ys} series={[{ label: 'now' }, { label: 'proposed', dashed: true, color: '#c2410c' }]} yLabel="%" height={200} />
      <h3>Principal reasons</h3>
      <div class="table-wrap">
        <table aria-label="Declines per principal reason, now and proposed">
          <thead>
            <tr>
              <th>Reason</th>
              <th class="num">Now</th>
              <th class="num">Proposed</th>
              <th class="num">Change</th>
            </tr>
          </thead>
          <tbody>
            {reasons.map((r) => (
              <tr key={r.code}>
                <td>{humanize(r.code)}</td>
                <td class="num">{formatNumber(r.now)}</td>
                <td class="num">{formatNumber(r.proposed)}</td>
                <td class={`num ${r.proposed > r.now ? 'up' : r.proposed < r.now ? 'down' : ''}`}>{signed(r.proposed - r.now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Flipped title="Would be declined (were approved)" total={sim.approvedToDeclined} list={sim.sampleApprovedToDeclined} />
      <Flipped title="Would be approved (were declined)" total={sim.declinedToApproved} list={sim.sampleDeclinedToApproved} />
    </div>
  );
}

function Flipped({ title, total, list }: { title: string; total: number; list: Simulation['sampleApprovedToDeclined'] }) {
  return (
    <details>
      <summary>
        {title}: {total === 0 ? 'none' : list.length < total ? `${count(total, 'decision')}, the first ${formatNumber(list.length)} listed` : count(total, 'decision')}
      </summary>
      {list.length > 0 && (
        <div class="table-wrap">
          <table aria-label={title}>
            <thead>
              <tr>
                <th>Decision</th>
                <th>Time (UTC)</th>
                <th>Category</th>
                <th class="num">Amount</th>
              </tr>
            </thead>
            <tbody>
              {list.map((f) => (
                <tr key={f.decisionId}>
                  <td>
                    <Link href={`/decisions/${f.decisionId}`}>
                      Open<span class="visually-hidden"> decision {f.decisionId}</span>
                    </Link>
                  </td>
                  <td>{formatTime(f.createdAt)}</td>
                  <td>{f.merchantCategory}</td>
                  <td class="num">{formatNumber(f.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}

/**
 * ReviewWhatIf is the what-if of a submitted set of rules, computed when the page opens against
 * the version in force now: the full view the analyst had, for the approver to weigh beside the
 * impact stored at submission.
 */
export function ReviewWhatIf({ market, rules }: { market: string; rules: readonly ThresholdRuleInput[] }) {
  const proposal = rules.map(({ measuredValue, comparator, cutoff, enabled }) => ({ measuredValue, comparator, cutoff, enabled }));
  const res = useQuery(SimulateDoc, { market, proposal }, JSON.stringify([market, proposal]));
  const sim = res.data?.simulate;
  return (
    <section class="panel whatif" aria-labelledby="live-whatif-h" aria-busy={res.loading}>
      <h2 id="live-whatif-h">What-if of these rules, computed now</h2>
      <p class="muted">
        Replayed over the market's decisions of the last year against the version in force now, as the author saw it in the editor. The impact stored at submission was
        computed then, over the year before it, against the version in force then; the two differ when decisions or the version in force have changed since.
      </p>
      {res.error !== null && <ErrorBox error={res.error} title="The what-if failed" />}
      {sim ? <WhatIf sim={sim} stale={res.loading} /> : !res.error && <Progress label="Simulating…" />}
    </section>
  );
}
