// The reason catalog editor's client logic: steps as lines of a text area, and the field errors of
// an INVALID answer placed at the editor's fields.
import { ApiError } from './api';

export interface TextFields {
  title: string;
  body: string;
  /** One step per line. */
  steps: string;
}

/** stepsOf splits the steps text area into steps: one per line, blank lines left out. */
export function stepsOf(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export type TextErrors = Partial<Record<'title' | 'body' | 'steps', string[]>>;

/**
 * textErrors places the field errors of an INVALID answer at the editor's fields. The preview
 * names them text.title, text.body, text.steps[i]; a save names the whole path, e.g.
 * texts[CREDIT_SCORE_INSUFFICIENT][en-US][SHOPPER].body. A step's error says which step.
 */
export function textErrors(error: unknown): TextErrors {
  const out: TextErrors = {};
  if (!(error instanceof ApiError)) return out;
  for (const f of error.fields) {
    const m = /(?:^|\.)(title|body|steps)(?:\[(\d+)\])?$/.exec(f.field);
    if (!m) continue;
    const field = m[1] as 'title' | 'body' | 'steps';
    const msg = m[2] !== undefined ? `step ${Number(m[2]) + 1}: ${f.message}` : f.message;
    (out[field] ??= []).push(msg);
  }
  return out;
}
