import { useState } from 'preact/hooks';
import { ErrorBox, Link, PageHeader, Progress, useQuery } from '../components/common';
import { graphql } from '../gql';
import type { AuditFilter, VerifyAuditChainQuery } from '../gql/graphql';
import { gql } from '../lib/api';
import { actionLabel, changes, entityRef, type Change } from '../lib/audit';
import { count, formatTime } from '../lib/format';
import { filterFromQuery, formFilter, queryFromFilter, textFromTime, type FieldSpec, type FilterValues } from '../lib/query';
import { TimeField } from '../components/filters';
import { navigate } from '../lib/router';
import type { PageProps } from '../lib/pages';
import { subjectName } from '../lib/subject';

const AuditEventsQuery = graphql(`
  query AuditEvents($filter: AuditFilter, $first: Int!, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        at
        actor
        actorRoles
        action
        entityType
        entityId
        before
        after
        requestId
        clientAddr
        outcome
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const VerifyAuditChain = graphql(`
  query VerifyAuditChain {
    verifyAuditChain {
      ok
      checked
      firstBrokenEventId
      reason
    }
  }
`);

const auditFilterSpec: readonly FieldSpec[] = [
  { name: 'actor', kind: 'text' },
  { name: 'action', kind: 'text' },
  { name: 'entityType', kind: 'text' },
  { name: 'entityId', kind: 'text' },
  { name: 'from', kind: 'time' },
  { name: 'to', kind: 'time' },
];

const pageSize = 50;

function auditURL(filter: FilterValues, after?: string | null): string {
  const q = queryFromFilter(auditFilterSpec, filter);
  if (after) q.set('after', after);
  const s = q.toString();
  return s ? `/audit?${s}` : '/audit';
}

/** AuditLogPage lists audit events with the API's filters and verifies the hash chain. */
export function AuditLogPage({ query }: PageProps) {
  const { filter, errors } = filterFromQuery(auditFilterSpec, query);
  const after = query.get('after');
  const search = query.toString();
  const res = useQuery(AuditEventsQuery, { filter: filter as AuditFilter, first: pageSize, after }, search);
  const page = res.data?.auditEvents;

  const apply = (e: Event) => {
    e.preventDefault();
    navigate(auditURL(formFilter(auditFilterSpec, e.currentTarget as HTMLFormElement)));
  };

  return (
    <>
      <PageHeader title="Audit log">
        <ChainCheck />
      </PageHeader>
      <form class="filters" onSubmit={apply} key={search} aria-label="Filter audit events">
        <label>
          Actor
          <input name="actor" defaultValue={String(filter.actor ?? '')} placeholder="anna or user:3:anna" />
        </label>
        <label>
          Action
          <input name="action" defaultValue={String(filter.action ?? '')} placeholder="auth.login" />
        </label>
        <label>
          Entity type
          <input name="entityType" defaultValue={String(filter.entityType ?? '')} />
        </label>
        <label>
          Entity id
          <input name="entityId" defaultValue={String(filter.entityId ?? '')} />
        </label>
        <TimeField label="From (UTC)" name="from" defaultValue={textFromTime(query.get('from'))} paramError={errors.from} />
        <TimeField label="To (UTC, exclusive)" name="to" defaultValue={textFromTime(query.get('to'))} paramError={errors.to} />
        <div class="actions">
          <button type="submit">Apply filters</button>
          <button type="button" class="secondary" onClick={() => navigate('/audit')}>
            Clear
          </button>
        </div>
      </form>
      {res.error !== null && <ErrorBox error={res.error} title="Could not load audit events" />}
      {res.loading && <Progress label="Loading audit events…" />}
      {page && (
        <>
          <div class="table-wrap">
            <table aria-label="Audit events" aria-busy={res.loading}>
              <thead>
                <tr>
                  <th>Time (UTC)</th>
                  <th>Actor</th>
                  <th>Action</th>
                  <th>Entity</th>
                  <th>Outcome</th>
                  <th>Request</th>
                  <th>Change</th>
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((e) => (
                  <tr key={e.id}>
                    <td>{formatTime(e.at)}</td>
                    <td>
                      {/^(user|token):\d+:/.test(e.actor) ? (
                        <Link href={`/audit?actor=${encodeURIComponent(subjectName(e.actor))}`}>{subjectName(e.actor)}</Link>
                      ) : (
                        subjectName(e.actor)
                      )}
                      <div class="meta">
                        <code>{e.actor}</code>
                        {e.actorRoles.length > 0 && ` · ${e.actorRoles.join(', ')}`}
                      </div>
                    </td>
                    <td>
                      <span title={e.action}>{actionLabel(e.action)}</span>
                      <div class="meta">
                        <code>{e.action}</code>
                      </div>
                    </td>
                    <td>
                      <EntityCell e={e} />
                    </td>
                    <td>
                      <span class={`badge ${e.outcome === 'DONE' ? 'ok' : 'broken'}`}>{e.outcome}</span>
                    </td>
                    <td>
                      <code>{e.requestId}</code>
                      <div class="muted">{e.clientAddr}</div>
                    </td>
                    <td class="change">
                      <ChangeCell before={e.before} after={e.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page.nodes.length === 0 && <p>No audit event matches these filters.</p>}
          <nav class="toolbar" aria-label="Pages">
            <button type="button" class="secondary" onClick={() => navigate(auditURL(filter))} disabled={!after}>
              First page
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => page.pageInfo.endCursor && navigate(auditURL(filter, page.pageInfo.endCursor))}
              disabled={!page.pageInfo.hasNextPage}
            >
              Next page
            </button>
            <span class="muted">{count(page.nodes.length, 'event')} on this page, newest first</span>
          </nav>
        </>
      )}
    </>
  );
}

/** EntityCell names what an event is about and links its page when it has one; the type and id stay visible, small. */
function EntityCell({ e }: { e: { entityType: string; entityId: string; before?: unknown; after?: unknown } }) {
  const ref = entityRef(e);
  return (
    <>
      {ref.href ? <Link href={ref.href}>{ref.label}</Link> : ref.label}
      <div class="meta">
        <code>
          {e.entityType} {e.entityId}
        </code>
      </div>
    </>
  );
}

/** The changed keys shown before the rest are folded away. */
const shownChanges = 8;

/** ChangeCell shows the keys an event changed, old → new, and the full JSON behind a disclosure. */
function ChangeCell({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) return null;
  const all = changes(before, after);
  const row = (c: Change) => (
    <li key={c.path}>
      <code>{c.path}</code>:{' '}
      {c.from !== undefined && <del>{c.from}</del>}
      {c.from !== undefined && c.to !== undefined && ' → '}
      {c.to !== undefined && <ins>{c.to}</ins>}
    </li>
  );
  return (
    <>
      {all.length === 0 ? (
        <p class="muted">No key changed.</p>
      ) : (
        <ul class="changes" aria-label={before == null ? 'Recorded' : 'Changed'}>
          {all.slice(0, shownChanges).map(row)}
        </ul>
      )}
      {all.length > shownChanges && <p class="muted">and {count(all.length - shownChanges, 'more key')}, in the JSON below</p>}
      <details>
        <summary>Full before / after JSON</summary>
        <p class="meta">Before</p>
        <pre class="json">{JSON.stringify(before, null, 2) ?? 'null'}</pre>
        <p class="meta">After</p>
        <pre class="json">{JSON.stringify(after, null, 2) ?? 'null'}</pre>
      </details>
    </>
  );
}

/** ChainCheck recomputes the audit log's hash chain on the server and shows the verdict. */
function ChainCheck() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VerifyAuditChainQuery['verifyAuditChain'] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult((await gql(VerifyAuditChain)).verifyAuditChain);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="chain-check">
      <button type="button" onClick={run} disabled={busy}>
        Verify the audit chain
      </button>
      {busy && <Progress label="Recomputing the hash chain over the whole log…" />}
      {result && (
        <p role="status" class="chain-result">
          {result.ok ? (
            <span class="badge ok">Chain intact</span>
          ) : (
            <span class="badge broken">Chain broken at event {result.firstBrokenEventId}</span>
          )}{' '}
          {count(result.checked, 'event')} checked{result.reason ? `: ${result.reason}` : ''}
        </p>
      )}
      {error !== null && <ErrorBox error={error} title="Could not verify the chain" />}
    </div>
  );
}
