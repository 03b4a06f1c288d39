import { useState } from 'preact/hooks';
import { ErrorBox, Link, MarketTabs, PageHeader, Progress, useQuery } from '../components/common';
import { BadDefinitionPanel } from '../components/badDefinition';
import { usePendingSubmissions } from '../components/inbox';
import { WhatIfWarmup } from '../components/thresholds';
import { graphql } from '../gql';
import { ThresholdDraftStatus } from '../gql/graphql';
import { gql } from '../lib/api';
import { formatPoints, formatRate, formatTime, humanize } from '../lib/format';
import { pendingByMarket } from '../lib/inbox';
import { lazyComponent } from '../lib/lazy';
import { canSeeOutcomes, currencyOf, formatMoney } from '../lib/outcomes';
import { navigate } from '../lib/router';
import { subjectName, submittedBy } from '../lib/subject';
import { thresholdEditors, type PageProps } from '../lib/pages';

const MarketThresholdsQuery = graphql(`
  query MarketThresholds($market: String!) {
    thresholdVersions(market: $market, first: 50) {
      nodes {
        status
        version {
          id
          version
          author
          approver
          rationale
          createdAt
        }
        activations {
          id
          activatedAt
          activatedBy
          emergency
        }
      }
    }
    thresholdDrafts(market: $market, first: 50) {
      nodes {
        id
        status
        revision
        author
        rationale
        createdAt
        updatedAt
        submittedAt
        reviewer
        publishedVersionId
        impact {
          available
          declineRateNow
          declineRateProposed
          approvedToDeclined
          declinedToApproved
          badRateNow
          badRateProposed
          lossNow
          lossProposed
        }
      }
    }
  }
`);

// What runs in shadow or in split loads its code when shown, out of the first load.
const MarketExperimentsPanel = lazyComponent(() => import('../components/experiments').then((m) => m.MarketExperimentsPanel), 'Loading the shadows and the split…');

const CreateDraftMutation = graphql(`
  mutation CreateThresholdDraft($market: String!, $fromVersionId: ID) {
    createThresholdDraft(market: $market, fromVersionId: $fromVersionId) {
      id
    }
  }
`);

/** ThresholdsPage: per market the version in force, the drafts and submissions, and the history. */
export function ThresholdsPage({ query, user }: PageProps) {
  const market = (query.get('market') ?? 'DE').toUpperCase();
  const res = useQuery(MarketThresholdsQuery, { market }, market);
  const canEdit = user.roles.some((r) => thresholdEditors.includes(r));
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<unknown>(null);
  const submissions = usePendingSubmissions(market);
  const pendingIn = pendingByMarket(submissions.all.flatMap((x) => (x.market ? [{ market: x.market }] : [])));

  const create = async () => {
    setCreating(true);
    setCreateError(null);
    try {
      const d = await gql(CreateDraftMutation, { market });
      navigate(`/thresholds/drafts/${d.createThresholdDraft.id}`);
    } catch (e) {
      setCreateError(e);
      setCreating(false);
    }
  };

  const versions = res.data?.thresholdVersions.nodes ?? [];
  const drafts = res.data?.thresholdDrafts.nodes ?? [];
  const active = versions.find((v) => v.status === 'ACTIVE');
  const pending = drafts.filter((d) => d.status === ThresholdDraftStatus.Submitted);
  const open = drafts.filter((d) => d.status === ThresholdDraftStatus.Draft);
  const reviewed = drafts.filter((d) => d.status === ThresholdDraftStatus.Approved || d.status === ThresholdDraftStatus.Rejected);

  return (
    <>
      <PageHeader title="Thresholds">
        {canEdit && (
          <button type="button" onClick={create} disabled={creating}>
            New draft for {market}
          </button>
        )}
      </PageHeader>
      <MarketTabs path="/thresholds" market={market} pending={pendingIn} what="submission" />
      <WhatIfWarmup />
      {createError !== null && <ErrorBox error={createError} title="Could not start a draft" />}
      {res.error !== null && <ErrorBox error={res.error} title="Could not load the thresholds" />}
      {res.loading && <Progress label="Loading thresholds…" />}
      {res.data && (
        <>
          <section class="panel" aria-labelledby="active-h">
            <h2 id="active-h">In force in {market}</h2>
            {active ? (
              <p>
                <Link href={`/thresholds/versions/${active.version.id}`}>Version {active.version.version}</Link>, {submittedBy(active.version.author, active.version.approver)}, in
                force since {formatTime(active.activations.at(-1)?.activatedAt)}. <span class="muted">{active.version.rationale}</span>
              </p>
            ) : (
              <p>No version is in force in {market}.</p>
            )}
          </section>

          <MarketExperimentsPanel market={market} key={`x-${market}`} />

          {canSeeOutcomes(user.roles) && <BadDefinitionPanel market={market} user={user} key={market} />}

          <section class="panel" aria-labelledby="pending-h">
            <h2 id="pending-h">Awaiting approval</h2>
            {pending.length === 0 ? (
              <p>Nothing awaits approval in {market}.</p>
            ) : (
              <div class="table-wrap">
                <table aria-label="Submissions awaiting approval">
                  <thead>
                    <tr>
                      <th>Draft</th>
                      <th>Submitted by</th>
                      <th>Submitted (UTC)</th>
                      <th>Rationale</th>
                      <th class="num">Decline rate now → proposed</th>
                      <th class="num">Flips</th>
                      <th class="num">Bad rate now → predicted</th>
                      <th class="num">Loss now → predicted</th>
                    </tr>
                  </thead>
                  <tbody>
                    {pending.map((d) => (
                      <tr key={d.id}>
                        <td>
                          <Link href={`/thresholds/drafts/${d.id}`}>Review draft {d.id}</Link>
                        </td>
                        <td>{subjectName(d.author)}</td>
                        <td>{formatTime(d.submittedAt)}</td>
                        <td>{d.rationale}</td>
                        <td class="num">
                          {d.impact?.available
                            ? `${formatRate(d.impact.declineRateNow, 2)} → ${formatRate(d.impact.declineRateProposed, 2)} (${formatPoints(d.impact.declineRateNow, d.impact.declineRateProposed)})`
                            : '–'}
                        </td>
                        <td class="num">{d.impact?.available ? `${d.impact.approvedToDeclined} ↓ / ${d.impact.declinedToApproved} ↑` : '–'}</td>
                        <td class="num">{d.impact?.available && d.impact.badRateProposed != null ? `${formatRate(d.impact.badRateNow)} → ${formatRate(d.impact.badRateProposed)}` : '–'}</td>
                        <td class="num">
                          {d.impact?.available && d.impact.lossProposed != null ? `${formatMoney(d.impact.lossNow, '')} → ${formatMoney(d.impact.lossProposed, currencyOf(market))}` : '–'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section class="panel" aria-labelledby="drafts-h">
            <h2 id="drafts-h">Drafts</h2>
            {open.length === 0 && reviewed.length === 0 ? (
              <p>No drafts in {market}.</p>
            ) : (
              <div class="table-wrap">
                <table aria-label="Drafts">
                  <thead>
                    <tr>
                      <th>Draft</th>
                      <th>Status</th>
                      <th>Author</th>
                      <th>Last change (UTC)</th>
                      <th>Outcome</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...open, ...reviewed].map((d) => (
                      <tr key={d.id}>
                        <td>
                          <Link href={`/thresholds/drafts/${d.id}`}>Draft {d.id}</Link>
                        </td>
                        <td>
                          <span class="badge muted">{humanize(d.status)}</span>
                        </td>
                        <td>{subjectName(d.author)}</td>
                        <td>{formatTime(d.updatedAt)}</td>
                        <td>
                          {d.reviewer && `${d.status === ThresholdDraftStatus.Rejected ? 'rejected' : 'approved'} by ${subjectName(d.reviewer)}`}
                          {d.publishedVersionId && (
                            <>
                              {', '}
                              <Link href={`/thresholds/versions/${d.publishedVersionId}`}>published version</Link>
                            </>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section class="panel" aria-labelledby="history-h">
            <h2 id="history-h">History</h2>
            <div class="table-wrap">
              <table aria-label="Published versions">
                <thead>
                  <tr>
                    <th>Version</th>
                    <th>Status</th>
                    <th>People</th>
                    <th>Published (UTC)</th>
                    <th>Activations</th>
                    <th>Rationale</th>
                  </tr>
                </thead>
                <tbody>
                  {versions.map((v) => (
                    <tr key={v.version.id}>
                      <td>
                        <Link href={`/thresholds/versions/${v.version.id}`}>Version {v.version.version}</Link>
                      </td>
                      <td>
                        <span class={`badge ${v.status === 'ACTIVE' ? 'ok' : 'muted'}`}>{humanize(v.status)}</span>
                      </td>
                      <td>
                        {submittedBy(v.version.author, v.version.approver)}
                      </td>
                      <td>{formatTime(v.version.createdAt)}</td>
                      <td>
                        {v.activations.map((a) => (
                          <div key={a.id}>
                            {formatTime(a.activatedAt)} by {subjectName(a.activatedBy)}
                            {a.emergency && ' (emergency)'}
                          </div>
                        ))}
                      </td>
                      <td>{v.version.rationale}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
