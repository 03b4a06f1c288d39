import { describe, expect, it } from 'vitest';
import { ErasureRequestState } from '../gql/graphql';
import { answerSentence, readShopperId } from './erasure';

describe('readShopperId', () => {
  it('trims the id and refuses a blank one', () => {
    expect(readShopperId('  s-1 ')).toEqual({ id: 's-1' });
    expect(readShopperId(' \t ')).toEqual({ error: 'Write the id of the shopper to erase.' });
  });
});

describe('answerSentence', () => {
  const req = (state: ErasureRequestState, dueAt: string | null = null) => ({ id: '4', state, dueAt });
  const cases: { name: string; answer: Parameters<typeof answerSentence>[0]; want: string }[] = [
    {
      name: 'all unlinked at once',
      answer: { erasedNow: 5, waiting: 0, repeated: false, request: req(ErasureRequestState.NowDone) },
      want: 'Erasure request 4 recorded. 5 decisions unlinked from the shopper now. Nothing waits: the request is done.',
    },
    {
      name: 'a shopper with no decision linked',
      answer: { erasedNow: 0, waiting: 0, repeated: false, request: req(ErasureRequestState.NowDone) },
      want: 'Erasure request 4 recorded. No decision was unlinked now. No decision of this shopper was linked: the request is done.',
    },
    {
      name: 'some wait for their duty',
      answer: { erasedNow: 1, waiting: 1, repeated: false, request: req(ErasureRequestState.Scheduled, '2027-03-01T00:00:00Z') },
      want: 'Erasure request 4 recorded. 1 decision unlinked from the shopper now. 1 decision stays linked while a retention duty runs: it is unlinked at 2027-03-01 00:00:00 UTC.',
    },
    {
      name: 'held, no duty running',
      answer: { erasedNow: 0, waiting: 3, repeated: false, request: req(ErasureRequestState.Held) },
      want: 'Erasure request 4 recorded. No decision was unlinked now. A legal hold applies: 3 decisions stay linked until it is lifted.',
    },
    {
      name: 'held, a duty running',
      answer: { erasedNow: 0, waiting: 3, repeated: false, request: req(ErasureRequestState.Held, '2027-03-01T00:00:00Z') },
      want: 'Erasure request 4 recorded. No decision was unlinked now. A legal hold applies: 3 decisions stay linked until it is lifted, and not before 2027-03-01 00:00:00 UTC, when their retention duty ends.',
    },
    {
      name: 'a repeat of a waiting request',
      answer: { erasedNow: 0, waiting: 2, repeated: true, request: req(ErasureRequestState.Scheduled, '2027-03-01T00:00:00Z') },
      want: 'Request 4 of this shopper was already waiting: nothing new was recorded. 2 decisions stay linked while a retention duty runs: they are unlinked at 2027-03-01 00:00:00 UTC.',
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(answerSentence(c.answer)).toBe(c.want));
  }
});
