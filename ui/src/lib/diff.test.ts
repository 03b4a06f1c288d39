import { describe, expect, it } from 'vitest';
import { fieldDiff, oldText, wordDiff, words, type Part } from './diff';

const side = (parts: Part[], keep: 'del' | 'ins') =>
  parts
    .filter((p) => p.kind === 'same' || p.kind === keep)
    .map((p) => (keep === 'del' ? oldText(p) : p.text))
    .join('');

describe('wordDiff', () => {
  it('marks only the words that changed, a deletion before the insertion that replaces it', () => {
    expect(wordDiff('Your income is too low', 'Your income is below what {merchant} plans need')).toEqual([
      { kind: 'same', text: 'Your income is ' },
      { kind: 'del', text: 'too low' },
      { kind: 'ins', text: 'below what {merchant} plans need' },
    ]);
    expect(wordDiff('the big dog ran home', 'the small cat ran home')).toEqual([
      { kind: 'same', text: 'the ' },
      { kind: 'del', text: 'big dog ' },
      { kind: 'ins', text: 'small cat ' },
      { kind: 'same', text: 'ran home' },
    ]);
  });

  it('gives back both texts, and one part for equal texts', () => {
    const cases = [
      ['We could not verify your income.', 'We could not verify your monthly income, so we declined.'],
      ['', 'A new text.'],
      ['An old text.', ''],
      ['a b c d e f', 'f e d c b a'],
      ['Steps:\nCall us.\nWrite to us.', 'Steps:\nWrite to us.\nCall us today.'],
    ];
    for (const [a, b] of cases) {
      const parts = wordDiff(a, b);
      expect(side(parts, 'ins')).toBe(b);
      expect(side(parts, 'del')).toBe(a);
    }
    expect(wordDiff('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
  });

  it('keeps the common words of a reordering, the longest common run', () => {
    const parts = wordDiff('a b c d', 'a c d b');
    expect(parts.filter((p) => p.kind === 'same').map((p) => p.text.trim()).join(' ')).toBe('a c d');
  });

  it('splits words with the whitespace after them', () => {
    expect(words('  two  words\n')).toEqual(['  ', 'two  ', 'words\n']);
    expect(words('')).toEqual([]);
  });
});

describe('fieldDiff', () => {
  const fields = ['title', 'body', 'steps'];
  it('leaves unchanged fields unchanged and diffs the changed one by word', () => {
    const before = { title: 'Your income is too low', body: 'The income we hold for you is below the limit.', steps: 'Update your income.' };
    const after = { ...before, title: 'Your income is below the limit' };
    const d = fieldDiff(before, after, fields);
    expect(d.map((f) => [f.field, f.status])).toEqual([
      ['title', 'changed'],
      ['body', 'same'],
      ['steps', 'same'],
    ]);
    expect(d[0].parts.filter((p) => p.kind !== 'same').map((p) => p.text)).toEqual(['too low', 'below the limit']);
  });

  it('makes every field added for a new text and removed for a removed one', () => {
    const t = { title: 'T', body: 'B', steps: '' };
    expect(fieldDiff(null, t, fields).map((f) => f.status)).toEqual(['added', 'added', 'same']);
    expect(fieldDiff(t, null, fields).map((f) => f.status)).toEqual(['removed', 'removed', 'same']);
  });
});
