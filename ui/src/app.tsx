// The shell: who is signed in, navigation by role, the route guard, and the current page.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorBox, Link, Progress } from './components/common';
import { InboxCount } from './components/inbox';
import { checkAccess, allowed, resolveRoute, safeNext, signInPath, signInURL } from './lib/access';
import { setUnauthenticatedHandler } from './lib/api';
import { navigate, useLocation } from './lib/router';
import { currentSession, signOut, type SessionUser } from './lib/session';
import { SignInPage } from './pages/SignIn';
import { routes } from './routes';

export function App() {
  const loc = useLocation();
  // undefined while the session is being looked up; null when nobody is signed in.
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [startError, setStartError] = useState<unknown>(null);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    currentSession().then(setUser, setStartError);
    // Any request answered UNAUTHENTICATED means the session ended (idle, lifetime, signed out
    // elsewhere, account disabled): back to sign-in, which returns here afterwards.
    setUnauthenticatedHandler(() => {
      setUser(null);
      setExpired(true);
      navigate(signInURL({ pathname: window.location.pathname, search: window.location.search }), { replace: true });
    });
  }, []);

  const onSignInPage = loc.pathname === signInPath;
  useEffect(() => {
    if (user === null && !onSignInPage) navigate(signInURL(loc), { replace: true });
    if (user && onSignInPage) navigate(safeNext(new URLSearchParams(loc.search).get('next')), { replace: true });
  }, [user, onSignInPage, loc.pathname, loc.search]);

  const match = resolveRoute(routes, loc.pathname);
  useEffect(() => {
    document.title = `${onSignInPage ? 'Sign in' : (match?.route.title ?? 'Not found')} · riskconsole`;
  }, [loc.pathname]);

  // After an in-app navigation, focus moves to the new page's heading, so keyboard and screen
  // reader users start at the top of the new content.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [loc.pathname]);

  if (startError) {
    return (
      <main id="main">
        <ErrorBox error={startError} title="Could not reach the console" />
      </main>
    );
  }
  if (user === undefined) {
    return (
      <main id="main">
        <Progress label="Loading…" />
      </main>
    );
  }
  if (user === null || onSignInPage) {
    return (
      <SignInPage
        expired={expired}
        onSignedIn={(u) => {
          setExpired(false);
          setUser(u);
        }}
      />
    );
  }

  let page;
  if (!match) {
    page = (
      <>
        <h1 tabIndex={-1}>Page not found</h1>
        <p>
          There is no page at <code>{loc.pathname}</code>. <Link href="/">Go to the start page</Link>.
        </p>
      </>
    );
  } else {
    const access = checkAccess(user, match.route);
    if (access.kind === 'forbidden') {
      page = (
        <>
          <h1 tabIndex={-1}>Not available to your roles</h1>
          <p>
            <strong>{match.route.title}</strong> is open to {access.need.join(', ')}. You are signed in as {user.username} with{' '}
            {user.roles.join(', ') || 'no role'}. Ask an administrator if you need it.
          </p>
          <p>
            <Link href="/">Go to the start page</Link>
          </p>
        </>
      );
    } else {
      const Page = match.route.component;
      page = <Page key={match.route.path} params={match.params} query={new URLSearchParams(loc.search)} user={user} />;
    }
  }

  const doSignOut = async () => {
    try {
      await signOut();
    } finally {
      setExpired(false);
      setUser(null);
      navigate(signInPath, { replace: true });
    }
  };

  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <span class="brand">riskconsole</span>
        <nav aria-label="Main">
          <ul>
            {routes
              .filter((r) => r.nav && allowed(user, r))
              .map((r) => (
                <li key={r.path}>
                  <Link href={r.path} aria-current={match?.route === r || loc.pathname.startsWith(r.path + '/') ? 'page' : undefined}>
                    {r.title}
                    {r.path === '/inbox' && <InboxCount user={user} refresh={loc.pathname} />}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <div class="who">
          <span>
            {user.displayName || user.username} <span class="roles">({user.roles.join(', ')})</span>
          </span>
          <button type="button" class="secondary" onClick={doSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main">{page}</main>
    </>
  );
}
