import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDays } from '../lib/format';
import { RealizedImpact, type ActivationImpactItem } from './realized';

afterEach(cleanup);

// The figures of the issue: 36,051 decisions in the what-if's window, 5,939 realized over 12 days.
const impact: ActivationImpactItem = {
  activation: { id: '14', activatedAt: '2026-11-08T08:00:00Z', activatedBy: 'user:7:approver.bea', emergency: false },
  predicted: {
    available: true,
    note: null,
    from: '2025-11-07T08:00:00Z',
    to: '2026-11-07T08:00:00Z',
    decisions: 36051,
    declineRateNow: 0.1223,
    declineRateProposed: 0.131,
    approvedToDeclined: 1200,
    declinedToApproved: 80,
  } as ActivationImpactItem['predicted'],
  realized: { from: '2026-11-08T08:00:00Z', to: '2026-11-20T08:00:00Z', assessed: 5939, declined: 790, rate: 0.133 },
  before: { from: '2026-10-27T08:00:00Z', to: '2026-11-08T08:00:00Z', assessed: 5812, declined: 671, rate: 0.1155 },
  complete: false,
  predictionError: 0.002,
  outcomes: { predictedBadRate: null, approved: 5149, mature: 0, bad: 0, realizedBadRate: null, allMatureAt: null, note: null },
};

describe('realized against predicted', () => {
  it('says how long each window is, with thousands separators', () => {
    render(<RealizedImpact impact={impact} market="DE" />);
    const table = screen.getByRole('table', { name: 'Realized against predicted, activation 14' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1].textContent).toContain('2026-10-27 08:00:00 UTC');
    expect(rows[1].textContent).toContain('12 days');
    expect(rows[1].textContent).toContain('5,812');
    expect(rows[2].textContent).toContain('365 days');
    expect(rows[2].textContent).toContain('36,051');
    expect(rows[2].textContent).toContain('12.23 %');
    expect(rows[3].textContent).toContain('13.10 %');
    expect(rows[4].textContent).toContain('5,939');
    expect(rows[4].textContent).toContain('still running');
    // Apart from the times, no number of four digits or more goes without its separator.
    for (const cell of within(table).getAllByRole('cell')) {
      expect(cell.textContent?.replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/g, '')).not.toMatch(/\d{4}/);
    }
  });

  it('explains why the predicted baseline differs from before', () => {
    render(<RealizedImpact impact={impact} market="DE" />);
    const note = screen.getByTestId('baseline-note');
    expect(note.textContent).toContain('predicted baseline (12.23 %) differs from before (11.55 %)');
    expect(note.textContent).toContain('365 days up to the submission, 36,051 decisions');
    expect(screen.getByTestId('windows-note').textContent).toContain('same 12 days on either side of the activation');
  });

  it('charts before, the predictions and realized on one labelled figure', () => {
    const { container } = render(<RealizedImpact impact={impact} market="DE" />);
    const fig = screen.getByRole('figure', { name: 'Decline rate, activation 14: before, predicted and realized' });
    const items = within(fig).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Before: the 12 days before the activation11.55 %',
      'Predicted at submission: thresholds then in force12.23 %',
      'Predicted at submission: this version13.10 %',
      'Realized: the 12 days since the activation, still running13.30 %',
    ]);
    // On a scale to 15 %: the realized bar is 13.3 / 15 of the width.
    const bars = container.querySelectorAll('rect.ratebar');
    expect(bars).toHaveLength(4);
    expect(Number(bars[3].getAttribute('width'))).toBeCloseTo((0.133 / 0.15) * 100, 5);
  });

  it('says when there is no before to set beside the predicted baseline', () => {
    render(<RealizedImpact impact={{ ...impact, before: { ...impact.before, assessed: 0, declined: 0, rate: null } }} market="DE" />);
    expect(screen.getByTestId('baseline-note').textContent).toMatch(/^The predicted baseline \(12\.23 %\) has no "before" to set beside it yet: no DE decision was made in the 12 days/);
  });

  it('says there is no prediction for a seeded version', () => {
    render(<RealizedImpact impact={{ ...impact, predicted: null, predictionError: null }} market="DE" />);
    expect(screen.getByRole('table', { name: 'Realized against predicted, activation 14' }).textContent).toContain('No prediction');
    expect(screen.queryByTestId('baseline-note')).toBeNull();
    expect(screen.getByRole('figure').querySelectorAll('rect.ratebar')).toHaveLength(2);
  });
});

describe('formatDays', () => {
  it('writes days with one decimal at most, hours under a day', () => {
    expect(formatDays('2026-01-01T00:00:00Z', '2026-01-13T00:00:00Z')).toBe('12 days');
    expect(formatDays('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')).toBe('1 day');
    expect(formatDays('2026-01-01T00:00:00Z', '2026-03-09T19:00:00Z')).toBe('67.8 days');
    expect(formatDays('2026-01-01T00:00:00Z', '2026-01-01T05:00:00Z')).toBe('5 hours');
    expect(formatDays(null, '2026-01-01T05:00:00Z')).toBe('');
  });
});
