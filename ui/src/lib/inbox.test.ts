import { describe, expect, it } from 'vitest';
import { ReviewStatus } from '../gql/graphql';
import { formatAge } from './format';
import { isNear, pendingByMarket, reviewerWork, submissionsFor, waitingCount, type InboxCase, type Submission } from './inbox';

const ali = { username: 'approver.ali', displayName: 'Ali', roles: ['APPROVER' as const] };
const rita = { username: 'reviewer.rita', displayName: 'Rita', roles: ['REVIEWER' as const] };

describe('an approver inbox', () => {
  const sub = (id: string, author: string, submittedAt: string, market: string | null = 'DE'): Submission => ({
    kind: market ? 'thresholds' : 'catalog',
    id,
    market,
    author,
    submittedAt,
    href: `/x/${id}`,
  });
  it('lists the submissions of others, oldest first, and keeps one’s own apart', () => {
    const { theirs, own } = submissionsFor(
      [
        sub('2', 'user:3:analyst.anna', '2026-11-20T12:00:00Z'),
        sub('3', 'user:5:approver.ali', '2026-11-19T12:00:00Z'),
        sub('1', 'user:4:approver.bea', '2026-11-18T12:00:00Z', null),
      ],
      ali,
    );
    expect(theirs.map((s) => s.id)).toEqual(['1', '2']);
    expect(own.map((s) => s.id)).toEqual(['3']);
    expect(waitingCount(theirs, null)).toBe(2);
  });
  it('counts submissions per market for the tabs', () => {
    expect(pendingByMarket([{ market: 'DE' }, { market: 'SE' }, { market: 'DE' }])).toEqual({ DE: 2, SE: 1 });
  });
});

describe('a reviewer inbox', () => {
  const now = Date.parse('2026-11-20T12:00:00Z');
  const c = (id: string, status: ReviewStatus, dueAt: string, reviewer: string | null = null): InboxCase => ({ id, status, market: 'DE', dueAt, overdue: Date.parse(dueAt) < now, reviewer });
  it('picks second approvals by others, one’s own claims and the unclaimed, soonest due first', () => {
    const work = reviewerWork(
      [
        c('1', ReviewStatus.Open, '2026-12-10T00:00:00Z'),
        c('2', ReviewStatus.Open, '2026-11-21T00:00:00Z'),
        c('3', ReviewStatus.InReview, '2026-11-25T00:00:00Z', 'user:8:reviewer.rita'),
        c('4', ReviewStatus.InReview, '2026-11-22T00:00:00Z', 'user:9:reviewer.ravi'),
        c('5', ReviewStatus.PendingSecondReview, '2026-11-23T00:00:00Z', 'user:9:reviewer.ravi'),
        c('6', ReviewStatus.PendingSecondReview, '2026-11-23T00:00:00Z', 'user:8:reviewer.rita'),
      ],
      rita,
    );
    expect(work.second.map((x) => x.id)).toEqual(['5']);
    expect(work.claimed.map((x) => x.id)).toEqual(['3']);
    expect(work.open.map((x) => x.id)).toEqual(['2', '1']);
    expect(waitingCount([], work)).toBe(4);
  });
  it('calls a case near within three days of its deadline, and a late one too', () => {
    expect(isNear({ dueAt: '2026-11-23T11:00:00Z' }, now)).toBe(true);
    expect(isNear({ dueAt: '2026-11-19T00:00:00Z' }, now)).toBe(true);
    expect(isNear({ dueAt: '2026-11-24T00:00:00Z' }, now)).toBe(false);
  });
});

describe('formatAge', () => {
  const now = Date.parse('2026-11-20T12:00:00Z');
  it('writes how long something has waited', () => {
    expect(formatAge('2026-11-20T11:59:30Z', now)).toBe('less than a minute');
    expect(formatAge('2026-11-20T11:59:00Z', now)).toBe('1 minute');
    expect(formatAge('2026-11-20T10:00:00Z', now)).toBe('2 hours');
    expect(formatAge('2026-11-19T00:00:00Z', now)).toBe('36 hours');
    expect(formatAge('2026-11-10T12:00:00Z', now)).toBe('10 days');
  });
});
