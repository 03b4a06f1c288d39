import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './app';

function session(status: number, body: unknown) {
  return vi.fn(async (url: string) => {
    if (url !== '/auth/session') throw new Error(`unexpected request to ${url}`);
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
}

function start(path: string) {
  window.history.replaceState(null, '', path);
  render(<App />);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the shell', () => {
  it('shows an agent only the look-up and sends them there from the start page', async () => {
    vi.stubGlobal('fetch', session(200, { user: { username: 'agnes', displayName: 'Agnes Berg', roles: ['AGENT'] } }));
    start('/');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect([...nav.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Agent look-up']);
    await waitFor(() => expect(window.location.pathname).toBe('/agent'));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveProperty('textContent', 'Decision look-up');
  });

  it('explains a deep link to a page the roles do not open', async () => {
    vi.stubGlobal('fetch', session(200, { user: { username: 'agnes', displayName: 'Agnes Berg', roles: ['AGENT'] } }));
    start('/admin');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveProperty('textContent', 'Not available to your roles');
    expect(screen.getByRole('main').textContent).toContain('Admin is open to ADMIN');
  });

  it('sends a signed-out visitor to sign in, remembering the page', async () => {
    vi.stubGlobal('fetch', session(401, { errors: [{ message: 'not signed in', extensions: { code: 'UNAUTHENTICATED' } }] }));
    start('/audit?action=auth.login');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveProperty('textContent', 'Sign in to riskconsole');
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/signin?next=%2Faudit%3Faction%3Dauth.login'));
    expect(screen.getByLabelText('Username')).toBeTruthy();
  });

  it('shows an unknown path as not found', async () => {
    vi.stubGlobal('fetch', session(200, { user: { username: 'aude', displayName: 'Aude', roles: ['AUDITOR'] } }));
    start('/nowhere');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveProperty('textContent', 'Page not found');
  });
});
