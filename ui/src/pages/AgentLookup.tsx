import { ErrorBox, Link, PageHeader, Progress, useQuery } from '../components/common';
import { Paragraphs } from '../components/Paragraphs';
import { ShopperPopup } from '../components/ShopperPopup';
import { graphql } from '../gql';
import { DecisionKind, Outcome, type AgentDecisionQuery } from '../gql/graphql';
import { ApiError } from '../lib/api';
import { formatTime, humanize } from '../lib/format';
import { statusClass } from '../lib/reviews';
import { navigate } from '../lib/router';
import type { PageProps } from '../lib/pages';

const AgentDecisionQuery = graphql(`
  query AgentDecision($reference: String!, $locale: String!) {
    agentDecision(reference: $reference, locale: $locale) {
      reference
      createdAt
      outcome
      market
      merchantName
      formattedAmount
      shopperMessage {
        locale
        title
        body
        steps
        closing
      }
      guidanceLocale
      guidance {
        rank
        code
        locale
        title
        body
        steps
      }
      cardHold {
        mayBePending
        usuallyReleasedBy
        note
      }
      notes
      kind
      overturnsReference
      reviewRequestableUntil
      review {
        status
        dueAt
        overdue
        outcome
        decidedAt
        newDecisionReference
      }
    }
  }
`);

/**
 * AgentLookupPage is the support agents' view: one box for the reference a shopper reads out,
 * then the pop-up the shopper saw and guidance for the call. It only reads (agentDecision shows
 * no factor value, score, cut-off or threshold version), and every look-up is audited.
 */
export function AgentLookupPage({ query }: PageProps) {
  const reference = query.get('ref')?.trim() ?? '';
  const locale = navigator.language || 'en-US';
  const res = useQuery(AgentDecisionQuery, { reference, locale }, reference, reference === '');
  const d = res.data?.agentDecision;
  const notFound = res.error instanceof ApiError && res.error.code === 'NOT_FOUND';

  const submit = (e: Event) => {
    e.preventDefault();
    const ref = String(new FormData(e.currentTarget as HTMLFormElement).get('ref') ?? '').trim();
    navigate(ref ? `/agent?ref=${encodeURIComponent(ref)}` : '/agent');
  };

  return (
    <>
      <PageHeader title="Decision look-up">
        <span class="readonly-banner" title="This page cannot change anything">
          Read-only
        </span>
      </PageHeader>
      <form class="toolbar" role="search" onSubmit={submit} key={reference}>
        <label>
          Decision reference
          <input name="ref" defaultValue={reference} placeholder="D7K-2QF-9XM" autocomplete="off" spellcheck={false} required />
        </label>
        <button type="submit">Look up</button>
      </form>
      {res.loading && <Progress label="Looking the decision up…" />}
      {notFound ? (
        // A reference that does not exist is an answer, not a failure: no alert, no error code.
        <p role="status" class="notice" data-testid="not-found">
          No decision with reference <strong>{reference}</strong>. Check the reference with the shopper: it is on their decline message and in their account.
        </p>
      ) : (
        res.error !== null && <ErrorBox error={res.error} title={`Could not look up ${reference}`} />
      )}
      {d && (
        <div class="grid2">
          <section aria-labelledby="seen-h">
            <h2 id="seen-h">
              {d.reference}: {humanize(d.outcome)}
            </h2>
            <p class="muted">
              {formatTime(d.createdAt)} · {d.merchantName} · {d.formattedAmount} · market {d.market}
            </p>
            <AgentReviewPanel d={d} />
            {d.outcome === Outcome.Declined && d.shopperMessage ? (
              <>
                <h3>The pop-up the shopper saw</h3>
                <ShopperPopup message={d.shopperMessage} />
              </>
            ) : (
              <p>The purchase was approved: the shopper saw no pop-up.</p>
            )}
            {d.cardHold && (
              <div class="notice">
                <strong>Card hold</strong>
                <p>{d.cardHold.note}</p>
                <p class="meta">
                  {d.cardHold.mayBePending ? 'may still be pending' : 'should be released'}; usually released by {formatTime(d.cardHold.usuallyReleasedBy)}
                </p>
              </div>
            )}
          </section>
          <section aria-labelledby="guide-h" lang={d.guidanceLocale}>
            <h2 id="guide-h">Guidance for the call</h2>
            {d.guidance.map((g) => (
              <div class="panel" key={g.rank}>
                <h3>
                  {g.rank}. {g.title}
                </h3>
                <Paragraphs text={g.body} />
                {g.steps.length > 0 && (
                  <>
                    <p class="meta" lang="en" id={`guide-steps-${g.rank}`}>
                      What the shopper can do, in order:
                    </p>
                    <ol aria-labelledby={`guide-steps-${g.rank}`}>
                      {g.steps.map((s, i) => (
                        <li key={i}>{s}</li>
                      ))}
                    </ol>
                  </>
                )}
              </div>
            ))}
            <h3>What you can always say</h3>
            <ul>
              {d.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </>
  );
}

/** agentURL is the look-up of reference. */
const agentURL = (reference: string) => `/agent?ref=${encodeURIComponent(reference)}`;

/**
 * AgentReviewPanel tells the agent about the decision's human review: until when the shopper may
 * ask for one, or its status, due date and outcome, and the linked decision of an overturn. Nothing of the
 * shopper's statement, the reviewer or their reason reaches this view.
 */
function AgentReviewPanel({ d }: { d: NonNullable<AgentDecisionQuery['agentDecision']> }) {
  const r = d.review;
  if (!r && d.kind !== DecisionKind.ManualReview && !d.reviewRequestableUntil) return null;
  return (
    <div class="panel" aria-label="Human review">
      <h3>Human review</h3>
      {d.kind === DecisionKind.ManualReview && (
        <p>
          A reviewer made this decision when they overturned{' '}
          {d.overturnsReference ? <Link href={agentURL(d.overturnsReference)}>{d.overturnsReference}</Link> : 'an automated decline'}.
        </p>
      )}
      {d.reviewRequestableUntil && (
        <p data-testid="review-requestable">
          The shopper may ask for a person to review this decline, through the lender's app, until {formatTime(d.reviewRequestableUntil)}. You cannot file it for
          them.
        </p>
      )}
      {r && (
        <dl class="facts">
          <dt>Status</dt>
          <dd>
            <span class={statusClass(r.status)}>{humanize(r.status)}</span>
            {r.overdue && (
              <>
                {' '}
                <span class="badge overdue">Overdue</span>
              </>
            )}
          </dd>
          <dt>Answer due</dt>
          <dd>{formatTime(r.dueAt)}</dd>
          <dt>Outcome</dt>
          <dd>{r.outcome ? `${humanize(r.outcome)}, ${formatTime(r.decidedAt)}` : 'not decided yet'}</dd>
          {r.newDecisionReference && (
            <>
              <dt>New decision</dt>
              <dd>
                <Link href={agentURL(r.newDecisionReference)}>{r.newDecisionReference}</Link>
              </dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}
