import { describe, expect, it } from 'vitest';
import { actionLabel, actionLabels, changes, entityRef } from './audit';

describe('action labels', () => {
  it('read every code the console writes, and show an unknown code as written', () => {
    expect(actionLabel('threshold.activate')).toBe('Threshold version activated');
    expect(actionLabel('auth.login')).toBe('Signed in');
    expect(actionLabel('something.new')).toBe('something.new');
    // One label per code, none the code itself.
    expect(new Set(Object.values(actionLabels)).size).toBe(Object.keys(actionLabels).length);
    for (const [code, label] of Object.entries(actionLabels)) expect(label).not.toBe(code);
  });
});

describe('entityRef', () => {
  it('names an activation by its version and market and links the version', () => {
    const after = { id: 14, market: 'DE', versionId: 31, version: 7, activatedAt: '2026-11-20T08:00:00Z', emergency: false };
    expect(entityRef({ entityType: 'threshold_activation', entityId: '14', before: null, after })).toEqual({
      label: 'activation 14 of version 7 (DE)',
      href: '/thresholds/versions/31',
    });
  });
  it('links drafts, catalog drafts, review cases, decisions and users to their pages', () => {
    expect(entityRef({ entityType: 'threshold_draft', entityId: '5', after: { market: 'SE' } })).toEqual({ label: 'threshold draft 5 (SE)', href: '/thresholds/drafts/5' });
    expect(entityRef({ entityType: 'catalog_draft', entityId: '2' }).href).toBe('/catalog?draft=2');
    expect(entityRef({ entityType: 'review_case', entityId: '9', after: { market: 'GB' } })).toEqual({ label: 'review case 9 (GB)', href: '/reviews/9' });
    expect(entityRef({ entityType: 'decision', entityId: 'D7K2QF9XM' }).href).toBe('/decisions/D7K2QF9XM');
    expect(entityRef({ entityType: 'user', entityId: 'approver.bea' })).toEqual({ label: 'user approver.bea', href: '/audit?entityType=user&entityId=approver.bea' });
    expect(entityRef({ entityType: 'api_token', entityId: '3', before: { name: 'checkout' } })).toEqual({
      label: 'API token 3 (checkout)',
      href: '/audit?entityType=api_token&entityId=3',
    });
  });
  it('leaves entities without a page unlinked', () => {
    expect(entityRef({ entityType: 'graphql_field', entityId: 'Query.auditEvents' })).toEqual({ label: 'GraphQL field Query.auditEvents' });
    expect(entityRef({ entityType: 'outcome_batch', entityId: '2026-11-20T08:00:00Z' }).href).toBeUndefined();
  });
});

describe('changes', () => {
  it('lists only the keys that differ, old → new, a rule by its measure', () => {
    const rule = (measure: string, cutoff: number) => ({ measure, comparator: 'GTE', cutoff, enabled: true, reason: 'X', scale: 1 });
    const before = { id: 5, revision: 1, status: 'DRAFT', rules: [rule('BUREAU_SCORE', 580), rule('AGE_YEARS', 18)] };
    const after = { id: 5, revision: 2, status: 'DRAFT', rules: [rule('BUREAU_SCORE', 640), rule('AGE_YEARS', 18)], rationale: 'tighter' };
    expect(changes(before, after)).toEqual([
      { path: 'revision', from: '1', to: '2' },
      { path: 'rules[BUREAU_SCORE].cutoff', from: '580', to: '640' },
      { path: 'rationale', from: undefined, to: 'tighter' },
    ]);
  });
  it('lists removed keys and what an event with no before recorded', () => {
    expect(changes({ a: 1, b: { c: true } }, { a: 1 })).toEqual([{ path: 'b.c', from: 'true' }]);
    expect(changes(null, { found: false })).toEqual([{ path: 'found', from: undefined, to: 'false' }]);
    expect(changes(null, { id: 5, rules: [{ measure: 'AGE_YEARS' }, { measure: 'BUREAU_SCORE' }], impact: { a: 1 } })).toEqual([
      { path: 'id', from: undefined, to: '5' },
      { path: 'rules', from: undefined, to: '2 items' },
      { path: 'impact', from: undefined, to: '1 key' },
    ]);
    expect(changes(null, null)).toEqual([]);
  });
});
