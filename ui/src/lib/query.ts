// Filters kept in the URL's query string, so that a filtered list can be bookmarked, shared and
// reloaded. One field spec per page describes how each filter field is written in the URL; the
// same names are the GraphQL filter's fields and (for decisions) the CSV export's parameters.

export type FieldKind = 'text' | 'time' | 'number' | 'id';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** For text fields with a fixed set of values (enums): the values allowed. */
  values?: readonly string[];
}

export type FilterValues = Record<string, string | number>;

export interface Parsed {
  filter: FilterValues;
  /** Parameters that could not be read, by name: shown at the field, left out of the filter. */
  errors: Record<string, string>;
}

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** filterFromQuery reads the fields of spec from a query string; unknown parameters are ignored. */
export function filterFromQuery(spec: readonly FieldSpec[], q: URLSearchParams): Parsed {
  const filter: FilterValues = {};
  const errors: Record<string, string> = {};
  for (const f of spec) {
    const raw = q.get(f.name);
    if (raw === null || raw.trim() === '') continue;
    const v = raw.trim();
    switch (f.kind) {
      case 'number': {
        const n = Number(v);
        if (!Number.isFinite(n)) errors[f.name] = 'must be a number';
        else filter[f.name] = n;
        break;
      }
      case 'time':
        if (readTime(v) === null) errors[f.name] = timeParamError;
        else filter[f.name] = v;
        break;
      case 'id':
        if (!/^\d+$/.test(v)) errors[f.name] = 'must be a number';
        else filter[f.name] = v;
        break;
      default:
        if (f.values && !f.values.includes(v)) errors[f.name] = `must be one of ${f.values.join(', ')}`;
        else filter[f.name] = v;
    }
  }
  return { filter, errors };
}

/** queryFromFilter writes the fields of spec that have a value, in spec order. */
export function queryFromFilter(spec: readonly FieldSpec[], filter: FilterValues): URLSearchParams {
  const q = new URLSearchParams();
  for (const f of spec) {
    const v = filter[f.name];
    if (v === undefined || v === '') continue;
    q.set(f.name, String(v));
  }
  return q;
}

/** How a time field (components/filters.tsx TimeField) wants its text: UTC, as formatTime writes it. */
export const timePattern = 'YYYY-MM-DD HH:mm';

const timeText = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?(?:\s*(?:Z|UTC))?$/i;

/**
 * timeFromText reads a time field: "2026-11-20 15:00" (UTC), also with seconds, a T for the
 * space, a trailing "UTC" or "Z", or a date alone for its midnight. It returns RFC 3339
 * ("2026-11-20T15:00:00Z"), "" for an empty field and null for text that is no such time.
 */
export function timeFromText(v: string): string | null {
  const t = v.trim();
  if (t === '') return '';
  const m = timeText.exec(t);
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0, sec = 0] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x))) as number[];
  const ms = Date.UTC(y, mo - 1, d, h, mi, sec);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March: a field naming a day or hour that does not exist is unreadable.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h || back.getUTCMinutes() !== mi || back.getUTCSeconds() !== sec) return null;
  return back.toISOString().replace('.000Z', 'Z');
}

/**
 * textFromTime writes a time as a time field shows it, "2026-11-20 15:00" in UTC (with seconds
 * only when there are some): the text formatTime writes, without " UTC". Text that is no time
 * is returned as it is, so that a field shows what the URL said.
 */
export function textFromTime(t: string | undefined | null): string {
  if (!t) return '';
  const d = new Date(t);
  if (!readTime(t) || Number.isNaN(d.getTime())) return t;
  const text = d.toISOString().slice(0, 19).replace('T', ' ');
  return text.endsWith(':00') ? text.slice(0, 16) : text;
}

/** readTime reads a time in a URL: RFC 3339, returned as it is, or null. */
export function readTime(v: string): string | null {
  return rfc3339.test(v) && !Number.isNaN(Date.parse(v)) ? v : null;
}

/** The message of a URL time that readTime refuses. */
export const timeParamError = 'must be a UTC time such as 2026-11-01T00:00:00Z';

/**
 * valuesFromQuery reads the fields of spec from a query string as a filter form shows them: the
 * text of each parameter, times as their fields write them (textFromTime), and nothing for a
 * choice or number that cannot be read (the filter leaves it out; its error says so).
 */
export function valuesFromQuery(spec: readonly FieldSpec[], q: URLSearchParams): Record<string, string> {
  const { errors } = filterFromQuery(spec, q);
  const out: Record<string, string> = {};
  for (const f of spec) {
    const raw = q.get(f.name)?.trim() ?? '';
    // A select or number field cannot show a value it does not take: it shows none, as applied.
    if (errors[f.name] && (f.values || f.kind === 'number')) out[f.name] = '';
    else out[f.name] = f.kind === 'time' ? textFromTime(raw) : raw;
  }
  return out;
}

/**
 * filterFromValues turns a filter form's values (named as in spec) into the values of its URL:
 * times to RFC 3339, empty fields left out. Text that is no time is kept as it is, so that the
 * URL says what was asked and the field shows why it could not be read.
 */
export function filterFromValues(spec: readonly FieldSpec[], values: Record<string, string>): FilterValues {
  const out: FilterValues = {};
  for (const f of spec) {
    const raw = (values[f.name] ?? '').trim();
    if (raw === '') continue;
    out[f.name] = f.kind === 'time' ? (timeFromText(raw) ?? raw) : raw;
  }
  return out;
}

/** formFilter reads a filter form's fields (named as in spec) into filter values. */
export function formFilter(spec: readonly FieldSpec[], form: HTMLFormElement): FilterValues {
  const data = new FormData(form);
  const values: Record<string, string> = {};
  for (const f of spec) values[f.name] = String(data.get(f.name) ?? '');
  return filterFromValues(spec, values);
}
