// The controls of the filter forms (Decisions, Overview, Reviews, Audit log): a form state that
// follows the URL, a UTC time field and the market picker, so that every page shows the filter
// it applied in the same way.
import type { JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { graphql } from '../gql';
import type { MarketsQuery } from '../gql/graphql';
import { timeFromText, timePattern } from '../lib/query';
import { useQuery } from './common';

/** FilterForm is the draft of a filter form: what its fields show until it is applied. */
export interface FilterForm {
  readonly values: Record<string, string>;
  set: (name: string, value: string) => void;
  /** bind gives a text input or select its value and the handler that edits the draft. */
  bind: (name: string) => { name: string; value: string; onInput: (e: Event) => void; onChange: (e: Event) => void };
  /** reset drops the edits: the fields show the applied values again (call it when applying). */
  reset: () => void;
}

/**
 * useFilterForm keeps a filter form's fields in step with the URL. The draft starts from applied
 * (the values the URL holds, as the fields write them) and starts over whenever applied changes:
 * an apply, back and forward, a pasted URL. Between those the person's edits stand.
 *
 * The fields are controlled: an uncontrolled <select defaultValue> shows its first option in
 * Preact (a select has no defaultValue property), which made the filters show "Any" and "Day"
 * while another value was applied, and the next apply send that first option.
 */
export function useFilterForm(applied: Record<string, string>): FilterForm {
  const key = JSON.stringify(applied);
  const draft = useRef<{ key: string | null; values: Record<string, string> }>({ key: null, values: {} });
  const [, rerender] = useState(0);
  if (draft.current.key !== key) draft.current = { key, values: applied };
  const set = (name: string, value: string) => {
    draft.current = { key: draft.current.key, values: { ...draft.current.values, [name]: value } };
    rerender((n) => n + 1);
  };
  const edit = (name: string) => (e: Event) => set(name, (e.currentTarget as HTMLInputElement | HTMLSelectElement).value);
  return {
    // Read when asked, not when rendered: an apply right after an edit sees the edit.
    get values() {
      return draft.current.values;
    },
    set,
    bind: (name) => ({ name, value: draft.current.values[name] ?? '', onInput: edit(name), onChange: edit(name) }),
    reset: () => {
      draft.current = { key: null, values: {} };
      rerender((n) => n + 1);
    },
  };
}

/**
 * useResultsHeading gives a results heading (tabIndex -1) the focus once the filters are applied
 * and their answer is shown, so that it is read with the new count and one Tab reaches the first
 * result. Call applied(changes) when applying: changes is false when the URL stays the same (no
 * new answer comes), which focuses the heading at once.
 */
export function useResultsHeading(answer: unknown, loading: boolean) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The answer on screen when the filters were applied; undefined when no focus is due.
  const before = useRef<unknown>(undefined);
  useEffect(() => {
    if (before.current !== undefined && !loading && answer !== before.current) {
      before.current = undefined;
      heading.current?.focus();
    }
  });
  return {
    heading,
    applied: (changes: boolean) => {
      if (changes) before.current = answer;
      else heading.current?.focus();
    },
  };
}

/** timeError is what a time field says when its text is no time. */
export function timeError(label: string): string {
  return `${label}: not a time; write ${timePattern} in UTC, e.g. 2026-11-20 15:00`;
}

/**
 * TimeField is one text input for a UTC time written as formatTime writes it ("2026-11-20
 * 15:00"): one tab stop, the whole time in view. Unreadable text is refused where it is typed:
 * the field says why (naming itself), and the browser will not submit the form until it is
 * fixed. paramError is why the URL's value could not be read.
 */
export function TimeField(props: { label: string; name: string; value?: string; onInput?: (e: Event) => void; defaultValue?: string; paramError?: string }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const check = (input: HTMLInputElement) => {
    const msg = timeFromText(input.value) === null ? timeError(props.label) : '';
    input.setCustomValidity(msg);
    return msg;
  };
  // A controlled field whose value was replaced (an apply, Clear, back) by readable text drops its error.
  const stale = error !== null && props.value !== undefined && timeFromText(props.value) !== null;
  const msg = (stale ? null : error) ?? props.paramError;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        class="time-input"
        name={props.name}
        value={props.value}
        defaultValue={props.defaultValue}
        placeholder={timePattern}
        size={17}
        autoComplete="off"
        spellcheck={false}
        aria-invalid={msg ? true : undefined}
        aria-describedby={msg ? `${id}-error` : undefined}
        onInput={(e) => {
          // An error shown stays until the text reads; a new one waits for blur or submit.
          if (!check(e.currentTarget) && error !== null) setError(null);
          props.onInput?.(e);
        }}
        onBlur={(e) => setError(check(e.currentTarget) || null)}
        onInvalid={(e) => setError(check(e.currentTarget) || null)}
        ref={(el) => {
          if (el) check(el);
        }}
      />
      {msg && (
        <span class="field-error" id={`${id}-error`}>
          {msg}
        </span>
      )}
    </div>
  );
}

const MarketsDocument = graphql(`
  query Markets {
    markets {
      code
      name
      hasDecisions
    }
  }
`);

type Market = MarketsQuery['markets'][number];

// The markets change only with a release: asked once per page load.
let knownMarkets: Market[] | null = null;

/** useMarkets returns the markets the lender operates in (Query.markets), null until known. */
export function useMarkets(): Market[] | null {
  const res = useQuery(MarketsDocument, {}, 'markets', knownMarkets !== null);
  if (res.data) knownMarkets = res.data.markets;
  return knownMarkets;
}

/**
 * MarketSelect picks a market from Query.markets, or none (anyLabel). A value that is no known
 * market (from a URL) is still shown, as itself, with an error saying so, so that the control
 * always shows the filter applied.
 */
export function MarketSelect(props: { anyLabel: string; paramError?: string } & Omit<JSX.HTMLAttributes<HTMLSelectElement>, 'value'> & { value: string }) {
  const { anyLabel, paramError, value, ...rest } = props;
  const markets = useMarkets();
  const id = useId();
  const known = markets?.some((m) => m.code === value) ?? false;
  const msg = paramError ?? (value && markets && !known ? `no market ${value}: pick one of ${markets.map((m) => m.code).join(', ')}` : undefined);
  return (
    <div class="field">
      <label for={id}>Market</label>
      <select id={id} {...rest} value={value} aria-invalid={msg ? true : undefined} aria-describedby={msg ? `${id}-error` : undefined}>
        <option value="">{anyLabel}</option>
        {markets?.map((m) => (
          <option key={m.code} value={m.code}>
            {m.name ? `${m.code} · ${m.name}` : m.code}
            {m.hasDecisions ? '' : ' (no decisions yet)'}
          </option>
        ))}
        {value && !known && <option value={value}>{markets ? `${value} (unknown)` : value}</option>}
      </select>
      {msg && (
        <span class="field-error" id={`${id}-error`}>
          {msg}
        </span>
      )}
    </div>
  );
}
