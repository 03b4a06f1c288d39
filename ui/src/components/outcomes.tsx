// Repayment outcomes in the threshold pages and the decision page: approval rate, bad rate and
// loss now against proposed, the swap-set as a 2×2 table, the trade-off frontier of a swept rule,
// the outcome figures stored with a submission, and a decision's repayment timeline. Only pages
// open to outcome readers (lib/outcomes.ts, outcomeReaders) render them.
import { graphql } from '../gql';
import { formatPoints, formatRate, formatTime, humanize } from '../lib/format';
import { badRateOf, describePoint, formatInterval, formatMinor, formatMoney, frontierOf, lossOf, statusLabel, statusTone, swapRows, timelineOf, type EventIn, type Figures, type SweepPoint, type SwapSetIn } from '../lib/outcomes';
import { Chart, type ChartDot } from './Chart';
import { Card } from './thresholds';

// The selections of outcome figures the pages share.
graphql(`
  fragment FigureFields on OutcomeFigures {
    decisions
    volume
    mature
    immature
    bad
    inferred
    inferredBad
    badRate
    badRateLow
    badRateHigh
    loss
    lossLow
    lossHigh
    lossRate
  }
`);

graphql(`
  fragment SweepPointFields on SensitivityPoint {
    cutoff
    declineRate
    approvalRate
    badRate
    lossRate
  }
`);

/** What the what-if panel reads of a simulation's outcome figures. */
export interface SimOutcomes {
  badDefinition: { version: number; description: string; windowMonths: number };
  approvalRateNow: number;
  approvalRateProposed: number;
  outcomesNow: Figures;
  outcomesProposed: Figures;
  swapSet: SwapSetIn;
  immatureShare?: number | null;
  inference: { available: boolean; note?: string | null; method: string; samples: number; bads: number; auc?: number | null };
}

/** OutcomeCompare shows approval rate, bad rate and loss now against proposed, what is immature, and what cannot be inferred. */
export function OutcomeCompare({ sim, currency }: { sim: SimOutcomes; currency: string }) {
  const inf = sim.inference.available;
  const now = sim.outcomesNow;
  const prop = sim.outcomesProposed;
  const badNow = badRateOf(now, inf);
  const badProp = badRateOf(prop, inf);
  const lossNow = lossOf(now, currency, inf);
  const lossProp = lossOf(prop, currency, inf);
  const noMature = now.mature === 0;
  return (
    <div role="group" aria-label="Outcomes now and proposed">
      <div class="cards">
        <Card label="Approval rate now" value={formatRate(sim.approvalRateNow, 2)} testId="approval-now" />
        <Card label="Approval rate proposed" value={formatRate(sim.approvalRateProposed, 2)} note={formatPoints(sim.approvalRateNow, sim.approvalRateProposed)} testId="approval-proposed" />
        <Card label="Bad rate now" value={badNow.text} note={badNow.partial ?? (badNow.interval ? `inferred in part, 95 %: ${badNow.interval}` : undefined)} testId="bad-now" />
        <Card
          label="Bad rate proposed"
          value={badProp.text}
          note={[
            badProp.inferred ? `inferred in part, 95 %: ${badProp.interval || badProp.text}` : badProp.partial ?? '',
            now.badRate != null && prop.badRate != null ? formatPoints(now.badRate, prop.badRate) : '',
          ]
            .filter(Boolean)
            .join('; ')}
          testId="bad-proposed"
        />
        <Card label="Loss now" value={lossNow.text} note={`${formatRate(now.lossRate, 2)} of volume${lossNow.interval ? `; 95 %: ${lossNow.interval}` : ''}${lossNow.partial ? `; ${lossNow.partial}` : ''}`} testId="loss-now" />
        <Card
          label="Loss proposed"
          value={lossProp.text}
          note={`${formatRate(prop.lossRate, 2)} of volume${lossProp.interval ? `; 95 %: ${lossProp.interval}` : ''}${lossProp.partial ? `; ${lossProp.partial}` : ''}`}
          testId="loss-proposed"
        />
      </div>
      <p class="muted">
        Bad: {sim.badDefinition.description} (definition version {sim.badDefinition.version}). Rates count mature approvals ({now.mature.toLocaleString('en-US')} now) and,
        for purchases declined as decided, the inferred ones. Loss is written off net of recoveries, in {currency || 'the market currency'}.
      </p>
      {sim.immatureShare != null && (
        <p data-figure="immature">
          <strong>{formatRate(sim.immatureShare, 1)}</strong> of the window's approvals are still immature (younger than {sim.badDefinition.windowMonths} months) and left out of
          every rate.
        </p>
      )}
      {noMature && <p class="notice">No approval in this window is mature yet: there is no observed bad rate or loss to compare.</p>}
      {!inf && (
        <p class="notice" data-figure="inference-unavailable">
          Too few mature outcomes to infer how declined purchases would have repaid{sim.inference.note ? ` (${sim.inference.note})` : ''}. Figures that need inference are left
          out: swap-ins and kept-declined have no bad rate.
        </p>
      )}
    </div>
  );
}

/** SwapSet is the 2×2 table: approved/declined now (rows) × under the proposal (columns), inferred cells marked. */
export function SwapSet({ sim, currency }: { sim: SimOutcomes; currency: string }) {
  const inf = sim.inference.available;
  const rows = swapRows(sim.swapSet);
  const cell = (c: ReturnType<typeof swapRows>[number][number]) => {
    const f = c.figures;
    const bad = badRateOf(f, inf);
    const loss = lossOf(f, currency, inf);
    return (
      <td data-cell={c.key} class={bad.inferred ? 'inferred' : undefined} title={c.meaning}>
        <div>
          <strong>{c.title}</strong>
        </div>
        <div>{f.decisions.toLocaleString('en-US')} decisions</div>
        <div>
          bad <span data-value="bad">{bad.text}</span>
          {bad.inferred && <span class="badge muted">inferred</span>}
        </div>
        {bad.interval && <div class="muted">95 %: {bad.interval}</div>}
        {bad.partial && <div class="muted">{bad.partial}</div>}
        <div>
          loss <span data-value="loss">{loss.text}</span>
        </div>
        {loss.interval && <div class="muted">95 %: {loss.interval}</div>}
        {f.immature > 0 && <div class="muted">{f.immature.toLocaleString('en-US')} immature, left out</div>}
      </td>
    );
  };
  return (
    <div class="table-wrap">
      <table class="swapset" aria-label="Swap-set: now against proposed">
        <thead>
          <tr>
            <th scope="col">
              <span class="visually-hidden">Now, and under the proposal</span>
            </th>
            <th scope="col">Proposed: approved</th>
            <th scope="col">Proposed: declined</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Approved now</th>
            {cell(rows[0][0])}
            {cell(rows[0][1])}
          </tr>
          <tr>
            <th scope="row">Declined now</th>
            {cell(rows[1][0])}
            {cell(rows[1][1])}
          </tr>
        </tbody>
      </table>
      <p class="muted">
        Swap-out: approved now, declined under the proposal (the loss avoided). Swap-in: declined now, approved under the proposal (the loss taken on). Inferred: purchases declined as decided never had the chance to repay; their bad rate comes from {sim.inference.method || 'the reject-inference model'}
        {sim.inference.available ? ` fitted on ${sim.inference.samples.toLocaleString('en-US')} mature approvals (${sim.inference.bads.toLocaleString('en-US')} bad${sim.inference.auc != null ? `, AUC ${sim.inference.auc.toFixed(3)}` : ''})` : ''}, shown with a
        95 % interval.
      </p>
    </div>
  );
}

/** What the frontier reads of a sensitivity curve. */
export interface FrontierCurve {
  measuredValue: string;
  points: readonly SweepPoint[];
  nowPoint: SweepPoint;
  proposedPoint: SweepPoint;
  badDefinition?: { description: string };
}

const pct = (v: number) => `${v.toFixed(1)} %`;

/** Frontier draws (approval rate, bad rate) and (approval rate, loss rate) as the rule's cut-off sweeps, with the now and proposed points. */
export function Frontier({ curve, name }: { curve: FrontierCurve; name: string }) {
  const f = frontierOf(curve.points);
  if (!f.hasOutcomes) {
    return (
      <p class="notice" data-figure="frontier-none">
        No frontier for {name}: no mature outcomes, so no bad rate along the sweep.
      </p>
    );
  }
  const p100 = (v: number | null | undefined) => (v == null ? null : v * 100);
  const now = curve.nowPoint;
  const prop = curve.proposedPoint;
  const dots: ChartDot[] = [
    { x: now.approvalRate * 100, y: p100(now.badRate), color: '#1d4e89', label: 'now, bad rate' },
    { x: now.approvalRate * 100, y: p100(now.lossRate), color: '#1d4e89', label: 'now, loss rate' },
    { x: prop.approvalRate * 100, y: p100(prop.badRate), color: '#c2410c', filled: true, label: 'proposed, bad rate' },
    { x: prop.approvalRate * 100, y: p100(prop.lossRate), color: '#c2410c', filled: true, label: 'proposed, loss rate' },
  ];
  const lo = Math.min(f.xs[0], now.approvalRate * 100, prop.approvalRate * 100);
  const hi = Math.max(f.xs[f.xs.length - 1], now.approvalRate * 100, prop.approvalRate * 100);
  return (
    <div class="frontier" data-rule={curve.measuredValue} data-proposed-x={(prop.approvalRate * 100).toFixed(2)}>
      <Chart
        label={`Trade-off as the ${name} cut-off sweeps: bad rate and loss rate against approval rate, with the now (ring) and proposed (disc) points`}
        xs={f.xs}
        ys={[f.bad, f.loss]}
        series={[{ label: 'bad rate %', color: '#7e22ce' }, { label: 'loss % of volume', color: '#15803d', dashed: true }]}
        time={false}
        xLabel="approval rate %"
        xFormat={pct}
        yLabel="%"
        yFormat={(v) => v.toFixed(1)}
        xRange={[lo, hi]}
        dots={dots}
        height={220}
      />
      <ul class="frontier-points">
        <li data-point="now">
          <span class="swatch ring" /> {describePoint('Now', now)}
        </li>
        <li data-point="proposed">
          <span class="swatch disc" /> {describePoint('Proposed', prop)}
        </li>
      </ul>
    </div>
  );
}

/** The outcome fields of a stored ThresholdImpact. */
export interface ImpactOutcomeFields {
  badDefinition?: string | null;
  approvalRateNow?: number | null;
  approvalRateProposed?: number | null;
  badRateNow?: number | null;
  badRateProposed?: number | null;
  badRateProposedLow?: number | null;
  badRateProposedHigh?: number | null;
  lossNow?: number | null;
  lossProposed?: number | null;
  lossRateNow?: number | null;
  lossRateProposed?: number | null;
  matureDecisions?: number | null;
}

/** ImpactOutcomes shows the approval rate, bad rate and loss predicted at submission, for the approver. */
export function ImpactOutcomes({ impact, currency }: { impact: ImpactOutcomeFields; currency: string }) {
  if (impact.approvalRateProposed == null && impact.badRateProposed == null && impact.lossProposed == null) {
    return <p class="muted">No outcome figures were stored with this submission.</p>;
  }
  const interval = formatInterval(impact.badRateProposedLow, impact.badRateProposedHigh);
  return (
    <div role="group" aria-label="Predicted outcomes">
      <div class="cards">
        <Card label="Approval rate now" value={formatRate(impact.approvalRateNow, 2)} />
        <Card
          label="Approval rate proposed"
          value={formatRate(impact.approvalRateProposed, 2)}
          note={impact.approvalRateNow != null && impact.approvalRateProposed != null ? formatPoints(impact.approvalRateNow, impact.approvalRateProposed) : undefined}
        />
        <Card label="Bad rate now" value={formatRate(impact.badRateNow, 1)} />
        <Card label="Predicted bad rate" value={formatRate(impact.badRateProposed, 1)} note={interval ? `95 %: ${interval}` : undefined} testId="predicted-bad" />
        <Card label="Loss now" value={formatMoney(impact.lossNow, currency)} note={`${formatRate(impact.lossRateNow, 2)} of volume`} />
        <Card label="Predicted loss" value={formatMoney(impact.lossProposed, currency)} note={`${formatRate(impact.lossRateProposed, 2)} of volume`} testId="predicted-loss" />
      </div>
      <p class="muted">
        {impact.badDefinition ? `Bad: ${impact.badDefinition}. ` : ''}
        {impact.matureDecisions != null ? `${impact.matureDecisions.toLocaleString('en-US')} of the proposal's approvals had a mature, observed outcome.` : ''}
      </p>
    </div>
  );
}

/** What the decision page reads of Decision.repayment. */
export interface RepaymentIn {
  status?: string | null;
  outstandingMinor: number;
  writtenOffMinor: number;
  currency: string;
  class: string;
  matureAt: string;
  events: readonly (EventIn & { recordedAt: string })[];
}

const tw = 600;
const th = 40;

/** RepaymentTimeline shows an approved decision's repayment: where it stands, when it is mature, and every event in time. */
export function RepaymentTimeline({ decidedAt, repayment: r }: { decidedAt: string; repayment: RepaymentIn }) {
  const rows = timelineOf(decidedAt, r.events);
  const lastDay = Math.max(1, Math.floor((Date.parse(r.matureAt) - Date.parse(decidedAt)) / 86_400_000), ...rows.map((x) => x.day));
  const x = (d: number) => 10 + (Math.max(0, d) / lastDay) * (tw - 20);
  const matureDay = Math.floor((Date.parse(r.matureAt) - Date.parse(decidedAt)) / 86_400_000);
  const classBadge = r.class === 'BAD' ? 'declined' : r.class === 'GOOD' ? 'approved' : 'muted';
  return (
    <div>
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          {r.status ? <span class={`badge tone-${statusTone(r.status)}`}>{statusLabel(r.status)}</span> : <span class="muted">no event yet</span>}
        </dd>
        <dt>Class</dt>
        <dd>
          <span class={`badge ${classBadge}`} data-class={r.class}>
            {humanize(r.class)}
          </span>{' '}
          <span class="muted">{r.class === 'IMMATURE' ? `until ${formatTime(r.matureAt)}: neither good nor bad yet` : `mature since ${formatTime(r.matureAt)}`}</span>
        </dd>
        <dt>Outstanding</dt>
        <dd>{formatMinor(r.outstandingMinor, r.currency)}</dd>
        <dt>Written off</dt>
        <dd>{formatMinor(r.writtenOffMinor, r.currency)}</dd>
      </dl>
      {rows.length === 0 ? (
        <p>No repayment event has been recorded yet.</p>
      ) : (
        <>
          <svg class="timeline" viewBox={`0 0 ${tw} ${th}`} width="100%" role="img" aria-label={`Repayment timeline: ${rows.length} events over ${rows[rows.length - 1].day} days; the table below lists them.`}>
            <line class="axis" x1={10} x2={tw - 10} y1={18} y2={18} />
            {matureDay >= 0 && <line class="mature" x1={x(matureDay)} x2={x(matureDay)} y1={4} y2={32} />}
            {rows.map((e) => (
              <circle key={e.eventId} class={`tone-${statusTone(e.status)}`} cx={x(e.day)} cy={18} r={e.worsened ? 6 : 4} />
            ))}
            <text x={10} y={th - 1}>
              decided
            </text>
            {matureDay >= 0 && (
              <text x={x(matureDay)} y={th - 1} text-anchor={x(matureDay) > tw - 60 ? 'end' : 'middle'}>
                mature
              </text>
            )}
          </svg>
          <div class="table-wrap">
            <table class="events" aria-label="Repayment events">
              <thead>
                <tr>
                  <th>Observed</th>
                  <th class="num">Day</th>
                  <th>Status</th>
                  <th class="num">Outstanding</th>
                  <th class="num">Written off</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr key={e.eventId} class={e.worsened && statusTone(e.status) !== 'ok' ? 'failed' : undefined}>
                    <td class="nowrap" title={formatTime(e.observedAt)}>{e.observedAt.slice(0, 10)}</td>
                    <td class="num">{e.day}</td>
                    <td>
                      <span class={`badge tone-${statusTone(e.status)}`}>{statusLabel(e.status)}</span>
                    </td>
                    <td class="num">{formatMinor(e.outstandingMinor, r.currency)}</td>
                    <td class="num">{formatMinor(e.writtenOffMinor, r.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
