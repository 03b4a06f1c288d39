// The one way the UI talks to the server: GraphQL operations by their persisted-document hash
// (POST /graphql) and the JSON endpoints under /auth/, both on the same-origin session cookie.
// Every failure becomes an ApiError carrying the server's error code and request id, so pages can
// show them; an UNAUTHENTICATED answer also tells the shell, which sends the user to sign in.
import type { TypedDocumentString } from '../gql/graphql';

/** A failed request: the server's message and extensions.code, and the request's id. */
export class ApiError extends Error {
  readonly code: string;
  readonly requestId: string | undefined;
  readonly status: number;
  /** Field errors of an INVALID answer (extensions.fields). */
  readonly fields: { field: string; message: string }[];
  /** The limit a LIMIT_EXCEEDED answer names (extensions.limit), and its seconds to wait (extensions.retryAfter). */
  readonly limit: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(
    message: string,
    code: string,
    status: number,
    requestId?: string,
    fields: { field: string; message: string }[] = [],
    limit?: string,
    retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.requestId = requestId;
    this.fields = fields;
    this.limit = limit;
    this.retryAfter = retryAfter;
  }
}

/** The error code of a request that never got an answer. */
export const NETWORK = 'NETWORK';

type UnauthenticatedHandler = () => void;
let onUnauthenticated: UnauthenticatedHandler = () => {};

/** Sets what happens when any request is answered UNAUTHENTICATED (the session has ended). */
export function setUnauthenticatedHandler(h: UnauthenticatedHandler): void {
  onUnauthenticated = h;
}

interface ErrorBody {
  errors?: {
    message?: string;
    extensions?: { code?: string; requestId?: string; fields?: { field: string; message: string }[]; limit?: string; retryAfter?: number };
  }[];
}

/**
 * errorFrom returns the ApiError of a response, or null when it is a success: an `errors` array
 * in the body (GraphQL and /auth answer in that one shape), else a non-2xx status. The request id
 * is the error's extensions.requestId, else the X-Request-ID response header.
 */
export function errorFrom(status: number, headers: Headers, body: unknown): ApiError | null {
  const headerId = headers.get('X-Request-ID') ?? undefined;
  const first = (body as ErrorBody | null)?.errors?.[0];
  if (first) {
    const ext = first.extensions ?? {};
    return new ApiError(first.message || 'request failed', ext.code || 'ERROR', status, ext.requestId ?? headerId, ext.fields ?? [], ext.limit, ext.retryAfter);
  }
  if (status < 200 || status > 299) {
    return new ApiError(`the server answered ${status}`, `HTTP_${status}`, status, headerId);
  }
  return null;
}

/**
 * signalled rethrows err after telling the shell when it says the session has ended. The /auth
 * endpoints do not use it: there 401 is an ordinary answer (wrong password, not signed in).
 */
export function signalled(err: unknown): never {
  if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') onUnauthenticated();
  throw err;
}

/** request sends one same-origin request and returns its parsed JSON body (null when empty). */
async function request(path: string, init: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(`could not reach the server: ${(e as Error).message}`, NETWORK, 0);
  }
  const text = await res.text();
  let body: unknown = null;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(`the server answered ${res.status} with a body that is not JSON`, `HTTP_${res.status}`, res.status, res.headers.get('X-Request-ID') ?? undefined);
    }
  }
  const err = errorFrom(res.status, res.headers, body);
  if (err) throw err;
  return body;
}

/** The hash of a generated document (codegen's persistedDocuments, "sha256:<hex>"). */
export function documentHash(doc: TypedDocumentString<unknown, unknown>): string {
  const hash = (doc as unknown as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('GraphQL document without a persisted hash: run npm run codegen');
  return hash.replace(/^sha256:/, '');
}

/** The limit of heavy operations (internal/heavy): a field it refuses has not run, so it may be sent again. */
export const HEAVY_LIMIT = 'heavyOperations';

/** How often gql sends an operation again that the limit of heavy operations refused. */
export const heavyRetries = 3;

/** sleep resolves after ms, or rejects with the signal's AbortError once it is aborted. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason);
    }, { once: true });
  });
}

/**
 * gql runs a generated GraphQL document. Only its hash is sent, as
 * extensions.persistedQuery.sha256Hash; the server runs the text it holds for that hash
 * (internal/httpapi/trusted.go). Answers with errors are thrown as ApiError, even with partial data.
 * An answer refusing a heavy operation because the server runs as many as it may (the editor asks
 * for a what-if and a curve per rule at once) is retried after its retryAfter, up to heavyRetries
 * times: the refused field did not run, so sending it again does nothing twice.
 */
export async function gql<R, V>(doc: TypedDocumentString<R, V>, variables?: V, signal?: AbortSignal): Promise<R> {
  const body = JSON.stringify({
    variables: variables ?? {},
    extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(doc as TypedDocumentString<unknown, unknown>) } },
  });
  const send = () =>
    request('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body,
      signal,
    });
  let out: { data?: R } | null = null;
  for (let attempt = 0; ; attempt++) {
    try {
      out = (await send()) as { data?: R } | null;
      break;
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'LIMIT_EXCEEDED' && e.limit === HEAVY_LIMIT && attempt < heavyRetries)) signalled(e);
      await sleep(1000 * (e.retryAfter ?? 1), signal);
    }
  }
  if (!out?.data) throw new ApiError('the server answered without data', 'ERROR', 200);
  return out.data;
}

/** postJSON posts a JSON body to one of the /auth endpoints and returns the answer's body. */
export function postJSON(path: string, payload: unknown): Promise<unknown> {
  return request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(payload),
  });
}

/** getJSON reads a JSON endpoint. */
export function getJSON(path: string, signal?: AbortSignal): Promise<unknown> {
  return request(path, { headers: { Accept: 'application/json' }, signal });
}
