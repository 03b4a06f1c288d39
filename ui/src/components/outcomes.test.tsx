import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubOperations as stub } from '../testing/graphql';
import { BadDefinitionPanel } from './badDefinition';
import { RepaymentTimeline } from './outcomes';
import { VintageCurves } from './vintages';

// The chart draws on a canvas, which happy-dom lacks: the test records what it was given.
const charts: { label: string; series: { label: string }[]; xs: number[]; ys: (number | null)[][]; markers?: { label: string }[] }[] = [];
vi.mock('./Chart', () => ({
  Chart: (p: (typeof charts)[number]) => {
    charts.push(p);
    return null;
  },
}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  charts.length = 0;
});

describe('the repayment timeline', () => {
  it('shows status, class, maturity and every event in time with amounts in the currency', () => {
    render(
      <RepaymentTimeline
        decidedAt="2026-01-01T10:00:00Z"
        repayment={{
          status: 'CHARGED_OFF',
          outstandingMinor: 0,
          writtenOffMinor: 45000,
          currency: 'EUR',
          class: 'BAD',
          matureAt: '2026-07-01T10:00:00Z',
          events: [
            { eventId: 'b', observedAt: '2026-03-05T00:00:00Z', status: 'LATE_60_89', outstandingMinor: 45000, writtenOffMinor: 0, recordedAt: '2026-03-05T01:00:00Z' },
            { eventId: 'a', observedAt: '2026-01-01T10:00:00Z', status: 'CURRENT', outstandingMinor: 60000, writtenOffMinor: 0, recordedAt: '2026-01-01T11:00:00Z' },
            { eventId: 'c', observedAt: '2026-05-01T00:00:00Z', status: 'CHARGED_OFF', outstandingMinor: 0, writtenOffMinor: 45000, recordedAt: '2026-05-01T01:00:00Z' },
          ],
        }}
      />,
    );
    expect(document.querySelector('[data-class="BAD"]')?.textContent).toBe('Bad');
    expect(screen.getByText(/^mature since 2026-07-01 10:00:00 UTC/)).toBeTruthy();
    const rows = [...screen.getByRole('table', { name: 'Repayment events' }).querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['2026-01-01', '0', 'Current', '600.00 EUR', '0.00 EUR'],
      ['2026-03-05', '62', '60–89 days late', '450.00 EUR', '0.00 EUR'],
      ['2026-05-01', '119', 'Charged off', '0.00 EUR', '450.00 EUR'],
    ]);
    expect(document.querySelectorAll('svg.timeline circle')).toHaveLength(3);
  });
  it('says an immature decision is neither good nor bad yet, and when there are no events', () => {
    render(<RepaymentTimeline decidedAt="2026-11-01T00:00:00Z" repayment={{ status: null, outstandingMinor: 0, writtenOffMinor: 0, currency: 'SEK', class: 'IMMATURE', matureAt: '2027-05-01T00:00:00Z', events: [] }} />);
    expect(screen.getByText(/neither good nor bad yet/)).toBeTruthy();
    expect(screen.getByText('No repayment event has been recorded yet.')).toBeTruthy();
  });
});

const vintage = (month: string, rates: number[]) => ({
  vintage: `${month}-01T00:00:00Z`,
  group: null,
  approved: 100,
  volume: 50000,
  points: rates.map((r, k) => ({ monthsSinceDecision: k, bad: Math.round(r * 100), badRate: r, loss: r * 20000, lossRate: r * 0.4 })),
});

describe('vintage curves', () => {
  it('draws one curve per vintage for the chosen market, marks activations, and switches measure, axis and market', async () => {
    const calls = stub({
      Vintages: (v) => ({
        vintages: {
          market: v.market,
          from: '2025-11-01T00:00:00Z',
          to: '2026-11-01T00:00:00Z',
          badDefinition: { version: 1, description: 'ever LATE_60_89 or worse within 6 months' },
          activations: [{ id: '9', versionId: '4', activatedAt: '2026-02-14T09:00:00Z', activatedBy: 'user:3:ali', emergency: false }],
          series: [vintage('2026-01', [0, 0.01, 0.03]), vintage('2026-03', [0, 0.02])],
        },
      }),
    });
    render(<VintageCurves market="SE" />);
    await waitFor(() => expect(charts.length).toBeGreaterThan(0));
    let c = charts.at(-1)!;
    expect(calls[0].variables).toEqual({ market: 'SE' });
    expect(c.series.map((s) => s.label)).toEqual(['2026-01', '2026-03 ▲']);
    expect(c.xs).toEqual([0, 1, 2]);
    expect(c.ys).toEqual([
      [0, 1, 3],
      [0, 2, null],
    ]);
    expect(screen.getByRole('table', { name: 'Activations against vintages' }).textContent).toContain('2026-03');

    fireEvent.change(screen.getByLabelText('Measure'), { target: { value: 'lossRate' } });
    await waitFor(() => expect(charts.at(-1)!.ys[0]).toEqual([0, 0.4, 1.2]));

    fireEvent.change(screen.getByLabelText('Horizontal axis'), { target: { value: 'calendar' } });
    await waitFor(() => expect(charts.at(-1)!.markers).toHaveLength(1));
    c = charts.at(-1)!;
    expect(c.markers![0].label).toBe('SE activation 2026-02-14 09:00:00 UTC');
    expect(c.xs).toHaveLength(4);

    fireEvent.change(screen.getByLabelText('Vintages of market'), { target: { value: 'DE' } });
    await waitFor(() => expect(calls.at(-1)!.variables).toEqual({ market: 'DE' }));
  });
});

const inForce = { id: '1', version: 1, level: 'LATE_60_89', windowMonths: 6, description: 'ever LATE_60_89 or worse within 6 months', author: 'system', approver: 'system', createdAt: '2026-01-01T00:00:00Z' };
const badDraft = (over: Record<string, unknown>) => ({
  id: '5',
  market: 'SE',
  status: 'DRAFT',
  revision: 1,
  author: 'user:2:anna',
  rationale: '',
  level: 'LATE_60_89',
  windowMonths: 6,
  description: 'ever LATE_60_89 or worse within 6 months',
  reviewer: null,
  reviewComment: null,
  updatedAt: '2026-11-20T10:00:00Z',
  ...over,
});

describe('the bad-definition panel', () => {
  it('shows the definition in force; an analyst starts a draft, edits it and submits it', async () => {
    let drafts: ReturnType<typeof badDraft>[] = [];
    const calls = stub({
      BadDefinitionPanel: () => ({ badDefinition: inForce, badDefinitionDrafts: { nodes: drafts } }),
      CreateBadDefinitionDraft: () => {
        drafts = [badDraft({})];
        return { createBadDefinitionDraft: drafts[0] };
      },
      EditBadDefinitionDraft: (v) => {
        drafts = [badDraft({ revision: 2, level: v.level, windowMonths: v.windowMonths })];
        return { editBadDefinitionDraft: drafts[0] };
      },
      SubmitBadDefinitionDraft: (v) => {
        drafts = [badDraft({ revision: 3, status: 'SUBMITTED', rationale: v.rationale, level: 'LATE_90_PLUS', windowMonths: 12, description: 'ever LATE_90_PLUS or worse within 12 months' })];
        return { submitBadDefinitionDraft: drafts[0] };
      },
    });
    const user = { username: 'anna', displayName: 'Anna', roles: ['ANALYST' as const] };
    render(<BadDefinitionPanel market="SE" user={user} />);
    expect((await screen.findByText('ever LATE_60_89 or worse within 6 months')).tagName).toBe('STRONG');
    fireEvent.click(screen.getByRole('button', { name: 'Start a bad-definition draft' }));
    const level = (await screen.findByLabelText('Bad when ever')) as HTMLSelectElement;
    fireEvent.change(level, { target: { value: 'LATE_90_PLUS' } });
    const months = screen.getByLabelText(/^Within \(months/) as HTMLInputElement;
    fireEvent.input(months, { target: { value: '30' } });
    expect(screen.getByText('must be between 1 and 24')).toBeTruthy();
    fireEvent.input(months, { target: { value: '12' } });
    expect(screen.getByText('ever 90+ days late or worse within 12 months')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Rationale for the approver'), { target: { value: 'Align with the group policy.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit the definition for approval' }));
    await screen.findByRole('group', { name: 'Submitted bad definition 5' });
    const sent = calls.filter((c) => c.name !== 'BadDefinitionPanel');
    expect(sent.map((c) => c.name)).toEqual(['CreateBadDefinitionDraft', 'EditBadDefinitionDraft', 'SubmitBadDefinitionDraft']);
    expect(sent[1].variables).toEqual({ id: '5', revision: 1, level: 'LATE_90_PLUS', windowMonths: 12 });
    expect(sent[2].variables).toEqual({ id: '5', revision: 2, rationale: 'Align with the group policy.' });
    // The analyst cannot review.
    expect(screen.queryByRole('button', { name: 'Approve the definition' })).toBeNull();
  });

  it('lets another approver approve or reject a submission, and not its author; an auditor only reads', async () => {
    const submitted = badDraft({ status: 'SUBMITTED', rationale: 'Stricter.', level: 'LATE_30_59' });
    const calls = stub({
      BadDefinitionPanel: () => ({ badDefinition: inForce, badDefinitionDrafts: { nodes: [submitted] } }),
      ApproveBadDefinitionDraft: () => ({ approveBadDefinitionDraft: { ...submitted, status: 'APPROVED' } }),
    });
    const { unmount } = render(<BadDefinitionPanel market="SE" user={{ username: 'ali', displayName: 'Ali', roles: ['APPROVER'] }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Approve the definition' }));
    await waitFor(() => expect(calls.some((c) => c.name === 'ApproveBadDefinitionDraft')).toBe(true));
    expect((screen.getByRole('button', { name: 'Reject the definition' }) as HTMLButtonElement).disabled).toBe(true);
    unmount();

    render(<BadDefinitionPanel market="SE" user={{ username: 'anna', displayName: 'Anna', roles: ['APPROVER'] }} />);
    expect(await screen.findByText(/another approver must review it/)).toBeTruthy();
    cleanup();

    render(<BadDefinitionPanel market="SE" user={{ username: 'aude', displayName: 'Aude', roles: ['AUDITOR'] }} />);
    expect(await screen.findByText('An approver reviews it.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start a bad-definition draft' })).toBeNull();
  });
});
