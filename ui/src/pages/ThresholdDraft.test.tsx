import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { operationOf } from '../testing/graphql';
import { ThresholdDraftPage } from './ThresholdDraft';

// The chart draws on a canvas, which happy-dom lacks; the what-if figures are what is checked.
vi.mock('../components/Chart', () => ({ Chart: () => null }));

const rule = (measuredValue: string, cutoff: number) => ({ measuredValue, factor: 'CREDIT_SCORE', comparator: 'GTE', cutoff, enabled: true, reasonCode: 'CREDIT_SCORE_INSUFFICIENT', scale: 100 });
const draft = {
  id: '7',
  market: 'SE',
  baseVersionId: '3',
  status: 'DRAFT',
  revision: 1,
  author: 'user:2:anna',
  rationale: '',
  reviewer: null,
  reviewComment: null,
  publishedVersionId: null,
  createdAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-20T10:00:00Z',
  submittedAt: null,
  reviewedAt: null,
  rules: [rule('BUREAU_SCORE', 560), rule('AGE_YEARS', 18)],
  impact: null,
};

type Proposal = { measuredValue: string; cutoff: number }[];

/** An OutcomeFigures: n decisions of which mature ones, a bad rate (null for none), a loss, inferred ones with an interval. */
function figures(n: number, badRate: number | null, loss: number, inferred = 0) {
  const mature = n - inferred;
  return {
    decisions: n,
    volume: n * 100,
    mature,
    immature: 0,
    bad: Math.round(mature * (badRate ?? 0)),
    inferred,
    inferredBad: inferred * (badRate ?? 0),
    badRate,
    badRateLow: badRate === null ? null : inferred ? badRate - 0.01 : badRate,
    badRateHigh: badRate === null ? null : inferred ? badRate + 0.01 : badRate,
    loss,
    lossLow: inferred ? loss * 0.8 : loss,
    lossHigh: inferred ? loss * 1.2 : loss,
    lossRate: n ? loss / (n * 100) : null,
  };
}

/** The outcome part of a simulation at a bureau cut-off: a higher cut-off approves fewer with a lower bad rate and loss. */
function outcomes(cutoff: number, inferenceAvailable: boolean) {
  const approved = 1000 - cutoff;
  const bad = 0.05 - (cutoff - 500) / 10000;
  return {
    badDefinition: { version: 1, description: 'ever LATE_60_89 or worse within 6 months', windowMonths: 6 },
    approvalRateNow: 0.44,
    approvalRateProposed: approved / 1000,
    outcomesNow: figures(440, 0.044, 1936),
    outcomesProposed: figures(approved, bad, approved * 100 * bad),
    swapSet: {
      keptApproved: figures(Math.min(440, approved), 0.04, 1500),
      swapOut: figures(Math.max(0, cutoff - 560), 0.09, 400),
      swapIn: inferenceAvailable ? figures(Math.max(0, 560 - cutoff), 0.12, 300, Math.max(0, 560 - cutoff)) : figures(Math.max(0, 560 - cutoff), null, 0, Math.max(0, 560 - cutoff)),
      keptDeclined: inferenceAvailable ? figures(100, 0.3, 3000, 100) : figures(100, null, 0, 100),
    },
    immatureShare: 0.25,
    inference: inferenceAvailable
      ? { available: true, note: null, method: 'logistic regression', samples: 4000, bads: 180, auc: 0.781 }
      : { available: false, note: 'only 120 mature decisions, at least 200 needed', method: 'logistic regression', samples: 120, bads: 4, auc: null },
  };
}

/** A sweep point of the bureau score: approval falls and the bad rate with it as the cut-off rises. */
const sweep = (cutoff: number) => ({ cutoff, declineRate: cutoff / 1000, approvalRate: 1 - cutoff / 1000, badRate: 0.05 - (cutoff - 500) / 10000, lossRate: 0.02 - (cutoff - 500) / 25000 });
const bureau = (p: Proposal) => p.find((r) => r.measuredValue === 'BUREAU_SCORE')!.cutoff;

/** A server: the draft, a what-if whose proposed rate is the bureau cut-off / 1000, straight curves. */
function server(opts: { inference?: boolean } = {}) {
  const inferenceAvailable = opts.inference ?? true;
  const simulations: { cutoff: number; signal: AbortSignal }[] = [];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    const { name, variables } = operationOf(String(init.body));
    let data: unknown;
    switch (name) {
      case 'ThresholdDraft':
        data = { thresholdDraft: draft };
        break;
      case 'WhatIfStatus':
        data = { whatIfStatus: { loaded: 10, total: 10, ready: true } };
        break;
      case 'Sensitivity': {
        const p = variables.proposal as Proposal;
        const mv = variables.measuredValue as string;
        data = {
          sensitivity: {
            measuredValue: mv,
            comparator: 'GTE',
            assessed: 100,
            declineRateWithoutRule: 0.1,
            proposedCutoff: p.find((r) => r.measuredValue === mv)!.cutoff,
            proposedRate: 0.2,
            points: mv === 'BUREAU_SCORE' ? [sweep(300), sweep(575), sweep(850)] : [{ ...sweep(500), cutoff: 18 }, { ...sweep(520), cutoff: 21 }],
            nowPoint: sweep(560),
            proposedPoint: sweep(p.find((r) => r.measuredValue === mv)!.cutoff),
            badDefinition: { description: 'ever LATE_60_89 or worse within 6 months' },
          },
        };
        break;
      }
      case 'Simulate': {
        const cutoff = bureau(variables.proposal as Proposal);
        simulations.push({ cutoff, signal: init.signal! });
        // Answers take a while, so that bursts of input overlap them.
        await new Promise((r) => setTimeout(r, 30));
        if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
        data = {
          simulate: {
            market: 'SE',
            from: '2026-08-20T00:00:00Z',
            to: '2026-11-20T00:00:00Z',
            baselineVersion: { id: '3', version: 3 },
            assessed: 1000,
            declinedNow: 100,
            declinedProposed: cutoff,
            declineRateNow: 0.1,
            declineRateProposed: cutoff / 1000,
            approvedToDeclined: Math.max(0, cutoff - 560),
            declinedToApproved: 0,
            reasons: [],
            days: [],
            categories: [],
            sampleApprovedToDeclined: [],
            sampleDeclinedToApproved: [],
            ...outcomes(cutoff, inferenceAvailable),
          },
        };
        break;
      }
      default:
        throw new Error(`unexpected operation ${name}`);
    }
    return new Response(JSON.stringify({ data }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  return { fetch, simulations };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const proposedFigure = () => document.querySelector('[data-figure="proposed"] .value')?.textContent;

describe('the threshold editor', () => {
  it('coalesces a slider drag into a few what-if requests for the latest rules, aborting stale ones', async () => {
    const s = server();
    vi.stubGlobal('fetch', s.fetch);
    render(<ThresholdDraftPage params={{ id: '7' }} query={new URLSearchParams()} user={{ username: 'anna', displayName: 'Anna', roles: ['ANALYST'] }} />);
    const slider = (await screen.findByLabelText('Bureau score cut-off slider')) as HTMLInputElement;
    await waitFor(() => expect(slider.disabled).toBe(false));
    await waitFor(() => expect(proposedFigure()).toBe('56.00 %'));
    const before = s.simulations.length;

    // Sixty input events, as a fast drag across the slider makes.
    for (let p = 400; p <= 1000; p += 10) {
      slider.value = String(p);
      fireEvent.input(slider);
    }
    // The number input follows the slider at once; the last position is the range's top.
    expect((screen.getByLabelText('Bureau score cut-off') as HTMLInputElement).value).toBe('850');
    await waitFor(() => expect(proposedFigure()).toBe('85.00 %'));
    const during = s.simulations.slice(before);
    expect(during.length).toBeGreaterThan(0);
    expect(during.length).toBeLessThanOrEqual(4);
    expect(during.at(-1)!.cutoff).toBe(850);
    expect(during.slice(0, -1).every((x) => x.signal.aborted || x.cutoff !== 850)).toBe(true);
  });

  it('maps the exact number to the slider and refuses what is not a cut-off at the field', async () => {
    vi.stubGlobal('fetch', server().fetch);
    render(<ThresholdDraftPage params={{ id: '7' }} query={new URLSearchParams()} user={{ username: 'anna', displayName: 'Anna', roles: ['ANALYST'] }} />);
    const slider = (await screen.findByLabelText('Bureau score cut-off slider')) as HTMLInputElement;
    await waitFor(() => expect(slider.disabled).toBe(false));
    const exact = screen.getByLabelText('Bureau score cut-off') as HTMLInputElement;
    fireEvent.input(exact, { target: { value: '575' } });
    // 575 on the 300…850 range is half way.
    await waitFor(() => expect(slider.value).toBe('500'));
    await waitFor(() => expect(proposedFigure()).toBe('57.50 %'));
    fireEvent.input(exact, { target: { value: '5x5' } });
    expect(await screen.findByText('must be a number')).toBeTruthy();
    expect(exact.getAttribute('aria-invalid')).toBe('true');
    // The rules keep the last good cut-off.
    expect(slider.value).toBe('500');
    expect((screen.getByRole('button', { name: 'Save draft' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('moves the cut-off one step of a twentieth of the rule scale per arrow press, and puts the curve\'s cut-off line where the knob is', async () => {
    vi.stubGlobal('fetch', server().fetch);
    render(<ThresholdDraftPage params={{ id: '7' }} query={new URLSearchParams()} user={{ username: 'anna', displayName: 'Anna', roles: ['ANALYST'] }} />);
    const slider = (await screen.findByLabelText('Bureau score cut-off slider')) as HTMLInputElement;
    await waitFor(() => expect(slider.disabled).toBe(false));
    const exact = screen.getByLabelText('Bureau score cut-off') as HTMLInputElement;
    const rule = slider.closest('fieldset')!;
    expect(rule.textContent).toContain('step 5');
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(exact.value).toBe('565');
    fireEvent.keyDown(slider, { key: 'ArrowUp' });
    fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(exact.value).toBe('560');
    fireEvent.keyDown(slider, { key: 'End' });
    expect(exact.value).toBe('850');
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(exact.value).toBe('300');
    // 575 is the middle knot of the curve (300, 575, 850): the knob and the line are half way.
    fireEvent.input(exact, { target: { value: '575' } });
    await waitFor(() => expect(slider.value).toBe('500'));
    await waitFor(() => expect(rule.querySelector('[data-testid="cutoff-line"]')?.getAttribute('x1')).toBe('150'));
  });

  it('shows approval rate, bad rate and loss now and proposed, the swap-set and the frontier, following the slider', async () => {
    vi.stubGlobal('fetch', server().fetch);
    render(<ThresholdDraftPage params={{ id: '7' }} query={new URLSearchParams()} user={{ username: 'anna', displayName: 'Anna', roles: ['ANALYST'] }} />);
    const slider = (await screen.findByLabelText('Bureau score cut-off slider')) as HTMLInputElement;
    await waitFor(() => expect(slider.disabled).toBe(false));
    const fig = (id: string) => document.querySelector(`[data-figure="${id}"] .value`)?.textContent;
    await waitFor(() => expect(fig('approval-proposed')).toBe('44.00 %'));
    expect(fig('approval-now')).toBe('44.00 %');
    expect(fig('bad-now')).toBe('4.4 %');
    expect(fig('bad-proposed')).toBe('4.4 %');
    expect(fig('loss-now')).toBe('1,936 SEK');
    expect(document.querySelector('[data-figure="immature"]')?.textContent).toContain('25.0 %');
    // The swap-set: inferred cells are marked, with their interval.
    const table = screen.getByRole('table', { name: 'Swap-set: now against proposed' });
    const kept = table.querySelector('td[data-cell="keptDeclined"]')!;
    expect(kept.textContent).toContain('100 decisions');
    expect(kept.textContent).toContain('30.0 %');
    expect(kept.textContent).toContain('inferred');
    expect(kept.textContent).toContain('29.0–31.0 %');
    expect(table.querySelector('td[data-cell="keptApproved"]')!.textContent).not.toContain('inferred');
    // The frontier under the first rule, with the now and proposed points.
    await waitFor(() => expect(document.querySelector('[data-point="proposed"]')?.textContent).toContain('cut-off 560'));
    expect(document.querySelector('[data-point="now"]')?.textContent).toContain('approval 44.0 %');

    const exact = screen.getByLabelText('Bureau score cut-off') as HTMLInputElement;
    fireEvent.input(exact, { target: { value: '700' } });
    await waitFor(() => expect(fig('approval-proposed')).toBe('30.00 %'));
    expect(fig('bad-proposed')).toBe('3.0 %');
    expect(fig('loss-proposed')).toBe('900 SEK');
    expect(document.querySelector('[data-figure="bad-proposed"] .muted')?.textContent).toBe('−1.40 pp');
    expect(table.querySelector('td[data-cell="swapOut"]')!.textContent).toContain('140 decisions');
    // The proposed point followed; today's did not.
    await waitFor(() => expect(document.querySelector('[data-point="proposed"]')?.textContent).toContain('cut-off 700, approval 30.0 %, bad rate 3.00 %'));
    expect(document.querySelector('[data-point="now"]')?.textContent).toContain('cut-off 560');
    expect(screen.getByRole('heading', { name: 'Trade-off under Bureau score' })).toBeTruthy();
    expect(document.querySelector('[data-figure="inference-unavailable"]')).toBeNull();
  });

  it('says plainly when there are too few mature outcomes to infer, and shows no inferred rate', async () => {
    vi.stubGlobal('fetch', server({ inference: false }).fetch);
    render(<ThresholdDraftPage params={{ id: '7' }} query={new URLSearchParams()} user={{ username: 'anna', displayName: 'Anna', roles: ['ANALYST'] }} />);
    const note = await screen.findByText(/^Too few mature outcomes to infer/);
    expect(note.textContent).toContain('only 120 mature decisions, at least 200 needed');
    const kept = screen.getByRole('table', { name: 'Swap-set: now against proposed' }).querySelector('td[data-cell="keptDeclined"]')!;
    expect(kept.textContent).toContain('not inferable');
    expect(kept.textContent).not.toContain('%');
  });

  it('shows the approver the outcomes predicted at submission and the full what-if of the submitted rules, computed now', async () => {
    const submitted = {
      ...draft,
      status: 'SUBMITTED',
      rationale: 'Fewer bad loans.',
      submittedAt: '2026-11-20T11:00:00Z',
      impact: {
        available: true,
        note: null,
        from: '2025-11-20T00:00:00Z',
        to: '2026-11-20T00:00:00Z',
        decisions: 5000,
        declineRateNow: 0.1,
        declineRateProposed: 0.15,
        approvedToDeclined: 250,
        declinedToApproved: 0,
        badDefinition: 'ever LATE_60_89 or worse within 6 months',
        approvalRateNow: 0.9,
        approvalRateProposed: 0.85,
        badRateNow: 0.031,
        badRateProposed: 0.024,
        badRateProposedLow: 0.022,
        badRateProposedHigh: 0.026,
        lossNow: 123456.7,
        lossProposed: 98765.4,
        lossRateNow: 0.012,
        lossRateProposed: 0.0095,
        matureDecisions: 3200,
      },
    };
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      const { name } = operationOf(String(init.body));
      const data =
        name === 'ThresholdDraft'
          ? { thresholdDraft: submitted }
          : name === 'WhatIfStatus'
            ? { whatIfStatus: { loaded: 1, total: 1, ready: true } }
            : name === 'ThresholdDiff'
              ? { thresholdDiff: [] }
              : name === 'Simulate'
                ? { simulate: bigSimulation }
                : null;
      if (!data) throw new Error(`unexpected operation ${name}`);
      return new Response(JSON.stringify({ data }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    vi.stubGlobal('fetch', fetch);
    render(<ThresholdDraftPage params={{ id: '7' }} query={new URLSearchParams()} user={{ username: 'ali', displayName: 'Ali', roles: ['APPROVER'] }} />);
    const group = await screen.findByRole('group', { name: 'Predicted outcomes' });
    const value = (id: string) => group.querySelector(`[data-figure="${id}"] .value`)?.textContent;
    expect(value('predicted-loss')).toBe('98,765 SEK');
    expect(value('predicted-bad')).toBe('2.4 %');
    expect(group.textContent).toContain('95 %: 2.2–2.6 %');
    expect(group.textContent).toContain('0.95 % of volume');
    expect(group.textContent).toContain('85.00 %');
    expect(group.textContent).toContain('3,200 of the proposal');
    expect(screen.getByRole('button', { name: 'Approve and publish' })).toBeTruthy();

    // Beside it, the full what-if of the submitted rules, computed now, its counts with separators.
    const live = (await screen.findByRole('heading', { name: 'What-if of these rules, computed now' })).closest('section')!;
    await waitFor(() => expect(live.querySelector('[data-figure="a2d"] .value')?.textContent).toBe('5,183'));
    expect(live.querySelector('[data-figure="window"]')?.textContent).toMatch(/^123,456 decisions of SE.*: 36,051 declined .* 41,234 as proposed\.$/);
    const reasons = screen.getByRole('table', { name: 'Declines per principal reason, now and proposed' });
    expect([...reasons.querySelectorAll('tbody td')].map((td) => td.textContent)).toEqual(['Credit score insufficient', '36,051', '41,234', '+5,183', 'Income insufficient', '2,000', '1,000', '−1,000']);
    expect(live.textContent).toContain('Would be declined (were approved): 5,183 decisions, the first 1 listed');
    expect(live.textContent).toContain('Would be approved (were declined): none');
    expect(screen.getByRole('link', { name: 'Open decision d-1' }).getAttribute('href')).toBe('/decisions/d-1');
  });
});

/** A simulation of a large market: counts in the tens of thousands. */
const bigSimulation = {
  market: 'SE',
  from: '2025-11-20T00:00:00Z',
  to: '2026-11-20T00:00:00Z',
  baselineVersion: { id: '3', version: 3 },
  assessed: 123456,
  declinedNow: 36051,
  declinedProposed: 41234,
  declineRateNow: 0.292,
  declineRateProposed: 0.334,
  approvedToDeclined: 5183,
  declinedToApproved: 0,
  reasons: [
    { code: 'INCOME_INSUFFICIENT', now: 2000, proposed: 1000 },
    { code: 'CREDIT_SCORE_INSUFFICIENT', now: 36051, proposed: 41234 },
    { code: 'UNDER_LEGAL_AGE', now: 0, proposed: 0 },
  ],
  days: [{ day: '2026-11-19T00:00:00Z', assessed: 400, declinedNow: 100, declinedProposed: 120 }],
  categories: [],
  sampleApprovedToDeclined: [{ decisionId: 'd-1', createdAt: '2026-11-19T10:00:00Z', merchantCategory: 'travel', amount: 1234.5 }],
  sampleDeclinedToApproved: [],
  ...outcomes(600, true),
};
