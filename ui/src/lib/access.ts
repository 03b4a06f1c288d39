// Who may open which page: the route guard, and where sign-in sends the user back to.
import type { Role } from '../gql/graphql';
import { matchPath, type Location } from './router';
import type { SessionUser } from './session';

/** What the guard needs of a route: its path pattern and the roles that may open it. */
export interface Guarded {
  path: string;
  /** Any one of these roles opens the page; an empty list means any signed-in user. */
  roles: readonly Role[];
}

export type Access = { kind: 'ok' } | { kind: 'signin' } | { kind: 'forbidden'; need: readonly Role[] };

/** allowed reports whether user may open route (false for nobody signed in). */
export function allowed(user: SessionUser | null, route: Guarded): boolean {
  if (!user) return false;
  return route.roles.length === 0 || route.roles.some((r) => user.roles.includes(r));
}

/** checkAccess is the guard in front of every page. */
export function checkAccess(user: SessionUser | null, route: Guarded): Access {
  if (!user) return { kind: 'signin' };
  return allowed(user, route) ? { kind: 'ok' } : { kind: 'forbidden', need: route.roles };
}

/** resolveRoute finds the first route whose pattern matches pathname. */
export function resolveRoute<R extends Guarded>(routes: readonly R[], pathname: string): { route: R; params: Record<string, string> } | null {
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}

export const signInPath = '/signin';

/** signInURL is the sign-in page that returns to loc afterwards. */
export function signInURL(loc: Location): string {
  const back = loc.pathname + loc.search;
  if (loc.pathname === signInPath || back === '/') return signInPath;
  return `${signInPath}?next=${encodeURIComponent(back)}`;
}

/**
 * safeNext returns where to go after signing in: the next parameter when it is a path of this
 * console, else "/". A full URL or a scheme-relative //host path would leave the console.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith(signInPath)) return '/';
  return next;
}

/**
 * providerStartURL is the identity provider's sign-in start (startUrl, from the server) that
 * returns to the next parameter of the sign-in page's search, when it is a path of this console
 * (the server checks it again: oidc.SafeNext).
 */
export function providerStartURL(startUrl: string, search: string): string {
  const next = safeNext(new URLSearchParams(search).get('next'));
  return next === '/' ? startUrl : `${startUrl}?next=${encodeURIComponent(next)}`;
}

/**
 * The roles that read repayment outcomes, bad definitions and everything computed from them
 * (ACCESS.md): never AGENT, who sees a shopper's decision but nothing of how anyone repaid.
 */
export const outcomeReaders: readonly Role[] = ['ANALYST', 'APPROVER', 'AUDITOR'];

/** canSeeOutcomes reports whether a user holding roles may see outcome figures. */
export function canSeeOutcomes(roles: readonly Role[]): boolean {
  return roles.some((r) => outcomeReaders.includes(r));
}
