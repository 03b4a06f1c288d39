import { describe, expect, it } from 'vitest';
import { isSelf, subjectName, submittedBy } from './subject';

describe('subjects', () => {
  const bea = { username: 'approver.bea', displayName: 'Beatrice', roles: ['APPROVER' as const] };
  it('names users, tokens and the system', () => {
    expect(subjectName('user:7:approver.bea')).toBe('approver.bea');
    expect(subjectName('token:2:checkout')).toBe('checkout');
    expect(subjectName('system:demo')).toBe('demo (system)');
    expect(subjectName('seed')).toBe('seed');
    expect(subjectName(null)).toBe('');
  });
  it('tells the signed-in user apart from a token or another user of a similar name', () => {
    expect(isSelf('user:7:approver.bea', bea)).toBe(true);
    expect(isSelf('token:7:approver.bea', bea)).toBe(false);
    expect(isSelf('user:8:approver.bea2', bea)).toBe(false);
    expect(isSelf(undefined, bea)).toBe(false);
  });
  it('says who submitted and who reviewed, never the author alone after a verb of approval', () => {
    expect(submittedBy('user:3:analyst.anna', 'user:5:approver.ali')).toBe('submitted by analyst.anna · approved by approver.ali');
    expect(submittedBy('user:3:analyst.anna', 'user:5:approver.ali', 'rejected')).toBe('submitted by analyst.anna · rejected by approver.ali');
    expect(submittedBy('user:3:analyst.anna', null)).toBe('submitted by analyst.anna');
  });
});
