import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, documentHash, errorFrom, gql, heavyRetries, HEAVY_LIMIT, postJSON, setUnauthenticatedHandler } from './api';
import type { TypedDocumentString } from '../gql/graphql';

const doc = { __meta__: { hash: 'sha256:' + 'ab'.repeat(32) } } as unknown as TypedDocumentString<{ viewer: { name: string } }, Record<string, never>>;

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers }));
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setUnauthenticatedHandler(() => {});
});

describe('errorFrom', () => {
  it('reads message, code, request id and fields of a GraphQL error', () => {
    const err = errorFrom(200, new Headers({ 'X-Request-ID': 'from-header' }), {
      errors: [{ message: 'bad input', extensions: { code: 'INVALID', requestId: 'req-1', fields: [{ field: 'input.password', message: 'too short' }] } }],
    });
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ message: 'bad input', code: 'INVALID', requestId: 'req-1', status: 200 });
    expect(err?.fields).toEqual([{ field: 'input.password', message: 'too short' }]);
  });
  it('takes the request id from the header when the error has none (the /auth endpoints)', () => {
    const err = errorFrom(401, new Headers({ 'X-Request-ID': 'hdr-7' }), { errors: [{ message: 'invalid username or password', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(err).toMatchObject({ code: 'UNAUTHENTICATED', requestId: 'hdr-7', status: 401 });
  });
  it('names the status of a failure without an error body', () => {
    expect(errorFrom(502, new Headers(), null)).toMatchObject({ code: 'HTTP_502', status: 502 });
  });
  it('is null for a success', () => {
    expect(errorFrom(200, new Headers(), { data: {} })).toBeNull();
    expect(errorFrom(204, new Headers(), null)).toBeNull();
  });
});

describe('gql', () => {
  it('sends only the persisted hash and returns data', async () => {
    const fetch = answer(200, { data: { viewer: { name: 'anna' } } });
    vi.stubGlobal('fetch', fetch);
    await expect(gql(doc, {})).resolves.toEqual({ viewer: { name: 'anna' } });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(JSON.parse(init.body as string)).toEqual({ variables: {}, extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } });
  });
  it('throws errors even with partial data, and tells the shell about UNAUTHENTICATED', async () => {
    const ended = vi.fn();
    setUnauthenticatedHandler(ended);
    vi.stubGlobal('fetch', answer(200, { data: null, errors: [{ message: 'sign in', extensions: { code: 'UNAUTHENTICATED', requestId: 'r9' } }] }));
    await expect(gql(doc, {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED', requestId: 'r9' });
    expect(ended).toHaveBeenCalledTimes(1);
    vi.stubGlobal('fetch', answer(200, { data: { viewer: null }, errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }));
    await expect(gql(doc, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(ended).toHaveBeenCalledTimes(1);
  });
  it('reports a body that is not JSON with the status and request id', async () => {
    vi.stubGlobal('fetch', answer(502, '<html>bad gateway</html>', { 'X-Request-ID': 'gw-1' }));
    await expect(gql(doc, {})).rejects.toMatchObject({ code: 'HTTP_502', requestId: 'gw-1' });
  });
  it('reports a network failure as NETWORK', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(gql(doc, {})).rejects.toMatchObject({ code: 'NETWORK' });
  });
  it('sends a refused heavy operation again after its retryAfter, and gives up after heavyRetries', async () => {
    vi.useFakeTimers();
    const busy = { data: null, errors: [{ message: 'server busy', extensions: { code: 'LIMIT_EXCEEDED', limit: HEAVY_LIMIT, retryAfter: 2 } }] };
    let calls = 0;
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(calls++ < 2 ? busy : { data: { viewer: { name: 'anna' } } }))));
    const got = gql(doc, {});
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toBe(1); // not before retryAfter
    await vi.advanceTimersByTimeAsync(2001);
    await expect(got).resolves.toEqual({ viewer: { name: 'anna' } });
    expect(calls).toBe(3);

    calls = 0;
    vi.stubGlobal('fetch', vi.fn(async () => (calls++, new Response(JSON.stringify(busy)))));
    const refused = gql(doc, {}).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2000 * heavyRetries);
    expect(await refused).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: HEAVY_LIMIT, retryAfter: 2 });
    expect(calls).toBe(1 + heavyRetries);
  });
  it('does not send again other refusals, nor once aborted while waiting', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const other = { data: null, errors: [{ message: 'too many', extensions: { code: 'LIMIT_EXCEEDED', limit: 'signInAttempts', retryAfter: 1 } }] };
    vi.stubGlobal('fetch', vi.fn(async () => (calls++, new Response(JSON.stringify(other)))));
    await expect(gql(doc, {})).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'signInAttempts' });
    expect(calls).toBe(1);

    calls = 0;
    const busy = { data: null, errors: [{ message: 'server busy', extensions: { code: 'LIMIT_EXCEEDED', limit: HEAVY_LIMIT, retryAfter: 1 } }] };
    vi.stubGlobal('fetch', vi.fn(async () => (calls++, new Response(JSON.stringify(busy)))));
    const ctl = new AbortController();
    const got = gql(doc, {}, ctl.signal).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(500);
    ctl.abort();
    expect(await got).toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toBe(1);
  });
  it('refuses a document without a hash', () => {
    expect(() => documentHash({} as TypedDocumentString<unknown, unknown>)).toThrow(/codegen/);
  });
});

describe('postJSON', () => {
  it('does not treat a 401 of /auth as an ended session', async () => {
    const ended = vi.fn();
    setUnauthenticatedHandler(ended);
    vi.stubGlobal('fetch', answer(401, { errors: [{ message: 'invalid username or password', extensions: { code: 'UNAUTHENTICATED' } }] }));
    await expect(postJSON('/auth/login', { username: 'a', password: 'b' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(ended).not.toHaveBeenCalled();
  });
});
