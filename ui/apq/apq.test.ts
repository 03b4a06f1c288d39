// @vitest-environment node
// A stock Apollo client with the persisted-queries link against the real server in its default
// mode (GRAPHQL_TRUSTED_DOCUMENTS=off): the first request sends only the hash and is answered
// PersistedQueryNotFound, the link sends the query with its hash, and a second client's hash-only
// request then runs the document the server kept (internal/httpapi/trusted.go).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { startServer, type Server } from '../e2e/global-setup';

let server: Server;
let token: string;

beforeAll(async () => {
  // Few decisions: the test reads none, it needs the demo's tokens.
  server = await startServer(500, undefined, async () => ({ GRAPHQL_TRUSTED_DOCUMENTS: 'off' }));
  const tokens: { role: string; secret: string }[] = JSON.parse(readFileSync(path.join(server.dataDir, 'demo-tokens.json'), 'utf8'));
  token = tokens.find((t) => t.role === 'AUDITOR')!.secret;
}, 600_000);

afterAll(async () => {
  await server?.stop();
});

interface Sent {
  body: { query?: string; extensions?: { persistedQuery?: { version: number; sha256Hash: string } } };
  status: number;
  answer: { errors?: { message: string; extensions?: { code?: string; requestId?: string } }[] };
}

/** client returns an Apollo client with the persisted-queries link that records what it sends. */
function client(sent: Sent[]): ApolloClient {
  const recording: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const answer = await res.clone().json();
    sent.push({ body: JSON.parse(init!.body as string), status: res.status, answer });
    return res;
  };
  const link = createPersistedQueryLink({ sha256: (q: string) => createHash('sha256').update(q).digest('hex') }).concat(
    new HttpLink({ uri: `${server.url}/graphql`, headers: { Authorization: `Bearer ${token}` }, fetch: recording }),
  );
  return new ApolloClient({ link, cache: new InMemoryCache() });
}

// A name no other test uses, so the server cannot know the document before this test sends it.
const query = gql`
  query ApqAuditChain${Date.now()} {
    verifyAuditChain {
      ok
    }
  }
`;

test('Apollo persisted queries: not found, then sent with the query, then found by hash', async () => {
  const first: Sent[] = [];
  const a = await client(first).query({ query });
  expect(a.data).toEqual({ verifyAuditChain: { __typename: 'AuditChainVerification', ok: true } });
  expect(first).toHaveLength(2);
  // The hash alone, answered with the APQ protocol's error and the request id.
  const hash = first[0].body.extensions!.persistedQuery!.sha256Hash;
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  expect(first[0].body.query).toBeUndefined();
  expect(first[0].status).toBe(200);
  expect(first[0].answer.errors?.[0].message).toBe('PersistedQueryNotFound');
  expect(first[0].answer.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  expect(first[0].answer.errors?.[0].extensions?.requestId).toMatch(/^[0-9a-f]{16}$/);
  // The retry carries the query and the same hash, which is the query's.
  expect(first[1].body.query).toContain('verifyAuditChain');
  expect(first[1].body.extensions!.persistedQuery!.sha256Hash).toBe(hash);
  expect(createHash('sha256').update(first[1].body.query!).digest('hex')).toBe(hash);
  expect(first[1].answer.errors).toBeUndefined();

  // Another client (a fresh cache, nothing shared but the server) sends the hash alone and it runs.
  const second: Sent[] = [];
  const b = await client(second).query({ query });
  expect(b.data).toEqual(a.data);
  expect(second).toHaveLength(1);
  expect(second[0].body.query).toBeUndefined();
  expect(second[0].body.extensions!.persistedQuery!.sha256Hash).toBe(hash);
  expect(second[0].answer.errors).toBeUndefined();
}, 60_000);
