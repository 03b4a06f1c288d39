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
