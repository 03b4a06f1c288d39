import { useState } from 'preact/hooks';
import { ErrorBox, FieldError, Link, PageHeader, Progress, useQuery } from '../components/common';
import { RuleDiff, RulesTable } from '../components/thresholds';
import { graphql } from '../gql';
import { gql } from '../lib/api';
import { formatTime, humanize } from '../lib/format';
import { lazyComponent } from '../lib/lazy';
import { inputFromTime, timeFromInput } from '../lib/query';
import { navigate } from '../lib/router';
import { subjectName } from '../lib/subject';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

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

  const run = async (what: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      setDone(await what());
      state.reload();
      impact.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const activate = (scheduled: boolean) =>
    run(async () => {
      const when = scheduled ? timeFromInput(at) : null;
      const a = (await gql(ActivateMutation, { id: v.id, at: when })).activateThresholdVersion;
      return scheduled ? `Scheduled: version ${v.version} takes effect at ${formatTime(a.activatedAt)}.` : `Activated at ${formatTime(a.activatedAt)}.`;
    });
  const rollback = (emergency: boolean) =>
    run(async () => {
      if (emergency && !window.confirm(`Put ${v.market} version ${v.version} in force now, without a new approval?`)) return '';
      const r = (await gql(RollbackMutation, { market: v.market, versionId: v.id, emergency })).rollbackThresholdVersion;
      if (r.draft) {
        navigate(`/thresholds/drafts/${r.draft.id}`);
        return '';
      }
      return `Emergency rollback: version ${v.version} in force since ${formatTime(r.activation?.activatedAt)}.`;
    });

  return (
    <>
      <PageHeader title={`${v.market} thresholds version ${v.version}`}>
        <Link href={`/thresholds?market=${v.market}`}>← {v.market} thresholds</Link>
      </PageHeader>
      <p>
        {mine && <span class={`badge ${mine.status === 'ACTIVE' ? 'ok' : 'muted'}`}>{humanize(mine.status)}</span>} Written by {subjectName(v.author)}, approved by {subjectName(v.approver)},
        published {formatTime(v.createdAt)}. <span class="muted">{v.rationale}</span>
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
                </div>
                <div class="toolbar">
                  <label>
                    Activate at (UTC)
                    <input type="datetime-local" value={at} min={inputFromTime(new Date().toISOString())} onInput={(e) => setAt(e.currentTarget.value)} />
                    <FieldError error={error} field="at" />
                  </label>
                  <button type="button" class="secondary" onClick={() => activate(true)} disabled={busy || !timeFromInput(at)}>
                    Schedule activation
                  </button>
                </div>
                {mine.status === 'SUPERSEDED' && (
                  <>
                    <h3>Roll back to this version</h3>
                    <div class="toolbar">
                      <button type="button" class="secondary" onClick={() => rollback(false)} disabled={busy}>
                        Start a rollback draft
                      </button>
                      <button type="button" class="danger" onClick={() => rollback(true)} disabled={busy}>
                        Emergency rollback now
                      </button>
                    </div>
                    <p class="muted">A rollback draft is approved like any change; an emergency rollback puts this version in force at once and is flagged.</p>
                  </>
                )}
              </div>
            )}
            {done && (
              <p role="status" class="notice">
                {done}
              </p>
            )}
            {error !== null && <ErrorBox error={error} title="Not done" />}
          </section>
        </div>
      </div>
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
