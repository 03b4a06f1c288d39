import { useState } from 'preact/hooks';
import { DecisionView, PinnedNote, usePinnedThresholds } from '../components/DecisionView';
import { ErrorBox, FieldError, Link, PageHeader, Progress, useQuery } from '../components/common';
import { inboxChanged } from '../components/inbox';
import { graphql } from '../gql';
import { ReviewOutcome, ReviewStatus, type ReviewCasePageQuery } from '../gql/graphql';
import { ApiError, gql } from '../lib/api';
import { formatTime, humanize } from '../lib/format';
import { readsDecisions, type PageProps } from '../lib/pages';
import { caseStep, dueLabel, isUndecided, statusClass } from '../lib/reviews';
import type { SessionUser } from '../lib/session';
import { subjectName } from '../lib/subject';

const ReviewCaseQuery = graphql(`
  query ReviewCasePage($id: ID!) {
    reviewCase(id: $id) {
      id
      status
      market
      statement
      locale
      requestedBy
      requestedAt
      dueAt
      overdue
      reviewer
      claimedAt
      outcome
      reason
      decidedAt
      secondReviewRequired
      secondReviewer
      secondReviewComment
      secondReviewedAt
      newDecision {
        id
        reference
      }
      notices {
        kind
        locale
        title
        body
        sentAt
      }
      decision {
        ...DecisionFull
      }
    }
  }
`);

const ClaimMutation = graphql(`
  mutation ClaimReviewCase($id: ID!) {
    claimReviewCase(id: $id) {
      id
      status
    }
  }
`);

const DecideMutation = graphql(`
  mutation DecideReviewCase($id: ID!, $outcome: ReviewOutcome!, $reason: String!) {
    decideReviewCase(id: $id, outcome: $outcome, reason: $reason) {
      id
      status
    }
  }
`);

const ApproveMutation = graphql(`
  mutation ApproveOverturn($id: ID!, $comment: String) {
    approveOverturn(id: $id, comment: $comment) {
      id
      status
    }
  }
`);

const RejectMutation = graphql(`
  mutation RejectOverturn($id: ID!, $comment: String!) {
    rejectOverturn(id: $id, comment: $comment) {
      id
      status
    }
  }
`);

type Case = NonNullable<ReviewCasePageQuery['reviewCase']>;

/**
 * ReviewCasePage is one review case: the shopper's request and statement, the notices they were
 * sent, the review's state with the step the signed-in reviewer may take, and the reviewed
 * decision in full. After every step the case is read again, so the page shows its true state.
 */
export function ReviewCasePage({ params, user }: PageProps) {
  const res = useQuery(ReviewCaseQuery, { id: params.id }, params.id);
  const c = res.data?.reviewCase;
  const pinned = usePinnedThresholds(c?.decision, user);

  if (res.error !== null && !c) return <ErrorBox error={res.error} title="Could not load the review case" />;
  if (res.loading && !c) return <Progress label="Loading the review case…" />;
  if (!c) {
    return (
      <>
        <PageHeader title="Review case not found" />
        <p>
          No review case has the id <code>{params.id}</code>. <Link href="/reviews">Back to the reviews</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={`Review case ${c.id}`}>
        <span class={statusClass(c.status)} data-testid="case-status">
          {humanize(c.status)}
        </span>
        <Link href="/reviews">← All reviews</Link>
      </PageHeader>
      <div class="grid2">
        <div>
          <Request c={c} />
          <Review c={c} user={user} onChanged={res.reload} />
        </div>
        <div>
          <Notices c={c} />
        </div>
      </div>
      <h2>The reviewed decision {c.decision.reference}</h2>
      <DecisionView d={c.decision} user={user} pinned={pinned.data?.thresholdVersion} pinnedNote={<PinnedNote pinned={pinned} user={user} />} />
    </>
  );
}

/** Request shows what the shopper asked and when the answer is due. */
function Request({ c }: { c: Case }) {
  return (
    <section class="panel" aria-labelledby="request-h">
      <h2 id="request-h">The shopper's request</h2>
      <dl class="facts">
        <dt>Requested</dt>
        <dd>
          {formatTime(c.requestedAt)} <span class="muted">through {subjectName(c.requestedBy)}</span>
        </dd>
        <dt>Answer due</dt>
        <dd>
          {formatTime(c.dueAt)} {c.overdue && <span class="badge overdue">Overdue</span>}{' '}
          <span class="muted" data-testid="case-due">
            {dueLabel(c.dueAt, c.status, Date.now())}
          </span>
        </dd>
        <dt>Market</dt>
        <dd>{c.market}</dd>
        <dt>Shopper's locale</dt>
        <dd>{c.locale}</dd>
      </dl>
      <h3>Their statement</h3>
      <blockquote class="statement" lang={c.locale} aria-label="The shopper's statement">
        {c.statement}
      </blockquote>
    </section>
  );
}

/** Notices lists what the shopper was sent, exactly as sent. */
function Notices({ c }: { c: Case }) {
  return (
    <section class="panel" aria-labelledby="notices-h">
      <h2 id="notices-h">Notices sent to the shopper</h2>
      {c.notices.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ol class="notices" aria-label="Notices">
          {c.notices.map((n, i) => (
            <li key={i} lang={n.locale} data-notice={n.kind}>
              <strong>{n.title}</strong> <span class="muted">{humanize(n.kind)}, {n.locale}, sent {formatTime(n.sentAt)}</span>
              <p>{n.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Review shows the review's state and offers the step user may take on it. */
function Review({ c, user, onChanged }: { c: Case; user: SessionUser; onChanged: () => void }) {
  const [outcome, setOutcome] = useState<ReviewOutcome | ''>('');
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const step = caseStep(c, user);

  // run takes a step and reads the case again, whether the server took it or refused it (a
  // CONFLICT means the case moved meanwhile: the page then shows where it is now).
  const run = async (action: () => Promise<unknown>, clear: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      clear();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      onChanged();
      // The navigation's count of what waits follows the step.
      inboxChanged();
    }
  };
  const claim = () => run(() => gql(ClaimMutation, { id: c.id }), () => {});
  const decide = (e: Event) => {
    e.preventDefault();
    if (!outcome) return;
    run(
      () => gql(DecideMutation, { id: c.id, outcome, reason }),
      () => {
        setOutcome('');
        setReason('');
      },
    );
  };
  const second = (approve: boolean) =>
    run(
      () => (approve ? gql(ApproveMutation, { id: c.id, comment: comment.trim() || null }) : gql(RejectMutation, { id: c.id, comment })),
      () => setComment(''),
    );

  return (
    <section class="panel" aria-labelledby="review-h">
      <h2 id="review-h">Review</h2>
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          <span class={statusClass(c.status)}>{humanize(c.status)}</span>
        </dd>
        <dt>Reviewer</dt>
        <dd>{c.reviewer ? `${subjectName(c.reviewer)}, claimed ${formatTime(c.claimedAt)}` : 'nobody yet'}</dd>
        {c.outcome && (
          <>
            <dt>Outcome</dt>
            <dd data-testid="case-outcome">
              {humanize(c.outcome)}
              {c.decidedAt && <span class="muted"> · {formatTime(c.decidedAt)}</span>}
            </dd>
            <dt>Reason</dt>
            <dd>{c.reason}</dd>
          </>
        )}
        <dt>Second review</dt>
        <dd>{c.secondReviewRequired ? 'an overturn needs a second reviewer (the amount is above the market’s limit)' : 'not needed for an overturn'}</dd>
        {c.secondReviewer && c.status !== ReviewStatus.InReview && (
          <>
            <dt>Second reviewer</dt>
            <dd>
              {subjectName(c.secondReviewer)}, {formatTime(c.secondReviewedAt)}
              {c.secondReviewComment ? `: “${c.secondReviewComment}”` : ''}
            </dd>
          </>
        )}
        {c.newDecision && (
          <>
            <dt>New decision</dt>
            <dd>
              {readsDecisions(user) ? <Link href={`/decisions/${c.newDecision.id}`}>{c.newDecision.reference}</Link> : <code>{c.newDecision.reference}</code>}{' '}
              <span class="muted">(manual review, approved)</span>
            </dd>
          </>
        )}
      </dl>

      {step === 'none' && isUndecided(c.status) && !user.roles.includes('REVIEWER') && <p class="muted">Only a reviewer works this case; you can read it.</p>}
      {step === 'claim' && (
        <div class="toolbar">
          <button type="button" onClick={claim} disabled={busy}>
            Claim this case
          </button>
          <span class="muted">You become its reviewer; nobody else can decide it.</span>
        </div>
      )}
      {step === 'claimedByOther' && <p class="notice">{subjectName(c.reviewer)} has claimed this case: only they decide it.</p>}
      {step === 'decide' && (
        <form class="stack" onSubmit={decide} aria-label="Decide the review">
          <fieldset>
            <legend>Outcome</legend>
            <label class="check">
              <input type="radio" name="outcome" value={ReviewOutcome.Uphold} checked={outcome === ReviewOutcome.Uphold} onChange={() => setOutcome(ReviewOutcome.Uphold)} />
              Uphold: the decline stands
            </label>
            <label class="check">
              <input type="radio" name="outcome" value={ReviewOutcome.Overturn} checked={outcome === ReviewOutcome.Overturn} onChange={() => setOutcome(ReviewOutcome.Overturn)} />
              Overturn: approve the purchase with a new decision
              {c.secondReviewRequired && <span class="muted"> (then a second reviewer must approve)</span>}
            </label>
            <FieldError error={error} field="outcome" />
          </fieldset>
          <label>
            Reason, told to the shopper (required)
            <textarea name="reason" rows={4} value={reason} onInput={(e) => setReason(e.currentTarget.value)} aria-invalid={fieldInvalid(error, 'reason')} />
            <FieldError error={error} field="reason" />
          </label>
          <div class="toolbar">
            <button type="submit" disabled={busy || !outcome}>
              Record the decision
            </button>
          </div>
        </form>
      )}
      {(step === 'second' || step === 'ownOverturn') && (
        <div class="stack">
          <h3>Second review of the overturn</h3>
          {step === 'ownOverturn' && (
            <p class="notice" data-testid="own-overturn">
              You overturned this case, so another reviewer must approve or reject the overturn (four eyes). The server refuses a second review by the reviewer who
              overturned it.
            </p>
          )}
          <label>
            Comment (required to reject)
            <textarea name="comment" rows={3} value={comment} disabled={step === 'ownOverturn'} onInput={(e) => setComment(e.currentTarget.value)} />
            <FieldError error={error} field="comment" />
          </label>
          <div class="toolbar">
            <button type="button" onClick={() => second(true)} disabled={busy || step === 'ownOverturn'}>
              Approve the overturn
            </button>
            <button type="button" class="danger" onClick={() => second(false)} disabled={busy || step === 'ownOverturn' || comment.trim() === ''}>
              Reject the overturn
            </button>
          </div>
        </div>
      )}
      {error !== null && <ErrorBox error={error} title="The step was not taken" />}
      {c.status === ReviewStatus.InReview && c.secondReviewer && c.secondReviewComment && (
        <p class="notice">
          The overturn was rejected by {subjectName(c.secondReviewer)} on {formatTime(c.secondReviewedAt)}: “{c.secondReviewComment}” Its reviewer decides again.
        </p>
      )}
    </section>
  );
}

/** fieldInvalid is aria-invalid for a form field an INVALID answer named. */
function fieldInvalid(error: unknown, field: string): true | undefined {
  return error instanceof ApiError && error.fields.some((f) => f.field === field) ? true : undefined;
}
