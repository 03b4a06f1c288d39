import { useState } from 'preact/hooks';
import { ErrorBox } from '../components/common';
import { signIn, type SessionUser } from '../lib/session';

/** SignInPage asks for username and password; onSignedIn gets the new session's user. */
export function SignInPage({ onSignedIn, expired }: { onSignedIn: (u: SessionUser) => void; expired: boolean }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
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
  return (
    <main id="main" class="signin">
      <h1>Sign in to riskconsole</h1>
      {expired && <p class="notice">Your session has ended. Sign in again to go back to where you were.</p>}
      <form onSubmit={submit} class="stack">
        <label>
          Username
          <input name="username" autocomplete="username" required autoFocus />
        </label>
        <label>
          Password
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {error !== null && <ErrorBox error={error} title="Could not sign in" />}
    </main>
  );
}
