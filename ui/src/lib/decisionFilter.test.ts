import { describe, expect, it } from 'vitest';
import { DecisionOrder } from '../gql/graphql';
import { explorerFromQuery, explorerURL, exportURL } from './decisionFilter';

describe('the explorer’s arm filter', () => {
  it('follows the URL into the filter, the explorer’s URL and the export', () => {
    const s = explorerFromQuery(new URLSearchParams('market=US&arm=CHALLENGER'));
    expect(s.filter).toEqual({ market: 'US', arm: 'CHALLENGER' });
    expect(s.errors).toEqual({});
    expect(explorerURL(s.filter, DecisionOrder.NewestFirst)).toBe('/decisions?market=US&arm=CHALLENGER');
    expect(exportURL(s.filter)).toBe('/export/decisions.csv?market=US&arm=CHALLENGER');
  });
  it('refuses an arm that is none, saying which are', () => {
    const s = explorerFromQuery(new URLSearchParams('arm=BOTH'));
    expect(s.filter).toEqual({});
    expect(s.errors).toEqual({ arm: 'must be one of CHALLENGER, CHAMPION' });
  });
});
