// Vintage curves on the overview: for one market, each month of decisions as a line of its bad
// rate (or loss rate) by months since the decision, with the threshold activations marked. Two
// layouts: by months since the decision (the usual vintage chart, activations named on the first
// vintage decided under them), or on calendar time (activations as markers on the axis).
import { useState } from 'preact/hooks';
import { graphql } from '../gql';
import { formatTime } from '../lib/format';
import { markets } from '../lib/markets';
import { alignVintages, alignVintagesByCalendar, firstVintagesAfter, formatMoney, currencyOf, vintageLabel, type VintageMeasure } from '../lib/outcomes';
import { Chart, type ChartMarker } from './Chart';
import { ErrorBox, Link, Progress, useQuery } from './common';

const VintagesQuery = graphql(`
  query Vintages($market: String!) {
    vintages(market: $market) {
      market
      from
      to
      badDefinition {
        version
        description
      }
      activations {
        id
        versionId
        activatedAt
        activatedBy
        emergency
      }
      series {
        vintage
        group
        approved
        volume
        points {
          monthsSinceDecision
          bad
          badRate
          loss
          lossRate
        }
      }
    }
  }
`);

/** A blue ramp from old (light) to new (dark) vintages, so the newest curve stands out. */
function ramp(i: number, n: number): string {
  const t = n <= 1 ? 1 : i / (n - 1);
  const l = Math.round(78 - t * 50);
  return `hsl(212, 70%, ${l}%)`;
}

/**
 * VintageCurves is the overview's vintage section for a market chosen in it (initially market).
 * While wait is set (the overview's own chart is still on the way) it asks nothing: its query and
 * its chart would compete with the first chart for the two cores.
 */
export function VintageCurves({ market: initial, wait = false }: { market: string; wait?: boolean }) {
  const [market, setMarket] = useState(initial || markets[0]);
  const [measure, setMeasure] = useState<VintageMeasure>('badRate');
  const [calendar, setCalendar] = useState(false);
  const res = useQuery(VintagesQuery, { market }, market, wait);
  const r = res.data?.vintages;
  const chart = r ? (calendar ? alignVintagesByCalendar(r.series, measure) : alignVintages(r.series, measure)) : null;
  const firsts = r ? firstVintagesAfter(r.series, r.activations) : new Map<string, string | null>();
  const markers: ChartMarker[] =
    r && calendar
      ? r.activations.map((a) => ({
          id: a.id,
          x: Math.floor(Date.parse(a.activatedAt) / 1000),
          label: `${r.market} activation ${formatTime(a.activatedAt)}`,
          lines: [`${r.market} thresholds activated${a.emergency ? ' (emergency rollback)' : ''}`, formatTime(a.activatedAt), `by ${a.activatedBy}`],
        }))
      : [];
  const what = measure === 'badRate' ? 'bad rate' : 'loss rate';
  // Months-since layout: the first vintage under each activation is named in its series label.
  const marked = new Map<string, string>();
  for (const [, v] of firsts) if (v) marked.set(v, `${v} ▲`);
  const labels = chart ? chart.labels.map((l) => marked.get(l) ?? l) : [];
  return (
    <section class="panel" aria-labelledby="vintages-h">
      <h2 id="vintages-h">Vintage curves</h2>
      <div class="filters compact" role="group" aria-label="Vintage curve settings">
        <label>
          Vintages of market
          <select name="vintage-market" value={market} onChange={(e) => setMarket(e.currentTarget.value)}>
            {markets.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label>
          Measure
          <select name="vintage-measure" value={measure} onChange={(e) => setMeasure(e.currentTarget.value as VintageMeasure)}>
            <option value="badRate">Bad rate</option>
            <option value="lossRate">Loss (share of volume)</option>
          </select>
        </label>
        <label>
          Horizontal axis
          <select name="vintage-axis" value={calendar ? 'calendar' : 'age'} onChange={(e) => setCalendar(e.currentTarget.value === 'calendar')}>
            <option value="age">Months since decision</option>
            <option value="calendar">Calendar month (activations marked)</option>
          </select>
        </label>
      </div>
      {res.error !== null && <ErrorBox error={res.error} title="Could not load the vintage curves" />}
      {(res.loading || wait) && <Progress label="Loading vintage curves…" />}
      {r && chart && (
        <>
          <p class="muted">
            {r.market}, vintages from {formatTime(r.from)} to {formatTime(r.to)}: the {what} of each month's approvals by the end of each month since the decision. Bad:{' '}
            {r.badDefinition.description} (version {r.badDefinition.version}). {r.activations.length} threshold {r.activations.length === 1 ? 'activation' : 'activations'}
            {calendar ? ' (● markers above the chart).' : ' (▲ marks the first vintage decided under each; switch to calendar months to see them on the axis).'}
          </p>
          {chart.xs.length === 0 ? (
            <p>No approved vintages in this range.</p>
          ) : (
            <Chart
              label={`Vintage curves of ${r.market}: ${what} in percent by ${calendar ? 'calendar month' : 'months since the decision'}, one line per vintage`}
              xs={chart.xs}
              ys={chart.ys}
              series={labels.map((l, i) => ({ label: l, color: ramp(i, labels.length) }))}
              time={calendar}
              xLabel={calendar ? undefined : 'months since decision'}
              xFormat={calendar ? undefined : (v) => String(v)}
              yLabel={`${what} %`}
              yFormat={(v) => v.toFixed(1)}
              markers={markers}
              height={280}
            />
          )}
          <details>
            <summary>Vintages and activations</summary>
            <div class="table-wrap">
              <table aria-label="Vintages">
                <thead>
                  <tr>
                    <th>Vintage</th>
                    <th class="num">Approved</th>
                    <th class="num">Volume</th>
                    <th class="num">Months lived</th>
                    <th class="num">Bad rate so far</th>
                    <th class="num">Loss so far</th>
                  </tr>
                </thead>
                <tbody>
                  {r.series.map((v) => {
                    const last = v.points.at(-1);
                    return (
                      <tr key={`${v.vintage}-${v.group ?? ''}`}>
                        <td>{vintageLabel(v)}</td>
                        <td class="num">{v.approved.toLocaleString('en-US')}</td>
                        <td class="num">{formatMoney(v.volume, currencyOf(r.market))}</td>
                        <td class="num">{v.points.length}</td>
                        <td class="num">{last ? `${(last.badRate * 100).toFixed(2)} %` : '–'}</td>
                        <td class="num">{last ? formatMoney(last.loss, currencyOf(r.market)) : '–'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <table aria-label="Activations against vintages">
              <thead>
                <tr>
                  <th>Activated (UTC)</th>
                  <th>First vintage under it</th>
                  <th>Version</th>
                </tr>
              </thead>
              <tbody>
                {r.activations.map((a) => (
                  <tr key={a.id}>
                    <td>{formatTime(a.activatedAt)}</td>
                    <td>{firsts.get(a.id) ?? 'none yet'}</td>
                    <td>
                      <Link href={`/thresholds/versions/${a.versionId}`}>open</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
