import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../lib/session';
import { stubOperations } from '../testing/graphql';
import { ShadowRunPage } from './ShadowRun';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ali: SessionUser = { username: 'approver.ali', displayName: 'Ali', roles: ['APPROVER'] };
const sample = (id: string, outcome: string) => ({ id, reference: `REF-${id}`, createdAt: '2026-12-01T11:30:00Z', outcome });

const shadowRun = (withSplit: boolean) => ({
  thresholdShadow: {
    id: '3',
    market: 'US',
    version: { version: { id: '12', version: 9 } },
    startedAt: '2026-12-01T10:00:00Z',
    startedBy: 'user:4:approver.ali',
    endsAt: null,
    stoppedAt: null,
    stoppedBy: null,
    running: true,
    predicted: { available: true, note: null, declineRateNow: 0.2, declineRateProposed: 0.5, from: '2026-09-01T00:00:00Z', to: '2026-12-01T00:00:00Z', decisions: 6000 },
    comparison: {
      from: '2026-12-01T10:00:00Z',
      to: '2026-12-01T12:00:00Z',
      freshAsOf: '2026-12-01T11:59:00Z',
      decisions: 9,
      liveDeclineRate: 2 / 9,
      shadowDeclineRate: 5 / 9,
      series: [
        { start: '2026-12-01T10:00:00Z', decisions: 0, liveDeclined: 0, shadowDeclined: 0, liveDeclineRate: null, shadowDeclineRate: null },
        { start: '2026-12-01T11:00:00Z', decisions: 9, liveDeclined: 2, shadowDeclined: 5, liveDeclineRate: 2 / 9, shadowDeclineRate: 5 / 9 },
      ],
      // Answered out of reading order: the page puts agreements first.
      cells: [
        { agreement: 'SHADOW_DECLINES', decisions: 3, share: 3 / 9, mature: 1, bad: 1, badRate: 1, samples: [sample('31', 'APPROVED')] },
        { agreement: 'BOTH_APPROVE', decisions: 4, share: 4 / 9, mature: 2, bad: 0, badRate: 0, samples: [] },
        { agreement: 'BOTH_DECLINE', decisions: 2, share: 2 / 9, mature: null, bad: null, badRate: null, samples: [] },
        { agreement: 'SHADOW_APPROVES', decisions: 0, share: 0, mature: null, bad: null, badRate: null, samples: [] },
      ],
      reasons: [{ reason: 'CREDIT_SCORE_INSUFFICIENT', live: 2, shadow: 5 }],
    },
  },
  thresholdSplits: withSplit ? [{ id: '2', market: 'US', startedAt: '2026-12-01T09:00:00Z', endedAt: null }] : [{ id: '1', market: 'US', startedAt: '2026-11-01T09:00:00Z', endedAt: '2026-11-02T09:00:00Z' }],
});

describe('a shadow run’s comparison', () => {
  it('shows the rates, the prediction beside them, the agreement table in reading order, the reasons and the samples', async () => {
    const calls = stubOperations({ ShadowRun: () => shadowRun(false) });
    render(<ShadowRunPage params={{ id: '3' }} query={new URLSearchParams()} user={ali} />);
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('US version 9 in shadow: run 3');
    expect(calls[0].variables).toEqual({ id: '3', arm: null, bucket: 'HOUR' });
    expect(screen.getByTestId('comparison-window').textContent).toContain('9 US decisions compared, 2026-12-01 10:00:00 UTC to 2026-12-01 12:00:00 UTC');
    expect(screen.getByTestId('fresh-as-of').textContent).toBe('The rollups count decisions up to 2026-12-01 11:59:00 UTC; later ones are not in these figures yet.');
    const rates = screen.getByRole('table', { name: 'Decline rates: live, shadow and predicted' });
    expect([...rates.querySelectorAll('tbody tr')].map((r) => r.textContent)).toEqual([
      'Realized over the run22.22 %55.56 %+33.33 pp',
      'Predicted at submission (what-if)20.00 %50.00 %+30.00 pp',
    ]);
    const agreement = screen.getByRole('table', { name: 'Agreement between live and shadow' });
    expect([...agreement.querySelectorAll('tbody tr')].map((r) => r.textContent)).toEqual([
      'Both approve444.4 %200.0 %',
      'Both decline222.2 %–––',
      'Live approved, shadow would decline333.3 %11100.0 %',
      'Live declined, shadow would approve00.0 %–––',
    ]);
    const reasons = screen.getByRole('table', { name: 'Declines per principal reason, live and shadow' });
    expect(within(reasons).getByText('Credit score insufficient').closest('tr')!.textContent).toBe('Credit score insufficient25');
    expect(screen.getByRole('link', { name: 'REF-31' }).getAttribute('href')).toBe('/decisions/31');
    // One bucket holds decisions: no line to draw, and the page says why.
    expect(screen.getByTestId('chart-note').textContent).toBe('All the decisions so far fall in one hour: the chart draws from two on.');
    // No split overlapped the run: no arm to pick.
    expect(screen.queryByLabelText('Arm')).toBeNull();
  });

  it('offers the arms when a split ran during the run, and asks for the one picked', async () => {
    const calls = stubOperations({ ShadowRun: () => shadowRun(true) });
    render(<ShadowRunPage params={{ id: '3' }} query={new URLSearchParams('arm=CHALLENGER&bucket=DAY')} user={ali} />);
    const arm = (await screen.findByLabelText('Arm')) as HTMLSelectElement;
    expect(arm.value).toBe('CHALLENGER');
    expect((screen.getByLabelText('Bucket') as HTMLSelectElement).value).toBe('DAY');
    expect(calls[0].variables).toEqual({ id: '3', arm: 'CHALLENGER', bucket: 'DAY' });
    expect(screen.getByRole('heading', { name: 'Agreement, challenger (split version) only' })).toBeTruthy();
    fireEvent.change(arm, { target: { value: '' } });
    expect(window.location.pathname + window.location.search).toBe('/thresholds/shadows/3?bucket=DAY');
  });
});
