// GDPR erasure (Mutation.requestErasure, Query.erasureRequests): how the Retention page words a
// request's state and an answer. The server decides what is unlinked and when; this only says
// what it answered, never more.
import { ErasureRequestState } from '../gql/graphql';
import { count, formatTime } from './format';

/** erasureStateLabel is a request's state in words, with its badge class. */
export function erasureStateLabel(s: ErasureRequestState): { text: string; badge: string } {
  switch (s) {
    case ErasureRequestState.NowDone:
      return { text: 'Done at request', badge: 'ok' };
    case ErasureRequestState.Scheduled:
      return { text: 'Scheduled', badge: 'warn' };
    case ErasureRequestState.Held:
      return { text: 'Held (legal hold)', badge: 'overdue' };
    default:
      return { text: 'Done after waiting', badge: 'ok' };
  }
}

/** The states the list filters by, in the order of a request's life ('' is any). */
export const erasureStates: readonly ErasureRequestState[] = [
  ErasureRequestState.NowDone,
  ErasureRequestState.Scheduled,
  ErasureRequestState.Held,
  ErasureRequestState.Done,
];

/** readShopperId reads the erase form's shopper id: trimmed, or the message that says why not. */
export function readShopperId(text: string): { id: string } | { error: string } {
  const id = text.trim();
  return id === '' ? { error: 'Write the id of the shopper to erase.' } : { id };
}

/** What requestErasure answered, as the UI asks for it. */
export interface ErasureAnswerWords {
  erasedNow: number;
  waiting: number;
  repeated: boolean;
  request: { id: string; state: ErasureRequestState; dueAt?: string | null };
}

/**
 * answerSentence says what an erasure answered: what this call unlinked, what still waits and for
 * what (the duty's end at dueAt, or a legal hold), or that a waiting request of the shopper was
 * answered again.
 */
export function answerSentence(a: ErasureAnswerWords): string {
  const r = a.request;
  const parts: string[] = [
    a.repeated ? `Request ${r.id} of this shopper was already waiting: nothing new was recorded.` : `Erasure request ${r.id} recorded.`,
  ];
  if (a.erasedNow > 0) parts.push(`${count(a.erasedNow, 'decision')} unlinked from the shopper now.`);
  else if (!a.repeated) parts.push('No decision was unlinked now.');
  const waits = a.waiting === 1 ? '1 decision stays linked' : `${count(a.waiting, 'decision')} stay linked`;
  if (r.state === ErasureRequestState.Held) {
    parts.push(
      a.waiting > 0
        ? `A legal hold applies: ${waits} until it is lifted${r.dueAt ? `, and not before ${formatTime(r.dueAt)}, when their retention duty ends` : ''}.`
        : 'A legal hold applies: the request waits until it is lifted.',
    );
  } else if (r.state === ErasureRequestState.Scheduled) {
    parts.push(
      a.waiting > 0
        ? `${waits} while a retention duty runs: ${a.waiting === 1 ? 'it is' : 'they are'} unlinked ${r.dueAt ? `at ${formatTime(r.dueAt)}` : 'when it ends'}.`
        : `The rest is carried out ${r.dueAt ? `at ${formatTime(r.dueAt)}` : 'when the retention duty ends'}.`,
    );
  } else if (a.waiting === 0) {
    parts.push(a.erasedNow > 0 ? 'Nothing waits: the request is done.' : 'No decision of this shopper was linked: the request is done.');
  } else {
    parts.push(`${waits}.`);
  }
  return parts.join(' ');
}
