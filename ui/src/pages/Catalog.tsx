import { useEffect, useMemo, useState } from 'preact/hooks';
import { ErrorBox, Link, PageHeader, Progress, useQuery } from '../components/common';
import { useConfirm } from '../components/confirm';
import { inboxChanged } from '../components/inbox';
import { ShopperPopup, type ShopperMessage } from '../components/ShopperPopup';
import { graphql } from '../gql';
import { CatalogAudience, CatalogDraftStatus, ReasonCode, type CatalogDraftQuery } from '../gql/graphql';
import { ApiError, gql } from '../lib/api';
import { stepsOf, textErrors, type TextFields } from '../lib/catalog';
import { fieldDiff, oldText } from '../lib/diff';
import { formatTime, humanize } from '../lib/format';
import { live } from '../lib/live';
import { locales } from '../lib/markets';
import { navigate } from '../lib/router';
import { isSelf, subjectName, submittedBy } from '../lib/subject';
import { catalogApprovers, catalogEditors, type PageProps } from '../lib/pages';

const PreviewQuery = graphql(`
  query PreviewMessage($code: ReasonCode!, $locale: String!, $text: MessageTextInput) {
    previewMessage(code: $code, locale: $locale, text: $text) {
      locale
      title
      body
      steps
      closing
    }
  }
`);

graphql(`
  fragment CatalogChangeFields on CatalogChange {
    code
    locale
    audience
    kind
    before {
      title
      body
      steps
    }
    after {
      title
      body
      steps
    }
  }
`);

graphql(`
  fragment CatalogEntryFields on CatalogEntry {
    code
    locale
    audience
    text {
      title
      body
      steps
    }
  }
`);

const CatalogVersionQueryDoc = graphql(`
  query CatalogVersion {
    catalogVersion {
      version
      texts {
        ...CatalogEntryFields
      }
    }
  }
`);

const CatalogDraftsQueryDoc = graphql(`
  query CatalogDrafts($status: CatalogDraftStatus) {
    catalogDrafts(status: $status, first: 20) {
      nodes {
        id
        status
        author
        baseVersion
        revision
        updatedAt
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

const CatalogDraftQueryDoc = graphql(`
  query CatalogDraft($id: ID!) {
    catalogDraft(id: $id) {
      id
      baseVersion
      status
      revision
      author
      reviewer
      comment
      publishedVersion
      createdAt
      updatedAt
      changes {
        ...CatalogChangeFields
      }
      texts {
        ...CatalogEntryFields
      }
    }
  }
`);

const CreateDraftMutation = graphql(`
  mutation CreateCatalogDraft {
    createCatalogDraft {
      id
    }
  }
`);

const EditTextMutation = graphql(`
  mutation EditCatalogText($id: ID!, $revision: Int!, $code: ReasonCode!, $locale: String!, $audience: CatalogAudience!, $text: MessageTextInput!) {
    editCatalogText(id: $id, revision: $revision, code: $code, locale: $locale, audience: $audience, text: $text) {
      id
      revision
    }
  }
`);

const SubmitDraftMutation = graphql(`
  mutation SubmitCatalogDraft($id: ID!, $revision: Int!) {
    submitCatalogDraft(id: $id, revision: $revision) {
      id
      status
    }
  }
`);

const ApproveDraftMutation = graphql(`
  mutation ApproveCatalogDraft($id: ID!) {
    approveCatalogDraft(id: $id) {
      id
      publishedVersion
    }
  }
`);

const RejectDraftMutation = graphql(`
  mutation RejectCatalogDraft($id: ID!, $comment: String!) {
    rejectCatalogDraft(id: $id, comment: $comment) {
      id
      status
    }
  }
`);

const DiffQuery = graphql(`
  query CatalogDiff($from: Int!, $to: Int!) {
    catalogDiff(from: $from, to: $to) {
      ...CatalogChangeFields
    }
  }
`);

type Draft = NonNullable<CatalogDraftQuery['catalogDraft']>;
type Change = Draft['changes'][number];

type Entry = Draft['texts'][number];

const codes = Object.values(ReasonCode);

/** textKey names a text of the catalog: "CODE|locale|AUDIENCE". */
function textKey(c: { code: string; locale: string; audience: string }): string {
  return `${c.code}|${c.locale}|${c.audience}`;
}

/** byKey indexes a catalog's or draft's texts by textKey. */
function byKey(texts: readonly Entry[] | undefined): Map<string, Entry['text']> {
  return new Map((texts ?? []).map((e) => [textKey(e), e.text]));
}


/** CatalogPage: the codes × locales grid of the current catalog, a draft's editor with live preview, review, and version diffs. */
export function CatalogPage({ query, user }: PageProps) {
  const draftId = query.get('draft') ?? '';
  const code = (query.get('code') as ReasonCode | null) ?? null;
  const locale = query.get('locale') ?? null;
  const versionRes = useQuery(CatalogVersionQueryDoc, {}, 'current');
  const version = versionRes.data?.catalogVersion ?? null;
  const published = useMemo(() => byKey(version?.texts), [version]);
  const draftRes = useQuery(CatalogDraftQueryDoc, { id: draftId }, draftId, !draftId);
  const draft = draftRes.data?.catalogDraft ?? null;
  const inDraft = useMemo(() => byKey(draft?.texts), [draft]);
  const canEdit = user.roles.some((r) => catalogEditors.includes(r));
  const [startError, setStartError] = useState<unknown>(null);

  const url = (d: string, c: string | null, l: string | null) => {
    const q = new URLSearchParams();
    if (d) q.set('draft', d);
    if (c) q.set('code', c);
    if (l) q.set('locale', l);
    const s = q.toString();
    return s ? `/catalog?${s}` : '/catalog';
  };

  const start = async () => {
    setStartError(null);
    try {
      const d = (await gql(CreateDraftMutation, {})).createCatalogDraft;
      navigate(url(d.id, code, locale));
    } catch (e) {
      setStartError(e);
    }
  };
  const edited = new Set((draft?.changes ?? []).map(textKey));

  return (
    <>
      <PageHeader title="Reason catalog" />
      <section class="panel" aria-labelledby="draft-h">
        <h2 id="draft-h">Draft</h2>
        {!draftId && (
          <div class="toolbar">
            {canEdit && (
              <button type="button" onClick={start}>
                Start a draft
              </button>
            )}
            <form
              class="toolbar"
              onSubmit={(e) => {
                e.preventDefault();
                const v = String(new FormData(e.currentTarget).get('draft') ?? '').trim();
                if (v) navigate(url(v, code, locale));
              }}
            >
              <label>
                Draft id
                <input name="draft" inputMode="numeric" size={8} />
              </label>
              <button type="submit" class="secondary">
                Open draft
              </button>
            </form>
          </div>
        )}
        {startError !== null && <ErrorBox error={startError} title="Could not start a draft" />}
        {draftRes.error !== null && <ErrorBox error={draftRes.error} title="Could not load the draft" />}
        {draftId && draftRes.data && !draft && <p>No catalog draft has the id {draftId}.</p>}
        {draft && <DraftPanel draft={draft} user={user} onChange={draftRes.reload} onClose={() => navigate(url('', code, locale))} />}
        {!draftId && <DraftList open={(id) => navigate(url(id, code, locale))} />}
      </section>

      <div class="grid2">
        <section class="panel" aria-labelledby="grid-h">
          <h2 id="grid-h">Texts by reason and locale</h2>
          <p class="muted">
            Each cell is the reason's shopper title in published version {version?.version ?? '…'}, as written; choose one to{' '}
            {draft?.status === CatalogDraftStatus.Draft && canEdit ? 'edit it' : 'preview it'}.
            {draft && ' Cells changed in the draft are marked.'}
          </p>
          {versionRes.loading && <Progress label="Loading the catalog" />}
          {versionRes.error !== null && <ErrorBox error={versionRes.error} title="Could not load the catalog" />}
          <div class="table-wrap">
            <table class="catalog-grid" aria-label="Reason catalog: codes by locale">
              <thead>
                <tr>
                  <th>Reason code</th>
                  {locales.map((l) => (
                    <th key={l}>{l}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {codes.map((c) => (
                  <tr key={c}>
                    <th scope="row">{humanize(c)}</th>
                    {locales.map((l) => {
                      const title = (inDraft.get(`${c}|${l}|SHOPPER`) ?? published.get(`${c}|${l}|SHOPPER`))?.title;
                      const isEdited = edited.has(`${c}|${l}|SHOPPER`) || edited.has(`${c}|${l}|AGENT`);
                      const selected = c === code && l === locale;
                      return (
                        <td key={l} class={`${selected ? 'selected' : ''} ${isEdited ? 'edited' : ''}`}>
                          <button type="button" class="cell" aria-pressed={selected} onClick={() => navigate(url(draftId, c, l))} aria-label={`${humanize(c)}, ${l}${isEdited ? ', changed in the draft' : ''}`}>
                            {title ?? (version ? '–' : '…')}
                            {isEdited && <span class="badge ok"> edited</span>}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <div>
          {code && locale ? (
            <TextEditor
              key={`${code}|${locale}|${draft?.id ?? ''}`}
              code={code}
              locale={locale}
              draft={draft && draft.status === CatalogDraftStatus.Draft && canEdit ? draft : null}
              text={(draft ? inDraft : published).get(`${code}|${locale}|${CatalogAudience.Shopper}`)}
              onSaved={draftRes.reload}
            />
          ) : (
            <p class="panel">Choose a cell of the grid to see its pop-up{canEdit ? ' and, in a draft, edit it' : ''}.</p>
          )}
          <VersionDiff />
        </div>
      </div>
    </>
  );
}

/** DraftList lists the catalog's drafts, newest first, by status, each to open. */
function DraftList({ open }: { open: (id: string) => void }) {
  const [status, setStatus] = useState<CatalogDraftStatus | ''>(CatalogDraftStatus.Submitted);
  const res = useQuery(CatalogDraftsQueryDoc, { status: status || null }, status);
  const drafts = res.data?.catalogDrafts.nodes ?? [];
  return (
    <div class="stack">
      <label>
        Drafts
        <select value={status} onChange={(e) => setStatus(e.currentTarget.value as CatalogDraftStatus | '')}>
          <option value="">all</option>
          {Object.values(CatalogDraftStatus).map((s) => (
            <option key={s} value={s}>
              {humanize(s).toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      {res.error !== null && <ErrorBox error={res.error} title="Could not list the drafts" />}
      {res.data && drafts.length === 0 && <p class="muted">No {status ? humanize(status).toLowerCase() + ' ' : ''}draft.</p>}
      {drafts.length > 0 && (
        <div class="table-wrap">
          <table aria-label="Catalog drafts">
            <thead>
              <tr>
                <th>Draft</th>
                <th>Status</th>
                <th>Author</th>
                <th>From version</th>
                <th>Last changed</th>
              </tr>
            </thead>
            <tbody>
              {drafts.map((d) => (
                <tr key={d.id}>
                  <td>
                    <button type="button" class="link" onClick={() => open(d.id)}>
                      Draft {d.id}
                    </button>
                  </td>
                  <td>{humanize(d.status)}</td>
                  <td>{subjectName(d.author)}</td>
                  <td>{d.baseVersion}</td>
                  <td>{formatTime(d.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {res.data?.catalogDrafts.pageInfo.hasNextPage && <p class="muted">The 20 newest are shown.</p>}
    </div>
  );
}

/** DraftPanel shows a draft's state, its changes against its base, submit, and the review. */
function DraftPanel({ draft, user, onChange, onClose }: { draft: Draft; user: PageProps['user']; onChange: () => void; onClose: () => void }) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const isEditor = user.roles.some((r) => catalogEditors.includes(r));
  const isApprover = user.roles.some((r) => catalogApprovers.includes(r));
  const isAuthor = isSelf(draft.author, user);
  const confirm = useConfirm();
  const approve = async () => {
    const ok = await confirm.ask({
      title: `Approve and publish catalog draft ${draft.id}?`,
      body: (
        <>
          <p>
            You approve the texts {submittedBy(draft.author)}. They become the current reason catalog the moment you confirm: every decline from then on shows the shopper
            the new {draft.changes.length === 1 ? 'text' : 'texts'} of
          </p>
          <ul>
            {draft.changes.map((c) => (
              <li key={textKey(c)}>
                {humanize(c.code)}, {c.locale}, {humanize(c.audience)}
                {c.after && `: “${c.after.title}”`}
              </li>
            ))}
          </ul>
          <p>Decisions made before keep the texts they were shown (each pins its catalog version). A published version cannot be withdrawn: a later draft replaces it.</p>
        </>
      ),
      confirm: 'Approve and publish',
    });
    if (ok) act(() => gql(ApproveDraftMutation, { id: draft.id }));
  };
  const act = async (f: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      inboxChanged();
      onChange();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p>
        Draft {draft.id} <span class="badge muted">{humanize(draft.status)}</span> ·{' '}
        {draft.status === CatalogDraftStatus.Draft
          ? `written by ${subjectName(draft.author)}`
          : submittedBy(draft.author, draft.reviewer, draft.status === CatalogDraftStatus.Rejected ? 'rejected' : 'approved')}
        {draft.comment && ` (“${draft.comment}”)`} · from published version {draft.baseVersion}, revision {draft.revision}, last changed {formatTime(draft.updatedAt)}.
        {draft.publishedVersion && ` Published as version ${draft.publishedVersion}.`}{' '}
        <button type="button" class="link" onClick={onClose}>
          Close the draft
        </button>
      </p>
      <ChangesTable changes={draft.changes} label="Changes in the draft" />
      <div class="toolbar">
        {draft.status === CatalogDraftStatus.Draft && isEditor && (
          <button type="button" onClick={() => act(() => gql(SubmitDraftMutation, { id: draft.id, revision: draft.revision }))} disabled={busy || draft.changes.length === 0}>
            Submit for approval
          </button>
        )}
        {draft.status === CatalogDraftStatus.Submitted && isApprover && !isAuthor && (
          <>
            <button type="button" onClick={approve} disabled={busy}>
              Approve and publish
            </button>
            <label>
              Reason to reject
              <input value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
            </label>
            <button type="button" class="danger" onClick={() => act(() => gql(RejectDraftMutation, { id: draft.id, comment: comment.trim() }))} disabled={busy || !comment.trim()}>
              Reject
            </button>
          </>
        )}
        {draft.status === CatalogDraftStatus.Submitted && isAuthor && <p class="notice">You submitted this draft; another approver must review it.</p>}
      </div>
      {error !== null && <ErrorBox error={error} title={error instanceof ApiError && error.code === 'CONFLICT' ? 'Conflict: the draft changed since it was loaded; reload it' : 'Not done'} />}
      {confirm.dialog}
    </>
  );
}

/** The fields of a catalog text, as a reviewer compares them (steps one per line). */
const textFields = ['title', 'body', 'steps'] as const;

function fieldsOf(t: Change['before']): Record<string, string> | null {
  return t ? { title: t.title, body: t.body, steps: t.steps.join('\n') } : null;
}

/**
 * ChangesTable lists catalog changes text by text and field by field: a changed field shows its
 * text before and after with the words that changed marked, unchanged fields are named only.
 */
function ChangesTable({ changes, label }: { changes: readonly Change[]; label: string }) {
  if (changes.length === 0) return <p>No text differs.</p>;
  return (
    <div class="table-wrap">
      <table aria-label={label} class="text-diff">
        <thead>
          <tr>
            <th>Text</th>
            <th>Change</th>
            <th>Field</th>
            <th>Before</th>
            <th>After</th>
          </tr>
        </thead>
        {changes.map((c) => {
          const fields = fieldDiff(fieldsOf(c.before), fieldsOf(c.after), textFields);
          const changed = fields.filter((f) => f.status !== 'same');
          const same = fields.filter((f) => f.status === 'same' && f.parts.length > 0).map((f) => f.field);
          const rows = changed.length + (same.length > 0 ? 1 : 0);
          const head = (
            <>
              <th scope="rowgroup" rowSpan={rows}>
                {humanize(c.code)}, {c.locale}, {humanize(c.audience)}
              </th>
              <td rowSpan={rows}>{humanize(c.kind)}</td>
            </>
          );
          return (
            <tbody key={textKey(c)} data-text={textKey(c)}>
              {changed.map((f, i) => (
                <tr key={f.field} data-field={f.field}>
                  {i === 0 && head}
                  <td>{humanize(f.field)}</td>
                  <td class="field-old">{f.status === 'added' ? '–' : f.parts.map((p, k) => (p.kind === 'same' ? oldText(p) : p.kind === 'del' ? <del key={k}>{p.text}</del> : null))}</td>
                  <td class="field-new">{f.status === 'removed' ? '–' : f.parts.map((p, k) => (p.kind === 'same' ? p.text : p.kind === 'ins' ? <ins key={k}>{p.text}</ins> : null))}</td>
                </tr>
              ))}
              {same.length > 0 && (
                <tr data-field="unchanged">
                  {changed.length === 0 && head}
                  <td>{same.map((f) => humanize(f)).join(', ')}</td>
                  <td colSpan={2} class="muted">
                    unchanged
                  </td>
                </tr>
              )}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

/**
 * TextEditor edits one reason's shopper text in a draft, with the pop-up rendered by the server
 * as the text is typed (coalesced; stale requests aborted) and its errors at the fields.
 */
function TextEditor(props: { code: ReasonCode; locale: string; draft: Draft | null; text: Entry['text'] | undefined; onSaved: () => void }) {
  const { code, locale, draft } = props;
  const initial: TextFields = props.text
    ? { title: props.text.title, body: props.text.body, steps: props.text.steps.join('\n') }
    : { title: '', body: '', steps: '' };
  const currentRes = useQuery(PreviewQuery, { code, locale }, `${code}|${locale}`);
  const [fields, setFields] = useState<TextFields>(initial);
  const [preview, setPreview] = useState<ShopperMessage | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const empty = !fields.title.trim() && !fields.body.trim() && !fields.steps.trim();

  const previewLive = useMemo(
    () =>
      live((f: TextFields, signal) => gql(PreviewQuery, { code, locale, text: { title: f.title, body: f.body, steps: stepsOf(f.steps) } }, signal), {
        onData: (d) => {
          setPreview(d.previewMessage);
          setPreviewError(null);
        },
        onError: setPreviewError,
        onPending: setPending,
      }, { interval: 150 }),
    [code, locale],
  );
  useEffect(() => () => previewLive.cancel(), [previewLive]);
  useEffect(() => {
    if (!draft || empty) {
      previewLive.cancel();
      return;
    }
    previewLive.schedule(fields);
  }, [fields.title, fields.body, fields.steps, !!draft]);

  const set = (k: keyof TextFields) => (e: Event) => setFields({ ...fields, [k]: (e.currentTarget as HTMLInputElement).value });
  const errs = textErrors(saveError ?? previewError);
  const current = currentRes.data?.previewMessage ?? null;
  const save = async (e: Event) => {
    e.preventDefault();
    if (!draft) return;
    setSaveError(null);
    setSaved('');
    try {
      const out = (
        await gql(EditTextMutation, { id: draft.id, revision: draft.revision, code, locale, audience: CatalogAudience.Shopper, text: { title: fields.title, body: fields.body, steps: stepsOf(fields.steps) } })
      ).editCatalogText;
      setSaved(`Saved in draft ${out.id}, revision ${out.revision}.`);
      props.onSaved();
    } catch (err) {
      setSaveError(err);
    }
  };
  const fieldMsg = (k: 'title' | 'body' | 'steps') =>
    errs[k] ? (
      <span class="field-error" id={`cat-${k}-err`}>
        {errs[k]!.join('; ')}
      </span>
    ) : null;
  const previewFailedElsewhere = previewError !== null && Object.keys(errs).length === 0;

  return (
    <section class="panel" aria-labelledby="editor-h">
      <h2 id="editor-h">
        {humanize(code)}, {locale}
      </h2>
      <h3>Now, at checkout</h3>
      {currentRes.error !== null && <ErrorBox error={currentRes.error} title="Could not render the current pop-up" />}
      {current ? <ShopperPopup message={current} /> : currentRes.loading && <Progress label="Rendering…" />}
      {draft ? (
        <form class="stack" onSubmit={save} aria-label="Edit the shopper text">
          <h3>Shopper text in draft {draft.id}</h3>
          <p class="muted">
            The fields hold the draft’s text as written. Placeholders: {'{merchant} {amount} {score} {bureau} {scoreRange} {scoreDate}'}.
          </p>
          <label>
            Title
            <input name="title" value={fields.title} onInput={set('title')} aria-invalid={errs.title ? 'true' : undefined} aria-describedby={errs.title ? 'cat-title-err' : undefined} />
            {fieldMsg('title')}
          </label>
          <label>
            Body
            <textarea name="body" rows={4} value={fields.body} onInput={set('body')} aria-invalid={errs.body ? 'true' : undefined} aria-describedby={errs.body ? 'cat-body-err' : undefined} />
            {fieldMsg('body')}
          </label>
          <label>
            Steps (one per line)
            <textarea name="steps" rows={3} value={fields.steps} onInput={set('steps')} aria-invalid={errs.steps ? 'true' : undefined} aria-describedby={errs.steps ? 'cat-steps-err' : undefined} />
            {fieldMsg('steps')}
          </label>
          <div class="toolbar">
            <button type="submit" disabled={empty}>
              Save text
            </button>
            {saved && (
              <span role="status" class="muted">
                {saved}
              </span>
            )}
          </div>
          {saveError !== null && Object.keys(textErrors(saveError)).length === 0 && (
            <ErrorBox error={saveError} title={saveError instanceof ApiError && saveError.code === 'CONFLICT' ? 'Conflict: the draft changed since it was loaded; reload it' : 'Not saved'} />
          )}
          <h3>
            Preview {pending && <span class="muted">(updating…)</span>}
          </h3>
          {previewFailedElsewhere && <ErrorBox error={previewError} title="The preview failed" />}
          {empty ? <p class="muted">Type a text to preview it.</p> : preview && <div aria-label="Live preview" role="region" class={pending ? 'stale' : undefined}><ShopperPopup message={preview} /></div>}
        </form>
      ) : (
        <p class="muted">Open or start a draft to edit this text.</p>
      )}
    </section>
  );
}

/** VersionDiff compares two published catalog versions. */
function VersionDiff() {
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const res = useQuery(DiffQuery, range ?? { from: 0, to: 0 }, JSON.stringify(range), !range);
  return (
    <section class="panel" aria-labelledby="vdiff-h">
      <h2 id="vdiff-h">Compare published versions</h2>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          setRange({ from: Number(data.get('from')), to: Number(data.get('to')) });
        }}
      >
        <label>
          From version
          <input name="from" type="number" min="1" step="1" required size={5} />
        </label>
        <label>
          To version
          <input name="to" type="number" min="1" step="1" required size={5} />
        </label>
        <button type="submit" class="secondary">
          Compare
        </button>
      </form>
      {res.error !== null && <ErrorBox error={res.error} title="Could not compare" />}
      {res.loading && <Progress label="Comparing…" />}
      {res.data && <ChangesTable changes={res.data.catalogDiff} label="Differences between the versions" />}
      <p class="muted">
        Decisions pin the catalog version they used; see a <Link href="/decisions">decision</Link>.
      </p>
    </section>
  );
}
