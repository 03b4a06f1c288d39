import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import manifest from '../gql/persisted-documents.json';
import { ThresholdDraftPage } from './ThresholdDraft';

// The chart draws on a canvas, which happy-dom lacks; the what-if figures are what is checked.
vi.mock('../components/Chart', () => ({ Chart: () => null }));

const documents = manifest as Record<string, string>;

/** operationOf names the persisted document a request sends by hash. */
function operationOf(body: string): { name: string; variables: Record<string, unknown> } {
  const req = JSON.parse(body) as { variables: Record<string, unknown>; extensions: { persistedQuery: { sha256Hash: string } } };
  const text = documents[`sha256:${req.extensions.persistedQuery.sha256Hash}`] ?? documents[req.extensions.persistedQuery.sha256Hash];
  const name = /(?:query|mutation) (\w+)/.exec(text ?? '')?.[1];
  if (!name) throw new Error('unknown document');
  return { name, variables: req.variables };
}

const rule = (measuredValue: string, cutoff: number) => ({ measuredValue, factor: 'CREDIT_SCORE', comparator: 'GTE', cutoff, enabled: true, reasonCode: 'CREDIT_SCORE_INSUFFICIENT' });
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
});
