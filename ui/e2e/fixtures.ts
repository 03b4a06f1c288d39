// What the journeys share: the server's URL as baseURL, the demo accounts and API tokens that
// global-setup read from the server's data directory, signing in through the form, and full-page
// screenshots into e2e-artifacts/.
import { test as base, expect, type Page } from '@playwright/test';
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
  const a = account(role);
  await page.getByLabel('Username').fill(a.username);
  await page.getByLabel('Password').fill(a.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return a;
}

const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../e2e-artifacts');

/** shot saves a full-page screenshot as e2e-artifacts/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

/** api runs a GraphQL query with a demo API token (bearer tokens may send ad-hoc queries). */
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
