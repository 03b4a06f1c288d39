import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubOperations } from '../testing/graphql';
import { MarketSelect, TimeField, useFilterForm } from './filters';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A filter form of two fields whose applied values come from the test, as a page's come from the URL. */
function Form({ applied, onApply }: { applied: Record<string, string>; onApply?: (v: Record<string, string>) => void }) {
  const form = useFilterForm(applied);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onApply?.(form.values);
        form.reset();
      }}
    >
      <label>
        Bucket
        <select {...form.bind('bucket')}>
          <option value="DAY">Day</option>
          <option value="WEEK">Week</option>
          <option value="HOUR">Hour</option>
        </select>
      </label>
      <label>
        Merchant
        <input {...form.bind('merchant')} />
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}

describe('useFilterForm', () => {
  it('shows the applied values, selects included, and follows them when they change', () => {
    const { rerender } = render(<Form applied={{ bucket: 'WEEK', merchant: 'm1' }} />);
    const bucket = screen.getByLabelText('Bucket') as HTMLSelectElement;
    const merchant = screen.getByLabelText('Merchant') as HTMLInputElement;
    expect(bucket.value).toBe('WEEK');
    expect(merchant.value).toBe('m1');
    // Back, forward or a pasted URL: the fields follow.
    rerender(<Form applied={{ bucket: 'HOUR', merchant: '' }} />);
    expect(bucket.value).toBe('HOUR');
    expect(merchant.value).toBe('');
  });

  it('keeps the edits until applied, and sends every field, not only the edited one', () => {
    const applied: Record<string, string>[] = [];
    const { rerender } = render(<Form applied={{ bucket: 'WEEK', merchant: '' }} onApply={(v) => applied.push(v)} />);
    const merchant = screen.getByLabelText('Merchant') as HTMLInputElement;
    fireEvent.input(merchant, { target: { value: 'm2' } });
    // A re-render with the same URL keeps the edit.
    rerender(<Form applied={{ bucket: 'WEEK', merchant: '' }} onApply={(v) => applied.push(v)} />);
    expect(merchant.value).toBe('m2');
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(applied).toEqual([{ bucket: 'WEEK', merchant: 'm2' }]);
  });

  it('drops the edits on reset when the URL does not change (Clear on a clear form)', () => {
    render(<Form applied={{ bucket: 'DAY', merchant: '' }} />);
    const bucket = screen.getByLabelText('Bucket') as HTMLSelectElement;
    fireEvent.change(bucket, { target: { value: 'HOUR' } });
    expect(bucket.value).toBe('HOUR');
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(bucket.value).toBe('DAY');
  });
});

describe('TimeField', () => {
  it('is one text field in 24-hour UTC that names itself when it cannot read the text', () => {
    render(<TimeField label="From (UTC)" name="from" defaultValue="2026-11-20 15:00" />);
    const input = screen.getByLabelText('From (UTC)') as HTMLInputElement;
    expect(input.type).toBe('text');
    expect(input.placeholder).toBe('YYYY-MM-DD HH:mm');
    expect(input.validity.valid).toBe(true);
    fireEvent.input(input, { target: { value: '09/05/2026, 03:00 PM' } });
    fireEvent.blur(input);
    expect(input.validity.valid).toBe(false);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/^From \(UTC\): not a time; write YYYY-MM-DD HH:mm in UTC/)).toBeTruthy();
    fireEvent.input(input, { target: { value: '2026-05-09 15:00' } });
    expect(input.validity.valid).toBe(true);
    expect(screen.queryByText(/not a time/)).toBeNull();
  });

  it('shows why the URL value could not be read', () => {
    render(<TimeField label="To (UTC, exclusive)" name="to" defaultValue="soon" paramError="must be a UTC time such as 2026-11-01T00:00:00Z" />);
    expect(screen.getByText('must be a UTC time such as 2026-11-01T00:00:00Z')).toBeTruthy();
    expect(screen.getByLabelText('To (UTC, exclusive)').getAttribute('aria-describedby')).toBeTruthy();
  });
});

describe('MarketSelect', () => {
  const markets = [
    { code: 'US', name: 'United States', hasDecisions: true },
    { code: 'DE', name: 'Germany', hasDecisions: true },
    { code: 'NO', name: null, hasDecisions: false },
  ];

  it('offers the markets of the API with their names, and shows the one applied', async () => {
    stubOperations({ Markets: () => ({ markets }) });
    render(<MarketSelect anyLabel="All markets" value="DE" onChange={() => {}} />);
    const select = screen.getByLabelText('Market') as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBe(4));
    expect([...select.options].map((o) => o.textContent)).toEqual(['All markets', 'US · United States', 'DE · Germany', 'NO (no decisions yet)']);
    expect(select.value).toBe('DE');
  });

  it('shows an unknown market from the URL as itself, with an error', async () => {
    stubOperations({ Markets: () => ({ markets }) });
    render(<MarketSelect anyLabel="Any" value="XX" onChange={() => {}} />);
    const select = screen.getByLabelText('Market') as HTMLSelectElement;
    await waitFor(() => expect(screen.getByText(/no market XX/)).toBeTruthy());
    expect(select.value).toBe('XX');
    expect(select.selectedOptions[0].textContent).toBe('XX (unknown)');
  });
});
