// The inbox's queries, shared by the "Waiting for you" page, the navigation's count and the
// threshold market tabs. A page that changes what waits (an approval) calls inboxChanged() so
// that the count follows at once.
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../gql';
import { reviewerWork, submissionsFor, waitingCount, type ReviewerWork, type Submission } from '../lib/inbox';
import type { SessionUser } from '../lib/session';
import { useQuery } from './common';

// Within the complexity limit (300): 101 + 101 + 91 (a split request costs 3 with its version).
const SubmissionsQuery = graphql(`
  query PendingSubmissions {
    thresholdDrafts(status: SUBMITTED, first: 100) {
      nodes {
        id
        market
        author
        submittedAt
      }
      pageInfo {
        hasNextPage
      }
    }
    catalogDrafts(status: SUBMITTED, first: 100) {
      nodes {
        id
        author
        updatedAt
      }
      pageInfo {
        hasNextPage
      }
    }
    thresholdSplitRequests(status: SUBMITTED, first: 30) {
      nodes {
        id
        market
        author
        createdAt
        version {
          version {
            id
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

// A query of its own: the submissions' query is at the complexity limit. Approvers and auditors
// decide retention requests (never their own).
const RetentionSubmissionsQuery = graphql(`
  query PendingRetentionRequests {
    retentionPolicyRequests(status: SUBMITTED, first: 30) {
      nodes {
        id
        market
        author
        createdAt
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

graphql(`
  fragment InboxCaseFields on ReviewCase {
    id
    status
    market
    dueAt
    overdue
    reviewer
  }
`);

// Within the complexity limit (300): 51 + 101 + 101. Past the first 50 open cases the page links
// to the queue.
const ReviewerInboxQuery = graphql(`
  query ReviewerInbox {
    open: reviewCases(filter: { status: OPEN }, first: 50) {
      nodes {
        ...InboxCaseFields
      }
      pageInfo {
        hasNextPage
      }
    }
    claimed: reviewCases(filter: { status: IN_REVIEW }, first: 100) {
      nodes {
        ...InboxCaseFields
      }
    }
    second: reviewCases(filter: { status: PENDING_SECOND_REVIEW }, first: 100) {
      nodes {
        ...InboxCaseFields
      }
    }
  }
`);

const changedEvent = 'riskconsole:inbox';

/** inboxChanged tells every inbox on the page to ask again (after an approval or a claim). */
export function inboxChanged(): void {
  window.dispatchEvent(new Event(changedEvent));
}

/** useChanged counts the inboxChanged() calls since the component mounted. */
function useChanged(): number {
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    const again = () => setNonce((n) => n + 1);
    window.addEventListener(changedEvent, again);
    return () => window.removeEventListener(changedEvent, again);
  }, []);
  return nonce;
}

/** isApprover and isReviewer: the roles that have an inbox. */
export const isApprover = (u: SessionUser) => u.roles.includes('APPROVER');
export const isReviewer = (u: SessionUser) => u.roles.includes('REVIEWER');

/** usePendingSubmissions lists every submission awaiting approval (skip: not asked). */
export function usePendingSubmissions(key: string, skip = false) {
  const nonce = useChanged();
  const res = useQuery(SubmissionsQuery, {}, `${key}|${nonce}`, skip);
  const d = res.data;
  const all: Submission[] = d
    ? [
        ...d.thresholdDrafts.nodes.map((t) => ({
          kind: 'thresholds' as const,
          id: t.id,
          market: t.market,
          author: t.author,
          submittedAt: t.submittedAt ?? '',
          href: `/thresholds/drafts/${t.id}`,
        })),
        ...d.catalogDrafts.nodes.map((c) => ({ kind: 'catalog' as const, id: c.id, market: null, author: c.author, submittedAt: c.updatedAt, href: `/catalog?draft=${c.id}` })),
        // A split request is decided on its version's page, beside the market's running split.
        ...d.thresholdSplitRequests.nodes.map((r) => ({
          kind: 'split' as const,
          id: r.id,
          market: r.market,
          author: r.author,
          submittedAt: r.createdAt,
          href: `/thresholds/versions/${r.version.version.id}`,
        })),
      ]
    : [];
  const more = !!d && (d.thresholdDrafts.pageInfo.hasNextPage || d.catalogDrafts.pageInfo.hasNextPage || d.thresholdSplitRequests.pageInfo.hasNextPage);
  return { all, more, loaded: !!d, error: res.error, loading: res.loading };
}

/** useRetentionSubmissions lists the retention policy requests awaiting approval (skip: not asked). */
export function useRetentionSubmissions(key: string, skip = false) {
  const nonce = useChanged();
  const res = useQuery(RetentionSubmissionsQuery, {}, `${key}|${nonce}`, skip);
  const d = res.data;
  const all: Submission[] = d
    ? d.retentionPolicyRequests.nodes.map((r) => ({
        kind: 'retention' as const,
        id: r.id,
        market: r.market,
        author: r.author,
        submittedAt: r.createdAt,
        href: `/retention?market=${r.market}`,
      }))
    : [];
  return { all, more: !!d?.retentionPolicyRequests.pageInfo.hasNextPage, loaded: !!d, error: res.error };
}

/** useInbox is what waits for user: submissions by others (approvers) and review cases (reviewers). key: ask again when it changes. */
export function useInbox(user: SessionUser, key: string) {
  const subs = usePendingSubmissions(key, !isApprover(user));
  const retention = useRetentionSubmissions(key, !isApprover(user));
  const nonce = useChanged();
  const cases = useQuery(ReviewerInboxQuery, {}, `${key}|${nonce}`, !isReviewer(user));
  const { theirs, own } = submissionsFor([...subs.all, ...retention.all], user);
  const c = cases.data;
  const work: ReviewerWork | null = c ? reviewerWork([...c.second.nodes, ...c.claimed.nodes, ...c.open.nodes], user) : null;
  return {
    theirs,
    own,
    moreSubmissions: subs.more || retention.more,
    work,
    moreOpen: !!c?.open.pageInfo.hasNextPage,
    count: waitingCount(theirs, work),
    loaded: ((subs.loaded && retention.loaded) || !isApprover(user)) && (!!c || !isReviewer(user)),
    error: subs.error ?? retention.error ?? cases.error,
  };
}

/** InboxCount is the navigation's count of what waits for user, asked again when refresh changes. */
export function InboxCount({ user, refresh }: { user: SessionUser; refresh: string }) {
  const inbox = useInbox(user, refresh);
  if (!inbox.loaded || inbox.count === 0) return null;
  return (
    <>
      {' '}
      <span class="nav-count">{inbox.count}</span>
    </>
  );
}
