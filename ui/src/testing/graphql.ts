// Test helpers (imported by *.test.tsx only): a fake server that answers the UI's persisted
// GraphQL documents by operation name, as the real one runs them by hash.
import { vi } from 'vitest';
import manifest from '../gql/persisted-documents.json';

const documents = manifest as Record<string, string>;

/** An operation a request sent: its document's name and its variables. */
export interface SentOperation {
  name: string;
  variables: Record<string, unknown>;
}

/** operationOf names the persisted document a request sends by hash. */
export function operationOf(body: string): SentOperation {
  const req = JSON.parse(body) as { variables: Record<string, unknown>; extensions: { persistedQuery: { sha256Hash: string } } };
  const text = documents[`sha256:${req.extensions.persistedQuery.sha256Hash}`] ?? documents[req.extensions.persistedQuery.sha256Hash];
  const name = /(?:query|mutation) (\w+)/.exec(text ?? '')?.[1];
  if (!name) throw new Error('unknown document');
  return { name, variables: req.variables };
}

/**
 * stubOperations replaces fetch with a server answering each operation by name: an answer's
 * function returns the data, or throws { errors } to answer with GraphQL errors. The calls are
 * recorded, in order.
 */
export function stubOperations(answers: Record<string, (v: Record<string, unknown>) => unknown>): SentOperation[] {
  const calls: SentOperation[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const op = operationOf(String(init.body));
      calls.push(op);
      const f = answers[op.name];
      if (!f) throw new Error(`unexpected operation ${op.name}`);
      let body: unknown;
      try {
        body = { data: f(op.variables) };
      } catch (e) {
        if (!(e instanceof GraphQLErrors)) throw e;
        body = { data: null, errors: e.errors };
      }
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return calls;
}

/** GraphQLErrors, thrown by an answer of stubOperations, makes the server answer with errors. */
export class GraphQLErrors extends Error {
  constructor(readonly errors: { message: string; extensions: Record<string, unknown> }[]) {
    super(errors[0]?.message ?? 'errors');
  }
}
