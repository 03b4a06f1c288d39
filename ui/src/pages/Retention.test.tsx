import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../lib/session';
import { GraphQLErrors, stubOperations } from '../testing/graphql';
import { RetentionPage } from './Retention';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const aude: SessionUser = { username: 'auditor.aude', displayName: 'Aude', roles: ['AUDITOR'] };
const ali: SessionUser = { username: 'approver.ali', displayName: 'Ali', roles: ['APPROVER'] };
const admin: SessionUser = { username: 'admin', displayName: 'Admin', roles: ['ADMIN'] };
const props = { params: {}, query: new URLSearchParams('market=US') };

const defaultPolicy = { id: null, version: 0, keepMonths: 25, afterRetention: 'DELETE', requestId: null, author: null, approver: null, rationale: 'The default', createdAt: null };
const floor = { months: 25, basis: 'Regulation B, 12 CFR 1002.12(b)(1).' };

const request = (over: Record<string, unknown> = {}) => ({
  id: '4',
  market: 'US',
  keepMonths: 36,
  afterRetention: 'ANONYMISE',
  rationale: 'three years of statistics',
  baseVersion: 0,
  status: 'SUBMITTED',
  author: 'user:6:auditor.aude',
  reviewer: null as string | null,
  reviewComment: null as string | null,
  publishedVersionId: null as string | null,
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
  ...over,
});

const month = (m: string, state: string, heldBy: { id: string; placedAt: string }[] = []) => ({
  month: `${m}-01T00:00:00Z`,
  decisions: 1200,
  dueAt: '2027-01-01T00:00:00Z',
  afterRetention: 'DELETE',
  state,
  heldBy,
});

const hold = (over: Record<string, unknown> = {}) => ({
  id: '7',
  market: null,
  from: null,
  to: null,
  shopperId: 's-litigant',
  merchantId: null,
  reason: 'Doe v. Lender',
  active: true as boolean,
  placedBy: 'user:6:auditor.aude',
  placedAt: '2026-12-02T09:00:00Z',
  liftedBy: null as string | null,
  liftedAt: null as string | null,
  liftComment: null as string | null,
  ...over,
});

const erasure = (over: Record<string, unknown> = {}) => ({
  id: '3',
  reference: 'DSR-3' as string | null,
  requestedBy: 'token:9:privacy',
  requestedAt: '2026-12-01T08:00:00Z',
  state: 'NOW_DONE',
  dueAt: null as string | null,
  erasedAtRequest: 2,
  erasedLater: 0,
  doneAt: '2026-12-01T08:00:00Z' as string | null,
  ...over,
});

/** A server holding one market's retention: policy, versions, requests, plan, holds and erasures, changed by the mutations. */
function server(state: {
  policy: Record<string, unknown>;
  versions: unknown[];
  requests: ReturnType<typeof request>[];
  holds: ReturnType<typeof hold>[];
  months: unknown[];
  erasures?: ReturnType<typeof erasure>[];
}) {
  return stubOperations({
    ErasureRequests: (v) => {
      const all = (state.erasures ?? []).filter((e) => !v.state || e.state === v.state);
      const from = v.after ? Number(v.after) : 0;
      const end = from + (v.first as number);
      return { erasureRequests: { nodes: all.slice(from, end), pageInfo: { hasNextPage: end < all.length, endCursor: end < all.length ? String(end) : null } } };
    },
    RequestErasure: (v) => {
      if (v.reference === 'x'.repeat(300)) throw new GraphQLErrors([{ message: 'invalid input', extensions: { code: 'INVALID', fields: [{ field: 'reference', message: 'must be at most 200 bytes' }] } }]);
      const r = erasure({ id: '9', reference: v.reference, requestedBy: 'user:1:admin', requestedAt: '2026-12-06T12:00:00Z', state: 'SCHEDULED', dueAt: '2027-02-01T00:00:00Z', erasedAtRequest: 3, doneAt: null });
      state.erasures = [r, ...(state.erasures ?? [])];
      return { requestErasure: { request: r, erasedNow: 3, waiting: 2, repeated: false } };
    },
    RetentionMarket: () => ({
      retentionPolicies: ['DE', 'GB', 'SE', 'US'].map((m) => ({ market: m, floor, maxKeepMonths: 120, policy: m === 'US' ? state.policy : defaultPolicy })),
      retentionPolicyVersions: { nodes: state.versions, pageInfo: { hasNextPage: false } },
      retentionPolicyRequests: { nodes: state.requests },
      retentionPlan: { asOf: '2026-12-06T12:00:00Z', countsAsOf: '2026-12-06T11:59:00Z', months: state.months },
    }),
    PendingRetentionRequests: () => ({ retentionPolicyRequests: { nodes: state.requests.filter((r) => r.status === 'SUBMITTED'), pageInfo: { hasNextPage: false } } }),
    LegalHolds: (v) => ({ legalHolds: { nodes: state.holds.filter((h) => v.active !== true || h.active), pageInfo: { hasNextPage: false } } }),
    Markets: () => ({ markets: [{ code: 'US', name: 'United States', hasDecisions: true }] }),
    ProposeRetentionPolicy: (v) => {
      if (v.rationale === '') throw new GraphQLErrors([{ message: 'invalid input', extensions: { code: 'INVALID', fields: [{ field: 'rationale', message: 'is required: say why the policy should change' }] } }]);
      const r = request({ id: '5', keepMonths: v.keepMonths, afterRetention: v.afterRetention, rationale: v.rationale });
      state.requests = [r, ...state.requests];
      return { proposeRetentionPolicy: r };
    },
    ApproveRetentionPolicyRequest: (v) => {
      const r = { ...state.requests.find((x) => x.id === v.id)!, status: 'APPROVED', reviewer: 'user:4:approver.ali', publishedVersionId: '1' };
      state.requests = state.requests.map((x) => (x.id === v.id ? r : x));
      state.policy = { ...defaultPolicy, id: '1', version: 1, keepMonths: r.keepMonths, afterRetention: r.afterRetention, author: r.author, approver: r.reviewer, createdAt: '2026-12-06T12:00:00Z' };
      state.versions = [state.policy];
      return { approveRetentionPolicyRequest: r };
    },
    PlaceLegalHold: (v) => {
      const input = v.input as Record<string, unknown>;
      if (!input.reason) throw new GraphQLErrors([{ message: 'invalid input', extensions: { code: 'INVALID', fields: [{ field: 'input.reason', message: 'is required' }] } }]);
      const h = hold({ id: '8', ...input });
      state.holds = [h, ...state.holds];
      return { placeLegalHold: h };
    },
    LiftLegalHold: (v) => {
      const h = { ...state.holds.find((x) => x.id === v.id)!, active: false, liftedBy: 'user:4:approver.ali', liftedAt: '2026-12-06T12:00:00Z', liftComment: v.comment as string };
      state.holds = state.holds.map((x) => (x.id === v.id ? h : x));
      return { liftLegalHold: h };
    },
  });
}

describe('the Retention page', () => {
  it('lets an auditor propose a change, shown as a request for another person, the policy in force unchanged', async () => {
    const calls = server({ policy: defaultPolicy, versions: [], requests: [], holds: [], months: [month('2024-01', 'KEPT')] });
    render(<RetentionPage {...props} user={aude} />);
    expect((await screen.findByTestId('policy-in-force')).textContent).toContain('The default: decisions are kept 25 months after the end of their month, then deleted.');
    expect(screen.getByText(/No version has been approved in US/)).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Propose a retention policy' });
    // Below the floor: refused where it is typed, nothing sent.
    fireEvent.input(within(form).getByLabelText(/Keep for/), { target: { value: '24' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Request the change' }));
    expect(await within(form).findByText('At least 25 months in this market.')).toBeTruthy();
    expect(calls.some((c) => c.name === 'ProposeRetentionPolicy')).toBe(false);
    // The server's refusal shows at its field.
    fireEvent.input(within(form).getByLabelText(/Keep for/), { target: { value: '36' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Request the change' }));
    expect(await within(form).findByText('is required: say why the policy should change')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText(/^Then/), { target: { value: 'ANONYMISE' } });
    fireEvent.input(within(form).getByLabelText(/^Rationale for the approver/), { target: { value: 'three years of statistics' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Request the change' }));
    expect(await screen.findByText(/^Request 5 sent: US decisions kept 36 months .* then anonymised/)).toBeTruthy();
    expect(calls.filter((c) => c.name === 'ProposeRetentionPolicy').at(-1)!.variables.afterRetention).toBe('ANONYMISE');
    // The form starts again, and every control shows what it would send now: the select too.
    expect((within(form).getByLabelText(/^Then/) as HTMLSelectElement).value).toBe('DELETE');
    expect((within(form).getByLabelText(/Keep for/) as HTMLInputElement).value).toBe('');
    expect((within(form).getByLabelText(/^Rationale for the approver/) as HTMLInputElement).value).toBe('');
    const pending = await screen.findByTestId('retention-request-5');
    expect(pending.textContent).toContain('You proposed this change, so an approver or another auditor must decide on it.');
    expect(within(pending).queryByRole('button', { name: /Approve/ })).toBeNull();
    expect(screen.getByTestId('policy-in-force').textContent).toContain('The default');
    expect(calls.filter((c) => c.name === 'RetentionMarket').length).toBeGreaterThanOrEqual(2);
  });

  it('lets an approver approve another person’s request after asking, and then shows the new version in force and in the history', async () => {
    server({ policy: defaultPolicy, versions: [], requests: [request()], holds: [], months: [] });
    render(<RetentionPage {...props} user={ali} />);
    const pending = await screen.findByTestId('retention-request-4');
    expect(within(pending).getByRole('button', { name: 'Reject request 4' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(pending).getByRole('button', { name: 'Approve request 4' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('version 1 is in force in US');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve the policy' }));
    expect(await screen.findByText('Request 4 approved: it is the policy in force in US now.')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('policy-in-force').textContent).toContain('Version 1: decisions are kept 36 months'));
    const history = screen.getByRole('table', { name: 'Retention policy versions of US' });
    expect(within(history).getAllByRole('row')[1].textContent).toContain('136Anonymise');
    expect(screen.queryByTestId('retention-request-4')).toBeNull();
  });

  it('shows the plan per month with its state and holds', async () => {
    server({ policy: defaultPolicy, versions: [], requests: [], holds: [], months: [month('2023-12', 'DUE'), month('2024-01', 'HELD', [{ id: '7', placedAt: '2026-12-02T09:00:00Z' }]), month('2024-02', 'KEPT')] });
    render(<RetentionPage {...props} user={admin} />);
    const plan = await screen.findByRole('table', { name: 'Retention plan of US' });
    expect(within(plan).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([
      '2023-121,2002027-01-01 00:00:00 UTCDeleteMay leave now',
      '2024-011,2002027-01-01 00:00:00 UTCDeleteHeldhold 7',
      '2024-021,2002027-01-01 00:00:00 UTCDeleteKept',
    ]);
    // An admin reads the policy and the plan, not the holds, and proposes nothing.
    expect(screen.queryByRole('heading', { name: 'Legal holds' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Propose a retention policy' })).toBeNull();
  });

  it('lets an auditor place a hold, which only another person may lift, with a reason', async () => {
    const state = { policy: defaultPolicy, versions: [], requests: [], holds: [hold()], months: [] };
    server(state);
    const { unmount } = render(<RetentionPage {...props} user={aude} />);
    const own = await screen.findByTestId('hold-7');
    expect(own.textContent).toContain('every market · shopper s-litigant');
    expect(own.textContent).toContain('You placed this hold, so another auditor or an approver must lift it.');
    const form = screen.getByRole('form', { name: 'Place a legal hold' });
    fireEvent.input(within(form).getByLabelText('Merchant id'), { target: { value: 'm-9' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Place the hold' }));
    expect(await within(form).findByText('is required')).toBeTruthy();
    fireEvent.input(within(form).getByLabelText(/^Reason \(the matter or claim\)/), { target: { value: 'a merchant dispute' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Place the hold' }));
    expect(await screen.findByText(/^Hold 8 placed on every market · merchant m-9/)).toBeTruthy();
    expect((await screen.findByTestId('hold-8')).textContent).toContain('In force');
    unmount();

    render(<RetentionPage {...props} user={ali} />);
    const h = await screen.findByTestId('hold-7');
    const lift = within(h).getByRole('button', { name: 'Lift hold 7' });
    expect(lift.hasAttribute('disabled')).toBe(true);
    fireEvent.input(within(h).getByLabelText('Why it may be lifted'), { target: { value: 'settled' } });
    fireEvent.click(lift);
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Lift the hold' }));
    expect(await screen.findByText('Hold 7 lifted.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('hold-7')).toBeNull()); // only holds in force are listed
    fireEvent.click(screen.getByLabelText('Show lifted holds too'));
    expect((await screen.findByTestId('hold-7')).textContent).toContain('Lifted by approver.ali');
  });

  it('lets an admin erase a shopper after asking: a blank id is refused where it is typed, a server refusal shows at its field, the answer says what was unlinked and what waits', async () => {
    const state = { policy: defaultPolicy, versions: [], requests: [], holds: [], months: [], erasures: [erasure()] };
    const calls = server(state);
    render(<RetentionPage {...props} user={admin} />);
    const list = await screen.findByRole('table', { name: 'Erasure requests' });
    expect(within(list).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['3DSR-3privacy2026-12-01 08:00:00 UTCDone at request202026-12-01 08:00:00 UTC']);
    const form = screen.getByRole('form', { name: 'Erase a shopper' });
    const id = within(form).getByLabelText('Shopper id') as HTMLInputElement;
    const ref = within(form).getByLabelText(/^Reference/) as HTMLInputElement;

    // Blank (spaces only): refused where it is typed, nothing asked, nothing sent.
    fireEvent.input(id, { target: { value: '   ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Erase…' }));
    expect(await within(form).findByText('Write the id of the shopper to erase.')).toBeTruthy();
    expect(id.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.some((c) => c.name === 'RequestErasure')).toBe(false);

    // Cancelling the confirmation sends nothing and keeps the form.
    fireEvent.input(id, { target: { value: '  s-42 ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Erase…' }));
    let dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('Erase shopper s-42?');
    expect(dialog.textContent).toContain('This cannot be undone.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.some((c) => c.name === 'RequestErasure')).toBe(false);
    expect(id.value).toBe('  s-42 ');
    expect(within(form).queryByText('Write the id of the shopper to erase.')).toBeNull();

    // The server's refusal shows at its field; the form keeps what was typed.
    fireEvent.input(ref, { target: { value: 'x'.repeat(300) } });
    fireEvent.click(within(form).getByRole('button', { name: 'Erase…' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Erase the shopper' }));
    expect(await within(form).findByText('must be at most 200 bytes')).toBeTruthy();
    expect(id.value).toBe('  s-42 ');

    // Erased: the answer in words, the form cleared, the new request at the top of the list.
    fireEvent.input(ref, { target: { value: ' DSR-9 ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Erase…' }));
    dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('with the reference “DSR-9”');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Erase the shopper' }));
    expect(
      await screen.findByText(
        'Erasure request 9 recorded. 3 decisions unlinked from the shopper now. 2 decisions stay linked while a retention duty runs: they are unlinked at 2027-02-01 00:00:00 UTC.',
      ),
    ).toBeTruthy();
    expect(calls.filter((c) => c.name === 'RequestErasure').at(-1)!.variables).toEqual({ shopperId: 's-42', reference: 'DSR-9' });
    expect(id.value).toBe('');
    expect(ref.value).toBe('');
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Erasure requests' })).getAllByRole('row')[1].textContent).toContain('9DSR-9admin'));
    expect(within(screen.getByRole('table', { name: 'Erasure requests' })).getAllByRole('row')[1].textContent).toContain('Scheduled2027-02-01 00:00:00 UTC30');
  });

  it('filters the erasure requests by state and reads more of them', async () => {
    const erasures = Array.from({ length: 25 }, (_, i) => erasure({ id: String(30 - i), state: i % 5 === 0 ? 'HELD' : 'NOW_DONE', reference: null }));
    const calls = server({ policy: defaultPolicy, versions: [], requests: [], holds: [], months: [], erasures });
    render(<RetentionPage {...props} user={aude} />);
    const list = await screen.findByRole('table', { name: 'Erasure requests' });
    expect(within(list).getAllByRole('row')).toHaveLength(21);
    fireEvent.click(screen.getByRole('button', { name: 'More erasure requests' }));
    await waitFor(() => expect(within(list).getAllByRole('row')).toHaveLength(26));
    expect(within(list).getAllByRole('row')[25].textContent).toMatch(/^6/);
    expect(screen.queryByRole('button', { name: 'More erasure requests' })).toBeNull();
    const filter = screen.getByLabelText('State') as HTMLSelectElement;
    fireEvent.change(filter, { target: { value: 'HELD' } });
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Erasure requests' })).getAllByRole('row')).toHaveLength(6));
    expect(filter.value).toBe('HELD');
    expect(calls.filter((c) => c.name === 'ErasureRequests').at(-1)!.variables).toEqual({ state: 'HELD', first: 20, after: null });
    // An auditor reads the list and erases nobody.
    expect(screen.queryByRole('form', { name: 'Erase a shopper' })).toBeNull();
  });

  it('shows no erasure to an approver', async () => {
    server({ policy: defaultPolicy, versions: [], requests: [], holds: [], months: [], erasures: [erasure()] });
    render(<RetentionPage {...props} user={ali} />);
    await screen.findByTestId('policy-in-force');
    expect(screen.queryByRole('heading', { name: 'Erasure requests' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Erase a shopper' })).toBeNull();
  });
});
