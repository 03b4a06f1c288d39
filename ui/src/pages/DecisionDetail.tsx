import { useEffect } from 'preact/hooks';
import { ErrorBox, Link, PageHeader, Progress, useQuery } from '../components/common';
import { DecisionView, PinnedNote, usePinnedThresholds } from '../components/DecisionView';
import { graphql } from '../gql';
import type { DecisionDetailQuery } from '../gql/graphql';
import { formatTime, humanize } from '../lib/format';
import type { PageProps } from '../lib/pages';
import { navigate } from '../lib/router';
import { statusClass } from '../lib/reviews';

const DecisionQuery = graphql(`
  query DecisionDetail($id: ID!) {
    decision(id: $id) {
      ...DecisionFull
      overturns {
        id
        reference
      }
      overturnedBy {
        id
        reference
      }
      reviewCases {
        id
        status
        requestedAt
        dueAt
        overdue
        outcome
        decidedAt
      }
    }
  }
`);

// The audit log names decisions by their reference: /decisions/<reference> opens the decision.
const DecisionIdQuery = graphql(`
  query DecisionIdByReference($reference: String!) {
    decisionByReference(reference: $reference) {
      id
    }
  }
`);

/** Decision ids are UUIDs; anything else in the path is taken for a reference. */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** DecisionDetailPage shows one decision: facts, factor chart, ranked reasons, the pop-up, the pinned versions, its reviews. */
export function DecisionDetailPage({ params, user }: PageProps) {
  const byId = uuid.test(params.id);
  const byRef = useQuery(DecisionIdQuery, { reference: params.id }, params.id, byId);
  const res = useQuery(DecisionQuery, { id: params.id }, params.id, !byId);
  const d = res.data?.decision;
  const pinned = usePinnedThresholds(d, user);
  const found = byRef.data?.decisionByReference?.id;
  useEffect(() => {
    if (found) navigate(`/decisions/${found}`, { replace: true });
  }, [found]);

  if (res.error || byRef.error) return <ErrorBox error={res.error ?? byRef.error} title="Could not load the decision" />;
  if (res.loading || byRef.loading || found) return <Progress label="Loading the decision…" />;
  if (!d) {
    return (
      <>
        <PageHeader title="Decision not found" />
        <p>
          No decision has the {byId ? 'id' : 'reference'} <code>{params.id}</code>. <Link href="/decisions">Back to the decisions</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={`Decision ${d.reference}`}>
        <Link href="/decisions">← All decisions</Link>
      </PageHeader>
      <DecisionView
        d={d}
        user={user}
        pinned={pinned.data?.thresholdVersion}
        pinnedNote={<PinnedNote pinned={pinned} user={user} />}
        aside={<LinkedReviews d={d} />}
      />
    </>
  );
}

type Linked = NonNullable<DecisionDetailQuery['decision']>;

/**
 * LinkedReviews shows a decision's review cases and the decisions linked through an overturn:
 * the automated original of a MANUAL_REVIEW decision, the MANUAL_REVIEW decision that replaced
 * an overturned one. Nothing shows for a decision nobody asked to review.
 */
function LinkedReviews({ d }: { d: Linked }) {
  if (d.reviewCases.length === 0 && !d.overturns && !d.overturnedBy) return null;
  return (
    <section class="panel" aria-labelledby="linked-h">
      <h2 id="linked-h">Human review</h2>
      <ul class="linked">
        {d.reviewCases.map((c) => (
          <li key={c.id}>
            <Link href={`/reviews/${c.id}`}>Review case {c.id}</Link> <span class={statusClass(c.status)}>{humanize(c.status)}</span>
            {c.overdue && <>{' '}<span class="badge overdue">overdue</span></>}{' '}
            <span class="muted">
              requested {formatTime(c.requestedAt)}, {c.decidedAt ? `decided ${formatTime(c.decidedAt)}` : `due ${formatTime(c.dueAt)}`}
            </span>
          </li>
        ))}
        {d.overturnedBy && (
          <li>
            Overturned by the manual review decision <Link href={`/decisions/${d.overturnedBy.id}`}>{d.overturnedBy.reference}</Link>
          </li>
        )}
        {d.overturns && (
          <li>
            Overturns the automated decision <Link href={`/decisions/${d.overturns.id}`}>{d.overturns.reference}</Link>
          </li>
        )}
      </ul>
    </section>
  );
}
