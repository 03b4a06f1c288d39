import { describe, expect, it } from 'vitest';
import { ReviewStatus } from '../gql/graphql';
import { caseStep, daysLeft, dueLabel, isUndecided, queueFromQuery, queueURL } from './reviews';

const now = Date.parse('2026-12-06T12:00:00Z');
const hours = (h: number) => new Date(now + h * 3600_000).toISOString();

describe('due dates', () => {
  it('counts whole days left, rounding down, and goes negative once late', () => {
    expect(daysLeft(hours(30 * 24), now)).toBe(30);
    expect(daysLeft(hours(47), now)).toBe(1);
    expect(daysLeft(hours(1), now)).toBe(0);
    expect(daysLeft(hours(-1), now)).toBe(-1);
    expect(daysLeft(hours(-49), now)).toBe(-3);
  });
  it('writes the time left of an undecided case, and how late it is', () => {
    expect(dueLabel(hours(30 * 24), ReviewStatus.Open, now)).toBe('30 days left');
    expect(dueLabel(hours(25), ReviewStatus.InReview, now)).toBe('1 day left');
    expect(dueLabel(hours(2), ReviewStatus.PendingSecondReview, now)).toBe('less than a day left');
    expect(dueLabel(hours(0), ReviewStatus.Open, now)).toBe('overdue by less than a day');
    expect(dueLabel(hours(-23), ReviewStatus.Open, now)).toBe('overdue by less than a day');
    expect(dueLabel(hours(-24), ReviewStatus.Open, now)).toBe('overdue by 1 day');
    expect(dueLabel(hours(-24 * 5 - 1), ReviewStatus.InReview, now)).toBe('overdue by 5 days');
  });
  it('gives a decided case no time left, however late its due date', () => {
    expect(dueLabel(hours(-24 * 5), ReviewStatus.Upheld, now)).toBe('decided');
    expect(dueLabel(hours(24 * 5), ReviewStatus.Overturned, now)).toBe('decided');
    expect(isUndecided(ReviewStatus.PendingSecondReview)).toBe(true);
    expect(isUndecided(ReviewStatus.Upheld)).toBe(false);
  });
  it('writes nothing for a due date it cannot read', () => {
    expect(dueLabel('soon', ReviewStatus.Open, now)).toBe('');
  });
});

describe('the queue URL', () => {
  it('round-trips a filter and cursor, overdue as a boolean', () => {
    const url = queueURL({ status: ReviewStatus.Open, market: 'DE', overdue: true }, 'c2');
    expect(url).toBe('/reviews?status=OPEN&market=DE&overdue=true&after=c2');
    expect(queueFromQuery(new URLSearchParams(url.split('?')[1]))).toEqual({
      filter: { status: 'OPEN', market: 'DE', overdue: true },
      errors: {},
      after: 'c2',
    });
    expect(queueFromQuery(new URLSearchParams('overdue=false')).filter).toEqual({ overdue: false });
    expect(queueURL({})).toBe('/reviews');
  });
  it('leaves out and names parameters it cannot read', () => {
    const s = queueFromQuery(new URLSearchParams('status=DONE&overdue=maybe&market=se'));
    expect(s.filter).toEqual({ market: 'SE' });
    expect(Object.keys(s.errors).sort()).toEqual(['overdue', 'status']);
  });
});

describe('the step offered on a case', () => {
  const rita = { username: 'reviewer.rita', displayName: 'Rita', roles: ['REVIEWER' as const] };
  const ravi = { username: 'reviewer.ravi', displayName: 'Ravi', roles: ['REVIEWER' as const] };
  const auditor = { username: 'auditor.aud', displayName: 'Aud', roles: ['AUDITOR' as const] };
  const byRita = 'user:7:reviewer.rita';
  it('offers a reviewer the claim of an open case, and nothing to a reader', () => {
    expect(caseStep({ status: ReviewStatus.Open }, rita)).toBe('claim');
    expect(caseStep({ status: ReviewStatus.Open }, auditor)).toBe('none');
    expect(caseStep({ status: ReviewStatus.PendingSecondReview, reviewer: byRita }, auditor)).toBe('none');
  });
  it('lets only the claimant decide', () => {
    expect(caseStep({ status: ReviewStatus.InReview, reviewer: byRita }, rita)).toBe('decide');
    expect(caseStep({ status: ReviewStatus.InReview, reviewer: byRita }, ravi)).toBe('claimedByOther');
    // A token of the same name is not the person signed in.
    expect(caseStep({ status: ReviewStatus.InReview, reviewer: 'token:7:reviewer.rita' }, rita)).toBe('claimedByOther');
  });
  it('offers the second review to another reviewer and explains it to the one who overturned', () => {
    expect(caseStep({ status: ReviewStatus.PendingSecondReview, reviewer: byRita }, ravi)).toBe('second');
    expect(caseStep({ status: ReviewStatus.PendingSecondReview, reviewer: byRita }, rita)).toBe('ownOverturn');
  });
  it('offers nothing on a decided case', () => {
    expect(caseStep({ status: ReviewStatus.Upheld, reviewer: byRita }, rita)).toBe('none');
    expect(caseStep({ status: ReviewStatus.Overturned, reviewer: byRita }, ravi)).toBe('none');
  });
});
