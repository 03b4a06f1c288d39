import { useEffect } from 'preact/hooks';
import { PageHeader } from '../components/common';
import { allowed, type Guarded } from '../lib/access';
import type { PageProps } from '../lib/pages';
import { navigate } from '../lib/router';

/** A page HomePage may send the user to: those with nav set, in order. */
export interface NavPage extends Guarded {
  nav?: boolean;
}

/** HomePage sends the user to the first of pages their roles open, or says there is none. */
export function HomePage({ user, pages }: PageProps & { pages: readonly NavPage[] }) {
  const first = pages.find((r) => r.nav && allowed(user, r));
  useEffect(() => {
    if (first) navigate(first.path, { replace: true });
  }, [first]);
  if (first) return null;
  return (
    <>
      <PageHeader title="No pages for your roles" />
      <p>
        You are signed in as {user.username} with the roles {user.roles.join(', ') || 'none'}; none of the console's pages is open to them. Ask an
        administrator for the role you need.
      </p>
    </>
  );
}
