// What the journeys share: the server's URL as baseURL, the demo accounts and API tokens that
// global-setup read from the server's data directory, signing in through the form or the API, and
// full-page screenshots into e2e-artifacts/.
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface DemoAccount {
  username: string;
  roles: string[];
  password: string;
}

export const accounts: DemoAccount[] = JSON.parse(process.env.E2E_ACCOUNTS ?? '[]');
const tokens: { role: string; secret: string }[] = JSON.parse(process.env.E2E_TOKENS ?? '[]');

/** account returns the first demo account holding role. */
export function account(role: string): DemoAccount {
  const a = accounts.find((x) => x.roles.includes(role));
  if (!a) throw new Error(`no demo account with role ${role} (did global-setup run?)`);
  return a;
}

/** token returns the demo API token of role. */
export function token(role: string): string {
  const t = tokens.find((x) => x.role === role);
  if (!t) throw new Error(`no demo token for role ${role}`);
  return t.secret;
}

export const test = base.extend({
  // The server's port is chosen by global-setup, after the config was read.
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error('E2E_BASE_URL is not set: global-setup did not start the server');
    await use(url);
  },
});

export { expect };

/** signIn fills the sign-in form as the demo account with role and waits until it is gone. */
export async function signIn(page: Page, role: string): Promise<DemoAccount> {
  return signInAs(page, account(role).username);
}

/** signInAs fills the sign-in form as the demo account username, for roles with two accounts (maker-checker). */
export async function signInAs(page: Page, username: string): Promise<DemoAccount> {
  const a = accounts.find((x) => x.username === username);
  if (!a) throw new Error(`no demo account ${username}`);
  await page.getByLabel('Username').fill(a.username);
  await page.getByLabel('Password').fill(a.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return a;
}

/** signOut signs out through the top bar and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
}

const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../e2e-artifacts');

/** shot saves a full-page screenshot as e2e-artifacts/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

const manifest: Record<string, string> = JSON.parse(
  readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/gql/persisted-documents.json'), 'utf8'),
);

/**
 * apiAs runs the UI's persisted operation named operation as the demo account username, signed in
 * through POST /auth/login as a browser would: ANALYST, APPROVER and ADMIN belong to people, so no
 * API token carries them, and a session runs only the UI's documents.
 */
export async function apiAs<T>(baseURL: string, username: string, operation: string, variables: Record<string, unknown> = {}): Promise<T> {
  const a = accounts.find((x) => x.username === username);
  if (!a) throw new Error(`no demo account ${username}`);
  const login = await fetch(`${baseURL}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseURL },
    body: JSON.stringify({ username: a.username, password: a.password }),
  });
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('__Host-riskconsole_session='));
  if (!login.ok || !cookie) throw new Error(`sign-in of ${username}: status ${login.status}`);
  const hash = Object.keys(manifest).find((h) => new RegExp(`\\b(query|mutation) ${operation}\\b`).test(manifest[h]));
  if (!hash) throw new Error(`no persisted document ${operation}`);
  const res = await fetch(`${baseURL}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseURL, Cookie: cookie.split(';')[0] },
    body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } } }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`${operation} failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** api runs a GraphQL query with a demo API token of role: SERVICE, AUDITOR or AGENT (bearer tokens may send ad-hoc queries). */
export async function api<T>(baseURL: string, role: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${baseURL}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token(role)}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}
