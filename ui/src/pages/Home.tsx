import { useEffect } from 'preact/hooks';
import { PageHeader } from '../components/common';
import { allowed } from '../lib/access';
import { navigate } from '../lib/router';
import { routes, type PageProps } from '../routes';

/** HomePage sends the user to the first page their roles open, or says there is none. */
export function HomePage({ user }: PageProps) {
  const first = routes.find((r) => r.nav && allowed(user, r));
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
