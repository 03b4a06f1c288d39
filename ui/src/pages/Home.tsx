import { useEffect } from 'preact/hooks';
import { ErrorBox, Link, PageHeader, Progress } from '../components/common';
import { isApprover, useInbox } from '../components/inbox';
import { allowed, type Guarded } from '../lib/access';
import { count, formatAge, formatTime } from '../lib/format';
import { isNear, type InboxCase, type Submission } from '../lib/inbox';
import type { PageProps } from '../lib/pages';
import { dueLabel } from '../lib/reviews';
import { navigate } from '../lib/router';
import { subjectName } from '../lib/subject';

/** A page HomePage may send the user to: those with nav set, in order. */
export interface NavPage extends Guarded {
  nav?: boolean;
}

/**
 * HomePage sends the user to the first of pages their roles open, or says there is none. For
 * approvers and reviewers that is the inbox, "Waiting for you" (first in the navigation).
 */
export function HomePage({ user, pages }: PageProps & { pages: readonly NavPage[] }) {
  const first = pages.find((r) => r.nav && allowed(user, r));
  useEffect(() => {
    if (first) navigate(first.path, { replace: true });
  }, [first]);
  if (first) return null;
  return (
    <>
      <PageHeader title="No pages for your roles" />
      <p>
        You are signed in as {user.username} with the roles {user.roles.join(', ') || 'none'}; none of the console's pages is open to them. Ask an
        administrator for the role you need.
      </p>
    </>
  );
}

/**
 * InboxPage is what waits for the signed-in approver or reviewer: submissions by others to
 * approve, and review cases to claim, decide or second, each a link to where it is done.
 */
export function InboxPage({ user }: PageProps) {
  const inbox = useInbox(user, 'page');
  const now = Date.now();
  const work = inbox.work;
  return (
    <>
      <PageHeader title="Waiting for you" />
      {inbox.error !== null && <ErrorBox error={inbox.error} title="Could not load what waits for you" />}
      {!inbox.loaded && inbox.error === null && <Progress label="Looking for what waits for you…" />}
      {inbox.loaded && inbox.count === 0 && <p>Nothing waits for you now.</p>}
      {inbox.loaded && isApprover(user) && (
        <section class="panel" aria-labelledby="inbox-subs-h">
          <h2 id="inbox-subs-h">Submissions awaiting your approval ({inbox.theirs.length})</h2>
          {inbox.theirs.length === 0 ? (
            <p>No submission by someone else awaits approval.</p>
          ) : (
            <SubmissionsTable list={inbox.theirs} now={now} />
          )}
          {inbox.own.length > 0 && (
            <p class="muted">
              {count(inbox.own.length, 'submission')} of yours {inbox.own.length === 1 ? 'waits' : 'wait'} for another approver:{' '}
              {inbox.own.map((s, i) => (
                <>
                  {i > 0 && ', '}
                  <Link href={s.href}>{label(s)}</Link>
                </>
              ))}
              .
            </p>
          )}
          {inbox.moreSubmissions && <p class="muted">Only the newest submissions of each kind (100 drafts, 30 split and 30 retention requests) are looked at.</p>}
        </section>
      )}
      {inbox.loaded && work && (
        <section class="panel" aria-labelledby="inbox-cases-h">
          <h2 id="inbox-cases-h">Review cases</h2>
          <CaseList title="Overturns awaiting your second approval" cases={work.second} now={now} empty="No overturn waits for a second reviewer." />
          <CaseList title="Claimed by you, not yet decided" cases={work.claimed} now={now} empty="You have no case in review." />
          <CaseList
            title={`Unclaimed${inbox.moreOpen ? ' (the 50 soonest due)' : ''}`}
            cases={work.open}
            now={now}
            empty="No case waits for a reviewer."
          />
          <p>
            <Link href="/reviews?status=OPEN">All unclaimed cases in the queue</Link>
          </p>
        </section>
      )}
    </>
  );
}

function label(s: Submission): string {
  if (s.kind === 'thresholds') return `${s.market} threshold draft ${s.id}`;
  if (s.kind === 'split') return `${s.market} split request ${s.id}`;
  if (s.kind === 'retention') return `${s.market} retention policy request ${s.id}`;
  return `Catalog draft ${s.id}`;
}

function SubmissionsTable({ list, now }: { list: readonly Submission[]; now: number }) {
  return (
    <div class="table-wrap">
      <table aria-label="Submissions awaiting your approval">
        <thead>
          <tr>
            <th>Submission</th>
            <th>Market</th>
            <th>Submitted by</th>
            <th>Waiting</th>
            <th>Submitted (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {list.map((s) => (
            <tr key={`${s.kind}${s.id}`} data-submission={`${s.kind}-${s.id}`}>
              <td>
                <Link href={s.href}>{label(s)}</Link>
              </td>
              <td>{s.market ?? 'all (reason texts)'}</td>
              <td>{subjectName(s.author)}</td>
              <td>{formatAge(s.submittedAt, now)}</td>
              <td>{formatTime(s.submittedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CaseList({ title, cases, now, empty }: { title: string; cases: readonly InboxCase[]; now: number; empty: string }) {
  return (
    <>
      <h3>
        {title} ({cases.length})
      </h3>
      {cases.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <ul class="inbox-cases" aria-label={title}>
          {cases.map((c) => (
            <li key={c.id} data-case={c.id}>
              <Link href={`/reviews/${c.id}`}>Case {c.id}</Link> · {c.market} · due {formatTime(c.dueAt)}{' '}
              <span class={c.overdue ? 'badge overdue' : isNear(c, now) ? 'badge warn' : 'muted'}>{dueLabel(c.dueAt, c.status, now)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
