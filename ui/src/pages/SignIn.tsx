import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../components/common';
import { providerStartURL } from '../lib/access';
import { identityProvider, signIn, type IdentityProvider, type SessionUser } from '../lib/session';

/**
 * Why a sign-in through the identity provider was refused, by the code the server's callback
 * sends back in ?signin_error= (internal/oidc/http.go).
 */
const providerErrors: Record<string, string> = {
  no_role:
    'You signed in at the identity provider, but none of your groups there gives a role in riskconsole. Ask your administrator to add you to the right group, then sign in again.',
  disabled: 'Your riskconsole account is disabled. Ask an administrator.',
  expired: 'That sign-in took too long, was already used, or was started in another browser. Sign in again.',
  provider: 'The identity provider did not sign you in. Sign in again.',
  failed: 'The identity provider’s answer could not be verified, so you are not signed in. Sign in again; if it keeps failing, tell your administrator.',
  unavailable: 'The identity provider could not be reached. Try again in a minute.',
};

/**
 * SignInPage offers sign-in through the company's identity provider, when the server has one,
 * and with a username and password, unless an administrator turned that off; onSignedIn gets the
 * new session's user.
 */
export function SignInPage({ onSignedIn, expired }: { onSignedIn: (u: SessionUser) => void; expired: boolean }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // undefined while asked; null when the server has no identity provider.
  const [provider, setProvider] = useState<IdentityProvider | null | undefined>(undefined);
  const refused = new URLSearchParams(window.location.search).get('signin_error');
  useEffect(() => {
    identityProvider().then(setProvider, () => setProvider(null));
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(String(data.get('username') ?? ''), String(data.get('password') ?? '')));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  const local = provider === undefined || provider === null || provider.localSignIn;
  return (
    <main id="main" class="signin">
      <h1>Sign in to riskconsole</h1>
      {expired && <p class="notice">Your session has ended. Sign in again to go back to where you were.</p>}
      {refused && (
        <div class="error" role="alert">
          <strong>Not signed in</strong>
          <p>{providerErrors[refused] ?? 'The sign-in through the identity provider was refused. Sign in again.'}</p>
        </div>
      )}
      {provider && (
        <p>
          <a class="button" href={providerStartURL(provider.startUrl, window.location.search)}>
            Sign in with {provider.name}
          </a>
        </p>
      )}
      {provider && local && <p class="muted">Or, with a console account (for emergencies):</p>}
      {local && (
        <form onSubmit={submit} class="stack">
          <label>
            Username
            <input name="username" autocomplete="username" required autoFocus={!provider} />
          </label>
          <label>
            Password
            <input name="password" type="password" autocomplete="current-password" required />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      )}
      {error !== null && <ErrorBox error={error} title="Could not sign in" />}
    </main>
  );
}
