import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../lib/session';
import { stubOperations } from '../testing/graphql';
import { InboxPage } from './Home';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const props = { params: {}, query: new URLSearchParams() };
const day = 24 * 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const none = { nodes: [], pageInfo: { hasNextPage: false } };

describe('the inbox', () => {
  it('shows an approver the submissions of others with market, author and link, and their own apart', async () => {
    const ali: SessionUser = { username: 'approver.ali', displayName: 'Ali', roles: ['APPROVER'] };
    const calls = stubOperations({
      PendingSubmissions: () => ({
        thresholdDrafts: {
          nodes: [
            { id: '7', market: 'DE', author: 'user:3:analyst.anna', submittedAt: iso(Date.now() - 2 * day) },
            { id: '8', market: 'SE', author: 'user:5:approver.ali', submittedAt: iso(Date.now() - day) },
          ],
          pageInfo: { hasNextPage: false },
        },
        catalogDrafts: { nodes: [{ id: '4', author: 'user:4:approver.bea', updatedAt: iso(Date.now() - 3 * 3600_000) }], pageInfo: { hasNextPage: false } },
        thresholdSplitRequests: {
          nodes: [{ id: '9', market: 'NL', author: 'user:4:approver.bea', createdAt: iso(Date.now() - 5 * 3600_000), version: { version: { id: '12' } } }],
          pageInfo: { hasNextPage: false },
        },
      }),
      PendingRetentionRequests: () => ({
        retentionPolicyRequests: {
          nodes: [
            { id: '11', market: 'US', author: 'user:6:auditor.aude', createdAt: iso(Date.now() - 4 * 3600_000) },
            { id: '12', market: 'SE', author: 'user:5:approver.ali', createdAt: iso(Date.now() - 6 * 3600_000) },
          ],
          pageInfo: { hasNextPage: false },
        },
      }),
    });
    render(<InboxPage {...props} user={ali} />);
    const table = await screen.findByRole('table', { name: 'Submissions awaiting your approval' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^DE threshold draft 7DEanalyst\.anna2 days/),
      expect.stringMatching(/^NL split request 9NLapprover\.bea5 hours/),
      expect.stringMatching(/^US retention policy request 11USauditor\.aude4 hours/),
      expect.stringMatching(/^Catalog draft 4all \(reason texts\)approver\.bea3 hours/),
    ]);
    // A retention request is decided on the Retention page of its market.
    expect(within(table).getByRole('link', { name: 'US retention policy request 11' }).getAttribute('href')).toBe('/retention?market=US');
    // A split request is decided on its version's page.
    expect(within(table).getByRole('link', { name: 'NL split request 9' }).getAttribute('href')).toBe('/thresholds/versions/12');
    expect(within(table).getByRole('link', { name: 'DE threshold draft 7' }).getAttribute('href')).toBe('/thresholds/drafts/7');
    expect(within(table).getByRole('link', { name: 'Catalog draft 4' }).getAttribute('href')).toBe('/catalog?draft=4');
    const own = screen.getByText(/2 submissions of yours wait for another approver/).textContent;
    expect(own).toContain('SE threshold draft 8');
    expect(own).toContain('SE retention policy request 12');
    // An approver who is no reviewer does not ask for review cases.
    expect(calls.map((c) => c.name).sort()).toEqual(['PendingRetentionRequests', 'PendingSubmissions']);
  });

  it('shows a reviewer the second approvals, their claims and the unclaimed cases, deadlines marked', async () => {
    const rita: SessionUser = { username: 'reviewer.rita', displayName: 'Rita', roles: ['REVIEWER'] };
    const c = (id: string, status: string, due: number, reviewer: string | null = null) => ({ id, status, market: 'DE', dueAt: iso(Date.now() + due), overdue: due < 0, reviewer });
    stubOperations({
      ReviewerInbox: () => ({
        open: { nodes: [c('1', 'OPEN', 20 * day), c('2', 'OPEN', -2 * day)], pageInfo: { hasNextPage: false } },
        claimed: { nodes: [c('3', 'IN_REVIEW', 2 * day, 'user:8:reviewer.rita'), c('4', 'IN_REVIEW', 5 * day, 'user:9:reviewer.ravi')] },
        second: { nodes: [c('5', 'PENDING_SECOND_REVIEW', 9 * day, 'user:9:reviewer.ravi'), c('6', 'PENDING_SECOND_REVIEW', 9 * day, 'user:8:reviewer.rita')] },
      }),
    });
    render(<InboxPage {...props} user={rita} />);
    const second = await screen.findByRole('list', { name: 'Overturns awaiting your second approval' });
    expect(within(second).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['/reviews/5']);
    const claimed = screen.getByRole('list', { name: 'Claimed by you, not yet decided' });
    expect(within(claimed).getAllByRole('link').map((a) => a.textContent)).toEqual(['Case 3']);
    expect(claimed.querySelector('.badge.warn')?.textContent).toBe('1 day left');
    const open = screen.getByRole('list', { name: 'Unclaimed' });
    expect(within(open).getAllByRole('link').map((a) => a.textContent)).toEqual(['Case 2', 'Case 1']);
    expect(open.querySelector('.badge.overdue')?.textContent).toBe('overdue by 2 days');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says when nothing waits', async () => {
    const bea: SessionUser = { username: 'approver.bea', displayName: 'Bea', roles: ['APPROVER'] };
    stubOperations({
      PendingSubmissions: () => ({ thresholdDrafts: none, catalogDrafts: none, thresholdSplitRequests: none }),
      PendingRetentionRequests: () => ({ retentionPolicyRequests: none }),
    });
    render(<InboxPage {...props} user={bea} />);
    expect(await screen.findByText('Nothing waits for you now.')).toBeTruthy();
  });
});
