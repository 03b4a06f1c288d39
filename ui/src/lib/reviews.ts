// Review cases (graph/schema/reviews.graphqls): the queue's URL (filter and page cursor), how a
// case's due date is written, and which of the review steps the signed-in user may take on it.
// The server decides every step; these only choose what the page offers and explains.
import { ReviewStatus, type ReviewCaseFilter } from '../gql/graphql';
import { filterFromQuery, queryFromFilter, type FieldSpec, type FilterValues } from './query';
import type { SessionUser } from './session';
import { isSelf } from './subject';

export const reviewFilterSpec: readonly FieldSpec[] = [
  { name: 'status', kind: 'text', values: Object.values(ReviewStatus) },
  { name: 'market', kind: 'text' },
  { name: 'overdue', kind: 'text', values: ['true', 'false'] },
];

export interface QueueState {
  filter: ReviewCaseFilter;
  /** Parameters that could not be read, by name. */
  errors: Record<string, string>;
  after: string | null;
}

/** queueFromQuery reads the review queue's state from the URL's query string. */
export function queueFromQuery(q: URLSearchParams): QueueState {
  const { filter, errors } = filterFromQuery(reviewFilterSpec, q);
  const out: ReviewCaseFilter = {};
  if (filter.status) out.status = filter.status as ReviewStatus;
  if (filter.market) out.market = String(filter.market).toUpperCase();
  if (filter.overdue) out.overdue = filter.overdue === 'true';
  return { filter: out, errors, after: q.get('after') || null };
}

/** queueURL is the queue's path for a filter and page cursor. */
export function queueURL(filter: FilterValues | ReviewCaseFilter, after?: string | null): string {
  const values: FilterValues = {};
  for (const [k, v] of Object.entries(filter)) {
    if (v !== undefined && v !== null && v !== '') values[k] = typeof v === 'boolean' ? String(v) : (v as string | number);
  }
  const q = queryFromFilter(reviewFilterSpec, values);
  if (after) q.set('after', after);
  const s = q.toString();
  return s ? `/reviews?${s}` : '/reviews';
}

/** The statuses in which a case waits for a reviewer: its due date still counts. */
const undecided: readonly ReviewStatus[] = [ReviewStatus.Open, ReviewStatus.InReview, ReviewStatus.PendingSecondReview];

/** isUndecided reports whether a case in status still waits for its outcome. */
export function isUndecided(status: ReviewStatus): boolean {
  return undecided.includes(status);
}

const day = 24 * 60 * 60 * 1000;

/**
 * daysLeft is the number of whole days from now to dueAt, rounded down: 0 on the last day,
 * negative once the case is late (-1 within the first day past its due time).
 */
export function daysLeft(dueAt: string, now: number): number {
  return Math.floor((Date.parse(dueAt) - now) / day);
}

/**
 * dueLabel writes how much time an undecided case has left: "12 days left", "less than a day
 * left", "overdue by 3 days". A decided case has none: "decided".
 */
export function dueLabel(dueAt: string, status: ReviewStatus, now: number): string {
  if (!isUndecided(status)) return 'decided';
  const ms = Date.parse(dueAt) - now;
  if (Number.isNaN(ms)) return '';
  if (ms > 0) {
    const n = Math.floor(ms / day);
    return n === 0 ? 'less than a day left' : `${n} day${n === 1 ? '' : 's'} left`;
  }
  const late = Math.floor(-ms / day);
  return late === 0 ? 'overdue by less than a day' : `overdue by ${late} day${late === 1 ? '' : 's'}`;
}

/**
 * statusClass is the badge class of a status: red when the decline stands (UPHELD), green when a
 * new approval replaced it (OVERTURNED), amber while an overturn waits for a second reviewer.
 */
export function statusClass(status: ReviewStatus): string {
  switch (status) {
    case ReviewStatus.Upheld:
      return 'badge declined';
    case ReviewStatus.Overturned:
      return 'badge approved';
    case ReviewStatus.PendingSecondReview:
      return 'badge warn';
    case ReviewStatus.InReview:
      return 'badge info';
    default:
      return 'badge muted';
  }
}

/** What a case needs of the page to choose its controls. */
export interface CaseFacts {
  status: ReviewStatus;
  reviewer?: string | null;
}

/**
 * The step the signed-in user is offered on a case, or why not:
 * - claim: an OPEN case, to a reviewer;
 * - decide: an IN_REVIEW case, to the reviewer who claimed it;
 * - second: a PENDING_SECOND_REVIEW case, to a reviewer other than the one who overturned it;
 * - ownOverturn: the same case to the reviewer who overturned it, who may not second it;
 * - claimedByOther: an IN_REVIEW case claimed by another reviewer;
 * - none: a decided case, or a user who is no reviewer (they read only).
 */
export type CaseStep = 'claim' | 'decide' | 'second' | 'ownOverturn' | 'claimedByOther' | 'none';

/** caseStep chooses the step offered to user on case c. */
export function caseStep(c: CaseFacts, user: SessionUser): CaseStep {
  if (!user.roles.includes('REVIEWER')) return 'none';
  switch (c.status) {
    case ReviewStatus.Open:
      return 'claim';
    case ReviewStatus.InReview:
      return isSelf(c.reviewer, user) ? 'decide' : 'claimedByOther';
    case ReviewStatus.PendingSecondReview:
      return isSelf(c.reviewer, user) ? 'ownOverturn' : 'second';
    default:
      return 'none';
  }
}
