import { useRef, useState } from 'preact/hooks';
import { ErrorBox, Link, PageHeader, ParamError, Progress, useQuery } from '../components/common';
import { MarketSelect, TimeField, useFilterForm, useResultsHeading } from '../components/filters';
import { graphql } from '../gql';
import { Arm, DecisionKind, DecisionOrder, Outcome, ReasonCode } from '../gql/graphql';
import { decisionFilterSpec, explorerFromQuery, explorerURL, exportURL } from '../lib/decisionFilter';
import { downloadCsv, saveBlob, type DownloadProgress } from '../lib/download';
import { armLabel } from '../lib/experiments';
import { count, formatAmount, formatBytes, formatTime, humanize } from '../lib/format';
import { filterFromValues, valuesFromQuery } from '../lib/query';
import { navigate } from '../lib/router';
import type { PageProps } from '../lib/pages';

const DecisionsQuery = graphql(`
  query Decisions($filter: DecisionFilter, $first: Int!, $after: String, $orderBy: DecisionOrder!) {
    decisions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      nodes {
        id
        reference
        createdAt
        market
        currency
        amount
        outcome
        kind
        merchant {
          name
          category
        }
        reasons {
          rank
          code
        }
        thresholdVersion {
          id
          version
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The page size of the explorer. */
const pageSize = 50;


/** DecisionsPage is the decision explorer: the API's filters, cursor paging, time order, CSV export. */
export function DecisionsPage({ query }: PageProps) {
  const state = explorerFromQuery(query);
  const search = query.toString();
  const res = useQuery(DecisionsQuery, { filter: state.filter, first: pageSize, after: state.after, orderBy: state.order }, search);
  // The cursors of the pages before this one, so that "Previous page" can go back.
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const form = useFilterForm({ ...valuesFromQuery(decisionFilterSpec, query), order: state.order });
  const results = useResultsHeading(res.data, res.loading);

  const apply = (e: Event) => {
    e.preventDefault();
    setPrevious([]);
    const url = explorerURL(filterFromValues(decisionFilterSpec, form.values), form.values.order === DecisionOrder.OldestFirst ? DecisionOrder.OldestFirst : DecisionOrder.NewestFirst);
    form.reset();
    results.applied(url !== window.location.pathname + window.location.search);
    navigate(url);
  };
  const clear = () => {
    setPrevious([]);
    form.reset();
    navigate('/decisions');
  };
  const next = (cursor: string) => {
    setPrevious([...previous, state.after]);
    navigate(explorerURL(state.filter, state.order, cursor));
  };
  const back = () => {
    const rest = previous.slice(0, -1);
    setPrevious(rest);
    navigate(explorerURL(state.filter, state.order, previous[previous.length - 1] ?? null));
  };

  const page = res.data?.decisions;
  const newest = state.order === DecisionOrder.NewestFirst;
  return (
    <>
      <PageHeader title="Decisions">
        <CsvExport url={exportURL(state.filter)} />
      </PageHeader>
      <form class="filters" onSubmit={apply} aria-label="Filter decisions">
        <TimeField label="From (UTC)" {...form.bind('from')} paramError={state.errors.from} />
        <TimeField label="To (UTC, exclusive)" {...form.bind('to')} paramError={state.errors.to} />
        <MarketSelect anyLabel="Any" {...form.bind('market')} />
        <label>
          Outcome
          <select {...form.bind('outcome')}>
            <option value="">Any</option>
            {Object.values(Outcome).map((o) => (
              <option key={o} value={o}>
                {humanize(o)}
              </option>
            ))}
          </select>
          <ParamError msg={state.errors.outcome} />
        </label>
        <label>
          Reason
          <select {...form.bind('reason')}>
            <option value="">Any</option>
            {Object.values(ReasonCode).map((r) => (
              <option key={r} value={r}>
                {humanize(r)}
              </option>
            ))}
          </select>
          <ParamError msg={state.errors.reason} />
        </label>
        <label>
          Merchant id
          <input {...form.bind('merchantId')} />
        </label>
        <label>
          Merchant category
          <input {...form.bind('merchantCategory')} />
        </label>
        <label>
          Min amount
          <input type="number" min="0" step="0.01" {...form.bind('minAmount')} />
          <ParamError msg={state.errors.minAmount} />
        </label>
        <label>
          Max amount
          <input type="number" min="0" step="0.01" {...form.bind('maxAmount')} />
          <ParamError msg={state.errors.maxAmount} />
        </label>
        <label>
          Threshold version id
          <input inputMode="numeric" {...form.bind('thresholdVersionId')} />
          <ParamError msg={state.errors.thresholdVersionId} />
        </label>
        <label>
          Split arm
          <select {...form.bind('arm')}>
            <option value="">Any</option>
            {Object.values(Arm).map((a) => (
              <option key={a} value={a}>
                {armLabel(a)}
              </option>
            ))}
          </select>
          <ParamError msg={state.errors.arm} />
        </label>
        <label>
          Order
          <select {...form.bind('order')}>
            <option value={DecisionOrder.NewestFirst}>Newest first</option>
            <option value={DecisionOrder.OldestFirst}>Oldest first</option>
          </select>
        </label>
        <div class="actions">
          <button type="submit">Apply filters</button>
          <button type="button" class="secondary" onClick={clear}>
            Clear
          </button>
        </div>
      </form>

      <h2 class="results-heading" tabIndex={-1} ref={results.heading}>
        {res.loading
          ? 'Loading decisions…'
          : page
            ? `${count(page.nodes.length, 'decision')} ${state.after || page.pageInfo.hasNextPage ? 'on this page' : 'found'}, ${newest ? 'newest' : 'oldest'} first`
            : 'No decisions shown'}
      </h2>
      {res.error !== null && <ErrorBox error={res.error} title="Could not load decisions" />}
      {res.loading && <Progress label="Loading decisions…" />}
      {page && (
        <>
          <div class="table-wrap">
            <table aria-label="Decisions" aria-busy={res.loading}>
              <thead>
                <tr>
                  <th aria-sort={newest ? 'descending' : 'ascending'}>Time (UTC) {newest ? '▼' : '▲'}</th>
                  <th>Reference</th>
                  <th>Market</th>
                  <th>Merchant</th>
                  <th class="num">Amount</th>
                  <th>Outcome</th>
                  <th>Reasons</th>
                  <th>Thresholds</th>
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((d) => (
                  <tr key={d.id}>
                    <td>{formatTime(d.createdAt)}</td>
                    <td>
                      <Link href={`/decisions/${d.id}`}>{d.reference}</Link>
                    </td>
                    <td>{d.market}</td>
                    <td>
                      {d.merchant.name} <span class="muted">{d.merchant.category}</span>
                    </td>
                    <td class="num">{formatAmount(d.amount, d.currency)}</td>
                    <td>
                      <span class={`badge ${d.outcome === Outcome.Approved ? 'approved' : 'declined'}`}>{humanize(d.outcome)}</span>
                      {d.kind === DecisionKind.ManualReview && (
                        <>
                          {' '}
                          <span class="badge info">manual review</span>
                        </>
                      )}
                    </td>
                    <td>{d.reasons.map((r) => humanize(r.code)).join('; ')}</td>
                    <td>
                      {d.market} v{d.thresholdVersion.version}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page.nodes.length === 0 && <p>No decision matches these filters.</p>}
          <nav class="toolbar" aria-label="Pages">
            <button type="button" class="secondary" onClick={back} disabled={!state.after}>
              {previous.length > 0 ? 'Previous page' : 'First page'}
            </button>
            <button type="button" class="secondary" onClick={() => page.pageInfo.endCursor && next(page.pageInfo.endCursor)} disabled={!page.pageInfo.hasNextPage}>
              Next page
            </button>
            <span class="muted">
              {count(page.nodes.length, 'decision')} on this page, {newest ? 'newest' : 'oldest'} first
            </span>
          </nav>
        </>
      )}
    </>
  );
}

/** CsvExport downloads the filtered decisions as CSV, showing bytes and rows as they stream in. */
function CsvExport({ url }: { url: string }) {
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);

  const start = async () => {
    const ctl = new AbortController();
    abort.current = ctl;
    setError(null);
    setDone(null);
    setProgress({ bytes: 0, rows: 0 });
    try {
      const file = await downloadCsv(url, setProgress, ctl.signal);
      saveBlob(file.blob, file.filename);
      setDone(`Saved ${file.filename}: ${count(file.rows, 'row')}, ${formatBytes(file.bytes)}.`);
    } catch (e) {
      if (!ctl.signal.aborted) setError(e);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  return (
    <div class="export">
      {progress ? (
        <div class="toolbar">
          <Progress label={`Exporting… ${formatBytes(progress.bytes)}, ${count(progress.rows, 'row')} received`} />
          <button type="button" class="secondary" onClick={() => abort.current?.abort()}>
            Cancel export
          </button>
        </div>
      ) : (
        <button type="button" onClick={start}>
          Export CSV
        </button>
      )}
      {done && (
        <p class="muted" role="status">
          {done}
        </p>
      )}
      {error !== null && <ErrorBox error={error} title="Export failed" />}
    </div>
  );
}
