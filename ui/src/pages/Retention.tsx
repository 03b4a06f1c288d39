// Retention (issue 18): per market the policy in force and its history, requests to change it
// (an auditor proposes; an approver or another auditor decides, in their inbox or here), the
// legal holds (auditors place them, a second person lifts them), and the plan of what may leave
// when. The server decides every date and refuses what a role may not do; after each action the
// page reads everything again, so that it shows what is stored.
import { useState } from 'preact/hooks';
import { ErrorBox, FieldError, MarketTabs, Outcome, PageHeader, Progress, useAction, useQuery } from '../components/common';
import { useConfirm } from '../components/confirm';
import { ErasurePanel } from '../components/erasure';
import { MarketSelect, TimeField } from '../components/filters';
import { inboxChanged, useRetentionSubmissions } from '../components/inbox';
import { graphql } from '../gql';
import {
  RetentionAction,
  ThresholdDraftStatus,
  type LegalHoldFieldsFragment,
  type RetentionPlanFieldsFragment,
  type RetentionPolicyFieldsFragment,
  type RetentionRequestFieldsFragment,
} from '../gql/graphql';
import { gql } from '../lib/api';
import { formatNumber, formatTime, humanize } from '../lib/format';
import { pendingByMarket } from '../lib/inbox';
import { erasureReaders, holdLifters, holdPlacers, holdReaders, retentionApprovers, retentionProposers, type PageProps } from '../lib/pages';
import { timeFromText } from '../lib/query';
import { actionLabel, holdInput, holdScope, monthLabel, monthStateLabel, policySentence, readKeepMonths } from '../lib/retention';
import type { SessionUser } from '../lib/session';
import { isSelf, subjectName, submittedBy } from '../lib/subject';

graphql(`
  fragment RetentionPolicyFields on RetentionPolicy {
    id
    version
    keepMonths
    afterRetention
    requestId
    author
    approver
    rationale
    createdAt
  }
`);

graphql(`
  fragment RetentionRequestFields on RetentionPolicyRequest {
    id
    market
    keepMonths
    afterRetention
    rationale
    baseVersion
    status
    author
    reviewer
    reviewComment
    publishedVersionId
    createdAt
    updatedAt
  }
`);

graphql(`
  fragment LegalHoldFields on LegalHold {
    id
    market
    from
    to
    shopperId
    merchantId
    reason
    active
    placedBy
    placedAt
    liftedBy
    liftedAt
    liftComment
  }
`);

graphql(`
  fragment RetentionPlanFields on RetentionPlan {
    asOf
    countsAsOf
    months {
      month
      decisions
      dueAt
      afterRetention
      state
      heldBy {
        id
        placedAt
      }
    }
  }
`);

const RetentionMarketQuery = graphql(`
  query RetentionMarket($market: String!) {
    retentionPolicies {
      market
      floor {
        months
        basis
      }
      maxKeepMonths
      policy {
        ...RetentionPolicyFields
      }
    }
    retentionPolicyVersions(market: $market, first: 20) {
      nodes {
        ...RetentionPolicyFields
      }
      pageInfo {
        hasNextPage
      }
    }
    retentionPolicyRequests(market: $market, first: 20) {
      nodes {
        ...RetentionRequestFields
      }
    }
    retentionPlan(market: $market) {
      ...RetentionPlanFields
    }
  }
`);

const LegalHoldsQuery = graphql(`
  query LegalHolds($active: Boolean) {
    legalHolds(active: $active, first: 50) {
      nodes {
        ...LegalHoldFields
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

const ProposeMutation = graphql(`
  mutation ProposeRetentionPolicy($market: String!, $keepMonths: Int!, $afterRetention: RetentionAction!, $rationale: String!) {
    proposeRetentionPolicy(market: $market, keepMonths: $keepMonths, afterRetention: $afterRetention, rationale: $rationale) {
      ...RetentionRequestFields
    }
  }
`);

const ApproveMutation = graphql(`
  mutation ApproveRetentionPolicyRequest($id: ID!, $comment: String) {
    approveRetentionPolicyRequest(id: $id, comment: $comment) {
      ...RetentionRequestFields
    }
  }
`);

const RejectMutation = graphql(`
  mutation RejectRetentionPolicyRequest($id: ID!, $comment: String!) {
    rejectRetentionPolicyRequest(id: $id, comment: $comment) {
      ...RetentionRequestFields
    }
  }
`);

const PlaceHoldMutation = graphql(`
  mutation PlaceLegalHold($input: LegalHoldInput!) {
    placeLegalHold(input: $input) {
      ...LegalHoldFields
    }
  }
`);

const LiftHoldMutation = graphql(`
  mutation LiftLegalHold($id: ID!, $comment: String!) {
    liftLegalHold(id: $id, comment: $comment) {
      ...LegalHoldFields
    }
  }
`);

const has = (user: SessionUser, roles: readonly string[]) => user.roles.some((r) => roles.includes(r));

/** RetentionPage: one market's policy, its requests and plan, and the legal holds. */
export function RetentionPage({ query, user }: PageProps) {
  const market = (query.get('market') ?? 'DE').toUpperCase();
  // Every action bumps refresh: the market's answer and the holds are read again.
  const [refresh, setRefresh] = useState(0);
  const res = useQuery(RetentionMarketQuery, { market }, `${market}|${refresh}`);
  const pendingIn = pendingByMarket(useRetentionSubmissions(`retention|${refresh}`, !has(user, retentionApprovers)).all.flatMap((s) => (s.market ? [{ market: s.market }] : [])));
  const changed = () => {
    setRefresh((n) => n + 1);
    inboxChanged();
  };
  const d = res.data;
  const mp = d?.retentionPolicies.find((p) => p.market === market);
  return (
    <>
      <PageHeader title="Retention" />
      <p class="muted">
        How long each market keeps its decisions, their outcome events and review cases in full, what happens to them after, and what keeps them longer. Nothing is purged or
        anonymised from this page: the plan shows when a month may leave.
      </p>
      <MarketTabs path="/retention" market={market} pending={pendingIn} what="request" />
      {res.error !== null && <ErrorBox error={res.error} title={`Could not load the retention of ${market}`} />}
      {!d && res.loading && <Progress label="Loading the retention policy and plan…" />}
      {d && mp && (
        <>
          <PolicyPanel market={market} floor={mp.floor} policy={mp.policy} versions={d.retentionPolicyVersions.nodes} more={d.retentionPolicyVersions.pageInfo.hasNextPage} />
          <RequestsPanel
            market={market}
            user={user}
            requests={d.retentionPolicyRequests.nodes}
            policy={mp.policy}
            floor={mp.floor.months}
            max={mp.maxKeepMonths}
            changed={changed}
          />
          <PlanPanel market={market} plan={d.retentionPlan} />
        </>
      )}
      {has(user, holdReaders) && <HoldsPanel user={user} refresh={refresh} changed={changed} />}
      {has(user, erasureReaders) && <ErasurePanel user={user} refresh={refresh} />}
    </>
  );
}

function PolicyPanel(props: {
  market: string;
  floor: { months: number; basis: string };
  policy: RetentionPolicyFieldsFragment;
  versions: RetentionPolicyFieldsFragment[];
  more: boolean;
}) {
  const { market, policy } = props;
  return (
    <section class="panel" aria-labelledby="policy-h">
      <h2 id="policy-h">Policy in force in {market}</h2>
      <p data-testid="policy-in-force">
        <strong>{policy.version === 0 ? 'The default' : `Version ${policy.version}`}</strong>: decisions are {policySentence(policy)}.{' '}
        {policy.version > 0 && (
          <span class="muted">
            {submittedBy(policy.author, policy.approver, 'approved')}, {formatTime(policy.createdAt)}.
          </span>
        )}
      </p>
      <p class="muted">
        Floor in {market}: {props.floor.months} months. {props.floor.basis}
      </p>
      <h3>History</h3>
      {props.versions.length === 0 ? (
        <p>No version has been approved in {market}: the default is in force.</p>
      ) : (
        <div class="table-wrap">
          <table aria-label={`Retention policy versions of ${market}`}>
            <thead>
              <tr>
                <th>Version</th>
                <th class="num">Months</th>
                <th>After</th>
                <th>Proposed by</th>
                <th>Approved by</th>
                <th>Approved (UTC)</th>
                <th>Rationale</th>
              </tr>
            </thead>
            <tbody>
              {props.versions.map((v) => (
                <tr key={v.id} data-version={v.version}>
                  <td>{v.version}</td>
                  <td class="num">{v.keepMonths}</td>
                  <td>{humanize(v.afterRetention)}</td>
                  <td>{subjectName(v.author)}</td>
                  <td>{subjectName(v.approver)}</td>
                  <td>{formatTime(v.createdAt)}</td>
                  <td>{v.rationale}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.more && <p class="muted">Only the 20 newest versions are shown.</p>}
    </section>
  );
}

function RequestsPanel(props: {
  market: string;
  user: SessionUser;
  requests: RetentionRequestFieldsFragment[];
  policy: RetentionPolicyFieldsFragment;
  floor: number;
  max: number;
  changed: () => void;
}) {
  const { market, user, policy } = props;
  const canPropose = has(user, retentionProposers);
  const canDecide = has(user, retentionApprovers);
  const [months, setMonths] = useState('');
  const [after, setAfter] = useState<RetentionAction>(RetentionAction.Delete);
  const [rationale, setRationale] = useState('');
  const [monthsError, setMonthsError] = useState('');
  const [comments, setComments] = useState<Record<string, string>>({});
  const act = useAction(props.changed);
  const confirm = useConfirm();
  const pending = props.requests.filter((r) => r.status === ThresholdDraftStatus.Submitted);
  const decided = props.requests.filter((r) => r.status !== ThresholdDraftStatus.Submitted).slice(0, 10);

  const propose = (e: Event) => {
    e.preventDefault();
    const n = readKeepMonths(months, props.floor, props.max);
    setMonthsError(typeof n === 'string' ? n : '');
    if (typeof n === 'string') return;
    act.run(async () => {
      const r = (await gql(ProposeMutation, { market, keepMonths: n, afterRetention: after, rationale: rationale.trim() })).proposeRetentionPolicy;
      // The whole form starts again, its select too: it shows the state it will send.
      setMonths('');
      setAfter(RetentionAction.Delete);
      setRationale('');
      return `Request ${r.id} sent: ${market} decisions ${policySentence(r)}. An approver or another auditor decides on it; until then the policy in force stays.`;
    });
  };
  const decide = async (r: RetentionRequestFieldsFragment, approve: boolean) => {
    const comment = (comments[r.id] ?? '').trim();
    if (approve) {
      const sooner = r.keepMonths < policy.keepMonths;
      const ok = await confirm.ask({
        title: `Make ${market} keep decisions ${r.keepMonths} months, then ${r.afterRetention === RetentionAction.Anonymise ? 'anonymise' : 'delete'} them?`,
        body: (
          <>
            <p>
              From the moment you confirm, version {policy.version + 1} is in force in {market}: every month of decisions is dated by it. Now they are {policySentence(policy)}.
            </p>
            {sooner && <p>Months leave {policy.keepMonths - r.keepMonths} months sooner: some may be due at once (see the plan). Holds still keep what they cover.</p>}
            <p>
              Proposed by {subjectName(r.author)}: {r.rationale}
            </p>
          </>
        ),
        confirm: 'Approve the policy',
      });
      if (!ok) return;
    }
    act.run(async () => {
      if (approve) {
        await gql(ApproveMutation, { id: r.id, comment: comment || null });
      } else {
        await gql(RejectMutation, { id: r.id, comment });
      }
      setComments((c) => ({ ...c, [r.id]: '' }));
      return `Request ${r.id} ${approve ? `approved: it is the policy in force in ${market} now` : 'rejected'}.`;
    });
  };

  return (
    <section class="panel" aria-labelledby="requests-h">
      <h2 id="requests-h">Changes awaiting approval</h2>
      {pending.length === 0 ? (
        <p>No change of {market}'s policy awaits approval.</p>
      ) : (
        <ul class="stack" aria-label="Retention requests awaiting approval">
          {pending.map((r) => (
            <li key={r.id} data-testid={`retention-request-${r.id}`}>
              <p>
                <strong>Request {r.id}</strong>: {policySentence(r)}, proposed by {subjectName(r.author)} {formatTime(r.createdAt)}. <span class="muted">{r.rationale}</span>
              </p>
              {canDecide && isSelf(r.author, user) && <p class="notice">You proposed this change, so an approver or another auditor must decide on it.</p>}
              {canDecide && !isSelf(r.author, user) && (
                <div class="toolbar">
                  <label>
                    Comment (required to reject)
                    <input name="comment" value={comments[r.id] ?? ''} onInput={(e) => setComments((c) => ({ ...c, [r.id]: (e.currentTarget as HTMLInputElement).value }))} />
                  </label>
                  <FieldError error={act.error} field="comment" />
                  <button type="button" onClick={() => decide(r, true)} disabled={act.busy}>
                    Approve request {r.id}
                  </button>
                  <button type="button" class="secondary" onClick={() => decide(r, false)} disabled={act.busy || !(comments[r.id] ?? '').trim()}>
                    Reject request {r.id}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {decided.length > 0 && (
        <details>
          <summary>Recent decided requests</summary>
          <ul>
            {decided.map((r) => (
              <li key={r.id}>
                Request {r.id}: {r.keepMonths} months, then {actionLabel(r.afterRetention)}; {humanize(r.status).toLowerCase()} by {subjectName(r.reviewer)} {formatTime(r.updatedAt)}
                {r.reviewComment && ` (“${r.reviewComment}”)`}
              </li>
            ))}
          </ul>
        </details>
      )}
      {canPropose && (
        <form class="stack" onSubmit={propose} aria-label="Propose a retention policy">
          <h3>Propose a change for {market}</h3>
          <div class="toolbar">
            <label>
              Keep for (months after the end of the decision's month, {props.floor} to {props.max})
              <input
                name="keepMonths"
                inputMode="numeric"
                size={4}
                value={months}
                aria-invalid={monthsError ? true : undefined}
                onInput={(e) => setMonths((e.currentTarget as HTMLInputElement).value)}
              />
              {monthsError ? <span class="field-error">{monthsError}</span> : <FieldError error={act.error} field="keepMonths" />}
            </label>
            <label>
              Then
              <select name="afterRetention" value={after} onChange={(e) => setAfter((e.currentTarget as HTMLSelectElement).value as RetentionAction)}>
                <option value={RetentionAction.Delete}>Delete</option>
                <option value={RetentionAction.Anonymise}>Anonymise</option>
              </select>
              <FieldError error={act.error} field="afterRetention" />
            </label>
            <label>
              Rationale for the approver
              <input name="rationale" size={40} value={rationale} onInput={(e) => setRationale((e.currentTarget as HTMLInputElement).value)} />
              <FieldError error={act.error} field="rationale" />
            </label>
            <button type="submit" disabled={act.busy}>
              Request the change
            </button>
          </div>
          <p class="muted">The change is a request: it takes effect when an approver or another auditor approves it.</p>
        </form>
      )}
      {confirm.dialog}
      <Outcome done={act.done} error={act.error} />
    </section>
  );
}

function PlanPanel({ market, plan }: { market: string; plan: RetentionPlanFieldsFragment }) {
  return (
    <section class="panel" aria-labelledby="plan-h">
      <h2 id="plan-h">What may leave {market}, and when</h2>
      <p class="muted">
        As of {formatTime(plan.asOf)}. A month leaves whole once its duty ends (the end of the month plus the policy's months, in UTC), unless a legal hold keeps it. Counts from the
        rollups{plan.countsAsOf ? ` of ${formatTime(plan.countsAsOf)}` : ''}.
      </p>
      {plan.months.length === 0 ? (
        <p>{market} holds no decisions.</p>
      ) : (
        <div class="table-wrap">
          <table aria-label={`Retention plan of ${market}`}>
            <thead>
              <tr>
                <th>Month (UTC)</th>
                <th class="num">Decisions</th>
                <th>Duty ends (UTC)</th>
                <th>Then</th>
                <th>State</th>
                <th>Held by</th>
              </tr>
            </thead>
            <tbody>
              {plan.months.map((m) => {
                const s = monthStateLabel(m.state);
                return (
                  <tr key={m.month} data-month={monthLabel(m.month)}>
                    <td>{monthLabel(m.month)}</td>
                    <td class="num">{formatNumber(m.decisions)}</td>
                    <td>{formatTime(m.dueAt)}</td>
                    <td>{humanize(m.afterRetention)}</td>
                    <td>
                      <span class={`badge ${s.badge}`}>{s.text}</span>
                    </td>
                    <td>{m.heldBy.length === 0 ? '' : m.heldBy.map((h) => `hold ${h.id}`).join(', ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function HoldsPanel({ user, refresh, changed }: { user: SessionUser; refresh: number; changed: () => void }) {
  const [showLifted, setShowLifted] = useState(false);
  const res = useQuery(LegalHoldsQuery, { active: showLifted ? null : true }, `${showLifted}|${refresh}`);
  const canPlace = has(user, holdPlacers);
  const canLift = has(user, holdLifters);
  const [form, setForm] = useState({ market: '', from: '', to: '', shopperId: '', merchantId: '', reason: '' });
  const [comments, setComments] = useState<Record<string, string>>({});
  const act = useAction(changed);
  const confirm = useConfirm();
  const set = (k: keyof typeof form) => (e: Event) => setForm((f) => ({ ...f, [k]: (e.currentTarget as HTMLInputElement).value }));

  const place = (e: Event) => {
    e.preventDefault();
    const from = timeFromText(form.from);
    const to = timeFromText(form.to);
    if (from === null || to === null) return; // the field says why
    act.run(async () => {
      const h = (await gql(PlaceHoldMutation, { input: holdInput({ ...form, from, to }) })).placeLegalHold;
      setForm({ market: '', from: '', to: '', shopperId: '', merchantId: '', reason: '' });
      return `Hold ${h.id} placed on ${holdScope(h)}: those decisions are kept until a second person lifts it.`;
    });
  };
  const lift = async (h: LegalHoldFieldsFragment) => {
    const comment = (comments[h.id] ?? '').trim();
    const ok = await confirm.ask({
      title: `Lift hold ${h.id}?`,
      body: (
        <>
          <p>
            From the moment you confirm, the decisions of {holdScope(h)} are kept only as long as the retention policy says: months past their duty may leave, and a shopper's
            erasure may go ahead.
          </p>
          <p>
            Placed by {subjectName(h.placedBy)} {formatTime(h.placedAt)}: {h.reason}
          </p>
        </>
      ),
      confirm: 'Lift the hold',
      danger: true,
    });
    if (!ok) return;
    act.run(async () => {
      await gql(LiftHoldMutation, { id: h.id, comment });
      setComments((c) => ({ ...c, [h.id]: '' }));
      return `Hold ${h.id} lifted.`;
    });
  };

  const holds = res.data?.legalHolds.nodes ?? [];
  return (
    <section class="panel" aria-labelledby="holds-h">
      <h2 id="holds-h">Legal holds</h2>
      <p class="muted">A hold keeps the decisions it selects, in any market, whatever the policy says, until a second person lifts it. Holds are shown to auditors and approvers only.</p>
      <label class="check">
        <input type="checkbox" checked={showLifted} onChange={(e) => setShowLifted((e.currentTarget as HTMLInputElement).checked)} /> Show lifted holds too
      </label>
      {res.error !== null && <ErrorBox error={res.error} title="Could not load the legal holds" />}
      {!res.data && res.loading && <Progress label="Loading the legal holds…" />}
      {res.data && holds.length === 0 && <p>{showLifted ? 'No hold has ever been placed.' : 'No hold is in force.'}</p>}
      {holds.length > 0 && (
        <ul class="stack" aria-label="Legal holds">
          {holds.map((h) => (
            <li key={h.id} data-testid={`hold-${h.id}`}>
              <p>
                <strong>Hold {h.id}</strong> <span class={`badge ${h.active ? 'overdue' : 'muted'}`}>{h.active ? 'In force' : 'Lifted'}</span> on {holdScope(h)}, placed by{' '}
                {subjectName(h.placedBy)} {formatTime(h.placedAt)}. <span class="muted">{h.reason}</span>
              </p>
              {!h.active && (
                <p class="muted">
                  Lifted by {subjectName(h.liftedBy)} {formatTime(h.liftedAt)}
                  {h.liftComment && `: “${h.liftComment}”`}
                </p>
              )}
              {h.active && canLift && isSelf(h.placedBy, user) && <p class="notice">You placed this hold, so another auditor or an approver must lift it.</p>}
              {h.active && canLift && !isSelf(h.placedBy, user) && (
                <div class="toolbar">
                  <label>
                    Why it may be lifted
                    <input name="comment" value={comments[h.id] ?? ''} onInput={(e) => setComments((c) => ({ ...c, [h.id]: (e.currentTarget as HTMLInputElement).value }))} />
                  </label>
                  <FieldError error={act.error} field="comment" />
                  <button type="button" class="danger" onClick={() => lift(h)} disabled={act.busy || !(comments[h.id] ?? '').trim()}>
                    Lift hold {h.id}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {res.data?.legalHolds.pageInfo.hasNextPage && <p class="muted">Only the 50 newest holds are shown.</p>}
      {canPlace && (
        <form class="stack" onSubmit={place} aria-label="Place a legal hold">
          <h3>Place a hold</h3>
          <p class="muted">Name at least one of market, time range, shopper and merchant: the hold keeps the decisions that match all you name.</p>
          <div class="toolbar">
            <MarketSelect anyLabel="Every market" value={form.market} onChange={set('market')} />
            <FieldError error={act.error} field="input.market" />
            <TimeField label="From (UTC)" name="from" value={form.from} onInput={set('from')} />
            <TimeField label="To (UTC, excluded)" name="to" value={form.to} onInput={set('to')} />
            <FieldError error={act.error} field="input.to" />
            <label>
              Shopper id
              <input name="shopperId" value={form.shopperId} onInput={set('shopperId')} />
              <FieldError error={act.error} field="input.shopperId" />
            </label>
            <label>
              Merchant id
              <input name="merchantId" value={form.merchantId} onInput={set('merchantId')} />
              <FieldError error={act.error} field="input.merchantId" />
            </label>
          </div>
          <label>
            Reason (the matter or claim)
            <input name="reason" size={60} value={form.reason} onInput={set('reason')} />
            <FieldError error={act.error} field="input.reason" />
          </label>
          <FieldError error={act.error} field="input" />
          <p>
            <button type="submit" disabled={act.busy}>
              Place the hold
            </button>
          </p>
        </form>
      )}
      {confirm.dialog}
      <Outcome done={act.done} error={act.error} />
    </section>
  );
}
