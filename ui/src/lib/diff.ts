// What changed between two texts, by field and within a field by word, so that a reviewer sees
// the words that changed rather than a whole text struck out: a longest-common-subsequence diff
// of words, each word with the whitespace after it (so that a changed run of words reads as one
// change, and the parts put back together give the texts).

export interface Part {
  /** same: in both; del: only in the old text; ins: only in the new one. */
  kind: 'same' | 'del' | 'ins';
  /** The text, as in the new text for a same part. */
  text: string;
  /** A same part as written in the old text, when its whitespace differs there. */
  old?: string;
}

/** Above this many token pairs (about 700 words a side) the diff gives up on words and replaces the whole. */
const maxCells = 500_000;

/** words splits s into words, each with the whitespace that follows it (and any leading whitespace alone). */
export function words(s: string): string[] {
  return s.match(/^\s+|\S+\s*/g) ?? [];
}

/**
 * wordDiff lists the parts of a and b in order: the same and ins parts give b, the same and del
 * parts give a (words compare without the whitespace after them: oldText gives a same part as a
 * has it). Neighbouring parts of one kind are merged; a deletion comes before the insertion that
 * replaces it.
 */
export function wordDiff(a: string, b: string): Part[] {
  const y = words(b);
  const x = words(a);
  const xs = x.map((t) => t.trimEnd());
  const ys = y.map((t) => t.trimEnd());
  const out: (Part & { old: string })[] = [];
  const push = (kind: Part['kind'], text: string, old = text) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind) {
      last.text += text;
      last.old += old;
    } else out.push({ kind, text, old });
  };
  if (x.length * y.length > maxCells) {
    if (a) push('del', a);
    if (b) push('ins', b);
    return tidy(out);
  }
  // lcs[i][j]: the length of the longest common subsequence of x[i:] and y[j:].
  const w = y.length + 1;
  const lcs = new Uint32Array((x.length + 1) * w);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i * w + j] = xs[i] === ys[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  const dels: string[] = [];
  const inss: string[] = [];
  const flush = () => {
    if (dels.length) push('del', dels.join(''));
    if (inss.length) push('ins', inss.join(''));
    dels.length = 0;
    inss.length = 0;
  };
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && xs[i] === ys[j]) {
      flush();
      push('same', y[j], x[i]);
      i++;
      j++;
    } else if (j >= y.length || (i < x.length && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
      dels.push(x[i++]);
    } else {
      inss.push(y[j++]);
    }
  }
  flush();
  return tidy(out);
}

/** tidy keeps old only on the same parts whose whitespace differs in the old text. */
function tidy(parts: (Part & { old: string })[]): Part[] {
  return parts.map(({ kind, text, old }) => (kind === 'same' && old !== text ? { kind, text, old } : { kind, text }));
}

/** oldText is a part as the old text has it. */
export function oldText(p: Part): string {
  return p.old ?? p.text;
}

/** A field of a text as a reviewer compares it. */
export interface FieldChange {
  field: string;
  /** same: unchanged; changed: in both, different; added / removed: in one only. */
  status: 'same' | 'changed' | 'added' | 'removed';
  parts: Part[];
}

/**
 * fieldDiff compares two records field by field (in the order of fields), each by wordDiff. A
 * missing record (a text added or removed) makes every field added or removed.
 */
export function fieldDiff(before: Record<string, string> | null, after: Record<string, string> | null, fields: readonly string[]): FieldChange[] {
  return fields.map((field) => {
    const a = before?.[field] ?? '';
    const b = after?.[field] ?? '';
    if (a === b) return { field, status: 'same', parts: a ? [{ kind: 'same', text: a }] : [] };
    const status = !before || !a ? 'added' : !after || !b ? 'removed' : 'changed';
    return { field, status, parts: wordDiff(a, b) };
  });
}
