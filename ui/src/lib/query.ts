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
        if (!rfc3339.test(v) || Number.isNaN(Date.parse(v))) errors[f.name] = 'must be a time such as 2026-11-01T00:00:00Z';
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

/**
 * The time inputs show and take UTC minutes (YYYY-MM-DDTHH:mm, as <input type=datetime-local>
 * writes them); the URL and the API take RFC 3339.
 */
export function inputFromTime(t: string | number | undefined): string {
  if (t === undefined || t === '') return '';
  const d = new Date(String(t));
  if (Number.isNaN(d.getTime())) return '';
  return d.toISOString().slice(0, 16);
}

/** timeFromInput turns a UTC datetime-local value into RFC 3339, "" when empty or invalid. */
export function timeFromInput(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v)) return '';
  return `${v}:00Z`;
}

/** formFilter reads a filter form's fields (named as in spec) into filter values. */
export function formFilter(spec: readonly FieldSpec[], form: HTMLFormElement): FilterValues {
  const data = new FormData(form);
  const out: FilterValues = {};
  for (const f of spec) {
    const raw = String(data.get(f.name) ?? '').trim();
    if (raw === '') continue;
    out[f.name] = f.kind === 'time' ? timeFromInput(raw) : raw;
    if (out[f.name] === '') delete out[f.name];
  }
  return out;
}
