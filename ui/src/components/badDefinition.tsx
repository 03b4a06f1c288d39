// The bad-definition panel on the thresholds page: the definition in force in a market, and its
// maker-checker workflow in small: an analyst starts a draft, edits level and window, submits it
// with a rationale; another approver approves or rejects it.
import { useState } from 'preact/hooks';
import { graphql } from '../gql';
import { ThresholdDraftStatus, type OutcomeStatus } from '../gql/graphql';
import { gql } from '../lib/api';
import { formatTime } from '../lib/format';
import { badDefinitionApprovers, badDefinitionEditors, badLevels, checkWindow, describeBad, maxWindowMonths, statusLabel } from '../lib/outcomes';
import type { SessionUser } from '../lib/session';
import { isSelf, subjectName, submittedBy } from '../lib/subject';
import { ErrorBox, FieldError, Progress, useQuery } from './common';

const BadDefinitionQuery = graphql(`
  query BadDefinitionPanel($market: String!) {
    badDefinition(market: $market) {
      id
      version
      level
      windowMonths
      description
      author
      approver
      createdAt
    }
    badDefinitionDrafts(market: $market, first: 10) {
      nodes {
        ...BadDraftFields
      }
    }
  }
`);

graphql(`
  fragment BadDraftFields on BadDefinitionDraft {
    id
    market
    status
    revision
    author
    rationale
    level
    windowMonths
    description
    reviewer
    reviewComment
    updatedAt
  }
`);

const CreateBadDraft = graphql(`
  mutation CreateBadDefinitionDraft($market: String!) {
    createBadDefinitionDraft(market: $market) {
      ...BadDraftFields
    }
  }
`);

const EditBadDraft = graphql(`
  mutation EditBadDefinitionDraft($id: ID!, $revision: Int!, $level: OutcomeStatus!, $windowMonths: Int!) {
    editBadDefinitionDraft(id: $id, revision: $revision, level: $level, windowMonths: $windowMonths) {
      ...BadDraftFields
    }
  }
`);

const SubmitBadDraft = graphql(`
  mutation SubmitBadDefinitionDraft($id: ID!, $revision: Int!, $rationale: String!) {
    submitBadDefinitionDraft(id: $id, revision: $revision, rationale: $rationale) {
      ...BadDraftFields
    }
  }
`);

const ApproveBadDraft = graphql(`
  mutation ApproveBadDefinitionDraft($id: ID!, $comment: String) {
    approveBadDefinitionDraft(id: $id, comment: $comment) {
      ...BadDraftFields
    }
  }
`);

const RejectBadDraft = graphql(`
  mutation RejectBadDefinitionDraft($id: ID!, $comment: String!) {
    rejectBadDefinitionDraft(id: $id, comment: $comment) {
      ...BadDraftFields
    }
  }
`);

interface BadDraft {
  id: string;
  status: ThresholdDraftStatus;
  revision: number;
  author: string;
  rationale: string;
  level: OutcomeStatus;
  windowMonths: number;
  description: string;
  reviewer?: string | null;
  reviewComment?: string | null;
  updatedAt: string;
}

/** BadDefinitionPanel shows a market's bad definition in force and lets the roles that may move its drafts along. */
export function BadDefinitionPanel({ market, user }: { market: string; user: SessionUser }) {
  const res = useQuery(BadDefinitionQuery, { market }, market);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const canEdit = user.roles.some((r) => badDefinitionEditors.includes(r));
  const canApprove = user.roles.some((r) => badDefinitionApprovers.includes(r));

  const run = async (f: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      res.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const d = res.data?.badDefinition;
  const drafts = (res.data?.badDefinitionDrafts.nodes ?? []) as BadDraft[];
  const open = drafts.filter((x) => x.status === ThresholdDraftStatus.Draft);
  const submitted = drafts.filter((x) => x.status === ThresholdDraftStatus.Submitted);
  const mine = open.find((x) => isSelf(x.author, user));

  return (
    <section class="panel" aria-labelledby="bad-h">
      <h2 id="bad-h">Bad definition in {market}</h2>
      {res.error !== null && <ErrorBox error={res.error} title="Could not load the bad definition" />}
      {res.loading && !res.data && <Progress label="Loading the bad definition…" />}
      {d && (
        <p data-figure="bad-definition">
          <strong>{d.description}</strong> <span class="muted">(version {d.version}, {submittedBy(d.author, d.approver)}, {formatTime(d.createdAt)})</span>. A
          purchase younger than {d.windowMonths} months is immature and counts neither good nor bad.
        </p>
      )}
      {error !== null && <ErrorBox error={error} title="Not done" />}
      {canEdit && !mine && (
        <button type="button" class="secondary" disabled={busy} onClick={() => run(() => gql(CreateBadDraft, { market }))}>
          Start a bad-definition draft
        </button>
      )}
      {mine && <DraftEditor key={`${mine.id}-${mine.revision}`} draft={mine} busy={busy} error={error} run={run} />}
      {open
        .filter((x) => x !== mine)
        .map((x) => (
          <p key={x.id} class="muted">
            Draft {x.id} by {subjectName(x.author)}: {x.description} (being edited).
          </p>
        ))}
      {submitted.map((x) => (
        <Submitted key={x.id} draft={x} user={user} canApprove={canApprove} busy={busy} error={error} run={run} />
      ))}
    </section>
  );
}

type Run = (f: () => Promise<unknown>) => Promise<void>;

function DraftEditor({ draft, busy, error, run }: { draft: BadDraft; busy: boolean; error: unknown; run: Run }) {
  const [level, setLevel] = useState<string>(draft.level);
  const [months, setMonths] = useState(String(draft.windowMonths));
  const [rationale, setRationale] = useState('');
  const windowError = checkWindow(months);
  const dirty = level !== draft.level || Number(months) !== draft.windowMonths;
  const save = () => gql(EditBadDraft, { id: draft.id, revision: draft.revision, level: level as OutcomeStatus, windowMonths: Number(months) });
  return (
    <form
      class="stack bad-draft"
      aria-label={`Bad-definition draft ${draft.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        run(async () => {
          const rev = dirty ? (await save()).editBadDefinitionDraft.revision : draft.revision;
          await gql(SubmitBadDraft, { id: draft.id, revision: rev, rationale: rationale.trim() });
        });
      }}
    >
      <p>
        Your draft {draft.id} (revision {draft.revision}): <strong>{windowError ? draft.description : describeBad(level, Number(months))}</strong>
      </p>
      <div class="filters compact">
        <label>
          Bad when ever
          <select name="level" value={level} onChange={(e) => setLevel(e.currentTarget.value)}>
            {badLevels.map((l) => (
              <option key={l} value={l}>
                {statusLabel(l)}
                {l === 'CHARGED_OFF' ? '' : ' or worse'}
              </option>
            ))}
          </select>
          <FieldError error={error} field="level" />
        </label>
        <label>
          Within (months, 1–{maxWindowMonths})
          <input name="windowMonths" inputMode="numeric" value={months} aria-invalid={windowError ? 'true' : undefined} onInput={(e) => setMonths(e.currentTarget.value)} />
          {windowError ? <span class="field-error">{windowError}</span> : <FieldError error={error} field="windowMonths" />}
        </label>
      </div>
      <div class="toolbar">
        <button type="button" disabled={busy || !dirty || !!windowError} onClick={() => run(save)}>
          Save definition draft
        </button>
      </div>
      <label>
        Rationale for the approver
        <textarea name="bad-rationale" rows={2} value={rationale} onInput={(e) => setRationale(e.currentTarget.value)} />
        <FieldError error={error} field="rationale" />
      </label>
      <div>
        <button type="submit" disabled={busy || !!windowError || rationale.trim() === ''}>
          Submit the definition for approval
        </button>
      </div>
    </form>
  );
}

function Submitted({ draft, user, canApprove, busy, error, run }: { draft: BadDraft; user: SessionUser; canApprove: boolean; busy: boolean; error: unknown; run: Run }) {
  const [comment, setComment] = useState('');
  const own = isSelf(draft.author, user);
  return (
    <div class="bad-submitted" role="group" aria-label={`Submitted bad definition ${draft.id}`}>
      <p>
        Awaiting approval: <strong>{draft.description}</strong>, submitted by {subjectName(draft.author)}: “{draft.rationale}”
      </p>
      {!canApprove ? (
        <p class="muted">An approver reviews it.</p>
      ) : own ? (
        <p class="notice">You submitted it, so another approver must review it (maker-checker).</p>
      ) : (
        <div class="stack">
          <label>
            Comment (required to reject)
            <textarea name="bad-comment" rows={2} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
            <FieldError error={error} field="comment" />
          </label>
          <div class="toolbar">
            <button type="button" disabled={busy} onClick={() => run(() => gql(ApproveBadDraft, { id: draft.id, comment: comment.trim() || null }))}>
              Approve the definition
            </button>
            <button type="button" class="danger" disabled={busy || comment.trim() === ''} onClick={() => run(() => gql(RejectBadDraft, { id: draft.id, comment: comment.trim() }))}>
              Reject the definition
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
