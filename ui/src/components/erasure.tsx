// GDPR erasure on the Retention page: the erasure requests, newest first, for auditors and admins,
// and for an admin the form that erases a shopper (after asking: it cannot be undone). The list
// never names a shopper; the server decides what is unlinked now and what waits.
import { useState } from 'preact/hooks';
import { graphql } from '../gql';
import type { ErasureRequestFieldsFragment, ErasureRequestState } from '../gql/graphql';
import { gql } from '../lib/api';
import { answerSentence, erasureStateLabel, erasureStates, readShopperId } from '../lib/erasure';
import { formatNumber, formatTime } from '../lib/format';
import { erasers } from '../lib/pages';
import type { SessionUser } from '../lib/session';
import { subjectName } from '../lib/subject';
import { ErrorBox, FieldError, Outcome, Progress, useAction, useQuery } from './common';
import { useConfirm } from './confirm';

graphql(`
  fragment ErasureRequestFields on ErasureRequest {
    id
    reference
    requestedBy
    requestedAt
    state
    dueAt
    erasedAtRequest
    erasedLater
    doneAt
  }
`);

const ErasureRequestsQuery = graphql(`
  query ErasureRequests($state: ErasureRequestState, $first: Int!, $after: String) {
    erasureRequests(state: $state, first: $first, after: $after) {
      nodes {
        ...ErasureRequestFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const RequestErasureMutation = graphql(`
  mutation RequestErasure($shopperId: String!, $reference: String) {
    requestErasure(shopperId: $shopperId, reference: $reference) {
      request {
        ...ErasureRequestFields
      }
      erasedNow
      waiting
      repeated
    }
  }
`);

/** The page size of the erasure requests. */
const pageSize = 20;

interface Page {
  nodes: ErasureRequestFieldsFragment[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** ErasurePanel lists the erasure requests and, for an admin, erases a shopper. */
export function ErasurePanel({ user, refresh }: { user: SessionUser; refresh: number }) {
  const [state, setState] = useState<ErasureRequestState | ''>('');
  const [erased, setErased] = useState(0);
  const key = `${state}|${refresh}|${erased}`;
  const res = useQuery(ErasureRequestsQuery, { state: state || null, first: pageSize, after: null }, key);
  // The pages read with "More", for the first page of key only: a new filter or an erasure starts
  // the list again from the newest.
  const [more, setMore] = useState<{ key: string; pages: Page[] }>({ key: '', pages: [] });
  const [moreBusy, setMoreBusy] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const extra = more.key === key ? more.pages : [];
  const first = res.data?.erasureRequests;
  const last = extra.length > 0 ? extra[extra.length - 1] : first;
  const nodes = first ? [...first.nodes, ...extra.flatMap((p) => p.nodes)] : [];

  const loadMore = async () => {
    const after = last?.pageInfo.endCursor;
    if (!after) return;
    setMoreBusy(true);
    setMoreError(null);
    try {
      const page = (await gql(ErasureRequestsQuery, { state: state || null, first: pageSize, after })).erasureRequests;
      setMore({ key, pages: [...extra, page] });
    } catch (e) {
      setMoreError(e);
    } finally {
      setMoreBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="erasure-h">
      <h2 id="erasure-h">Erasure requests</h2>
      <p class="muted">
        A shopper's erasure (GDPR art. 17) unlinks them from their decisions, which stay with their outcome and reasons. Decisions whose retention duty has ended are unlinked at
        once, the others when it ends, none while a legal hold applies. The shopper is never shown here.
      </p>
      <div class="toolbar">
        <label>
          State
          <select name="erasureState" value={state} onChange={(e) => setState((e.currentTarget as HTMLSelectElement).value as ErasureRequestState | '')}>
            <option value="">All</option>
            {erasureStates.map((s) => (
              <option key={s} value={s}>
                {erasureStateLabel(s).text}
              </option>
            ))}
          </select>
        </label>
      </div>
      {res.error !== null && <ErrorBox error={res.error} title="Could not load the erasure requests" />}
      {!first && res.loading && <Progress label="Loading the erasure requests…" />}
      {first && nodes.length === 0 && <p>{state ? `No erasure request is ${erasureStateLabel(state).text.toLowerCase()}.` : 'No erasure has been requested.'}</p>}
      {nodes.length > 0 && (
        <div class="table-wrap">
          <table class="erasures" aria-label="Erasure requests">
            <thead>
              <tr>
                <th>Request</th>
                <th>Reference</th>
                <th>Requested by</th>
                <th>Requested (UTC)</th>
                <th>State</th>
                <th>Due (UTC)</th>
                <th class="num">Unlinked at request</th>
                <th class="num">Unlinked later</th>
                <th>Done (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((r) => {
                const s = erasureStateLabel(r.state);
                return (
                  <tr key={r.id} data-request={r.id}>
                    <td>{r.id}</td>
                    <td>{r.reference ?? ''}</td>
                    <td>{subjectName(r.requestedBy)}</td>
                    <td>{formatTime(r.requestedAt)}</td>
                    <td>
                      <span class={`badge ${s.badge}`}>{s.text}</span>
                    </td>
                    <td>{formatTime(r.dueAt)}</td>
                    <td class="num">{formatNumber(r.erasedAtRequest)}</td>
                    <td class="num">{formatNumber(r.erasedLater)}</td>
                    <td>{formatTime(r.doneAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {moreError !== null && <ErrorBox error={moreError} title="Could not load more erasure requests" />}
      {last?.pageInfo.hasNextPage && (
        <p>
          <button type="button" class="secondary" onClick={loadMore} disabled={moreBusy}>
            More erasure requests
          </button>
        </p>
      )}
      {user.roles.some((r) => erasers.includes(r)) && <EraseForm erased={() => setErased((n) => n + 1)} />}
    </section>
  );
}

/** EraseForm erases a shopper after asking, and says what the server answered. */
function EraseForm({ erased }: { erased: () => void }) {
  const [shopperId, setShopperId] = useState('');
  const [reference, setReference] = useState('');
  const [idError, setIdError] = useState('');
  const act = useAction(erased);
  const confirm = useConfirm();

  const submit = async (e: Event) => {
    e.preventDefault();
    const read = readShopperId(shopperId);
    setIdError('error' in read ? read.error : '');
    if ('error' in read) return;
    const ref = reference.trim();
    const ok = await confirm.ask({
      title: `Erase shopper ${read.id}?`,
      body: (
        <>
          <p>
            Their decisions are unlinked from them for good: each keeps its outcome and reasons, without the shopper id. This cannot be undone. Decisions whose retention duty has
            ended are unlinked now, the others when it ends, none while a legal hold applies.
          </p>
          <p>The request is recorded{ref ? ` with the reference “${ref}”` : ''} and audited, naming the shopper by a keyed hash only.</p>
        </>
      ),
      confirm: 'Erase the shopper',
      danger: true,
    });
    if (!ok) return;
    act.run(async () => {
      const a = (await gql(RequestErasureMutation, { shopperId: read.id, reference: ref || null })).requestErasure;
      setShopperId('');
      setReference('');
      return answerSentence(a);
    });
  };

  return (
    <>
      <form class="stack" onSubmit={submit} aria-label="Erase a shopper" noValidate>
        <h3>Erase a shopper</h3>
        <div class="toolbar">
          <label>
            Shopper id
            <input
              name="shopperId"
              size={30}
              value={shopperId}
              aria-invalid={idError ? true : undefined}
              onInput={(e) => setShopperId((e.currentTarget as HTMLInputElement).value)}
            />
            {idError ? <span class="field-error">{idError}</span> : <FieldError error={act.error} field="shopperId" />}
          </label>
          <label>
            Reference (optional, the privacy process's own)
            <input name="reference" size={30} value={reference} onInput={(e) => setReference((e.currentTarget as HTMLInputElement).value)} />
            <FieldError error={act.error} field="reference" />
          </label>
          <button type="submit" class="danger" disabled={act.busy}>
            Erase…
          </button>
        </div>
        <p class="muted">You are asked to confirm: an erasure cannot be undone.</p>
      </form>
      {confirm.dialog}
      <Outcome done={act.done} error={act.error} />
    </>
  );
}
