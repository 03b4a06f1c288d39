import { describe, expect, it } from 'vitest';
import { RetentionAction, RetentionMonthState } from '../gql/graphql';
import { holdInput, holdScope, monthLabel, monthStateLabel, policySentence, readKeepMonths } from './retention';

describe('retention wording', () => {
  it('reads the months of a proposal between the floor and the ceiling', () => {
    expect(readKeepMonths(' 36 ', 25, 120)).toBe(36);
    expect(readKeepMonths('25', 25, 120)).toBe(25);
    expect(readKeepMonths('120', 25, 120)).toBe(120);
    expect(readKeepMonths('24', 25, 120)).toBe('At least 25 months in this market.');
    expect(readKeepMonths('121', 25, 120)).toMatch(/^At most 120 months/);
    for (const bad of ['', '2.5', '-3', 'two years', '3e1']) expect(readKeepMonths(bad, 25, 120)).toMatch(/^Write a whole number of months from 25 to 120/);
  });

  it('says a policy in words', () => {
    expect(policySentence({ keepMonths: 25, afterRetention: RetentionAction.Delete })).toBe('kept 25 months after the end of their month, then deleted');
    expect(policySentence({ keepMonths: 36, afterRetention: RetentionAction.Anonymise })).toBe(
      'kept 36 months after the end of their month, then anonymised (shopper removed, amounts banded, merchant kept)',
    );
  });

  it('says what a hold keeps', () => {
    expect(holdScope({ shopperId: 's-1' })).toBe('every market · shopper s-1');
    expect(holdScope({ market: 'SE', merchantId: 'm-9', from: '2024-01-01T00:00:00Z', to: '2024-07-01T00:00:00Z' })).toBe(
      'market SE · merchant m-9 · 2024-01-01 00:00:00 UTC to 2024-07-01 00:00:00 UTC',
    );
    expect(holdScope({ market: 'US', from: '2024-01-01T00:00:00Z' })).toBe('market US · from 2024-01-01 00:00:00 UTC');
    expect(holdScope({ to: '2024-01-01T00:00:00Z' })).toBe('every market · before 2024-01-01 00:00:00 UTC');
  });

  it('leaves blank criteria out of a hold, so that the server judges what was meant', () => {
    expect(holdInput({ market: '', from: '', to: '2024-07-01T00:00:00Z', shopperId: '  ', merchantId: ' m-9 ', reason: ' a claim ' })).toEqual({
      market: null,
      from: null,
      to: '2024-07-01T00:00:00Z',
      shopperId: null,
      merchantId: 'm-9',
      reason: 'a claim',
    });
  });

  it('labels months and their states', () => {
    expect(monthLabel('2024-02-01T00:00:00Z')).toBe('2024-02');
    expect(monthStateLabel(RetentionMonthState.Kept)).toEqual({ text: 'Kept', badge: 'ok' });
    expect(monthStateLabel(RetentionMonthState.Due)).toEqual({ text: 'May leave now', badge: 'warn' });
    expect(monthStateLabel(RetentionMonthState.Held)).toEqual({ text: 'Held', badge: 'overdue' });
  });
});
