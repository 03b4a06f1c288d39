// The decision explorer's URL: the filter of Query.decisions (graph/schema/decisions.graphqls),
// the order and the page cursor. The filter's parameter names are also those of
// GET /export/decisions.csv, which takes the filter only.
import { Arm, DecisionOrder, Outcome, ReasonCode, type DecisionFilter } from '../gql/graphql';
import { filterFromQuery, queryFromFilter, type FieldSpec, type FilterValues } from './query';

export const decisionFilterSpec: readonly FieldSpec[] = [
  { name: 'from', kind: 'time' },
  { name: 'to', kind: 'time' },
  { name: 'market', kind: 'text' },
  { name: 'outcome', kind: 'text', values: Object.values(Outcome) },
  { name: 'reason', kind: 'text', values: Object.values(ReasonCode) },
  { name: 'merchantId', kind: 'text' },
  { name: 'merchantCategory', kind: 'text' },
  { name: 'minAmount', kind: 'number' },
  { name: 'maxAmount', kind: 'number' },
  { name: 'thresholdVersionId', kind: 'id' },
  { name: 'arm', kind: 'text', values: Object.values(Arm) },
];

export interface ExplorerState {
  filter: DecisionFilter;
  /** Parameters that could not be read, by name. */
  errors: Record<string, string>;
  order: DecisionOrder;
  after: string | null;
}

/** explorerFromQuery reads the explorer's state from the URL's query string. */
export function explorerFromQuery(q: URLSearchParams): ExplorerState {
  const { filter, errors } = filterFromQuery(decisionFilterSpec, q);
  const order = q.get('order') === DecisionOrder.OldestFirst ? DecisionOrder.OldestFirst : DecisionOrder.NewestFirst;
  return { filter: filter as DecisionFilter, errors, order, after: q.get('after') || null };
}

/** explorerURL is the explorer's path for a filter, order and page cursor. */
export function explorerURL(filter: FilterValues | DecisionFilter, order: DecisionOrder, after?: string | null): string {
  const q = queryFromFilter(decisionFilterSpec, filter as FilterValues);
  if (order !== DecisionOrder.NewestFirst) q.set('order', order);
  if (after) q.set('after', after);
  const s = q.toString();
  return s ? `/decisions?${s}` : '/decisions';
}

/** exportURL is the CSV export of the decisions matching filter (all of them, oldest first). */
export function exportURL(filter: DecisionFilter): string {
  const s = queryFromFilter(decisionFilterSpec, filter as FilterValues).toString();
  return s ? `/export/decisions.csv?${s}` : '/export/decisions.csv';
}
