import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Paragraphs, paragraphs } from './Paragraphs';

afterEach(cleanup);

describe('paragraphs', () => {
  it('splits at blank lines, trimmed, empty ones left out', () => {
    expect(paragraphs('What it means: a.\n\nWhat not to say or promise: b. c.')).toEqual(['What it means: a.', 'What not to say or promise: b. c.']);
    expect(paragraphs('  one\n  \n\n two \n')).toEqual(['one', 'two']);
    expect(paragraphs('')).toEqual([]);
  });
  it('shows the seeded agent guidance as two paragraphs, each lead in bold', () => {
    const { container } = render(
      <Paragraphs text={"What it means: The shopper's income was below the minimum.\n\nWhat not to say or promise: Don't ask for proof of income. You can't approve a purchase yourself."} />,
    );
    const ps = [...container.querySelectorAll('p')];
    expect(ps.map((p) => p.textContent)).toEqual([
      "What it means: The shopper's income was below the minimum.",
      "What not to say or promise: Don't ask for proof of income. You can't approve a purchase yourself.",
    ]);
    expect(ps.map((p) => p.querySelector('strong')?.textContent)).toEqual(['What it means:', 'What not to say or promise:']);
  });
  it('leaves a paragraph without a lead as it is', () => {
    const { container } = render(<Paragraphs text="The score was below the minimum. Then: try again later." />);
    expect(container.querySelector('strong')).toBeNull();
  });
});
