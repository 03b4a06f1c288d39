import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../lib/session';
import { GraphQLErrors, stubOperations } from '../testing/graphql';
import { MarketExperimentsPanel, VersionExperiments } from './experiments';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ali: SessionUser = { username: 'approver.ali', displayName: 'Ali', roles: ['APPROVER'] };
const ana: SessionUser = { username: 'analyst.anna', displayName: 'Anna', roles: ['ANALYST'] };
const v7 = { version: { id: '7', version: 7 } };

const shadow = (over: Record<string, unknown> = {}) => ({
  id: '3',
  market: 'NL',
  version: v7,
  startedAt: '2026-12-01T10:00:00Z',
  startedBy: 'user:4:approver.ali',
  endsAt: null,
  stoppedAt: null,
  stoppedBy: null,
  running: true,
  ...over,
});

const split = {
  id: '2',
  market: 'NL',
  version: v7,
  percent: 10,
  requestId: '9',
  startedAt: '2026-12-02T08:00:00Z',
  startedBy: 'user:5:approver.bea',
  endedAt: null,
  endedBy: null,
  running: true,
  arms: [
    { arm: 'CHAMPION', decisions: 90, declined: 9, declineRate: 0.1 },
    { arm: 'CHALLENGER', decisions: 10, declined: 3, declineRate: 0.3 },
  ],
};

const request = (over: Record<string, unknown> = {}) => ({
  id: '9',
  market: 'NL',
  version: v7,
  percent: 10,
  rationale: 'try the lower score cut-off on a tenth',
  status: 'SUBMITTED',
  author: 'user:5:approver.bea',
  reviewer: null,
  reviewComment: null,
  createdAt: '2026-12-02T07:00:00Z',
  updatedAt: '2026-12-02T07:00:00Z',
  ...over,
});

/** confirm presses the dialog's confirm button named name. */
async function confirm(name: string) {
  fireEvent.click(await screen.findByRole('button', { name }));
}

describe('a version’s shadow runs', () => {
  it('starts a shadow with an end time after asking, and then shows it running with its stop button', async () => {
    let shadows: unknown[] = [];
    const calls = stubOperations({
      VersionExperiments: () => ({ thresholdShadows: shadows, marketExperiments: [{ market: 'NL', shadows: shadows.map(() => ({ id: '3' })), split: null }], thresholdSplitRequests: { nodes: [] } }),
      StartThresholdShadow: (v) => {
        shadows = [shadow({ endsAt: v.endsAt })];
        return { startThresholdShadow: shadows[0] };
      },
    });
    render(<VersionExperiments versionId="7" version={7} market="NL" inForce={false} user={ali} />);
    expect(await screen.findByText('Version 7 has never run in shadow.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Ends at (UTC, optional)'), { target: { value: '2026-12-20 18:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start in shadow' }));
    expect(await screen.findByText(/It stops by itself at 2026-12-20 18:00:00 UTC/)).toBeTruthy();
    await confirm('Start the shadow');
    expect(await screen.findByText(/Version 7 runs in shadow since 2026-12-01 10:00:00 UTC, running until 2026-12-20 18:00:00 UTC\./)).toBeTruthy();
    expect(calls.find((c) => c.name === 'StartThresholdShadow')?.variables).toEqual({ versionId: '7', endsAt: '2026-12-20T18:00:00Z' });
    // The list was read again: the run shows, running, with its comparison and its stop button; no second start.
    await screen.findByRole('button', { name: 'Stop run 3' });
    expect(screen.getByRole('link', { name: 'Comparison of run 3' }).getAttribute('href')).toBe('/thresholds/shadows/3');
    expect(screen.queryByRole('button', { name: 'Start in shadow' })).toBeNull();
  });

  it('shows the API’s refusal in its words and nothing for an analyst to press', async () => {
    stubOperations({
      VersionExperiments: () => ({ thresholdShadows: [], marketExperiments: [{ market: 'NL', shadows: [], split: null }], thresholdSplitRequests: { nodes: [] } }),
      StartThresholdShadow: () => {
        throw new GraphQLErrors([{ message: 'endsAt: must lie in the future', extensions: { code: 'INVALID', fields: [{ field: 'endsAt', message: 'must lie in the future' }] } }]);
      },
    });
    const { unmount } = render(<VersionExperiments versionId="7" version={7} market="NL" inForce={false} user={ali} />);
    fireEvent.input(await screen.findByLabelText('Ends at (UTC, optional)'), { target: { value: '2020-01-01 00:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start in shadow' }));
    await confirm('Start the shadow');
    expect(await screen.findByText('must lie in the future')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('endsAt: must lie in the future');
    unmount();

    render(<VersionExperiments versionId="7" version={7} market="NL" inForce={false} user={ana} />);
    await screen.findByText('Version 7 has never run in shadow.');
    expect(screen.queryByRole('button', { name: 'Start in shadow' })).toBeNull();
  });

  it('stops a running shadow only when confirmed', async () => {
    let s = shadow();
    const calls = stubOperations({
      VersionExperiments: () => ({ thresholdShadows: [s], marketExperiments: [{ market: 'NL', shadows: s.running ? [{ id: '3' }] : [], split: null }], thresholdSplitRequests: { nodes: [] } }),
      StopThresholdShadow: () => {
        s = shadow({ running: false, stoppedAt: '2026-12-03T12:00:00Z', stoppedBy: 'user:4:approver.ali' });
        return { stopThresholdShadow: s };
      },
    });
    render(<VersionExperiments versionId="7" version={7} market="NL" inForce={false} user={ali} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Stop run 3' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(calls.some((c) => c.name === 'StopThresholdShadow')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Stop run 3' }));
    await confirm('Stop the shadow');
    expect(await screen.findByText('The shadow of version 7 stopped at 2026-12-03 12:00:00 UTC.')).toBeTruthy();
    await screen.findByText(/stopped 2026-12-03 12:00:00 UTC by approver\.ali/);
    expect(screen.queryByRole('button', { name: 'Stop run 3' })).toBeNull();
  });
});

describe('a market’s split', () => {
  it('refuses a percent over 50 at the field, and sends a request for approval', async () => {
    let requests: unknown[] = [];
    const calls = stubOperations({
      VersionExperiments: () => ({ thresholdShadows: [], marketExperiments: [{ market: 'NL', shadows: [], split: null }], thresholdSplitRequests: { nodes: requests } }),
      RequestThresholdSplit: (v) => {
        requests = [request({ author: 'user:4:approver.ali', percent: v.percent, rationale: v.rationale })];
        return { requestThresholdSplit: requests[0] };
      },
    });
    render(<VersionExperiments versionId="7" version={7} market="NL" inForce={false} user={ali} />);
    fireEvent.input(await screen.findByLabelText(/Share of shoppers/), { target: { value: '60' } });
    fireEvent.input(screen.getByLabelText('Rationale for the approver'), { target: { value: 'a tenth' } });
    fireEvent.click(screen.getByRole('button', { name: 'Request the split' }));
    expect(await screen.findByText(/percent: at most 50/)).toBeTruthy();
    expect(calls.some((c) => c.name === 'RequestThresholdSplit')).toBe(false);

    fireEvent.input(screen.getByLabelText(/Share of shoppers/), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Request the split' }));
    expect(await screen.findByText(/Request 9 sent: version 7 for 10 % of NL's shoppers/)).toBeTruthy();
    expect(calls.find((c) => c.name === 'RequestThresholdSplit')?.variables).toEqual({ versionId: '7', percent: 10, rationale: 'a tenth' });
    // Pending now, and the author may not approve it.
    expect(await screen.findByText('You asked for this split, so another approver must decide on it.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve request 9' })).toBeNull();
  });

  it('lets another approver approve a request, after which the split runs with its arms', async () => {
    let state: { split: unknown; requests: unknown[] } = { split: null, requests: [request()] };
    const calls = stubOperations({
      VersionExperiments: () => ({ thresholdShadows: [], marketExperiments: [{ market: 'NL', shadows: [], split: state.split }], thresholdSplitRequests: { nodes: state.requests } }),
      ApproveThresholdSplitRequest: () => {
        state = { split, requests: [request({ status: 'APPROVED', reviewer: 'user:4:approver.ali' })] };
        return { approveThresholdSplitRequest: state.requests[0] };
      },
    });
    render(<VersionExperiments versionId="7" version={7} market="NL" inForce={false} user={ali} />);
    expect(await screen.findByText('No split runs in NL: the version in force decides for every shopper.')).toBeTruthy();
    // Rejecting needs a comment.
    expect((screen.getByRole('button', { name: 'Reject request 9' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Comment (required to reject)'), { target: { value: 'fine' } });
    fireEvent.click(screen.getByRole('button', { name: 'Approve request 9' }));
    await confirm('Approve the split');
    expect(await screen.findByText('Request 9 approved: it is in effect now.')).toBeTruthy();
    expect(calls.find((c) => c.name === 'ApproveThresholdSplitRequest')?.variables).toEqual({ id: '9', comment: 'fine' });
    const summary = await screen.findByTestId('split-summary');
    expect(summary.textContent).toContain('Version 7 decides for 10 % of NL\'s shoppers since 2026-12-02 08:00:00 UTC, requested by approver.bea');
    expect(screen.getByText('Approved by approver.ali.')).toBeTruthy();
    const rows = screen.getByRole('table', { name: "Decline rate per arm of NL's split" }).querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.textContent)).toEqual(['Champion (version in force)90910.00 %', 'Challenger (split version)10330.00 %']);
    expect(screen.getByText('No split request awaits approval in NL.')).toBeTruthy();
  });
});

describe('the thresholds page panel', () => {
  it('lists the shadows running in the market with their comparisons, and the split', async () => {
    stubOperations({ MarketExperiments: () => ({ marketExperiments: [{ market: 'NL', shadows: [shadow()], split }] }) });
    render(<MarketExperimentsPanel market="NL" />);
    const link = await screen.findByRole('link', { name: 'comparison of run 3' });
    expect(link.getAttribute('href')).toBe('/thresholds/shadows/3');
    expect(screen.getByRole('list', { name: 'Shadows running in NL' }).textContent).toContain('Version 7 in shadow since 2026-12-01 10:00:00 UTC, running until stopped');
    await waitFor(() => expect(screen.getByTestId('split-summary').textContent).toContain('10 %'));
  });
});
