import { useState } from 'preact/hooks';
import { ErrorBox, Link, PageHeader, ParamError, Progress, useQuery } from '../components/common';
import { MarketSelect, useFilterForm } from '../components/filters';
import { graphql } from '../gql';
import { ReviewStatus } from '../gql/graphql';
import { count, formatAmount, formatTime, humanize } from '../lib/format';
import { readsDecisions, type PageProps } from '../lib/pages';
import { filterFromValues, valuesFromQuery } from '../lib/query';
import { dueLabel, queueFromQuery, queueURL, reviewFilterSpec, statusClass } from '../lib/reviews';
import { navigate } from '../lib/router';
import { subjectName } from '../lib/subject';

const ReviewQueueQuery = graphql(`
  query ReviewQueue($filter: ReviewCaseFilter, $first: Int!, $after: String) {
    reviewCases(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        status
        market
        requestedAt
        dueAt
        overdue
        reviewer
        decision {
          id
          reference
          amount
          currency
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The page size of the queue. */
const pageSize = 50;

/**
 * ReviewsPage is the review queue: shoppers' requests for a person to review an automated
 * decision, the soonest due first, with the time each has left. Filters and the page cursor are
 * kept in the URL, as in the decision explorer.
 */
export function ReviewsPage({ query, user }: PageProps) {
  const state = queueFromQuery(query);
  const search = query.toString();
  const res = useQuery(ReviewQueueQuery, { filter: state.filter, first: pageSize, after: state.after }, search);
  // The cursors of the pages before this one, so that "Previous page" can go back.
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const now = Date.now();

  const form = useFilterForm(valuesFromQuery(reviewFilterSpec, query));
  const apply = (e: Event) => {
    e.preventDefault();
    setPrevious([]);
    const url = queueURL(filterFromValues(reviewFilterSpec, form.values));
    form.reset();
    navigate(url);
  };
  const clear = () => {
    setPrevious([]);
    form.reset();
    navigate('/reviews');
  };
  const next = (cursor: string) => {
    setPrevious([...previous, state.after]);
    navigate(queueURL(state.filter, cursor));
  };
  const back = () => {
    const rest = previous.slice(0, -1);
    setPrevious(rest);
    navigate(queueURL(state.filter, previous[previous.length - 1] ?? null));
  };

  const page = res.data?.reviewCases;
  const reviewer = user.roles.includes('REVIEWER');
  return (
    <>
      <PageHeader title="Reviews">{!reviewer && <span class="readonly-banner">Read-only: only reviewers work cases</span>}</PageHeader>
      <form class="filters" onSubmit={apply} aria-label="Filter review cases">
        <label>
          Status
          <select {...form.bind('status')}>
            <option value="">Any</option>
            {Object.values(ReviewStatus).map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </select>
          <ParamError msg={state.errors.status} />
        </label>
        <MarketSelect anyLabel="Any" {...form.bind('market')} />
        <label>
          Due date
          <select {...form.bind('overdue')}>
            <option value="">Any</option>
            <option value="true">Overdue only</option>
            <option value="false">Not overdue</option>
          </select>
          <ParamError msg={state.errors.overdue} />
        </label>
        <div class="actions">
          <button type="submit">Apply filters</button>
          <button type="button" class="secondary" onClick={clear}>
            Clear
          </button>
        </div>
      </form>

      {res.error !== null && <ErrorBox error={res.error} title="Could not load the review cases" />}
      {res.loading && <Progress label="Loading review cases…" />}
      {page && (
        <>
          <div class="table-wrap">
            <table aria-label="Review cases" aria-busy={res.loading}>
              <thead>
                <tr>
                  <th aria-sort="ascending">Due (UTC) ▲</th>
                  <th>Time left</th>
                  <th>Case</th>
                  <th>Status</th>
                  <th>Market</th>
                  <th class="num">Amount</th>
                  <th>Decision</th>
                  <th>Requested (UTC)</th>
                  <th>Reviewer</th>
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((c) => (
                  <tr key={c.id} data-case={c.id}>
                    <td>{formatTime(c.dueAt)}</td>
                    <td>
                      {c.overdue ? <span class="badge overdue">Overdue</span> : null} <span data-cell="due">{dueLabel(c.dueAt, c.status, now)}</span>
                    </td>
                    <td>
                      <Link href={`/reviews/${c.id}`}>Case {c.id}</Link>
                    </td>
                    <td>
                      <span class={statusClass(c.status)}>{humanize(c.status)}</span>
                    </td>
                    <td>{c.market}</td>
                    <td class="num">{formatAmount(c.decision.amount, c.decision.currency)}</td>
                    <td>{readsDecisions(user) ? <Link href={`/decisions/${c.decision.id}`}>{c.decision.reference}</Link> : <code>{c.decision.reference}</code>}</td>
                    <td>{formatTime(c.requestedAt)}</td>
                    <td>{c.reviewer ? subjectName(c.reviewer) : <span class="muted">none yet</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page.nodes.length === 0 && <p>No review case matches these filters.</p>}
          <nav class="toolbar" aria-label="Pages">
            <button type="button" class="secondary" onClick={back} disabled={!state.after}>
              {previous.length > 0 ? 'Previous page' : 'First page'}
            </button>
            <button type="button" class="secondary" onClick={() => page.pageInfo.endCursor && next(page.pageInfo.endCursor)} disabled={!page.pageInfo.hasNextPage}>
              Next page
            </button>
            <span class="muted">{count(page.nodes.length, 'case')} on this page, the soonest due first</span>
          </nav>
        </>
      )}
    </>
  );
}
