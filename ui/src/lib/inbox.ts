// What waits for the signed-in person (the "Waiting for you" page and the navigation's count):
// an approver's submissions by others, a reviewer's cases. The server decides every step; this
// only sorts what the inbox queries answered.
import { ReviewStatus } from '../gql/graphql';
import type { SessionUser } from './session';
import { isSelf } from './subject';

/** A submission awaiting approval: a threshold draft, a catalog draft, a challenger split request or a retention policy request. */
export interface Submission {
  kind: 'thresholds' | 'catalog' | 'split' | 'retention';
  id: string;
  /** The market of a threshold draft, split or retention request; the catalog serves every market. */
  market: string | null;
  author: string;
  submittedAt: string;
  href: string;
}

/**
 * submissionsFor splits submissions into those user may approve (by someone else), oldest
 * first, and the user's own, which wait for another approver.
 */
export function submissionsFor(all: readonly Submission[], user: SessionUser): { theirs: Submission[]; own: Submission[] } {
  const sorted = [...all].sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
  return { theirs: sorted.filter((s) => !isSelf(s.author, user)), own: sorted.filter((s) => isSelf(s.author, user)) };
}

/** pendingByMarket counts submissions per market, for the market tabs. */
export function pendingByMarket(all: readonly { market: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of all) out[s.market] = (out[s.market] ?? 0) + 1;
  return out;
}

/** What the inbox needs of a review case. */
export interface InboxCase {
  id: string;
  status: ReviewStatus;
  market: string;
  dueAt: string;
  overdue: boolean;
  reviewer?: string | null;
}

/** A case is near its deadline within this many days. */
export const nearDays = 3;

/** isNear reports whether an undecided case is due within nearDays (or already late). */
export function isNear(c: { dueAt: string }, now: number): boolean {
  return Date.parse(c.dueAt) - now <= nearDays * 24 * 3600_000;
}

export interface ReviewerWork {
  /** Overturns by another reviewer that wait for this one's second approval. */
  second: InboxCase[];
  /** Cases this reviewer claimed and has not decided. */
  claimed: InboxCase[];
  /** Cases nobody has claimed, the soonest due first. */
  open: InboxCase[];
}

/** reviewerWork picks from the undecided cases those that wait for user, each list soonest due first. */
export function reviewerWork(cases: readonly InboxCase[], user: SessionUser): ReviewerWork {
  const sorted = [...cases].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return {
    second: sorted.filter((c) => c.status === ReviewStatus.PendingSecondReview && !isSelf(c.reviewer, user)),
    claimed: sorted.filter((c) => c.status === ReviewStatus.InReview && isSelf(c.reviewer, user)),
    open: sorted.filter((c) => c.status === ReviewStatus.Open),
  };
}

/** waitingCount is the number the navigation shows: everything user could act on now. */
export function waitingCount(theirs: readonly Submission[], work: ReviewerWork | null): number {
  return theirs.length + (work ? work.second.length + work.claimed.length + work.open.length : 0);
}
