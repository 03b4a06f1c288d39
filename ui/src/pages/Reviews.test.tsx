import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../lib/session';
import { GraphQLErrors, stubOperations } from '../testing/graphql';
import { ReviewCasePage } from './ReviewCase';
import { ReviewsPage } from './Reviews';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const rita: SessionUser = { username: 'reviewer.rita', displayName: 'Rita', roles: ['REVIEWER'] };
const ravi: SessionUser = { username: 'reviewer.ravi', displayName: 'Ravi', roles: ['REVIEWER'] };
const day = 24 * 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

const decision = {
  id: '41',
  reference: 'AB1-CD2-EF3',
  createdAt: '2026-12-01T10:00:00Z',
  market: 'DE',
  currency: 'EUR',
  amount: 776,
  shopperId: 's_1',
  locale: 'de-DE',
  channel: 'WEB',
  outcome: 'DECLINED',
  kind: 'AUTOMATED',
  reviewer: null,
  reviewReason: null,
  merchant: { id: 'm_1', name: 'Halcyon Audio', category: 'electronics' },
  reasons: [{ rank: 1, code: 'OUTSTANDING_CREDIT_HIGH', measuredValue: 'OUTSTANDING_CREDIT', factor: 'OUTSTANDING_CREDIT' }],
  breakdown: [],
  thresholdVersion: { id: '3', market: 'DE', version: 3 },
  catalogVersionId: '1',
  arm: null,
  shadows: [],
  message: { locale: 'de-DE', title: 'Nicht genehmigt', body: 'Leider nicht.', steps: [] },
  repayment: null,
};

describe('the review queue', () => {
  it('sends the URL filter and shows the time left, the overdue badge and decided cases', async () => {
    const now = Date.now();
    const calls = stubOperations({
      ReviewQueue: () => ({
        reviewCases: {
          nodes: [
            { id: '5', status: 'IN_REVIEW', market: 'DE', requestedAt: iso(now - 33 * day), dueAt: iso(now - 3 * day - 3600_000), overdue: true, reviewer: 'user:7:reviewer.rita', decision },
            { id: '6', status: 'UPHELD', market: 'DE', requestedAt: iso(now - 40 * day), dueAt: iso(now - 10 * day), overdue: false, reviewer: 'user:8:reviewer.ravi', decision },
            { id: '7', status: 'OPEN', market: 'DE', requestedAt: iso(now), dueAt: iso(now + 30 * day - 60_000), overdue: false, reviewer: null, decision },
          ],
          pageInfo: { hasNextPage: false, endCursor: null },
        },
      }),
      Markets: () => ({ markets: [{ code: 'DE', name: 'Germany', hasDecisions: true }] }),
    });
    render(<ReviewsPage params={{}} query={new URLSearchParams('market=DE&status=IN_REVIEW&overdue=true')} user={rita} />);
    const late = await screen.findByText('overdue by 3 days');
    expect(calls.filter((c) => c.name === 'ReviewQueue')).toEqual([{ name: 'ReviewQueue', variables: { filter: { status: 'IN_REVIEW', market: 'DE', overdue: true }, first: 50, after: null } }]);
    // The filters show the URL's.
    expect((screen.getByLabelText('Market') as HTMLSelectElement).value).toBe('DE');
    expect((screen.getByLabelText(/^Status/) as HTMLSelectElement).value).toBe('IN_REVIEW');
    expect((screen.getByLabelText(/^Due date/) as HTMLSelectElement).value).toBe('true');
    const rows = [...document.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-case'))).toEqual(['5', '6', '7']);
    expect(late.closest('tr')?.querySelector('.badge.overdue')?.textContent).toBe('Overdue');
    expect(rows[1].textContent).toContain('decided');
    expect(rows[1].querySelector('.badge.overdue')).toBeNull();
    expect(rows[2].textContent).toContain('29 days left');
    expect(rows[2].textContent).toContain('776.00 EUR');
    expect(rows[2].textContent).toContain('none yet');
    expect(screen.queryByText(/Read-only/)).toBeNull();
  });
});

/** A case in status, decided by rita where that applies. */
function reviewCase(status: string, extra: Record<string, unknown> = {}) {
  return {
    id: '9',
    status,
    market: 'DE',
    statement: 'Bitte noch einmal prüfen.',
    locale: 'de-DE',
    requestedBy: 'token:2:demo-SERVICE',
    requestedAt: '2026-12-01T12:00:00Z',
    dueAt: '2026-12-31T12:00:00Z',
    overdue: false,
    reviewer: status === 'OPEN' ? null : 'user:7:reviewer.rita',
    claimedAt: status === 'OPEN' ? null : '2026-12-02T12:00:00Z',
    outcome: status === 'PENDING_SECOND_REVIEW' || status === 'OVERTURNED' ? 'OVERTURN' : null,
    reason: status === 'PENDING_SECOND_REVIEW' || status === 'OVERTURNED' ? 'Stable income.' : null,
    decidedAt: null,
    secondReviewRequired: true,
    secondReviewer: null,
    secondReviewComment: null,
    secondReviewedAt: null,
    newDecision: null,
    notices: [{ kind: 'RECEIVED', locale: 'de-DE', title: 'Eingegangen', body: 'Danke.', sentAt: '2026-12-01T12:00:00Z' }],
    decision,
    ...extra,
  };
}

describe('the review case page', () => {
  it('tells the reviewer who overturned a case that another reviewer must second it, with no working button', async () => {
    stubOperations({ ReviewCasePage: () => ({ reviewCase: reviewCase('PENDING_SECOND_REVIEW') }) });
    render(<ReviewCasePage params={{ id: '9' }} query={new URLSearchParams()} user={rita} />);
    expect((await screen.findByTestId('own-overturn')).textContent).toContain('another reviewer must approve or reject');
    expect((screen.getByRole('button', { name: 'Approve the overturn' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Reject the overturn' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('reads the case again after the second reviewer approves, and shows its new state', async () => {
    let state = reviewCase('PENDING_SECOND_REVIEW');
    const calls = stubOperations({
      ReviewCasePage: () => ({ reviewCase: state }),
      ApproveOverturn: () => {
        state = reviewCase('OVERTURNED', {
          secondReviewer: 'user:8:reviewer.ravi',
          secondReviewComment: 'Agreed.',
          secondReviewedAt: '2026-12-03T12:00:00Z',
          newDecision: { id: '99', reference: 'ZZ9-ZZ9-ZZ9' },
        });
        return { approveOverturn: { id: '9', status: 'OVERTURNED' } };
      },
    });
    render(<ReviewCasePage params={{ id: '9' }} query={new URLSearchParams()} user={ravi} />);
    fireEvent.input(await screen.findByLabelText('Comment (required to reject)'), { target: { value: 'Agreed.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Approve the overturn' }));
    await waitFor(() => expect(screen.getByTestId('case-status').textContent).toBe('Overturned'));
    expect(calls.map((c) => c.name)).toEqual(['ReviewCasePage', 'ApproveOverturn', 'ReviewCasePage']);
    expect(calls[1].variables).toEqual({ id: '9', comment: 'Agreed.' });
    expect(screen.queryByRole('button', { name: 'Approve the overturn' })).toBeNull();
    // A reviewer reads no decision page: the new decision is named, not linked.
    expect(screen.getByText('ZZ9-ZZ9-ZZ9').tagName).toBe('CODE');
  });

  it('shows a refused decision at its field and keeps the case as it is', async () => {
    const calls = stubOperations({
      ReviewCasePage: () => ({ reviewCase: reviewCase('IN_REVIEW') }),
      DecideReviewCase: () => {
        throw new GraphQLErrors([
          { message: 'invalid input: reason: is required', extensions: { code: 'INVALID', fields: [{ field: 'reason', message: 'is required: the reason the shopper is told' }] } },
        ]);
      },
    });
    render(<ReviewCasePage params={{ id: '9' }} query={new URLSearchParams()} user={rita} />);
    const submit = await screen.findByRole('button', { name: 'Record the decision' });
    // No outcome chosen yet: nothing to send.
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Uphold: the decline stands'));
    fireEvent.click(submit);
    expect(await screen.findByText('is required: the reason the shopper is told', { selector: '.field-error' })).toBeTruthy();
    expect(screen.getByLabelText(/^Reason, told to the shopper/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('INVALID');
    await waitFor(() => expect(calls.map((c) => c.name)).toEqual(['ReviewCasePage', 'DecideReviewCase', 'ReviewCasePage']));
    expect(calls[1].variables).toEqual({ id: '9', outcome: 'UPHOLD', reason: '' });
    expect(screen.getByTestId('case-status').textContent).toBe('In review');
  });
});
