import { useState } from 'preact/hooks';
import { ErrorBox, FieldError, Link, Outcome, PageHeader, Progress, useAction, useQuery } from '../components/common';
import { useConfirm } from '../components/confirm';
import { TimeField } from '../components/filters';
import { RuleDiff, RulesTable } from '../components/thresholds';
import { graphql } from '../gql';
import { gql } from '../lib/api';
import { formatTime, humanize } from '../lib/format';
import { lazyComponent } from '../lib/lazy';
import { timeFromText } from '../lib/query';
import { navigate } from '../lib/router';
import { subjectName, submittedBy } from '../lib/subject';
import { thresholdApprovers, type PageProps } from '../lib/pages';

const VersionQuery = graphql(`
  query ThresholdVersionPage($id: ID!) {
    thresholdVersion(id: $id) {
      id
      market
      version
      author
      approver
      rationale
      createdAt
      rules {
        ...RuleFields
      }
    }
  }
`);

const VersionStateQuery = graphql(`
  query ThresholdVersionState($market: String!) {
    thresholdVersions(market: $market, first: 100) {
      nodes {
        status
        version {
          id
        }
        activations {
          id
          activatedAt
          activatedBy
          emergency
        }
      }
    }
    activeThresholdVersion(market: $market) {
      version {
        id
        version
      }
    }
  }
`);

const ImpactQuery = graphql(`
  query ActivationImpact($versionId: ID!) {
    activationImpact(versionId: $versionId) {
      activation {
        id
        activatedAt
        activatedBy
        emergency
      }
      predicted {
        ...ImpactFields
      }
      realized {
        ...RateWindowFields
      }
      before {
        ...RateWindowFields
      }
      complete
      predictionError
      outcomes {
        predictedBadRate
        approved
        mature
        bad
        realizedBadRate
        allMatureAt
        note
      }
    }
  }
`);

graphql(`
  fragment RateWindowFields on RateWindow {
    from
    to
    assessed
    declined
    rate
  }
`);

// The realized figures load their code when shown: they are read on this page only.
const RealizedImpact = lazyComponent(() => import('../components/realized').then((m) => m.RealizedImpact), 'Loading the realized figures…');

// The shadow runs and the split load their code when shown, out of the first load.
const VersionExperiments = lazyComponent(() => import('../components/experiments').then((m) => m.VersionExperiments), 'Loading the shadow runs and the split…');

const ActivateMutation = graphql(`
  mutation ActivateThresholdVersion($id: ID!, $at: Time) {
    activateThresholdVersion(id: $id, at: $at) {
      id
      activatedAt
    }
  }
`);

const RollbackMutation = graphql(`
  mutation RollbackThresholdVersion($market: String!, $versionId: ID!, $emergency: Boolean!) {
    rollbackThresholdVersion(market: $market, versionId: $versionId, emergency: $emergency) {
      activation {
        id
        activatedAt
      }
      draft {
        id
      }
    }
  }
`);

/** ThresholdVersionPage: one published version, its state and activations, activation, rollback, and realized against predicted. */
export function ThresholdVersionPage({ params, user }: PageProps) {
  const res = useQuery(VersionQuery, { id: params.id }, params.id);
  const v = res.data?.thresholdVersion;
  const market = v?.market ?? '';
  const state = useQuery(VersionStateQuery, { market }, market, !market);
  const impact = useQuery(ImpactQuery, { versionId: params.id }, params.id);
  const isApprover = user.roles.some((r) => thresholdApprovers.includes(r));
  const [at, setAt] = useState('');
  const confirm = useConfirm();
  const { busy, error, done, run } = useAction(() => {
    state.reload();
    impact.reload();
  });

  if (res.error) return <ErrorBox error={res.error} title="Could not load the version" />;
  if (res.loading && !v) return <Progress label="Loading the version…" />;
  if (!v) {
    return (
      <>
        <PageHeader title="Threshold version not found" />
        <p>
          No threshold version has the id <code>{params.id}</code>. <Link href="/thresholds">Back to the thresholds</Link>
        </p>
      </>
    );
  }
  const mine = state.data?.thresholdVersions.nodes.find((n) => n.version.id === v.id);
  const active = state.data?.activeThresholdVersion?.version;

  // What a switch to this version means, said in every confirmation: which version it replaces
  // and what the shopper sees.
  const replaces = active ? `version ${active.version}, in force now` : 'no version (none is in force now)';
  const consequence = (
    <>
      <p>
        Every {v.market} purchase assessed from that moment on is decided with version {v.version} instead of {replaces}. A shopper whose purchase a changed rule now fails is declined
        at checkout and sees the decline pop-up with that rule's reason; one it now passes may pay later.
      </p>
      {active && active.id !== v.id && <RuleDiff from={{ versionId: active.id }} to={{ versionId: v.id }} label="Rules that change" />}
    </>
  );
  const activate = async (scheduled: boolean) => {
    const when = scheduled ? timeFromText(at) || null : null;
    const ok = await confirm.ask({
      title: scheduled ? `Schedule ${v.market} version ${v.version} for ${formatTime(when)}?` : `Activate ${v.market} version ${v.version} now?`,
      body: (
        <>
          {consequence}
          <p>
            {scheduled ? `It takes effect at ${formatTime(when)}` : 'It takes effect the moment you confirm'}, without another approval: version {v.version} was approved by{' '}
            {subjectName(v.approver)} when it was published.
          </p>
        </>
      ),
      confirm: scheduled ? 'Schedule the activation' : 'Activate now',
    });
    if (!ok) return;
    run(async () => {
      const a = (await gql(ActivateMutation, { id: v.id, at: when })).activateThresholdVersion;
      return scheduled ? `Scheduled: version ${v.version} takes effect at ${formatTime(a.activatedAt)}.` : `Activated at ${formatTime(a.activatedAt)}.`;
    });
  };
  const rollback = async (emergency: boolean) => {
    if (
      emergency &&
      !(await confirm.ask({
        title: `Emergency rollback of ${v.market} to version ${v.version}?`,
        body: (
          <>
            {consequence}
            <p>
              It takes effect the moment you confirm, without a new approval, and is recorded as an emergency rollback: flagged on the activation and in the audit log, for
              review afterwards.
            </p>
          </>
        ),
        confirm: 'Roll back now',
        danger: true,
      }))
    )
      return;
    run(async () => {
      const r = (await gql(RollbackMutation, { market: v.market, versionId: v.id, emergency })).rollbackThresholdVersion;
      if (r.draft) {
        navigate(`/thresholds/drafts/${r.draft.id}`);
        return '';
      }
      return `Emergency rollback: version ${v.version} in force since ${formatTime(r.activation?.activatedAt)}.`;
    });
  };

  return (
    <>
      <PageHeader title={`${v.market} thresholds version ${v.version}`}>
        <Link href={`/thresholds?market=${v.market}`}>← {v.market} thresholds</Link>
      </PageHeader>
      <p>
        {mine && <span class={`badge ${mine.status === 'ACTIVE' ? 'ok' : 'muted'}`}>{humanize(mine.status)}</span>} {submittedBy(v.author, v.approver)} · published{' '}
        {formatTime(v.createdAt)}. <span class="muted">{v.rationale}</span>
      </p>
      <div class="grid2">
        <div>
          <section class="panel" aria-labelledby="rules-h">
            <h2 id="rules-h">Rules</h2>
            <RulesTable rules={v.rules} label="Rules of the version" />
          </section>
          {active && active.id !== v.id && (
            <section class="panel" aria-labelledby="diff-h">
              <h2 id="diff-h">Compared with version {active.version}, in force now</h2>
              <RuleDiff from={{ versionId: active.id }} to={{ versionId: v.id }} label="Rules that differ from the version in force" />
            </section>
          )}
        </div>
        <div>
          <section class="panel" aria-labelledby="act-h">
            <h2 id="act-h">Activations</h2>
            {state.error !== null && <ErrorBox error={state.error} title="Could not load the activation schedule" />}
            {mine && mine.activations.length === 0 && <p>Never activated.</p>}
            {mine && mine.activations.length > 0 && (
              <ul>
                {mine.activations.map((a) => (
                  <li key={a.id}>
                    {formatTime(a.activatedAt)} by {subjectName(a.activatedBy)}
                    {a.emergency && <span class="badge declined"> emergency rollback</span>}
                  </li>
                ))}
              </ul>
            )}
            {isApprover && mine && mine.status !== 'ACTIVE' && (
              <div class="stack">
                <div class="toolbar">
                  <button type="button" onClick={() => activate(false)} disabled={busy}>
                    Activate now
                  </button>
                  {mine.status === 'SUPERSEDED' && (
                    <button type="button" class="danger" onClick={() => rollback(true)} disabled={busy}>
                      Emergency rollback now
                    </button>
                  )}
                </div>
                {mine.status === 'SUPERSEDED' && (
                  // Both put the version back at once, unapproved (lifecycle.go Activate and Rollback): only the record differs.
                  <p class="muted" data-testid="activate-vs-rollback">
                    Both put version {v.version} back in force at once, and neither asks a second person: it was approved when it was published. <strong>Activate now</strong>{' '}
                    records an ordinary activation (it can also be scheduled below). <strong>Emergency rollback now</strong> records it as an emergency rollback, flagged on the
                    activation and in the audit log for review afterwards. To have a second person approve the return, start a rollback draft instead.
                  </p>
                )}
                <div class="toolbar">
                  <TimeField label="Activate at (UTC)" name="at" value={at} onInput={(e) => setAt((e.currentTarget as HTMLInputElement).value)} />
                  <FieldError error={error} field="at" />
                  <button type="button" class="secondary" onClick={() => activate(true)} disabled={busy || !timeFromText(at)}>
                    Schedule activation
                  </button>
                </div>
                {mine.status === 'SUPERSEDED' && (
                  <div class="toolbar">
                    <button type="button" class="secondary" onClick={() => rollback(false)} disabled={busy}>
                      Start a rollback draft
                    </button>
                    <span class="muted">A copy of this version, approved by a second person like any change before it can be activated.</span>
                  </div>
                )}
              </div>
            )}
            {confirm.dialog}
            <Outcome done={done} error={error} />
          </section>
        </div>
      </div>
      {mine && (
        <div class="grid2">
          <VersionExperiments versionId={v.id} version={v.version} market={v.market} inForce={mine.status === 'ACTIVE'} user={user} />
        </div>
      )}
      {/* Full width: the realized figures' table has six columns. */}
      <section class="panel" aria-labelledby="impact-h">
        <h2 id="impact-h">Realized against predicted</h2>
        {impact.error !== null && <ErrorBox error={impact.error} title="Could not load the activation impact" />}
        {impact.data && impact.data.activationImpact.length === 0 && <p>Not activated yet: nothing realized.</p>}
        {impact.data?.activationImpact.map((a) => (
          <RealizedImpact key={a.activation.id} impact={a} market={v.market} />
        ))}
      </section>
    </>
  );
}
