// A version's shadow runs and its market's challenger split (issue 17), on the version's page, and
// what runs beside the version in force per market, on the thresholds page. Both pages load this
// module when they show it (lib/lazy.tsx), so that it stays out of the first load. An approver
// starts and stops shadows and stops a split at once (each asks first); a split starts or changes
// only as a request that a second approver approves (the shared workflow), so the form here only
// asks.
import { useState } from 'preact/hooks';
import { ErrorBox, FieldError, Link, Outcome, Progress, useAction, useQuery } from './common';
import { useConfirm } from './confirm';
import { TimeField } from './filters';
import { inboxChanged } from './inbox';
import { graphql } from '../gql';
import { ThresholdDraftStatus, type ArmRateFieldsFragment, type ShadowFieldsFragment, type SplitFieldsFragment, type SplitRequestFieldsFragment } from '../gql/graphql';
import { gql } from '../lib/api';
import { armLabel, maxSplitPercent, readPercent, runState } from '../lib/experiments';
import { count, formatNumber, formatRate, formatTime, humanize } from '../lib/format';
import { thresholdApprovers, thresholdEditors } from '../lib/pages';
import { timeFromText } from '../lib/query';
import type { SessionUser } from '../lib/session';
import { isSelf, subjectName } from '../lib/subject';

graphql(`
  fragment ShadowFields on ThresholdShadow {
    id
    market
    version {
      version {
        id
        version
      }
    }
    startedAt
    startedBy
    endsAt
    stoppedAt
    stoppedBy
    running
  }
`);

graphql(`
  fragment ArmRateFields on ArmRate {
    arm
    decisions
    declined
    declineRate
  }
`);

graphql(`
  fragment SplitFields on ThresholdSplit {
    id
    market
    version {
      version {
        id
        version
      }
    }
    percent
    requestId
    startedAt
    startedBy
    endedAt
    endedBy
    running
    arms {
      ...ArmRateFields
    }
  }
`);

graphql(`
  fragment SplitRequestFields on ThresholdSplitRequest {
    id
    market
    version {
      version {
        id
        version
      }
    }
    percent
    rationale
    status
    author
    reviewer
    reviewComment
    createdAt
    updatedAt
  }
`);

const VersionExperimentsQuery = graphql(`
  query VersionExperiments($versionId: ID!, $market: String!) {
    thresholdShadows(versionId: $versionId, first: 20) {
      ...ShadowFields
    }
    marketExperiments(market: $market) {
      market
      shadows {
        id
      }
      split {
        ...SplitFields
      }
    }
    thresholdSplitRequests(market: $market, first: 20) {
      nodes {
        ...SplitRequestFields
      }
    }
  }
`);

const StartShadowMutation = graphql(`
  mutation StartThresholdShadow($versionId: ID!, $endsAt: Time) {
    startThresholdShadow(versionId: $versionId, endsAt: $endsAt) {
      ...ShadowFields
    }
  }
`);

const StopShadowMutation = graphql(`
  mutation StopThresholdShadow($id: ID!) {
    stopThresholdShadow(id: $id) {
      ...ShadowFields
    }
  }
`);

const RequestSplitMutation = graphql(`
  mutation RequestThresholdSplit($versionId: ID!, $percent: Int!, $rationale: String!) {
    requestThresholdSplit(versionId: $versionId, percent: $percent, rationale: $rationale) {
      ...SplitRequestFields
    }
  }
`);

const ApproveSplitMutation = graphql(`
  mutation ApproveThresholdSplitRequest($id: ID!, $comment: String) {
    approveThresholdSplitRequest(id: $id, comment: $comment) {
      ...SplitRequestFields
    }
  }
`);

const RejectSplitMutation = graphql(`
  mutation RejectThresholdSplitRequest($id: ID!, $comment: String!) {
    rejectThresholdSplitRequest(id: $id, comment: $comment) {
      ...SplitRequestFields
    }
  }
`);

const StopSplitMutation = graphql(`
  mutation StopThresholdSplit($market: String!) {
    stopThresholdSplit(market: $market) {
      ...SplitFields
    }
  }
`);

/** The most shadows a market runs at once (Mutation.startThresholdShadow). */
const maxShadows = 3;

export interface VersionExperimentsProps {
  versionId: string;
  version: number;
  market: string;
  /** Whether the version is in force now: it can then be neither a shadow nor a challenger. */
  inForce: boolean;
  user: SessionUser;
}

/** VersionExperiments shows a version's shadow runs and its market's challenger split, with what the user may do about them. */
export function VersionExperiments(props: VersionExperimentsProps) {
  const res = useQuery(VersionExperimentsQuery, { versionId: props.versionId, market: props.market }, `${props.versionId}/${props.market}`);
  if (res.error !== null && !res.data) return <ErrorBox error={res.error} title="Could not load the shadow runs and the split" />;
  if (!res.data) return <Progress label="Loading the shadow runs and the split…" />;
  const d = res.data;
  const running = d.marketExperiments.find((m) => m.market === props.market);
  return (
    <>
      <ShadowPanel {...props} shadows={d.thresholdShadows} marketShadows={running?.shadows.length ?? 0} reload={res.reload} />
      <SplitPanel {...props} split={running?.split ?? null} requests={d.thresholdSplitRequests.nodes} reload={res.reload} />
    </>
  );
}

type Shadow = ShadowFieldsFragment;

function ShadowPanel(props: VersionExperimentsProps & { shadows: Shadow[]; marketShadows: number; reload: () => void }) {
  const { shadows, market, version, user } = props;
  const isApprover = user.roles.some((r) => thresholdApprovers.includes(r));
  const [endsAt, setEndsAt] = useState('');
  const act = useAction(props.reload);
  const confirm = useConfirm();
  const live = shadows.find((s) => s.running);
  const full = props.marketShadows >= maxShadows;

  const start = async (e: Event) => {
    e.preventDefault();
    const end = timeFromText(endsAt);
    if (end === null) return; // the field says why
    const ok = await confirm.ask({
      title: `Start ${market} version ${version} in shadow?`,
      body: (
        <>
          <p>
            Every {market} purchase assessed from now on is also evaluated with version {version}, and what it would have decided is stored beside the decision. Shoppers are still
            decided by the version in force: the shadow changes no answer.
          </p>
          <p>{end ? `It stops by itself at ${formatTime(end)}, or when an approver stops it.` : 'It runs until an approver stops it.'}</p>
        </>
      ),
      confirm: 'Start the shadow',
    });
    if (!ok) return;
    act.run(async () => {
      const s = (await gql(StartShadowMutation, { versionId: props.versionId, endsAt: end || null })).startThresholdShadow;
      setEndsAt('');
      return `Version ${version} runs in shadow since ${formatTime(s.startedAt)}, ${runState(s)}.`;
    });
  };
  const stop = async (s: Shadow) => {
    const ok = await confirm.ask({
      title: `Stop the shadow of ${market} version ${version}?`,
      body: (
        <p>
          From the moment you confirm, {market} assessments no longer evaluate version {version}. Its comparison keeps the decisions of the run, {formatTime(s.startedAt)} until
          then. A new run can be started later.
        </p>
      ),
      confirm: 'Stop the shadow',
      danger: true,
    });
    if (!ok) return;
    act.run(async () => {
      const r = (await gql(StopShadowMutation, { id: s.id })).stopThresholdShadow;
      return `The shadow of version ${version} stopped at ${formatTime(r.stoppedAt)}.`;
    });
  };

  return (
    <section class="panel" aria-labelledby="shadow-h">
      <h2 id="shadow-h">Shadow runs</h2>
      <p class="muted">A shadow evaluates every {market} assessment with this version beside the version in force, without changing any answer, so that both can be compared on live traffic.</p>
      {shadows.length === 0 ? (
        <p>Version {version} has never run in shadow.</p>
      ) : (
        <div class="table-wrap">
          <table aria-label={`Shadow runs of version ${version}`}>
            <thead>
              <tr>
                <th>Run</th>
                <th>Started (UTC)</th>
                <th>State</th>
                <th>Started by</th>
                <th>
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shadows.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link href={`/thresholds/shadows/${s.id}`}>Comparison of run {s.id}</Link>
                  </td>
                  <td>{formatTime(s.startedAt)}</td>
                  <td>
                    <span class={`badge ${s.running ? 'ok' : 'muted'}`}>{s.running ? 'Running' : 'Stopped'}</span> {runState(s)}
                    {s.stoppedBy && ` by ${subjectName(s.stoppedBy)}`}
                  </td>
                  <td>{subjectName(s.startedBy)}</td>
                  <td>
                    {isApprover && s.running && (
                      <button type="button" class="danger" onClick={() => stop(s)} disabled={act.busy}>
                        Stop run {s.id}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {isApprover && !live && (
        props.inForce ? (
          <p class="muted">Version {version} is in force: only a version that is not can run in shadow.</p>
        ) : (
          <form class="toolbar" onSubmit={start} aria-label="Start a shadow">
            <TimeField label="Ends at (UTC, optional)" name="endsAt" value={endsAt} onInput={(e) => setEndsAt((e.currentTarget as HTMLInputElement).value)} />
            <FieldError error={act.error} field="endsAt" />
            <button type="submit" disabled={act.busy || full}>
              Start in shadow
            </button>
            {full && <span class="muted">{market} runs {count(props.marketShadows, 'shadow')} already, the most at once: stop one first.</span>}
          </form>
        )
      )}
      {confirm.dialog}
      <Outcome done={act.done} error={act.error} />
    </section>
  );
}

/** ArmRates shows a split's arms: decisions, declines and the decline rate of each. */
export function ArmRates({ arms, label }: { arms: readonly ArmRateFieldsFragment[]; label: string }) {
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          <th>Arm</th>
          <th class="num">Decisions</th>
          <th class="num">Declined</th>
          <th class="num">Decline rate</th>
        </tr>
      </thead>
      <tbody>
        {arms.map((a) => (
          <tr key={a.arm}>
            <td>{armLabel(a.arm)}</td>
            <td class="num">{formatNumber(a.decisions)}</td>
            <td class="num">{formatNumber(a.declined)}</td>
            <td class="num">{formatRate(a.declineRate, 2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** SplitSummary says who decides for which share while a split runs, and who asked for it. */
function SplitSummary({ split }: { split: SplitFieldsFragment }) {
  return (
    <p data-testid="split-summary">
      <Link href={`/thresholds/versions/${split.version.version.id}`}>Version {split.version.version.version}</Link> decides for {split.percent} % of {split.market}'s shoppers
      since {formatTime(split.startedAt)}, requested by {subjectName(split.startedBy)}
      {split.requestId && ` (request ${split.requestId})`}; the version in force decides for the rest.
    </p>
  );
}

function SplitPanel(props: VersionExperimentsProps & { split: SplitFieldsFragment | null; requests: SplitRequestFieldsFragment[]; reload: () => void }) {
  const { split, market, version, user } = props;
  const isApprover = user.roles.some((r) => thresholdApprovers.includes(r));
  const canRequest = user.roles.some((r) => thresholdEditors.includes(r));
  const [percent, setPercent] = useState('');
  const [rationale, setRationale] = useState('');
  const [percentError, setPercentError] = useState('');
  const [comments, setComments] = useState<Record<string, string>>({});
  const act = useAction(props.reload);
  const confirm = useConfirm();
  const pending = props.requests.filter((r) => r.status === ThresholdDraftStatus.Submitted);
  const reviewed = props.requests.filter((r) => r.status !== ThresholdDraftStatus.Submitted).slice(0, 5);
  // The approver of the running split: the reviewer of the request that started it.
  const approvedBy = split?.requestId ? props.requests.find((r) => r.id === split.requestId)?.reviewer : null;

  const request = (e: Event) => {
    e.preventDefault();
    const p = readPercent(percent);
    setPercentError(typeof p === 'string' ? p : '');
    if (typeof p === 'string') return;
    act.run(async () => {
      const r = (await gql(RequestSplitMutation, { versionId: props.versionId, percent: p, rationale: rationale.trim() })).requestThresholdSplit;
      setPercent('');
      setRationale('');
      return `Request ${r.id} sent: ${r.percent === 0 ? `end ${market}'s split` : `version ${version} for ${r.percent} % of ${market}'s shoppers`}. Another approver decides on it.`;
    });
  };
  const review = async (r: SplitRequestFieldsFragment, approve: boolean) => {
    const comment = (comments[r.id] ?? '').trim();
    if (approve) {
      const ok = await confirm.ask({
        title: r.percent === 0 ? `End ${market}'s split?` : `Let version ${r.version.version.version} decide for ${r.percent} % of ${market}'s shoppers?`,
        body: (
          <>
            <p>
              {r.percent === 0
                ? `From the moment you confirm, every ${market} shopper meets the version in force again.`
                : `From the moment you confirm, ${r.percent} % of ${market}'s shoppers, chosen from their shopper id so that each always meets the same set, are decided with version ${r.version.version.version}; the others with the version in force. Similar shoppers are treated differently on purpose: auditors see both arms' decline rates.`}
            </p>
            {split && r.percent > 0 && <p>It replaces the running split (version {split.version.version.version} at {split.percent} %).</p>}
            <p>Requested by {subjectName(r.author)}: {r.rationale}</p>
          </>
        ),
        confirm: 'Approve the split',
      });
      if (!ok) return;
    }
    act.run(async () => {
      if (approve) {
        await gql(ApproveSplitMutation, { id: r.id, comment: comment || null });
      } else {
        await gql(RejectSplitMutation, { id: r.id, comment });
      }
      setComments((c) => ({ ...c, [r.id]: '' }));
      inboxChanged();
      return `Request ${r.id} ${approve ? 'approved: it is in effect now' : 'rejected'}.`;
    });
  };
  const stop = async () => {
    if (!split) return;
    const ok = await confirm.ask({
      title: `End ${market}'s split now?`,
      body: <p>From the moment you confirm, every {market} shopper meets the version in force again; version {split.version.version.version} no longer decides for anyone.</p>,
      confirm: 'End the split',
      danger: true,
    });
    if (!ok) return;
    act.run(async () => {
      const s = (await gql(StopSplitMutation, { market })).stopThresholdSplit;
      return `${market}'s split ended at ${formatTime(s.endedAt)}.`;
    });
  };

  return (
    <section class="panel" aria-labelledby="split-h">
      <h2 id="split-h">Challenger split in {market}</h2>
      {split ? (
        <>
          <SplitSummary split={split} />
          {approvedBy && <p>Approved by {subjectName(approvedBy)}.</p>}
          <ArmRates arms={split.arms} label={`Decline rate per arm of ${market}'s split`} />
          {isApprover && (
            <p>
              <button type="button" class="danger" onClick={stop} disabled={act.busy}>
                End the split
              </button>
            </p>
          )}
        </>
      ) : (
        <p>No split runs in {market}: the version in force decides for every shopper.</p>
      )}
      <h3>Requests awaiting approval</h3>
      {pending.length === 0 ? (
        <p>No split request awaits approval in {market}.</p>
      ) : (
        <ul class="stack" aria-label="Split requests awaiting approval">
          {pending.map((r) => (
            <li key={r.id} data-testid={`split-request-${r.id}`}>
              <p>
                <strong>Request {r.id}</strong>: {r.percent === 0 ? `end the split` : `version ${r.version.version.version} for ${r.percent} %`}, by {subjectName(r.author)}{' '}
                {formatTime(r.createdAt)}. <span class="muted">{r.rationale}</span>
              </p>
              {isApprover && isSelf(r.author, user) && <p class="notice">You asked for this split, so another approver must decide on it.</p>}
              {isApprover && !isSelf(r.author, user) && (
                <div class="toolbar">
                  <label>
                    Comment (required to reject)
                    <input name="comment" value={comments[r.id] ?? ''} onInput={(e) => setComments((c) => ({ ...c, [r.id]: (e.currentTarget as HTMLInputElement).value }))} />
                  </label>
                  <FieldError error={act.error} field="comment" />
                  <button type="button" onClick={() => review(r, true)} disabled={act.busy}>
                    Approve request {r.id}
                  </button>
                  <button type="button" class="secondary" onClick={() => review(r, false)} disabled={act.busy || !(comments[r.id] ?? '').trim()}>
                    Reject request {r.id}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {reviewed.length > 0 && (
        <details>
          <summary>Recent decided requests</summary>
          <ul>
            {reviewed.map((r) => (
              <li key={r.id}>
                Request {r.id}: version {r.version.version.version} for {r.percent} %, {humanize(r.status).toLowerCase()} by {subjectName(r.reviewer)} {formatTime(r.updatedAt)}
                {r.reviewComment && ` (“${r.reviewComment}”)`}
              </li>
            ))}
          </ul>
        </details>
      )}
      {canRequest && !props.inForce && (
        <form class="stack" onSubmit={request} aria-label="Request a split">
          <h3>Request a split with version {version}</h3>
          <div class="toolbar">
            <label>
              Share of shoppers (%, 0 to {maxSplitPercent})
              <input
                name="percent"
                inputMode="numeric"
                value={percent}
                size={4}
                aria-invalid={percentError ? true : undefined}
                onInput={(e) => setPercent((e.currentTarget as HTMLInputElement).value)}
              />
              {percentError ? <span class="field-error">{percentError}</span> : <FieldError error={act.error} field="percent" />}
            </label>
            <label>
              Rationale for the approver
              <input name="rationale" value={rationale} size={40} onInput={(e) => setRationale((e.currentTarget as HTMLInputElement).value)} />
              <FieldError error={act.error} field="rationale" />
            </label>
            <button type="submit" disabled={act.busy}>
              Request the split
            </button>
          </div>
          <p class="muted">0 % asks to end {market}'s split. A second approver must approve the request before it takes effect.</p>
        </form>
      )}
      {confirm.dialog}
      <Outcome done={act.done} error={act.error} />
    </section>
  );
}

const MarketExperimentsQuery = graphql(`
  query MarketExperiments($market: String) {
    marketExperiments(market: $market) {
      market
      shadows {
        ...ShadowFields
      }
      split {
        ...SplitFields
      }
    }
  }
`);

/** MarketExperimentsPanel shows, on the thresholds page, what runs in shadow or in split in a market beside the version in force. */
export function MarketExperimentsPanel({ market }: { market: string }) {
  const res = useQuery(MarketExperimentsQuery, { market }, market);
  const m = res.data?.marketExperiments.find((x) => x.market === market);
  return (
    <section class="panel" aria-labelledby="experiments-h">
      <h2 id="experiments-h">In shadow and in split in {market}</h2>
      {res.error !== null && <ErrorBox error={res.error} title="Could not load the shadows and the split" />}
      {res.loading && !res.data && <Progress label="Loading the shadows and the split…" />}
      {res.data && (
        <>
          {!m || m.shadows.length === 0 ? (
            <p>No version runs in shadow in {market}.</p>
          ) : (
            <ul aria-label={`Shadows running in ${market}`}>
              {m.shadows.map((s) => (
                <li key={s.id}>
                  <Link href={`/thresholds/versions/${s.version.version.id}`}>Version {s.version.version.version}</Link> in shadow since {formatTime(s.startedAt)}, {runState(s)}:{' '}
                  <Link href={`/thresholds/shadows/${s.id}`}>comparison of run {s.id}</Link>
                </li>
              ))}
            </ul>
          )}
          {m?.split ? (
            <>
              <SplitSummary split={m.split} />
              <ArmRates arms={m.split.arms} label={`Decline rate per arm of ${market}'s split`} />
            </>
          ) : (
            <p>No split runs in {market}.</p>
          )}
        </>
      )}
    </section>
  );
}
