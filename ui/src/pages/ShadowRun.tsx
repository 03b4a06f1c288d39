// One shadow run and its comparison (issue 17): how the version in shadow would have decided the
// run's decisions against how they were decided, from the hourly rollups: the decline rates side
// by side and per bucket, the 2×2 agreement table with the bad rate of the approvals live made
// and samples to open, and the principal reasons on each side; of one arm when a split ran. The
// what-if's prediction stored at submission stands next to the realized rates.
import { useId } from 'preact/hooks';
import { Chart } from '../components/Chart';
import { ErrorBox, Link, PageHeader, Progress, useQuery } from '../components/common';
import { RateBars } from '../components/realized';
import { graphql } from '../gql';
import { AnalyticsBucket, Arm, type ShadowComparisonFieldsFragment } from '../gql/graphql';
import { seconds } from '../lib/chart';
import { agreementLabel, armLabel, comparisonSeries, runState, sortCells } from '../lib/experiments';
import { formatNumber, formatPoints, formatRate, formatTime, humanize } from '../lib/format';
import { navigate } from '../lib/router';
import type { PageProps } from '../lib/pages';
import { subjectName } from '../lib/subject';

graphql(`
  fragment ShadowComparisonFields on ShadowComparison {
    from
    to
    freshAsOf
    decisions
    liveDeclineRate
    shadowDeclineRate
    series {
      start
      decisions
      liveDeclined
      shadowDeclined
      liveDeclineRate
      shadowDeclineRate
    }
    cells {
      agreement
      decisions
      share
      mature
      bad
      badRate
      samples(first: 10) {
        id
        reference
        createdAt
        outcome
      }
    }
    reasons {
      reason
      live
      shadow
    }
  }
`);

const ShadowRunQuery = graphql(`
  query ShadowRun($id: ID!, $arm: Arm, $bucket: AnalyticsBucket!) {
    thresholdShadow(id: $id) {
      ...ShadowFields
      predicted {
        available
        note
        declineRateNow
        declineRateProposed
        from
        to
        decisions
      }
      comparison(arm: $arm, bucket: $bucket) {
        ...ShadowComparisonFields
      }
    }
    thresholdSplits(first: 20) {
      id
      market
      startedAt
      endedAt
    }
  }
`);

/** overlaps reports whether a split period [startedAt, endedAt) met the run [from, to). */
function overlaps(split: { startedAt: string; endedAt?: string | null }, from: string, to: string): boolean {
  return Date.parse(split.startedAt) < Date.parse(to) && (!split.endedAt || Date.parse(split.endedAt) > Date.parse(from));
}

/** ShadowRunPage: a shadow run, its comparison with the live decisions and its prediction. */
export function ShadowRunPage({ params, query }: PageProps) {
  const arm = query.get('arm') === Arm.Champion ? Arm.Champion : query.get('arm') === Arm.Challenger ? Arm.Challenger : null;
  const bucket = query.get('bucket') === AnalyticsBucket.Day ? AnalyticsBucket.Day : AnalyticsBucket.Hour;
  const res = useQuery(ShadowRunQuery, { id: params.id, arm, bucket }, `${params.id}/${arm}/${bucket}`);
  const s = res.data?.thresholdShadow;
  // Start loading the chart's code with the data.
  Chart.preload();

  if (res.error !== null && !res.data) return <ErrorBox error={res.error} title="Could not load the shadow run" />;
  if (!res.data) return <Progress label="Loading the shadow run…" />;
  if (!s) {
    return (
      <>
        <PageHeader title="Shadow run not found" />
        <p>
          No shadow run has the id <code>{params.id}</code>. <Link href="/thresholds">Back to the thresholds</Link>
        </p>
      </>
    );
  }
  const c = s.comparison;
  const splitRan = res.data.thresholdSplits.some((x) => x.market === s.market && overlaps(x, c.from, c.to));
  const setView = (name: string, value: string) => {
    const q = new URLSearchParams(query);
    if (value) q.set(name, value);
    else q.delete(name);
    const qs = q.toString();
    navigate(`/thresholds/shadows/${s.id}${qs ? `?${qs}` : ''}`, { replace: true });
  };
  const v = s.version.version;
  const p = s.predicted?.available ? s.predicted : null;

  return (
    <>
      <PageHeader title={`${s.market} version ${v.version} in shadow: run ${s.id}`}>
        <Link href={`/thresholds/versions/${v.id}`}>← {s.market} version {v.version}</Link>
      </PageHeader>
      <p>
        <span class={`badge ${s.running ? 'ok' : 'muted'}`}>{s.running ? 'Running' : 'Stopped'}</span> Started {formatTime(s.startedAt)} by {subjectName(s.startedBy)},{' '}
        {runState(s)}
        {s.stoppedBy && ` by ${subjectName(s.stoppedBy)}`}.
      </p>
      <form class="filters" aria-label="Comparison view" onSubmit={(e) => e.preventDefault()}>
        <label>
          Bucket
          <select value={bucket} onChange={(e) => setView('bucket', (e.currentTarget as HTMLSelectElement).value === AnalyticsBucket.Day ? AnalyticsBucket.Day : '')}>
            <option value={AnalyticsBucket.Hour}>Hour</option>
            <option value={AnalyticsBucket.Day}>Day</option>
          </select>
        </label>
        {(splitRan || arm) && (
          <label>
            Arm
            <select value={arm ?? ''} onChange={(e) => setView('arm', (e.currentTarget as HTMLSelectElement).value)}>
              <option value="">Both arms</option>
              <option value={Arm.Champion}>{armLabel(Arm.Champion)}</option>
              <option value={Arm.Challenger}>{armLabel(Arm.Challenger)}</option>
            </select>
          </label>
        )}
      </form>
      {res.error !== null && <ErrorBox error={res.error} title="Could not load the comparison" />}
      <Comparison c={c} market={s.market} version={v.version} arm={arm} bucket={bucket} predicted={p} predictedNote={s.predicted && !s.predicted.available ? (s.predicted.note ?? '') : null} />
    </>
  );
}

interface Predicted {
  declineRateNow: number;
  declineRateProposed: number;
  from?: string | null;
  to?: string | null;
  decisions: number;
}

function Comparison({
  c,
  market,
  version,
  arm,
  bucket,
  predicted,
  predictedNote,
}: {
  c: ShadowComparisonFieldsFragment;
  market: string;
  version: number;
  arm: Arm | null;
  bucket: AnalyticsBucket;
  predicted: Predicted | null;
  predictedNote: string | null;
}) {
  const chart = comparisonSeries(c.series);
  const bucketWord = bucket === AnalyticsBucket.Day ? 'day' : 'hour';
  const id = useId();
  const of = arm ? `, ${armLabel(arm).toLowerCase()} only` : '';
  return (
    <>
      <section class="panel" aria-labelledby={`${id}-rates`}>
        <h2 id={`${id}-rates`}>Decline rate, live against shadow{of}</h2>
        <p data-testid="comparison-window">
          {formatNumber(c.decisions)} {market} decisions compared, {formatTime(c.from)} to {formatTime(c.to)}.{' '}
          <span class="muted" data-testid="fresh-as-of">
            {c.freshAsOf
              ? `The rollups count decisions up to ${formatTime(c.freshAsOf)}; later ones are not in these figures yet.`
              : 'The rollups have counted no decision of this run yet.'}
          </span>
        </p>
        <RateBars
          title={`Decline rate of ${market}: live, shadow and predicted at submission`}
          bars={[
            { label: 'Live: as decided', rate: c.decisions > 0 ? c.liveDeclineRate : null, kind: 'before' },
            { label: `Shadow: version ${version} would have`, rate: c.decisions > 0 ? c.shadowDeclineRate : null, kind: 'realized' },
            ...(predicted
              ? [
                  { label: 'Predicted at submission: thresholds then in force', rate: predicted.declineRateNow, kind: 'baseline' as const },
                  { label: `Predicted at submission: version ${version}`, rate: predicted.declineRateProposed, kind: 'predicted' as const },
                ]
              : []),
          ]}
        />
        <table aria-label="Decline rates: live, shadow and predicted">
          <thead>
            <tr>
              <th>Figure</th>
              <th class="num">Live</th>
              <th class="num">Shadow</th>
              <th class="num">Shadow − live</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>Realized over the run{of}</td>
              <td class="num" data-testid="live-rate">
                {formatRate(c.decisions > 0 ? c.liveDeclineRate : null, 2)}
              </td>
              <td class="num" data-testid="shadow-rate">
                {formatRate(c.decisions > 0 ? c.shadowDeclineRate : null, 2)}
              </td>
              <td class="num">{c.decisions > 0 ? formatPoints(c.liveDeclineRate, c.shadowDeclineRate) : '–'}</td>
            </tr>
            <tr>
              <td>Predicted at submission (what-if)</td>
              {predicted ? (
                <>
                  <td class="num">{formatRate(predicted.declineRateNow, 2)}</td>
                  <td class="num">{formatRate(predicted.declineRateProposed, 2)}</td>
                  <td class="num">{formatPoints(predicted.declineRateNow, predicted.declineRateProposed)}</td>
                </>
              ) : (
                <td colSpan={3} class="muted">
                  {predictedNote !== null ? `The what-if could not answer: ${predictedNote || 'no reason given'}` : 'No prediction: no submitted draft published this version.'}
                </td>
              )}
            </tr>
          </tbody>
        </table>
        {predicted && (
          <p class="muted">
            The prediction replayed {formatNumber(predicted.decisions)} {market} decisions of {formatTime(predicted.from)} to {formatTime(predicted.to)}; the realized rates count the
            decisions of the run.
          </p>
        )}
        {/* A line needs two buckets: one bucket's rates are the figures above (and uPlot stretches a lone point's axis over years). */}
        {c.series.filter((b) => b.decisions > 0).length > 1 ? (
          <Chart
            label={`Decline rate in percent per bucket, live and shadow${of}`}
            xs={chart.xs}
            ys={chart.ys}
            series={chart.labels.map((l, i) => ({ label: l, dashed: i === 1 }))}
            yLabel="decline rate %"
            xRange={[seconds(c.from), seconds(c.to)]}
          />
        ) : (
          <p data-testid="chart-note">
            {c.series.some((b) => b.decisions > 0)
              ? `All the decisions so far fall in one ${bucketWord}: the chart draws from two on.`
              : 'No decision in the rollups yet: nothing to draw.'}
          </p>
        )}
      </section>

      <section class="panel" aria-labelledby={`${id}-agree`}>
        <h2 id={`${id}-agree`}>Agreement{of}</h2>
        <div class="table-wrap">
          <table aria-label="Agreement between live and shadow">
            <thead>
              <tr>
                <th>Cell</th>
                <th class="num">Decisions</th>
                <th class="num">Share</th>
                <th class="num">Mature</th>
                <th class="num">Bad</th>
                <th class="num">Bad rate</th>
              </tr>
            </thead>
            <tbody>
              {sortCells(c.cells).map((cell) => (
                <tr key={cell.agreement} data-testid={`cell-${cell.agreement}`}>
                  <td>{agreementLabel(cell.agreement)}</td>
                  <td class="num">{formatNumber(cell.decisions)}</td>
                  <td class="num">{formatRate(cell.share, 1)}</td>
                  <td class="num">{cell.mature ?? '–'}</td>
                  <td class="num">{cell.bad ?? '–'}</td>
                  <td class="num">{formatRate(cell.badRate, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="muted">The bad rate is that of the cell's approvals old enough to judge, under {market}'s bad definition; the cells live declined have none.</p>
        <h3>Samples</h3>
        {sortCells(c.cells).map((cell) => (
          <details key={cell.agreement} data-testid={`samples-${cell.agreement}`}>
            <summary>
              {agreementLabel(cell.agreement)}: {cell.samples.length === 0 ? 'no decision' : `the newest ${cell.samples.length}`}
            </summary>
            <ul>
              {cell.samples.map((d) => (
                <li key={d.id}>
                  <Link href={`/decisions/${d.id}`}>{d.reference}</Link> {formatTime(d.createdAt)}, live {humanize(d.outcome).toLowerCase()}
                </li>
              ))}
            </ul>
          </details>
        ))}
      </section>

      <section class="panel" aria-labelledby={`${id}-reasons`}>
        <h2 id={`${id}-reasons`}>Principal reasons{of}</h2>
        {c.reasons.length === 0 ? (
          <p>Neither side declined a decision of the run.</p>
        ) : (
          <table aria-label="Declines per principal reason, live and shadow">
            <thead>
              <tr>
                <th>Principal reason</th>
                <th class="num">Live declines</th>
                <th class="num">Shadow declines</th>
              </tr>
            </thead>
            <tbody>
              {c.reasons.map((r) => (
                <tr key={r.reason}>
                  <td>{humanize(r.reason)}</td>
                  <td class="num">{formatNumber(r.live)}</td>
                  <td class="num">{formatNumber(r.shadow)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
