// Who did something, as the API records it: a subject such as "user:3:anna", "token:2:checkout"
// or "system:first-start" (internal/auth Principal.Subject).
import type { SessionUser } from './session';

/** subjectName is the name part of a subject ("anna" of "user:3:anna"); other strings as they are. */
export function subjectName(subject: string | null | undefined): string {
  if (!subject) return '';
  const m = /^(?:user|token):\d+:(.+)$/.exec(subject);
  if (m) return m[1];
  return subject.startsWith('system:') ? `${subject.slice(7)} (system)` : subject;
}

/** isSelf reports whether subject is the signed-in user (usernames are unique). */
export function isSelf(subject: string | null | undefined, user: SessionUser): boolean {
  return !!subject && /^user:\d+:/.test(subject) && subjectName(subject) === user.username;
}

/**
 * submittedBy says who did what to a change, so that nobody reads the author as its approver:
 * "submitted by anna · approved by ali". reviewed is the reviewer's verb ("approved",
 * "rejected"); the second part is left out while nobody has reviewed it.
 */
export function submittedBy(author: string | null | undefined, reviewer?: string | null, reviewed = 'approved'): string {
  const who = `submitted by ${subjectName(author)}`;
  return reviewer ? `${who} · ${reviewed} by ${subjectName(reviewer)}` : who;
}
