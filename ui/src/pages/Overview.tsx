import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { Chart, palette, type ChartMarker, type ChartPick, type ChartRing } from '../components/Chart';
import { ErrorBox, Link, PageHeader, ParamError, Progress, useQuery, type QueryState } from '../components/common';
import { MarketSelect, TimeField, useFilterForm } from '../components/filters';
import { VintageCurves } from '../components/vintages';
import { graphql } from '../gql';
import { AnalyticsBucket, AnalyticsSource, DecisionOrder, Outcome, type DecisionFilter, type OverviewOverturnRatesQuery } from '../gql/graphql';
import { alignSeries, bucketRange, markersOf, placeAnomalies, rfc3339, seconds, unzoomSearch, zoomRange, zoomSearch, type Range } from '../lib/chart';
import { explorerURL } from '../lib/decisionFilter';
import { formatRate, formatTime, humanize } from '../lib/format';
import { markets } from '../lib/markets';
import { canSeeOutcomes } from '../lib/outcomes';
import { readTime, textFromTime, timeFromText, timeParamError } from '../lib/query';
import { navigate } from '../lib/router';
import type { PageProps } from '../lib/pages';

const RatesQuery = graphql(`
  query OverviewRates($filter: AnalyticsFilter!, $bucket: AnalyticsBucket!, $timeZone: String!, $market: String, $from: Time!, $to: Time!) {
    declineRates(filter: $filter, bucket: $bucket, groupBy: [MARKET], timeZone: $timeZone) {
      from
      to
      bucket
      timeZone
      omittedSeries
      source
      freshAsOf
      series {
        market
        assessed
        declined
        rate
        points {
          bucketStart
          assessed
          declined
          rate
        }
      }
    }
    thresholdActivations(market: $market, from: $from, to: $to) {
      activation {
        id
        market
        versionId
        activatedAt
        activatedBy
        emergency
      }
      version {
        id
        version
        author
        approver
      }
    }
  }
`);

const BreakdownQuery = graphql(`
  query OverviewBreakdown($filter: AnalyticsFilter!) {
    reasonBreakdown(filter: $filter) {
      assessed
      declined
      source
      freshAsOf
      reasons {
        reason
        factor
        declined
        share
        rate
      }
    }
  }
`);

const OverturnRatesQuery = graphql(`
  query OverviewOverturnRates($filter: OverturnRateFilter!) {
    overturnRates(filter: $filter) {
      market
      reason
      decided
      overturned
      rate
    }
  }
`);

const AnomaliesQuery = graphql(`
  query OverviewAnomalies($from: Time!, $to: Time!, $market: String, $bucket: AnalyticsBucket!, $threshold: Float!, $minVolume: Int!) {
    anomalies(from: $from, to: $to, market: $market, bucket: $bucket, threshold: $threshold, minVolume: $minVolume) {
      from
      to
      bucket
      omitted
      source
      freshAsOf
      anomalies {
        bucketStart
        market
        reason
        assessed
        declined
        rate
        baselineRate
        zScore
        excessDeclines
        mainReason
      }
    }
  }
`);

/** marketColor gives each market the same colour whatever the order of the series. */
function marketColor(market: string): string | undefined {
  const i = (markets as readonly string[]).indexOf(market);
  return i >= 0 ? palette[i] : undefined;
}

/** Time zones offered for the buckets; any IANA name with whole-hour offsets may be typed. */
const timeZones = ['UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Stockholm', 'America/New_York', 'America/Chicago', 'America/Los_Angeles'];

const hour = 3600_000;

export interface OverviewState {
  from: string;
  to: string;
  bucket: AnalyticsBucket;
  timeZone: string;
  market: string;
  threshold: number;
  minVolume: number;
  /** Parameters that could not be read, by name (the state has their defaults): shown at the fields. */
  errors: Record<string, string>;
}

/**
 * overviewFromQuery reads the overview's URL: the range (default: the 90 days to the next whole
 * hour after now), bucket (default DAY), time zone, market (default all) and the anomaly
 * settings. A parameter that cannot be read gives way to its default and an error for its field.
 */
export function overviewFromQuery(q: URLSearchParams, now: number): OverviewState {
  const end = Math.ceil(now / hour) * hour;
  const errors: Record<string, string> = {};
  const param = (name: string) => {
    const v = q.get(name)?.trim();
    return v ? v : null;
  };
  const time = (name: string, dflt: number) => {
    const v = param(name);
    if (v !== null && readTime(v) === null) errors[name] = `${timeParamError}; showing the default`;
    return new Date(v !== null && !errors[name] ? v : dflt).toISOString().replace('.000Z', 'Z');
  };
  const num = (name: string, dflt: number, integer: boolean) => {
    const v = param(name);
    if (v === null) return dflt;
    const n = Number(v);
    if (Number.isFinite(n) && n > 0 && (!integer || Number.isInteger(n))) return n;
    errors[name] = `must be a ${integer ? 'whole number' : 'number'} above 0; showing ${dflt}`;
    return dflt;
  };
  const buckets = Object.values(AnalyticsBucket) as string[];
  const bucket = param('bucket');
  if (bucket !== null && !buckets.includes(bucket)) errors.bucket = `${bucket} is not a bucket (${buckets.map(humanize).join(', ')}); showing Day`;
  const market = param('market')?.toUpperCase() ?? '';
  if (market && !/^[A-Z]{2}$/.test(market)) errors.market = `${market} is not a market code such as DE; showing all markets`;
  return {
    from: time('from', end - 90 * 24 * hour),
    to: time('to', end),
    bucket: bucket !== null && buckets.includes(bucket) ? (bucket as AnalyticsBucket) : AnalyticsBucket.Day,
    timeZone: param('tz') ?? 'UTC',
    market: errors.market ? '' : market,
    threshold: num('z', 4, false),
    minVolume: num('minVolume', 20, true),
    errors,
  };
}

/**
 * overviewValues is what the overview's filter fields show for its URL: the state read, except
 * that a time or market that could not be read is shown as written, next to its error (a number
 * field shows the default used, next to its error).
 */
function overviewValues(s: OverviewState, q: URLSearchParams): Record<string, string> {
  const raw = (name: string, v: string) => (s.errors[name] ? (q.get(name)?.trim() ?? '') : v);
  return {
    from: raw('from', textFromTime(s.from)),
    to: raw('to', textFromTime(s.to)),
    bucket: s.bucket,
    tz: s.timeZone,
    market: raw('market', s.market),
    z: String(s.threshold),
    minVolume: String(s.minVolume),
  };
}

/** SourceNote says where an analytics answer was read from and how fresh it is. */
export function SourceNote({ source, freshAsOf }: { source: AnalyticsSource; freshAsOf?: string | null }) {
  return (
    <p class="source">
      Source: {source === AnalyticsSource.Rollup ? 'hourly rollups' : 'the decisions themselves'}
      {freshAsOf ? `, complete up to ${formatTime(freshAsOf)}` : ''}.
    </p>
  );
}

/** OverviewPage: decline rate per market over time with activations and anomalies, and the reasons behind the declines. */
export function OverviewPage({ query, user }: PageProps) {
  const s = overviewFromQuery(query, Date.now());
  const market = s.market || null;
  const filter = { from: s.from, to: s.to, market };
  const key = JSON.stringify(s);
  const rates = useQuery(RatesQuery, { filter, bucket: s.bucket, timeZone: s.timeZone, market, from: s.from, to: s.to }, key);
  // The chart's data is asked first; the reasons, the anomalies and the vintage curves (below it)
  // once it is in (or failed): on two cores, asked together, they held the chart back by 0.1 to
  // 0.4 s, and drawing the vintage chart in the same frame by about 0.2 s more.
  const chartFirst = rates.loading && !rates.data;
  const breakdown = useQuery(BreakdownQuery, { filter }, JSON.stringify(filter), chartFirst);
  const overturns = useQuery(OverturnRatesQuery, { filter }, JSON.stringify(filter));
  // Anomalies are scored per UTC hour or day: hourly for an hourly chart, else daily.
  const anomalyBucket = s.bucket === AnalyticsBucket.Hour ? AnalyticsBucket.Hour : AnalyticsBucket.Day;
  const anomalies = useQuery(
    AnomaliesQuery,
    { from: s.from, to: s.to, market, bucket: anomalyBucket, threshold: s.threshold, minVolume: s.minVolume },
    JSON.stringify([s.from, s.to, market, anomalyBucket, s.threshold, s.minVolume]),
    chartFirst,
  );
  const anomaliesPending = anomalies.loading || (!anomalies.data && anomalies.error === null);
  // The chart's code loads while the data is on the way, not after it.
  useEffect(() => void Chart.preload().catch(() => {}), []);

  const form = useFilterForm(overviewValues(s, query));
  const apply = (e: Event) => {
    e.preventDefault();
    const v = form.values;
    const q = new URLSearchParams();
    for (const name of ['from', 'to']) {
      const t = v[name].trim();
      if (t) q.set(name, timeFromText(t) ?? t);
    }
    for (const name of ['bucket', 'tz', 'market', 'z', 'minVolume']) {
      const x = v[name].trim();
      if (x) q.set(name, x);
    }
    form.reset();
    navigate(`/overview?${q.toString()}`);
    document.getElementById('rates-h')?.focus();
  };
  const showDefault = () => {
    form.reset();
    navigate('/overview');
  };

  const report = rates.data?.declineRates;
  const chart = report ? alignSeries(report.series.map((x) => ({ label: x.market ?? '(none)', points: x.points }))) : null;
  const markers = chart && rates.data ? markersOf(rates.data.thresholdActivations, chart.labels, seconds(s.from), seconds(s.to)) : [];
  const anomalyList = anomalies.data?.anomalies.anomalies ?? [];
  const rings = chart ? placeAnomalies(anomalyList, chart) : [];

  const chartMarkers: ChartMarker[] = markers.map((m) => ({
    id: m.id,
    x: m.x,
    color: m.series >= 0 ? undefined : '#4b5563',
    label: `${m.market} version ${m.version} activated ${formatTime(new Date(m.x * 1000).toISOString())} by ${m.activatedBy}`,
    lines: [
      `${m.market} thresholds version ${m.version}${m.emergency ? ' (emergency rollback)' : ''}`,
      `activated ${formatTime(new Date(m.x * 1000).toISOString())}`,
      `by ${m.activatedBy}`,
      `written by ${m.author}, approved by ${m.approver}`,
    ],
  }));
  const chartRings: ChartRing[] = rings.map((r) => ({ x: r.x, y: r.y, series: r.series, label: r.anomaly.market }));

  // The ways down from the pictures into the decisions explorer.
  const reportRange: Range | null = report ? { from: seconds(report.from), to: seconds(report.to) } : null;
  const pick = (p: ChartPick) => {
    if (!report || !chart || !reportRange) return;
    const r = bucketRange(p.x, report.bucket, report.timeZone, reportRange);
    navigate(decisionsURL({ market: report.series[p.series]?.market ?? null, from: rfc3339(r.from), to: rfc3339(r.to), outcome: Outcome.Declined }));
  };
  const zoom = (lo: number, hi: number) => {
    const r = chart && report && reportRange ? zoomRange(lo, hi, chart.xs, report.bucket, report.timeZone, reportRange) : null;
    if (r) navigate(`/overview?${zoomSearch(query, r).toString()}`);
  };
  const zoomed = query.has('unzoom');

  return (
    <>
      <PageHeader title="Overview" />
      <form class="filters" onSubmit={apply} aria-label="Range and buckets">
        <TimeField label="From (UTC)" {...form.bind('from')} paramError={s.errors.from} />
        <TimeField label="To (UTC, exclusive)" {...form.bind('to')} paramError={s.errors.to} />
        <label>
          Bucket
          <select {...form.bind('bucket')}>
            {Object.values(AnalyticsBucket).map((b) => (
              <option key={b} value={b}>
                {humanize(b)}
              </option>
            ))}
          </select>
          <ParamError msg={s.errors.bucket} />
        </label>
        <label>
          Time zone of the buckets
          <input list="timezones" {...form.bind('tz')} />
          <datalist id="timezones">
            {timeZones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </label>
        <MarketSelect anyLabel="All markets" {...form.bind('market')} paramError={s.errors.market} />
        <label>
          Anomaly score at least (σ)
          <input type="number" min="0.5" step="0.5" {...form.bind('z')} />
          <ParamError msg={s.errors.z} />
        </label>
        <label>
          Anomaly minimum decisions
          <input type="number" min="1" step="1" {...form.bind('minVolume')} />
          <ParamError msg={s.errors.minVolume} />
        </label>
        <div class="actions">
          <button type="submit">Show</button>
          <button type="button" class="secondary" onClick={showDefault}>
            Last 90 days
          </button>
        </div>
      </form>

      <section class="panel" aria-labelledby="rates-h">
        <h2 id="rates-h" tabIndex={-1}>
          Decline rate by market
        </h2>
        {rates.error !== null && <ErrorBox error={rates.error} title="Could not load the decline rates" />}
        {rates.loading && <Progress label="Loading decline rates…" />}
        {report && chart && (
          <>
            <p class="muted">
              {formatTime(report.from)} to {formatTime(report.to)}, {humanize(report.bucket).toLowerCase()} buckets in {report.timeZone}.{' '}
              {markers.length} threshold {markers.length === 1 ? 'activation' : 'activations'} (● markers above the chart; hover or focus one, press it to open the version),{' '}
              {anomaliesPending
                ? 'anomalous buckets still being scored'
                : anomalies.data
                  ? `${rings.length} anomalous ${rings.length === 1 ? 'bucket' : 'buckets'} (red rings)`
                  : 'anomalous buckets not known (they could not be scored)'}
              .{report.omittedSeries > 0 && ` ${report.omittedSeries} series left out.`}
            </p>
            {chart.xs.length > 0 && (
              <p class="muted chart-help">
                Click a point to list its declined decisions; drag across the chart to zoom in.{' '}
                {zoomed && (
                  <button type="button" class="secondary" onClick={() => navigate(`/overview?${unzoomSearch(query).toString()}`)}>
                    Reset zoom
                  </button>
                )}
              </p>
            )}
            {chart.xs.length === 0 ? (
              <p>No decisions in this range.</p>
            ) : (
              <Chart
                label={`Decline rate in percent per ${humanize(report.bucket).toLowerCase()}, one line per market`}
                xs={chart.xs}
                ys={chart.ys}
                series={chart.labels.map((l) => ({ label: l, color: marketColor(l) }))}
                yLabel="decline rate %"
                timeZone={report.timeZone}
                xRange={[seconds(report.from), seconds(report.to)]}
                markers={chartMarkers}
                rings={chartRings}
                onMarker={(id) => {
                  const m = markers.find((x) => x.id === id);
                  if (m) navigate(`/thresholds/versions/${m.versionId}`);
                }}
                onPick={pick}
                onZoom={zoom}
              />
            )}
            <div class="table-wrap">
              <table aria-label="Decline rate per market over the range">
                <thead>
                  <tr>
                    <th>Market</th>
                    <th class="num">Assessed</th>
                    <th class="num">Declined</th>
                    <th class="num">Decline rate</th>
                  </tr>
                </thead>
                <tbody>
                  {report.series.map((x) => (
                    <tr key={x.market}>
                      <td>{x.market}</td>
                      <td class="num">{x.assessed.toLocaleString('en-US')}</td>
                      <td class="num">
                        <Link href={decisionsURL({ market: x.market ?? null, from: s.from, to: s.to, outcome: Outcome.Declined })}>{x.declined.toLocaleString('en-US')}</Link>
                      </td>
                      <td class="num">{formatRate(x.rate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <SourceNote source={report.source} freshAsOf={report.freshAsOf} />
            <h3>Threshold activations in the range</h3>
            {markers.length === 0 ? (
              <p>None.</p>
            ) : (
              <div class="table-wrap">
                <table aria-label="Threshold activations">
                  <thead>
                    <tr>
                      <th>Time (UTC)</th>
                      <th>Market</th>
                      <th>Version</th>
                      <th>Activated by</th>
                      <th>Author / approver</th>
                    </tr>
                  </thead>
                  <tbody>
                    {markers.map((m) => (
                      <tr key={m.id}>
                        <td>{formatTime(new Date(m.x * 1000).toISOString())}</td>
                        <td>{m.market}</td>
                        <td>
                          <Link href={`/thresholds/versions/${m.versionId}`}>version {m.version}</Link>
                          {m.emergency && <span class="badge declined"> emergency</span>}
                        </td>
                        <td>{m.activatedBy}</td>
                        <td>
                          {m.author} / {m.approver}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </section>

      {canSeeOutcomes(user.roles) && <VintageCurves market={s.market} key={s.market} wait={chartFirst} />}

      <div class="grid2">
        <div>
          <section class="panel" aria-labelledby="anomalies-h">
            <h2 id="anomalies-h">Anomalies</h2>
            <p class="muted">
              {humanize(anomalyBucket)} buckets (UTC) whose decline rate departs from the same {anomalyBucket === AnalyticsBucket.Hour ? 'hour' : 'day'} of the week
              over the 4 weeks before by at least {s.threshold} σ, with at least {s.minVolume} decisions.
            </p>
            {anomalies.error !== null && <ErrorBox error={anomalies.error} title="Could not load the anomalies" />}
            {anomaliesPending && <Progress label="Scoring anomalies…" />}
            {anomalies.data && (
              <>
                {anomalyList.length === 0 ? (
                  <p>No anomaly in this range.</p>
                ) : (
                  <div class="table-wrap">
                    <table aria-label="Anomalies">
                      <thead>
                        <tr>
                          <th>Bucket (UTC)</th>
                          <th>Market</th>
                          <th>What moved</th>
                          <th class="num">Rate</th>
                          <th class="num">Baseline</th>
                          <th class="num">Score</th>
                          <th>Main reason</th>
                        </tr>
                      </thead>
                      <tbody>
                        {anomalyList.map((a) => (
                          <RowLink key={`${a.bucketStart}-${a.market}-${a.reason ?? ''}`} href={anomalyURL(a, anomalyBucket)}>
                            <td>
                              <Link href={anomalyURL(a, anomalyBucket)}>{formatTime(a.bucketStart)}</Link>
                            </td>
                            <td>{a.market}</td>
                            <td>{a.reason ? humanize(a.reason) : 'decline rate'}</td>
                            <td class="num">
                              {formatRate(a.rate)} <span class="muted">({a.declined}/{a.assessed})</span>
                            </td>
                            <td class="num">{formatRate(a.baselineRate)}</td>
                            <td class={`num ${a.zScore > 0 ? 'up' : 'down'}`}>
                              {a.zScore > 0 ? '+' : ''}
                              {a.zScore.toFixed(1)} σ
                            </td>
                            <td>{a.mainReason ? humanize(a.mainReason) : '–'}</td>
                          </RowLink>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                {anomalies.data.anomalies.omitted > 0 && <p class="muted">{anomalies.data.anomalies.omitted} more left out.</p>}
                <SourceNote source={anomalies.data.anomalies.source} freshAsOf={anomalies.data.anomalies.freshAsOf} />
              </>
            )}
          </section>
          <OverturnRates state={overturns} />
        </div>

        <section class="panel" aria-labelledby="reasons-h">
          <h2 id="reasons-h">Why purchases were declined</h2>
          {breakdown.error !== null && <ErrorBox error={breakdown.error} title="Could not load the reason breakdown" />}
          {(breakdown.loading || chartFirst) && <Progress label="Loading the reason breakdown…" />}
          {breakdown.data && (
            <>
              <p>
                {breakdown.data.reasonBreakdown.declined.toLocaleString('en-US')} of {breakdown.data.reasonBreakdown.assessed.toLocaleString('en-US')} purchases
                declined, by principal reason:
              </p>
              <div class="table-wrap">
                <table aria-label="Declines by principal reason">
                  <thead>
                    <tr>
                      <th>Principal reason</th>
                      <th class="num">Declines</th>
                      <th>Share of declines</th>
                      <th class="num">Of all</th>
                    </tr>
                  </thead>
                  <tbody>
                    {breakdown.data.reasonBreakdown.reasons.map((r) => (
                      <RowLink key={r.reason} href={decisionsURL({ reason: r.reason, market, from: s.from, to: s.to })}>
                        <td>
                          <Link href={decisionsURL({ reason: r.reason, market, from: s.from, to: s.to })}>{humanize(r.reason)}</Link> <span class="muted">{humanize(r.factor)}</span>
                        </td>
                        <td class="num">{r.declined.toLocaleString('en-US')}</td>
                        <td>
                          <meter min={0} max={1} value={r.share} aria-label={`${humanize(r.reason)} share`} /> {formatRate(r.share)}
                        </td>
                        <td class="num">{formatRate(r.rate)}</td>
                      </RowLink>
                    ))}
                  </tbody>
                </table>
              </div>
              <SourceNote source={breakdown.data.reasonBreakdown.source} freshAsOf={breakdown.data.reasonBreakdown.freshAsOf} />
            </>
          )}
        </section>
      </div>
    </>
  );
}

/** decisionsURL is the decisions explorer listing the decisions behind a figure of the overview, newest first. */
function decisionsURL(filter: DecisionFilter): string {
  return explorerURL(Object.fromEntries(Object.entries(filter).filter(([, v]) => v != null)), DecisionOrder.NewestFirst);
}

/**
 * anomalyURL lists the declines of an anomaly's market in its bucket (an hour or a UTC day), of
 * its reason when the anomaly is a reason's rate.
 */
function anomalyURL(a: { bucketStart: string; market: string; reason?: string | null }, bucket: AnalyticsBucket): string {
  const r = bucketRange(seconds(a.bucketStart), bucket, 'UTC', { from: -Infinity, to: Infinity });
  return decisionsURL({ market: a.market, from: rfc3339(r.from), to: rfc3339(r.to), outcome: Outcome.Declined, reason: (a.reason as DecisionFilter['reason']) ?? null });
}

/**
 * RowLink is a table row that leads to href: its first cell holds the link (for the keyboard and
 * screen readers), and a click anywhere else on the row follows it too.
 */
function RowLink({ href, children }: { href: string; children: ComponentChildren }) {
  const click = (e: MouseEvent) => {
    if ((e.target as Element).closest('a, button, input, select') || window.getSelection()?.toString()) return;
    navigate(href);
  };
  return (
    <tr class="row-link" onClick={click}>
      {children}
    </tr>
  );
}

/**
 * OverturnRates shows the human reviews decided in the range by market and by the reviewed
 * decision's principal reason, with the share overturned: a reason that reviewers often overturn
 * points at a mis-set rule.
 */
function OverturnRates({ state }: { state: QueryState<OverviewOverturnRatesQuery> }) {
  const rows = state.data?.overturnRates ?? [];
  return (
    <section class="panel" aria-labelledby="overturns-h">
      <h2 id="overturns-h">Human reviews overturned</h2>
      {state.error !== null && <ErrorBox error={state.error} title="Could not load the overturn rates" />}
      {state.loading && <Progress label="Loading the overturn rates…" />}
      {state.data && rows.length === 0 && <p>No review was decided in this range.</p>}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table aria-label="Overturn rates by market and principal reason">
            <thead>
              <tr>
                <th>Market</th>
                <th>Principal reason</th>
                <th class="num">Decided</th>
                <th class="num">Overturned</th>
                <th class="num">Overturn rate</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.market} ${r.reason}`}>
                  <td>{r.market}</td>
                  <td>{humanize(r.reason)}</td>
                  <td class="num">{r.decided.toLocaleString('en-US')}</td>
                  <td class="num">{r.overturned.toLocaleString('en-US')}</td>
                  <td class="num">{formatRate(r.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="source">Cases count by when they were decided; the reason is the reviewed decision’s first-ranked one.</p>
    </section>
  );
}
