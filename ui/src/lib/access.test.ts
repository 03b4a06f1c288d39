import { describe, expect, it } from 'vitest';
import { checkAccess, providerStartURL, resolveRoute, safeNext, signInURL } from './access';
import type { SessionUser } from './session';

const agent: SessionUser = { username: 'agnes', displayName: 'Agnes', roles: ['AGENT'] };
const auditor: SessionUser = { username: 'aude', displayName: 'Aude', roles: ['AUDITOR', 'AGENT'] };
const routes = [
  { path: '/', roles: [] },
  { path: '/decisions', roles: ['ANALYST', 'APPROVER', 'AUDITOR'] as const },
  { path: '/decisions/:id', roles: ['ANALYST', 'APPROVER', 'AUDITOR'] as const },
];

describe('route guard', () => {
  it('sends nobody to sign in, lets a holder of any listed role in, explains to others', () => {
    expect(checkAccess(null, routes[1])).toEqual({ kind: 'signin' });
    expect(checkAccess(auditor, routes[1])).toEqual({ kind: 'ok' });
    expect(checkAccess(agent, routes[1])).toEqual({ kind: 'forbidden', need: ['ANALYST', 'APPROVER', 'AUDITOR'] });
    expect(checkAccess(agent, routes[0])).toEqual({ kind: 'ok' });
  });
  it('matches parameters and decodes them', () => {
    expect(resolveRoute(routes, '/decisions/12%2F3')).toEqual({ route: routes[2], params: { id: '12/3' } });
    expect(resolveRoute(routes, '/decisions/')?.route).toBe(routes[1]);
    expect(resolveRoute(routes, '/decisions/1/x')).toBeNull();
    expect(resolveRoute(routes, '/decisions/%E0%A4%A')).toBeNull();
  });
});

describe('sign-in round trip', () => {
  it('remembers where the user was', () => {
    expect(signInURL({ pathname: '/decisions', search: '?market=SE' })).toBe('/signin?next=%2Fdecisions%3Fmarket%3DSE');
    expect(signInURL({ pathname: '/', search: '' })).toBe('/signin');
    expect(signInURL({ pathname: '/signin', search: '?next=%2Fadmin' })).toBe('/signin');
  });
  it('carries the page to return to through the identity provider', () => {
    expect(providerStartURL('/auth/oidc/start', '?next=%2Fdecisions%3Fmarket%3DSE')).toBe('/auth/oidc/start?next=%2Fdecisions%3Fmarket%3DSE');
    expect(providerStartURL('/auth/oidc/start', '?signin_error=no_role&next=%2Faudit')).toBe('/auth/oidc/start?next=%2Faudit');
    expect(providerStartURL('/auth/oidc/start', '')).toBe('/auth/oidc/start');
    expect(providerStartURL('/auth/oidc/start', '?next=%2F%2Fevil.example')).toBe('/auth/oidc/start');
  });
  it('only returns to paths of this console', () => {
    expect(safeNext('/decisions?market=SE')).toBe('/decisions?market=SE');
    for (const bad of [null, '', 'https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/signin?next=/x']) {
      expect(safeNext(bad)).toBe('/');
    }
  });
});
