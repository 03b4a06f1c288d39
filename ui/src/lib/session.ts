// The console session: sign in, sign out, and who is signed in (internal/accounts/http.go).
import { ApiError, getJSON, postJSON } from './api';
import type { Role } from '../gql/graphql';

/** The signed-in user as GET /auth/session and POST /auth/login describe them. */
export interface SessionUser {
  username: string;
  displayName: string;
  roles: Role[];
}

function userOf(body: unknown): SessionUser {
  const user = (body as { user?: SessionUser } | null)?.user;
  if (!user || typeof user.username !== 'string' || !Array.isArray(user.roles)) {
    throw new ApiError('the session answer has no user', 'ERROR', 200);
  }
  return user;
}

/** currentSession returns the signed-in user, or null when nobody is signed in. */
export async function currentSession(): Promise<SessionUser | null> {
  try {
    return userOf(await getJSON('/auth/session'));
  } catch (e) {
    if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') return null;
    throw e;
  }
}

/** signIn starts a session (the server sets the cookie) and returns its user. */
export async function signIn(username: string, password: string): Promise<SessionUser> {
  return userOf(await postJSON('/auth/login', { username, password }));
}

/** signOut ends every session of the signed-in user. */
export async function signOut(): Promise<void> {
  await postJSON('/auth/logout', {});
}

/** The company's identity provider as GET /auth/oidc/provider describes it (internal/oidc). */
export interface IdentityProvider {
  name: string;
  startUrl: string;
  /** Whether staff may still sign in with a username and password. */
  localSignIn: boolean;
}

/** identityProvider returns the server's identity provider, or null when it has none. */
export async function identityProvider(): Promise<IdentityProvider | null> {
  try {
    const body = (await getJSON('/auth/oidc/provider')) as IdentityProvider | null;
    return body && typeof body.name === 'string' && typeof body.startUrl === 'string' ? body : null;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** setLocalSignIn turns sign-in with a password on or off (an ADMIN signed in through the provider). */
export async function setLocalSignIn(enabled: boolean): Promise<void> {
  await postJSON('/auth/oidc/local-sign-in', { enabled });
}
