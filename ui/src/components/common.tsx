// The small building blocks every page uses: links, errors with their request id, progress,
// and the hook that runs a GraphQL query.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { ApiError, gql } from '../lib/api';
import { count } from '../lib/format';
import { markets } from '../lib/markets';
import { followLink } from '../lib/router';
import type { TypedDocumentString } from '../gql/graphql';

/** Link is an in-app link: the router follows it without reloading the page. */
export function Link(props: { href: string; class?: string; children: ComponentChildren; 'aria-current'?: 'page' }) {
  return (
    <a href={props.href} class={props.class} aria-current={props['aria-current']} onClick={(e) => followLink(e as unknown as MouseEvent, props.href)}>
      {props.children}
    </a>
  );
}

/** ErrorBox shows a failure with its code and the request id support can look up. */
export function ErrorBox({ error, title }: { error: unknown; title?: string }) {
  const api = error instanceof ApiError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div class="error" role="alert">
      <strong>{title ?? 'Something went wrong'}</strong>
      <p>{message}</p>
      {api && api.fields.length > 0 && (
        <ul>
          {api.fields.map((f) => (
            <li key={f.field}>
              <code>{f.field}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
      {api && (
        <p class="meta">
          code <code>{api.code}</code>
          {api.requestId && (
            <>
              {' · '}request id <code class="request-id">{api.requestId}</code>
            </>
          )}
        </p>
      )}
    </div>
  );
}

/** FieldError shows, under a form field, what an INVALID answer said about it (extensions.fields). */
export function FieldError({ error, field }: { error: unknown; field: string }) {
  const msg = error instanceof ApiError ? error.fields.find((f) => f.field === field)?.message : undefined;
  return msg ? <span class="field-error">{msg}</span> : null;
}

/** ParamError shows, at a filter field, why its URL parameter could not be read. */
export function ParamError({ msg }: { msg?: string }) {
  return msg ? <span class="field-error">{msg}</span> : null;
}

/** Progress shows long work: a bar (indeterminate without max) and what is happening. */
export function Progress({ label, value, max }: { label: string; value?: number; max?: number }) {
  return (
    <div class="progress" role="status" aria-live="polite">
      <progress value={max ? value : undefined} max={max} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}

export interface QueryState<R> {
  data: R | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * useQuery runs a GraphQL query whenever key changes (a string naming its variables), cancelling
 * the one before. While it loads, data keeps the previous answer so that pages do not flicker.
 */
export function useQuery<R, V>(doc: TypedDocumentString<R, V>, variables: V, key: string, skip = false): QueryState<R> {
  const [state, setState] = useState<{ data: R | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: !skip });
  const [nonce, setNonce] = useState(0);
  // A layout effect, so that the request leaves as the page is rendered, not after the browser
  // painted it (a plain effect waits for the next frame: 0.1 to 0.25 s under load).
  useLayoutEffect(() => {
    if (skip) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ ...s, error: null, loading: true }));
    gql(doc, variables, ctl.signal).then(
      (data) => setState({ data, error: null, loading: false }),
      (error) => {
        if (!ctl.signal.aborted) setState({ data: null, error, loading: false });
      },
    );
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key stands for variables
  }, [key, nonce, skip]);
  return { ...state, reload: () => setNonce((n) => n + 1) };
}

/** PageHeader is a page's h1, which receives focus after navigation. */
export function PageHeader({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <header class="page-header">
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </header>
  );
}

/** useAction runs one write at a time and keeps its outcome: what was done, or the error. */
export function useAction(after: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const run = async (what: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      setDone(await what());
      after();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run };
}

/** Outcome shows what the last write did, or why it was refused, in the API's words. */
export function Outcome({ done, error }: { done: string; error: unknown }) {
  return (
    <>
      {done && (
        <p role="status" class="notice">
          {done}
        </p>
      )}
      {error !== null && <ErrorBox error={error} title="Not done" />}
    </>
  );
}

/** MarketTabs links the page at path of each market (path?market=XX), the current one marked, with
 * how many of what (a noun: 'request', 'submission') await approval in each. */
export function MarketTabs({ path, market, pending, what }: { path: string; market: string; pending: Record<string, number>; what: string }) {
  return (
    <nav aria-label="Markets">
      <ul class="tabs">
        {markets.map((m) => (
          <li key={m}>
            <Link href={`${path}?market=${m}`} aria-current={m === market ? 'page' : undefined}>
              {m}
              {pending[m] > 0 && (
                <>
                  {' '}
                  <span class="badge warn count" title={`${count(pending[m], what)} awaiting approval`}>
                    {pending[m]}
                  </span>
                </>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
