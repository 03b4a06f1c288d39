import { describe, expect, it } from 'vitest';
import { explorerFromQuery, explorerURL, exportURL } from './decisionFilter';
import { filterFromQuery, filterFromValues, queryFromFilter, textFromTime, timeFromText, valuesFromQuery, type FieldSpec } from './query';

describe('decision explorer URL', () => {
  it('round-trips a filter, order and cursor', () => {
    const url = explorerURL({ market: 'SE', outcome: 'DECLINED', minAmount: 10.5, from: '2026-11-01T00:00:00Z' }, 'OLDEST_FIRST', 'c1');
    expect(url).toBe('/decisions?from=2026-11-01T00%3A00%3A00Z&market=SE&outcome=DECLINED&minAmount=10.5&order=OLDEST_FIRST&after=c1');
    const state = explorerFromQuery(new URLSearchParams(url.split('?')[1]));
    expect(state).toEqual({
      filter: { from: '2026-11-01T00:00:00Z', market: 'SE', outcome: 'DECLINED', minAmount: 10.5 },
      errors: {},
      order: 'OLDEST_FIRST',
      after: 'c1',
    });
  });
  it('leaves the default order and the first page out of the URL', () => {
    expect(explorerURL({}, 'NEWEST_FIRST')).toBe('/decisions');
    expect(explorerFromQuery(new URLSearchParams('order=bogus')).order).toBe('NEWEST_FIRST');
  });
  it('reports unreadable parameters by name and leaves them out of the filter', () => {
    const s = explorerFromQuery(new URLSearchParams('outcome=MAYBE&minAmount=ten&from=yesterday&thresholdVersionId=x1&reason=INCOME_INSUFFICIENT'));
    expect(s.filter).toEqual({ reason: 'INCOME_INSUFFICIENT' });
    expect(Object.keys(s.errors).sort()).toEqual(['from', 'minAmount', 'outcome', 'thresholdVersionId']);
  });
  it('exports the filter only, with the export endpoint parameter names', () => {
    expect(exportURL({ market: 'DE', reason: 'UNDER_LEGAL_AGE', thresholdVersionId: '4' })).toBe('/export/decisions.csv?market=DE&reason=UNDER_LEGAL_AGE&thresholdVersionId=4');
    expect(exportURL({})).toBe('/export/decisions.csv');
  });
});

describe('filters in the query string', () => {
  const spec: FieldSpec[] = [
    { name: 'actor', kind: 'text' },
    { name: 'n', kind: 'number' },
  ];
  it('ignores unknown and empty parameters', () => {
    expect(filterFromQuery(spec, new URLSearchParams('actor=&other=1&n=2'))).toEqual({ filter: { n: 2 }, errors: {} });
  });
  it('writes fields in spec order, skipping empty ones', () => {
    expect(queryFromFilter(spec, { n: 3, actor: 'user:1:a', extra: 'x' }).toString()).toBe('actor=user%3A1%3Aa&n=3');
  });
});

describe('time fields', () => {
  it('read UTC times as formatTime writes them, with or without seconds, T or UTC', () => {
    expect(timeFromText('2026-11-20 15:00')).toBe('2026-11-20T15:00:00Z');
    expect(timeFromText(' 2026-11-20 15:00:30 ')).toBe('2026-11-20T15:00:30Z');
    expect(timeFromText('2026-11-20T15:00')).toBe('2026-11-20T15:00:00Z');
    expect(timeFromText('2026-11-20 15:00:00 UTC')).toBe('2026-11-20T15:00:00Z');
    expect(timeFromText('2026-11-20')).toBe('2026-11-20T00:00:00Z');
    expect(timeFromText('')).toBe('');
  });
  it('refuse what is no time, days and hours that do not exist, and 12-hour clocks', () => {
    for (const bad of ['yesterday', '09/05/2026, 03:00 PM', '2026-11-20 3:00 PM', '2026-02-30 10:00', '2026-11-20 24:00', '2026-13-01', '2026-11-20 15:60']) {
      expect(timeFromText(bad), bad).toBeNull();
    }
  });
  it('write times in 24-hour UTC, seconds only when set, and leave unreadable text as it is', () => {
    expect(textFromTime('2026-11-20T15:00:00Z')).toBe('2026-11-20 15:00');
    expect(textFromTime('2026-11-20T16:00:00+01:00')).toBe('2026-11-20 15:00');
    expect(textFromTime('2026-11-20T15:00:30Z')).toBe('2026-11-20 15:00:30');
    expect(textFromTime('yesterday')).toBe('yesterday');
    expect(textFromTime(null)).toBe('');
  });
  it('round-trip a form through the URL: times as text in the fields, RFC 3339 in the URL', () => {
    const spec: FieldSpec[] = [
      { name: 'from', kind: 'time' },
      { name: 'market', kind: 'text' },
    ];
    const values = valuesFromQuery(spec, new URLSearchParams('from=2026-11-01T08%3A30%3A00Z&market=DE&other=x'));
    expect(values).toEqual({ from: '2026-11-01 08:30', market: 'DE' });
    expect(filterFromValues(spec, { ...values, from: '2026-11-02 17:45' })).toEqual({ from: '2026-11-02T17:45:00Z', market: 'DE' });
    // Unreadable text goes to the URL as typed, where the page shows why it was not applied.
    expect(filterFromValues(spec, { from: 'soon', market: ' ' })).toEqual({ from: 'soon' });
    expect(filterFromQuery(spec, new URLSearchParams('from=soon')).errors.from).toMatch(/UTC time/);
    // Unreadable URL values: a time shows as written, a choice or number as none (as applied).
    const withChoices: FieldSpec[] = [...spec, { name: 'outcome', kind: 'text', values: ['APPROVED'] }, { name: 'min', kind: 'number' }];
    expect(valuesFromQuery(withChoices, new URLSearchParams('from=soon&outcome=MAYBE&min=ten&market=xx'))).toEqual({ from: 'soon', market: 'xx', outcome: '', min: '' });
  });
});
