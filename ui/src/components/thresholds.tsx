// Pieces the threshold pages share: the what-if warm-up progress, a stored impact, a rules
// table and the diff of two threshold sets.
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../gql';
import type { ThresholdSetRef } from '../gql/graphql';
import { gql } from '../lib/api';
import { formatNumber, formatPoints, formatRate, formatTime, humanize } from '../lib/format';
import { ErrorBox, Progress, useQuery } from './common';

// Selections the threshold pages share.
graphql(`
  fragment RuleFields on ThresholdRule {
    measuredValue
    factor
    comparator
    cutoff
    enabled
    reasonCode
    scale
  }
`);

graphql(`
  fragment ImpactFields on ThresholdImpact {
    available
    note
    from
    to
    decisions
    declineRateNow
    declineRateProposed
    approvedToDeclined
    declinedToApproved
    badDefinition
    approvalRateNow
    approvalRateProposed
    badRateNow
    badRateProposed
    badRateProposedLow
    badRateProposedHigh
    lossNow
    lossProposed
    lossRateNow
    lossRateProposed
    matureDecisions
  }
`);

const WhatIfStatusQuery = graphql(`
  query WhatIfStatus {
    whatIfStatus {
      loaded
      total
      ready
    }
  }
`);

/**
 * WhatIfWarmup shows, while this server is still loading its what-if history, how far it got,
 * polling once a second, and reports readiness to onReady (figures are partial until then).
 */
export function WhatIfWarmup({ onReady }: { onReady?: (ready: boolean) => void }) {
  const [status, setStatus] = useState<{ loaded: number; total: number; ready: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ctl = new AbortController();
    const poll = async () => {
      try {
        const s = (await gql(WhatIfStatusQuery, {}, ctl.signal)).whatIfStatus;
        if (stopped) return;
        setStatus(s);
        setError(null);
        onReady?.(s.ready);
        if (!s.ready) timer = setTimeout(poll, 1000);
      } catch (e) {
        if (stopped) return;
        setError(e);
        timer = setTimeout(poll, 3000);
      }
    };
    poll();
    return () => {
      stopped = true;
      ctl.abort();
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- polls once per mount
  }, []);
  if (error) return <ErrorBox error={error} title="Could not read the what-if warm-up" />;
  if (!status || status.ready) return null;
  return (
    <div class="notice">
      <Progress
        label={`What-if history warming up: ${status.loaded.toLocaleString('en-US')} of ${status.total.toLocaleString('en-US')} decisions loaded; figures cover only those until it finishes.`}
        value={status.loaded}
        max={Math.max(1, status.total)}
      />
    </div>
  );
}

export interface ImpactFigures {
  available: boolean;
  note?: string | null;
  from?: string | null;
  to?: string | null;
  decisions: number;
  declineRateNow: number;
  declineRateProposed: number;
  approvedToDeclined: number;
  declinedToApproved: number;
}

/** ImpactSummary shows a what-if impact stored at submission. */
export function ImpactSummary({ impact, title }: { impact: ImpactFigures | null | undefined; title: string }) {
  if (!impact) return <p class="muted">No stored impact (a version no draft published).</p>;
  if (!impact.available) return <p class="notice">The what-if could not answer when this was submitted: {impact.note}</p>;
  return (
    <div aria-label={title} role="group">
      <div class="cards">
        <Card label="Decline rate now" value={formatRate(impact.declineRateNow, 2)} />
        <Card label="Decline rate proposed" value={formatRate(impact.declineRateProposed, 2)} note={formatPoints(impact.declineRateNow, impact.declineRateProposed)} />
        <Card label="Approved → declined" value={impact.approvedToDeclined.toLocaleString('en-US')} />
        <Card label="Declined → approved" value={impact.declinedToApproved.toLocaleString('en-US')} />
      </div>
      <p class="muted">
        Over {impact.decisions.toLocaleString('en-US')} decisions
        {impact.from && impact.to ? `, ${formatTime(impact.from)} to ${formatTime(impact.to)}` : ''}.
      </p>
    </div>
  );
}

/** Card is one figure with its label. */
export function Card({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
  return (
    <div class="card" data-figure={testId}>
      <div class="label">{label}</div>
      <div class="value">{value}</div>
      {note && <div class="muted">{note}</div>}
    </div>
  );
}

export interface RuleRow {
  measuredValue: string;
  factor: string;
  comparator: string;
  cutoff: number;
  enabled: boolean;
  reasonCode: string;
}

/** RulesTable lists a threshold set's rules. */
export function RulesTable({ rules, label }: { rules: readonly RuleRow[]; label: string }) {
  return (
    <div class="table-wrap">
      <table aria-label={label}>
        <thead>
          <tr>
            <th>Measured value</th>
            <th>Factor</th>
            <th class="num">Rule</th>
            <th>Enabled</th>
            <th>Reason when failed</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.measuredValue}>
              <td>{humanize(r.measuredValue)}</td>
              <td>{humanize(r.factor)}</td>
              <td class="num">
                {r.comparator === 'GTE' ? '≥' : '≤'} {formatNumber(r.cutoff)}
              </td>
              <td>{r.enabled ? 'yes' : <span class="badge muted">off</span>}</td>
              <td>{humanize(r.reasonCode)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const DiffQuery = graphql(`
  query ThresholdDiff($from: ThresholdSetRef!, $to: ThresholdSetRef!) {
    thresholdDiff(from: $from, to: $to) {
      measuredValue
      factor
      oldComparator
      newComparator
      oldCutoff
      newCutoff
      oldEnabled
      newEnabled
    }
  }
`);

/** RuleDiff lists the rules that differ from one threshold set to another. */
export function RuleDiff({ from, to, label }: { from: ThresholdSetRef; to: ThresholdSetRef; label: string }) {
  const res = useQuery(DiffQuery, { from, to }, JSON.stringify([from, to]));
  if (res.error) return <ErrorBox error={res.error} title="Could not load the difference" />;
  if (!res.data) return <Progress label="Comparing…" />;
  const changes = res.data.thresholdDiff;
  if (changes.length === 0) return <p>No rule differs.</p>;
  const rule = (c: string, v: number, on: boolean) => `${c === 'GTE' ? '≥' : '≤'} ${formatNumber(v)}${on ? '' : ' (off)'}`;
  return (
    <div class="table-wrap">
      <table aria-label={label}>
        <thead>
          <tr>
            <th>Measured value</th>
            <th class="num">Before</th>
            <th class="num">After</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.measuredValue}>
              <td>
                {humanize(c.measuredValue)} <span class="muted">{humanize(c.factor)}</span>
              </td>
              <td class="num diff-old">{rule(c.oldComparator, c.oldCutoff, c.oldEnabled)}</td>
              <td class="num diff-new">{rule(c.newComparator, c.newCutoff, c.newEnabled)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
